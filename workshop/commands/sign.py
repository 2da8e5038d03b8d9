"""``smarketing-workshop sign FILE.smw --signer NAME [--p12 FILE] [--drawn PNG | --typed]``.

A signatory who was not in the room signs afterwards, on any laptop with the app: the
signature is applied to the record kept in the workshop file, in order, at this moment, as
the Sign-off page would. The signer sees the statement they consent to (with the SLA's
fingerprint) and agrees (``--agree``, or "yes" when asked). The certificate is the
``--p12`` file the signer brought (password from ``SMARKETING_WORKSHOP_P12_PASSWORD`` or
asked for), else one issued by this laptop's signing authority.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING

from workshop.clock import local_now
from workshop.commands import CommandError

if TYPE_CHECKING:
    from workshop.model import WorkshopContent
    from workshop.sla.agreement import Signatory

NAME = "sign"
HELP = "sign the SLA of a workshop file as the next signatory (signing later, elsewhere)"
PASSWORD_VARIABLE = "SMARKETING_WORKSHOP_P12_PASSWORD"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="the workshop file (.smw)")
    parser.add_argument("--signer", required=True, metavar="NAME", help="the signatory's name, as in Setup")
    parser.add_argument("--p12", metavar="FILE", help="sign with this PKCS#12 certificate file (.p12, .pfx)")
    how = parser.add_mutually_exclusive_group(required=True)
    how.add_argument("--drawn", metavar="PNG", help="an image of the handwritten signature, dark on light")
    how.add_argument("--typed", action="store_true", help="sign with the typed name instead of a drawing")
    parser.add_argument(
        "--agree", action="store_true", help="consent to sign electronically without being asked"
    )


def _same(a: str, b: str) -> bool:
    def norm(text: str) -> str:
        return " ".join(unicodedata.normalize("NFC", text).casefold().split())

    return norm(a) == norm(b)


def _consent(statement: str, agreed: bool) -> None:
    print(statement)
    if agreed:
        return
    if not sys.stdin.isatty():
        raise CommandError("add --agree to consent to sign electronically (the statement is above)")
    if input("Type yes to agree and sign: ").strip().lower() not in ("yes", "y"):
        raise CommandError("not signed: consent was not given")


def _strokes(args: argparse.Namespace) -> list[list[tuple[float, float]]]:
    from workshop.signoff.signing import strokes_from_image

    if not args.drawn:
        return []
    try:
        return strokes_from_image(Path(args.drawn))
    except (OSError, ValueError) as error:
        raise CommandError(str(error)) from None


def _certificate(args: argparse.Namespace) -> tuple[str, str | None] | None:
    if not args.p12:
        return None
    if not Path(args.p12).is_file():
        raise CommandError(f"there is no certificate file {args.p12}")
    password = os.environ.get(PASSWORD_VARIABLE)
    if password is None and sys.stdin.isatty():
        password = getpass.getpass(f"Password of {Path(args.p12).name}: ")
    return args.p12, password or None


def _signatory(content: WorkshopContent, signer: str) -> Signatory:
    """The signatory named ``signer``, if they sign next; else what is wrong."""
    from workshop.sla import agreement as sla

    people = sla.signatories(content)
    person = next((p for p in people if _same(p.name, signer)), None)
    if person is None:
        names = ", ".join(p.name for p in people) or "none named yet"
        raise CommandError(f"{signer} is not a signatory of this SLA (signatories: {names})")
    nxt = sla.next_to_sign(content)
    if nxt is None:
        raise CommandError("everyone has already signed this version of the SLA")
    if nxt.role != person.role:
        if person.role in {s.role for s in sla.current_signatures(content)}:
            raise CommandError(f"{person.name} has already signed this version of the SLA")
        raise CommandError(f"{nxt.name} signs next; signatures are taken in order")
    return person


def run(args: argparse.Namespace) -> int:
    from workshop.document import WorkshopDocument
    from workshop.report.paper import default_paper
    from workshop.report.signed_record import sign_and_record
    from workshop.signoff.pades import DRAWN, TYPED, SigningError
    from workshop.signoff.record import SignOffError
    from workshop.signoff.signing import LocalAuthority
    from workshop.sla import agreement as sla

    reviewed = local_now()
    strokes, certificate = _strokes(args), _certificate(args)
    document = WorkshopDocument.open(args.file)
    try:
        if document.read_only:
            raise CommandError(f"cannot sign {args.file}: {document.read_only_reason or 'it is read only'}")
        content = document.content()
        person = _signatory(content, args.signer)
        _consent(
            f"{person.name} agrees to sign “{content.info.title}” electronically; the signature binds them "
            f"to the service level agreement with SHA-256 fingerprint\n{sla.fingerprint(content)}",
            args.agree,
        )
        consented = local_now()
        try:
            record = sign_and_record(
                document,
                person.role,
                name=person.name,
                title=person.title,
                strokes=strokes,
                signed_at=local_now(),
                reviewed_at=reviewed,
                consented_at=consented,
                authority=LocalAuthority(),
                paper=default_paper(),
                certificate=certificate,
                method=TYPED if args.typed else DRAWN,
            )
        except (SignOffError, SigningError) as error:
            raise CommandError(str(error)) from None
        remaining = [p.name for p in sla.signatories(document.content()) if p.name not in record.signers]
    finally:
        document.close()
    print(f"Signed by {person.name}; the signed record is kept in {args.file}.")
    print(f"Still to sign: {', '.join(remaining)}" if remaining else "Everyone has signed.")
    return 0
