"""The signature page (a box per signatory) and the audit page (id, fingerprint, timeline)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from reportlab.lib.colors import HexColor
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, PageBreak, Spacer, Table

from workshop.model import SlaSignature
from workshop.report.context import ReportContext, nice_date
from workshop.report.layout import MUTED, RULE, para, table
from workshop.report.stage_sections import mql_approval_events
from workshop.report.text import NAME_LIMIT, SANS, SANS_BOLD, SANS_ITALIC, plain_runs, register_fonts, shorten
from workshop.signoff.pades import TYPED, CertificateFacts, SignRequest
from workshop.signoff.signing import parse_strokes
from workshop.sla import agreement as sla

BOX_HEIGHT = 26 * mm
PAD_RATIO = 3.0  # the signature pad is three times as wide as it is high


def draw_strokes(
    canvas: Any, strokes: list[list[tuple[float, float]]], x: float, y: float, w: float, h: float
) -> None:
    """Draw pad strokes (0..1, y down) into the box at (x, y) of size w x h, keeping their shape."""
    scale = min(w, h * PAD_RATIO)
    left = x + (w - scale) / 2
    top = y + (h + scale / PAD_RATIO) / 2
    canvas.saveState()
    canvas.setStrokeColorRGB(0.06, 0.16, 0.42)
    canvas.setLineWidth(1.3)
    canvas.setLineCap(1)
    canvas.setLineJoin(1)
    for stroke in strokes:
        if len(stroke) < 2:
            continue
        path = canvas.beginPath()
        px, py = stroke[0]
        path.moveTo(left + px * scale, top - py * scale / PAD_RATIO)
        for px, py in stroke[1:]:
            path.lineTo(left + px * scale, top - py * scale / PAD_RATIO)
        canvas.drawPath(path, stroke=1, fill=0)
    canvas.restoreState()


class SignatureBox(Flowable):  # type: ignore[misc]
    """The space where one signature goes.

    On a draft it shows the drawn signature (or "awaiting signature"); on the version to be
    signed it remembers where it landed: that box becomes the signatory's signature field.
    """

    def __init__(
        self, ctx: ReportContext, role: str, signature: SlaSignature | None, width: float, height: float
    ) -> None:
        super().__init__()
        self.ctx, self.role, self.signature = ctx, role, signature
        self.width, self.height = width, height

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.6)
        if self.ctx.final:
            canvas.rect(0, 0, self.width, self.height, stroke=1, fill=0)
            canvas.setFillColor(MUTED)
            canvas.setFont(SANS_ITALIC, 8)
            canvas.drawString(6, self.height - 14, "Not signed yet")
            x, y = canvas.absolutePosition(0, 0)
            self.ctx.stamp_boxes[self.role] = (
                canvas.getPageNumber() - 1,
                (x, y, x + self.width, y + self.height),
            )
            return
        canvas.line(0, 0, self.width, 0)
        if self.signature is not None:
            draw_strokes(canvas, parse_strokes(self.signature.strokes), 0, 2, self.width, self.height - 4)
        else:
            canvas.setFillColor(MUTED)
            canvas.setFont(SANS_ITALIC, 8)
            canvas.drawString(2, 4, "awaiting signature")


def signing_time(moment: datetime) -> str:
    """A signing moment as every signed page shows it: to the second, with its UTC offset."""
    offset = moment.strftime("%z")
    zone = f"UTC{offset[:3]}:{offset[3:]}" if offset else ""
    return f"{moment.day} {moment:%b %Y, %H:%M:%S} {zone}".strip()


def _time(iso: str) -> str:
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{moment.day} {moment:%b %Y, %H:%M %Z}".strip().removesuffix(",")  # no "%-d" on Windows


def signature_page(ctx: ReportContext) -> list[Flowable]:
    """The draft's signature page; the version to be signed has its boxes on the audit page."""
    if ctx.final:
        return []
    st, content = ctx.st, ctx.content
    signed = {s.role: s for s in sla.current_signatures(content)}
    story: list[Flowable] = [PageBreak(), para("Signatures", st.h1)]
    story.append(
        para(
            "By signing, each party agrees to the clauses of this service level agreement as printed, "
            f"identified by the SHA-256 fingerprint {sla.short_fingerprint(sla.fingerprint(content))} ….",
            st.body,
        )
    )
    people = sla.signatories(content)
    if not people:
        story.append(para("No signatories are named yet.", st.warn))
    half = (ctx.width - 12 * mm) / 2
    for person in people:
        signature = signed.get(person.role)
        role = f"For {person.team_name}" if person.team_name else "Witnessed by the facilitator"
        when = _when(signature)
        details = [
            para(role, st.small),
            para(shorten(person.name, NAME_LIMIT), st.h2, bold=True),
            para(shorten(person.title, NAME_LIMIT), st.cell),
            para(when, st.small),
        ]
        block = Table(
            [[SignatureBox(ctx, person.role, signature, half, BOX_HEIGHT), details]],
            colWidths=[half + 12 * mm, half],
        )
        block.setStyle(
            [
                ("FONT", (0, 0), (-1, -1), SANS),
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LEFTPADDING", (0, 0), (0, 0), 0),
            ]
        )
        story += [Spacer(1, 8 * mm), KeepTogether([block])]
    return story


