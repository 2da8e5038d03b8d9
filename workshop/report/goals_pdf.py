"""The goals PDF: the agreed goals, one team per section, with a sign-off line per owner, then the
goals still in draft with the letters that fail and how to fix them (the room's homework).

The goals themselves come from the Goals stage. It plugs in by setting
:data:`GOAL_SECTION`, a function ``(ctx, team_key) -> (flowables, owners)`` that returns
the team's goals (with their SMART and FAST findings and the other team's verdict) and the
people who own them. Until then each team's section says that no goals are recorded and
offers the team's signatory a sign-off line.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer, Table

from workshop.model import JOINT, MARKETING, SALES, WorkshopContent, team_name
from workshop.report.context import ReportContext, date_range
from workshop.report.layout import RULE, PageDecor, build, para, styles
from workshop.report.lead_evidence import mql_test_section
from workshop.report.stage_sections import draft_goals, goals_for_team
from workshop.report.text import NAME_LIMIT, SANS, shorten
from workshop.sla import agreement as sla


def _no_goals(ctx: ReportContext, team: str) -> tuple[list[Flowable], list[tuple[str, str]]]:
    person = sla.signatory_of(ctx.content, team)
    owners = [(person.name, person.title)] if person else []
    return [para("No goals are recorded for this team in the workshop yet.", ctx.st.warn)], owners


def _sign_off_line(ctx: ReportContext, name: str, title: str) -> Flowable:
    half = ctx.width / 2
    cells = [
        [
            para(shorten(f"{name}, {title}" if title else name, 2 * NAME_LIMIT), ctx.st.cell),
            para("Signature and date", ctx.st.small),
        ]
    ]
    line = Table(cells, colWidths=[half, half], hAlign="LEFT")  # grows with a long title
    line.setStyle(
        [
            ("FONT", (0, 0), (-1, -1), SANS),
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ("LINEBELOW", (1, 0), (1, 0), 0.6, RULE),
            ("LEFTPADDING", (0, 0), (0, 0), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 11 * mm),  # room to sign above the line
        ]
    )
    return line


def _parts(flowable: Flowable) -> list[Flowable]:
    """What a KeepTogether holds (so it can be kept together with more), else the flowable."""
    return list(flowable._content) if isinstance(flowable, KeepTogether) else [flowable]


def goals_pdf(content: WorkshopContent, paper: str) -> bytes:
    """The goals PDF for ``paper`` ("a4" or "letter")."""
    ctx = ReportContext(content=content, paper=paper, st=styles())
    st, info = ctx.st, content.info
    story: list[Flowable] = [
        para(info.company or "Company not named", st.subtitle),
        para("Agreed goals", st.title),
        Spacer(1, 2 * mm),
        para(f"{info.title} · {date_range(info.start_date, info.end_date)}", st.subtitle),
        Spacer(1, 8 * mm),
    ]
    section = goals_for_team if content.goals else _no_goals
    for team in (SALES, MARKETING, JOINT):
        flowables, owners = section(ctx, team)
        heading = para("Joint goals" if team == JOINT else f"{team_name(content.teams, team)} goals", st.h1)
        # the heading stays with the first goal, the sign-off with the last: neither alone on a page
        groups = [_parts(f) for f in flowables] or [[]]
        groups[0] = [heading, *groups[0]]
        if owners:
            groups[-1] += [Spacer(1, 4 * mm), para("Sign-off", st.h2, bold=True)]
            groups[-1] += [_sign_off_line(ctx, name, title) for name, title in owners]
        else:
            groups[-1].append(para("No owner is named to sign off these goals.", st.warn))
        story += [CondPageBreak(60 * mm), *(KeepTogether(group) for group in groups)]
        story.append(Spacer(1, 8 * mm))
    story += draft_goals(ctx)
    story += mql_test_section(ctx)
    decor = PageDecor(
        header=f"{info.company} · Agreed goals · {info.title}".strip(" ·"), footer=info.title, draft=False
    )
    return build(
        story,
        paper,
        decor,
        title=f"Agreed goals: {info.title}",
        subject=f"The goals {info.company or 'the teams'} agreed at {info.title}".strip(),
        author=info.facilitator,
        keywords=["goals", "SMART", "FAST", "sales", "marketing", info.company, info.title],
    )
