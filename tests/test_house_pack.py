"""The example broadcaster pack: house rules, overrides, fixtures, and no copied rules."""

from pathlib import Path

import pytest
from conftest import EXAMPLES, ROOT, hkai, hkai_json

from checker.authoring.fixture_runner import run_fixtures
from checker.packs.loading import load_pack, load_rule_set

PACK_DIR = ROOT / "examples" / "rule-packs" / "broadcaster-house-rules"
PACK = load_pack(PACK_DIR)
HOUSE_RULES = ["BRD-001", "BRD-002", "BRD-003"]
RUN = run_fixtures(PACK, load_rule_set([PACK_DIR], include_builtin=False))


def _check(*paths: str):
    code, report = hkai_json("--rules", str(PACK_DIR), *paths)
    return code, report


def _findings(report, production):
    (manifest,) = [m for m in report["manifests"] if m["production"] == production]
    return manifest["findings"]


def test_pack_metadata():
    assert PACK.name == "phtv-house-rules"
    assert PACK.extends == "hkai-guideline"
    assert PACK.rule_ids == HOUSE_RULES
    assert {o.rule: (o.severity, o.disabled) for o in PACK.overrides} == {
        "DIS-003": ("error", False), "CMP-003": ("error", False), "DIS-002": (None, True)}
    for rule in PACK.rules:
        for text in (rule.title, rule.rationale, rule.message, rule.fix):
            assert text["en"] and text["zh"]
        assert "Pearl Harbour Television house rules (fictional)" in rule.source
    assert (PACK_DIR / "README.md").is_file()


def test_pack_copies_no_builtin_rule():
    builtin = set(load_pack().rule_ids)
    assert builtin.isdisjoint(PACK.rule_ids)
    assert set(load_rule_set([PACK_DIR]).rule_ids) >= set(HOUSE_RULES)


@pytest.mark.parametrize("rule", RUN.rules, ids=lambda rule: rule.rule)
def test_each_house_rule_has_both_kinds_of_fixture_and_they_pass(rule):
    assert not rule.failures(), "\n".join(map(str, rule.failures()))


def test_the_house_fixtures_test_the_house_rules():
    assert [rule.rule for rule in RUN.rules] == HOUSE_RULES and not RUN.strays
    assert RUN.case_count == sum(len(rule.outcomes) for rule in RUN.rules) > 0


def test_neon_idol_with_the_house_pack():
    code, report = _check(str(EXAMPLES / "neon-idol-music-video"))
    assert code == 1
    assert report["packs"] == [{"name": "hkai-guideline", "version": "1.0.0"},
                               {"name": "phtv-house-rules", "version": "2.1.0"}]
    rules = report["rulepack"]["rules"]
    assert set(HOUSE_RULES) <= set(rules) and "DIS-002" not in rules
    findings = _findings(report, "neon-heartbeat")
    # the uses are labelled by an opening card, not on screen
    assert sorted(f["target"] for f in findings if f["rule"] == "BRD-001") == ["ai-idol", "ai-music", "ai-voice"]
    assert {f["severity"] for f in findings if f["rule"] == "BRD-001"} == {"error"}
    # DIS-003 is raised to error, and the manifest's waiver still covers it
    (dis003,) = [f for f in findings if f["rule"] == "DIS-003"]
    assert (dis003["severity"], dis003["waived"], dis003["target"]) == ("error", True, "d-platform")


def test_without_the_pack_the_guideline_is_unchanged():
    code, report = hkai_json(str(EXAMPLES / "neon-idol-music-video"))
    assert code == 0
    assert report["packs"] == [{"name": "hkai-guideline", "version": "1.0.0"}]
    (dis003,) = [f for f in _findings(report, "neon-heartbeat") if f["rule"] == "DIS-003"]
    assert dis003["severity"] == "warning"
    assert not [f for f in _findings(report, "neon-heartbeat") if f["rule"].startswith("BRD-")]


def test_buyout_becomes_an_error():
    code, report = _check(str(EXAMPLES / "last-swordsman-de-ageing"))
    assert code == 1
    findings = _findings(report, "last-swordsman")
    assert {f["severity"] for f in findings if f["rule"] == "CMP-003"} == {"error"}
    assert len([f for f in findings if f["rule"] == "BRD-001"]) == 3


def test_disabled_rule_is_not_reported():
    _, plain = hkai_json(str(EXAMPLES / "overnight-empress-short-drama"))
    assert any(f["rule"] == "DIS-002" for f in _findings(plain, "overnight-empress"))
    _, house = _check(str(EXAMPLES / "overnight-empress-short-drama"))
    findings = _findings(house, "overnight-empress")
    assert not any(f["rule"] == "DIS-002" for f in findings)
    assert sorted(f["target"] for f in findings if f["rule"] == "BRD-001") == ["ai-cast", "ai-footage", "ai-script"]


def test_low_level_example_still_passes():
    code, report = _check(str(EXAMPLES / "harbour-lights-accent-correction"))
    assert code == 0, report
    assert _findings(report, "harbour-lights") == []


def test_broadcast_production_without_a_contact(tmp_path):
    text = (EXAMPLES / "harbour-lights-accent-correction" / "manifest.yaml").read_text(encoding="utf-8")
    assert "distribution: [cinema, streaming]" in text and "  compliance_contact:" in text
    text = text.replace("distribution: [cinema, streaming]", "distribution: [cinema, broadcast]")
    text = "\n".join(line for line in text.splitlines() if not line.startswith("  compliance_contact:")) + "\n"
    (tmp_path / "manifest.yaml").write_text(text, encoding="utf-8")
    code, report = _check(str(tmp_path))
    assert code == 1
    (finding,) = [f for f in _findings(report, "harbour-lights") if f["rule"] == "BRD-002"]
    assert (finding["severity"], finding["principle"], finding["path"]) == ("error", "integrity",
                                                                           "/production/compliance_contact")


def test_house_messages_in_chinese():
    result = hkai("check", "--lang", "zh", "--today", "2026-11-25", "--rules", str(PACK_DIR),
                  str(EXAMPLES / "neon-idol-music-video"))
    assert result.returncode == 1
    assert "BRD-001" in result.stdout and "畫面標示" in result.stdout


def test_pack_given_relative_to_the_working_folder():
    relative = Path("examples") / "rule-packs" / "broadcaster-house-rules"
    result = hkai("check", "--format", "json", "--rules", str(relative), "examples/projects/nine-heavens-animation",
                  cwd=ROOT)
    assert result.returncode == 1, result.stderr
    assert '"BRD-001"' in result.stdout
