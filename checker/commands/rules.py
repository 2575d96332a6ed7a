"""``hkai rules``: list, explain, document, test and lint the rules.

- ``hkai rules list``: a table of the rules (id, principle, severity, levels, title).
- ``hkai rules show ID``: one rule in full: what it checks in plain words, why, the fix,
  and an example manifest that breaks it and one that complies (from its fixtures).
- ``hkai rules doc``: the whole rule set as a guideline document (Markdown or HTML).
- ``hkai rules test [PACK ...]``: run each rule's fixtures.
- ``hkai rules lint [PACK ...]``: every problem of a rule pack, located.
"""

from __future__ import annotations

import argparse
import difflib
import io
import os
import shutil
import sys
import textwrap
from pathlib import Path
from typing import Any, TextIO

import yaml
from rich import box
from rich.console import Console
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from ..color import add_color_arguments, color_choice, colored
from ..report.model import PRINCIPLES, SEVERITIES
from ..authoring.fixture_runner import CaseOutcome, TwinProblem, run_fixtures
from ..authoring.fixtures import Fixture, FixtureProblem, Gap, read_fixture
from ..authoring.lint import lint_pack
from ..reading.yaml_loader import Document, LoadError
from ..packs.loading import load_rule_set
from ..packs.model import FIXTURES_DIR, RulePack, RuleSet, builtin_pack_dir
from ..report.safe_text import visible
from ..packs.rule import Rule
from ..authoring.guideline import (describe_rule, levels_text, pack_names, render_html, render_markdown,
                       rule_text, severity_meaning, sorted_rules)
from ..report.model import EXIT_FINDINGS, EXIT_OK
from .. import text
from ..text import LANG_ENV, LANGUAGES, counted, say
from . import fail, language

SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
CODE_STYLE = "cyan"
INDENT = 4
PLAIN_WIDTH = 100  # columns when writing to a pipe or a file
WIDE = 200  # the rule table, piped: wide enough that no title wraps

# --- the command line ------------------------------------------------------------------


def register(commands: argparse._SubParsersAction) -> None:
    rules = commands.add_parser("rules", help="list, explain, document, test and lint the rules",
                                description="List, explain, document, test and lint the rules.")
    actions = rules.add_subparsers(dest="rules_command", required=True, metavar="ACTION")

    listing = actions.add_parser("list", help="a table of the rules", description="A table of the rules.")
    listing.add_argument("--principle", choices=PRINCIPLES, help="only the rules of this principle")
    listing.add_argument("--severity", choices=SEVERITIES, help="only the rules of this severity")
    _common(listing, extra_rules=True)
    listing.set_defaults(handler=run_list)

    show = actions.add_parser("show", help="one rule in full, with examples",
                              description="One rule in full: what it checks, why, how to fix it, and examples.")
    show.add_argument("rule", metavar="ID", help="the rule's id, e.g. CON-001")
    _common(show, extra_rules=True)
    show.set_defaults(handler=run_show)

    doc = actions.add_parser("doc", help="the rule set as a guideline document",
                             description="The whole rule set as a guideline document, grouped by principle.")
    doc.add_argument("--format", choices=("markdown", "html"), default="markdown",
                     help="markdown (default) or a standalone html page")
    _common(doc, extra_rules=True, color=False)
    doc.set_defaults(handler=run_doc)

    test = actions.add_parser("test", help="run each rule's fixtures",
                              description="Run each rule's fixtures: the cases that must and must not trigger it.")
    test.add_argument("packs", nargs="*", metavar="PACK_DIR", help="rule packs to test (default: the built-in pack)")
    _common(test)
    test.set_defaults(handler=run_test)

    lint = actions.add_parser("lint", help="report every problem of a rule pack",
                              description="Report every problem of a rule pack, each as file:line:col.")
    lint.add_argument("packs", nargs="*", metavar="PACK_DIR", help="rule packs to lint (default: the built-in pack)")
    _common(lint)
    lint.set_defaults(handler=run_lint)


def _common(parser: argparse.ArgumentParser, extra_rules: bool = False, color: bool = True) -> None:
    parser.add_argument("--lang", choices=LANGUAGES, help=f"language (default: ${LANG_ENV}, else en)")
    if extra_rules:
        parser.add_argument("--rules", action="append", default=[], metavar="DIR",
                            help="an extra rule pack to load after the built-in one (repeatable)")
    if color:
        add_color_arguments(parser)


