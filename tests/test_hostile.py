"""A corpus of broken and hostile inputs: each gives a located error or finding, never a
traceback, with the exit code a CI pipeline can act on."""

import json
import os
import subprocess
import sys
import time

import pytest

from checker.packs.loading import load_rule_set
from conftest import MINIMAL, ROOT, TODAY, assert_no_raw_controls, hkai, hkai_exact, hkai_json, strict_json

CORPUS = ROOT / "tests" / "corpus"
MANIFESTS = CORPUS / "manifests"

# file -> (line:column of the error, what the one-line message says). Exit code 2.
UNREADABLE = {
    "unclosed-quote.yaml": ("8:1", "unexpected end of stream"),
    "bad-indentation.yaml": ("4:10", "mapping values are not allowed"),
    "tab-indentation.yaml": ("3:1", "cannot start any token"),
    "unclosed-flow.yaml": ("9:1", "did not find expected ',' or ']'"),
    "not-yaml-at-all.yaml": ("2:1", "did not find expected"),
    "two-documents.yaml": ("8:1", "a manifest is a single YAML document"),
    "undefined-alias.yaml": ("8:9", "alias *nobody refers to no anchor"),
    "complex-key.yaml": ("8:3", "a mapping key must be a plain value"),
    "merge-key.yaml": ("10:5", "merge keys (<<) are not supported"),
    "bad-int-tag.yaml": ("8:10", "'twelve' is not a valid number"),
    "python-object-apply.yaml": ("8:9", "python/object/apply:os.system' is not allowed"),
    "python-name.yaml": ("8:8", "python/name:os.system' is not allowed"),
    "python-module.yaml": ("8:8", "python/module:os' is not allowed"),
    "unknown-local-tag.yaml": ("8:11", "tag '!vault' is not allowed"),
    "binary-tag.yaml": ("8:9", "binary' is not allowed"),
    "set-tag.yaml": ("8:8", "set' is not allowed"),
    "billion-laughs.yaml": ("5:47", "aliases expand to more than 100,000 nodes"),
    # libyaml may stop first, at its own limit of 1,000 levels, depending on its version
    "deep-flow-nesting.yaml": (("1:103", "nesting is deeper than 100 levels"),
                               ("1:1003", "exceeded maximum nesting depth")),
    "deep-block-nesting.yaml": ("101:201", "nesting is deeper than 100 levels"),
    "utf16-with-bom.yaml": ("1:1", "UTF-16 or UTF-32 encoded"),
    "utf16-without-bom.yaml": ("1:1", "looks UTF-16 or UTF-32 encoded"),
    "latin1-bytes.yaml": ("4:13", "invalid UTF-8 byte 0xe9"),
    "nul-byte.yaml": ("8:10", "NUL byte"),
    # integers past Python's 4,300-digit text conversion limit, anywhere in the file
    "huge-integer-extension.yaml": ("14:10", "an integer of 5,000 digits is longer than the limit of 1,000"),
    "huge-integer-amount.yaml": ("13:70", "an integer of 5,000 digits is longer than the limit of 1,000"),
    "huge-integer-version.yaml": ("1:19", "an integer of 5,000 digits is longer than the limit of 1,000"),
    "huge-hex-level.yaml": ("7:17", "an integer of 5,000 digits is longer than the limit of 1,000"),
    "huge-float-tag.yaml": ("14:10", "the integer is too large for a floating-point number"),
    # constructs libyaml reads differently from YAML, or reads though YAML forbids them
    "anchor-name-with-colon.yaml": ("10:16", "the anchor name &name is followed by ':'"),
    "glued-question-mark.yaml": ("11:13", "'?voice' inside [ ] or { }: YAML reads it as the text '?voice'"),
    "lone-dash-in-flow.yaml": ("11:24", "a lone '-' inside [ ] or { } is not valid YAML"),
    "comment-without-space.yaml": ("10:26", "a comment needs a space before its '#'"),
    "block-text-ending-in-spaces.yaml": ("10:1", "the file ends in a line of spaces with no line break, inside "
                                                 "the block text that starts on line 8"),
}

