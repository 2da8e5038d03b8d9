"""New from This Workshop: the next period starts from this one's people, definition and SLA."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from workshop.demo.content import demo_content
from workshop.leads.state import fully_approved
from workshop.review.carry_over import NEXT_SUFFIX, next_workshop

TODAY = date(2027, 3, 10)


def test_the_next_workshop_carries_people_definition_and_sla_as_a_draft() -> None:
    old = demo_content(TODAY)
    new = next_workshop(old, date(2027, 4, 1))
    assert new.info.title == old.info.title + NEXT_SUFFIX
    assert new.info.uid != old.info.uid
    assert new.info.start_date == "2027-04-01"
    assert [p.name for p in new.participants] == [p.name for p in old.participants]
    assert [t.name for t in new.teams] == [t.name for t in old.teams]
    assert new.mql[0].definition == old.mql[0].definition
    assert fully_approved(old.mql[0]) and not fully_approved(new.mql[0])
    assert [c.wording for c in new.sla_clauses] == [c.wording for c in old.sla_clauses]
    assert new.sla_signatures == [] and new.sla_records == [] and new.reviews == []
    assert all(g.status == "draft" and not g.verdict for g in new.goals)
    assert len(new.goals) == len(old.goals)


def test_last_periods_goals_keep_their_result_for_reference() -> None:
    old = demo_content(TODAY)
    check_in = {c.goal: c for c in old.check_ins}
    new = next_workshop(old, date(2027, 4, 1))
    for before, after in zip(old.goals, new.goals, strict=True):
        reached = check_in[before.id].current
        assert after.milestones.startswith("Last period:")
        if reached:
            assert f"reached {reached}" in after.milestones
            assert after.baseline == reached
        assert after.statement == before.statement


def test_a_next_workshop_of_a_next_workshop_does_not_stack_suffixes() -> None:
    once = next_workshop(demo_content(TODAY), date(2027, 4, 1))
    twice = next_workshop(once, date(2027, 7, 1))
    assert twice.info.title.count(NEXT_SUFFIX) == 1


def test_the_agenda_and_the_open_actions_come_along_flagged() -> None:
    import dataclasses

    from workshop.model import ActionItem

    old = demo_content(TODAY)
    old.agenda[0] = dataclasses.replace(old.agenda[0], replanned_minutes=old.agenda[0].minutes + 15)
    old.info = dataclasses.replace(
        old.info, time_zone="Europe/Lisbon", work_start="08:00", review_time="15:00"
    )
    old.actions.append(ActionItem(id=999, what="Already done", status="done", due="2027-02-01"))
    old.actions.append(ActionItem(id=998, what="Dropped", status="dropped"))
    new = next_workshop(old, date(2027, 4, 1))
    assert [(a.title, a.minutes, a.kind, a.owner) for a in new.agenda] == [
        (a.title, a.minutes, a.kind, a.owner) for a in old.agenda
    ]
    assert all(a.replanned_minutes == 0 for a in new.agenda)  # the plan, not last time's run
    still_open = [a for a in old.actions if a.status in ("open", "in progress")]
    assert still_open and len(still_open) < len(old.actions)
    assert [(a.what, a.owner, a.due, a.status) for a in new.actions] == [
        (a.what, a.owner, a.due, a.status) for a in still_open
    ]
    assert {a.carried_from for a in new.actions} == {old.info.title}
    assert (new.info.time_zone, new.info.work_start, new.info.review_time) == (
        "Europe/Lisbon",
        "08:00",
        "15:00",
    )
    # a second period keeps the workshop each action first came from
    again = next_workshop(new, date(2027, 7, 1))
    assert {a.carried_from for a in again.actions} == {old.info.title}


def test_the_next_workshop_is_a_file_that_opens(tmp_path: Path) -> None:
    from workshop.document import WorkshopDocument
    from workshop.model import ActionItem, AgendaItem

    new = next_workshop(demo_content(TODAY), date(2027, 4, 1))
    doc = WorkshopDocument.create(tmp_path / "next.smw", new)
    try:
        assert len(doc.typed(AgendaItem)) == len(new.agenda) > 0
        assert all(a.carried_from for a in doc.typed(ActionItem))
    finally:
        doc.close()
