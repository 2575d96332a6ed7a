"""Broken fixture files: every problem located (file:line:col) by `hkai rules lint` and
`hkai rules test` alike, its kind as data, and never a traceback."""

import shutil

import pytest
from conftest import ROOT, hkai

from checker.authoring.fixtures import MEANINGS, Flaw, read_fixture
from checker.reading.schema import FIXTURE_SCHEMA, compiled_errors, load_schema, reference_errors
from checker.reading.yaml_loader import load_file

HOUSE_RULES = ROOT / "examples" / "rule-packs" / "broadcaster-house-rules"

MANIFEST = """\
      manifest_version: 1
      production: {id: demo, title: Demo, type: tv_series, release_date: 2026-09-01, ai_use_level: medium}
      ai_uses:
        - {id: replica, kind: digital_replica, human_oversight: {reviewer: p-editor, reviewed_on: 2026-08-25}}
      people: [{id: p-editor, name: Lam Ka Po, roles: [producer]}]
"""

# (fixture file for BRD-003, [(line, column, flaw, message)]): what is wrong, and where
BROKEN = {
    "not a mapping": ("- rule: BRD-003\n",
                      [(1, 1, Flaw.NOT_A_MAPPING, "a fixture file is a mapping with `rule` and `cases`")]),
    "missing keys": ("rule: BRD-003\n", [(1, 1, Flaw.MISSING_KEYS, "the fixture file needs `cases`")]),
    "unknown key": (
        "rule: BRD-003\ncases:\n  - name: signed off before transmission\n    trigger: false\n    manifest:\n"
        + MANIFEST,
        [(3, 5, Flaw.MISSING_KEYS, "the case needs `triggers`"),
         (4, 5, Flaw.UNKNOWN_KEY, "unknown key 'trigger' in a case (did you mean triggers?); "
                                  "expected: name, triggers, manifest, fixed, paths, today, verify_evidence, waivers_file, fixed_waivers_file, trusted_waivers_only, same_production_in")]),
    "wrong types": (
        "rule: BRD-003\ncases:\n  - name: signed off before transmission\n    triggers: 'no'\n"
        "    paths: ai_uses/0\n    today: 2026-02-30\n    manifest: [manifest_version, production]\n"
        "  - just a name\n",
        [(4, 5, Flaw.WRONG_VALUE, "`triggers` is true (the case must trigger the rule) or false (it must not)"),
         (5, 5, Flaw.WRONG_VALUE, "`paths` is a list of JSON Pointers such as /consents/0"),
         (6, 5, Flaw.WRONG_VALUE, "`today` is a date written YYYY-MM-DD"),
         (7, 5, Flaw.WRONG_VALUE, "`manifest` is a whole manifest (a mapping)"),
         (8, 5, Flaw.NOT_A_MAPPING, "a case is a mapping with `name`, `triggers` and `manifest`")]),
    "duplicate key": (
        "rule: BRD-003\ncases: []\nrule: BRD-003\n",
        [(3, 1, Flaw.DUPLICATE_KEY, "duplicate key 'rule': also on line 1; only the last value is used")]),
    "not YAML": ("rule: BRD-003\ncases: [\n",
                 [(3, 1, Flaw.UNREADABLE, "did not find expected node content (while parsing a flow node)")]),
}


@pytest.fixture
def house(tmp_path):
    pack = tmp_path / "house"
    shutil.copytree(HOUSE_RULES, pack)
    return pack


def _located(fixture, problems):
    return [f"{fixture}:{line}:{column}: {message}" for line, column, _, message in problems]


@pytest.mark.parametrize("name", BROKEN)
def test_lint_reports_each_problem_of_a_broken_fixture_file_located(house, name):
    text, problems = BROKEN[name]
    fixture = house / "fixtures" / "BRD-003.yaml"
    fixture.write_text(text, encoding="utf-8")
    result = hkai("rules", "lint", str(house))
    assert result.returncode == 1 and result.stderr == "", result.stderr
    reported = [line for line in result.stdout.splitlines() if line.startswith(f"{fixture}:")]
    for expected in _located(fixture, problems):
        assert expected in reported, result.stdout
    assert not [line for line in reported if line.split(": ", 1)[1] not in {m for *_, m in problems}
                and "has no case that" not in line], result.stdout  # nothing else but what the file lacks


