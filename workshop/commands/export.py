"""``smarketing-workshop export FILE --json OUT``: the whole workshop as JSON."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from workshop.commands import CommandError
from workshop.document import WorkshopDocument
from workshop.export import workshop_json

NAME = "export"
HELP = "export a workshop file (JSON)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="the workshop file (.smw)")
    parser.add_argument(
        "--json", required=True, metavar="OUT", help="write the workshop as JSON to OUT ('-' for stdout)"
    )


def run(args: argparse.Namespace) -> int:
    document = WorkshopDocument.open(args.file, read_only=True)
    try:
        data = workshop_json(document.content())
    finally:
        document.close()
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if args.json == "-":
        sys.stdout.write(text)
        return 0
    try:
        Path(args.json).write_text(text, encoding="utf-8")
    except OSError as error:
        raise CommandError(f"cannot write {args.json}: {error.strerror or error}") from None
    print(f"Exported {args.file} to {args.json}")
    return 0
