"""What a compiled rule runs over: values with their JSON Pointers, the manifest being
checked (``Context``), and reading a path's value."""

from __future__ import annotations

from functools import cache
from typing import Any, Callable, Iterator, NamedTuple

MISSING: Any = type("Missing", (), {"__repr__": lambda self: "MISSING", "__bool__": lambda self: False})()


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

    def each(self) -> Iterator[Bound]:
        """The items of a list; a single value is one item, a missing or null one none."""
        if isinstance(self.value, list):
            return self.items()
        return iter(() if self.value is MISSING or self.value is None else (self,))


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
        self._orders: dict[str, dict[str | None, int]] = {}
        self.first_selections: dict[str, list[Env]] = {}
        self._texts: dict[str, list[Bound]] = {}
        self._distinct_texts: dict[str, set[str]] = {}

    def records(self, section: str) -> list[Bound]:
        if section not in self._records:
            self._records[section] = list(self.roots[section].items())
        return self._records[section]

    def order(self, section: str) -> dict[str | None, int]:
        """Where each record of ``section`` stands in it, by pointer."""
        if section not in self._orders:
            self._orders[section] = {record.pointer: place for place, record in enumerate(self.records(section))}
        return self._orders[section]

    def texts(self, root: str, find: Callable[[Bound], list[Bound]]) -> list[Bound]:
        """Every text value inside root ``root``, found by ``find`` once for the document."""
        if root not in self._texts:
            self._texts[root] = find(self.roots[root])
        return self._texts[root]

    def distinct_texts(self, root: str) -> set[str]:
        """Every distinct text value inside root ``root`` (no pointers: cheap to gather)."""
        if root not in self._distinct_texts:
            self._distinct_texts[root] = _text_values(self.roots[root].value)
        return self._distinct_texts[root]

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
                if type(value) is str:  # the commonest: one id
                    table.setdefault(value, []).append(record)
                    continue
                elements = value if isinstance(value, list) else (value,)
                for element in dict.fromkeys(e for e in elements if hashable(e)):  # once per record
                    table.setdefault(element, []).append(record)
        return table


def _text_values(value: Any) -> set[str]:
    found: set[str] = set()
    pending = [value]
    while pending:
        value = pending.pop()
        kind = type(value)
        if kind is str:
            found.add(value)
        elif kind is dict:
            pending.extend(value.values())
        elif kind is list:
            pending.extend(value)
    return found


def hashable(value: Any) -> bool:
    return value is not MISSING and not isinstance(value, (dict, list))


class Path:
    """A path as written (``use.human_oversight.reviewer``): a root name, then fields. On
    a list, a field name collects that field from every item; a digit picks an item."""

    def __init__(self, source: str):
        parts = source.split(".")
        self.source = source
        self.root = parts[0]
        self.fields = parts[1:]
        # value(env): the value alone; resolve(env): the value with the JSON Pointer of its node
        self.value: Callable[[Env], Any] = _reader(self.root, self.fields)
        self.resolve: Callable[[Env], Bound] = _resolver(self.root, self.fields)


@cache
def path_of(source: str) -> Path:
    """The path written ``source``, built once per process: a pack writes the same paths
    many times (a named selection's, in every check that uses it)."""
    return Path(source)


def _resolver(root: str, fields: list[str]) -> Callable[[Env], Bound]:
    """A function reading a path's value and pointer; a one-field path, the commonest, reads directly."""
    def resolve(env: Env) -> Bound:
        bound = env[root]
        value, pointer, projected = bound.value, bound.pointer, bound.projected
        for field in fields:
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

    if len(fields) != 1 or fields[0].isdigit():
        return resolve
    (field,) = fields

    def resolve_field(env: Env) -> Bound:
        bound = env[root]
        if type(bound.value) is not dict:
            return resolve(env)
        pointer = bound.pointer if bound.pointer is None or bound.projected else f"{bound.pointer}/{field}"
        return Bound(bound.value.get(field, MISSING), pointer, bound.projected)
    return resolve_field


def _reader(root: str, fields: list[str]) -> Callable[[Env], Any]:
    """A function reading a path's value; a one-field path, the commonest, reads directly."""
    if len(fields) == 1 and not fields[0].isdigit():
        (field,) = fields

        def read_field(env: Env) -> Any:
            value = env[root].value
            return value.get(field, MISSING) if type(value) is dict else walk(value, fields)
        return read_field
    return lambda env: walk(env[root].value, fields)


def walk(value: Any, fields: list[str]) -> Any:
    """The value ``fields`` lead to from ``value`` (MISSING where there is none)."""
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
