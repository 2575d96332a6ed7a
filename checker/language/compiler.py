"""The rule language: a rule's check is compiled once into small functions, then run
over each manifest's records.

A check reads like a sentence (see README, "Writing a rule")::

    for_each:                      # for each AI use at medium or high level,
      use: {from: ai_uses, where: {use.effective_level: {in: [medium, high]}}}
      subject: {from: people, listed_in: use.subjects}     # and each of its subjects,
    require:                       # there must be a consent for that person covering the kind
      exists:
        from: consents
        as: consent
        where:
          - consent.person: {equals: $subject.id}
          - consent.covers: {contains: $use.kind}

Paths (``use.kind``) name a bound record or a manifest section, then fields; on a list,
a field name collects that field from every item. ``$path`` marks a path where an
operand would otherwise be a literal. Nothing in a rule is executed: the only things a
rule can do are the operators in ``OPERATORS`` and the forms compiled below.
"""

from __future__ import annotations

import re
from re import _constants as _regex_constants, _parser as _regex_parser  # to inspect rule regexes
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Iterator, NamedTuple

from ..text import values as text_values
from ..evaluation.levels import RANK

MISSING: Any = type("Missing", (), {"__repr__": lambda self: "MISSING", "__bool__": lambda self: False})()
MAX_MATCH_LENGTH = 10_000  # regexes only ever see this much of a value
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


class RuleCompileError(Exception):
    """A check that cannot be compiled; ``where`` is a JSON Pointer inside the rule."""

    def __init__(self, message: str, where: str = ""):
        super().__init__(message)
        self.message = message
        self.where = where


class Bound(NamedTuple):
    """A value together with the JSON Pointer of the node it came from."""

    value: Any
    pointer: str | None
    projected: bool = False  # collected across a list: items have no pointer of their own

    def items(self) -> Iterator[Bound]:
        if isinstance(self.value, list):
            for index, item in enumerate(self.value):
                pointer = self.pointer if self.projected or self.pointer is None else f"{self.pointer}/{index}"
                yield Bound(item, pointer, self.projected)


Env = dict[str, Bound]


class Context:
    """One manifest being evaluated: its sections as root names, and what is worked out
    once for it and shared by every rule: each section's records, indexes on their fields,
    and the records a check's first ``for_each`` selects (many rules start from the same
    selection, such as the AI uses at medium or high level)."""

    def __init__(self, roots: Env):
        self.roots = roots
        self._records: dict[str, list[Bound]] = {}
        self._indexes: dict[tuple[str, str], dict[Any, list[Bound]]] = {}
        self.first_selections: dict[str, list[Env]] = {}

    def records(self, section: str) -> list[Bound]:
        if section not in self._records:
            self._records[section] = list(self.roots[section].items())
        return self._records[section]

    def index_by_id(self) -> None:
        for section, bound in self.roots.items():
            if isinstance(bound.value, list):
                self.index(section, "id")

    def index(self, section: str, field: str) -> dict[Any, list[Bound]]:
        """Records of ``section`` by the value of ``field`` (each element, for a list)."""
        table = self._indexes.get((section, field))
        if table is None:
            table = self._indexes[section, field] = {}
            for record in self.records(section):
                value = record.value.get(field, MISSING) if isinstance(record.value, dict) else MISSING
                elements = value if isinstance(value, list) else (value,)
                for element in dict.fromkeys(e for e in elements if _hashable(e)):  # once per record
                    table.setdefault(element, []).append(record)
        return table


def _hashable(value: Any) -> bool:
    return value is not MISSING and not isinstance(value, (dict, list))


# --- paths and operands -------------------------------------------------------------


@dataclass(frozen=True)
class Names:
    """The names a path may start with: manifest sections (roots) and bound records."""

    roots: frozenset[str]
    bound: frozenset[str] = frozenset()

    def __contains__(self, name: str) -> bool:
        return name in self.roots or name in self.bound

    def bind(self, name: str, where: str) -> Names:
        if name in self.roots:
            raise RuleCompileError(f"{name!r} is a section name; choose another name to bind", where)
        return Names(self.roots, self.bound | {name})


