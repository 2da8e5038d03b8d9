"""Text in any script for reportlab: bundled fonts, per-script runs, emoji and right-to-left.

reportlab never falls back to another font, so text is split into runs: DejaVu Sans for
Latin, Greek, Cyrillic, Hebrew and symbols, Droid Sans Fallback for Chinese, Japanese and
Korean. Emoji (no bundled font has them) are dropped, or shown as a small box when
nothing else is left. Right-to-left runs are put in visual order so they read correctly.
"""

from __future__ import annotations

import unicodedata
from functools import cache
from xml.sax.saxutils import escape

from workshop.report.arabic import shape
from workshop.resources import resource_path

SANS = "DejaVuSans"
SANS_BOLD = "DejaVuSans-Bold"
SANS_ITALIC = "DejaVuSans-Oblique"
CJK = "DroidSansFallback"
_FILES = {
    SANS: "DejaVuSans.ttf",
    SANS_BOLD: "DejaVuSans-Bold.ttf",
    SANS_ITALIC: "DejaVuSans-Oblique.ttf",
    CJK: "DroidSansFallbackFull.ttf",
}
_DROP = {0x200D, 0xFE0E, 0xFE0F, 0x20E3}  # joiners and emoji presentation selectors
_MISSING_BOX = "□"


@cache
def register_fonts() -> None:
    """Register the bundled DejaVu fonts with reportlab (once); the CJK font on first need."""
    from reportlab.lib.fonts import addMapping

    for name in (SANS, SANS_BOLD, SANS_ITALIC):
        _register(name)
    addMapping(SANS, 0, 0, SANS)
    addMapping(SANS, 1, 0, SANS_BOLD)
    addMapping(SANS, 0, 1, SANS_ITALIC)
    addMapping(SANS, 1, 1, SANS_BOLD)


@cache
def _register(name: str) -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", _FILES[name]))))


@cache
def _charset(font: str) -> frozenset[int]:
    from reportlab.pdfbase import pdfmetrics

    register_fonts()
    _register(font)
    face = pdfmetrics.getFont(font).face
    return frozenset(face.charToGlyph.keys())


def _is_emoji(code: int) -> bool:
    return (
        0x1F000 <= code <= 0x1FAFF
        or (0x2600 <= code <= 0x27BF and code not in _charset(SANS))
        or 0x1F3FB <= code <= 0x1F3FF
        or 0xE0020 <= code <= 0xE007F
    )


NAME_LIMIT = 120  # Setup warns above this; a longer name is cut so it fits its box
CELL_LIMIT = 600  # a table cell cannot run onto the next page: longer text is cut


def shorten(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters with an ellipsis, so a box never outgrows its page."""
    text = text.strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def clean(text: str) -> str:
    """The text with emoji and control characters removed, spaces tidied, never empty if it was not."""
    text = unicodedata.normalize("NFC", text)
    kept = []
    for ch in text:
        code = ord(ch)
        if code in _DROP or _is_emoji(code):
            continue
        kept.append(" " if unicodedata.category(ch) == "Cc" else ch)
    result = " ".join("".join(kept).split())
    return result or (_MISSING_BOX if text.strip() else "")


def _font_for(ch: str, base: str) -> str:
    code = ord(ch)
    if code in _charset(base) or ch.isspace():
        return base
    if code in _charset(CJK):
        return CJK
    return base


def _is_rtl(ch: str) -> bool:
    return unicodedata.bidirectional(ch) in ("R", "AL")


def visual_order(text: str) -> str:
    """Put right-to-left runs (Hebrew, Arabic) in the order they are drawn left to right.

    A simplified bidi for left-to-right documents: each run of right-to-left letters (with
    the spaces and marks inside it) is reversed in place; text with no left-to-right letter
    at all also has its runs in reverse order. Enough for names and short phrases.
    """
    if not any(_is_rtl(c) for c in text):
        return text
    runs: list[tuple[bool, str]] = []
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        rtl = _is_rtl(ch) or (kind in ("WS", "NSM", "ON") and bool(runs) and runs[-1][0])
        if runs and runs[-1][0] == rtl:
            runs[-1] = (rtl, runs[-1][1] + ch)
        else:
            runs.append((rtl, ch))
    pieces = []
    for rtl, run in runs:
        if rtl:
            stripped = run.rstrip()
            trailing = run[len(stripped) :]
            pieces.append(stripped[::-1] + trailing)
        else:
            pieces.append(run)
    if not any(unicodedata.bidirectional(c) == "L" for c in text):
        pieces.reverse()  # wholly right-to-left: the runs read from the right too
    return "".join(pieces)


def markup(text: str, base: str = SANS) -> str:
    """Paragraph markup for ``text``: escaped, emoji-free, RTL-ordered, with CJK font runs."""
    text = visual_order(shape(clean(text)))
    out: list[str] = []
    run_font = base
    run: list[str] = []
    for ch in text:
        font = _font_for(ch, base)
        if font != run_font and run:
            out.append(_run(run_font, base, "".join(run)))
            run = []
        run_font = font
        run.append(ch)
    if run:
        out.append(_run(run_font, base, "".join(run)))
    return "".join(out)


def _run(font: str, base: str, text: str) -> str:
    body = escape(text)
    return body if font == base else f'<font name="{font}">{body}</font>'


def plain_runs(text: str, base: str = SANS) -> list[tuple[str, str]]:
    """``(font, text)`` runs for drawing straight on a canvas (stamps, headers)."""
    text = visual_order(shape(clean(text)))
    runs: list[tuple[str, str]] = []
    for ch in text:
        font = _font_for(ch, base)
        if runs and runs[-1][0] == font:
            runs[-1] = (font, runs[-1][1] + ch)
        else:
            runs.append((font, ch))
    return runs
