"""The report model: the findings every check produces, each manifest's result, and the
report of a whole check, which every output format renders."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

if TYPE_CHECKING:
    from ..evaluation.baseline import BaselineOutcome  # a baseline is read only when one is asked for
    from ..packs.model import RuleSet
    from ..reading.yaml_loader import LoadError

SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"info": 1, "warning": 2, "error": 3}
FAIL_ON = (*SEVERITIES, "never")  # the lowest unwaived severity that fails a run, or never
PRINCIPLES = ("consent", "disclosure", "credit", "compensation", "data", "integrity")


@dataclass(frozen=True)
class Waiver:
    """Why a finding does not count: who granted the exception, and until when."""

    reason: dict[str, str]  # by language
    approved_by: str | None
    expires_on: str | None
    source: str = "manifest"  # manifest (the producer's own claim) or reviewer (a waivers file)
    # Where the waiver is written: a reviewer's as file#pointer (to tell which were used), a
    # manifest's own as #pointer in that manifest.
    key: str | None = None


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
    # The records the finding is about: the keys (JSON Pointers) of its target and of each
    # record its check's ``for_each`` bound that its target, node or message name, sorted.
    # With the rule and the node, what tells one finding from another; never the message.
    records: tuple[str, ...] = ()
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

    @property
    def identity(self) -> tuple[str, str, tuple[str, ...]]:
        """What makes a finding one: two checks of a rule that report the same records
        at the same node report one finding, two people who share a name two."""
        return (self.rule, self.pointer, self.records)

    def sort_key(self) -> tuple:
        return (self.line, self.column, self.rule, self.pointer, self.message.get("en", ""))


@dataclass(frozen=True)
class SourceLine:
    """A line of a document a finding points at (or one around it), as written, for the
    reports that quote it: the whole line, or of a very long one the part around the findings
    on it (or its start)."""

    text: str
    start: int = 0  # the index in the line of the first character of ``text``
    length: int | None = None  # the whole line's length in characters, when ``text`` is only part of it

    @property
    def cut_after(self) -> bool:
        return self.length is not None and self.start + len(self.text) < self.length


@dataclass
class DocumentResult:
    """What checking one document found."""

    path: str
    findings: list[Finding] = field(default_factory=list)
    error: LoadError | None = None  # the document could not be read
    # The lines the findings point at and the few around them the run's formats quote, by line
    # number: only those, to stay small when results come back from parallel workers.
    source: dict[int, SourceLine] = field(default_factory=dict)

    def status(self, fail_on: str) -> str:
        if self.error is not None:
            return "error"
        return "fail" if any(counts_against(f, fail_on) for f in self.findings) else "pass"

    def counted(self) -> dict[str, int]:
        """How many findings that count (neither waived nor baselined) it has of each severity."""
        counts = dict.fromkeys(SEVERITIES, 0)
        for finding in self.findings:
            if finding.counts:
                counts[finding.severity] += 1
        return counts


@dataclass
class ManifestResult(DocumentResult):
    kind: ClassVar[str] = "manifest"
    production: dict[str, Any] | None = None  # id and title, when the manifest has them
    declared_level: str | None = None
    derived_level: str | None = None
    rules_evaluated: list[str] = field(default_factory=list)
    schema_valid: bool = False
    record_ids: list[str] = field(default_factory=list)  # every record id, for checking waivers against
    # Other files of the run with this production id: until that is resolved, whose
    # production a reviewer's waiver or a baseline entry means is unknown.
    same_production_in: tuple[str, ...] = ()
    # With --verify-evidence: each consent document's consent, file, status and digest match.
    evidence: list[dict[str, Any]] | None = None


@dataclass
class WaiversFileResult(DocumentResult):
    """A reviewer's waivers file, reported on line by line like a manifest. (One that cannot
    be read or is not valid stops the run: its waivers would silently be missing.)"""

    kind: ClassVar[str] = "waivers"
    waivers: int = 0  # how many waivers it holds
    used: int = 0  # how many of them waived a finding of this run
    # What a report shows for the manifest's parts a waivers file does not have.
    production: ClassVar[None] = None
    declared_level: ClassVar[None] = None
    derived_level: ClassVar[None] = None
    rules_evaluated: ClassVar[tuple[str, ...]] = ()
    schema_valid: ClassVar[bool] = True
    evidence: ClassVar[None] = None


def counts_against(finding: Finding, fail_on: str) -> bool:
    """Whether a finding fails the run at the given --fail-on threshold."""
    return (finding.counts and fail_on != "never"
            and SEVERITY_RANK[finding.severity] >= SEVERITY_RANK[fail_on])


EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


@dataclass(frozen=True)
class WaiversFileSummary:
    """A reviewer's waivers file in a run's summary: its own line, never counted as a manifest."""

    path: str
    status: str
    waivers: int
    used: int
    findings: dict[str, int]  # its findings that count, by severity


@dataclass(frozen=True)
class Summary:
    """What a run adds up to. ``manifests``, ``passed``, ``failed`` and ``errors`` count
    productions; ``findings``, ``waived`` and ``baselined`` count the findings of every
    document, reviewers' waivers files included."""

    manifests: int
    passed: int
    failed: int
    errors: int
    findings: dict[str, int]  # findings that count (not waived, not baselined) by severity
    waived: int
    baselined: int
    no_manifest_in: list[str]  # folders named on the command line that hold no manifest
    skipped_folders: list[str]  # folders a search skipped (hidden, node_modules, .venv) that hold a manifest
    skipped_yaml_files: list[str]  # YAML files in a searched folder that are not named as manifests
    ignored_by_gitignore: list[str]  # manifests a .gitignore ignores (--respect-gitignore)
    waivers_files: list[WaiversFileSummary]  # reviewers' waivers files (--waivers)


