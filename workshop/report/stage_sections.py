"""The SLA report's sections that come from the workshop's stages: goals, MQL, funnel, airtime.

Each takes the report's context and returns reportlab flowables (nothing when the stage
has nothing to show). Charts are reportlab vector drawings: sharp when printed and no
matplotlib import in the export.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer

from workshop.charts.airtime import airtime_colours, airtime_labels, item_bars
from workshop.charts.funnel import funnel_bars
from workshop.funnel.plan import funnel_plan, funnel_settings, period_label
from workshop.funnel.reverse import STAGE_TITLES
from workshop.goals.checker import FAST_KEYS, SMART_KEYS
from workshop.goals.records import check_in_workshop, other_team_key
from workshop.goals.room_results import check_details, checks_of, dots_of, dots_text, room_line
from workshop.leads.definition import MqlDefinition, rules_in
from workshop.leads.state import BenchResult, approvals_of, bench_result_of, definition_of, fully_approved
from workshop.model import JOINT, MARKETING, SALES, Goal, Participant, team_colours, team_name
from workshop.report.charts import airtime_chart, funnel_chart
from workshop.report.context import ReportContext
from workshop.report.layout import para, table
from workshop.report.lead_evidence import bench_evidence
from workshop.report.text import CELL_LIMIT, NAME_LIMIT, shorten
from workshop.run.airtime import FACILITATOR, SILENCE, describe_minutes, person_key
from workshop.run.report import replay

MARK = {"pass": "✓", "fail": "✗", "unknown": "?"}


def _letters(findings: dict[str, object], keys: tuple[str, ...], letters: str) -> str:
    marks = []
    for key, letter in zip(keys, letters, strict=True):
        status = getattr(findings[key], "status", "unknown")
        marks.append(f"{letter}{MARK.get(status, '?')}")
    return " ".join(marks)


def _goal_rows(ctx: ReportContext, goals: list[Goal]) -> list[list[Any]]:
    content = ctx.content
    rows = []
    for goal in goals:
        check = check_in_workshop(goal, content.info, content.teams, content.goals)
        judge = team_name(content.teams, other_team_key(goal.team))
        verdict = f"{judge}: {goal.verdict}" if goal.verdict else f"{judge}: not judged"
        if goal.verdict_comment:
            verdict += f" — “{goal.verdict_comment}”"
        room = room_line(content.room_checks, (), content.teams, goal.id)  # the room's check beside it
        verdict_cell: Any = [para(verdict, ctx.st.cell), para(room, ctx.st.small)] if room else verdict
        owner = shorten(goal.owner, NAME_LIMIT)
        who = ", ".join(
            part for part in (owner, check.deadline.isoformat() if check.deadline else "") if part
        )
        rows.append(
            [
                [para(shorten(goal.statement, CELL_LIMIT), ctx.st.cell), para(who, ctx.st.small)]
                if who
                else goal.statement,
                _letters(dict(check.smart), SMART_KEYS, "SMART"),
                _letters(dict(check.fast), FAST_KEYS, "FAST"),
                verdict_cell,
            ]
        )
    return rows


def goals(ctx: ReportContext) -> list[Flowable]:
    """The agreed goals with their SMART and FAST findings and the other team's verdict."""
    content, st, w = ctx.content, ctx.st, ctx.width
    if not content.goals:
        return []
    agreed = [g for g in content.goals if g.status == "agreed"]
    drafts = len(content.goals) - len(agreed)
    story: list[Flowable] = [CondPageBreak(70 * mm), Spacer(1, 4 * mm), para("Agreed goals", st.h1)]
    story.append(
        para(
            "✓ passes, ✗ fails, ? not known from what was written. "
            + (
                f"{drafts} further goal{'s are' if drafts != 1 else ' is'} still a draft "
                "and not part of this agreement."
                if drafts
                else "Every goal drafted at the workshop was agreed."
            ),
            st.small,
        )
    )
    for team in (SALES, MARKETING, JOINT):
        rows = _goal_rows(ctx, [g for g in agreed if g.team == team])
        if rows:
            story += [
                Spacer(1, 2 * mm),
                CondPageBreak(45 * mm),
                para(team_name(content.teams, team) if team != JOINT else "Joint goals", st.h2),
                table(
                    ["Goal, owner and deadline", "SMART", "FAST", "The other team's check"],
                    rows,
                    [w * 0.42, w * 0.17, w * 0.14, w * 0.27],
                    st,
                ),
            ]
    return story