# file -> (rule, line, message fragment) of a finding that must be reported. Exit code 1.
FINDINGS = {
    "empty.yaml": ("SCHEMA", 1, "The manifest is empty"),
    "only-comments.yaml": ("SCHEMA", 1, "The manifest is empty"),
    "top-level-list.yaml": ("SCHEMA", 1, "The manifest must be a mapping of fields, not a list"),
    "top-level-scalar.yaml": ("SCHEMA", 1, 'The manifest must be a mapping of fields, not "just a sentence"'),
    "null-sections.yaml": ("SCHEMA", 9, "has no value: it must be a list"),
    "number-ids.yaml": ("SCHEMA", 9, "is 42: ids are written in lower-case letters"),
    "date-as-number.yaml": ("SCHEMA", 6, "is 20260501: dates are written YYYY-MM-DD"),
    "impossible-date.yaml": ("SCHEMA", 6, '"2026-02-30", a day the calendar does not have'),
    "list-where-map-belongs.yaml": ("SCHEMA", 2, "must be a mapping of fields, not a list"),
    "map-where-list-belongs.yaml": ("SCHEMA", 8, "must be a list, not a mapping"),
    "level-as-list.yaml": ("SCHEMA", 7, "`ai_use_level`"),
    "wrong-enum.yaml": ("SCHEMA", 12, '"deepfake", which is not one of its values'),
    "missing-required.yaml": ("SCHEMA", 2, "`release_date` is missing from `production`"),
    "wrong-version.yaml": ("SCHEMA", 1, "`manifest_version` must be 1, not 2"),
    "typo-field.yaml": ("SCHEMA", 14, "`consent_ref` is not a field of this entry of `ai_uses` (did you mean `consent_refs`?)"),
    "other-kind-without-level.yaml": ("SCHEMA", 9, "`level` is missing from this entry of `ai_uses`"),
    "text-as-number.yaml": ("SCHEMA", 4, "is 42: text is written as a plain string, or as {en: ..., zh: ...}"),
    "text-bad-language.yaml": ("SCHEMA", 4, "is not a field of `title`"),
    "duplicate-keys.yaml": ("SCHEMA", 17, "`revoked_on` is written twice in the same place (also on line 16)"),
    "nan-amount.yaml": ("CMP-002", 13, "amount nan HKD"),
    "dangling-reference.yaml": ("INT-001", 13, "lists person p-ghost in subjects, but there is no person"),
    "wrong-section-reference.yaml": ("INT-001", 14, "lists consent d-credits in consent_refs, but there is no consent"),
    "mutual-references.yaml": ("DIS-001", 11, "is not covered by any public disclosure"),
    "duplicate-record-ids.yaml": ("INT-002", 10, "The id p-a is used by more than one person"),
    "waiver-unknown-rule.yaml": ("INT-003", 9, "names rule XYZ-999"),
    "two-people-same-name.yaml": ("CMP-001", 14, "uses Chan Siu Ming, but no compensation record"),
    # escape sequences, a bidi override and invisible characters in names: shown as \uXXXX
    "control-characters-in-text.yaml": ("CON-001", 13, "uses Chan\x1b[2K\r\x1b[32mPASS  all clear\u2060\ufeff, but"),
    "one-consent-many-ways.yaml": ("CON-004", 18, "uses blanket wording about its scope"),
}

# rule pack folder -> (file:line:col, message fragment). Exit code 2.
BROKEN_PACKS = {
    "invalid-yaml": ("house.yaml:6:10", "did not find expected ',' or ']'"),
    "unknown-operator": ("house.yaml:14:27", "unknown field 'is_filled_in'"),
    "missing-translation": ("house.yaml:9:5", "'zh' is required here"),
    "duplicate-id": ("b.yaml:2:5", "rule id HSE-001 is already defined in a.yaml"),
    "bad-regex": ("house.yaml:14:27", "regular expression '([a-z' cannot be used (missing ]"),
    "lookaround-regex": ("house.yaml:14:27", "regular expression '^(?!TODO).+' cannot be used"),
    "unknown-name": ("house.yaml:14:9", "unknown name 'usage'"),
    "unknown-placeholder": ("house.yaml:8:15", "unknown name 'subject' in path 'subject.name'"),
    "python-tag": ("house.yaml:10:13", "python/object/apply:os.system' is not allowed"),
    "rules-not-a-list": ("house.yaml:1:1", "expected a list, found the text 'HSE-001'"),
    "bad-severity": ("house.yaml:4:5", "'fatal' is not an allowed value"),
    "eval-attempt": ("house.yaml:13:7", "does not match"),
    "newline-id": ("house.yaml:2:5", "'HSE-001\\n' does not match"),
    "no-rules": ("no-rules", "no rules found"),
    "huge-integer": ("house.yaml:14:38", "an integer of 5,000 digits is longer than the limit of 1,000"),
}


