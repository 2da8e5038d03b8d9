"""The JSON export's documented shape, and action items as CSV a spreadsheet opens safely."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from workshop.demo.content import demo_content
from workshop.report.json_export import SCHEMA_VERSION, workshop_json


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


def test_goals_are_exported_with_findings_and_the_other_teams_verdict() -> None:
    goals = workshop_json(demo_content(date(2027, 6, 1)))["goals"]
    assert {g["team"] for g in goals} == {"sales", "marketing", "joint"}
    mql = next(g for g in goals if g["metric"] == "lead-to-MQL conversion rate")
    room_checks = mql["verdict"].pop("room_checks")
    assert mql["verdict"] == {
        "by": "sales",
        "by_name": "Sales",
        "verdict": "attainable",
        "comment": "Only if the referral tracking fix lands in the first month.",
    }
    (room,) = room_checks  # beside the team's verdict: what sales said from their phones
    (sales,) = room["teams"]
    assert (sales["team"], sales["team_name"]) == ("sales", "Sales")
    assert sales["counts"] == {"attainable": 3, "stretch": 1, "not attainable": 0}
    assert {
        "by": "Marcus Oyelaran",
        "verdict": "stretch",
        "reason": "17% needs the paid search plan live by week 3.",
    } in sales["answers"]
    assert mql["dot_votes"] == []  # agreed before the vote on the drafts
    assert mql["findings"]["is_smart"] is True
    assert mql["findings"]["smart"]["time_bound"]["status"] == "pass"
    assert mql["blockers"] == ["information", "data"] and mql["shared_with"] == ["sales"]
    assert mql["serves_goal"] == 1 and mql["deadline_date"] == "2027-09-30"
    vague = next(g for g in goals if g["statement"] == "Improve pipeline quality")
    assert vague["findings"]["is_smart"] is False
    assert vague["findings"]["smart"]["specific"]["hint"]
    assert vague["verdict"]["verdict"] is None
    assert vague["dot_votes"] == [
        {"held_at": vague["dot_votes"][0]["held_at"], "dots": 5, "voters": 8, "dots_each": 3}
    ]
