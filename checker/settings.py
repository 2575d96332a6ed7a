"""The settings of a check, resolved once: defaults, then a config file (``hkai.toml`` or
``[tool.hkai]`` in ``pyproject.toml``, found from the current folder upward), then the
environment, then the caller's flags. Every value is validated here, whatever its source;
an invalid one raises ``SettingsError`` naming where it came from.
"""

from __future__ import annotations

import datetime
import os
import re
import sys
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, Callable, Mapping

from .color import COLOR_CHOICES, color_choice
from .evaluation.parallel import usable_cpus
from .reading.discovery import DEFAULT_EXCLUDE, pattern_problem
from .reading.positions import byte_position, text_position
from .reading.regular_file import read_regular_file
from .reading.yaml_loader import DEFAULT_MAX_BYTES, DEFAULT_MAX_NODES
from .report import BILINGUAL_FORMATS, BOTH_LANGUAGES, FORMATS
from .report.model import FAIL_ON, SEVERITIES
from .report.output_file import same_file_key
from .report.safe_text import visible
from .text import DEFAULT, LANG_ENV, LANGUAGES, environment_language

CONFIG_FILE = "hkai.toml"
DRAFT_ENV = "HKAI_DRAFT"
DRAFT_ONLY_ON_COMMAND_LINE = (
    "a draft run can only be asked for on the command line (hkai check --draft), never by a config file or the "
    "environment, so that a committed setting cannot make CI lenient; remove this setting")
PYPROJECT = "pyproject.toml"
LARGEST_FILE_SIZE = 1024 ** 3  # a --max-file-size beyond 1 GiB is a mistake; the reader's buffer is that size
DEFAULT_JOBS = "default: one process per usable CPU for a batch; one manifest is checked in one process"
OUTPUT_TABLE = "output"  # the config file's table of format = file
STDOUT = None  # an output's destination when it is printed rather than written to a file


class SettingsError(Exception):
    """A setting that cannot be used; the message names its source and key."""


@dataclass(frozen=True)
class Output:
    format: str
    destination: Path | None = STDOUT