def hkai_case(tmp_path, *args: str, cwd=ROOT) -> tuple[subprocess.CompletedProcess, dict | None]:
    """Run ``hkai check`` as every hostile case is run: the rich report on standard output
    and JSON in a file. Whatever the case: no traceback, no raw control character on either
    stream, and the JSON report, when the run wrote one, is strict JSON."""
    report = tmp_path / "report.json"
    result = hkai_exact("check", "--today", TODAY, "--format", "rich", "--format", "json", "--output", str(report),
                        *args, cwd=cwd)
    assert "Traceback" not in result.stderr, result.stderr[-2000:]
    assert_no_raw_controls(result.stdout, result.stderr)
    return result, strict_json(report.read_text(encoding="utf-8")) if report.exists() else None


def _single_error_line(result: subprocess.CompletedProcess) -> str:
    assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr[-2000:]
    (line,) = result.stderr.strip().splitlines()
    return line


def test_the_corpus_is_complete():
    listed = set(UNREADABLE) | set(FINDINGS) | {"utf8-bom.yaml"}
    assert listed == {p.name for p in MANIFESTS.iterdir()}
    assert len(UNREADABLE) + len(FINDINGS) + len(BROKEN_PACKS) >= 40


@pytest.mark.parametrize("name", sorted(UNREADABLE))
def test_unreadable_manifest_is_one_located_line_and_exit_2(name, tmp_path):
    expected = UNREADABLE[name]
    path = MANIFESTS / name
    result, report = hkai_case(tmp_path, str(path))
    line = _single_error_line(result)
    alternatives = expected if isinstance(expected[0], tuple) else (expected,)
    assert any(line.startswith(f"hkai: error: {path}:{position}: ") and message in line
               for position, message in alternatives), line
    assert [m["status"] for m in report["manifests"]] == ["error"]


@pytest.mark.parametrize("name", sorted(FINDINGS))
def test_malformed_manifest_gives_a_located_finding(name, tmp_path):
    rule, line, message = FINDINGS[name]
    result, report = hkai_case(tmp_path, str(MANIFESTS / name))
    assert result.returncode == 1
    findings = report["manifests"][0]["findings"]
    assert any(f["rule"] == rule and f["line"] == line and message in f["message"] for f in findings), findings


@pytest.mark.parametrize("name", sorted(BROKEN_PACKS))
def test_broken_rule_pack_is_a_load_error_with_exit_2(name, tmp_path):
    where, message = BROKEN_PACKS[name]
    pack = CORPUS / "rule-packs" / name
    result, report = hkai_case(tmp_path, "--rules", str(pack), str(MANIFESTS / "utf8-bom.yaml"))
    line = _single_error_line(result)
    assert line.startswith(f"hkai: error: {pack}/{where}".replace("/no-rules/no-rules", "/no-rules"))
    assert message in line and report is None  # no report from a run that could not start


def test_nothing_from_a_python_tag_is_executed(tmp_path):
    marker = tmp_path / "pwned"
    path = tmp_path / "manifest.yaml"
    path.write_text(MINIMAL + f"x-run: !!python/object/apply:os.system ['touch {marker}']\n")
    assert hkai("check", str(path)).returncode == 2
    assert not marker.exists()


def test_utf8_bom_is_fine():
    assert hkai("check", str(MANIFESTS / "utf8-bom.yaml"), "--today", TODAY).returncode == 0


