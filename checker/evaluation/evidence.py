"""Evidence files: a consent's ``document: {ref, sha256}``, looked up next to its manifest.

The checker only establishes facts here; rule INT-009 judges them. Each consent document
gets a ``status`` (``ok``, ``missing``, ``outside``, ``unreadable``) and, when the file was
read, its ``actual_sha256`` and whether it ``sha256_matches`` the recorded hash. A reference may never leave the manifest's folder: absolute
paths, ``..`` and symbolic links that lead outside are refused unread.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any


def annotate(manifest: dict[str, Any], folder: Path) -> dict[str, Any]:
    """A copy of the manifest whose consent documents carry what was found on disk."""
    consents = manifest.get("consents")
    if not consents:
        return manifest
    root = folder.resolve()
    annotated = []
    for consent in consents:
        document = consent.get("document")
        if isinstance(document, dict) and isinstance(document.get("ref"), str):
            found = _inspect(document["ref"], root)
            if "actual_sha256" in found and isinstance(document.get("sha256"), str):
                found["sha256_matches"] = found["actual_sha256"] == document["sha256"].lower()
            consent = {**consent, "document": {**document, **found}}
        annotated.append(consent)
    return {**manifest, "consents": annotated}


def _inspect(ref: str, root: Path) -> dict[str, str]:
    if _escapes(ref):
        return {"status": "outside"}
    path = root / ref
    try:
        resolved = path.resolve(strict=True)
    except (OSError, RuntimeError, ValueError):  # missing, a symlink loop, a NUL in the name
        return {"status": "missing"}
    if not resolved.is_relative_to(root):
        return {"status": "outside"}
    if not resolved.is_file():  # a folder, or a pipe that would block the run for ever
        return {"status": "unreadable"}
    import hashlib  # only a run with --verify-evidence pays for importing it

    try:
        digest = hashlib.sha256()
        with open(resolved, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    except OSError:
        return {"status": "unreadable"}
    return {"status": "ok", "actual_sha256": digest.hexdigest()}


def _escapes(ref: str) -> bool:
    """Absolute (POSIX or Windows style) or climbing out with ``..``."""
    posix, windows = PurePosixPath(ref), PureWindowsPath(ref)
    return (posix.is_absolute() or windows.is_absolute() or bool(windows.drive)
            or ".." in posix.parts or ".." in windows.parts)
