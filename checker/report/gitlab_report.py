"""GitLab Code Quality JSON, for a merge request's Code Quality widget and changes view.

A list of issues, one per finding that counts (neither waived nor known from a baseline: as in
the ``github`` format) and one per manifest that cannot be read. Each has the fields GitLab
requires: ``description``, ``check_name``, ``fingerprint``, ``severity`` and ``location``
(``path`` and ``lines.begin``). GitLab compares the issues of two pipelines by fingerprint,
so it is made from what tells a finding apart (file, rule, node and records), never from its
line or message: a finding keeps its fingerprint when lines are added above it. Paths are
relative to the repository root, as GitLab reads them (found as for SARIF: ``--root``, else
the nearest folder above holding ``.git``, else the current folder).

hkai's severities become GitLab's as linters' Code Climate reports map them: an error is
``major`` (it fails the run), a warning ``minor``, info ``info``; a manifest that cannot be
read is ``blocker`` (nothing in it could be checked).
"""

from __future__ import annotations

import hashlib
from typing import Any, TextIO

from . import strict_json
from .common import display_path, root_relative, source_root, titled
from .model import DocumentResult, Finding, Report
from .safe_text import visible
from ..text import say

SEVERITY = {"error": "major", "warning": "minor", "info": "info"}
UNREADABLE = "blocker"


def render(report: Report, stream: TextIO, color: bool = False) -> None:
    strict_json.dump(issues(report), stream)


def issues(report: Report) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    root = source_root(report.source_root)
    for result in report.documents:
        path = root_relative(result.path, root) or display_path(result.path)
        if result.error is not None:
            out.append(_unreadable(result, path, report))
            continue
        out.extend(_issue(finding, path, report) for finding in result.findings if finding.counts)
    return out


def _issue(finding: Finding, path: str, report: Report) -> dict[str, Any]:
    identity = (finding.rule, finding.pointer, *finding.records)
    return {
        "description": titled(visible(finding.message.get(report.lang, "")), report),
        "check_name": finding.rule,
        "fingerprint": _fingerprint(path, *identity),
        "severity": SEVERITY[finding.severity],
        "location": _location(path, finding.line),
    }


def _unreadable(result: DocumentResult, path: str, report: Report) -> dict[str, Any]:
    assert result.error is not None
    check = say("junit.load_case", report.lang)
    return {
        "description": titled(visible(result.error.message), report),
        "check_name": check,
        "fingerprint": _fingerprint(path, check),
        "severity": UNREADABLE,
        "location": _location(path, result.error.line),
    }


def _location(path: str, line: int | None) -> dict[str, Any]:
    """GitLab needs a line: a problem with the whole file is shown at its first."""
    begin = line if isinstance(line, int) and line >= 1 else 1
    return {"path": visible(path), "lines": {"begin": begin}}


def _fingerprint(*parts: str) -> str:
    key = "\0".join(parts)
    return hashlib.sha256(key.encode("utf-8", "surrogateescape")).hexdigest()[:32]
