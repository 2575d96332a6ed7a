"""--show-source (the default) / --no-show-source: the terminal report quotes each finding's
line of the manifest under it, numbered, with a caret under the finding's column (counted in
terminal cells: a Chinese character takes two); the line made visible, cut to the width;
waivers files and standard input quoted too; nothing when redacting; other formats unchanged.
Each through the real command, in short relative paths (the report wraps long ones)."""

import json
import os
import subprocess
import sys

from conftest import EXAMPLES, MINIMAL, ROOT, TODAY, assert_no_raw_controls, hkai, hkai_exact

# Line 2 holds Chinese characters before the node the SCHEMA finding is located at.
BAD_LEVEL = "manifest_version: 1\nproduction: {title: 示範電影, id: demo, ai_use_level: bogus}\n"
LOCATION = "manifest.yaml:2:37  /production/ai_use_level"
FAILING = EXAMPLES / "dragon-returns-resurrection" / "manifest.yaml"


def _quote(stdout: str, location: str) -> tuple[str, str]:
    """The two lines quoted under the finding located at ``location`` (the source, the caret)."""
    lines = stdout.splitlines()
    index = next(n for n, line in enumerate(lines) if line.strip().startswith(location))
    return lines[index + 1], lines[index + 2]


def test_a_findings_line_is_quoted_under_it_with_its_number_and_a_caret_at_its_column(tmp_path):
    (tmp_path / "manifest.yaml").write_text(BAD_LEVEL, encoding="utf-8")
    result = hkai("check", "--today", TODAY, "manifest.yaml", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    source, caret = _quote(result.stdout, LOCATION)
    assert source == "        2 │ production: {title: 示範電影, id: demo, ai_use_level: bogus}"
    # Four Chinese characters before the column, two cells each: the caret is four further
    # right than the characters before it would put it.
    assert caret == "          │ " + " " * len("production: {title: ") + " " * 8 + " " * len(", id: demo, ") + "^"
    assert caret.index("^") == source.index("ai_use_level") + 4


def test_no_show_source_and_the_config_key_leave_the_lines_out(tmp_path):
    (tmp_path / "manifest.yaml").write_text(BAD_LEVEL, encoding="utf-8")
    shown = hkai("check", "--today", TODAY, "manifest.yaml", cwd=tmp_path).stdout
    flag = hkai("check", "--today", TODAY, "--no-show-source", "manifest.yaml", cwd=tmp_path)
    assert " │ " in shown and " │ " not in flag.stdout and flag.returncode == 1
    assert LOCATION in flag.stdout
    (tmp_path / "hkai.toml").write_text("show-source = false\n", encoding="utf-8")
    config = hkai("check", "--today", TODAY, "manifest.yaml", cwd=tmp_path)
    assert config.stdout == flag.stdout
    again = hkai("check", "--today", TODAY, "--show-source", "manifest.yaml", cwd=tmp_path)
    assert again.stdout == shown  # the command line wins over the file
    settings = hkai("check", "--show-config", cwd=tmp_path).stdout
    assert f"show-source = False  ({tmp_path / 'hkai.toml'})" in settings


def test_show_source_is_on_by_default_and_checked_in_a_config_file(tmp_path):
    assert "show-source = True  (default)" in hkai("check", "--show-config", cwd=tmp_path).stdout
    (tmp_path / "hkai.toml").write_text('show-source = "no"\n', encoding="utf-8")
    refused = hkai("check", "--today", TODAY, cwd=tmp_path)
    assert refused.returncode == 2 and "show-source" in refused.stderr and "Traceback" not in refused.stderr


def test_quiet_keeps_the_lines_and_statistics_shows_none(tmp_path):
    (tmp_path / "manifest.yaml").write_text(BAD_LEVEL, encoding="utf-8")
    quiet = hkai("check", "--today", TODAY, "-q", "manifest.yaml", cwd=tmp_path).stdout
    assert "        2 │ " in quiet
    assert " │ " not in hkai("check", "--today", TODAY, "--statistics", "manifest.yaml", cwd=tmp_path).stdout


def test_invisible_and_reordering_characters_in_a_line_are_shown_as_escapes(tmp_path):
    # YAML refuses raw escape characters; bidi overrides, zero-width characters and tabs it takes.
    line = 'production: {title: "a\u202eb\u200bc\td\\e[1m", ai_use_level: x}'
    (tmp_path / "manifest.yaml").write_text(f"manifest_version: 1\n{line}\n", encoding="utf-8")
    result = hkai_exact("check", "--today", TODAY, "manifest.yaml", cwd=tmp_path)
    assert_no_raw_controls(result.stdout)
    source, caret = _quote(result.stdout, "manifest.yaml:2:")
    shown = 'production: {title: "a\\u202eb\\u200bc    d\\e[1m", ai_use_level: x}'
    assert source == "        2 │ " + shown
    location = next(line for line in result.stdout.splitlines() if "/production/ai_use_level" in line)
    source, caret = _quote(result.stdout, location.strip())
    assert caret.index("^") == source.index("ai_use_level")


def test_a_very_long_line_is_cut_around_the_column_and_stays_fast(tmp_path):
    line = 'production: {title: "' + "示" * 300_000 + '", id: demo, ai_use_level: bogus, note: "' + "a" * 500_000 + '"}'
    (tmp_path / "manifest.yaml").write_text(f"manifest_version: 1\n{line}\n", encoding="utf-8")
    result = hkai("check", "--today", TODAY, "--no-color", "manifest.yaml", cwd=tmp_path)
    location = next(line for line in result.stdout.splitlines() if "/production/ai_use_level" in line)
    source, caret = _quote(result.stdout, location.strip())
    assert source.startswith("        2 │ …") and source.endswith("…") and len(source) <= 80
    assert caret.index("^") == source.index("ai_use_level") + source[:source.index("ai_use_level")].count("示")


def test_a_reviewers_waivers_file_finding_quotes_the_waivers_file(tmp_path):
    (tmp_path / "manifest.yaml").write_text(MINIMAL, encoding="utf-8")
    (tmp_path / "waivers.yaml").write_text(
        "issued_by: Panel\nwaivers:\n  - {rule: INT-006, production: demo, target: nobody, reason: 已知,"
        " approved_by: Panel, approved_on: 2026-01-01}\n", encoding="utf-8")
    result = hkai("check", "--today", TODAY, "--waivers", "waivers.yaml", "manifest.yaml", cwd=tmp_path)
    source, caret = _quote(result.stdout, "waivers.yaml:3:5  /waivers/0")
    assert source.startswith("        3 │   - {rule: INT-006, production: demo, target: nobody")
    assert caret == "          │     ^"


def test_a_manifest_from_standard_input_is_quoted_too(tmp_path):
    env = {key: value for key, value in os.environ.items() if key != "HKAI_LANG"}
    result = subprocess.run([sys.executable, "-m", "checker", "check", "--today", TODAY, "-"],
                            input=BAD_LEVEL.encode(), capture_output=True, cwd=ROOT, env={**env, "NO_COLOR": "1"},
                            timeout=120)
    stdout = result.stdout.decode("utf-8")
    source, caret = _quote(stdout, LOCATION.replace("manifest.yaml", "<stdin>"))
    assert source.startswith("        2 │ ") and caret.index("^") == source.index("ai_use_level") + 4


def test_a_redacted_report_quotes_no_line(tmp_path):
    # A name in a comment on a finding's line: redaction looks for names in the report's
    # texts, but a line is YAML as written (escapes, folded lines): it is not quoted at all.
    text = FAILING.read_text(encoding="utf-8").replace("    given_by: self\n", "    given_by: self  # Kwan Tin Lung\n", 1)
    (tmp_path / "manifest.yaml").write_text(text, encoding="utf-8")
    plain = hkai("check", "--today", TODAY, "manifest.yaml", cwd=tmp_path).stdout
    assert "given_by: self  # Kwan Tin Lung" in plain
    redacted = hkai("check", "--today", TODAY, "--redact", "manifest.yaml", cwd=tmp_path)
    assert redacted.returncode == 1 and "Kwan Tin Lung" not in redacted.stdout and " │ " not in redacted.stdout
    assert "manifest.yaml:74:5" in redacted.stdout


def test_other_formats_carry_no_source_lines(tmp_path):
    (tmp_path / "manifest.yaml").write_text(BAD_LEVEL, encoding="utf-8")
    for form in ("json", "sarif", "junit", "github", "gitlab", "markdown"):
        shown = hkai("check", "--today", TODAY, "-f", form, "manifest.yaml", cwd=tmp_path).stdout
        hidden = hkai("check", "--today", TODAY, "-f", form, "--no-show-source", "manifest.yaml", cwd=tmp_path).stdout
        assert shown == hidden and "示範電影, id: demo" not in shown, form
    report = json.loads(hkai("check", "--today", TODAY, "-f", "json", "manifest.yaml", cwd=tmp_path).stdout)
    assert "source" not in report["manifests"][0]


def test_lines_are_counted_as_the_yaml_loader_counts_them(tmp_path):
    # CR LF ends a line as LF does, and no carriage return is quoted
    text = "# a comment\r\n" + BAD_LEVEL.replace("\n", "\r\n")
    (tmp_path / "manifest.yaml").write_bytes(text.encode("utf-8"))
    result = hkai_exact("check", "--today", TODAY, "manifest.yaml", cwd=tmp_path)
    source, caret = _quote(result.stdout, LOCATION.replace(":2:", ":3:"))
    assert source == "        3 │ production: {title: 示範電影, id: demo, ai_use_level: bogus}"
