"""Reading rule packs: folders of YAML rule files, validated and compiled once, and the
rule set of a run (the built-in pack, then packs with the packs they extend, overrides applied)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from ..language.compiler import RuleCompileError
from ..reading.yaml_loader import Document, LoadError, load_file
from .model import BUILTIN_NAME, PACK_FILE, Override, RulePack, RuleSet, builtin_pack_dir
from .rule import Rule, compile_rule
from ..reading.schema import PACK_SCHEMA, RULE_FILE_SCHEMA, manifest_sections, schema_problems

ROOT_NAMES = frozenset({"checker"})  # besides the manifest's sections: run facts (today, rule ids)


def load_pack(directory: Path | None = None) -> RulePack:
    """A pack, or a LoadError for its first problem."""
    pack, problems = read_pack(directory or builtin_pack_dir())
    if problems:
        raise problems[0]
    assert pack is not None
    return pack


def read_pack(directory: Path) -> tuple[RulePack | None, list[LoadError]]:
    """A pack and every problem found in it (rule authors want them all at once)."""
    if not directory.is_dir():
        return None, [LoadError(str(directory), "rule pack is not a directory")]
    problems: list[LoadError] = []
    meta = _read_meta(directory, problems)
    rules: list[Rule] = []
    defined: dict[str, str] = {}
    roots = manifest_sections() | ROOT_NAMES
    for file in rule_files(directory):
        document = _load(file, problems)
        if document is None:
            continue
        invalid = [LoadError(str(file), f"duplicate key {d.key!r}: also on line {d.first_line}", d.line, d.column)
                   for d in document.duplicate_keys]
        invalid += [LoadError(str(file), f"invalid rule file: {message} (at {pointer or '/'})", *document.locate(pointer))
                    for pointer, message in schema_problems(RULE_FILE_SCHEMA, document)]
        problems.extend(invalid)
        if invalid:
            continue
        for index, spec in enumerate(document.data["rules"]):
            where = f"/rules/{index}"
            if spec["id"] in defined:
                problems.append(LoadError(str(file), f"rule id {spec['id']} is already defined in {defined[spec['id']]}",
                                          *document.locate(f"{where}/id")))
                continue
            defined[spec["id"]] = file.name
            try:
                rules.append(compile_rule(spec, roots, str(file), where))
            except RuleCompileError as error:
                problems.append(LoadError(str(file), f"rule {spec['id']}: {error.message}", *document.locate(error.where)))
    if not rules and not problems and not meta.get("overrides"):
        problems.append(LoadError(str(directory), "no rules found (expected *.yaml rule files)"))
    pack = RulePack(name=meta.get("name", directory.name), version=str(meta.get("version", "0")), path=directory,
                    rules=tuple(rules), description=meta.get("description", ""), extends=meta.get("extends"),
                    overrides=meta.get("overrides", ()), meta_file=meta.get("file"))
    return pack, problems


def rule_files(directory: Path) -> list[Path]:
    return [file for file in sorted(directory.glob("*.yaml")) if file.name != PACK_FILE]


def _load(file: Path, problems: list[LoadError]) -> Document | None:
    try:
        return load_file(file)
    except LoadError as error:
        problems.append(error)
        return None


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


def load_rule_set(extra: list[Path] = (), include_builtin: bool = True) -> RuleSet:
    """The built-in pack (unless told otherwise) and the extra packs with what they extend."""
    packs: list[RulePack] = []
    loaded: set[Path] = set()

    def add(directory: Path, extending: tuple[Path, ...]) -> None:
        resolved = directory.resolve()
        if resolved in loaded:
            return
        if resolved in extending:
            raise LoadError(str(directory), "packs extend each other in a loop: "
                            + " -> ".join(str(p) for p in (*extending, resolved)))
        pack = load_pack(directory)
        base = pack.base_dir()
        if base is not None:
            if not base.is_dir():
                raise LoadError(str(pack.meta_file), f"extends {pack.extends!r}, which is neither "
                                f"{BUILTIN_NAME} nor a rule pack folder")
            add(base, (*extending, resolved))
        packs.append(pack)
        loaded.add(resolved)

    if include_builtin:
        add(builtin_pack_dir(), ())
    for directory in extra:
        add(Path(directory), ())
    return combine(packs)


def combine(packs: list[RulePack]) -> RuleSet:
    """Rules of the packs in order: each pack's overrides change earlier packs' rules."""
    rules: dict[str, Rule] = {}
    owner: dict[str, RulePack] = {}
    by_folder = {pack.path.resolve(): pack for pack in packs}
    for pack in packs:
        inherited = {rule.id for ancestor in _ancestors(pack, by_folder) for rule in ancestor.rules}
        for override in pack.overrides:
            if override.rule not in inherited:
                raise LoadError(str(pack.meta_file), f"override of {override.rule}, which no pack it extends defines",
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


def _ancestors(pack: RulePack, by_folder: dict[Path, RulePack]) -> list[RulePack]:
    """The packs ``pack`` extends, directly or through others: the only rules it may override."""
    found = []
    base = pack.base_dir()
    while base is not None and base.resolve() in by_folder and len(found) < len(by_folder):
        found.append(by_folder[base.resolve()])
        base = found[-1].base_dir()
    return found
