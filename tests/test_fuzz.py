"""Property-based fuzzing: whatever the manifest, the checker answers with findings or a
located error (exit 0, 1 or 2), never an exception, and answers the same way twice."""

import contextlib
import copy
import io
import json
import os
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import EXAMPLES, TODAY

from checker.evaluation.manifest import CheckOptions, check_document
from checker.cli import main
from checker.reading.yaml_loader import LoadError, load_text
from checker.packs.loading import load_rule_set
from checker.report.json_report import to_dict
from checker.report.model import Report
from checker.reading.schema import MANIFEST_SCHEMA, load_schema, reference_errors, schema_errors

PACK = load_rule_set()
DEFS = load_schema(MANIFEST_SCHEMA)["$defs"]
EXAMPLES_BUDGET = int(os.environ.get("HKAI_FUZZ_EXAMPLES", "150"))
FUZZ = settings(max_examples=EXAMPLES_BUDGET, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def enum(definition: str, field: str | None = None) -> st.SearchStrategy:
    schema = DEFS[definition] if field is None else DEFS[definition]["properties"][field]
    values = schema.get("enum") or schema["items"]["enum"]
    return st.sampled_from(values)


ids = st.sampled_from(["p-a", "p-b", "u-1", "u-2", "c-1", "pay-1", "d-1", "td-1", "ghost"])
id_lists = st.lists(ids, max_size=3)
dates = st.one_of(st.dates().map(str), st.sampled_from(["2026-02-30", "soon", ""]))
texts = st.one_of(st.text(max_size=30),
                  st.fixed_dictionaries({}, optional={"en": st.text(max_size=20), "zh": st.text(max_size=20)}))
levels = st.sampled_from(["low", "medium", "high"])
maybe = st.booleans()

people = st.fixed_dictionaries({"id": ids, "name": texts}, optional={
    "roles": st.lists(enum("Person", "roles"), max_size=3), "minor": maybe, "deceased": maybe, "union_member": maybe})
ai_uses = st.fixed_dictionaries({"id": ids, "kind": enum("Kind")}, optional={
    "level": levels, "subjects": id_lists, "resembles": id_lists, "consent_refs": id_lists,
    "compensation_refs": id_lists, "training_data_refs": id_lists, "disclosure_refs": id_lists,
    "tools": st.lists(st.fixed_dictionaries({"name": st.text(min_size=1, max_size=10)},
                                            optional={"vendor": st.text(max_size=10)}), max_size=2),
    "human_oversight": st.fixed_dictionaries({"reviewer": ids}, optional={"reviewed_on": dates}),
    "within_script": maybe, "intimate_content": maybe, "union_notice_on": dates, "description": texts})
consents = st.fixed_dictionaries({
    "id": ids, "person": ids, "given_by": st.sampled_from(["self", "guardian", "estate"]), "signed_on": dates,
    "covers": st.lists(st.one_of(enum("Kind"), st.sampled_from(["training", "intimate_content"])), max_size=3)},
    optional={"expires_on": st.one_of(st.none(), dates), "revoked_on": st.one_of(st.none(), dates),
              "intended_use": texts, "separate_from_other_terms": maybe, "informed": maybe})
money = st.fixed_dictionaries({"value": st.one_of(st.integers(-5, 10**6), st.floats(allow_nan=True))},
                              optional={"currency": st.sampled_from(["HKD", "USD", "hkd", "HK$", ""])})
compensation = st.fixed_dictionaries({
    "id": ids, "person": ids, "for": id_lists,
    "basis": st.sampled_from(["per_use", "session_fee", "royalty", "buyout", "none"])},
    optional={"amount": money, "agreed_on": dates})
credits = st.fixed_dictionaries({"role": enum("Credit", "role")}, optional={
    "people": id_lists, "tools": st.lists(st.text(min_size=1, max_size=8), max_size=2),
    "names": st.lists(texts, max_size=2)})
disclosures = st.fixed_dictionaries({
    "id": ids, "audience": enum("Disclosure", "audience"), "channel": enum("Disclosure", "channel"), "covers": id_lists},
    optional={"languages": st.lists(st.sampled_from(["en", "zh-Hant", "zh-HK", "fr"]), max_size=2), "text": texts,
              "digital_source_type": st.text(min_size=1, max_size=10)})
training_data = st.fixed_dictionaries({"id": ids, "source": enum("TrainingData", "source")}, optional={
    "license": st.one_of(st.none(), st.text(min_size=1, max_size=8)), "contains_personal_data": maybe,
    "subjects": id_lists, "consent_refs": id_lists, "retention": st.fixed_dictionaries({}, optional={"delete_by": dates}),
    "paid_engagement": maybe})
waivers = st.fixed_dictionaries({"rule": st.sampled_from(PACK.rule_ids + ["NOPE-001"]),
                                 "target": st.one_of(ids, st.just("*")), "reason": texts},
                                optional={"approved_by": st.text(min_size=1, max_size=8), "expires_on": dates})
production = st.fixed_dictionaries({
    "id": st.sampled_from(["demo", "Bad Id"]), "title": texts, "type": enum("Production", "type"),
    "release_date": dates, "ai_use_level": st.sampled_from(["none", "low", "medium", "high"])},
    optional={"jurisdictions": st.lists(st.sampled_from(["HK", "EU", "CN", "NO", "hk"]), max_size=3),
              "privacy_impact_assessment": st.fixed_dictionaries({"done_on": dates})})
manifests = st.fixed_dictionaries({"manifest_version": st.just(1), "production": production}, optional={
    "people": st.lists(people, max_size=4), "ai_uses": st.lists(ai_uses, max_size=4),
    "consents": st.lists(consents, max_size=3), "compensation": st.lists(compensation, max_size=3),
    "credits": st.lists(credits, max_size=3), "disclosures": st.lists(disclosures, max_size=3),
    "training_data": st.lists(training_data, max_size=2), "waivers": st.lists(waivers, max_size=2),
    "writers_room": st.fixed_dictionaries({}, optional={
        "ai_material_given_to_writers": maybe, "disclosed_to_writers": st.one_of(st.none(), maybe),
        "writers_required_to_use_ai": maybe})})

# What a careless edit can put anywhere.
junk = st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=10), st.just([]), st.just({}),
                 st.lists(st.integers(), max_size=2), st.dictionaries(st.text(max_size=5), st.integers(), max_size=2))


