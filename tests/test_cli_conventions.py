"""The command line as ruff and Spectral users expect it: short forms, --exit-zero, --quiet,
--statistics, --color and the colour variables, a bare `hkai`, --version after a subcommand,
no abbreviations, and a pipe closed early (`| head -1`). Each through the real command."""

import json
import os
import re
import shutil
import subprocess
import sys

import pytest

from conftest import EXAMPLES, MINIMAL, ROOT, TODAY, hkai, unwrapped

FAILING = EXAMPLES / "dragon-returns-resurrection" / "manifest.yaml"  # 1 error of CON-007, among others
COMPLIANT = EXAMPLES / "nine-heavens-animation" / "manifest.yaml"
COLOR_VARIABLES = ("NO_COLOR", "FORCE_COLOR", "CLICOLOR_FORCE")
ESCAPE = "\x1b["


def _run(*args, env=None, stdout=subprocess.PIPE):
    """hkai with none of the colour variables set but those in ``env``."""
    full_env = {key: value for key, value in os.environ.items() if key not in COLOR_VARIABLES + ("HKAI_LANG",)}
    return subprocess.run([sys.executable, "-m", "checker", *args], stdout=stdout, stderr=subprocess.PIPE,
                          text=True, cwd=ROOT, env={**full_env, **(env or {})}, timeout=120)


# --- 1. short forms --------------------------------------------------------------------

@pytest.mark.parametrize("spelling", [("-f", "json"), ("--format", "json"), ("--output-format", "json")])
def test_format_has_spectral_and_ruff_spellings(spelling):
    result = hkai("check", "--today", TODAY, *spelling, str(FAILING))
    assert result.returncode == 1
    assert json.loads(result.stdout)["summary"]["failed"] == 1


def test_output_has_a_short_form(tmp_path):
    target = tmp_path / "hkai.sarif"
    result = hkai("check", "--today", TODAY, "-f", "rich", "-f", "sarif", "-o", str(target), str(FAILING))
    assert result.returncode == 1
    assert "Checked 1 manifest" in result.stdout
    assert json.loads(target.read_text(encoding="utf-8"))["version"] == "2.1.0"


# --- 2. --exit-zero, --quiet, --statistics ---------------------------------------------

def test_exit_zero_passes_a_run_with_findings_and_still_reports_them():
    result = hkai("check", "--today", TODAY, "--exit-zero", str(FAILING))
    assert result.returncode == 0
    assert "CON-007" in result.stdout and "FAIL" in result.stdout


def test_exit_zero_still_exits_2_for_a_file_that_cannot_be_read(tmp_path):
    broken = tmp_path / "manifest.yaml"
    broken.write_text("production: [unclosed\n", encoding="utf-8")
    result = hkai("check", "--today", TODAY, "--exit-zero", str(broken))
    assert result.returncode == 2
    assert "hkai: error:" in result.stderr


def test_exit_zero_is_refused_in_a_config_file(tmp_path):
    (tmp_path / "hkai.toml").write_text("exit-zero = true\n", encoding="utf-8")
    result = hkai("check", "--today", TODAY, str(FAILING), cwd=tmp_path)
    assert result.returncode == 2
    assert "unknown key 'exit-zero'" in result.stderr


def test_quiet_shows_only_the_findings():
    full = hkai("check", "--today", TODAY, str(FAILING)).stdout
    result = hkai("check", "--today", TODAY, "-q", str(FAILING))
    assert result.returncode == 1
    assert "CON-007" in result.stdout and "manifest.yaml:74:5" in result.stdout
    for heading in ("── ", "Principle", "Checked 1 manifest", "rule packs:", "FAIL", "AI-use level"):
        assert heading in full and heading not in result.stdout
    assert "Disclosure" in full.splitlines() and "Disclosure" not in result.stdout.splitlines()
    assert result.stdout.splitlines()[0].startswith("error   ")


def test_quiet_says_nothing_for_a_compliant_manifest():
    result = hkai("check", "--today", TODAY, "--quiet", str(COMPLIANT))
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_quiet_still_labels_a_draft(tmp_path):
    assert hkai("init", str(tmp_path / "film"), "--level", "low").returncode == 0
    result = hkai("check", "--draft", "-q", str(tmp_path / "film"))
    assert result.returncode == 0
    assert result.stdout.startswith("DRAFT (--draft)") and "INT-006" in result.stdout


