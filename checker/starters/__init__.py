"""The starter manifests ``hkai init`` writes.

``templates/manifest.yaml.j2`` is the starter for every level; each language's file beside
it (``en.yaml``, ``zh.yaml``) holds the values the producer replaces and the comments.
``render`` fills the template in and places the comments (``comments.py``).

Every value only the producer can supply holds a ``TODO`` placeholder: ``TODO: ...`` in a
text, the bare word ``TODO`` for a date, a yes/no fact (a consent was informed), an amount
or a choice. The checker reports each one left as an error (INT-006; info with ``hkai
check --draft``), and reports a placeholder where a date or a yes/no fact belongs as a
placeholder, not as a format error; nothing else in a starter is reported.
"""

from __future__ import annotations

import datetime
import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from ..evaluation.levels import KIND_MINIMUM_LEVEL
from ..reading.schema import MANIFEST_SCHEMA, load_schema
from ..text import LANGUAGES
from .comments import place_comments

if TYPE_CHECKING:
    import jinja2

LEVELS = ("low", "medium", "high")  # the levels the template has a starter for
DEFAULT_SLUG = "my-production"
TODO = re.compile(r"\bTODO\b")
TEMPLATES = Path(__file__).resolve().parent / "templates"


def render(level: str, lang: str, slug: str, today: datetime.date, command_dir: str = ".") -> str:
    """The starter manifest's text for ``level``, commented in ``lang``; ``command_dir`` is
    the folder as the comments tell to check it."""
    values = {"level": level, "slug": slug, "today": today.isoformat(), "dir": command_dir, **_choices()}
    words = _words(lang)
    placeholders = {name: text.format(**values) for name, text in words["placeholders"].items()}
    comments = {key: text.format(**values) for key, text in words["comments"].items()}
    return place_comments(_template().render(**values, **placeholders), comments)


def slug_for(directory: Path) -> str:
    """A production id from the folder's name, or a generic one."""
    name = directory.resolve().name.lower()
    slug = re.sub(r"[^a-z0-9._-]+", "-", name).strip("-._")[:60].rstrip("-._")
    return slug if re.fullmatch(r"[a-z0-9][a-z0-9._-]*", slug or "") else DEFAULT_SLUG


def count_placeholders(node: Any) -> int:
    """How many text values (a bilingual text counts once) still hold a TODO placeholder."""
    if isinstance(node, str):
        return 1 if TODO.search(node) else 0
    if (isinstance(node, dict) and node and set(node) <= set(LANGUAGES)
            and all(isinstance(v, str) for v in node.values())):
        return 1 if any(TODO.search(v) for v in node.values()) else 0
    if isinstance(node, dict):
        return sum(count_placeholders(value) for value in node.values())
    if isinstance(node, list):
        return sum(count_placeholders(item) for item in node)
    return 0


@cache
def _choices() -> dict[str, str]:
    """The allowed values the comments list, read from the manifest schema and the
    guideline's levels, so that the comments never drift from what the checker accepts."""
    defs = load_schema(MANIFEST_SCHEMA)["$defs"]

    def enum(record: str, field: str) -> str:
        node = defs[record]["properties"][field]
        return " | ".join(node.get("items", node)["enum"])

    kinds = {level: " | ".join(kind for kind, minimum in KIND_MINIMUM_LEVEL.items()
                               if minimum == level and kind != "other") for level in LEVELS}
    return {
        "type_choices": enum("Production", "type"), "distribution_choices": enum("Production", "distribution"),
        "level_choices": enum("Production", "ai_use_level"), "role_choices": enum("Person", "roles"),
        "channel_choices": enum("Disclosure", "channel"), "audience_choices": enum("Disclosure", "audience"),
        "source_choices": enum("TrainingData", "source"),
        **{f"{level}_kinds": names for level, names in kinds.items()},
    }


@cache
def _words(lang: str) -> dict[str, dict[str, str]]:
    """A language's placeholders and comments (a trusted file of the package)."""
    with open(TEMPLATES / f"{lang}.yaml", encoding="utf-8") as handle:
        return yaml.safe_load(handle)


@cache
def _template() -> jinja2.Template:
    import jinja2  # here, not at the top: every hkai command imports this module, only init renders

    environment = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), undefined=jinja2.StrictUndefined,
                                     trim_blocks=True, lstrip_blocks=True)
    return environment.get_template("manifest.yaml.j2")
