"""Named selections, tables of checks and the rule's levels: rule packs say a selection once."""

import json
import re
from collections import Counter
from pathlib import Path

import pytest
import yaml
from conftest import EXAMPLES, MINIMAL, ROOT, hkai, hkai_json

from checker.authoring.guideline import describe_rule
from checker.authoring.lint import lint_pack
from checker.packs.loading import load_pack, load_rule_set
from checker.packs.model import builtin_pack_dir
from checker.reading.yaml_loader import LoadError

PACK_YAML = "name: house\nversion: 1\nextends: hkai-guideline\n"


def rule(rule_id: str, check: str, levels: str = "[medium, high]", message: str = "AI use {use.id}") -> str:
    """A rule of a test pack; ``check`` is the YAML of its check, indented under ``check:``."""
    body = "\n".join("      " + line for line in check.strip("\n").splitlines())
    return (f"  - id: {rule_id}\n    principle: consent\n    severity: error\n    levels: {levels}\n"
            f"    title: {{en: A rule, zh: 規則}}\n    rationale: {{en: Why, zh: 原因}}\n"
            f"    message: {{en: \"{message}\", zh: 訊息}}\n    fix: {{en: Fix it, zh: 修正}}\n    source: test\n"
            f"    check:\n{body}\n")


def make_pack(folder: Path, files: dict[str, str], pack_yaml: str = PACK_YAML) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "pack.yaml").write_text(pack_yaml, encoding="utf-8")
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def load_error(folder: Path) -> LoadError:
    with pytest.raises(LoadError) as caught:
        load_rule_set([folder])
    return caught.value


def line_of(file: Path, text: str) -> int:
    return next(number for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), 1) if text in line)


def test_a_named_selection_finds_and_reads_as_the_selection_written_out(tmp_path):
    named = """
for_each:
  use: {selection: uses_at_rule_levels}
  subject: {selection: subjects_of_use}
require:
  exists: {selection: consents_of_subject_for_use, where: {consent.informed: {equals: true}}}
at: use.subjects
"""
    written = """
for_each:
  use: {from: ai_uses, where: {use.effective_level: {in: [medium, high]}}}
  subject: {from: people, listed_in: use.subjects}
require:
  exists:
    from: consents
    as: consent
    where:
      - consent.person: {equals: $subject.id}
      - consent.covers: {contains: $use.kind}
      - consent.informed: {equals: true}
at: use.subjects
"""
    pack = make_pack(tmp_path / "house", {"house.yaml": "rules:\n" + rule("HSE-001", named) + rule("HSE-002", written)})
    rules = {r.id: r for r in load_pack(pack).rules}
    for lang in ("en", "zh"):
        assert describe_rule(rules["HSE-001"], lang) == describe_rule(rules["HSE-002"], lang)
    _, report = hkai_json("--rules", str(pack), str(EXAMPLES))
    found = Counter((f["rule"], m["path"], f["path"]) for m in report["manifests"] for f in m["findings"])
    named_findings = {key[1:] for key in found if key[0] == "HSE-001"}
    assert named_findings and named_findings == {key[1:] for key in found if key[0] == "HSE-002"}


def test_rules_show_expands_a_named_selection_in_plain_words():
    out = " ".join(hkai("rules", "show", "CON-002").stdout.split())
    assert ("For each consent `consent` where either there is an AI use `use` where either `use.consent_refs` "
            "contains `consent.id` or (`use.subjects` contains `consent.person` and `consent.covers` contains "
            "`use.kind`) or (`use.resembles` contains `consent.person` and `consent.covers` contains `use.kind`) "
            "or (`use.subjects` contains `consent.person` and `use.intimate_content` equals true and "
            "`consent.covers` contains intimate_content) or") in out
    assert ("or there is a training data set `td` where either `td.consent_refs` contains `consent.id` or "
            "(`td.subjects` contains `consent.person` and `td.contains_personal_data` equals true and "
            "`consent.covers` contains training)") in out
    assert "and each person `person` listed in `consent.person`:" in out
    assert "selection" not in out.split("What it checks")[1].split("Source")[0]


