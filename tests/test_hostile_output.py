"""Hostile inputs against the outputs: machine reports stay strict JSON, files are never left
half-written, a full disk or Ctrl-C is one line and an exit code, and nothing from outside
(file names, rule-pack texts) reaches a terminal as a control character."""

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from checker.evaluation import evidence
from conftest import MINIMAL, ROOT, TODAY, assert_no_raw_controls, hkai, hkai_exact, run_bytes, strict_json

CORPUS = ROOT / "tests" / "corpus" / "outputs"
ESCAPE_FOLDER = b"a\xff\x1b[32mPASS"  # not UTF-8, and an escape sequence that would paint a PASS


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


MANIFEST = str(CORPUS / "non-finite-numbers.yaml")


def check_to(*outputs: str):
    """``hkai check`` of the corpus manifest with ``--format F --output FILE`` pairs."""
    args = [part for pair in outputs for part in ("--format", pair.split("=")[0], "--output", pair.split("=", 1)[1])]
    return hkai("check", "--today", TODAY, *args, MANIFEST)


def test_a_failed_run_leaves_the_previous_report_whole_and_no_temporary_file(tmp_path):
    report = tmp_path / "report.json"
    report.write_text("the previous report\n")
    result = check_to(f"json={report}", "sarif=/dev/full")
    assert result.returncode == 2
    assert result.stderr == "hkai: error: cannot write /dev/full: No space left on device\n"
    assert report.read_text() == "the previous report\n"
    assert [path.name for path in tmp_path.iterdir()] == ["report.json"]


def test_a_report_replaces_the_file_and_keeps_its_permissions(tmp_path):
    report = tmp_path / "report.json"
    report.write_text("old")
    report.chmod(0o640)
    result = check_to(f"json={report}")
    assert result.returncode == 1, result.stderr
    strict_json(report.read_text())
    assert report.stat().st_mode & 0o777 == 0o640
    assert [path.name for path in tmp_path.iterdir()] == ["report.json"]


def test_a_symlinked_output_is_written_through_to_its_target(tmp_path):
    target = tmp_path / "real.json"
    target.write_text("old")
    link = tmp_path / "link.json"
    link.symlink_to(target.name)
    assert check_to(f"json={link}").returncode == 1
    assert link.is_symlink()
    strict_json(target.read_text())


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_pipe_is_written_directly(tmp_path):
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    reader = subprocess.Popen(["cat", str(pipe)], stdout=subprocess.PIPE)
    try:
        result = check_to(f"json={pipe}")
        received = reader.communicate(timeout=60)[0]
    finally:
        reader.kill()
    assert result.returncode == 1, result.stderr
    strict_json(received.decode("utf-8"))
    assert sorted(path.name for path in tmp_path.iterdir()) == ["pipe"]


def test_dev_stdout_is_written_directly():
    result = check_to("json=/dev/stdout")
    assert result.returncode == 1, result.stderr
    strict_json(result.stdout)


@pytest.mark.parametrize("command", [("check", "--today", TODAY, "--format", "json", "--output", "/dev/full", MANIFEST),
                                     ("schema", "--output", "/dev/full")])
def test_a_full_output_file_is_named_in_one_line(command):
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full here")
    result = hkai(*command)
    assert result.returncode == 2
    assert result.stderr == "hkai: error: cannot write /dev/full: No space left on device\n"


def test_an_output_in_a_missing_folder_is_one_line(tmp_path):
    result = check_to(f"json={tmp_path / 'missing' / 'report.json'}")
    assert result.returncode == 2
    assert result.stderr.startswith(f"hkai: error: cannot write {tmp_path / 'missing' / 'report.json'}: ")
    assert "Traceback" not in result.stderr


def test_one_output_file_for_two_formats_is_refused(tmp_path):
    report = tmp_path / "report"
    (tmp_path / "alias").symlink_to(report.name)
    for second in (report, tmp_path / "alias", tmp_path / "." / "report"):
        result = check_to(f"json={report}", f"sarif={second}")
        assert result.returncode == 2
        assert result.stderr.startswith(f"hkai: error: format: --output {second} is given for both json and sarif; "
                                        "give each format its own file"), result.stderr
    assert not report.exists()


