"""Team colours: each team's default written once in the domain, Setup's choice used everywhere."""

from __future__ import annotations

from pathlib import Path

import workshop
from workshop.model import DEFAULT_TEAM_COLOURS, MARKETING, SALES, Team, default_teams, team_colours

ROOT = Path(workshop.__file__).parent.parent


def test_a_teams_colour_is_setups_choice_else_its_default() -> None:
    assert team_colours(default_teams()) == dict(DEFAULT_TEAM_COLOURS)
    assert team_colours([]) == dict(DEFAULT_TEAM_COLOURS)
    chosen = [Team(key=SALES, colour="#7b2cbf"), Team(key=MARKETING, colour="not a colour")]
    assert team_colours(chosen) == {SALES: "#7b2cbf", MARKETING: DEFAULT_TEAM_COLOURS[MARKETING]}
    assert team_colours([Team(key=MARKETING, colour=" #ABCDEF ")])[MARKETING] == "#ABCDEF"


def test_the_default_colours_are_written_only_in_the_domain_model() -> None:
    sources = [p for package in ("workshop", "ui") for p in sorted((ROOT / package).rglob("*.py"))]
    for colour in DEFAULT_TEAM_COLOURS.values():
        holders = [
            p.relative_to(ROOT).as_posix() for p in sources if colour in p.read_text(encoding="utf-8").lower()
        ]
        assert holders == ["workshop/model.py"], colour
