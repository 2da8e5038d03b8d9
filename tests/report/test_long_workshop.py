"""A long workshop exports: 60 agenda items, 40 participants, 200 goals, 20,000 speaking turns."""

from __future__ import annotations

import dataclasses
import random
import shutil
import subprocess
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from tests.fakes import FakeClock
from workshop.demo.content import demo_content
from workshop.model import JOINT, MARKETING, SALES, AgendaItem, Participant, WorkshopContent
from workshop.report.goals_pdf import goals_pdf
from workshop.report.sla_pdf import draft_pdf
from workshop.run.airtime import NOBODY, person_key
from workshop.run.runner import AgendaRunner
from workshop.run_log import RunLog

TODAY = date(2027, 6, 1)
needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")


def long_workshop(
    items: int = 60, people: int = 40, goals: int = 200, turns: int = 20_000
) -> WorkshopContent:
    content = demo_content(TODAY)
    owners = (SALES, MARKETING, JOINT)
    content.agenda = [
        AgendaItem(
            id=i + 1, position=i, title=f"Session {i + 1}: pipeline review", minutes=10, owner=owners[i % 3]
        )
        for i in range(items)
    ]
    content.participants = [
        Participant(id=i + 1, position=i, name=f"Person {i + 1}", title="Rep", team=(SALES, MARKETING)[i % 2])
        for i in range(people)
    ] + [
        dataclasses.replace(p, id=people + 1 + i, position=people + i)
        for i, p in enumerate(q for q in content.participants if q.signatory)
    ]
    template = [g for g in content.goals if g.status == "agreed"] or content.goals
    content.goals = [
        dataclasses.replace(template[i % len(template)], id=i + 1, position=i, status="agreed")
        for i in range(goals)
    ]
    rng = random.Random(7)
    clock = FakeClock(0.0)
    start = datetime(2027, 6, 28, 9, 0)
    log = RunLog([], 0)
    teams = {p.id: p.team for p in content.participants}
    runner = AgendaRunner(
        log, lambda: content.agenda, lambda: teams, clock, wall=lambda: start + timedelta(seconds=clock.now())
    )
    runner.start(content.agenda[0].id)
    per_item = turns // items
    for index in range(items):
        if index:
            runner.next_item()
        for _ in range(per_item):
            runner.set_speaker(person_key(rng.randrange(1, people + 1)))
            clock.advance(600 / per_item)
        runner.set_speaker(NOBODY)
    runner.next_item()
    content.run_log = log
    return content


@needs_poppler
def test_a_long_workshop_exports_every_item_and_goal(tmp_path: Path) -> None:
    content = long_workshop()
    sla = tmp_path / "sla.pdf"
    sla.write_bytes(draft_pdf(content, "a4"))
    goals = tmp_path / "goals.pdf"
    goals.write_bytes(goals_pdf(content, "letter"))
    text = subprocess.run(["pdftotext", str(sla), "-"], capture_output=True, text=True, check=True).stdout
    assert "Session 60: pipeline review" in text  # the last item is in the airtime chart too
    assert text.count("Session 60") >= 2
    info = subprocess.run(["pdfinfo", str(goals)], capture_output=True, text=True, check=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    goals_text = subprocess.run(
        ["pdftotext", str(goals), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert f"Page {pages} of {pages}" in goals_text
    assert goals_text.count("S · specific") == 200


@needs_poppler
def test_every_pdf_has_real_dates_metadata_language_and_page_totals(tmp_path: Path) -> None:
    content = demo_content(TODAY)
    for name, data in (("sla", draft_pdf(content, "a4")), ("goals", goals_pdf(content, "a4"))):
        path = tmp_path / f"{name}.pdf"
        path.write_bytes(data)
        info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
        fields = dict(line.split(":", 1) for line in info.splitlines() if ":" in line)
        created = fields["CreationDate"]
        assert str(datetime.now().astimezone().year) in created and "2000" not in created
        assert fields["ModDate"].strip()
        for key in ("Title", "Author", "Subject", "Keywords"):
            assert fields[key].strip(), key
        assert b"/Lang (en)" in data
        pages = int(fields["Pages"])
        text = subprocess.run(
            ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert [f"Page {n} of {pages}" in text for n in range(1, pages + 1)] == [True] * pages
        assert "(1 months)" not in text
        blank = [i + 1 for i, page in enumerate(text.split("\f")[:pages]) if len(page.split()) <= 8]
        assert blank == [], f"{name}: pages with only a header and footer: {blank}"