STANDARD_OUTPUT_COMMANDS = [("schema",), ("rules", "list"), ("rules", "show", "CON-001"), ("rules", "doc"),
                            ("check", "--show-config"), ("--help",), ("check", "--help"),
                            ("check", "--format", "rich", MANIFEST), ("check", "--format", "json", MANIFEST)]


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full here")
@pytest.mark.parametrize("command", STANDARD_OUTPUT_COMMANDS, ids=lambda command: " ".join(command[:3]))
def test_a_full_standard_output_is_one_line_and_exit_2(command):
    with open("/dev/full", "w") as full:
        result = subprocess.run([sys.executable, "-m", "checker", *command], stdout=full, stderr=subprocess.PIPE,
                                text=True, timeout=120, cwd=ROOT)
    assert result.returncode == 2
    assert result.stderr == "hkai: error: cannot write standard output: No space left on device\n"


@pytest.fixture(scope="module")
def big_batch(tmp_path_factory):
    """A folder of 10,000 small manifests."""
    root = tmp_path_factory.mktemp("batch")
    for number in range(10_000):
        folder = root / f"m{number}"
        folder.mkdir()
        (folder / "manifest.yaml").write_text(MINIMAL.replace("id: demo", f"id: demo-{number}"))
    return root


def _wait_until_busy(pid: int, cpu_seconds: float, timeout: float = 60) -> None:
    """Wait until the process has used ``cpu_seconds`` of processor time: past Python's start
    and hkai's imports, well into the batch, however loaded the machine is (a fixed sleep
    may end while a slow machine is still starting the interpreter)."""
    stat_file = f"/proc/{pid}/stat"
    if not os.path.exists(stat_file):
        time.sleep(1.5)
        return
    ticks = os.sysconf("SC_CLK_TCK")
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with open(stat_file) as stream:
            fields = stream.read().rsplit(")", 1)[1].split()
        if (int(fields[11]) + int(fields[12])) / ticks >= cpu_seconds:  # utime + stime
            return
        time.sleep(0.05)


@pytest.mark.skipif(not hasattr(signal, "SIGINT") or os.name != "posix", reason="needs POSIX signals")
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_in_a_batch_ends_with_130_and_one_line(big_batch, jobs):
    returncode, stdout, stderr = _interrupted_batch(big_batch, jobs)
    assert (returncode, stderr) == (130, "hkai: interrupted\n")
    assert stdout == ""


