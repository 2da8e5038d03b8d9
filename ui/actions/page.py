"""Actions (Ctrl+9): who does what by when, and the parking lot of deferred topics."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ui.common import icons
from ui.common.page_context import PageContext
from ui.common.record_table import Column, RecordTableModel
from ui.common.record_table_editor import RecordTableEditor
from workshop.actions.csv_export import actions_csv
from workshop.clock import local_today
from workshop.document import WorkshopDocument
from workshop.model import (
    ACTION_STATUSES,
    JOINT,
    MARKETING,
    SALES,
    ActionItem,
    ParkingLotItem,
    Participant,
    Record,
    Team,
    team_name,
)

Index = QModelIndex | QPersistentModelIndex
NOT_DONE = "not done"
TEAMS = (SALES, MARKETING, JOINT)  # an action item or a parked topic is for one team, or both


def carried_from(document: WorkshopDocument, record: Record) -> str:
    """The earlier workshop an action was carried over from, "" when it began in this one."""
    return record.carried_from if isinstance(record, ActionItem) else ""


CARRIED_COLUMN = Column(
    "carried",
    "Carried over from",
    compute=carried_from,
    width=200,
    tip="The earlier workshop this open action came from (File ▸ New from This Workshop)",
)
"""Shown wherever actions are listed: the Actions page and the review's open actions."""

ACTION_COLUMNS = (
    Column("what", "What", width=380),
    Column("owner", "Owner", width=170),
    Column("team", "Team", "team", options=TEAMS, width=120),
    Column("due", "Due", "date", width=110),
    Column("status", "Status", "choice", options=ACTION_STATUSES, label=str.capitalize),
    CARRIED_COLUMN,
)
PARKING_COLUMNS = (
    Column("topic", "Topic", width=380),
    Column("raised_by", "Raised by", width=170),
    Column("team", "Team", "team", options=TEAMS, width=120),
    Column("notes", "Notes"),
)


class ActionFilter(QSortFilterProxyModel):
    """Shows the action items that match the search text, the team and the status chosen."""

    def __init__(self, model: RecordTableModel) -> None:
        super().__init__()
        self.records = model
        self.text = ""
        self.team = ""
        self.status = ""

    def set_filter(self, text: str, team: str, status: str) -> None:
        self.beginFilterChange()
        self.text, self.team, self.status = text.casefold().strip(), team, status
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        item = self.records.record(source_row)
        assert isinstance(item, ActionItem)
        if self.team and item.team != self.team:
            return False
        if self.status == NOT_DONE and item.status in ("done", "dropped"):
            return False
        if self.status not in ("", NOT_DONE, item.status):
            return False
        return not self.text or self.text in f"{item.what}\n{item.owner}".casefold()


def action_tone(record: Record, field: str) -> str | None:
    """Done and dropped items recede; an open item past its due date shows its date in red."""
    assert isinstance(record, ActionItem)
    if record.status in ("done", "dropped"):
        return "muted"
    if field == "due" and record.due and record.due < local_today().isoformat():
        return "overdue"
    return None


class ActionsPage(QWidget):
    """Action items with sort, filter and CSV export; the parking lot beside them."""

    title = "Actions"

    def __init__(
        self,
        context: PageContext,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        signals = context.signals
        self.document = signals.document
        self.ask_save_path = context.ask_save_path
        self.report = context.report

        self.actions_model = RecordTableModel(signals, ActionItem, ACTION_COLUMNS, "action item")
        self.actions_model.tone = action_tone
        self.filter = ActionFilter(self.actions_model)
        self.action_items = RecordTableEditor(
            self.actions_model, ActionItem, self.filter, self._completions, self
        )

        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Search what or owner…  (Ctrl+F)")
        self.search.setAccessibleName("Search action items")
        self.search.setClearButtonEnabled(True)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self, self.search.setFocus)
        self.team_filter = QComboBox(self)
        self.team_filter.setAccessibleName("Show team")
        self.team_filter.addItem("All teams", "")
        for key in TEAMS:
            self.team_filter.addItem(team_name(self.document.typed(Team), key), key)
        self.status_filter = QComboBox(self)
        self.status_filter.setAccessibleName("Show status")
        self.status_filter.addItem("Any status", "")
        self.status_filter.addItem("Not done", NOT_DONE)
        for status in ACTION_STATUSES:
            self.status_filter.addItem(status.capitalize(), status)
        self.count_label = QLabel(self)
        export = QPushButton(icons.icon("export"), "Export CSV…", self)
        export.setToolTip("Save the action items shown, in the order shown, as a CSV file")
        export.clicked.connect(self.export_csv)
        self.export_button = export
        filters = QHBoxLayout()
        filters.addWidget(self.search, 2)
        filters.addWidget(self.team_filter)
        filters.addWidget(self.status_filter)
        filters.addWidget(self.count_label)
        filters.addStretch(1)
        filters.addWidget(export)
        self.search.textChanged.connect(self._apply_filter)
        self.team_filter.currentIndexChanged.connect(self._apply_filter)
        self.status_filter.currentIndexChanged.connect(self._apply_filter)
        self.filter.rowsInserted.connect(self._update_count)
        self.filter.rowsRemoved.connect(self._update_count)
        self.filter.modelReset.connect(self._update_count)
        self.filter.layoutChanged.connect(self._update_count)

        actions_box = QGroupBox("Action items", self)
        actions_layout = QVBoxLayout(actions_box)
        actions_layout.addLayout(filters)
        actions_layout.addWidget(self.action_items)

        self.parking_model = RecordTableModel(signals, ParkingLotItem, PARKING_COLUMNS, "parked topic")
        self.parking = RecordTableEditor(self.parking_model, ParkingLotItem, None, self._completions, self)
        parking_box = QGroupBox("Parking lot: topics deferred", self)
        parking_layout = QVBoxLayout(parking_box)
        parking_layout.addWidget(self.parking)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(actions_box)
        splitter.addWidget(parking_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self._update_count()

    def _completions(self, field: str) -> list[str]:
        if field not in ("owner", "raised_by"):
            return []
        names = [p.name for p in self.document.typed(Participant) if p.name.strip()]
        facilitator = self.document.info.facilitator.strip()
        return names + ([facilitator] if facilitator and facilitator not in names else [])

    def _apply_filter(self) -> None:
        self.filter.set_filter(
            self.search.text(), self.team_filter.currentData() or "", self.status_filter.currentData() or ""
        )
        self._update_count()

    def _update_count(self) -> None:
        shown, total = self.filter.rowCount(), self.actions_model.rowCount()
        self.count_label.setText(f"{shown} of {total} shown" if shown != total else f"{total} items")

    def shown_actions(self) -> list[ActionItem]:
        """The action items as shown: filtered and in the order of the current sort."""
        items = []
        for row in range(self.filter.rowCount()):
            source = self.filter.mapToSource(self.filter.index(row, 0))
            item = self.actions_model.record(source.row())
            assert isinstance(item, ActionItem)
            items.append(item)
        return items

    def export_csv(self) -> None:
        name = (self.document.info.title or "workshop").strip()[:60]
        suggested = str(self.document.path.with_name(f"{name} - action items.csv"))
        path = self.ask_save_path("Export action items", suggested, "CSV files (*.csv)")
        if path is None:
            return
        text = actions_csv(self.shown_actions(), self.document.typed(Team))
        try:
            path.write_text(text, encoding="utf-8-sig", newline="")
        except OSError as error:
            self.report(f"The action items could not be saved to “{path.name}”: {error.strerror or error}.")
            return
        self.report(f"Saved {len(self.shown_actions())} action items to “{path.name}”.")
