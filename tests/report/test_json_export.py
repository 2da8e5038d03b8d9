"""The JSON export's documented shape, and action items as CSV a spreadsheet opens safely."""

from __future__ import annotations

import csv
import io
import re
from datetime import date
from pathlib import Path

from workshop.demo.content import demo_content
from workshop.model import ActionItem, default_teams
from workshop.report.json_export import SCHEMA_VERSION, actions_csv, workshop_json


def test_json_has_every_documented_section() -> None:
    data = workshop_json(demo_content(date(2027, 6, 1)))
    documented = Path(__file__).parents[2] / "docs" / "export-format.md"
    sections = set(re.findall(r"^### `(\w+)`", documented.read_text(encoding="utf-8"), re.MULTILINE))
    assert set(data) == sections
    assert data["schema_version"] == SCHEMA_VERSION


def test_agenda_times_follow_the_day_start() -> None:
    content = demo_content(date(2027, 6, 1))
    agenda = workshop_json(content)["agenda"]
    assert (agenda[0]["start"], agenda[0]["end"]) == ("09:00", "09:30")
    assert agenda[-1]["end"] == "16:30"


def test_csv_quotes_commas_quotes_newlines_and_keeps_unicode() -> None:
    items = [
        ActionItem(
            what='Review "junk" leads, then report', owner="Zoë Łukasik", team="marketing", due="2027-07-01"
        ),
        ActionItem(what="Line one\nline two", owner="山田太郎", team="joint", status="done"),
    ]
    text = actions_csv(items, default_teams())
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["What", "Owner", "Team", "Due", "Status"]
    assert rows[1] == ['Review "junk" leads, then report', "Zoë Łukasik", "Marketing", "2027-07-01", "open"]
    assert rows[2][0] == "Line one\nline two" and rows[2][1] == "山田太郎"


def test_csv_cells_cannot_run_as_formulas() -> None:
    items = [ActionItem(what='=HYPERLINK("http://x")', owner="+1 555", team="sales")]
    rows = list(csv.reader(io.StringIO(actions_csv(items, default_teams()))))
    assert rows[1][0].startswith("'=") and rows[1][1] == "'+1 555"


def test_goals_are_exported_with_findings_and_the_other_teams_verdict() -> None:
    goals = workshop_json(demo_content(date(2027, 6, 1)))["goals"]
    assert {g["team"] for g in goals} == {"sales", "marketing", "joint"}
    mql = next(g for g in goals if g["metric"] == "lead-to-MQL conversion rate")
    assert mql["verdict"] == {
        "by": "sales",
        "by_name": "Sales",
        "verdict": "attainable",
        "comment": "Only if the referral tracking fix lands in the first month.",
    }
    assert mql["findings"]["is_smart"] is True
    assert mql["findings"]["smart"]["time_bound"]["status"] == "pass"
    assert mql["blockers"] == ["information", "data"] and mql["shared_with"] == ["sales"]
    assert mql["serves_goal"] == 1 and mql["deadline_date"] == "2027-09-30"
    vague = next(g for g in goals if g["statement"] == "Improve pipeline quality")
    assert vague["findings"]["is_smart"] is False
    assert vague["findings"]["smart"]["specific"]["hint"]
    assert vague["verdict"]["verdict"] is None
