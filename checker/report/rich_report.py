"""The terminal report for people: per manifest a scorecard of the principles, then the
findings grouped by principle with their location, the line they are on (``show_source``)
and fix (at most ``SHOWN_PER_RULE`` of one rule, then how many more). Untrusted text is
passed through ``visible`` and only ever rendered as plain ``Text``, never parsed as markup."""

from __future__ import annotations

import io
import re
import shutil
from typing import Iterator, TextIO

from rich import box
from rich.cells import cell_len, chop_cells
from rich.console import Console, RenderableType
from rich.table import Table
from rich.text import Text

from ..text.values import variants
from .common import declared_below, findings_line, packs, shown_per_rule, some_paths, titled, waivers_file_line
from .model import PRINCIPLES, SEVERITIES, DocumentResult, Finding, Report, SourceLine
from .safe_text import visible
from ..text import counted, say, words

SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
INDENT = 8  # where a finding's location and fix start, under its message
SEVERITY_WIDTH = 7  # the column of a finding's severity
STATUS_STYLE = {"pass": "bold green", "fail": "bold red", "error": "bold magenta"}
GUTTER_BAR = " │ "  # between a source line's number and its text
MIN_SNIPPET_WIDTH = 20  # cells of a source line shown, however narrow the terminal
ELLIPSIS = "…"  # where a long source line is cut
TAB = "    "  # a tab in a source line


class Line(Text):
    """A line printed whole, never wrapped or cropped, so `file:line:col` stays clickable."""


def render(report: Report, stream: TextIO, color: bool = True, quiet: bool = False, statistics: bool = False,
           show_source: bool = True) -> None:
    """The report; ``quiet``: only the findings (no headings, scorecards or summary);
    ``statistics``: how many findings of each rule instead of the findings; ``show_source``:
    each finding's line of the document under it, marked at its column."""
    buffer = io.StringIO()
    console = Console(file=buffer, no_color=not color, highlight=False, emoji=False, width=_width(stream),
                      force_terminal=color, color_system="standard" if color else None, soft_wrap=False)
    if quiet and report.draft:  # a draft's report says so, however short
        console.print(Text(say("summary.draft", report.lang), style="bold yellow"))
    if statistics:
        console.print(_statistics(report))
    else:
        for result in report.documents:
            source = result.source if show_source else {}
            parts = (_findings_only(result, report, console, source) if quiet
                     else _manifest(result, report, console, source))
            for part in parts:
                console.print(part, soft_wrap=isinstance(part, Line))
            if not quiet:
                console.print()
    if not quiet:
        if len(report.documents) > 1 and not statistics:
            console.print(_batch_table(report))
        console.print(_summary(report))
    for line in buffer.getvalue().splitlines():
        stream.write(line.rstrip() + "\n")  # tables pad lines to the width; piped text needs no trailing spaces


def _width(stream: TextIO) -> int:
    """The terminal's width when writing to one; 80 columns otherwise."""
    return shutil.get_terminal_size((80, 24)).columns if stream.isatty() else 80


def _manifest(result: DocumentResult, report: Report, console: Console,
              source: dict[int, SourceLine]) -> Iterator[RenderableType]:
    lang = report.lang
    status = result.status(report.fail_on)
    yield Line.assemble(("── ", "dim"), (visible(result.path), "bold"))
    if result.error is not None:
        yield Line.assemble((say("status.error", lang), STATUS_STYLE["error"]), "  ", visible(str(result.error)))
        return
    if result.kind == "waivers":
        yield Text(say("report.waivers_file", lang), style="bold")
    elif not result.schema_valid:
        yield _heading(result, report)
        yield Text(say("report.schema_skipped", lang), style="bold")
    else:
        yield _heading(result, report)
        yield _scorecard(result, lang)
    active = [f for f in result.findings if f.counts]
    for principle in PRINCIPLES:
        group = [f for f in active if f.principle == principle]
        if group:
            yield Text(say(f"principle.{principle}", lang), style="bold underline")
            shown, left_out = shown_per_rule(group)
            for finding in shown:
                yield from _finding(finding, result.path, lang, console, source)
            yield from _left_out(left_out, lang)
    waived = [f for f in result.findings if f.waived]
    if waived:
        yield Text(say("report.waived_findings", lang), style="bold")
        shown, left_out = shown_per_rule(waived)
        for finding in shown:
            yield from _waived(finding, result.path, lang, console)
        yield from _left_out(left_out, lang)
    baselined = sum(1 for f in result.findings if f.baselined)
    if baselined:
        yield Text(say("report.baselined", lang, count=baselined), style="dim")
    if not active and not waived and not baselined:
        yield Text(say("report.no_findings", lang))
    yield Text.assemble((say(f"status.{status}", lang), STATUS_STYLE[status]), "  ", findings_line(result.counted(), lang))


