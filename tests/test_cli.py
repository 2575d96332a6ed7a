"""`hkai check` end to end: exit codes, error messages, languages and output shape."""

import os
import subprocess
import sys

from conftest import EXAMPLES, MINIMAL, ROOT, TODAY, hkai, hkai_json

from checker import __version__

COMPLIANT = EXAMPLES / "nine-heavens-animation" / "manifest.yaml"


def test_examples_fail_with_exit_1_and_a_summary():
    result = hkai("check", str(EXAMPLES), "--today", TODAY)
    assert result.returncode == 1
    assert "Checked 7 manifests" in result.stdout
    assert "Traceback" not in result.stderr


def test_a_compliant_manifest_passes():
    result = hkai("check", str(COMPLIANT), "--today", TODAY)
    assert result.returncode == 0, result.stdout
    assert "PASS" in result.stdout and "No findings." in result.stdout


def test_json_has_the_documented_shape(write_manifest):
    path = write_manifest(MINIMAL)
    code, report = hkai_json(str(path))
    assert code == 0
    assert set(report) >= {"tool", "rulepack", "manifests", "summary"}
    assert report["tool"]["name"] == "hkai"
    assert set(report["rulepack"]) >= {"name", "version", "rules"}
    (manifest,) = report["manifests"]
    assert manifest["path"] == str(path)
    assert manifest["production"] == "demo"
    assert (manifest["declared_level"], manifest["derived_level"], manifest["status"]) == ("none", "none", "pass")
    assert report["summary"] == {"manifests": 1, "passed": 1, "failed": 0, "errors": 0,
                                 "findings": {"error": 0, "warning": 0, "info": 0}, "waived": 0, "baselined": 0,
                                 "no_manifest_in": [], "skipped_folders": [], "skipped_yaml_files": [],
                                 "ignored_by_gitignore": [], "waivers_files": []}


def test_finding_fields_and_location(write_manifest):
    path = write_manifest(MINIMAL.replace("ai_use_level: none", "ai_use_level: medium") + """\
people:
  - {id: p-a, name: Chan Siu Ming, roles: [performer]}
ai_uses:
  - id: replica
    kind: digital_replica
    subjects: [p-a]
""")
    code, report = hkai_json(str(path))
    assert code == 1
    findings = report["manifests"][0]["findings"]
    con = next(f for f in findings if f["rule"] == "CON-001")
    assert con == {**con, "principle": "consent", "severity": "error", "path": "/ai_uses/0/subjects",
                   "line": 13, "column": 5, "target": "replica", "waived": False}
    assert "Chan Siu Ming" in con["message"]


def test_schema_violations_are_located_findings_and_rules_are_skipped(write_manifest):
    path = write_manifest(MINIMAL + "people:\n  - id: 42\n    name: Chan\n    minor: maybe\n")
    code, report = hkai_json(str(path))
    assert code == 1
    manifest = report["manifests"][0]
    assert manifest["status"] == "fail" and manifest["schema_valid"] is False
    located = {(f["rule"], f["path"], f["line"]) for f in manifest["findings"]}
    assert located == {("SCHEMA", "/people/0/id", 9), ("SCHEMA", "/people/0/minor", 11)}
    rich = hkai("check", str(path), "--today", TODAY)
    assert "its rules were not evaluated" in rich.stdout
    assert f"{path}:9:" in rich.stdout


def test_unparseable_yaml_is_one_line_on_stderr_with_exit_2(write_manifest):
    path = write_manifest("production:\n  title: 'unclosed\n")
    result = hkai("check", str(path))
    assert result.returncode == 2
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith(f"hkai: error: {path}:3:")
    assert "Traceback" not in result.stderr


def test_other_manifests_are_still_checked_after_a_broken_one(write_manifest):
    broken = write_manifest("a: [\n", "broken/manifest.yaml")
    good = write_manifest(MINIMAL, "good/manifest.yaml")
    code, report = hkai_json(str(broken.parent.parent))
    assert code == 2
    assert [(m["path"], m["status"]) for m in report["manifests"]] == [(str(broken), "error"), (str(good), "pass")]


def test_missing_path_is_an_error(tmp_path):
    result = hkai("check", str(tmp_path / "nope.yaml"))
    assert result.returncode == 2
    assert "no such file or folder" in result.stderr


def test_bad_command_line_exits_2():
    result = hkai("check", "--format", "xml")
    assert result.returncode == 2
    assert "invalid choice" in result.stderr


def test_directories_are_searched_recursively_for_manifests(write_manifest):
    write_manifest(MINIMAL, "a/manifest.yaml")
    write_manifest(MINIMAL, "b/deeper/manifest.yml")
    write_manifest(MINIMAL, "c/notes.yaml")
    code, report = hkai_json(str(write_manifest(MINIMAL, "x.yaml").parent))
    assert [m["path"].rsplit("/", 2)[-2:] for m in report["manifests"]] == [["a", "manifest.yaml"],
                                                                           ["deeper", "manifest.yml"]]


