"""Rule packs as loaded: a pack folder's rules and settings (``RulePack``), and the rules
one run evaluates, combined from every pack (``RuleSet``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Mapping

from ..language.compiler import NamedSelection
from .rule import Rule

PACK_FILE = "pack.yaml"
FIXTURES_DIR = "fixtures"
BUILTIN_NAME = "hkai-guideline"


@dataclass(frozen=True)
class Override:
    """A change a pack makes to a rule it does not own: a new severity, or disabling it."""

    rule: str
    severity: str | None
    disabled: bool
    line: int
    column: int


@dataclass(frozen=True)
class RulePack:
    name: str
    version: str
    path: Path
    rules: tuple[Rule, ...]
    description: str = ""
    extends: str | None = None
    overrides: tuple[Override, ...] = ()
    meta_file: Path | None = None
    selections: Mapping[str, NamedSelection] = field(default_factory=dict)  # its own and those it extends'
    values: Mapping[str, Any] = field(default_factory=dict)  # its named values and those it extends', by name

    @property
    def rule_ids(self) -> list[str]:
        return [rule.id for rule in self.rules]

    def base_dir(self) -> Path | None:
        """The folder of the pack this one extends."""
        return None if self.extends is None else extended_dir(self.path, self.extends)


def extended_dir(directory: Path, extends: str) -> Path:
    """The folder of the pack named by ``extends`` in the pack at ``directory``."""
    return builtin_pack_dir() if extends == BUILTIN_NAME else (directory / extends).resolve()


def builtin_pack_dir() -> Path:
    """The guideline pack: shipped in the wheel, or ``rules/`` beside a source checkout."""
    package = Path(__file__).resolve().parent.parent
    installed = package / "builtin_rules"
    return installed if installed.is_dir() else package.parent / "rules"


@dataclass(frozen=True)
class RuleSet:
    """The rules a run evaluates: the built-in pack, then each extra pack (after the packs
    it extends), with the packs' overrides applied, then the run's selection.

    ``known_ids`` keeps every loaded rule id, so a waiver for a rule that is disabled or
    ignored in this run is not reported as naming an unknown rule.
    """

    packs: tuple[RulePack, ...]
    rules: tuple[Rule, ...]
    known_ids: tuple[str, ...] = field(default=())

    @property
    def name(self) -> str:
        return self.packs[0].name

    @property
    def version(self) -> str:
        return self.packs[0].version

    @cached_property
    def reviewer_waivable(self) -> frozenset[str]:
        """The rules whose findings only a reviewer's waiver waives (``waivable: reviewer``)."""
        return frozenset(rule.id for rule in self.rules if rule.waivable == "reviewer")

    @property
    def rule_ids(self) -> list[str]:
        return [rule.id for rule in self.rules]