class Path:
    def __init__(self, source: str, names: Names, where: str):
        parts = source.split(".")
        if not all(parts) or parts[0] not in names:
            known = ", ".join(sorted(names.roots | names.bound))
            raise RuleCompileError(f"unknown name {parts[0]!r} in path {source!r}; known names: {known}", where)
        self.source = source
        self.root = parts[0]
        self.fields = parts[1:]
        # value(env): the value alone, the same walk as ``resolve`` without building pointers
        self.value: Callable[[Env], Any] = _reader(self.root, self.fields)

    def resolve(self, env: Env) -> Bound:
        bound = env[self.root]
        value, pointer, projected = bound.value, bound.pointer, bound.projected
        for field in self.fields:
            if isinstance(value, dict):
                value = value.get(field, MISSING)
                if pointer is not None and not projected:
                    pointer = f"{pointer}/{field}"
            elif isinstance(value, list):
                if field.isdigit():
                    index = int(field)
                    value = value[index] if index < len(value) else MISSING
                    if pointer is not None and not projected:
                        pointer = f"{pointer}/{index}"
                else:
                    value = _collect(value, field)
                    projected = True
            else:
                return Bound(MISSING, pointer, projected)
        return Bound(value, pointer, projected)


def _reader(root: str, fields: list[str]) -> Callable[[Env], Any]:
    """A function reading a path's value; a one-field path, the commonest, reads directly."""
    if len(fields) == 1 and not fields[0].isdigit():
        (field,) = fields

        def read_field(env: Env) -> Any:
            value = env[root].value
            return value.get(field, MISSING) if type(value) is dict else _walk(value, fields)
        return read_field
    return lambda env: _walk(env[root].value, fields)


def _walk(value: Any, fields: list[str]) -> Any:
    for field in fields:
        if type(value) is dict:
            value = value.get(field, MISSING)
        elif type(value) is list:
            if field.isdigit():
                index = int(field)
                value = value[index] if index < len(value) else MISSING
            else:
                value = _collect(value, field)
        else:
            return MISSING
    return value


def _collect(items: list[Any], field: str) -> list[Any]:
    collected: list[Any] = []
    for item in items:
        if isinstance(item, dict) and item.get(field) is not None:
            value = item[field]
            collected.extend(value) if isinstance(value, list) else collected.append(value)
    return collected


def _operand(spec: Any, names: Names, where: str) -> Callable[[Env], Any]:
    if isinstance(spec, str) and spec.startswith("$"):
        return Path(spec[1:], names, where).value
    return lambda env: spec


# --- operators ------------------------------------------------------------------------


def _is_present(value: Any) -> bool:
    return value is not MISSING and value is not None and value != "" and value != [] and value != {}


def _same(a: Any, b: Any) -> bool:
    return a is not MISSING and (type(a) is bool) == (type(b) is bool) and a == b


def _rank(value: Any) -> float | None:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    return RANK.get(value) if isinstance(value, str) else None


def _ordered(test: Callable[[float, float], bool]) -> Callable[[Any, Any], bool]:
    def compare(value: Any, limit: Any) -> bool:
        a, b = _rank(value), _rank(limit)
        return a is not None and b is not None and test(a, b)
    return compare


def _dated(test: Callable[[str, str], bool]) -> Callable[[Any, Any], bool]:
    def compare(value: Any, other: Any) -> bool:
        return (isinstance(value, str) and isinstance(other, str)
                and bool(_DATE.fullmatch(value)) and bool(_DATE.fullmatch(other)) and test(value, other))
    return compare


def _list_test(test: Callable[[list, Any], bool]) -> Callable[[Any, Any], bool]:
    return lambda value, operand: isinstance(value, list) and test(value, operand)


def _text_test(test: Callable[[str, Any], bool]) -> Callable[[Any, Any], bool]:
    """A test of text holds when any language version of the value passes it."""
    return lambda value, operand: any(test(version, operand) for version in text_values.variants(value))


