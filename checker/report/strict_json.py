"""Strict JSON (RFC 8259) for the machine reports, whatever a manifest held.

A manifest may hold ``.nan``, ``.inf`` or ``1e309`` (read as infinity), which JSON cannot
express: Python would write bare ``NaN``/``Infinity``, which strict parsers reject. They are
written as the YAML words that produced them instead, so the report still says what the file
held and every finding of the file is kept (refusing such values when reading would lose
them). A path read from the file system may hold bytes that are not UTF-8 (kept by Python as
lone surrogates); they cannot be written as UTF-8 at all, so they are shown as visible
``\\udcXX`` escapes. Every other string keeps its exact text, escaped as JSON requires.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any, TextIO

_SURROGATE = re.compile("[\ud800-\udfff]")
_YAML_WORD = {math.inf: ".inf", -math.inf: "-.inf"}


def dump(document: Any, stream: TextIO) -> None:
    """Write ``document`` as indented strict JSON and a final newline."""
    stream.write(json.dumps(strict(document), ensure_ascii=False, indent=2, allow_nan=False) + "\n")


def strict(value: Any) -> Any:
    """``value`` with every non-finite number and every undecodable character made expressible."""
    if isinstance(value, float) and not math.isfinite(value):
        return _YAML_WORD.get(value, ".nan")
    if isinstance(value, str):
        return _SURROGATE.sub(lambda match: f"\\u{ord(match.group()):04x}", value)
    if isinstance(value, dict):
        return {strict(key): strict(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [strict(item) for item in value]
    return value
