"""``smarketing-workshop demo PATH``: write the demo workshop to a new file."""

from __future__ import annotations

import argparse
from pathlib import Path

from workshop.commands import CommandError
from workshop.demo.content import demo_content
from workshop.store import files

NAME = "demo"
HELP = "write the demo workshop to a new file"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", help="where to write the demo workshop (.smw)")
    parser.add_argument("--force", action="store_true", help="replace the file if it exists")


def run(args: argparse.Namespace) -> int:
    path = Path(args.path)
    if (path.exists() or path.is_symlink()) and not args.force:
        raise CommandError(f"{path} already exists; choose another name or add --force to replace it")
    if not path.parent.is_dir():
        raise CommandError(f"there is no folder {path.parent}")
    try:
        files.write_content(path.absolute(), demo_content())
    except OSError as error:
        raise CommandError(f"cannot write {path}: {error.strerror or error}") from None
    _record_signed_sla(path)
    print(f"Wrote the demo workshop to {path}")
    return 0


def _record_signed_sla(path: Path) -> None:
    """Keep the demo's signed SLA in the file, as the Sign-off page does after the last signature."""
    from workshop.document import WorkshopDocument
    from workshop.report.paper import default_paper
    from workshop.report.signed_record import record_signed_pdf
    from workshop.signoff.signing import LocalAuthority

    document = WorkshopDocument.open(path)
    try:
        record_signed_pdf(document, LocalAuthority(), default_paper())
    except OSError as error:
        raise CommandError(f"cannot sign the demo SLA: {error.strerror or error}") from None
    finally:
        document.close()