@pytest.mark.parametrize("name", ["billion-laughs.yaml", "deep-flow-nesting.yaml"])
def test_bombs_are_refused_within_memory(name):
    """A bomb is refused without the memory its expansion would take (peak under 200 MB).

    The peak is the child's own VmHWM: ru_maxrss would carry over the forking pytest's."""
    code = ("import sys\n"
            "from checker.cli import main\n"
            f"status = main(['check', {str(MANIFESTS / name)!r}])\n"
            "peak = next(line.split()[1] for line in open('/proc/self/status') if line.startswith('VmHWM'))\n"
            "print(status, peak)\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    status, peak_kb = result.stdout.split()[-2:]
    assert status == "2" and "Traceback" not in result.stderr
    assert int(peak_kb) < 200 * 1024


def test_file_size_limit_is_configurable(tmp_path):
    path = tmp_path / "manifest.yaml"
    path.write_text(MINIMAL + "x-notes: " + "x" * 5000 + "\n")
    result = hkai("check", str(path), "--max-file-size", "1000")
    assert result.returncode == 2 and "larger than the limit of 1,000 bytes" in result.stderr
    assert hkai("check", str(path), "--today", TODAY).returncode == 0


def test_a_flow_list_of_millions_of_nodes_is_refused_quickly_and_costs_the_batch_nothing(tmp_path):
    """About 2.5 million one-character items (5 MB, under the size limit): refused at the
    default cap of 2,000,000 nodes while being built, not after."""
    for name in ("a", "c"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "manifest.yaml").write_text(MINIMAL.replace("id: demo", f"id: demo-{name}"))
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "manifest.yaml").write_text("x-list: [" + ",".join(["1"] * 2_500_000) + "]\n")
    started = time.monotonic()
    result = hkai("check", "--format", "json", "--today", TODAY, "--jobs", "1", str(tmp_path))
    assert time.monotonic() - started < 60
    assert result.returncode == 2 and "Traceback" not in result.stderr
    manifests = json.loads(result.stdout)["manifests"]
    assert [m["status"] for m in manifests] == ["pass", "error", "pass"]
    error = manifests[1]["error"]
    assert error["message"].startswith("more than 2,000,000 nodes"), error
    assert (error["line"], error["column"]) == (1, 4_000_004)


def test_the_node_cap_is_configurable_and_fits_a_generated_manifest(tmp_path):
    """A generated 2,000-use manifest has about 137,000 nodes (20,000 uses: 1.37 million,
    under the default cap of 2 million); too slow to generate in a test at full size."""
    path = tmp_path / "manifest.yaml"
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "generate.py"), "--uses", "2000", "-o", str(path)],
                   check=True)
    result = hkai("check", "--format", "json", "--today", TODAY, "--max-nodes", "100000", str(path))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "more than 100,000 nodes" in json.loads(result.stdout)["manifests"][0]["error"]["message"]
    result = hkai("check", "--format", "json", "--today", TODAY, "--max-nodes", "200000", str(path))
    assert "Traceback" not in result.stderr and json.loads(result.stdout)["manifests"][0]["status"] != "error"


@pytest.mark.parametrize("value", ["0", "-5", "many"])
def test_an_unusable_node_cap_is_one_line(value):
    result = hkai("check", "--max-nodes", value, str(MANIFESTS / ".." / ".." / ".." / "examples"))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "--max-nodes" in result.stderr


def test_folder_named_like_a_manifest_and_other_manifests_still_checked(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "manifest.yaml").write_text(MINIMAL)
    (tmp_path / "b" / "manifest.yaml").mkdir(parents=True)
    code, report = hkai_json(str(tmp_path))
    assert code == 2
    assert [m["status"] for m in report["manifests"]] == ["pass", "error"]
    assert report["manifests"][1]["error"]["message"] == "is a directory, not a manifest file"
    direct = hkai("check", str(tmp_path / "b" / "manifest.yaml"))
    assert direct.returncode == 2


def test_symlink_loop_is_reported_and_the_walk_ends(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "manifest.yaml").write_text(MINIMAL)
    os.symlink(tmp_path, tmp_path / "a" / "loop")
    result = hkai("check", str(tmp_path), "--today", TODAY)
    assert result.returncode == 2
    assert "symbolic link loop" in result.stderr and "Checked 2 manifests: 1 passed" in result.stdout


def test_broken_symlink_named_manifest(tmp_path):
    os.symlink(tmp_path / "gone.yaml", tmp_path / "manifest.yaml")
    result = hkai("check", str(tmp_path))
    assert result.returncode == 2 and "cannot read file" in result.stderr


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_unreadable_file(tmp_path):
    path = tmp_path / "manifest.yaml"
    path.write_text(MINIMAL)
    path.chmod(0)
    result = hkai("check", str(path))
    assert result.returncode == 2 and "Permission denied" in result.stderr


