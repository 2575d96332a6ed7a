"""Baselines: record the findings a project has accepted, and fail only on new ones.

Findings are matched by production id, rule id and target record id (the JSON Pointer
when there is no target), never by line number, so editing elsewhere in a manifest does
not bring known findings back. Several findings with the same key are matched by count.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

from ..report.model import ManifestResult
from ..report.output_file import output_file
from ..report.model import Finding
from ..reading.regular_file import read_regular_file
from ..reading.yaml_loader import LoadError, integer_too_long

FORMAT_VERSION = 1
Key = tuple[str, str, str]


@dataclass(frozen=True)
class BaselineOutcome:
    carried: int  # findings matched by the baseline
    fixed: list[dict[str, str]]  # baseline entries that matched nothing any more


def _production(result: ManifestResult) -> str:
    production_id = (result.production or {}).get("id")
    return production_id if isinstance(production_id, str) else result.path


def finding_place(finding: Finding, target: str | None = None) -> str:
    """Where a finding is, as baselines match it: its record (``target``, else the finding's
    own), or the JSON Pointer of its node when it has none, never its line."""
    target = target or finding.target
    return f"target:{target}" if target else f"path:{finding.pointer}"


def _key(production: str, finding: Finding) -> Key:
    return (production, finding.rule, finding_place(finding))


def write_baseline(path: Path, results: list[ManifestResult]) -> int:
    """Record today's findings. Those of manifests sharing a production id are left out:
    once one of them is renamed, the entries would excuse the other's findings."""
    counts: Counter[Key] = Counter(_key(_production(result), finding) for result in results
                                   if not result.same_production_in
                                   for finding in result.findings if not finding.waived)
    entries = [_entry(key, count) for key, count in sorted(counts.items())]
    with output_file(path) as stream:  # whole or not at all: a failed run keeps the old baseline
        stream.write(json.dumps({"hkai_baseline": FORMAT_VERSION, "findings": entries}, indent=2,
                                ensure_ascii=False) + "\n")
    return sum(counts.values())


def _entry(key: Key, count: int) -> dict:
    production, rule, where = key
    kind, value = where.split(":", 1)
    return {"production": production, "rule": rule, kind: value, "count": count}


def read_baseline(path: Path) -> Counter[Key]:
    try:
        data = json.loads(read_regular_file(path).decode("utf-8"), parse_int=_integer)
        return _counts(data)
    except OSError as error:
        raise LoadError(str(path), f"cannot read baseline: {error.strerror or error}") from None
    except RecursionError:  # the json module reads nested arrays and objects recursively
        raise LoadError(str(path), "not an hkai baseline file (nested too deeply)") from None
    except (ValueError, KeyError, TypeError) as error:
        raise LoadError(str(path), f"not an hkai baseline file ({error})") from None


def _counts(data: object) -> Counter[Key]:
    if not isinstance(data, dict) or data.get("hkai_baseline") != FORMAT_VERSION:
        raise ValueError(f"expected an object with hkai_baseline: {FORMAT_VERSION}")
    if not isinstance(data.get("findings"), list):
        raise ValueError("expected findings: a list")
    counts: Counter[Key] = Counter()
    for entry in data["findings"]:
        if not isinstance(entry, dict):
            raise ValueError("each of findings must be an object")
        where = f"target:{entry['target']}" if "target" in entry else f"path:{entry['path']}"
        count = entry.get("count", 1)
        if type(count) is not int or count < 1:
            raise ValueError(f"count must be a positive whole number, not {json.dumps(count)[:40]}")
        counts[(_text(entry, "production"), _text(entry, "rule"), where)] += count
    return counts


def _integer(text: str) -> int:
    """An integer of the file; one longer than the loader accepts in YAML is refused here
    too (Python's own refusal, past 4,300 digits, tells the reader to change Python)."""
    too_long = integer_too_long(len(text.lstrip("-")))
    if too_long:
        raise ValueError(too_long)
    return int(text)


def _text(entry: dict, key: str) -> str:
    if not isinstance(entry[key], str):
        raise ValueError(f"{key} must be a string")
    return entry[key]


def apply_baseline(results: list[ManifestResult], baseline: Counter[Key]) -> BaselineOutcome:
    """Mark findings the baseline knows as baselined; they no longer fail the run.
    Entries for a production id that several manifests of the run share apply to none of
    them (which one they meant is unknown) and are not reported as fixed either."""
    remaining = Counter(baseline)
    carried = 0
    shared = {_production(result) for result in results if result.same_production_in}
    for result in results:
        production = _production(result)
        if production in shared:
            continue
        marked = []
        for finding in result.findings:
            key = _key(production, finding)
            if not finding.waived and remaining[key] > 0:
                remaining[key] -= 1
                carried += 1
                finding = replace(finding, baselined=True)
            marked.append(finding)
        result.findings = marked
    fixed = [_entry(key, count) for key, count in sorted(remaining.items()) if count > 0 and key[0] not in shared]
    return BaselineOutcome(carried=carried, fixed=fixed)
