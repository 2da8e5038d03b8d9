"""The action items as a CSV file for a spreadsheet, safe to open."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from workshop.inputs import csv_cell
from workshop.model import ActionItem, Team, team_name


def actions_csv(actions: Iterable[ActionItem], teams: Sequence[Team]) -> str:
    """Action items as CSV text with a header row, in the order given."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["What", "Owner", "Team", "Due", "Status", "Carried over from"])
    for item in actions:
        team = team_name(teams, item.team)
        writer.writerow(
            [csv_cell(v) for v in (item.what, item.owner, team, item.due, item.status, item.carried_from)]
        )
    return out.getvalue()
