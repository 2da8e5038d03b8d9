"""``smarketing-workshop export FILE [--json OUT] [--sla OUT.pdf] [--goals OUT.pdf]``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from workshop.commands import CommandError
from workshop.document import WorkshopDocument
from workshop.export import workshop_json

NAME = "export"
HELP = "export a workshop file (JSON, SLA PDF, goals PDF)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="the workshop file (.smw)")
    parser.add_argument("--json", metavar="OUT", help="write the workshop as JSON to OUT ('-' for stdout)")
    parser.add_argument(
        "--sla", metavar="OUT.pdf", help="write the SLA: the signed record when signed, else a DRAFT"
    )
    parser.add_argument("--goals", metavar="OUT.pdf", help="write the goals PDF")
    parser.add_argument(
        "--ca",
        metavar="CA.pem",
        help="write the certificate of this installation's signing authority (to trust the signatures)",
    )
    parser.add_argument(
        "--paper", choices=("a4", "letter"), help="paper size of a PDF made now (default: from the locale)"
    )


def run(args: argparse.Namespace) -> int:
    if not (args.json or args.sla or args.goals or args.ca):
        raise CommandError("say what to export: --json OUT, --sla OUT.pdf, --goals OUT.pdf or --ca CA.pem")
    document = WorkshopDocument.open(args.file, read_only=True)
    try:
        content = document.content()
    finally:
        document.close()
    if args.json:
        text = json.dumps(workshop_json(content), ensure_ascii=False, indent=2) + "\n"
        if args.json == "-":
            sys.stdout.write(text)
        else:
            _write(Path(args.json), text.encode("utf-8"))
            print(f"Exported {args.file} to {args.json}")
    if args.sla or args.goals:
        from workshop.report.exporting import export_pdfs

        for path, data, what in export_pdfs(content, args.sla, args.goals, args.paper):
            _write(path, data)
            print(f"Wrote {what} to {path}")
    if args.ca:
        from workshop.signing import LocalAuthority

        _write(Path(args.ca), LocalAuthority().certificate_pem())
        print(f"Wrote the signing authority's certificate to {args.ca}")
    return 0


def _write(path: Path, data: bytes) -> None:
    try:
        path.write_bytes(data)
    except OSError as error:
        raise CommandError(f"cannot write {path}: {error.strerror or error}") from None