def _setup(args: argparse.Namespace, load: bool = True) -> tuple[str, RuleSet | None]:
    """The language and (for list, show, doc) the rule set; ValueError or LoadError if not."""
    lang = language(args.lang)
    return lang, (load_rule_set([Path(p) for p in args.rules]) if load else None)


class _Output:
    """A rich console writing to a buffer; lines are written out without trailing spaces."""

    def __init__(self, args: argparse.Namespace, stream: TextIO | None = None, plain_width: int = PLAIN_WIDTH):
        self.stream = stream or sys.stdout
        color = colored(color_choice(getattr(args, "color", None), os.environ), self.stream)
        tty = self.stream.isatty()
        self.buffer = io.StringIO()
        self.console = Console(file=self.buffer, no_color=not color, highlight=False, emoji=False,
                               width=shutil.get_terminal_size((80, 24)).columns if tty else plain_width,
                               force_terminal=color, color_system="standard" if color else None,
                               soft_wrap=False, markup=False)

    def print(self, *parts: Any, whole: bool = False) -> None:
        """``whole``: a line never wrapped nor cropped (locations stay clickable)."""
        self.console.print(*parts, soft_wrap=whole)

    def close(self) -> None:
        for line in self.buffer.getvalue().splitlines():
            self.stream.write(line.rstrip() + "\n")
        self.stream.flush()


