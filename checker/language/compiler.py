"""The rule language's compiler: a check as written in YAML becomes a tree of nodes
(``nodes.py``), once, when its pack loads.

A check reads like a sentence (see README, "Writing a rule")::

    for_each:                      # for each AI use at one of the rule's levels,
      use: {from: ai_uses, where: {use.effective_level: {in: $rule.levels}}}
      subject: {from: people, listed_in: use.subjects}     # and each of its subjects,
    require:                       # there must be a consent for that person covering the kind
      exists:
        from: consents
        as: consent
        where:
          - consent.person: {equals: $subject.id}
          - consent.covers: {contains: $use.kind}

Paths (``use.kind``) name a bound record or a manifest section, then fields. ``$path``
marks a path where an operand would otherwise be a literal; ``$rule.levels`` is a fact
known when the rule is compiled, and is read then, as is ``$values.NAME``, a value the
pack names once (``values:``, such as a table of country codes). A selection the pack
names once (``selections:``) is used by its name: ``{selection: NAME}``. Nothing in a rule is
executed: a rule can only use the operators and forms of ``grammar.py``; the compiler
checks every name a check uses against what is bound where it is used.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Any, Mapping, NamedTuple

from .grammar import MANIFEST, OPERATORS
from .nodes import (AllOf, AnyOf, Check, Comparison, Condition, Not, Quantifier, Selection, Template, Test,
                    conjuncts)
from .patterns import RowMatcher, RowPattern, re2_options
from .runtime import MISSING, Path, path_of, walk

DEFAULT_TARGET = "production"
VALUES = "values"  # $values.NAME: a value the pack names once (``values:``), read when a rule is compiled
FACT_KINDS = {VALUES: "a value the pack names (values:)"}


class RuleCompileError(Exception):
    """A check that cannot be compiled; ``where`` is a JSON Pointer inside the rule."""

    def __init__(self, message: str, where: str = ""):
        super().__init__(message)
        self.message = message
        self.where = where


class NamedSelection(NamedTuple):
    """A selection a pack names once: the records of ``spec`` (``from``, ``listed_in``,
    ``where``), each called ``record`` inside it and wherever it is used."""

    name: str
    record: str
    spec: Mapping[str, Any]
    origin: str  # file:line of its definition, for messages


class Names(NamedTuple):
    """What a check may name at one point of it: manifest sections and run facts
    (``roots``), the records bound so far, facts known when the rule is compiled
    (``$rule.levels``, the pack's named values ``$values.NAME``) and the pack's named selections. ``open`` accepts any name: a
    named selection is compiled on its own so, at its definition, only to find its other
    mistakes; the names it reads are checked wherever it is used."""

    roots: frozenset[str]
    bound: frozenset[str] = frozenset()
    facts: Mapping[str, Any] = MappingProxyType({})
    selections: Mapping[str, NamedSelection] = MappingProxyType({})
    open: bool = False
    expanding: frozenset[str] = frozenset()  # the named selections being compiled, to refuse a loop

    def __contains__(self, name: str) -> bool:
        return self.open or name in self.roots or name in self.bound

    def bind(self, name: str, where: str) -> Names:
        if name in self.roots:
            raise RuleCompileError(f"{name!r} is a section name; choose another name to bind", where)
        if name in self.facts:
            raise RuleCompileError(f"{name!r} names facts of the rule (${name}...); choose another name to bind", where)
        return self._replace(bound=self.bound | {name})

    def problem(self, text: str) -> str | None:
        """What is wrong with path ``text`` here, if anything."""
        parts = text.split(".")
        if parts[0] in self.facts and all(parts):
            return f"{parts[0]} is known when the rule is compiled: use it as an operand, ${text}"
        if not all(parts) or parts[0] not in self:
            known = ", ".join(sorted(self.roots | self.bound))
            return f"unknown name {parts[0]!r} in path {text!r}; known names: {known}"
        return None

    def path(self, text: str, where: str) -> Path:
        problem = self.problem(text)
        if problem is not None:
            raise RuleCompileError(problem, where)
        return path_of(text)

    def operand(self, spec: Any, where: str) -> tuple[Any, Path | None]:
        """An operand's value and, for ``$path``, the path to read it from when the check runs."""
        if not (isinstance(spec, str) and spec.startswith("$")):
            return spec, None
        root, *fields = spec[1:].split(".")
        if root in self.facts:
            value = walk(self.facts[root], fields)
            if value is MISSING:
                known = ", ".join(f"${root}.{name}" for name in sorted(self.facts[root])) or "none"
                raise RuleCompileError(f"{spec} is not {FACT_KINDS.get(root, 'a fact of the rule')}; known: {known}",
                                       where)
            return value, None
        return None, self.path(spec[1:], where)

    def selection(self, name: str, where: str) -> NamedSelection:
        if name not in self.selections:
            known = ", ".join(sorted(self.selections)) or "none"
            raise RuleCompileError(f"unknown selection {name!r}; the pack's selections: {known}", where)
        if name in self.expanding:
            raise RuleCompileError(f"selection {name!r} uses itself", where)
        return self.selections[name]


# --- conditions --------------------------------------------------------------------------


def compile_condition(spec: Any, names: Names, where: str) -> Condition:
    """A condition is a list (all must hold), a logical form, or ``{path: {operator: operand}}``."""
    if isinstance(spec, list):
        return _all([compile_condition(item, names, f"{where}/{i}") for i, item in enumerate(spec)], where)
    if not isinstance(spec, dict) or len(spec) != 1:
        raise RuleCompileError("a condition is a list, or a mapping with exactly one key", where)
    (key, body), = spec.items()
    inner = f"{where}/{key}"
    if key in ("all", "any"):
        parts = [compile_condition(item, names, f"{inner}/{i}") for i, item in enumerate(body)]
        if key == "all":
            return _all(parts, inner)
        return parts[0] if len(parts) == 1 else AnyOf(tuple(parts), inner)
    if key == "not":
        return Not(compile_condition(body, names, inner), inner)
    if key in ("exists", "count"):
        return _compile_quantifier(key, body, names, inner)
    return _compile_comparison(key, body, names, inner)


def _all(parts: list[Condition], where: str) -> Condition:
    return parts[0] if len(parts) == 1 else AllOf(tuple(parts), where)


def _compile_comparison(path_text: str, operators: dict[str, Any], names: Names, where: str) -> Comparison:
    path = names.path(path_text, where)
    tests = []
    for name, operand in operators.items():
        test_where = f"{where}/{name}"
        if name not in OPERATORS:
            raise RuleCompileError(f"unknown operator {name!r}", test_where)
        if name == "matches":
            tests.append(Test(name, operand, None, _compile_regex(operand, test_where)))
            continue
        value, reads = names.operand(operand, test_where)
        named = operand[len(VALUES) + 2:] if isinstance(operand, str) and operand.startswith(f"${VALUES}.") else None
        prepare = OPERATORS[name].prepare
        if prepare is not None:
            if reads is not None:
                raise RuleCompileError(f"the operand of {name} is known when the rule is compiled: written out, "
                                       f"or a named value ($values.NAME), not {operand!r}", test_where)
            try:
                tests.append(Test(name, value, None, prepare(value), named))
            except ValueError as error:
                raise RuleCompileError(f"{name}: {error}", test_where) from None
            continue
        tests.append(Test(name, operand if reads is not None else value, reads, value, named))
    return Comparison(path, tuple(tests), where)


def _compile_regex(pattern: Any, where: str) -> Any:
    """A rule's pattern on RE2, whose matching time is linear in the text whatever the
    pattern: a rule pack can never make a check hang. RE2 has no backreferences or
    lookarounds; a pattern using them is refused here, when the pack loads. A table's row
    whose pattern was checked with the other rows' is compiled when first needed."""
    if isinstance(pattern, RowPattern) and pattern.rows.union() is not None:
        return RowMatcher(pattern)
    import re2  # only packs with patterns pay for loading it

    try:
        return re2.compile(pattern, re2_options())
    except re2.error as error:
        reason = error.args[0].decode("utf-8", "replace") if isinstance(error.args[0], bytes) else str(error)
        raise RuleCompileError(
            f"regular expression {pattern!r} cannot be used ({reason}): rule patterns run on RE2, which "
            "matches in linear time and so has no backreferences (\\1) or lookarounds ((?=...), (?!...)); "
            "write the condition with separate tests instead (e.g. `not: {path: {matches: ...}}`), and "
            "characters as \\x{4e00} rather than \\u4e00", where) from None
    except TypeError:
        raise RuleCompileError(f"regular expression {pattern!r} is not text", where) from None


def _compile_quantifier(kind: str, spec: dict[str, Any], names: Names, where: str) -> Quantifier:
    name = spec["as"] if "as" in spec else names.selection(spec["selection"], f"{where}/selection").record
    return Quantifier(kind, compile_selection(spec, name, names, where),
                      spec.get("at_least", 1 if kind == "exists" else 0), spec.get("at_most"), where)


# --- selections --------------------------------------------------------------------------


def compile_selection(spec: Any, name: str, names: Names, where: str) -> Selection:
    """``path``, ``{from: path, listed_in: path(s), where: condition}`` or ``{selection:
    NAME, where: condition}``: the records bound to ``name``."""
    if isinstance(spec, str):
        spec = {"from": spec}
    if "selection" in spec:
        return _use_named(spec, name, names, where)
    source = names.path(spec["from"], f"{where}/from")
    inner = names.bind(name, where)
    listed = spec.get("listed_in")
    listed_paths = tuple(names.path(p, f"{where}/listed_in") for p in ([listed] if isinstance(listed, str)
                                                                        else listed or []))
    condition = compile_condition(spec["where"], inner, f"{where}/where") if "where" in spec else None
    every_text = spec.get("every_text", False)
    if every_text and listed_paths:
        raise RuleCompileError("every_text selects text values, which have no id: it cannot go with listed_in",
                               f"{where}/listed_in")
    return Selection(name, source, not source.fields and source.root in names.roots, listed_paths, condition,
                     every_text=every_text)


def _use_named(spec: dict[str, Any], name: str, names: Names, where: str) -> Selection:
    """A named selection, compiled against the names of the check using it, with the
    further ``where`` the check may add."""
    named = names.selection(spec["selection"], f"{where}/selection")
    if name != named.record:
        raise RuleCompileError(f"selection {named.name!r} calls its records {named.record!r}; "
                               f"bind it as {named.record!r}, not {name!r}", where)
    expanding = names._replace(expanding=names.expanding | {named.name})
    try:
        selection = compile_selection(dict(named.spec), name, expanding, where)
    except RuleCompileError as error:
        raise RuleCompileError(f"selection {named.name!r} ({named.origin}): {error.message}",
                               f"{where}/selection") from None
    condition = selection.where
    if "where" in spec:
        further = compile_condition(spec["where"], names.bind(name, where), f"{where}/where")
        condition = _all([*conjuncts(selection.where), *conjuncts(further)], f"{where}/where")
    return Selection(name, selection.source, selection.is_section, selection.listed, condition, named.name,
                     selection.every_text)


def check_named_selection(named: NamedSelection, roots: frozenset[str], selections: Mapping[str, NamedSelection],
                          where: str) -> None:
    """Compile a named selection on its own, to report its mistakes where it is defined
    (the names it reads are checked where it is used)."""
    names = Names(roots, selections=selections, open=True, expanding=frozenset({named.name}))
    compile_selection(dict(named.spec), named.record, names, where)


# --- checks ------------------------------------------------------------------------------


def compile_check(spec: dict[str, Any], names: Names, where: str,
                  rule_message: dict[str, str], rule_message_where: str) -> Check:
    """One check: its ``for_each`` names are bound in order, each usable by the next."""
    bindings = []
    for name, source in (spec.get("for_each") or {}).items():
        bindings.append(compile_selection(source, name, names, f"{where}/for_each/{name}"))
        names = names.bind(name, f"{where}/for_each/{name}")
    first = bindings[0].name if bindings else DEFAULT_TARGET
    return Check(
        bindings=tuple(bindings),
        where=compile_condition(spec["where"], names, f"{where}/where") if "where" in spec else None,
        require=compile_condition(spec["require"], names, f"{where}/require"),
        target=names.path(spec.get("target", first), f"{where}/target"),
        at=names.path(spec["at"], f"{where}/at") if "at" in spec else None,
        at_pointer=names.path(spec["at_pointer"], f"{where}/at_pointer") if "at_pointer" in spec else None,
        document=spec.get("document", MANIFEST),
        message=(_templates(spec["message"], names, f"{where}/message") if "message" in spec
                 else _templates(rule_message, names, rule_message_where)),
        fix=_templates(spec["fix"], names, f"{where}/fix") if "fix" in spec else None,
        names=names,
        pointer=where,
    )


def _templates(texts: dict[str, str], names: Names, where: str) -> dict[str, Template]:
    return {lang: Template(source, {m: names.path(Template.path_text(m), f"{where}/{lang}")
                                     for m in Template.placeholders(source)})
            for lang, source in texts.items()}
