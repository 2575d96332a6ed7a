"""One big manifest's rules shared between processes: same results, in the same order."""

import importlib.util
import json
import os
import shutil
import subprocess
import sys
import time

import pytest

from conftest import EXAMPLES, ROOT, TODAY, hkai

from checker.evaluation.batch import MANY_FILES

from checker.evaluation.manifest import SHARED_RULES_MIN_USES
from checker.evaluation.parallel import run_shared


def _slow_square(index):
    time.sleep(0.1)  # long enough that the worker is up before the queue is empty
    return index * index, os.getpid()


def test_tasks_are_shared_with_a_worker_and_come_back_in_order():
    results = run_shared(10, _slow_square, workers=2)
    assert [value for value, _ in results] == [i * i for i in range(10)]
    assert {pid for _, pid in results} - {os.getpid()}, "the forked worker took no task"


def test_the_tasks_of_a_failing_worker_are_run_here():
    parent = os.getpid()

    def fails_in_the_worker(index):
        time.sleep(0.05)
        if os.getpid() != parent:
            raise RuntimeError("worker failure")
        return index + 1

    assert run_shared(8, fails_in_the_worker, workers=2) == list(range(1, 9))


def test_one_worker_runs_everything_here():
    assert run_shared(3, lambda index: (index, os.getpid()), workers=1) == [(i, os.getpid()) for i in range(3)]


def test_a_big_manifest_checked_with_two_jobs_reports_exactly_what_one_job_does(tmp_path):
    spec = importlib.util.spec_from_file_location("bench_generate", ROOT / "benchmarks" / "generate.py")
    generator = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generator)
    manifest = generator.write(SHARED_RULES_MIN_USES, 1, tmp_path / "manifest.yaml")
    one = hkai("check", str(manifest), "--format", "json", "--today", TODAY, "--jobs", "1")
    two = hkai("check", str(manifest), "--format", "json", "--today", TODAY, "--jobs", "2")
    assert one.returncode == two.returncode == 1
    assert one.stdout == two.stdout
    assert '"rule": "INT-001"' in two.stdout and '"rule": "CON-005"' in two.stdout


def test_when_no_worker_can_be_started_every_task_is_run_here(monkeypatch):
    def no_fork():
        raise OSError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(os, "fork", no_fork)
    assert run_shared(5, lambda index: index * 10, workers=2) == [0, 10, 20, 30, 40]


def test_a_failure_here_leaves_no_worker_behind():
    parent = os.getpid()

    def fails_here(index):
        time.sleep(0.05)
        if os.getpid() == parent:
            raise ValueError("bug in a rule")
        return "x" * 100_000  # more than a pipe holds: the worker would wait for a reader

    with pytest.raises(ValueError, match="bug in a rule"):
        run_shared(6, fails_here, workers=2)
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)  # every worker was waited for


# --- the default jobs ---------------------------------------------------------------------

# Runs the real command with every fork counted: the count is printed on standard error
# after the command's own output, as "forks: N".
COUNTING_FORKS = ("import os, sys\n"
                  "real_fork, forks = os.fork, []\n"
                  "def counted_fork():\n"
                  "    pid = real_fork()\n"
                  "    if pid:\n"
                  "        forks.append(pid)\n"
                  "    return pid\n"
                  "os.fork = counted_fork\n"
                  "from checker.cli import main\n"
                  "code = main(sys.argv[1:])\n"
                  "print(f'forks: {len(forks)}', file=sys.stderr)\n"
                  "sys.exit(code)\n")


def _forks(*args, cpus=None):
    """Exit code, JSON report and forks of ``hkai check ARGS`` (on ``cpus`` CPUs if given)."""
    env = {**os.environ, "NO_COLOR": "1"}
    env.pop("HKAI_LANG", None)
    result = subprocess.run([sys.executable, "-c", COUNTING_FORKS, "check", "--format", "json", "--today", TODAY,
                             *args], capture_output=True, text=True, cwd=ROOT, env=env, timeout=300,
                            preexec_fn=(lambda: os.sched_setaffinity(0, cpus)) if cpus else None)
    forks = result.stderr.rsplit("forks: ", 1)
    return result.returncode, json.loads(result.stdout), int(forks[1])


def _big_manifest(folder):
    spec = importlib.util.spec_from_file_location("bench_generate", ROOT / "benchmarks" / "generate.py")
    generator = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generator)
    return generator.write(SHARED_RULES_MIN_USES, 1, folder / "manifest.yaml")


needs_two_cpus = pytest.mark.skipif(not hasattr(os, "sched_getaffinity") or len(os.sched_getaffinity(0)) < 2,
                                    reason="the default jobs differ from one only with two CPUs or more")


@needs_two_cpus
def test_one_big_manifest_is_checked_in_one_process_by_default_and_shared_when_jobs_are_asked_for(tmp_path):
    manifest = str(_big_manifest(tmp_path))
    code, report, forks = _forks(manifest)
    assert (code, forks) == (1, 0)
    asked_code, asked_report, asked_forks = _forks(manifest, "--jobs", "2")
    assert (asked_code, asked_report, asked_forks) == (1, report, 1)


@needs_two_cpus
def test_a_batch_runs_in_one_process_per_usable_cpu_by_default(tmp_path):
    for copy in range(MANY_FILES):
        folder = tmp_path / f"{copy:02d}"
        folder.mkdir()
        shutil.copy(EXAMPLES / "nine-heavens-animation" / "manifest.yaml", folder / "manifest.yaml")
    cpus = sorted(os.sched_getaffinity(0))[:2]
    assert _forks(str(tmp_path), cpus=set(cpus))[2] == 1  # two CPUs: this process and one worker
    assert _forks(str(tmp_path), cpus={cpus[0]})[2] == 0


@pytest.mark.skipif(not hasattr(os, "sched_setaffinity"), reason="needs CPU affinity")
def test_show_config_shows_the_jobs_a_batch_runs_in():
    one_cpu = {min(os.sched_getaffinity(0))}
    default = subprocess.run([sys.executable, "-m", "checker", "check", "--show-config"], capture_output=True,
                             text=True, cwd=ROOT, timeout=60, preexec_fn=lambda: os.sched_setaffinity(0, one_cpu))
    assert "jobs = 1  (default: one process per usable CPU for a batch; one manifest is checked in one process)" \
        in default.stdout.splitlines()
    assert "jobs = 3  (command line)" in hkai("check", "--show-config", "--jobs", "3").stdout.splitlines()
