"""The demo workshop a newcomer sees first: a filled-in "Q3 alignment offsite".

The company and people are fictional. Dates follow the day the demo is made, so
the offsite is always a few weeks ahead.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime, timedelta

from workshop.model import (
    JOINT,
    MARKETING,
    SALES,
    ActionItem,
    AgendaItem,
    ParkingLotItem,
    Participant,
    SlaSignature,
    WorkshopContent,
    WorkshopInfo,
    default_teams,
)
from workshop.signing import strokes_json, synthetic_signature
from workshop.sla import clauses_from_templates, fingerprint, signatories

DEMO_TITLE = "Q3 alignment offsite"
DEMO_COMPANY = "Fernhill Software"


def _next_monday(today: date, weeks_ahead: int) -> date:
    start = today + timedelta(weeks=weeks_ahead)
    return start + timedelta(days=(7 - start.weekday()) % 7)


def demo_content(today: date | None = None) -> WorkshopContent:
    """The demo workshop, dated a few weeks after ``today``."""
    today = today or date.today()
    start = _next_monday(today, 3)
    end = start + timedelta(days=1)

    def due(days: int) -> str:
        return (end + timedelta(days=days)).isoformat()

    info = WorkshopInfo(
        title=DEMO_TITLE,
        company=DEMO_COMPANY,
        start_date=start.isoformat(),
        end_date=end.isoformat(),
        venue="Harbour House, Meeting Room 2",
        facilitator="Claire Dubois",
        day_start="09:00",
        uid=str(uuid.uuid4()),
    )
    people = [
        ("Dana Whitfield", "VP Sales", SALES, True),
        ("Marcus Oyelaran", "Sales Development Lead", SALES, False),
        ("Sofia Lindqvist", "Enterprise Account Executive", SALES, False),
        ("Kenji Watanabe", "Sales Operations Manager", SALES, False),
        ("Priya Raman", "Head of Marketing", MARKETING, True),
        ("Zoë Łukasik", "Demand Generation Manager", MARKETING, False),
        ("Tom Brennan", "Content Lead", MARKETING, False),
        ("Amira Haddad", "Marketing Operations Analyst", MARKETING, False),
    ]
    agenda = [
        (
            "Kick-off and ground rules",
            "What each team usually says about the other; agree it is not a blame game.",
            30,
            "facilitator",
            "discussion",
        ),
        (
            "Sales priorities",
            "Now, later, and what sales needs from marketing. Close rates and customer questions.",
            30,
            SALES,
            "presentation",
        ),
        (
            "Marketing priorities",
            "Now, later, and what marketing needs from sales. Campaign results.",
            30,
            MARKETING,
            "presentation",
        ),
        ("Break", "", 15, JOINT, "break"),
        (
            "Lead stages and the MQL definition",
            "Agree the lifecycle and what qualifies a lead at each hand-off.",
            60,
            JOINT,
            "exercise",
        ),
        ("Lunch", "", 60, JOINT, "break"),
        (
            "Funnel review",
            "Where do prospects stall or drop out? Real conversion rates.",
            45,
            JOINT,
            "discussion",
        ),
        ("Goal drafting: Sales", "Four questions per goal, checked against SMART.", 30, SALES, "exercise"),
        (
            "Goal drafting: Marketing",
            "Four questions per goal, checked against SMART.",
            30,
            MARKETING,
            "exercise",
        ),
        ("Break", "", 15, JOINT, "break"),
        (
            "Cross-team attainability check",
            "Each team judges whether the other's goals are attainable.",
            30,
            JOINT,
            "discussion",
        ),
        (
            "Service level agreement",
            "MQLs per month, follow-up times, recycling, reporting, escalation.",
            45,
            JOINT,
            "discussion",
        ),
        (
            "Sign-off and action items",
            "Both team leads sign; owners and due dates for every action.",
            30,
            "facilitator",
            "discussion",
        ),
    ]
    actions = [
        ("Publish the agreed MQL definition in the CRM", "Amira Haddad", MARKETING, due(7), "in progress"),
        ("Set up a lead response-time dashboard", "Kenji Watanabe", SALES, due(14), "open"),
        ("Share the top 10 customer questions from Q2 calls", "Sofia Lindqvist", SALES, due(10), "open"),
        ("Draft the bottom-of-funnel content plan", "Tom Brennan", MARKETING, due(21), "open"),
        ("Book the monthly SLA review (first Tuesday)", "Claire Dubois", JOINT, due(3), "done"),
        ("Add a rejection-reason pick list to MQL follow-up", "Marcus Oyelaran", SALES, due(7), "open"),
        ("Fix referral-source tracking on web forms", "Zoë Łukasik", MARKETING, due(14), "open"),
    ]
    parking = [
        ("Commission for marketing-sourced deals", "Dana Whitfield", SALES, "Needs finance in the room."),
        ("Redesign of the pricing page", "Tom Brennan", MARKETING, ""),
        ("Who owns leads from the partner channel?", "Marcus Oyelaran", JOINT, "Revisit at the Q3 review."),
        ("Budget for an intent-data provider", "Priya Raman", MARKETING, ""),
    ]
    content = WorkshopContent(
        info=info,
        teams=default_teams(),
        participants=[Participant(name=n, title=t, team=k, signatory=s) for n, t, k, s in people],
        agenda=[AgendaItem(title=t, notes=n, minutes=m, owner=o, kind=k) for t, n, m, o, k in agenda],
        actions=[ActionItem(what=w, owner=o, team=t, due=d, status=s) for w, o, t, d, s in actions],
        parking_lot=[ParkingLotItem(topic=t, raised_by=r, team=k, notes=n) for t, r, k, n in parking],
    )
    add_demo_sla(content, end)
    return content


def add_demo_sla(content: WorkshopContent, signed_on: date) -> None:
    """The agreed SLA of the demo, signed on the workshop's last day by both leads and the facilitator."""
    content.sla_clauses = clauses_from_templates({"mqls_per_month": "250", "mql_definition_version": "3"})
    sha = fingerprint(content)
    times = ("16:05", "16:09", "16:12")
    for index, person in enumerate(signatories(content)):
        content.sla_signatures.append(
            SlaSignature(
                role=person.role,
                name=person.name,
                title=person.title,
                signed_on=signed_on.isoformat(),
                signed_at=datetime.fromisoformat(
                    f"{signed_on.isoformat()}T{times[index]}:00+00:00"
                ).isoformat(),
                strokes=strokes_json(synthetic_signature(person.name)),
                sla_sha256=sha,
            )
        )


def blank_content(today: date | None = None) -> WorkshopContent:
    """A new, empty workshop: two teams with their usual names, dated today."""
    today = today or date.today()
    return WorkshopContent(
        info=WorkshopInfo(
            title="New workshop",
            start_date=today.isoformat(),
            end_date=today.isoformat(),
            uid=str(uuid.uuid4()),
        ),
        teams=default_teams(),
        sla_clauses=clauses_from_templates(),
    )
