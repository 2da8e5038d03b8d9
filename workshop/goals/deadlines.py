"""Deadlines in goal statements: dates, quarters, fiscal years, halves and spans, resolved to a date.

Rules written for how sales and marketing people write deadlines ("by end of Q3",
"FY27", "H2", "within 90 days", "before the new year", "at the upcoming
webinar"), resolved against the workshop's date. Standard library only: a
general date library guesses wrongly in goal text ("by 20% by 30 September" is
not 20 September), and these rules are quick to check (well under a
millisecond).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from workshop.goals.numbers import number_value

Kind = Literal[
    "date", "quarter", "half", "year", "term", "span", "event", "recurring", "vague", "comparison", "start"
]

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>20\d\d|20xx|'\d\d)"
_BY = (
    r"(?:by|before|until|till|through|throughout|in|during|for|from|on|end\s+of|the\s+end\s+of|due)"
    r"\s+(?:the\s+)?"
)
_NUM = (
    r"(?P<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|eighteen"
    r"|twenty|thirty|forty|forty-five|fifty|sixty|ninety|hundred|a\s+hundred)"
)
_UNIT = r"(?P<unit>day|week|month|quarter|year)s?(?:'|’)?(?:\s+time)?"
_NUM_WORD = (
    r"(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|eighteen"
    r"|twenty|thirty|forty|forty-five|fifty|sixty|ninety)"
)
_ORD = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "last": 4}
_F = re.IGNORECASE

PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<y>20\d\d)-(?P<m>[01]?\d)-(?P<d>[0-3]?\d)\b")),
    ("slash", re.compile(r"\b(?P<a>[0-3]?\d)[/.](?P<b>[0-3]?\d)[/.](?P<y>(?:20)?\d\d)\b")),
    (
        "month_slash",
        re.compile(
            r"\b(?:by|before|until|till|on|due)\s+(?P<a>[01]?\d)/(?P<b>[0-3]?\d)\b(?![/\d%]|\.\d)", _F
        ),
    ),
    (  # "3-Oct-07", "15-Mar-2026": the day, the month's name and the year joined by dashes
        "day_month",
        re.compile(rf"\b{_DAY}-{_MONTH}-(?P<year>20\d\d|\d\d)\b", _F),
    ),
    ("day_month", re.compile(rf"\b{_DAY}(?:\s+of)?\s+{_MONTH}(?:,?\s+{_YEAR})?\b", _F)),
    ("month_day", re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?:,?\s+{_YEAR})?(?!\s*%)", _F)),
    (  # "by mid-March", "in early May", "by late September 2027"
        "month_part",
        re.compile(
            rf"\b(?:{_BY})?(?P<part>early|mid|late|the\s+(?:start|beginning|middle)\s+of|(?:start|beginning|middle)\s+of)"
            rf"[\s-]+{_MONTH}(?:\s+{_YEAR})?\b",
            _F,
        ),
    ),
    (
        "month",
        re.compile(
            rf"\b{_BY}(?:month\s+of\s+)?(?:(?P<rel>next|this|the\s+coming|coming)\s+)?{_MONTH}"
            rf"(?:\s+{_YEAR}|\s+(?:of\s+)?(?P<ny>next|this)\s+year)?\b",
            _F,
        ),
    ),
    (
        "quarter",
        re.compile(
            r"\b(?:(?:fy\s*'?(?P<fy1>\d{2}|\d{4})\s*)?q(?P<q>[1-4])"
            r"|(?P<qo>first|second|third|fourth|1st|2nd|3rd|4th|last)\s+quarters?(?:\s+of(?:\s+the\s+year)?)?)"
            r"(?:\s*(?:of\s+|,)?\s*fy\s*'?(?P<qy>20\d\d|\d\d)\b|\s*(?:of\s+|,\s*)?(?P<qy2>20\d\d|'\d\d)\b"
            r"|[/-](?P<qy3>20\d\d|\d\d)\b|\s+(?P<qy4>\d\d)\b(?![%.,]?\d|\s*(?:%|percent|per\s+cent))"
            r"|\s+(?:of\s+)?(?P<qnext>next|this)\s+year\b)?",
            _F,
        ),
    ),
    (
        "half",
        re.compile(
            r"\b(?:h(?P<h>[12])|(?P<ho>first|second)\s+half)(?:\s+(?:of\s+)?(?:fy\s*)?(?P<hy>20\d\d|'?\d\d)\b)?",
            _F,
        ),
    ),
    ("fiscal", re.compile(r"\b(?:fy|fiscal\s+(?:year\s+)?)\s*'?(?P<fy>20\d\d|\d\d)\b", _F)),
    (  # "by end of FY", "before the close of the fiscal year": this fiscal year's end
        "fiscal_end",
        re.compile(
            r"\b(?:end|close)\s+of\s+(?:the\s+|this\s+)?(?:fy|fiscal\s+year|financial\s+year)\b(?!\s*'?\d)",
            _F,
        ),
    ),
    (  # "by the first week of March": the end of that week
        "week_of",
        re.compile(
            rf"\b(?:(?:by|in|during|before)\s+)?(?:the\s+)?(?P<nth>first|second|third|fourth|last|1st|2nd|3rd|4th)"
            rf"\s+week\s+(?:of|in)\s+{_MONTH}(?:\s+{_YEAR})?\b",
            _F,
        ),
    ),
    (  # "by early 2028", "by the end of 2027", "in late 2027"
        "year_part",
        re.compile(
            rf"\b(?:{_BY})?(?P<part>early|mid|late|the\s+(?:start|beginning|middle)\s+of|(?:start|beginning|middle)\s+of)"
            r"[\s-]+(?P<y>20\d\d)\b",
            _F,
        ),
    ),
    ("year", re.compile(rf"\b{_BY}(?:(?:the\s+)?(?:calendar\s+|fiscal\s+)?year\s+)?(?P<y>20\d\d)\b", _F)),
    (  # "six months from now", "90 days from today", "a year from the workshop"
        "from_now",
        re.compile(
            rf"\b(?:(?:within|in|by)\s+)?{_NUM}\s+{_UNIT}\s+(?:from\s+(?:now|today|the\s+workshop|this\s+workshop)|out|hence)\b"
            r"|\b(?:by\s+)?this\s+time\s+next\s+(?P<unit2>year|month|quarter|week)\b",
            _F,
        ),
    ),
    (  # "over the course of the year", "throughout the quarter"
        "course",
        re.compile(
            r"\b(?:over|during|in|throughout)\s+the\s+course\s+of\s+(?:the\s+|this\s+)?"
            r"(?P<what>fiscal\s+year|financial\s+year|calendar\s+year|year|quarter|month|week)\b"
            r"|\bthroughout\s+(?:the\s+|this\s+)(?P<what2>fiscal\s+year|financial\s+year|calendar\s+year|year|quarter|month)\b",
            _F,
        ),
    ),
    (  # "by the end of my first year", "in our first quarter", "by the end of year two"
        "nth_period",
        re.compile(
            r"\b(?:(?:by|at|before|in|within|during|over|for|until)\s+)(?:the\s+)?(?:end\s+of\s+)?"
            r"(?:(?:my|our|your|their|his|her|the)\s+(?P<ord>first|second|third|1st|2nd|3rd)\s+(?:full\s+)?"
            r"(?P<unit>year|quarter|month|week)(?!\s*(?:of|after|since|back|\d))"
            r"|(?P<unit2>year|quarter)\s+(?P<n>one|two|three|four|five|[1-5])\b(?!\s*%))",
            _F,
        ),
    ),
    (  # "over the next year" is the coming twelve months; "next year" alone is the calendar year
        "within_unit",
        re.compile(
            r"\b(?:over|within|in|during|for)\s+the\s+(?:next|coming|following)\s+(?P<unit>year|month|week|quarter)\b",
            _F,
        ),
    ),
    (
        "relative",
        re.compile(
            r"\b(?P<rel>this|the\s+current|current|next|the\s+next|the\s+following|the\s+coming|the\s+upcoming|upcoming"
            r"|(?:end|close)\s+of\s+(?:the\s+)?)"
            r"\s*(?P<what>fiscal\s+year|financial\s+year|calendar\s+year|quarter|year|month|week|half)\b"
            r"(?![-\s]+(?:over|on)\b)",
            _F,
        ),
    ),
    (
        "end",
        re.compile(
            r"\b(?:(?P<pre>year|quarter|month|week)[\s-]?end|(?:end|close)\s+of\s+(?:the\s+)?(?:(?:school|work|working)\s+(?=week))?"
            r"(?P<post>year|quarter|month|week)"
            r"|eo(?P<eo>y|q|m)|(?:by|before)\s+(?:the\s+)?new\s+year|by\s+(?P<poss>year|month|quarter|week)'?s\s+end"
            r"|mid-?year)\b",
            _F,
        ),
    ),
    (
        "span",
        re.compile(
            rf"\b(?:within|in|over|during|for|(?:over|during|in)\s+the\s+course\s+of)\s+(?:the\s+)?"
            rf"(?:next|coming|following|upcoming)\s+{_NUM}\s+{_UNIT}",
            _F,
        ),
    ),
    (
        "span",
        re.compile(rf"\b(?:within|in|during|over)\s+(?:the\s+|my\s+|our\s+)?first\s+{_NUM}\s+{_UNIT}", _F),
    ),
    ("span", re.compile(rf"\b(?:within|in)\s+(?:the\s+)?{_NUM}\s+{_UNIT}", _F)),
    (
        "span",
        re.compile(
            rf"\b(?:for|over|within|during|in|(?:over|during|in)\s+the\s+course\s+of)\s+(?:a|an|the)?\s*(?:full\s+)?"
            rf"{_NUM_WORD}[\s-]+(?:(?:consecutive|straight|successive|full|whole|calendar|business|working)\s+)?{_UNIT}"
            r"(?:\s+(?:period|span|window|stretch|timeframe|time\s+frame))?",
            _F,
        ),
    ),
    (
        "span",
        re.compile(
            rf"\b(?:for|over|within|during)\s+(?:a|an|the|one)\s+(?:full\s+|single\s+)?{_UNIT}"
            r"(?:\s+(?:period|span|window))?(?!\s+(?:of|after|before))",
            _F,
        ),
    ),
    (
        "rest",
        re.compile(
            r"\b(?:for|during|over|in)\s+(?:the\s+)?(?:rest|remainder|balance)\s+of\s+(?:the\s+|this\s+)?"
            r"(?P<what>fiscal\s+year|financial\s+year|year|quarter|month)\b",
            _F,
        ),
    ),
    (
        "term",
        re.compile(
            r"\b(?:(?:by\s+)?(?:the\s+)?end\s+of\s+(?:the\s+|this\s+|next\s+|my\s+|our\s+)?|this\s+|the\s+current\s+"
            r"|(?P<next>next|the\s+next|the\s+coming|the\s+following)\s+"
            r"|(?:during|in|over|for|by|before|until|throughout)\s+(?:the\s+|this\s+|my\s+|our\s+)?(?=(?:spring|summer|fall|autumn|winter)\s))"
            r"(?:(?P<season>spring|summer|fall|autumn|winter)\s+)?"
            r"(?P<what>semester|term|school\s+year|academic\s+year)\b",
            _F,
        ),
    ),
    ("span", re.compile(rf"\b(?:the\s+)?next\s+{_NUM}\s+{_UNIT}", _F)),
    (
        "half_year",
        re.compile(r"\b(?:within|in|over|for|during)\s+(?:the\s+next\s+)?(?:half\s+a|a\s+half)\s+year\b", _F),
    ),
    (
        "within_unit",
        re.compile(
            r"\bwithin\s+(?:the\s+)?(?:next\s+|first\s+)?(?:fiscal\s+|financial\s+)?(?P<unit>day|week|month|quarter|year)\b",
            _F,
        ),
    ),
    (
        "event",
        re.compile(
            r"\b(?:upcoming|next|(?:at|by|before|for|until|ahead\s+of|prior\s+to|on)\s+(?:the|our|my|your|their|its|this|next))\s+"
            r"(?:[\w-]+\s+){0,2}?"
            r"(?:webinar|launch|product\s+launch|conference|trade\s*show|summit|event|release|kick-?off|board\s+meeting"
            r"|go-?live|renewal|audit|deadline|midterm|mid-?term|final\s+exam|exam|test|quiz|assessment|graduation|wedding|review|birthday"
            r"|retirement|anniversary|reunion|vacation|holiday|trip|race|marathon|recital|interview|appraisal"
            r"|check-?up|physical|appointment|doctor'?s\s+(?:visit|appointment)|weigh-?in|inspection|board\s+exam"
            r"|discharge|surgery|procedure|intervention|admission|transfer|delivery|treatment|session|visit"
            r"|(?:time|deadline|date|timeline|timeframe|time\s+frame)\s+(?:specified|set|agreed|given|assigned|required)"
            r"|due\s+date|race\s+day|demo\s+day|launch\s+day|expiry\s+date|renewal\s+date|report\s+card)\b"
            r"|\b(?:before|by|prior\s+to|upon|at|on|until)\s+(?:hospital\s+)?(?:discharge|admission)\b"
            r"|\b(?:by|before|at|until)\s+(?:the\s+)?end\s+of\s+(?:the\s+)?(?:sprint|phase|stage|iteration|milestone|wave|cycle)"
            r"\s+\d+\b"
            r"|\bwithin\s+the\s+(?:time|deadline|timeframe|time\s+frame)\s+(?:specified|set|agreed|given|allowed)\s+by\b"
            r"|\bwithin\s+(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|twelve)\s+"
            r"(?:minutes?|hours?|days?|weeks?)\s+(?:of|after|from|following)\s+(?:the|an?|each|every|his|her|their|my)\s+"
            r"(?:[a-z-]+\s+)?(?:intervention|procedure|surgery|admission|discharge|treatment|session|dose|visit|call"
            r"|meeting|request|order|complaint|incident|injury|delivery|event|class|lesson)\b"
            r"|\b(?:by|before|at|until)\s+(?:the\s+)?end\s+of\s+(?:the|my|our|this|their|its)\s+(?:\w+\s+)?"
            r"(?:program|programme|course|project|campaign|training|internship|contract|trial|pilot|sprint|class"
            r"|module|rotation|placement|residency|clinical|bootcamp|apprenticeship|probation|engagement|season"
            r"|performance\s+review|offsite|sales\s+kick-?off|open\s+day|fair|expo|campaign|election|season"
            r"|unit|lesson|chapter|grading\s+period|marking\s+period|clinical\s+rotation)\b"
            r"|\b(?:\w+\s+(?:days?|weeks?|months?)\s+)?(?:before|by|after)\s+(?:launch|go-?live|graduation|release|race\s+day|launch\s+day|demo\s+day|game\s+day)\b",
            _F,
        ),
    ),
    (
        "plan_week",
        re.compile(
            r"\b(?:by|before|in|during|within|(?:by\s+)?(?:the\s+)?end\s+of)\s+(?P<unit>week|month|day)\s+(?P<n>\d{1,2})\b",
            _F,
        ),
    ),
    (
        "season",
        re.compile(
            r"\b(?:(?:by|before|until|at)\s+(?:the\s+)?(?:end|close)\s+of|by|before|until|in|during|over|this|next|for)"
            r"\s+(?:the\s+)?(?:(?P<rel>this|next|coming)\s+)?"
            r"(?P<season>spring|summer|fall|autumn|winter)(?:\s+(?:of\s+)?(?P<y>20\d\d))?\b"
            r"|\b(?:by|before|until)\s+(?P<holiday>christmas|xmas|the\s+holidays|the\s+holiday\s+season"
            r"|thanksgiving|new\s+year'?s(?:\s+eve)?)\b",
            _F,
        ),
    ),
    (
        "mid",
        re.compile(r"\b(?:by\s+|in\s+)?mid[- ](?P<y>20\d\d)\b", _F),
    ),
    (
        "day_word",
        re.compile(
            r"\b(?:(?:by|before|until)\s+)?(?:the\s+)?(?:end\s+of\s+(?:the\s+)?day\s+)?"
            r"(?P<w>today|tonight|tomorrow|eod|close\s+of\s+business|cob)\b"
            r"|\b(?:(?:by|before|until|at)\s+(?:the\s+)?end\s+of\s+(?:the\s+|this\s+|my\s+|her\s+|his\s+)?|this\s+|during\s+(?:the\s+|this\s+)?)"
            r"(?P<w4>shift)\b"
            r"|\b(?:by|before|until)\s+(?:the\s+)?end\s+of\s+(?:the\s+)?(?P<w2>day|(?:this\s+|the\s+)?weekend)\b"
            r"|\b(?:by|before|until|over|this)\s+(?:the\s+)?(?P<w3>weekend)\b",
            _F,
        ),
    ),
    (
        "nth",
        re.compile(
            r"\b(?:by|before|on|until)\s+the\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)\b(?!\s+(?:of|ring|time|place))",
            _F,
        ),
    ),
    (
        "weekday",
        re.compile(
            r"\b(?:(?:by|before|on|until)\s+(?:the\s+)?(?:end\s+of\s+(?:the\s+)?day\s+)?(?:(?P<next>next|this)\s+)?"
            r"|(?P<next2>next|this)\s+)"
            r"(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
            r"(?!\s+(?:mornings|afternoons|evenings|nights)\b)"
            r"(?:\s+(?:at\s+)?\d{1,2}(?::\d\d)?\s*(?:am|pm|a\.m\.|p\.m\.)?(?![\d%]))?",
            _F,
        ),
    ),
]
RECURRING = re.compile(
    r"\b(?:every|each|per|a)\s+(?:single\s+)?(?:day|week|month|quarter|year)\b|"
    r"\b(?:every|each)\s+(?:other\s+|(?:first|second|third|fourth|last)(?:\s+and\s+(?:first|second|third|fourth|last))?\s+)?"
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|"
    r"\b(?:daily|weekly|fortnightly|monthly|quarterly|annually|yearly)\b(?!\s+(?:recurring|active|contract))",
    _F,
)
VAGUE = re.compile(
    r"\b(?:soon|asap|a\.s\.a\.p\.?|as\s+soon\s+as\s+possible|ongoing|on\s+an\s+ongoing\s+basis|eventually|"
    r"some\s*day|someday|one\s+day|in\s+the\s+(?:near\s+)?future|over\s+time|at\s+some\s+point|going\s+forward|"
    r"when\s+possible|when\s+we\s+can|in\s+due\s+course|continuously|(?<!no\s)later(?!\s+than)|tbd|tbc|as\s+needed)\b",
    _F,
)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


@dataclass(frozen=True)
class Deadline:
    """A time expression found in text: what it said, where, and the date it means (if one)."""

    text: str
    kind: Kind
    date: date | None
    start: int
    end: int


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def _year(text: str | None, default: int) -> int:
    if not text:
        return default
    text = text.strip("'’ ").lower()
    if text == "20xx":
        return default
    value = int(text)
    return value + 2000 if value < 100 else value


class Calendar:
    """Quarters, halves and fiscal years as a company counts them, from the workshop's date."""

    def __init__(self, today: date, fiscal_start_month: int = 1) -> None:
        self.today = today
        self.start_month = fiscal_start_month

    def fiscal_year(self, day: date) -> int:
        """The fiscal year ``day`` falls in, named by the calendar year it ends in."""
        if self.start_month == 1:
            return day.year
        return day.year + 1 if day.month >= self.start_month else day.year

    def period_end(self, fiscal_year: int, first_month: int, months: int) -> date:
        """End of the period of ``months`` months that starts ``first_month`` months into a fiscal year."""
        start_year = fiscal_year if self.start_month == 1 else fiscal_year - 1
        start = date(start_year, self.start_month, 1)
        last = _add_months(start, first_month + months - 1)
        return month_end(last.year, last.month)

    def quarter_end(self, quarter: int, fiscal_year: int | None = None) -> date:
        if fiscal_year is not None:
            return self.period_end(fiscal_year, (quarter - 1) * 3, 3)
        year = self.fiscal_year(self.today)
        end = self.period_end(year, (quarter - 1) * 3, 3)
        return end if end >= self.today else self.period_end(year + 1, (quarter - 1) * 3, 3)

    def current_quarter(self) -> int:
        months = (self.today.month - self.start_month) % 12
        return months // 3 + 1

    def half_end(self, half: int, fiscal_year: int | None = None) -> date:
        if fiscal_year is not None:
            return self.period_end(fiscal_year, (half - 1) * 6, 6)
        year = self.fiscal_year(self.today)
        end = self.period_end(year, (half - 1) * 6, 6)
        return end if end >= self.today else self.period_end(year + 1, (half - 1) * 6, 6)

    def year_end(self, fiscal_year: int) -> date:
        return self.period_end(fiscal_year, 0, 12)


