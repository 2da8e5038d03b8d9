"""Signing the SLA in a workshop: each signatory's drawn signature, then the signed PDF record.

Signatures belong to one version of the SLA (its fingerprint). When the last signatory
has signed, :func:`record_signed_pdf` makes the PDF with one digital signature per
signatory and keeps it in the workshop file. An edit to the SLA changes its fingerprint:
the signatures no longer count (they are kept, shown as void), and so is the old record.
"""

from __future__ import annotations

import base64
from datetime import date, datetime

from workshop.document import WorkshopDocument
from workshop.edits import Insert
from workshop.model import SlaRecord, SlaSignature
from workshop.signoff.signing import LocalAuthority, Stroke, has_ink, strokes_json
from workshop.sla import agreement as sla


class SignOffError(Exception):
    """The signature cannot be taken; the message is for the user."""


def add_signature(
    document: WorkshopDocument,
    role: str,
    *,
    name: str,
    title: str,
    signed_on: date,
    strokes: list[Stroke],
    now: datetime | None = None,
) -> SlaSignature:
    """Record ``role``'s drawn signature on the SLA as it stands now."""
    content = document.content()
    expected = sla.next_to_sign(content)
    if expected is None:
        raise SignOffError("Everyone has already signed this version of the SLA.")
    if expected.role != role:
        raise SignOffError(f"{expected.name} signs next; signatures are taken in order.")
    if not name.strip():
        raise SignOffError("Type the signatory's name under the signature.")
    if not has_ink(strokes):
        raise SignOffError("Draw the signature on the pad first.")
    moment = (now or datetime.now()).astimezone()
    signature = SlaSignature(
        role=role,
        name=name.strip(),
        title=title.strip(),
        signed_on=signed_on.isoformat(),
        signed_at=moment.isoformat(timespec="seconds"),
        strokes=strokes_json(strokes),
        sla_sha256=sla.fingerprint(content),
    )
    document.apply(f"Signature of {signature.name}", [Insert(signature)])
    return signature


def record_signed_pdf(
    document: WorkshopDocument,
    authority: LocalAuthority,
    paper: str,
    pkcs12: dict[str, tuple[str, str | None]] | None = None,
) -> SlaRecord:
    """Make the signed PDF of the current SLA and keep it in the workshop file.

    ``pkcs12`` maps a role to the (certificate file, password) that signatory brought.
    """
    from workshop.report.sla_pdf import signed_pdf

    content = document.content()
    if not sla.fully_signed(content):
        raise SignOffError("Not every signatory has signed this version of the SLA yet.")
    data = signed_pdf(content, paper, authority, pkcs12=pkcs12)
    record = SlaRecord(
        sla_sha256=sla.fingerprint(content),
        signed_at=datetime.now().astimezone().isoformat(timespec="seconds"),
        signers="; ".join(s.name for s in sla.current_signatures(content)),
        pdf=base64.b64encode(data).decode("ascii"),
    )
    document.apply("Signed SLA recorded", [Insert(record)])
    return record
