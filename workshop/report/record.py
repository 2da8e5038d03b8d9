"""The signed record kept in the workshop file, read without laying out any page (no reportlab)."""

from __future__ import annotations

import base64
import binascii

from workshop.model import SlaRecord, WorkshopContent
from workshop.sla import agreement as sla


def current_record(content: WorkshopContent) -> SlaRecord | None:
    """The stored signed PDF of the SLA as it stands, if there is one."""
    sha = sla.fingerprint(content)
    return next((r for r in reversed(content.sla_records) if r.sla_sha256 == sha and r.pdf), None)


def record_signers(record: SlaRecord) -> int:
    """How many signatories have signed the record so far."""
    return len([name for name in record.signers.split("; ") if name.strip()])


def record_bytes(record: SlaRecord) -> bytes:
    try:
        return base64.b64decode(record.pdf, validate=True)
    except (binascii.Error, ValueError):
        return b""
