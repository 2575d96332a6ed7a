"""Find the manifests named on the command line."""

from __future__ import annotations

import os
from pathlib import Path

MANIFEST_NAMES = ("manifest.yaml", "manifest.yml")


def discover(arguments: list[str]) -> tuple[list[Path], list[tuple[str, str]]]:
    """Manifest files to check, in a stable order, and (path, problem) for what cannot be.

    A file argument is checked whatever its name; a folder is searched recursively for
    ``manifest.yaml`` / ``manifest.yml``, skipping hidden folders. Links to folders are
    followed, except one that leads back to a folder the walk is already inside (a loop),
    which is reported.
    """
    found: list[Path] = []
    problems: list[tuple[str, str]] = []
    for argument in arguments:
        path = Path(argument)
        if path.is_dir():
            before = len(found), len(problems)
            _walk(path, found, problems, ancestors=set(), seen=set())
            if (len(found), len(problems)) == before:
                problems.append((argument, "no manifest.yaml or manifest.yml found in this folder"))
        elif path.exists() or path.is_symlink():
            found.append(path)
        else:
            problems.append((argument, "no such file or folder"))
    return list(dict.fromkeys(found)), problems


def _walk(folder: Path, found: list[Path], problems: list[tuple[str, str]],
          ancestors: set[tuple[int, int]], seen: set[tuple[int, int]]) -> None:
    try:
        status = folder.stat()
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError as error:
        problems.append((str(folder), f"cannot read folder: {error.strerror or error}"))
        return
    identity = (status.st_dev, status.st_ino)
    if identity in ancestors:
        problems.append((str(folder), "symbolic link loop: this link leads back to a folder that contains it"))
        return
    if identity in seen:  # reached again through another link: already searched
        return
    seen.add(identity)
    subfolders = []
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if _is_dir(entry):
            if entry.name in MANIFEST_NAMES:
                problems.append((entry.path, "is a directory, not a manifest file"))
            else:
                subfolders.append(Path(entry.path))
        elif entry.name in MANIFEST_NAMES:
            found.append(Path(entry.path))
    for subfolder in subfolders:
        _walk(subfolder, found, problems, ancestors | {identity}, seen)


def _is_dir(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False
