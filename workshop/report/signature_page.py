"""The signature page (a box per signatory) and the audit page (id, fingerprint, timeline)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from reportlab.lib.colors import HexColor
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer, Table

from workshop.model import SlaSignature
from workshop.report.context import ReportContext, nice_date
from workshop.report.layout import MUTED, RULE, para, table
from workshop.report.stage_sections import mql_approval_events
from workshop.report.text import NAME_LIMIT, SANS, plain_runs, register_fonts, shorten
from workshop.signoff.pades import SignRequest
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
    """The space where one signature goes; remembers where it landed for the digital stamp."""

    def __init__(self, ctx: ReportContext, role: str, signature: SlaSignature | None, width: float) -> None:
        super().__init__()
        self.ctx, self.role, self.signature = ctx, role, signature
        self.width, self.height = width, BOX_HEIGHT

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.6)
        canvas.line(0, 0, self.width, 0)
        if self.ctx.final:
            x, y = canvas.absolutePosition(0, 0)
            self.ctx.stamp_boxes[self.role] = (
                canvas.getPageNumber() - 1,
                (x, y, x + self.width, y + self.height),
            )
        elif self.signature is not None:
            draw_strokes(canvas, parse_strokes(self.signature.strokes), 0, 2, self.width, self.height - 4)
        else:
            canvas.setFillColor(MUTED)
            canvas.setFont("DejaVuSans-Oblique", 8)
            canvas.drawString(2, 4, "awaiting signature")


def _time(iso: str) -> str:
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{moment.day} {moment:%b %Y, %H:%M %Z}".strip().removesuffix(",")  # no "%-d" on Windows


def signature_page(ctx: ReportContext) -> list[Flowable]:
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
        story.append(para("No signatories are named in Setup yet.", st.warn))
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
            [[SignatureBox(ctx, person.role, signature, half), details]], colWidths=[half + 12 * mm, half]
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


def audit_page(ctx: ReportContext) -> list[Flowable]:
    st, content = ctx.st, ctx.content
    info = content.info
    sha = sla.fingerprint(content)
    events: list[tuple[str, str]] = []
    if info.start_date:
        events.append((info.start_date, f"Workshop “{info.title}” starts"))
    if info.end_date and info.end_date != info.start_date:
        events.append((info.end_date, "Workshop ends"))
    events += mql_approval_events(ctx)
    for signature in sla.current_signatures(content):
        events.append((signature.signed_at, f"{signature.name} signs ({_role_word(signature.role)})"))
    for signature in sla.voided_signatures(content):
        events.append(
            (signature.signed_at, f"{signature.name} signed an earlier version (void after an edit)")
        )
    for record in content.sla_records:
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
        para("Timeline", st.h2, bold=True),
    ]
    if rows:
        story.append(table(["When", "What"], rows, [48 * mm, ctx.width - 48 * mm], st))
    story += [
        Spacer(1, 6 * mm),
        para(
            "The fingerprint is the SHA-256 of the agreement's canonical text (workshop id, company, "
            "title, clause headings and wording as printed, signatories). Each party's digital signature "
            "(PAdES) covers this whole document; check them with “smarketing-workshop verify FILE.pdf” or "
            "any PDF reader that trusts the workshop's certificate authority.",
            st.small,
        ),
    ]
    return story


def _spaced(sha: str) -> str:
    return " ".join(sha[i : i + 8] for i in range(0, len(sha), 8))


def _role_word(role: str) -> str:
    return "witness" if role == sla.WITNESS else "for " + role


def draw_stamp(request: SignRequest, width: float, height: float, path: Path) -> None:
    """The visible stamp of one digital signature: the drawn signature, the name, the time."""
    register_fonts()
    canvas = Canvas(str(path), pagesize=(width, height), invariant=True, initialFontName=SANS)
    draw_strokes(canvas, request.strokes, 0, 16, width, height - 18)
    canvas.setFillColor(HexColor("#334155"))
    x = 2.0
    for font, run in plain_runs(request.person.name):
        canvas.setFont(font, 7)
        canvas.drawString(x, 8, run)
        x += canvas.stringWidth(run, font, 7)
    canvas.setFont(SANS, 6)
    canvas.setFillColor(HexColor("#64748b"))
    canvas.drawString(2, 1.5, "Digitally signed " + request.signed_at.strftime("%Y-%m-%d %H:%M %Z").strip())
    canvas.showPage()
    canvas.save()


__all__ = ["SignatureBox", "audit_page", "draw_stamp", "draw_strokes", "signature_page"]