@dataclass(frozen=True)
class Report:
    """What one check found: every document's result, and what they add up to.

    ``stopped`` says why nothing was checked or reported when an input the whole run
    depends on (a rule pack, a reviewer's waivers file, a baseline) could not be used.
    """

    results: list[ManifestResult]
    rule_set: RuleSet | None
    fail_on: str
    lang: str
    today: str
    baseline: BaselineOutcome | None = None
    baseline_written: int | None = None  # findings written to a new baseline
    stopped: str | None = None
    waiver_files: list[WaiversFileResult] = field(default_factory=list)
    draft: bool = False  # a draft run (hkai check --draft): every format says so
    redaction: Any = None  # checker.redaction.Redaction when personal data is replaced by pseudonyms
    source_root: str | None = None  # --root: the folder sarif and gitlab locations are relative to
    no_manifest_in: tuple[str, ...] = ()  # folders named on the command line that hold no manifest (exit 2)
    skipped_folders: tuple[str, ...] = ()  # folders a search skipped that hold a manifest
    skipped_yaml_files: tuple[str, ...] = ()  # YAML files in a searched folder not named as manifests
    ignored_by_gitignore: tuple[str, ...] = ()  # manifests a .gitignore ignores (--respect-gitignore)

    @property
    def documents(self) -> list[DocumentResult]:
        """Every document reported on: the manifests, then reviewers' waivers files."""
        return [*self.results, *self.waiver_files]

    def summary(self) -> Summary:
        statuses = [result.status(self.fail_on) for result in self.results]
        counts = dict.fromkeys(SEVERITIES, 0)
        waived = baselined = 0
        for result in self.documents:
            for finding in result.findings:
                if finding.counts:
                    counts[finding.severity] += 1
                elif finding.waived:
                    waived += 1
                else:
                    baselined += 1
        return Summary(manifests=len(self.results), passed=statuses.count("pass"), failed=statuses.count("fail"),
                       errors=statuses.count("error"), findings=counts, waived=waived, baselined=baselined,
                       no_manifest_in=list(self.no_manifest_in), skipped_folders=list(self.skipped_folders),
                       skipped_yaml_files=list(self.skipped_yaml_files),
                       ignored_by_gitignore=list(self.ignored_by_gitignore),
                       waivers_files=[WaiversFileSummary(path=file.path, status=file.status(self.fail_on),
                                                         waivers=file.waivers, used=file.used,
                                                         findings=file.counted())
                                      for file in self.waiver_files])

    def exit_code(self) -> int:
        if self.stopped is not None:
            return EXIT_ERROR
        summary = self.summary()
        if summary.errors or summary.no_manifest_in:
            return EXIT_ERROR
        failed = summary.failed or any(file.status == "fail" for file in summary.waivers_files)
        return EXIT_FINDINGS if failed else EXIT_OK