def _next_month_date(today: date, month: int, day: int | None, year: int | None) -> date | None:
    if year is None:
        year = today.year
        last = calendar.monthrange(year, month)[1]
        if (month, min(day or last, last)) < (today.month, today.day):
            year += 1
    last = calendar.monthrange(year, month)[1]
    if day is not None and not 1 <= day <= last:
        return None
    return date(year, month, day or last)


def _relative(rel: str, what: str, cal: Calendar) -> date:
    today = cal.today
    step = (
        1
        if rel.startswith(("next", "the next", "the following", "the coming", "the upcoming", "upcoming"))
        else 0
    )
    if "year" in what:
        if what.startswith(("fiscal", "financial")):
            return cal.year_end(cal.fiscal_year(today) + step)
        return date(today.year + step, 12, 31)
    if what == "quarter":
        quarter, year = cal.current_quarter() + step, cal.fiscal_year(today)
        if quarter > 4:
            quarter, year = 1, year + 1
        return cal.quarter_end(quarter, year)
    if what == "half":
        half = 1 if cal.current_quarter() <= 2 else 2
        return cal.half_end(half + step) if half + step <= 2 else cal.half_end(1, cal.fiscal_year(today) + 1)
    if what == "month":
        later = _add_months(today.replace(day=1), step)
        return month_end(later.year, later.month)
    return today + timedelta(days=(4 - today.weekday()) % 7 + 7 * step)  # the Friday of that week


