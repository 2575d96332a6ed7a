"""Run a pack's fixture cases and judge them: what ``hkai rules test`` and the test suite do.

``case_options`` turns a case into the options of the check it runs, ``judge`` decides
from the check's result whether the case behaved as declared, ``judge_twin`` whether a
case's ``fixed`` twin keeps the promises of ``twins``; ``run_fixtures`` does all of it for
every case of a pack, grouped by rule.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..evaluation.manifest import CheckOptions, check_document
from ..evaluation.waivers import read_review_waivers, review_waivers_files
from ..packs.loading import combine
from ..packs.model import RulePack, RuleSet
from ..reading.yaml_loader import Document, LoadError
from ..report.model import DocumentResult
from ..text import say
from .fixtures import Case, Fixture, FixtureProblem, Gap, by_rule, gaps, read_fixtures
from .twins import NewFinding, UnnamedField, new_findings, renamed_records, unnamed_fields

DEFAULT_TODAY = "2026-06-30"


def case_options(case: Case, twin: bool = False, waivers: tuple = ()) -> CheckOptions:
    """The options of the check a case runs (or its twin: ``twin``), with the reviewer's
    ``waivers`` of its waivers file. A twin that names another production id than the
    case's no longer shares it with the files of ``same_production_in``."""
    shared = case.same_production_in
    if _production_id(_manifest(case, twin)) != _production_id(case.manifest):
        shared = ()
    return CheckOptions(today=case.today or DEFAULT_TODAY, verify_evidence=case.verify_evidence,
                        review_waivers=waivers, trusted_waivers_only=case.trusted_waivers_only,
                        same_production_in=shared)


def _manifest(case: Case, twin: bool) -> Document | None:
    return case.fixed if twin and case.fixed is not None else case.manifest


def _waivers_file(case: Case, twin: bool) -> Document | None:
    return case.fixed_waivers_file if twin and case.fixed_waivers_file is not None else case.waivers_file


def _production_id(manifest: Document | None) -> Any:
    data = manifest.data if manifest is not None else None
    production = data.get("production") if isinstance(data, dict) else None
    return production.get("id") if isinstance(production, dict) else None


def run_case(rule_set: RuleSet, case: Case, twin: bool = False) -> list[DocumentResult]:
    """Check a case's manifest, and its reviewer's waivers file when it has one; with
    ``twin``, the case's ``fixed`` twin of each instead, where it has one. A LoadError for
    a broken waivers file."""
    waivers_file = _waivers_file(case, twin)
    files = [read_review_waivers(waivers_file)] if waivers_file is not None else []
    options = case_options(case, twin, tuple(waiver for file in files for waiver in file.waivers))
    result = check_document(_manifest(case, twin), rule_set, options)
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
class BrokenTwin:
    """A twin that could not be checked: its waivers file is not one."""

    error: LoadError


@dataclass(frozen=True)
class TwinProblem:
    """What a case's ``fixed`` twin does that following a fix text must not: a new finding,
    or a field the fix text does not name; located in the twin."""

    fixture: Fixture
    case: Case
    line: int
    column: int
    problem: NewFinding | UnnamedField | BrokenTwin

    def describe(self, rule: str, lang: str) -> str:
        problem = self.problem
        if isinstance(problem, BrokenTwin):
            return say("rules_command.test.twin.broken", lang, error=problem.error.message)
        if isinstance(problem, UnnamedField):
            return say("rules_command.test.twin.unnamed_field", lang, field=problem.name, rule=rule,
                       languages=", ".join(problem.languages))
        finding = problem.finding
        where = finding.target or finding.pointer
        key = "still_triggers" if problem.still_the_rule else "new_finding"
        return say(f"rules_command.test.twin.{key}", lang, rule=finding.rule, where=where,
                   message=finding.message.get(lang) or finding.message.get("en", ""))

    def __str__(self) -> str:
        where = f"{self.fixture.path}:{self.line}:{self.column}"
        return f"{where}: {self.case.title!r}: {self.describe(self.fixture.rule_id, 'en')}"


def judge_twin(rule: str, fixture: Fixture, case: Case, failing: list[DocumentResult],
               fixed: list[DocumentResult]) -> list[TwinProblem]:
    """What is wrong with a failing case's twin, given both checks' results (the
    manifest's, then the waivers file's)."""
    assert case.manifest is not None
    own = [[finding for finding in result.findings if finding.rule == rule] for result in failing]
    fixes = [finding.fix for findings in own for finding in findings]
    renamed = renamed_records(case.manifest.data, _manifest(case, True).data)
    problems = [TwinProblem(fixture, case, problem.finding.line, problem.finding.column, problem)
                for problem in new_findings(rule, failing, fixed, renamed)]
    documents = ((case.manifest, case.fixed), (case.waivers_file, case.fixed_waivers_file))
    for (before, after), findings in zip(documents, own):
        if before is not None and after is not None:
            problems += [TwinProblem(fixture, case, *after.locate(problem.pointer), problem)
                         for problem in unnamed_fields(before.data, after.data, fixes, findings)]
    return problems


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
    twin_problems: tuple[TwinProblem, ...] = ()  # of the cases' fixed twins

    @property
    def case_count(self) -> int:
        return sum(len(fixture.cases or ()) for fixture in self.fixtures)

    @property
    def passed_count(self) -> int:
        return sum(outcome.failure is None for outcome in self.outcomes)

    def failures(self) -> list[FixtureProblem | CaseOutcome | TwinProblem | Gap]:
        """The problems of its files, the cases that misbehaved and their twins' problems,
        in file order, then what its fixtures lack."""
        located = [*(p for fixture in self.fixtures for p in fixture.all_problems),
                   *(outcome for outcome in self.outcomes if outcome.failure is not None), *self.twin_problems]
        return sorted(located, key=_place) + gaps(self.fixtures)

    @property
    def passed(self) -> bool:
        return not self.failures()


def _place(item: FixtureProblem | CaseOutcome | TwinProblem) -> tuple[str, int, int]:
    if isinstance(item, CaseOutcome):
        return str(item.fixture.path), item.case.line, item.case.column
    if isinstance(item, TwinProblem):
        return str(item.fixture.path), item.line, item.column
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
    outcomes: list[CaseOutcome] = []
    twin_problems: list[TwinProblem] = []
    for fixture in fixtures:
        for case in fixture.cases or ():
            if case.problems or case.manifest is None:  # it cannot run
                continue
            try:
                results = run_case(rule_set, case)
            except LoadError as error:
                outcomes.append(CaseOutcome(fixture, case, f"the case's waivers_file is not valid: {error}"))
                continue
            outcomes.append(CaseOutcome(fixture, case, judge(rule, case, results)))
            if case.triggers and (case.fixed is not None or case.fixed_waivers_file is not None):
                twin_problems += _run_twin(rule_set, rule, fixture, case, results)
    return RuleFixtures(rule, fixtures, tuple(outcomes), tuple(twin_problems))


def _run_twin(rule_set: RuleSet, rule: str, fixture: Fixture, case: Case,
              results: list[DocumentResult]) -> list[TwinProblem]:
    try:
        fixed = run_case(rule_set, case, twin=True)
    except LoadError as error:  # its fixed_waivers_file: the case's own was read already
        return [TwinProblem(fixture, case, error.line or case.line, error.column or case.column, BrokenTwin(error))]
    return judge_twin(rule, fixture, case, results, fixed)
