"""The demo workshop a newcomer sees first: a filled-in "Q3 alignment offsite".

The company and people are fictional. Dates follow the day the demo is made: the offsite
was held a few weeks before, so its SLA is signed at plausible, past times.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import replace
from datetime import date, datetime, timedelta

from workshop.agenda.plan import load_template
from workshop.clock import local_today, local_zone_name
from workshop.demo.lead_history import demo_mql, demo_stages
from workshop.goals.deadlines import find_deadlines, main_deadline
from workshop.leads.stages import common_stages
from workshop.leads.state import state_for
from workshop.leads.templates import starting_template
from workshop.model import (
    JOINT,
    MARKETING,
    SALES,
    ActionItem,
    DotVote,
    FunnelSettings,
    Goal,
    ParkingLotItem,
    Participant,
    QuotaLine,
    RoomCheck,
    SlaSignature,
    WorkshopContent,
    WorkshopInfo,
    default_teams,
)
from workshop.signoff.signing import strokes_json, synthetic_signature
from workshop.sla.agreement import clauses_from_templates, fingerprint, signatories

DEMO_TITLE = "Q3 alignment offsite"
DEMO_COMPANY = "Fernhill Software"


def _monday_before(today: date, weeks_back: int) -> date:
    start = today - timedelta(weeks=weeks_back)
    return start - timedelta(days=start.weekday())


def demo_content(today: date | None = None) -> WorkshopContent:
    """The demo workshop, held a few weeks before ``today``."""
    today = today or local_today()
    start = _monday_before(today, 3)
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
        time_zone=local_zone_name(),  # the laptop's, as for a new workshop
        review_time=template.day_start,
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
    content = WorkshopContent(
        info=info,
        teams=default_teams(),
        funnel=[funnel],
        quota_lines=[QuotaLine(team=t, amount=a, what=w, per=p, notes=n) for t, a, w, p, n in quotas],
        goals=demo_goals(start),
        participants=[Participant(name=n, title=t, team=k, signatory=s) for n, t, k, s in people],
        agenda=template.items,
        actions=[ActionItem(what=w, owner=o, team=t, due=d, status=s) for w, o, t, d, s in actions],
        parking_lot=[ParkingLotItem(topic=t, raised_by=r, team=k, notes=n) for t, r, k, n in parking],
        lead_stages=demo_stages(),
        mql=[demo_mql(start)],
    )
    add_demo_sla(content, end)
    content.room_checks, content.dot_votes = demo_room(start)
    if today > end + timedelta(days=1):
        from workshop.demo.crm_export import demo_review  # noqa: PLC0415 - reads the shipped history

        review, check_ins = demo_review(content, today)
        content.reviews, content.check_ins = [review], check_ins
    return content


def demo_room(workshop_day: date) -> tuple[list[RoomCheck], list[DotVote]]:
    """What the room said from their phones: sales' check of goal 2, a dot vote on the drafts."""
    at = datetime.combine(workshop_day, datetime.min.time()).astimezone()
    answers = [
        ("Dana Whitfield", "attainable", "The referral fix is already in the sprint."),
        ("Marcus Oyelaran", "stretch", "17% needs the paid search plan live by week 3."),
        ("Sofia Lindqvist", "attainable", ""),
        ("Kenji Watanabe", "attainable", "The baseline matches what the CRM shows."),
    ]
    check = RoomCheck(
        goal=2,
        title="Raise the lead-to-MQL conversion rate from 12% to 17% by the end of next quarter",
        held_at=(at + timedelta(hours=14, minutes=20)).isoformat(timespec="seconds"),
        judges=SALES,
        answers=json.dumps(
            [{"by": b, "team": SALES, "verdict": v, "reason": r} for b, v, r in answers], ensure_ascii=False
        ),
    )
    tally = [
        {"goal": 6, "title": "Cut first-response time on MQLs from 31 hours to under 24 hours", "dots": 11},
        {"goal": 4, "title": "Publish 12 bottom-of-funnel articles ASAP", "dots": 8},
        {"goal": 7, "title": "Improve pipeline quality", "dots": 5},
        {
            "goal": 5,
            "title": "Raise the win rate on marketing-sourced deals from 18% to 24% within two quarters",
            "dots": 0,
        },
    ]
    vote = DotVote(
        held_at=(at + timedelta(hours=11, minutes=5)).isoformat(timespec="seconds"),
        dots_each=3,
        voters=8,
        tally=json.dumps(tally, ensure_ascii=False),
    )
    return [check], [vote]


def add_demo_sla(content: WorkshopContent, signed_on: date) -> None:
    """The agreed SLA of the demo, signed on the workshop's last day by both leads and the facilitator."""
    content.sla_clauses = clauses_from_templates()  # the numbers come from the funnel and MQL stages
    sha = fingerprint(content)
    times = ("16:05", "16:09", "16:12")
    for index, person in enumerate(signatories(content)):
        content.sla_signatures.append(
            SlaSignature(
                role=person.role,
                name=person.name,
                title=person.title,
                signed_on=signed_on.isoformat(),
                signed_at=datetime.fromisoformat(f"{signed_on.isoformat()}T{times[index]}:00")
                .astimezone()  # the laptop's time zone, as a signature made there
                .isoformat(),
                strokes=strokes_json(synthetic_signature(person.name)),
                sla_sha256=sha,
            )
        )


