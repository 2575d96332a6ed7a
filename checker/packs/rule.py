"""A rule of the pack, compiled from its YAML form into something the engine can run."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Iterable, Iterator

from ..language.compiler import (Bound, Condition, Context, Env, Names, Path, RuleCompileError, Selection, Template,
                       compile_condition, compile_selection)

DEFAULT_TARGET = "production"
FINDINGS_PATH = "checker.findings"


@dataclass(frozen=True)
class Check:
    """One ``for_each`` / ``where`` / ``require`` block of a rule."""

    bindings: tuple[tuple[str, Selection], ...]
    where: Condition | None
    require: Condition
    target: Path
    at: Path | None
    message: dict[str, Template]  # the check's own message, or the rule's
    first_key: str | None = None  # the first binding as written, to share its records between checks

    def failures(self, ctx: Context) -> Iterator[Env]:
        """Every combination of bound records that passes ``where`` but not ``require``."""
        where, require = self.where, self.require
        for env in self._combinations(ctx):
            if (where is None or where(env, ctx)) and not require(env, ctx):
                yield env

    def _combinations(self, ctx: Context) -> Iterable[Env]:
        if not self.bindings:
            return (ctx.roots,)
        envs: Iterable[Env] = self._first_selection(ctx)
        for _, select in self.bindings[1:]:
            envs = _extend(envs, select, ctx)
        return envs

    def _first_selection(self, ctx: Context) -> list[Env]:
        if self.first_key is None:
            return list(self.bindings[0][1](ctx.roots, ctx))
        if self.first_key not in ctx.first_selections:
            ctx.first_selections[self.first_key] = list(self.bindings[0][1](ctx.roots, ctx))
        return ctx.first_selections[self.first_key]

    def location(self, env: Env) -> tuple[Bound, Bound]:
        """The record the finding is about, and the node it points at."""
        target = self.target.resolve(env)
        return target, (self.at.resolve(env) if self.at else target)


def _extend(envs: Iterable[Env], select: Selection, ctx: Context) -> Iterator[Env]:
    for env in envs:
        yield from select(env, ctx)


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
    spec: dict[str, Any]  # the rule as written, for documentation
    file: str
    reads_findings: bool = False  # judges other rules' findings: evaluated after them

    def applies_to(self, use_levels: set[str]) -> bool:
        """A rule applies when some AI use of the production is at one of its levels."""
        return self.levels is None or not use_levels.isdisjoint(self.levels)


def compile_rule(spec: dict[str, Any], roots: frozenset[str], file: str, where: str) -> Rule:
    names = Names(roots)
    checks = spec["check"] if isinstance(spec["check"], list) else [spec["check"]]
    check_where = where + "/check"
    compiled = tuple(
        compile_check(check, names, f"{check_where}/{i}" if isinstance(spec["check"], list) else check_where,
                      spec["message"], f"{where}/message")
        for i, check in enumerate(checks)
    )
    levels = spec["levels"]
    return Rule(
        id=spec["id"], principle=spec["principle"], severity=spec["severity"],
        levels=None if levels == "all" else tuple(levels),
        title=spec["title"], rationale=spec["rationale"],
        message=spec["message"],
        fix=spec["fix"], source=spec["source"], checks=compiled, spec=spec, file=file,
        reads_findings=_mentions_findings(spec["check"]),
    )


def _mentions_findings(node: Any) -> bool:
    """Whether a check reads ``checker.findings`` anywhere (as a path or a $path operand)."""
    if isinstance(node, str):
        return node.lstrip("$").startswith(FINDINGS_PATH)
    if isinstance(node, dict):
        return any(_mentions_findings(key) or _mentions_findings(value) for key, value in node.items())
    if isinstance(node, list):
        return any(_mentions_findings(item) for item in node)
    return False


def compile_check(spec: dict[str, Any], names: Names, where: str,
                  rule_message: dict[str, str], rule_message_where: str) -> Check:
    bindings = []
    for name, source in (spec.get("for_each") or {}).items():
        bindings.append((name, compile_selection(source, name, names, f"{where}/for_each/{name}")))
        names = names.bind(name, f"{where}/for_each/{name}")
    first = bindings[0][0] if bindings else DEFAULT_TARGET
    first_spec = next(iter(spec["for_each"].items())) if bindings else None
    return Check(
        bindings=tuple(bindings),
        where=compile_condition(spec["where"], names, f"{where}/where") if "where" in spec else None,
        require=compile_condition(spec["require"], names, f"{where}/require"),
        target=Path(spec.get("target", first), names, f"{where}/target"),
        at=Path(spec["at"], names, f"{where}/at") if "at" in spec else None,
        message=(_templates(spec["message"], names, f"{where}/message") if "message" in spec
                 else _templates(rule_message, names, rule_message_where)),
        first_key=(json.dumps(first_spec, sort_keys=True)
                   if first_spec is not None and not _mentions_findings(first_spec[1]) else None),
    )


def _templates(texts: dict[str, str], names: Names, where: str) -> dict[str, Template]:
    return {lang: Template(source, names, f"{where}/{lang}") for lang, source in texts.items()}


__all__ = ["Check", "Rule", "RuleCompileError", "compile_rule"]
