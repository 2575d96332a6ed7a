"""Nothing unfinished passes: placeholders left in are errors (INT-006), `--draft` reports
them as info and labels every format, and only the command line can ask for a draft run."""

import json
import xml.etree.ElementTree as ET

import pytest
from conftest import MINIMAL, TODAY, hkai, hkai_json

# A production whose only problem is a placeholder title.
PLACEHOLDER_TITLE = MINIMAL.replace("title: {en: Demo, zh: 示範}", 'title: {en: "TODO: English title", zh: 示範}')
ONE_PERSON = """\
people:
  - {id: p-lead, name: Wong Siu Yan, roles: [performer], minor: false}
"""


def _findings(report):
    (manifest,) = report["manifests"]
    return manifest["findings"]


def _check(path, *args, **kwargs):
    return hkai("check", "--today", TODAY, *args, str(path), **kwargs)


def test_a_placeholder_is_an_error_with_its_location_and_fix(write_manifest):
    path = write_manifest(PLACEHOLDER_TITLE)
    code, report = hkai_json(str(path))
    assert code == 1
    (finding,) = _findings(report)
    assert (finding["rule"], finding["severity"], finding["path"]) == ("INT-006", "error", "/production/title/en")
    assert finding["line"] == 4 and finding["target"] == "demo"
    assert finding["message"] == "A placeholder is left in: TODO: English title"
    assert "hkai check --draft" in finding["fix"]
    code, report = hkai_json("--lang", "zh", str(path))
    (finding,) = _findings(report)
    assert finding["message"] == "仍留有佔位字：TODO: English title" and "YYYY-MM-DD" in finding["fix"]


@pytest.mark.parametrize("field, value", [
    ("release_date", "TODO"), ("release_date", '"TODO: YYYY-MM-DD"'), ("release_date", "TODO-YYYY-MM-DD"),
])
def test_a_placeholder_date_is_a_placeholder_not_a_format_error(write_manifest, field, value):
    path = write_manifest(MINIMAL.replace("release_date: 2026-05-01", f"{field}: {value}"))
    code, report = hkai_json(str(path))
    assert code == 1
    assert [(f["rule"], f["path"]) for f in _findings(report)] == [("INT-006", f"/production/{field}")]
    assert report["manifests"][0]["schema_valid"] is True


def test_a_wrong_date_that_is_no_placeholder_is_still_a_format_error(write_manifest):
    path = write_manifest(MINIMAL.replace("release_date: 2026-05-01", "release_date: 2026/05/01"))
    code, report = hkai_json(str(path))
    assert code == 1 and {f["rule"] for f in _findings(report)} == {"SCHEMA"}


def test_a_placeholder_stands_in_for_the_rules_that_would_judge_its_value(write_manifest):
    """A placeholder where a yes/no fact belongs: the rule reading that fact does not judge
    it (CON-005 would say the consent is not informed); once replaced, it does."""
    manifest = MINIMAL.replace("ai_use_level: none", "ai_use_level: medium") + ONE_PERSON + """\
ai_uses:
  - {id: ai-voice, kind: voice_clone, level: medium, description: Her lines re-voiced for the 2027 cut.,
     subjects: [p-lead], consent_refs: [c-lead]}
consents:
  - {id: c-lead, person: p-lead, given_by: self, signed_on: 2026-01-05, covers: [voice_clone],
     intended_use: Cloning the voice of Wong Siu Yan for the role of Mei in Demo., separate_from_other_terms: true,
     informed: TODO}
"""
    path = write_manifest(manifest)
    _, report = hkai_json(str(path))
    rules_at = {(f["rule"], f["path"]) for f in _findings(report)}
    assert ("INT-006", "/consents/0/informed") in rules_at
    assert not any(rule != "INT-006" and at.startswith("/consents/0/informed") for rule, at in rules_at)
    path.write_text(manifest.replace("informed: TODO", "informed: false"), encoding="utf-8")
    _, report = hkai_json(str(path))
    assert ("CON-005", "/consents/0/informed") in {(f["rule"], f["path"]) for f in _findings(report)}


