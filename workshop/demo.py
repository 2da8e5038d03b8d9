"""The demo workshop a newcomer sees first: a filled-in "Q3 alignment offsite".

The company and people are fictional. Dates follow the day the demo is made, so
the offsite is always a few weeks ahead.
"""

from __future__ import annotations

import uuid
from datetime import date, timedelta

from workshop.agenda import load_template
from workshop.model import (
    JOINT,
    MARKETING,
    SALES,
    ActionItem,
    FunnelSettings,
    ParkingLotItem,
    Participant,
    QuotaLine,
    WorkshopContent,
    WorkshopInfo,
    default_teams,
)

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

    template = load_template("full-day")
    info = WorkshopInfo(
        title=DEMO_TITLE,
        company=DEMO_COMPANY,
        start_date=start.isoformat(),
        end_date=end.isoformat(),
        venue="Harbour House, Meeting Room 2",
        facilitator="Claire Dubois",
        day_start=template.day_start,
        day_end=template.day_end,
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
    quotas = [
        (MARKETING, "4", "blog posts", "month", "Bottom-of-funnel topics from sales' customer questions."),
        (MARKETING, "2", "webinars", "quarter", "One with a customer speaker."),
        (SALES, "100", "calls", "week", "Per sales development rep."),
        (SALES, "15", "discovery meetings", "week", "Booked from MQLs and outbound."),
    ]
    q3 = date(start.year if start.month < 7 else start.year + 1, 7, 1)
    funnel = FunnelSettings(
        period="quarter",
        period_start=q3.isoformat(),
        revenue_target="1,200,000",
        other_revenue="350,000",
        deal_size="18,000",
        cycle_days="45",
        visitor_lead="2.2",
        lead_mql="28",
        mql_sal="80",
        sal_sql="50",
        sql_won="22",
        use_sal=True,
    )
    return WorkshopContent(
        info=info,
        teams=default_teams(),
        funnel=[funnel],
        quota_lines=[QuotaLine(team=t, amount=a, what=w, per=p, notes=n) for t, a, w, p, n in quotas],
        participants=[Participant(name=n, title=t, team=k, signatory=s) for n, t, k, s in people],
        agenda=template.items,
        actions=[ActionItem(what=w, owner=o, team=t, due=d, status=s) for w, o, t, d, s in actions],
        parking_lot=[ParkingLotItem(topic=t, raised_by=r, team=k, notes=n) for t, r, k, n in parking],
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
    )
