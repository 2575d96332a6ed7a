"""Run a compiled rule set over one document and produce findings: a manifest that
matches its format, one that does not (only the rules judging the format run), or a
reviewer's waivers file (only the checks written for waivers files run)."""

from __future__ import annotations

import json
from typing import Any, Iterable, Iterator

from . import levels
from ..report.model import Finding
from ..language.codegen import compiled_failures
from ..language.grammar import MANIFEST, WAIVERS_FILE
from ..language.runtime import MISSING, Bound, Context
from ..reading.yaml_loader import Document
from ..packs.model import RuleSet
from ..packs.rule import Rule
from ..reading.schema import manifest_sections
from .parallel import run_shared

# A manifest with this many records (in all its sections) has its rules run as Python
# compiled for each check (``language/codegen.py``); below it, compiling the checks would
# cost more than interpreting them saves. (See docs/architecture.md, "Rules become code".)
COMPILE_MIN_RECORDS = 1300


def evaluate(rule_set: RuleSet, document: Document, today: str, with_evidence: dict[str, Any] | None = None,
             workers: int = 1, same_production_in: tuple[str, ...] = (),
             stand_ins: list[Finding] | None = None) -> tuple[list[Finding], list[Rule], str]:
    """Findings of every rule that applies to the manifest, the rules that applied, and
    the production's derived AI-use level. ``with_evidence`` is the manifest's data with
    what ``evidence.annotate`` found on disk, when evidence is verified.

    Rules that judge other rules' findings (``checker.findings``, e.g. unused waivers)
    run second, and see the findings of the first. The first rules are shared between
    this process and ``workers - 1`` forked ones. ``stand_ins`` are the findings of the
    rules whose findings stand in for others (``evaluate_stand_ins``): no other finding
    at or inside their nodes is kept.
    """
    manifest = levels.annotate(document.data if with_evidence is None else with_evidence)
    roots = _roots(manifest, {"today": today, "rule_ids": list(rule_set.known_ids), "record_ids": record_ids(manifest),
                              "reviewer_waivable": sorted(rule_set.reviewer_waivable),
                              "findings": [], "format_problems": [], "same_production_in": list(same_production_in)},
                   manifest)
    context = Context(roots)
    compiled = sum(len(value) for value in manifest.values() if isinstance(value, list)) >= COMPILE_MIN_RECORDS
    use_levels = {use["effective_level"] for use in manifest.get("ai_uses") or ()}
    applicable = [rule for rule in rule_set.rules if rule.applies_to(use_levels) and not rule.supersedes_within]
    stand_ins = stand_ins or []
    covered = frozenset(finding.pointer for finding in stand_ins)
    first = [rule for rule in applicable if not rule.reads_findings]
    # Shared, the rules with most checks (roughly the longest) start first so that the
    # processes end together; findings are still gathered in the pack's order.
    order = list(range(len(first)))
    if workers > 1:
        order.sort(key=lambda index: -len(first[index].checks))
        context.index_by_id()  # joins on ids are everywhere: index once, before the workers fork
    found = run_shared(len(order), lambda task: list(_rule_findings(first[order[task]], MANIFEST, context, document,
                                                                    compiled)), workers)
    per_rule = dict(zip(order, found))
    findings: dict[tuple, Finding] = {}
    _keep(findings, stand_ins)
    _keep(findings, (finding for index in range(len(first)) for finding in per_rule[index]
                     if not is_within(finding.pointer, covered)))
    roots["checker"].value["findings"] = [
        {"rule": f.rule, "target": f.target, "path": f.pointer} for f in findings.values()]
    _keep(findings, (finding for rule in applicable if rule.reads_findings
                     for finding in _rule_findings(rule, MANIFEST, context, document)
                     if not is_within(finding.pointer, covered)))
    return sorted(findings.values(), key=Finding.sort_key), applicable, manifest["production"]["derived_level"]


def evaluate_stand_ins(rule_set: RuleSet, document: Document, today: str) -> tuple[list[Finding], list[Rule]]:
    """Findings of the rules whose findings stand in for others (``supersedes_within``,
    such as a placeholder left in), and those rules. They judge the manifest as written,
    valid or not: what they find unfinished is not judged by the format or other rules."""
    data = document.data if isinstance(document.data, dict) else {}
    rules = [rule for rule in rule_set.rules if rule.supersedes_within]
    return _findings_of(rules, MANIFEST, Context(_roots(data, {"today": today}, data)), document), rules


