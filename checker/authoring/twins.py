"""A failing case's ``fixed`` twin: what following a rule's fix text may, and may not, do.

A twin is the case's manifest after following the rule's fix text exactly. Two
properties keep fix texts honest:

- **no new finding**: the twin's findings, by every rule of the pack, are among the
  failing case's findings, the rule's own ones taken away. Findings are compared by the
  key a baseline uses (rule, and the id of the record concerned, else the JSON Pointer
  of the node), so records the fix appends do not shift the others' keys; each key
  counts as many times as it occurs, so a second finding about one record is new too;
  a record that shared its id with another and that the twin gives a new id in its place
  keeps its findings' key.
- **every field named**: each field the twin adds or changes is named in the fix text,
  in English and in Chinese, or is the very field a finding of the rule is at (a fix is
  always about the node its finding points at). A fix text names a field in backticks:
  a span names the field path it starts with (`` `person:` ``; `` `amount.value` `` names
  ``value``, the last part of the path) and every ``key:`` written inside it
  (`` `retention: {delete_by: YYYY-MM-DD}` `` names ``retention`` and ``delete_by``). A
  finding is at a field when its node, list items aside, holds a plain value: a scalar,
  a list of them, or a text (``{en: ..., zh: ...}``); a finding about a whole record names
  none of its fields. A field is a leaf key: a mapping counts by the keys inside it, a
  list of records by the keys of each record added or changed (records with an ``id``
  are matched by it, others by position), and a changed list of plain values (``for``,
  ``covers``) by the key that holds it. A field the twin removes is not work the fix asks
  for, so it need not be named.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from ..evaluation.baseline import finding_place
from ..reading.yaml_loader import escape_pointer_token, unescape_pointer_token
from ..text import LANGUAGES
from ..report.model import DocumentResult, Finding

MISSING = object()  # a field the case's manifest does not have
BACKTICKED = re.compile(r"`([^`]*)`")
# in a backticked span: the field path it starts with (`amount.value`), and each `key:` inside it
LEADING_PATH = re.compile(r"\s*([A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*)*)")
KEY = re.compile(r"([A-Za-z_][\w.-]*)\s*:")
TEXT_KEYS = frozenset(LANGUAGES)  # a text value: {en: ..., zh: ...}


@dataclass(frozen=True)
class NewFinding:
    """A finding of the twin the failing case does not have (or has fewer times)."""

    finding: Finding
    still_the_rule: bool  # the rule under test itself: the fix did not fix it


@dataclass(frozen=True)
class UnnamedField:
    """A field the twin adds or changes that the fix text does not name."""

    pointer: str  # in the twin
    name: str
    languages: tuple[str, ...]  # the languages whose fix text does not name it


def finding_key(document_index: int, finding: Finding) -> tuple[int, str, str]:
    """What a finding is compared by: the document, the rule, and the record concerned
    (its id, else the JSON Pointer of the node), as a baseline matches findings."""
    return document_index, finding.rule, finding_place(finding)


def _counted(results: list[DocumentResult]) -> Counter:
    return Counter(finding_key(index, finding) for index, result in enumerate(results)
                   for finding in result.findings if not finding.waived)


def new_findings(rule: str, failing: list[DocumentResult], fixed: list[DocumentResult],
                 renamed: dict[str, str] | None = None) -> list[NewFinding]:
    """The twin's findings beyond the failing case's, the rule's own ones taken away; a
    finding about a record the twin ``renamed`` (new id -> old id) keeps its old key."""
    allowed = Counter({key: count for key, count in _counted(failing).items() if key[1] != rule})
    renamed = renamed or {}
    extra = []
    for index, result in enumerate(fixed):
        for finding in sorted(result.findings, key=Finding.sort_key):
            if finding.waived:
                continue
            key = (index, finding.rule, finding_place(finding, renamed.get(finding.target)))
            if allowed[key] > 0:
                allowed[key] -= 1
            else:
                extra.append(NewFinding(finding, still_the_rule=finding.rule == rule))
    return extra


def renamed_records(before: Any, after: Any) -> dict[str, str]:
    """The records of a section that shared their id with another and that ``after`` gives
    a new id in their place: new id -> old id."""
    if not isinstance(before, dict) or not isinstance(after, dict):
        return {}
    renamed = {}
    for section, records in after.items():
        old = before.get(section)
        if not isinstance(records, list) or not isinstance(old, list):
            continue
        old_ids = Counter(map(_record_id, old))
        for old_record, new_record in zip(old, records):
            old_id, new_id = _record_id(old_record), _record_id(new_record)
            if old_id is not None and old_ids[old_id] > 1 and new_id is not None and new_id not in old_ids:
                renamed[new_id] = old_id
    return renamed


def named_fields(text: str) -> set[str]:
    """The field names a fix text names in backticks (see the module's docstring)."""
    names = set()
    for span in BACKTICKED.findall(text):
        leading = LEADING_PATH.match(span)
        paths = ([leading.group(1)] if leading else []) + KEY.findall(span)
        names.update(path.rsplit(".", 1)[-1] for path in paths)
    return names


def unnamed_fields(before: Any, after: Any, fixes: Iterable[dict[str, str]],
                   findings: Iterable[Finding]) -> list[UnnamedField]:
    """The fields ``after`` adds to or changes in ``before`` that the rule's ``fixes`` (its
    findings' fix texts, by language) do not name, and that none of its ``findings`` in
    ``before`` is at."""
    named: dict[str, set[str]] = {}
    for fix in fixes:
        for lang, text in fix.items():
            named.setdefault(lang, set()).update(named_fields(text))
    own_fields = {field for finding in findings if (field := _field_at(before, finding.pointer))}
    unnamed = []
    for pointer, name in changed_fields(before, after):
        if any(pointer == field or pointer.startswith(field + "/") for field in own_fields):
            continue
        missing = tuple(lang for lang, names in named.items() if name not in names)
        if missing:
            unnamed.append(UnnamedField(pointer, name, missing))
    return unnamed


def _field_at(document: Any, pointer: str) -> str | None:
    """The pointer of the field a finding at ``pointer`` is at (list items aside), when that
    field holds a plain value; None when the finding is about a record or a section."""
    tokens = pointer.split("/")[1:]
    while tokens and tokens[-1].isdigit():
        tokens.pop()
    if not tokens:
        return None
    node = document
    for token in tokens:
        key = unescape_pointer_token(token)
        if isinstance(node, dict) and key in node:
            node = node[key]
        elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
        else:
            return None
    plain = (not isinstance(node, (dict, list))
             or (isinstance(node, list) and not any(isinstance(item, (dict, list)) for item in node))
             or (isinstance(node, dict) and node and set(map(str, node)) <= TEXT_KEYS))
    return "/" + "/".join(tokens) if plain else None


def changed_fields(before: Any, after: Any) -> list[tuple[str, str]]:
    """Every leaf field ``after`` adds to or changes in ``before``: (JSON Pointer, name)."""
    return list(_mapping_changes(before if isinstance(before, dict) else {}, after, "")) \
        if isinstance(after, dict) else []


def _mapping_changes(before: dict, after: dict, pointer: str) -> Iterator[tuple[str, str]]:
    for key, value in after.items():
        old = before.get(key, MISSING)
        if not _same(old, value):
            yield from _field_changes(str(key), old, value, f"{pointer}/{escape_pointer_token(str(key))}")


def _field_changes(name: str, old: Any, new: Any, pointer: str) -> Iterator[tuple[str, str]]:
    if isinstance(new, dict) and new:
        yield from _mapping_changes(old if isinstance(old, dict) else {}, new, pointer)
    elif isinstance(new, list) and any(isinstance(item, dict) for item in [*new, *_as_list(old)]):
        yield from _record_changes(name, _as_list(old), new, pointer)
    else:  # a plain value, an empty mapping, or a list of plain values
        yield pointer, name


def _record_changes(name: str, old: list, new: list, pointer: str) -> Iterator[tuple[str, str]]:
    """A list of records: each record added or changed counts by its keys; a plain item by
    the list's name. A record is matched by its id when the id is one record's in both
    lists, else by its position (a record given a new id keeps its place)."""
    old_ids, new_ids = Counter(map(_record_id, old)), Counter(map(_record_id, new))
    by_id = {_record_id(item): item for item in old}
    for index, item in enumerate(new):
        record_id = _record_id(item)
        if record_id is not None and old_ids[record_id] == 1 and new_ids[record_id] == 1:
            match = by_id[record_id]
        else:
            match = old[index] if index < len(old) else MISSING
        if _same(match, item):
            continue
        if isinstance(item, dict):
            yield from _mapping_changes(match if isinstance(match, dict) else {}, item, f"{pointer}/{index}")
        else:
            yield pointer, name


def _as_list(value: Any) -> list:
    return value if isinstance(value, list) else []


def _record_id(item: Any) -> str | None:
    record_id = item.get("id") if isinstance(item, dict) else None
    return record_id if isinstance(record_id, str) else None


def _same(old: Any, new: Any) -> bool:
    return old is not MISSING and _canonical(old) == _canonical(new)


def _canonical(value: Any) -> Any:
    """A value as comparable data whatever its keys: ``true`` and ``1`` told apart, key order ignored."""
    if isinstance(value, dict):
        return ("map", tuple(sorted((repr(key), _canonical(item)) for key, item in value.items())))
    if isinstance(value, list):
        return ("list", tuple(_canonical(item) for item in value))
    return (type(value).__name__, repr(value))
