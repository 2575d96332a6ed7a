"""Project config files: discovery, precedence, rule selection and errors."""

import json

import pytest

from conftest import MINIMAL, TODAY, hkai, hkai_json

# A public disclosure in English only: DIS-003 (warning). A use with no consent: CON-001 (error).
WARNING_ONLY = MINIMAL + ("disclosures: [{id: d, audience: public, channel: end_credits, covers: [], "
                          "languages: [en], text: Made with AI}]\n")


@pytest.fixture
def project(tmp_path):
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / "sub" / "deeper" / "manifest.yaml").write_text(WARNING_ONLY)
    return tmp_path


def test_hkai_toml_is_found_from_a_subfolder_and_applies(project):
    (project / "hkai.toml").write_text('fail-on = "warning"\nlang = "zh"\n')
    result = hkai("check", "manifest.yaml", "--today", TODAY, cwd=project / "sub" / "deeper")
    assert result.returncode == 1 and "不通過" in result.stdout


def test_pyproject_tool_table(project):
    (project / "pyproject.toml").write_text('[project]\nname = "film"\n\n[tool.hkai]\nfail-on = "warning"\n')
    assert hkai("check", "sub", "--today", TODAY, cwd=project).returncode == 1


def test_pyproject_without_the_table_is_not_a_config(project):
    (project / "pyproject.toml").write_text('[project]\nname = "film"\n')
    assert hkai("check", "sub", "--today", TODAY, cwd=project).returncode == 0


def test_command_line_wins_over_the_file_and_show_config_says_where(project):
    (project / "hkai.toml").write_text('fail-on = "warning"\nformat = "json"\nignore = ["CRD-"]\n')
    assert hkai("check", "sub", "--today", TODAY, "--fail-on", "error", "--format", "rich",
                cwd=project).returncode == 0
    shown = hkai("check", "--show-config", "--fail-on", "never", cwd=project, env={"HKAI_LANG": "zh"})
    lines = dict(line.split(" = ", 1) for line in shown.stdout.splitlines())
    assert lines["fail-on"] == "'never'  (command line)"
    assert lines["format"] == f"['json']  ({project / 'hkai.toml'})"
    assert lines["ignore"] == f"['CRD-']  ({project / 'hkai.toml'})"
    assert lines["lang"] == "'zh'  ($HKAI_LANG)"
    assert lines["select"] == "[]  (default)"


@pytest.mark.parametrize("content, message", [
    ('fail_on = "warning"\n', "unknown key 'fail_on'"),
    ('fail-on = "sometimes"\n', "fail-on: must be one of error, warning, info, never"),
    ('format = ["rich", "pdf"]\n', "format: must be one of"),
    ("select = \"CON-001\"\n", "select: must be a list of strings"),
    ('[severity]\nCMP-003 = "fatal"\n', "severity: must be a table"),
    ("fail-on = \n", "invalid TOML"),
])
def test_bad_config_is_exit_2_naming_file_and_key(project, content, message):
    (project / "hkai.toml").write_text(content)
    result = hkai("check", "sub", cwd=project)
    assert result.returncode == 2
    assert result.stderr.startswith(f"hkai: error: {project / 'hkai.toml'}: ") and message in result.stderr


def test_unknown_key_in_pyproject_is_named_with_its_table(project):
    (project / "pyproject.toml").write_text('[tool.hkai]\ncolour = "never"\n')
    result = hkai("check", "sub", cwd=project)
    assert result.returncode == 2 and "unknown key 'tool.hkai.colour'" in result.stderr


def test_explicit_config_file(project):
    (project / "ci.toml").write_text('fail-on = "warning"\n')
    assert hkai("check", "sub", "--config", "ci.toml", "--today", TODAY, cwd=project).returncode == 1
    missing = hkai("check", "sub", "--config", "nope.toml", cwd=project)
    assert missing.returncode == 2 and "no such config file" in missing.stderr


def test_select_ignore_by_id_prefix_and_principle(write_manifest):
    path = write_manifest(MINIMAL.replace("ai_use_level: none", "ai_use_level: medium") + """\
people: [{id: p-a, name: Chan, roles: [performer]}]
ai_uses: [{id: u, kind: de_ageing, subjects: [p-a]}]
""")

    def rules(*flags):
        code, report = hkai_json(str(path), *flags)
        return {f["rule"] for f in report["manifests"][0]["findings"]}

    everything = rules()
    assert {"CON-001", "CMP-001", "DIS-001", "CRD-002"} <= everything
    assert rules("--select", "CON-001") == {"CON-001"}
    assert rules("--select", "consent,CMP-") == {r for r in everything if r.startswith(("CON-", "CMP-"))}
    assert rules("--ignore", "DIS") == {r for r in everything if not r.startswith("DIS-")}
    bad = hkai("check", str(path), "--select", "NOPE-")
    assert bad.returncode == 2 and "'NOPE-' matches no rule id" in bad.stderr


def test_severity_override_from_config(project):
    (project / "hkai.toml").write_text('[severity]\n"DIS-003" = "error"\n')
    code, report = hkai_json("sub", cwd=project)
    finding = report["manifests"][0]["findings"][0]
    assert (code, finding["rule"], finding["severity"]) == (1, "DIS-003", "error")


def test_extra_rules_from_config_are_relative_to_it(project, tmp_path):
    pack = project / "house"
    pack.mkdir()
    (pack / "house.yaml").write_text("""\
rules:
  - id: HSE-001
    principle: disclosure
    severity: error
    levels: all
    title: {en: Productions name a compliance contact, zh: 作品須列明合規聯絡人}
    rationale: {en: The broadcaster needs someone to call., zh: 廣播機構需要聯絡人。}
    message: {en: "Production {production.id} names no compliance contact", zh: "作品 {production.id} 沒有合規聯絡人"}
    fix: {en: Add production.compliance_contact., zh: 加上 production.compliance_contact。}
    source: Example Broadcaster house rules
    check:
      require:
        production.compliance_contact: {present: true}
""")
    (project / "hkai.toml").write_text('extra-rules = ["house"]\n')
    code, report = hkai_json("sub", cwd=project)
    assert code == 1
    assert "HSE-001" in {f["rule"] for f in report["manifests"][0]["findings"]}
    assert [p["name"] for p in report["packs"]] == ["hkai-guideline", "house"]
    assert json.dumps(report).count("HSE-001") >= 2
