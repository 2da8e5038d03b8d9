"""``smarketing-workshop export FILE --json OUT``: the whole workshop as JSON."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from workshop.commands import CommandError
from workshop.document import WorkshopDocument
from workshop.export import workshop_json
from workshop.run_report import turns_csv

NAME = "export"
HELP = "export a workshop file (JSON)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="the workshop file (.smw)")
    parser.add_argument("--json", metavar="OUT", help="write the workshop as JSON to OUT ('-' for stdout)")
    parser.add_argument(
        "--turns-csv", metavar="OUT", help="write every speaking turn of the run as CSV to OUT"
    )


def _write(target: str, text: str, what: str, source: str, encoding: str = "utf-8") -> None:
    if target == "-":
        sys.stdout.write(text)
        return
    try:
        Path(target).write_text(text, encoding=encoding, newline="")
    except OSError as error:
        raise CommandError(f"cannot write {target}: {error.strerror or error}") from None
    print(f"Exported {what} of {source} to {target}")


def run(args: argparse.Namespace) -> int:
    if not (args.json or args.turns_csv):
        raise CommandError("say what to export: --json OUT and/or --turns-csv OUT")
    document = WorkshopDocument.open(args.file, read_only=True)
    try:
        content, log = document.content(), document.run_log
    finally:
        document.close()
    if args.json:
        text = json.dumps(workshop_json(content, log), ensure_ascii=False, indent=2) + "\n"
        _write(args.json, text, "the workshop", args.file)
    if args.turns_csv:
        _write(args.turns_csv, turns_csv(content, log), "the speaking turns", args.file, "utf-8-sig")
    return 0
