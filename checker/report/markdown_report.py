"""A Markdown report for a pull-request comment: summary, principle scorecard, then per manifest
a table of the findings that count (waived ones in a table of their own, those a baseline
already knows only counted).

Untrusted text is shown on one line, its controls made visible and every character Markdown
or HTML could act on escaped, so it can neither end a table cell nor add links, markup or rows.
A word GitHub would turn into a link or a notification (``@someone``, ``#123``, ``GH-123``, a
bare URL or email) is put in a code span instead: GitHub links nothing inside code, and a code
span shows the text exactly, without characters slipped in.

The comment is capped below GitHub's limit of 65,536 characters; a report that would be longer
ends with how many findings it leaves out. Length is counted in UTF-16 code units, never fewer
than the characters (code points) GitHub counts, so the cap holds whichever GitHub uses.
"""

from __future__ import annotations

import os
import re
from typing import TextIO
from urllib.parse import quote

from ..text.values import variants
from .model import EXIT_ERROR, EXIT_FINDINGS, PRINCIPLES, SEVERITIES, DocumentResult, Finding, Report, Summary
from .common import display_path, findings_line, packs, shown_per_rule, skipped_lines, titled, waivers_file_line
from .safe_text import visible
from ..text import counted, say, words

STATUS_MARK = {"pass": "✅", "fail": "❌", "error": "⚠️"}

_NEWLINES = re.compile("\r\n|[\r\n\x0b\x0c\x85\u2028\u2029]")
_SPECIAL = re.compile(r"([\\`*_\[\]<>|&~#!$])")
_WORDS = re.compile(r"(\s+)")
# What GitHub turns into a link or a notification: @mentions and emails, #123 and owner/repo#123,
# GH-123, and URLs (GFM's extended autolinks: http://, https://, www., mailto: and xmpp:).
_LINKABLE = re.compile(r"[@#]|://|www\.|\bgh-\d|\b(?:mailto|xmpp):", re.IGNORECASE)
_BACKTICKS = re.compile("`+")

# GitHub refuses a comment longer than 65,536 characters; the margin leaves room for a
# workflow that adds a line of its own.
COMMENT_LIMIT = 65_536
CAPPED_AT = COMMENT_LIMIT - 536

# A line of the report and the number of findings it shows (a table row: one; a line saying how
# many more of a rule there are: that many), so that cutting the report can say what it left out.
Line = tuple[str, int]


def escape(value: object, cell: bool = True) -> str:
    """Untrusted text as inert Markdown on a single line: each word escaped, or put in a code
    span if GitHub would link it. In a table ``cell`` a pipe in a code span is written ``\\|``,
    as GFM tables require (outside a table that would show the backslash)."""
    words_and_spaces = _WORDS.split(visible(_NEWLINES.sub(" ", str(value))))
    return "".join(_code_span(part, cell) if _LINKABLE.search(part) else _SPECIAL.sub(r"\\\1", part)
                   for part in words_and_spaces)


def _code_span(text: str, cell: bool) -> str:
    """``text`` as a code span: fenced by one backtick more than its longest run of backticks
    (CommonMark), padded with a space where it starts or ends with a backtick."""
    fence = "`" * (max((len(run) for run in _BACKTICKS.findall(text)), default=0) + 1)
    padded = f" {text} " if text.startswith("`") or text.endswith("`") else text
    return f"{fence}{padded.replace('|', chr(92) + '|') if cell else padded}{fence}"


def render(report: Report, stream: TextIO, color: bool = False) -> None:
    stream.write("\n".join(lines(report)) + "\n")


def lines(report: Report) -> list[str]:
    """The report's lines, cut to fit in one comment."""
    return _capped(_lines(report), report.lang)


def _capped(entries: list[Line], lang: str) -> list[str]:
    """The lines that fit below ``CAPPED_AT``, then "… N more findings" if any were cut."""
    kept: list[str] = []
    size = 0
    reserve = _length(say("markdown.more_findings", lang, count=10**9)) + len("\n\n</details>\n")
    for index, (line, _) in enumerate(entries):
        size += _length(line) + 1
        if size + reserve > CAPPED_AT:
            left_out = sum(count for _, count in entries[index:])
            closing = ["", "</details>"] if _open_details(kept) else []
            return kept + closing + ["", say("markdown.more_findings", lang, count=left_out)]
        kept.append(line)
    return kept


