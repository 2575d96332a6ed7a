"""Check one manifest file: load it, validate it against the schema, run the rules."""

from __future__ import annotations

import gc
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from .engine import evaluate, evaluate_format, evaluate_stand_ins, is_within, record_ids
from ..report.model import Finding, ManifestResult
from ..reading.yaml_fast_path import load_manifest
from ..reading.yaml_loader import DEFAULT_MAX_BYTES, DEFAULT_MAX_NODES, Document, LoadError
from ..packs.model import RuleSet
from ..reading.manifest_problems import Problem, duplicate_key_problem, empty_manifest_problem, manifest_problems
from . import evidence
from .source import source_lines
from .waivers import ReviewWaiver, apply_waivers
from ..text import DEFAULT

# A manifest with this many AI uses has its rules shared between --jobs processes (below
# it, starting a worker costs more than it saves), at most this many: each copies much of
# the manifest's memory as it runs, and the rules are too few to keep more busy.
SHARED_RULES_MIN_USES = 1000
SHARED_RULES_MAX_PROCESSES = 4
# What the reports say about a production (the HTML report shows all of them).
REPORTED_PRODUCTION_KEYS = ("id", "title", "company", "release_date", "jurisdictions")


@dataclass(frozen=True)
class CheckOptions:
    today: str
    max_bytes: int = DEFAULT_MAX_BYTES
    max_nodes: int = DEFAULT_MAX_NODES
    review_waivers: tuple[ReviewWaiver, ...] = ()
    trusted_waivers_only: bool = False
    verify_evidence: bool = False
    jobs: int = 1  # processes that may share the rules of one big manifest
    # The other files of the run whose manifests name the same production id
    # (``checker.same_production_in``): reviewers' waivers for that id apply to none of them.
    same_production_in: tuple[str, ...] = ()
    # The lines around each finding's line kept for a report that quotes them (None: no line)
    source_context: int | None = 0


def check_file(path: Path, rule_set: RuleSet, options: CheckOptions) -> ManifestResult:
    result = ManifestResult(path=str(path))
    with _collector_paused():
        try:
            document = load_manifest(path, options.max_bytes, options.max_nodes)
        except LoadError as error:
            result.error = error
            return result
        return check_document(document, rule_set, options, result)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Loading and checking build many small containers and no reference cycles; Python's
    cyclic garbage collector would only rescan them (about 12% of a large check)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def check_document(document: Document, rule_set: RuleSet, options: CheckOptions,
                   result: ManifestResult | None = None) -> ManifestResult:
    result = _checked(document, rule_set, options, result or ManifestResult(path=document.path))
    if options.source_context is not None:
        result.source = source_lines(document.text, result.findings, options.source_context)
    return result


def _checked(document: Document, rule_set: RuleSet, options: CheckOptions, result: ManifestResult) -> ManifestResult:
    data = document.data
    production = data.get("production") if isinstance(data, dict) else None
    if isinstance(production, dict):
        result.production = {key: production.get(key) for key in REPORTED_PRODUCTION_KEYS}
        level = production.get("ai_use_level")
        result.declared_level = level if isinstance(level, str) else None  # another shape is a SCHEMA finding
    stand_ins, standing_in = evaluate_stand_ins(rule_set, document, options.today)
    problems = _not_stood_in(format_problems(document), stand_ins, data)
    if problems:
        findings, judges = evaluate_format(rule_set, document, problems, options.today)
        result.rules_evaluated = [rule.id for rule in (*judges, *standing_in)]
        if not findings:  # no rule of this set judges the format: the manifest cannot be checked
            result.error = LoadError(document.path, problems[0]["message"][DEFAULT], *document.locate(problems[0]["pointer"]))
        result.findings = sorted([*findings, *stand_ins], key=lambda finding: finding.sort_key())
        return result
    result.schema_valid = True
    with_evidence = evidence.annotate(data, Path(document.path).parent) if options.verify_evidence else None
    result.evidence = evidence.statuses(with_evidence) if with_evidence is not None else None
    big = len(data.get("ai_uses") or ()) >= SHARED_RULES_MIN_USES
    workers = min(options.jobs, SHARED_RULES_MAX_PROCESSES) if big else 1
    findings, applicable, result.derived_level = evaluate(rule_set, document, options.today, with_evidence, workers,
                                                          options.same_production_in, stand_ins)
    result.same_production_in = options.same_production_in
    # whose production a reviewer's waiver means is unknown while the id is shared: none applies
    review_waivers = () if options.same_production_in else options.review_waivers
    result.findings = apply_waivers(findings, data["production"]["id"], data.get("waivers") or [],
                                    review_waivers, options.today, options.trusted_waivers_only,
                                    rule_set.reviewer_waivable)
    result.rules_evaluated = [rule.id for rule in (*applicable, *standing_in)]
    result.record_ids = record_ids(data)
    return result


def _not_stood_in(problems: list[Problem], stand_ins: list[Finding], data: object) -> list[Problem]:
    """The format problems no stand-in finding speaks for: a placeholder in a date or a
    yes/no field is reported as a placeholder, not as a wrong date. Only problems below a
    record (a field of ``production`` or of a record, at any depth) are stood in for: the
    sections and records themselves keep the shape every rule relies on."""
    covered = frozenset(finding.pointer for finding in stand_ins)
    if not covered or not isinstance(data, dict):
        return problems
    return [problem for problem in problems
            if not (is_within(problem["pointer"], covered) and _below_a_record(problem["pointer"], data))]


def _below_a_record(pointer: str, data: dict) -> bool:
    tokens = pointer.split("/")[1:]
    section = data.get(tokens[0]) if tokens else None
    return len(tokens) >= (3 if isinstance(section, list) else 2) and isinstance(section, (dict, list))


def format_problems(document: Document) -> list[Problem]:
    """Where the manifest does not match its format, as facts for the rules that judge it
    (``checker.format_problems``): duplicate keys, emptiness, schema errors. Each is a
    ``pointer``, a ``message`` in every language and the ``field`` reference's entry."""
    problems = [duplicate_key_problem(d.pointer, d.key, d.first_line) for d in document.duplicate_keys]
    if document.data is None:
        problems.append(empty_manifest_problem())
    else:
        problems.extend(manifest_problems(document))
    return problems