def _span(count: float, unit: str, today: date) -> date:
    unit = unit.lower()
    if unit == "day":
        return today + timedelta(days=round(count))
    if unit == "week":
        return today + timedelta(weeks=count)
    months = {"month": 1, "quarter": 3, "year": 12}[unit] * count
    return _add_months(today, round(months))


Resolved = tuple[Kind, date | None] | None
Groups = dict[str, str | None]


def _iso(g: Groups, match: re.Match[str], cal: Calendar) -> Resolved:
    try:
        return "date", date(int(g["y"] or 0), int(g["m"] or 0), int(g["d"] or 0))
    except ValueError:
        return None


def _slash(g: Groups, match: re.Match[str], cal: Calendar) -> Resolved:
    a, b, year = int(g["a"] or 0), int(g["b"] or 0), _year(g["y"], cal.today.year)
    month, day = (b, a) if a > 12 else (a, b)
    try:
        return "date", date(year, month, day)
    except ValueError:
        return None


def _month_slash(g: Groups, match: re.Match[str], cal: Calendar) -> Resolved:
    a, b = int(g["a"] or 0), int(g["b"] or 0)
    month, day = (b, a) if a > 12 else (a, b)
    if not 1 <= month <= 12:
        return None
    resolved = _next_month_date(cal.today, month, day, None)
    return ("date", resolved) if resolved else None


