"""Waivers: exceptions that stop matching findings from counting.

A manifest's own ``waivers:`` are the producer's claim. A reviewing body issues waivers in
a separate file (``--waivers``); with ``--trusted-waivers-only`` only those waive, and a
manifest's waivers are shown as claimed, not accepted. Problems of waivers (expired,
unknown rule or record, unused) are rules of the pack (INT-003, INT-004, INT-008), which
judge a manifest's waivers and, through checks written for them, reviewers' files.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ..text import LANGUAGES
from ..text.values import pick
from ..packs.model import RuleSet
from ..report.model import Finding, ManifestResult, WaiversFileResult, Waiver
from .engine import evaluate_waivers_file
from .source import source_lines
from ..reading.yaml_loader import Document, LoadError, load_file
from ..reading.schema import WAIVERS_SCHEMA, schema_problems

EVERYTHING = "*"


@dataclass(frozen=True)
class ReviewWaiver:
    """One entry of a reviewer's waivers file, and where it is written."""

    rule: str
    production: str
    target: str
    reason: Any
    approved_by: str
    approved_on: str
    expires_on: str | None
    file: str
    pointer: str
    line: int
    column: int

    def as_waiver(self) -> Waiver:
        return _waiver(self.__dict__, source="reviewer", key=self.key)

    @property
    def key(self) -> str:
        """Where the waiver is written (file#pointer): how a run tells which waivers were used."""
        return f"{self.file}#{self.pointer}"


def is_expired(waiver: dict[str, Any] | ReviewWaiver, today: str) -> bool:
    expires_on = waiver.expires_on if isinstance(waiver, ReviewWaiver) else waiver.get("expires_on")
    return isinstance(expires_on, str) and expires_on < today


def in_force(waiver: dict[str, Any] | ReviewWaiver, today: str) -> bool:
    """Whether a waiver can waive anything: someone approved it and it has not expired.
    (INT-007 and INT-004 report the others.)"""
    approved_by = waiver.approved_by if isinstance(waiver, ReviewWaiver) else waiver.get("approved_by")
    return isinstance(approved_by, str) and approved_by != "" and not is_expired(waiver, today)


@dataclass(frozen=True)
class ReviewWaiversFile:
    """A reviewer's waivers file: the document (to locate findings about it) and its waivers."""

    document: Document
    waivers: tuple[ReviewWaiver, ...]


def load_review_waivers(path: Path) -> ReviewWaiversFile:
    return read_review_waivers(load_file(path))


def read_review_waivers(document: Document) -> ReviewWaiversFile:
    """The waivers of a reviewer's waivers file; a LoadError for its first problem (a
    waiver that silently went missing would make findings count again unnoticed)."""
    for duplicate in document.duplicate_keys:
        raise LoadError(document.path, f"duplicate key {duplicate.key!r}: also on line {duplicate.first_line}",
                        duplicate.line, duplicate.column)
    for pointer, message in schema_problems(WAIVERS_SCHEMA, document):
        raise LoadError(document.path, f"invalid waivers file: {message} (at {pointer or '/'})",
                        *document.locate(pointer))
    return ReviewWaiversFile(document, tuple(ReviewWaiver(**{key: entry.get(key) for key in (
        "rule", "production", "target", "reason", "approved_by", "approved_on", "expires_on")},
        file=document.path, pointer=f"/waivers/{index}", line=document.locate(f"/waivers/{index}")[0],
        column=document.locate(f"/waivers/{index}")[1])
        for index, entry in enumerate(document.data["waivers"])))


def apply_waivers(findings: list[Finding], production: str | None, manifest_waivers: list[dict[str, Any]],
                  review_waivers: tuple[ReviewWaiver, ...], today: str, trusted_only: bool,
                  reviewer_only: frozenset[str] = frozenset()) -> list[Finding]:
    """Waive findings matched (same rule; same target or ``*``) by a waiver in force: a
    reviewer's first, then the manifest's own unless only trusted waivers count. Findings
    of the ``reviewer_only`` rules (``waivable: reviewer``, such as those about waivers)
    only a reviewer's waiver waives: a manifest cannot excuse its own waivers."""
    reviewed = [w for w in review_waivers if w.production in (production, EVERYTHING) and in_force(w, today)]
    faulted = _faulted_waivers(findings)
    claimed = [(f"#/waivers/{index}", w) for index, w in enumerate(manifest_waivers)
               if in_force(w, today) and index not in faulted]
    if not reviewed and not claimed:
        return findings
    result = []
    for finding in findings:
        review = next((w for w in reviewed if _matches(w.rule, w.target, finding)), None)
        claim = None if finding.rule in reviewer_only else next(
            ((key, w) for key, w in claimed if _matches(w["rule"], w["target"], finding)), None)
        if review is not None:
            finding = replace(finding, waiver=review.as_waiver())
        elif claim is not None and trusted_only:
            finding = replace(finding, claim=_waiver(claim[1], source="manifest", key=claim[0]))
        elif claim is not None:
            finding = replace(finding, waiver=_waiver(claim[1], source="manifest", key=claim[0]))
        result.append(finding)
    return result


def _faulted_waivers(findings: list[Finding]) -> set[int]:
    """The manifest's waivers an error finding is about (at the waiver or inside it: an
    approver left as a placeholder, a rule it cannot waive): an unfinished or faulty waiver
    waives nothing, whichever rule found the fault."""
    faulted = set()
    for finding in findings:
        if finding.severity == "error" and finding.pointer.startswith("/waivers/"):
            index = finding.pointer.split("/")[2]
            if index.isdigit():
                faulted.add(int(index))
    return faulted


def _matches(rule: str, target: str, finding: Finding) -> bool:
    return rule == finding.rule and target in (finding.target, EVERYTHING)


def _waiver(entry: dict[str, Any], source: str, key: str | None = None) -> Waiver:
    return Waiver(reason={lang: pick(entry.get("reason"), lang) or "" for lang in LANGUAGES},
                  approved_by=entry.get("approved_by"), expires_on=entry.get("expires_on"), source=source, key=key)


def review_waivers_files(files: list[ReviewWaiversFile], results: list[ManifestResult], rule_set: RuleSet,
                         today: str, source_context: int | None = 0) -> list[WaiversFileResult]:
    """Each reviewer's waivers file, judged by the checks the rule set writes for waivers
    files, over the facts this run established about each waiver: whether it waived a
    finding (``used``), whether its production was checked and that production's record ids."""
    used = {f.waiver.key for result in results for f in result.findings if f.waiver and f.waiver.source == "reviewer"}
    records = {result.production["id"]: result.record_ids for result in results
               if result.schema_valid and result.production}
    judged = []
    for file in files:
        entries = [{**entry, "used": waiver.key in used,
                    "production_checked": waiver.production in records,
                    "production_records": records.get(waiver.production, [])}
                   for entry, waiver in zip(file.document.data["waivers"], file.waivers)]
        findings = evaluate_waivers_file(rule_set, file.document, entries, today)
        judged.append(WaiversFileResult(path=file.document.path, findings=findings, waivers=len(entries),
                                        used=sum(entry["used"] for entry in entries),
                                        source=source_lines(file.document.text, findings, source_context)
                                        if source_context is not None else {}))
    return judged