def _shown(path: str | Path) -> str:
    """A path relative to the current folder when it is inside it."""
    try:
        return str(Path(path).resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return str(path)


def _segments_text(segments: list[tuple[str, bool]]) -> Text:
    result = Text()
    for value, is_code in segments:
        result.append(f"`{value}`" if is_code else value, style=CODE_STYLE if is_code else "")
    return result


# --- hkai rules list -------------------------------------------------------------------


def _levels_listed(levels: tuple[str, ...] | None, lang: str) -> str:
    """A rule's levels in a row of the list: ``all``, or its levels by their words."""
    listed = text.words("rules_command.list", lang)
    if levels is None:
        return listed["all_levels"]
    named = text.words("level", lang)
    return listed["level_separator"].join(named.get(level, visible(level)) for level in levels)


def run_list(args: argparse.Namespace) -> int:
    try:
        lang, rule_set = _setup(args)
    except (ValueError, LoadError) as error:
        return fail(str(error))
    assert rule_set is not None
    field, listed = text.words("rules_command.field", lang), text.words("rules_command.list", lang)
    rules = [rule for rule in sorted_rules(rule_set.rules)
             if (args.principle is None or rule.principle == args.principle)
             and (args.severity is None or rule.severity == args.severity)]
    out = _Output(args, plain_width=WIDE)  # piped, a row per rule: easy to grep
    if not rules:
        out.print(Text(say("rules_command.list.no_rules", lang)))
    else:
        table = Table(box=box.SIMPLE_HEAD, padding=(0, 1), show_edge=False, pad_edge=False)
        table.add_column(field["id"], no_wrap=True)
        table.add_column(field["principle"], no_wrap=True)
        table.add_column(field["severity"], no_wrap=True)
        table.add_column(field["levels"], no_wrap=True)
        table.add_column(field["title"], ratio=1, overflow="fold")
        for rule in rules:
            principle = listed["principle"].get(rule.principle, visible(rule.principle))
            table.add_row(Text(visible(rule.id), style="bold"), Text(principle),
                          Text(say(f"severity.{rule.severity}", lang), style=SEVERITY_STYLE.get(rule.severity, "")),
                          Text(_levels_listed(rule.levels, lang)), Text(rule_text(rule.title, lang)))
        out.print(table)
    summary = say("rules_command.list.summary", lang, count=counted("rule", len(rules), lang),
                  packs=visible(pack_names(rule_set)))
    out.print(Text(summary, style="dim"))
    out.close()
    return EXIT_OK


# --- hkai rules show -------------------------------------------------------------------


def run_show(args: argparse.Namespace) -> int:
    try:
        lang, rule_set = _setup(args)
    except (ValueError, LoadError) as error:
        return fail(str(error))
    assert rule_set is not None
    found = _find_rule(rule_set, args.rule)
    if found is None:
        return fail(_unknown_rule(rule_set, args.rule))
    rule, owner, disabled_by = found
    field = text.words("rules_command.field", lang)
    out = _Output(args)
    out.print(Text.assemble((visible(rule.id), "bold"), "  ", (rule_text(rule.title, lang), "bold")))
    out.print()
    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="dim", no_wrap=True)
    facts.add_column(overflow="fold")
    principle = text.words("principle", lang).get(rule.principle, "")
    facts.add_row(field["principle"], say("rules_command.show.principle", lang, value=visible(rule.principle),
                                          word=principle))
    severity = Text(text.words("severity", lang).get(rule.severity, visible(rule.severity)),
                    style=SEVERITY_STYLE.get(rule.severity, ""))
    meaning = severity_meaning(rule.severity, lang)
    if meaning:
        severity.append(f"  {meaning}", style="dim")
    if rule.draft_severity:
        draft = say(f"severity.{rule.draft_severity}", lang)
        severity.append(f"  {say('guideline.draft_severity', lang, severity=draft)}", style="dim")
    facts.add_row(field["severity"], severity)
    facts.add_row(field["levels"], levels_text(rule.levels, lang))
    pack_line = Text(f"{visible(owner.name)} {visible(owner.version)}")
    if disabled_by is not None:
        pack_line.append("  " + say("rules_command.show.disabled_by", lang, pack=visible(disabled_by.name)),
                         style="bold red")
    facts.add_row(field["pack"], pack_line)
    facts.add_row(field["defined_in"], visible(_shown(rule.file)))
    out.print(facts)
    _section(out, say("rules_command.show.why", lang), Text(rule_text(rule.rationale, lang)))
    described = describe_rule(rule, lang)
    if len(described) == 1:
        _section(out, say("rules_command.show.what_it_checks", lang), _segments_text(described[0]))
    else:
        numbered = Table.grid(padding=(0, 1))
        numbered.add_column(no_wrap=True, justify="right")
        numbered.add_column(ratio=1, overflow="fold")
        for index, sentence in enumerate(described, 1):
            numbered.add_row(f"{index}.", _segments_text(sentence))
        _section(out, say("rules_command.show.what_it_checks", lang), numbered)
    _section(out, say("rules_command.show.source", lang), Text(rule_text(rule.source, lang)))
    _section(out, say("rules_command.show.how_to_fix", lang), Text(rule_text(rule.fix, lang)))
    help_uri = rule.spec.get("help_uri") if isinstance(rule.spec, dict) else None
    if isinstance(help_uri, str):
        _section(out, say("rules_command.show.more", lang), Text(visible(help_uri)))
    examples = _examples(rule, owner)
    fixture_file = _shown(owner.path / FIXTURES_DIR / f"{rule.id}.yaml")
    for triggers, title in ((True, say("rules_command.show.breaking_example", lang)),
                            (False, say("rules_command.show.complying_example", lang))):
        out.print()
        out.print(Text(title, style="bold"))
        example = examples.get(triggers)
        if example is None:
            missing = Text(say("rules_command.show.no_example", lang, file=visible(fixture_file)), style="dim")
            out.print(Padding(missing, (0, 0, 0, INDENT)))
            continue
        file, line, name, snippet = example
        out.print(Text.assemble(" " * INDENT, (f"{visible(_shown(file))}:{line}", "blue"), "  ",
                                (visible(name), "dim")), whole=True)
        for snippet_line in snippet.splitlines():
            out.print(Text(" " * INDENT + visible(snippet_line)), whole=True)
    out.close()
    return EXIT_OK


def _section(out: _Output, title: str, body: Text | Table) -> None:
    out.print()
    out.print(Text(title, style="bold"))
    out.print(Padding(body, (0, 0, 0, INDENT)))


def _find_rule(rule_set: RuleSet, wanted: str) -> tuple[Rule, RulePack, RulePack | None] | None:
    """The rule (as the rule set has it), the pack defining it, and the pack disabling it."""
    key = wanted.strip().upper()
    owners = {rule.id.upper(): (rule, pack) for pack in rule_set.packs for rule in pack.rules}
    if key not in owners:
        return None
    defined, owner = owners[key]
    active = {rule.id: rule for rule in rule_set.rules}
    if defined.id in active:
        return active[defined.id], owner, None
    disabler = next((pack for pack in reversed(rule_set.packs)
                     if any(o.rule == defined.id and o.disabled for o in pack.overrides)), owner)
    return defined, owner, disabler


