"""Cell values of a CRM export, cleaned: what is missing, what is a number, what converted."""

from __future__ import annotations

from workshop.leads.numbers import COMMA, POINT, read_number

# Values CRMs write for "not given": blanks, form placeholders and spreadsheet errors.
MISSING = frozenset(
    {
        "",
        "select",
        "-- select --",
        "please select",
        "n/a",
        "na",
        "nan",
        "null",
        "none",
        "-",
        "--",
        "(blank)",
        "(none)",
        "not provided",
        "unknown",
        "#n/a",
    }
)
_YES = frozenset(
    {"1", "yes", "y", "true", "t", "ja", "oui", "sí", "si", "converted", "won", "customer", "closed won"}
)
_NO = frozenset({"0", "no", "n", "false", "f", "nein", "non", "not converted", "lost", "closed lost"})


def clean(value: str) -> str | None:
    """The cell's text without surrounding spaces, or None when it means "not given"."""
    text = value.strip().strip("\u00a0")
    return None if text.casefold() in MISSING else text


def number_of(value: str, decimal_comma: bool = False) -> float | None:
    """Read "1,234", "1.234,5", "12,5", "12.5%", "€ 300" or " 7 " as a number; None if it is not one.

    With ``decimal_comma`` (files from countries that write 12,5) "1.500" is 1500 and
    "1,234" is 1.234; otherwise "1,234" is 1234 and "1.500" is 1.5. A value that cannot be
    read with the expected mark is read with the other ("12,5" is 12.5 either way). The
    per-file reader (:func:`workshop.leads.numbers.read_number`) does the reading.
    """
    first, second = (COMMA, POINT) if decimal_comma else (POINT, COMMA)
    number = read_number(value, first)
    return number if number is not None else read_number(value, second)


def outcome_of(value: str) -> bool | None:
    """Whether a lead converted ("1", "yes", "won"...); None when the cell says neither."""
    text = value.strip().casefold()
    if text in _YES:
        return True
    if text in _NO:
        return False
    number = number_of(text)
    if number in (0.0, 1.0):
        return number == 1.0
    return None
