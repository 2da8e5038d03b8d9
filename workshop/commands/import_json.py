"""``smarketing-workshop import WORKSHOP.json OUT.smw``: rebuild a workshop file from its JSON export."""

from __future__ import annotations

import argparse
from pathlib import Path

from workshop.commands import CommandError
from workshop.report.json_import import JsonImportError, import_file

NAME = "import"
HELP = "rebuild a workshop file (.smw) from a JSON export, run log and signed records included"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("json", help="the workshop exported as JSON (export --json)")
    parser.add_argument("out", help="the workshop file to make (.smw); it must not exist yet")


def run(args: argparse.Namespace) -> int:
    source, out = Path(args.json), Path(args.out)
    try:
        imported = import_file(source, out)
    except JsonImportError as error:
        raise CommandError(str(error)) from None
    for note in imported.notes:
        print(note)
    print(f"Imported {source} into {out}")
    return 0
