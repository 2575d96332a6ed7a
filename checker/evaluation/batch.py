"""Check many manifests, in parallel processes when it pays; results keep the input order.

By default (``jobs`` None) a batch is shared between one process per usable CPU, and a
single manifest is checked in this process alone: the rules of one big manifest are shared
between processes only when the caller asks for jobs (``--jobs N``). Manifests are handed
out one at a time from a queue, so a worker slowed by other work on its CPU takes fewer of
them rather than holding the batch up.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Sequence

from ..reading.yaml_loader import Document
from ..report.model import ManifestResult
from .manifest import CheckOptions, check_document, check_file
from ..packs.model import RuleSet
from .parallel import MAX_TASKS, run_shared, usable_cpus

MANY_FILES = 16
MANY_BYTES = 1 << 20


def check_paths(paths: list[Path], rule_set: RuleSet, options: CheckOptions, jobs: int | None = None,
                documents: Sequence[Document] = ()) -> list[ManifestResult]:
    """Every manifest's result, in the order of ``paths``, in up to ``jobs`` processes
    (None: the default, above), then those of ``documents`` already read (standard input).
    Manifests that share a production id with another are checked again knowing it (a
    second pass over these few only: the ids are known once every manifest has been read)."""
    serial = replace(options, jobs=jobs or 1)
    results = [*_check_all(paths, rule_set, options, jobs),
               *(check_document(document, rule_set, serial) for document in documents)]
    sources: list[Path | Document] = [*paths, *documents]
    for index, others in _shared_productions(results).items():
        again = replace(serial, same_production_in=others)
        source = sources[index]
        results[index] = check_file(source, rule_set, again) if isinstance(source, Path) \
            else check_document(source, rule_set, again)
    return results


def _shared_productions(results: list[ManifestResult]) -> dict[int, tuple[str, ...]]:
    """For each manifest whose production id another manifest also has, the other files."""
    by_id: dict[str, list[int]] = {}
    for index, result in enumerate(results):
        production_id = (result.production or {}).get("id") if result.schema_valid else None
        if isinstance(production_id, str):
            by_id.setdefault(production_id, []).append(index)
    return {index: tuple(results[other].path for other in indexes if other != index)
            for indexes in by_id.values() if len(indexes) > 1 for index in indexes}


def _check_all(paths: list[Path], rule_set: RuleSet, options: CheckOptions, jobs: int | None) -> list[ManifestResult]:
    workers = jobs or usable_cpus()
    if workers <= 1 or len(paths) < 2 or not _worth_sharing(paths):
        # one manifest at a time: a big manifest's rules may be shared between the jobs asked for
        serial = replace(options, jobs=jobs or 1)
        return [check_file(path, rule_set, serial) for path in paths]
    single = replace(options, jobs=1)  # the processes already share the manifests
    size = -(-len(paths) // MAX_TASKS)  # manifests per task: one, unless there are very many
    groups = [paths[start:start + size] for start in range(0, len(paths), size)]
    checked = run_shared(len(groups), lambda index: [check_file(path, rule_set, single) for path in groups[index]],
                         workers)
    return [result for group in checked for result in group]


def _worth_sharing(paths: list[Path]) -> bool:
    """Starting workers costs more than checking a handful of small manifests (7 examples:
    0.27 s serial, 0.30 s with two workers); many files, or big ones, repay it."""
    if len(paths) >= MANY_FILES:
        return True
    return sum(path.stat().st_size for path in paths if path.is_file()) >= MANY_BYTES