def _mentions(version: str, needle: Any) -> bool:
    lowered = version.casefold()
    return any(n.casefold() in lowered for n in text_values.variants(needle) if n)


def _as_list(value: Any) -> list:
    return value if isinstance(value, list) else []


# name -> test(value, operand). Each is total: a missing or ill-typed value fails it.
OPERATORS: dict[str, Callable[[Any, Any], bool]] = {
    "present": lambda value, expected: _is_present(value) == bool(expected),
    "equals": _same,
    "not_equals": lambda value, other: not _same(value, other),
    "in": lambda value, options: any(_same(value, option) for option in _as_list(options)),
    "not_in": lambda value, options: not any(_same(value, option) for option in _as_list(options)),
    "contains": _list_test(lambda items, item: item in items if type(item) is str  # the common case, in C
                           else any(_same(x, item) for x in items)),
    "contains_any": _list_test(lambda items, wanted: any(_same(x, w) for w in _as_list(wanted) for x in items)),
    "contains_all": _list_test(lambda items, wanted: all(any(_same(x, w) for x in items) for w in _as_list(wanted))),
    "matches": _text_test(lambda version, pattern: pattern.search(version[:MAX_MATCH_LENGTH]) is not None),
    "mentions": _text_test(_mentions),
    "min_words": _text_test(lambda version, n: text_values.word_count(version) >= n),
    "min_length": _text_test(lambda version, n: len(version) >= n),
    "max_length": _text_test(lambda version, n: len(version) <= n),
    "at_least": _ordered(lambda a, b: a >= b),
    "at_most": _ordered(lambda a, b: a <= b),
    "greater_than": _ordered(lambda a, b: a > b),
    "less_than": _ordered(lambda a, b: a < b),
    "before": _dated(lambda a, b: a < b),
    "on_or_before": _dated(lambda a, b: a <= b),
    "after": _dated(lambda a, b: a > b),
    "on_or_after": _dated(lambda a, b: a >= b),
}
LOGICAL = ("all", "any", "not", "exists", "count")

Condition = Callable[[Env, Context], bool]


# --- conditions -------------------------------------------------------------------------


def compile_condition(spec: Any, names: Names, where: str) -> Condition:
    """A condition is a list (all must hold), a logical form, or ``{path: {operator: operand}}``."""
    if isinstance(spec, list):
        return _all_of([compile_condition(item, names, f"{where}/{i}") for i, item in enumerate(spec)])
    if not isinstance(spec, dict) or len(spec) != 1:
        raise RuleCompileError("a condition is a list, or a mapping with exactly one key", where)
    (key, body), = spec.items()
    inner = f"{where}/{key}"
    if key in ("all", "any"):
        parts = [compile_condition(item, names, f"{inner}/{i}") for i, item in enumerate(body)]
        return _all_of(parts) if key == "all" else _any_of(parts)
    if key == "not":
        negated = compile_condition(body, names, inner)
        return lambda env, ctx: not negated(env, ctx)
    if key in ("exists", "count"):
        return _compile_quantifier(key, body, names, inner)
    return _compile_comparison(key, body, names, inner)


def _all_of(parts: list[Condition]) -> Condition:
    if len(parts) == 1:
        return parts[0]

    def all_of(env: Env, ctx: Context) -> bool:
        for part in parts:
            if not part(env, ctx):
                return False
        return True
    return all_of


def _any_of(parts: list[Condition]) -> Condition:
    def any_of(env: Env, ctx: Context) -> bool:
        for part in parts:
            if part(env, ctx):
                return True
        return False
    return any_of


def _compile_comparison(path_text: str, tests: dict[str, Any], names: Names, where: str) -> Condition:
    value_of = Path(path_text, names, where).value
    compiled = []
    for name, operand in tests.items():
        if name not in OPERATORS:
            raise RuleCompileError(f"unknown operator {name!r}", f"{where}/{name}")
        if name == "matches":
            operand = _compile_regex(operand, f"{where}/{name}")
        compiled.append(_test(value_of, name, operand, names, f"{where}/{name}"))
    return _all_of(compiled)


