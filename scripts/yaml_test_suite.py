"""The manifest fast path against the official YAML test suite, case by case.

Usage: python scripts/yaml_test_suite.py PATH  (PATH: a checkout of the ``data`` branch of
https://github.com/yaml/yaml-test-suite, one folder per case with ``in.yaml``).

For every case, the fast path on its own (the scan, yaml-rs and the walk, without the fallback
hkai adds) either declines the file or vouches for it; the reference loader accepts or refuses
it. A case the fast path vouches for must be one the reference accepts, read to the same data
with every node at the same position: any other is printed, and the script exits 1. Run it
when yaml-rs is upgraded.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from checker.reading.yaml_fast_path import _fast_document
from checker.reading.yaml_loader import DEFAULT_MAX_NODES, LoadError, load_text


def judge(text: str) -> tuple[str, str]:
    """(the reference's verdict, the fast path's) for one case."""
    try:
        reference = load_text(text, "in.yaml")
    except LoadError:
        reference = None
    try:
        fast = _fast_document(text, "in.yaml", DEFAULT_MAX_NODES)
    except Exception as error:  # noqa: BLE001 - a crash of the fast path is a finding of this script
        return ("refused" if reference is None else "accepted"), f"crashed: {type(error).__name__}"
    if reference is None:
        return "refused", "declined" if fast is None else "ACCEPTED WHAT THE REFERENCE REFUSES"
    if fast is None:
        return "accepted", "declined"
    if repr(fast.data) != repr(reference.data):
        return "accepted", "READ DIFFERENTLY"
    try:
        wrong = [pointer for pointer, position in reference.positions.items() if fast.locate(pointer) != position]
    except Exception as error:  # noqa: BLE001
        return "accepted", f"crashed locating: {type(error).__name__}: {error}"
    return "accepted", f"POSITIONS DIFFER at {wrong[:3]}" if wrong else "same data and positions"


def main(suite: Path) -> int:
    counts: Counter = Counter()
    wrong = 0
    for case in sorted(path.parent for path in suite.rglob("in.yaml")):
        expected = "invalid" if (case / "error").exists() else "valid"
        reference, fast = judge((case / "in.yaml").read_bytes().decode("utf-8", errors="replace"))
        counts[(expected, reference, fast)] += 1
        if fast.isupper() or fast.startswith(("crashed", "POSITIONS", "READ", "ACCEPTED")):
            wrong += 1
            print(f"{case.relative_to(suite)}: suite {expected}, reference {reference}, fast path {fast}")
    print("| the suite says | reference loader | fast path | cases |")
    print("|---|---|---|---:|")
    for (expected, reference, fast), count in sorted(counts.items()):
        print(f"| {expected} | {reference} | {fast} | {count} |")
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