def test_a_duplicate_key_in_a_rule_file_is_a_load_error(tmp_path):
    pack = tmp_path / "pack"
    pack.mkdir()
    text = (CORPUS / "rule-packs" / "bad-severity" / "house.yaml").read_text()
    (pack / "house.yaml").write_text(text.replace("severity: fatal", "severity: warning\n    severity: error"))
    result = hkai("check", "--rules", str(pack), str(MANIFESTS / "utf8-bom.yaml"))
    assert result.returncode == 2
    assert f"{pack / 'house.yaml'}:5:5: duplicate key 'severity': also on line 4" in result.stderr


@pytest.mark.parametrize("pattern", [r"^(\w+\s?)+$", r"^a*a*a*b$", r".*.*.*.*x", r"^[ab]*[ac]*[ad]*[ae]*z"])
def test_a_rule_pattern_never_takes_more_than_linear_time(pattern, tmp_path, write_manifest):
    """Patterns that backtrack for ever in Python's engine, over a 10,000-character value:
    rule patterns run on RE2, so the check ends at once."""
    pack = tmp_path / "pack"
    pack.mkdir()
    rule = (MANIFESTS.parent / "rule-packs" / "lookaround-regex" / "house.yaml").read_text(encoding="utf-8")
    (pack / "house.yaml").write_text(rule.replace("'^(?!TODO).+'", "'" + pattern + "'"), encoding="utf-8")
    manifest = write_manifest(MINIMAL.replace("ai_use_level: none", "ai_use_level: low") + (
        "ai_uses: [{id: u, kind: cleanup, level: low, description: " + "a" * 9_999 + "!}]\n"))
    result = hkai("check", str(manifest), "--rules", str(pack), "--format", "json", "--today", TODAY)
    assert result.returncode in (0, 1) and "Traceback" not in result.stderr, result.stderr
    assert any(f["rule"] == "HSE-001" for m in json.loads(result.stdout)["manifests"] for f in m["findings"])


def test_a_long_text_reached_through_many_records_is_measured_once(tmp_path):
    """One 2 MB consent wording shared by 1,500 uses: its words are counted and its text
    searched once, not once per use (which took minutes)."""
    wording = " ".join(f"word{i % 97}" for i in range(250_000))
    uses = "".join(f"  - {{id: u-{i}, kind: de_ageing, level: medium, subjects: [p-a], description: Shot {i}}}\n"
                   for i in range(1_500))
    manifest = tmp_path / "manifest.yaml"
    manifest.write_text(MINIMAL.replace("ai_use_level: none", "ai_use_level: medium")
                        + "people: [{id: p-a, name: Chan Tai Man, roles: [performer]}]\nai_uses:\n" + uses
                        + "consents:\n  - {id: c-a, person: p-a, given_by: self, signed_on: 2026-01-01, "
                          f"covers: [de_ageing], informed: true, intended_use: \"{wording}\"}}\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "checker", "check", str(manifest), "--format", "json",
                             "--today", TODAY, "--jobs", "1"], capture_output=True, text=True, timeout=60,
                            cwd=ROOT, env={**os.environ, "NO_COLOR": "1"})
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert json.loads(result.stdout)["summary"]["manifests"] == 1


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_manifest_with_a_huge_integer_costs_the_batch_nothing(tmp_path, jobs):
    """Enough manifests that --jobs 2 shares them between processes; the bad one is in the middle."""
    for index in range(20):
        folder = tmp_path / f"m{index:02}"
        folder.mkdir()
        (folder / "manifest.yaml").write_text(MINIMAL.replace("id: demo", f"id: demo-{index}"))
    (tmp_path / "m10" / "manifest.yaml").write_bytes((MANIFESTS / "huge-integer-extension.yaml").read_bytes())
    result = hkai("check", "--format", "json", "--today", TODAY, "--jobs", jobs, str(tmp_path))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    manifests = json.loads(result.stdout)["manifests"]
    assert [m["status"] for m in manifests] == ["pass"] * 10 + ["error"] + ["pass"] * 9
    assert "an integer of 5,000 digits" in manifests[10]["error"]["message"]


