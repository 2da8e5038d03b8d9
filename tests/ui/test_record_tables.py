"""Record tables: each column described once, checked against its record type's fields and types."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSpinBox, QStyleOptionViewItem, QWidget

from ui.actions.page import ACTION_COLUMNS, PARKING_COLUMNS
from ui.agenda.page import AGENDA_COLUMNS, AgendaPage
from ui.common.record_table import KINDS_OF_TYPE, Column, RecordTableModel, resolve_columns
from ui.funnel.page import QUOTA_COLUMNS
from ui.leads.page import STAGE_COLUMNS, LeadsPage
from ui.main_window import MainWindow
from ui.review.page import CHECK_IN_COLUMNS, OPEN_ACTION_COLUMNS, REVIEW_COLUMNS
from ui.setup.page import PARTICIPANT_COLUMNS
from workshop.edits import Update
from workshop.model import (
    ActionItem,
    AgendaItem,
    GoalCheckIn,
    LeadStage,
    ParkingLotItem,
    Participant,
    QuotaLine,
    Record,
    Review,
    column_types,
)

TABLES: list[tuple[type[Record], tuple[Column, ...]]] = [
    (Participant, PARTICIPANT_COLUMNS),
    (AgendaItem, AGENDA_COLUMNS),
    (ActionItem, ACTION_COLUMNS),
    (ParkingLotItem, PARKING_COLUMNS),
    (QuotaLine, QUOTA_COLUMNS),
    (LeadStage, STAGE_COLUMNS),
    (Review, REVIEW_COLUMNS),
    (GoalCheckIn, CHECK_IN_COLUMNS),
    (ActionItem, OPEN_ACTION_COLUMNS),
]


@pytest.mark.parametrize(("record_type", "columns"), TABLES, ids=[t.TABLE for t, _ in TABLES])
def test_each_column_names_a_field_of_its_record_type_and_edits_its_type(
    record_type: type[Record], columns: tuple[Column, ...]
) -> None:
    types = column_types(record_type)
    resolved = resolve_columns(record_type, columns)
    assert [c.header for c in resolved] == [c.header for c in columns]
    assert len({c.header for c in columns}) == len(columns), "two columns share a header"
    for column in resolved:
        if column.compute is None:
            assert column.field in types, f"{record_type.__name__} has no field {column.field}"
            assert column.kind in KINDS_OF_TYPE[types[column.field]]
        else:
            assert column.field not in types


def test_every_record_table_on_the_pages_is_one_of_those_checked(window: MainWindow) -> None:
    assert window.view is not None
    models = []
    for key in ("setup", "agenda", "funnel", "leads", "actions", "review"):
        page = window.view.page(key)
        models += [m for m in vars(page).values() if isinstance(m, RecordTableModel)]
    checked = {(t, tuple(c.field for c in columns)) for t, columns in TABLES}
    shown = {(m.record_type, tuple(c.field for c in m.columns)) for m in models}
    assert shown == checked


@pytest.mark.parametrize(
    ("column", "problem"),
    [
        (Column("nmae", "Name"), "Participant has no field 'nmae'"),
        (Column("signatory", "Signs", "text"), "Participant.signatory is bool: not a text column"),
        (Column("team", "Team", "choice"), "only a choice or team column has options"),
        (Column("name", "Name", options=("a", "b")), "only a choice or team column has options"),
        (Column("team", "Team", compute=lambda _d, r: ""), "computed column 'team'"),
    ],
)
def test_a_column_that_does_not_fit_its_record_type_fails_at_once(
    window: MainWindow, column: Column, problem: str
) -> None:
    assert window.view is not None
    signals = window.view.context.signals
    with pytest.raises(ValueError, match=problem):
        RecordTableModel(signals, Participant, (Column("name", "Name"), column), "participant")


def test_a_number_field_edits_in_a_spin_box_aligns_right_and_sorts_by_value(window: MainWindow) -> None:
    assert window.view is not None
    stages = window.view.page("leads")
    assert isinstance(stages, LeadsPage)
    model = stages.stages_model
    hours = [c.field for c in model.columns].index("handoff_hours")
    assert model.columns[hours].kind == "number"  # from the field's type: nothing says so by hand
    delegate = stages.stages.view.itemDelegate()
    editor = delegate.createEditor(QWidget(), QStyleOptionViewItem(), model.index(0, hours))
    assert isinstance(editor, QSpinBox)
    alignment = model.index(0, hours).data(Qt.ItemDataRole.TextAlignmentRole)
    assert alignment & Qt.AlignmentFlag.AlignRight

    agenda = window.view.page("agenda")
    assert isinstance(agenda, AgendaPage)
    minutes = [c.field for c in agenda.model.columns].index("minutes")
    assert agenda.model.setData(agenda.model.index(0, minutes), 120)
    agenda.editor.view.sortByColumn(minutes, Qt.SortOrder.AscendingOrder)
    proxy = agenda.editor.proxy
    shown = [int(proxy.index(row, minutes).data()) for row in range(proxy.rowCount())]
    assert shown == sorted(shown) and shown[-1] == 120  # as numbers: "120" sorts after "30"


def test_computed_columns_follow_the_day_and_cannot_be_edited(window: MainWindow) -> None:
    assert window.view is not None and window.document is not None
    agenda = window.view.page("agenda")
    assert isinstance(agenda, AgendaPage)
    model = agenda.model
    start = [c.header for c in model.columns].index("Start")
    assert model.index(0, start).data() == "09:00"
    assert not model.flags(model.index(0, start)) & Qt.ItemFlag.ItemIsEditable
    assert not model.setData(model.index(0, start), "10:00")
    window.document.apply("Start later", [Update.of(window.document.info, day_start="10:00")])
    assert model.index(0, start).data() == "10:00"
