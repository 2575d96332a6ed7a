"""`hkai init` writes a valid, commented starter manifest; `hkai schema` prints the schema."""

import json
import re

import jsonschema
import pytest
import yaml
from conftest import EXAMPLES, ROOT, hkai, hkai_json

from checker.starters import LEVELS, count_placeholders

MANIFEST_SCHEMA = ROOT / "checker" / "schemas" / "manifest-v1.schema.json"


def _findings(report):
    (manifest,) = report["manifests"]
    return manifest, manifest["findings"]


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("level", LEVELS)
def test_init_writes_a_starter_that_fails_until_its_placeholders_are_replaced(tmp_path, level, lang):
    folder = tmp_path / f"film-{level}"
    result = hkai("init", str(folder), "--level", level, "--lang", lang)
    assert result.returncode == 0, result.stderr
    manifest_file = folder / "manifest.yaml"
    assert manifest_file.is_file()
    assert str(manifest_file) in result.stdout and f"hkai check --draft {folder}" in result.stdout

    # as written, it fails: every finding is a placeholder left in, an error with its location
    code, report = hkai_json(str(folder))
    assert code == 1, report
    manifest, findings = _findings(report)
    assert manifest["schema_valid"] and manifest["status"] == "fail"
    assert {(f["rule"], f["severity"]) for f in findings} == {("INT-006", "error")}
    assert all(f["path"].startswith("/") and f["line"] > 0 for f in findings)
    # placeholder dates and yes/no facts are reported as placeholders, not as format errors
    placeholder_paths = {f["path"] for f in findings}
    assert "/production/release_date" in placeholder_paths and "/people/0/minor" in placeholder_paths
    # the starter is what it says it is: declared and derived level agree
    assert manifest["declared_level"] == manifest["derived_level"] == level
    assert manifest["production"] == f"film-{level}"   # the id comes from the folder's name

    # with --draft, it passes: the same placeholders, as info, and nothing else
    code, draft = hkai_json("--draft", str(folder))
    assert code == 0, draft
    assert draft["draft"] is True
    _, draft_findings = _findings(draft)
    assert {(f["rule"], f["severity"]) for f in draft_findings} == {("INT-006", "info")}
    assert len(draft_findings) == len(findings)

    text = manifest_file.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    assert count_placeholders(data) >= 10               # TODO markers where only the producer knows
    assert len(findings) >= count_placeholders(data)    # a bilingual text counts once, each language is a finding
    comments = [line for line in text.splitlines() if line.lstrip().startswith("#")]
    assert len(comments) >= 30                          # every section is explained
    if lang == "zh":
        assert any("人工智能" in line for line in comments)
    else:
        assert any("consent" in line for line in comments)


@pytest.mark.parametrize("level", ["medium", "high"])
def test_facts_only_the_producer_can_confirm_are_placeholders(tmp_path, level):
    """The starter never vouches for what only the producer can confirm: consent informed
    and separate, the fee. They are placeholders; replaced by values that are not so, the
    rules judge those values."""
    assert hkai("init", str(tmp_path / "p"), "--level", level).returncode == 0
    manifest_file = tmp_path / "p" / "manifest.yaml"
    data = yaml.safe_load(manifest_file.read_text(encoding="utf-8"))
    (consent,) = data["consents"]
    assert consent["informed"] == consent["separate_from_other_terms"] == "TODO"
    assert data["compensation"][0]["amount"]["value"] == "TODO"
    kinds = {use["kind"] for use in data["ai_uses"]}
    assert "de_ageing" in kinds
    if level == "high":
        assert {"generated_footage", "synthetic_performer"} <= kinds
        channels = {d["channel"] for d in data["disclosures"] if d["audience"] == "public"}
        assert {"on_screen_label", "promo_materials", "content_credentials"} <= channels

    text = manifest_file.read_text(encoding="utf-8")
    text = text.replace("informed: TODO", "informed: false").replace("{value: TODO,", "{value: 0,")
    manifest_file.write_text(text, encoding="utf-8")
    code, report = hkai_json("--draft", str(tmp_path / "p"))
    _, findings = _findings(report)
    assert code == 1
    assert {f["path"] for f in findings if f["rule"] == "CON-005"} == {"/consents/0/informed"}
    assert {f["path"] for f in findings if f["rule"] == "CMP-002"} == {"/compensation/0/amount/value"}
    assert sorted({f["rule"] for f in findings if f["severity"] == "error"}) == ["CMP-002", "CON-005"]


def test_init_defaults_to_the_current_folder(tmp_path):
    result = hkai("init", "--level", "medium", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "manifest.yaml").is_file()
    assert "hkai check --draft ." in result.stdout


def test_init_creates_missing_folders(tmp_path):
    folder = tmp_path / "slate" / "2026" / "My Film!"
    assert hkai("init", str(folder), "--level", "low").returncode == 0
    data = yaml.safe_load((folder / "manifest.yaml").read_text(encoding="utf-8"))
    assert data["production"]["id"] == "my-film"


@pytest.mark.parametrize("name", ["manifest.yaml", "manifest.yml"])
def test_init_refuses_to_overwrite_a_manifest(tmp_path, name):
    existing = tmp_path / name
    existing.write_text("manifest_version: 1\n# mine\n", encoding="utf-8")
    result = hkai("init", str(tmp_path), "--level", "high")
    assert result.returncode == 2
    assert "already exists" in result.stderr and name in result.stderr
    assert "Traceback" not in result.stderr
    assert existing.read_text(encoding="utf-8") == "manifest_version: 1\n# mine\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]


