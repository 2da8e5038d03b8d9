"""Team colours: each team's default written once in the domain, Setup's choice used everywhere."""

from __future__ import annotations

from workshop.model import DEFAULT_TEAM_COLOURS, MARKETING, SALES, Team, default_teams, team_colours


def test_a_teams_colour_is_setups_choice_else_its_default() -> None:
    assert team_colours(default_teams()) == dict(DEFAULT_TEAM_COLOURS)
    assert team_colours([]) == dict(DEFAULT_TEAM_COLOURS)
    chosen = [Team(key=SALES, colour="#7b2cbf"), Team(key=MARKETING, colour="not a colour")]
    assert team_colours(chosen) == {SALES: "#7b2cbf", MARKETING: DEFAULT_TEAM_COLOURS[MARKETING]}
    assert team_colours([Team(key=MARKETING, colour=" #ABCDEF ")])[MARKETING] == "#ABCDEF"