def _findings_only(result: DocumentResult, report: Report, console: Console,
                   source: dict[int, SourceLine]) -> Iterator[RenderableType]:
    """The findings that count, each with its location and fix, and what could not be read."""
    if result.error is not None:
        yield Line.assemble((visible(result.path), "bold"), "  ", (say("status.error", report.lang),
                            STATUS_STYLE["error"]), "  ", visible(str(result.error)))
        return
    shown, left_out = shown_per_rule(_by_principle([f for f in result.findings if f.counts]))
    for finding in shown:
        yield from _finding(finding, result.path, report.lang, console, source)
    yield from _left_out(left_out, report.lang)


def _by_principle(findings: list[Finding]) -> list[Finding]:
    """Findings in the order the full report groups them: by principle, then as found."""
    return sorted(findings, key=lambda finding: PRINCIPLES.index(finding.principle))


def _statistics(report: Report) -> Table:
    """One row per rule with findings that count: how many, most first, then by rule id."""
    lang = report.lang
    counts: dict[str, int] = {}
    severity: dict[str, str] = {}
    for finding in (f for result in report.documents for f in result.findings if f.counts):
        counts[finding.rule] = counts.get(finding.rule, 0) + 1
        severity[finding.rule] = min(severity.get(finding.rule, "info"), finding.severity, key=SEVERITIES.index)
    titles = {rule.id: rule.title for rule in report.rule_set.rules} if report.rule_set else {}
    table = Table(box=None, padding=(0, 1), pad_edge=False, show_header=False)
    for rule, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        title = titles.get(rule, {})
        table.add_row(Text(f"{count:,}", justify="right"), Text(visible(rule), style="bold"),
                      Text(say(f"severity.{severity[rule]}", lang), style=SEVERITY_STYLE[severity[rule]]),
                      visible(title.get(lang) or title.get("en", "")))
    return table


def _heading(result: DocumentResult, report: Report) -> Text:
    lang = report.lang
    production = result.production or {}
    title = production.get("title")
    names = [visible(t) for t in dict.fromkeys(variants(title))]
    if not names:
        names = [visible(str(production["id"])) if production.get("id") is not None else say("report.untitled", lang)]
    heading = Text(titled(" · ".join(names), report), style="bold")
    if production.get("id") is not None:
        heading.append(f"  ({visible(str(production['id']))})", style="dim")
    heading.append("\n")
    levels = words("level", lang)
    derived = levels.get(result.derived_level or "", say("report.level_not_derived", lang))
    declared = (levels.get(str(result.declared_level), visible(str(result.declared_level)))
                if result.declared_level is not None else say("report.level_not_declared", lang))
    level_style = "bold red" if declared_below(result.declared_level, result.derived_level) else ""
    space = say("punctuation.space", lang)
    heading.append(_label(say("report.ai_use_level", lang), lang) + say("report.declared", lang) + space)
    heading.append(declared, style=level_style)
    heading.append(say("punctuation.comma", lang) + say("report.derived", lang) + space + derived)
    return heading


def _label(word: str, lang: str) -> str:
    """A label and its colon, as the language writes them (「修正方法：」)."""
    return word + say("punctuation.colon", lang)


