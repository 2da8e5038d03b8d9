"""Signing the SLA in a workshop: each signatory's drawn signature, then the signed PDF record.

Signatures belong to one version of the SLA (its fingerprint). When the last signatory
has signed, :func:`workshop.report.signed_record.record_signed_pdf` makes the PDF with one
digital signature per signatory and keeps it in the workshop file. An edit to the SLA changes its fingerprint:
the signatures no longer count (they are kept, shown as void), and so is the old record.
"""

from __future__ import annotations

from datetime import date, datetime

from workshop.clock import local_now
from workshop.document import WorkshopDocument
from workshop.edits import Insert
from workshop.model import SlaSignature
from workshop.signoff.signing import Stroke, has_ink, strokes_json
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
    moment = (now or local_now()).astimezone()
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
