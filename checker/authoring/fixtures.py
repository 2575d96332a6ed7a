"""Rule fixtures: small manifests that must, or must not, trigger a rule.

A pack keeps them in ``fixtures/<RULE-ID>.yaml``::

    rule: CON-006
    cases:
      - name: a minor signed for themselves
        triggers: true
        paths: [/consents/0]          # optional: exactly where the findings must be
        manifest: {manifest_version: 1, production: ..., people: ..., consents: ...}
        fixed: {manifest_version: 1, ...}  # optional: the manifest after following the fix
      - name: a guardian signed
        triggers: false
        manifest: ...

Each case's manifest must itself be schema-valid, unless the rule under test is the one
that reports invalid manifests. Optional, per case: ``today`` fixes the date used for
expiry checks; ``verify_evidence: true`` checks consent documents as ``--verify-evidence``
does, relative to the fixture file's folder; ``waivers_file`` is a reviewer's waivers file
checked with the manifest (as ``--waivers``; ``trusted_waivers_only`` as its flag), and
findings about it count as the rule's too; ``same_production_in`` lists the other files of
the run whose manifests name the same production id (as a batch establishes it).

A case that triggers the rule may have a ``fixed`` twin: the whole manifest written by
following the rule's fix text exactly (YAML anchors and aliases may share the parts that
do not change; merge keys are not supported). ``fixture_runner`` checks that the twin gives
no finding its case does not give, the rule's own ones excepted, and that every field it
adds or changes is named in the fix text. ``fixed_waivers_file`` is the twin of a case's
``waivers_file``, for a fix that corrects the reviewer's file; a case may have either twin
or both.

This module is the one reader of these files. ``read_fixture`` reads a file once into a
``Fixture``: the rule it is for, its cases (each with its position and its manifest as a
document of its own) and every problem of the file, located, its kind given as a
``Flaw``. Its structure is judged by ``fixture.schema.json``; a case's manifest is judged
by the check the case runs, not by that schema. ``rules lint`` reports the problems and
what a rule's fixtures lack (``gaps``), ``rules test`` and the test suite run the cases
(``fixture_runner``), and ``rules show`` takes its examples from them.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any, Iterable

from ..packs.model import FIXTURES_DIR
from ..reading.schema import FIXTURE_SCHEMA, schema_errors
from ..reading.yaml_loader import Document, LoadError, escape_pointer_token, load_file

# What each key of a fixture file holds, as a problem states it: "`paths` is ...".
MEANINGS = {
    "rule": "the id of the rule the cases test",
    "cases": "a list of cases",
    "name": "a few words saying what the case shows",
    "triggers": "true (the case must trigger the rule) or false (it must not)",
    "manifest": "a whole manifest (a mapping)",
    "fixed": "the whole manifest after following the rule's fix (a mapping), only on a case that triggers the rule",
    "fixed_waivers_file": "the reviewer's waivers file after following the rule's fix (a mapping), only on a case "
                          "that triggers the rule and has a `waivers_file`",
    "paths": "a list of JSON Pointers such as /consents/0",
    "today": "a date written YYYY-MM-DD",
    "verify_evidence": "true or false",
    "waivers_file": "a reviewer's waivers file (a mapping with `waivers`)",
    "trusted_waivers_only": "true or false",
    "same_production_in": "a list of file paths",
}


class Flaw(Enum):
    """The kind of a problem of a fixture file: what its readers decide by."""

    UNREADABLE = "unreadable"  # not a YAML file the loader accepts
    DUPLICATE_KEY = "duplicate key"  # YAML keeps the last value, silently
    NOT_A_MAPPING = "not a mapping"  # the file, or a case
    MISSING_KEYS = "missing keys"
    UNKNOWN_KEY = "unknown key"
    WRONG_VALUE = "wrong value"  # a known key holding something else than it should


@dataclass(frozen=True)
class FixtureProblem:
    flaw: Flaw
    file: str
    pointer: str  # the node that is wrong, as a JSON Pointer
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.message}"


@dataclass(frozen=True)
class Case:
    """One case, as far as it could be read: a key that is missing or wrong is None."""

    index: int
    line: int
    column: int
    name: str | None
    triggers: bool | None
    manifest: Document | None  # keeps the positions it has in the fixture file
    fixed: Document | None  # the manifest after following the rule's fix text, when the case has it
    paths: tuple[str, ...] | None
    today: str | None
    verify_evidence: bool
    waivers_file: Document | None  # a reviewer's waivers file checked with the manifest
    fixed_waivers_file: Document | None  # the waivers file after following the rule's fix text
    trusted_waivers_only: bool
    same_production_in: tuple[str, ...]  # the other files of the run with the same production id
    problems: tuple[FixtureProblem, ...]  # a case with a problem is not run

    @property
    def pointer(self) -> str:
        return f"/cases/{self.index}"

    @property
    def title(self) -> str:
        return self.name if self.name is not None else f"case {self.index + 1}"


@dataclass(frozen=True)
class Fixture:
    """One fixture file, as far as it could be read."""

    path: Path
    rule: str | None  # the rule the file names
    cases: tuple[Case, ...] | None  # None when the file holds no list of cases
    problems: tuple[FixtureProblem, ...]  # the file's own; each case has its own
    document: Document | None  # None when the file is not YAML

    @property
    def rule_id(self) -> str:
        """The rule the file is for: the one it names, else the one its file name names."""
        return self.rule if self.rule is not None else self.path.stem

    @property
    def all_problems(self) -> list[FixtureProblem]:
        return [*self.problems, *(problem for case in self.cases or () for problem in case.problems)]


def read_fixtures(pack_directory: Path) -> list[Fixture]:
    """The fixture files of the pack in ``pack_directory``, by file name."""
    return [read_fixture(file) for file in sorted((pack_directory / FIXTURES_DIR).glob("*.yaml"))]


def read_fixture(path: Path) -> Fixture:
    try:
        document = load_file(path)
    except LoadError as error:
        unreadable = FixtureProblem(Flaw.UNREADABLE, str(path), "", error.line or 1, error.column or 1, error.message)
        return Fixture(path, None, None, (unreadable,), None)
    problems = sorted(dict.fromkeys(_duplicate_keys(document) + _schema_problems(document)),
                      key=lambda p: (p.line, p.column, p.message))
    wrong = {problem.pointer for problem in problems if problem.flaw is Flaw.WRONG_VALUE}
    data = _known(document.data, "", wrong)
    raw_cases = data.get("cases")
    if raw_cases is None:
        return Fixture(path, data.get("rule"), None, tuple(problems), document)
    by_case: dict[int | None, list[FixtureProblem]] = {}
    for problem in problems:
        by_case.setdefault(_case_index(problem.pointer), []).append(problem)
    for index, raw in enumerate(raw_cases):
        by_case.setdefault(index, []).extend(_misplaced_twins(document, index, _known(raw, f"/cases/{index}", wrong)))
    cases = tuple(_case(document, index, raw, wrong, tuple(by_case.get(index, ())))
                  for index, raw in enumerate(raw_cases))
    return Fixture(path, data.get("rule"), cases, tuple(by_case.get(None, ())), document)


def _known(node: Any, pointer: str, wrong: set[str]) -> dict[str, Any]:
    """The keys of a mapping whose values are of their kind (the schema said so)."""
    if not isinstance(node, dict):
        return {}
    return {key: value for key, value in node.items() if f"{pointer}/{escape_pointer_token(str(key))}" not in wrong}


def _case(document: Document, index: int, raw: Any, wrong: set[str], problems: tuple[FixtureProblem, ...]) -> Case:
    pointer = f"/cases/{index}"
    known = _known(raw, pointer, wrong)
    paths = known.get("paths")
    return Case(index, *document.locate(pointer), name=known.get("name"), triggers=known.get("triggers"),
                manifest=document.sub_document(f"{pointer}/manifest") if "manifest" in known else None,
                fixed=document.sub_document(f"{pointer}/fixed") if "fixed" in known else None,
                paths=None if paths is None else tuple(paths), today=known.get("today"),
                verify_evidence=known.get("verify_evidence") is True,
                waivers_file=document.sub_document(f"{pointer}/waivers_file") if "waivers_file" in known else None,
                fixed_waivers_file=(document.sub_document(f"{pointer}/fixed_waivers_file")
                                    if "fixed_waivers_file" in known else None),
                trusted_waivers_only=known.get("trusted_waivers_only") is True,
                same_production_in=tuple(known.get("same_production_in") or ()), problems=problems)


def _misplaced_twins(document: Document, index: int, known: dict[str, Any]) -> list[FixtureProblem]:
    """A twin is the fix of a case that triggers the rule: never on one that must not, and
    ``fixed_waivers_file`` only beside the ``waivers_file`` it corrects."""
    misplaced = [key for key in ("fixed", "fixed_waivers_file") if key in known and known.get("triggers") is False]
    if "fixed_waivers_file" in known and "waivers_file" not in known and "fixed_waivers_file" not in misplaced:
        misplaced.append("fixed_waivers_file")
    return [_problem(document, Flaw.WRONG_VALUE, f"/cases/{index}/{key}", f"`{key}` is {MEANINGS[key]}")
            for key in misplaced]


def _case_index(pointer: str) -> int | None:
    """The index of the case a node is in; None for the file's own nodes."""
    tokens = pointer.split("/")
    return int(tokens[2]) if len(tokens) > 2 and tokens[1] == "cases" and tokens[2].isdigit() else None


