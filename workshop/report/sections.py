"""The SLA report's sections, one function each: content in, flowables out.

A section function takes a :class:`~workshop.report.context.ReportContext` and returns its
flowables, or an empty list when the workshop has nothing for it. Sections whose data comes
from other stages (goals, MQL definition, funnel, airtime) are in
``workshop.report.stage_sections``; ``workshop.report.sla_pdf.SLA_SECTIONS`` gives the order.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, PageBreak, Spacer

from workshop.model import MARKETING, SALES, team_name
from workshop.report.context import ReportContext, date_range, nice_date
from workshop.report.json_export import agenda_times
from workshop.report.layout import para, table
from workshop.sla import agreement as sla


def cover(ctx: ReportContext) -> list[Flowable]:
    info, st, teams = ctx.content.info, ctx.st, ctx.content.teams
    story: list[Flowable] = [
        Spacer(1, 30 * mm),
        para(info.company or "Company not named", st.subtitle),
        Spacer(1, 4 * mm),
        para("Service level agreement", st.title),
        Spacer(1, 2 * mm),
        para(f"between {team_name(teams, SALES)} and {team_name(teams, MARKETING)}", st.subtitle),
        Spacer(1, 14 * mm),
    ]
    rows = [
        ["Workshop", info.title],
        ["Dates", date_range(info.start_date, info.end_date)],
        ["Venue", info.venue or "not set"],
        ["Facilitator", info.facilitator or "not named"],
    ]
    for person in sla.signatories(ctx.content):
        label = f"For {person.team_name}" if person.team_name else "Witness"
        rows.append([label, f"{person.name}, {person.title}" if person.title else person.name])
    story.append(table(None, rows, [40 * mm, ctx.width - 40 * mm], st))
    sha = sla.fingerprint(ctx.content)
    story += [
        Spacer(1, 10 * mm),
        para(f"SLA fingerprint (SHA-256): {sla.short_fingerprint(sha)} …", st.small),
        para("The full fingerprint and the signing timeline are on the audit page.", st.small),
        PageBreak(),
    ]
    return story


def clauses(ctx: ReportContext) -> list[Flowable]:
    st = ctx.st
    story: list[Flowable] = [para("The agreement", st.h1)]
    if not ctx.content.sla_clauses:
        return [*story, para("No clauses yet.", st.warn)]
    for number, clause in enumerate(ctx.content.sla_clauses, 1):
        heading = para(f"{number}. {clause.heading.strip() or 'Untitled clause'}", st.h2, bold=True)
        story.append(KeepTogether([heading, para(sla.render(clause, ctx.content), st.body)]))
    notes = [w.for_document for w in sla.warnings(ctx.content)]
    if notes:
        heading = para("Open points when this document was produced", st.h2, bold=True)
        story += [Spacer(1, 4 * mm), KeepTogether([heading, *(para(f"• {n}", st.warn) for n in notes)])]
    return story


def agenda(ctx: ReportContext) -> list[Flowable]:
    content, st, teams = ctx.content, ctx.st, ctx.content.teams
    if not content.agenda:
        return []
    from workshop.run.report import replay

    runner = replay(content, content.run_log)
    times = agenda_times(content)
    w = ctx.width
    items = [(i, t) for i, t in zip(content.agenda, times, strict=True) if i.kind != "next day"]
    total = sum(i.minutes for i, _ in items)
    if runner.started:  # planned, re-planned and actual minutes side by side
        rows = [
            [
                f"{start}–{end}",
                item.title,
                team_name(teams, item.owner),
                f"{item.minutes}",
                f"{item.replanned_minutes}" if item.replanned_minutes else "–",
                f"{runner.elapsed_ms(item.id) / 60_000:.0f}" if runner.elapsed_ms(item.id) else "–",
            ]
            for item, (start, end) in items
        ]
        actual = sum(runner.elapsed_ms(i.id) for i, _ in items) / 60_000
        rows.append(["", "Total", "", f"{total}", "", f"{actual:.0f}"])
        header = ["Time", "Item", "Owner", "Planned", "Re-planned", "Actual"]
        widths = [27 * mm, w - 128 * mm, 26 * mm, 23 * mm, 27 * mm, 25 * mm]
        intro = "Minutes per item: as planned, as re-planned during the day, and as actually run."
    else:
        rows = [
            [f"{start}–{end}", item.title, team_name(teams, item.owner), item.kind, f"{item.minutes} min"]
            for item, (start, end) in items
        ]
        rows.append(["", "Total planned", "", "", f"{total} min"])
        header = ["Time", "Item", "Owner", "Kind", "Planned"]
        widths = [27 * mm, w - 101 * mm, 26 * mm, 28 * mm, 20 * mm]
        intro = (
            "Planned minutes per item. The session was not timed in the app, so there are no actual minutes."
        )
    story: list[Flowable] = [
        CondPageBreak(80 * mm),
        para("The agenda", st.h1),
        para(intro, st.small),
        Spacer(1, 2 * mm),
        table(header, rows, widths, st),
    ]
    if ctx.charts:
        from workshop.report.charts import planned_time_chart

        story += [Spacer(1, 6 * mm), planned_time_chart(content, w)]
    return story


def actions(ctx: ReportContext) -> list[Flowable]:
    content, st = ctx.content, ctx.st
    if not content.actions:
        return []
    rows = [
        [a.what, a.owner, team_name(content.teams, a.team), nice_date(a.due) if a.due else "", a.status]
        for a in content.actions
    ]
    w = ctx.width
    return [
        CondPageBreak(60 * mm),
        Spacer(1, 4 * mm),
        para("Action items", st.h1),
        table(
            ["What", "Owner", "Team", "Due", "Status"],
            rows,
            [w - 120 * mm, 38 * mm, 24 * mm, 34 * mm, 24 * mm],
            st,
        ),
    ]


def parking_lot(ctx: ReportContext) -> list[Flowable]:
    content, st = ctx.content, ctx.st
    if not content.parking_lot:
        return []
    rows = [[p.topic, p.raised_by, team_name(content.teams, p.team), p.notes] for p in content.parking_lot]
    w = ctx.width
    return [
        CondPageBreak(50 * mm),
        Spacer(1, 4 * mm),
        para("Parking lot", st.h1),
        table(["Topic", "Raised by", "Team", "Notes"], rows, [w * 0.38, w * 0.2, w * 0.14, w * 0.28], st),
    ]
