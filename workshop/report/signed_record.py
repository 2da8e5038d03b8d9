"""The signed record: the signed PDF of the current SLA, kept in the workshop file."""

from __future__ import annotations

import base64
from datetime import datetime

from workshop.document import WorkshopDocument
from workshop.edits import Insert
from workshop.model import SlaRecord
from workshop.report.sla_pdf import signed_pdf
from workshop.signoff.record import SignOffError
from workshop.signoff.signing import LocalAuthority
from workshop.sla import agreement as sla


def record_signed_pdf(
    document: WorkshopDocument,
    authority: LocalAuthority,
    paper: str,
    pkcs12: dict[str, tuple[str, str | None]] | None = None,
) -> SlaRecord:
    """Make the signed PDF of the current SLA and keep it in the workshop file.

    ``pkcs12`` maps a role to the (certificate file, password) that signatory brought.
    """
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
