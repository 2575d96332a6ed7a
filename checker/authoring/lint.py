"""Lint a rule pack: every problem a rule author should fix, all at once, each located.

``read_pack`` already collects the problems that stop a pack from loading (invalid YAML,
schema problems such as a principle or level out of range or a missing en/zh text,
duplicate ids, and compile errors: unknown names, operators or placeholders, bad
regular expressions). On top of those this reports:

- duplicate mapping keys in rule files, ``pack.yaml`` and fixture files (YAML keeps only
  the last one, silently);
- placeholders in a rule's ``fix``, which are never filled in (only messages are), and
  those naming nothing its checks bind (as the compiler bound them);
- checks whose level filter (``effective_level`` or ``derived_level`` compared with
  literal levels) disagrees with the rule's ``levels``;
- rules without a fixture file, or without both a case that triggers them and one that
  does not; fixture files for rules the pack does not define, named after another rule,
  or not as ``fixture.schema.json`` describes them (the problems ``read_fixture`` finds);
- ``extends`` naming no pack, overrides in ``pack.yaml`` of rules that no pack it extends
  defines, and rules redefining an id of a pack it extends.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .fixtures import Fixture, Gap, by_rule, did_you_mean, gaps, read_fixtures
from ..reading.yaml_loader import Document, LoadError, load_file
from ..packs.loading import load_rule_set, read_pack, rule_files
from ..packs.model import FIXTURES_DIR, PACK_FILE, RulePack
from ..packs.rule import Rule
from ..language.nodes import Comparison, walk

# a placeholder as messages write them: {use.id}; braces holding anything else ({en: ..., zh: ...},
# a YAML example) are plain text, and so is everything inside a `code span`
_PLACEHOLDER = re.compile(r"\{([a-z_][a-z0-9_]*(?:\.[a-z0-9_]+)*)\}")
_CODE_SPAN = re.compile(r"`[^`]*`")


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int | None
    column: int | None
    message: str

    def __str__(self) -> str:
        return str(LoadError(self.path, self.message, self.line, self.column))


@dataclass(frozen=True)
class Declared:
    """A rule as found in a rule file, whether or not it compiled."""

    id: str
    spec: dict[str, Any]
    file: str
    line: int
    column: int
    pointer: str
    document: Document


@dataclass
class LintResult:
    directory: Path
    pack: RulePack | None
    problems: list[Problem]
    rule_count: int


def lint_pack(directory: Path) -> LintResult:
    """Every problem of the pack in ``directory``, sorted by file and position."""
    problems: list[Problem] = []
    pack, load_problems = read_pack(directory)
    problems += [_problem(error) for error in load_problems]
    declared = _declared_rules(directory, problems) if directory.is_dir() else []
    first: dict[str, Declared] = {}
    for rule in declared:
        first.setdefault(rule.id, rule)
    compiled = {rule.id: rule for rule in pack.rules} if pack is not None else {}
    for rule in declared:
        problems += _fix_placeholders(rule, compiled.get(rule.id) if first[rule.id] is rule else None)
    for rule_id, rule in compiled.items():
        if rule_id in first:
            problems += _level_problems(rule, first[rule_id].document)
    if directory.is_dir():
        problems += _fixture_problems(directory, first)
    if pack is not None:
        extension = _extension_problems(pack, first)
        problems += extension
        if not load_problems and not extension:
            problems += _combined_problems(directory)
    unique = sorted(set(problems), key=lambda p: (p.path, p.line or 0, p.column or 0, p.message))
    return LintResult(directory=directory, pack=pack, problems=unique, rule_count=len(first))


def _problem(error: LoadError) -> Problem:
    return Problem(error.path, error.line, error.column, error.message)


def _load(file: Path, problems: list[Problem]) -> Document | None:
    try:
        document = load_file(file)
    except LoadError:  # read_pack reports it
        return None
    for duplicate in document.duplicate_keys if file.name == PACK_FILE else []:  # read_pack reports a rule file's
        problems.append(Problem(str(file), duplicate.line, duplicate.column,
                                f"duplicate key {duplicate.key!r}: also on line {duplicate.first_line}; "
                                "only the last value is used"))
    return document


def _declared_rules(directory: Path, problems: list[Problem]) -> list[Declared]:
    declared = []
    for file in rule_files(directory):
        document = _load(file, problems)
        if document is None or not isinstance(document.data, dict) or not isinstance(document.data.get("rules"), list):
            continue
        for index, spec in enumerate(document.data["rules"]):
            if isinstance(spec, dict) and isinstance(spec.get("id"), str):
                pointer = f"/rules/{index}"
                declared.append(Declared(spec["id"], spec, str(file), *document.locate(f"{pointer}/id"), pointer,
                                         document))
    meta = directory / PACK_FILE
    if meta.is_file():
        _load(meta, problems)
    return declared


# --- fix texts -------------------------------------------------------------------------


def _fix_placeholders(rule: Declared, compiled: Rule | None) -> list[Problem]:
    """Placeholders in a rule's fix: never filled in, and perhaps naming nothing any of
    its checks binds (as the compiler bound them; a rule that did not compile is
    reported for that first)."""
    fix = rule.spec.get("fix")
    if not isinstance(fix, dict) or compiled is None:
        return []
    problems = []
    for lang, text in fix.items():
        if not isinstance(text, str):
            continue
        for placeholder in dict.fromkeys(_PLACEHOLDER.findall(_CODE_SPAN.sub("", text))):
            where = f"{rule.pointer}/fix/{lang}"
            line, column = rule.document.locate(where)
            unknown = [error for error in (check.names.problem(placeholder) for check in compiled.checks) if error]
            if unknown:
                message = f"rule {rule.id}: fix ({lang}) placeholder {{{placeholder}}} refers to nothing: {unknown[0]}"
            else:
                message = (f"rule {rule.id}: fix ({lang}) has the placeholder {{{placeholder}}}, which is never "
                           "filled in (only messages are); write the fix without it")
            problems.append(Problem(rule.file, line, column, message))
    return problems


# --- levels ----------------------------------------------------------------------------

LEVEL_FIELDS = ("effective_level", "derived_level")  # the levels the checker derives (evaluation/levels.py)


def _level_problems(rule: Rule, document: Document) -> list[Problem]:
    """A rule's ``levels`` say which AI uses it is about; a check that compares levels
    (``use.effective_level: {in: [...]}``) with others, or never with one of them,
    disagrees with them. (``$rule.levels`` reads the rule's own.)"""
    if rule.levels is None:
        return []
    problems = []
    for check in rule.checks:
        compared: dict[str, tuple[str, str]] = {}  # level -> (path, where)
        for node in walk(check):
            if isinstance(node, Comparison) and node.path.fields and node.path.fields[-1] in LEVEL_FIELDS:
                for test in node.tests:
                    if test.operator in ("equals", "in") and test.reads is None:
                        for level in test.operand if isinstance(test.operand, list) else [test.operand]:
                            compared.setdefault(str(level), (node.path.source, node.where))
        levels = ", ".join(rule.levels)
        for level, (path, where) in compared.items():
            if level not in rule.levels:
                problems.append(Problem(document.path, *document.locate(where),
                                        f"rule {rule.id}: {path} is compared with {level}, which is not one of the "
                                        f"rule's levels ({levels}); compare it with $rule.levels"))
        unseen = [level for level in rule.levels if level not in compared]
        if compared and unseen:
            first_comparison = next(iter(compared.values()))[1]
            problems.append(Problem(document.path, *document.locate(first_comparison),
                                    f"rule {rule.id}: the rule's levels are {levels}, but this check only looks "
                                    f"at {', '.join(compared)} (never at {', '.join(unseen)}); compare with "
                                    "$rule.levels"))
    return problems


# --- fixtures --------------------------------------------------------------------------


def _fixture_problems(directory: Path, rules: dict[str, Declared]) -> list[Problem]:
    fixtures = read_fixtures(directory)
    problems = [Problem(p.file, p.line, p.column, p.message) for fixture in fixtures for p in fixture.all_problems]
    for fixture in fixtures:
        problems += _misplaced(fixture, rules)
    grouped = by_rule(fixtures)
    for rule_id, rule in rules.items():
        for gap in gaps(grouped.get(rule_id, [])):
            if gap is Gap.NO_FIXTURE_FILE:
                problems.append(Problem(rule.file, rule.line, rule.column,
                                        f"rule {rule_id} has no fixture file {FIXTURES_DIR}/{rule_id}.yaml"))
            else:
                problems.append(Problem(str(grouped[rule_id][0].path), 1, 1, f"rule {rule_id} has {gap.value}"))
    return problems


def _misplaced(fixture: Fixture, rules: dict[str, Declared]) -> list[Problem]:
    """A fixture file naming a rule the pack does not define, or named after another rule."""
    if fixture.rule is None or fixture.document is None:
        return []
    line, column = fixture.document.locate("/rule")
    if fixture.rule not in rules:
        message = f"fixtures for rule {fixture.rule}, which this pack does not define{did_you_mean(fixture.rule, rules)}"
    elif fixture.path.stem != fixture.rule:
        message = f"fixtures for rule {fixture.rule} are in {fixture.path.name}; name the file {fixture.rule}.yaml"
    else:
        return []
    return [Problem(str(fixture.path), line, column, message)]


# --- packs it extends ------------------------------------------------------------------


def _extension_problems(pack: RulePack, rules: dict[str, Declared]) -> list[Problem]:
    problems: list[Problem] = []
    meta = str(pack.meta_file or pack.path / PACK_FILE)
    base_ids: dict[str, str] = {}  # rule id -> pack name
    if pack.extends is not None:
        extends_line, extends_column = _locate(pack.meta_file, "/extends")
        base = pack.base_dir()
        if base is None or not base.is_dir():
            problems.append(Problem(meta, extends_line, extends_column,
                                    f"extends {pack.extends!r}, which is neither hkai-guideline "
                                    "nor a rule pack folder"))
            return problems
        try:
            base_set = load_rule_set([base], include_builtin=False)
        except LoadError as error:
            problems.append(Problem(meta, extends_line, extends_column,
                                    f"the pack it extends cannot be loaded: {error}"))
            return problems
        base_ids = {rule.id: p.name for p in base_set.packs for rule in p.rules}
    known = sorted(base_ids)
    for override in pack.overrides:
        if override.rule in base_ids:
            continue
        if pack.extends is None:
            message = f"override of {override.rule}, but pack.yaml does not extend any pack (add `extends:`)"
        else:
            message = f"override of {override.rule}, which no pack it extends defines{did_you_mean(override.rule, known)}"
        problems.append(Problem(meta, override.line, override.column, message))
    for rule_id, rule in rules.items():
        if rule_id in base_ids:
            problems.append(Problem(rule.file, rule.line, rule.column,
                                    f"rule id {rule_id} is already defined by pack {base_ids[rule_id]}, which this "
                                    "pack extends; use an override in pack.yaml, or a new id"))
    return problems


def _locate(file: Path | None, pointer: str) -> tuple[int | None, int | None]:
    if file is None:
        return None, None
    try:
        return load_file(file).locate(pointer)
    except LoadError:
        return None, None


def _combined_problems(directory: Path) -> list[Problem]:
    """Whatever else stops the pack loading with what it extends (a loop of extends...).
    Asked only when ``_extension_problems`` found nothing, so never an override or a rule
    id that conflicts with a pack it extends: those it reports, with more detail."""
    try:
        load_rule_set([directory], include_builtin=False)
    except LoadError as error:
        return [_problem(error)]
    return []
