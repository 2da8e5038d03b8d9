"""When something unexpected goes wrong: a short message for the user, the details in a file.

No traceback reaches a user. The command line and the window both hand an
unexpected exception to :func:`report_crash`, which writes the traceback (with
the app's version and platform) to a crash report in the user's data folder and
returns the one-line message to show, naming that file so it can be sent on.
"""

from __future__ import annotations

import os
import platform
import sys
import traceback
from datetime import UTC, datetime
from pathlib import Path

from workshop import APP_NAME, __version__
from workshop.folders import user_data_folder


def crash_folder() -> Path:
    return user_data_folder() / "crash-reports"


def write_crash_report(error: BaseException, doing: str) -> Path | None:
    """Write the traceback of ``error`` to a new crash report; its path, or None if it cannot be written."""
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    lines = [
        f"{APP_NAME} {__version__} crash report",
        f"When: {datetime.now(UTC).isoformat(timespec='seconds')}",
        f"Doing: {doing}",
        f"Python {sys.version.split()[0]} on {platform.platform()}",
        "",
        *traceback.format_exception(error),
    ]
    try:
        folder = crash_folder()
        folder.mkdir(parents=True, exist_ok=True)
        for number in range(1000):
            path = folder / f"crash-{stamp}{f'-{number}' if number else ''}.txt"
            try:
                fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            except FileExistsError:
                continue
            with os.fdopen(fd, "w", encoding="utf-8", errors="replace") as handle:
                handle.write("".join(lines))
            return path
    except OSError:
        return None
    return None


def report_crash(error: BaseException, doing: str) -> str:
    """A crash report for ``error`` and the one line to tell the user."""
    path = write_crash_report(error, doing)
    what = f"Something unexpected went wrong while {doing} ({type(error).__name__}); nothing was changed."
    if path is None:
        return f"{what} A crash report could not be written."
    return f"{what} A crash report with the details is in {path}."
