"""Reading rule packs: folders of YAML rule files, validated and compiled once, and the
rule set of a run (the built-in pack, then packs with the packs they extend, overrides applied).

Rule files may name selections (``selections:``) and values (``values:``, such as a table
of country codes, each with its source) that every rule of the pack can use, and so can the
rules of packs that extend it: a pack is compiled with the named selections and values of
the pack it extends, and may not name one of them again.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any, Mapping, NamedTuple

from ..language.compiler import VALUES, Names, NamedSelection, RuleCompileError, check_named_selection
from ..language.tables import written_checks
from ..reading.yaml_loader import Document, LoadError, escape_pointer_token, load_file
from .model import BUILTIN_NAME, PACK_FILE, Override, RulePack, RuleSet, builtin_pack_dir, extended_dir
from .rule import Rule, compile_rule
from ..reading.schema import PACK_SCHEMA, RULE_FILE_SCHEMA, manifest_sections, schema_problems

ROOT_NAMES = frozenset({"checker", "document"})  # besides the sections: run facts, and the whole document
Selections = Mapping[str, NamedSelection]


class Shared(NamedTuple):
    """What a pack names for its rules and for the packs that extend it."""

    selections: Selections = {}
    values: Mapping[str, Any] = {}


def load_pack(directory: Path | None = None, inherited: Shared | None = None) -> RulePack:
    """A pack, or a LoadError for its first problem."""
    pack, problems = read_pack(directory or builtin_pack_dir(), inherited)
    if problems:
        raise problems[0]
    assert pack is not None
    return pack


def read_pack(directory: Path, inherited: Shared | None = None) -> tuple[RulePack | None, list[LoadError]]:
    """A pack and every problem found in it (rule authors want them all at once), file by
    file. ``inherited``: the named selections and values of the pack it extends (read here if not given)."""
    if not directory.is_dir():
        return None, [LoadError(str(directory), "rule pack is not a directory")]
    problems: list[LoadError] = []
    meta = _read_meta(directory, problems)
    if inherited is None:
        inherited = _inherited(directory, meta)
    problems_of: dict[Path, list[LoadError]] = {file: [] for file in rule_files(directory)}
    documents = {file: document for file in problems_of
                 if (document := _rule_file(file, problems_of[file])) is not None}
    roots = manifest_sections() | ROOT_NAMES
    values = {**inherited.values, **_named_values(documents, inherited.values, problems_of)}
    own = _named_selections(documents, inherited.selections, roots, problems_of)
    names = Names(roots, selections={**inherited.selections, **own}, facts={VALUES: values})
    rules: list[Rule] = []
    defined: dict[str, str] = {}
    for file, document in documents.items():
        for index, spec in enumerate(document.data.get("rules", ())):
            where = f"/rules/{index}"
            if spec["id"] in defined:
                problems_of[file].append(LoadError(str(file), f"rule id {spec['id']} is already defined in "
                                                   f"{defined[spec['id']]}", *document.locate(f"{where}/id")))
                continue
            defined[spec["id"]] = file.name
            rule = _compile(spec, where, names, document, problems_of[file])
            if rule is not None:
                rules.append(rule)
    problems += [problem for file_problems in problems_of.values() for problem in file_problems]
    if not rules and not own and len(values) == len(inherited.values) and not problems and not meta.get("overrides"):
        problems.append(LoadError(str(directory), "no rules found (expected *.yaml rule files)"))
    pack = RulePack(name=meta.get("name", directory.name), version=str(meta.get("version", "0")), path=directory,
                    rules=tuple(rules), description=meta.get("description", ""), extends=meta.get("extends"),
                    overrides=meta.get("overrides", ()), meta_file=meta.get("file"),
                    selections={**inherited.selections, **own}, values=values)
    return pack, problems


def rule_files(directory: Path) -> list[Path]:
    return [file for file in sorted(directory.glob("*.yaml")) if file.name != PACK_FILE]


def _load(file: Path, problems: list[LoadError]) -> Document | None:
    try:
        return load_file(file)
    except LoadError as error:
        problems.append(error)
        return None


def _rule_file(file: Path, problems: list[LoadError]) -> Document | None:
    """A rule file, if it loads and is valid."""
    document = _load(file, problems)
    if document is None:
        return None
    invalid = [LoadError(str(file), f"duplicate key {d.key!r}: also on line {d.first_line}", d.line, d.column)
               for d in document.duplicate_keys]
    invalid += [LoadError(str(file), f"invalid rule file: {message} (at {pointer or '/'})", *document.locate(pointer))
                for pointer, message in schema_problems(RULE_FILE_SCHEMA, document)]
    problems.extend(invalid)
    return None if invalid else document


def _named_selections(documents: dict[Path, Document], inherited: Selections, roots: frozenset[str],
                      problems_of: dict[Path, list[LoadError]]) -> dict[str, NamedSelection]:
    """The selections the pack's files name, each checked where it is defined."""
    own: dict[str, NamedSelection] = {}
    defined_at: dict[str, tuple[Path, Document, str]] = {}
    for file, document in documents.items():
        for name, spec in (document.data.get("selections") or {}).items():
            pointer = f"/selections/{escape_pointer_token(name)}"
            line, column = document.locate(pointer)
            earlier = own.get(name) or inherited.get(name)
            if earlier is not None:
                problems_of[file].append(LoadError(str(file), f"selection {name!r} is already defined at "
                                                   f"{earlier.origin}; choose another name", line, column))
                continue
            written = {key: spec[key] for key in ("from", "listed_in", "where", "every_text") if key in spec}
            own[name] = NamedSelection(name, spec["as"], written, f"{file}:{line}")
            defined_at[name] = (file, document, pointer)
    for name, (file, document, pointer) in defined_at.items():
        try:
            check_named_selection(own[name], roots, {**inherited, **own}, pointer)
        except RuleCompileError as error:
            problems_of[file].append(LoadError(str(file), f"selection {name!r}: {error.message}",
                                               *document.locate(error.where)))
    return own