def _judged_rows(ctx: ReportContext, goal: Goal) -> list[list[Any]]:
    """The other team's verdict, and beside it what the room said from their phones (with reasons)."""
    content, st = ctx.content, ctx.st
    judge = team_name(content.teams, other_team_key(goal.team))
    verdict = f"{judge}: {goal.verdict}" if goal.verdict else f"{judge}: not judged"
    if goal.verdict_comment.strip():
        verdict += f" — “{goal.verdict_comment.strip()}”"
    rows: list[list[Any]] = [["Verdict", verdict]]
    checks = checks_of(content.room_checks, goal.id)
    if checks:
        latest = checks[-1]
        when = latest.held_at[:16].replace("T", " ")
        lines = check_details(latest, content.teams)
        cell = [para(f"From their phones, {when}:", st.cell)]
        cell += [
            para(shorten(line.strip(), CELL_LIMIT), st.small if line.startswith(" ") else st.cell)
            for line in lines
        ]
        rows.append(["Room check", cell])
    votes = dots_of(content.dot_votes, goal.id)
    if votes:
        vote, dots = votes[-1]
        rows.append(
            ["Dot vote", f"{dots_text(dots)} of {dots_text(vote.dots_each * vote.voters)} as a draft"]
        )
    return rows


def goals_for_team(ctx: ReportContext, team: str) -> tuple[list[Flowable], list[tuple[str, str]]]:
    """One team's agreed goals for the goals PDF, each letter explained, and who signs them off."""
    content, st, w = ctx.content, ctx.st, ctx.width
    agreed = [g for g in content.goals if g.status == "agreed" and g.team == team]
    leads = [p for p in content.participants if p.signatory and team in (p.team, JOINT)]
    owners: list[tuple[str, str]] = [(p.name.strip(), p.title) for p in leads]  # the team leads sign off too
    if not agreed:
        return [para("No goal of this team was agreed at the workshop.", st.warn)], owners
    titles = {p.name.strip(): p.title for p in content.participants if isinstance(p, Participant)}
    story: list[Flowable] = []
    for goal in agreed:
        check = check_in_workshop(goal, content.info, content.teams, content.goals)
        rows = [
            [f"{letter} · {key.replace('_', '-')}", f"{MARK[c.status]} {c.reason}"]
            for key, letter in zip(SMART_KEYS, "SMART", strict=True)
            for c in [check.smart[key]]
        ]
        rows += [["! warning", warning] for warning in check.warnings()]
        rows += _judged_rows(ctx, goal)
        heading = shorten(goal.statement, CELL_LIMIT)
        details = " · ".join(
            part
            for part in (
                f"Owner: {shorten(goal.owner, NAME_LIMIT)}" if goal.owner else "",
                f"Deadline: {check.deadline.isoformat()}" if check.deadline else "",
                f"Reviewed {goal.review_cadence}" if goal.review_cadence else "",
            )
            if part
        )
        story.append(
            KeepTogether(
                [
                    Spacer(1, 3 * mm),
                    para(heading, st.h2),
                    para(details, st.small),
                    table(None, rows, [w * 0.22, w * 0.78], st),
                ]
            )
        )
        if goal.owner.strip() and goal.owner.strip() not in [o for o, _ in owners]:
            owners.append((goal.owner.strip(), titles.get(goal.owner.strip(), "")))
    return story, owners