WEEK_ENDS = {"first": 7, "1st": 7, "second": 14, "2nd": 14, "third": 21, "3rd": 21, "fourth": 28, "4th": 28}


def _week_of(g: Groups, match: re.Match[str], cal: Calendar) -> Resolved:
    """ "The first week of March": its seventh day; "the last week of March": its last."""
    month = MONTHS[(g["month"] or "").lower().rstrip(".")]
    year = _year(g["year"], cal.today.year) if g.get("year") else None
    end = _next_month_date(cal.today, month, None, year)  # the month's last day, this year or next
    if end is None:
        return None
    nth = (g["nth"] or "").lower()
    return "date", end if nth == "last" else end.replace(day=WEEK_ENDS[nth])


def _rest_of(g: Groups, match: re.Match[str], cal: Calendar) -> Resolved:
    what = " ".join((g["what"] or "").lower().split())
    return ("quarter" if what == "quarter" else "year"), _relative("this", what, cal)


def term_end(today: date, what: str) -> date:
    """The end of the current semester or school year, as most schools count them.

    A semester ends in May (spring, January to May), August (summer) or December
    (autumn, August to December); a school or academic year ends on 30 June.
    """
    if "year" in what:
        end = date(today.year, 6, 30)
        return end if end >= today else date(today.year + 1, 6, 30)
    if today.month <= 5:
        return date(today.year, 5, 31)
    if today.month <= 7:
        return date(today.year, 8, 31)
    return date(today.year, 12, 31)


