"""A team reads the same wherever it is named: its name as set in Setup, else its default."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Table

from workshop.actions.csv_export import actions_csv
from workshop.demo.content import demo_content
from workshop.goals.checker import GoalCheck
from workshop.goals.records import check_in_workshop, goal_json
from workshop.model import (
    FACILITATOR_OWNER,
    JOINT,
    MARKETING,
    SALES,
    Goal,
    Team,
    WorkshopContent,
    default_teams,
    team_name,
)
from workshop.report.context import ReportContext
from workshop.report.json_export import workshop_json
from workshop.report.layout import styles
from workshop.report.sla_pdf import SLA_SECTIONS
from workshop.setup.checks import check_setup
from workshop.sla import agreement as sla

TODAY = date(2027, 6, 1)


def with_sales_name(name: str) -> WorkshopContent:
    """The demo with the Sales team's name typed as ``name``, and nobody signing for either team."""
    content = demo_content(TODAY)
    teams = [dataclasses.replace(t, name=name) if t.key == SALES else t for t in content.teams]
    people = [dataclasses.replace(p, signatory=False) for p in content.participants]
    return dataclasses.replace(content, teams=teams, participants=people)


def plain_text(flowables: list[Flowable]) -> str:
    """The words of a report story: paragraphs, and table cells however deep."""
    lines: list[str] = []

    def walk(item: object) -> None:
        if isinstance(item, Paragraph):
            lines.append(item.getPlainText())
        elif isinstance(item, Table):
            for row in item._cellvalues:
                for cell in row:
                    walk(cell)
        elif isinstance(item, KeepTogether):
            walk(item._content)
        elif isinstance(item, list | tuple):
            for part in item:
                walk(part)

    walk(flowables)
    return "\n".join(lines)


def report_text(content: WorkshopContent) -> str:
    ctx = ReportContext(content=content, paper="a4", st=styles(), charts=False)
    return plain_text([f for section in SLA_SECTIONS for f in section(ctx)])


def shown_everywhere(content: WorkshopContent) -> dict[str, str]:
    """Each place the domain names a team, as the facilitator and the reader see it."""
    setup_messages = "\n".join(f.message for f in check_setup(content))
    sla_text = "\n".join(sla.render(c, content) for c in content.sla_clauses)
    sla_warnings = "\n".join(w.text for w in sla.warnings(content))
    goal = next(g for g in content.goals if g.team == MARKETING)  # judged by Sales
    return {
        "setup checks": setup_messages,
        "SLA text": sla_text,
        "SLA warnings": sla_warnings,
        "PDF": report_text(content),
        "goal JSON": goal_json(goal, checked(content, goal), content.teams)["verdict"]["by_name"],
        "participants JSON": next(
            p["team_name"] for p in workshop_json(content)["participants"] if p["team"] == SALES
        ),
        "actions CSV": actions_csv([a for a in content.actions if a.team == SALES], content.teams),
    }


def checked(content: WorkshopContent, goal: Goal) -> GoalCheck:
    return check_in_workshop(goal, content.info, content.teams, content.goals)


def test_the_name_reads_as_set_trimmed_else_the_default() -> None:
    teams = [Team(key=SALES, name="  Revenue Crew "), Team(key=MARKETING, name="   ")]
    assert team_name(teams, SALES) == "Revenue Crew"
    assert team_name(teams, MARKETING) == "Marketing"  # blank: the default
    assert team_name([Team(key=MARKETING, name="")], MARKETING) == "Marketing"
    assert team_name([], SALES) == "Sales"  # no team record at all
    assert team_name(default_teams(), SALES) == "Sales"


def test_owners_that_are_not_one_team_and_unknown_keys() -> None:
    teams = default_teams()
    assert team_name(teams, JOINT) == "Both teams"
    assert team_name(teams, FACILITATOR_OWNER) == "Facilitator"
    assert team_name(teams, "partners") == "Partners"  # a key from a newer or hand-edited file
    assert team_name(teams, "") == "No team"


def test_a_custom_name_shows_in_every_place_a_team_is_named() -> None:
    content = with_sales_name("  Revenue Crew ")
    shown = shown_everywhere(content)
    assert (
        "Revenue Crew has no signatory yet: tick the person who signs the SLA for Revenue Crew."
        in (shown["setup checks"])
    )
    assert "made between Revenue Crew and Marketing of" in shown["SLA text"]
    assert "Revenue Crew has no signatory" in shown["SLA warnings"]
    assert "between Revenue Crew and Marketing" in shown["PDF"]  # the cover
    assert "\nRevenue Crew\n" in shown["PDF"]  # the heading over the Sales goals
    assert shown["goal JSON"] == "Revenue Crew"
    assert shown["participants JSON"] == "Revenue Crew"
    assert ",Revenue Crew," in shown["actions CSV"]
    for place, text in shown.items():
        assert "  Revenue Crew" not in text and "Revenue Crew  " not in text, place


@pytest.mark.parametrize("typed", ["", "   "])
def test_an_empty_name_reads_as_the_default_everywhere(typed: str) -> None:
    shown = shown_everywhere(with_sales_name(typed))
    assert "Sales has no signatory yet: tick the person who signs the SLA for Sales." in shown["setup checks"]
    assert "made between Sales and Marketing of" in shown["SLA text"]
    assert "Sales has no signatory" in shown["SLA warnings"]
    assert "between Sales and Marketing" in shown["PDF"]
    assert shown["goal JSON"] == shown["participants JSON"] == "Sales"
    assert ",Sales," in shown["actions CSV"]


def test_joint_reads_both_teams_in_the_csv_as_in_the_pdf() -> None:
    content = demo_content(TODAY)
    joint = [a for a in content.actions if a.team == JOINT]
    assert joint, "the demo has joint action items"
    assert ",Both teams," in actions_csv(joint, content.teams)
