"""A compiled check (``nodes.Check``) turned into Python specialised for it, in memory.

The tree of nodes is the reference: it is what ``rules show`` describes and what runs a
small manifest. For a big one, each check is written out once per process as a Python
function that does only what that check says: its ``for_each`` as nested loops over the
records (plain values; the records' pointers are the shared ``Bound`` objects of the
``Context``), its joins as look-ups in the ``Context``'s indexes (built once per manifest,
shared by every rule), its conditions as straight-line comparisons, and a finding's
environment built only for a combination that fails.

The discipline that makes generating source safe: no text of a rule file reaches the
source except through ``repr()`` of a literal (text, number, boolean, None); names in the
source are made here (``vg3``, ``bf1``, ``cg12``...), never a rule's; every other value (an
operator's test, a compiled pattern, a list of options, a path reader) is a constant of
the namespace the source runs in, which has no builtins but the few the forms use. The
generator writes only the fixed forms below. The source is compiled with ``compile()``
and never written to disk or read back.

Forms left to the tree of nodes (the whole check runs interpreted): ``every_text``
selections and checks reading ``checker.findings`` (the rules judging other rules'
findings run once, over few records).
"""

from __future__ import annotations

import math
from typing import Any, Callable, Iterator

from . import grammar
from .nodes import (AllOf, AnyOf, Check, Comparison, Condition, Lookup, Not, Quantifier, Selection, Test,
                    conjuncts, either_by_keys, flatten, listed_records, narrowest_by_keys, paths, reads_findings,
                    walk as walk_nodes)
from .runtime import MISSING, Bound, Context, Env, hashable, walk

Failures = Callable[[Context], Iterator[Env]]
# The builtins the generated forms use; the namespace has no others.
BUILTINS = {"type": type, "dict": dict, "list": list, "str": str, "enumerate": enumerate, "len": len}
_MAX_LITERAL_INT = 10 ** 15
_PREFIX = "compiled:"  # a compiled first selection's key in ``Context.first_selections``


def compiled_failures(check: Check) -> Failures:
    """``check.failures``, compiled on first use (once per process) when its forms allow."""
    if check.compiled is None:
        check.compiled = _compile(check) if can_compile(check) else check.failures
    return check.compiled


def can_compile(check: Check) -> bool:
    return not reads_findings(paths(check)) and not any(
        isinstance(node, Selection) and node.every_text for node in walk_nodes(check))


def generate(check: Check) -> tuple[str, dict[str, Any]]:
    """The source of ``check``'s functions (``first``: the records of its first selection,
    ``failing``: the bound records of each failing combination) and their namespace."""
    first_source, first_namespace = generate_first(check.bindings[0]) if check.bindings else ("", {})
    source, namespace = generate_failing(check)
    return first_source + source, {**first_namespace, **namespace}


def generate_first(first: Selection) -> tuple[str, dict[str, Any]]:
    """``first(ctx)``: the records of a check's first selection (shared by the checks
    starting from the same records, as the tree of nodes shares them)."""
    writer = _Writer("f")
    with writer.function("def first(ctx):") as body:
        body.line("out = []")
        bound, value, used = writer.loop(body, first, {}, for_each=True)
        body.line(f"{value} = {bound}.value", 1)
        condition = writer.selection_condition(first, body, {first.name: (value, bound)}, used)
        body.line(f"if {condition}:", 1)
        body.line(f"out.append({bound})", 2)
        body.line("return out")
    return writer.source(), writer.namespace


def generate_failing(check: Check) -> tuple[str, dict[str, Any]]:
    """``failing(ctx, firsts)``: the bound records of each combination, from the records
    ``firsts`` of the first selection, that passes ``where`` but not ``require``."""
    writer = _Writer("g")
    with writer.function("def failing(ctx, firsts):") as body:
        scope: dict[str, tuple[str, str]] = {}
        names: list[str] = []
        for depth, selection in enumerate(check.bindings):
            if depth == 0:
                bound, value, used = writer.name("b"), writer.name("v"), None
                body.line(f"for {bound} in firsts:")
                body.line(f"{value} = {bound}.value", 1)
            elif not (selection.is_section or selection.listed):
                bound, value, used = writer.lazy_loop(body, selection, scope, depth)
            else:
                bound, value, used = writer.loop(body, selection, scope, for_each=True, depth=depth)
                body.line(f"{value} = {bound}.value", depth + 1)
            scope = {**scope, selection.name: (value, bound)}
            if depth > 0 and selection.where is not None:
                body.line(f"if not {writer.selection_condition(selection, body, scope, used)}:", depth + 1)
                body.line("continue", depth + 2)
            names.append(bound)
        depth = len(check.bindings)
        where = writer.condition(check.where, body, scope) if check.where is not None else "True"
        body.line(f"if {where} and not {writer.condition(check.require, body, scope)}:", depth)
        for name in names:
            writer.materialise(name, body, depth + 1)
        body.line(f"yield ({''.join(name + ', ' for name in names)})", depth + 1)
    return writer.source(), writer.namespace