def _dated(goal: Goal, workshop_day: date) -> Goal:
    found = main_deadline(find_deadlines(goal.deadline, workshop_day))
    return replace(goal, deadline_date=found.date.isoformat() if found and found.date else "")


def demo_goals(workshop_day: date) -> list[Goal]:
    """Goals as the teams drafted them: two agreed, the rest drafts with findings still to fix."""
    joint = Goal(
        id=1,
        team=JOINT,
        accomplish="Grow the pipeline that marketing sources, because it closes faster and cheaper.",
        initiatives="Shared account list for Q-next; joint webinar series; SDR follow-up on every MQL.",
        blockers="data,analytics",
        blocker_notes="No shared dashboard of pipeline by source.",
        other_team_help="Both teams report sourced pipeline in the weekly stand-up.",
        statement="Grow marketing-sourced pipeline from $1.2M to $1.6M by the end of next quarter",
        metric="marketing-sourced pipeline",
        unit="$",
        baseline="$1.2M",
        target="$1.6M",
        deadline="end of next quarter",
        milestones="$1.35M after month 1; $1.5M after month 2",
        owner="Priya Raman",
        review_cadence="weekly",
        shared_with="sales,marketing,company",
        verdict="stretch",
        verdict_comment="Needs the partner channel to deliver too.",
        status="agreed",
    )
    goals = [
        joint,
        Goal(
            id=2,
            team=MARKETING,
            accomplish="Raise the share of leads that become MQLs, so sales spends time on buyers.",
            initiatives="Conversion-rate work on the website; a paid search plan; bottom-of-funnel content.",
            blockers="information,data",
            blocker_notes="No visibility into referral sources or where prospects drop out late.",
            other_team_help="Share what customers talk about, worry about, ask for, and how they found us.",
            statement="Raise the lead-to-MQL conversion rate from 12% to 17% by the end of next quarter",
            metric="lead-to-MQL conversion rate",
            unit="%",
            baseline="12%",
            target="17%",
            deadline="end of next quarter",
            milestones="14% after month 1; 15.5% after month 2",
            owner="Zoë Łukasik",
            review_cadence="monthly",
            shared_with="sales",
            serves_goal=1,
            verdict="attainable",
            verdict_comment="Only if the referral tracking fix lands in the first month.",
            status="agreed",
        ),
        Goal(
            id=3,
            team=MARKETING,
            accomplish="Give sales a steady flow of MQLs they can plan around.",
            initiatives="Always-on paid search; monthly webinar.",
            blockers="budget",
            statement="Deliver 250 MQLs a month",
            metric="MQLs",
            baseline="190 a month",
            target="250 a month",
            owner="Priya Raman",
            review_cadence="monthly",
            shared_with="sales",
            serves_goal=1,
            verdict="stretch",
            verdict_comment="Last quarter peaked at 210.",
            status="agreed",
            override_reason="The monthly rate runs for the SLA's term; the SLA sets the dates.",
        ),
        Goal(
            id=4,
            team=MARKETING,
            accomplish="Answer the questions buyers ask late in the funnel.",
            initiatives="Interview five customers; write from the top 10 sales questions.",
            blockers="people",
            blocker_notes="One content writer for everything.",
            other_team_help="Sales shares the top 10 customer questions from Q2 calls.",
            statement="Publish 12 bottom-of-funnel articles ASAP",
            owner="Tom Brennan",
        ),
        Goal(
            id=5,
            team=SALES,
            accomplish="Close more of the opportunities marketing sources.",
            initiatives="Discovery-call playbook; deal reviews for every opportunity over $20K.",
            blockers="resources",
            other_team_help="Marketing builds a competitor one-pager and case studies for our two verticals.",
            statement="Raise the win rate on marketing-sourced deals from 18% to 24% within two quarters",
            metric="win rate",
            unit="%",
            baseline="18%",
            target="24%",
            deadline="within two quarters",
            owner="Dana Whitfield",
            review_cadence="monthly",
            shared_with="marketing",
            serves_goal=1,
            verdict="stretch",
            verdict_comment="24% is above any quarter we have seen; 22% would be attainable.",
        ),
        Goal(
            id=6,
            team=SALES,
            accomplish="Reach every MQL while it is still warm.",
            initiatives="Round-robin routing; SDR alerts on pricing-page visits.",
            blockers="analytics",
            blocker_notes="Response time is not measured today.",
            statement="Cut first-response time on MQLs from 31 hours to under 24 hours",
            owner="Marcus Oyelaran",
            shared_with="marketing",
        ),
        Goal(
            id=7,
            team=SALES,
            accomplish="Better pipeline.",
            statement="Improve pipeline quality",
            owner="Kenji Watanabe",
        ),
    ]
    return [_dated(goal, workshop_day) for goal in goals]


def blank_content(today: date | None = None) -> WorkshopContent:
    """A new, empty workshop: two teams with their usual names, dated today."""
    today = today or local_today()
    return WorkshopContent(
        info=WorkshopInfo(
            title="New workshop",
            start_date=today.isoformat(),
            end_date=today.isoformat(),
            uid=str(uuid.uuid4()),
            time_zone=local_zone_name(),
        ),
        teams=default_teams(),
        lead_stages=common_stages(),
        mql=[state_for(starting_template())],
        sla_clauses=clauses_from_templates(),
    )
