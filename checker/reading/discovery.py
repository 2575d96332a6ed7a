"""Find the manifests named on the command line."""

from __future__ import annotations

import fnmatch
import os
from dataclasses import dataclass, field
from pathlib import Path

from pathspec import GitIgnoreSpec

MANIFEST_NAMES = ("manifest.yaml", "manifest.yml")
# Folders a search does not enter (gitignore-style patterns, matched against a folder's path
# below the searched one): hidden ones, and the tools' own trees, which hold copies of other
# people's files. A path named on the command line is always searched.
DEFAULT_EXCLUDE = (".*/", "node_modules/", ".venv/")


@dataclass
class Discovery:
    """What a search found: the manifests to check, (path, problem) for what cannot be
    checked, and the folders named on the command line that hold no manifest."""

    manifests: list[Path] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)
    no_manifest_in: list[str] = field(default_factory=list)
    skipped_folders: list[str] = field(default_factory=list)  # skipped folders that hold a manifest
    other_yaml: list[str] = field(default_factory=list)  # YAML files in a searched folder not named as a manifest


def discover(arguments: list[str], exclude: tuple[str, ...] | list[str] = DEFAULT_EXCLUDE,
             manifest_globs: tuple[str, ...] = ()) -> Discovery:
    """Manifest files to check, in a stable order, and what else the search has to say.

    A file argument is checked whatever its name; a folder is searched recursively for
    ``manifest.yaml`` / ``manifest.yml``, skipping the folders whose path below it matches
    an ``exclude`` pattern (gitignore syntax) (each one that holds a manifest is named, so none is skipped
    silently); ``manifest_globs`` widen the file names checked, and the other YAML files
    met are listed, for the same reason. Symbolic links inside
    the folder are followed while they stay in it; one that leads out of it (to ``/``, say)
    is reported and not followed, and so is one that leads back to a folder the walk is
    already inside (a loop).
    """
    result = Discovery()
    found, problems = result.manifests, result.problems
    for argument in arguments:
        path = Path(argument)
        if path.is_dir():
            before = len(found), len(problems)
            _walk(path, result, GitIgnoreSpec.from_lines(exclude), (*MANIFEST_NAMES, *manifest_globs))
            if (len(found), len(problems)) == before:
                result.no_manifest_in.append(argument)
        elif path.exists() or path.is_symlink():
            found.append(path)
        else:
            problems.append((argument, "no such file or folder"))
    result.manifests = list(dict.fromkeys(found))
    return result


def _walk(top: Path, result: Discovery, exclude: GitIgnoreSpec, names: tuple[str, ...]) -> None:
    """Search ``top`` depth first, in name order, with a stack of folders to visit (not
    recursion: a tree may be any depth). Each entry is a folder and the (device, inode)
    of the folders it is inside."""
    found, problems = result.manifests, result.problems
    inside = os.path.realpath(top)
    seen: set[tuple[int, int]] = set()
    pending: list[tuple[Path, frozenset[tuple[int, int]]]] = [(top, frozenset())]
    while pending:
        folder, ancestors = pending.pop()
        try:
            status = folder.stat()
            entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
        except OSError as error:
            problems.append((str(folder), f"cannot read folder: {error.strerror or error}"))
            continue
        identity = (status.st_dev, status.st_ino)
        if identity in ancestors:
            problems.append((str(folder), "symbolic link loop: this link leads back to a folder that contains it"))
            continue
        if identity in seen:  # reached again through another link: already searched
            continue
        seen.add(identity)
        subfolders = []
        for entry in entries:
            if not (_is_dir(entry) or _matches(entry.name, names)):
                if entry.name.endswith((".yaml", ".yml")):
                    result.other_yaml.append(entry.path)
                continue
            if _is_dir(entry) and exclude.match_file(os.path.relpath(entry.path, top) + "/"):
                if _holds_manifest(entry.path):
                    result.skipped_folders.append(entry.path)
                continue
            if entry.is_symlink() and not _leads_into(entry.path, inside):
                problems.append((entry.path, "symbolic link leads outside the checked folder; not followed"))
            elif not _is_dir(entry):
                found.append(Path(entry.path))
            elif _matches(entry.name, names):
                problems.append((entry.path, "is a directory, not a manifest file"))
            else:
                subfolders.append(Path(entry.path))
        pending.extend((subfolder, ancestors | {identity}) for subfolder in reversed(subfolders))


def _matches(name: str, patterns: tuple[str, ...]) -> bool:
    return any(fnmatch.fnmatchcase(name, pattern) for pattern in patterns)


def _holds_manifest(folder: str) -> bool:
    """Whether a manifest lies anywhere below ``folder`` (links not followed; stops at the first)."""
    for _, _, files in os.walk(folder):
        if any(name in MANIFEST_NAMES for name in files):
            return True
    return False


def _leads_into(link: str, folder: str) -> bool:
    """Whether the symbolic link ``link`` ends in ``folder`` (a resolved path) or below it."""
    target = os.path.realpath(link)
    return target == folder or target.startswith(folder.rstrip(os.sep) + os.sep)


def _is_dir(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def pattern_problem(patterns: object) -> str | None:
    """Why ``patterns`` cannot be used as exclude patterns (None: they can)."""
    if not isinstance(patterns, (list, tuple)) or not all(isinstance(item, str) and item for item in patterns):
        return f"must be a list of gitignore-style patterns, not {patterns!r}"
    try:
        GitIgnoreSpec.from_lines(patterns)
    except (ValueError, TypeError) as error:
        return f"not a gitignore-style pattern: {error}"
    return None