TERM_END = {  # a school term named by its season ends with it: the fall semester in December
    "spring": (5, 31),
    "summer": (8, 31),
    "fall": (12, 31),
    "autumn": (12, 31),
    "winter": (3, 31),
}


def _term(g: Groups, match: re.Match[str], cal: Calendar) -> Resolved:
    what = (g["what"] or "").lower()
    season = (g.get("season") or "").lower()
    if season and "year" not in what:  # "the spring semester": the one that ends next in that season
        month, day = TERM_END[season]
        end = date(cal.today.year, month, day)
        if end < cal.today:
            end = date(cal.today.year + 1, month, day)
        if g.get("next") or "end of next" in match.group(0).lower():
            end = date(end.year + 1, month, day)
        return "term", end
    end = term_end(cal.today, what)
    if g.get("next") or "end of next" in match.group(0).lower():
        end = term_end(end + timedelta(days=1), what)
    return "term", end


def _named_month(g: Groups, match: re.Match[str], cal: Calendar) -> Resolved:
    year_text = g.get("year")
    named_year = None if not year_text or year_text.lower() == "20xx" else _year(year_text, cal.today.year)
    said_year = (g.get("ny") or "").lower()
    if said_year:  # "December of next year"
        named_year = cal.today.year + (1 if said_year == "next" else 0)
    day_text = g.get("day")
    day_of_month = int(day_text) if day_text else None
    month = MONTHS[(g["month"] or "").lower()]
    if named_year is None and (g.get("rel") or "").lower() == "next" and month == cal.today.month:
        named_year = cal.today.year + 1  # "next June", said in June
    resolved = _next_month_date(cal.today, month, day_of_month, named_year)
    return ("date", resolved) if resolved else None


