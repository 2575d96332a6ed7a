"""The CI formats: SARIF, JUnit XML, GitHub workflow commands and Markdown.

Each is checked on the example productions through the real command line, for its
structure and a few known findings, for byte-identical output across runs, and against a
manifest whose every string tries to break the format.
"""

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import quote

import jsonschema
import junitparser
import pytest
from markdown_it import MarkdownIt

from conftest import EXAMPLES, MINIMAL, ROOT, TODAY, hkai, hkai_json, strict_json

from test_spoofing import PAYLOADS

SARIF_SCHEMA = ROOT.parent / "shared" / "reference" / "sarif" / "sarif-schema-2.1.0.json"
CORPUS = ROOT / "tests" / "corpus" / "manifests"
DRAGON = "examples/projects/dragon-returns-resurrection/manifest.yaml"
NEON = "examples/projects/neon-idol-music-video/manifest.yaml"
SWORDSMAN = "examples/projects/last-swordsman-de-ageing/manifest.yaml"
FORMATS = ("sarif", "junit", "github", "gitlab", "markdown", "html")

HOSTILE = {**PAYLOADS, "percent": "100%25 %0A", "workflow": "\n::error::forged\r\n::warning file=x::y",
           "pipe": "a | b || c", "bracket": "x] [link](https://evil.example) ![i](y)",
           "html": "<script>alert(1)</script> <!-- & -->", "backtick": "``code`` *em* _u_"}


# Outside GitHub Actions: the Markdown report's links are then relative (in a run of these tests
# on GitHub Actions they would otherwise point at github.com).
NOT_ON_GITHUB = {"GITHUB_SERVER_URL": "", "GITHUB_REPOSITORY": "", "GITHUB_SHA": ""}


def report(fmt: str, *paths: str, cwd: Path | None = None) -> tuple[int, str]:
    result = hkai("check", *(paths or (str(EXAMPLES),)), "--format", fmt, "--today", TODAY, cwd=cwd, env=NOT_ON_GITHUB)
    assert result.stdout, result.stderr
    return result.returncode, result.stdout


@pytest.fixture(scope="module")
def examples_json() -> dict:
    return hkai_json(str(EXAMPLES))[1]


def counted(finding: dict) -> bool:
    return not finding["waived"] and not finding.get("baselined", False)


def hostile_manifest(tmp_path: Path) -> Path:
    """A manifest with every payload in titles, names, descriptions and waiver reasons, in a
    folder whose own name carries the characters that matter to the formats' syntax."""
    text = "".join(HOSTILE.values())
    folder = tmp_path / "we,ird:dir %41 #x ]|"
    folder.mkdir()
    path = folder / "manifest.yaml"
    path.write_text(MINIMAL.replace("title: {en: Demo, zh: 示範}", f"title: {json.dumps(text)}")
                    .replace("ai_use_level: none", "ai_use_level: medium") + f"""\
people:
  - {{id: p-a, name: {json.dumps(text)}, roles: [performer]}}
  - {{id: p-b, name: {json.dumps(HOSTILE['workflow'])}, roles: [performer]}}
ai_uses:
  - {{id: replica, kind: digital_replica, subjects: [p-a, p-b], description: {json.dumps(HOSTILE['ansi'])}}}
waivers:
  - {{rule: CON-001, target: replica, reason: {json.dumps(text)}, approved_by: {json.dumps(HOSTILE['bidi'])},
     expires_on: 2027-01-01}}
""", encoding="utf-8")
    return path


@pytest.fixture
def hostile(tmp_path) -> tuple[Path, dict]:
    path = hostile_manifest(tmp_path)
    code, data = hkai_json(str(path))
    assert code == 1
    findings = data["manifests"][0]["findings"]
    assert any(f["waived"] for f in findings) and any(counted(f) for f in findings)
    assert any("::error::forged" in f["message"] for f in findings)  # the payload does reach the messages
    return path, data


# --- SARIF ---------------------------------------------------------------------------------------

def sarif_validator() -> jsonschema.Draft4Validator:
    if not SARIF_SCHEMA.is_file():
        pytest.skip(f"the SARIF schema is not at {SARIF_SCHEMA}")
    return jsonschema.Draft4Validator(json.loads(SARIF_SCHEMA.read_text(encoding="utf-8")))


def assert_valid_sarif(log: dict) -> None:
    errors = sorted(sarif_validator().iter_errors(log), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:10])


