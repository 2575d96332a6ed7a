"""Rules compiled to Python (checker/language/codegen.py) find exactly what the tree of
nodes finds, the reference: on every fixture case, example, corpus manifest and generated
manifest (of the benchmark's shape and of shapes that make joins long)."""

import importlib.util
from pathlib import Path

import pytest
import yaml

from checker.authoring.fixture_runner import run_case
from checker.authoring.fixtures import read_fixtures
from checker.evaluation import engine
from checker.evaluation.manifest import CheckOptions, check_document
from checker.packs.loading import load_rule_set
from checker.reading.yaml_loader import LoadError, load_file
from conftest import EXAMPLES, ROOT, TODAY

RULE_SET = load_rule_set()
FIXTURE_CASES = [case for fixture in read_fixtures(ROOT / "rules") for case in fixture.cases
                 if case.manifest is not None and not case.problems]
INTERPRETED, COMPILED = 10 ** 12, 0  # engine.COMPILE_MIN_RECORDS for each way of running


def _generator():
    spec = importlib.util.spec_from_file_location("bench_generate", ROOT / "benchmarks" / "generate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def every_person_credited(data: dict) -> dict:
    """One credit naming every person (CRD-002 looked each subject up in its long list)."""
    data["credits"].append({"role": "performer", "people": [person["id"] for person in data["people"]]})
    return data


def many_training_data_subjects(data: dict) -> dict:
    """Training data with every person as a subject, used by every AI use with subjects."""
    for item in data["training_data"]:
        item.update(contains_personal_data=True, subjects=[person["id"] for person in data["people"]],
                    consent_refs=[consent["id"] for consent in data["consents"]])
    for use in data["ai_uses"]:
        if use["subjects"]:
            use["training_data_refs"] = [item["id"] for item in data["training_data"]]
    return data


def long_shared_texts(data: dict) -> dict:
    """The same long text in every AI use, consent and disclosure."""
    text = " ".join(f"Scene {n}: the performer's likeness is regenerated; 第{n}場。" for n in range(40))
    for use in data["ai_uses"]:
        use["description"] = text
    for consent in data["consents"]:
        consent["intended_use"] = text
    for disclosure in data["disclosures"]:
        disclosure["text"] = {"en": text, "zh": text}
    return data


SHAPES = {"benchmark": lambda data: data, "every person credited": every_person_credited,
          "many training-data subjects": many_training_data_subjects, "long shared texts": long_shared_texts}


def generated(uses: int, shape: str, folder: Path) -> Path:
    data = SHAPES[shape](_generator().build(uses, seed=uses))
    path = folder / f"{shape.replace(' ', '-')}-{uses}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def findings_both_ways(monkeypatch, check):
    """What ``check()`` returns with the rules interpreted, then compiled."""
    results = []
    for threshold in (INTERPRETED, COMPILED):
        monkeypatch.setattr(engine, "COMPILE_MIN_RECORDS", threshold)
        results.append(check())
    return results


def _manifest_findings(path: Path):
    document = load_file(path)
    return _compared(check_document(document, RULE_SET, CheckOptions(today=TODAY)).findings)


def _compared(findings):
    """Every field of each finding (the dataclass leaves out the waiver when comparing)."""
    return [(finding, finding.message, finding.fix, finding.records, finding.pointer, finding.line, finding.waiver)
            for finding in findings]


@pytest.mark.parametrize("case", FIXTURE_CASES, ids=lambda case: f"{Path(case.manifest.path).stem}:{case.title}")
def test_compiled_rules_find_what_interpreted_rules_find_on_every_fixture_case(monkeypatch, case):
    def check():
        return [(_compared(result.findings), str(getattr(result, "error", None))) for twin in (False, True)
                for result in run_case(RULE_SET, case, twin)]
    interpreted, compiled = findings_both_ways(monkeypatch, check)
    assert compiled == interpreted


MANIFESTS = sorted([*EXAMPLES.rglob("*.yaml"), *(ROOT / "tests" / "corpus" / "manifests").glob("*.yaml")])


@pytest.mark.parametrize("path", MANIFESTS, ids=lambda path: str(path.relative_to(ROOT)))
def test_compiled_rules_find_what_interpreted_rules_find_on_examples_and_corpus(monkeypatch, path):
    try:
        load_file(path)
    except LoadError:
        pytest.skip("not a manifest that loads: no rule runs on it")
    interpreted, compiled = findings_both_ways(monkeypatch, lambda: _manifest_findings(path))
    assert compiled == interpreted


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("uses", [40, 400])
def test_compiled_rules_find_what_interpreted_rules_find_on_generated_manifests(monkeypatch, tmp_path, shape, uses):
    path = generated(uses, shape, tmp_path)
    interpreted, compiled = findings_both_ways(monkeypatch, lambda: _manifest_findings(path))
    assert compiled == interpreted
    assert interpreted, "the generated manifest has findings to compare"


def test_the_generated_benchmark_manifest_has_findings_of_many_rules(monkeypatch, tmp_path):
    # The comparison above is worth something only if many rules find something.
    path = generated(400, "benchmark", tmp_path)
    monkeypatch.setattr(engine, "COMPILE_MIN_RECORDS", COMPILED)
    assert len({finding.rule for finding, *_ in _manifest_findings(path)}) >= 5


def test_a_big_manifest_is_checked_by_compiled_rules_and_a_small_one_is_not(monkeypatch, tmp_path):
    compiled = []
    original = engine.compiled_failures
    monkeypatch.setattr(engine, "compiled_failures", lambda check: compiled.append(check) or original(check))
    _manifest_findings(generated(40, "benchmark", tmp_path))
    assert compiled == []
    monkeypatch.setattr(engine, "COMPILE_MIN_RECORDS", 100)
    _manifest_findings(generated(100, "benchmark", tmp_path))
    assert compiled
