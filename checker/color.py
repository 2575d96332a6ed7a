"""Whether to colour what is printed: ``--color``, else the environment, else whether the
output is a terminal.

The order: ``--color always|never`` (``--no-color`` is ``--color never``; the last given wins); then ``FORCE_COLOR`` or
``CLICOLOR_FORCE`` set and non-empty (colour even into a pipe, as CI logs want;
``CLICOLOR_FORCE=0`` forces nothing, as its convention says); then ``NO_COLOR`` set and
non-empty (no-color.org: an empty one is ignored); then ``auto``: colour on a terminal only.
A forcing variable wins over ``NO_COLOR``: it is the more specific request, usually set by one
CI job, while ``NO_COLOR`` is a general preference.
"""

from __future__ import annotations

import argparse
from typing import Mapping, TextIO

COLOR_CHOICES = ("auto", "always", "never")


def add_color_arguments(parser: argparse.ArgumentParser) -> None:
    """``--color WHEN`` and ``--no-color``, as every command that colours spells them."""
    parser.add_argument("--color", choices=COLOR_CHOICES,
                        help="colours: auto (on a terminal; the default), always or never; "
                             "else $FORCE_COLOR or $CLICOLOR_FORCE, then $NO_COLOR, decide")
    parser.add_argument("--no-color", dest="color", action="store_const", const="never",
                        help="the same as --color never")


def color_choice(flag: str | None, environ: Mapping[str, str]) -> str:
    """``auto``, ``always`` or ``never``, from the flag (``None``: not given) and the environment."""
    if flag is not None:
        return flag
    if environ.get("FORCE_COLOR") or environ.get("CLICOLOR_FORCE", "") not in ("", "0"):
        return "always"
    if environ.get("NO_COLOR"):
        return "never"
    return "auto"


def colored(choice: str, stream: TextIO) -> bool:
    """Whether to write colours to ``stream``."""
    return choice == "always" or (choice == "auto" and stream.isatty())
