"""Load a rule pack: a folder of YAML rule files, validated and compiled once."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .language import RuleCompileError
from .loader import LoadError, load_file
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
