"""Arabic letters joined for printing: each letter in its isolated, initial, medial or final form.

reportlab draws one glyph per character and does not shape Arabic, so the letters are
mapped to their Unicode presentation forms (which DejaVu Sans has) before drawing; the
lam-alef pairs become their ligatures. Harakat (short-vowel marks) do not break a join.
"""

from __future__ import annotations

# Base letter -> first presentation form (isolated); the next ones are final, initial, medial.
_DUAL = frozenset(
    [
        *(0x0626, 0x0628, 0x062A, 0x062B, 0x062C, 0x062D, 0x062E, 0x0633, 0x0634, 0x0635, 0x0636),
        *(0x0637, 0x0638, 0x0639, 0x063A, 0x0641, 0x0642, 0x0643, 0x0644, 0x0645, 0x0646, 0x0647, 0x064A),
    ]
)  # letters that join on both sides; the others in _ISOLATED join only to the letter before
_ISOLATED = {
    0x0622: 0xFE81, 0x0623: 0xFE83, 0x0624: 0xFE85, 0x0625: 0xFE87, 0x0626: 0xFE89, 0x0627: 0xFE8D,
    0x0628: 0xFE8F, 0x0629: 0xFE93, 0x062A: 0xFE95, 0x062B: 0xFE99, 0x062C: 0xFE9D, 0x062D: 0xFEA1,
    0x062E: 0xFEA5, 0x062F: 0xFEA9, 0x0630: 0xFEAB, 0x0631: 0xFEAD, 0x0632: 0xFEAF, 0x0633: 0xFEB1,
    0x0634: 0xFEB5, 0x0635: 0xFEB9, 0x0636: 0xFEBD, 0x0637: 0xFEC1, 0x0638: 0xFEC5, 0x0639: 0xFEC9,
    0x063A: 0xFECD, 0x0641: 0xFED1, 0x0642: 0xFED5, 0x0643: 0xFED9, 0x0644: 0xFEDD, 0x0645: 0xFEE1,
    0x0646: 0xFEE5, 0x0647: 0xFEE9, 0x0648: 0xFEED, 0x0649: 0xFEEF, 0x064A: 0xFEF1,
}  # fmt: skip
_LAM_ALEF = {0x0622: 0xFEF5, 0x0623: 0xFEF7, 0x0625: 0xFEF9, 0x0627: 0xFEFB}  # isolated; +1 = final
_LAM = 0x0644


def _transparent(code: int) -> bool:
    return 0x064B <= code <= 0x065F or code == 0x0670


def _neighbour(codes: list[int], index: int, step: int) -> int | None:
    index += step
    while 0 <= index < len(codes) and _transparent(codes[index]):
        index += step
    return codes[index] if 0 <= index < len(codes) else None


def shape(text: str) -> str:
    """``text`` with Arabic letters in their joined presentation forms (logical order kept)."""
    codes = [ord(c) for c in text]
    if not any(0x0621 <= c <= 0x064A for c in codes):
        return text
    out: list[str] = []
    skip = False
    for i, code in enumerate(codes):
        if skip:
            skip = False
            continue
        if code not in _ISOLATED:
            out.append(chr(code))
            continue
        before = _neighbour(codes, i, -1)
        after = _neighbour(codes, i, 1)
        joins_before = before in _DUAL or before == 0x0640
        if code == _LAM and after in _LAM_ALEF and codes[i + 1] == after:
            out.append(chr(_LAM_ALEF[after] + (1 if joins_before else 0)))
            skip = True
            continue
        joins_after = code in _DUAL and after is not None and (after in _ISOLATED or after == 0x0640)
        base = _ISOLATED[code]
        if joins_before and joins_after:
            form = base + 3
        elif joins_before:
            form = base + 1
        elif joins_after:
            form = base + 2
        else:
            form = base
        out.append(chr(form))
    return "".join(out)
