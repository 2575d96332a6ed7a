"""``hkai schema``: print the JSON Schema of manifests (or of rule files, or of pack.yaml),
for editors and other tools that validate YAML as it is typed; or, with ``--doc``, the
manifest's field reference generated from it, for people."""

from __future__ import annotations

import argparse
import json

from ..report.output_file import OutputError, output_file
from ..report.model import EXIT_OK
from ..reading.schema import MANIFEST_SCHEMA, PACK_SCHEMA, RULE_FILE_SCHEMA, load_schema
from ..reading import field_reference
from ..text import LANG_ENV, LANGUAGES
from . import fail, language

STDOUT = "-"


def register(commands: argparse._SubParsersAction) -> None:
    schema = commands.add_parser(
        "schema", help="print the JSON Schema of manifests, for editors (or, with --doc, its field reference)",
        description="Print the JSON Schema (draft 2020-12) the checker validates manifests against, exactly as "
                    "shipped. Point your editor's YAML support at it, e.g. with the comment "
                    "`# yaml-language-server: $schema=manifest.schema.json` at the top of a manifest. "
                    "With --doc, print the field reference generated from it instead, for people.")
    which = schema.add_mutually_exclusive_group()
    which.add_argument("--rule-file", dest="name", action="store_const", const=RULE_FILE_SCHEMA,
                       help="the schema of rule files (a rule pack's *.yaml) instead")
    which.add_argument("--pack", dest="name", action="store_const", const=PACK_SCHEMA,
                       help="the schema of a rule pack's pack.yaml instead")
    which.add_argument("--doc", action="store_true",
                       help="print the manifest's field reference instead: every section and field with its type, "
                            "allowed values, meaning and an example, as Markdown")
    schema.add_argument("--lang", choices=LANGUAGES,
                        help=f"language of the field reference (--doc) (default: ${LANG_ENV}, else en)")
    schema.add_argument("--output", default=STDOUT, metavar="FILE",
                        help="write the schema (or the field reference) to FILE instead of standard output")
    schema.set_defaults(handler=run, name=MANIFEST_SCHEMA)


def schema_text(name: str = MANIFEST_SCHEMA) -> str:
    """The shipped schema as pretty-printed JSON: keys in the file's order, two-space
    indent, non-ASCII kept as is, a final newline. The same bytes on every run."""
    return json.dumps(load_schema(name), indent=2, ensure_ascii=False) + "\n"


def run(args: argparse.Namespace) -> int:
    if args.doc:
        try:
            text = field_reference.render(language(args.lang))
        except ValueError as error:  # $HKAI_LANG names no language
            return fail(str(error))
    else:
        text = schema_text(args.name)
    if args.output == STDOUT:
        print(text, end="")
        return EXIT_OK
    try:
        with output_file(args.output) as stream:
            stream.write(text)
    except OutputError as error:
        return fail(str(error))
    return EXIT_OK