def _interrupted_batch(big_batch, jobs) -> tuple[int, str, str]:
    child = subprocess.Popen([sys.executable, "-m", "checker", "check", "--today", TODAY, "--format", "json",
                              "--jobs", jobs, str(big_batch)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True, cwd=ROOT)
    try:
        _wait_until_busy(child.pid, 1.0)  # checking 10,000 manifests takes several seconds of processor time
        assert child.poll() is None, "the batch ended before it could be interrupted"
        child.send_signal(signal.SIGINT)
        stdout, stderr = child.communicate(timeout=60)
    finally:
        child.kill()
    return child.returncode, stdout, stderr


def test_ctrl_c_while_the_program_loads_is_one_line_too():
    """Only the standard library loads before hkai can catch Ctrl-C; an interrupt while its
    own modules load (here: the settings, which the check command loads) is the same one line and 130."""
    program = ("import builtins, sys\n"
               "real = builtins.__import__\n"
               "def interrupting(name, *args, **kwargs):\n"
               "    if name == 'settings':\n"
               "        raise KeyboardInterrupt\n"
               "    return real(name, *args, **kwargs)\n"
               "builtins.__import__ = interrupting\n"
               "from checker.cli import main\n"
               "sys.exit(main(['check', 'x']))\n")
    result = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert (result.returncode, result.stderr) == (130, "hkai: interrupted\n")


# Runs `hkai ARGUMENTS...` in this process again and again, interrupting it (KeyboardInterrupt,
# as Ctrl-C raises) at the n-th bytecode step of FUNCTION's calls, for n = 1, 2, ... until a run is
# not interrupted as it should be (past FUNCTION's last step: the check then runs to its end).
# Prints each run's exit status and standard error.
INTERRUPT_EVERY_STEP = """\
import contextlib, importlib, inspect, io, json, sys
from checker import app
from checker.cli import main

module, function = sys.argv[1].rsplit(".", 1)
stepped = inspect.unwrap(getattr(importlib.import_module(module), function)).__code__  # a context manager: its generator
rules = app.load_rule_set([])  # the rule pack is loaded once, so that each run is quick
app.load_rule_set = lambda extra_rules: rules

def interrupting_at(step):
    steps = 0
    def each_step(frame, event, arg):
        nonlocal steps
        if event == "opcode":
            steps += 1
            if steps == step:
                raise KeyboardInterrupt
        return each_step
    def each_call(frame, event, arg):
        if frame.f_code is not stepped:
            return None
        frame.f_trace_opcodes = True
        return each_step
    return each_call

runs, step = [], 1
while not runs or runs[-1] == [130, "hkai: interrupted\\n"]:
    stderr = io.StringIO()
    sys.settrace(interrupting_at(step))
    try:
        with contextlib.redirect_stderr(stderr), contextlib.redirect_stdout(io.StringIO()):
            code = main(sys.argv[2:])
    finally:
        sys.settrace(None)
    runs.append([code, stderr.getvalue()])
    step += 1
print(json.dumps(runs))
"""


def interrupted_at_every_step(function: str, *arguments: str) -> list[tuple[int, str]]:
    """The exit status and standard error of each run of ``INTERRUPT_EVERY_STEP``."""
    result = subprocess.run([sys.executable, "-c", INTERRUPT_EVERY_STEP, function, *arguments],
                            capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    return [tuple(run) for run in json.loads(result.stdout)]


@pytest.mark.skipif(sys.implementation.name != "cpython", reason="steps through CPython's bytecode")
def test_ctrl_c_at_any_step_of_reading_a_file_is_one_line(tmp_path):
    """Ctrl-C just after a manifest's file object was made once ended a batch with status 2 and
    "cannot read file: Bad file descriptor" (its descriptor was closed twice), and the batch went on."""
    (tmp_path / "manifest.yaml").write_text(MINIMAL)
    *interrupted, last = interrupted_at_every_step("checker.reading.regular_file.read_regular_file",
                                                   "check", "--format", "json", str(tmp_path / "manifest.yaml"))
    assert len(interrupted) > 20  # the reading was stepped through, not skipped
    assert set(interrupted) == {(130, "hkai: interrupted\n")}
    assert last == (0, "")  # past the reading's last step the check runs to its end


@pytest.mark.skipif(sys.implementation.name != "cpython", reason="steps through CPython's bytecode")
def test_ctrl_c_at_any_step_of_writing_a_report_file_leaves_no_temporary_file(tmp_path):
    """The report is written to a temporary file renamed into place; its name was once known
    only after it was made (tempfile.mkstemp), and Ctrl-C just then left it behind."""
    (tmp_path / "manifest.yaml").write_text(MINIMAL)
    (tmp_path / "report.json").write_text("old")
    *interrupted, last = interrupted_at_every_step("checker.report.output_file._replacing", "check", "--format",
                                                   "json", "--output", str(tmp_path / "report.json"),
                                                   str(tmp_path / "manifest.yaml"))
    assert len(interrupted) > 20 and set(interrupted) == {(130, "hkai: interrupted\n")}
    assert last == (0, "")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["manifest.yaml", "report.json"]
    assert json.loads((tmp_path / "report.json").read_text())["summary"]["manifests"] == 1


@pytest.mark.skipif(sys.implementation.name != "cpython" or not evidence.HANDLES_SUPPORTED,
                    reason="steps through CPython's bytecode, in the opening of evidence by folder handles")
def test_ctrl_c_at_any_step_of_opening_evidence_is_one_line(tmp_path):
    """Ctrl-C between closing a folder and keeping its subfolder's handle once closed the
    subfolder twice: the error (EBADF) replaced the interrupt, a traceback."""
    (tmp_path / "contracts").mkdir()
    (tmp_path / "contracts" / "c-a.pdf").write_bytes(b"%PDF signed consent")
    (tmp_path / "manifest.yaml").write_text(MINIMAL + f"""\
people: [{{id: p-a, name: Chan}}]
consents:
  - {{id: c-a, person: p-a, given_by: self, signed_on: 2026-01-05, covers: [voice_clone],
     document: {{ref: contracts/c-a.pdf, sha256: '{"0" * 64}'}}}}
""")
    *interrupted, last = interrupted_at_every_step("checker.evaluation.evidence._open_by_handles", "check",
                                                   "--format", "json", "--verify-evidence",
                                                   str(tmp_path / "manifest.yaml"))
    assert len(interrupted) > 20
    assert set(interrupted) == {(130, "hkai: interrupted\n")}
    assert last == (1, "")  # past the opening's last step: the evidence does not match its digest


@pytest.mark.parametrize("size", [str(1024 ** 3 + 1), str(10 ** 30), "9" * 5000])
def test_an_absurd_file_size_limit_is_refused(size):
    result = hkai("check", "--max-file-size", size, MANIFEST)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and "Error:" not in result.stderr
    line = result.stderr.strip().splitlines()[-1]  # after argparse's usage, when it refuses
    assert "max_file_size: must be a whole number of bytes from 1 to 1,073,741,824" in line \
        or "--max-file-size: invalid positive value" in line, line


def test_the_largest_file_size_limit_is_accepted():
    result = hkai("check", "--today", TODAY, "--max-file-size", str(1024 ** 3), MANIFEST)
    assert result.returncode == 1, result.stderr


PAYLOAD_PACK = str(CORPUS / "terminal-payload-pack")
@pytest.fixture
def minimal_manifest(tmp_path):
    path = tmp_path / "manifest.yaml"
    path.write_text(MINIMAL, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("form", ["rich", "github", "markdown", "junit", "html"])
def test_rule_pack_texts_reach_no_stream_raw(minimal_manifest, form):
    result = hkai_exact("check", "--format", form, "--today", TODAY, "--rules", PAYLOAD_PACK, minimal_manifest)
    assert result.returncode == 1, result.stderr
    assert_no_raw_controls(result.stdout, result.stderr)
    if form == "rich":
        assert "Remove it.\\u001b[2K\\u000d\\u001b[32mPASS  all clear\\u202e\\ufeff" in result.stdout
        assert not any(line.lstrip().startswith("PASS") for line in result.stdout.splitlines())


def test_json_keeps_the_exact_rule_pack_text(minimal_manifest):
    result = hkai_exact("check", "--format", "json", "--today", TODAY, "--rules", PAYLOAD_PACK, minimal_manifest)
    (finding,) = [f for f in strict_json(result.stdout)["manifests"][0]["findings"] if f["rule"] == "HSE-001"]
    assert finding["fix"] == "Remove it.\x1b[2K\r\x1b[32mPASS  all clear\u202e\ufeff"
    assert finding["message"] == "production demo has an id\u200b"


@pytest.mark.parametrize("command", [("rules", "show", "HSE-001"), ("rules", "list"), ("rules", "doc")],
                         ids=" ".join)
def test_rule_pack_texts_in_rules_commands_are_visible(command):
    result = hkai_exact(*command, "--rules", PAYLOAD_PACK)
    assert result.returncode == 0, result.stderr
    assert_no_raw_controls(result.stdout, result.stderr)


FORGED = "x\x1b[2K\r\u202ePASS\u200b\ufeff"


@pytest.mark.parametrize("form", ["rich", "github", "markdown", "junit", "json", "sarif", "html"])
def test_a_folder_name_cannot_forge_a_line_on_any_stream(tmp_path, form):
    folder = tmp_path / FORGED
    folder.mkdir()
    (folder / "manifest.yaml").write_text("production: [\n")  # unreadable: its path is on stderr too
    result = hkai_exact("check", "--format", form, "--today", TODAY, str(tmp_path))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert_no_raw_controls(result.stdout if form not in ("json", "sarif") else "", result.stderr)
    assert "x\\u001b[2K\\u000d\\u202ePASS\\u200b\\ufeff" in result.stderr
    assert not any(line.lstrip().startswith("PASS") for stream in (result.stdout, result.stderr)
                   for line in stream.splitlines())
    if form in ("json", "sarif"):
        strict_json(result.stdout)


def test_missing_files_unknown_keys_and_waivers_files_are_shown_visibly(tmp_path):
    missing = str(tmp_path / FORGED)
    result = hkai_exact("check", "--today", TODAY, missing)
    assert result.returncode == 2
    assert_no_raw_controls(result.stdout, result.stderr)
    assert "x\\u001b[2K\\u000d\\u202ePASS\\u200b\\ufeff: no such file or folder" in result.stderr

    result = hkai_exact("check", "--today", TODAY, "--waivers", missing, str(tmp_path))
    assert result.returncode == 2
    assert_no_raw_controls(result.stdout, result.stderr)

    (tmp_path / "hkai.toml").write_text('"bad\\u001b[31m\\u200bkey" = 1\n', encoding="utf-8")
    result = hkai_exact("check", "--today", TODAY, str(tmp_path), cwd=tmp_path)
    assert result.returncode == 2
    assert_no_raw_controls(result.stdout, result.stderr)
    assert "bad\\u001b[31m\\u200bkey" in result.stderr


@pytest.mark.parametrize("argv", [("check", FORGED), ("check", "--" + FORGED), ("check", "--lang", FORGED),
                                  ("rules", "show", "x", FORGED), (FORGED,)], ids=repr)
def test_a_usage_error_quotes_the_command_line_visibly(argv, tmp_path):
    result = hkai_exact(*argv, cwd=tmp_path)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert_no_raw_controls(result.stdout, result.stderr)
    assert "PASS" in result.stderr and not any(line.lstrip().startswith("PASS") for line in result.stderr.splitlines())