def test_a_pack_inherits_the_named_selections_of_the_pack_it_extends(tmp_path):
    check = "for_each: {use: {selection: uses_at_rule_levels}, person: {selection: people_in_use}}\n" \
            "require: {person.minor: {not_equals: true}}"
    make_pack(tmp_path / "base", {"base.yaml": "rules:\n" + rule("BAS-001", check)})
    house = make_pack(tmp_path / "house", {"house.yaml": "rules:\n" + rule("HSE-001", check)},
                      pack_yaml="name: house\nversion: 1\nextends: ../base\n")
    assert [r.id for r in load_pack(house).rules] == ["HSE-001"]  # read on its own, as `rules lint` does
    assert {"BAS-001", "HSE-001", "CON-001"} <= set(load_rule_set([house]).rule_ids)
    assert all("fixture" in problem.message for problem in lint_pack(house).problems)


def test_a_pack_names_its_own_selections_for_its_rules(tmp_path):
    selections = ("selections:\n  voice_uses:\n    from: ai_uses\n    as: use\n"
                  "    where: {use.kind: {equals: voice_clone}}\n")
    check = "for_each: {use: {selection: voice_uses}}\nrequire: {use.subjects: {present: true}}"
    pack = make_pack(tmp_path / "house", {"a.yaml": selections, "b.yaml": "rules:\n" + rule("HSE-001", check)})
    (compiled,) = load_pack(pack).rules
    assert compiled.checks[0].bindings[0].named == "voice_uses"


@pytest.mark.parametrize("check, problem, at", [
    ("for_each: {use: {selection: uses_at_every_level}}\nrequire: {use.id: {present: true}}",
     "unknown selection 'uses_at_every_level'; the pack's selections: consents_of_subject_for_use", "selection:"),
    ("for_each: {use: ai_uses}\nrequire: {exists: {selection: consents_of_subject_for_use}}",
     "selection 'consents_of_subject_for_use' (", "exists:"),
    ("for_each: {u: {selection: uses_at_rule_levels}}\nrequire: {u.id: {present: true}}",
     "selection 'uses_at_rule_levels' calls its records 'use'; bind it as 'use', not 'u'", "for_each:"),
    ("for_each: {use: ai_uses}\nrequire: {exists: {selection: subjects_of_use, as: person}}",
     "'as' is not an allowed value; expected one of: selection, where, at_least, at_most", "exists:"),
    ("for_each: {use: {selection: uses_at_rule_levels, listed_in: use.subjects}}\nrequire: {use.id: {present: true}}",
     "'listed_in' is not an allowed value; expected one of: selection, where", "for_each:"),
])
def test_using_a_selection_wrongly_is_a_located_error(tmp_path, check, problem, at):
    pack = make_pack(tmp_path / "house", {"house.yaml": "rules:\n" + rule("HSE-001", check)})
    error = load_error(pack)
    file = pack / "house.yaml"
    assert error.path == str(file) and error.line == line_of(file, at), str(error)
    assert problem in error.message, error.message


def test_a_selection_reading_names_the_check_does_not_bind_says_which(tmp_path):
    check = "for_each: {use: ai_uses}\nrequire: {exists: {selection: consents_of_subject_for_use}}"
    error = load_error(make_pack(tmp_path / "house", {"house.yaml": "rules:\n" + rule("HSE-001", check)}))
    assert "unknown name 'subject' in path 'subject.id'" in error.message
    assert "selections.yaml:" in error.message  # where the selection is defined


@pytest.mark.parametrize("files, file, at, problem", [
    ({"a.yaml": "selections:\n  mine: {from: people, as: person}\n",
      "b.yaml": "selections:\n  mine: {from: consents, as: consent}\n"},
     "b.yaml", "mine:", "selection 'mine' is already defined at "),
    ({"a.yaml": "selections:\n  subjects_of_use: {from: people, as: person}\n"},
     "a.yaml", "subjects_of_use:", "selection 'subjects_of_use' is already defined at "),
    ({"a.yaml": "selections:\n  loop: {from: people, as: person, where: {exists: {selection: loop}}}\n"},
     "a.yaml", "loop:", "selection 'loop' uses itself"),
    ({"a.yaml": "selections:\n  bad:\n    from: people\n    as: person\n    where: {person.name: {matches: '(a)\\1'}}\n"},
     "a.yaml", "where:", "selection 'bad': regular expression '(a)\\\\1' cannot be used"),
    ({"a.yaml": "selections:\n  bad:\n    from: people\n    as: person\n    where: {person.name: {resembles: x}}\n"},
     "a.yaml", "resembles", "invalid rule file"),
])
def test_a_wrong_selection_is_a_located_error_where_it_is_defined(tmp_path, files, file, at, problem):
    pack = make_pack(tmp_path / "house", files)
    error = load_error(pack)
    assert error.path == str(pack / file) and error.line == line_of(pack / file, at), str(error)
    assert problem in error.message


