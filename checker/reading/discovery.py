"""Find the manifests named on the command line."""

from __future__ import annotations

import os
from pathlib import Path

MANIFEST_NAMES = ("manifest.yaml", "manifest.yml")


def discover(arguments: list[str]) -> tuple[list[Path], list[tuple[str, str]]]:
    """Manifest files to check, in a stable order, and (path, problem) for what cannot be.

    A file argument is checked whatever its name; a folder is searched recursively for
    ``manifest.yaml`` / ``manifest.yml``, skipping hidden folders. Symbolic links inside
    the folder are followed while they stay in it; one that leads out of it (to ``/``, say)
    is reported and not followed, and so is one that leads back to a folder the walk is
    already inside (a loop).
    """
    found: list[Path] = []
    problems: list[tuple[str, str]] = []
    for argument in arguments:
        path = Path(argument)
        if path.is_dir():
            before = len(found), len(problems)
            _walk(path, found, problems)
            if (len(found), len(problems)) == before:
                problems.append((argument, "no manifest.yaml or manifest.yml found in this folder"))
        elif path.exists() or path.is_symlink():
            found.append(path)
        else:
            problems.append((argument, "no such file or folder"))
    return list(dict.fromkeys(found)), problems


def _walk(top: Path, found: list[Path], problems: list[tuple[str, str]]) -> None:
    """Search ``top`` depth first, in name order, with a stack of folders to visit (not
    recursion: a tree may be any depth). Each entry is a folder and the (device, inode)
    of the folders it is inside."""
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
            if entry.name.startswith(".") or not (_is_dir(entry) or entry.name in MANIFEST_NAMES):
                continue
            if entry.is_symlink() and not _leads_into(entry.path, inside):
                problems.append((entry.path, "symbolic link leads outside the checked folder; not followed"))
            elif not _is_dir(entry):
                found.append(Path(entry.path))
            elif entry.name in MANIFEST_NAMES:
                problems.append((entry.path, "is a directory, not a manifest file"))
            else:
                subfolders.append(Path(entry.path))
        pending.extend((subfolder, ancestors | {identity}) for subfolder in reversed(subfolders))


def _leads_into(link: str, folder: str) -> bool:
    """Whether the symbolic link ``link`` ends in ``folder`` (a resolved path) or below it."""
    target = os.path.realpath(link)
    return target == folder or target.startswith(folder.rstrip(os.sep) + os.sep)


def _is_dir(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False