# config file in the corpus (named <case>.<file name>) -> what the one error line says. Exit code 2.
BROKEN_CONFIGS = {
    "not-utf8.hkai.toml": ":1:12: invalid UTF-8 byte 0xff; TOML files are UTF-8",
    "tool-integer.pyproject.toml": ": 'tool' must be a table, not an integer",
    "tool-string.pyproject.toml": ": 'tool' must be a table, not a string",
    "tool-array.pyproject.toml": ": 'tool' must be a table, not an array",
    "deep-arrays.hkai.toml": ": invalid TOML: arrays or inline tables nested too deeply",
    "deep-tables.hkai.toml": ": invalid TOML: arrays or inline tables nested too deeply",
    "huge-integer.hkai.toml": ":2:11: invalid TOML: an integer longer than 4,300 digits",
}


@pytest.mark.parametrize("name", sorted(BROKEN_CONFIGS))
@pytest.mark.parametrize("where", ["here", "parent"])
def test_a_broken_config_file_is_one_line_naming_it(tmp_path, name, where):
    """Found in the folder the command runs in, or by the upward search from a project below it."""
    config = tmp_path / name.split(".", 1)[1]
    config.write_bytes((CORPUS / "configs" / name).read_bytes())
    project = tmp_path if where == "here" else tmp_path / "film" / "reels"
    project.mkdir(parents=True, exist_ok=True)
    (project / "manifest.yaml").write_text(MINIMAL)
    result, report = hkai_case(tmp_path, "manifest.yaml", cwd=project)
    assert _single_error_line(result) == f"hkai: error: {config}{BROKEN_CONFIGS[name]}" and report is None


def test_the_config_corpus_is_complete():
    assert set(BROKEN_CONFIGS) == {p.name for p in (CORPUS / "configs").iterdir()}


# baseline in the corpus -> what its error says. Exit code 2.
BROKEN_BASELINES = {
    "array.json": "not an hkai baseline file (expected an object with hkai_baseline: 1)",
    "string.json": "not an hkai baseline file (expected an object with hkai_baseline: 1)",
    "infinite-count.json": "not an hkai baseline file (count must be a positive whole number, not Infinity)",
    "entry-not-object.json": "not an hkai baseline file (each of findings must be an object)",
    "huge-count.json": "not an hkai baseline file (an integer of 5,000 digits is longer than the limit of 1,000)",
}


@pytest.mark.parametrize("name", sorted(BROKEN_BASELINES) + ["deep"])
def test_a_broken_baseline_is_one_line_naming_it(tmp_path, name):
    if name == "deep":  # 100,000 levels: too big to keep in the corpus
        baseline = tmp_path / "deep.json"
        baseline.write_text("[" * 100_000 + "]" * 100_000)
        message = "not an hkai baseline file (nested too deeply)"
    else:
        baseline, message = CORPUS / "baselines" / name, BROKEN_BASELINES[name]
    result, report = hkai_case(tmp_path, "--baseline", str(baseline), str(MANIFESTS / "utf8-bom.yaml"))
    assert _single_error_line(result) == f"hkai: error: {baseline}: {message}" and report is None


def test_the_baseline_corpus_is_complete():
    assert set(BROKEN_BASELINES) == {p.name for p in (CORPUS / "baselines").iterdir()}


# Named pipes cannot be kept in git: the tests make them. Opening or reading one would
# block for ever; hkai() gives up after its timeout, so a hang fails the test.
needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this platform")
FIFO_MESSAGE = "is a named pipe (FIFO), not a regular file"


@needs_fifo
def test_a_fifo_named_manifest_is_that_files_error_and_the_others_are_checked(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "manifest.yaml").write_text(MINIMAL)
    (tmp_path / "b").mkdir()
    os.mkfifo(tmp_path / "b" / "manifest.yaml")
    code, report = hkai_json(str(tmp_path))
    assert code == 2
    assert [m["status"] for m in report["manifests"]] == ["pass", "error"]
    assert report["manifests"][1]["error"]["message"] == FIFO_MESSAGE
    direct = hkai("check", str(tmp_path / "b" / "manifest.yaml"))
    assert direct.returncode == 2 and "Traceback" not in direct.stderr
    assert direct.stderr == f"hkai: error: {tmp_path / 'b' / 'manifest.yaml'}: {FIFO_MESSAGE}\n"