def mql(ctx: ReportContext) -> list[Flowable]:
    """The MQL definition both teams approved: version, approvals, rules and its test results."""
    content, st, w = ctx.content, ctx.st, ctx.width
    if not content.mql:
        return []
    state = content.mql[0]
    definition = definition_of(state)
    agreed = approvals_of(state)
    approved = "; ".join(
        f"{team_name(ctx.content.teams, team)}: {who.name} on {who.at.replace('T', ' ')}"
        for team, who in agreed.items()
    )
    status = (
        f"Version {state.version}, approved by both teams ({approved})."
        if fully_approved(state)
        else (
            f"Version {state.version} is NOT approved by both teams yet"
            + (f" ({approved})." if approved else ".")
        )
    )
    rows = mql_rows(definition)
    story: list[Flowable] = [
        CondPageBreak(70 * mm),
        Spacer(1, 4 * mm),
        para("The MQL definition", st.h1),
        para(
            f"“{definition.name}”. {status} A lead is an MQL at {definition.threshold} points or more"
            + (", and only when it meets every must-have rule." if definition.gates else "."),
            st.body if fully_approved(state) else st.warn,
        ),
    ]
    if definition.decay is not None:
        decay = definition.decay
        story.append(
            para(
                f"Decay: engagement points halve every {decay.half_life_days:g} days, counted by "
                f"“{decay.field}”.",
                st.body,
            )
        )
    if rows:
        story.append(table(["Kind", "Rule", "Points"], rows, [w * 0.16, w * 0.7, w * 0.14], st))
    tested = bench_result_of(state)
    if tested is not None:
        threshold = definition.threshold if tested.threshold is None else tested.threshold
        story += [
            Spacer(1, 3 * mm),
            para(
                f"Tested on {tested.source or 'a lead history'} "
                f"(version {'?' if tested.version is None else tested.version}, threshold {threshold})",
                st.h2,
            ),
            table(
                ["Leads", "Qualified", "MQLs converting", "Others converting", "Lift", "Precision", "Recall"],
                [_bench_row(tested)],
                [w / 7] * 7,
                st,
            ),
            *bench_evidence(ctx, state),
        ]
    return story


def mql_rows(definition: MqlDefinition) -> list[list[str]]:
    """Every rule of the definition as printed: must-haves (gates) first, then the points."""
    rows = [["Must have", gate.describe(), "required"] for gate in definition.gates]
    for group, label in (("fit", "Fit"), ("engagement", "Engagement"), ("negative", "Negative")):
        for rule in rules_in(definition, group):
            points = f"−{abs(rule.points)}" if group == "negative" else f"+{rule.points}"
            rows.append([label, rule.describe(), points])
    return rows


def _bench_row(tested: BenchResult) -> list[str]:
    def pct(value: float | None) -> str:
        return "–" if value is None else f"{value:.1%}"

    return [
        f"{tested.leads:,}",
        f"{tested.qualified:,}",
        pct(tested.mql_conversion),
        pct(tested.other_conversion),
        "–" if tested.lift is None else f"{tested.lift:.2f}×",
        pct(tested.precision),
        pct(tested.recall),
    ]


def funnel(ctx: ReportContext) -> list[Flowable]:
    """The reverse funnel: each stage for the period and per month, and its chart."""
    st, w = ctx.st, ctx.width
    settings = funnel_settings(ctx.content)
    plan = funnel_plan(settings)
    result = plan.result
    if result is None:
        return []
    stages = [s for s in result.stages if s in result.period]
    header = ["Stage", period_label(settings), *[plan.month_label(row["month"]) for row in result.months]]
    rows = [
        [STAGE_TITLES.get(s, s), f"{result.period[s]:,}", *[f"{row.get(s, 0):,}" for row in result.months]]
        for s in stages
    ]
    quota = plan.mql_quota()
    first = w * 0.2
    rest = (w - first) / (len(header) - 1)
    story: list[Flowable] = [
        CondPageBreak(90 * mm),
        Spacer(1, 4 * mm),
        para("The reverse funnel", st.h1),
        para(
            f"What the revenue target needs at each stage, every step rounded up; months before the deals "
            f"close by the sales cycle ({_months(result.months_earlier)}). Marketing's quota: "
            f"{quota:,} MQLs a month."
            if quota
            else "What the revenue target needs at each stage.",
            st.small,
        ),
        table(header, rows, [first] + [rest] * (len(header) - 1), st),
    ]
    if ctx.charts:
        bars = funnel_bars(result, team_colours(ctx.content.teams))
        story += [Spacer(1, 4 * mm), funnel_chart(bars, w)]
    return story