def _named_values(documents: dict[Path, Document], inherited: Mapping[str, Any],
                 problems_of: dict[Path, list[LoadError]]) -> dict[str, Any]:
    """The values the pack's files name (``values: {NAME: {source, value}}``), by name."""
    own: dict[str, Any] = {}
    defined_at: dict[str, str] = {}
    for file, document in documents.items():
        for name, spec in (document.data.get("values") or {}).items():
            line, column = document.locate(f"/values/{escape_pointer_token(name)}")
            if name in own or name in inherited:
                where = defined_at.get(name, "the pack it extends")
                problems_of[file].append(LoadError(str(file), f"value {name!r} is already named in {where}; "
                                                   "choose another name", line, column))
                continue
            own[name] = spec["value"]
            defined_at[name] = f"{file}:{line}"
    return own


def _compile(spec: dict[str, Any], where: str, names: Names, document: Document,
             problems: list[LoadError]) -> Rule | None:
    file = document.path
    try:
        checks = list(written_checks(spec["check"], f"{where}/check"))
        invalid = _row_problems(spec, checks, document)
        if invalid:
            problems.extend(invalid)
            return None
        return compile_rule(spec, checks, names, file, where)
    except RuleCompileError as error:
        problems.append(LoadError(file, f"rule {spec['id']}: {error.message}", *document.locate(error.where)))
        return None


def _row_problems(spec: dict[str, Any], checks: list[tuple[dict[str, Any], str]],
                  document: Document) -> list[LoadError]:
    """Schema problems of the checks a table's rows make (the schema could only see the
    table), each located at its row."""
    if not any("/table/rows/" in where for _, where in checks):
        return []
    # as plain JSON data: a row's pattern is text of a subclass the compiled validator refuses
    data = json.loads(json.dumps({"rules": [{**spec, "check": [check for check, _ in checks]}]}))
    problems = []
    for pointer, message in schema_problems(RULE_FILE_SCHEMA, Document(document.path, data)):
        index, _, inside = pointer.removeprefix("/rules/0/check/").partition("/")
        row = checks[int(index)][1] if index.isdigit() else checks[0][1]
        problems.append(LoadError(document.path, f"invalid rule file: {message} (at /{inside} of the check of "
                                                 f"the row at {row})", *document.locate(row)))
    return problems


def _read_meta(directory: Path, problems: list[LoadError]) -> dict[str, Any]:
    file = directory / PACK_FILE
    if not file.exists():
        return {}
    document = _load(file, problems)
    if document is None:
        return {}
    invalid = [LoadError(str(file), f"invalid pack.yaml: {message} (at {pointer or '/'})", *document.locate(pointer))
               for pointer, message in schema_problems(PACK_SCHEMA, document)]
    if invalid:
        problems.extend(invalid)
        return {}
    meta = dict(document.data)
    meta["file"] = file
    meta["overrides"] = tuple(
        Override(rule, change.get("severity"), change.get("disabled", False),
                 *document.locate(f"/overrides/{rule}"))
        for rule, change in (document.data.get("overrides") or {}).items())
    return meta


