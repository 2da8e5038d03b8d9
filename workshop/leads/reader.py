"""Reading a lead history exported from a CRM, and mapping its columns to the definition.

Any common delimiter (comma, semicolon, tab, pipe), quoting, and encoding (UTF-8 with or
without BOM, UTF-16, Windows-1252); a header row is detected. Numbers are read per column as
the column writes them (:mod:`workshop.leads.numbers`); what each outcome value means is the
user's choice, defaulting to the common vocabularies (:mod:`workshop.leads.outcomes`). Rows
that cannot be read are counted by reason, never fatal; rows whose outcome is open are left
out and counted by value.
"""

from __future__ import annotations

import csv
import gc
import hashlib
import io
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from workshop.leads.definition import Value
from workshop.leads.numbers import COMMA, DECIMALS, NumberReading, read_columns, read_number
from workshop.leads.outcomes import LEFT_OUT, LOST, WON, default_choices
from workshop.leads.values import clean, number_of

DELIMITERS = (",", ";", "\t", "|")
DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe"}
MAX_BYTES = 200 * 1024 * 1024
MAX_SHOWN_LINES = 5


class LeadFileError(ValueError):
    """A file that cannot be read as a lead history; the message is for the user."""


@dataclass
class LeadTable:
    """The raw cells of a CSV file: column names and rows, with how the file was read."""

    columns: tuple[str, ...]
    rows: list[tuple[int, tuple[str, ...]]]  # (line number in the file, cells)
    encoding: str
    delimiter: str
    has_header: bool
    name: str = ""
    sha256: str = ""
    _distinct: dict[int, Counter[str]] = field(default_factory=dict, repr=False, compare=False)

    def describe(self) -> str:
        header = "a header row" if self.has_header else "no header row"
        return (
            f"{len(self.rows):,} rows, {len(self.columns)} columns, "
            f"{DELIMITER_NAMES.get(self.delimiter, self.delimiter)}-separated, {self.encoding}, {header}"
        )

    def values(self, column: str) -> Counter[str]:
        """How often each value (stripped, as written) occurs in ``column``, blanks included."""
        at = self.columns.index(column)
        counts = self._distinct.get(at)
        if counts is None:
            counts = Counter(row[at].strip() if at < len(row) else "" for _line, row in self.rows)
            self._distinct[at] = counts
        return counts

    def profile(self, column: str, shown: int = 5) -> ColumnProfile:
        """The column's first distinct values and how many of its cells are missing."""
        counts = self.values(column)
        missing = sum(n for value, n in counts.items() if clean(value) is None)
        firsts = [v for v in counts if clean(v) is not None][:shown]
        return ColumnProfile(column, tuple(firsts), missing, len(counts), len(self.rows))

    def number_readings(self, decimal: str = "") -> dict[str, NumberReading]:
        """How each column's numbers are read (see :mod:`workshop.leads.numbers`)."""
        distinct = {c: [v for v in self.values(c) if clean(v) is not None] for c in self.columns}
        return read_columns(distinct, decimal)


@dataclass(frozen=True)
class ColumnProfile:
    """What the mapping step shows beside a column's name."""

    column: str
    first_values: tuple[str, ...]
    missing: int
    distinct: int
    rows: int

    def describe(self) -> str:
        shown = ", ".join(f"“{v[:24]}”" for v in self.first_values) or "no values"
        more = " …" if self.distinct - (1 if self.missing else 0) > len(self.first_values) else ""
        return f"{shown}{more} · {self.missing:,} of {self.rows:,} missing"


@dataclass(frozen=True)
class ColumnMapping:
    """Which file column holds each field; which says "converted", and what its values mean.

    ``won`` and ``lost`` are the outcome values (as written in the file) that mean converted
    and not converted; every other value is left out. Both empty: the common vocabularies
    decide (:func:`workshop.leads.outcomes.default_choices`). ``decimal`` is the user's
    reading of numbers for the whole file ("point" or "comma"), "" to decide per column.
    """

    fields: Mapping[str, str] = field(default_factory=dict)  # definition field -> file column
    converted: str = ""
    won: tuple[str, ...] = ()
    lost: tuple[str, ...] = ()
    decimal: str = ""

    def to_json(self) -> dict[str, object]:
        return {
            "fields": dict(self.fields),
            "converted": self.converted,
            "won": list(self.won),
            "lost": list(self.lost),
            "decimal": self.decimal,
        }

    @classmethod
    def from_json(cls, data: object) -> ColumnMapping:
        if not isinstance(data, dict):
            return cls()
        fields = data.get("fields", {})
        if not isinstance(fields, dict):
            fields = {}

        def texts(key: str) -> tuple[str, ...]:
            items = data.get(key)
            return tuple(str(v) for v in items) if isinstance(items, list) else ()

        decimal = str(data.get("decimal") or "")
        return cls(
            {str(k): str(v) for k, v in fields.items()},
            str(data.get("converted") or ""),
            texts("won"),
            texts("lost"),
            decimal if decimal in DECIMALS else "",
        )

    def unmapped(self, fields: Sequence[str]) -> list[str]:
        """The definition's fields no column is chosen for."""
        return [name for name in fields if not self.fields.get(name)]

    def outcomes(self, values: Iterable[str]) -> dict[str, str]:
        """Each outcome value's meaning: won, lost or left out (by the user's choice, else by default)."""
        if not self.won and not self.lost:
            won, lost = default_choices(values)
            return {v: WON if v in won else LOST if v in lost else LEFT_OUT for v in values}
        won_set, lost_set = set(self.won), set(self.lost)
        return {v: WON if v in won_set else LOST if v in lost_set else LEFT_OUT for v in values}