def test_the_same_placeholder_written_twice_is_reported_at_both_places(write_manifest):
    """Each distinct text is judged once; every place holding a failing one is still found."""
    path = write_manifest(PLACEHOLDER_TITLE.replace("zh: 示範}", 'zh: "TODO: English title"}'))
    code, report = hkai_json(str(path))
    assert code == 1
    assert [(f["rule"], f["path"]) for f in _findings(report)] == [
        ("INT-006", "/production/title/en"), ("INT-006", "/production/title/zh")]


def test_empty_and_blank_texts_are_placeholders(write_manifest):
    path = write_manifest(MINIMAL.replace("title: {en: Demo, zh: 示範}", 'title: {en: Demo, zh: "  "}')
                          + 'people:\n  - {id: p-lead, name: "", roles: [performer]}\n')
    code, report = hkai_json(str(path))
    assert code == 1
    findings = _findings(report)
    assert {(f["rule"], f["path"]) for f in findings} == {("INT-006", "/production/title/zh"),
                                                            ("INT-006", "/people/0/name")}
    assert all(f["message"] == "This text is empty: a value is left to fill in" for f in findings)


def test_real_looking_values_are_never_guessed_to_be_placeholders(write_manifest):
    path = write_manifest(MINIMAL.replace("title: {en: Demo, zh: 示範}", "title: {en: The Todo List, zh: 待辦清單}")
                          + "people:\n  - {id: p-a, name: John Doe, roles: [performer]}\n"
                          + "  - {id: p-b, name: Lorem Ipsum, roles: [writer]}\n")
    code, report = hkai_json(str(path))
    assert code == 0 and _findings(report) == []


def test_draft_reports_placeholders_as_info_and_passes(write_manifest):
    path = write_manifest(PLACEHOLDER_TITLE)
    code, report = hkai_json("--draft", str(path))
    assert code == 0
    assert report["draft"] is True and list(report)[0] == "draft"
    (finding,) = _findings(report)
    assert (finding["rule"], finding["severity"]) == ("INT-006", "info")
    code, report = hkai_json(str(path))
    assert code == 1 and "draft" not in report


def test_draft_changes_nothing_but_the_rules_that_say_so(write_manifest):
    """Only a rule's own draft_severity changes in a draft run: other errors still fail it."""
    path = write_manifest(PLACEHOLDER_TITLE + "waivers:\n  - {rule: NOPE-001, target: '*', reason: x, approved_by: y}\n")
    code, report = hkai_json("--draft", str(path))
    assert code == 1
    assert {(f["rule"], f["severity"]) for f in _findings(report)} == {
        ("INT-006", "info"), ("INT-003", "error"), ("INT-008", "info")}


def test_a_house_rule_says_its_own_draft_severity(tmp_path, write_manifest):
    """draft_severity is a key of any rule: a house pack's rule uses it like the built-in one."""
    pack = tmp_path / "house"
    (pack / "fixtures").mkdir(parents=True)
    (pack / "pack.yaml").write_text("name: house\nversion: 1.0.0\ndescription: House rules.\n"
                                    "extends: hkai-guideline\n", encoding="utf-8")
    (pack / "rules.yaml").write_text("""\
rules:
  - id: HSE-001
    principle: integrity
    severity: error
    draft_severity: warning
    levels: all
    title: {en: Every text says who, zh: 每項文字均寫明何人}
    rationale: {en: House style., zh: 內部格式。}
    message: {en: "Text {text} still says TBC", zh: "文字 {text} 仍寫着 TBC"}
    fix: {en: Say who., zh: 寫明何人。}
    source: house
    check:
      for_each: {text: {from: document, every_text: true}}
      require: {not: {text: {matches: '\\bTBC\\b'}}}
      at: text
""", encoding="utf-8")
    path = write_manifest(MINIMAL + "people:\n  - {id: p-a, name: Director TBC, roles: [director]}\n")
    code, report = hkai_json("--rules", str(pack), str(path))
    assert code == 1
    assert [(f["rule"], f["severity"], f["path"]) for f in _findings(report)] == [("HSE-001", "error", "/people/0/name")]
    code, report = hkai_json("--rules", str(pack), "--draft", str(path))
    assert code == 0 and [(f["rule"], f["severity"]) for f in _findings(report)] == [("HSE-001", "warning")]


# --- every format says it is a draft --------------------------------------------------------


