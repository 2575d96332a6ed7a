"""A manifest read from standard input with `-` (as ruff does): located as <stdin> or as
--stdin-filename, read as hostile as a file, its evidence found only beside --stdin-filename.
Each through the real command."""

import hashlib
import json
import os
import subprocess
import sys

from conftest import EXAMPLES, MINIMAL, ROOT, TODAY

FAILING = EXAMPLES / "dragon-returns-resurrection" / "manifest.yaml"
COMPLIANT = EXAMPLES / "nine-heavens-animation" / "manifest.yaml"
EVIDENCE = MINIMAL + """\
people: [{id: p-a, name: Chan}]
consents:
  - {id: c-a, person: p-a, given_by: self, signed_on: 2026-01-05, covers: [voice_clone],
     document: {ref: contracts/c-a.pdf, sha256: '%s'}}
"""


def hkai_stdin(data: bytes, *args: str, cwd=ROOT) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if key != "HKAI_LANG"}
    result = subprocess.run([sys.executable, "-m", "checker", "check", "--today", TODAY, *args], input=data,
                            capture_output=True, cwd=cwd, env={**env, "NO_COLOR": "1"}, timeout=120)
    result.stdout, result.stderr = result.stdout.decode("utf-8"), result.stderr.decode("utf-8")
    return result


def json_report(result):
    assert result.stdout, result.stderr
    return json.loads(result.stdout)


def test_a_manifest_on_standard_input_is_checked_and_located_as_stdin():
    result = hkai_stdin(FAILING.read_bytes(), "-f", "json", "-")
    report = json_report(result)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    (manifest,) = report["manifests"]
    assert manifest["path"] == "<stdin>"
    assert "CON-007" in {finding["rule"] for finding in manifest["findings"]}
    rich = hkai_stdin(FAILING.read_bytes(), "-")
    assert "<stdin>" in rich.stdout and rich.returncode == 1


def test_stdin_filename_names_it_in_the_report():
    result = hkai_stdin(FAILING.read_bytes(), "-f", "sarif", "-", "--stdin-filename", "films/dragon/manifest.yaml")
    locations = {location["physicalLocation"]["artifactLocation"]["uri"]
                 for run in json_report(result)["runs"] for found in run["results"] for location in found["locations"]}
    assert result.returncode == 1 and locations == {"films/dragon/manifest.yaml"}


def test_dash_goes_with_other_paths():
    result = hkai_stdin(FAILING.read_bytes(), "-f", "json", str(COMPLIANT), "-")
    paths = {manifest["path"]: manifest["findings"] for manifest in json_report(result)["manifests"]}
    assert result.returncode == 1 and set(paths) == {str(COMPLIANT), "<stdin>"}
    assert json_report(result)["summary"]["failed"] == 1


def test_standard_input_is_held_to_the_size_limit_and_encoding_rules():
    big = hkai_stdin(MINIMAL.encode() + b"#" * 200, "--max-file-size", "100", "-")
    assert big.returncode == 2 and "<stdin>: file is larger than the limit of 100 bytes" in big.stderr
    utf16 = hkai_stdin(MINIMAL.encode("utf-16"), "-")
    assert utf16.returncode == 2 and "<stdin>:1:1: file is UTF-16 or UTF-32 encoded" in utf16.stderr
    bad = hkai_stdin(b"manifest_version: 1\nproduction: \xff\n", "--stdin-filename", "m.yaml", "-")
    assert bad.returncode == 2 and "m.yaml:2:13: invalid UTF-8 byte 0xff" in bad.stderr
    broken = hkai_stdin(b"production: [\n", "-")
    assert broken.returncode == 2 and "hkai: error: <stdin>:2:1: " in broken.stderr and "Traceback" not in broken.stderr
    empty = hkai_stdin(b"", "-")
    assert empty.returncode in (1, 2) and "<stdin>" in empty.stderr + empty.stdout and "Traceback" not in empty.stderr


def test_evidence_is_found_beside_the_stdin_filename(tmp_path):
    (tmp_path / "contracts").mkdir()
    (tmp_path / "contracts" / "c-a.pdf").write_bytes(b"%PDF signed")
    digest = hashlib.sha256(b"%PDF signed").hexdigest()
    name = str(tmp_path / "manifest.yaml")  # the file itself need not exist: its folder holds the evidence
    matching = hkai_stdin((EVIDENCE % digest).encode(), "-f", "json", "--verify-evidence", "--stdin-filename", name, "-")
    assert matching.returncode == 0, matching.stdout + matching.stderr
    changed = hkai_stdin((EVIDENCE % ("0" * 64)).encode(), "-f", "json", "--verify-evidence",
                         "--stdin-filename", name, "-")
    (manifest,) = json_report(changed)["manifests"]
    assert changed.returncode == 1 and manifest["path"] == name
    assert [finding["path"] for finding in manifest["findings"] if finding["rule"] == "INT-009"] == \
        ["/consents/0/document/sha256"]


def test_evidence_cannot_be_verified_for_standard_input_without_a_name(tmp_path):
    (tmp_path / "contracts").mkdir()
    (tmp_path / "contracts" / "c-a.pdf").write_bytes(b"%PDF signed")
    result = hkai_stdin((EVIDENCE % hashlib.sha256(b"%PDF signed").hexdigest()).encode(), "--verify-evidence", "-",
                        cwd=tmp_path)
    assert result.returncode == 2 and result.stdout == ""
    assert "evidence cannot be verified for a manifest read from standard input" in result.stderr
    assert "--stdin-filename" in result.stderr


def test_stdin_filename_without_dash_is_refused():
    result = hkai_stdin(b"", "--stdin-filename", "m.yaml", str(COMPLIANT))
    assert result.returncode == 2 and "--stdin-filename only applies when '-'" in result.stderr


def test_redaction_knows_the_people_of_a_manifest_on_standard_input():
    plain = hkai_stdin(FAILING.read_bytes(), "-f", "json", "-")
    assert "Kwan Tin Lung" in plain.stdout  # a finding names this person
    redacted = hkai_stdin(FAILING.read_bytes(), "-f", "json", "--redact", "-")
    assert redacted.returncode == 1 and "Traceback" not in redacted.stderr
    assert "Kwan Tin Lung" not in redacted.stdout and "Person B is deceased" in redacted.stdout


def test_a_manifest_on_standard_input_is_told_of_a_file_with_its_production_id(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "manifest.yaml").write_text(MINIMAL, encoding="utf-8")
    report = json_report(hkai_stdin(MINIMAL.encode(), "--format", "json", "-", "a", cwd=tmp_path))
    clashes = {m["path"]: [f["message"] for f in m["findings"] if f["rule"] == "INT-010"] for m in report["manifests"]}
    assert list(clashes) == ["a/manifest.yaml", "<stdin>"]
    (on_file,), (on_stdin,) = clashes["a/manifest.yaml"], clashes["<stdin>"]
    assert "<stdin>" in on_file and "a/manifest.yaml" in on_stdin
