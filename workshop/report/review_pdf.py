"""The review PDF: the SLA's scorecard for one period, a trend chart per clause, goals and overdue actions.

Two pages at most for a normal workshop. The footer names the signed SLA it reviews by its
SHA-256, so the review and the agreement it holds to account can be matched on paper.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from datetime import date
from typing import Any

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer, Table, TableStyle

from workshop.clock import local_today
from workshop.model import TEAM_KEYS, Goal, Review, WorkshopContent, team_name
from workshop.report.charts import INK, MUTED, _drawing
from workshop.report.context import ReportContext, date_range, nice_date
from workshop.report.layout import PageDecor, build, para, styles, table
from workshop.report.text import SANS
from workshop.review.meeting import check_ins_of, overdue_actions
from workshop.review.scorecard import MET, MISSED, NO_DATA, describe_clause
from workshop.sla import agreement as sla

_MONTH_LINE = re.compile(r"\s+\d{4}-\d{2}: ")  # a clause's month line: the chart shows the months
VERDICT_FILL = {MET: "#15803d", "close": "#b45309", MISSED: "#b91c1c", NO_DATA: "#64748b"}


def _card(review: Review) -> dict[str, Any] | None:
    try:
        data = json.loads(review.scorecard) if review.scorecard else None
    except ValueError:
        return None
    return data if isinstance(data, dict) else None


def reviewed_sha(content: WorkshopContent) -> tuple[str, bool]:
    """The SHA-256 of the SLA the review holds to (the latest signed record), and whether it is signed."""
    if content.sla_records:
        return content.sla_records[-1].sla_sha256, True
    return sla.fingerprint(content), False


def _figure(value: Any) -> str:
    return "–" if value is None else f"{value:,}"


def trend_chart(months: Sequence[dict[str, Any]], width: float, height: float = 80.0) -> Drawing:
    """Delivered per month as bars with their number, the commitment as a tick over each bar.

    With many bars (a quarter's weeks in half a page) each keeps its number, without "of N"
    (the dashed tick shows it), and the labels under the bars are thinned to fit.
    """
    label_h = 14.0
    drawing = _drawing(width, height + label_h)
    if not months:
        return drawing
    top = max([m.get("delivered") or 0 for m in months] + [m.get("target") or 0 for m in months] + [1])
    slot = width / len(months)
    bar = min(slot * 0.6, 40.0)
    roomy = slot >= 44
    size = 7.5 if slot >= 22 else 6.0
    every = max(1, math.ceil(26 / slot))
    for i, month in enumerate(months):
        x = i * slot + (slot - bar) / 2
        delivered = month.get("delivered") or 0
        h = (height - 14) * delivered / top
        fill = colors.HexColor(VERDICT_FILL.get(month.get("verdict", NO_DATA), "#64748b"))
        drawing.add(Rect(x, label_h, bar, h, fillColor=fill, strokeColor=None))
        target = month.get("target")
        target_h = (height - 14) * target / top if target else 0.0
        drawing.add(
            String(
                x + bar / 2,
                label_h + max(h, target_h) + 3,
                f"{delivered:,}" + (f" of {target:,}" if target and roomy else ""),
                fontName=SANS,
                fontSize=size,
                fillColor=INK,
                textAnchor="middle",
            )
        )
        if target:
            y = label_h + target_h
            drawing.add(
                Line(x - 4, y, x + bar + 4, y, strokeColor=INK, strokeWidth=1.2, strokeDashArray=[3, 2])
            )
        if i % every == 0:
            drawing.add(
                String(
                    x + bar / 2,
                    2,
                    month["month"],
                    fontName=SANS,
                    fontSize=size,
                    fillColor=MUTED,
                    textAnchor="middle",
                )
            )
    return drawing


def clause_series(clause: dict[str, Any]) -> tuple[str, list[dict[str, Any]]] | None:
    """The bars a clause's trend chart draws (label, value, commitment, verdict), None when it has none."""
    if clause.get("clause") == "conversion":
        planned = clause["planned"].get("mql_sql")
        bars = []
        for cohort in clause.get("cohorts", []):
            target = round(cohort["mqls"] * planned) if planned is not None else None
            if not cohort["comparable"] or target is None:
                verdict_text = NO_DATA
            else:
                verdict_text = MET if cohort["sqls"] >= target else MISSED
            bars.append(
                {
                    "month": cohort["month"],
                    "delivered": cohort["sqls"],
                    "target": target,
                    "verdict": verdict_text,
                }
            )
        return (
            ("SQLs per MQL cohort (dashed: the funnel's rate; grey: not yet comparable)", bars)
            if bars
            else None
        )
    if clause.get("clause") in ("sales_commitment", "accept_reject"):
        bars = [
            {
                "month": month["month"],
                "delivered": month["within"],
                "target": month["measured"] + month.get("not_done", 0) or None,
                "verdict": month["verdict"],
            }
            for month in clause.get("months", [])
        ]
        limit = clause.get("limit_hours")
        within = "business hours" if clause["clause"] == "sales_commitment" else "hours"
        what = "first contacted" if clause["clause"] == "sales_commitment" else "accepted or rejected"
        caption = (
            f"MQLs {what} within {'–' if limit is None else f'{limit:g}'} {within}, per month "
            "(dashed: all MQLs timed)"
        )
        return (caption, bars) if bars and limit is not None else None
    if clause.get("clause") == "escalation":
        bars = [
            {
                "month": week["week"][5:],
                "delivered": week["mqls"],
                "target": None if week["mql_target"] is None else round(week["mql_target"]),
                "verdict": MISSED if week["marketing_missed"] or week["sales_missed"] else MET,
            }
            for week in clause.get("weeks", [])
        ]
        return (
            ("MQLs per week (dashed: the weekly share of the commitment; red: a team missed)", bars)
            if bars
            else None
        )
    return None


def _scorecard(ctx: ReportContext, card: dict[str, Any] | None) -> list[Flowable]:
    st = ctx.st
    names = {key: team_name(ctx.content.teams, key) for key in TEAM_KEYS}
    out: list[Flowable] = [para("SLA scorecard", st.h1)]
    if card is None:
        return [
            *out,
            para("No CRM export was read for this review: the clauses could not be checked.", st.warn),
        ]
    out.append(para(f"From “{card.get('source', '')}”.", st.small))
    rows = []
    for clause in card.get("clauses", []):
        period = clause["period"]
        lines = describe_clause(clause, names)
        figures = lines[0].split(" — ", 1)[-1] if lines else ""
        rows.append([clause["title"], period["verdict"].upper(), figures])
    w = ctx.width
    out.append(
        table(["Clause", "Verdict", "Figures for the period"], rows, [0.3 * w, 0.15 * w, 0.55 * w], st)
    )
    for clause in card.get("clauses", []):
        if clause.get("clause") != "marketing_commitment":
            details = describe_clause(clause, names)[1:]
            if clause.get("clause") in ("sales_commitment", "accept_reject"):
                details = [line for line in details if not _MONTH_LINE.match(line)]
            series = clause_series(clause)
            if not (details or series):
                continue
            text: list[Flowable] = [para(line.strip(), st.small) for line in details]
            if series is None:
                out += [KeepTogether([para(clause["title"], st.h2), *text])]
                continue
            caption, bars = series
            # The words on the left, the months' chart (each bar with its number) on the right.
            left, right = 0.6 * w, 0.4 * w
            beside = Table(
                [[[*text, para(caption, st.small)], trend_chart(bars, right - 6, 40.0)]],
                colWidths=[left, right],
                style=TableStyle(
                    [
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                        ("FONTNAME", (0, 0), (-1, -1), SANS),
                        ("LEFTPADDING", (0, 0), (-1, -1), 0),
                        ("RIGHTPADDING", (0, 0), (0, -1), 6),
                        ("RIGHTPADDING", (1, 0), (1, -1), 0),
                    ]
                ),
            )
            out += [KeepTogether([para(clause["title"], st.h2), beside])]
            continue
        basis = "by_definition" if clause.get("basis") == "definition" else "by_crm"
        months = [{**m, "delivered": m.get(basis)} for m in clause.get("months", [])]
        out += [
            Spacer(1, 3 * mm),
            KeepTogether(
                [
                    para(f"{clause['title']} per month (bars; dashed: the commitment)", st.h2),
                    trend_chart(months, ctx.width, 50.0),
                ]
            ),
        ]
        if clause.get("disagreement_count"):
            out.append(
                para(
                    "The CRM's MQL flag and the approved definition disagree on "
                    f"{clause['disagreement_count']:,} leads: the gap to talk about.",
                    st.body,
                )
            )
        out += [para(f"Cannot be worked out: {why}", st.warn) for why in clause.get("cannot", [])]
    return out


def _goals(ctx: ReportContext, review: Review) -> list[Flowable]:
    st, content = ctx.st, ctx.content
    rows = []
    for goal in content.goals:
        history = check_ins_of(content, goal)
        now = next((c for r, c in history if r.id == review.id), None)
        trend = " → ".join(c.current or "?" for _r, c in history) or "no check-in"
        rows.append(
            [
                _goal_name(goal),
                goal.baseline or "–",
                goal.target or "–",
                trend,
                (now.confidence if now else "not checked in").capitalize(),
                now.comment if now else "",
            ]
        )
    if not rows:
        return [para("Goals", st.h1), para("No goals are recorded in the workshop.", st.warn)]
    w = ctx.width
    widths = [0.3 * w, 0.115 * w, 0.1 * w, 0.11 * w, 0.155 * w, 0.22 * w]
    return [
        para("Goals progress", st.h1),
        _tight(table(["Goal", "Baseline", "Target", "Trend", "Confidence", "Comment"], rows, widths, st)),
    ]


def _goal_name(goal: Goal) -> str:
    return (goal.statement or goal.accomplish or goal.metric or f"Goal {goal.id}").strip()


def _overdue(ctx: ReportContext, review: Review) -> list[Flowable]:
    st = ctx.st
    try:
        day = date.fromisoformat(review.held_on)
    except ValueError:
        day = local_today()
    late = overdue_actions(ctx.content.actions, day)
    out: list[Flowable] = [para("Overdue actions", st.h1)]
    if not late:
        return [*out, para(f"No action item was overdue on {nice_date(day.isoformat())}.", st.body)]
    w = ctx.width
    rows = [[a.what, a.owner, nice_date(a.due), a.status.capitalize()] for a in late]
    widths = [0.5 * w, 0.2 * w, 0.15 * w, 0.15 * w]
    return [*out, _tight(table(["What", "Owner", "Due", "Status"], rows, widths, st))]


def _tight(found: Table) -> Table:
    """A table with less padding: the review's two pages hold a quarter's figures and its lists."""
    found.setStyle(TableStyle([("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]))
    return found


def review_pdf(content: WorkshopContent, review: Review, paper: str) -> bytes:
    """The PDF of one review for ``paper`` ("a4" or "letter")."""
    ctx = ReportContext(content=content, paper=paper, st=styles())
    st, info = ctx.st, content.info
    sha, signed = reviewed_sha(content)
    what = "the signed SLA" if signed else "the SLA (not signed yet)"
    attendees = ", ".join(n.strip() for n in review.attendees.replace("\n", ";").split(";") if n.strip())
    story: list[Flowable] = [
        para(info.company or "Company not named", st.subtitle),
        para("SLA review", st.title),
        para(
            f"{date_range(review.period_start, review.period_end)} · held {nice_date(review.held_on)}",
            st.subtitle,
        ),
        para(f"Attended by {attendees or 'no one recorded'}.", st.body),
        para(f"Reviews {what}, SHA-256 {sha}.", st.small),
    ]
    if review.notes.strip():
        story.append(para(review.notes, st.body))
    story += _scorecard(ctx, _card(review))
    story += [CondPageBreak(45 * mm), *_goals(ctx, review), CondPageBreak(35 * mm), *_overdue(ctx, review)]
    decor = PageDecor(
        header=f"{info.company} · SLA review · {info.title}".strip(" ·"),
        footer=f"Reviews {what}, SHA-256 {sla.short_fingerprint(sha)} …",
        draft=False,
    )
    return build(
        story,
        paper,
        decor,
        title=f"SLA review: {info.title}",
        subject=f"The SLA of {info.title} against the period {review.period_start} to {review.period_end}",
        author=info.facilitator,
        keywords=["SLA", "review", "sales", "marketing", info.company, info.title],
    )