def json_report(document_text: str) -> str:
    """The JSON report of a manifest given as YAML text, or the load error."""
    try:
        document = load_text(document_text, "fuzz.yaml")
    except LoadError as error:
        return str(error)
    result = check_document(document, PACK, CheckOptions(today=TODAY))
    assert result.status("error") in ("pass", "fail")
    return json.dumps(to_dict(Report([result], PACK, "error", "en", TODAY)), ensure_ascii=False)


def dump(data) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


@FUZZ
@given(manifests)
def test_generated_manifests_never_crash_and_are_deterministic(manifest):
    text = dump(manifest)
    assert json_report(text) == json_report(text)


def nodes(data, path=()):
    """Every (path, node) of a data tree."""
    yield path, data
    if isinstance(data, dict):
        for key, value in data.items():
            yield from nodes(value, path + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from nodes(value, path + (index,))


def mutate(data, draw):
    """Delete, duplicate or retype one random node."""
    paths = [path for path, _ in nodes(data) if path]
    if not paths:
        return draw(junk)
    path = draw(st.sampled_from(paths))
    parent = data
    for step in path[:-1]:
        parent = parent[step]
    last = path[-1]
    action = draw(st.sampled_from(["delete", "duplicate", "retype"]))
    if action == "delete":
        del parent[last]
    elif action == "duplicate" and isinstance(parent, list):
        parent.insert(last, copy.deepcopy(parent[last]))
    else:
        parent[last] = draw(junk)
    return data


EXAMPLE_DATA = [yaml.safe_load(path.read_text(encoding="utf-8")) for path in sorted(EXAMPLES.glob("*/manifest.yaml"))]


@FUZZ
@given(st.data())
def test_mutated_examples_never_crash_through_the_command_line(data):
    manifest = copy.deepcopy(data.draw(st.sampled_from(EXAMPLE_DATA)))
    for _ in range(data.draw(st.integers(1, 4))):
        manifest = mutate(manifest, data.draw)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "manifest.yaml")
        path.write_text(dump(manifest), encoding="utf-8")
        outputs = []
        for _ in range(2):
            stdout, stderr = io.StringIO(), io.StringIO()
            with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
                code = main(["check", str(path), "--format", "json", "--today", TODAY])
            assert code in (0, 1, 2)
            outputs.append(stdout.getvalue())
        assert outputs[0] == outputs[1]
        json.loads(outputs[0])


@FUZZ
@given(st.binary(max_size=200))
def test_arbitrary_bytes_never_crash(raw):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "manifest.yaml")
        path.write_bytes(raw)
        stdout, stderr = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
            code = main(["check", str(path), "--format", "json", "--today", TODAY])
        assert code in (0, 1, 2)


@FUZZ
@given(st.data())
def test_jsonschema_rs_agrees_with_jsonschema(data):
    """jsonschema-rs finds exactly the errors jsonschema, the reference, finds."""
    if data.draw(st.booleans()):
        manifest = data.draw(manifests)
    else:
        manifest = mutate(copy.deepcopy(data.draw(st.sampled_from(EXAMPLE_DATA))), data.draw)
    document = load_text(dump(manifest), "fuzz.yaml")
    assert schema_errors(MANIFEST_SCHEMA, document.data) == reference_errors(MANIFEST_SCHEMA, document.data)