def test_statistics_count_findings_per_rule_most_first_then_by_id():
    result = hkai("check", "--today", TODAY, "--statistics", str(EXAMPLES))
    assert result.returncode == 1
    rows = [re.match(r"\s*(\d+)\s+([A-Z]+-\d+)\s+(error|warning|info)\s", line)
            for line in result.stdout.splitlines()]
    counted = [(int(row[1]), row[2]) for row in rows if row]
    assert counted[0] == (5, "DIS-004")
    assert counted == sorted(counted, key=lambda row: (-row[0], row[1])) and len(counted) > 5
    assert "manifest.yaml:" not in result.stdout  # counts instead of the findings
    assert "Checked 7 manifests" in result.stdout


def test_statistics_leave_other_formats_whole():
    result = hkai("check", "--today", TODAY, "--statistics", "-f", "json", str(FAILING))
    assert len(json.loads(result.stdout)["manifests"][0]["findings"]) == 8


# --- 3. colour -------------------------------------------------------------------------

@pytest.mark.parametrize("flags, env, colored", [
    ((), {}, False),  # a pipe: plain
    (("--color", "always"), {}, True),
    (("--color", "never"), {"FORCE_COLOR": "1"}, False),  # the flag wins over the environment
    (("--no-color",), {"FORCE_COLOR": "1"}, False),
    (("--color", "auto"), {"FORCE_COLOR": "1"}, False),  # auto: whether it is a terminal, whatever the environment
    ((), {"FORCE_COLOR": "1"}, True),
    ((), {"CLICOLOR_FORCE": "1"}, True),
    ((), {"CLICOLOR_FORCE": "0"}, False),
    ((), {"FORCE_COLOR": ""}, False),
    ((), {"FORCE_COLOR": "1", "NO_COLOR": "1"}, True),  # forcing is the more specific request
    (("--color", "always"), {"NO_COLOR": "1"}, True),
    (("--color", "always"), {"NO_COLOR": "", "TERM": "dumb"}, True),
])
@pytest.mark.parametrize("command", [("check", "--today", TODAY, str(FAILING)), ("rules", "list")])
def test_color_follows_the_flag_then_the_environment(command, flags, env, colored):
    result = _run(*command, *flags, env=env)
    assert (ESCAPE in result.stdout) is colored
    assert result.stdout.strip()


@pytest.mark.parametrize("env, colored", [({}, True), ({"NO_COLOR": "1"}, False), ({"NO_COLOR": ""}, True)])
def test_on_a_terminal_only_a_non_empty_no_color_turns_colour_off(env, colored):
    """no-color.org: NO_COLOR set and non-empty; an empty one is as if it were not set."""
    import pty

    leader, follower = pty.openpty()
    try:
        result = _run("rules", "list", env=env, stdout=follower)
        os.close(follower)
        written = b""
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the terminal closed: all was read
                break
            if not chunk:
                break
            written += chunk
    finally:
        os.close(leader)
    assert result.returncode == 0 and b"CON-001" in written
    assert (ESCAPE.encode() in written) is colored


def test_color_refuses_other_words():
    result = hkai("check", "--color", "yes", str(FAILING))
    assert result.returncode == 2
    assert "invalid choice: 'yes'" in result.stderr


# --- 4. bare call, --version, no abbreviations -----------------------------------------

def test_a_bare_hkai_prints_the_help_on_standard_error():
    result = hkai()
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.startswith("usage: hkai")
    assert all(command in result.stderr for command in ("check", "init", "rules", "schema"))


@pytest.mark.parametrize("args", [("--version",), ("check", "--version"), ("rules", "list", "--version"),
                                  ("init", "--version"), ("schema", "--version")])
def test_version_after_a_subcommand(args):
    from checker import __version__

    result = hkai(*args)
    assert (result.returncode, result.stdout) == (0, f"hkai {__version__}\n")


@pytest.mark.parametrize("args", [("check", "--fail", "warning", str(COMPLIANT)),
                                  ("check", "--format", "json", "--out", "x.json", str(COMPLIANT)),
                                  ("rules", "list", "--sev", "error"), ("--vers",)])
def test_abbreviated_long_options_are_refused(args):
    result = hkai(*args)
    assert result.returncode == 2
    assert "unrecognized arguments" in result.stderr or "required" in result.stderr
    assert result.stdout == ""


# --- 5. a pipe closed early ------------------------------------------------------------

