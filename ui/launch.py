"""Entry point of ``smarketing-workshop``: headless commands without Qt, else the window.

``workshop.cli`` parses the command line and runs the headless commands; only when
no command is given does it call :func:`open_window`, and only then is Qt imported.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from workshop import cli
from workshop.commands import COMMANDS


def open_window(file: str | None, room: tuple[str, int] | None = None) -> int:
    """Start the app on ``file`` (or the last workshop, or the demo) and run it until it quits.

    With ``room`` (host, port) the room page is turned on there once the workshop is open.
    """
    from ui import platform_check  # noqa: PLC0415 - only the window needs Qt

    # Qt aborts the process when it cannot load a platform plugin: look first, and say why.
    problem = platform_check.problem(commands=list(COMMANDS))
    if problem is not None:
        print(problem, file=sys.stderr)
        return 1
    from ui.app import run  # noqa: PLC0415 - only the window needs Qt

    return run(file, room)


def main(argv: Sequence[str] | None = None) -> int:
    """The console script and the bundle's entry point."""
    if os.environ.get("SMARKETING_WORKSHOP_PLATFORM_PROBE") == "1":  # ui.platform_check's child
        from ui.platform_check import probe  # noqa: PLC0415

        return probe()
    return cli.main(argv, open_window=open_window)


if __name__ == "__main__":
    sys.exit(main())
