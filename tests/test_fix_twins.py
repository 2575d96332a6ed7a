"""Following a fix text exactly must not produce a new finding: each failing fixture case
of a rule has a `fixed` twin written by following the rule's fix text, and `hkai rules
test` holds two properties of every twin: its findings (all rules of the pack) are among
the failing case's, the rule's own ones taken away, and every field it adds or changes is
named in the fix text (or is the field a finding of the rule is at)."""

import shutil

import pytest
from conftest import ROOT, hkai

from checker.authoring.fixture_runner import run_fixtures
from checker.authoring.fixtures import Flaw, read_fixture, read_fixtures
from checker.authoring.twins import changed_fields, named_fields, renamed_records
from checker.packs.loading import load_pack

PACK = load_pack()
RUN = run_fixtures(PACK)
HOUSE_RULES = ROOT / "examples" / "rule-packs" / "broadcaster-house-rules"


def _failing_cases():
    return [(fixture, case) for fixture in read_fixtures(PACK.path) for case in fixture.cases or ()
            if case.triggers]


def test_every_failing_case_of_every_rule_has_a_twin():
    missing = [f"{fixture.path}:{case.line}: {case.title!r}" for fixture, case in _failing_cases()
               if case.fixed is None and case.fixed_waivers_file is None]
    assert not missing, "failing cases without a `fixed` twin:\n" + "\n".join(missing)


def test_every_rule_of_the_pack_has_failing_cases_the_twins_guard():
    fixtures = {fixture.rule_id for fixture in read_fixtures(PACK.path)}
    assert set(PACK.rule_ids) <= fixtures
    assert {fixture.rule_id for fixture, _ in _failing_cases()} == fixtures
    assert len(_failing_cases()) >= 190  # the twins this test guards are really there


@pytest.mark.parametrize("rule", RUN.rules, ids=lambda rule: rule.rule)
def test_every_twin_keeps_both_properties(rule):
    assert not rule.twin_problems, "\n".join(map(str, rule.twin_problems))


def test_hkai_rules_test_runs_the_twins_of_the_builtin_pack():
    result = hkai("rules", "test")
    assert result.returncode == 0, result.stdout
    assert "fixed twin" not in result.stdout


# --- a wrong twin fails, located, in the user's language ---------------------------------

BRD_002_CASE = "  - name: a broadcast production without a compliance contact\n"
BRD_002_MANIFEST = ("      production: {id: demo, title: Demo, type: tv_series, release_date: 2026-09-01, "
                    "ai_use_level: none, distribution: [broadcast, streaming]}\n")


def _house_with_twin(tmp_path, contact: str):
    """The house pack, with a twin for BRD-002's first failing case that adds ``contact``."""
    pack = tmp_path / "house"
    shutil.copytree(HOUSE_RULES, pack)
    fixture = pack / "fixtures" / "BRD-002.yaml"
    text = fixture.read_text(encoding="utf-8")
    assert BRD_002_CASE in text and BRD_002_MANIFEST in text
    twin = ("    fixed:\n      manifest_version: 1\n      production:\n        id: demo\n        title: Demo\n"
            "        type: tv_series\n        release_date: 2026-09-01\n        ai_use_level: none\n"
            "        distribution: [broadcast, streaming]\n" f"        compliance_contact: {contact}\n")
    fixture.write_text(text.replace(BRD_002_MANIFEST, BRD_002_MANIFEST + twin, 1), encoding="utf-8")
    return pack, fixture


def _place(fixture, text: str) -> str:
    """``file:line:col`` of the first occurrence of ``text`` in a fixture file."""
    lines = fixture.read_text(encoding="utf-8").splitlines()
    line = next(number for number, content in enumerate(lines, 1) if text in content)
    return f"{fixture}:{line}:{lines[line - 1].index(text) + 1}"


def test_a_twin_that_follows_the_fix_passes(tmp_path):
    pack, _ = _house_with_twin(tmp_path, "{name: Chan Tai Man, email: compliance@example.hk}")
    result = hkai("rules", "test", str(pack))
    assert result.returncode == 0, result.stdout


def test_a_twin_with_a_new_finding_fails_located(tmp_path):
    pack, fixture = _house_with_twin(tmp_path, "{name: Chan Tai Man, email: Chan Tai Man's desk}")
    result = hkai("rules", "test", str(pack))
    assert result.returncode == 1 and "FAIL  BRD-002" in result.stdout, result.stdout
    assert (f"{_place(fixture, 'email: Chan Tai Man')}: 'a broadcast production without a compliance contact' (fixed twin): "
            "following the fix gives a new finding, SCHEMA about /production/compliance_contact/email: ") in result.stdout
    assert "does not name" not in result.stdout  # every field it adds is named: only the new finding fails it


def test_a_twin_that_does_not_fix_the_rule_fails(tmp_path):
    pack, fixture = _house_with_twin(tmp_path, "{name: Chan Tai Man}")
    result = hkai("rules", "test", str(pack))
    assert result.returncode == 1, result.stdout
    assert (f"{_place(fixture, 'compliance_contact: {name: Chan Tai Man}')}: 'a broadcast production without a "
            "compliance contact' (fixed twin): following the fix still triggers BRD-002 about demo: "
            "Production demo is delivered for broadcast but names no compliance contact") in result.stdout


