"""Numbers as goal statements write them: digits, words, fractions and multipliers.

"five percent", "a third", "double", "3x", "$1.2M", "2,500", "80-90 percent" and
"1:07" all become :class:`Quantity` values with their kind, so the checker can
tell a target from a deadline and a share from a count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

QuantityKind = Literal["percent", "points", "money", "count", "multiplier"]

UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "dozen": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_WORD = "|".join(sorted([*UNITS, *SCALES], key=len, reverse=True))
NUMBER_WORDS = re.compile(
    rf"\b(?:a(?=\s+(?:hundred|thousand|million|billion)\b)|(?:{_WORD}))(?:(?:[\s-]+(?:and\s+)?)(?:{_WORD}))*\b",
    re.IGNORECASE,
)
FRACTIONS = re.compile(
    r"\b(?:(?P<by>by|cut|in|of)\s+)?(?P<count>a|one|two|three)[\s-]+(?P<part>half|halves|third|thirds|quarter|quarters|fifth|fifths)\b"
    r"(?!\s+(?:marathon|day|hour|year|time|price|term|dozen|mile|century|decade|point|page|size|pound|kilo)s?\b)"
    r"|\b(?:by|in)\s+half\b",
    re.IGNORECASE,
)
_PARTS = {
    "half": 2,
    "halves": 2,
    "third": 3,
    "thirds": 3,
    "quarter": 4,
    "quarters": 4,
    "fifth": 5,
    "fifths": 5,
}
MULTIPLIERS = re.compile(
    r"\b(?P<word>double[sd]?|doubling|triple[sd]?|tripling|quadruple[sd]?|halve[sd]?|halving"
    r"|twice(?!\s+(?:a|an|per|each|every|weekly|daily|monthly|this|that|in\s+a)\b))\b"
    r"|(?<![\w.])(?P<n>\d+(?:\.\d+)?)\s?(?:x\b|×|-fold\b|\s+times\b"
    r"(?!\s+(?:a|an|per|each|every|weekly|daily|monthly|this|that|in\s+a|in\s+the)\b))",
    re.IGNORECASE,
)
FREQUENCY_WORDS = re.compile(
    r"\b(once|twice|thrice)(?=\s+(?:a|an|per|each|every|weekly|daily|monthly|this|that|in\s+a)\b)",
    re.IGNORECASE,
)
_MULTIPLIER_WORDS = {"doub": 2.0, "twic": 2.0, "trip": 3.0, "quad": 4.0, "halv": 2.0}
DIGITS = re.compile(
    r"(?P<cur>[$€£])?\s?(?<![\w.:])(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?::(?P<sec>[0-5]\d))?"
    r"(?:\s?(?P<mag>k|m|mm|bn|b|million|thousand|hundred|billion)\b)?"
    r"(?:\s?(?P<pct>%|percent\b|per\s?cent\b|percentage\s+points?\b|points?\b|pts\b|pp\b))?"
    r"(?:\s?(?P<cur2>dollars|euros|pounds|usd|eur|gbp)\b)?",
    re.IGNORECASE,
)
_MAGNITUDES = {
    "hundred": 1e2,
    "k": 1e3,
    "thousand": 1e3,
    "m": 1e6,
    "mm": 1e6,
    "million": 1e6,
    "b": 1e9,
    "bn": 1e9,
    "billion": 1e9,
}


WEIGHT_CONTEXT = re.compile(
    r"\b(?:los[et]|losing|gain(?:ed|ing)?|weigh\w*|drop(?:ped|ping)?|shed(?:ding)?)\b", re.IGNORECASE
)


@dataclass(frozen=True)
class Quantity:
    """A number found in text: its value, what kind of number it is, and where it stands."""

    value: float
    kind: QuantityKind
    text: str
    start: int
    end: int
    decrease: bool = False  # "halve", "cut by a third"


def number_value(text: str) -> float | None:
    """The value of a number written in digits or words ("90", "a", "twenty-five", "a hundred")."""
    text = text.strip().lower().replace(",", "")
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        pass
    if text in ("a", "an"):
        return 1.0
    total = current = 0.0
    seen = False
    for word in re.split(r"[\s-]+", text):
        if word in ("and", "a", "an"):
            current = current or (1.0 if word != "and" else current)
            continue
        if word in UNITS:
            current += UNITS[word]
            seen = True
        elif word == "hundred":
            current = (current or 1) * 100
            seen = True
        elif word in SCALES:
            total += (current or 1) * SCALES[word]
            current = 0
            seen = True
        else:
            return None
    return total + current if seen else None


def words_to_digits(text: str) -> str:
    """``text`` with number words and fractions written in digits ("five percent" -> "5 percent")."""

    def fraction(match: re.Match[str]) -> str:
        if match.group(0).lower() in ("by half", "in half"):
            return "by 50%"
        count = number_value(match.group("count")) or 1
        part = _PARTS[match.group("part").lower()]
        by = match.group("by") or ""
        if match.group("part").lower().startswith("quarter") and by.lower() not in ("by", "cut", "of"):
            return match.group(0)  # "in a quarter" is a time span, not a fraction
        return f"{by} {count / part * 100:.0f}%".strip()

    text = FRACTIONS.sub(fraction, text)
    text = FREQUENCY_WORDS.sub(
        lambda m: {"once": "1 time", "twice": "2 times", "thrice": "3 times"}[m.group(1).lower()], text
    )

    def number(match: re.Match[str]) -> str:
        words = match.group(0).lower().split()
        if words[0] in SCALES and re.search(r"\d[\d,.]*\s*$", match.string[: match.start()]):
            return match.group(0)  # "35 million" stays whole: its digits carry the scale
        value = number_value(match.group(0))
        if value is None:
            return match.group(0)
        return f"{value:g}" if value < 1e6 else f"{value:.0f}"

    return NUMBER_WORDS.sub(number, text)


def find_quantities(text: str) -> list[Quantity]:
    """Every number in ``text`` (already in digits) that could be a target or a baseline."""
    found: list[Quantity] = []
    for match in MULTIPLIERS.finditer(text):
        word = (match.group("word") or "").lower()
        value = _MULTIPLIER_WORDS[word[:4]] if word else float(match.group("n"))
        found.append(
            Quantity(value, "multiplier", match.group(0), match.start(), match.end(), word.startswith("halv"))
        )
    taken = [(q.start, q.end) for q in found]
    for match in DIGITS.finditer(text):
        start, end = match.span()
        if any(s <= match.start("num") < e for s, e in taken):
            continue
        number = float(match.group("num").replace(",", ""))
        if match.group("sec"):
            number = number * 60 + int(match.group("sec"))
        magnitude = (match.group("mag") or "").lower()
        number *= _MAGNITUDES.get(magnitude, 1)
        pct = (match.group("pct") or "").lower()
        weight = (match.group("cur2") or "").lower() == "pounds" and WEIGHT_CONTEXT.search(
            text[max(0, start - 25) : start]
        )
        if weight:  # "lose 10 pounds" is a weight, not money
            end = match.start("cur2")
            found.append(Quantity(number, "count", text[start:end].strip(), start, end))
            continue
        if match.group("cur") or match.group("cur2"):
            kind: QuantityKind = "money"
        elif pct in ("%", "percent") or pct.startswith("per"):
            kind = "percent" if not pct.startswith("percentage") else "points"
        elif pct:
            kind = "points"
        else:
            kind = "count"
        found.append(Quantity(number, kind, match.group(0).strip(), start, end))
    return sorted(found, key=lambda q: q.start)
