"""New from This Workshop: the next period starts from this one's people, definition and SLA."""

from __future__ import annotations

from datetime import date

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