# --- the rule's levels -------------------------------------------------------------------


def test_rule_levels_are_read_when_the_rule_is_compiled(tmp_path):
    check = "for_each: {use: {selection: uses_at_rule_levels}}\nrequire: {use.id: {equals: nobody}}"
    levels = {"HSE-001": "[low]", "HSE-002": "[medium]", "HSE-003": "[medium, high]"}
    pack = make_pack(tmp_path / "house", {"house.yaml": "rules:\n" + "".join(
        rule(rule_id, check, levels=value) for rule_id, value in levels.items())})
    manifest = tmp_path / "manifest.yaml"
    manifest.write_text("manifest_version: 1\nproduction: {id: demo, title: Demo, type: feature_film, "
                        "release_date: 2026-05-01, ai_use_level: high}\nai_uses:\n"
                        "  - {id: low, kind: accent_correction}\n  - {id: medium, kind: voice_clone}\n"
                        "  - {id: high, kind: generated_footage}\n", encoding="utf-8")
    _, report = hkai_json("--rules", str(pack), str(manifest))
    (result,) = report["manifests"]
    found = {rule_id: sorted(f["target"] for f in result["findings"] if f["rule"] == rule_id) for rule_id in levels}
    assert found == {"HSE-001": ["low"], "HSE-002": ["medium"], "HSE-003": ["high", "medium"]}
    rules = {r.id: r for r in load_pack(pack).rules}
    assert "`use.effective_level` equals medium" in _plain(describe_rule(rules["HSE-002"], "en")[0])
    assert "`use.effective_level` is one of medium, high" in _plain(describe_rule(rules["HSE-003"], "en")[0])


def _plain(segments) -> str:
    return "".join(f"`{text}`" if is_code else text for text, is_code in segments)


def test_rule_levels_are_an_operand_only(tmp_path):
    check = "require: {rule.levels: {present: true}}"
    error = load_error(make_pack(tmp_path / "house", {"house.yaml": "rules:\n" + rule("HSE-001", check)}))
    assert "rule is known when the rule is compiled: use it as an operand, $rule.levels" in error.message


@pytest.mark.parametrize("filter_, problem", [
    ("{in: [low, medium, high]}", "use.effective_level is compared with low, which is not one of the rule's "
                                  "levels (medium, high); compare it with $rule.levels"),
    ("{equals: high}", "the rule's levels are medium, high, but this check only looks at high (never at medium)"),
])
def test_lint_reports_a_check_whose_levels_disagree_with_the_rules(tmp_path, filter_, problem):
    check = f"for_each: {{use: {{from: ai_uses, where: {{use.effective_level: {filter_}}}}}}}\n" \
            "require: {use.id: {present: true}}"
    pack = make_pack(tmp_path / "house", {"house.yaml": "rules:\n" + rule("HSE-001", check)})
    (found,) = [p for p in lint_pack(pack).problems if "levels" in p.message]
    assert found.path == str(pack / "house.yaml") and found.line == line_of(pack / "house.yaml", "for_each:")
    assert problem in found.message


# --- tables of checks --------------------------------------------------------------------

TABLE = """
table:
  columns: [section, field, message]
  rows:
{rows}
check:
  for_each: {{record: <section>, ref: record.<field>}}
  require: {{exists: {{from: people, as: person, where: {{person.id: {{equals: $ref}}}}}}}}
  at: ref
  message: <message>
"""
ROWS = ("    - [consents, person, {en: \"Consent {record.id}: no person {ref}\", zh: 訊息}]\n"
        "    - [ai_uses, subjects, {en: \"AI use {record.id}: no person {ref}\", zh: 訊息}]")


