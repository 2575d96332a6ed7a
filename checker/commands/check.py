"""``hkai check``: check manifests and report every finding."""

from __future__ import annotations

import argparse
import datetime
import os
import sys
from contextlib import ExitStack
from pathlib import Path
from typing import Any

from ..evaluation.batch import check_paths
from ..evaluation.manifest import FAIL_ON, CheckOptions, ManifestResult
from ..settings import ConfigError, Settings, find_config, read_config
from ..reading.discovery import discover
from ..reading.yaml_loader import DEFAULT_MAX_BYTES, LoadError
from ..packs.loading import load_rule_set
from ..packs.selection import select_rules
from ..report import FORMATS, renderer
from ..report.run import EXIT_OK, Run
from ..evaluation.waivers import load_review_waivers, review_findings
from ..text import LANGUAGES, say
from . import LANG_ENV, env_language, fail, iso_date, positive

STDOUT = "-"


class _FormatAction(argparse.Action):
    """``--format`` may repeat; each ``--output`` goes with the ``--format`` before it."""

    def __call__(self, parser, namespace, value, option_string=None):
        outputs = getattr(namespace, "outputs", None) or []
        if self.dest == "format":
            outputs.append([value, STDOUT])
        elif not outputs or outputs[-1][1] != STDOUT:
            parser.error("--output must follow the --format it is for, e.g. --format sarif --output hkai.sarif")
        else:
            outputs[-1][1] = value
        namespace.outputs = outputs


def register(commands: argparse._SubParsersAction) -> None:
    check = commands.add_parser("check", help="check manifests and report every finding",
                                description="Check manifests (files, or folders searched for manifest.yaml).")
    check.add_argument("paths", nargs="*", default=["."], metavar="PATH",
                       help="manifest files or folders (default: the current folder)")
    check.add_argument("--format", choices=FORMATS, action=_FormatAction, dest="format",
                       help="output format; repeat it to write several (default: rich)")
    check.add_argument("--output", action=_FormatAction, dest="output", metavar="FILE",
                       help="write the --format given just before to FILE instead of standard output")
    check.add_argument("--lang", choices=LANGUAGES, help=f"language of the report (default: ${LANG_ENV}, else en)")
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
    check.add_argument("--jobs", type=positive, default=_usable_cpus(), metavar="N",
                       help="check manifests, or a big manifest's rules, in N parallel processes "
                            "(default: the CPUs this process may use)")
    check.add_argument("--no-color", action="store_true", help="plain text without colours")
    check.add_argument("--today", type=iso_date, metavar="YYYY-MM-DD", help="the date to check expiry against (default: today)")
    check.add_argument("--max-file-size", type=positive, default=DEFAULT_MAX_BYTES, metavar="BYTES",
                       help=f"refuse manifests larger than this (default: {DEFAULT_MAX_BYTES})")
    check.set_defaults(handler=run)


def _usable_cpus() -> int:
    """CPUs this process may run on (a container or taskset may allow fewer than exist)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def _selectors(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


def run(args: argparse.Namespace) -> int:
    try:
        settings = effective_settings(args)
    except ConfigError as error:
        return fail(str(error))
    if args.show_config:
        for key, value in settings.values.items():
            print(f"{key} = {value!r}  ({settings.sources[key]})")
        return EXIT_OK
    return run_check(args, settings)


def effective_settings(args: argparse.Namespace) -> Settings:
    """Defaults, then the config file, then $HKAI_LANG, then the command line."""
    settings = Settings()
    path = args.config or find_config(Path.cwd())
    if args.config is not None and not args.config.is_file():
        raise ConfigError(f"{args.config}: no such config file")
    if path is not None:
        for key, value in read_config(path).items():
            settings.set(key, value, str(path))
    try:
        from_environment = env_language()
    except ValueError as error:
        raise ConfigError(str(error)) from None
    if from_environment:
        settings.set("lang", from_environment, f"${LANG_ENV}")
    flags: dict[str, Any] = {
        "fail-on": args.fail_on, "lang": args.lang, "select": args.select, "ignore": args.ignore,
        "extra-rules": [str(Path(p).resolve()) for p in args.rules] if args.rules else None,
        "format": [name for name, _ in getattr(args, "outputs", [])] or None,
    }
    for key, value in flags.items():
        if value is not None:
            settings.set(key, value, "command line")
    return settings


def _outputs(args: argparse.Namespace, settings: Settings) -> list[list[str]]:
    outputs = getattr(args, "outputs", None)
    if outputs:
        return outputs
    if settings["format"]:
        return [[name, STDOUT] for name in settings["format"]]
    if os.environ.get("GITHUB_ACTIONS") == "true":  # a readable log and annotations on the diff
        return [["rich", STDOUT], ["github", STDOUT]]
    return [["rich", STDOUT]]


def run_check(args: argparse.Namespace, settings: Settings) -> int:
    try:
        rule_set = load_rule_set([Path(p) for p in settings["extra-rules"]])
        rule_set = select_rules(rule_set, settings["select"], settings["ignore"], settings["severity"])
    except LoadError as error:
        return fail(str(error))
    except ValueError as error:
        sources = sorted({settings.sources[key] for key in ("select", "ignore", "severity")} - {"default"})
        return fail(f"{error} ({', '.join(sources)})")
    today = args.today or datetime.date.today().isoformat()
    try:
        review_waivers = [waiver for path in args.waivers or () for waiver in load_review_waivers(path)]
    except LoadError as error:
        return fail(str(error))
    options = CheckOptions(today=today, max_bytes=args.max_file_size, review_waivers=tuple(review_waivers),
                           trusted_waivers_only=args.trusted_waivers_only, verify_evidence=args.verify_evidence)
    paths, problems = discover(args.paths)
    results = check_paths(paths, rule_set, options, args.jobs)
    results += [ManifestResult(path=path, error=LoadError(path, problem)) for path, problem in problems]
    results += [ManifestResult(path=file, kind="waivers", schema_valid=True, findings=findings)
                for file, findings in review_findings(review_waivers, results, rule_set, today).items()]
    for result in results:
        if result.error is not None:
            print(f"hkai: error: {result.error}", file=sys.stderr)
    outcome = None
    if args.baseline is not None or args.create_baseline is not None:
        from ..evaluation.baseline import apply_baseline, read_baseline, write_baseline  # only baseline runs pay for it
    try:
        if args.baseline is not None:
            outcome = apply_baseline(results, read_baseline(args.baseline))
    except LoadError as error:
        return fail(str(error))
    if args.create_baseline is not None:
        try:
            count = write_baseline(args.create_baseline, results)
        except OSError as error:
            return fail(f"cannot write baseline: {error.strerror or error} ({args.create_baseline})")
        print("hkai: " + say("cli.baseline_written", settings["lang"], count=count, path=args.create_baseline),
              file=sys.stderr)
    run = Run(results=results, pack=rule_set, fail_on=settings["fail-on"], lang=settings["lang"], today=today,
              baseline=outcome)
    color = not args.no_color and "NO_COLOR" not in os.environ
    try:
        _render(run, _outputs(args, settings), color)
    except OSError as error:
        return fail(f"cannot write report: {error.strerror or error} ({error.filename})")
    return run.exit_code()


def _render(run: Run, outputs: list[list[str]], color: bool) -> None:
    with ExitStack() as files:
        for name, destination in outputs:
            if destination == STDOUT:
                renderer(name)(run, sys.stdout, color)
            else:
                stream = files.enter_context(open(destination, "w", encoding="utf-8", newline="\n"))
                renderer(name)(run, stream, False)
