"""The ``smarketing-workshop`` command line: runs a headless command, or hands over to the window.

Headless commands live in ``workshop/commands/``, one module each, and never
import Qt, so they work on a machine with no display. They are listed in
``workshop.commands.COMMANDS`` and only the one asked for is imported, so opening the
window costs no command's imports. The window is not this
package's to start: the entry point (``ui.launch``) passes ``open_window``. Exit status: 0 on
success, 1 when the work could not be done (with a one-line message on
stderr), 2 for a wrong command line.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import os
import sys
from collections.abc import Callable, Sequence
from types import ModuleType

from workshop import APP_NAME
from workshop.build import VersionAction
from workshop.commands import COMMANDS, CommandError
from workshop.store.errors import WorkshopFileError

PROG = "smarketing-workshop"

OpenWindow = Callable[..., int]
"""Opens the app on a workshop file (or the last one, or the demo); returns the exit status.

Called as ``open_window(file)``, or ``open_window(file, room=(host, port))`` with ``--room``.
"""


def _room_bind(text: str) -> tuple[str, int]:
    from workshop.room.access import parse_bind  # noqa: PLC0415 - only with --room

    try:
        return parse_bind(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def command_module(name: str) -> ModuleType:
    """The module of the headless command ``name`` (a key of ``COMMANDS``), imported now."""
    return importlib.import_module(f"workshop.commands.{COMMANDS[name].module}")


def _app_parser() -> argparse.ArgumentParser:
    listing = "\n".join(f"  {name:<12}{entry.help}" for name, entry in COMMANDS.items())
    parser = argparse.ArgumentParser(
        prog=PROG,
        description=f"{APP_NAME}: lead a sales and marketing alignment workshop.",
        epilog=f"commands (see '{PROG} COMMAND --help'):\n{listing}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "file", nargs="?", help="workshop file (.smw) to open; default: the last one, or the demo"
    )
    parser.add_argument(
        "--room",
        metavar="[HOST:]PORT",
        type=_room_bind,
        help="open with the room page on, serving on PORT (and HOST, default: the venue network); "
        "prints its address with the join code",
    )
    parser.add_argument("--version", action=VersionAction)
    return parser


def main(argv: Sequence[str] | None = None, open_window: OpenWindow | None = None) -> int:
    """Run the command in ``argv``; with none, open the window through ``open_window``."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list and args_list[0] in COMMANDS:
        # Loaded for a command only: opening the window loads nothing it does not need.
        from workshop.crash import report_crash  # noqa: PLC0415
        from workshop.inputs import InputError  # noqa: PLC0415

        module = command_module(args_list[0])
        parser = argparse.ArgumentParser(
            prog=f"{PROG} {module.NAME}", description=module.HELP[0].upper() + module.HELP[1:] + "."
        )
        module.add_arguments(parser)
        args = parser.parse_args(args_list[1:])
        try:
            return int(module.run(args))
        except (CommandError, WorkshopFileError, InputError) as error:
            print(f"{PROG} {module.NAME}: error: {error}", file=sys.stderr)
            return 1
        except KeyboardInterrupt:
            print(f"{PROG} {module.NAME}: stopped", file=sys.stderr)
            return 130
        except BrokenPipeError:  # "export --json - | head": the reader had enough, as with any Unix tool
            with contextlib.suppress(OSError):
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error at exit
            return 141
        except Exception as error:  # noqa: BLE001 - no traceback reaches a user: a message and a crash report
            message = report_crash(error, f"running “{module.NAME}”")
            print(f"{PROG} {module.NAME}: error: {message}", file=sys.stderr)
            return 1
    app_args = _app_parser().parse_args(args_list)
    if open_window is None:
        print(f"{PROG}: error: no command given; commands: {', '.join(COMMANDS)}", file=sys.stderr)
        return 2
    if app_args.room is not None:
        return open_window(app_args.file, room=app_args.room)
    return open_window(app_args.file)


if __name__ == "__main__":
    sys.exit(main())
