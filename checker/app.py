"""The application: one function runs a whole check, from paths and settings to a report.

The command line, the GitHub Action and pre-commit (through the command line), the tests
and any program using hkai as a library call ``check``. A file that cannot be read or is
not valid comes back inside the report, as data; only invalid settings raise.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO, Sequence, TypeVar

from .evaluation.batch import check_paths
from .evaluation.manifest import CheckOptions
from .evaluation.waivers import load_review_waivers, review_waivers_files
from .packs.loading import load_rule_set
from .packs.model import RuleSet
from .packs.selection import in_draft, select_rules
from .reading.discovery import Discovery, GitIgnoreError, discover
from .reading.yaml_fast_path import load_manifest_text
from .reading.yaml_loader import Document, LoadError, read_stream
from .report import QUOTED_CONTEXT
from .report.model import ManifestResult, Report
from .report.safe_text import visible
from .settings import Settings, SettingsError
from .text import say

_PathOrText = TypeVar("_PathOrText", Path, str)
STDIN = "-"  # the path that stands for a manifest read from standard input
STDIN_NAME = "<stdin>"  # its location in reports, unless --stdin-filename names it


def check(paths: Sequence[str | Path], settings: Settings | None = None, stdin: BinaryIO | None = None) -> Report:
    """Check the manifests at ``paths`` (files, or folders searched for manifest.yaml;
    ``-``: the manifest read from ``stdin``, by default standard input)."""
    settings = settings or Settings()
    arguments = [str(path) for path in paths]
    _check_stdin_settings(STDIN in arguments, settings)
    try:
        rule_set = load_rule_set(list(settings.extra_rules))
        waivers_files = [load_review_waivers(path) for path in settings.review_waivers]
    except LoadError as error:
        return _stopped(str(error), None, settings)
    try:
        rule_set = select_rules(rule_set, list(settings.select), list(settings.ignore), dict(settings.severity))
        if settings.draft:
            rule_set = in_draft(rule_set)
    except ValueError as error:
        sources = sorted({settings.sources.get(key, "default") for key in ("select", "ignore", "severity")}
                         - {"default"})
        raise SettingsError(f"{error} ({', '.join(sources)})") from None
    options = CheckOptions(today=settings.today, max_bytes=settings.max_file_size, max_nodes=settings.max_nodes,
                           review_waivers=tuple(waiver for file in waivers_files for waiver in file.waivers),
                           trusted_waivers_only=settings.trusted_waivers_only, verify_evidence=settings.verify_evidence,
                           source_context=_quoted_context(settings))
    try:
        found = discover([argument for argument in arguments if argument != STDIN],
                         (*settings.exclude, *settings.extend_exclude), settings.manifest_globs,
                         settings.respect_gitignore)
    except GitIgnoreError as error:
        return _stopped(f"--respect-gitignore: {error}", rule_set, settings)
    manifests = _not_waivers(found.manifests, settings)  # a waivers file is reported on as one, not as a manifest
    if not manifests and not found.problems and STDIN not in arguments:
        return _stopped(_no_manifest(found, settings.message_lang), rule_set, settings)
    stdin_documents: list[Document] = []
    unreadable_stdin: list[ManifestResult] = []
    if STDIN in arguments:
        try:
            stdin_documents.append(_read_standard_input(stdin or sys.stdin.buffer, options, settings))
        except LoadError as error:
            unreadable_stdin.append(ManifestResult(path=error.path, error=error))
    results = check_paths(manifests, rule_set, options, settings.jobs, documents=stdin_documents)
    results += unreadable_stdin
    results += [ManifestResult(path=path, error=LoadError(path, problem)) for path, problem in found.problems]
    waiver_files = review_waivers_files(waivers_files, results, rule_set, settings.today, options.source_context)
    report = Report(results=results, rule_set=rule_set, fail_on=settings.fail_on, lang=settings.lang,
                    today=settings.today, waiver_files=waiver_files, draft=settings.draft,
                    source_root=_source_root(settings), no_manifest_in=tuple(found.no_manifest_in),
                    skipped_folders=tuple(found.skipped_folders),
                    ignored_by_gitignore=tuple(found.ignored_by_gitignore),
                    skipped_yaml_files=tuple(_not_waivers(found.other_yaml, settings)))
    report = _with_baseline(report, settings)
    if not settings.redact:
        return report
    return _redacted(report, settings, [file.document.data for file in waivers_files],
                     [document.data for document in stdin_documents])


def _stopped(why: str, rule_set: RuleSet | None, settings: Settings) -> Report:
    """A report of nothing checked, saying why (an input the whole run depends on)."""
    return Report(results=[], rule_set=rule_set, fail_on=settings.fail_on, lang=settings.lang, today=settings.today,
                  draft=settings.draft, source_root=_source_root(settings), stopped=why)


def _quoted_context(settings: Settings) -> int | None:
    """How many lines around a finding's line the run's reports quote; None when none quotes
    a line: a redacted report never does, nor the terminal report with --no-show-source or
    --statistics."""
    if settings.redact:
        return None
    quoting = [QUOTED_CONTEXT[output.format] for output in settings.outputs if output.format in QUOTED_CONTEXT
               and (output.format != "rich" or (settings.show_source and not settings.statistics))]
    return max(quoting, default=None)


def _check_stdin_settings(reads_stdin: bool, settings: Settings) -> None:
    """Evidence is found beside its manifest: a manifest from standard input has no folder
    unless ``--stdin-filename`` gives it one."""
    if settings.stdin_filename is not None and not reads_stdin:
        raise SettingsError("--stdin-filename only applies when '-' (standard input) is one of the paths")
    if reads_stdin and settings.verify_evidence and settings.stdin_filename is None:
        raise SettingsError("--verify-evidence: evidence cannot be verified for a manifest read from standard "
                            "input, which has no folder to find its documents in; give the manifest's path with "
                            "--stdin-filename PATH (its documents are then looked for beside PATH)")


def _read_standard_input(stream: BinaryIO, options: CheckOptions, settings: Settings) -> Document:
    """The manifest on standard input, read as hostile as a file: within the size limit,
    by the same encoding rules and loader, located as ``--stdin-filename`` or ``<stdin>``."""
    name = STDIN_NAME if settings.stdin_filename is None else str(settings.stdin_filename)
    return load_manifest_text(read_stream(stream, name, options.max_bytes), name, options.max_nodes)


def _no_manifest(found: Discovery, lang: str) -> str:
    """Why nothing was checked: the folders without a manifest, any skipped that hold one, and
    the manifests a .gitignore ignores."""
    lines = [say("cli.no_manifest", lang, folder=visible(folder)) for folder in found.no_manifest_in]
    if found.manifests:  # each manifest found is a waivers file given with --waivers
        lines.append(say("cli.only_waivers_files", lang,
                         files=", ".join(visible(str(path)) for path in found.manifests)))
    if found.skipped_folders:
        lines.append(say("summary.skipped_folders", lang, count=len(found.skipped_folders),
                         folders=", ".join(visible(folder) for folder in found.skipped_folders)))
    if found.ignored_by_gitignore:
        lines.append(say("summary.ignored_by_gitignore", lang, count=len(found.ignored_by_gitignore),
                         files=", ".join(visible(file) for file in found.ignored_by_gitignore)))
    return "; ".join(lines)


def _not_waivers(files: list[_PathOrText], settings: Settings) -> list[_PathOrText]:
    """``files`` less the reviewer's waivers files (given by --waivers), which a search or the
    command line may name too."""
    waivers = {path.resolve() for path in settings.review_waivers}
    return [file for file in files if Path(file).resolve() not in waivers]


def _source_root(settings: Settings) -> str | None:
    return None if settings.source_root is None else str(settings.source_root)


def _redacted(report: Report, settings: Settings, waivers_data: list, stdin_data: list) -> Report:
    """Personal data replaced by pseudonyms in every text of the report (after the baseline,
    which records the real findings)."""
    from .reading.yaml_fast_path import load_manifest
    from .redaction import Redactor, find_personal, redact_report

    documents = []
    for result in report.results:
        try:
            documents.append(load_manifest(result.path, settings.max_file_size, settings.max_nodes).data)
        except (LoadError, OSError):
            continue  # unreadable: its error is all the report says of it
    redactor = Redactor(find_personal([*documents, *stdin_data, *waivers_data]), settings.redact_key)
    return redact_report(report, redactor, settings.redact_paths)


def _with_baseline(report: Report, settings: Settings) -> Report:
    """Findings a baseline knows no longer count; a new baseline records today's."""
    if settings.baseline is None and settings.create_baseline is None:
        return report
    from .evaluation.baseline import apply_baseline, read_baseline, write_baseline
    from .report.output_file import OutputError  # only baseline runs pay for it

    if settings.baseline is not None:
        try:
            report = replace(report, baseline=apply_baseline(report.results, read_baseline(settings.baseline)))
        except LoadError as error:
            return replace(report, stopped=str(error))
    if settings.create_baseline is not None:
        try:
            report = replace(report, baseline_written=write_baseline(settings.create_baseline, report.results))
        except OutputError as error:
            return replace(report, stopped=f"baseline: {error}")
    return report