def _problem(document: Document, flaw: Flaw, pointer: str, message: str) -> FixtureProblem:
    return FixtureProblem(flaw, document.path, pointer, *document.locate(pointer), message)


def _duplicate_keys(document: Document) -> list[FixtureProblem]:
    """Duplicate keys outside the cases' manifests (the check a case runs reports those)."""
    return [FixtureProblem(Flaw.DUPLICATE_KEY, document.path, duplicate.pointer, duplicate.line, duplicate.column,
                           f"duplicate key {duplicate.key!r}: also on line {duplicate.first_line}; "
                           "only the last value is used")
            for duplicate in document.duplicate_keys if not _in_manifest(duplicate.pointer)]


def _in_manifest(pointer: str) -> bool:
    """Whether a node is inside a case's manifest or its fixed twin."""
    tokens = pointer.split("/")
    return len(tokens) > 4 and tokens[1] == "cases" and tokens[3] in ("manifest", "fixed")


def _schema_problems(document: Document) -> list[FixtureProblem]:
    """fixture.schema.json's errors, each turned into a problem by where it is and which
    keyword of the schema it breaks."""
    problems = []
    for error in schema_errors(FIXTURE_SCHEMA, document.data):
        path = list(error.path)
        in_case = len(path) >= 2 and path[0] == "cases" and isinstance(path[1], int)
        owner, inside = (f"/cases/{path[1]}", path[2:]) if in_case else ("", path)
        noun = "case" if in_case else "fixture file"
        if inside:
            key = str(inside[0])
            problems.append(_problem(document, Flaw.WRONG_VALUE, f"{owner}/{key}", f"`{key}` is {MEANINGS[key]}"))
        elif error.keyword == "type":
            problems.append(_problem(document, Flaw.NOT_A_MAPPING, owner,
                                     f"a {noun} is a mapping with {_keys(error.schema['required'])}"))
        elif error.keyword == "required":
            missing = [key for key in error.keyword_value if key not in error.instance]
            problems.append(_problem(document, Flaw.MISSING_KEYS, owner, f"the {noun} needs {_keys(missing)}"))
        else:  # additionalProperties: the one other keyword the schema puts on a mapping
            known = list(error.schema["properties"])
            problems += [_problem(document, Flaw.UNKNOWN_KEY, f"{owner}/{escape_pointer_token(str(key))}",
                                  f"unknown key {key!r} in a {noun}{did_you_mean(str(key), known)}; "
                                  f"expected: {', '.join(known)}")
                         for key in error.instance if key not in known]
    return problems


