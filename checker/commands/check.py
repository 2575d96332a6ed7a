"""``hkai check``: check manifests and report every finding."""

from __future__ import annotations

import argparse
import sys
from contextlib import ExitStack
from pathlib import Path

from ..color import add_color_arguments, colored
from ..reading.yaml_loader import DEFAULT_MAX_BYTES, DEFAULT_MAX_NODES
from ..report import BOTH_LANGUAGES, FORMATS, renderer
from ..report.output_file import OutputError, output_file
from ..report.safe_text import visible
from ..report.model import EXIT_FINDINGS, EXIT_OK, FAIL_ON, Report
from ..settings import STDOUT, Output, Settings, SettingsError, resolve
from ..text import LANG_ENV, LANGUAGES, say
from . import fail, iso_date, positive, print_error


class _FormatAction(argparse.Action):
    """``--format`` may repeat; each ``--output`` goes with the ``--format`` before it."""

    def __call__(self, parser, namespace, value, option_string=None):
        outputs = list(getattr(namespace, "outputs", None) or ())
        if self.dest == "format":
            outputs.append(Output(value))
        elif not outputs or outputs[-1].destination is not STDOUT:
            parser.error("--output must follow the --format it is for, e.g. --format sarif --output hkai.sarif")
        else:
            outputs[-1] = Output(outputs[-1].format, Path(value))
        namespace.outputs = tuple(outputs)


def register(commands: argparse._SubParsersAction) -> None:
    check = commands.add_parser("check", help="check manifests and report every finding",
                                description="Check manifests (files, or folders searched for manifest.yaml).")
    check.add_argument("paths", nargs="*", default=["."], metavar="PATH",
                       help="manifest files or folders (default: the current folder); '-': read a manifest "
                            "from standard input")
    check.add_argument("--stdin-filename", type=Path, metavar="PATH",
                       help="with '-': the manifest's location in reports (default: <stdin>); its evidence "
                            "documents are looked for beside PATH")
    check.add_argument("-f", "--format", "--output-format", choices=FORMATS, action=_FormatAction, dest="format",
                       help="output format; repeat it to write several (default: rich)")
    check.add_argument("-o", "--output", action=_FormatAction, dest="output", metavar="FILE",
                       help="write the --format given just before to FILE instead of standard output")
    check.add_argument("-q", "--quiet", action="store_true",
                       help="rich output: only the findings, without headings, scorecards or summary")
    check.add_argument("--statistics", action="store_true",
                       help="rich output: how many findings of each rule (most first) instead of the findings; "
                            "other formats are written in full")
    check.add_argument("--show-source", dest="show_source", action="store_const", const=True,
                       help="rich output: under each finding, its line of the manifest with a caret at its "
                            "column (the default; not with --redact)")
    check.add_argument("--no-show-source", dest="show_source", action="store_const", const=False,
                       help="rich output: no manifest lines under the findings")
    check.add_argument("--exit-zero", action="store_true",
                       help="exit 0 even with findings at or above --fail-on (files that cannot be read still "
                            "exit 2; command line only)")
    check.add_argument("--lang", choices=(*LANGUAGES, BOTH_LANGUAGES),
                       help=f"language of the report (default: ${LANG_ENV}, else en); "
                            f"{BOTH_LANGUAGES}: side by side, for --format html only")
    check.add_argument("--fail-on", choices=FAIL_ON, help="lowest unwaived severity that fails the run (default: error)")
    check.add_argument("--select", type=_selectors, metavar="RULES",
                       help="only these rules: ids, id prefixes (DIS-) or principles, comma-separated")
    check.add_argument("--ignore", type=_selectors, metavar="RULES", help="skip these rules (same syntax as --select)")
    check.add_argument("--rules", type=str, action="append", metavar="DIR",
                       help="an extra rule pack to load after the built-in one (repeatable)")
    check.add_argument("--config", type=Path, metavar="FILE",
                       help="settings file (default: hkai.toml or [tool.hkai] in pyproject.toml, searched upward)")
    check.add_argument("--show-config", action="store_true", help="print the effective settings and where each came from")
    check.add_argument("--waivers", type=Path, action="append", metavar="FILE",
                       help="a reviewing body's waivers file (repeatable)")
    check.add_argument("--trusted-waivers-only", action="store_true",
                       help="only waivers from --waivers files count; a manifest's own are shown as claimed")
    check.add_argument("--verify-evidence", action="store_true",
                       help="check that each consent's document exists beside the manifest and matches its sha256")
    check.add_argument("--baseline", type=Path, metavar="FILE", help="fail only on findings that are not in this baseline")
    check.add_argument("--create-baseline", type=Path, metavar="FILE", help="write the current findings as a baseline")
    check.add_argument("--jobs", type=positive, metavar="N",
                       help="check manifests, or a big manifest's rules, in N parallel processes "
                            "(default: one per CPU this process may use for a batch; one manifest is checked "
                            "in one process)")
    check.add_argument("--draft", action="store_true",
                       help="check work in progress: placeholders left in are info instead of errors, and every "
                            "report is labelled DRAFT (command line only, never from a config file)")
    check.add_argument("--redact", action="store_true",
                       help="replace people's names, record ids, emails, file names and x- values by pseudonyms "
                            "in every report (for reports that leave the panel)")
    check.add_argument("--redact-key", metavar="KEY",
                       help="with --redact: give pseudonyms in the order of a hash keyed by KEY, not of appearance")
    check.add_argument("--redact-paths", action="store_true", help="with --redact: folder names too")
    check.add_argument("--redaction-map", type=Path, metavar="FILE",
                       help="with --redact: write which pseudonym stands for what to FILE (mode 0600)")
    check.add_argument("--root", type=_folder, metavar="DIR",
                       help="the repository root that sarif and gitlab locations are relative to (default: the "
                            "nearest folder above the current one that holds .git, else the current folder)")
    check.add_argument("--manifest-glob", action="append", metavar="PATTERN",
                       help="in a folder, also check the files whose name matches PATTERN (e.g. '*.manifest.yaml'; "
                            "repeatable; default: only manifest.yaml and manifest.yml)")
    check.add_argument("--exclude", action="append", metavar="PATTERN",
                       help="skip the folders a search meets that match this gitignore-style pattern (repeatable); "
                            "replaces the default: hidden folders, node_modules and .venv")
    check.add_argument("--extend-exclude", action="append", metavar="PATTERN",
                       help="skip these folders as well as the excluded ones (repeatable)")
    check.add_argument("--respect-gitignore", action=argparse.BooleanOptionalAction, default=None,
                       help="in a folder search, skip the manifests that .gitignore files and .git/info/exclude "
                            "ignore, as git does (default: off, so a submitter's .gitignore hides nothing; "
                            "a path named on the command line is checked even if ignored)")
    add_color_arguments(check)
    check.add_argument("--today", type=iso_date, metavar="YYYY-MM-DD", help="the date to check expiry against (default: today)")
    check.add_argument("--max-file-size", type=positive, metavar="BYTES",
                       help=f"refuse manifests larger than this (default: {DEFAULT_MAX_BYTES})")
    check.add_argument("--max-nodes", type=positive, metavar="N",
                       help=f"refuse manifests of more than N YAML nodes (default: {DEFAULT_MAX_NODES})")
    check.set_defaults(handler=run)


