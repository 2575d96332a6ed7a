"""Regenerate the language's part of rule-file.schema.json, from checker/language/grammar.py,
and checker/schemas/_fast_*.py: fast validators compiled from the JSON Schemas.

    python scripts/generate_validators.py            # --check: only say what is out of date

jsonschema explains every error, but walks a large manifest slowly; fastjsonschema turns
a schema into plain Python that only answers "valid or not", about ten times faster. The
checker asks the fast validator first and only asks jsonschema, for the explanations,
when the answer is no. The generated code is committed so that a run does not pay for
compiling it; tests/test_schema_fast_path.py fails when it is out of date.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import fastjsonschema

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run from a checkout, installed or not

from checker.language.grammar import language_schema  # noqa: E402
from checker.reading.schema import RULE_FILE_SCHEMA, fast_module_name  # noqa: E402  (the one place the naming is decided)

SCHEMAS = ROOT / "checker" / "schemas"
# fastjsonschema knows draft-07; these schemas use nothing that differs from 2020-12.
DRAFT = "http://json-schema.org/draft-07/schema#"


def _const_as_enum(node):
    """``const: x`` as the equivalent ``enum: [x]`` (fastjsonschema's terse mode lacks const)."""
    if isinstance(node, dict):
        node = {key: _const_as_enum(value) for key, value in node.items()}
        if "const" in node:
            node["enum"] = [node.pop("const")]
    elif isinstance(node, list):
        node = [_const_as_enum(item) for item in node]
    return node


def generate(schema_file: str) -> str:
    schema = _const_as_enum(json.loads((SCHEMAS / schema_file).read_text(encoding="utf-8")))
    schema["$schema"] = DRAFT
    # Formats are checked at run time by checker.schema's own functions (as jsonschema does);
    # terse exceptions keep the module small: only "valid or not" is asked of it.
    code = fastjsonschema.compile_to_code(schema, formats=dict.fromkeys(("date", "email"), bool),
                                          detailed_exceptions=False)
    entry = re.search(r"^def (\w+)\(", code, re.MULTILINE).group(1)  # the schema's own function comes first
    code = _support_imports(code)
    return (f'"""Generated from {schema_file} by scripts/generate_validators.py: do not edit."""\n# ruff: noqa\n'
            + code + f"\n\nvalidate = {entry}\n")


# The imports fastjsonschema writes, and what replaces them (see checker/schemas/_fast_support.py).
RUNTIME_IMPORTS = ("from decimal import Decimal\n",
                   "from fastjsonschema import JsonSchemaValueException, JsonSchemaValuesException\n")
SUPPORT_IMPORT = "from ._fast_support import Decimal, JsonSchemaValueException, JsonSchemaValuesException\n"


def _support_imports(code: str) -> str:
    if "Decimal(" in code:  # multipleOf: the stand-in Decimal cannot do arithmetic
        raise SystemExit("a schema uses multipleOf: give checker/schemas/_fast_support.py a real Decimal first")
    for line in RUNTIME_IMPORTS:
        if line not in code:
            raise SystemExit(f"fastjsonschema no longer writes {line.strip()!r}: update RUNTIME_IMPORTS")
        code = code.replace(line, "")
    version = re.search(r"^VERSION = .*\n", code, re.MULTILINE)
    if version is None:
        raise SystemExit("fastjsonschema no longer writes its VERSION line: update _support_imports")
    return code[:version.end()] + SUPPORT_IMPORT + code[version.end():]


def rule_file_schema() -> str:
    """rule-file.schema.json with its top-level language keys and its language definitions
    as the grammar declares them; the rest of the file is kept as written."""
    schema = json.loads((SCHEMAS / RULE_FILE_SCHEMA).read_text(encoding="utf-8"))
    keys, definitions = language_schema()
    schema["properties"] = {"rules": schema["properties"]["rules"], **keys}
    schema["$defs"] = {name: value for name, value in schema["$defs"].items() if name not in definitions}
    schema["$defs"].update(definitions)
    return json.dumps(schema, indent=2) + "\n"


def main() -> int:
    stale = "--check" in sys.argv
    changed = []
    schema = rule_file_schema()
    if (SCHEMAS / RULE_FILE_SCHEMA).read_text(encoding="utf-8") != schema:
        changed.append(RULE_FILE_SCHEMA)
        if not stale:
            (SCHEMAS / RULE_FILE_SCHEMA).write_text(schema, encoding="utf-8")
    for schema_file in sorted(p.name for p in SCHEMAS.glob("*.schema.json")):
        target = SCHEMAS / f"{fast_module_name(schema_file)}.py"
        code = generate(schema_file)
        if not target.exists() or target.read_text(encoding="utf-8") != code:
            changed.append(target.name)
            if not stale:
                target.write_text(code, encoding="utf-8")
    print(("out of date: " if stale else "written: ") + (", ".join(changed) or "nothing"))
    return 1 if stale and changed else 0


if __name__ == "__main__":
    raise SystemExit(main())
