"""A team name typed in Setup shows on every page that names the team, at once."""

from __future__ import annotations

from typing import TypeVar

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from ui.actions.page import ActionsPage
from ui.agenda.page import AgendaPage
from ui.common.record_table import RecordTableModel
from ui.funnel.page import FunnelPage
from ui.goals.page import GoalsPage
from ui.leads.page import LeadsPage
from ui.main_window import MainWindow
from ui.run.page import RunPage
from ui.setup.page import SetupPage
from ui.sla.page import SlaPage
from workshop.model import SALES, Participant

P = TypeVar("P")


def page(window: MainWindow, key: str, kind: type[P]) -> P:
    assert window.view is not None
    built = window.view.page(key)
    assert isinstance(built, kind)
    return built


def cell(model: RecordTableModel, field: str, value: str) -> str:
    """What the table shows in ``field`` for the first record whose ``field`` is ``value``."""
    column = next(i for i, c in enumerate(model.columns) if c.field == field)
    row = next(r for r, record in enumerate(model.records()) if getattr(record, field) == value)
    return str(model.index(row, column).data())


def type_sales_name(window: MainWindow, qtbot: QtBot, text: str) -> None:
    setup = page(window, "setup", SetupPage)
    field = next(w for w in setup.findChildren(QLineEdit) if w.accessibleName() == "Sales team name")
    field.setFocus()
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Backspace)
    qtbot.keyClicks(field, text)
    field.editingFinished.emit()


def untick_sales_signatory(window: MainWindow) -> None:
    model = page(window, "setup", SetupPage).participants_model
    column = next(i for i, c in enumerate(model.columns) if c.field == "signatory")
    row = next(
        r
        for r, p in enumerate(model.records())
        if isinstance(p, Participant) and p.team == SALES and p.signatory
    )
    assert model.setData(
        model.index(row, column), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole
    )


def shown_everywhere(window: MainWindow) -> dict[str, str]:
    """The Sales team's name on each page that shows it."""
    setup = page(window, "setup", SetupPage)
    findings = [setup.findings.item(i).text() for i in range(setup.findings.count())]
    sla = page(window, "sla", SlaPage)
    return {
        "goal board": page(window, "goals", GoalsPage).boxes[SALES].title().split("  ·  ")[0],
        "participants": cell(setup.participants_model, "team", SALES),
        "agenda owner": cell(page(window, "agenda", AgendaPage).model, "owner", SALES),
        "action team": cell(page(window, "actions", ActionsPage).actions_model, "team", SALES),
        "parking lot team": cell(page(window, "actions", ActionsPage).parking_model, "team", SALES),
        "quota team": cell(page(window, "funnel", FunnelPage).quota_model, "team", SALES),
        "stage owner": cell(page(window, "leads", LeadsPage).stages_model, "owner", SALES),
        "speaker chip": page(window, "run", RunPage).chips.chips[SALES].text().removeprefix("S  "),
        "setup check": next(f for f in findings if "has no signatory" in f).split(" has no signatory")[0],
        "SLA preview": sla.preview.toPlainText().split("made between ")[1].split(" and ")[0],
        "SLA warning": sla.warnings.text().split(" has no signatory")[0].split("<li>")[-1],
    }


def build_every_page(window: MainWindow) -> None:
    """Pages are built on first show; build them all first, so that each must follow the rename."""
    for key in ("setup", "agenda", "run", "goals", "funnel", "leads", "sla", "actions"):
        assert window.view is not None
        window.view.page(key)


def test_a_custom_name_shows_on_every_page(window: MainWindow, qtbot: QtBot) -> None:
    build_every_page(window)
    untick_sales_signatory(window)
    type_sales_name(window, qtbot, "  Revenue Crew ")
    shown = shown_everywhere(window)
    assert shown == dict.fromkeys(shown, "Revenue Crew")


@pytest.mark.parametrize("typed", ["", "   "])
def test_an_empty_name_shows_the_default_on_every_page(window: MainWindow, qtbot: QtBot, typed: str) -> None:
    build_every_page(window)
    untick_sales_signatory(window)
    type_sales_name(window, qtbot, typed)
    shown = shown_everywhere(window)
    assert shown == dict.fromkeys(shown, "Sales")