def _length(text: str) -> int:
    """Length in UTF-16 code units (a character outside the BMP counts twice)."""
    return len(text.encode("utf-16-le")) // 2


def _open_details(kept: list[str]) -> bool:
    return sum(line.startswith("<details>") for line in kept) > sum(line == "</details>" for line in kept)


def _lines(report: Report) -> list[Line]:
    lang, summary = report.lang, report.summary()
    overall = {EXIT_ERROR: "error", EXIT_FINDINGS: "fail"}.get(report.exit_code(), "pass")
    out = [f"## {titled(say('markdown.heading', lang), report)}", ""]
    if report.draft:
        out += [f"**{escape(say('summary.draft', lang), cell=False)}**", ""]
    out.append(f"{STATUS_MARK[overall]} **{say(f'status.{overall}', lang)}** · "
               + say("summary.manifests", lang, count=summary.manifests, passed=summary.passed,
                     failed=summary.failed, errors=summary.errors)
               + " · " + findings_line(summary.findings, lang)
               + " · " + say("summary.waived", lang, waived=summary.waived))
    out.append("")
    out.extend(_summary_notes(summary, lang))
    names = ", ".join(f"{name} {version}" for name, version in packs(report))
    out.append(escape(say("markdown.rule_packs", lang, packs=names, rules=counted("rule", len(report.rule_set.rules), lang)), cell=False))
    out.append("")
    out.extend(_scorecard(report))
    unreadable = [result for result in report.documents if result.error is not None]
    if unreadable:
        out += ["", f"**{say('markdown.unreadable', lang)}**", ""]
        out += [f"- {_link(display_path(r.path), r.error.line, cell=False)}: "
                f"{escape(r.error.message, cell=False)}"  # type: ignore[union-attr]
                for r in unreadable]
    entries: list[Line] = [(line, 0) for line in out]
    for result in report.documents:
        entries.append(("", 0))
        entries.extend(_manifest(result, report))
    return entries


def _summary_notes(summary: Summary, lang: str) -> list[str]:
    """The summary's other lines, a paragraph each: reviewers' waivers files, and what a
    folder search skipped (the first few paths; the JSON report names them all)."""
    notes = [waivers_file_line(file, lang, path=_link(display_path(file.path), None, cell=False))
             for file in summary.waivers_files]
    notes += [escape(line, cell=False) for line in skipped_lines(summary, lang)]
    return [line for note in notes for line in (note, "")]


def _scorecard(report: Report) -> list[str]:
    lang = report.lang
    rows = [f"| {say('report.principle', lang)} | " + " | ".join(say(f"severity.{s}", lang) for s in SEVERITIES) + " |",
            "|---|" + "---:|" * len(SEVERITIES)]
    findings = [f for result in report.documents for f in result.findings if f.counts]
    for principle in PRINCIPLES:
        counts = [sum(1 for f in findings if f.principle == principle and f.severity == s) for s in SEVERITIES]
        rows.append(f"| {say(f'principle.{principle}', lang)} | " + " | ".join(str(n) for n in counts) + " |")
    return rows


def _manifest(result: DocumentResult, report: Report) -> list[Line]:
    lang = report.lang
    column = words("markdown.column", lang)
    path = display_path(result.path)
    status = result.status(report.fail_on)
    status_word = say(f"status.{status}", lang)
    out: list[Line] = [(f"### {STATUS_MARK[status]} {escape(path, cell=False)}", 0), ("", 0)]
    if result.error is not None:
        out.append((f"**{status_word}** · {say('markdown.cannot_read', lang)}{say('punctuation.colon', lang)}"
                    f"{_link(path, result.error.line, cell=False)} {escape(result.error.message, cell=False)}", 0))
        return out
    out += [(f"**{status_word}** · {_heading(result, lang)}", 0), ("", 0)]
    if not result.schema_valid:
        out += [(f"_{say('report.schema_skipped', lang)}_", 0), ("", 0)]
    active = [f for f in result.findings if f.counts]
    waived = [f for f in result.findings if f.waived]
    known = sum(1 for f in result.findings if not f.waived and f.baselined)
    if active:
        out += [(f"| {column['severity']} | {column['rule']} | {column['message']} | {column['fix']} "
                 f"| {column['location']} |", 0), ("|---|---|---|---|---|", 0)]
        shown, left_out = shown_per_rule(active)
        out += [(_row(finding, path, lang), 1) for finding in shown]
        out += _left_out(left_out, lang)
    elif not waived and not known:
        out.append((say("report.no_findings", lang), 0))
    if known:
        out += ([("", 0)] if active else []) + [(say("report.baselined", lang, count=known), 0)]
    if waived:
        if active or known:
            out.append(("", 0))
        summary = f"{escape(say('report.waived_findings', lang), cell=False)}{say('punctuation.colon', lang)}{len(waived)}"
        out += [(f"<details><summary>{summary}</summary>", 0), ("", 0)]
        out.append((f"| {column['severity']} | {column['rule']} | {column['message']} | {column['location']} "
                    f"| {column['reason']} | {column['approved_by']} | {column['expires']} |", 0))
        out.append(("|---|---|---|---|---|---|---|", 0))
        shown, left_out = shown_per_rule(waived)
        out += [(_waived_row(finding, path, report.lang), 1) for finding in shown]
        out += _left_out(left_out, lang)
        out += [("", 0), ("</details>", 0)]
    return out