@pytest.mark.parametrize("name", BROKEN)
def test_test_fails_the_rule_of_a_broken_fixture_file_with_the_same_located_problems(house, name):
    text, problems = BROKEN[name]
    fixture = house / "fixtures" / "BRD-003.yaml"
    fixture.write_text(text, encoding="utf-8")
    result = hkai("rules", "test", str(house))
    assert result.returncode == 1 and result.stderr == "", result.stderr
    lines = result.stdout.splitlines()
    assert "PASS  BRD-001" in result.stdout and "PASS  BRD-002" in result.stdout
    failing = lines.index(next(line for line in lines if line.startswith("FAIL  BRD-003")))
    shown = [line.strip() for line in lines[failing + 1:] if line.startswith("    ")]
    assert shown[:len(problems)] == _located(fixture, problems), result.stdout
    assert "3 rules: 2 passed, 1 failed" in result.stdout


@pytest.mark.parametrize("name", BROKEN)
def test_the_reader_gives_each_problem_its_kind(house, name):
    text, problems = BROKEN[name]
    fixture = house / "fixtures" / "BRD-003.yaml"
    fixture.write_text(text, encoding="utf-8")
    found = [(p.line, p.column, p.flaw, p.message) for p in read_fixture(fixture).all_problems]
    assert found == problems


def test_a_case_whose_manifest_is_not_schema_valid_fails_with_the_manifest_line(house):
    fixture = house / "fixtures" / "BRD-003.yaml"
    text = fixture.read_text(encoding="utf-8")
    fixture.write_text(text.replace("ai_use_level: low}", "ai_use_level: lowish}"), encoding="utf-8")
    line = next(number for number, line in enumerate(text.splitlines(), 1) if "ai_use_level: low}" in line)
    case_line = max(number for number, line in enumerate(text.splitlines()[:line], 1) if line.startswith("  - "))
    result = hkai("rules", "test", str(house))
    assert result.returncode == 1 and result.stderr == ""
    assert (f"    {fixture}:{case_line}: 'a low-level use needs no dated sign-off' (must not trigger): "
            f"the case's manifest is not schema-valid: line {line}: `ai_use_level` is \"lowish\", which is not one of "
            f"its values (did you mean `low`?)") in result.stdout
    assert "FAIL  BRD-003  3/4 cases" in result.stdout


def test_every_key_of_the_schema_has_its_meaning():
    schema = load_schema(FIXTURE_SCHEMA)
    keys = [*schema["properties"], *schema["$defs"]["case"]["properties"]]
    assert sorted(keys) == sorted(MEANINGS)


def test_show_takes_its_examples_from_the_cases_that_can_be_read(house):
    fixture = house / "fixtures" / "BRD-003.yaml"
    text = fixture.read_text(encoding="utf-8")
    fixture.write_text(text.replace("triggers: true", "triggers: maybe", 1), encoding="utf-8")
    result = hkai("rules", "show", "BRD-003", "--rules", str(house))
    assert result.returncode == 0, result.stderr
    assert "signed off on the day of the first transmission" in result.stdout  # the first readable one
    assert "a reviewer is named but the sign-off has no date" not in result.stdout
    fixture.write_text("rule: BRD-003\ncases: [\n", encoding="utf-8")
    result = hkai("rules", "show", "BRD-003", "--rules", str(house))
    assert result.returncode == 0 and result.stderr == ""
    assert " ".join(result.stdout.split()).count(f"(no such case in {fixture})") == 2  # long paths wrap


@pytest.mark.parametrize("pack", [ROOT / "rules", HOUSE_RULES], ids=["built-in", "house"])
def test_both_validators_agree_that_the_fixture_files_are_valid(pack):
    files = sorted((pack / "fixtures").glob("*.yaml"))
    assert files
    for file in files:
        data = load_file(file).data
        assert compiled_errors(FIXTURE_SCHEMA, data) == [] == reference_errors(FIXTURE_SCHEMA, data), file
