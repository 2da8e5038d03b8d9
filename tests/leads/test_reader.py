"""Importing CRM lead histories: delimiters, encodings, headers, mapping, bad rows."""

from __future__ import annotations

import math
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workshop.leads import reader
from workshop.leads.dates import date_evidence, read_date, read_date_columns
from workshop.leads.definition import MqlDefinition, Rule
from workshop.leads.evaluation import Evaluation
from workshop.leads.numbers import COMMA, POINT, read_columns, read_number
from workshop.leads.reader import (
    ColumnMapping,
    LeadFileError,
    ReadingStoppedError,
    leads_from,
    parse_table,
    read_table,
    suggest_mapping,
)
from workshop.leads.values import number_of

DEFINITION = MqlDefinition(
    threshold=30,
    rules=(
        Rule("Job title", "contains", "head", points=20, group="fit"),
        Rule("Visits", "at_least", low=1000, points=20, group="engagement"),
        Rule("Source", "is_empty", points=10, group="negative"),
    ),
)

# An unknown CRM: semicolons, Windows-1252, its own column names, decimal commas,
# thousands separators, a placeholder, a quoted semicolon and a broken row.
CRM_EXPORT = (
    (
        "Lead;Funktion;Besuche;Quelle;Gewonnen\r\n"
        "1;Head of Café Operations;1.234,0;Messe;ja\r\n"
        '2;"Buyer; procurement";12,5;Select;nein\r\n'
        "3;Head of IT;2.000,0;Web;ja\r\n"
        "4;Intern;abc;Web;nein\r\n"
        "5;Head of Sales;50;Web\r\n"
        "6;Director;900;Web;nein\r\n"
    )
    .replace("ja", "yes")
    .replace("nein", "no")
)


def test_an_unknown_crm_export_imports_through_the_mapping(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_bytes(CRM_EXPORT.encode("cp1252"))
    table = read_table(path)
    assert table.delimiter == ";" and table.encoding == "Windows-1252" and table.has_header
    assert table.columns == ("Lead", "Funktion", "Besuche", "Quelle", "Gewonnen")
    first, second = list(table.rows())[:2]
    assert first[1][1] == "Head of Café Operations"
    assert second[1][1] == "Buyer; procurement"
    suggested = suggest_mapping(DEFINITION.fields(), table.columns)
    assert suggested.fields == {}  # nothing matches by name: the user maps by hand
    mapping = ColumnMapping({"Job title": "Funktion", "Visits": "Besuche", "Source": "Quelle"}, "Gewonnen")
    history = leads_from(table, mapping, DEFINITION.number_fields())
    assert len(history.leads) == 4
    assert history.bad_count == 2
    assert [(b.reason, b.lines, b.examples) for b in history.bad_summary()] == [
        ("“Visits” is not a number (read with a decimal comma)", (5,), ("abc",)),
        ("4 cells where the header has 5", (6,), ()),
    ]
    assert history.leads[0] == {"Job title": "Head of Café Operations", "Visits": 1234.0, "Source": "Messe"}
    assert history.leads[1]["Source"] is None  # "Select" means not given
    metrics = Evaluation(DEFINITION, history).metrics()
    assert (metrics.leads, metrics.qualified, metrics.converted) == (4, 2, 2)
    assert metrics.mql_conversion == 1.0 and metrics.other_conversion == 0.0 and metrics.lift == 2.0
    # remembered next time: the same file maps itself
    again = suggest_mapping(DEFINITION.fields(), table.columns, remembered=mapping)
    assert again == mapping


@pytest.mark.parametrize(
    ("prefix", "encoding", "name"),
    [(b"\xef\xbb\xbf", "utf-8", "UTF-8 with BOM"), (b"", "utf-8", "UTF-8"), (b"", "cp1252", "Windows-1252")],
)
def test_encodings(prefix: bytes, encoding: str, name: str) -> None:
    data = prefix + "Name,Converted\r\nZoë,1\r\nRené,0\r\n".encode(encoding)
    table = parse_table(data)
    assert table.encoding == name
    assert table.columns == ("Name", "Converted")  # no BOM glued to the first name
    assert next(table.rows())[1] == ["Zoë", "1"]


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_delimiters(delimiter: str) -> None:
    text = delimiter.join(["Job", "Visits", "Converted"]) + "\n"
    text += delimiter.join(["Head, of sales" if delimiter != "," else '"Head, of sales"', "3", "1"]) + "\n"
    table = parse_table(text.encode())
    assert table.delimiter == delimiter
    assert next(table.rows())[1][0] == "Head, of sales"


def test_a_file_without_header_gets_numbered_columns() -> None:
    table = parse_table(b"Google,12,1\nBing,3,0\n")
    assert not table.has_header
    assert table.columns == ("Column 1", "Column 2", "Column 3")
    assert table.row_count == 2


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "is empty"),
        (b"\x00\x01\x02binary\x00", "not a text file"),
        (b"just one column\nx\n", "one column"),
    ],
)
def test_unreadable_files_say_why(data: bytes, message: str) -> None:
    with pytest.raises(LeadFileError, match=message):
        parse_table(data, "leads.csv")


