"""Signing the SLA in a workshop: each signatory's drawn signature, then the signed PDF record.

Signatures belong to one version of the SLA (its fingerprint). Each signatory's digital
signature is applied to the record when they sign
(:func:`workshop.report.signed_record.sign_and_record`), kept in the workshop file. An edit
to the SLA changes its fingerprint: the signatures no longer count (they are kept, shown as
void), and so is the old record.
"""

from __future__ import annotations

from datetime import date, datetime

from workshop.clock import local_now
from workshop.document import WorkshopDocument
from workshop.edits import Insert
from workshop.model import SlaSignature, WorkshopContent
from workshop.signoff.signing import Stroke, has_ink, strokes_json
from workshop.sla import agreement as sla


class SignOffError(Exception):
    """The signature cannot be taken; the message is for the user."""


def new_signature(
    content: WorkshopContent,
    role: str,
    *,
    name: str,
    title: str,
    strokes: list[Stroke],
    moment: datetime,
    signed_on: date | None = None,
    method: str = "drawn",
) -> SlaSignature:
    """``role``'s signature on the SLA as it stands, checked: in turn, named, drawn (or typed)."""
    expected = sla.next_to_sign(content)
    if expected is None:
        raise SignOffError("Everyone has already signed this version of the SLA.")
    if expected.role != role:
        raise SignOffError(f"{expected.name} signs next; signatures are taken in order.")
    if not name.strip():
        raise SignOffError("Type the signatory's name under the signature.")
    if method != "typed" and not has_ink(strokes):
        raise SignOffError("Draw the signature on the pad first.")
    moment = moment.astimezone()
    return SlaSignature(
        role=role,
        name=name.strip(),
        title=title.strip(),
        signed_on=(signed_on or moment.date()).isoformat(),
        signed_at=moment.isoformat(timespec="seconds"),
        strokes=strokes_json(strokes),
        sla_sha256=sla.fingerprint(content),
    )


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
    """Record ``role``'s drawn signature on the SLA as it stands now (no PDF record)."""
    signature = new_signature(
        document.content(),
        role,
        name=name,
        title=title,
        strokes=strokes,
        moment=now or local_now(),
        signed_on=signed_on,
    )
    document.apply(f"Signature of {signature.name}", [Insert(signature)])
    return signature
