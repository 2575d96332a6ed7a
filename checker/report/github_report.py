"""GitHub Actions workflow commands: one annotation line per finding that counts
(neither waived nor known from a baseline), nothing else.

    ::error file=path/manifest.yaml,line=74,col=5,title=CON-007::message

Untrusted text is made visible (controls and bidi marks shown as ``\\uXXXX``) and then escaped
as the runner expects, so a message can neither start a new line nor end the command early.
"""

from __future__ import annotations

from typing import TextIO

from .model import Report
from .common import display_path, titled
from ..text import say
from .safe_text import visible

COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def render(report: Report, stream: TextIO, color: bool = False) -> None:
    for line in lines(report):
        stream.write(line + "\n")


def lines(report: Report) -> list[str]:
    out = []
    if report.draft:
        out.append(_command("notice", [("title", titled("hkai", report))], say("summary.draft", report.lang)))
    for result in report.documents:
        path = display_path(result.path)
        if result.error is not None:
            out.append(_command("error", _properties(path, result.error.line, result.error.column), result.error.message))
            continue
        for finding in result.findings:
            if not finding.counts:  # waived, or known from the baseline
                continue
            properties = _properties(path, finding.line, finding.column) + [("title", titled(finding.rule, report))]
            out.append(_command(COMMAND[finding.severity], properties, finding.message.get(report.lang, "")))
    return out


def _properties(path: str, line: int | None, column: int | None) -> list[tuple[str, object]]:
    properties: list[tuple[str, object]] = [("file", path)]
    if line is not None:
        properties.append(("line", line))
        if column is not None:
            properties.append(("col", column))
    return properties


def _command(name: str, properties: list[tuple[str, object]], message: str) -> str:
    values = ",".join(f"{key}={escape_property(value)}" for key, value in properties)
    return f"::{name} {values}::{escape_data(message)}"


def escape_data(text: object) -> str:
    return visible(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: object) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")
