"""`hkai init` writes a valid, commented starter manifest; `hkai schema` prints the schema."""

import json

import jsonschema
import pytest
import yaml
from conftest import ROOT, hkai, hkai_json

from checker.starters import LEVELS, count_placeholders

MANIFEST_SCHEMA = ROOT / "checker" / "schemas" / "manifest-v1.schema.json"


def _findings(report):
    (manifest,) = report["manifests"]
    return manifest, manifest["findings"]


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("level", LEVELS)
def test_init_writes_a_schema_valid_starter_at_each_level(tmp_path, level, lang):
    folder = tmp_path / f"film-{level}"
    result = hkai("init", str(folder), "--level", level, "--lang", lang)
    assert result.returncode == 0, result.stderr
    manifest_file = folder / "manifest.yaml"
    assert manifest_file.is_file()
    assert str(manifest_file) in result.stdout and f"hkai check {folder}" in result.stdout

    code, report = hkai_json(str(folder))
    assert code in (0, 1), report
    manifest, findings = _findings(report)
    assert [f for f in findings if f["rule"] == "SCHEMA"] == []
    assert manifest["status"] != "error"
    # the starter is what it says it is: declared and derived level agree
    assert manifest["declared_level"] == manifest["derived_level"] == level
    assert manifest["production"] == f"film-{level}"   # the id comes from the folder's name

    text = manifest_file.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    assert count_placeholders(data) >= 10               # TODO markers where only the producer knows
    todo = [f for f in findings if f["rule"] == "INT-006"]
    assert 0 < len(todo) <= count_placeholders(data) and {f["severity"] for f in todo} == {"info"}
    comments = [line for line in text.splitlines() if line.lstrip().startswith("#")]
    assert len(comments) >= 30                          # every section is explained
    if lang == "zh":
        assert any("人工智能" in line for line in comments)
    else:
        assert any("consent" in line for line in comments)


def test_low_level_starter_has_no_error_or_warning(tmp_path):
    assert hkai("init", str(tmp_path / "p"), "--level", "low").returncode == 0
    code, report = hkai_json(str(tmp_path / "p"))
    _, findings = _findings(report)
    assert code == 0
    assert [f["rule"] for f in findings if f["severity"] != "info"] == []


@pytest.mark.parametrize("level", ["medium", "high"])
def test_unconfirmed_facts_are_left_for_the_checker_to_report(tmp_path, level):
    """The starter never vouches for what only the producer can confirm: consent informed
    and separate, the fee, so the checker reports them until they are set."""
    assert hkai("init", str(tmp_path / "p"), "--level", level).returncode == 0
    code, report = hkai_json(str(tmp_path / "p"))
    _, findings = _findings(report)
    errors = sorted({f["rule"] for f in findings if f["severity"] == "error"})
    assert code == 1
    assert errors == ["CMP-002", "CON-005"]
    data = yaml.safe_load((tmp_path / "p" / "manifest.yaml").read_text(encoding="utf-8"))
    kinds = {use["kind"] for use in data["ai_uses"]}
    assert "de_ageing" in kinds
    if level == "high":
        assert {"generated_footage", "synthetic_performer"} <= kinds
        channels = {d["channel"] for d in data["disclosures"] if d["audience"] == "public"}
        assert {"on_screen_label", "promo_materials", "content_credentials"} <= channels


def test_init_defaults_to_the_current_folder(tmp_path):
    result = hkai("init", "--level", "medium", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "manifest.yaml").is_file()
    assert "hkai check ." in result.stdout


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
    assert "已寫入" in result.stdout
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


def test_a_starter_validates_against_the_printed_schema(tmp_path):
    """What an editor would do: validate the starter with `hkai schema`'s output."""
    assert hkai("init", str(tmp_path), "--level", "high").returncode == 0
    schema = json.loads(hkai("schema").stdout)
    # YAML 1.1 loads dates as dates; the checker keeps them as text, as the schema expects
    data = json.loads(json.dumps(yaml.safe_load((tmp_path / "manifest.yaml").read_text(encoding="utf-8")),
                                 default=str))
    jsonschema.Draft202012Validator(schema).validate(data)
