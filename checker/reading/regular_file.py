"""Read only regular files, checked on the descriptor that is read.

A named pipe (FIFO) called ``manifest.yaml`` or ``house.yaml`` would block the run for
ever when opened or read, and a device could be read without end. So a file is opened
without blocking and its kind is checked with ``fstat`` on that same descriptor: checking
the path first would leave a moment to swap a pipe in between the check and the open.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
_KINDS = ((stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISSOCK, "a socket"),
          (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"))


class NotRegularFile(OSError):
    """The path names something other than a regular file; ``kind`` says what."""

    def __init__(self, kind: str):
        super().__init__(f"is {kind}, not a regular file")
        self.kind = kind


def read_regular_file(path: str | Path, limit: int | None = None, follow_links: bool = True) -> bytes:
    """The file's bytes, at most ``limit + 1`` of them when a limit is given (so that a
    caller can tell a file over the limit), or NotRegularFile / OSError (also when the path
    is a symbolic link and ``follow_links`` is false)."""
    descriptor = os.open(path, _OPEN_FLAGS if follow_links else _OPEN_FLAGS | getattr(os, "O_NOFOLLOW", 0))
    try:
        mode = os.fstat(descriptor).st_mode
        if not stat.S_ISREG(mode):
            raise NotRegularFile(next((kind for is_kind, kind in _KINDS if is_kind(mode)), "a special file"))
        # The stream never closes the descriptor: closed here alone, it is closed exactly once. A stream
        # owning it closes it when dropped, and Ctrl-C just after the stream was made would drop it:
        # closing it again here then failed (EBADF) and hid the interrupt as an unreadable file.
        with open(descriptor, "rb", closefd=False) as handle:
            return handle.read() if limit is None else handle.read(limit + 1)
    finally:
        os.close(descriptor)
