"""``smarketing-workshop verify FILE.pdf [--trust CA.pem]``: check a signed SLA PDF.

Prints each signer, the signing time and whether the document is unchanged since that
signature. Exit 0 when every signature is valid and nothing changed after the last one.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from workshop.commands import CommandError
from workshop.inputs import read_regular_file

NAME = "verify"
HELP = "check the digital signatures of a signed SLA PDF"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="the signed PDF")
    parser.add_argument(
        "--trust",
        metavar="CA.pem",
        help="also require each signer's certificate to be issued by this certificate authority",
    )


def run(args: argparse.Namespace) -> int:
    from workshop.signoff.verification import verify_pdf

    path = Path(args.file)
    data = read_regular_file(path, "PDF file")  # a pipe or a device: refused at once, never waited on
    trust = Path(args.trust) if args.trust else None
    if trust is not None and not trust.is_file():
        raise CommandError(f"there is no certificate file {trust}")
    result = verify_pdf(data, trust)
    for number, check in enumerate(result.signatures, 1):
        when = check.signed_at.strftime("%Y-%m-%d %H:%M %Z").strip() if check.signed_at else "time not stated"
        who = f"{check.signer}, {check.title}" if check.title else check.signer
        print(f"Signature {number}: {who}, signed {when}")
        if check.ok and number == len(result.signatures):
            print("  valid; the document is unchanged since this signature")
        elif check.ok:
            print("  valid; only the later signatures were added after it")
        for problem in check.problems:
            print(f"  FAILED: {problem}")
        if check.trusted is True:
            print("  certificate issued by the trusted authority")
    for problem in result.problems:
        print(f"FAILED: {problem}")
    if result.ok:
        print(
            f"{path.name}: all {len(result.signatures)} signatures valid; nothing changed after the last one."
        )
        if trust is None:
            print("(Certificates not checked against an authority; add --trust CA.pem to check them.)")
        return 0
    print(f"{path.name}: NOT verified.")
    return 1
