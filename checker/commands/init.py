"""``hkai init``: write a commented starter manifest for a production (``checker.starters``
renders it), and beside it the manifest's JSON Schema, which the manifest's first line
(a yaml-language-server modeline) points editors at. Nothing is ever overwritten."""

from __future__ import annotations

import argparse
import datetime
import shlex
from pathlib import Path

import yaml

from ..reading.discovery import MANIFEST_NAMES
from ..report.model import EXIT_OK
from ..starters import LEVELS, count_placeholders, render, slug_for
from ..text import LANG_ENV, LANGUAGES, counted, say, words
from . import fail, language
from .schema import schema_text

MANIFEST_FILE = MANIFEST_NAMES[0]
SCHEMA_FILE = "manifest.schema.json"
# Read by yaml-language-server (VS Code's YAML extension and other editors): validate while typing.
MODELINE = f"# yaml-language-server: $schema={SCHEMA_FILE}\n"


def register(commands: argparse._SubParsersAction) -> None:
    init = commands.add_parser(
        "init", help="write a commented starter manifest.yaml for a production",
        description="Write DIR/manifest.yaml: a commented starter manifest for a production at the given AI-use "
                    "level, with a TODO placeholder wherever only you can supply the value. `hkai check` fails until "
                    "every one is replaced; `hkai check --draft` reports them as info while you work. "
                    "An existing manifest is never overwritten.")
    init.add_argument("directory", nargs="?", default=".", metavar="DIR",
                      help="the production's folder, created if missing (default: the current folder)")
    init.add_argument("--level", required=True, choices=LEVELS,
                      help="the production's AI-use level: low (e.g. accent correction), medium (de-ageing, "
                           "replicas, voice clones), high (synthetic performers, generated footage)")
    init.add_argument("--lang", choices=LANGUAGES,
                      help=f"language of the comments and placeholders (default: ${LANG_ENV}, else en)")
    init.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    try:
        lang = language(args.lang)
    except ValueError as error:
        return fail(str(error))
    directory = Path(args.directory)
    for name in MANIFEST_NAMES:
        existing = directory / name
        if existing.exists() or existing.is_symlink():
            return fail(f"{existing} already exists; hkai init never overwrites a manifest "
                        f"(edit it, or choose another folder)")
    if directory.exists() and not directory.is_dir():
        return fail(f"{directory} exists and is not a folder")
    schema_path, schema = directory / SCHEMA_FILE, schema_text()
    if _other_file(schema_path, schema):
        return fail(f"{schema_path} already exists and is not this version's manifest schema; hkai init never "
                    f"overwrites a file (remove it, or rewrite it with `hkai schema --output {shlex.quote(str(schema_path))}`)")
    command_dir = shlex.quote(args.directory)
    text = render(args.level, lang, slug_for(directory), datetime.date.today(), command_dir)
    path = directory / MANIFEST_FILE
    try:
        directory.mkdir(parents=True, exist_ok=True)
        _write_new(path, MODELINE + text)
        if not schema_path.exists():
            _write_new(schema_path, schema)
    except FileExistsError as error:
        return fail(f"{error.filename} already exists; hkai init never overwrites a file")
    except OSError as error:
        return fail(f"cannot write {error.filename or path}: {error.strerror or error}")
    count = count_placeholders(yaml.safe_load(text))
    print(say("init.written", lang, path=path, level=words("level", lang)[args.level],
              placeholders=counted("todo_placeholder", count, lang), dir=command_dir, schema=schema_path))
    return EXIT_OK


def _other_file(path: Path, expected: str) -> bool:
    """Whether something other than a plain file holding exactly ``expected`` is at ``path``."""
    if not (path.exists() or path.is_symlink()):
        return False
    try:
        return path.is_symlink() or not path.is_file() or path.read_bytes() != expected.encode("utf-8")
    except OSError:
        return True


def _write_new(path: Path, text: str) -> None:
    with open(path, "x", encoding="utf-8", newline="\n") as stream:  # "x": never overwrite, even in a race
        stream.write(text)
