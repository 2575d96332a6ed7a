"""Write a report or a schema to a file so that a failed run never leaves half of it behind.

A regular file (or one that does not exist yet) is written to a temporary file in the same
folder and renamed into place only once everything is written, so readers see the old file
or the whole new one. Special files (``/dev/stdout``, a pipe, a terminal) cannot be replaced
and are written directly. A symbolic link is followed: its target gets the new content and
the link stays a link.
"""

from __future__ import annotations

import os
import stat
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, TextIO

from .safe_text import visible


_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


class OutputError(Exception):
    """An output that could not be written; the message names the file."""


@contextmanager
def output_file(path: str | Path, private: bool = False) -> Iterator[TextIO]:
    """A text stream for ``path``, committed when the block ends without an exception
    (``private``: readable by its owner only, mode 0600, whatever the file's mode was)."""
    try:
        if _is_special(path):
            with open(path, "w", encoding="utf-8", newline="\n") as stream:
                yield stream
        else:
            with _replacing(os.path.realpath(path), private) as stream:
                yield stream
    except OSError as error:
        raise OutputError(f"cannot write {visible(path)}: {error.strerror or error}") from None


def _is_special(path: str | Path) -> bool:
    try:
        return not stat.S_ISREG(os.stat(path).st_mode)
    except FileNotFoundError:
        return False


@contextmanager
def _replacing(target: str, private: bool) -> Iterator[TextIO]:
    """The temporary file is named before it is made (not by ``tempfile.mkstemp``, which names
    it only once made), so that a Ctrl-C at any moment leaves no temporary file behind."""
    folder, name = os.path.split(target)
    temporary: str | None = os.path.join(folder or ".", f".{name}.{os.urandom(8).hex()}.tmp")
    try:
        try:
            descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW, 0o600)
        except FileExistsError:
            temporary = None  # another file of that name: never this run's to remove
            raise
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="\n") as stream:
            yield stream
        os.chmod(temporary, 0o600 if private else _mode_for(target))
        os.replace(temporary, target)
    except BaseException:  # an interrupt included, even one just after the file was made
        if temporary is not None:
            _remove(temporary)
        raise


def _mode_for(target: str) -> int:
    """The permissions the file has, or those a new file gets (the temporary one is owner-only)."""
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _remove(path: str) -> None:
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass


def same_file_key(path: str | Path) -> object:
    """What identifies the file ``path`` writes to: two outputs with the same key would interleave."""
    try:
        status = os.stat(path)
    except OSError:
        return os.path.realpath(path)
    return (status.st_dev, status.st_ino)