def _inherited(directory: Path, meta: dict[str, Any]) -> Shared:
    """The named selections and values of the pack this one extends (none if it cannot be
    loaded: that is reported on its own)."""
    if "extends" not in meta:
        return Shared()
    base = extended_dir(directory, meta["extends"])
    try:
        return _shared(load_rule_set([base], include_builtin=False).packs[-1]) if base.is_dir() else Shared()
    except LoadError:
        return Shared()


def _shared(pack: RulePack) -> Shared:
    return Shared(pack.selections, pack.values)


def load_rule_set(extra: list[Path] = (), include_builtin: bool = True) -> RuleSet:
    """The built-in pack (unless told otherwise) and the extra packs with what they extend,
    each pack after the packs it extends."""
    packs: list[RulePack] = []
    loaded: dict[Path, RulePack] = {}
    if include_builtin:
        _add_with_bases(builtin_pack_dir(), packs, loaded)
    for directory in extra:
        _add_with_bases(Path(directory), packs, loaded)
    return combine(packs)


def _add_with_bases(directory: Path, packs: list[RulePack], loaded: dict[Path, RulePack]) -> None:
    """Load the pack at ``directory`` and the packs it extends that are not loaded yet,
    the deepest first. The chain of ``extends`` is followed in a loop (not by recursion):
    it may be any length."""
    chain: list[tuple[Path, Path]] = []  # (folder, resolved folder): the pack, then what it extends
    on_chain: set[Path] = set()
    inherited = Shared()
    while True:
        resolved = directory.resolve()
        if resolved in loaded:
            inherited = _shared(loaded[resolved])
            break
        if resolved in on_chain:
            raise LoadError(str(directory), "packs extend each other in a loop: "
                            + " -> ".join(str(folder) for folder in (*(r for _, r in chain), resolved)))
        chain.append((directory, resolved))
        on_chain.add(resolved)
        meta = _read_meta(directory, []) if directory.is_dir() else {}
        if "extends" not in meta:
            break
        base = extended_dir(directory, meta["extends"])
        if not base.is_dir():
            raise LoadError(str(meta["file"]), f"extends {meta['extends']!r}, which is neither "
                            f"{BUILTIN_NAME} nor a rule pack folder")
        directory = base
    for directory, resolved in reversed(chain):
        pack = load_pack(directory, inherited)
        packs.append(pack)
        loaded[resolved] = pack
        inherited = _shared(pack)


def combine(packs: list[RulePack]) -> RuleSet:
    """Rules of the packs in order: each pack's overrides change earlier packs' rules."""
    rules: dict[str, Rule] = {}
    owner: dict[str, RulePack] = {}
    folder_of = {id(pack): pack.path.resolve() for pack in packs}
    base_of = {folder_of[id(pack)]: _resolved_base(pack) for pack in packs}
    for pack in packs:
        for override in pack.overrides:
            definer = owner.get(override.rule)
            if definer is None or not _extends(folder_of[id(pack)], folder_of[id(definer)], base_of):
                raise LoadError(str(pack.meta_file), f"override of {override.rule}, which no pack it extends defines",
                                override.line, override.column)
            if override.disabled and override.rule in rules and rules[override.rule].mandatory:
                raise LoadError(str(pack.meta_file), f"{override.rule} is mandatory: no pack may disable it",
                                override.line, override.column)
            if override.disabled:
                rules.pop(override.rule, None)
            elif override.rule in rules:
                rules[override.rule] = replace(rules[override.rule], severity=override.severity)
        for rule in pack.rules:
            if rule.id in owner:
                raise LoadError(rule.file, f"rule id {rule.id} is already defined by pack {owner[rule.id].name} "
                                           f"({owner[rule.id].path})")
            owner[rule.id] = pack
            rules[rule.id] = rule
    return RuleSet(packs=tuple(packs), rules=tuple(rules.values()), known_ids=tuple(owner))


def _resolved_base(pack: RulePack) -> Path | None:
    base = pack.base_dir()
    return None if base is None else base.resolve()


def _extends(folder: Path, ancestor: Path, base_of: dict[Path, Path | None]) -> bool:
    """Whether the pack in ``folder`` extends the one in ``ancestor``, directly or through
    others: the only packs whose rules it may override. Checked per override, by walking
    the chain of bases (resolved once per pack), so a long chain costs no more than its length."""
    base = base_of.get(folder)
    for _ in range(len(base_of)):  # a chain is never longer than the packs there are
        if base is None or base == ancestor:
            return base == ancestor
        base = base_of.get(base)
    return False