def is_within(pointer: str, nodes: frozenset[str]) -> bool:
    """Whether the node at ``pointer`` is one of ``nodes`` or inside one of them."""
    if not nodes:
        return False
    if pointer in nodes:
        return True
    index = pointer.rfind("/")
    while index > 0:
        if pointer[:index] in nodes:
            return True
        index = pointer.rfind("/", 0, index)
    return "" in nodes


def evaluate_format(rule_set: RuleSet, document: Document, problems: list[dict[str, Any]],
                    today: str) -> tuple[list[Finding], list[Rule]]:
    """Findings of the rules that judge a manifest's format, given its ``problems``
    (``checker.format_problems``: each a ``pointer``, a ``message`` in every language and
    the ``field`` reference's entry), and those rules:
    a manifest that does not match the format gets only these, its data being unfit for
    the others."""
    data = document.data if isinstance(document.data, dict) else {}
    roots = _roots({}, {"today": today, "format_problems": problems}, data)
    judges = [rule for rule in rule_set.rules if rule.reads_format_problems]
    return _findings_of(judges, MANIFEST, Context(roots), document), judges


def evaluate_waivers_file(rule_set: RuleSet, document: Document, waivers: list[dict[str, Any]],
                          today: str) -> list[Finding]:
    """Findings of the checks written for a reviewer's waivers file: its ``waivers`` (with
    the facts the run established about each) and ``checker.today``/``checker.rule_ids``."""
    sections = {"waivers": waivers}
    roots = _roots(sections, {"today": today, "rule_ids": list(rule_set.known_ids)}, sections)
    return _findings_of(list(rule_set.rules), WAIVERS_FILE, Context(roots), document)


def _findings_of(rules: list[Rule], kind: str, context: Context, document: Document) -> list[Finding]:
    findings: dict[tuple, Finding] = {}
    _keep(findings, (finding for rule in rules for finding in _rule_findings(rule, kind, context, document)))
    return sorted(findings.values(), key=Finding.sort_key)


def _keep(findings: dict[tuple, Finding], new: Iterable[Finding]) -> None:
    """Add findings, once each: two checks of a rule may report the same records at the
    same node."""
    for finding in new:
        findings.setdefault(finding.identity, finding)


def _roots(sections: dict[str, Any], facts: dict[str, Any], whole: dict[str, Any]) -> dict[str, Bound]:
    """What a rule's paths start from: every manifest section (missing unless given), the
    run's facts under ``checker`` and the ``whole`` document under ``document``."""
    roots = {name: Bound(sections.get(name, MISSING), f"/{name}") for name in manifest_sections()}
    roots["checker"] = Bound(facts, None)
    roots["document"] = Bound(whole, "")
    return roots


def record_ids(manifest: dict[str, Any]) -> list[str]:
    """Every record id of every section, sorted."""
    return sorted({
        record["id"] for value in manifest.values() if isinstance(value, list)
        for record in value if isinstance(record, dict) and isinstance(record.get("id"), str)
    })


def _rule_findings(rule: Rule, kind: str, context: Context, document: Document,
                   compiled: bool = False) -> Iterator[Finding]:
    """The rule's findings; ``compiled``: its checks run as compiled Python, else as trees of nodes."""
    for check in rule.checks_of(kind):
        for env in (compiled_failures(check) if compiled else check.failures)(context):
            target, at = check.location(env)
            pointer = at.pointer if at.pointer is not None else (target.pointer or "")
            line, column = document.locate(pointer)
            yield Finding(
                rule=rule.id, principle=rule.principle, severity=rule.severity,
                message={lang: template.render(env, lang) for lang, template in check.message.items()},
                fix={lang: template.render(env, lang) for lang, template in check.fix.items()} if check.fix else rule.fix,
                pointer=pointer, line=line, column=column, target=_record_id(target.value),
                records=_records(target, (env[name] for name in check.reported)),
            )


def _records(target: Bound, bound: Iterable[Bound]) -> tuple[str, ...]:
    """The keys of the target and of the bound records the finding is about, sorted (two
    checks may bind the same records under other names). A record bound only on the way
    to another (the AI uses a consent covers, when the finding names only the consent) does
    not make another finding."""
    return tuple(sorted({_record_key(record) for record in (target, *bound)}))


def _record_key(record: Bound) -> str:
    """A record's JSON Pointer; for a value with no node of its own (a fact of the run,
    an item collected across a list), the pointer it was read from and the value."""
    if record.pointer is not None and not record.projected:
        return record.pointer
    return f"{record.pointer or ''}={json.dumps(record.value, sort_keys=True, ensure_ascii=False, default=str)}"


def _record_id(value: Any) -> str | None:
    if isinstance(value, dict):
        record_id = value.get("id")
        return record_id if isinstance(record_id, str) else None
    return value if isinstance(value, str) else None
