"""What can be wrong with a workshop file, said in the user's words."""

from __future__ import annotations

from pathlib import Path


class WorkshopFileError(Exception):
    """A workshop file cannot be used; the message says what is wrong and what to do."""

    def __init__(self, path: Path | str, problem: str, advice: str) -> None:
        self.path = Path(path)
        self.problem = problem
        self.advice = advice
        super().__init__(f"{problem} {advice}".strip())


class FileMissingError(WorkshopFileError):
    """There is no file at the path."""


class NotAWorkshopError(WorkshopFileError):
    """The file is something else: not SQLite, or SQLite made by another program."""


class DamagedFileError(WorkshopFileError):
    """The file is a workshop but is truncated or corrupt."""


class NewerFileError(WorkshopFileError):
    """The file was written by a newer version of the app."""


class FileWriteError(WorkshopFileError):
    """An edit could not be written: the file is read-only, the disk is full, ..."""


def describe_write_failure(path: Path, error: BaseException, *, saving_as: bool = False) -> FileWriteError:
    """Turn an error raised while writing into a message for the user.

    ``saving_as``: the failed write was Save As itself, so the advice is not to use it again
    on the same disk.
    """
    text = str(error).lower()
    if "full" in text or "no space" in text:
        problem = f"The disk holding “{path.name}” is full, so your latest changes are not saved."
    elif "readonly" in text or "read-only" in text or "permission" in text or "access" in text:
        problem = f"“{path.name}” cannot be written (it is read-only), so your latest changes are not saved."
    elif isinstance(error, (UnicodeError, ValueError)):
        problem = (
            f"Your latest change could not be written to “{path.name}” (it holds text that cannot be stored)."
        )
    else:
        import sqlite3  # noqa: PLC0415 - the window's start needs these errors, not SQLite

        reason = getattr(error, "strerror", None) or (
            str(error) if isinstance(error, sqlite3.Error) else type(error).__name__
        )
        problem = f"Your latest changes could not be written to “{path.name}” ({reason})."
    if saving_as:
        advice = (
            "Your changes are still in this window: choose a place on another disk (or a USB stick), "
            "or free some space and try again."
        )
    else:
        advice = "They are still in this window: use File ▸ Save As to keep them in another file."
    return FileWriteError(path, problem, advice)
