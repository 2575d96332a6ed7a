"""One big manifest's rules shared between processes: same results, in the same order."""

import importlib.util
import os
import time

import pytest

from conftest import ROOT, TODAY, hkai

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