def _test(value_of: Callable[[Env], Any], name: str, operand: Any, names: Names, where: str) -> Condition:
    """One operator applied to a path's value; membership in a literal list of text is a set lookup."""
    test = OPERATORS[name]
    if name in ("in", "not_in") and isinstance(operand, list) and all(type(o) is str for o in operand):
        options = frozenset(operand)

        def is_in(env: Env, ctx: Context) -> bool:
            value = value_of(env)
            return type(value) is str and value in options
        return is_in if name == "in" else lambda env, ctx: not is_in(env, ctx)
    if isinstance(operand, str) and operand.startswith("$"):
        read = Path(operand[1:], names, where).value
        return lambda env, ctx: test(value_of(env), read(env))
    return lambda env, ctx: test(value_of(env), operand)


def _compile_regex(pattern: Any, where: str) -> re.Pattern:
    try:
        compiled = re.compile(pattern)
    except (re.error, TypeError) as error:
        raise RuleCompileError(f"invalid regular expression {pattern!r}: {error}", where) from None
    if _nested_repetition(_regex_parser.parse(pattern)):
        raise RuleCompileError(
            f"regular expression {pattern!r} repeats a group that itself repeats or alternates, "
            "which can take exponential time on some text; rewrite it without nested quantifiers", where)
    return compiled


_REPEATS = {_regex_constants.MAX_REPEAT, _regex_constants.MIN_REPEAT}


def _nested_repetition(items: Any, inside_repeat: bool = False) -> bool:
    """Whether a parsed pattern has a variable repetition or an alternation inside a
    repetition, the shapes behind catastrophic backtracking such as ``(a+)+`` and
    ``(a|a)+``. Conservative: some harmless patterns of those shapes are refused too."""
    for op, argument in items:
        if op in _REPEATS:
            low, high, body = argument
            if inside_repeat and low != high:
                return True
            if _nested_repetition(body, inside_repeat or high > 1):
                return True
        elif op is _regex_constants.SUBPATTERN:
            if _nested_repetition(argument[-1], inside_repeat):
                return True
        elif op is _regex_constants.BRANCH:
            if inside_repeat and len(argument[1]) > 1:
                return True  # alternatives that can match the same text, repeated: (a|a)+
            if any(_nested_repetition(branch, inside_repeat) for branch in argument[1]):
                return True
        elif op in (_regex_constants.ASSERT, _regex_constants.ASSERT_NOT):
            if _nested_repetition(argument[1], inside_repeat):
                return True
    return False


def _compile_quantifier(kind: str, spec: dict[str, Any], names: Names, where: str) -> Condition:
    name = spec.get("as", "item")
    select = compile_selection(spec, name, names, where)
    at_least = spec.get("at_least", 1 if kind == "exists" else 0)
    at_most = spec.get("at_most")

    def quantify(env: Env, ctx: Context) -> bool:
        found = 0
        for _ in select(env, ctx):
            found += 1
            if at_most is None and found >= at_least:
                return True
            if at_most is not None and found > at_most:
                return False
        return found >= at_least
    return quantify


# --- selections: the records a for_each or exists ranges over ---------------------------

Selection = Callable[[Env, Context], Iterator[Env]]