def _quarter(g: Groups, match: re.Match[str], cal: Calendar) -> Resolved:
    quarter = int(g["q"]) if g["q"] else _ORD[(g["qo"] or "").lower()]
    year_text = g["qy"] or g.get("qy2") or g.get("qy3") or g.get("qy4") or g["fy1"]
    said_year = (g.get("qnext") or "").lower()
    if said_year and not year_text:  # "Q1 next year"
        return "quarter", cal.quarter_end(
            quarter, cal.fiscal_year(cal.today) + (1 if said_year == "next" else 0)
        )
    return "quarter", cal.quarter_end(quarter, _year(year_text, 0) if year_text else None)


def _half(g: Groups, match: re.Match[str], cal: Calendar) -> Resolved:
    half = int(g["h"]) if g["h"] else (1 if (g["ho"] or "").lower() == "first" else 2)
    return "half", cal.half_end(half, _year(g["hy"], 0) if g["hy"] else None)


def _relative_period(g: Groups, match: re.Match[str], cal: Calendar) -> Resolved:
    rel = " ".join((g["rel"] or "").lower().split())
    what = " ".join((g["what"] or "").lower().split())
    kind: Kind = "quarter" if what == "quarter" else "year"
    return kind, _relative("this" if rel.startswith("end") else rel, what, cal)


def _end_of(g: Groups, match: re.Match[str], cal: Calendar) -> Resolved:
    what = (
        g["pre"]
        or g["post"]
        or g.get("poss")
        or {"y": "year", "q": "quarter", "m": "month"}.get(g["eo"] or "", "year")
    )
    if "mid" in match.group(0).lower():
        return "half", cal.half_end(1)
    return "year" if what == "year" else "quarter", _relative("this", what.lower(), cal)


def _span_of(g: Groups, match: re.Match[str], cal: Calendar) -> Resolved:
    count = number_value(g.get("n") or "1")
    return ("span", _span(count, g["unit"] or "", cal.today)) if count else None


SEASON_END = {"spring": (5, 31), "summer": (8, 31), "fall": (11, 30), "autumn": (11, 30), "winter": (2, 28)}
HOLIDAYS = {"christmas": (12, 25), "xmas": (12, 25), "thanksgiving": (11, 22), "new": (12, 31)}


def _season(g: Groups, match: re.Match[str], cal: Calendar) -> Resolved:
    holiday = (g.get("holiday") or "").lower()
    if holiday:
        month, day = HOLIDAYS.get(holiday.split()[0], (12, 31))
        return "term", _next_month_date(cal.today, month, day, None)
    month, day = SEASON_END[(g.get("season") or "").lower()]
    year_text = g.get("y")
    if year_text:
        year = int(year_text) + (1 if month == 2 else 0)
        return "term", date(year, month, calendar.monthrange(year, month)[1] if month == 2 else day)
    end = _next_month_date(cal.today, month, None if month == 2 else day, None)
    if end is not None and (g.get("rel") or "").lower() == "next":
        end = date(end.year + 1, end.month, calendar.monthrange(end.year + 1, end.month)[1])
    return ("term", end) if end else None