def _when(signature: SlaSignature | None) -> str:
    if signature is None:
        return "Date: ______________"
    if signature.signed_at[:10] == signature.signed_on:
        return f"Signed {_time(signature.signed_at)}"
    return f"Dated {nice_date(signature.signed_on)}, signed {_time(signature.signed_at)}"


EVIDENCE_HEIGHT = 50 * mm


def audit_page(ctx: ReportContext) -> list[Flowable]:
    """The audit page: what was signed, the timeline, and (to be signed) a box per signatory.

    Each box is that signatory's signature field: their revision fills it with the drawn
    signature, the name, the times they reviewed, consented and signed, and the certificate.
    """
    st, content = ctx.st, ctx.content
    info = content.info
    sha = sla.fingerprint(content)
    events: list[tuple[str, str]] = []
    if info.start_date:
        events.append((info.start_date, f"Workshop “{info.title}” starts"))
    if info.end_date and info.end_date != info.start_date:
        events.append((info.end_date, "Workshop ends"))
    events += mql_approval_events(ctx)
    if not ctx.final:
        for signature in sla.current_signatures(content):
            events.append((signature.signed_at, f"{signature.name} signs ({_role_word(signature.role)})"))
    for signature in sla.voided_signatures(content):
        events.append(
            (signature.signed_at, f"{signature.name} signed an earlier version (void after an edit)")
        )
    for record in content.sla_records:
        if record.sla_sha256 != sha:
            events.append((record.signed_at, f"Signed PDF of version {record.sla_sha256[:8]} recorded"))
    events.sort(key=lambda e: e[0])
    rows = [[_time(when) if "T" in when else nice_date(when), what] for when, what in events]
    story: list[Flowable] = [
        PageBreak(),
        para("Audit", st.h1),
        table(
            None,
            [
                ["Workshop id", info.uid or "not set"],
                ["SLA SHA-256", _spaced(sha)],
                ["Clauses", str(len(content.sla_clauses))],
            ],
            [34 * mm, ctx.width - 34 * mm],
            st,
        ),
        Spacer(1, 6 * mm),
    ]
    if rows:
        story.append(
            KeepTogether(
                [
                    para("Timeline", st.h2, bold=True),
                    table(["When", "What"], rows, [48 * mm, ctx.width - 48 * mm], st),
                ]
            )
        )
    story += [
        Spacer(1, 4 * mm),
        para(
            "The fingerprint is the SHA-256 of the agreement's canonical text (workshop id, company, "
            "title, clause headings and wording as printed, signatories). Each party's digital signature "
            "(PAdES) covers this whole document as it stood when they signed, including their own box "
            "below; the first signature allows only the later signatures to be added. Check them with "
            "“smarketing-workshop verify FILE.pdf” or any PDF reader that trusts the signing authority.",
            st.small,
        ),
        para(
            "Times come from the clock of the computer each signer used; no timestamp authority is "
            "reached offline. A drawn signature records the signer's intent; their identity rests on "
            "the certificate named in their box.",
            st.small,
        ),
    ]
    if ctx.final:
        story += _evidence_boxes(ctx)
    return story


