"""Regenerate the language's part of rule-file.schema.json, from checker/language/grammar.py.

    python scripts/generate_rule_schema.py            # --check: only say whether it is out of date

tests/test_schema_validation.py fails when the schema is out of date.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run from a checkout, installed or not

from checker.language.grammar import language_schema  # noqa: E402
from checker.reading.schema import RULE_FILE_SCHEMA, SCHEMAS_DIR  # noqa: E402


def rule_file_schema() -> str:
    """rule-file.schema.json with its top-level language keys and its language definitions
    as the grammar declares them; the rest of the file is kept as written."""
    schema = json.loads((SCHEMAS_DIR / RULE_FILE_SCHEMA).read_text(encoding="utf-8"))
    keys, definitions = language_schema()
    schema["properties"] = {"rules": schema["properties"]["rules"], **keys}
    schema["$defs"] = {name: value for name, value in schema["$defs"].items() if name not in definitions}
    schema["$defs"].update(definitions)
    return json.dumps(schema, indent=2) + "\n"


def main() -> int:
    check_only = "--check" in sys.argv
    schema = rule_file_schema()
    stale = (SCHEMAS_DIR / RULE_FILE_SCHEMA).read_text(encoding="utf-8") != schema
    if stale and not check_only:
        (SCHEMAS_DIR / RULE_FILE_SCHEMA).write_text(schema, encoding="utf-8")
    print(("out of date: " if check_only else "written: ") + (RULE_FILE_SCHEMA if stale else "nothing"))
    return 1 if check_only and stale else 0


if __name__ == "__main__":
    raise SystemExit(main())
