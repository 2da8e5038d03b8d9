"""Reading a lead history exported from a CRM, and mapping its columns to the definition.

Any common delimiter (comma, semicolon, tab, pipe), quoting, and encoding (UTF-8 with or
without BOM, Windows-1252); a header row is detected. Rows that cannot be read are counted
with the reason, never fatal.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from workshop.inputs import InputError, read_regular_file, storable
from workshop.leads.definition import Value
from workshop.leads.values import clean, number_of, outcome_of

DELIMITERS = (",", ";", "\t", "|")
DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe"}
MAX_BYTES = 200 * 1024 * 1024
MAX_SHOWN_BAD_ROWS = 200
OUTCOME_HINTS = ("converted", "conversion", "won", "is customer", "customer", "outcome")


class LeadFileError(ValueError):
    """A file that cannot be read as a lead history; the message is for the user."""


@dataclass(frozen=True)
class LeadTable:
    """The raw cells of a CSV file: column names and rows, with how the file was read."""

    columns: tuple[str, ...]
    rows: tuple[tuple[int, tuple[str, ...]], ...]  # (line number in the file, cells)
    encoding: str
    delimiter: str
    has_header: bool

    @property
    def decimal_comma(self) -> bool:
        """Semicolon-separated files come from places that write 12,5 and 1.234,5."""
        return self.delimiter == ";"

    def describe(self) -> str:
        header = "a header row" if self.has_header else "no header row"
        return (
            f"{len(self.rows):,} rows, {len(self.columns)} columns, "
            f"{DELIMITER_NAMES.get(self.delimiter, self.delimiter)}-separated, {self.encoding}, {header}"
        )


@dataclass(frozen=True)
class ColumnMapping:
    """Which file column holds each of the definition's fields, and which says "converted"."""

    fields: Mapping[str, str] = field(default_factory=dict)  # definition field -> file column
    converted: str = ""

    def to_json(self) -> dict[str, object]:
        return {"fields": dict(self.fields), "converted": self.converted}

    @classmethod
    def from_json(cls, data: object) -> ColumnMapping:
        if not isinstance(data, dict):
            return cls()
        fields = data.get("fields", {})
        if not isinstance(fields, dict):
            fields = {}
        return cls({str(k): str(v) for k, v in fields.items()}, str(data.get("converted") or ""))


@dataclass(frozen=True)
class BadRow:
    line: int
    reason: str


@dataclass
class LeadHistory:
    """Leads ready for scoring: cleaned values per field, whether each converted, bad rows."""

    leads: list[dict[str, Value]]
    converted: list[bool]
    bad_rows: list[BadRow]
    bad_count: int = 0
    source: str = ""


def decode(data: bytes) -> tuple[str, str]:
    """The text of a file and the name of its encoding (UTF-8 with/without BOM, else Windows-1252)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "UTF-8 with BOM"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return storable(data.decode("utf-16", errors="replace")), "UTF-16"  # an odd length: U+FFFD at the end
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
        data = read_regular_file(path, "lead history", limit=MAX_BYTES)  # a pipe or a device: refused at once
    except InputError as error:
        raise LeadFileError(str(error).rstrip(".")) from None
    return parse_table(data, path.name)


def parse_table(data: bytes, name: str = "the file") -> LeadTable:
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise LeadFileError(f"“{name}” is not a text file; export the leads from your CRM as CSV")
    text, encoding = decode(data)
    if not text.strip():
        raise LeadFileError(f"“{name}” is empty")
    delimiter = _guess_delimiter(text)
    try:
        parsed = [
            (reader_line, row)
            for reader_line, row in _rows(text, delimiter)
            if any(cell.strip() for cell in row)
        ]
    except csv.Error as error:
        raise LeadFileError(f"“{name}” is not a readable CSV file ({error})") from None
    if not parsed:
        raise LeadFileError(f"“{name}” has no rows")
    first = parsed[0][1]
    has_header = _looks_like_header(first, [r for _, r in parsed[1:]])
    if has_header:
        columns = _unique([c.strip() or f"Column {i + 1}" for i, c in enumerate(first)])
        body = parsed[1:]
    else:
        width = Counter(len(r) for _, r in parsed).most_common(1)[0][0]
        columns = tuple(f"Column {i + 1}" for i in range(width))
        body = parsed
    if len(columns) < 2:
        raise LeadFileError(f"“{name}” has only one column; is it a CSV export of leads?")
    return LeadTable(columns, tuple((n, tuple(r)) for n, r in body), encoding, delimiter, has_header)


def _rows(text: str, delimiter: str) -> list[tuple[int, list[str]]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    out: list[tuple[int, list[str]]] = []
    start = 1
    for row in reader:
        out.append((start, row))
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


def suggest_mapping(
    fields: Sequence[str], columns: Sequence[str], remembered: ColumnMapping | None = None
) -> ColumnMapping:
    """A mapping by remembered choice, then by name (ignoring case, spaces and punctuation)."""
    by_key = {_key(c): c for c in columns}
    present = set(columns)
    mapped: dict[str, str] = {}
    for name in fields:
        old = remembered.fields.get(name) if remembered else None
        if old in present:
            mapped[name] = str(old)
        elif _key(name) in by_key:
            mapped[name] = by_key[_key(name)]
    converted = remembered.converted if remembered and remembered.converted in present else ""
    if not converted:
        for hint in OUTCOME_HINTS:
            match = next((c for c in columns if _key(c) == _key(hint)), None)
            if match:
                converted = match
                break
    return ColumnMapping(mapped, converted)


def leads_from(
    table: LeadTable, mapping: ColumnMapping, number_fields: set[str], source: str = ""
) -> LeadHistory:
    """Clean the mapped columns of every row; count the rows that cannot be used and say why."""
    index = {c: i for i, c in enumerate(table.columns)}
    missing = [c for c in (*mapping.fields.values(), mapping.converted) if c and c not in index]
    if missing:
        raise LeadFileError(f"the file has no column “{missing[0]}”")
    if not mapping.converted:
        raise LeadFileError("choose the column that says whether a lead converted")
    wanted = [(f, index[c], f in number_fields) for f, c in mapping.fields.items() if c]
    outcome_at = index[mapping.converted]
    width = len(table.columns)
    history = LeadHistory([], [], [], 0, source)
    for line, row in table.rows:
        reason = _read_row(row, width, wanted, outcome_at, mapping.converted, history, table.decimal_comma)
        if reason:
            history.bad_count += 1
            if len(history.bad_rows) < MAX_SHOWN_BAD_ROWS:
                history.bad_rows.append(BadRow(line, reason))
    return history


def _read_row(
    row: tuple[str, ...],
    width: int,
    wanted: list[tuple[str, int, bool]],
    outcome_at: int,
    outcome_column: str,
    history: LeadHistory,
    decimal_comma: bool,
) -> str:
    if len(row) != width and not (len(row) > width and not any(c.strip() for c in row[width:])):
        return f"{len(row)} cells where the header has {width}"
    outcome = outcome_of(row[outcome_at])
    if outcome is None:
        shown = row[outcome_at].strip()[:40] or "blank"
        return f"“{outcome_column}” is {shown}, not yes/no or 1/0"
    lead: dict[str, Value] = {}
    for name, at, is_number in wanted:
        value = clean(row[at])
        if value is not None and is_number:
            number = number_of(value, decimal_comma)
            if number is None:
                return f"“{name}” is “{value[:40]}”, not a number"
            lead[name] = number
        else:
            lead[name] = value
    history.leads.append(lead)
    history.converted.append(outcome)
    return ""
