"""Reading a lead history exported from a CRM, and mapping its columns to the definition.

Any common delimiter (comma, semicolon, tab, pipe), quoting, and encoding (UTF-8 with or
without BOM, UTF-16, Windows-1252); a header row is detected. Numbers are read per column as
the column writes them (:mod:`workshop.leads.numbers`); what each outcome value means is the
user's choice, defaulting to the common vocabularies (:mod:`workshop.leads.outcomes`). Rows
that cannot be read are counted by reason, never fatal; rows whose outcome is open are left
out and counted by value.

The file is streamed, never held: :func:`read_table` reads it once to fingerprint it and
once to profile its columns (bounded: at most ``MAX_DISTINCT`` values kept per column), and
:func:`leads_from` reads it again keeping only each lead's mapped values, as small codes
into each field's distinct values. Memory grows with the number of leads by a few bytes per
mapped field, not with the file's width or size. Both take a ``progress`` function that
is told the share done and may stop the reading by returning False.
"""

from __future__ import annotations

import codecs
import csv
import gc
import hashlib
import io
import re
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from itertools import islice
from operator import itemgetter
from pathlib import Path
from typing import IO, Any

from workshop.inputs import InputError, require_regular_file
from workshop.leads.dates import DATE_ORDERS, DateEvidence, DateReading, read_date, read_date_columns
from workshop.leads.definition import Value
from workshop.leads.numbers import (
    COMMA,
    DECIMALS,
    ColumnEvidence,
    NumberReading,
    read_evidence,
    read_number,
)
from workshop.leads.outcomes import LEFT_OUT, LOST, WON, default_outcome
from workshop.leads.values import clean, number_of

DELIMITERS = (",", ";", "\t", "|")
DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe"}
MAX_BYTES = 4 * 1024**3  # streaming keeps memory bounded; the cap only stops a mistaken pick
MAX_SHOWN_LINES = 5
MAX_DISTINCT = 20_000  # values kept per column for the mapping step; more only counted
EVIDENCE_SAMPLE = 500  # new values per chunk that add to a capped column's number evidence
CHUNK_ROWS = 20_000
READ_BYTES = 1 << 20
CODECS = {
    "UTF-8 with BOM": "utf-8-sig",
    "UTF-16": "utf-16",
    "UTF-8": "utf-8",
    "Windows-1252": "cp1252",
}

Progress = Callable[[float], bool]  # share done (0..1) -> go on?
Opener = Callable[[], IO[bytes]]


class LeadFileError(ValueError):
    """A file that cannot be read as a lead history; the message is for the user."""


class ReadingStoppedError(LeadFileError):
    """The user stopped the reading."""

    def __init__(self) -> None:
        super().__init__("reading stopped")


def _keep_going(progress: Progress | None, done: float) -> None:
    if progress is not None and progress(min(1.0, done)) is False:
        raise ReadingStoppedError


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off while rows (no cycles among them) stream by."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


@dataclass
class ColumnStats:
    """One column's values as the profiling pass saw them."""

    counts: Counter[str] = field(default_factory=Counter)  # raw value -> rows, exact unless capped
    capped: bool = False  # more than MAX_DISTINCT values: ``counts`` holds the first ones only
    missing_after_cap: int = 0
    evidence_after_cap: ColumnEvidence = field(default_factory=ColumnEvidence)
    dates_after_cap: DateEvidence = field(default_factory=DateEvidence)

    def add(self, cells: Sequence[str]) -> None:
        if not self.capped:
            self.counts.update(cells)
            if len(self.counts) > MAX_DISTINCT:
                self.capped = True
                self.counts = Counter(dict(islice(self.counts.items(), MAX_DISTINCT)))
            return
        counts = Counter(cells)
        sampled = 0
        for value, rows in counts.items():
            if clean(value) is None:
                self.missing_after_cap += rows
            elif sampled < EVIDENCE_SAMPLE and value not in self.counts:
                sampled += 1  # a column of (nearly) unique values: its evidence from a sample per chunk
                self.evidence_after_cap.add(value)
                self.dates_after_cap.add(value)