def _folder(value: str) -> Path:
    if not Path(value).is_dir():
        raise argparse.ArgumentTypeError(f"{value!r} is not a folder")
    return Path(value)


def _selectors(value: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in value.split(",") if part.strip())


def run(args: argparse.Namespace) -> int:
    try:
        settings = resolve(_flags(args), config=args.config)
        if args.show_config:
            for key, value, source in settings.shown():
                print(f"{key} = {value!r}  ({source})")
            return EXIT_OK
        from ..app import check  # --show-config does not pay for loading the checker

        report = check(args.paths, settings)
    except SettingsError as error:
        return fail(str(error))
    for result in report.documents:
        if result.error is not None:
            print_error(result.error)
    if report.stopped is not None:
        return fail(report.stopped)
    for folder in report.no_manifest_in:
        print_error(say("cli.no_manifest", settings.message_lang, folder=visible(folder)))
    if report.baseline_written is not None:
        print("hkai: " + say("cli.baseline_written", settings.message_lang, count=report.baseline_written,
                             path=visible(settings.create_baseline)), file=sys.stderr)
    try:
        _render(report, settings)
        if settings.redaction_map is not None and report.redaction is not None:
            report.redaction.write_map(settings.redaction_map)
    except OutputError as error:
        return fail(str(error))
    code = report.exit_code()
    return EXIT_OK if code == EXIT_FINDINGS and settings.exit_zero else code


def _flags(args: argparse.Namespace) -> dict:
    """The settings given on the command line (None: not given)."""
    return {
        "fail_on": args.fail_on, "lang": args.lang, "select": args.select, "ignore": args.ignore,
        "extra_rules": tuple(Path(p).resolve() for p in args.rules) if args.rules else None,
        "outputs": getattr(args, "outputs", None), "today": args.today, "jobs": args.jobs,
        "max_file_size": args.max_file_size, "max_nodes": args.max_nodes,
        "review_waivers": tuple(args.waivers) if args.waivers else None,
        "trusted_waivers_only": args.trusted_waivers_only or None, "verify_evidence": args.verify_evidence or None,
        "baseline": args.baseline, "create_baseline": args.create_baseline, "color": args.color,
        "draft": args.draft or None, "exit_zero": args.exit_zero or None, "quiet": args.quiet or None,
        "statistics": args.statistics or None, "show_source": args.show_source,
        "redact": args.redact or None, "redact_key": args.redact_key, "redact_paths": args.redact_paths or None,
        "redaction_map": args.redaction_map, "source_root": args.root,
        "stdin_filename": args.stdin_filename,
        "manifest_globs": tuple(args.manifest_glob) if args.manifest_glob else None,
        "exclude": tuple(args.exclude) if args.exclude else None,
        "extend_exclude": tuple(args.extend_exclude) if args.extend_exclude else None,
        "respect_gitignore": args.respect_gitignore,
    }


def _render(report: Report, settings: Settings) -> None:
    with ExitStack() as files:
        for output in settings.outputs:
            stream = sys.stdout if output.destination is STDOUT else files.enter_context(output_file(output.destination))
            color = colored(settings.color, stream) if output.destination is STDOUT else False
            if output.format == "rich":
                renderer("rich")(report, stream, color, quiet=settings.quiet, statistics=settings.statistics,
                                 show_source=settings.show_source)
            else:
                renderer(output.format)(report, stream, color)