def _unknown_rule(rule_set: RuleSet, wanted: str) -> str:
    ids = sorted({rule.id for pack in rule_set.packs for rule in pack.rules})
    by_upper = {rule_id.upper(): rule_id for rule_id in ids}
    key = wanted.strip().upper()
    scored = [(difflib.SequenceMatcher(None, key, candidate).ratio(), sum(a == b for a, b in zip(key, candidate)),
               candidate) for candidate in by_upper]
    # most similar first; on a tie, the one with more characters in the same places (a typo)
    close = [c for ratio, _, c in sorted(scored, key=lambda s: (-s[0], -s[1], s[2])) if ratio >= 0.5][:3]
    if close:
        return f"unknown rule {wanted!r}; did you mean: {', '.join(by_upper[c] for c in close)}?"
    return f"unknown rule {wanted!r}; `hkai rules list` shows the {len(ids)} rules"


def _examples(rule: Rule, pack: RulePack) -> dict[bool, tuple[str, int, str, str]]:
    """The first case that triggers the rule and the first that does not, from its fixture
    file: (file, line, case name, the manifest as YAML)."""
    file = pack.path / FIXTURES_DIR / f"{rule.id}.yaml"
    if not file.is_file():
        return {}
    fixture = read_fixture(file)
    if fixture.document is None:
        return {}
    try:
        source = file.read_text(encoding="utf-8-sig")
    except OSError:
        return {}
    found: dict[bool, tuple[str, int, str, str]] = {}
    for case in fixture.cases or ():
        if case.triggers is None or case.manifest is None or case.triggers in found:
            continue
        found[case.triggers] = (str(file), case.line, case.title,
                                _snippet(fixture.document, source, f"{case.pointer}/manifest", case.manifest.data))
    return found


def _snippet(document: Document, source: str, prefix: str, manifest: dict) -> str:
    """The manifest as its author wrote it (comments included), else as YAML."""
    lines = source.splitlines()
    inside = [position[0] for pointer, position in document.positions.items() if pointer.startswith(prefix + "/")]
    key = document.positions.get(prefix)
    if inside and key is not None and min(inside) > key[0]:
        first, last = min(inside), max(inside)
        after = [position[0] for pointer, position in document.positions.items()
                 if position[0] > last and pointer != prefix and not pointer.startswith(prefix + "/")]
        chunk = lines[first - 1:(min(after) - 1 if after else len(lines))]
        while chunk and (not chunk[-1].strip() or chunk[-1].lstrip().startswith("#")):
            chunk.pop()
        text = textwrap.dedent("\n".join(chunk))
        if text.strip():
            return text
    return yaml.safe_dump(manifest, sort_keys=False, allow_unicode=True, default_flow_style=False, width=100).rstrip()


# --- hkai rules doc --------------------------------------------------------------------


def run_doc(args: argparse.Namespace) -> int:
    try:
        lang, rule_set = _setup(args)
    except (ValueError, LoadError) as error:
        return fail(str(error))
    assert rule_set is not None
    document = render_html(rule_set, lang) if args.format == "html" else render_markdown(rule_set, lang)
    sys.stdout.write(document)
    return EXIT_OK


# --- hkai rules test -------------------------------------------------------------------


def run_test(args: argparse.Namespace) -> int:
    try:
        lang = language(args.lang)
        loaded = [_load_for_test(Path(p) if p is not None else None) for p in (args.packs or [None])]
    except (ValueError, LoadError) as error:
        return fail(str(error))
    out = _Output(args)
    failed = False
    for index, (pack, rule_set) in enumerate(loaded):
        if index:
            out.print()
        failed |= _test_pack(out, pack, rule_set, lang)
    out.close()
    return EXIT_FINDINGS if failed else EXIT_OK


def _load_for_test(directory: Path | None) -> tuple[RulePack, RuleSet]:
    """The pack to test, and the rule set it is tested with (it and what it extends)."""
    if directory is None:
        rule_set = load_rule_set([])
        return rule_set.packs[0], rule_set
    if not directory.is_dir():
        raise LoadError(str(directory), "no such rule pack folder")
    rule_set = load_rule_set([directory], include_builtin=False)
    resolved = directory.resolve()
    pack = next(p for p in rule_set.packs if p.path.resolve() == resolved)
    return pack, rule_set