@dataclass(frozen=True)
class Settings:
    """Everything a check needs to know besides the paths it checks.

    ``sources`` says where each setting a config file may hold came from (``default``,
    the file's path, ``$HKAI_LANG`` or ``command line``), and the jobs, for ``--show-config``.
    """

    fail_on: str = "error"
    outputs: tuple[Output, ...] = (Output("rich"),)
    lang: str = DEFAULT
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    extra_rules: tuple[Path, ...] = ()
    severity: Mapping[str, str] = field(default_factory=dict)
    today: str = field(default_factory=lambda: datetime.date.today().isoformat())
    jobs: int | None = None  # processes; None: the default, DEFAULT_JOBS
    max_file_size: int = DEFAULT_MAX_BYTES
    max_nodes: int = DEFAULT_MAX_NODES
    review_waivers: tuple[Path, ...] = ()
    trusted_waivers_only: bool = False
    verify_evidence: bool = False
    baseline: Path | None = None
    create_baseline: Path | None = None
    color: str = "auto"  # auto, always or never: see checker/color.py for the order of --color and the environment
    exit_zero: bool = False  # only from the command line (--exit-zero), as --draft: a committed file never makes CI pass
    quiet: bool = False  # rich output: only the findings
    statistics: bool = False  # rich output: counts per rule instead of the findings
    show_source: bool = True  # rich output: each finding's line of the manifest under it
    draft: bool = False  # only from the command line (--draft): see DRAFT_ONLY_ON_COMMAND_LINE
    redact: bool = False  # people's names, record ids, emails, file names and x- values become pseudonyms
    redact_key: str | None = None  # pseudonyms in the order of a keyed hash, not of appearance
    redact_paths: bool = False  # folders in locations become pseudonyms too
    redaction_map: Path | None = None  # where to write pseudonym -> original (mode 0600)
    source_root: Path | None = None  # --root: report locations relative to it (else the repository's root)
    stdin_filename: Path | None = None  # the name, and folder, of a manifest read from standard input ('-')
    manifest_globs: tuple[str, ...] = ()  # --manifest-glob: more file names a folder search checks
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE  # folders a search skips (gitignore-style); replaces the defaults
    extend_exclude: tuple[str, ...] = ()  # more folders to skip, besides ``exclude``
    respect_gitignore: bool = False  # skip what .gitignore files ignore: off, so a submitter's file hides nothing
    sources: Mapping[str, str] = field(default_factory=dict, compare=False)

    def __post_init__(self) -> None:
        for setting in fields(self):
            check = _CHECKS.get(setting.name)
            problem = check(getattr(self, setting.name)) if check else None
            if problem:
                raise SettingsError(f"{_KEYS.get(setting.name, setting.name)}: {problem}")
        needing = [flag for flag, given in (("--redact-key", self.redact_key is not None),
                                            ("--redact-paths", self.redact_paths),
                                            ("--redaction-map", self.redaction_map is not None)) if given]
        if needing and not self.redact:
            raise SettingsError(f"{', '.join(needing)} only applies with --redact "
                                "(or redact = true in the config file)")
        problem = _bilingual_formats(self.lang, self.outputs)
        if problem:
            source = self.sources.get("lang")
            raise SettingsError(f"lang: {problem}" + (f" ({source})" if source else ""))

    @property
    def message_lang(self) -> str:
        """The language of what the command says besides its reports (``both``: the default)."""
        return DEFAULT if self.lang == BOTH_LANGUAGES else self.lang

    def shown(self) -> list[tuple[str, Any, str]]:
        """(key, value, source) of each setting a config file may hold, as the file names them,
        and of the jobs a batch runs in."""
        values = {"fail-on": self.fail_on, "format": [output.format for output in self.outputs],
                  "lang": self.lang, "select": list(self.select), "ignore": list(self.ignore),
                  "extra-rules": [str(path) for path in self.extra_rules], "severity": dict(self.severity),
                  "redact": self.redact, OUTPUT_TABLE: {output.format: str(output.destination)
                                                        for output in self.outputs if output.destination is not STDOUT},
                  "exclude": list(self.exclude), "extend-exclude": list(self.extend_exclude),
                  "respect-gitignore": self.respect_gitignore,
                  "show-source": self.show_source}
        return [*((key, value, self.sources.get("format" if key == OUTPUT_TABLE else key, "default"))
                  for key, value in values.items()),
                ("jobs", self.jobs or usable_cpus(), self.sources.get("jobs", DEFAULT_JOBS))]


def resolve(flags: Mapping[str, Any], config: Path | None = None, cwd: Path | None = None,
            environ: Mapping[str, str] | None = None) -> Settings:
    """Settings from the defaults, the config file (``config``, else the nearest one above
    ``cwd``), the environment and ``flags`` (keyword names of ``Settings``; ``None`` means
    not given), each later source winning."""
    environ = os.environ if environ is None else environ
    values: dict[str, Any] = {}
    sources: dict[str, str] = {}

    def take(source: str, given: Mapping[str, Any]) -> None:
        for name, value in given.items():
            if value is not None:
                values[name] = value
                if name in _SHOWN:
                    sources[_SHOWN[name]] = source

    if DRAFT_ENV in environ:
        raise SettingsError(f"${DRAFT_ENV}: {DRAFT_ONLY_ON_COMMAND_LINE}")
    if config is not None and not config.exists():
        raise SettingsError(f"{config}: no such config file")
    path = config or find_config(cwd or Path.cwd())
    if path is not None:
        take(str(path), read_config(path))
    try:
        take(f"${LANG_ENV}", {"lang": environment_language(environ)})
    except ValueError as error:
        raise SettingsError(str(error)) from None
    take("command line", flags)
    if "outputs" not in values and environ.get("GITHUB_ACTIONS") == "true":
        values["outputs"] = (Output("rich"), Output("github"))  # a readable log and annotations on the diff
    values["color"] = color_choice(values.get("color"), environ)
    return Settings(**values, sources=sources)