PART_DAY = {"early": 10, "start": 1, "beginning": 1, "mid": 15, "middle": 15}


def _part(word: str | None) -> str:
    return (word or "").lower().replace("the ", "").replace(" of", "").strip()


def _month_part(g: Groups, match: re.Match[str], cal: Calendar) -> Resolved:
    """ "mid-March" is the 15th, "early May" the 10th, "late September" its last day."""
    part = _part(g.get("part"))
    year_text = g.get("year")
    year = None if not year_text or year_text.lower() == "20xx" else _year(year_text, cal.today.year)
    month = MONTHS[(g["month"] or "").lower()]
    resolved = _next_month_date(cal.today, month, PART_DAY.get(part), year)
    return ("date", resolved) if resolved else None


def _year_part(g: Groups, match: re.Match[str], cal: Calendar) -> Resolved:
    """ "early 2028" is its first quarter, "mid-2028" its first half, "late 2028" its end."""
    part, year = _part(g.get("part")), int(g.get("y") or 0)
    month_day = {"early": (3, 31), "mid": (6, 30), "middle": (6, 30), "start": (1, 1), "beginning": (1, 1)}
    month, day = month_day.get(part, (12, 31))
    return "year", date(year, month, day)


def _from_now(g: Groups, match: re.Match[str], cal: Calendar) -> Resolved:
    if g.get("unit2"):
        return "span", _span(1, g["unit2"] or "", cal.today)
    return _span_of(g, match, cal)


def _course(g: Groups, match: re.Match[str], cal: Calendar) -> Resolved:
    what = " ".join((g.get("what") or g.get("what2") or "").lower().split())
    return ("quarter" if what == "quarter" else "year"), _relative("this", what, cal)


_ORDINAL = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3}


def _nth_period(g: Groups, match: re.Match[str], cal: Calendar) -> Resolved:
    """ "by the end of my first year" is a year from now, "by the end of year two" two years."""
    if g.get("ord"):
        return "span", _span(_ORDINAL[(g["ord"] or "").lower()], g.get("unit") or "", cal.today)
    count = number_value(g.get("n") or "")
    return ("span", _span(count, g.get("unit2") or "", cal.today)) if count else None


def _plan_week(g: Groups, match: re.Match[str], cal: Calendar) -> Resolved:
    count = int(g.get("n") or 0)
    return ("span", _span(count, g.get("unit") or "week", cal.today)) if count else None


def _day_word(g: Groups, match: re.Match[str], cal: Calendar) -> Resolved:
    word = (g.get("w") or g.get("w2") or g.get("w3") or "").lower()
    if "weekend" in word:
        return "date", cal.today + timedelta(days=(6 - cal.today.weekday()) % 7)  # the coming Sunday
    return "date", cal.today + timedelta(days=1 if word == "tomorrow" else 0)


def _nth(g: Groups, match: re.Match[str], cal: Calendar) -> Resolved:
    day = int(g.get("d") or 0)
    if not 1 <= day <= 31:
        return None
    month, year = cal.today.month, cal.today.year
    for _ in range(3):
        if day <= calendar.monthrange(year, month)[1] and date(year, month, day) >= cal.today:
            return "date", date(year, month, day)
        month, year = (1, year + 1) if month == 12 else (month + 1, year)
    return None


def _weekday(g: Groups, match: re.Match[str], cal: Calendar) -> Resolved:
    target = _WEEKDAYS.index((g["wd"] or "").lower())
    ahead = (target - cal.today.weekday()) % 7 or 7
    if (g.get("next") or g.get("next2") or "").lower() == "next" and ahead < 7:
        ahead += 7 if "by next" not in match.group(0).lower() else 0
    return "date", cal.today + timedelta(days=ahead)


_RESOLVERS: dict[str, Callable[[Groups, re.Match[str], Calendar], Resolved]] = {
    "iso": _iso,
    "slash": _slash,
    "month_slash": _month_slash,
    "rest": _rest_of,
    "term": _term,
    "day_month": _named_month,
    "month_day": _named_month,
    "month": _named_month,
    "month_part": _month_part,
    "year_part": _year_part,
    "from_now": _from_now,
    "course": _course,
    "nth_period": _nth_period,
    "half_year": lambda g, m, cal: ("span", _span(6, "month", cal.today)),
    "quarter": _quarter,
    "half": _half,
    "fiscal": lambda g, m, cal: ("year", cal.year_end(_year(g["fy"], cal.today.year))),
    "fiscal_end": lambda g, m, cal: ("year", cal.year_end(cal.fiscal_year(cal.today))),
    "week_of": _week_of,
    "year": lambda g, m, cal: ("year", date(int(g["y"] or 0), 12, 31)),
    "relative": _relative_period,
    "end": _end_of,
    "span": _span_of,
    "within_unit": lambda g, m, cal: ("span", _span(1, g["unit"] or "", cal.today)),
    "event": lambda g, m, cal: ("event", None),
    "weekday": _weekday,
    "plan_week": _plan_week,
    "season": _season,
    "mid": lambda g, m, cal: ("half", date(int(g.get("y") or 0), 6, 30)),
    "day_word": _day_word,
    "nth": _nth,
}


