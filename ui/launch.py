"""Entry point of ``smarketing-workshop``: headless commands without Qt, else the window.

``workshop.cli`` parses the command line and runs the headless commands; only when
no command is given does it call :func:`open_window`, and only then is Qt imported. The
common start, nothing or one workshop file, opens the window without loading the command
line's parser, its help or the build information (about 25 ms before the window shows).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

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


def plain_start(args: Sequence[str]) -> tuple[bool, str | None]:
    """Whether ``args`` just open the window (nothing, or one workshop file), and on which file.

    Anything else (a command, an option, more than one word) goes to ``workshop.cli``, which
    reads it exactly as before; so does a file named like a command, as it always has.
    """
    if not args:
        return True, None
    if len(args) == 1 and not args[0].startswith("-") and args[0] not in COMMANDS:
        return True, args[0]
    return False, None


def main(argv: Sequence[str] | None = None) -> int:
    """The console script and the bundle's entry point."""
    if os.environ.get("SMARKETING_WORKSHOP_PLATFORM_PROBE") == "1":  # ui.platform_check's child
        from ui.platform_check import probe  # noqa: PLC0415

        return probe()
    args = list(sys.argv[1:] if argv is None else argv)
    plain, file = plain_start(args)
    if plain:
        return open_window(file)
    from workshop import cli  # noqa: PLC0415 - the parser, its help and --version: only when asked

    return cli.main(args, open_window=open_window)


if __name__ == "__main__":
    sys.exit(main())
