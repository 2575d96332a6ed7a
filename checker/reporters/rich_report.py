"""The terminal report for people: per manifest a scorecard of the principles, then every
finding grouped by principle with its location and fix. Untrusted text is passed through
``visible`` and only ever rendered as plain ``Text``, never parsed as markup."""

from __future__ import annotations

from typing import Any, TextIO

from rich import box
from rich.console import Console, Group
from rich.padding import Padding
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from .. import text
from ..check import ManifestResult
from ..finding import PRINCIPLES, SEVERITIES, Finding
from ..run import Run
from .labels import LABELS
from .safe_text import visible

SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
STATUS_STYLE = {"pass": "bold green", "fail": "bold red", "error": "bold magenta"}


def render(run: Run, stream: TextIO, color: bool = True) -> None:
    console = Console(file=stream, no_color=not color, highlight=False, emoji=False,
                      width=_width(stream), soft_wrap=False)
    words = LABELS[run.lang]
    for result in run.results:
        console.print(_manifest(result, run, words))
        console.print()
    console.print(_summary(run, words))


def _width(stream: TextIO) -> int | None:
    """The terminal's width when writing to one; 80 columns otherwise."""
    return None if stream.isatty() else 80


def _manifest(result: ManifestResult, run: Run, words: dict[str, str]) -> Group:
    status = result.status(run.fail_on)
    parts: list[Any] = [Rule(Text(visible(result.path), style="bold"), align="left")]
    if result.error is not None:
        parts.append(Text.assemble((words["error_status"], STATUS_STYLE["error"]), "  ",
                                   visible(str(result.error))))
        return Group(*parts)
    parts.append(_heading(result, words))
    if not result.schema_valid:
        parts.append(Text(words["schema_skipped"], style="bold"))
    else:
        parts.append(_scorecard(result, words))
    active = [f for f in result.findings if not f.waived]
    for principle in PRINCIPLES:
        group = [f for f in active if f.principle == principle]
        if group:
            parts.append(Text(words[principle], style="bold underline"))
            parts.extend(_finding(f, result.path, run.lang, words) for f in group)
    waived = [f for f in result.findings if f.waived]
    if waived:
        parts.append(Text(words["waived"], style="bold"))
        parts.extend(_waived(f, result.path, run.lang, words) for f in waived)
    if not active and not waived:
        parts.append(Text(words["no_findings"]))
    parts.append(Text.assemble((words[status], STATUS_STYLE[status]), "  ", _counts(active, words)))
    return Group(*parts)


def _heading(result: ManifestResult, words: dict[str, str]) -> Text:
    production = result.production or {}
    title = production.get("title")
    names = [visible(t) for t in dict.fromkeys(text.variants(title))] or [visible(str(production.get("id")))]
    heading = Text(" · ".join(names), style="bold")
    if production.get("id") is not None:
        heading.append(f"  ({visible(str(production['id']))})", style="dim")
    heading.append("\n")
    derived = result.derived_level or "?"
    level_style = "bold red" if _below(result.declared_level, result.derived_level) else ""
    heading.append(f"{words['level']}: {words['declared']} ")
    heading.append(visible(str(result.declared_level)), style=level_style)
    heading.append(f", {words['derived']} {derived}")
    return heading


def _below(declared: Any, derived: str | None) -> bool:
    order = ("none", "low", "medium", "high")
    return declared in order and derived in order and order.index(declared) < order.index(derived)


def _scorecard(result: ManifestResult, words: dict[str, str]) -> Table:
    table = Table(box=box.SIMPLE_HEAD, padding=(0, 1), show_edge=False, pad_edge=False)
    table.add_column(words["principle"])
    for severity in SEVERITIES:
        table.add_column(words[severity], justify="right")
    for principle in PRINCIPLES:
        counts = [sum(1 for f in result.findings if f.principle == principle and f.severity == severity
                      and not f.waived) for severity in SEVERITIES]
        mark = ("✗", "red") if counts[0] else ("!", "yellow") if counts[1] else ("✓", "green")
        cells = [Text(str(n), style=SEVERITY_STYLE[s] if n else "dim") for n, s in zip(counts, SEVERITIES)]
        table.add_row(Text.assemble((mark[0], mark[1]), " ", words[principle]), *cells)
    return table


def _finding(finding: Finding, path: str, lang: str, words: dict[str, str]) -> Padding:
    line = Text.assemble(
        (f"{words[finding.severity]:<7}", SEVERITY_STYLE[finding.severity]), " ",
        (finding.rule, "bold"), "  ", visible(finding.message[lang]), "\n",
        ("  at ", "dim"), (f"{visible(path)}:{finding.line}:{finding.column}", "blue"),
        (f"  {visible(finding.pointer)}", "dim"), "\n",
        (f"  {words['fix']}: ", "green"), finding.fix[lang],
    )
    return Padding(line, (0, 0, 0, 2))


def _waived(finding: Finding, path: str, lang: str, words: dict[str, str]) -> Padding:
    waiver = finding.waiver
    assert waiver is not None
    details = [f"{words['reason']}: {visible(waiver.reason[lang])}"]
    if waiver.approved_by:
        details.append(f"{words['approved_by']}: {visible(waiver.approved_by)}")
    if waiver.expires_on:
        details.append(f"{words['expires']}: {visible(waiver.expires_on)}")
    line = Text.assemble(
        (f"{words[finding.severity]:<7}", "dim"), " ", (finding.rule, "bold"), "  ", visible(finding.message[lang]),
        "\n", ("  at ", "dim"), (f"{visible(path)}:{finding.line}:{finding.column}", "blue"),
        "\n  ", "; ".join(details),
    )
    return Padding(line, (0, 0, 0, 2))


def _counts(findings: list[Finding], words: dict[str, str]) -> str:
    counts = {s: sum(1 for f in findings if f.severity == s) for s in SEVERITIES}
    return words["tally"].format(**counts)


def _summary(run: Run, words: dict[str, str]) -> Text:
    summary = run.summary()
    line = Text(words["summary"].format(manifests=summary.manifests, passed=summary.passed,
                                        failed=summary.failed, errors=summary.errors), style="bold")
    line.append(" · " + words["tally"].format(**summary.findings))
    line.append(" · " + words["waived_tally"].format(waived=summary.waived))
    line.append("\n" + words["rules"].format(name=visible(run.pack.name), version=visible(run.pack.version),
                                             count=len(run.pack.rules)), style="dim")
    return line