def _draft_outputs(path, fmt, lang="en"):
    result = _check(path, "--draft", "--format", fmt, "--lang", lang)
    assert result.returncode == 0, result.stderr
    plain = _check(path, "--format", fmt, "--lang", lang)
    assert plain.returncode == 1
    return result.stdout, plain.stdout


def test_rich_report_says_draft_in_the_title_and_summary(write_manifest):
    draft, plain = _draft_outputs(write_manifest(PLACEHOLDER_TITLE), "rich")
    assert "DRAFT · TODO: English title · 示範  (demo)" in draft
    assert "DRAFT (--draft): placeholders left in are reported as info" in draft
    assert "DRAFT" not in plain
    draft_zh, _ = _draft_outputs(write_manifest(PLACEHOLDER_TITLE), "rich", "zh")
    assert "草稿 · TODO: English title" in draft_zh and "草稿（--draft）" in draft_zh


def test_json_report_says_draft_first(write_manifest):
    draft, plain = _draft_outputs(write_manifest(PLACEHOLDER_TITLE), "json")
    assert draft.lstrip().startswith('{\n  "draft": true,')
    assert "draft" not in json.loads(plain)


def test_sarif_run_properties_say_draft(write_manifest):
    draft, plain = _draft_outputs(write_manifest(PLACEHOLDER_TITLE), "sarif")
    (run,) = json.loads(draft)["runs"]
    assert run["properties"]["draft"] is True
    assert [result["level"] for result in run["results"]] == ["note"]
    assert "draft" not in json.loads(plain)["runs"][0]["properties"]


def test_junit_names_and_properties_say_draft(write_manifest):
    draft, plain = _draft_outputs(write_manifest(PLACEHOLDER_TITLE), "junit")
    root = ET.fromstring(draft)
    (suite,) = root.findall("testsuite")
    assert root.get("name") == "DRAFT · hkai" and suite.get("name").startswith("DRAFT · ")
    properties = {p.get("name"): p.get("value") for p in suite.iter("property")}
    assert properties["draft"] == "true" and properties["status"] == "pass"
    plain_root = ET.fromstring(plain)
    assert plain_root.get("name") == "hkai" and "draft" not in {p.get("name") for p in plain_root.iter("property")}


def test_github_annotations_say_draft(write_manifest):
    draft, plain = _draft_outputs(write_manifest(PLACEHOLDER_TITLE), "github")
    first, annotation = draft.splitlines()
    assert first.startswith("::notice title=DRAFT · hkai::DRAFT (--draft)")
    assert annotation.startswith("::notice file=") and ",title=DRAFT · INT-006::" in annotation
    assert plain.startswith("::error file=") and "DRAFT" not in plain


def test_markdown_title_says_draft(write_manifest):
    draft, plain = _draft_outputs(write_manifest(PLACEHOLDER_TITLE), "markdown")
    assert draft.startswith("## DRAFT · hkai compliance report\n\n**DRAFT (--draft)")
    assert plain.startswith("## hkai compliance report") and "DRAFT" not in plain


def test_html_report_labels_the_page_and_each_production_draft(write_manifest):
    draft, plain = _draft_outputs(write_manifest(PLACEHOLDER_TITLE), "html")
    assert draft.count('<span class="title-label"><span class="bi"><span lang="en">DRAFT</span></span></span>') == 2
    assert "DRAFT (--draft): placeholders left in are reported as info" in draft
    assert "DRAFT" not in plain
    both = _check(write_manifest(PLACEHOLDER_TITLE), "--draft", "--format", "html", "--lang", "both")
    assert '<span lang="zh-Hant-HK">草稿</span>' in both.stdout


# --- only the command line asks for a draft -------------------------------------------------


@pytest.mark.parametrize("file, content, key", [
    ("hkai.toml", "draft = true\n", "'draft'"),
    ("pyproject.toml", '[project]\nname = "film"\n\n[tool.hkai]\ndraft = true\n', "'tool.hkai.draft'"),
])
def test_a_config_file_cannot_ask_for_a_draft(tmp_path, write_manifest, file, content, key):
    write_manifest(PLACEHOLDER_TITLE)
    (tmp_path / file).write_text(content, encoding="utf-8")
    result = hkai("check", "manifest.yaml", cwd=tmp_path)
    assert result.returncode == 2 and result.stdout == ""
    assert f"{tmp_path / file}: {key}: a draft run can only be asked for on the command line" in result.stderr
    assert "so that a committed setting cannot make CI lenient" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_environment_cannot_ask_for_a_draft(write_manifest):
    path = write_manifest(PLACEHOLDER_TITLE)
    result = _check(path, env={"HKAI_DRAFT": "1"})
    assert result.returncode == 2
    assert "$HKAI_DRAFT: a draft run can only be asked for on the command line" in result.stderr
    assert _check(path, "--draft", env={"HKAI_DRAFT": "1"}).returncode == 2  # refused, not quietly ignored


