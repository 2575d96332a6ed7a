"""Hostile rule packs compiled to Python: a rule's text reaches the generated source only
as ``repr()`` of a literal, names there are the generator's own, nothing in a rule runs,
and the findings are the interpreter's."""

import ast
import importlib.util
import io
import json
import re
import tokenize

import pytest
import yaml

from checker.evaluation import engine
from checker.evaluation.manifest import CheckOptions, check_document
from checker.language import codegen
from checker.language.compiler import Names, NamedSelection, compile_check
from checker.language.runtime import MISSING, Bound, Context
from checker.packs.loading import load_rule_set
from checker.reading.yaml_loader import load_file
from conftest import ROOT, TODAY, hkai_json


def payloads(canary):
    """Texts that would run code, or break out of a literal, if pasted into source; each
    would create ``canary`` if it ran."""
    act = f"__import__('os').system('touch {canary}')"
    return [
        act, f"'); {act}; ('", f'"); {act}; ("', f"'''); {act}; ('''", f'"""); {act}; ("""',
        f"\\'); {act} #", f"\\\\'); {act} #", f"\n{act}\n", f"\r\n{act}", f"\u2028{act}", f"\u2029{act}\u0085",
        f"# {act}", "{}", "{0.__class__.__mro__}", "%s%r", "{{}}", f"f'{{{act}}}'", "\\", "'", '"', "'''",
        '"""', "\t\x0b\x0c", "é\u200b\u202e", f"{{__import__}}{act}",
    ]


# --- the generator's fixed forms -----------------------------------------------------------

GENERATED_NAME = re.compile(r"[a-z][fg]\d+$")
FIXED_NAMES = {"ctx", "firsts", "out", "found", "R", "MISSING", "WALK", "first", "failing", *codegen.BUILTINS}
ATTRIBUTES = {"value", "get", "append", "records", "index", "each", "roots"}


def assert_fixed_forms(source):
    """Every name in the source is the generator's; every literal is written as ``repr()``
    writes it (so no text ends a literal early); no hostile text is outside a literal."""
    tree = ast.parse(source)
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            assert GENERATED_NAME.match(node.id) or node.id in FIXED_NAMES, node.id
        elif isinstance(node, ast.Attribute):
            assert node.attr in ATTRIBUTES, node.attr
        elif isinstance(node, (ast.FunctionDef, ast.arg)):
            name = node.name if isinstance(node, ast.FunctionDef) else node.arg
            assert GENERATED_NAME.match(name) or name in FIXED_NAMES, name
        elif isinstance(node, ast.Constant) and node.value is not Ellipsis:
            assert ast.get_source_segment(source, node) == repr(node.value), ast.get_source_segment(source, node)
        elif isinstance(node, ast.Subscript):
            assert isinstance(node.value, ast.Name) and node.value.id == "R"  # a root by its name
        assert not isinstance(node, (ast.Import, ast.ImportFrom, ast.JoinedStr, ast.Lambda, ast.Global,
                                     ast.Nonlocal, ast.ClassDef, ast.With, ast.Try, ast.Delete)), ast.dump(node)
    outside_literals = " ".join(token.string for token in tokenize.generate_tokens(io.StringIO(source).readline)
                                if token.type != tokenize.STRING)
    for word in ("__import__", "system", "open", "eval", "exec", "__class__"):
        assert word not in outside_literals
    return {node.value for node in ast.walk(tree) if isinstance(node, ast.Constant)}


# --- through the generator alone, past the rule-file schema ------------------------------

NAME_PAYLOADS = ["x_'); __import__('os').system('touch CANARY') #", 'y_"""; __import__("os"); """',
                 "z_{__import__}", "w_\u2028__import__('os')", "v_\n__import__('os')\n", "u_\\", "t_#"]


