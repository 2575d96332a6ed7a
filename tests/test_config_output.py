"""`[output]` in a config file: each format's file, so a config with several formats never
writes two of them to standard output. Through the real command."""

import json

import pytest

from conftest import MINIMAL, TODAY, hkai

WARNING_ONLY = MINIMAL + ("disclosures: [{id: d, audience: public, channel: end_credits, covers: [], "
                          "languages: [en], text: Made with AI}]\n")


@pytest.fixture
def project(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "manifest.yaml").write_text(WARNING_ONLY)
    return tmp_path


def test_output_table_writes_each_format_to_its_file_beside_the_config(project):
    (project / "hkai.toml").write_text('format = ["rich", "sarif", "junit"]\n'
                                       '[output]\nsarif = "reports/hkai.sarif"\njunit = "hkai.xml"\n')
    (project / "reports").mkdir()
    result = hkai("check", "--today", TODAY, ".", cwd=project / "sub")
    assert result.returncode == 0, result.stderr
    assert "PASS" in result.stdout and "<testsuites" not in result.stdout and '"runs"' not in result.stdout
    sarif = json.loads((project / "reports" / "hkai.sarif").read_text())
    assert {found["ruleId"] for found in sarif["runs"][0]["results"]} == {"DIS-003"}
    assert (project / "hkai.xml").read_text().startswith("<?xml")


def test_pyproject_output_table(project):
    (project / "pyproject.toml").write_text('[tool.hkai]\nformat = ["json", "sarif"]\n'
                                            '[tool.hkai.output]\nsarif = "hkai.sarif"\n')
    result = hkai("check", "--today", TODAY, "sub", cwd=project)
    assert result.returncode == 0 and json.loads(result.stdout)["summary"]["passed"] == 1
    assert json.loads((project / "hkai.sarif").read_text())["version"] == "2.1.0"
    shown = hkai("check", "--show-config", cwd=project)
    assert f"output = {{'sarif': '{project / 'hkai.sarif'}'}}  ({project / 'pyproject.toml'})" in shown.stdout


def test_several_formats_on_standard_output_are_refused_naming_the_config(project):
    (project / "hkai.toml").write_text('format = ["rich", "sarif", "junit"]\n[output]\njunit = "hkai.xml"\n')
    result = hkai("check", "--today", TODAY, "sub", cwd=project)
    assert result.returncode == 2 and result.stdout == ""
    assert (f"{project / 'hkai.toml'}: format = ['rich', 'sarif', 'junit'] would write 2 formats (rich, sarif) "
            "to standard output") in result.stderr
    assert 'give all but one a file in [output], for example sarif = "hkai.sarif"' in result.stderr
    assert not (project / "hkai.xml").exists()


def test_command_line_formats_replace_the_config_ones(project):
    (project / "hkai.toml").write_text('format = ["rich", "sarif"]\n[output]\nsarif = "hkai.sarif"\n')
    result = hkai("check", "--today", TODAY, "-f", "json", "sub", cwd=project)
    assert result.returncode == 0 and json.loads(result.stdout)["summary"]["passed"] == 1
    assert not (project / "hkai.sarif").exists()


@pytest.mark.parametrize("content, message", [
    ('format = "rich"\n[output]\nsarif = "hkai.sarif"\n',
     "[output] sarif: 'sarif' is not one of this file's formats (rich); add it to format"),
    ('format = ["rich", "sarif"]\n[output]\nsarif = 3\n', "[output] sarif: must be a file name, not 3"),
    ('format = ["rich", "sarif"]\noutput = "hkai.sarif"\n', "[output] must be a table of format = \"file\""),
    ('format = ["sarif", "junit"]\n[output]\nsarif = "same"\njunit = "same"\n',
     "[output]: --output"),
])
def test_a_bad_output_table_is_exit_2_naming_file_and_key(project, content, message):
    (project / "hkai.toml").write_text(content)
    result = hkai("check", "--today", TODAY, "sub", cwd=project)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert f"{project / 'hkai.toml'}: {message}" in result.stderr, result.stderr
