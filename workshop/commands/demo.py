"""``smarketing-workshop demo PATH``: write the demo workshop to a new file."""

from __future__ import annotations

import argparse
from datetime import datetime, timedelta
from pathlib import Path

from workshop.commands import CommandError
from workshop.demo.content import demo_content
from workshop.model import SlaSignature
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
    content = demo_content()
    signatures, content.sla_signatures = content.sla_signatures, []
    try:
        files.write_content(path.absolute(), content)
    except OSError as error:
        raise CommandError(f"cannot write {path}: {error.strerror or error}") from None
    _sign_in_turn(path, signatures)
    print(f"Wrote the demo workshop to {path}")
    return 0


def _sign_in_turn(path: Path, signatures: list[SlaSignature]) -> None:
    """Each of the demo's signatories signs as on the Sign-off page: in order, each at their moment.

    The demo's story: each read the agreement three minutes and consented one minute before signing.
    """
    from workshop.document import WorkshopDocument
    from workshop.report.paper import default_paper
    from workshop.report.signed_record import sign_and_record
    from workshop.signoff.signing import LocalAuthority, parse_strokes

    document = WorkshopDocument.open(path)
    authority = LocalAuthority()
    try:
        for signature in signatures:
            moment = datetime.fromisoformat(signature.signed_at)
            sign_and_record(
                document,
                signature.role,
                name=signature.name,
                title=signature.title,
                strokes=parse_strokes(signature.strokes),
                signed_at=moment,
                reviewed_at=moment - timedelta(minutes=3),
                consented_at=moment - timedelta(minutes=1),
                authority=authority,
                paper=default_paper(),
            )
    except OSError as error:
        raise CommandError(f"cannot sign the demo SLA: {error.strerror or error}") from None
    finally:
        document.close()