def test_hostile_names_paths_operands_and_selection_names_become_literals_only(tmp_path):
    canary = tmp_path / "ran"
    hostile = payloads(canary)
    use, subject, field, other = (name.replace("CANARY", str(canary)).replace(".", "_")
                                  for name in NAME_PAYLOADS[:4])
    selection_name = NAME_PAYLOADS[4]
    roots = frozenset({"ai_uses", "people"})
    selections = {selection_name: NamedSelection(selection_name, subject, {"from": "people"}, "test")}
    names = Names(roots, selections=selections)
    spec = {
        "for_each": {
            use: {"from": "ai_uses", "where": {f"{use}.{field}": {"not_in": hostile[:5]}}},
            subject: {"selection": selection_name, "where": [{f"{subject}.id": {"equals": f"${use}.{other}"}},
                                                             {f"{subject}.{field}": {"contains": hostile[1]}}]},
            other: f"{use}.{other}",
        },
        "where": {"any": [{f"{use}.{field}": {"equals": text}} for text in hostile]},
        "require": {"exists": {"from": "people", "as": NAME_PAYLOADS[5], "where": [
            {f"{NAME_PAYLOADS[5]}.{field}": {"contains_any": hostile}},
            {f"{NAME_PAYLOADS[5]}.id": {"equals": f"${use}.{field}"}},
            {f"{NAME_PAYLOADS[5]}.id": {"in": [*hostile[:12], None, 1.5, True, float("nan"), float("inf"), 10 ** 40]}}]}},
        "target": use,
    }
    check = compile_check(spec, names, "/rules/0/check", {"en": "m"}, "/rules/0/message")
    source, namespace = codegen.generate(check)
    literals = assert_fixed_forms(source)
    assert {*hostile[5:], field, other} <= literals  # where the pack's texts went in: as literals

    people = [{"id": text, field: [text, hostile[1]]} for text in hostile]
    uses = [{"id": f"u{i}", field: text, other: text} for i, text in enumerate(hostile)]
    roots_env = {"ai_uses": Bound(uses, "/ai_uses"), "people": Bound(people, "/people")}
    interpreted = [_env_key(env) for env in check.failures(Context(roots_env))]
    compiled = [_env_key(env) for env in codegen.compiled_failures(check)(Context(roots_env))]
    assert compiled == interpreted
    assert len(interpreted) == len(hostile) - 12  # found: so both ways were exercised
    assert not canary.exists()


def _env_key(env):
    return sorted((name, bound.pointer, json.dumps(bound.value, sort_keys=True, default=str))
                  for name, bound in env.items() if bound.value is not MISSING)


# --- through the loader and the command line ---------------------------------------------


def hostile_pack(folder, hostile):
    """A house pack whose operands, messages, texts and named values are hostile (a
    message's braces are its placeholders: its texts have none)."""
    plain = [text for text in hostile if "{" not in text and "}" not in text]
    text_rule = {
        "principle": "integrity", "severity": "warning", "levels": "all",
        "title": {"en": plain[1], "zh": plain[2]}, "rationale": {"en": plain[3], "zh": plain[4]},
        "fix": {"en": plain[5], "zh": plain[6]}, "source": plain[7],
    }
    rules = [
        {"id": "HSE-001", **text_rule, "message": {"en": f"{plain[0]} AI use {{use.id}}: {{use.description}}",
                                                     "zh": f"{plain[8]}人工智能應用 {{use.id}}"},
         "check": {"for_each": {"use": "ai_uses"}, "require": {"use.description": {"not_in": hostile}}}},
        {"id": "HSE-002", **text_rule, "message": {"en": "{use.id} " + plain[9], "zh": "{use.id} " + plain[10]},
         "check": {"for_each": {"use": {"from": "ai_uses", "where": {"use.description": {"in": "$values.hostile"}}}},
                   "require": {"all": [{"use.description": {"not_equals": text}} for text in hostile]}}},
        {"id": "HSE-003", **text_rule, "message": {"en": plain[11], "zh": plain[12]},
         "check": {"for_each": {"use": "ai_uses"},
                   "where": {"use.description": {"mentions": hostile[0], "min_length": 1}},
                   "require": {"exists": {"from": "consents", "as": "consent", "where": [
                       {"consent.intended_use": {"equals": "$use.description"}},
                       {"consent.covers": {"contains": hostile[13]}}]}}}},
        {"id": "HSE-004", **text_rule, "message": {"en": plain[13], "zh": plain[14]},
         "check": {"for_each": {"use": {"from": "ai_uses", "where": {"use.scope.frames": {"at_most": float("inf")}}}},
                   "require": [{"use.scope.frames": {"not_equals": float("nan")}},
                               {"use.description": {"not_equals": hostile[16]}}]}},
    ]
    (folder / "pack.yaml").write_text(yaml.safe_dump({"name": "hostile", "version": "1"}), encoding="utf-8")
    (folder / "house.yaml").write_text(yaml.safe_dump({"values": {"hostile": {"source": hostile[17], "value": hostile}},
                                                       "rules": rules}, allow_unicode=True), encoding="utf-8")
    return folder