def _resolve(kind: str, match: re.Match[str], cal: Calendar) -> Resolved:
    resolver = _RESOLVERS.get(kind)
    return resolver(match.groupdict(), match, cal) if resolver else None


COMPARED_BEFORE = re.compile(
    r"(?:compared\s+(?:to|with)|in\s+comparison\s+(?:to|with)|versus|vs\.?|relative\s+to|against"
    r"|(?<!later\s)(?<!sooner\s)than(?:\s+in)?"  # "no later than March 15" is a deadline
    r"|(?:up|down)\s+(?:on|from)|over)\s+(?:that\s+of\s+)?(?:the\s+)?"
    r"(?:same\s+(?:period|quarter|month|time|week)\s+(?:of|in|last)\s+)?(?:the\s+)?$",
    re.IGNORECASE,
)
COMPARED_AFTER = re.compile(
    r"^\s*(?:of\s+|in\s+)?(?:the\s+)?(?:previous|prior|last|preceding)\s+(?:fiscal\s+)?year\b"
    r"|^\s*(?:of\s+)?last\s+year\b|^\s*(?:'s\s+)?(?:figures?|numbers|results|levels?|baseline)\b",
    re.IGNORECASE,
)
LAST_PERIOD = re.compile(
    r"\b(?:year|month|quarter|week)[\s-]+(?:over|on)[\s-]+(?:year|month|quarter|week)\b|\b(?:yoy|qoq|mom)\b|"
    r"\b(?:(?:compared\s+(?:to|with)|versus|vs\.?|than|relative\s+to|over|from)\s+)?"
    r"(?:the\s+)?(?:same\s+(?:period|quarter|month|time)\s+)?(?:last|previous|prior|preceding)\s+"
    r"(?:fiscal\s+)?(?:year|quarter|month|week)(?:'s\s+(?:figures?|numbers|results))?\b",
    re.IGNORECASE,
)


STARTING_BEFORE = re.compile(
    r"(?:starting|beginning|commencing|effective|as\s+of|from\s+the\s+start\s+of)\s+(?:on\s+|in\s+|from\s+)?"
    r"(?:this\s+|next\s+|the\s+)?$",
    re.IGNORECASE,
)


def _compared(text: str, start: int, end: int) -> bool:
    """True when the period at ``text[start:end]`` is what a change is measured against."""
    return bool(COMPARED_BEFORE.search(text[max(0, start - 60) : start])) or bool(
        COMPARED_AFTER.search(text[end : end + 40])
    )


def _classified(text: str, kind: str, match: re.Match[str], resolved: tuple[Kind, date | None]) -> Deadline:
    """The deadline a match means, or a start ("starting in July") or a comparison period ("vs Q1 2026")."""
    start, end = match.span()
    if STARTING_BEFORE.search(text[max(0, start - 30) : start]):
        return Deadline(match.group(0), "start", None, start, end)
    forward = re.search(r"\b(?:next|coming|following|this|current)\b", match.group(0), re.IGNORECASE)
    if kind not in ("span", "rest", "event") and not forward and _compared(text, start, end):
        return Deadline(match.group(0), "comparison", None, start, end)
    return Deadline(match.group(0), resolved[0], resolved[1], start, end)


def find_deadlines(text: str, today: date, fiscal_start_month: int = 1) -> list[Deadline]:
    """Every time expression in ``text``, concrete ones first, each span of text used once.

    A period that a change is compared with ("compared to Q1 of the previous year",
    "versus last year") is found too, with the kind ``comparison``: it is no deadline.
    """
    cal = Calendar(today, fiscal_start_month)
    found: list[Deadline] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in taken)

    for kind, pattern in PATTERNS:
        for match in pattern.finditer(text):
            if not free(match.start(), match.end()):
                continue
            resolved = _resolve(kind, match, cal)
            if resolved is None:
                continue
            taken.append((match.start(), match.end()))
            found.append(_classified(text, kind, match, resolved))
    for match in LAST_PERIOD.finditer(text):
        if free(match.start(), match.end()):
            taken.append((match.start(), match.end()))
            found.append(Deadline(match.group(0), "comparison", None, match.start(), match.end()))
    for kind, pattern in (("recurring", RECURRING), ("vague", VAGUE)):
        for match in pattern.finditer(text):
            if free(match.start(), match.end()):
                taken.append((match.start(), match.end()))
                found.append(Deadline(match.group(0), kind, None, match.start(), match.end()))  # type: ignore[arg-type]
    return found


def main_deadline(deadlines: list[Deadline]) -> Deadline | None:
    """The goal's deadline: the latest date found, else an event, a recurrence or a vague word.

    A comparison period is never the deadline.
    """
    dated = [d for d in deadlines if d.date is not None and d.kind != "comparison"]
    if dated:
        return max(dated, key=lambda d: d.date or date.min)
    for kind in ("event", "recurring", "vague"):
        for deadline in deadlines:
            if deadline.kind == kind:
                return deadline
    return None