def find_config(start: Path) -> Path | None:
    """The nearest hkai.toml, or pyproject.toml with a [tool.hkai] table, from ``start`` up."""
    for folder in (start, *start.parents):
        if (folder / CONFIG_FILE).is_file():
            return folder / CONFIG_FILE
        pyproject = folder / PYPROJECT
        if pyproject.is_file() and "hkai" in _tool_table(pyproject, _read_toml(pyproject)):
            return pyproject
    return None


def _tool_table(path: Path, data: dict[str, Any]) -> dict[str, Any]:
    """A pyproject.toml's [tool] table (empty when there is none)."""
    tool = data.get("tool", {})
    if not isinstance(tool, dict):
        raise SettingsError(f"{path}: 'tool' must be a table, not {_kind(tool)}")
    return tool


def read_config(path: Path) -> dict[str, Any]:
    """A config file's settings as keyword names of ``Settings``, validated, paths made
    absolute (relative to the file)."""
    data = _read_toml(path)
    prefix = ""
    if path.name == PYPROJECT:
        data = _tool_table(path, data).get("hkai", {})
        prefix = "tool.hkai."
    if not isinstance(data, dict):
        raise SettingsError(f"{path}: [{prefix.rstrip('.')}] must be a table")
    names = {key: name for name, key in _KEYS.items()}
    settings: dict[str, Any] = {}
    for key, value in data.items():
        if key == OUTPUT_TABLE:
            continue  # read with the formats it gives files to, below
        if key == "draft":
            raise SettingsError(f"{path}: '{prefix}draft': {DRAFT_ONLY_ON_COMMAND_LINE}")
        if key not in names:
            raise SettingsError(f"{path}: unknown key '{prefix}{key}'; known keys: {', '.join([*names, OUTPUT_TABLE])}")
        value = _FROM_FILE.get(key, lambda v, _: v)(value, path)
        problem = _CHECKS[names[key]](value)
        if problem:
            raise SettingsError(f"{path}: {prefix}{key}: {problem}")
        settings[names[key]] = value
    if OUTPUT_TABLE in data or len(settings.get("outputs", ())) > 1:
        settings["outputs"] = _outputs_with_files(settings.get("outputs", Settings.outputs),
                                                  data.get(OUTPUT_TABLE, {}), path, prefix)
    return settings


def _outputs_with_files(outputs: tuple[Output, ...], files: Any, path: Path, prefix: str) -> tuple[Output, ...]:
    """The file's formats, each written to the file its ``[output]`` table gives (relative
    to the config file), else to standard output; at most one may be left on standard output,
    where two formats would run together."""
    table = f"[{prefix}{OUTPUT_TABLE}]"
    if not isinstance(files, dict):
        raise SettingsError(f"{path}: {table} must be a table of format = \"file\", not {_kind(files)}")
    formats = [output.format for output in outputs]
    for name, file in files.items():
        if name not in formats:
            raise SettingsError(f"{path}: {table} {name}: {name!r} is not one of this file's formats "
                                f"({', '.join(formats)}); add it to format, or remove it from {table}")
        if not isinstance(file, str) or not file:
            raise SettingsError(f"{path}: {table} {name}: must be a file name, not {_shown(file)}")
    outputs = tuple(Output(output.format, (path.parent / files[output.format]).resolve())
                    if output.format in files else output for output in outputs)
    printed = [output.format for output in outputs if output.destination is STDOUT]
    if len(printed) > 1:
        raise SettingsError(
            f"{path}: format = {formats!r} would write {len(printed)} formats ({', '.join(printed)}) to standard "
            f"output, one after the other; give all but one a file in {table}, for example "
            f"{printed[-1]} = \"hkai.{printed[-1]}\"")
    problem = _shared_output(outputs)
    if problem:
        raise SettingsError(f"{path}: {table}: {problem}")
    return outputs


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        raw = read_regular_file(path)
    except OSError as error:
        raise SettingsError(f"{path}: cannot read file: {error.strerror or error}") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = byte_position(raw, error.start)
        raise SettingsError(f"{path}:{line}:{column}: invalid UTF-8 byte 0x{raw[error.start]:02x}; "
                            "TOML files are UTF-8") from None
    import tomllib  # only a run that finds a config file, or a pyproject.toml, pays for loading it

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise SettingsError(f"{path}: invalid TOML: {error}") from None
    except RecursionError:  # tomllib reads nested arrays and inline tables recursively
        raise SettingsError(f"{path}: invalid TOML: arrays or inline tables nested too deeply") from None
    except ValueError:  # an integer past Python's limit on converting digits
        raise SettingsError(f"{path}:{_first_huge_integer(text)}: invalid TOML: an integer longer than "
                            f"{sys.get_int_max_str_digits():,} digits") from None