def _run(source: str, namespace: dict[str, Any], name: str) -> Callable[..., Any]:
    exec(compile(source, "<hkai compiled check>", "exec"), namespace)
    return namespace[name]


_firsts: dict[str, Callable[[Context], list[Bound]]] = {}  # by first_key: compiled once per process


def _first_function(check: Check) -> Callable[[Context], list[Bound]]:
    if check.first_key is None:
        return _run(*generate_first(check.bindings[0]), "first")
    if check.first_key not in _firsts:
        _firsts[check.first_key] = _run(*generate_first(check.bindings[0]), "first")
    return _firsts[check.first_key]


def _compile(check: Check) -> Failures:
    failing = _run(*generate_failing(check), "failing")
    first = _first_function(check) if check.bindings else None
    names = tuple(selection.name for selection in check.bindings)
    key = _PREFIX + check.first_key if check.first_key is not None else None

    def failures(ctx: Context) -> Iterator[Env]:
        if first is None:
            yield from (ctx.roots for _ in failing(ctx, ()))
            return
        firsts = ctx.first_selections.get(key) if key is not None else None
        if firsts is None:
            firsts = first(ctx)
            if key is not None:
                ctx.first_selections[key] = firsts
        roots = ctx.roots
        for bound in failing(ctx, firsts):
            env = dict(roots)
            env.update(zip(names, bound))
            yield env
    return failures


class _Body:
    """One generated function: its lines, and the helpers (quantifiers) defined at its top,
    which see the records its loops bind. A top-level function reads the roots it uses once."""

    def __init__(self, header: str, top: bool):
        self.header, self.top = header, top
        self.helpers: list[str] = []
        self.lines: list[str] = []
        self.roots: dict[str, str] = {}
        self.indexes: dict[tuple[str, str], str] = {}

    def line(self, text: str, indent: int = 0) -> None:
        self.lines.append("    " * indent + text)

    def text(self) -> list[str]:
        prologue = ["R = ctx.roots", *(f"{var} = R[{_repr(root)}].value" for root, var in self.roots.items()),
                    *(f"{var} = ctx.index({_repr(section)}, {_repr(field)})"
                      for (section, field), var in self.indexes.items())]
        inner = [*(prologue if self.top else ()), *self.helpers, *self.lines]
        return [self.header, *("    " + line for line in inner)]


class _Function:
    def __init__(self, writer: _Writer, header: str):
        self.writer, self.body = writer, _Body(header, top=not writer.bodies)

    def __enter__(self) -> _Body:
        self.writer.bodies.append(self.body)
        return self.body

    def __exit__(self, *exc: Any) -> None:
        self.writer.bodies.pop()
        if self.body.top:
            self.writer.functions.append(self.body)


