"""How a file writes its numbers, decided per column from the values in it.

A column where "4.12" or "-0.1" occurs writes a decimal point; one where "12,5" or
"1.234,5" occurs writes a decimal comma. Values such as "1.313" or "1,313" are read either
way (1313 or 1.313) and decide nothing. A column with only such values is *ambiguous*: it
takes the reading the file's other columns show, and when they show none it is flagged so
that the user chooses; it is never guessed silently.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

POINT = "point"
COMMA = "comma"
DECIMALS = (POINT, COMMA)
DECIMAL_TITLES = {POINT: "decimal point (1,234.5)", COMMA: "decimal comma (1.234,5)"}

_INTEGER = re.compile(r"^[+-]?\d+$")
_ONE_DOT = re.compile(r"^[+-]?(\d*)\.(\d+)$")
_ONE_COMMA = re.compile(r"^[+-]?(\d*),(\d+)$")
_COMMA_GROUPS_POINT = re.compile(r"^[+-]?\d{1,3}(,\d{3})+\.\d*$")  # 1,234.5
_COMMA_GROUPS = re.compile(r"^[+-]?\d{1,3}(,\d{3}){2,}$")  # 1,234,567
_DOT_GROUPS_COMMA = re.compile(r"^[+-]?\d{1,3}(\.\d{3})+,\d*$")  # 1.234,5
_DOT_GROUPS = re.compile(r"^[+-]?\d{1,3}(\.\d{3}){2,}$")  # 1.234.567
_SCIENTIFIC = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)[eE][+-]?\d+$")
_POINT_NUMBER = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$")
_POINT_GROUPED = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$")
_COMMA_NUMBER = re.compile(r"^[+-]?(\d+,?\d*|,\d+)$")
_COMMA_GROUPED = re.compile(r"^[+-]?\d{1,3}(\.\d{3})+(,\d*)?$")
_NOISE = str.maketrans("", "", " \u00a0\u202f'’$€£%")

# What one value says about the column's decimal mark.
NEUTRAL, SAYS_POINT, SAYS_COMMA, EITHER, NOT_A_NUMBER = range(5)


def _bare(value: str) -> str:
    """The value without spaces, apostrophes (Swiss thousands), currency and percent signs."""
    return value.strip().translate(_NOISE)


def _ambiguous_group(before: str, after: str) -> bool:
    """ "1.313": one to three leading digits (not a lone 0) and exactly three after the mark."""
    return len(after) == 3 and 1 <= len(before) <= 3 and not before.startswith("0")


def evidence(value: str) -> int:
    """What ``value`` says: nothing (an integer), decimal point, decimal comma, either, or not a number."""
    text = _bare(value)
    if not text:
        return NOT_A_NUMBER
    if _INTEGER.match(text):
        return NEUTRAL
    match = _ONE_DOT.match(text)
    if match:
        return EITHER if _ambiguous_group(match[1], match[2]) else SAYS_POINT
    match = _ONE_COMMA.match(text)
    if match:
        return EITHER if _ambiguous_group(match[1], match[2]) else SAYS_COMMA
    if _COMMA_GROUPS_POINT.match(text) or _COMMA_GROUPS.match(text) or _SCIENTIFIC.match(text):
        return SAYS_POINT
    if _DOT_GROUPS_COMMA.match(text) or _DOT_GROUPS.match(text):
        return SAYS_COMMA
    return NOT_A_NUMBER


def read_number(value: str, decimal: str) -> float | None:
    """``value`` as a number written with the given decimal mark; None when it is not one that way."""
    text = _bare(value)
    if decimal == COMMA:
        if _COMMA_GROUPED.match(text):
            text = text.replace(".", "")
        elif not _COMMA_NUMBER.match(text):
            return None
        text = text.replace(",", ".")
    elif _POINT_GROUPED.match(text):
        text = text.replace(",", "")
    elif not _POINT_NUMBER.match(text):
        return None
    try:
        number = float(text)
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def show_number(number: float) -> str:
    """A number as the app shows it: a plain integer, or up to six decimals with a point."""
    if number.is_integer() and abs(number) < 1e15:
        return f"{int(number)}"
    return f"{number:.6f}".rstrip("0").rstrip(".")


@dataclass(frozen=True)
class NumberReading:
    """How one column's numbers are read, and why.

    ``how`` says where the reading came from: "evidence" (values such as 4.12 in the
    column), "file" (the column decides nothing; the file's other columns do), "chosen"
    (the user's choice for the file), "integers" (whole numbers only: nothing to decide),
    or "ambiguous" (nothing in the file decides; the user must choose).
    """

    column: str
    decimal: str
    how: str
    example: str = ""  # a value of the column that shows the reading
    numbers: int = 0  # distinct values that are numbers
    others: int = 0  # distinct non-blank values that are not
    conflicting: str = ""  # a value that says the other mark, when both occur

    @property
    def ambiguous(self) -> bool:
        return self.how == "ambiguous"

    @property
    def numeric(self) -> bool:
        """Mostly numbers: at least half of its distinct values."""
        return self.numbers > 0 and self.numbers >= self.others

    def example_text(self) -> str:
        """ "read as 1.313 → 1.313" (or "… → 1313"), the reading shown on one of the column's values."""
        if not self.example:
            return ""
        number = read_number(self.example, self.decimal)
        return f"{self.example} → {'not a number' if number is None else show_number(number)}"

    def describe(self) -> str:
        """The reading in words, for the mapping step and the command's report."""
        mark = "decimal comma" if self.decimal == COMMA else "decimal point"
        example = f"; {self.example_text()}" if self.example else ""
        if not self.numeric:
            return "text" if self.numbers == 0 else "mostly text"
        if self.how == "integers":
            return "whole numbers"
        if self.how == "ambiguous":
            as_comma = show_number(read_number(self.example, COMMA) or 0)
            as_point = show_number(read_number(self.example, POINT) or 0)
            return (
                f"ambiguous: “{self.example}” could be {as_comma} or {as_point}; "
                "choose how the file writes decimals"
            )
        if self.how == "chosen":
            return f"{mark} (chosen){example}"
        if self.how == "file":
            return f"{mark}, as in the file's other columns{example}"
        if self.conflicting:
            return f"{mark}{example} (but “{self.conflicting}” is written the other way)"
        return f"{mark}{example}"


@dataclass
class ColumnEvidence:
    """What a column's values say about its decimal mark, gathered value by value."""

    first: dict[int, str] = field(default_factory=dict)  # kind -> first value of that kind
    points: int = 0
    commas: int = 0
    numbers: int = 0
    others: int = 0

    def add(self, value: str) -> None:
        kind = evidence(value)
        if kind not in self.first:
            self.first[kind] = value.strip()
        if kind == NOT_A_NUMBER:
            self.others += 1
            return
        self.numbers += 1
        if kind == SAYS_POINT:
            self.points += 1
        elif kind == SAYS_COMMA:
            self.commas += 1

    @classmethod
    def of(cls, values: Iterable[str]) -> ColumnEvidence:
        found = cls()
        for value in values:
            found.add(value)
        return found


def read_columns(distinct: Mapping[str, Iterable[str]], chosen: str = "") -> dict[str, NumberReading]:
    """Each column's reading from its distinct non-blank values; ``chosen`` ("point"/"comma") forces one."""
    return read_evidence({column: ColumnEvidence.of(values) for column, values in distinct.items()}, chosen)


def read_evidence(found: Mapping[str, ColumnEvidence], chosen: str = "") -> dict[str, NumberReading]:
    """Each column's reading from the evidence gathered from its values (see :func:`read_columns`)."""
    votes = {POINT: 0, COMMA: 0}
    for seen in found.values():
        if seen.points > seen.commas:
            votes[POINT] += 1
        elif seen.commas > seen.points:
            votes[COMMA] += 1
    file_decimal = POINT if votes[POINT] > votes[COMMA] else COMMA if votes[COMMA] > votes[POINT] else ""
    readings = {}
    for column, seen in found.items():
        first, points, commas, numbers, others = (
            seen.first,
            seen.points,
            seen.commas,
            seen.numbers,
            seen.others,
        )
        example = (
            first.get(EITHER) or first.get(SAYS_POINT) or first.get(SAYS_COMMA) or first.get(NEUTRAL, "")
        )
        if chosen in DECIMALS:
            reading = NumberReading(column, chosen, "chosen", example, numbers, others)
        elif points or commas:
            decimal = POINT if points >= commas else COMMA
            other = first.get(SAYS_COMMA if decimal == POINT else SAYS_POINT, "")
            shown = first.get(EITHER) or first[SAYS_POINT if decimal == POINT else SAYS_COMMA]
            reading = NumberReading(column, decimal, "evidence", shown, numbers, others, other)
        elif EITHER in first:
            how = "file" if file_decimal else "ambiguous"
            reading = NumberReading(column, file_decimal or POINT, how, example, numbers, others)
        else:
            reading = NumberReading(column, POINT, "integers", example, numbers, others)
        readings[column] = reading
    return readings