@dataclass
class LeadTable:
    """A CSV file of leads as read: its columns, rows and how it is written; the rows stay in the file."""

    columns: tuple[str, ...]
    row_count: int
    encoding: str
    delimiter: str
    has_header: bool
    name: str
    sha256: str
    opener: Opener = field(repr=False, compare=False)
    size: int = 0
    stats: list[ColumnStats] = field(default_factory=list, repr=False, compare=False)
    _stripped: dict[int, Counter[str]] = field(default_factory=dict, repr=False, compare=False)
    _readings: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict, repr=False, compare=False)

    def describe(self) -> str:
        header = "a header row" if self.has_header else "no header row"
        return (
            f"{self.row_count:,} rows, {len(self.columns)} columns, "
            f"{DELIMITER_NAMES.get(self.delimiter, self.delimiter)}-separated, {self.encoding}, {header}"
        )

    def values(self, column: str) -> Counter[str]:
        """How often each value (stripped, as written) occurs in ``column``, blanks included.

        Exact unless the column has more than ``MAX_DISTINCT`` values (:meth:`capped`).
        """
        at = self.columns.index(column)
        counts = self._stripped.get(at)
        if counts is None:
            counts = Counter()
            for value, rows in self.stats[at].counts.items():
                counts[value.strip()] += rows
            self._stripped[at] = counts
        return counts

    def capped(self, column: str) -> bool:
        return self.stats[self.columns.index(column)].capped

    def profile(self, column: str, shown: int = 5) -> ColumnProfile:
        """The column's first distinct values and how many of its cells are missing."""
        counts = self.values(column)
        stats = self.stats[self.columns.index(column)]
        missing = sum(n for value, n in counts.items() if clean(value) is None) + stats.missing_after_cap
        firsts = [v for v in counts if clean(v) is not None][:shown]
        distinct = len(counts) + (1 if stats.capped else 0)
        return ColumnProfile(column, tuple(firsts), missing, distinct, self.row_count)

    def number_readings(self, decimal: str = "") -> dict[str, NumberReading]:
        """How each column's numbers are read (see :mod:`workshop.leads.numbers`)."""
        known = self._readings.get(("numbers", decimal))
        if known is None:
            known = self._readings[("numbers", decimal)] = self._number_readings(decimal)
        return dict(known)

    def _number_readings(self, decimal: str) -> dict[str, NumberReading]:
        found = {}
        for column, stats in zip(self.columns, self.stats, strict=True):
            seen = ColumnEvidence.of(v for v in self.values(column) if clean(v) is not None)
            extra = stats.evidence_after_cap
            for kind, value in extra.first.items():
                seen.first.setdefault(kind, value)
            seen.points += extra.points
            seen.commas += extra.commas
            seen.numbers += extra.numbers
            seen.others += extra.others
            found[column] = seen
        return read_evidence(found, decimal)

    def date_readings(self, order: str = "") -> dict[str, DateReading]:
        """How each column that holds dates writes them (see :mod:`workshop.leads.dates`)."""
        known = self._readings.get(("dates", order))
        if known is None:
            known = self._readings[("dates", order)] = self._date_readings(order)
        return dict(known)

    def _date_readings(self, order: str) -> dict[str, DateReading]:
        found = {}
        for column, stats in zip(self.columns, self.stats, strict=True):
            seen = DateEvidence()
            for value in self.values(column):
                if clean(value) is not None:
                    seen.add(value)
            extra = stats.dates_after_cap
            seen.iso += extra.iso
            seen.day_first += extra.day_first
            seen.month_first += extra.month_first
            seen.either += extra.either
            seen.others += extra.others
            for kind, value in extra.first.items():
                seen.first.setdefault(kind, value)
            found[column] = seen
        return read_date_columns(found, order)

    def rows(self, progress: Progress | None = None) -> Iterator[tuple[int, list[str]]]:
        """Each non-blank data row with its line number in the file, read from the file again."""
        with self.opener() as raw:
            text = io.TextIOWrapper(raw, encoding=CODECS[self.encoding], errors="replace", newline="")
            reader = csv.reader(text, delimiter=self.delimiter)
            start, seen, header_left = 1, 0, self.has_header
            try:
                for row in reader:
                    line, start = start, reader.line_num + 1
                    if not any(row) or (len(row) == 1 and not row[0].strip()):
                        continue
                    if header_left:
                        header_left = False
                        continue
                    yield line, row
                    seen += 1
                    if progress is not None and seen % CHUNK_ROWS == 0:
                        _keep_going(progress, raw.tell() / self.size if self.size else 1.0)
            except csv.Error as error:
                raise LeadFileError(f"“{self.name}” is not a readable CSV file ({error})") from None


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
    dates: str = ""  # "day first" or "month first" for the whole file; "" to decide per column
    created: str = ""  # fair cohorts: the column with each lead's creation date ("" for none)
    cycle_days: int = 0  # fair cohorts: leave out leads younger than this (0 for none)

    def to_json(self) -> dict[str, object]:
        return {
            "fields": dict(self.fields),
            "converted": self.converted,
            "won": list(self.won),
            "lost": list(self.lost),
            "decimal": self.decimal,
            "dates": self.dates,
            "created": self.created,
            "cycle_days": self.cycle_days,
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
        dates = str(data.get("dates") or "")
        cycle = data.get("cycle_days")
        return cls(
            {str(k): str(v) for k, v in fields.items()},
            str(data.get("converted") or ""),
            texts("won"),
            texts("lost"),
            decimal if decimal in DECIMALS else "",
            dates if dates in DATE_ORDERS else "",
            str(data.get("created") or ""),
            cycle if isinstance(cycle, int) and not isinstance(cycle, bool) and cycle > 0 else 0,
        )

    def unmapped(self, fields: Sequence[str]) -> list[str]:
        """The definition's fields no column is chosen for."""
        return [name for name in fields if not self.fields.get(name)]

    def meaning(self, value: str) -> str:
        """An outcome value's meaning: won, lost or left out (the user's choice, else the vocabularies)."""
        value = value.strip()
        if not self.won and not self.lost:
            return default_outcome(value)
        return WON if value in self.won else LOST if value in self.lost else LEFT_OUT

    def outcomes(self, values: Iterable[str]) -> dict[str, str]:
        """Each of ``values``' meaning (see :meth:`meaning`)."""
        return {v: self.meaning(v) for v in values}


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
    """Leads ready for scoring, column by column, and what was left out and why.

    Lead ``i``'s value of ``fields[f]`` is ``values[f][codes[i * len(fields) + f]]``:
    each field's distinct cleaned values are kept once, each lead holds small codes.
    """

    fields: tuple[str, ...] = ()
    values: list[list[Value]] = field(default_factory=list)  # per field: its distinct values
    codes: array[int] = field(default_factory=lambda: array("I"))
    converted: bytearray = field(default_factory=bytearray)  # per lead: 1 if it converted
    bad_count: int = 0
    source: str = ""
    bad_reasons: dict[str, BadReason] = field(default_factory=dict)
    left_out: Counter[str] = field(default_factory=Counter)  # outcome value -> rows left out
    readings: dict[str, NumberReading] = field(default_factory=dict)  # definition field -> reading
    cohort: Cohort | None = None  # the leads left out as too young to have converted

    @property
    def count(self) -> int:
        return len(self.converted)

    def lead(self, i: int) -> dict[str, Value]:
        width = len(self.fields)
        return {f: self.values[k][self.codes[i * width + k]] for k, f in enumerate(self.fields)}

    @property
    def leads(self) -> list[dict[str, Value]]:
        """Every lead as a mapping of field to value (for small histories: tests, one lead shown)."""
        return [self.lead(i) for i in range(self.count)]

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


@dataclass(frozen=True)
class Cohort:
    """Fair cohorts: leads created within the sales cycle before the newest lead are left out."""

    column: str
    cycle_days: int
    reading: DateReading
    newest: date | None  # the newest creation date in the file
    too_young: int  # leads left out: created after ``newest - cycle_days``
    undated: int  # leads kept without a readable creation date

    def describe(self) -> str:
        if self.newest is None:
            return f"no date in “{self.column}” could be read: no lead left out by age"
        cutoff = self.newest.toordinal() - self.cycle_days
        undated = f"; {self.undated:,} without a readable date kept" if self.undated else ""
        return (
            f"{self.too_young:,} leads created after {date.fromordinal(cutoff).isoformat()} left out: "
            f"younger than the {self.cycle_days}-day sales cycle before the newest lead "
            f"({self.newest.isoformat()}){undated}"
        )


def _encoding(opener: Opener, size: int, progress: Progress | None) -> tuple[str, str]:
    """The file's encoding name and SHA-256, in one pass over its bytes."""
    digest = hashlib.sha256()
    with opener() as raw:
        start = raw.read(4)
        if start.startswith(b"\xef\xbb\xbf"):
            encoding = "UTF-8 with BOM"
        elif start.startswith((b"\xff\xfe", b"\xfe\xff")):
            encoding = "UTF-16"
        else:
            encoding = "UTF-8"
        decoder = codecs.getincrementaldecoder("utf-8")("strict")
        chunk, done = start, 0
        while chunk:
            digest.update(chunk)
            if encoding == "UTF-8":
                try:
                    decoder.decode(chunk)
                except UnicodeDecodeError:
                    encoding = "Windows-1252"
            done += len(chunk)
            _keep_going(progress, 0.3 * done / size if size else 0.0)
            chunk = raw.read(READ_BYTES)
        if encoding == "UTF-8":
            try:
                decoder.decode(b"", final=True)
            except UnicodeDecodeError:
                encoding = "Windows-1252"
    return encoding, digest.hexdigest()


def read_table(path: Path, progress: Progress | None = None) -> LeadTable:
    """Read a CSV file of leads; raises LeadFileError saying what is wrong.

    ``progress`` is told the share of the reading done, and stops it by returning False
    (then :class:`ReadingStoppedError` is raised).
    """
    try:
        path = require_regular_file(
            path, "lead history"
        )  # a pipe or a device: refused at once, never waited on
    except InputError as error:
        raise LeadFileError(str(error).rstrip(".")) from None
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise LeadFileError(f"“{path.name}” is larger than {MAX_BYTES // 1024**3:,} GB")
        with path.open("rb"):
            pass
    except OSError as error:
        raise LeadFileError(f"cannot read “{path.name}”: {error.strerror or error}") from None
    return _read(lambda: path.open("rb"), size, path.name, progress)


def parse_table(data: bytes, name: str = "the file") -> LeadTable:
    """Read a lead history from bytes already in memory (see :func:`read_table`)."""
    return _read(lambda: io.BytesIO(data), len(data), name, None)


def _read(opener: Opener, size: int, name: str, progress: Progress | None) -> LeadTable:
    with opener() as raw:
        head = raw.read(65536)
    if b"\x00" in head[:4096] and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise LeadFileError(f"“{name}” is not a text file; export the leads from your CRM as CSV")
    try:
        encoding, digest = _encoding(opener, size, progress)
    except OSError as error:
        raise LeadFileError(f"cannot read “{name}”: {error.strerror or error}") from None
    sample = head.decode(CODECS[encoding], errors="replace")
    if len(head) == 65536 and "\n" in sample:
        sample = sample[: sample.rindex("\n") + 1]  # the last line of the sample may be cut short
    if not sample.strip():
        raise LeadFileError(f"“{name}” is empty")
    delimiter = _guess_delimiter(sample)
    try:
        first_rows = [r for r in csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter) if any(r)]
    except csv.Error as error:
        raise LeadFileError(f"“{name}” is not a readable CSV file ({error})") from None
    first_rows = [r for r in first_rows if not (len(r) == 1 and not r[0].strip())]
    if not first_rows:
        raise LeadFileError(f"“{name}” has no rows")
    has_header = _looks_like_header(first_rows[0], first_rows[1:21])
    if has_header:
        columns = _unique([c.strip() or f"Column {i + 1}" for i, c in enumerate(first_rows[0])])
    else:
        width = Counter(len(r) for r in first_rows).most_common(1)[0][0]
        columns = tuple(f"Column {i + 1}" for i in range(width))
    if len(columns) < 2:
        raise LeadFileError(f"“{name}” has only one column; is it a CSV export of leads?")
    table = LeadTable(
        columns,
        0,
        encoding,
        delimiter,
        has_header,
        name,
        digest,
        opener,
        size,
        [ColumnStats() for _ in columns],
    )
    _profile(table, progress)
    if table.row_count == 0:
        raise LeadFileError(f"“{name}” has no rows" + (" under its header" if has_header else ""))
    table.number_readings()  # worked out here, on the reading's thread, not when first shown
    table.date_readings()
    return table


