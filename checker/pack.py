"""Load a rule pack: a folder of YAML rule files, validated and compiled once."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from .language import RuleCompileError
from .loader import LoadError, load_file
from .finding import PRINCIPLES
from .rules import Rule, compile_rule
from .schema import RULE_FILE_SCHEMA, manifest_sections, schema_problems

PACK_FILE = "pack.yaml"
ROOT_NAMES = frozenset({"checker"})  # besides the manifest's sections: run facts (today, rule ids)


@dataclass(frozen=True)
class RulePack:
    name: str
    version: str
    path: Path
    rules: tuple[Rule, ...]

    @property
    def rule_ids(self) -> list[str]:
        return [rule.id for rule in self.rules]

    @property
    def known_ids(self) -> tuple[str, ...]:
        return tuple(self.rule_ids)


def builtin_pack_dir() -> Path:
    """The guideline pack: shipped in the wheel, or ``rules/`` beside a source checkout."""
    package = Path(__file__).resolve().parent
    installed = package / "builtin_rules"
    return installed if installed.is_dir() else package.parent / "rules"


def load_pack(directory: Path | None = None) -> RulePack:
    directory = directory or builtin_pack_dir()
    meta = _pack_meta(directory)
    rules: list[Rule] = []
    seen: dict[str, str] = {}
    roots = manifest_sections() | ROOT_NAMES
    for file in sorted(directory.glob("*.yaml")):
        if file.name == PACK_FILE:
            continue
        document = load_file(file)
        for pointer, message in schema_problems(RULE_FILE_SCHEMA, document):
            raise LoadError(str(file), f"invalid rule file: {message} (at {pointer or '/'})", *document.locate(pointer))
        for index, spec in enumerate(document.data["rules"]):
            where = f"/rules/{index}"
            if spec["id"] in seen:
                raise LoadError(str(file), f"rule id {spec['id']} is already defined in {seen[spec['id']]}",
                                *document.locate(f"{where}/id"))
            seen[spec["id"]] = file.name
            try:
                rules.append(compile_rule(spec, roots, str(file), where))
            except RuleCompileError as error:
                raise LoadError(str(file), f"rule {spec['id']}: {error.message}", *document.locate(error.where)) from None
    if not rules:
        raise LoadError(str(directory), "no rules found (expected *.yaml rule files)")
    return RulePack(name=meta.get("name", directory.name), version=str(meta.get("version", "0")),
                    path=directory, rules=tuple(rules))


def _pack_meta(directory: Path) -> dict:
    if not directory.is_dir():
        raise LoadError(str(directory), "rule pack is not a directory")
    file = directory / PACK_FILE
    if not file.exists():
        return {}
    data = load_file(file).data
    if not isinstance(data, dict):
        raise LoadError(str(file), "pack.yaml must be a mapping with name and version", 1, 1)
    return data


@dataclass(frozen=True)
class RuleSet:
    """The rules a run evaluates: the built-in pack plus any extra packs, after selection.

    ``known_ids`` keeps every loaded rule id, so a waiver for a rule that is ignored in
    this run is not reported as naming an unknown rule.
    """

    packs: tuple[RulePack, ...]
    rules: tuple[Rule, ...]
    known_ids: tuple[str, ...]

    @property
    def name(self) -> str:
        return self.packs[0].name

    @property
    def version(self) -> str:
        return self.packs[0].version

    @property
    def rule_ids(self) -> list[str]:
        return [rule.id for rule in self.rules]


def load_rule_set(extra: list[Path] = ()) -> RuleSet:
    """The built-in pack and the extra packs, in order; a rule id may be defined once."""
    packs = [load_pack()] + [load_pack(Path(path)) for path in extra]
    rules: list[Rule] = []
    owner: dict[str, RulePack] = {}
    for pack in packs:
        for rule in pack.rules:
            if rule.id in owner:
                raise LoadError(rule.file, f"rule id {rule.id} is already defined by pack {owner[rule.id].name} "
                                           f"({owner[rule.id].path})")
            owner[rule.id] = pack
            rules.append(rule)
    return RuleSet(packs=tuple(packs), rules=tuple(rules), known_ids=tuple(owner))


def select_rules(rule_set: RuleSet, select: list[str], ignore: list[str], severity: dict[str, str]) -> RuleSet:
    """Keep the rules matched by ``select`` (all when empty) and not by ``ignore``, with
    severities overridden per rule id. A selector is a rule id, an id prefix such as
    ``DIS-``, or a principle name."""
    for selector in [*select, *ignore]:
        if not any(_matches(rule, selector) for rule in rule_set.rules) and selector not in PRINCIPLES:
            raise ValueError(f"{selector!r} matches no rule id, id prefix or principle")
    for rule_id in severity:
        if rule_id not in rule_set.known_ids:
            raise ValueError(f"severity override for unknown rule {rule_id!r}")
    rules = tuple(
        replace(rule, severity=severity.get(rule.id, rule.severity)) for rule in rule_set.rules
        if (not select or any(_matches(rule, s) for s in select)) and not any(_matches(rule, s) for s in ignore)
    )
    return replace(rule_set, rules=rules)


def _matches(rule: Rule, selector: str) -> bool:
    return (selector in (rule.id, rule.principle)
            or rule.id.startswith(selector if selector.endswith("-") else selector + "-"))
