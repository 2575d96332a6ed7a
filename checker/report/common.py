"""Small helpers shared by the reporters."""

from __future__ import annotations

import os
from pathlib import Path, PurePath
from typing import Any, Iterable

from .model import Finding, Report, Summary, WaiversFileSummary
from .safe_text import visible
from ..reading.discovery import repository_root
from ..text import counted, say

# The reports people read show this many findings of one rule per manifest, then how many more
# there are: ten thousand unknown keys make one point, not ten thousand lines.
SHOWN_PER_RULE = 50


def titled(title: str, report: Report) -> str:
    """A report's or a manifest's title, labelled DRAFT in a draft run (hkai check --draft)."""
    return f"{say('report.draft', report.lang)} · {title}" if report.draft else title


def findings_line(counts: dict[str, int], lang: str) -> str:
    """``1 error, 2 warnings, 0 info``: findings counted by severity, each in its number's form."""
    return say("summary.findings", lang, **{severity: counted(severity, counts[severity], lang) for severity in counts})


def waivers_file_line(file: WaiversFileSummary, lang: str, path: str | None = None) -> str:
    """A reviewer's waivers file in the summary: how many waivers it holds, how many were
    used, and its own findings (``path``: the file as the format shows it, by default made visible)."""
    return say("summary.waivers_file", lang, path=visible(file.path) if path is None else path,
               waivers=counted("waiver", file.waivers, lang), used=file.used,
               status=say(f"status.{file.status}", lang), findings=findings_line(file.findings, lang))


def skipped_lines(summary: Summary, lang: str) -> list[str]:
    """What a folder search skipped, a line per kind, each naming its first few paths (the
    JSON report names them all): the text as said, for the format to make safe."""
    lines = []
    if summary.skipped_folders:
        lines.append(say("summary.skipped_folders", lang, count=len(summary.skipped_folders),
                         folders=some_paths(summary.skipped_folders)))
    if summary.skipped_yaml_files:
        lines.append(say("summary.skipped_yaml_files", lang, count=len(summary.skipped_yaml_files),
                         files=some_paths(summary.skipped_yaml_files)))
    if summary.ignored_by_gitignore:
        lines.append(say("summary.ignored_by_gitignore", lang, count=len(summary.ignored_by_gitignore),
                         files=some_paths(summary.ignored_by_gitignore)))
    return lines


def some_paths(paths: list[str], shown: int = 5) -> str:
    """The first ``shown`` paths, then an ellipsis (the JSON report lists them all)."""
    return ", ".join([*paths[:shown], *(["…"] if len(paths) > shown else [])])


def display_path(path: str) -> str:
    """The path relative to the current folder with forward slashes when it is inside it, else as given."""
    absolute = os.path.abspath(path)
    cwd = os.getcwd()
    try:
        inside = os.path.commonpath([absolute, cwd]) == cwd
    except ValueError:  # another drive
        inside = False
    if inside and absolute != cwd:
        return PurePath(os.path.relpath(absolute, cwd)).as_posix()
    return path


def source_root(given: str | None) -> str:
    """The absolute folder report locations are relative to, for the services that read them
    from a repository: ``given`` (--root), else the nearest folder from the current one upward
    that holds ``.git`` (a folder, or a worktree's file; found by looking, not by running git),
    else the current folder."""
    if given is not None:
        return os.path.abspath(given)
    here = Path.cwd()
    return str(repository_root(here) or here)


def root_relative(path: str, root: str) -> str | None:
    """``path`` relative to ``root`` with forward slashes, or None when it is not inside it."""
    absolute = os.path.abspath(path)
    try:
        inside = os.path.commonpath([absolute, root]) == root
    except ValueError:  # another drive
        inside = False
    return PurePath(os.path.relpath(absolute, root)).as_posix() if inside and absolute != root else None


def declared_below(declared: str | None, derived: str | None) -> bool:
    """Whether the producer declared a lower AI-use level than the uses add up to."""
    from ..evaluation.levels import RANK

    return declared in RANK and derived in RANK and RANK[declared] < RANK[derived]


def packs(report: Any) -> list[tuple[str, str]]:
    """Name and version of every rule pack of the report, made inert."""
    return [(visible(pack.name), visible(pack.version)) for pack in report.rule_set.packs]


def shown_per_rule(findings: Iterable[Finding], limit: int = SHOWN_PER_RULE) -> tuple[list[Finding], dict[str, int]]:
    """The first ``limit`` findings of each rule, in their order, and how many of each rule are left out."""
    shown: list[Finding] = []
    seen: dict[str, int] = {}
    left_out: dict[str, int] = {}
    for finding in findings:
        seen[finding.rule] = seen.get(finding.rule, 0) + 1
        if seen[finding.rule] <= limit:
            shown.append(finding)
        else:
            left_out[finding.rule] = left_out.get(finding.rule, 0) + 1
    return shown, left_out
