"""The demo's completed review: an export drawn from the shipped history, counted for real."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, timedelta

from workshop.demo.content import demo_content
from workshop.demo.crm_export import demo_crm_export


def test_the_demo_holds_one_review_of_the_weeks_since_its_offsite() -> None:
    today = date(2027, 3, 10)
    content = demo_content(today)
    assert len(content.reviews) == 1
    review = content.reviews[0]
    assert review.period_start == (date.fromisoformat(content.info.end_date) + timedelta(days=1)).isoformat()
    assert review.period_end == (today - timedelta(days=1)).isoformat()
    card = json.loads(review.scorecard)
    clause = card["clauses"][0]
    text = demo_crm_export(date.fromisoformat(review.period_start), today - timedelta(days=1))
    end = today - timedelta(days=1)

    def in_period(row: dict[str, str]) -> bool:  # dated by the hand-off, else the creation
        return date.fromisoformat((row["MQL Date"] or row["Create Date"])[:10]) <= end

    rows = [r for r in csv.DictReader(io.StringIO(text)) if in_period(r)]
    assert clause["period"]["rows"] == len(rows) > 100
    crm = sum(r["Lifecycle Stage"] in ("MQL", "SQL", "Opportunity", "Customer") for r in rows)
    assert clause["period"]["by_crm"] == crm
    assert 0 < clause["disagreement_count"] < len(rows)
    assert {c.goal for c in content.check_ins} == {g.id for g in content.goals}


def test_the_demo_export_has_leads_only_on_working_days() -> None:
    text = demo_crm_export(date(2027, 3, 1), date(2027, 3, 14))
    days = {date.fromisoformat(r["Create Date"][:10]) for r in csv.DictReader(io.StringIO(text))}
    assert days and all(d.weekday() < 5 for d in days)
