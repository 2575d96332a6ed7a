"""The starter manifests `hkai init` writes, byte for byte.

The expected files in golden/starters/ were rendered before the starters became template
files, so these tests prove the templates reproduce the old output exactly, and catch any
later drift. After an intended change to a starter, render the files anew with ``render``
and review the difference.
"""

import datetime
import shlex
from pathlib import Path

import pytest

from checker.commands.init import LEVELS, render, slug_for
from checker.text import LANGUAGES

GOLDEN = Path(__file__).resolve().parent / "golden" / "starters"

@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("level", LEVELS)
def test_each_starter_is_the_expected_text(level, lang):
    text = render(level, lang, "my-production", datetime.date(2026, 11, 30), ".")
    assert text.encode("utf-8") == (GOLDEN / f"{level}-{lang}.yaml").read_bytes()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_long_names_move_the_comment_above_and_wrap_the_command(lang):
    """A long production id pushes its comment above the line; a long folder wraps in the
    header; a leap day still gives valid dates a year and two years on."""
    folder = Path("productions/2027/The Extraordinary Adventures of the Harbour Lights Ensemble (Director's Cut)")
    text = render("high", lang, slug_for(folder), datetime.date(2028, 2, 29), shlex.quote(str(folder)))
    assert text.encode("utf-8") == (GOLDEN / f"long-names-{lang}.yaml").read_bytes()