def test_a_table_is_one_check_per_row_and_finds_what_the_checks_written_out_find(tmp_path):
    written = """
- for_each: {record: consents, ref: record.person}
  require: {exists: {from: people, as: person, where: {person.id: {equals: $ref}}}}
  at: ref
  message: {en: "Consent {record.id}: no person {ref}", zh: 訊息}
- for_each: {record: ai_uses, ref: record.subjects}
  require: {exists: {from: people, as: person, where: {person.id: {equals: $ref}}}}
  at: ref
  message: {en: "AI use {record.id}: no person {ref}", zh: 訊息}
"""
    pack = make_pack(tmp_path / "house", {"house.yaml": "rules:\n" + rule("HSE-001", TABLE.format(rows=ROWS), "all")
                                          + rule("HSE-002", written, "all")})
    rules = {r.id: r for r in load_pack(pack).rules}
    assert len(rules["HSE-001"].checks) == 2
    assert describe_rule(rules["HSE-001"], "en") == describe_rule(rules["HSE-002"], "en")
    broken = tmp_path / "broken.yaml"
    broken.write_text("manifest_version: 1\nproduction: {id: demo, title: Demo, type: feature_film, "
                      "release_date: 2026-05-01, ai_use_level: medium}\n"
                      "people: [{id: p1, name: A}]\n"
                      "ai_uses: [{id: u1, kind: voice_clone, subjects: [p1, p2]}]\n"
                      "consents: [{id: c1, person: p9, given_by: self, signed_on: 2026-01-01, covers: [voice_clone]}]\n",
                      encoding="utf-8")
    _, report = hkai_json("--rules", str(pack), str(broken))
    (manifest,) = report["manifests"]
    by_rule = {rule_id: sorted((f["path"], f["message"]) for f in manifest["findings"] if f["rule"] == rule_id)
               for rule_id in ("HSE-001", "HSE-002")}
    assert by_rule["HSE-001"] == by_rule["HSE-002"] == [
        ("/ai_uses/0/subjects/1", "AI use u1: no person p2"), ("/consents/0/person", "Consent c1: no person p9")]


@pytest.mark.parametrize("rows, at, problem", [
    ("    - [consents, person]", "[consents, person]", "row 1 of the table has 2 values for its 3 columns"),
    (ROWS.replace("<field>", "x") + "\n    - [consents, Person, {en: m, zh: m}]", "Person",
     "invalid rule file: '.*Person' does not match"),
    ("    - [consents, {en: person, zh: person}, {en: m, zh: m}]", "record.<field>", "<field> is inside a text"),
])
def test_a_wrong_table_is_a_located_error(tmp_path, rows, at, problem):
    pack = make_pack(tmp_path / "house", {"house.yaml": "rules:\n" + rule("HSE-001", TABLE.format(rows=rows), "all")})
    error = load_error(pack)
    assert error.line == line_of(pack / "house.yaml", at), str(error)
    assert re.search(problem, error.message), error.message


def test_a_table_naming_no_column_is_a_located_error(tmp_path):
    table = TABLE.format(rows=ROWS).replace("from: people", "from: <target>")
    pack = make_pack(tmp_path / "house", {"house.yaml": "rules:\n" + rule("HSE-001", table, "all")})
    error = load_error(pack)
    assert "<target> is not a column of the table; its columns: section, field, message" in error.message
    assert error.line == line_of(pack / "house.yaml", "from: <target>")


# --- the built-in pack -------------------------------------------------------------------