def test_sarif_matches_the_official_schema(examples_json):
    code, out = report("sarif")
    assert code == 1
    log = json.loads(out)
    assert_valid_sarif(log)
    assert log["version"] == "2.1.0" and log["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json"
    (run,) = log["runs"]
    assert run["tool"]["driver"]["name"] == "hkai"
    assert run["invocations"][0]["executionSuccessful"] is True
    rules = run["tool"]["driver"]["rules"]
    evaluated = {rule for manifest in examples_json["manifests"] for rule in manifest["rules_evaluated"]}
    assert [rule["id"] for rule in rules] == sorted(evaluated)
    all_findings = [f for manifest in examples_json["manifests"] for f in manifest["findings"]]
    assert len(run["results"]) == len(all_findings)
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    fingerprints = [result["partialFingerprints"]["hkaiFinding/v1"] for result in run["results"]]
    assert len(set(fingerprints)) == len(fingerprints)


def test_sarif_names_the_tool_its_rules_pages_and_run_category():
    run = json.loads(report("sarif")[1])["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["fullName"] == f"hkai {driver['version']}"
    assert driver["informationUri"].startswith("https://")
    # GitHub code scanning takes the category from what comes before the last slash
    assert run["automationDetails"] == {"id": "hkai/"}
    assert set(run["originalUriBaseIds"]) == {"%SRCROOT%"}
    assert "uri" not in run["originalUriBaseIds"]["%SRCROOT%"]  # no machine-specific path
    for rule in driver["rules"]:  # every built-in rule links to its rule file in the repository
        principle = rule["properties"]["principle"]
        assert rule["helpUri"] == f"{driver['informationUri']}/blob/main/rules/{principle}.yaml", rule["id"]
        assert (ROOT / "rules" / f"{principle}.yaml").is_file()


def sarif_uris(log: dict) -> list[dict]:
    run = log["runs"][0]
    locations = [loc for result in run["results"] for loc in result["locations"]]
    locations += [loc for invocation in run["invocations"]
                  for note in invocation.get("toolExecutionNotifications", []) for loc in note["locations"]]
    return [loc["physicalLocation"]["artifactLocation"] for loc in locations]


def _manifest_in_a_repository(tmp_path):
    """A copy of the dragon example at productions/film/ of a repository (a folder holding .git)."""
    folder = tmp_path / "repo" / "productions" / "film"
    folder.mkdir(parents=True)
    (tmp_path / "repo" / ".git").mkdir()
    (folder / "manifest.yaml").write_text((ROOT / DRAGON).read_text(encoding="utf-8"), encoding="utf-8")
    return folder


def test_sarif_uris_are_relative_to_the_repository_root(tmp_path):
    folder = _manifest_in_a_repository(tmp_path)
    repository = folder.parents[1]
    # run from inside the repository: the root is found by its .git folder
    code, out = report("sarif", "manifest.yaml", cwd=folder)
    log = json.loads(out)
    assert_valid_sarif(log)
    assert {tuple(a.items()) for a in sarif_uris(log)} == {
        (("uri", "productions/film/manifest.yaml"), ("uriBaseId", "%SRCROOT%"))}
    # --root says where the root is
    code, out = report("sarif", "productions/film/manifest.yaml", "--root", "productions", cwd=repository)
    assert {a["uri"] for a in sarif_uris(json.loads(out))} == {"film/manifest.yaml"}
    # a file outside the root is an absolute file URI
    code, out = report("sarif", str(folder / "manifest.yaml"), "--root", str(ROOT / "examples"), cwd=repository)
    assert {a["uri"] for a in sarif_uris(json.loads(out))} == {(folder / "manifest.yaml").as_uri()}


def test_sarif_uris_without_a_repository_are_relative_to_the_current_folder(tmp_path):
    folder = tmp_path / "film"
    folder.mkdir()
    (folder / "manifest.yaml").write_text((ROOT / DRAGON).read_text(encoding="utf-8"), encoding="utf-8")
    assert not any((parent / ".git").exists() for parent in (tmp_path, *tmp_path.parents))
    code, out = report("sarif", "film/manifest.yaml", cwd=tmp_path)
    assert {a["uri"] for a in sarif_uris(json.loads(out))} == {"film/manifest.yaml"}


def test_sarif_root_must_be_a_folder(tmp_path):
    result = hkai("check", str(ROOT / DRAGON), "--format", "sarif", "--root", str(tmp_path / "nowhere"))
    assert result.returncode == 2 and result.stdout == ""
    assert "--root: " in result.stderr and "is not a folder" in result.stderr
    assert "Traceback" not in result.stderr


def test_sarif_result_for_a_known_finding():
    log = json.loads(report("sarif")[1])
    run = log["runs"][0]
    (result,) = [r for r in run["results"] if r["ruleId"] == "CON-007"]
    assert result["level"] == "error"
    assert "Kwan Tin Lung is deceased" in result["message"]["text"]
    location = result["locations"][0]
    assert location["physicalLocation"] == {
        "artifactLocation": {"uri": DRAGON, "uriBaseId": "%SRCROOT%"},
        "region": {"startLine": 74, "startColumn": 5},
    }
    assert location["logicalLocations"][0]["fullyQualifiedName"] == "/consents/0/given_by"
    assert "suppressions" not in result
    rule = run["tool"]["driver"]["rules"][result["ruleIndex"]]
    assert rule["defaultConfiguration"]["level"] == "error"
    assert rule["properties"]["principle"] == "consent"
    assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"] and rule["help"]["text"]
    assert re.fullmatch(r"[A-Z][A-Za-z0-9]+", rule["name"])


def test_sarif_waived_finding_carries_a_suppression():
    run = json.loads(report("sarif")[1])["runs"][0]
    (result,) = [r for r in run["results"] if r["ruleId"] == "DIS-003"]
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == NEON
    assert result["level"] == "warning"
    (suppression,) = result["suppressions"]
    assert suppression["kind"] == "inSource" and suppression["status"] == "accepted"
    assert "one language only" in suppression["justification"]
    assert sum(1 for r in run["results"] if "suppressions" in r) == 1


def test_sarif_unreadable_and_schema_invalid_manifests():
    code, out = report("sarif", str(CORPUS / "bad-indentation.yaml"), str(CORPUS / "missing-required.yaml"))
    assert code == 2
    log = json.loads(out)
    assert_valid_sarif(log)
    invocation = log["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    (note,) = invocation["toolExecutionNotifications"]
    assert note["level"] == "error" and note["message"]["text"]
    assert note["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "tests/corpus/manifests/bad-indentation.yaml", "uriBaseId": "%SRCROOT%"},
        "region": {"startLine": 4, "startColumn": 10}}
    # the format check, and the placeholder check, which judges a manifest as written, valid or not
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert [rule["id"] for rule in rules] == ["INT-006", "SCHEMA"]
    assert {r["ruleId"] for r in log["runs"][0]["results"]} == {"SCHEMA"}
    assert all(r["ruleIndex"] == 1 for r in log["runs"][0]["results"])


def test_sarif_in_chinese_is_valid():
    result = hkai("check", str(EXAMPLES), "--format", "sarif", "--today", TODAY, "--lang", "zh")
    log = json.loads(result.stdout)
    assert_valid_sarif(log)
    assert log["runs"][0]["language"] == "zh-HK"
    (finding,) = [r for r in log["runs"][0]["results"] if r["ruleId"] == "CON-007"]
    assert re.search("[\u4e00-\u9fff]", finding["message"]["text"])


def test_sarif_survives_hostile_text(hostile):
    path, data = hostile
    code, out = report("sarif", str(path))
    assert code == 1
    log = json.loads(out)
    assert_valid_sarif(log)
    results = log["runs"][0]["results"]
    assert len(results) == len(data["manifests"][0]["findings"])
    uri = results[0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert uri["uri"].startswith("file:///") and "uriBaseId" not in uri  # outside the current folder
    assert " " not in uri["uri"] and "#" not in uri["uri"] and "%2541" in uri["uri"]
    texts = json.dumps(log, ensure_ascii=False)
    for raw in ("\x1b", "\r", "\u202e", "\x07"):
        assert raw not in texts
    assert all("\n" not in r["message"]["text"] for r in results)
    # plain-text SARIF messages treat [text](target) as a link: literal brackets are escaped
    assert all(re.search(r"(?<!\\)[\[\]]", r["message"]["text"]) is None for r in results)
    assert sum(1 for r in results if "suppressions" in r) == sum(1 for f in data["manifests"][0]["findings"]
                                                                  if f["waived"])


# --- JUnit ---------------------------------------------------------------------------------------

def parse_junit(out: str) -> ET.Element:
    assert out.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    return ET.fromstring(out.encode("utf-8"))


def test_junit_counts_match_the_findings(examples_json):
    code, out = report("junit")
    assert code == 1
    root = parse_junit(out)
    assert root.tag == "testsuites" and root.get("name") == "hkai"
    rule_count = len(examples_json["rulepack"]["rules"])
    suites = {suite.get("name"): suite for suite in root.findall("testsuite")}
    assert list(suites) == [m["path"].removeprefix(str(ROOT) + "/") for m in examples_json["manifests"]]
    dragon = suites[DRAGON]
    assert (dragon.get("tests"), dragon.get("failures"), dragon.get("errors"), dragon.get("skipped")) == (
        str(rule_count), "4", "0", "6")
    for manifest in examples_json["manifests"]:
        suite = suites[manifest["path"].removeprefix(str(ROOT) + "/")]
        cases = suite.findall("testcase")
        failing_rules = {f["rule"] for f in manifest["findings"] if counted(f) and f["severity"] == "error"}
        assert int(suite.get("tests")) == len(cases) == rule_count
        # a failing case has exactly one <failure>: failures counts failing cases
        assert all(len(case.findall("failure")) <= 1 for case in cases)
        assert int(suite.get("failures")) == len(suite.findall("testcase/failure")) == len(failing_rules)
        assert int(suite.get("skipped")) == len(suite.findall("testcase/skipped")) == (
            rule_count - len(manifest["rules_evaluated"]))
        failing = {case.get("name").split()[0] for case in cases if case.find("failure") is not None}
        assert failing == failing_rules
    for key in ("tests", "failures", "errors", "skipped"):
        assert int(root.get(key)) == sum(int(suite.get(key)) for suite in suites.values())


def test_junit_failure_and_skipped_details():
    root = parse_junit(report("junit")[1])
    dragon = next(s for s in root.findall("testsuite") if s.get("name") == DRAGON)
    (case,) = [c for c in dragon.findall("testcase") if c.get("name").startswith("CON-007 ")]
    assert case.get("classname") == "consent"
    (failure,) = case.findall("failure")
    assert failure.get("type") == "error"
    assert "Kwan Tin Lung is deceased" in failure.get("message")
    assert f"{DRAGON}:74:5" in failure.text and "Kwan Tin Lung is deceased" in failure.text
    skipped = [c.find("skipped") for c in dragon.findall("testcase") if c.find("skipped") is not None]
    assert {s.get("message") for s in skipped} == {"not applicable at this AI-use level"}
    neon = next(s for s in root.findall("testsuite") if s.get("name") == NEON)
    (waived,) = [c for c in neon.findall("testcase") if c.get("name").startswith("DIS-003 ")]
    assert waived.find("failure") is None
    assert "one language only" in waived.find("system-out").text


def test_junit_unreadable_and_schema_invalid_manifests(examples_json):
    code, out = report("junit", str(CORPUS / "bad-indentation.yaml"), str(CORPUS / "missing-required.yaml"))
    assert code == 2
    root = parse_junit(out)
    unreadable, invalid = root.findall("testsuite")
    assert (unreadable.get("tests"), unreadable.get("errors")) == ("1", "1")
    (load,) = unreadable.findall("testcase")
    assert load.get("name") == "load"
    assert "tests/corpus/manifests/bad-indentation.yaml:4:10" in load.find("error").text
    cases = invalid.findall("testcase")
    schema = [c for c in cases if c.get("name").startswith("SCHEMA")]
    assert len(schema) == 1 and len(schema[0].findall("failure")) == int(invalid.get("failures")) == 1
    assert schema[0].find("failure").get("message").endswith("(and 3 more)")
    assert schema[0].find("failure").text.count("tests/corpus/manifests/missing-required.yaml:") == 4
    skipped = [c.find("skipped").get("message") for c in cases if c.find("skipped") is not None]
    # every rule but the one that judges the format, which fails, and the placeholder check,
    # which judges a manifest as written, valid or not (and passes here)
    assert skipped == ["manifest does not match the format"] * (len(examples_json["rulepack"]["rules"]) - 2)
    assert root.get("errors") == "1"


def junit2html_verdict(xml_text: str) -> bool:
    """Whether a consumer counting as junit2html, Jenkins and GitLab do (failures + errors of
    every test case, read by junitparser) shows the run as failed."""
    xml = junitparser.JUnitXml.fromstring(xml_text)
    failed = 0
    for suite in xml:
        for case in suite:
            failed += any(isinstance(r, (junitparser.Failure, junitparser.Error)) for r in case.result)
    return failed > 0


@pytest.mark.parametrize("fail_on", ["error", "warning", "info", "never"])
@pytest.mark.parametrize("paths", [[str(EXAMPLES)], [SWORDSMAN]])
def test_junit_consumers_fail_exactly_when_hkai_does(fail_on, paths):
    result = hkai("check", *paths, "--format", "junit", "--today", TODAY, "--fail-on", fail_on)
    assert result.returncode in (0, 1), result.stderr
    assert junit2html_verdict(result.stdout) == (result.returncode == 1)
    xml = junitparser.JUnitXml.fromstring(result.stdout)
    failing_cases = sum(1 for suite in xml for case in suite
                        if any(isinstance(r, junitparser.Failure) for r in case.result))
    assert xml.failures == failing_cases == sum(suite.failures for suite in xml)


def test_junit_findings_below_fail_on_are_passed_cases_with_output():
    """The de-ageing example has warnings only: hkai passes it at --fail-on error."""
    path = SWORDSMAN
    code, data = hkai_json(str(path))
    counted_findings = [f for f in data["manifests"][0]["findings"] if counted(f)]
    assert code == 0 and counted_findings and all(f["severity"] != "error" for f in counted_findings)
    result = hkai("check", str(path), "--format", "junit", "--today", TODAY)
    assert result.returncode == 0
    assert not junit2html_verdict(result.stdout)
    xml = junitparser.JUnitXml.fromstring(result.stdout)
    assert (xml.failures, xml.errors) == (0, 0)
    finding = counted_findings[0]
    (case,) = [c for suite in xml for c in suite if c.name.startswith(finding["rule"] + " ")]
    assert case.is_passed and not case.is_skipped
    assert "does not fail the run (--fail-on error): " in case.system_out and finding["message"] in case.system_out
    # the same finding fails the run, and the case, at --fail-on warning
    strict = hkai("check", str(path), "--format", "junit", "--today", TODAY, "--fail-on", finding["severity"])
    assert strict.returncode == 1 and junit2html_verdict(strict.stdout)


def test_junit_unreadable_manifest_is_an_error_consumers_see(examples_json):
    code, out = report("junit", str(CORPUS / "bad-indentation.yaml"))
    assert code == 2
    xml = junitparser.JUnitXml.fromstring(out)
    assert (xml.errors, xml.failures) == (1, 0) and junit2html_verdict(out)


def test_junit_survives_hostile_text(hostile):
    path, data = hostile
    code, out = report("junit", str(path))
    assert code == 1
    root = parse_junit(out)  # well-formed
    (suite,) = root.findall("testsuite")
    failing_rules = {f["rule"] for f in data["manifests"][0]["findings"] if counted(f) and f["severity"] == "error"}
    assert int(suite.get("failures")) == len(suite.findall("testcase/failure")) == len(failing_rules)
    assert re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202e]", out) is None  # only newlines and indentation
    assert "\\u001b" in out and "\\u202e" in out
    assert "<script>" not in out
    assert [child.tag for child in root] == ["testsuite"]


# --- GitLab Code Quality -------------------------------------------------------------------------

# The fields GitLab requires of each issue of a Code Quality report, with the severities it
# accepts: https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format
# ("description", "check_name", "fingerprint", "severity" one of info, minor, major, critical,
# blocker, "location.path", and "location.lines.begin" or "location.positions.begin.line").
GITLAB_CODE_QUALITY = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "array",
    "items": {
        "type": "object",
        "required": ["description", "check_name", "fingerprint", "severity", "location"],
        "properties": {
            "description": {"type": "string", "minLength": 1},
            "check_name": {"type": "string", "minLength": 1},
            "fingerprint": {"type": "string", "minLength": 1},
            "severity": {"enum": ["info", "minor", "major", "critical", "blocker"]},
            "location": {
                "type": "object",
                "required": ["path", "lines"],
                "properties": {
                    "path": {"type": "string", "minLength": 1},
                    "lines": {"type": "object", "required": ["begin"],
                              "properties": {"begin": {"type": "integer", "minimum": 1}}},
                },
            },
        },
    },
}


def assert_valid_code_quality(issues: list) -> None:
    errors = list(jsonschema.Draft202012Validator(GITLAB_CODE_QUALITY).iter_errors(issues))
    assert errors == [], [error.message for error in errors]
    fingerprints = [issue["fingerprint"] for issue in issues]
    assert len(set(fingerprints)) == len(fingerprints)  # GitLab merges issues that share one


def test_gitlab_one_issue_per_counted_finding(examples_json):
    code, out = report("gitlab")
    assert code == 1
    issues = strict_json(out)
    assert_valid_code_quality(issues)
    expected = [(m["path"].removeprefix(str(ROOT) + "/"), f["rule"], f["line"], f["severity"], f["message"])
                for m in examples_json["manifests"] for f in m["findings"] if counted(f)]
    severity = {"error": "major", "warning": "minor", "info": "info"}
    assert [(i["location"]["path"], i["check_name"], i["location"]["lines"]["begin"], i["severity"],
             i["description"]) for i in issues] == [(p, r, n, severity[s], m) for p, r, n, s, m in expected]
    (con007,) = [i for i in issues if i["check_name"] == "CON-007"]
    assert con007 == {"description": con007["description"], "check_name": "CON-007",
                      "fingerprint": con007["fingerprint"], "severity": "major",
                      "location": {"path": DRAGON, "lines": {"begin": 74}}}
    assert "Kwan Tin Lung is deceased" in con007["description"]


def test_gitlab_fingerprints_survive_moved_lines(tmp_path):
    source = (ROOT / DRAGON).read_text(encoding="utf-8")
    (tmp_path / "manifest.yaml").write_text(source, encoding="utf-8")
    before = strict_json(report("gitlab", "manifest.yaml", cwd=tmp_path)[1])
    (tmp_path / "manifest.yaml").write_text("# a comment\n# and another\n" + source, encoding="utf-8")
    after = strict_json(report("gitlab", "manifest.yaml", cwd=tmp_path)[1])
    assert [i["location"]["lines"]["begin"] + 2 for i in before] == [i["location"]["lines"]["begin"] for i in after]
    assert [i["fingerprint"] for i in before] == [i["fingerprint"] for i in after]


def test_gitlab_paths_are_relative_to_the_repository_root(tmp_path):
    folder = _manifest_in_a_repository(tmp_path)
    repository = folder.parents[1]
    issues = strict_json(report("gitlab", "manifest.yaml", cwd=folder)[1])
    assert {i["location"]["path"] for i in issues} == {"productions/film/manifest.yaml"}
    issues = strict_json(report("gitlab", "productions/film/manifest.yaml", "--root", "productions",
                                cwd=repository)[1])
    assert {i["location"]["path"] for i in issues} == {"film/manifest.yaml"}


def test_gitlab_unreadable_manifest_is_a_blocker():
    code, out = report("gitlab", str(CORPUS / "bad-indentation.yaml"), str(CORPUS / "missing-required.yaml"))
    assert code == 2
    issues = strict_json(out)
    assert_valid_code_quality(issues)
    assert issues[0]["severity"] == "blocker" and issues[0]["check_name"] == "load"
    assert issues[0]["location"] == {"path": "tests/corpus/manifests/bad-indentation.yaml", "lines": {"begin": 4}}
    assert [i["check_name"] for i in issues[1:]] == ["SCHEMA"] * 4


def test_gitlab_survives_hostile_text(hostile):
    path, data = hostile
    code, out = report("gitlab", str(path))
    assert code == 1
    issues = strict_json(out)
    assert_valid_code_quality(issues)
    assert len(issues) == len([f for f in data["manifests"][0]["findings"] if counted(f)])
    assert re.search("[\x00-\x1f\x7f-\x9f\u202e]", "".join(i["description"] for i in issues)) is None


# --- GitHub --------------------------------------------------------------------------------------

def test_github_lines_for_an_example():
    code, out = report("github", str(EXAMPLES / "last-swordsman-de-ageing"))
    assert code == 0  # warnings only
    assert out.splitlines() == [
        f"::warning file={SWORDSMAN},line=99,col=5,title=CMP-003::Compensation pay-kwok-buyout pays Kwok Man Tat "
        "for AI use ai-replica (digital_replica) as a buyout",
        f"::warning file={SWORDSMAN},line=99,col=5,title=CMP-003::Compensation pay-kwok-buyout pays Kwok Man Tat "
        "for AI use ai-voice (voice_clone) as a buyout",
    ]


def test_github_one_line_per_unwaived_finding(examples_json):
    code, out = report("github")
    assert code == 1
    lines = out.splitlines()
    unwaived = [f for m in examples_json["manifests"] for f in m["findings"] if counted(f)]
    assert len(lines) == len(unwaived)
    assert all(re.match(r"::(error|warning|notice) file=[^,]+,line=\d+,col=\d+,title=[A-Z]+-\d+::", line)
               for line in lines)
    assert (f"::error file={DRAGON},line=74,col=5,title=CON-007::Kwan Tin Lung is deceased, but consent "
            "c-kwan-1976 is given by self, not by the estate") in lines
    assert not any("DIS-003" in line for line in lines)  # waived


def test_github_unreadable_manifest():
    code, out = report("github", str(CORPUS / "bad-indentation.yaml"))
    assert code == 2
    assert out == ("::error file=tests/corpus/manifests/bad-indentation.yaml,line=4,col=10::"
                   "mapping values are not allowed in this context\n")


def test_github_survives_hostile_text(hostile):
    path, data = hostile
    code, out = report("github", str(path))
    assert code == 1
    lines = out.split("\n")
    assert lines[-1] == ""
    lines = lines[:-1]
    assert len(lines) == sum(1 for f in data["manifests"][0]["findings"] if counted(f))
    for line in lines:
        match = re.fullmatch(r"::(error|warning|notice) file=([^,:]+),line=\d+,col=\d+,title=([A-Z]+-\d+)::(.*)", line)
        assert match, line
        assert match.group(2).endswith("we%2Cird%3Adir %2541 #x ]|/manifest.yaml")
    assert "\r" not in out and "\x1b" not in out and "\u202e" not in out
    assert "100%2525 %250A" in out  # % escaped, so the runner cannot decode a forged newline
    assert any("\\u000a::error::forged\\u000d\\u000a::warning file=x::y" in line for line in lines)


# --- Markdown ------------------------------------------------------------------------------------

FINDINGS = "| Severity | Rule | Message | Fix | Location |"
WAIVED = "| Severity | Rule | Message | Location | Reason | Approved by | Expires |"
PRINCIPLES = "| Principle | error | warning | info |"


def table_rows(lines: list[str], header: str) -> list[list[str]]:
    """The body rows of every table with this header row, split into cells."""
    rows, inside = [], False
    for i, line in enumerate(lines):
        if line == header and i + 1 < len(lines) and lines[i + 1].startswith("|---"):
            inside = None
            continue
        if inside is None:  # the delimiter row
            inside = True
            continue
        if inside and line.startswith("|"):
            rows.append(re.split(r"(?<!\\)\|", line.strip())[1:-1])
        else:
            inside = False
    return rows


def sections(out: str) -> dict[str, list[str]]:
    parts: dict[str, list[str]] = {}
    current = None
    for line in out.splitlines():
        if line.startswith("### "):
            current = line.split(" ", 2)[2]
            parts[current] = []
        elif current is not None:
            parts[current].append(line)
    return parts


def test_markdown_tables(examples_json):
    code, out = report("markdown")
    assert code == 1
    lines = out.splitlines()
    assert lines[0].startswith("## ")
    assert "Checked 7 manifests: 4 passed, 3 failed, 0 could not be read" in out
    principles = table_rows(lines, PRINCIPLES)
    assert [row[0].strip() for row in principles] == [
        "Consent", "Disclosure", "Credit", "Compensation", "Data & oversight", "Integrity"]
    all_unwaived = [f for m in examples_json["manifests"] for f in m["findings"] if counted(f)]
    for column, severity in enumerate(("error", "warning", "info"), start=1):
        assert sum(int(row[column]) for row in principles) == sum(1 for f in all_unwaived if f["severity"] == severity)
    parts = sections(out)
    assert len(parts) == len(examples_json["manifests"])
    for manifest in examples_json["manifests"]:
        relative = manifest["path"].removeprefix(str(ROOT) + "/")
        body = parts[relative.replace("_", "\\_")]
        rows = table_rows(body, FINDINGS)
        assert len(rows) == sum(1 for f in manifest["findings"] if counted(f))
        assert all(len(row) == 5 for row in rows)
        waived_rows = table_rows(body, WAIVED)
        assert len(waived_rows) == sum(1 for f in manifest["findings"] if f["waived"])
    dragon = table_rows(parts[DRAGON], FINDINGS)
    (row,) = [r for r in dragon if r[1].strip() == "CON-007"]
    assert row[4].strip() == f"[{DRAGON}:74]({DRAGON}#L74)"


def test_markdown_unreadable_manifest_is_listed():
    code, out = report("markdown", str(CORPUS / "bad-indentation.yaml"), str(CORPUS / "missing-required.yaml"))
    assert code == 2
    assert "Manifests that could not be read" in out
    assert "[tests/corpus/manifests/bad-indentation.yaml:4](tests/corpus/manifests/bad-indentation.yaml#L4)" in out
    invalid = sections(out)["tests/corpus/manifests/missing-required.yaml"]
    assert len(table_rows(invalid, FINDINGS)) == 4


def test_markdown_survives_hostile_text(hostile):
    path, data = hostile
    code, out = report("markdown", str(path))
    assert code == 1
    findings = data["manifests"][0]["findings"]
    lines = out.splitlines()
    rows = table_rows(lines, FINDINGS)
    assert len(rows) == sum(1 for f in findings if counted(f))
    assert all(len(row) == 5 for row in rows)
    waived = table_rows(lines, WAIVED)
    assert len(waived) == sum(1 for f in findings if f["waived"]) and all(len(row) == 7 for row in waived)
    assert len(table_rows(lines, PRINCIPLES)) == 6
    assert sum(1 for line in lines if line.startswith("#")) == 2  # the report's heading and the manifest's
    for raw in ("\x1b", "\r", "\u202e", "<script>", "``"):
        assert raw not in out
    assert "\\<script\\>" in out and "\\]" in out and "\\|" in out
    # the only links are the locations: the payload's link is shown as text
    assert {link.split("#L")[0] for link in links(out)} == {
        quote(str(path), safe="/")}


def links(markdown: str) -> list[str]:
    """The target of every link in ``markdown`` as GitHub renders it (CommonMark and GFM tables)."""
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    inline = [child for token in tokens for child in token.children or []]
    return [child.attrs["href"] for child in inline if child.type == "link_open"]


# --- every format --------------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_output_is_byte_identical_across_runs(fmt):
    first, second = report(fmt)[1], report(fmt)[1]
    assert first == second


@pytest.mark.parametrize("fmt", FORMATS)
def test_chinese_output_renders(fmt):
    result = hkai("check", str(EXAMPLES), "--format", fmt, "--today", TODAY, "--lang", "zh")
    assert result.returncode == 1, result.stderr
    assert re.search("[\u4e00-\u9fff]", result.stdout)


HOUSE_RULE = """\
rules:
  - id: HSE-001
    principle: disclosure
    severity: info
    levels: all
    help_uri: https://example.org/rules/HSE-001
    title: {en: Every AI use is described, zh: 每項人工智能應用均有描述}
    rationale: {en: Reviewers need to know what each use does., zh: 審閱者需要知道每項應用的用途。}
    message: {en: "AI use {use.id} has no description", zh: "人工智能應用 {use.id} 沒有描述"}
    fix: {en: Add a description., zh: 加上描述。}
    source: house rule
    check:
      for_each: {use: ai_uses}
      require:
        use.description: {present: true}
"""


def test_info_rules_of_an_extra_pack(tmp_path, write_manifest):
    pack = tmp_path / "house"
    pack.mkdir()
    (pack / "pack.yaml").write_text("name: house\nversion: 2.0.0\n", encoding="utf-8")
    (pack / "house.yaml").write_text(HOUSE_RULE, encoding="utf-8")
    manifest = write_manifest(MINIMAL.replace("ai_use_level: none", "ai_use_level: low") + """\
people:
  - {id: p-a, name: Chan Siu Ming, roles: [performer]}
ai_uses:
  - {id: accent, kind: accent_correction, subjects: [p-a]}
""")
    args = ("check", "--rules", str(pack), str(manifest), "--today", TODAY, "--format")
    log = json.loads(hkai(*args, "sarif", cwd=tmp_path).stdout)
    assert_valid_sarif(log)
    run = log["runs"][0]
    (result,) = [r for r in run["results"] if r["ruleId"] == "HSE-001"]
    assert result["level"] == "note"
    assert result["locations"][0]["physicalLocation"]["artifactLocation"] == {
        "uri": "manifest.yaml", "uriBaseId": "%SRCROOT%"}  # relative to the current folder
    rule = run["tool"]["driver"]["rules"][result["ruleIndex"]]
    assert rule["helpUri"] == "https://example.org/rules/HSE-001"
    assert rule["defaultConfiguration"]["level"] == "note" and rule["name"] == "EveryAIUseIsDescribed"
    assert {"name": "house", "version": "2.0.0"} in run["properties"]["rulePacks"]
    github = hkai(*args, "github", cwd=tmp_path).stdout.splitlines()
    assert "::notice file=manifest.yaml,line=11,col=5,title=HSE-001::AI use accent has no description" in github


def test_findings_known_from_a_baseline_do_not_fail(tmp_path, examples_json):
    baseline = tmp_path / "baseline.json"
    hkai("check", str(EXAMPLES), "--create-baseline", str(baseline), "--today", TODAY, "--format", "json")
    assert baseline.is_file()
    known = ("--baseline", str(baseline))
    result = hkai("check", str(EXAMPLES), *known, "--format", "github", "--today", TODAY)
    assert result.returncode == 0 and result.stdout == ""
    root = parse_junit(hkai("check", str(EXAMPLES), *known, "--format", "junit", "--today", TODAY).stdout)
    assert root.get("failures") == "0"
    log = json.loads(hkai("check", str(EXAMPLES), *known, "--format", "sarif", "--today", TODAY).stdout)
    assert_valid_sarif(log)
    states = [r["baselineState"] for r in log["runs"][0]["results"] if "suppressions" not in r]
    assert states and set(states) == {"unchanged"}
