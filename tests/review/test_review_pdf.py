"""The review PDF: two pages at most, the scorecard, goals and overdue actions, and the SLA it reviews."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from workshop.cli import main
from workshop.demo.content import demo_content
from workshop.report.review_pdf import review_pdf, reviewed_sha
from workshop.sla import agreement as sla

TODAY = date(2027, 6, 1)
pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")


def text_of(data: bytes, tmp_path: Path) -> str:
    path = tmp_path / "doc.pdf"
    path.write_bytes(data)
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return " ".join(out.split())


def test_the_demo_review_fits_two_pages_and_names_the_signed_sla(tmp_path: Path) -> None:
    content = demo_content(TODAY)
    data = review_pdf(content, content.reviews[0], "a4")
    assert len(re.findall(rb"/Type\s*/Page\b", data)) <= 2
    text = text_of(data, tmp_path)
    sha, _signed = reviewed_sha(content)
    assert f"SHA-256 {sha}" in text
    assert "SLA scorecard" in text and "MQLs delivered" in text
    assert "Goals progress" in text and "Overdue actions" in text
    assert sla.short_fingerprint(sha) in text  # the footer
    # every clause with months has its chart: first contact and the decision too
    assert "MQLs first contacted within 24 business hours, per month" in text
    assert "MQLs accepted or rejected within 48 hours, per month" in text


def test_export_review_writes_the_signed_demo_review(tmp_path: Path) -> None:
    assert main(["demo", str(tmp_path / "demo.smw")]) == 0
    assert main(["export", str(tmp_path / "demo.smw"), "--review", str(tmp_path / "r.pdf")]) == 0
    text = text_of((tmp_path / "r.pdf").read_bytes(), tmp_path)
    assert "Reviews the signed SLA" in text


def test_conversion_and_escalation_get_a_chart_of_their_own() -> None:
    from workshop.report.review_pdf import clause_series

    conversion = {
        "clause": "conversion",
        "planned": {"mql_sql": 0.5, "sql_won": 0.2},
        "cohorts": [
            {"month": "2027-01", "mqls": 10, "sqls": 6, "comparable": True},
            {"month": "2027-02", "mqls": 10, "sqls": 3, "comparable": True},
            {"month": "2027-03", "mqls": 10, "sqls": 1, "comparable": False},
        ],
    }
    series = clause_series(conversion)
    assert series is not None
    assert [(b["delivered"], b["target"], b["verdict"]) for b in series[1]] == [
        (6, 5, "met"),
        (3, 5, "missed"),
        (1, 5, "no data"),  # too young to compare
    ]
    escalation = {
        "clause": "escalation",
        "weeks": [
            {
                "week": "2027-01-04",
                "mqls": 9,
                "mql_target": 12.0,
                "marketing_missed": True,
                "sales_missed": False,
            }
        ],
    }
    weekly = clause_series(escalation)
    assert weekly is not None and weekly[1][0]["verdict"] == "missed"
    assert clause_series({"clause": "accept_reject"}) is None


def test_export_review_date_picks_the_review(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from workshop.document import WorkshopDocument
    from workshop.edits import Insert
    from workshop.model import Review

    path = tmp_path / "demo.smw"
    assert main(["demo", str(path)]) == 0
    doc = WorkshopDocument.open(path)
    try:
        first = doc.typed(Review)[0]
        doc.apply(
            "add review",
            [Insert(Review(held_on="2030-02-03", period_start="2030-01-01", period_end="2030-01-31"))],
        )
    finally:
        doc.close()
    out = tmp_path / "r.pdf"

    def exported(*which: str) -> str:
        assert main(["export", str(path), "--review", str(out), *which]) == 0
        return text_of(out.read_bytes(), tmp_path)

    assert "3 Feb 2030" in exported()  # the latest by default
    by_date = exported("--review-date", first.held_on)
    assert "3 Feb 2030" not in by_date and "SLA scorecard" in by_date
    assert "From “fernhill-crm-export.csv”" in by_date  # the demo's review, with its scorecard
    assert "3 Feb 2030" in exported("--review-date", "2030-01-15")  # inside its period
    assert "3 Feb 2030" not in exported("--review-date", "1")
    capsys.readouterr()
    assert main(["export", str(path), "--review", str(out), "--review-date", "1999-01-01"]) != 0
    said = capsys.readouterr().err
    assert "no review was held on 1999-01-01" in said and "2: held 2030-02-03" in said
    assert main(["export", str(path), "--review", str(out), "--review-date", "7"]) != 0
    assert "there is no review 7" in capsys.readouterr().err


def test_first_contact_and_decisions_get_a_chart_with_their_numbers() -> None:
    from workshop.report.review_pdf import clause_series

    clause = {
        "clause": "sales_commitment",
        "limit_hours": 4,
        "months": [
            {"month": "2027-01", "within": 8, "measured": 9, "not_done": 1, "verdict": "missed"},
            {"month": "2027-02", "within": 0, "measured": 0, "not_done": 0, "verdict": "no data"},
        ],
    }
    series = clause_series(clause)
    assert series is not None
    caption, bars = series
    assert "within 4 business hours" in caption
    assert [(b["delivered"], b["target"], b["verdict"]) for b in bars] == [
        (8, 10, "missed"),
        (0, None, "no data"),
    ]
    clause["clause"] = "accept_reject"
    series = clause_series(clause)
    assert series is not None and "accepted or rejected within 4 hours" in series[0]


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_a_quarters_review_with_every_clause_fits_two_pages(tmp_path: Path, paper: str) -> None:
    import dataclasses
    import json

    from workshop.demo.crm_export import demo_crm_export
    from workshop.leads.reader import read_table
    from workshop.review.meeting import scorecard_for

    content = demo_content(TODAY)
    start, end = date(2027, 2, 1), date(2027, 4, 30)
    path = tmp_path / "crm.csv"
    path.write_text(demo_crm_export(start, end), encoding="utf-8")
    card = scorecard_for(content, read_table(path), start, end)
    assert len(card.clauses[-1]["weeks"]) >= 12  # a quarter's weeks in the escalation chart
    review = dataclasses.replace(
        content.reviews[0],
        period_start=start.isoformat(),
        period_end=end.isoformat(),
        scorecard=json.dumps(card.to_json()),
    )
    data = review_pdf(content, review, paper)
    assert len(re.findall(rb"/Type\s*/Page\b", data)) == 2
    text = text_of(data, tmp_path)
    assert "Overdue actions" in text and "Escalation" in text
