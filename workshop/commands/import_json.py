"""``smarketing-workshop import WORKSHOP.json OUT.smw``: rebuild a workshop file from its JSON export."""

from __future__ import annotations

import argparse
from pathlib import Path

from workshop.commands import CommandError
from workshop.inputs import load_json, read_regular_file
from workshop.report.json_import import JsonImportError, content_from_json
from workshop.store import files
from workshop.store.errors import describe_write_failure

NAME = "import"
HELP = "rebuild a workshop file (.smw) from a JSON export, run log and signed records included"
MAX_JSON_BYTES = 1024 * 1024 * 1024


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("json", help="the workshop exported as JSON (export --json)")
    parser.add_argument("out", help="the workshop file to make (.smw); it must not exist yet")


def run(args: argparse.Namespace) -> int:
    source, out = Path(args.json), Path(args.out)
    if out.exists() or out.is_symlink():
        raise CommandError(f"“{out.name}” exists already; choose a new name (nothing was changed)")
    data = load_json(read_regular_file(source, "JSON export", limit=MAX_JSON_BYTES), f"“{source.name}”")
    try:
        imported = content_from_json(data)
    except JsonImportError as error:
        raise CommandError(f"“{source.name}” cannot be imported: {error}") from None
    try:
        files.write_content(out, imported.content)
    except (OSError, ValueError) as error:
        raise CommandError(str(describe_write_failure(out, error, saving_as=True))) from None
    for note in imported.notes:
        print(note)
    print(f"Imported {source} into {out}")
    return 0