def test_init_offers_no_force_and_needs_a_level(tmp_path):
    assert hkai("init", str(tmp_path), "--level", "low", "--force").returncode == 2
    assert hkai("init", str(tmp_path)).returncode == 2
    assert hkai("init", str(tmp_path), "--level", "extreme").returncode == 2
    assert not (tmp_path / "manifest.yaml").exists()


def test_init_refuses_a_file_as_folder(tmp_path):
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    result = hkai("init", str(tmp_path / "notes.txt"), "--level", "low")
    assert result.returncode == 2 and "not a folder" in result.stderr


def test_init_follows_hkai_lang(tmp_path):
    result = hkai("init", str(tmp_path / "p"), "--level", "low", env={"HKAI_LANG": "zh"})
    assert result.returncode == 0, result.stderr
    # the level in the table's own word for it, not the English value
    assert "已寫入" in result.stdout and "人工智能應用程度為「低」的範本清單，含 " in result.stdout
    assert "人工智能" in (tmp_path / "p" / "manifest.yaml").read_text(encoding="utf-8")


def test_schema_prints_the_shipped_manifest_schema():
    result = hkai("schema")
    assert result.returncode == 0, result.stderr
    schema = json.loads(result.stdout)
    assert schema == json.loads(MANIFEST_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    assert result.stdout == MANIFEST_SCHEMA.read_text(encoding="utf-8")   # pretty-printed as shipped
    assert hkai("schema").stdout == result.stdout                         # deterministic


def test_schema_output_file_and_rule_file_schema(tmp_path):
    target = tmp_path / "manifest.schema.json"
    result = hkai("schema", "--output", str(target))
    assert result.returncode == 0 and result.stdout == ""
    assert target.read_text(encoding="utf-8") == MANIFEST_SCHEMA.read_text(encoding="utf-8")

    rule_file = hkai("schema", "--rule-file")
    assert rule_file.returncode == 0
    shipped = json.loads((ROOT / "checker" / "schemas" / "rule-file.schema.json").read_text(encoding="utf-8"))
    assert json.loads(rule_file.stdout) == shipped
    jsonschema.Draft202012Validator.check_schema(shipped)

    missing = hkai("schema", "--output", str(tmp_path / "no" / "such" / "dir" / "x.json"))
    assert missing.returncode == 2 and "cannot write" in missing.stderr


def test_a_starter_validates_against_the_printed_schema_but_for_its_placeholders(tmp_path):
    """What an editor would do: validate the starter with `hkai schema`'s output. It
    complains only where a placeholder stands for a date, a yes/no fact, an amount or a
    choice, which the checker reports as placeholders."""
    assert hkai("init", str(tmp_path), "--level", "high").returncode == 0
    schema = json.loads(hkai("schema").stdout)
    data = yaml.safe_load((tmp_path / "manifest.yaml").read_text(encoding="utf-8"))
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(data))
    assert errors
    assert all(isinstance(error.instance, str) and "TODO" in error.instance for error in errors)


MODELINE = re.compile(r"# yaml-language-server: \$schema=(\S+)")


class TextDates(yaml.SafeLoader):
    """YAML as editors and check-jsonschema read it for validation: a date stays its text."""


TextDates.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_init_points_editors_at_the_schema_it_writes_beside_the_starter(tmp_path, lang):
    """The starter's first line is a yaml-language-server modeline; its path, from the
    manifest's folder, is the schema `hkai init` wrote there: the shipped one. Validated as
    check-jsonschema does (the schema's own dialect, formats checked), the starter is wrong
    only where a placeholder stands, and a real production's manifest is right."""
    folder = tmp_path / "film"
    result = hkai("init", str(folder), "--level", "medium", "--lang", lang)
    assert result.returncode == 0, result.stderr
    assert str(folder / "manifest.schema.json") in result.stdout
    first_line = (folder / "manifest.yaml").read_text(encoding="utf-8").splitlines()[0]
    (target,) = MODELINE.fullmatch(first_line).groups()
    written = (folder / target).resolve()
    assert written == (folder / "manifest.schema.json").resolve()
    assert written.read_bytes() == MANIFEST_SCHEMA.read_bytes() == hkai("schema").stdout.encode("utf-8")

    schema = json.loads(written.read_text(encoding="utf-8"))
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    validator = validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)
    starter = yaml.load((folder / "manifest.yaml").read_text(encoding="utf-8"), Loader=TextDates)
    errors = list(validator.iter_errors(starter))
    assert errors and all(isinstance(e.instance, str) and "TODO" in e.instance for e in errors)
    production = yaml.load((EXAMPLES / "nine-heavens-animation" / "manifest.yaml").read_text(encoding="utf-8"),
                           Loader=TextDates)
    assert list(validator.iter_errors(production)) == []


def test_init_keeps_the_same_schema_and_refuses_to_replace_another(tmp_path):
    shipped = MANIFEST_SCHEMA.read_text(encoding="utf-8")
    (tmp_path / "same").mkdir()
    (tmp_path / "same" / "manifest.schema.json").write_text(shipped, encoding="utf-8")
    assert hkai("init", str(tmp_path / "same"), "--level", "low").returncode == 0

    (tmp_path / "old").mkdir()
    (tmp_path / "old" / "manifest.schema.json").write_text("{}\n", encoding="utf-8")
    result = hkai("init", str(tmp_path / "old"), "--level", "low")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "manifest.schema.json already exists" in result.stderr and "hkai schema --output" in result.stderr
    assert not (tmp_path / "old" / "manifest.yaml").exists()
    assert (tmp_path / "old" / "manifest.schema.json").read_text(encoding="utf-8") == "{}\n"
