"""One writer per workshop file, across windows and processes.

The lock is an OS lock (``flock`` on macOS and Linux, ``msvcrt.locking`` on
Windows) on a small file beside the workshop (``.NAME.smw.lock``). The OS drops
it when its holder exits, even after a kill -9 or a power loss, so a stale lock
never keeps anyone out. (The filelock package does the same but takes ~50 ms to
import, a third of the app's start-up budget.)
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def lock_path(path: Path) -> Path:
    return path.with_name(f".{path.name}.lock")


class WorkshopLock:
    """Held by the one document that may write a workshop file."""

    def __init__(self, path: Path) -> None:
        self.path = lock_path(path)
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> bool:
        """Take the lock now, without waiting; False when someone else holds it."""
        if self._fd is not None:
            return True
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError:
            return False
        try:
            _lock(fd)
        except OSError:
            os.close(fd)
            return False
        self._fd = fd
        return True

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            _unlock(fd)
        finally:
            os.close(fd)
        # The file stays: unlinking it could let two processes lock two different files.


if sys.platform == "win32":
    import msvcrt

    def _lock(fd: int) -> None:
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