def test_a_missing_outcome_column_is_asked_for() -> None:
    table = parse_table(b"Job,Visits\nHead,3\n")
    with pytest.raises(LeadFileError, match="converted"):
        leads_from(table, ColumnMapping({"Job title": "Job"}, ""), set())


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_give_a_table_or_a_clear_message(data: bytes) -> None:
    try:
        table = parse_table(data, "x.csv")
    except LeadFileError as error:
        message = str(error)
        table = None
    if table is None:
        assert "x.csv" in message
        return
    mapping = ColumnMapping({"F": table.columns[0]}, table.columns[-1])
    history = leads_from(table, mapping, {"F"})
    left_out = sum(history.left_out.values())
    assert len(history.leads) + history.bad_count + left_out == table.row_count


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=30))
def test_numbers_are_finite_or_none(text: str) -> None:
    number = number_of(text)
    assert number is None or math.isfinite(number)


def test_a_reading_stops_when_asked(tmp_path: Path) -> None:
    path = tmp_path / "leads.csv"
    path.write_text("Source,Converted\n" + "Web,1\n" * 50_000, encoding="utf-8")
    seen: list[float] = []

    def progress(share: float) -> bool:
        seen.append(share)
        return share < 0.5

    with pytest.raises(ReadingStoppedError):
        read_table(path, progress)
    assert seen and seen[-1] >= 0.5 and seen == sorted(seen)
    table = read_table(path, lambda _share: True)
    history = leads_from(table, ColumnMapping({"F": "Source"}, "Converted"), set(), progress=lambda _s: True)
    assert history.count == 50_000 and sum(history.converted) == 50_000


def test_a_column_of_unique_values_is_profiled_within_bounds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reader, "MAX_DISTINCT", 10)
    monkeypatch.setattr(reader, "CHUNK_ROWS", 7)
    rows = [f"{i},{'' if i % 5 == 0 else f'{i}.5'},{i % 2}" for i in range(1, 101)]
    path = tmp_path / "ids.csv"
    path.write_text("Lead ID;Score;Converted\n".replace(";", ",") + "\n".join(rows) + "\n", encoding="utf-8")
    table = read_table(path)
    assert table.capped("Lead ID") and not table.capped("Converted")
    assert len(table.values("Lead ID")) == 10  # only the first values are kept
    profile = table.profile("Score")
    assert profile.missing == 20  # every fifth row, counted past the cap as well
    assert table.number_readings()["Score"].decimal == "point"
    history = leads_from(table, ColumnMapping({"S": "Score"}, "Converted"), {"S"})
    assert history.count == 100 and sum(history.converted) == 50


@settings(max_examples=300, deadline=None)
@given(st.decimals(min_value=-(10**9), max_value=10**9, places=3, allow_nan=False, allow_infinity=False))
def test_a_number_written_either_way_reads_back(value: Decimal) -> None:
    point = f"{value:,.3f}"  # 1,234,567.125
    comma = point.replace(",", "_").replace(".", ",").replace("_", ".")  # 1.234.567,125
    assert read_number(point, POINT) == pytest.approx(float(value))
    assert read_number(comma, COMMA) == pytest.approx(float(value))
    # a column holding it beside a plain decimal is read the file's way
    assert read_columns({"c": [point, "0.5"]})["c"].decimal == POINT
    assert read_columns({"c": [comma, "0,5"]})["c"].decimal == COMMA


@pytest.mark.parametrize(
    ("values", "order", "how", "first"),
    [
        (["2027-03-04T09:15:00Z", "2027-03-05 10:00:00+02:00"], "iso", "evidence", date(2027, 3, 4)),
        (["04/03/2027", "25/03/2027 17:00"], "day first", "evidence", date(2027, 3, 4)),
        (["03/04/2027", "03/25/2027 5:00 PM"], "month first", "evidence", date(2027, 3, 4)),
        (["04.03.27", "05.03.27"], "day first", "ambiguous", date(2027, 3, 4)),
    ],
)
def test_dates_are_read_per_column_from_evidence(
    values: list[str], order: str, how: str, first: date
) -> None:
    (reading,) = read_date_columns({"Created": date_evidence(values)}).values()
    assert (reading.order, reading.how) == (order, how)
    assert read_date(values[0], reading.order) == first
