"""Find the manifests named on the command line."""

from __future__ import annotations

import os
from pathlib import Path

MANIFEST_NAMES = ("manifest.yaml", "manifest.yml")


def discover(arguments: list[str]) -> tuple[list[Path], list[tuple[str, str]]]:
    """Manifest files to check, in a stable order, and (path, problem) for bad arguments.

    A file argument is checked whatever its name; a directory is searched recursively
    for ``manifest.yaml`` / ``manifest.yml``, skipping hidden folders and never following
    symbolic links to folders (so a link loop cannot trap the walk).
    """
    found: list[Path] = []
    problems: list[tuple[str, str]] = []
    for argument in arguments:
        path = Path(argument)
        if path.is_dir():
            manifests = _walk(path)
            if not manifests:
                problems.append((argument, "no manifest.yaml or manifest.yml found in this folder"))
            found.extend(manifests)
        elif path.exists() or path.is_symlink():
            found.append(path)
        else:
            problems.append((argument, "no such file or folder"))
    unique = list(dict.fromkeys(found))
    return unique, problems


def _walk(root: Path) -> list[Path]:
    manifests = []
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = sorted(name for name in subfolders if not name.startswith("."))
        manifests.extend(Path(folder, name) for name in sorted(files) if name in MANIFEST_NAMES)
    return manifests
