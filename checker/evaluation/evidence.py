"""Evidence files: a consent's ``document: {ref, sha256}``, looked up next to its manifest.

The checker only establishes facts here; rule INT-009 judges them. Each consent document
gets a ``status`` (``ok``, ``missing``, ``outside``, ``unreadable``) and, when the file was
read, its ``actual_sha256`` and whether it ``sha256_matches`` the recorded hash. A reference may never leave the manifest's folder: absolute
paths, ``..`` and symbolic links are refused unread.

The file is opened one component at a time, relative to a descriptor of the folder above
it and never following a link, then hashed from that same descriptor: checking a path first
and opening it afterwards would let someone swap a folder for a link in between. Any
symbolic link on the way is refused (``outside``), even one that would stay inside.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path, PurePath, PurePosixPath, PureWindowsPath
from typing import Any

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_DIRECTORY = getattr(os, "O_DIRECTORY", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # so that opening a FIFO cannot block the run
_BINARY = getattr(os, "O_BINARY", 0)
#: Whether each component can be opened relative to its folder without following links.
HANDLES_SUPPORTED = bool(_NOFOLLOW and _DIRECTORY and os.open in os.supports_dir_fd)


class _Refused(Exception):
    """The reference cannot be read; ``status`` says why."""

    def __init__(self, status: str) -> None:
        super().__init__(status)
        self.status = status


def annotate(manifest: dict[str, Any], folder: Path) -> dict[str, Any]:
    """A copy of the manifest whose consent documents carry what was found on disk."""
    consents = manifest.get("consents")
    if not consents:
        return manifest
    annotated = []
    for consent in consents:
        document = consent.get("document")
        if isinstance(document, dict) and isinstance(document.get("ref"), str):
            found = _inspect(document["ref"], folder)
            if "actual_sha256" in found and isinstance(document.get("sha256"), str):
                found["sha256_matches"] = found["actual_sha256"] == document["sha256"].lower()
            consent = {**consent, "document": {**document, **found}}
        annotated.append(consent)
    return {**manifest, "consents": annotated}


def statuses(annotated: dict[str, Any]) -> list[dict[str, Any]]:
    """What was found for each consent document of an annotated manifest, for the reports:
    the consent's id, the file it names, its status and whether its digest matched (None
    when no digest was recorded or the file could not be read)."""
    found = []
    for consent in annotated.get("consents") or ():
        document = consent.get("document")
        if isinstance(document, dict) and "status" in document:
            found.append({"consent": consent.get("id"), "ref": document["ref"], "status": document["status"],
                          "sha256_matches": document.get("sha256_matches")})
    return found


def _inspect(ref: str, folder: Path) -> dict[str, str]:
    if _escapes(ref):
        return {"status": "outside"}
    if "\0" in ref:
        return {"status": "missing"}
    names = list(PurePath(ref).parts)  # this platform's separators; "." and empty parts dropped
    if not names:  # the manifest's folder itself
        return {"status": "unreadable"}
    opener = _open_by_handles if HANDLES_SUPPORTED else _open_by_identity
    try:
        descriptor = opener(folder, names)
    except _Refused as refusal:
        return {"status": refusal.status}
    try:
        return {"status": "ok", "actual_sha256": _sha256(descriptor)}
    except OSError:
        return {"status": "unreadable"}


def _open_by_handles(folder: Path, names: list[str]) -> int:
    """A descriptor of the regular file ``folder/names...``, reached without following a link."""
    try:
        parent = os.open(folder, os.O_RDONLY | _DIRECTORY)
    except OSError:
        raise _Refused("missing") from None
    try:
        for name in names[:-1]:
            child = _open_component(name, parent, os.O_RDONLY | _NOFOLLOW | _DIRECTORY | _NONBLOCK)
            # ``parent`` names the open folder before the old one is closed: a Ctrl-C between the
            # two steps must not leave ``finally`` closing a closed descriptor (EBADF hid the interrupt)
            parent, previous = child, parent
            os.close(previous)
        descriptor = _open_component(names[-1], parent, os.O_RDONLY | _NOFOLLOW | _NONBLOCK | _BINARY)
    finally:
        os.close(parent)
    return _regular(descriptor)


def _open_component(name: str, parent: int, flags: int) -> int:
    try:
        return os.open(name, flags, dir_fd=parent)
    except OSError as error:
        raise _Refused(_status_of_failure(error, lambda: os.lstat(name, dir_fd=parent))) from None


def _open_by_identity(folder: Path, names: list[str]) -> int:
    """Without ``dir_fd``/``O_NOFOLLOW``: no component may be a link, and none may change
    identity (device, inode) between the check before the open and the check after it."""
    paths = [folder.joinpath(*names[:depth]) for depth in range(1, len(names) + 1)]
    before = [_identity(path) for path in paths]
    try:
        descriptor = os.open(paths[-1], os.O_RDONLY | _NONBLOCK | _BINARY)
    except OSError as error:
        raise _Refused(_status_of_failure(error, lambda: os.lstat(paths[-1]))) from None
    try:
        opened = os.fstat(descriptor)
        if [_identity(path) for path in paths] != before or (opened.st_dev, opened.st_ino) != before[-1]:
            raise _Refused("outside")
    except BaseException:
        os.close(descriptor)
        raise
    return _regular(descriptor)


def _identity(path: Path) -> tuple[int, int]:
    try:
        found = os.lstat(path)
    except (OSError, ValueError):
        raise _Refused("missing") from None
    if stat.S_ISLNK(found.st_mode):
        raise _Refused("outside")
    return found.st_dev, found.st_ino


def _status_of_failure(error: OSError, lstat) -> str:
    """Why a component would not open: a link (refused), absent, or unreadable."""
    try:
        if stat.S_ISLNK(lstat().st_mode):
            return "outside"
    except OSError:
        pass
    if error.errno in (errno.ENOENT, errno.ENOTDIR):
        return "missing"
    return "unreadable"


def _regular(descriptor: int) -> int:
    """The descriptor, if it is a regular file (not a folder, a pipe or a device)."""
    if not stat.S_ISREG(os.fstat(descriptor).st_mode):
        os.close(descriptor)
        raise _Refused("unreadable")
    return descriptor


def _sha256(descriptor: int) -> str:
    import hashlib  # only a run with --verify-evidence pays for importing it

    digest = hashlib.sha256()
    with os.fdopen(descriptor, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _escapes(ref: str) -> bool:
    """Absolute (POSIX or Windows style) or climbing out with ``..``."""
    posix, windows = PurePosixPath(ref), PureWindowsPath(ref)
    return (posix.is_absolute() or windows.is_absolute() or bool(windows.drive)
            or ".." in posix.parts or ".." in windows.parts)