def _first_huge_integer(text: str) -> str:
    """Where the first run of digits too long for Python to convert starts, as line:column."""
    limit = sys.get_int_max_str_digits()
    match = re.search(rf"[0-9][0-9_]{{{limit},}}", text)
    line, column = text_position(text, match.start() if match else 0)
    return f"{line}:{column}"


def _outputs_from_file(value: Any, _: Path) -> Any:
    names = [value] if isinstance(value, str) else value
    if isinstance(names, list) and all(name in FORMATS for name in names):
        return tuple(Output(name) for name in names)
    return value  # left for the check to report


def _paths_from_file(value: Any, path: Path) -> Any:
    if isinstance(value, list) and all(isinstance(item, str) and item for item in value):
        return tuple((path.parent / item).resolve() for item in value)
    return value


# The settings a config file may hold: their keyword names here and their keys in the file.
_KEYS = {"fail_on": "fail-on", "outputs": "format", "lang": "lang", "select": "select", "ignore": "ignore",
         "extra_rules": "extra-rules", "severity": "severity", "redact": "redact", "exclude": "exclude",
         "extend_exclude": "extend-exclude", "respect_gitignore": "respect-gitignore", "show_source": "show-source"}
_SHOWN = {**_KEYS, "jobs": "jobs"}  # what --show-config says the source of
def _tuple_from_file(value: Any, _: Path) -> Any:
    """A TOML array as the tuple a setting holds (anything else is left for its check to refuse)."""
    return tuple(value) if isinstance(value, list) else value


_FROM_FILE: dict[str, Callable[[Any, Path], Any]] = {
    "format": _outputs_from_file, "extra-rules": _paths_from_file, "select": _tuple_from_file,
    "ignore": _tuple_from_file, "exclude": _tuple_from_file, "extend-exclude": _tuple_from_file,
}


def _one_of(options: tuple[str, ...]) -> Callable[[Any], str | None]:
    return lambda value: None if value in options else f"must be one of {', '.join(options)}, not {value!r}"


def _strings(value: Any) -> str | None:
    ok = isinstance(value, (list, tuple)) and all(isinstance(item, str) and item for item in value)
    return None if ok else f"must be a list of strings, not {_shown(value)}"


def _paths(value: Any) -> str | None:
    return None if isinstance(value, tuple) and all(isinstance(p, Path) for p in value) else \
        f"must be a list of strings, not {_shown(value)}"


def _outputs(value: Any) -> str | None:
    ok = isinstance(value, tuple) and value and all(isinstance(o, Output) and o.format in FORMATS for o in value)
    if not ok:
        return f"must be one of {', '.join(FORMATS)} (or a list of them), not {_shown(value)}"
    return _shared_output(value)


