"""Check many manifests, in parallel processes when asked; results keep the input order."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

from .check import CheckOptions, ManifestResult, check_file
from .pack import RuleSet

# Compiled rules hold closures, which cannot be pickled: workers are forked after this
# is set and inherit it.
_job: tuple[RuleSet, CheckOptions] | None = None
MANY_FILES = 16
MANY_BYTES = 1 << 20


def check_paths(paths: list[Path], rule_set: RuleSet, options: CheckOptions, jobs: int) -> list[ManifestResult]:
    global _job
    if jobs <= 1 or len(paths) < 2 or not hasattr(os, "fork") or not _worth_forking(paths):
        # one process per manifest: a big manifest's rules may be shared between the jobs
        serial = replace(options, jobs=jobs)
        return [check_file(path, rule_set, serial) for path in paths]
    import multiprocessing  # only a batch pays for importing it
    from concurrent.futures import ProcessPoolExecutor

    _job = (rule_set, replace(options, jobs=1))  # the workers already use the CPUs
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=min(jobs, len(paths)), mp_context=context) as pool:
            return list(pool.map(_check, paths, chunksize=max(1, len(paths) // (jobs * 8))))
    finally:
        _job = None


def _worth_forking(paths: list[Path]) -> bool:
    """Starting workers costs more than checking a handful of small manifests (7 examples:
    0.27 s serial, 0.30 s with two workers); many files, or big ones, repay it."""
    if len(paths) >= MANY_FILES:
        return True
    return sum(path.stat().st_size for path in paths if path.is_file()) >= MANY_BYTES


def _check(path: Path) -> ManifestResult:
    assert _job is not None
    rule_set, options = _job
    return check_file(path, rule_set, options)
