"""The action items' CSV: what a spreadsheet shows when the facilitator opens it."""

from __future__ import annotations

import csv
import io

from workshop.actions.csv_export import actions_csv
from workshop.model import ActionItem, default_teams


def test_csv_quotes_commas_quotes_newlines_and_keeps_unicode() -> None:
    items = [
        ActionItem(
            what='Review "junk" leads, then report', owner="Zoë Łukasik", team="marketing", due="2027-07-01"
        ),
        ActionItem(what="Line one\nline two", owner="山田太郎", team="joint", status="done"),
    ]
    text = actions_csv(items, default_teams())
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["What", "Owner", "Team", "Due", "Status", "Carried over from"]
    assert rows[1] == [
        'Review "junk" leads, then report',
        "Zoë Łukasik",
        "Marketing",
        "2027-07-01",
        "open",
        "",
    ]
    assert rows[2][0] == "Line one\nline two" and rows[2][1] == "山田太郎"


def test_csv_cells_cannot_run_as_formulas() -> None:
    items = [ActionItem(what='=HYPERLINK("http://x")', owner="+1 555", team="sales")]
    rows = list(csv.reader(io.StringIO(actions_csv(items, default_teams()))))
    assert rows[1][0].startswith("'=") and rows[1][1] == "'+1 555"


def test_an_action_carried_over_from_an_earlier_workshop_says_so() -> None:
    item = ActionItem(
        what="Fix source tracking", owner="Amira", team="joint", carried_from="Q3 alignment offsite"
    )
    rows = list(csv.reader(io.StringIO(actions_csv([item], default_teams()))))
    assert rows[1][-1] == "Q3 alignment offsite"
