"""Make untrusted manifest text safe to show: nothing in it may restyle or reorder a report."""

from __future__ import annotations

import re

# C0 and C1 controls (tab included), DEL, bidirectional overrides/isolates/marks and
# line/paragraph separators act on a terminal or a viewer; zero-width characters (U+200B-U+200D,
# U+2060, U+FEFF) make two different texts look the same; lone surrogates (from undecodable
# file names) cannot be written as UTF-8, and U+FFFE/U+FFFF are not XML characters. All are
# shown as visible \uXXXX escapes instead.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\u2028\u2029"
                     "\ufeff\ud800-\udfff\ufffe\uffff]")


def visible(text: object) -> str:
    return _UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", str(text))