class _Writer:
    """Writes the source of functions; ``prefix`` starts every name it makes (a first
    selection's and a check's namespaces are merged by ``generate``)."""

    def __init__(self, prefix: str) -> None:
        self.prefix = prefix
        self.namespace: dict[str, Any] = {"__builtins__": dict(BUILTINS), "MISSING": MISSING, "WALK": walk}
        self.functions: list[_Body] = []
        self.bodies: list[_Body] = []
        self.count = 0
        # a record of a list inside another, bound only by its value and place while looping:
        # its name -> the function making its Bound, its parent's Bound, the name of its place
        self.lazy: dict[str, tuple[str, str, str]] = {}

    def function(self, header: str) -> _Function:
        return _Function(self, header)

    def source(self) -> str:
        return "\n".join(line for body in self.functions for line in body.text()) + "\n"

    def name(self, prefix: str) -> str:
        self.count += 1
        return f"{prefix}{self.prefix}{self.count}"

    def constant(self, value: Any) -> str:
        name = self.name("c")
        self.namespace[name] = value
        return name

    def literal(self, value: Any) -> str:
        """A rule's literal in the source: ``repr()`` of text, a number, a boolean or None;
        any other value (a list, a pattern, a number repr cannot write back) is a constant."""
        kind = type(value)
        if value is None or kind is bool or kind is str or (kind is int and abs(value) < _MAX_LITERAL_INT) or (
                kind is float and math.isfinite(value)):
            return _repr(value)
        return self.constant(value)

    # --- paths ---------------------------------------------------------------------------

    def read(self, path: Any, scope: dict[str, tuple[str, str | None]]) -> str:
        """An expression for the value at ``path`` (as ``Path.value`` reads it)."""
        if path.root in scope:
            base = scope[path.root][0]
        else:
            top = self.bodies[0]
            if path.root not in top.roots:
                top.roots[path.root] = self.name("r")
            base = top.roots[path.root]
        fields = path.fields
        if not fields:
            return base
        if len(fields) == 1 and not fields[0].isdigit():
            field = _repr(fields[0])
            return f"({base}.get({field}, MISSING) if type({base}) is dict else WALK({base}, ({field},)))"
        return f"WALK({base}, {self.constant(tuple(fields))})"

    def index(self, section: str, field: str) -> str:
        """The name of the index on ``field`` of ``section``, read once per call of the check."""
        indexes = self.bodies[0].indexes
        if (section, field) not in indexes:
            indexes[section, field] = self.name("x")
        return indexes[section, field]

    # --- conditions ----------------------------------------------------------------------

    def condition(self, node: Condition, body: _Body, scope: dict) -> str:
        if isinstance(node, Comparison):
            return self.comparison(node, scope)
        if isinstance(node, AllOf):
            return "(" + " and ".join(self.condition(part, body, scope) for part in node.parts) + ")"
        if isinstance(node, AnyOf):
            return "(" + " or ".join(self.condition(part, body, scope) for part in node.parts) + ")"
        if isinstance(node, Not):
            return f"(not {self.condition(node.part, body, scope)})"
        if isinstance(node, Quantifier):
            return self.quantifier(node, body, scope)
        raise TypeError(f"no compiled form for {type(node).__name__}")

    def comparison(self, node: Comparison, scope: dict) -> str:
        temp = self.name("t")
        first = f"({temp} := {self.read(node.path, scope)})"
        return "(" + " and ".join(self.test(test, first if place == 0 else temp, temp, scope)
                                  for place, test in enumerate(node.tests)) + ")"

    def test(self, test: Test, value: str, temp: str, scope: dict) -> str:
        """One operator's test, as ``Test.function`` runs it."""
        operator, argument = test.operator, test.argument
        if test.reads is None and operator in ("equals", "not_equals") and (
                argument is None or type(argument) in (str, bool)):
            same = (f"({value} is {_repr(argument)})" if argument is None or type(argument) is bool
                    else f"({value} == {self.literal(argument)})")
            return same if operator == "equals" else f"(not {same})"
        if test.reads is None and operator in ("in", "not_in") and isinstance(argument, list) and all(
                type(option) is str for option in argument):
            found = f"(type({value}) is str and {temp} in {self.constant(frozenset(argument))})"
            return found if operator == "in" else f"(not {found})"
        if test.reads is None and operator == "contains_any" and isinstance(argument, list) and all(
                type(option) is str for option in argument):
            return f"{self.constant(_contains_any_text)}({value}, {self.constant(frozenset(argument))})"
        function = self.constant(grammar.OPERATORS[operator].test)
        operand = self.read(test.reads, scope) if test.reads is not None else self.literal(argument)
        return f"{function}({value}, {operand})"

    def quantifier(self, node: Quantifier, body: _Body, scope: dict) -> str:
        """A helper function counting the selection's records as ``Quantifier`` does,
        stopping as soon as the answer is known."""
        helper = self.name("q")
        with self.function(f"def {helper}():") as inner:
            selection = node.selection
            bound, value, used = self.loop(inner, selection, scope, for_each=False)
            if bound:
                inner.line(f"{value} = {bound}.value", 1)
            condition = self.selection_condition(selection, inner, {**scope, selection.name: (value, None)}, used)
            inner.lines.insert(0, "found = 0")
            inner.line(f"if {condition}:", 1)
            inner.line("found += 1", 2)
            if node.at_most is None:
                inner.line(f"if found >= {_repr(node.at_least)}:", 2)
                inner.line("return True", 3)
            else:
                inner.line(f"if found > {_repr(node.at_most)}:", 2)
                inner.line("return False", 3)
            inner.line(f"return found >= {_repr(node.at_least)}")
        body.helpers.extend(inner.text())
        return f"{helper}()"

    # --- selections ----------------------------------------------------------------------

    def loop(self, body: _Body, selection: Selection, scope: dict, for_each: bool,
             depth: int = 0) -> tuple[str, str, str | None]:
        """Writes the ``for`` line over the selection's candidates. Returns the names of the
        bound record (none in a quantifier's loop over a list: only values are needed there),
        of its value, and of which index lookup gave the candidates (see ``nodes.narrowest``)."""
        bound, value, used = self.name("b"), self.name("v"), None
        source = selection.source
        if selection.is_section:
            records, used = self.section_candidates(selection, body, scope, depth)
            body.line(f"for {bound} in {records}:", depth)
        elif for_each:
            resolve = self.constant(_resolver(source))
            root = scope[source.root][1] if source.root in scope else f"R[{_repr(source.root)}]"
            self.materialise(root, body, depth)
            if selection.listed:
                listed = self.constant(_listed_items)
                body.line(f"for {bound} in {listed}({resolve}({root}), {self.listed_ids(selection, scope)}):", depth)
            else:
                body.line(f"for {bound} in {resolve}({root}).each():", depth)
        else:
            items, bound = self.read(source, scope), ""
            if selection.listed:
                listed = self.constant(_listed_values)
                body.line(f"for {value} in {listed}({items}, {self.listed_ids(selection, scope)}):", depth)
            else:
                body.line(f"for {value} in {self.constant(_each)}({items}):", depth)
        return bound, value, used

    def lazy_loop(self, body: _Body, selection: Selection, scope: dict, depth: int) -> tuple[str, str, None]:
        """A ``for_each`` over the items of a list in a bound record: a loop over values; the
        item's ``Bound`` (with its pointer) is made only for a failing combination."""
        bound, value, place = self.name("b"), self.name("v"), self.name("i")
        source = selection.source
        items = self.read(source, scope)
        body.line(f"for {place}, {value} in enumerate({self.constant(_each)}({items})):", depth)
        parent = scope[source.root][1] if source.root in scope else f"R[{_repr(source.root)}]"
        self.lazy[bound] = (self.constant(_item_of(source)), parent, place)
        return bound, value, None

    def materialise(self, bound: str, body: _Body, depth: int) -> None:
        """Writes the line making a lazily bound record's ``Bound`` (after its parent's)."""
        if bound in self.lazy:
            make, parent, place = self.lazy[bound]
            self.materialise(parent, body, depth)
            body.line(f"{bound} = {make}({parent}, {place})", depth)

    def section_candidates(self, selection: Selection, body: _Body, scope: dict,
                           depth: int) -> tuple[str, str | None]:
        """The candidate records of a section, as ``Selection`` finds them."""
        section = _repr(selection.source.root)
        if selection.listed:
            by_id = self.index(selection.source.root, "id")
            if len(selection.listed) == 1:
                return f"{self.constant(_listed_at)}({by_id}, {self.read(selection.listed[0], scope)})", None
            return f"{self.constant(listed_records)}({by_id}, {self.listed_ids(selection, scope)})", None
        lookups = selection.index_lookups()
        if lookups:
            bucket, used = self.name("k"), self.name("u")
            self.narrowest(selection, lookups, bucket, used, body, scope, depth)
            return bucket, used
        alternatives = selection.alternative_lookups()
        if alternatives:
            keys = "[" + "".join(self.lookup_keys(lookups, scope) + ", " for lookups in alternatives) + "]"
            return f"{self.constant(either_by_keys)}({section}, {keys}, ctx)", None
        return f"ctx.records({section})", None

    def narrowest(self, selection: Selection, lookups: tuple[Lookup, ...], bucket: str, used: str, body: _Body,
                  scope: dict, depth: int) -> None:
        """Writes ``nodes.narrowest_by_keys`` for these look-ups, on the indexes read once."""
        done, key, found = self.name("d"), self.name("t"), self.name("f")
        hashable_key = self.constant(hashable)
        body.line(f"{bucket}, {used}, {done} = None, None, False", depth)
        for place, lookup in enumerate(lookups):
            (test,) = lookup.conjunct.tests
            value = self.read(test.reads, scope) if test.reads is not None else self.literal(test.argument)
            body.line(f"{key} = {value}", depth)
            body.line(f"if not {done} and (type({key}) is str or {hashable_key}({key})):", depth)
            body.line(f"{found} = {self.index(selection.source.root, lookup.field)}.get({key}, ())", depth + 1)
            body.line(f"if not {found}:", depth + 1)
            body.line(f"{bucket}, {used}, {done} = {found}, None, True", depth + 2)
            body.line(f"elif {bucket} is None or len({found}) < len({bucket}):", depth + 1)
            body.line(f"{bucket}, {used} = {found}, ({_repr(place)} if type({key}) is str else None)", depth + 2)
        body.line(f"if {bucket} is None:", depth)
        body.line(f"{bucket} = ctx.records({_repr(selection.source.root)})", depth + 1)

    def lookup_keys(self, lookups: tuple[Lookup, ...], scope: dict) -> str:
        keys = []
        for lookup in lookups:
            (test,) = lookup.conjunct.tests
            key = self.read(test.reads, scope) if test.reads is not None else self.literal(test.argument)
            keys.append(f"({_repr(lookup.field)}, {key}), ")
        return "[" + "".join(keys) + "]"

    def listed_ids(self, selection: Selection, scope: dict) -> str:
        return f"{self.constant(_ids)}((" + "".join(self.read(path, scope) + ", " for path in selection.listed) + "))"

    def selection_condition(self, selection: Selection, body: _Body, scope: dict, used: str | None) -> str:
        """Its ``where``; after an index lookup that gave the bucket (``used``: which), what
        is left of it to test there (see ``Selection._remainder``)."""
        if selection.where is None:
            return "True"
        if used is None:
            return self.condition(selection.where, body, scope)
        value = scope[selection.name][0]
        answered = {lookup.conjunct: (place, lookup) for place, lookup in enumerate(selection.index_lookups())}
        parts = []
        for part in conjuncts(selection.where):
            if part in answered:
                place, lookup = answered[part]
                field_type = "list" if lookup.operator == "contains" else "str"
                own = f"type({value}.get({_repr(lookup.field)})) is {field_type}"
                parts.append(f"(({own}) if {used} == {_repr(place)} else {self.condition(part, body, scope)})")
            else:
                parts.append(self.condition(part, body, scope))
        return "(" + " and ".join(parts) + ")"