def _profile(table: LeadTable, progress: Progress | None) -> None:
    """Count each column's values, a chunk of rows at a time (columns counted at C speed)."""
    width = len(table.columns)
    stats = table.stats
    chunk: list[list[str]] = []

    getters = [itemgetter(i) for i in range(width)]

    def absorb() -> None:
        for column, getter in zip(stats, getters, strict=True):
            column.add(list(map(getter, chunk)))
        chunk.clear()

    scaled: Progress | None = None
    if progress is not None:
        outer = progress

        def scaled(done: float) -> bool:
            return outer(0.3 + 0.7 * done)

    rows = 0
    with _collector_paused():
        for _line, row in table.rows(scaled):
            rows += 1
            if len(row) != width:
                if len(row) < width or any(c.strip() for c in row[width:]):
                    continue  # a bad row: counted when the leads are read
                chunk.append(row[:width])
            else:
                chunk.append(row)
            if len(chunk) >= CHUNK_ROWS:
                absorb()
        if chunk:
            absorb()
    table.row_count = rows


def _unique(names: Sequence[str]) -> tuple[str, ...]:
    seen: Counter[str] = Counter()
    out = []
    for name in names:
        seen[name] += 1
        out.append(name if seen[name] == 1 else f"{name} ({seen[name]})")
    return tuple(out)


