"""The record every check produces and every reporter renders."""

from __future__ import annotations

from dataclasses import dataclass, field

SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"info": 1, "warning": 2, "error": 3}
PRINCIPLES = ("consent", "disclosure", "credit", "compensation", "data", "integrity")


@dataclass(frozen=True)
class Waiver:
    """Why a finding does not count: who granted the exception, and until when."""

    reason: dict[str, str]  # by language
    approved_by: str | None
    expires_on: str | None
    source: str = "manifest"  # manifest (the producer's own claim) or reviewer (a waivers file)
    key: str | None = None  # a reviewer waiver's file#pointer, to tell which were used


@dataclass(frozen=True)
class Finding:
    rule: str
    principle: str
    severity: str
    message: dict[str, str]  # by language: en, zh
    fix: dict[str, str]
    pointer: str  # JSON Pointer of the node the finding is about
    line: int
    column: int
    target: str | None = None  # id of the record the finding is about
    waiver: Waiver | None = field(default=None, compare=False)
    baselined: bool = field(default=False, compare=False)  # known from a baseline file
    claim: Waiver | None = field(default=None, compare=False)  # a manifest waiver not accepted (trusted mode)

    @property
    def waived(self) -> bool:
        return self.waiver is not None

    @property
    def counts(self) -> bool:
        """Whether the finding counts against the run: neither waived nor baselined."""
        return self.waiver is None and not self.baselined

    def sort_key(self) -> tuple:
        return (self.line, self.column, self.rule, self.pointer, self.message.get("en", ""))