def _shared_output(outputs: tuple[Output, ...]) -> str | None:
    """Two formats written to one file would interleave: each needs its own."""
    seen: dict[object, Output] = {}
    for output in outputs:
        if output.destination is STDOUT:
            continue
        first = seen.setdefault(same_file_key(output.destination), output)
        if first is not output:
            return (f"--output {visible(output.destination)} is given for both {first.format} and {output.format}; "
                    f"give each format its own file")
    return None


def _bilingual_formats(lang: str, outputs: tuple[Output, ...]) -> str | None:
    """``both`` only for formats that can show two languages side by side."""
    refusing = sorted({output.format for output in outputs} - set(BILINGUAL_FORMATS))
    if lang != BOTH_LANGUAGES or not refusing:
        return None
    return (f"'{BOTH_LANGUAGES}' is only for --format {' or '.join(BILINGUAL_FORMATS)}; "
            f"{', '.join(refusing)} {'is' if len(refusing) == 1 else 'are'} in one language: choose "
            f"{' or '.join(LANGUAGES)}, or write {' and '.join(refusing)} in a separate run")


def _severities(value: Any) -> str | None:
    if not isinstance(value, Mapping) or not all(v in SEVERITIES for v in value.values()):
        return f"must be a table of rule id = {' | '.join(SEVERITIES)}, not {value!r}"
    return None


def _date(value: Any) -> str | None:
    try:
        return None if datetime.date.fromisoformat(value).isoformat() == value else "must be a date YYYY-MM-DD"
    except (TypeError, ValueError):
        return f"must be a date YYYY-MM-DD, not {value!r}"


def _positive(value: Any) -> str | None:
    return None if type(value) is int and value >= 1 else f"must be a positive whole number, not {value!r}"


def _jobs(value: Any) -> str | None:
    return None if value is None else _positive(value)


def _file_size(value: Any) -> str | None:
    if type(value) is int and 1 <= value <= LARGEST_FILE_SIZE:
        return None
    return f"must be a whole number of bytes from 1 to {LARGEST_FILE_SIZE:,} (1 GiB), not {value!r}"


def _optional_path(value: Any) -> str | None:
    return None if value is None or isinstance(value, Path) else f"must be a path, not {value!r}"


def _flag(value: Any) -> str | None:
    return None if isinstance(value, bool) else f"must be true or false, not {value!r}"


def _key(value: Any) -> str | None:
    return None if value is None or (isinstance(value, str) and value) else "must be a non-empty text"


def _kind(value: Any) -> str:
    """What a TOML value is, in the words of the TOML specification."""
    kinds = {bool: "a boolean", int: "an integer", float: "a float", str: "a string", list: "an array"}
    return next((name for kind, name in kinds.items() if isinstance(value, kind)), "a date or time")


def _shown(value: Any) -> str:
    """A value as the config file wrote it (a list, not the tuple it became)."""
    if isinstance(value, tuple):
        return repr([output.format if isinstance(output, Output) else output for output in value])
    return repr(value)


_CHECKS: dict[str, Callable[[Any], str | None]] = {
    "fail_on": _one_of(FAIL_ON), "outputs": _outputs, "lang": _one_of((*LANGUAGES, BOTH_LANGUAGES)),
    "select": _strings, "ignore": _strings, "extra_rules": _paths, "severity": _severities,
    "today": _date, "jobs": _jobs, "max_file_size": _file_size, "max_nodes": _positive,
    "review_waivers": _paths, "trusted_waivers_only": _flag, "verify_evidence": _flag,
    "baseline": _optional_path, "create_baseline": _optional_path, "color": _one_of(COLOR_CHOICES), "draft": _flag,
    "exit_zero": _flag, "quiet": _flag, "statistics": _flag, "show_source": _flag,
    "redact": _flag, "redact_key": _key, "redact_paths": _flag, "redaction_map": _optional_path,
    "source_root": _optional_path, "stdin_filename": _optional_path, "manifest_globs": _strings,
    "exclude": pattern_problem, "extend_exclude": pattern_problem, "respect_gitignore": _flag,
}