@needs_fifo
def test_a_fifo_rule_file_is_a_load_error(tmp_path):
    pack = tmp_path / "pack"
    pack.mkdir()
    text = (CORPUS / "rule-packs" / "bad-severity" / "house.yaml").read_text()
    (pack / "house.yaml").write_text(text.replace("severity: fatal", "severity: error"))
    os.mkfifo(pack / "more.yaml")
    result = hkai("check", "--rules", str(pack), str(MANIFESTS / "utf8-bom.yaml"))
    assert _single_error_line(result) == f"hkai: error: {pack / 'more.yaml'}: {FIFO_MESSAGE}"


@needs_fifo
@pytest.mark.parametrize("option, file_name, message", [
    ("--config", "hkai.toml", f"cannot read file: {FIFO_MESSAGE}"),
    ("--baseline", "baseline.json", f"cannot read baseline: {FIFO_MESSAGE}"),
    ("--waivers", "waivers.yaml", FIFO_MESSAGE),
])
def test_a_fifo_given_as_an_input_file_is_refused(tmp_path, option, file_name, message):
    fifo = tmp_path / file_name
    os.mkfifo(fifo)
    result = hkai("check", "--today", TODAY, option, str(fifo), str(MANIFESTS / "utf8-bom.yaml"))
    assert _single_error_line(result) == f"hkai: error: {fifo}: {message}"


def _pack_chain(root, length: int):
    """Packs p0 <- p1 <- ... each extending the one before and adding a rule; the last
    also lowers the first pack's rule to info, which only a pack extending it may do."""
    rule = (CORPUS / "rule-packs" / "bad-severity" / "house.yaml").read_text().replace("severity: fatal",
                                                                                       "severity: error")
    for index in range(length):
        pack = root / f"p{index}"
        pack.mkdir()
        meta = f"name: p{index}\nversion: '1'\n" + (f"extends: ../p{index - 1}\n" if index else "")
        if index == length - 1:
            meta += "overrides:\n  P0-001: {severity: info}\n"
        (pack / "pack.yaml").write_text(meta)
        (pack / "rules.yaml").write_text(rule.replace("HSE-001", f"P{index}-001"))
    return root / f"p{length - 1}"


def test_an_extends_chain_of_1200_packs_loads(tmp_path):
    """It ended in RecursionError, and took quadratic time (600 packs: 27 s)."""
    last = _pack_chain(tmp_path, 1200)
    result = hkai("check", "--today", TODAY, "--rules", str(last), str(MANIFESTS / "utf8-bom.yaml"))
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr[-2000:]
    builtin = len(load_rule_set().rule_ids)
    assert f"p1199 1; {builtin + 1200} rules" in " ".join(result.stdout.split())


def test_packs_extending_each_other_are_refused(tmp_path):
    for name, base in (("a", "b"), ("b", "a")):
        (tmp_path / name).mkdir()
        (tmp_path / name / "pack.yaml").write_text(f"name: {name}\nversion: '1'\nextends: ../{base}\n")
    result = hkai("check", "--rules", str(tmp_path / "a"), str(MANIFESTS / "utf8-bom.yaml"))
    a, b = tmp_path / "a", tmp_path / "b"
    assert _single_error_line(result) == f"hkai: error: {a}: packs extend each other in a loop: {a} -> {b} -> {a}"


def test_a_folder_tree_1200_levels_deep_is_searched(tmp_path):
    """The walk was recursive: RecursionError."""
    folder = tmp_path
    for _ in range(1200):
        folder = folder / "d"
        folder.mkdir()  # one level at a time: os.makedirs itself recurses
    (folder / "manifest.yaml").write_text(MINIMAL.replace("id: demo", "id: deep"))
    (tmp_path / "manifest.yaml").write_text(MINIMAL)
    try:
        code, report = hkai_json(str(tmp_path))
    finally:  # pytest removes old temporary folders recursively: this tree would stop it
        (folder / "manifest.yaml").unlink()
        while folder != tmp_path:
            folder.rmdir()
            folder = folder.parent
    assert code == 0
    assert [m["path"] for m in report["manifests"]] == [str(tmp_path / "manifest.yaml"),
                                                        str(tmp_path / "/".join(["d"] * 1200) / "manifest.yaml")]