def _row(finding: Finding, path: str, lang: str) -> str:
    cells = [say(f"severity.{finding.severity}", lang), escape(finding.rule), escape(finding.message.get(lang, "")),
             escape(finding.fix.get(lang, "")), _link(path, finding.line)]
    return "| " + " | ".join(cells) + " |"


def _left_out(left_out: dict[str, int], lang: str) -> list[Line]:
    """After a table, one line per rule whose findings were not all shown, with how many were not."""
    return [line for rule, count in left_out.items()
            for line in (("", 0), (say("report.more_findings", lang, count=count, rule=escape(rule, cell=False)), count))]


def _heading(result: DocumentResult, lang: str) -> str:
    production = result.production or {}
    names = [escape(t, cell=False) for t in dict.fromkeys(variants(production.get("title")))]
    heading = " · ".join(names)
    if production.get("id") is not None:
        heading += f" ({escape(production['id'], cell=False)})"
    declared = _level(result.declared_level, lang, say("report.level_not_declared", lang))
    derived = _level(result.derived_level, lang, say("report.level_not_derived", lang))
    space = say("punctuation.space", lang)
    levels = (f"{say('report.ai_use_level', lang)}{say('punctuation.colon', lang)}{say('report.declared', lang)}"
              f"{space}{declared}{say('punctuation.comma', lang)}{say('report.derived', lang)}{space}{derived}")
    return f"{heading} · {levels}" if heading else levels


def _level(level: object, lang: str, missing: str) -> str:
    named = words("level", lang)
    if isinstance(level, str) and level in named:
        return named[level]
    return escape(level, cell=False) if level is not None else missing


def _waived_row(finding: Finding, path: str, lang: str) -> str:
    waiver = finding.waiver
    assert waiver is not None
    cells = [say(f"severity.{finding.severity}", lang), escape(finding.rule), escape(finding.message.get(lang, "")),
             _link(path, finding.line), escape(waiver.reason.get(lang, "")),
             escape(waiver.approved_by or ""), escape(waiver.expires_on or "")]
    return "| " + " | ".join(cells) + " |"


def _link(path: str, line: int | None, cell: bool = True) -> str:
    """``[path:line](target#Lline)``: the text escaped, the target percent-encoded."""
    target = _target(path.replace("\\", "/"))
    if line is None:
        return f"[{escape(path, cell)}]({target})"
    return f"[{escape(path, cell)}:{line}]({target}#L{line})"


_SERVER = re.compile(r"https?://[A-Za-z0-9.-]+(:[0-9]+)?(/[A-Za-z0-9._~-]+)*")


def _target(path: str) -> str:
    """The file's page on GitHub (``{server}/{repo}/blob/{sha}/{path}``) in a GitHub Actions run
    (``GITHUB_SERVER_URL``, ``GITHUB_REPOSITORY``, ``GITHUB_SHA`` all set), so the link works in a
    comment; else the path itself. A path outside the current folder stays relative: no page has it."""
    encoded = quote(path, safe="/", errors="surrogateescape")
    server = os.environ.get("GITHUB_SERVER_URL", "").rstrip("/")
    repository, sha = os.environ.get("GITHUB_REPOSITORY", ""), os.environ.get("GITHUB_SHA", "")
    outside = os.path.isabs(path) or path == ".." or path.startswith("../")
    if not (_SERVER.fullmatch(server) and repository and sha) or outside:
        return encoded
    return f"{server}/{quote(repository, safe='/')}/blob/{quote(sha, safe='')}/{encoded}"
