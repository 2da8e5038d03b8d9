"""``score-leads`` on the real lead history, checked the way a spreadsheet would check it."""

from __future__ import annotations

import csv
import hashlib
import json
import re
from pathlib import Path

import pytest

from workshop.cli import main
from workshop.resources import resource_path

HISTORY = resource_path("data", "leads-x-education.csv")
NOT_GIVEN = {"", "Select"}


def spreadsheet_score(row: dict[str, str]) -> int:
    """The demo definition written out as spreadsheet formulas, one IF per rule."""
    occupation = row["What is your current occupation"]
    time_on_site = float(row["Total Time Spent on Website"])
    visits = float(row["TotalVisits"]) if row["TotalVisits"] else None
    points = 0
    points += 30 if occupation == "Working Professional" else 0
    points += 25 if row["Lead Origin"] == "Lead Add Form" else 0
    points += 15 if row["Lead Source"] in ("Reference", "Welingak Website") else 0
    points += 25 if time_on_site >= 600 else 0
    points += 10 if 300 <= time_on_site <= 599 else 0
    points += 5 if visits is not None and visits >= 3 else 0
    points += (
        20 if row["Last Activity"] in ("SMS Sent", "Had a Phone Conversation", "Approached upfront") else 0
    )
    points += 15 if row["Lead Quality"] in ("High in Relevance", "Might be") else 0
    points -= 15 if occupation in NOT_GIVEN else 0
    points -= 40 if row["Lead Quality"] == "Worst" else 0
    points -= (
        40
        if row["Tags"]
        in (
            "Already a student",
            "Not doing further education",
            "invalid number",
            "wrong number given",
            "Diploma holder (Not Eligible)",
            "Interested in other courses",
        )
        else 0
    )
    points -= 20 if row["Last Activity"] in ("Email Bounced", "Unsubscribed") else 0
    return points


def spreadsheet_figures(path: Path, threshold: int) -> dict[str, float | int]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    mql = [r["Do Not Email"] == "No" and spreadsheet_score(r) >= threshold for r in rows]
    won = [r["Converted"] == "1" for r in rows]
    leads, qualified, converted = len(rows), sum(mql), sum(won)
    hits = sum(m and w for m, w in zip(mql, won, strict=True))
    return {
        "leads": leads,
        "bad_rows": 0,
        "qualified": qualified,
        "converted": converted,
        "mql_conversion": hits / qualified,
        "other_conversion": (converted - hits) / (leads - qualified),
        "lift": (hits / qualified) / (converted / leads),
        "precision": hits / qualified,
        "recall": hits / converted,
    }


@pytest.fixture
def definition_file(demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """The demo's definition, taken from ``export --json`` as a user would."""
    assert main(["export", str(demo_file), "--json", "-"]) == 0
    exported = json.loads(capsys.readouterr().out)
    path = tmp_path / "mql.json"
    path.write_text(json.dumps(exported["mql"]["definition"]), encoding="utf-8")
    return path


def test_figures_match_a_spreadsheet(definition_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["score-leads", str(HISTORY), "--definition", str(definition_file), "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    expected = spreadsheet_figures(HISTORY, threshold=40)
    assert set(expected) <= set(figures)
    assert not figures["partial"] and figures["left_out"] == {} and figures["bad_reasons"] == []
    for key, value in expected.items():
        assert figures[key] == pytest.approx(value), key
    assert figures["leads"] == 9237 and figures["converted"] == 3559
    assert figures["lift"] > 2  # MQLs clearly convert better than the rest
    assert figures["mql_conversion"] > 3 * figures["other_conversion"]


def test_the_shipped_history_is_the_recorded_extract() -> None:
    """The figures above hold for the file whose checksum resources/data/README.md records."""
    readme = HISTORY.with_name("README.md").read_text(encoding="utf-8")
    recorded = re.search(r"SHA-256 of `leads-x-education.csv`: `([0-9a-f]{64})`", readme)
    assert recorded is not None
    assert hashlib.sha256(HISTORY.read_bytes()).hexdigest() == recorded.group(1)


def test_text_report(definition_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["score-leads", str(HISTORY), "--definition", str(definition_file)]) == 0
    out = capsys.readouterr().out
    assert "Qualified (MQLs):  2,336" in out
    assert "Lift:              2.29×" in out


def test_mapping_and_converted_column_from_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    definition = {
        "threshold": 20,
        "fit": [{"field": "Job title", "operator": "contains", "value": "head", "points": 20}],
    }
    (tmp_path / "d.json").write_text(json.dumps(definition), encoding="utf-8")
    (tmp_path / "l.csv").write_bytes(
        "Rolle;Kunde\nHead of IT;ja\nIntern;nein\nHead of HR;nein\n".encode("cp1252")
    )
    args = ["score-leads", str(tmp_path / "l.csv"), "--definition", str(tmp_path / "d.json")]
    assert main([*args, "--map", "Rolle=Job title", "--converted", "Kunde", "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert figures["qualified"] == 2 and figures["converted"] == 1 and figures["bad_rows"] == 0
    assert figures["mql_conversion"] == 0.5 and figures["recall"] == 1.0


@pytest.mark.parametrize(
    ("extra", "words"),
    [
        (["--map", "Nope=Job title"], "has no column 'Nope'"),
        (["--map", "Rolle"], "should read FILECOLUMN=FIELD"),
        (["--map", "Rolle=Size"], "has no field 'Size'"),
        ([], "--converted COLUMN"),
    ],
)
def test_bad_arguments_exit_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], extra: list[str], words: str
) -> None:
    (tmp_path / "d.json").write_text(
        '{"threshold": 5, "fit": [{"field": "Job title", "operator": "is_empty"}]}'
    )
    (tmp_path / "l.csv").write_text("Rolle,Notiz\nHead,open\n")
    assert (
        main(["score-leads", str(tmp_path / "l.csv"), "--definition", str(tmp_path / "d.json"), *extra]) == 1
    )
    err = capsys.readouterr().err
    assert words in err and err.count("\n") == 1


def test_a_broken_definition_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "d.json").write_text("{not json")
    assert main(["score-leads", str(HISTORY), "--definition", str(tmp_path / "d.json")]) == 1
    assert "is not valid JSON" in capsys.readouterr().err