def _keys(keys: Sequence[str]) -> str:
    """`a`, `b` and `c`."""
    quoted = [f"`{key}`" for key in keys]
    return quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} and {quoted[-1]}"


def did_you_mean(word: str, known: Iterable[str]) -> str:
    """`` (did you mean X?)`` for the known name closest to ``word``, or nothing."""
    close = difflib.get_close_matches(word, list(known), n=1)
    return f" (did you mean {close[0]}?)" if close else ""


# --- what a rule's fixtures lack ---------------------------------------------------------


class Gap(Enum):
    NO_FIXTURE_FILE = "no fixture file"
    NO_TRIGGERING_CASE = "no case that triggers it"
    NO_PASSING_CASE = "no case that does not trigger it"


def by_rule(fixtures: Sequence[Fixture]) -> dict[str, list[Fixture]]:
    grouped: dict[str, list[Fixture]] = {}
    for fixture in fixtures:
        grouped.setdefault(fixture.rule_id, []).append(fixture)
    return grouped


def gaps(fixtures: Sequence[Fixture]) -> list[Gap]:
    """What the fixture files of one rule lack: a file, or a case of each kind. A file that
    holds no list of cases may hold any kind, so it is not said to lack one."""
    if not fixtures:
        return [Gap.NO_FIXTURE_FILE]
    if any(fixture.cases is None for fixture in fixtures):
        return []
    kinds = {case.triggers for fixture in fixtures for case in fixture.cases or ()}
    return [gap for triggers, gap in ((True, Gap.NO_TRIGGERING_CASE), (False, Gap.NO_PASSING_CASE))
            if triggers not in kinds]