def test_a_twin_that_changes_a_field_the_fix_does_not_name_fails_located(tmp_path):
    pack, fixture = _house_with_twin(
        tmp_path, "{name: Chan Tai Man, email: compliance@example.hk, x-phone: '+852 2123 4567'}")
    result = hkai("rules", "test", str(pack))
    assert result.returncode == 1, result.stdout
    assert (f"{_place(fixture, 'x-phone')}: 'a broadcast production without a compliance contact' (fixed twin): "
            "the twin adds or changes `x-phone`, which the fix text of BRD-002 does not name (en, zh)") in result.stdout
    assert "new finding" not in result.stdout
    chinese = hkai("rules", "test", str(pack), "--lang", "zh")
    assert chinese.returncode == 1
    assert "修正後的例子新增或改動了 `x-phone`，但 BRD-002 的修正方法沒有提及此欄位" in chinese.stdout


def test_a_twin_on_a_case_that_must_not_trigger_is_a_located_fixture_problem(tmp_path):
    fixture = tmp_path / "BRD-002.yaml"
    fixture.write_text(
        "rule: BRD-002\ncases:\n  - name: passes\n    triggers: false\n    manifest: {manifest_version: 1}\n"
        "    fixed: {manifest_version: 1}\n    fixed_waivers_file: {waivers: []}\n", encoding="utf-8")
    problems = [(p.line, p.flaw, p.message) for p in read_fixture(fixture).all_problems]
    assert (6, Flaw.WRONG_VALUE, "`fixed` is the whole manifest after following the rule's fix (a mapping), "
                                 "only on a case that triggers the rule") in problems
    assert (7, Flaw.WRONG_VALUE, "`fixed_waivers_file` is the reviewer's waivers file after following the rule's "
                                 "fix (a mapping), only on a case that triggers the rule and has a `waivers_file`") \
        in problems


# --- what counts as a field the twin adds or changes, and as a field a fix names --------


def test_a_field_is_named_in_backticks_by_its_path_or_as_a_key_inside_a_span():
    text = ("Add `retention: {delete_by: YYYY-MM-DD}` and `document.sha256`, set `basis:` "
            "to per_use and give `amount:` a value.")
    assert named_fields(text) == {"retention", "delete_by", "sha256", "basis", "amount"}


def test_changed_fields_are_leaf_keys_records_matched_by_id_removals_not_counted():
    before = {"people": [{"id": "p-a", "name": "A"}, {"id": "p-b", "name": "B"}],
              "compensation": [{"id": "m-a", "person": "p-a", "for": ["u1"], "basis": "none"}],
              "credits": [{"role": "screenplay", "people": ["p-a"], "tools": ["Model"]}]}
    after = {"people": [{"id": "p-b", "name": "B"}, {"id": "p-a", "name": "A"}],  # reordered: no change
             "compensation": [{"id": "m-a", "person": "p-a", "for": ["u1", "u2"], "basis": "none"},
                              {"id": "m-b", "person": "p-b", "for": [], "amount": {"value": 1, "currency": "HKD"}}],
             "credits": [{"role": "screenplay", "people": ["p-a"]}]}  # `tools` removed: not counted
    assert changed_fields(before, after) == [
        ("/compensation/0/for", "for"), ("/compensation/1/id", "id"), ("/compensation/1/person", "person"),
        ("/compensation/1/for", "for"), ("/compensation/1/amount/value", "value"),
        ("/compensation/1/amount/currency", "currency")]


def test_two_records_that_shared_an_id_are_matched_by_place_and_the_renamed_one_keeps_its_findings():
    before = {"ai_uses": [{"id": "u1", "kind": "voice_clone"}, {"id": "u1", "kind": "cleanup"}]}
    after = {"ai_uses": [{"id": "u1", "kind": "voice_clone"}, {"id": "u2", "kind": "cleanup"}]}
    assert changed_fields(before, after) == [("/ai_uses/1/id", "id")]
    assert renamed_records(before, after) == {"u2": "u1"}
    assert changed_fields({"x": True}, {"x": 1}) == [("/x", "x")]  # true and 1 are not the same value


def test_a_twin_whose_waivers_file_is_broken_is_reported_not_a_traceback(tmp_path):
    pack = tmp_path / "house"
    shutil.copytree(HOUSE_RULES, pack)
    fixture = pack / "fixtures" / "BRD-002.yaml"
    text = fixture.read_text(encoding="utf-8")
    case = ("    waivers_file:\n      waivers: []\n"
            "    fixed_waivers_file:\n      waivers: [{rule: BRD-002}]\n")
    fixture.write_text(text.replace(BRD_002_MANIFEST, BRD_002_MANIFEST + case, 1), encoding="utf-8")
    result = hkai("rules", "test", str(pack))
    assert result.returncode == 1 and result.stderr == "", result.stderr
    assert "(fixed twin): the twin cannot be checked: " in result.stdout
    assert "Traceback" not in result.stdout
