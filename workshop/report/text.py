"""Text in any script for reportlab: bundled fonts, per-script runs, emoji and right-to-left.

reportlab never falls back to another font, so text is split into runs: DejaVu Sans for
Latin, Greek, Cyrillic, Hebrew, Arabic and symbols, Droid Sans Fallback for Chinese and
Japanese, NanumGothic for Korean, Symbola for emoji (monochrome). An emoji newer than
Symbola is printed as a visible marker naming it, e.g. "[melting face]", never a blank box.
Arabic-script letters are joined with ``arabic-reshaper`` and right-to-left runs put in
drawing order with ``python-bidi``, both imported only when a PDF is made.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from xml.sax.saxutils import escape

from workshop.resources import resource_path

SANS = "DejaVuSans"
SANS_BOLD = "DejaVuSans-Bold"
SANS_ITALIC = "DejaVuSans-Oblique"
CJK = "DroidSansFallback"
HANGUL = "NanumGothic"
EMOJI = "Symbola"
_FILES = {
    SANS: "DejaVuSans.ttf",
    SANS_BOLD: "DejaVuSans-Bold.ttf",
    SANS_ITALIC: "DejaVuSans-Oblique.ttf",
    CJK: "DroidSansFallbackFull.ttf",
    HANGUL: "NanumGothic.ttf",
    EMOJI: "Symbola.ttf",
}
FALLBACKS = (CJK, HANGUL, EMOJI)  # after the base font, in this order
_DROP = {0x200D, 0xFE0E, 0xFE0F, 0x20E3}  # joiners and emoji presentation selectors


def _is_presentation_form(code: int) -> bool:
    return 0xFB50 <= code <= 0xFDFF or 0xFE70 <= code <= 0xFEFF


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """reportlab's ToUnicode CMap, but a joined Arabic letter maps back to its plain letter(s).

    The page draws presentation forms (the joined shapes); text copied or searched in the PDF
    then reads as the letters typed, in logical order, so searching for a name finds it.
    """

    def target(code: int) -> str:
        text = chr(code)
        if _is_presentation_form(code):
            # a ligature (lam-alef) is two letters; a reader reverses each right-to-left glyph's
            # letters with the run, so they are given in drawing order
            text = unicodedata.normalize("NFKC", text)[::-1]
        return "".join(f"{unit:04X}" for unit in _utf16(text))

    lines = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        "/CIDSystemInfo",
        f"<< /Registry ({fontname})",
        f"/Ordering ({fontname})",
        "/Supplement 0",
        ">> def",
        f"/CMapName /{fontname} def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        f"<00> <{len(subset) - 1:02X}>",
        "endcodespacerange",
        f"{len(subset)} beginbfchar",
        *(f"<{index:02X}> <{target(code)}>" for index, code in enumerate(subset)),
        "endbfchar",
        "endcmap",
        "CMapName currentdict /CMap defineresource pop",
        "end",
        "end",
    ]
    return "\n".join(lines)


def _utf16(text: str) -> list[int]:
    data = text.encode("utf-16-be")
    return [int.from_bytes(data[i : i + 2], "big") for i in range(0, len(data), 2)]


@cache
def register_fonts() -> None:
    """Register the bundled DejaVu fonts with reportlab (once); the CJK font on first need."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import ttfonts

    ttfonts.makeToUnicodeCMap = _to_unicode_cmap  # joined Arabic copies out as its letters

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


def _emoji_marker(ch: str) -> str:
    code = ord(ch)
    if 0x1F3FB <= code <= 0x1F3FF or 0xE0020 <= code <= 0xE007F:
        return ""  # skin tones and tag characters modify the emoji before them
    name = unicodedata.name(ch, "").lower()
    return f" [{name or 'emoji'}] "


def clean(text: str) -> str:
    """The text as it prints: emoji Symbola lacks as visible markers, control characters as spaces."""
    text = unicodedata.normalize("NFC", text)
    kept = []
    for ch in text:
        code = ord(ch)
        if code in _DROP:
            continue
        if _is_emoji(code) and (code not in _charset(EMOJI) or 0x1F3FB <= code <= 0x1F3FF):
            kept.append(_emoji_marker(ch))  # skin tones are dropped: the emoji before them is drawn
            continue
        kept.append(" " if unicodedata.category(ch) == "Cc" else ch)
    return " ".join("".join(kept).split())


def _font_for(ch: str, base: str) -> str:
    code = ord(ch)
    if code in _charset(base) or ch.isspace():
        return base
    return next((font for font in FALLBACKS if code in _charset(font)), base)


def _is_rtl(ch: str) -> bool:
    return unicodedata.bidirectional(ch) in ("R", "AL")


_FIELD_NUMBER = re.compile(r"(?<=[\s,·(])(?=\d)")


def visual_order(text: str) -> str:
    """``text`` as it is drawn left to right: Arabic letters joined, right-to-left runs reversed.

    The Unicode bidirectional algorithm (python-bidi) in a left-to-right paragraph, as the
    documents are: "پویا رضایی, Facilitator" and "پویا رضایی, 2027-09-30" keep the name first
    and the date as written; a name wholly in a right-to-left script reads right to left.
    Arabic-script letters (Persian and Urdu ones too) in their joined presentation forms
    (arabic-reshaper).
    """
    if not any(_is_rtl(c) for c in text):
        return text
    import arabic_reshaper
    from bidi import get_display

    # A number after a name in Arabic script would read as part of it ("30-09-2027 ,پویا"):
    # a left-to-right mark before each number that starts a field keeps the fields in order.
    marked = _FIELD_NUMBER.sub("\u200e", text)
    return str(get_display(arabic_reshaper.reshape(marked), base_dir="L")).replace("\u200e", "")


def markup(text: str, base: str = SANS) -> str:
    """Paragraph markup for ``text``: escaped, emoji-free, RTL-ordered, with CJK font runs."""
    text = visual_order(clean(text))
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


def missing_glyphs(text: str, base: str = SANS) -> list[str]:
    """The characters of ``text`` as printed that no bundled font can draw (should be none)."""
    return [
        ch
        for font, run in plain_runs(text, base)
        for ch in run
        if not ch.isspace() and ord(ch) not in _charset(font)
    ]


def plain_runs(text: str, base: str = SANS) -> list[tuple[str, str]]:
    """``(font, text)`` runs for drawing straight on a canvas (stamps, headers)."""
    text = visual_order(clean(text))
    runs: list[tuple[str, str]] = []
    for ch in text:
        font = _font_for(ch, base)
        if runs and runs[-1][0] == font:
            runs[-1] = (font, runs[-1][1] + ch)
        else:
            runs.append((font, ch))
    return runs
