"""Run independent tasks in this process and in forked workers, taking them from one queue.

A batch is many independent manifests, and one big manifest is checked by many
independent rules: with more cores, forked workers take manifests, or rules, alongside
this process. Forking (not spawning) lets the workers inherit the loaded manifest and the
compiled rules, which hold closures and cannot be pickled.
The queue is a pipe holding every task's number, written before any worker starts: each
process reads the next number when it is free, so a slow rule does not hold the others up.
"""

from __future__ import annotations

import os
import signal
from typing import Callable, TypeVar

T = TypeVar("T")
_NUMBER = 2  # bytes per task number on the queue
MAX_TASKS = 2048  # the whole queue (4 KiB) fits in any pipe's buffer, so writing it never blocks


def usable_cpus() -> int:
    """CPUs this process may run on (a container or taskset may allow fewer than exist)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def run_shared(count: int, task: Callable[[int], T], workers: int) -> list[T]:
    """``[task(0), ..., task(count - 1)]``, computed here and in up to ``workers - 1``
    forked processes. A task a worker did not report (it failed, was killed or could not
    be started) is run here, so the result is always what running the tasks in order in
    this process gives."""
    workers = min(workers, count)
    if workers <= 1 or count > MAX_TASKS or not hasattr(os, "fork"):
        return [task(index) for index in range(count)]
    import pickle  # only a shared run pays for importing it

    queue, queue_input = os.pipe()
    tasks = b"".join(index.to_bytes(_NUMBER, "big") for index in range(count))
    written = os.write(queue_input, tasks)
    os.close(queue_input)  # an empty queue then reads as end of file
    children: list[tuple[int, int]] = []
    results: dict[int, T] = {}
    try:
        if written == len(tasks):
            for _ in range(workers - 1):
                try:
                    children.append(_start_worker(queue, task))
                except OSError:  # no more processes or memory: fewer workers, or none
                    break
            results.update(_take_tasks(queue, task))
        while children:
            pid, reports = children.pop()
            try:
                with os.fdopen(reports, "rb") as stream:
                    results.update(pickle.load(stream))
            except (EOFError, pickle.UnpicklingError):
                pass  # the worker died: its tasks are run below
            finally:
                os.waitpid(pid, 0)
    finally:
        os.close(queue)
        for pid, reports in children:  # only when this process failed or was interrupted: unread workers
            os.close(reports)
            _stop(pid)
            os.waitpid(pid, 0)
    return [results[index] if index in results else task(index) for index in range(count)]


def _stop(pid: int) -> None:
    """End a worker whose results are no longer wanted, rather than wait for its tasks."""
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        pass  # it has already ended


def _start_worker(queue: int, task: Callable[[int], T]) -> tuple[int, int]:
    reports, reports_input = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(reports)
        os.close(reports_input)
        raise
    if pid == 0:  # the worker: take tasks, send back what they gave, and leave at once
        status = 1
        try:
            os.close(reports)
            done = _take_tasks(queue, task)
            import pickle

            with os.fdopen(reports_input, "wb") as stream:
                pickle.dump(done, stream, protocol=pickle.HIGHEST_PROTOCOL)
            status = 0
        finally:
            os._exit(status)  # never run the parent's exit handlers or flush its buffers
    os.close(reports_input)
    return pid, reports


def _take_tasks(queue: int, task: Callable[[int], T]) -> list[tuple[int, T]]:
    done = []
    while len(taken := os.read(queue, _NUMBER)) == _NUMBER:
        index = int.from_bytes(taken, "big")
        done.append((index, task(index)))
    return done
