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
import pytest
from markdown_it import MarkdownIt

from conftest import EXAMPLES, MINIMAL, ROOT, TODAY, hkai, hkai_json

from test_spoofing import PAYLOADS

SARIF_SCHEMA = ROOT.parent / "shared" / "reference" / "sarif" / "sarif-schema-2.1.0.json"
CORPUS = ROOT / "tests" / "corpus" / "manifests"
DRAGON = "examples/projects/dragon-returns-resurrection/manifest.yaml"
NEON = "examples/projects/neon-idol-music-video/manifest.yaml"
SWORDSMAN = "examples/projects/last-swordsman-de-ageing/manifest.yaml"
FORMATS = ("sarif", "junit", "github", "markdown", "html")

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
        str(rule_count), "8", "0", "6")
    for manifest in examples_json["manifests"]:
        suite = suites[manifest["path"].removeprefix(str(ROOT) + "/")]
        cases = suite.findall("testcase")
        unwaived = [f for f in manifest["findings"] if counted(f)]
        assert int(suite.get("tests")) == len(cases) == rule_count
        assert int(suite.get("failures")) == len(suite.findall("testcase/failure")) == len(unwaived)
        assert int(suite.get("skipped")) == len(suite.findall("testcase/skipped")) == (
            rule_count - len(manifest["rules_evaluated"]))
        failing = {case.get("name").split()[0] for case in cases if case.find("failure") is not None}
        assert failing == {f["rule"] for f in unwaived}
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
    assert len(schema) == 1 and len(schema[0].findall("failure")) == int(invalid.get("failures")) == 4
    skipped = [c.find("skipped").get("message") for c in cases if c.find("skipped") is not None]
    # every rule but the one that judges the format, which fails, and the placeholder check,
    # which judges a manifest as written, valid or not (and passes here)
    assert skipped == ["manifest does not match the format"] * (len(examples_json["rulepack"]["rules"]) - 2)
    assert root.get("errors") == "1"


def test_junit_survives_hostile_text(hostile):
    path, data = hostile
    code, out = report("junit", str(path))
    assert code == 1
    root = parse_junit(out)  # well-formed
    (suite,) = root.findall("testsuite")
    unwaived = [f for f in data["manifests"][0]["findings"] if counted(f)]
    assert int(suite.get("failures")) == len(suite.findall("testcase/failure")) == len(unwaived)
    assert re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202e]", out) is None  # only newlines and indentation
    assert "\\u001b" in out and "\\u202e" in out
    assert "<script>" not in out
    assert [child.tag for child in root] == ["testsuite"]


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
