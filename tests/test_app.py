"""hkai as a library: one function runs the whole check; settings are resolved once."""

from pathlib import Path

import pytest

import checker
from checker.settings import DEFAULT_JOBS, Output
from conftest import EXAMPLES, MINIMAL, TODAY


def test_check_returns_a_report_of_every_manifest(tmp_path):
    broken = tmp_path / "broken" / "manifest.yaml"
    broken.parent.mkdir()
    broken.write_text("production: [unclosed\n")
    settings = checker.Settings(today=TODAY, jobs=1)
    report = checker.check([EXAMPLES / "harbour-lights-accent-correction", broken.parent], settings)
    statuses = {Path(result.path).parent.name: result.status(report.fail_on) for result in report.results}
    assert statuses == {"harbour-lights-accent-correction": "pass", "broken": "error"}
    (unreadable,) = [result for result in report.results if result.error is not None]
    assert unreadable.error.line == 2 and "while parsing a flow sequence" in unreadable.error.message
    assert report.exit_code() == 2 and report.stopped is None


def test_a_broken_rule_pack_stops_the_run_as_data(tmp_path):
    (tmp_path / "house.yaml").write_text("rules: [")
    report = checker.check([EXAMPLES], checker.Settings(extra_rules=(tmp_path,), today=TODAY))
    assert report.results == [] and report.exit_code() == 2
    assert report.stopped.startswith(f"{tmp_path / 'house.yaml'}:2:1: did not find expected node content")


@pytest.mark.parametrize("values, message", [
    ({"fail_on": "sometimes"}, "fail-on: must be one of error, warning, info, never"),
    ({"lang": "fr"}, "lang: must be one of en, zh"),
    ({"today": "2026-02-30"}, "today: must be a date"),
    ({"jobs": 0}, "jobs: must be a positive whole number"),
    ({"outputs": (Output("pdf"),)}, "format: must be one of rich, json"),
])
def test_only_invalid_settings_raise(values, message):
    with pytest.raises(checker.SettingsError, match=message):
        checker.Settings(**values)


def test_a_selector_matching_no_rule_is_a_settings_error():
    with pytest.raises(checker.SettingsError, match="'NOPE-' matches no rule id"):
        checker.check([EXAMPLES], checker.Settings(select=("NOPE-",), today=TODAY))


def test_settings_precedence_defaults_file_environment_flags(tmp_path):
    (tmp_path / "hkai.toml").write_text('fail-on = "warning"\nlang = "zh"\nignore = ["CRD-"]\n')
    settings = checker.resolve_settings({"fail_on": "info"}, cwd=tmp_path, environ={"HKAI_LANG": "en"})
    assert (settings.fail_on, settings.lang, settings.ignore, settings.select) == ("info", "en", ("CRD-",), ())
    sources = {key: source for key, _, source in settings.shown()}
    assert sources == {"fail-on": "command line", "lang": "$HKAI_LANG", "ignore": str(tmp_path / "hkai.toml"),
                       "select": "default", "format": "default", "extra-rules": "default", "severity": "default",
                       "redact": "default", "output": "default", "exclude": "default", "extend-exclude": "default",
                       "respect-gitignore": "default",
                       "show-source": "default",
                       "jobs": DEFAULT_JOBS}


def test_the_environment_chooses_outputs_and_colour_unless_flags_do(tmp_path):
    ci = checker.resolve_settings({}, cwd=tmp_path, environ={"GITHUB_ACTIONS": "true", "NO_COLOR": "1"})
    assert [o.format for o in ci.outputs] == ["rich", "github"] and ci.color == "never"
    asked = checker.resolve_settings({"outputs": (Output("json"),), "color": "always"}, cwd=tmp_path,
                                     environ={"GITHUB_ACTIONS": "true", "NO_COLOR": "1"})
    assert [o.format for o in asked.outputs] == ["json"] and asked.color == "always"
    assert checker.resolve_settings({}, cwd=tmp_path, environ={}).color == "auto"


def test_the_report_is_what_the_command_line_renders(write_manifest):
    from checker.report.json_report import to_dict

    path = write_manifest(MINIMAL)
    report = checker.check([path], checker.Settings(today=TODAY))
    assert to_dict(report)["summary"]["passed"] == 1 and report.exit_code() == 0
