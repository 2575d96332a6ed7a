"""Small helpers shared by the CI-facing reporters (SARIF, JUnit, GitHub, Markdown)."""

from __future__ import annotations

import os
from pathlib import PurePath
from typing import Any

from .safe_text import visible


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


def packs(report: Any) -> list[tuple[str, str]]:
    """Name and version of every rule pack of the report, made inert."""
    return [(visible(pack.name), visible(pack.version)) for pack in report.rule_set.packs]
