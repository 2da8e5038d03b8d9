"""The look shared by every report: styles, page frame, header, footer and the DRAFT mark."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Table, TableStyle

from workshop.report.paper import page_size
from workshop.report.text import (
    CELL_LIMIT,
    SANS,
    SANS_BOLD,
    SANS_ITALIC,
    markup,
    plain_runs,
    register_fonts,
    shorten,
)

INK = colors.HexColor("#1e293b")
MUTED = colors.HexColor("#64748b")
RULE = colors.HexColor("#cbd5e1")
WARN = colors.HexColor("#b45309")
SHADE = colors.HexColor("#f1f5f9")
MARGIN = 20 * mm


@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    subtitle: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    cell: ParagraphStyle
    head_cell: ParagraphStyle
    warn: ParagraphStyle
    mono: ParagraphStyle


def styles() -> Styles:
    register_fonts()
    body = ParagraphStyle(
        "body", fontName=SANS, bulletFontName=SANS, fontSize=10, leading=14, textColor=INK, alignment=TA_LEFT
    )
    return Styles(
        title=ParagraphStyle("title", parent=body, fontName=SANS_BOLD, fontSize=26, leading=32),
        subtitle=ParagraphStyle("subtitle", parent=body, fontSize=13, leading=18, textColor=MUTED),
        h1=ParagraphStyle(
            "h1", parent=body, fontName=SANS_BOLD, fontSize=16, leading=20, spaceBefore=4, spaceAfter=10
        ),
        h2=ParagraphStyle(
            "h2", parent=body, fontName=SANS_BOLD, fontSize=11, leading=15, spaceBefore=8, spaceAfter=3
        ),
        body=ParagraphStyle("body2", parent=body, spaceAfter=6),
        small=ParagraphStyle("small", parent=body, fontSize=8.5, leading=11, textColor=MUTED),
        cell=ParagraphStyle("cell", parent=body, fontSize=9, leading=12),
        head_cell=ParagraphStyle(
            "head", parent=body, fontName=SANS_BOLD, fontSize=9, leading=12, textColor=colors.white
        ),
        warn=ParagraphStyle(
            "warn", parent=body, fontName=SANS_ITALIC, fontSize=9, leading=12, textColor=WARN
        ),
        mono=ParagraphStyle("mono", parent=body, fontSize=8.5, leading=11),
    )


def para(text: str, style: ParagraphStyle, *, bold: bool = False) -> Paragraph:
    """A paragraph of user text in any script (escaped; CJK runs in their font)."""
    body = markup(text, SANS_BOLD if bold else SANS)
    return Paragraph(f"<b>{body}</b>" if bold else body, style)


def table(
    header: Sequence[str] | None, rows: Sequence[Sequence[Any]], widths: Sequence[float], st: Styles
) -> Table:
    """A striped table with a coloured header row; cells may be text or flowables."""

    def cell(value: Any, style: ParagraphStyle) -> Any:
        if isinstance(value, Flowable) or (
            isinstance(value, list) and all(isinstance(v, Flowable) for v in value)
        ):
            return value  # a flowable, or a list of them stacked in the cell
        return para(shorten(str(value), CELL_LIMIT), style)

    first = 0 if header is None else 1
    data = [] if header is None else [[cell(h, st.head_cell) for h in header]]
    data += [[cell(v, st.cell) for v in row] for row in rows]
    result = Table(data, colWidths=list(widths), repeatRows=first, hAlign="LEFT")
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), SANS),  # the table's own default is the unembedded Helvetica
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, first), (-1, -1), 0.4, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]
    if header is not None:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), INK))
    commands += [("BACKGROUND", (0, r), (-1, r), SHADE) for r in range(first + 1, len(data), 2)]
    result.setStyle(TableStyle(commands))
    return result


@dataclass(frozen=True)
class PageDecor:
    """What every page shows: a running header, page numbers and, on a draft, the DRAFT mark."""

    header: str
    footer: str
    draft: bool

    def __call__(self, canvas: Any, doc: Any) -> None:
        width, height = doc.pagesize
        left, right = MARGIN + 6, width - MARGIN - 6  # in line with the frame's padded content
        canvas.saveState()
        if doc.page > 1:
            _draw_runs(canvas, left, height - 12 * mm, self.header, 8, MUTED)
            canvas.setStrokeColor(RULE)
            canvas.setLineWidth(0.5)
            canvas.line(left, height - 14 * mm, right, height - 14 * mm)
        _draw_runs(canvas, left, 10 * mm, self.footer, 7.5, MUTED)
        canvas.page_label_at = (right, 10 * mm)  # "Page N of M" is drawn when M is known
        if self.draft:
            canvas.setFillColor(colors.Color(0.86, 0.15, 0.15, alpha=0.13))
            canvas.setFont(SANS_BOLD, 110)
            canvas.translate(width / 2, height / 2)
            canvas.rotate(45)
            canvas.drawCentredString(0, -40, "DRAFT")
            canvas.rotate(-45)
            canvas.translate(-width / 2, -height / 2)
            canvas.setFillColor(colors.HexColor("#b91c1c"))
            canvas.setFont(SANS_BOLD, 8)
            canvas.drawRightString(right, height - 12 * mm, "DRAFT: NOT SIGNED")
        canvas.restoreState()


def _draw_runs(canvas: Any, x: float, y: float, text: str, size: float, colour: Any) -> None:
    canvas.setFillColor(colour)
    for font, run in plain_runs(text):
        canvas.setFont(font, size)
        canvas.drawString(x, y, run)
        x += canvas.stringWidth(run, font, size)


def _numbered_canvas() -> type:
    """A canvas that writes "Page N of M" on every page once it knows M (the page count)."""
    from reportlab.pdfgen.canvas import Canvas

    class NumberedCanvas(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.page_label_at: tuple[float, float] | None = None
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                if self.page_label_at is not None:
                    self.saveState()
                    self.setFont(SANS, 7.5)
                    self.setFillColor(MUTED)
                    self.drawRightString(*self.page_label_at, f"Page {self._pageNumber} of {total}")
                    self.restoreState()
                super().showPage()
            super().save()

    return NumberedCanvas


def build(
    story: list[Flowable],
    paper: str,
    decor: PageDecor,
    *,
    title: str,
    subject: str,
    author: str,
    keywords: Sequence[str] = (),
    lang: str = "en",
) -> bytes:
    """Lay the story out on pages and return the PDF bytes (dated now, numbered "Page N of M")."""
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=page_size(paper),
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=title,
        subject=subject,
        author=author,
        creator="Smarketing Workshop",
        keywords=list(keywords),
        lang=lang,
        invariant=False,  # real creation and modification dates
        initialFontName=SANS,  # never the unembedded Helvetica
    )
    doc.build(story, onFirstPage=decor, onLaterPages=decor, canvasmaker=_numbered_canvas())
    return out.getvalue()


def content_width(paper: str) -> float:
    return page_size(paper)[0] - 2 * float(MARGIN)
