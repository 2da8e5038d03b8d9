"""What each value of the outcome column means: converted, not converted, or left out.

The user decides; these are the defaults, from the vocabularies CRMs and spreadsheets use:
yes/no, 1/0, true/false, Won/Lost, Closed Won/Closed Lost, Converted, HubSpot lifecycle
stages and lead statuses, Salesforce ``IsConverted`` and lead statuses. A value that says
neither (an open deal, a stage still in progress, anything unknown) is left out by default,
and the rows with it are counted by value, never as bad rows.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

WON = "won"
LOST = "lost"
LEFT_OUT = "left out"
OUTCOME_TITLES = {WON: "Converted", LOST: "Not converted", LEFT_OUT: "Leave out"}


def outcome_key(value: str) -> str:
    """A value as the vocabularies key it: lower case letters and digits ("Closed - Won" → "closedwon")."""
    return re.sub(r"[\W_]+", "", value.casefold())


_WON = frozenset(
    {
        "1",
        "yes",
        "y",
        "true",
        "t",
        "ja",
        "j",
        "oui",
        "si",
        "sí",
        "converted",
        "isconverted",
        "closedconverted",
        "won",
        "closedwon",
        "win",
        "customer",
        "evangelist",  # HubSpot: a customer who promotes you
        "sold",
        "purchased",
    }
)
_LOST = frozenset(
    {
        "0",
        "no",
        "n",
        "false",
        "f",
        "nein",
        "non",
        "notconverted",
        "closednotconverted",
        "unconverted",
        "lost",
        "closedlost",
        "lose",
        "unqualified",
        "disqualified",
        "badtiming",
        "junk",
        "dead",
        # HubSpot lifecycle stages before customer: the lead stopped there
        "subscriber",
        "lead",
        "marketingqualifiedlead",
        "salesqualifiedlead",
        "mql",
        "sql",
    }
)


def default_outcome(value: str) -> str:
    """Converted, not converted, or left out (open, in progress, unknown), by the common vocabularies."""
    key = outcome_key(value)
    if re.fullmatch(r"\s*[+]?[01](\.0*)?\s*", value):
        return WON if value.strip().lstrip("+").startswith("1") else LOST
    if key in _WON:
        return WON
    if key in _LOST:
        return LOST
    return LEFT_OUT


def default_choices(values: Iterable[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The values that mean converted and those that mean not converted, by default."""
    won, lost = [], []
    for value in values:
        meaning = default_outcome(value)
        if meaning == WON:
            won.append(value)
        elif meaning == LOST:
            lost.append(value)
    return tuple(won), tuple(lost)