# --- kind: other -----------------------------------------------------------------------------

OTHER_USE = MINIMAL.replace("ai_use_level: none", "ai_use_level: medium") + ONE_PERSON + """\
ai_uses:
  - {id: ai-deage, kind: de_ageing, level: medium, description: The lead is de-aged in the 1998 flashbacks.,
     subjects: [p-lead]}
  - {id: ai-crowd, kind: other, level: low}
"""


def test_a_use_of_kind_other_is_put_to_reviewers_and_lowers_nothing(write_manifest):
    code, report = hkai_json(str(write_manifest(OTHER_USE)))
    (manifest,) = report["manifests"]
    assert code == 1
    assert manifest["derived_level"] == "medium"      # the de-ageing use still sets the level
    other = {f["path"]: f for f in manifest["findings"] if f["rule"] == "INT-011"}
    assert set(other) == {"/ai_uses/1/kind", "/ai_uses/1"}
    assert {f["severity"] for f in other.values()} == {"info"}
    assert "reviewers, classify it" in other["/ai_uses/1/kind"]["message"]
    assert "has no description" in other["/ai_uses/1"]["message"]
    # what the medium-level use needs is still asked for
    assert {"CON-001", "CMP-001"} <= {f["rule"] for f in manifest["findings"] if f["path"] == "/ai_uses/0/subjects"}


# --- a placeholder anywhere is never a traceback ---------------------------------------------


def _nodes(value, pointer=""):
    yield pointer
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, item in items:
        yield from _nodes(item, f"{pointer}/{key}")


def _replaced(value, pointer, placeholder):
    if pointer == "":
        return placeholder
    head, _, rest = pointer[1:].partition("/")
    key = int(head) if isinstance(value, list) else head
    copy = list(value) if isinstance(value, list) else dict(value)
    copy[key] = _replaced(copy[key], "/" + rest if rest else "", placeholder)
    return copy


def test_a_placeholder_in_place_of_any_node_is_reported_never_a_traceback(tmp_path):
    """Every node of an example production, one at a time, replaced by TODO: each manifest
    fails with findings (a placeholder, and a format error where a section or a record
    itself is a placeholder), never a crash, in a draft run and with evidence checked."""
    import yaml
    from conftest import EXAMPLES

    data = yaml.safe_load((EXAMPLES / "last-swordsman-de-ageing" / "manifest.yaml").read_text(encoding="utf-8"))
    pointers = [pointer for pointer in _nodes(data) if pointer]
    for index, pointer in enumerate(pointers):
        folder = tmp_path / "submissions" / f"{index:04d}"
        folder.mkdir(parents=True)
        text = json.dumps(_replaced(data, pointer, "TODO"), ensure_ascii=False, default=str)
        (folder / "manifest.yaml").write_text(text, encoding="utf-8")
    for extra in ((), ("--draft", "--verify-evidence")):
        result = hkai("check", "--today", TODAY, "--format", "json", *extra, str(tmp_path / "submissions"))
        assert "Traceback" not in result.stderr, result.stderr[-3000:]
        assert result.returncode in (0, 1), result.stderr[-3000:]
        report = json.loads(result.stdout)
        assert len(report["manifests"]) == len(pointers)
        for manifest in report["manifests"]:
            assert manifest["status"] != "error"
            assert any(f["rule"] in ("INT-006", "SCHEMA") for f in manifest["findings"]), manifest["path"]


def test_rules_show_says_a_rules_draft_severity():
    shown = hkai("rules", "show", "INT-006")
    assert shown.returncode == 0 and "error  blocks release  (info with --draft)" in shown.stdout
    assert "（使用 --draft 時為提示）" in hkai("rules", "show", "INT-006", "--lang", "zh").stdout
    assert "--draft" not in hkai("rules", "show", "CON-001").stdout