def _written_out(node):
    """Every selection written out (a source or quantifier with `from` and a `where` or
    `listed_in`, or a named one), as (the name of its records, what it selects)."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "selections":
                yield from ((named["as"], named) for named in value.values())
            elif key in ("for_each", "exists", "count") and isinstance(value, dict):
                sources = value.items() if key == "for_each" else [(value.get("as"), value)]
                yield from ((name, source) for name, source in sources
                            if isinstance(source, dict) and "from" in source
                            and ("where" in source or "listed_in" in source))
            yield from _written_out(value)
    elif isinstance(node, list):
        for item in node:
            yield from _written_out(item)


def test_the_builtin_pack_writes_no_selection_out_more_than_twice():
    counts = Counter()
    for file in sorted(builtin_pack_dir().glob("*.yaml")):
        for name, spec in _written_out(yaml.safe_load(file.read_text(encoding="utf-8"))):
            selection = json.dumps({k: spec[k] for k in ("from", "listed_in", "where") if k in spec}, sort_keys=True)
            counts[re.sub(rf"(?<![\w.$]){re.escape(name)}(?=\.)", "_", selection)] += 1
    assert counts and max(counts.values()) <= 2, counts.most_common(3)


def test_the_builtin_pack_filters_uses_by_the_rules_own_levels():
    text = "".join(file.read_text(encoding="utf-8") for file in builtin_pack_dir().glob("*.yaml"))
    assert "effective_level: {in: [medium, high]}" not in text
    # (The consent rules judge every consent the production relies on, through uses of any level.)
    assert len(re.findall(r"\{selection: uses_at_rule_levels\}", text)) >= 12
    assert ROOT.joinpath("rules", "selections.yaml").is_file()


def test_a_selection_of_alternatives_looked_up_in_indexes_finds_what_a_scan_finds(tmp_path):
    """An `any` whose every branch tests a field of the record is answered from indexes;
    the same condition written so that it cannot be (`not: {not: ...}`) is a scan."""
    alternatives = ("any: [{use.subjects: {contains: $person.id}}, "
                    "{all: [{use.resembles: {contains: $person.id}}, {use.kind: {equals: synthetic_performer}}]}]")
    indexed = f"for_each: {{person: people, use: {{from: ai_uses, where: {{{alternatives}}}}}}}\n" \
              "require: {use.id: {equals: nothing}}"
    scanned = f"for_each: {{person: people, use: {{from: ai_uses, where: {{not: {{not: {{{alternatives}}}}}}}}}}}\n" \
              "require: {use.id: {equals: nothing}}"
    message = "{person.id} in {use.id}"
    pack = make_pack(tmp_path / "house", {"house.yaml": "rules:\n" + rule("HSE-001", indexed, "all", message)
                                          + rule("HSE-002", scanned, "all", message)})
    manifest = tmp_path / "manifest.yaml"
    manifest.write_text("""\
manifest_version: 1
production: {id: demo, title: Demo, type: feature_film, release_date: 2026-05-01, ai_use_level: high}
people:
  - {id: p-a, name: A}
  - {id: p-b, name: B}
ai_uses:
  - {id: u1, kind: synthetic_performer, level: high, subjects: [], resembles: [p-a, p-b]}
  - {id: u2, kind: voice_clone, level: medium, subjects: [p-b], resembles: [p-a]}
  - {id: u3, kind: de_ageing, level: medium, subjects: [p-a, p-b]}
  - {id: u4, kind: generated_footage, level: high, subjects: [], resembles: [p-b]}
""", encoding="utf-8")
    _, report = hkai_json("--rules", str(pack), "--select", "HSE-", str(manifest))
    said = [(f["rule"], f["message"]) for f in report["manifests"][0]["findings"]]
    indexed_said = [text for rule_id, text in said if rule_id == "HSE-001"]
    assert indexed_said == [text for rule_id, text in said if rule_id == "HSE-002"]
    assert sorted(indexed_said) == ["p-a in u1", "p-a in u3", "p-b in u1", "p-b in u2", "p-b in u3"]


def test_a_named_selection_of_every_text_selects_every_text(tmp_path, write_manifest):
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "house.yaml").write_text("""\
selections:
  shouted_texts:
    as: text
    from: document
    every_text: true
rules:
  - id: HSE-001
    principle: integrity
    severity: warning
    levels: all
    title: {en: No shouting, zh: 不要大叫}
    rationale: {en: Reviewers read it., zh: 審閱者會閱讀。}
    message: {en: "A text shouts", zh: "有文字大叫"}
    fix: {en: Write it calmly., zh: 請平和地寫。}
    source: house
    check:
      for_each:
        text: {selection: shouted_texts}
      require:
        not: {text: {matches: 'HELLO'}}
      at: text
""", encoding="utf-8")
    path = write_manifest(MINIMAL.replace("title: {en: Demo, zh: 示範}", "title: {en: HELLO there, zh: 示範}"))
    _, report = hkai_json("--rules", str(pack), "--select", "HSE-001", str(path))
    assert [(f["rule"], f["path"]) for f in report["manifests"][0]["findings"]] == [("HSE-001", "/production/title/en")]