@dataclass(frozen=True)
class BadReason:
    """Rows left out for one reason: how many, the first few line numbers and values."""

    reason: str
    count: int
    lines: tuple[int, ...]
    examples: tuple[str, ...] = ()

    def describe(self) -> str:
        lines = ", ".join(str(n) for n in self.lines)
        more = ", …" if self.count > len(self.lines) else ""
        shown = ", ".join(f"“{v}”" for v in self.examples)
        values = f" (e.g. {shown})" if shown else ""
        return (
            f"{self.reason}{values}: {self.count:,} row{'s' if self.count != 1 else ''} (line {lines}{more})"
        )


@dataclass
class LeadHistory:
    """Leads ready for scoring: cleaned values per field, whether each converted, what was left out."""

    leads: list[dict[str, Value]]
    converted: list[bool]
    bad_count: int = 0
    source: str = ""
    bad_reasons: dict[str, BadReason] = field(default_factory=dict)
    left_out: Counter[str] = field(default_factory=Counter)  # outcome value -> rows left out
    readings: dict[str, NumberReading] = field(default_factory=dict)  # definition field -> reading

    def add_bad(self, line: int, reason: str, example: str = "") -> None:
        self.bad_count += 1
        old = self.bad_reasons.get(reason)
        if old is None:
            self.bad_reasons[reason] = BadReason(reason, 1, (line,), (example,) if example else ())
            return
        lines = old.lines if len(old.lines) >= MAX_SHOWN_LINES else (*old.lines, line)
        examples = old.examples
        if example and example not in examples and len(examples) < 3:
            examples = (*examples, example)
        self.bad_reasons[reason] = BadReason(reason, old.count + 1, lines, examples)

    def bad_summary(self) -> list[BadReason]:
        """The reasons rows were left out, most frequent first."""
        return sorted(self.bad_reasons.values(), key=lambda b: (-b.count, b.lines[:1]))

    def ambiguous(self) -> list[NumberReading]:
        return [r for r in self.readings.values() if r.ambiguous]


