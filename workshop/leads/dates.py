"""How a file writes its dates, decided per column from the values in it.

ISO dates (2027-03-04, with or without a time and zone) read one way. Dates with slashes,
dots or dashes (04/03/2027) are day first or month first: a value whose first number is
over 12 says day first, one whose second is over 12 says month first. A column with only
values such as 04/03/2027 decides nothing; it follows the file's other date columns, and
when they decide nothing either it is flagged, never guessed silently.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

ISO = "iso"
DAY_FIRST = "day first"
MONTH_FIRST = "month first"
DATE_ORDERS = (DAY_FIRST, MONTH_FIRST)
ORDER_TITLES = {ISO: "year-month-day", DAY_FIRST: "day/month/year", MONTH_FIRST: "month/day/year"}

_ISO = re.compile(
    r"^(\d{4})-(\d{1,2})-(\d{1,2})"
    r"(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2}|UTC)?)?$",
    re.IGNORECASE,
)
_YMD = re.compile(r"^(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?:[ T].*)?$")
_NUMERIC = re.compile(
    r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?:,?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AP]M)?"
    r"(?:\s*(?:Z|UTC|[+-]\d{2}:?\d{2}))?)?$",
    re.IGNORECASE,
)


def _full_year(text: str) -> int:
    year = int(text)
    return year if len(text) == 4 else 2000 + year if year < 70 else 1900 + year


def _safe(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def read_date(value: str, order: str) -> date | None:
    """The date ``value`` means when the column writes dates in ``order``; None if it is not one."""
    text = value.strip()
    match = _ISO.match(text) or _YMD.match(text)
    if match:
        return _safe(int(match[1]), int(match[2]), int(match[3]))
    match = _NUMERIC.match(text)
    if not match:
        return None
    first, second, year = int(match[1]), int(match[2]), _full_year(match[3])
    if order == MONTH_FIRST:
        return _safe(year, first, second)
    return _safe(year, second, first)


@dataclass
class DateEvidence:
    """What a column's values say about how it writes dates."""

    iso: int = 0
    day_first: int = 0
    month_first: int = 0
    either: int = 0
    others: int = 0
    first: dict[str, str] = field(default_factory=dict)  # kind -> first value of that kind

    def add(self, value: str) -> None:
        text = value.strip()
        kind = "other"
        if _ISO.match(text) or _YMD.match(text):
            kind = ISO
            self.iso += 1
        elif match := _NUMERIC.match(text):
            first, second = int(match[1]), int(match[2])
            if first > 12 >= second:
                kind = DAY_FIRST
                self.day_first += 1
            elif second > 12 >= first:
                kind = MONTH_FIRST
                self.month_first += 1
            elif first <= 12 and second <= 12:
                kind = "either"
                self.either += 1
            else:
                self.others += 1
        else:
            self.others += 1
        self.first.setdefault(kind, text)

    @property
    def dates(self) -> int:
        return self.iso + self.day_first + self.month_first + self.either


@dataclass(frozen=True)
class DateReading:
    """How one column's dates are read, and why ("evidence", "file", "chosen", "ambiguous")."""

    column: str
    order: str
    how: str
    example: str = ""
    conflicting: str = ""

    @property
    def ambiguous(self) -> bool:
        return self.how == "ambiguous"

    def describe(self) -> str:
        shown = read_date(self.example, self.order) if self.example else None
        example = f"; {self.example} → {shown.isoformat()}" if shown else ""
        title = ORDER_TITLES.get(self.order, self.order)
        if self.how == "ambiguous":
            return (
                f"dates, ambiguous: “{self.example}” could be day or month first; "
                "choose how the file writes dates"
            )
        if self.how == "chosen":
            return f"dates, {title} (chosen){example}"
        if self.how == "file":
            return f"dates, {title} as in the file's other columns{example}"
        if self.conflicting:
            return f"dates, {title}{example} (but “{self.conflicting}” is written the other way)"
        return f"dates, {title}{example}"


def read_date_columns(found: Mapping[str, DateEvidence], chosen: str = "") -> dict[str, DateReading]:
    """The reading of each column that is mostly dates (at least half its distinct values)."""
    dated = {c: e for c, e in found.items() if e.dates and e.dates >= e.others}
    votes = {DAY_FIRST: 0, MONTH_FIRST: 0}
    for seen in dated.values():
        if seen.day_first > seen.month_first:
            votes[DAY_FIRST] += 1
        elif seen.month_first > seen.day_first:
            votes[MONTH_FIRST] += 1
    file_order = (
        DAY_FIRST
        if votes[DAY_FIRST] > votes[MONTH_FIRST]
        else MONTH_FIRST
        if votes[MONTH_FIRST] > votes[DAY_FIRST]
        else ""
    )
    readings = {}
    for column, seen in dated.items():
        example = seen.first.get("either") or seen.first.get(DAY_FIRST) or seen.first.get(MONTH_FIRST) or ""
        if not seen.day_first and not seen.month_first and not seen.either:
            readings[column] = DateReading(column, ISO, "evidence", seen.first.get(ISO, ""))
        elif chosen in DATE_ORDERS:
            readings[column] = DateReading(column, chosen, "chosen", example)
        elif seen.day_first or seen.month_first:
            order = DAY_FIRST if seen.day_first >= seen.month_first else MONTH_FIRST
            other = seen.first.get(MONTH_FIRST if order == DAY_FIRST else DAY_FIRST, "")
            readings[column] = DateReading(column, order, "evidence", seen.first.get(order, example), other)
        else:
            how = "file" if file_order else "ambiguous"
            readings[column] = DateReading(column, file_order or DAY_FIRST, how, example)
    return readings


def date_evidence(values: Iterable[str]) -> DateEvidence:
    found = DateEvidence()
    for value in values:
        found.add(value)
    return found