def _scorecard(result: DocumentResult, lang: str) -> Table:
    table = Table(box=box.SIMPLE_HEAD, padding=(0, 1), show_edge=False, pad_edge=False)
    table.add_column(say("report.principle", lang))
    for severity in SEVERITIES:
        table.add_column(say(f"severity.{severity}", lang), justify="right")
    for principle in PRINCIPLES:
        counts = [sum(1 for f in result.findings if f.principle == principle and f.severity == severity
                      and f.counts) for severity in SEVERITIES]
        mark = ("✗", "red") if counts[0] else ("!", "yellow") if counts[1] else ("✓", "green")
        cells = [Text(str(n), style=SEVERITY_STYLE[s] if n else "dim") for n, s in zip(counts, SEVERITIES)]
        table.add_row(Text.assemble((mark[0], mark[1]), " ", say(f"principle.{principle}", lang)), *cells)
    return table


def _finding(finding: Finding, path: str, lang: str, console: Console,
             source: dict[int, SourceLine]) -> Iterator[Line]:
    severity = say(f"severity.{finding.severity}", lang)
    yield from _headline(Text(severity, style=SEVERITY_STYLE[finding.severity]), finding, lang, console)
    yield _location(finding, path, show_pointer=True)
    if finding.line in source and source[finding.line].text.strip():
        yield from _snippet(source[finding.line], finding, console.width)
    yield from _indented(Text.assemble((_label(say("report.fix", lang), lang), "green"), visible(finding.fix[lang])),
                         console)
    if finding.claim is not None:
        yield from _indented(Text.assemble((_label(say("report.claimed_waiver", lang), lang), "yellow"),
                                           visible(finding.claim.reason[lang])), console)


def _waived(finding: Finding, path: str, lang: str, console: Console) -> Iterator[Line]:
    waiver = finding.waiver
    assert waiver is not None
    yield from _headline(Text(say(f"severity.{finding.severity}", lang), style="dim"), finding, lang, console)
    yield _location(finding, path, show_pointer=False)
    details = Text.assemble((say(f"report.waived_by.{waiver.source}", lang) + say("punctuation.full_stop", lang)
                             + _label(say("report.reason", lang), lang), "green"), visible(waiver.reason[lang]))
    if waiver.approved_by:
        details.append_text(Text.assemble("\n", (_label(say("report.approved_by", lang), lang), "green"),
                                          visible(waiver.approved_by)))
    if waiver.expires_on:
        details.append_text(Text.assemble("\n", (_label(say("report.expires", lang), lang), "green"),
                                          visible(waiver.expires_on)))
    yield from _indented(details, console)


def _left_out(left_out: dict[str, int], lang: str) -> Iterator[Text]:
    """One line per rule whose findings were not all shown, with how many were not."""
    for rule, count in left_out.items():
        yield Text(say("report.more_findings", lang, count=count, rule=visible(rule)), style="dim")


def _headline(severity: Text, finding: Finding, lang: str, console: Console) -> Iterator[Line]:
    """Severity and rule id in narrow columns, the message wrapped beside them."""
    severity.pad_right(SEVERITY_WIDTH - severity.cell_len)  # in the severity's style, as a table cell is
    prefix = Text.assemble(severity, " ", (visible(finding.rule), "bold"), " ")
    yield from _hanging(prefix, Text(visible(finding.message[lang])), console)


def _location(finding: Finding, path: str, show_pointer: bool) -> Line:
    line = Line.assemble(" " * INDENT, (f"{visible(path)}:{finding.line}:{finding.column}", "blue"))
    if show_pointer:
        line.append(f"  {visible(finding.pointer)}", style="dim")
    return line