def hostile_manifest(path, hostile, uses):
    spec = importlib.util.spec_from_file_location("bench_generate", ROOT / "benchmarks" / "generate.py")
    generator = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generator)
    data = generator.build(uses, seed=3)
    for use, text in zip(data["ai_uses"], hostile):
        use["description"] = text
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


@pytest.fixture
def hostile_run(tmp_path):
    canary = tmp_path / "ran"
    hostile = payloads(canary)
    pack = tmp_path / "pack"
    pack.mkdir()
    return canary, hostile, hostile_pack(pack, hostile), tmp_path


def test_a_hostile_pack_compiles_to_fixed_forms_and_finds_what_the_interpreter_finds(hostile_run, monkeypatch):
    canary, hostile, pack, folder = hostile_run
    rule_set = load_rule_set([pack])
    house = [rule for rule in rule_set.rules if rule.id.startswith("HSE")]
    literals = {literal for rule in house for check in rule.checks
                for literal in assert_fixed_forms(codegen.generate(check)[0])}
    loaded = load_file(pack / "house.yaml").data["values"]["hostile"]["value"]  # as YAML reads them back
    assert set(loaded) <= literals
    document = load_file(hostile_manifest(folder / "manifest.yaml", hostile, 60))
    found = []
    for threshold in (10 ** 12, 0):
        monkeypatch.setattr(engine, "COMPILE_MIN_RECORDS", threshold)
        findings = check_document(document, rule_set, CheckOptions(today=TODAY)).findings
        found.append([(f, f.message, f.fix, f.records, f.line) for f in findings if f.rule.startswith("HSE")])
    assert found[0] == found[1]
    by_rule = {rule: [f for f, *_ in found[1] if f.rule == rule] for rule in ("HSE-001", "HSE-002", "HSE-003")}
    assert len(by_rule["HSE-001"]) == len(by_rule["HSE-002"]) == len(hostile)
    assert {f.message["en"].split(": ", 1)[1] for f in by_rule["HSE-001"]} >= {hostile[0], hostile[2]}
    assert by_rule["HSE-003"]
    assert not canary.exists()


def test_hkai_check_with_a_hostile_pack_on_a_big_manifest_runs_no_rule_text(hostile_run):
    # Big enough to be checked by compiled rules, through the real command.
    canary, hostile, pack, folder = hostile_run
    manifest = hostile_manifest(folder / "manifest.yaml", hostile, 900)
    code, report = hkai_json(str(manifest), "--rules", str(pack), "--select", "HSE")
    findings = [f for result in report["manifests"] for f in result["findings"]]
    assert code == 0  # warnings only
    records = sum(len(value) for value in load_file(manifest).data.values() if isinstance(value, list))
    assert records >= engine.COMPILE_MIN_RECORDS
    assert sorted({f["rule"] for f in findings}) == ["HSE-001", "HSE-002", "HSE-003", "HSE-004"]
    assert len([f for f in findings if f["rule"] == "HSE-001"]) == len(hostile)
    assert any(f["message"].endswith(hostile[1]) for f in findings if f["rule"] == "HSE-001")
    assert not canary.exists()
