"""MQL rules, scoring, gates, decay, and the definition's JSON format."""

from __future__ import annotations

import json
from typing import Any

import pytest

from workshop.leads.definition import (
    Decay,
    DefinitionError,
    MqlDefinition,
    Rule,
    Value,
    definition_from_json,
    definition_json,
    score_lead,
)
from workshop.leads.templates import starting_template, x_education_definition
from workshop.leads.values import clean, number_of, outcome_of


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("1,234", 1234.0),
        ("12.5%", 12.5),
        ("1.234,5", 1234.5),
        ("12,5", 12.5),
        (" 7 ", 7.0),
        ("-3", -3.0),
        ("€ 300", 300.0),
        ("abc", None),
        ("1e999", None),
        ("", None),
        ("1,2,3", None),
    ],
)
def test_numbers_as_a_spreadsheet_shows_them(text: str, number: float | None) -> None:
    assert number_of(text) == number


@pytest.mark.parametrize("text", ["", "  ", "Select", "select", "N/A", "null", "-", "(blank)"])
def test_blanks_and_placeholders_are_missing(text: str) -> None:
    assert clean(text) is None


def test_outcomes() -> None:
    assert [outcome_of(v) for v in ("1", "0", "Yes", "no", "TRUE", "Won", "1.0", "maybe", "")] == [
        True,
        False,
        True,
        False,
        True,
        True,
        True,
        None,
        None,
    ]


def test_each_operator() -> None:
    assert Rule("Source", "equals", " reference ").matches("Reference")
    assert Rule("Source", "one_of", "Google|Reference").matches("reference")
    assert not Rule("Source", "one_of", "Google|Reference").matches("Bing")
    assert Rule("Title", "contains", "head").matches("Head of IT")
    assert Rule("Visits", "at_least", low=3).matches(3.0)
    assert not Rule("Visits", "at_least", low=3).matches(2.0)
    assert Rule("Visits", "at_most", high=3).matches(3.0)
    assert Rule("Visits", "between", low=2, high=4).matches(4.0)
    assert not Rule("Visits", "between", low=2, high=4).matches(4.5)
    assert Rule("Visits", "at_least", low=1000).matches("1,234")
    assert Rule("Title", "is_empty").matches(None)
    # a missing value fires only "is empty"
    assert not any(Rule("X", op, "a", 0, 9).matches(None) for op in ("equals", "contains", "at_least"))


def test_score_adds_fit_and_engagement_and_subtracts_negative() -> None:
    definition = MqlDefinition(
        threshold=30,
        rules=(
            Rule("Job", "equals", "Manager", points=20, group="fit"),
            Rule("Visits", "at_least", low=3, points=15, group="engagement"),
            Rule("Email", "contains", "@gmail", points=10, group="negative"),
        ),
    )
    manager: dict[str, Value] = {"Job": "Manager", "Visits": 5.0, "Email": "a@firm.com"}
    score = score_lead(definition, manager)
    assert score.points == 35 and score.qualified
    assert [rule.field for rule, _ in score.fired] == ["Job", "Visits"]
    gmail = {**manager, "Email": "a@gmail.com"}
    assert score_lead(definition, gmail).points == 25
    assert not score_lead(definition, gmail).qualified


def test_a_missed_gate_never_qualifies() -> None:
    definition = MqlDefinition(
        threshold=10,
        rules=(Rule("Job", "equals", "Manager", points=50),),
        gates=(Rule("Country", "one_of", "UK|Ireland", group="gate"),),
    )
    score = score_lead(definition, {"Job": "Manager", "Country": "France"})
    assert score.points == 50 and not score.qualified
    assert score.failed_gates[0].field == "Country"


def test_engagement_points_halve_each_half_life() -> None:
    definition = MqlDefinition(
        threshold=0,
        rules=(
            Rule("Visits", "at_least", low=1, points=40, group="engagement"),
            Rule("Job", "equals", "Manager", points=20, group="fit"),
        ),
        decay=Decay("Days idle", 30),
    )
    lead: dict[str, Any] = {"Visits": 2.0, "Job": "Manager"}
    assert score_lead(definition, {**lead, "Days idle": 0.0}).points == 60
    assert score_lead(definition, {**lead, "Days idle": 30.0}).points == 40
    assert score_lead(definition, {**lead, "Days idle": 60.0}).points == 30
    assert score_lead(definition, {**lead, "Days idle": None}).points == 60  # unknown: no decay


@pytest.mark.parametrize("definition", [starting_template(), x_education_definition()])
def test_json_round_trip(definition: MqlDefinition) -> None:
    data = json.loads(json.dumps(definition_json(definition)))
    assert definition_from_json(data) == definition
    assert data["format"] == "smarketing-mql-definition"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([], "one JSON object"),
        ({"format": "something else", "threshold": 1}, "not an MQL definition"),
        ({"threshold": "high"}, "number threshold"),
        ({"threshold": 5, "fit": [{"field": "X", "operator": "like"}]}, "unknown operator"),
        ({"threshold": 5, "fit": [{"operator": "equals"}]}, "no field name"),
        ({"threshold": 5, "fit": [{"field": "X", "operator": "between", "min": 1}]}, "needs a number max"),
        ({"threshold": 5, "fit": [{"field": "X", "operator": "one_of", "values": []}]}, "list of values"),
        ({"threshold": 5, "fit": [{"field": "X", "operator": "is_empty", "points": 1e9}]}, "points"),
        ({"threshold": 5, "decay": {"half_life_days": 0}}, "half_life_days"),
    ],
)
def test_bad_definitions_say_what_is_wrong(data: Any, message: str) -> None:
    with pytest.raises(DefinitionError, match=message):
        definition_from_json(data)


def test_semicolon_files_write_decimal_commas() -> None:
    assert number_of("1.500", decimal_comma=True) == 1500.0
    assert number_of("1.234,5", decimal_comma=True) == 1234.5
    assert number_of("12,5", decimal_comma=True) == 12.5
    assert number_of("1.500") == 1.5
