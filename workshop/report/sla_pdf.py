"""The SLA document: sections laid out in order, as a draft or as the version to be signed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from reportlab.platypus import Flowable

from workshop.model import SlaSignature, WorkshopContent
from workshop.report import sections, stage_sections
from workshop.report.context import ReportContext, Section
from workshop.report.layout import PageDecor, build, styles
from workshop.report.record import current_record, record_bytes, record_signers
from workshop.report.signature_page import audit_page, draw_stamp, signature_page
from workshop.signoff.pades import (
    Box,
    Evidence,
    SignatureField,
    SigningError,
    SignRequest,
    prepare,
    sign_next,
)
from workshop.signoff.signing import LocalAuthority, Person, parse_strokes
from workshop.sla import agreement as sla

Progress = Callable[[str], None]

DRAFT, SIGNED_RECORD, SIGNED_NOW, PARTLY_SIGNED = "draft", "signed record", "signed now", "partly signed"


SLA_SECTIONS: tuple[Section, ...] = (
    sections.cover,
    sections.clauses,
    stage_sections.goals,
    stage_sections.mql,
    stage_sections.funnel,
    stage_sections.airtime,
    sections.agenda,
    sections.actions,
    sections.parking_lot,
    signature_page,
    audit_page,
)
"""The SLA's sections in print order: the one place that says what the document holds."""


def _story(ctx: ReportContext) -> list[Flowable]:
    story: list[Flowable] = []
    for section in SLA_SECTIONS:
        story += section(ctx)
    return story


def render(
    content: WorkshopContent, paper: str, *, final: bool, charts: bool = True
) -> tuple[bytes, dict[str, Box]]:
    """The SLA as PDF bytes; ``final`` leaves the signature boxes for the digital stamps.

    Returns the PDF and, for the final version, where each role's signature box is.
    """
    ctx = ReportContext(content=content, paper=paper, st=styles(), final=final, charts=charts)
    info = content.info
    decor = PageDecor(
        header=f"{info.company} · Service level agreement · {info.title}".strip(" ·"),
        footer=f"SLA fingerprint {sla.short_fingerprint(sla.fingerprint(content))} …",
        draft=not final,
    )
    pdf = build(
        _story(ctx),
        paper,
        decor,
        title=f"Service level agreement: {info.company}".rstrip(": "),
        subject=f"SLA SHA-256 {sla.fingerprint(content)}",
        author=info.facilitator,
        keywords=["service level agreement", "SLA", "sales", "marketing", "MQL", info.company, info.title],
    )
    return pdf, dict(ctx.stamp_boxes)


def draft_pdf(content: WorkshopContent, paper: str) -> bytes:
    """The SLA marked DRAFT on every page, with any signatures drawn so far."""
    return render(content, paper, final=False)[0]


def unsigned_record(content: WorkshopContent, paper: str) -> bytes:
    """The SLA as it will be signed: made once, before anyone signs, an empty field per signatory."""
    pdf, boxes = render(content, paper, final=True)
    people = sla.signatories(content)
    missing = [p.name or p.role for p in people if p.role not in boxes]
    if missing:
        raise SigningError(f"the document has no place for the signature of: {', '.join(missing)}")
    return prepare(pdf, [SignatureField(p.role, p.name, boxes[p.role]) for p in people])


def sign_request(
    content: WorkshopContent,
    signature: SlaSignature,
    *,
    certificate: tuple[str, str | None] | None = None,
    evidence: Evidence | None = None,
) -> SignRequest:
    """What signing ``signature`` into the record takes: who, the strokes, the moment, the evidence."""
    return SignRequest(
        role=signature.role,
        person=Person(signature.name, signature.title, content.info.company.strip()),
        strokes=parse_strokes(signature.strokes),
        signed_at=_moment(signature.signed_at),
        pkcs12=None if certificate is None else Path(certificate[0]),
        pkcs12_passphrase=None if certificate is None else certificate[1],
        evidence=evidence,
    )


def add_signature_to(pdf: bytes, request: SignRequest, authority: LocalAuthority) -> bytes:
    """``pdf`` with one more signature, in its signatory's field, as an incremental revision."""
    return sign_next(pdf, request, authority, draw_stamp)


def signed_pdf(
    content: WorkshopContent,
    paper: str,
    authority: LocalAuthority,
    *,
    pkcs12: dict[str, tuple[str, str | None]] | None = None,
    progress: Progress | None = None,
) -> bytes:
    """The final SLA with every signatory's PAdES signature, one revision each, at their moments.

    For signatures drawn without a record (a file from before records were kept per signer).
    ``pkcs12`` maps a role to (certificate file, password) for a signer who brings one.
    """
    if not sla.fully_signed(content):
        raise ValueError("the SLA is not signed by every signatory")
    report = progress or (lambda _text: None)
    report("Laying out the agreement")
    pdf = unsigned_record(content, paper)
    for signature in sla.current_signatures(content):
        report(f"Signing for {signature.name}")
        request = sign_request(content, signature, certificate=(pkcs12 or {}).get(signature.role))
        pdf = add_signature_to(pdf, request, authority)
    return pdf


def _moment(iso: str) -> datetime:
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        return datetime.now().astimezone()
    return moment if moment.tzinfo is not None else moment.astimezone()


def pdf_for_export(
    content: WorkshopContent, paper: str, authority: LocalAuthority, progress: Progress | None = None
) -> tuple[bytes, str]:
    """What ``export --sla`` writes: the signed record, or signed now, or a draft."""
    record = current_record(content)
    if record is not None and (data := record_bytes(record)):
        return data, SIGNED_RECORD if record_signers(record) >= len(
            sla.signatories(content)
        ) else PARTLY_SIGNED
    if sla.fully_signed(content):
        return signed_pdf(content, paper, authority, progress=progress), SIGNED_NOW
    return draft_pdf(content, paper), DRAFT
