"""Choosing a run's rules: ``--select``/``--ignore`` selectors and severity overrides."""

from __future__ import annotations

from dataclasses import replace

from ..report.model import PRINCIPLES
from .model import RuleSet
from .rule import Rule


def select_rules(rule_set: RuleSet, select: list[str], ignore: list[str], severity: dict[str, str]) -> RuleSet:
    """Keep the rules matched by ``select`` (all when empty) and not by ``ignore``, with
    severities overridden per rule id. A selector is a rule id, an id prefix such as
    ``DIS-``, or a principle name. A mandatory rule (the format check) stays whatever they say."""
    for selector in [*select, *ignore]:
        if not any(_matches(rule, selector) for rule in rule_set.rules) and selector not in PRINCIPLES:
            raise ValueError(f"{selector!r} matches no rule id, id prefix or principle")
    for rule_id in severity:
        if rule_id not in rule_set.known_ids:
            raise ValueError(f"severity override for unknown rule {rule_id!r}")
    rules = tuple(
        replace(rule, severity=severity.get(rule.id, rule.severity)) for rule in rule_set.rules
        if rule.mandatory
        or (not select or any(_matches(rule, s) for s in select)) and not any(_matches(rule, s) for s in ignore)
    )
    return replace(rule_set, rules=rules)


def in_draft(rule_set: RuleSet) -> RuleSet:
    """The rules as a draft run judges them: each at its ``draft_severity``, if it has one."""
    return replace(rule_set, rules=tuple(replace(rule, severity=rule.draft_severity or rule.severity)
                                         for rule in rule_set.rules))


def _matches(rule: Rule, selector: str) -> bool:
    return (selector in (rule.id, rule.principle)
            or rule.id.startswith(selector if selector.endswith("-") else selector + "-"))