def column_key(name: str) -> str:
    """A column name as names are compared: lower case letters and digits only."""
    return _key(name)


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


def _code_of(history: LeadHistory, k: int, cell: str, readings: Mapping[str, NumberReading]) -> int | str:
    """The code of a cell's cleaned value in field ``k``, or why the cell cannot be used."""
    name = history.fields[k]
    value: Value = clean(cell)
    if value is not None and name in readings:
        decimal = readings[name].decimal
        value = read_number(str(value), decimal)
        if value is None:
            mark = "decimal comma" if decimal == COMMA else "decimal point"
            return f"“{name}” is not a number (read with a {mark})"
    known = history.values[k]
    known.append(value)
    return len(known) - 1


def _checked_columns(table: LeadTable, mapping: ColumnMapping) -> dict[str, int]:
    """Each column's position; raises LeadFileError when the mapping names one the file lacks."""
    index = {c: i for i, c in enumerate(table.columns)}
    missing = [c for c in (*mapping.fields.values(), mapping.converted) if c and c not in index]
    if missing:
        raise LeadFileError(f"the file has no column “{missing[0]}”")
    if not mapping.converted:
        raise LeadFileError("choose the column that says whether a lead converted")
    return index


def leads_from(
    table: LeadTable,
    mapping: ColumnMapping,
    number_fields: set[str],
    source: str = "",
    progress: Progress | None = None,
) -> LeadHistory:
    """Read the mapped columns of every row; count the rows that cannot be used, by reason.

    Numbers are read as each column writes them (:meth:`LeadTable.number_readings`); rows
    whose outcome is neither converted nor not converted are left out and counted by value.
    """
    index = _checked_columns(table, mapping)
    wanted = [(f, index[c]) for f, c in mapping.fields.items() if c]
    all_readings = table.number_readings(mapping.decimal)
    readings = {f: all_readings[c] for f, c in mapping.fields.items() if c and f in number_fields}
    history = LeadHistory(
        fields=tuple(f for f, _at in wanted),
        values=[[] for _ in wanted],
        source=source or table.name,
        readings=readings,
    )
    # Per field: raw cell -> code of its cleaned value, or the reason the cell is bad.
    lookups: list[dict[str, int | str]] = [{} for _ in wanted]
    positions = [at for _f, at in wanted]
    outcome_at = index[mapping.converted]
    meanings: dict[str, str] = {}
    width = len(table.columns)
    codes, converted, left_out = history.codes, history.converted, history.left_out

    def code_of(k: int, cell: str) -> int | str:
        return _code_of(history, k, cell, readings)

    created_at, day_of = _creation_dates(table, mapping)
    days = array("i")
    with _collector_paused():
        for line, row in table.rows(progress):
            if len(row) != width and (len(row) < width or any(c.strip() for c in row[width:])):
                history.add_bad(line, f"{len(row)} cells where the header has {width}")
                continue
            outcome = row[outcome_at]
            means = meanings.get(outcome)
            if means is None:
                means = meanings[outcome] = mapping.meaning(outcome)
            if means == LEFT_OUT:
                left_out[outcome.strip()] += 1
                continue
            lead = []
            for k, at in enumerate(positions):
                cell = row[at]
                code = lookups[k].get(cell)
                if code is None:
                    code = lookups[k][cell] = code_of(k, cell)
                if code.__class__ is str:
                    history.add_bad(line, str(code), cell.strip()[:40])
                    break
                lead.append(code)
            else:
                codes.extend(lead)  # type: ignore[arg-type]  # every code is an int here
                converted.append(means == WON)
                if created_at >= 0:
                    days.append(day_of(row[created_at]))
    if created_at >= 0:
        _leave_out_young(history, table, mapping, days)
    return history