def compile_selection(spec: Any, name: str, names: Names, where: str) -> Selection:
    """``path`` or ``{from: path, listed_in: path(s), where: condition}``; yields extended envs."""
    if isinstance(spec, str):
        spec = {"from": spec}
    source = Path(spec["from"], names, f"{where}/from")
    inner_names = names.bind(name, where)
    listed = spec.get("listed_in")
    listed_paths = [Path(p, names, f"{where}/listed_in") for p in ([listed] if isinstance(listed, str) else listed or [])]
    condition = compile_condition(spec["where"], inner_names, f"{where}/where") if "where" in spec else None
    is_section = not source.fields and source.root in names.roots
    lookups = _index_lookups(spec.get("where"), name, inner_names) if is_section else ()

    def candidates(env: Env, ctx: Context) -> Iterable[Bound]:
        if listed_paths:
            ids = [i for p in listed_paths for i in _flatten(p.value(env)) if _hashable(i)]
            if is_section:
                return _listed(ctx.index(source.root, "id"), ids)
            return (r for r in source.resolve(env).items() if isinstance(r.value, dict) and r.value.get("id") in ids)
        if lookups:
            return _narrowest(source.root, lookups, env, ctx)
        return ctx.records(source.root) if is_section else source.resolve(env).items()

    def select(env: Env, ctx: Context) -> Iterator[Env]:
        for record in candidates(env, ctx):
            extended = {**env, name: record}
            if condition(extended, ctx):
                yield extended

    def select_all(env: Env, ctx: Context) -> Iterator[Env]:
        for record in candidates(env, ctx):
            yield {**env, name: record}
    return select_all if condition is None else select


def _flatten(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [] if value is MISSING or value is None else [value]


def _listed(by_id: dict[Any, list[Bound]], ids: list[Any]) -> list[Bound]:
    """The records with these ids, each once, in the order the ids are listed."""
    records: list[Bound] = []
    seen: set[str | None] = set()
    for record_id in ids:
        for record in by_id.get(record_id, ()):
            if record.pointer not in seen:
                seen.add(record.pointer)
                records.append(record)
    return records


def _index_lookups(where_spec: Any, name: str, names: Names) -> tuple[tuple[str, Callable], ...]:
    """The tests of ``where`` of the form ``name.field: {equals|contains: operand}``: each
    lets the records be looked up in an index on that field instead of scanned."""
    conjuncts = where_spec if isinstance(where_spec, list) else [where_spec]
    if len(conjuncts) == 1 and isinstance(conjuncts[0], dict) and list(conjuncts[0]) == ["all"]:
        conjuncts = conjuncts[0]["all"]
    usable = []
    for conjunct in conjuncts:
        if not (isinstance(conjunct, dict) and len(conjunct) == 1):
            continue
        (path_text, tests), = conjunct.items()
        parts = path_text.split(".")
        if len(parts) == 2 and parts[0] == name and isinstance(tests, dict) and len(tests) == 1:
            (operator, operand), = tests.items()
            if isinstance(operand, str) and operand.startswith("$") and operand[1:].split(".")[0] == name:
                continue  # compares the record with itself: no key to look up before it is bound
            if operator in ("equals", "contains"):
                usable.append((parts[1], _operand(operand, names, "")))
    return tuple(usable)


def _narrowest(section: str, lookups: tuple[tuple[str, Callable], ...], env: Env, ctx: Context) -> list[Bound]:
    """The smallest index bucket among the lookups: every record passing ``where`` is in
    each of them, so the smallest is the fewest records to test. (A person may have a
    payment per AI use, but an AI use has one or two payments.)"""
    narrowest = None
    for field, operand in lookups:
        key = operand(env)
        if type(key) is str or _hashable(key):
            bucket = ctx.index(section, field).get(key, ())
            if not bucket:
                return bucket  # no record passes
            if narrowest is None or len(bucket) < len(narrowest):
                narrowest = bucket
    return narrowest if narrowest is not None else ctx.records(section)


# --- messages ---------------------------------------------------------------------------


class Template:
    """A message with ``{path}`` placeholders filled from the record being checked."""

    def __init__(self, source: str, names: Names, where: str):
        self.source = source
        self.paths = {m: Path(m, names, where) for m in _PLACEHOLDER.findall(source)}

    def render(self, env: Env, lang: str) -> str:
        return _PLACEHOLDER.sub(lambda m: _display(self.paths[m.group(1)].value(env), lang), self.source)


def _display(value: Any, lang: str) -> str:
    if value is MISSING or value is None:
        return "—"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ", ".join(_display(item, lang) for item in value)
    if isinstance(value, dict):
        picked = text_values.pick(value, lang)
        return picked if picked is not None else value.get("id", "…")
    return str(value)
