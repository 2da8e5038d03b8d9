"""``smarketing-workshop verify FILE.pdf [--trust CA.pem ...]``: check a signed SLA PDF.

Prints each signature: who, when, which authority issued the certificate and whether it
is trusted (this installation's own authority and every ``--trust`` certificate are).
Exits 0 when every signature is present, valid and trusted and nothing changed after the
last; 1 when a signature is invalid or the document was changed after signing (which
revision, and what kind of change); 3 when all are valid but an authority is not trusted;
4 when the signatures so far are valid but some signatories have not signed.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from workshop.commands import CommandError
from workshop.inputs import read_regular_file

NAME = "verify"
HELP = "check the digital signatures of a signed SLA PDF (exit 0 valid, 1 changed, 3 untrusted, 4 incomplete)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="the signed PDF")
    parser.add_argument(
        "--trust",
        metavar="CA.pem",
        action="append",
        default=[],
        help="also trust certificates issued by this certificate authority (may be given more than once)",
    )


def _own_authority() -> list[Path]:
    from workshop.signoff.signing import LocalAuthority

    own = LocalAuthority()
    return [own.certificate_path] if own.exists() else []


def run(args: argparse.Namespace) -> int:
    from workshop.signoff.verification import CHANGED, verify_pdf

    path = Path(args.file)
    data = read_regular_file(path, "PDF file")  # a pipe or a device: refused at once, never waited on
    trust = [Path(t) for t in args.trust]
    for certificate in trust:
        if not certificate.is_file():
            raise CommandError(f"there is no certificate file {certificate}")
    result = verify_pdf(data, _own_authority() + trust)
    tampered = result.code == CHANGED
    for number, check in enumerate(result.signatures, 1):
        when = check.signed_at.astimezone().isoformat(sep=" ") if check.signed_at else "time not stated"
        who = f"{check.signer}, {check.title}" if check.title else check.signer
        print(f"Signature {number}: {who}, signed {when}")
        print(f"  certificate issued by {check.issuer}", end="")
        if not tampered:
            print(" (trusted)" if check.trusted else " (NOT an authority you trust)", end="")
        print()
        if check.ok:
            print("  valid")
        for problem in check.problems:
            print(f"  FAILED: {problem}")
    for problem in result.problems:
        print(f"FAILED: {problem}")
    for name in result.unsigned:
        print(f"Not signed: {name}")
    print(f"{path.name}: {result.summary()}")
    return result.code