def test_chinese_report_by_flag_and_environment(write_manifest):
    path = write_manifest(MINIMAL.replace("ai_use_level: none", "ai_use_level: medium") +
                          "people: [{id: p-a, name: {en: Chan, zh: 陳小明}}]\n"
                          "ai_uses: [{id: replica, kind: digital_replica, subjects: [p-a]}]\n")
    by_flag = hkai("check", str(path), "--lang", "zh", "--today", TODAY)
    by_env = hkai("check", str(path), "--today", TODAY, env={"HKAI_LANG": "zh"})
    for result in (by_flag, by_env):
        assert "陳小明" in result.stdout and "修正方法" in result.stdout and "不通過" in result.stdout
    assert "示範" in by_flag.stdout


def test_fail_on_threshold(write_manifest):
    # Public disclosure only in English: DIS-003 is a warning.
    path = write_manifest(MINIMAL + "disclosures: [{id: d, audience: public, channel: end_credits, covers: [], "
                                    "languages: [en], text: Made with AI}]\n")
    assert hkai("check", str(path), "--today", TODAY).returncode == 0
    assert hkai("check", str(path), "--today", TODAY, "--fail-on", "warning").returncode == 1
    assert hkai("check", str(path), "--today", TODAY, "--fail-on", "never").returncode == 0


def test_waivers_waive_until_they_expire(write_manifest):
    path = write_manifest(MINIMAL + """\
disclosures: [{id: d, audience: public, channel: end_credits, covers: [], languages: [en], text: Made with AI}]
waivers:
  - {rule: DIS-003, target: d, reason: Festival copy, approved_by: Panel, approved_on: 2026-01-01,
     expires_on: 2026-12-31}
""")
    code, report = hkai_json(str(path), "--fail-on", "warning")
    dis = [f for f in report["manifests"][0]["findings"] if f["rule"] == "DIS-003"]
    assert code == 0 and dis[0]["waived"] is True and dis[0]["waiver"]["reason"] == "Festival copy"
    code, report = hkai_json(str(path), "--fail-on", "warning", "--today", "2027-01-01")
    rules = {(f["rule"], f["waived"]) for f in report["manifests"][0]["findings"]}
    assert code == 1 and ("DIS-003", False) in rules and ("INT-004", False) in rules


def test_json_output_is_byte_identical_across_runs():
    first = hkai("check", str(EXAMPLES), "--format", "json", "--today", TODAY)
    second = hkai("check", str(EXAMPLES), "--format", "json", "--today", TODAY)
    assert first.stdout == second.stdout and first.stdout


def test_broken_rule_pack_is_exit_2_with_file_and_line(tmp_path, write_manifest):
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "house.yaml").write_text("rules:\n  - id: HSE-001\n    principle: consent\n    severity: fatal\n")
    result = hkai("check", "--rules", str(pack), str(write_manifest(MINIMAL)))
    assert result.returncode == 2
    assert f"{pack / 'house.yaml'}:4:5:" in result.stderr and "Traceback" not in result.stderr


def test_python_m_checker_and_version():
    assert hkai("--version").stdout.startswith("hkai ")


def test_version_loads_no_command():
    assert hkai("--version").stdout == f"hkai {__version__}\n"
    code, loaded = _loaded_modules("--version")
    assert code == 0 and "checker.cli" in loaded and not {name for name in loaded if name.startswith("checker.commands")}


# Runs the real command, then lists on standard error every module it loaded.
LISTING_MODULES = ("import sys\n"
                   "from checker.cli import main\n"
                   "code = main(sys.argv[1:])\n"
                   "print('modules:', *sorted(sys.modules), file=sys.stderr)\n"
                   "sys.exit(code)\n")


def _loaded_modules(*args, cwd=ROOT) -> tuple[int, set[str]]:
    result = subprocess.run([sys.executable, "-c", LISTING_MODULES, *args], capture_output=True, text=True,
                            cwd=cwd, timeout=60, env={**os.environ, "PYTHONPATH": str(ROOT)})
    return result.returncode, set(result.stderr.rsplit("modules: ", 1)[1].split())


def test_a_json_check_loads_only_what_it_needs(tmp_path):
    code, loaded = _loaded_modules("check", "--format", "json", "--today", TODAY, str(COMPLIANT), cwd=tmp_path)
    assert code == 0 and "checker.report.json_report" in loaded
    assert not loaded & {"rich", "jinja2", "langcodes", "tempfile", "tomllib", "jsonschema", "pathspec",
                         "checker.commands.rules", "checker.report.rich_report", "checker.redaction",
                         "checker.evaluation.baseline"}


def test_every_command_module_is_a_listed_command():
    import pkgutil

    from checker import cli, commands

    modules = sorted(info.name for info in pkgutil.iter_modules(commands.__path__))
    assert sorted(cli.COMMANDS) == modules
    assert all(f"  {name}" in hkai("--help").stdout for name in cli.COMMANDS)
