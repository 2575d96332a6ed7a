"""Every rule of the built-in pack has fixtures that trigger it and fixtures that do not,
and every case behaves as declared: judged as `hkai rules test` judges them."""


import pytest

from checker.authoring.fixture_runner import run_fixtures
from checker.packs.loading import load_pack

PACK = load_pack()
RUN = run_fixtures(PACK)
OUTCOMES = [outcome for rule in RUN.rules for outcome in rule.outcomes]


@pytest.mark.parametrize("rule", RUN.rules, ids=lambda rule: rule.rule)
def test_rule_fixtures_are_complete_and_well_formed(rule):
    assert not rule.failures(), "\n".join(map(str, rule.failures()))


@pytest.mark.parametrize("outcome", OUTCOMES, ids=lambda o: f"{o.fixture.rule_id}:{o.case.title}")
def test_fixture_case_behaves_as_declared(outcome):
    assert outcome.failure is None, str(outcome)


def test_every_case_ran_and_every_rule_was_tested():
    assert [rule.rule for rule in RUN.rules] == sorted(PACK.rule_ids)
    assert len(OUTCOMES) == RUN.case_count


def test_fixtures_name_existing_rules():
    assert not RUN.strays
