"""An id or name with a final newline is refused whichever regular-expression dialect runs
the schema: Python's `$` matches before a final newline, ECMA's does not."""

import json
import re

import pytest

from conftest import ROOT, hkai

SCHEMAS = sorted((ROOT / "checker" / "schemas").glob("*.json"))


def _patterns(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "pattern" and isinstance(value, str):
                yield value
            else:
                yield from _patterns(value)
    elif isinstance(node, list):
        for item in node:
            yield from _patterns(item)


@pytest.mark.parametrize("schema", SCHEMAS, ids=lambda path: path.name)
def test_every_anchored_pattern_refuses_a_final_newline(schema):
    patterns = _patterns(json.loads(schema.read_text(encoding="utf-8")))
    anchored = [p for p in patterns if p.endswith("$") and not p.endswith("\\$")]
    for pattern in anchored:
        assert pattern.endswith("(?!\\n)$"), pattern
        assert not re.search(pattern, "a\n") and not re.search(pattern, "ABC-001\n")


def test_lint_refuses_a_rule_id_with_a_final_newline(tmp_path):
    pack = tmp_path / "pack"
    pack.mkdir()
    rule = (ROOT / "tests" / "corpus" / "rule-packs" / "newline-id" / "house.yaml").read_text(encoding="utf-8")
    (pack / "house.yaml").write_text(rule.replace('"HSE-001\\n"', '"ABC-001\\n"'), encoding="utf-8")
    result = hkai("rules", "lint", str(pack))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"{pack}/house.yaml:2:5: invalid rule file: 'ABC-001\\n' does not match" in result.stdout


def test_lint_refuses_a_name_with_a_final_newline(tmp_path):
    pack = tmp_path / "pack"
    pack.mkdir()
    rule = (ROOT / "tests" / "corpus" / "rule-packs" / "newline-id" / "house.yaml").read_text(encoding="utf-8")
    rule = rule.replace('"HSE-001\\n"', "HSE-001").replace("for_each: {use: ai_uses}", 'for_each: {"use\\n": ai_uses}')
    (pack / "house.yaml").write_text(rule, encoding="utf-8")
    result = hkai("rules", "lint", str(pack))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "invalid rule file" in result.stdout and "use\\n" in result.stdout, result.stdout
