"""The report never contradicts itself about waivers: no finding is listed as waived by a
waiver that another finding of the same run says is not valid (unapproved, expired, naming
an unknown rule or record, or matching nothing). Held over every fixture case of the
built-in pack and every example production."""

import re

import pytest

import checker
from checker.authoring.fixture_runner import run_case
from checker.authoring.fixtures import read_fixtures
from checker.packs.loading import combine, load_pack
from conftest import EXAMPLES, TODAY

PACK = load_pack()
RULE_SET = combine([PACK])
CASES = [(fixture.rule_id, case) for fixture in read_fixtures(PACK.path) for case in fixture.cases or ()
         if case.manifest is not None]
_WAIVER = re.compile(r"^/waivers/\d+")


def contradictions(results, about_waivers: frozenset[str]) -> list[str]:
    """The waivers (``file#pointer``, a manifest's own as ``#pointer``) that waived a finding
    while a finding about waivers (a rule marked ``waivable: reviewer``) reports them."""
    used = {finding.waiver.key: finding for result in results for finding in result.findings if finding.waiver}
    reported = {}
    for index, result in enumerate(results):
        prefix = "" if index == 0 else result.path  # the manifest comes first, then reviewers' files
        for finding in result.findings:
            match = _WAIVER.match(finding.pointer)
            if finding.rule in about_waivers and match:
                reported[f"{prefix}#{match.group(0)}"] = finding
    return [f"{used[key].rule} at {used[key].pointer} is waived by {key}, but {reported[key].rule} says: "
            f"{reported[key].message['en']}" for key in sorted(used.keys() & reported.keys())]


@pytest.mark.parametrize(("rule", "case"), CASES, ids=[f"{rule}:{case.title}" for rule, case in CASES])
def test_no_fixture_case_waives_with_a_waiver_the_report_calls_invalid(rule, case):
    assert not contradictions(run_case(RULE_SET, case), RULE_SET.reviewer_waivable)


def test_no_example_waives_with_a_waiver_the_report_calls_invalid():
    report = checker.check([str(EXAMPLES)], checker.resolve_settings({"today": TODAY}))
    assert report.summary().waived, "an example should show a waived finding for this test to mean anything"
    for result in report.results:
        assert not contradictions([result], report.rule_set.reviewer_waivable), result.path