def _creation_dates(table: LeadTable, mapping: ColumnMapping) -> tuple[int, Callable[[str], int]]:
    """Where the creation date is (-1: no fair cohorts) and a cell's day number (0: no date)."""
    if not mapping.created or mapping.cycle_days <= 0:
        return -1, lambda _cell: 0
    if mapping.created not in table.columns:
        raise LeadFileError(f"the file has no column “{mapping.created}”")
    reading = table.date_readings(mapping.dates).get(mapping.created)
    order = reading.order if reading is not None else ""
    known: dict[str, int] = {}

    def day_of(cell: str) -> int:
        day = known.get(cell)
        if day is None:
            found = read_date(cell, order)
            day = known[cell] = found.toordinal() if found is not None else 0
        return day

    return table.columns.index(mapping.created), day_of


def _leave_out_young(
    history: LeadHistory, table: LeadTable, mapping: ColumnMapping, days: array[int]
) -> None:
    """Drop the leads created within the sales cycle before the newest one; say how many."""
    import numpy as np  # noqa: PLC0415 - numpy only when a history is read

    reading = table.date_readings(mapping.dates).get(mapping.created) or DateReading(
        mapping.created, DATE_ORDERS[0], "ambiguous"
    )
    day = np.frombuffer(days, dtype=np.int32) if len(days) else np.zeros(0, dtype=np.int32)
    dated = day > 0
    if not dated.any():
        history.cohort = Cohort(mapping.created, mapping.cycle_days, reading, None, 0, len(day))
        return
    newest = int(day[dated].max())
    keep = ~dated | (day <= newest - mapping.cycle_days)
    width = len(history.fields)
    if width:
        codes = np.frombuffer(history.codes, dtype=np.uint32).reshape(len(day), width)
        history.codes = array("I", codes[keep].tobytes())
    outcomes = np.frombuffer(history.converted, dtype=np.uint8)
    history.converted = bytearray(outcomes[keep].tobytes())
    history.cohort = Cohort(
        mapping.created,
        mapping.cycle_days,
        reading,
        date.fromordinal(newest),
        int((~keep).sum()),
        int((~dated).sum()),
    )


def run_evidence(table: LeadTable, mapping: ColumnMapping, history: LeadHistory) -> dict[str, object]:
    """What a saved run rests on, beyond its figures: the file, the mapping and the readings."""
    return {
        "file": table.name,
        "sha256": table.sha256,
        "rows": table.row_count,
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
        "cohort": None
        if history.cohort is None
        else {
            "column": history.cohort.column,
            "cycle_days": history.cohort.cycle_days,
            "dates": history.cohort.reading.describe(),
            "newest": history.cohort.newest.isoformat() if history.cohort.newest else None,
            "too_young": history.cohort.too_young,
            "undated": history.cohort.undated,
        },
        "bad_reasons": [
            {"reason": b.reason, "count": b.count, "lines": list(b.lines)} for b in history.bad_summary()
        ],
    }
