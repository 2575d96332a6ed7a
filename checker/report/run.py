"""The outcome of one ``hkai check`` run: every manifest's result, and what they add up to."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .model import ManifestResult
from .model import SEVERITIES
from ..packs.model import RuleSet

if TYPE_CHECKING:  # a baseline is read only when one is asked for
    from ..evaluation.baseline import BaselineOutcome

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


@dataclass(frozen=True)
class Summary:
    manifests: int
    passed: int
    failed: int
    errors: int
    findings: dict[str, int]  # findings that count (not waived, not baselined) by severity
    waived: int
    baselined: int


@dataclass(frozen=True)
class Run:
    results: list[ManifestResult]
    pack: RuleSet
    fail_on: str
    lang: str
    today: str
    baseline: BaselineOutcome | None = None

    def summary(self) -> Summary:
        statuses = [result.status(self.fail_on) for result in self.results]
        counts = dict.fromkeys(SEVERITIES, 0)
        waived = baselined = 0
        for result in self.results:
            for finding in result.findings:
                if finding.counts:
                    counts[finding.severity] += 1
                elif finding.waived:
                    waived += 1
                else:
                    baselined += 1
        return Summary(manifests=len(self.results), passed=statuses.count("pass"), failed=statuses.count("fail"),
                       errors=statuses.count("error"), findings=counts, waived=waived, baselined=baselined)

    def exit_code(self) -> int:
        summary = self.summary()
        if summary.errors:
            return EXIT_ERROR
        return EXIT_FINDINGS if summary.failed else EXIT_OK