def airtime(ctx: ReportContext) -> list[Flowable]:
    """The airtime report: both teams' share of the day, per item and per person."""
    content, st, w = ctx.content, ctx.st, ctx.width
    runner = replay(content, content.run_log)
    story: list[Flowable] = [
        CondPageBreak(80 * mm),
        Spacer(1, 4 * mm),
        para("Airtime: were both teams heard?", st.h1),
    ]
    if not runner.started:
        return [*story, para("The session was not timed in the app, so no airtime was recorded.", st.small)]
    totals = runner.group_totals()
    balance = runner.balance()
    share = balance.sales_share
    shared = (
        ""
        if share is None
        else (
            f" {team_name(content.teams, SALES)} spoke {share:.0%} and "
            f"{team_name(content.teams, MARKETING)} "
            f"{1 - share:.0%} of the teams' time."
        )
    )
    story.append(
        para(
            f"The timer ran {describe_minutes(runner.now_ms())}.{shared} "
            f"Facilitator {describe_minutes(totals[FACILITATOR])}, "
            f"silence {describe_minutes(totals[SILENCE])}.",
            st.body,
        )
    )
    bars = item_bars(content, runner)
    if ctx.charts and bars:
        labels, colours = airtime_labels(content), airtime_colours(content)
        for start in range(0, len(bars), AIRTIME_ROWS_PER_CHART):  # a long day: one chart per page
            story += [
                Spacer(1, 3 * mm),
                airtime_chart(bars[start : start + AIRTIME_ROWS_PER_CHART], labels, colours, w),
            ]
    speakers = runner.speaker_totals()
    people = [
        [p.name, team_name(content.teams, p.team), describe_minutes(speakers.get(person_key(p.id), 0))]
        for p in content.participants
        if speakers.get(person_key(p.id), 0) >= 1000
    ]
    if people:
        story += [
            Spacer(1, 3 * mm),
            para("Per person (time credited to a named speaker)", st.h2),
            table(["Person", "Team", "Spoke"], people, [w * 0.5, w * 0.25, w * 0.25], st),
        ]
    return story


AIRTIME_ROWS_PER_CHART = 36  # 15 points a row: a chart of 36 fits any page of A4 or Letter


def _months(count: int) -> str:
    return f"{count} month{'s' if count != 1 else ''}"


def mql_approval_events(ctx: ReportContext) -> list[tuple[str, str]]:
    """The MQL definition's approvals, for the audit timeline."""
    if not ctx.content.mql:
        return []
    state, teams = ctx.content.mql[0], ctx.content.teams
    return [
        (who.at, f"{who.name} approves MQL definition version {state.version} for {team_name(teams, team)}")
        for team, who in approvals_of(state).items()
        if who.at
    ]


def draft_goals(ctx: ReportContext) -> list[Flowable]:
    """The goals not agreed at the workshop, each with the SMART letters that still fail and how to fix them.

    For the goals PDF only: the room's homework on paper. The signed SLA carries agreed goals alone.
    """
    content, st, w = ctx.content, ctx.st, ctx.width
    drafts = [g for g in content.goals if g.status != "agreed"]
    if not drafts:
        return []
    story: list[Flowable] = [
        CondPageBreak(60 * mm),
        para("Still in draft", st.h1),
        para(
            f"{len(drafts)} goal{'s were' if len(drafts) != 1 else ' was'} not agreed at the workshop. "
            "Each SMART and FAST letter that still fails is listed with how to fix it, so the owners "
            "can bring the goals back to the next review.",
            st.small,
        ),
    ]
    for goal in drafts:
        check = check_in_workshop(goal, content.info, content.teams, content.goals)
        rows: list[list[Any]] = []
        for key, letter in zip(SMART_KEYS, "SMART", strict=True):
            finding = check.smart[key]
            if finding.status == "fail":
                name = key.replace("_", "-").capitalize()
                hint = f" → {finding.hint}" if finding.hint else ""
                rows.append([f"{letter} {MARK['fail']}", f"{name}: {finding.reason}{hint}"])
        for key, letter in zip(FAST_KEYS, "FAST", strict=True):
            finding = check.fast[key]
            if finding.status == "fail":
                hint = f" → {finding.hint}" if finding.hint else ""
                rows.append([f"FAST {letter} {MARK['fail']}", f"{key.capitalize()}: {finding.reason}{hint}"])
        rows += [["!", warning] for warning in check.warnings()]
        if not rows:
            verdict = goal.verdict or "not given yet"
            rows.append(
                ["✓", f"No SMART or FAST letter fails; the other team's verdict: {verdict}. Ready to agree."]
            )
        details = " · ".join(
            part
            for part in (
                team_name(content.teams, goal.team) if goal.team != JOINT else "Joint goal",
                f"Owner: {shorten(goal.owner, NAME_LIMIT)}" if goal.owner.strip() else "No owner yet",
                f"Deadline: {check.deadline.isoformat()}" if check.deadline else "",
            )
            if part
        )
        story.append(
            KeepTogether(
                [
                    Spacer(1, 3 * mm),
                    para(shorten(goal.statement.strip() or "(no statement yet)", CELL_LIMIT), st.h2),
                    para(details, st.small),
                    table(None, rows, [w * 0.13, w * 0.87], st),
                ]
            )
        )
    return story
