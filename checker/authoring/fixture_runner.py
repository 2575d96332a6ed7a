"""Run a pack's fixture cases and judge them: what ``hkai rules test`` and the test suite do.

``case_options`` turns a case into the options of the check it runs, ``judge`` decides
from the check's result whether the case behaved as declared; ``run_fixtures`` does both
for every case of a pack, grouped by rule.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..evaluation.manifest import CheckOptions, check_document
from ..evaluation.waivers import read_review_waivers, review_waivers_files
from ..packs.loading import combine
from ..packs.model import RulePack, RuleSet
from ..reading.yaml_loader import LoadError
from ..report.model import DocumentResult
from .fixtures import Case, Fixture, FixtureProblem, Gap, by_rule, gaps, read_fixtures

DEFAULT_TODAY = "2026-06-30"


def case_options(case: Case) -> CheckOptions:
    """The options of the check a case runs; a LoadError for a case's broken waivers file."""
    waivers = read_review_waivers(case.waivers_file).waivers if case.waivers_file is not None else ()
    return CheckOptions(today=case.today or DEFAULT_TODAY, verify_evidence=case.verify_evidence,
                        review_waivers=waivers, trusted_waivers_only=case.trusted_waivers_only,
                        same_production_in=case.same_production_in)


def run_case(rule_set: RuleSet, case: Case) -> list[DocumentResult]:
    """Check a case's manifest, and its reviewer's waivers file when it has one."""
    options = case_options(case)
    result = check_document(case.manifest, rule_set, options)
    files = [read_review_waivers(case.waivers_file)] if case.waivers_file is not None else []
    return [result, *review_waivers_files(files, [result], rule_set, options.today)]


def judge(rule: str, case: Case, results: list[DocumentResult]) -> str | None:
    """What went wrong when a case's check gave ``results`` (the manifest's, then the
    waivers file's); None when it behaved as declared. A manifest that is not valid is a
    broken case, unless the rule under test is the one that says so."""
    manifest = results[0]
    findings = [finding for result in results for finding in result.findings]
    if not manifest.schema_valid and not any(finding.rule == rule for finding in manifest.findings):
        first = manifest.findings[0]
        return f"the case's manifest is not schema-valid: line {first.line}: {first.message['en']}"
    hits = sorted({finding.pointer for finding in findings if finding.rule == rule and not finding.waived})
    if case.triggers and not hits:
        return f"expected {rule} to trigger, it did not"
    if not case.triggers and hits:
        return f"expected {rule} not to trigger, it did at {', '.join(hits)}"
    if case.triggers and case.paths is not None and hits != sorted(case.paths):
        return f"expected findings at {', '.join(sorted(case.paths))}, got {', '.join(hits)}"
    return None


@dataclass(frozen=True)
class CaseOutcome:
    """A case that ran, and what went wrong (None when it behaved as declared)."""

    fixture: Fixture
    case: Case
    failure: str | None

    def __str__(self) -> str:
        return f"{self.fixture.path}:{self.case.line}: {self.case.title!r}: {self.failure or 'behaved as declared'}"


@dataclass(frozen=True)
class RuleFixtures:
    """One rule's fixture files, their cases run."""

    rule: str
    fixtures: tuple[Fixture, ...]
    outcomes: tuple[CaseOutcome, ...]  # of the cases without a problem, which could run

    @property
    def case_count(self) -> int:
        return sum(len(fixture.cases or ()) for fixture in self.fixtures)

    @property
    def passed_count(self) -> int:
        return sum(outcome.failure is None for outcome in self.outcomes)

    def failures(self) -> list[FixtureProblem | CaseOutcome | Gap]:
        """The problems of its files and the cases that misbehaved, in file order, then
        what its fixtures lack."""
        located = [*(p for fixture in self.fixtures for p in fixture.all_problems),
                   *(outcome for outcome in self.outcomes if outcome.failure is not None)]
        return sorted(located, key=_place) + gaps(self.fixtures)

    @property
    def passed(self) -> bool:
        return not self.failures()


def _place(item: FixtureProblem | CaseOutcome) -> tuple[str, int, int]:
    if isinstance(item, CaseOutcome):
        return str(item.fixture.path), item.case.line, item.case.column
    return item.file, item.line, item.column


@dataclass(frozen=True)
class FixtureRun:
    rules: tuple[RuleFixtures, ...]  # the pack's own rules, by id
    strays: dict[str, tuple[Fixture, ...]]  # fixture files for rules the pack does not define, by rule

    @property
    def case_count(self) -> int:
        return sum(rule.case_count for rule in self.rules)

    @property
    def passed(self) -> bool:
        return not self.strays and all(rule.passed for rule in self.rules)


def run_fixtures(pack: RulePack, rule_set: RuleSet | None = None) -> FixtureRun:
    """Run the fixtures of ``pack`` against ``rule_set`` (default: the pack on its own);
    a pack that extends another is tested with the rules it extends loaded too."""
    rule_set = rule_set or combine([pack])
    grouped = by_rule(read_fixtures(pack.path))
    own = sorted(pack.rule_ids)
    rules = tuple(_run_rule(rule_set, rule, tuple(grouped.get(rule, ()))) for rule in own)
    strays = {rule: tuple(fixtures) for rule, fixtures in sorted(grouped.items()) if rule not in own}
    return FixtureRun(rules, strays)


def _run_rule(rule_set: RuleSet, rule: str, fixtures: tuple[Fixture, ...]) -> RuleFixtures:
    outcomes = []
    for fixture in fixtures:
        for case in fixture.cases or ():
            if case.problems or case.manifest is None:  # it cannot run
                continue
            try:
                failure = judge(rule, case, run_case(rule_set, case))
            except LoadError as error:
                failure = f"the case's waivers_file is not valid: {error}"
            outcomes.append(CaseOutcome(fixture, case, failure))
    return RuleFixtures(rule, fixtures, tuple(outcomes))
