"""A table's repeated pattern is checked for all rows at once and compiled when needed: it
matches exactly what each row's own pattern matches, and refuses exactly what it refuses."""

import gc
from pathlib import Path

import pytest
import re2
import yaml
from conftest import EXAMPLES, ROOT, hkai_json
from test_named_selections import make_pack, rule

from checker.language.nodes import Test as CompiledTest
from checker.language.patterns import RowMatcher
from checker.packs.loading import load_pack, load_rule_set
from checker.reading.yaml_loader import LoadError


def _matches_tests(pack) -> list[CompiledTest]:
    """The ``matches`` tests of the pack's compiled checks (found by walking the nodes)."""
    found, seen, todo = [], set(), [check for rule in pack.rules for check in rule.checks]
    while todo:
        node = todo.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, CompiledTest):
            found += [node] if node.operator == "matches" else []
        elif isinstance(node, (list, tuple, dict)) or type(node).__module__.startswith("checker.language"):
            todo.extend(gc.get_referents(node))
    return found


def _texts_of(node):
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from _texts_of(key)
            yield from _texts_of(value)
    elif isinstance(node, list):
        for item in node:
            yield from _texts_of(item)


def _corpus(wordings: list[str]) -> list[str]:
    """Every text of the fixtures and examples, and each table's wordings in and out of context."""
    texts = set()
    for file in [*(ROOT / "rules" / "fixtures").glob("*.yaml"), *EXAMPLES.glob("*/manifest.yaml")]:
        texts.update(_texts_of(yaml.load(file.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)))
    contexts = ("{}", "FOR {}.", "x{}", "{}x", "同意{}。", "not in {}", "不得用於{}", "we never, for {}",
                "\u0345{}\u0345", "ι{}", "1{}", "{}2", "(({}))", "without limit; {}")
    texts.update(context.format(wording) for wording in wordings for context in contexts)
    return sorted(texts)


def test_the_built_in_tables_match_exactly_what_each_row_matches_alone():
    pack = load_pack()
    tests = [test for test in _matches_tests(pack) if isinstance(test.argument, RowMatcher)]
    assert len(tests) >= 40  # CON-004's and CON-013's rows, two patterns each
    texts = _corpus([text for rule in pack.rules for text in _texts_of(rule.spec["check"])])
    for test in tests:
        alone = re2.compile(str(test.argument.pattern))
        for text in texts:
            assert (test.argument.search(text) is None) == (alone.search(text) is None), (test.argument.pattern, text)


def test_a_row_is_compiled_only_when_its_table_finds_a_wording():
    pack = load_pack()
    tests = [test for test in _matches_tests(pack) if isinstance(test.argument, RowMatcher)]
    for test in tests:
        assert test.argument.search("For three scenes of Harbour Lights, in cinemas, until 2028.") is None
    assert all(test.argument._compiled is None for test in tests)


TABLE = """
- table:
    columns: [wording]
    rows:
{rows}
  check:
    for_each: {{consent: consents}}
    require:
      not: {{consent.intended_use: {{matches: '{template}'}}}}
    at: consent.intended_use
    message: {{en: 'Consent {{consent.id}} says <wording>', zh: 訊息}}
"""

BOUNDED = r"(?i)(^|[^\pL\pN]|\p{Han})(<wording>)($|[^\pL\pN]|\p{Han})"
WORDINGS = ["any role", "whatsoever", "任何(其他)?角色", "in perpetuity"]


def _table_and_written_out(tmp_path: Path, template: str, wordings: list[str]) -> tuple[Path, Path]:
    """The same checks as a table (HSE-001) and written out one by one (HSE-002)."""
    rows = "\n".join(f"    - ['{wording}']" for wording in wordings)
    written = "\n".join(
        f"- for_each: {{consent: consents}}\n  require:\n"
        f"    not: {{consent.intended_use: {{matches: '{template.replace('<wording>', wording)}'}}}}\n"
        f"  at: consent.intended_use\n  message: {{en: 'Consent {{consent.id}} says {wording}', zh: 訊息}}"
        for wording in wordings)
    table = make_pack(tmp_path / "table", {"house.yaml": "rules:\n" + rule(
        "HSE-001", TABLE.format(rows=rows, template=template), "all")})
    out = make_pack(tmp_path / "out", {"house.yaml": "rules:\n" + rule("HSE-001", written, "all")})
    return table, out


def _outcome(pack: Path, manifest: Path):
    """What loading and checking with the pack gives: its error, or the pack's findings."""
    try:
        load_rule_set([pack])
    except LoadError as error:
        return "refused", error.message, error.line
    _, report = hkai_json("--rules", str(pack), str(manifest))
    return "loaded", sorted((f["path"], f["message"]["en"] if isinstance(f["message"], dict) else f["message"])
                            for m in report["manifests"] for f in m["findings"] if f["rule"] == "HSE-001")


@pytest.mark.parametrize("template, wordings", [
    (BOUNDED, WORDINGS),  # the built-in shape: vouched for together
    (BOUNDED, [*WORDINGS, "(?=x)any"]),  # a lookaround in one row: that row is refused
    (BOUNDED, [*WORDINGS, "role)|(any"]),  # not a pattern alone, but one in its row: taken as before
    (BOUNDED, [*WORDINGS, r"\Qany"]),  # quoting that would run on past the group
    (BOUNDED, [*WORDINGS, r"\pL{1000}"]),  # too large for RE2 in its row
    (r"(?i)(\(<wording>)", WORDINGS),  # an escaped parenthesis: the slot is no group
    (r"(?i)[(<wording>)]", ["ab", "cd"]),  # a class, not a group
    (r"(?i)x<wording>+", ["ab", "cd"]),  # no group: the quantifier binds to the row's last character
    (r"(?i)(<wording>){2}", ["ab", "cd"]),
    (BOUNDED, ["(?P<hkai_rows0>ab)", "cd"]),  # the name the union gives its group, taken
])
def test_a_table_refuses_and_finds_exactly_what_its_rows_written_out_do(tmp_path, template, wordings):
    manifest = tmp_path / "manifest.yaml"
    manifest.write_text(
        "manifest_version: 1\nproduction: {id: demo, title: Demo, type: feature_film, release_date: 2026-05-01, "
        "ai_use_level: medium}\npeople: [{id: p1, name: A}]\nai_uses: [{id: u1, kind: voice_clone, subjects: [p1]}]\n"
        "consents:\n" + "".join(
            f"  - {{id: c{i}, person: p1, given_by: self, signed_on: 2026-01-01, covers: [voice_clone], "
            f"intended_use: \"{text}\"}}\n"
            for i, text in enumerate(["For any role whatsoever.", "用於任何其他角色", "abab cd", "(any role) x",
                                      "xab", "Nothing of the kind."])), encoding="utf-8")
    table, written_out = _table_and_written_out(tmp_path, template, wordings)
    from_table, from_written_out = _outcome(table, manifest), _outcome(written_out, manifest)
    assert from_table[:2] == from_written_out[:2]
    if from_table[0] == "refused":
        assert "cannot be used" in from_table[1]