def test_symbolic_links_out_of_the_checked_folder_are_reported_once_and_not_followed(tmp_path):
    outside = tmp_path / "outside"
    (outside / "film").mkdir(parents=True)
    (outside / "film" / "manifest.yaml").write_text(MINIMAL)
    submission = tmp_path / "submission"
    (submission / "reel").mkdir(parents=True)
    (submission / "reel" / "manifest.yaml").write_text(MINIMAL)
    os.symlink("/", submission / "reel" / "root")
    os.symlink(outside, submission / "elsewhere")
    os.symlink(outside / "film" / "manifest.yaml", submission / "manifest.yaml")
    os.symlink(submission / "reel", submission / "same-reel")  # stays inside: followed, searched once
    result = hkai("check", "--format", "json", "--today", TODAY, str(submission), cwd=tmp_path)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    manifests = json.loads(result.stdout)["manifests"]
    links = [submission / "elsewhere", submission / "manifest.yaml", submission / "reel" / "root"]
    assert [m["path"] for m in manifests] == [str(submission / "reel" / "manifest.yaml"), *map(str, links)]
    assert [m["status"] for m in manifests] == ["pass", "error", "error", "error"]
    message = "symbolic link leads outside the checked folder; not followed"
    assert all(m["error"]["message"] == message for m in manifests[1:])
    assert result.stderr.splitlines() == [f"hkai: error: {link}: {message}" for link in links]


# --- Reports people read show a bounded number of findings per rule -------------------------

def _unknown_keys(count: int) -> str:
    return MINIMAL + "".join(f"junk_{i}: 1\n" for i in range(count))


@pytest.mark.parametrize("fmt", ["rich", "markdown"])
def test_readable_reports_cap_findings_per_rule_and_keep_counts_exact(write_manifest, fmt):
    path = write_manifest(_unknown_keys(3000))
    result = hkai("check", "--format", fmt, "--today", TODAY, str(path))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stdout.count("is not a field of the manifest") == 50
    assert "… and 2,950 more SCHEMA findings" in result.stdout
    assert "3,000 errors" in result.stdout  # the counts are of every finding, not of those shown


def test_readable_reports_say_how_many_more_in_chinese(write_manifest):
    path = write_manifest(_unknown_keys(60))
    result = hkai("check", "--lang", "zh", "--today", TODAY, str(path))
    assert result.returncode == 1 and "另有 10 項 SCHEMA 結果未列出" in result.stdout


def test_few_findings_are_all_shown_without_a_more_line(write_manifest):
    path = write_manifest(_unknown_keys(50))
    result = hkai("check", "--today", TODAY, str(path))
    assert result.stdout.count("is not a field of the manifest") == 50 and "more SCHEMA" not in result.stdout


def test_json_keeps_every_finding_the_readable_reports_leave_out(write_manifest):
    path = write_manifest(_unknown_keys(3000))
    code, report = hkai_json(str(path))
    findings = report["manifests"][0]["findings"]
    assert code == 1 and sum(1 for f in findings if f["rule"] == "SCHEMA") == 3000
    assert report["summary"]["findings"]["error"] == 3000


def test_rich_report_of_twenty_thousand_findings_ends_in_time(write_manifest):
    path = write_manifest(_unknown_keys(20000))
    result = hkai("check", "--today", TODAY, str(path))  # hkai() times out after 120 s
    assert result.returncode == 1 and "… and 19,950 more SCHEMA findings" in result.stdout


def test_a_title_with_the_non_specific_tag_is_text(tmp_path):
    """``! 1984`` is the text "1984", so a film called 1984 has a valid title."""
    path = tmp_path / "manifest.yaml"
    path.write_text(MINIMAL.replace("title: {en: Demo, zh: 示範}", "title: {en: ! 1984, zh: ! true}")
                    + "x-note: ! 12\n", encoding="utf-8")
    code, report = hkai_json(str(path))
    assert code == 0, report["manifests"][0]
    assert report["manifests"][0]["status"] == "pass"
