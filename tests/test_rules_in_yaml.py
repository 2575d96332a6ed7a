"""The manifest format and reviewers' waivers are judged by rules of the pack, not by code:
SCHEMA reads the format problems the engine establishes, and checks written for waivers
files judge reviewers' waivers."""

from dataclasses import replace

from checker.packs.loading import load_rule_set
from checker.evaluation.manifest import CheckOptions, check_document
from checker.reading.yaml_loader import load_text
from conftest import MINIMAL, TODAY, hkai, hkai_json

TYPO = MINIMAL.replace("  type: feature_film\n", "  type: feature_film\n  titel: Typo\n")


def test_an_invalid_manifest_fails_whatever_rules_are_selected(write_manifest):
    path = write_manifest(TYPO)
    for selection in (("--select", "CON-001"), ("--ignore", "integrity"), ("--ignore", "SCHEMA")):
        code, report = hkai_json(str(path), *selection)
        (finding,) = report["manifests"][0]["findings"]
        assert (code, finding["rule"], finding["path"], finding["line"]) == (1, "SCHEMA", "/production/titel", 6)
        assert "SCHEMA" in report["rulepack"]["rules"]


def test_no_pack_may_disable_the_format_rule(tmp_path, write_manifest):
    pack = tmp_path / "lenient"
    pack.mkdir()
    (pack / "pack.yaml").write_text("name: lenient\nversion: '1'\nextends: hkai-guideline\n"
                                    "overrides:\n  SCHEMA: {disabled: true}\n")
    result = hkai("check", str(write_manifest(MINIMAL)), "--rules", str(pack))
    assert result.returncode == 2
    assert f"{pack / 'pack.yaml'}:5:3: SCHEMA is mandatory: no pack may disable it" in result.stderr


def test_without_a_rule_judging_the_format_an_invalid_manifest_cannot_be_checked():
    everything = load_rule_set()
    without = replace(everything, rules=tuple(rule for rule in everything.rules if not rule.reads_format_problems))
    result = check_document(load_text(TYPO, "typo.yaml"), without, CheckOptions(today=TODAY))
    assert result.status("error") == "error" and result.findings == []
    assert (result.error.line, "titel" in result.error.message) == (6, True)


def test_a_pack_can_judge_reviewers_waivers_files_with_a_yaml_rule(tmp_path, write_manifest):
    pack = tmp_path / "panel"
    pack.mkdir()
    (pack / "panel.yaml").write_text("""\
rules:
  - id: PNL-001
    principle: integrity
    severity: warning
    levels: all
    title: {en: A reviewer's waiver gives an expiry date, zh: 審閱者的豁免須有屆滿日期}
    rationale: {en: Exceptions are granted for a time., zh: 例外只限一段時間。}
    message: {en: "Waiver of {waiver.rule} for {waiver.production} has no expiry", zh: "{waiver.rule} 的豁免沒有屆滿日期"}
    fix: {en: Add expires_on., zh: 加上 expires_on。}
    source: Example panel practice
    check:
      document: waivers_file
      for_each: {waiver: waivers}
      require:
        waiver.expires_on: {present: true}
      at: waiver
""")
    (tmp_path / "waivers.yaml").write_text(
        "waivers:\n"
        "  - {rule: CON-001, production: demo, target: '*', reason: R, approved_by: P, approved_on: 2026-01-01,"
        " expires_on: 2027-01-01}\n"
        "  - {rule: DIS-003, production: demo, target: '*', reason: R, approved_by: P, approved_on: 2026-01-01}\n")
    code, report = hkai_json(str(write_manifest(MINIMAL)), "--rules", str(pack),
                             "--waivers", str(tmp_path / "waivers.yaml"), "--fail-on", "warning")
    (review,) = report["waivers_files"]
    panel = [f for f in review["findings"] if f["rule"] == "PNL-001"]
    assert code == 1 and [(f["path"], f["line"]) for f in panel] == [("/waivers/1", 3)]
    assert panel[0]["message"] == "Waiver of DIS-003 for demo has no expiry"
    assert not [f for m in report["manifests"] for f in m["findings"]
                if f["rule"] == "PNL-001"]  # the check judges waivers files only