def decode(data: bytes) -> tuple[str, str]:
    """The text of a file and the name of its encoding (UTF-8 with/without BOM, else Windows-1252)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "UTF-8 with BOM"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "UTF-16"
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "Windows-1252"


def _guess_delimiter(text: str) -> str:
    sample = text[:65536]
    lines = sample.splitlines()[:60]
    if len(lines) > 1 and not sample.endswith(("\n", "\r")):
        lines = lines[:-1]  # the last line of the sample may be cut short
    best, best_score = ",", (-1, -1)
    for delimiter in DELIMITERS:
        counts = [len(r) for r in csv.reader(lines, delimiter=delimiter) if r]
        if not counts:
            continue
        width, agreeing = Counter(counts).most_common(1)[0]
        score = (agreeing if width > 1 else 0, width)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _looks_like_header(first: Sequence[str], rest: Sequence[Sequence[str]]) -> bool:
    cells = [c.strip() for c in first]
    if not any(cells):
        return False
    if any(number_of(c) is not None for c in cells if c):
        return False  # names are not numbers
    numeric_below = any(number_of(c) is not None for row in rest[:20] for c in row if c.strip())
    distinct = len({c.casefold() for c in cells if c}) == len([c for c in cells if c])
    return numeric_below or distinct


def read_table(path: Path) -> LeadTable:
    """Read a CSV file of leads; raises LeadFileError saying what is wrong."""
    try:
        if path.stat().st_size > MAX_BYTES:
            raise LeadFileError(f"“{path.name}” is larger than {MAX_BYTES // 1024 // 1024:,} MB")
        data = path.read_bytes()
    except OSError as error:
        raise LeadFileError(f"cannot read “{path.name}”: {error.strerror or error}") from None
    return parse_table(data, path.name)


def parse_table(data: bytes, name: str = "the file") -> LeadTable:
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise LeadFileError(f"“{name}” is not a text file; export the leads from your CRM as CSV")
    digest = hashlib.sha256(data).hexdigest()
    text, encoding = decode(data)
    del data
    if not text.strip():
        raise LeadFileError(f"“{name}” is empty")
    delimiter = _guess_delimiter(text)
    with _collector_paused():
        try:
            parsed = _rows(text, delimiter)
        except csv.Error as error:
            raise LeadFileError(f"“{name}” is not a readable CSV file ({error})") from None
        del text
        if not parsed:
            raise LeadFileError(f"“{name}” has no rows")
        first = parsed[0][1]
        has_header = _looks_like_header(first, [r for _, r in parsed[1:21]])
        if has_header:
            columns = _unique([c.strip() or f"Column {i + 1}" for i, c in enumerate(first)])
            del parsed[0]
        else:
            width = Counter(len(r) for _, r in parsed[:1000]).most_common(1)[0][0]
            columns = tuple(f"Column {i + 1}" for i in range(width))
    if len(columns) < 2:
        raise LeadFileError(f"“{name}” has only one column; is it a CSV export of leads?")
    return LeadTable(columns, parsed, encoding, delimiter, has_header, name, digest)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off while millions of rows (no cycles among them) are built."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def _rows(text: str, delimiter: str) -> list[tuple[int, tuple[str, ...]]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    out: list[tuple[int, tuple[str, ...]]] = []
    start = 1
    for row in reader:
        if any(row) and any(cell.strip() for cell in row):
            out.append((start, tuple(row)))
        start = reader.line_num + 1
    return out


def _unique(names: Sequence[str]) -> tuple[str, ...]:
    seen: Counter[str] = Counter()
    out = []
    for name in names:
        seen[name] += 1
        out.append(name if seen[name] == 1 else f"{name} ({seen[name]})")
    return tuple(out)


def _key(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.casefold())


# Column names of the usual CRM exports (HubSpot, Salesforce, spreadsheets), by meaning;
# names are compared as keys (lower case, letters and digits only).
OUTCOME_NAMES = (
    "converted",
    "isconverted",
    "won",
    "iswon",
    "closedwon",
    "outcome",
    "result",
    "y",
    "target",
    "label",
    "conversion",
    "customer",
    "iscustomer",
    "dealstage",
    "stage",
    "stagename",
    "opportunitystage",
    "lifecyclestage",
    "leadstatus",
    "status",
)
FIELD_ALIASES = (
    ("leadsource", "source", "originalsource", "originalsourcetype", "latestsource", "leadsourcetype"),
    ("lifecyclestage", "lifecycle", "stage"),
    ("leadstatus", "status", "hsleadstatus"),
    ("jobtitle", "title", "role", "position", "function"),
    ("company", "companyname", "account", "accountname", "organisation", "organization"),
    ("companysize", "numberofemployees", "employees", "employeecount", "headcount"),
    ("industry", "sector"),
    ("country", "countryregion", "ipcountry", "billingcountry", "mailingcountry"),
    ("email", "emailaddress", "mail"),
    ("createddate", "createdate", "createdon", "created", "createdat", "leadcreateddate"),
    ("converteddate", "conversiondate", "closedate", "closeddate", "becameacustomerdate"),
    (
        "becameamarketingqualifiedleaddate",
        "mqldate",
        "becameanmqldate",
        "dateenteredmarketingqualifiedlead",
    ),
    ("annualrevenue", "revenue"),
    ("phone", "phonenumber", "mobilephone"),
    ("website", "websiteurl", "url"),
    ("dayssincelastactivity", "dayssincelastengagement", "dayssincelastcontact"),
    ("lastactivity", "lastactivitytype", "lastengagement"),
    ("lastactivitydate", "lastengagementdate", "lastcontacted", "lastactivity"),
    ("pricingpageviews", "pricingviews"),
    ("numberofpageviews", "pageviews", "numpageviews", "hsanalyticsnumpageviews"),
    ("numberofsessions", "sessions", "visits", "totalvisits", "hsanalyticsnumvisits"),
)


def _aliases(name: str) -> list[str]:
    key = _key(name)
    out = [key]
    for group in FIELD_ALIASES:
        if key in group:
            out += [k for k in group if k not in out]
    return out


def suggest_mapping(
    fields: Sequence[str], columns: Sequence[str], remembered: ColumnMapping | None = None
) -> ColumnMapping:
    """A mapping by remembered choice, then by name (ignoring case, spaces and punctuation),
    then by the names the usual CRM exports give the same thing."""
    by_key: dict[str, str] = {}
    for column in columns:
        by_key.setdefault(_key(column), column)
    present = set(columns)
    mapped: dict[str, str] = {}
    for name in fields:
        old = remembered.fields.get(name) if remembered else None
        if old in present:
            mapped[name] = str(old)
            continue
        match = next((by_key[k] for k in _aliases(name) if k in by_key), None)
        if match is not None:
            mapped[name] = match
    converted = remembered.converted if remembered and remembered.converted in present else ""
    if not converted:
        taken = set(mapped.values())
        converted = next(
            (by_key[k] for k in OUTCOME_NAMES if k in by_key and by_key[k] not in taken),
            next((by_key[k] for k in OUTCOME_NAMES if k in by_key), ""),
        )
    keep = remembered is not None and converted == remembered.converted
    return ColumnMapping(
        mapped,
        converted,
        remembered.won if remembered and keep else (),
        remembered.lost if remembered and keep else (),
        remembered.decimal if remembered else "",
    )


def leads_from(
    table: LeadTable, mapping: ColumnMapping, number_fields: set[str], source: str = ""
) -> LeadHistory:
    """Clean the mapped columns of every row; count the rows that cannot be used, by reason.

    Numbers are read as each column writes them (:meth:`LeadTable.number_readings`); rows
    whose outcome is neither converted nor not converted are left out and counted by value.
    """
    index = {c: i for i, c in enumerate(table.columns)}
    missing = [c for c in (*mapping.fields.values(), mapping.converted) if c and c not in index]
    if missing:
        raise LeadFileError(f"the file has no column “{missing[0]}”")
    if not mapping.converted:
        raise LeadFileError("choose the column that says whether a lead converted")
    wanted = [(f, index[c], f in number_fields) for f, c in mapping.fields.items() if c]
    all_readings = table.number_readings(mapping.decimal)
    readings = {f: all_readings[c] for f, c in mapping.fields.items() if c and f in number_fields}
    decimals = [readings[f].decimal if is_number else "" for f, _at, is_number in wanted]
    outcome_at = index[mapping.converted]
    meaning = mapping.outcomes(table.values(mapping.converted))
    width = len(table.columns)
    history = LeadHistory([], [], 0, source or table.name, readings=readings)
    leads, converted, left_out = history.leads, history.converted, history.left_out
    with _collector_paused():
        for line, row in table.rows:
            if len(row) != width and not (len(row) > width and not any(c.strip() for c in row[width:])):
                history.add_bad(line, f"{len(row)} cells where the header has {width}")
                continue
            outcome = row[outcome_at].strip()
            means = meaning.get(outcome, LEFT_OUT)
            if means == LEFT_OUT:
                left_out[outcome] += 1
                continue
            lead: dict[str, Value] = {}
            for (name, at, is_number), decimal in zip(wanted, decimals, strict=True):
                value = clean(row[at])
                if value is not None and is_number:
                    number = read_number(value, decimal)
                    if number is None:
                        lead = {}
                        mark = "decimal comma" if decimal == COMMA else "decimal point"
                        history.add_bad(line, f"“{name}” is not a number (read with a {mark})", value[:40])
                        break
                    lead[name] = number
                else:
                    lead[name] = value
            else:
                leads.append(lead)
                converted.append(means == WON)
    return history


def run_evidence(table: LeadTable, mapping: ColumnMapping, history: LeadHistory) -> dict[str, object]:
    """What a saved run rests on, beyond its figures: the file, the mapping and the readings."""
    return {
        "file": table.name,
        "sha256": table.sha256,
        "rows": len(table.rows),
        "encoding": table.encoding,
        "delimiter": DELIMITER_NAMES.get(table.delimiter, table.delimiter),
        "number_readings": {
            name: {"column": r.column, "decimal": r.decimal, "how": r.how, "example": r.example_text()}
            for name, r in history.readings.items()
        },
        "outcomes": {
            "column": mapping.converted,
            "won": sorted(
                v for v, m in mapping.outcomes(table.values(mapping.converted)).items() if m == WON
            ),
            "lost": sorted(
                v for v, m in mapping.outcomes(table.values(mapping.converted)).items() if m == LOST
            ),
        },
        "left_out": dict(history.left_out.most_common()),
        "bad_reasons": [
            {"reason": b.reason, "count": b.count, "lines": list(b.lines)} for b in history.bad_summary()
        ],
    }