def _test_pack(out: _Output, pack: RulePack, rule_set: RuleSet, lang: str) -> bool:
    """Print each rule's outcome; whether any failed."""
    words = text.words("rules_command.test", lang)
    run = run_fixtures(pack, rule_set)
    heading = words["testing"].format(pack=f"{visible(pack.name)} {visible(pack.version)}",
                                      path=visible(_shown(pack.path)), rules=counted("rule", len(run.rules), lang))
    out.print(Text(heading, style="bold"), whole=True)
    passed = 0
    for rule in run.rules:
        failures = rule.failures()
        ok = not failures
        passed += ok
        count = words["cases"].format(passed=rule.passed_count, total=counted("case", rule.case_count, lang))
        out.print(Text.assemble((words["pass"] if ok else words["fail"], "bold green" if ok else "bold red"),
                                "  ", (visible(rule.rule), "bold"), "  ", count), whole=True)
        for failure in failures:
            out.print(Text(" " * INDENT + visible(_failure_line(failure, pack, rule.rule, words, lang))), whole=True)
    for rule_id, fixtures in run.strays.items():
        out.print(Text.assemble((words["fail"], "bold red"), "  ", (visible(rule_id), "bold"), "  ",
                                words["unknown_rule"].format(rule=visible(rule_id))), whole=True)
        out.print(Text(" " * INDENT + visible(_rule_place(fixtures[0]))), whole=True)
    failed = len(run.rules) - passed + len(run.strays)
    out.print(Text(words["tested"].format(rules=counted("rule", len(run.rules), lang), passed=passed, failed=failed,
                                           cases=counted("case", run.case_count, lang)),
                   style="bold red" if failed else "bold green"), whole=True)
    return failed > 0


_GAP_WORDS = {Gap.NO_FIXTURE_FILE: "no_fixtures", Gap.NO_TRIGGERING_CASE: "no_triggering",
              Gap.NO_PASSING_CASE: "no_passing"}


def _failure_line(failure: FixtureProblem | CaseOutcome | TwinProblem | Gap, pack: RulePack, rule_id: str,
                  words: dict[str, Any], lang: str) -> str:
    if isinstance(failure, FixtureProblem):
        return f"{_shown(failure.file)}:{failure.line}:{failure.column}: {failure.message}"
    if isinstance(failure, TwinProblem):
        return (f"{_shown(failure.fixture.path)}:{failure.line}:{failure.column}: {failure.case.title!r} "
                f"({words['twin']['fixed']}): {failure.describe(rule_id, lang)}")
    if isinstance(failure, CaseOutcome):
        expectation = words["triggers"] if failure.case.triggers else words["no_trigger"]
        return (f"{_shown(failure.fixture.path)}:{failure.case.line}: {failure.case.title!r} ({expectation}): "
                f"{failure.failure}")
    fixture_file = f"{FIXTURES_DIR}/{rule_id}.yaml"
    return f"{_shown(pack.path / fixture_file)}: " + words[_GAP_WORDS[failure]].format(file=fixture_file)


def _rule_place(fixture: Fixture) -> str:
    """Where a fixture file names its rule (its start when it names none)."""
    line = fixture.document.locate("/rule")[0] if fixture.document is not None else 1
    return f"{_shown(fixture.path)}:{line}"


# --- hkai rules lint -------------------------------------------------------------------


def run_lint(args: argparse.Namespace) -> int:
    try:
        lang = language(args.lang)
    except ValueError as error:
        return fail(str(error))
    directories = [Path(p) for p in args.packs] or [builtin_pack_dir()]
    for directory in directories:
        if not directory.is_dir():
            return fail(f"{directory}: no such rule pack folder")
    out = _Output(args)
    found = False
    for directory in directories:
        result = lint_pack(directory)
        for problem in result.problems:
            location = str(LoadError(_shown(problem.path), problem.message, problem.line, problem.column))
            out.print(Text(visible(location)), whole=True)
        found |= bool(result.problems)
        path, rules = visible(_shown(directory)), counted("rule", result.rule_count, lang)
        summary = (say("rules_command.lint.problems", lang, path=path, count=counted("problem", len(result.problems), lang),
                       rules=rules)
                   if result.problems else say("rules_command.lint.clean", lang, path=path, rules=rules))
        out.print(Text(summary, style="bold red" if result.problems else "bold green"), whole=True)
    out.close()
    return EXIT_FINDINGS if found else EXIT_OK


