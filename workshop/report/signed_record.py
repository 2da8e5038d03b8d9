"""The signed record: the PDF of the current SLA, kept in the workshop file, one signature at a time.

The PDF is made when the first signatory signs (before their signature is applied) and
each signatory's PAdES signature is added to it when they finish, at that moment, as one
incremental revision. The signature and the record's new revision are one edit, so undo
takes back both.
"""

from __future__ import annotations

import base64
import platform
from datetime import datetime

from workshop import __version__
from workshop.document import WorkshopDocument
from workshop.edits import Insert, Update
from workshop.model import SlaRecord, SlaSignature
from workshop.report.record import current_record, record_bytes, record_signers
from workshop.report.sla_pdf import add_signature_to, sign_request, signed_pdf, unsigned_record
from workshop.signoff.pades import DRAWN, Evidence
from workshop.signoff.record import SignOffError, new_signature
from workshop.signoff.signing import LocalAuthority, Stroke
from workshop.sla import agreement as sla


def computer_name() -> str:
    return platform.node() or "unnamed computer"


def sign_and_record(
    document: WorkshopDocument,
    role: str,
    *,
    name: str,
    title: str,
    strokes: list[Stroke],
    signed_at: datetime,
    reviewed_at: datetime,
    consented_at: datetime,
    authority: LocalAuthority,
    paper: str,
    certificate: tuple[str, str | None] | None = None,
    method: str = DRAWN,
) -> SlaRecord:
    """``role``'s signature, applied to the record now with ``signed_at`` as its signing time.

    ``certificate`` is the (PKCS#12 file, password) the signatory brought, if any.
    """
    content = document.content()
    signature = new_signature(
        content, role, name=name, title=title, strokes=strokes, moment=signed_at, method=method
    )
    record = current_record(content)
    already = len(sla.current_signatures(content))
    if record is not None and record_signers(record) != already:
        record = None  # a record out of step with the signatures (undone): start again
    if already and record is None:
        raise SignOffError(
            "The signed record of this version is missing; press “Apply the signatures” on Sign-off first."
        )
    pdf = record_bytes(record) if record is not None else unsigned_record(content, paper)
    evidence = Evidence(
        reviewed_at=reviewed_at.astimezone(),
        consented_at=consented_at.astimezone(),
        signed_at=signed_at.astimezone(),
        document_sha256=sla.fingerprint(content),
        computer=computer_name(),
        app_version=__version__,
        method=method,
    )
    signed = add_signature_to(
        pdf, sign_request(content, signature, certificate=certificate, evidence=evidence), authority
    )
    names = [s.name for s in sla.current_signatures(content)] + [signature.name]
    return _store(document, record, signature, signed, names, signature.signed_at)


def _store(
    document: WorkshopDocument,
    record: SlaRecord | None,
    signature: SlaSignature | None,
    pdf: bytes,
    names: list[str],
    signed_at: str,
) -> SlaRecord:
    encoded = base64.b64encode(pdf).decode("ascii")
    fields = {"signed_at": signed_at, "signers": "; ".join(names), "pdf": encoded}
    edits: list[Insert | Update] = [] if signature is None else [Insert(signature)]
    if record is None:
        record = SlaRecord(
            sla_sha256=sla.fingerprint(document.content()),
            signed_at=signed_at,
            signers=fields["signers"],
            pdf=encoded,
        )
        edits.append(Insert(record))
    else:
        edits.append(Update(SlaRecord.TABLE, record.id, tuple(fields.items())))
    text = f"Signature of {signature.name}" if signature is not None else "Signed SLA recorded"
    document.apply(text, edits)
    return current_record(document.content()) or record


def record_signed_pdf(
    document: WorkshopDocument,
    authority: LocalAuthority,
    paper: str,
    pkcs12: dict[str, tuple[str, str | None]] | None = None,
) -> SlaRecord:
    """Apply every drawn signature to a new record, each at its own moment (a file whose
    signatures were drawn before records were kept per signer).

    ``pkcs12`` maps a role to the (certificate file, password) that signatory brought.
    """
    content = document.content()
    if not sla.fully_signed(content):
        raise SignOffError("Not every signatory has signed this version of the SLA yet.")
    data = signed_pdf(content, paper, authority, pkcs12=pkcs12)
    signatures = sla.current_signatures(content)
    return _store(document, None, None, data, [s.name for s in signatures], signatures[-1].signed_at)
