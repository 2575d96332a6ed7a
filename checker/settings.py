"""Project settings: ``hkai.toml`` or ``[tool.hkai]`` in ``pyproject.toml``, found from the
current folder upward, merged under the command line's flags."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from .evaluation.manifest import FAIL_ON
from .report.model import SEVERITIES
from .report import FORMATS
from .text import DEFAULT, LANGUAGES

CONFIG_FILE = "hkai.toml"
PYPROJECT = "pyproject.toml"
DEFAULTS: dict[str, Any] = {
    "fail-on": "error", "format": [], "lang": DEFAULT, "select": [], "ignore": [], "extra-rules": [], "severity": {},
}


class ConfigError(Exception):
    """A config file that cannot be used; names the file and the key."""


@dataclass
class Settings:
    values: dict[str, Any] = field(default_factory=lambda: dict(DEFAULTS))
    sources: dict[str, str] = field(default_factory=lambda: dict.fromkeys(DEFAULTS, "default"))

    def set(self, key: str, value: Any, source: str) -> None:
        self.values[key] = value
        self.sources[key] = source

    def __getitem__(self, key: str) -> Any:
        return self.values[key]


def find_config(start: Path) -> Path | None:
    """The nearest hkai.toml, or pyproject.toml with a [tool.hkai] table, from ``start`` up."""
    for folder in (start, *start.parents):
        if (folder / CONFIG_FILE).is_file():
            return folder / CONFIG_FILE
        pyproject = folder / PYPROJECT
        if pyproject.is_file() and "hkai" in _read_toml(pyproject).get("tool", {}):
            return pyproject
    return None


def read_config(path: Path) -> dict[str, Any]:
    """The validated settings of a config file (extra-rules made absolute)."""
    data = _read_toml(path)
    if path.name == PYPROJECT:
        data = data.get("tool", {}).get("hkai", {})
        prefix = "tool.hkai."
    else:
        prefix = ""
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: [{prefix.rstrip('.')}] must be a table")
    settings = {}
    for key, value in data.items():
        if key not in _CHECKS:
            raise ConfigError(f"{path}: unknown key '{prefix}{key}'; known keys: {', '.join(DEFAULTS)}")
        problem = _CHECKS[key](value)
        if problem:
            raise ConfigError(f"{path}: {prefix}{key}: {problem}")
        settings[key] = value
    if "format" in settings and isinstance(settings["format"], str):
        settings["format"] = [settings["format"]]
    if "extra-rules" in settings:
        settings["extra-rules"] = [str((path.parent / p).resolve()) for p in settings["extra-rules"]]
    return settings


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with open(path, "rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: invalid TOML: {error}") from None
    except OSError as error:
        raise ConfigError(f"{path}: cannot read file: {error.strerror or error}") from None


def _one_of(options: tuple[str, ...]) -> Callable[[Any], str | None]:
    return lambda value: None if value in options else f"must be one of {', '.join(options)}, not {value!r}"


def _strings(value: Any) -> str | None:
    ok = isinstance(value, list) and all(isinstance(item, str) and item for item in value)
    return None if ok else f"must be a list of strings, not {value!r}"


def _formats(value: Any) -> str | None:
    names = [value] if isinstance(value, str) else value
    if not isinstance(names, list) or not all(name in FORMATS for name in names):
        return f"must be one of {', '.join(FORMATS)} (or a list of them), not {value!r}"
    return None


def _severities(value: Any) -> str | None:
    if not isinstance(value, dict) or not all(v in SEVERITIES for v in value.values()):
        return f"must be a table of rule id = {' | '.join(SEVERITIES)}, not {value!r}"
    return None


_CHECKS: dict[str, Callable[[Any], str | None]] = {
    "fail-on": _one_of(FAIL_ON), "format": _formats, "lang": _one_of(LANGUAGES),
    "select": _strings, "ignore": _strings, "extra-rules": _strings, "severity": _severities,
}