def _snippet(line: SourceLine, finding: Finding, width: int) -> Iterator[Line]:
    """The finding's line with its number, and a caret under the finding's column (the
    line cut around the column to the terminal's width, its text made visible)."""
    gutter = str(finding.line)
    room = max(width - INDENT - len(gutter) - len(GUTTER_BAR), MIN_SNIPPET_WIDTH)
    before, after, cut_before, cut_after = _around(line, finding.column - 1, room)
    shown_before = ELLIPSIS + before if cut_before else before
    shown = Text.assemble(shown_before, after, ELLIPSIS if cut_after else "")
    yield Line.assemble(" " * INDENT, (gutter + GUTTER_BAR, "dim"), shown)
    yield Line.assemble(" " * (INDENT + len(gutter)), (GUTTER_BAR, "dim"), " " * cell_len(shown_before),
                        ("^", SEVERITY_STYLE[finding.severity]))


def _around(line: SourceLine, column: int, room: int) -> tuple[str, str, bool, bool]:
    """The line's text before and from ``column`` (an index in the whole line), as shown, in
    at most ``room`` cells with the ellipses (when the line is cut, the caret a third of the
    way in, or further when little follows it); and whether it is cut before and after."""
    at = min(max(column - line.start, 0), len(line.text))
    low = max(at - room, 0)  # room characters fill room cells (wide ones and escapes more): only these are measured
    before = [_shown(character) for character in line.text[low:at]]
    after = [_shown(character) for character in line.text[at:at + room]]
    cut_before, cut_after = line.start > 0 or low > 0, line.cut_after or at + room < len(line.text)
    before_cells, after_cells = sum(map(cell_len, before)), sum(map(cell_len, after))
    if cut_before + before_cells + after_cells + cut_after > room:
        kept, room_before = 0, room - min(after_cells + cut_after, room - room // 3)
        while kept < len(before) and 1 + before_cells > room_before:
            before_cells -= cell_len(before[kept])
            kept, cut_before = kept + 1, True
        before = before[kept:]
        while after and cut_before + before_cells + after_cells + cut_after > room:
            after_cells -= cell_len(after.pop())
            cut_after = True
    return "".join(before), "".join(after), cut_before, cut_after


def _shown(character: str) -> str:
    """A character of a source line as the report shows it: a tab as spaces, and a control
    or invisible character as a visible escape."""
    return TAB if character == "\t" else visible(character)


def _indented(body: Text, console: Console) -> Iterator[Line]:
    yield from _hanging(Text(" " * INDENT), body, console)


def _hanging(prefix: Text, body: Text, console: Console) -> Iterator[Line]:
    """``body`` word-wrapped beside ``prefix``, its further lines indented as far as ``prefix`` is wide.

    The layout of a two-column grid, wrapped directly: a table per finding costs about a
    millisecond to measure, which thousands of findings would add up."""
    indent = prefix.cell_len
    lines = [line for paragraph in body.split("\n") for line in wrapped(paragraph, max(console.width - indent, 1))]
    for number, line in enumerate(lines):
        yield Line.assemble(prefix if number == 0 else " " * indent, line)


# What a line is broken between: a code span, a run of other characters without spaces (a
# field name, a path, an id, an English word), spaces, or one wide character (a Chinese one).
_UNIT = re.compile(r"`[^`\n]*`|[^\s`\u2e80-\uffef]+|\s+|.", re.S)
_NO_LINE_START = frozenset("，。、；：！？）」』】〉》…,.;:!?)]}")  # kept with what precedes them
_NO_LINE_END = frozenset("（「『【〈《([{")  # kept with what follows them


def wrapped(text: Text, width: int) -> list[Text]:
    """``text`` broken into lines of at most ``width`` cells: between words, and between
    Chinese characters (which are written without spaces), never inside a field name, a
    path or a code span, nor before closing or after opening punctuation. Only what is
    wider than a whole line is folded."""
    plain, starts, used, line_start = text.plain, [], 0, 0
    units = _units(plain)
    for start, end in units:
        unit = plain[start:end]
        size = cell_len(unit)
        if unit.isspace():
            used += size
            continue
        if used + size > width and start > line_start:
            starts.append(start)
            line_start, used = start, 0
        while size > width:  # wider than a line: folded
            cut = start + len(chop_cells(unit, width)[0])
            starts.append(cut)
            start, unit = cut, plain[cut:end]
            line_start, size = cut, cell_len(unit)
        used += size
    return [line.rstrip() or line for line in text.divide(starts)] if starts else [text]


def _units(plain: str) -> list[tuple[int, int]]:
    """The spans a line may not be broken inside: each unit with the closing punctuation
    after it and the opening punctuation before it."""
    units: list[list[int]] = []
    glue_next = False
    for match in _UNIT.finditer(plain):
        start, end = match.span()
        piece = match.group()
        if units and (glue_next or (piece[0] in _NO_LINE_START and not piece.isspace())):
            units[-1][1] = end
        else:
            units.append([start, end])
        glue_next = piece[-1] in _NO_LINE_END
    return [(start, end) for start, end in units]


def _batch_table(report: Report) -> Table:
    """One row per production, worst first: its level and its findings per principle."""
    lang = report.lang
    table = Table(box=box.SIMPLE_HEAD, padding=(0, 1), show_edge=False, pad_edge=False)
    table.add_column(say("report.batch.production", lang), overflow="fold")
    table.add_column(say("report.batch.level", lang))
    for principle in PRINCIPLES:
        table.add_column(say(f"principle_short.{principle}", lang), justify="right")
    table.add_column(say("report.batch.status", lang))
    rows = []
    for result in report.results:
        counting = [f for f in result.findings if f.counts]
        by_severity = [sum(1 for f in counting if f.severity == s) for s in SEVERITIES]
        status = result.status(report.fail_on)
        rank = (status != "error", -by_severity[0], -by_severity[1], -by_severity[2], result.path)
        production = (result.production or {}).get("id") or result.path
        cells = []
        for principle in PRINCIPLES:
            found = [f for f in counting if f.principle == principle]
            worst = next((s for s in SEVERITIES if any(f.severity == s for f in found)), None)
            cells.append(Text(str(len(found)), style=SEVERITY_STYLE[worst] if worst else "dim"))
        level = words("level", lang).get(result.derived_level or "", say("report.level_not_derived", lang))
        rows.append((rank, [Text(visible(str(production))), Text(level), *cells,
                            Text(say(f"status.{status}", lang), style=STATUS_STYLE[status])]))
    for _, cells in sorted(rows, key=lambda row: row[0]):
        table.add_row(*cells)
    return table


def _summary(report: Report) -> Text:
    lang, summary = report.lang, report.summary()
    line = Text(say("summary.draft", lang) + "\n", style="bold yellow") if report.draft else Text()
    line.append(say("summary.manifests", lang, count=summary.manifests, passed=summary.passed,
                    failed=summary.failed, errors=summary.errors), style="bold")
    line.append(" · " + findings_line(summary.findings, lang))
    line.append(" · " + say("summary.waived", lang, waived=summary.waived))
    for file in summary.waivers_files:
        line.append("\n" + waivers_file_line(file, lang))
    if summary.skipped_folders:
        line.append("\n" + say("summary.skipped_folders", lang, count=len(summary.skipped_folders),
                                folders=", ".join(visible(folder) for folder in summary.skipped_folders)))
    if summary.skipped_yaml_files:
        line.append("\n" + say("summary.skipped_yaml_files", lang, count=len(summary.skipped_yaml_files),
                                files=visible(some_paths(summary.skipped_yaml_files))))
    if summary.ignored_by_gitignore:
        line.append("\n" + say("summary.ignored_by_gitignore", lang, count=len(summary.ignored_by_gitignore),
                                files=visible(some_paths(summary.ignored_by_gitignore))))
    if report.baseline is not None:
        line.append("\n" + say("summary.baseline", lang, carried=counted("known_finding", report.baseline.carried, lang),
                                fixed=len(report.baseline.fixed)))
    named = ", ".join(f"{name} {version}" for name, version in packs(report))
    line.append("\n" + say("summary.rule_packs", lang, packs=named,
                                rules=counted("rule", len(report.rule_set.rules), lang)), style="dim")
    return line
