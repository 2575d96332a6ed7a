"""Every rule of the built-in pack has fixtures that trigger it and fixtures that do not."""


import pytest

from checker.authoring.fixtures import run_fixtures
from checker.packs.loading import load_pack

PACK = load_pack()
RESULTS = run_fixtures(PACK)


@pytest.mark.parametrize("rule", PACK.rule_ids)
def test_rule_has_both_fixtures(rule):
    kinds = {case.triggers for case in RESULTS if case.rule == rule}
    assert kinds == {True, False}, f"{rule} needs a case that triggers it and one that does not"


@pytest.mark.parametrize("case", RESULTS, ids=lambda c: f"{c.rule}:{c.name}")
def test_fixture_case_behaves_as_declared(case):
    assert case.passed, f"{case.file}:{case.line}: {case.problem}"


def test_fixtures_name_existing_rules():
    assert {case.rule for case in RESULTS} <= set(PACK.rule_ids)
