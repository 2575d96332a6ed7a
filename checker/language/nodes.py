"""A compiled check: a small tree of nodes, each of which can be run and be described.

Every node keeps what it was compiled from (paths, operators and operands as written), so
that ``describe.py`` can put it into words, and, built once at compile time, the plain
function that evaluates it (``holds`` for a condition, ``select`` for a selection): the
evaluation of a parent calls its children's functions directly, so a tree of nodes runs
as fast as a tree of closures. (Plain classes: dataclasses would cost every run some
milliseconds to create.)
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, NamedTuple

from ..text import say, values as text_values
from .grammar import OPERATORS
from ..reading.manifest_fields import terms
from ..reading.yaml_loader import escape_pointer_token
from .runtime import MISSING, Bound, Context, Env, Path, hashable

if TYPE_CHECKING:
    from .compiler import Names

Holds = Callable[[Env, Context], bool]
Select = Callable[[Env, Context], Iterator[Env]]
FINDINGS_PATH = "checker.findings"  # the run's findings so far: never shared between checks
FORMAT_PROBLEMS_PATH = "checker.format_problems"  # where a manifest does not match its format


def _always(value: Any) -> Callable[[Env], Any]:
    return lambda env: value


# --- conditions --------------------------------------------------------------------------


class Test:
    """One operator of a comparison. ``operand`` is as written (``$path`` text, a literal,
    a pattern's text) or, for a fact known when the rule is compiled, its value; ``reads``
    is the path a ``$path`` operand reads; ``argument`` is what the operator's test
    receives (a compiled pattern for ``matches``, a checked operand for the language
    operators); ``named`` is the name of the pack's value the operand is (``$values.NAME``)."""

    __slots__ = ("operator", "operand", "reads", "argument", "named")

    def __init__(self, operator: str, operand: Any, reads: Path | None, argument: Any, named: str | None = None):
        self.operator, self.operand, self.reads, self.argument = operator, operand, reads, argument
        self.named = named

    def function(self, value_of: Callable[[Env], Any]) -> Holds:
        """The test applied to a path's value; membership in a literal list of text is a set lookup."""
        test = OPERATORS[self.operator].test
        operand = self.argument
        if self.operator in ("in", "not_in") and isinstance(operand, list) and all(type(o) is str for o in operand):
            options = frozenset(operand)

            def is_in(env: Env, ctx: Context) -> bool:
                value = value_of(env)
                return type(value) is str and value in options
            return is_in if self.operator == "in" else lambda env, ctx: not is_in(env, ctx)
        if self.reads is not None:
            read = self.reads.value
            return lambda env, ctx: test(value_of(env), read(env))
        return lambda env, ctx: test(value_of(env), operand)

    def key(self) -> Any:
        return [self.operator, self.operand]


class Condition:
    """A compiled condition; ``holds(env, ctx)`` evaluates it; ``where`` is the JSON
    Pointer of its spec inside the rule."""

    __slots__ = ("holds", "where")

    def children(self) -> tuple[Condition | Selection, ...]:
        return ()

    def own_paths(self) -> tuple[Path, ...]:
        """The paths it reads itself (its children's are theirs)."""
        return ()

    def key(self) -> Any:
        """What it tests, as JSON data: equal keys, equal results."""
        raise NotImplementedError


class Comparison(Condition):
    """``path: {operator: operand, ...}``: every test holds for the value at the path."""

    __slots__ = ("path", "tests")

    def __init__(self, path: Path, tests: tuple[Test, ...], where: str):
        self.path, self.tests, self.where = path, tests, where
        self.holds = all_of([test.function(path.value) for test in tests])

    def own_paths(self) -> tuple[Path, ...]:
        return (self.path, *(test.reads for test in self.tests if test.reads is not None))

    def key(self) -> Any:
        return [self.path.source, [test.key() for test in self.tests]]


class AllOf(Condition):
    """A list, or ``all``: every part holds."""

    __slots__ = ("parts",)

    def __init__(self, parts: tuple[Condition, ...], where: str):
        self.parts, self.where = parts, where
        self.holds = all_of([part.holds for part in parts])

    def children(self) -> tuple[Condition, ...]:
        return self.parts

    def key(self) -> Any:
        return ["all", [part.key() for part in self.parts]]


class AnyOf(Condition):
    """``any``: at least one part holds."""

    __slots__ = ("parts",)

    def __init__(self, parts: tuple[Condition, ...], where: str):
        self.parts, self.where = parts, where
        self.holds = _any_of([part.holds for part in parts])

    def children(self) -> tuple[Condition, ...]:
        return self.parts

    def key(self) -> Any:
        return ["any", [part.key() for part in self.parts]]


class Not(Condition):
    __slots__ = ("part",)

    def __init__(self, part: Condition, where: str):
        self.part, self.where = part, where
        negated = part.holds
        self.holds = lambda env, ctx: not negated(env, ctx)

    def children(self) -> tuple[Condition, ...]:
        return (self.part,)

    def key(self) -> Any:
        return ["not", self.part.key()]


class Quantifier(Condition):
    """``exists`` (at least one record of the selection, by default) or ``count``."""

    __slots__ = ("kind", "selection", "at_least", "at_most")

    def __init__(self, kind: str, selection: Selection, at_least: int, at_most: int | None, where: str):
        self.kind, self.selection, self.at_least, self.at_most, self.where = kind, selection, at_least, at_most, where
        select = selection.select

        def quantify(env: Env, ctx: Context) -> bool:
            found = 0
            for _ in select(env, ctx):
                found += 1
                if at_most is None and found >= at_least:
                    return True
                if at_most is not None and found > at_most:
                    return False
            return found >= at_least
        self.holds = quantify

    def children(self) -> tuple[Selection, ...]:
        return (self.selection,)

    def key(self) -> Any:
        return [self.kind, self.selection.key(), self.at_least, self.at_most]


def all_of(parts: list[Holds]) -> Holds:
    if len(parts) == 1:
        return parts[0]

    def holds_all(env: Env, ctx: Context) -> bool:
        for part in parts:
            if not part(env, ctx):
                return False
        return True
    return holds_all


def _any_of(parts: list[Holds]) -> Holds:
    def holds_any(env: Env, ctx: Context) -> bool:
        for part in parts:
            if part(env, ctx):
                return True
        return False
    return holds_any


def conjuncts(condition: Condition | None) -> tuple[Condition, ...]:
    """The parts of a condition that must all hold."""
    if condition is None:
        return ()
    return condition.parts if isinstance(condition, AllOf) else (condition,)


# --- selections: the records a for_each, exists or count ranges over ---------------------


class Lookup(NamedTuple):
    """A test of a selection's ``where`` that an index answers: ``field`` of the record
    equals (or, a list, contains) the key ``operand(env)``; ``conjunct`` is the test."""

    field: str
    operand: Callable[[Env], Any]
    operator: str
    conjunct: Comparison


class Selection:
    """The records of ``source`` (a section, or a path to a list in a bound record) whose
    id is listed at one of the ``listed`` paths, if any, and that meet ``where``. Each is
    bound to ``name``. ``named`` is the pack's name for the selection, when it was used by
    its name. With ``every_text``, the records are instead every text value anywhere inside
    the source's value. ``select(env, ctx)`` yields ``env`` extended with each record."""

    __slots__ = ("name", "source", "is_section", "listed", "where", "named", "every_text", "select")

    def __init__(self, name: str, source: Path, is_section: bool, listed: tuple[Path, ...],
                 where: Condition | None, named: str | None = None, every_text: bool = False):
        self.name, self.source, self.is_section, self.listed = name, source, is_section, listed
        self.where, self.named, self.every_text = where, named, every_text
        self.select = self._selector()

    def _selector(self) -> Select:
        name, source, is_section, listed = self.name, self.source, self.is_section, self.listed
        condition = self.where.holds if self.where is not None else None
        every_text = self.every_text
        lookups = self.index_lookups() if is_section and not every_text and not listed else ()
        alternatives = self.alternative_lookups() if is_section and not lookups and not every_text else ()
        remainders = tuple(self._remainder(lookup) for lookup in lookups)

        def candidates(env: Env, ctx: Context) -> Iterable[Bound]:
            if every_text:
                if source.fields:
                    return texts_within(source.resolve(env))
                return ctx.texts(source.root, texts_within)  # a root's texts: found once per document
            if listed:
                ids = [i for p in listed for i in flatten(p.value(env)) if hashable(i)]
                if is_section:
                    return listed_records(ctx.index(source.root, "id"), ids)
                return (r for r in source.resolve(env).items() if isinstance(r.value, dict) and r.value.get("id") in ids)
            if alternatives:
                return _either(source.root, alternatives, env, ctx)
            return ctx.records(source.root) if is_section else source.resolve(env).each()

        def select(env: Env, ctx: Context) -> Iterator[Env]:
            for record in candidates(env, ctx):
                extended = {**env, name: record}
                if condition(extended, ctx):
                    yield extended

        def select_looked_up(env: Env, ctx: Context) -> Iterator[Env]:
            bucket, used = narrowest(source.root, lookups, env, ctx)
            rest = condition if used is None else remainders[used]
            for record in bucket:
                extended = {**env, name: record}
                if rest(extended, ctx):
                    yield extended

        def select_all(env: Env, ctx: Context) -> Iterator[Env]:
            for record in candidates(env, ctx):
                yield {**env, name: record}
        if condition is None:
            return select_all
        return select_looked_up if lookups else select

    def index_lookups(self, condition: Condition | None = None) -> tuple[Lookup, ...]:
        """The tests of ``where`` (or of ``condition``, a part of it) of the form
        ``name.field: {equals|contains: operand}``: each lets the records be looked up in an
        index on that field instead of scanned."""
        usable = []
        for part in conjuncts(self.where if condition is None else condition):
            if not (isinstance(part, Comparison) and part.path.root == self.name and len(part.path.fields) == 1
                    and len(part.tests) == 1):
                continue
            (test,) = part.tests
            if test.reads is not None and test.reads.root == self.name:
                continue  # compares the record with itself: no key to look up before it is bound
            if test.operator in ("equals", "contains"):
                usable.append(Lookup(part.path.fields[0], test.reads.value if test.reads else _always(test.argument),
                                     test.operator, part))
        return tuple(usable)

    def _remainder(self, lookup: Lookup) -> Holds:
        """What is left of ``where`` to test on a record of ``lookup``'s bucket for a text
        key: the bucket holds exactly the records whose field is that text or a list with
        it, so its own test reduces to the field's type (a list for ``contains``, a text for
        ``equals``), and is not run again over a long list (CRD-002: a credit's people)."""
        field_type = list if lookup.operator == "contains" else str
        read = lookup.conjunct.path.value
        others = [part.holds for part in conjuncts(self.where) if part is not lookup.conjunct]
        return all_of([lambda env, ctx: type(read(env)) is field_type, *others])

    def alternative_lookups(self) -> tuple[tuple[Lookup, ...], ...]:
        """For a ``where`` that is (or requires) ``any`` of several conditions each with
        index lookups of its own, those lookups, one set per condition: every record passing
        ``where`` is in the narrowest bucket of one of them. None when a condition has none."""
        for part in conjuncts(self.where):
            if isinstance(part, AnyOf):
                alternatives = tuple(self.index_lookups(branch) for branch in part.parts)
                if all(alternatives):
                    return alternatives
        return ()

    def children(self) -> tuple[Condition, ...]:
        return () if self.where is None else (self.where,)

    def own_paths(self) -> tuple[Path, ...]:
        return (self.source, *self.listed)

    def key(self) -> Any:
        return [self.name, self.source.source, [p.source for p in self.listed],
                self.where.key() if self.where is not None else None, self.every_text]


def texts_within(bound: Bound) -> list[Bound]:
    """Every text value inside ``bound``'s value, at any depth, in document order, each
    with the JSON Pointer of its node (none, for a value collected across a list)."""
    found: list[Bound] = []
    projected = bound.projected
    own = bound.pointer is not None and not projected

    def visit(value: Any, pointer: str | None) -> None:
        kind = type(value)
        if kind is str:
            found.append(Bound(value, pointer, projected))
        elif kind is dict:
            for key, item in value.items():
                if type(item) in _CONTAINING_TEXT:
                    visit(item, f"{pointer}/{_token(key)}" if own else pointer)
        elif kind is list:
            for index, item in enumerate(value):
                if type(item) in _CONTAINING_TEXT:
                    visit(item, f"{pointer}/{index}" if own else pointer)

    visit(bound.value, bound.pointer)
    return found


_CONTAINING_TEXT = (str, dict, list)


def _token(key: Any) -> str:
    key = str(key)
    return escape_pointer_token(key) if "~" in key or "/" in key else key


def flatten(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [] if value is MISSING or value is None else [value]


def listed_records(by_id: dict[Any, list[Bound]], ids: list[Any]) -> list[Bound]:
    """The records with these ids, each once, in the order the ids are listed."""
    records: list[Bound] = []
    seen: set[str | None] = set()
    for record_id in ids:
        for record in by_id.get(record_id, ()):
            if record.pointer not in seen:
                seen.add(record.pointer)
                records.append(record)
    return records


def narrowest(section: str, lookups: tuple[Lookup, ...], env: Env, ctx: Context) -> tuple[list[Bound], int | None]:
    """The smallest index bucket among the lookups, and which lookup gave it when its key
    is a text (None otherwise): every record passing ``where`` is in each of them, so the
    smallest is the fewest records to test. (A person may have a payment per AI use, but
    an AI use has one or two payments.)"""
    return narrowest_by_keys(section, [(lookup.field, lookup.operand(env)) for lookup in lookups], ctx)


def narrowest_by_keys(section: str, keys: list[tuple[str, Any]], ctx: Context) -> tuple[list[Bound], int | None]:
    """``narrowest`` given each lookup's field and key."""
    narrowest_bucket, used = None, None
    for place, (field_name, key) in enumerate(keys):
        if type(key) is str or hashable(key):
            bucket = ctx.index(section, field_name).get(key, ())
            if not bucket:
                return bucket, None  # no record passes
            if narrowest_bucket is None or len(bucket) < len(narrowest_bucket):
                narrowest_bucket, used = bucket, place if type(key) is str else None
    return (narrowest_bucket, used) if narrowest_bucket is not None else (ctx.records(section), None)


def _either(section: str, alternatives: tuple[tuple[Lookup, ...], ...], env: Env, ctx: Context) -> list[Bound]:
    return either_by_keys(section, [[(lookup.field, lookup.operand(env)) for lookup in lookups]
                                    for lookups in alternatives], ctx)


def either_by_keys(section: str, alternatives: list[list[tuple[str, Any]]], ctx: Context) -> list[Bound]:
    """The records of the narrowest bucket of each alternative (its lookups' fields and
    keys), each once, in the order of the section (as a scan would give them)."""
    found: dict[str, Bound] = {}
    for keys in alternatives:
        for record in narrowest_by_keys(section, keys, ctx)[0]:
            found.setdefault(record.pointer, record)
    if len(found) < 2:
        return list(found.values())
    order = ctx.order(section)
    return sorted(found.values(), key=lambda record: order[record.pointer])


# --- messages ----------------------------------------------------------------------------

_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
TERM = ":term"  # after a placeholder's path: the value is one of the format's enumerated values
# Where a template's space is not set: between two Chinese characters, or beside full-width
# punctuation (「金額為（未填寫 value）」, 「用到陳小明，」).
_UNSPACED = re.compile("(?<=[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]) +(?=[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff])"
                       "|(?<=[\u3000-\u303f\uff00-\uffef]) +| +(?=[\u3000-\u303f\uff00-\uffef])")


class Template:
    """A message with ``{path}`` placeholders filled from the record being checked;
    ``{path:term}`` shows an enumerated value of the manifest format (a kind, a level, a
    role) by its word in the report's language, never guessed from the value alone (an id
    ``self`` stays as written)."""

    def __init__(self, source: str, paths: dict[str, Path]):
        self.source = source
        self.paths = paths

    @staticmethod
    def placeholders(source: str) -> list[str]:
        return _PLACEHOLDER.findall(source)

    @staticmethod
    def path_text(placeholder: str) -> str:
        """The path a placeholder reads: its text without ``:term``."""
        return placeholder.removesuffix(TERM)

    def render(self, env: Env, lang: str) -> str:
        """The message filled in. A space of the template that ends up between two Chinese
        characters, or beside full-width punctuation, is dropped: Chinese sets none there
        (the value decides: 「人工智能應用 replica 用到」 keeps its spaces, 「用到陳小明」 not)."""
        pieces: list[tuple[str, bool]] = []
        start = 0
        for match in _PLACEHOLDER.finditer(self.source):
            placeholder = match.group(1)
            pieces += [(self.source[start:match.start()], True),
                       (_display(self.paths[placeholder], env, lang, placeholder.endswith(TERM)), False)]
            start = match.end()
        pieces.append((self.source[start:], True))
        return _closed_up(pieces)


def _closed_up(pieces: list[tuple[str, bool]]) -> str:
    """The pieces joined, without the template's (``literal``) spaces where Chinese sets none;
    spaces inside a filled-in value are the manifest's and stay."""
    text = "".join(piece for piece, _ in pieces)
    dropped: set[int] = set()
    offset = 0
    for piece, literal in pieces:
        if literal and " " in piece:
            for space in _UNSPACED.finditer(text, offset, offset + len(piece) + 1):
                if space.start() < offset + len(piece):
                    dropped.update(range(space.start(), min(space.end(), offset + len(piece))))
        offset += len(piece)
    return "".join(character for index, character in enumerate(text) if index not in dropped) if dropped else text


def _display(path: Path, env: Env, lang: str, term: bool = False) -> str:
    """The value at ``path`` as a message shows it; a value that is missing is said to be
    missing (naming the field), never stood for by a symbol."""
    shown = _shown(path.value(env), lang, terms(lang) if term else None)
    if shown is None:
        return say("message_values.missing", lang, field=(path.fields or [path.root])[-1])
    return shown


def _shown(value: Any, lang: str, words: dict[str, str] | None = None) -> str | None:
    """The value as text, or None when there is nothing to show (missing, null, empty);
    with ``words``, an enumerated value by its word (a value not in the format as written)."""
    if value is MISSING or value is None or value == "" or value == [] or value == {}:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        shown = [_shown(item, lang, words) for item in value]
        return say("message_values.list_separator", lang).join(
            item if item is not None else say("message_values.empty_item", lang) for item in shown)
    if isinstance(value, dict):  # a text in the report's language, a record by its id, else its fields
        picked = text_values.pick(value, lang)
        if picked is not None or value.get("id") is not None:
            return picked if picked is not None else str(value["id"])
        fields = [f"{key}: {shown}" for key, item in value.items() if (shown := _shown(item, lang)) is not None]
        return ", ".join(fields) or None
    if words is not None and type(value) is str:
        return words.get(value, value)
    return str(value)


# --- checks ------------------------------------------------------------------------------


class Check:
    """One ``for_each`` / ``where`` / ``require`` block of a rule, at JSON Pointer
    ``pointer``. ``message`` is the check's own, or the rule's; ``fix`` the check's own
    (with placeholders), else None for the rule's; ``names`` are the names
    its ``where``, ``require``, ``target``, ``at`` and message may use; ``first_key`` says
    which first bindings select the same records (so that checks share them); ``reported``
    names the bindings a finding is about: those its target, ``at`` or message read."""

    __slots__ = ("bindings", "where", "require", "target", "at", "at_pointer", "document", "message", "fix",
                 "names", "pointer", "first_key", "reported", "compiled", "texts_of_a_root")

    def __init__(self, bindings: tuple[Selection, ...], where: Condition | None, require: Condition, target: Path,
                 at: Path | None, message: dict[str, Template], names: Names, pointer: str,
                 at_pointer: Path | None = None, document: str = "manifest", fix: dict[str, Template] | None = None):
        self.bindings, self.where, self.require, self.target, self.at = bindings, where, require, target, at
        self.at_pointer, self.document = at_pointer, document
        self.message, self.fix, self.names, self.pointer = message, fix, names, pointer
        # Checks starting from the same records share them, unless they are every text of
        # a document: sharing would keep a binding for each of them in memory.
        shared = bindings and not reads_findings(paths(bindings[0])) and not bindings[0].every_text
        self.first_key = json.dumps(bindings[0].key(), sort_keys=True) if shared else None
        read = {path.root for path in self.own_paths()}
        self.reported = tuple(selection.name for selection in bindings if selection.name in read)
        self.compiled: Callable[[Context], Iterator[Env]] | None = None  # see codegen.compiled_failures
        # Every text of a whole document, and nothing else bound: whether a text fails
        # depends on its value alone, so each distinct value is judged once.
        self.texts_of_a_root = (len(bindings) == 1 and bindings[0].every_text and not bindings[0].source.fields
                                and not reads_findings(paths(self)))

    def children(self) -> tuple[Condition | Selection, ...]:
        return (*self.bindings, *(c for c in (self.where, self.require) if c is not None))

    def own_paths(self) -> tuple[Path, ...]:
        return (self.target, *(path for path in (self.at, self.at_pointer) if path),
                *(path for template in (*self.message.values(), *(self.fix or {}).values())
                  for path in template.paths.values()))

    def failures(self, ctx: Context) -> Iterator[Env]:
        """Every combination of bound records that passes ``where`` but not ``require``."""
        if self.texts_of_a_root:
            yield from self._failing_texts(ctx)
            return
        where = self.where.holds if self.where is not None else None
        require = self.require.holds
        for env in self._combinations(ctx):
            if (where is None or where(env, ctx)) and not require(env, ctx):
                yield env

    def _failing_texts(self, ctx: Context) -> Iterator[Env]:
        """The texts of a document that fail, each distinct value judged once (a manifest
        repeats its ids, kinds and names many times); their pointers are found only when
        one fails."""
        selection = self.bindings[0]
        name, root = selection.name, selection.source.root
        conditions = [c.holds for c in (selection.where, self.where) if c is not None]
        require = self.require.holds
        failing = set()
        for value in ctx.distinct_texts(root):
            env = {**ctx.roots, name: Bound(value, None)}
            if all(holds(env, ctx) for holds in conditions) and not require(env, ctx):
                failing.add(value)
        if failing:
            for record in ctx.texts(root, texts_within):
                if record.value in failing:
                    yield {**ctx.roots, name: record}

    def _combinations(self, ctx: Context) -> Iterable[Env]:
        if not self.bindings:
            return (ctx.roots,)
        envs: Iterable[Env] = self._first_selection(ctx)
        for selection in self.bindings[1:]:
            envs = _extend(envs, selection.select, ctx)
        return envs

    def _first_selection(self, ctx: Context) -> Iterable[Env]:
        select = self.bindings[0].select
        if self.first_key is None:
            return select(ctx.roots, ctx)  # not shared: each combination is made as it is needed
        if self.first_key not in ctx.first_selections:
            ctx.first_selections[self.first_key] = list(select(ctx.roots, ctx))
        return ctx.first_selections[self.first_key]

    def location(self, env: Env) -> tuple[Bound, Bound]:
        """The record the finding is about, and the node it points at."""
        target = self.target.resolve(env)
        if self.at_pointer is not None:  # a fact naming the node, e.g. a format problem's
            pointer = self.at_pointer.value(env)
            return target, Bound(MISSING, pointer if isinstance(pointer, str) else None)
        return target, (self.at.resolve(env) if self.at else target)


Node = Condition | Selection | Check


def walk(node: Node) -> Iterator[Node]:
    """The node and every node inside it."""
    yield node
    for child in node.children():
        yield from walk(child)


def paths(node: Node) -> Iterator[Path]:
    """Every path a node reads, itself or through the nodes inside it."""
    for inner in walk(node):
        yield from inner.own_paths()


def reads_findings(paths: Iterable[Path]) -> bool:
    """Whether any of the paths reads the findings of the run's other rules."""
    return any(path.source.startswith(FINDINGS_PATH) for path in paths)


def reads_format_problems(paths: Iterable[Path]) -> bool:
    """Whether any of the paths reads the problems of a manifest's format."""
    return any(path.source.startswith(FORMAT_PROBLEMS_PATH) for path in paths)


def _extend(envs: Iterable[Env], select: Select, ctx: Context) -> Iterator[Env]:
    for env in envs:
        yield from select(env, ctx)