def _evidence_boxes(ctx: ReportContext) -> list[Flowable]:
    """The signatories' boxes, all on one page when they do not fit below the audit facts."""
    people = sla.signatories(ctx.content)
    each = EVIDENCE_HEIGHT + 11 * mm  # the box, its label and the space above it
    story: list[Flowable] = [CondPageBreak(each * len(people) + 12 * mm), Spacer(1, 4 * mm)]
    heading = para("Signatures", ctx.st.h2, bold=True)
    for index, person in enumerate(people):
        role = f"For {person.team_name}" if person.team_name else "Witnessed by the facilitator"
        label = para(f"{role}: {shorten(person.name, NAME_LIMIT)}", ctx.st.small, bold=True)
        box = SignatureBox(ctx, person.role, None, ctx.width, EVIDENCE_HEIGHT)
        first = [heading] if index == 0 else []
        story += [Spacer(1, 4 * mm), KeepTogether([*first, label, Spacer(1, 1 * mm), box])]
    return story


def _spaced(sha: str) -> str:
    return " ".join(sha[i : i + 8] for i in range(0, len(sha), 8))


def _role_word(role: str) -> str:
    return "witness" if role == sla.WITNESS else "for " + role


def _draw_text(canvas: Any, x: float, y: float, text: str, size: float, font: str = SANS) -> None:
    for run_font, run in plain_runs(text, font):
        canvas.setFont(run_font, size)
        canvas.drawString(x, y, run)
        x += canvas.stringWidth(run, run_font, size)


def _fit(canvas: Any, text: str, width: float, size: float) -> str:
    """``text`` cut with an ellipsis so it fits ``width`` at ``size`` points."""
    while text and canvas.stringWidth(text, SANS, size) > width:
        text = text[: max(len(text) - 4, 0)].rstrip() + "…" if len(text) > 1 else ""
    return text


def evidence_lines(request: SignRequest, facts: CertificateFacts) -> list[str]:
    """The audit facts of one signature, one line each, as its box prints them."""
    lines = []
    evidence = request.evidence
    if evidence is not None:
        lines += [
            f"Reviewed the agreement: {signing_time(evidence.reviewed_at)}",
            f"Consented to sign electronically: {signing_time(evidence.consented_at)}",
        ]
    lines.append(f"Signed: {signing_time(request.signed_at)}")
    if evidence is not None:
        made = "name typed by the signer" if evidence.method == TYPED else "drawn on the signature pad"
        lines += [
            "Document SHA-256 shown before consenting:",
            f"    {evidence.document_sha256}",
            f"Signature {made}",
            f"Computer: {evidence.computer} · Smarketing Workshop {evidence.app_version}",
        ]
    how = "a certificate file the signer brought" if facts.own_file else "this computer's signing authority"
    lines += [
        f"Certificate from {how}",
        f"Issued by: {facts.issuer}",
        "Certificate SHA-256:",
        f"    {facts.sha256}",
    ]
    return lines


def draw_stamp(
    request: SignRequest, facts: CertificateFacts, width: float, height: float, path: Path
) -> None:
    """One signature's box: the drawn signature, name and title, and the signer's audit facts."""
    register_fonts()
    canvas = Canvas(str(path), pagesize=(width, height), invariant=True, initialFontName=SANS)
    canvas.setFillColor(HexColor("#ffffff"))
    canvas.setStrokeColor(HexColor("#94a3b8"))
    canvas.setLineWidth(0.8)
    canvas.rect(0.4, 0.4, width - 0.8, height - 0.8, stroke=1, fill=1)
    left = width * 0.36
    if request.strokes:
        draw_strokes(canvas, request.strokes, 6, 34, left - 12, height - 40)
    else:  # a typed signature: the name, large
        canvas.setFillColor(HexColor("#0f2a6b"))
        _draw_text(canvas, 6, height / 2, _fit(canvas, request.person.name, left - 12, 16), 16, SANS_ITALIC)
    canvas.setFillColor(HexColor("#1e293b"))
    _draw_text(canvas, 6, 22, shorten(request.person.name, 60), 9, SANS_BOLD)
    canvas.setFillColor(HexColor("#334155"))
    _draw_text(canvas, 6, 12, shorten(request.person.title, 60), 7)
    canvas.setStrokeColor(HexColor("#cbd5e1"))
    canvas.line(left, 6, left, height - 6)
    canvas.setFillColor(HexColor("#334155"))
    lines = evidence_lines(request, facts)
    size = 6.2
    step = min(9.5, (height - 10) / max(len(lines), 1))
    y = height - 6 - step
    for line in lines:
        _draw_text(canvas, left + 8, y, _fit(canvas, line, width - left - 14, size), size)
        y -= step
    canvas.showPage()
    canvas.save()


__all__ = [
    "SignatureBox",
    "audit_page",
    "draw_stamp",
    "draw_strokes",
    "evidence_lines",
    "signature_page",
    "signing_time",
]
