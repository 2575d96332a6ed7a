"""A rule of the pack, compiled from its YAML form into something the engine can run."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Any, Iterable

from ..evaluation.levels import LEVELS
from ..language.compiler import Names, compile_check
from ..language.grammar import DOCUMENTS
from ..language.nodes import Check, paths, reads_findings, reads_format_problems

AI_USE_LEVELS = LEVELS[1:]  # what `levels: all` means to `$rule.levels`


@dataclass(frozen=True)
class Rule:
    id: str
    principle: str
    severity: str
    levels: tuple[str, ...] | None  # None: every level, including productions without AI
    title: dict[str, str]
    rationale: dict[str, str]
    message: dict[str, str]
    fix: dict[str, str]
    source: str
    checks: tuple[Check, ...]
    spec: dict[str, Any]  # the rule as written
    file: str
    reads_findings: bool = False  # judges other rules' findings: evaluated after them
    reads_format_problems: bool = False  # judges a manifest's format: the only rules an invalid one gets
    mandatory: bool = False  # part of every run: no selection or override removes it
    waivable: str = "any"  # who may waive its findings: any waiver in force, or only a reviewer's
    draft_severity: str | None = None  # its severity in a draft run (hkai check --draft), if another
    supersedes_within: bool = False  # its findings stand in for all others at or inside their node

    def applies_to(self, use_levels: set[str]) -> bool:
        """A rule applies when some AI use of the production is at one of its levels."""
        return self.levels is None or not use_levels.isdisjoint(self.levels)

    def checks_of(self, document: str) -> tuple[Check, ...]:
        """The checks that judge this kind of document (a manifest, a waivers file)."""
        return self._by_document[document]

    @cached_property
    def _by_document(self) -> dict[str, tuple[Check, ...]]:
        return {kind: tuple(check for check in self.checks if check.document == kind) for kind in DOCUMENTS}


def compile_rule(spec: dict[str, Any], checks: Iterable[tuple[dict[str, Any], str]], names: Names, file: str,
                 where: str) -> Rule:
    """The rule ``spec`` (at JSON Pointer ``where`` in ``file``) with its ``checks`` as
    written (each with its own pointer; see ``language.tables.written_checks``). Its
    checks may read its levels as ``$rule.levels``, besides the pack's named values (``$values.NAME``)."""
    levels = None if spec["levels"] == "all" else tuple(spec["levels"])
    names = names._replace(facts={**names.facts, "rule": {"levels": list(levels or AI_USE_LEVELS)}})
    compiled = tuple(compile_check(check, names, check_where, spec["message"], f"{where}/message")
                     for check, check_where in checks)
    read = [path for check in compiled for path in paths(check)]
    return Rule(
        id=spec["id"], principle=spec["principle"], severity=spec["severity"], levels=levels,
        title=spec["title"], rationale=spec["rationale"], message=spec["message"],
        fix=spec["fix"], source=spec["source"], checks=compiled, spec=spec, file=file,
        reads_findings=reads_findings(read), reads_format_problems=reads_format_problems(read),
        mandatory=spec.get("mandatory", False), waivable=spec.get("waivable", "any"),
        draft_severity=spec.get("draft_severity"), supersedes_within=spec.get("supersedes_within", False),
    )