def _repr(value: Any) -> str:
    """The one way a rule's text enters the source."""
    if value is None or type(value) in (str, bool, int, float):
        return repr(value)
    raise TypeError(f"not a literal: {type(value).__name__}")


def _resolver(source: Any) -> Callable[[Bound], Bound]:
    root, resolve = source.root, source.resolve
    return lambda bound: resolve({root: bound})


def _item_of(source: Any) -> Callable[[Bound, int], Bound]:
    """The Bound of the item at a place of ``source`` (as ``Bound.each`` gives them), given
    the Bound of the source's root."""
    root, resolve = source.root, source.resolve

    def item(parent: Bound, place: int) -> Bound:
        for index, bound in enumerate(resolve({root: parent}).each()):
            if index == place:
                return bound
        raise IndexError(place)
    return item


def _listed_at(by_id: dict[Any, list[Bound]], value: Any) -> Any:
    """``nodes.listed_records`` for the ids at one path: one id (the commonest) is one bucket."""
    if type(value) is str:
        return by_id.get(value, ())
    if type(value) is list and len(value) == 1 and type(value[0]) is str:
        return by_id.get(value[0], ())
    return listed_records(by_id, [i for i in flatten(value) if hashable(i)])


def _contains_any_text(items: Any, options: frozenset[str]) -> bool:
    """``contains_any`` with a list of texts: a list holding one of them."""
    if type(items) is not list:
        return False
    for item in items:
        if type(item) is str and item in options:
            return True
    return False


def _ids(values: tuple[Any, ...]) -> list[Any]:
    return [i for value in values for i in flatten(value) if hashable(i)]


def _listed_items(bound: Bound, ids: list[Any]) -> Iterator[Bound]:
    return (r for r in bound.items() if isinstance(r.value, dict) and r.value.get("id") in ids)


def _listed_values(value: Any, ids: list[Any]) -> list[Any]:
    return [item for item in value if isinstance(item, dict) and item.get("id") in ids] if isinstance(
        value, list) else []


def _each(value: Any) -> Any:
    if isinstance(value, list):
        return value
    return () if value is MISSING or value is None else (value,)

