"""Check one manifest file: load it, validate it against the schema, run the rules."""

from __future__ import annotations

import gc
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from .engine import evaluate, evaluate_format, record_ids
from ..report.model import ManifestResult
from ..reading.yaml_loader import DEFAULT_MAX_BYTES, DEFAULT_MAX_NODES, Document, LoadError, load_file
from ..packs.model import RuleSet
from ..reading.schema import MANIFEST_SCHEMA, schema_problems
from .waivers import ReviewWaiver, apply_waivers

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


def check_file(path: Path, rule_set: RuleSet, options: CheckOptions) -> ManifestResult:
    result = ManifestResult(path=str(path))
    with _collector_paused():
        try:
            document = load_file(path, options.max_bytes, options.max_nodes)
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
    result = result or ManifestResult(path=document.path)
    data = document.data
    production = data.get("production") if isinstance(data, dict) else None
    if isinstance(production, dict):
        result.production = {key: production.get(key) for key in REPORTED_PRODUCTION_KEYS}
        result.declared_level = production.get("ai_use_level")
    problems = format_problems(document)
    if problems:
        result.findings, judges = evaluate_format(rule_set, document, problems, options.today)
        result.rules_evaluated = [rule.id for rule in judges]
        if not result.findings:  # no rule of this set judges the format: the manifest cannot be checked
            result.error = LoadError(document.path, problems[0]["message"], *document.locate(problems[0]["pointer"]))
        return result
    result.schema_valid = True
    evidence_folder = Path(document.path).parent if options.verify_evidence else None
    big = len(data.get("ai_uses") or ()) >= SHARED_RULES_MIN_USES
    workers = min(options.jobs, SHARED_RULES_MAX_PROCESSES) if big else 1
    findings, applicable, result.derived_level = evaluate(rule_set, document, options.today, evidence_folder, workers,
                                                          options.same_production_in)
    result.same_production_in = options.same_production_in
    # whose production a reviewer's waiver means is unknown while the id is shared: none applies
    review_waivers = () if options.same_production_in else options.review_waivers
    result.findings = apply_waivers(findings, data["production"]["id"], data.get("waivers") or [],
                                    review_waivers, options.today, options.trusted_waivers_only,
                                    rule_set.reviewer_waivable)
    result.rules_evaluated = [rule.id for rule in applicable]
    result.record_ids = record_ids(data)
    return result


def format_problems(document: Document) -> list[dict[str, str]]:
    """Where the manifest does not match its format, as facts for the rules that judge it
    (``checker.format_problems``): duplicate keys, emptiness, schema errors."""
    problems = [(d.pointer, f"duplicate key {d.key!r}: also on line {d.first_line}; only the last value would be used")
                for d in document.duplicate_keys]
    if document.data is None:
        problems.append(("", "the manifest is empty; it needs at least manifest_version and production"))
    else:
        problems.extend(schema_problems(MANIFEST_SCHEMA, document))
    return [{"pointer": pointer, "message": message} for pointer, message in problems]