def _reader_stops_after_one_line(*args, cwd=ROOT):
    """Run hkai into a real pipe, read one line and close the pipe, as `| head -1` does."""
    process = subprocess.Popen([sys.executable, "-m", "checker", *args], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, cwd=cwd, env={**os.environ, "NO_COLOR": "1"})
    first = process.stdout.readline()
    process.stdout.close()
    stderr = process.stderr.read()
    return first, process.wait(timeout=120), stderr


def _reader_gone_before_output(*args, cwd=ROOT):
    """Run hkai into a pipe whose reader has already gone (`| head -1` on a short output:
    head may exit before hkai writes), so the very first write fails."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        result = subprocess.run([sys.executable, "-m", "checker", *args], stdout=write_end, stderr=subprocess.PIPE,
                                cwd=cwd, env={**os.environ, "NO_COLOR": "1"}, timeout=120)
    finally:
        os.close(write_end)
    return result.returncode, result.stderr


def test_check_into_a_pipe_closed_after_one_line_ends_quietly_with_141(tmp_path):
    for n in range(40):  # far more than a pipe holds, so hkai is still writing when the reader goes
        (tmp_path / f"p{n}").mkdir()
        shutil.copy(FAILING, tmp_path / f"p{n}" / "manifest.yaml")
    first, code, stderr = _reader_stops_after_one_line("check", "--today", TODAY, str(tmp_path))
    assert first.startswith(b"\xe2\x94\x80\xe2\x94\x80 ")  # "── " and the first manifest's path
    assert (code, stderr) == (141, b"")


@pytest.mark.parametrize("args", [("rules", "list"), ("check", "--today", TODAY, "--format", "json", str(FAILING)),
                                  ("schema",), ("init", "{dir}", "--level", "low")])
def test_a_pipe_whose_reader_has_gone_ends_quietly_with_141(tmp_path, args):
    args = [arg.replace("{dir}", str(tmp_path / "film")) for arg in args]
    code, stderr = _reader_gone_before_output(*args)
    assert (code, stderr) == (141, b"")


def test_a_full_disk_is_still_an_error(tmp_path):
    """Only a closed pipe is quiet: other failures to write are reported (exit 2)."""
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full")
    with open("/dev/full", "w") as full:
        result = _run("rules", "list", stdout=full)
    assert result.returncode == 2
    assert "cannot write standard output" in result.stderr


# --- singular and plural ---------------------------------------------------------------

ONE_WARNING = MINIMAL + """\
disclosures:
  - {id: d-1, audience: public, channel: end_credits, covers: [], languages: [en], text: Made with AI}
"""


def test_counts_take_the_form_of_their_number_in_every_report(tmp_path):
    (tmp_path / "manifest.yaml").write_text(ONE_WARNING, encoding="utf-8")
    english = unwrapped(hkai("check", "manifest.yaml", "--today", TODAY, cwd=tmp_path).stdout)
    assert "PASS 0 errors, 1 warning, 0 info" in english  # the manifest's line
    assert "Checked 1 manifest: 1 passed, 0 failed, 0 could not be read · 0 errors, 1 warning, 0 info" in english
    assert "1 warnings" not in english
    for format in ("markdown", "html"):
        report = hkai("check", "manifest.yaml", "--today", TODAY, "--format", format, cwd=tmp_path).stdout
        assert "0 errors, 1 warning, 0 info" in unwrapped(report) and "1 warnings" not in report, format
    chinese = "".join(hkai("check", "manifest.yaml", "--today", TODAY, "--lang", "zh", cwd=tmp_path).stdout.split())
    assert "0項錯誤，1項警告，0項提示" in chinese


def test_a_baseline_of_one_finding_says_it_in_the_singular(tmp_path):
    (tmp_path / "manifest.yaml").write_text(ONE_WARNING, encoding="utf-8")
    created = hkai("check", "manifest.yaml", "--today", TODAY, "--create-baseline", "baseline.json", cwd=tmp_path)
    assert "hkai: wrote 1 finding to baseline baseline.json" in created.stderr
    carried = hkai("check", "manifest.yaml", "--today", TODAY, "--baseline", "baseline.json", cwd=tmp_path)
    assert "Baseline: 1 known finding carried, 0 fixed since it was written" in unwrapped(carried.stdout)
    assert "1 known finding carried by the baseline." in unwrapped(carried.stdout)
