"""The command line as ruff and Spectral users expect it: a bare `hkai`, --version after a
subcommand, no abbreviations, and a pipe closed early (`| head -1`). Each through the real command."""

import os
import shutil
import subprocess
import sys

import pytest

from conftest import EXAMPLES, ROOT, TODAY, hkai

FAILING = EXAMPLES / "dragon-returns-resurrection" / "manifest.yaml"  # 1 error of CON-007, among others
COMPLIANT = EXAMPLES / "nine-heavens-animation" / "manifest.yaml"
COLOR_VARIABLES = ("NO_COLOR", "FORCE_COLOR", "CLICOLOR_FORCE")
ESCAPE = "\x1b["


def _run(*args, env=None, stdout=subprocess.PIPE):
    """hkai with none of the colour variables set but those in ``env``."""
    full_env = {key: value for key, value in os.environ.items() if key not in COLOR_VARIABLES + ("HKAI_LANG",)}
    return subprocess.run([sys.executable, "-m", "checker", *args], stdout=stdout, stderr=subprocess.PIPE,
                          text=True, cwd=ROOT, env={**full_env, **(env or {})}, timeout=120)


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
