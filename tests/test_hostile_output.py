"""Hostile inputs against the outputs: machine reports stay strict JSON, files are never left
half-written, a full disk or Ctrl-C is one line and an exit code, and nothing from outside
(file names, rule-pack texts) reaches a terminal as a control character."""

import json
import os
import subprocess
import sys

import pytest

from conftest import MINIMAL, ROOT, TODAY, hkai

CORPUS = ROOT / "tests" / "corpus" / "outputs"
ESCAPE_FOLDER = b"a\xff\x1b[32mPASS"  # not UTF-8, and an escape sequence that would paint a PASS


def strict_json(text: str):
    """Parse ``text`` as RFC 8259 JSON: no NaN, Infinity or -Infinity."""
    def refuse(constant):
        raise ValueError(f"not JSON: {constant}")
    return json.loads(text, parse_constant=refuse)


def hostile_folder(tmp_path):
    """A submission folder whose name is not UTF-8 and holds an escape sequence."""
    folder = os.path.join(os.fsencode(tmp_path), ESCAPE_FOLDER)
    try:
        os.mkdir(folder)
    except (OSError, UnicodeError):
        pytest.skip("this file system refuses a non-UTF-8 file name")
    with open(os.path.join(folder, b"manifest.yaml"), "w", encoding="utf-8") as stream:
        stream.write(MINIMAL)
    return folder


def run_bytes(*args, **kwargs):
    """Run hkai and keep its output as bytes, to see exactly what reaches a terminal."""
    env = {**os.environ, "NO_COLOR": "1"}
    env.pop("HKAI_LANG", None)
    return subprocess.run([sys.executable, "-m", "checker", *args], capture_output=True, env=env,
                          timeout=120, **kwargs)


@pytest.mark.parametrize("form", ["json", "sarif"])
def test_non_finite_numbers_give_strict_json(form):
    result = hkai("check", "--format", form, "--today", TODAY, str(CORPUS / "non-finite-numbers.yaml"))
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    document = strict_json(result.stdout)
    if form == "json":
        (manifest,) = document["manifests"]
        assert manifest["title"] == {"en": ".nan", "zh": "-.inf"}


@pytest.mark.parametrize("form", ["json", "sarif"])
@pytest.mark.parametrize("to_file", [False, True])
def test_a_non_utf8_folder_name_is_escaped_in_strict_json(tmp_path, form, to_file):
    folder = hostile_folder(tmp_path)
    output = tmp_path / f"report.{form}"
    args = ["--output", str(output)] if to_file else []
    result = run_bytes("check", "--format", form, *args, "--today", TODAY, folder)
    assert result.returncode == 0, result.stderr
    assert b"Traceback" not in result.stderr
    written = output.read_bytes() if to_file else result.stdout
    assert b"\xff" not in written and b"\x1b" not in written
    document = strict_json(written.decode("utf-8"))
    if form == "json":
        assert document["manifests"][0]["path"].endswith("a\\udcff\x1b[32mPASS/manifest.yaml")
