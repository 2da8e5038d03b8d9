"""The ``smarketing-workshop`` command: opens the app, or runs a headless command.

Headless commands never import Qt, so they work on a machine with no display.
Exit status: 0 on success, 1 when the work could not be done (with a one-line
message on stderr), 2 for a wrong command line.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from workshop import APP_NAME, __version__
from workshop.demo import demo_content
from workshop.document import WorkshopDocument
from workshop.export import workshop_json
from workshop.store import files
from workshop.store.errors import WorkshopFileError

PROG = "smarketing-workshop"


class CommandError(Exception):
    """The command could not do its work; the message is for the user."""


def _command_demo(args: argparse.Namespace) -> None:
    path = Path(args.path)
    if path.exists() and not args.force:
        raise CommandError(f"{path} already exists; choose another name or add --force to replace it")
    if not path.parent.is_dir():
        raise CommandError(f"there is no folder {path.parent}")
    try:
        files.write_new(path.absolute(), demo_content().tables())
    except OSError as error:
        raise CommandError(f"cannot write {path}: {error.strerror or error}") from None
    print(f"Wrote the demo workshop to {path}")


def _command_export(args: argparse.Namespace) -> None:
    document = WorkshopDocument.open(args.file, read_only=True)
    try:
        data = workshop_json(document.content())
    finally:
        document.close()
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if args.json == "-":
        sys.stdout.write(text)
        return
    try:
        Path(args.json).write_text(text, encoding="utf-8")
    except OSError as error:
        raise CommandError(f"cannot write {args.json}: {error.strerror or error}") from None
    print(f"Exported {args.file} to {args.json}")


COMMANDS: dict[str, tuple[str, Callable[[argparse.Namespace], None]]] = {
    "demo": ("write the demo workshop to a new file", _command_demo),
    "export": ("export a workshop file (JSON)", _command_export),
}


def _app_parser() -> argparse.ArgumentParser:
    commands = "\n".join(f"  {name:<10}{text}" for name, (text, _) in COMMANDS.items())
    parser = argparse.ArgumentParser(
        prog=PROG,
        description=f"{APP_NAME}: lead a sales and marketing alignment workshop.",
        epilog=f"commands (see '{PROG} COMMAND --help'):\n{commands}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "file", nargs="?", help="workshop file (.smw) to open; default: the last one, or the demo"
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    return parser


def _command_parser(name: str) -> argparse.ArgumentParser:
    text = COMMANDS[name][0]
    parser = argparse.ArgumentParser(prog=f"{PROG} {name}", description=text[0].upper() + text[1:] + ".")
    if name == "demo":
        parser.add_argument("path", help="where to write the demo workshop (.smw)")
        parser.add_argument("--force", action="store_true", help="replace the file if it exists")
    elif name == "export":
        parser.add_argument("file", help="the workshop file (.smw)")
        parser.add_argument(
            "--json", required=True, metavar="OUT", help="write the workshop as JSON to OUT ('-' for stdout)"
        )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list and args_list[0] in COMMANDS:
        name = args_list[0]
        args = _command_parser(name).parse_args(args_list[1:])
        try:
            COMMANDS[name][1](args)
        except (CommandError, WorkshopFileError) as error:
            print(f"{PROG} {name}: error: {error}", file=sys.stderr)
            return 1
        return 0
    app_args = _app_parser().parse_args(args_list)
    from ui.app import run  # noqa: PLC0415 - only the GUI path needs Qt

    return run(app_args.file)


if __name__ == "__main__":
    sys.exit(main())
