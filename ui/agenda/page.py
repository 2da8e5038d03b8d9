"""Agenda (Ctrl+2): the day's time boxes, their times, and whether the day fits."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from ui.common.bindings import FieldBinding
from ui.common.page_context import PageContext
from ui.common.record_table import Column, RecordTableModel
from ui.common.record_table_editor import RecordTableEditor
from ui.common.tone import set_tone
from workshop.agenda.plan import TEMPLATES, describe_fit, fit, format_clock, load_template, schedule
from workshop.document import WorkshopDocument
from workshop.edits import Change, Delete, Insert, Operation, Update
from workshop.model import AGENDA_KINDS, AGENDA_OWNERS, NEXT_DAY, AgendaItem, Record, WorkshopInfo


def agenda_times(document: WorkshopDocument, record: Record) -> tuple[str, str]:
    """When an item starts and ends (``D2 09:00`` from the second day on); blank for a day break."""
    for slot in schedule(document.typed(AgendaItem), document.info.day_start):
        if slot.item.id == record.id:
            if slot.item.kind == NEXT_DAY:
                return "", ""
            prefix = f"D{slot.day} " if slot.day > 1 else ""
            return prefix + format_clock(slot.start), format_clock(slot.end)
    return "", ""


AGENDA_COLUMNS = (
    Column("title", "Item", width=300),
    Column("minutes", "Minutes", tip="Planned length in minutes", width=80, unit=" min", maximum=24 * 60),
    Column("owner", "Owner", "team", options=AGENDA_OWNERS, width=110),
    Column("kind", "Kind", "choice", options=AGENDA_KINDS, label=str.capitalize, width=110),
    Column("start", "Start", compute=lambda document, r: agenda_times(document, r)[0], width=60),
    Column("end", "End", compute=lambda document, r: agenda_times(document, r)[1], width=60),
    Column("notes", "Purpose and notes"),
)


class AgendaPage(QWidget):
    """Plan the day: items with minutes, owner and kind; start time; templates from the method."""

    title = "Agenda"

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.document = context.document
        signals = context.signals

        self.model = RecordTableModel(signals, AgendaItem, AGENDA_COLUMNS, "agenda item")
        self.model.draggable = True
        self.editor = RecordTableEditor(self.model, lambda: AgendaItem(title="", minutes=30), parent=self)

        day_box = QGroupBox("The day", self)
        day = QHBoxLayout(day_box)
        self.bindings = []
        day_start, day_end = QTimeEdit(day_box), QTimeEdit(day_box)
        self.bindings.append(
            FieldBinding(signals, WorkshopInfo.TABLE, 1, "day_start", day_start, "Day starts at")
        )
        self.bindings.append(FieldBinding(signals, WorkshopInfo.TABLE, 1, "day_end", day_end, "Day ends at"))
        self.minimum = QSpinBox(day_box)
        self.minimum.setRange(1, 120)
        self.minimum.setSuffix(" min")
        self.minimum.setAccessibleName("Shortest an item may become when re-planning")
        self.minimum.setValue(self.document.info.min_item_minutes)
        self.minimum.setEnabled(not self.document.read_only)
        self.minimum.editingFinished.connect(self._set_minimum)
        day.addWidget(QLabel("Starts at", day_box))
        day.addWidget(day_start)
        day.addWidget(QLabel("ends at", day_box))
        day.addWidget(day_end)
        day.addSpacing(16)
        day.addWidget(QLabel("Re-planning keeps items at least", day_box))
        day.addWidget(self.minimum)
        day.addStretch(1)
        self.templates = QComboBox(day_box)
        self.templates.setAccessibleName("Agenda template")
        for key in TEMPLATES:
            self.templates.addItem(load_template(key).name, key)
        self.templates.setCurrentIndex(1)
        apply_button = QPushButton("Use template…", day_box)
        apply_button.setToolTip("Replace the agenda with one of the method's templates (undo restores it)")
        apply_button.clicked.connect(lambda: self.use_template(self.templates.currentData()))
        apply_button.setEnabled(not self.document.read_only)
        day.addWidget(self.templates)
        day.addWidget(apply_button)

        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(day_box)
        layout.addWidget(self.summary)
        layout.addWidget(self.editor, 1)
        hint = QLabel(
            "Drag rows, or Alt+Up and Alt+Down, to reorder. A “next day” item starts the next day.", self
        )
        set_tone(hint, "hint")  # legible: not a disabled grey
        layout.addWidget(hint)
        signals.changed.connect(self._changed)
        self.refresh()

    def refresh(self) -> None:
        info = self.document.info
        text, ok = describe_fit(fit(self.document.typed(AgendaItem), info.day_start, info.day_end))
        window = f"{info.day_start}–{info.day_end}"
        if ok:
            self.summary.setText(f"{text} ({window}).")
            set_tone(self.summary, None, bold=False)
        else:
            self.summary.setText(f"⚠ {text} ({window}): shorten items or end the day later.")
            set_tone(self.summary, "warning", bold=True)
        self.model.refresh_computed()

    def use_template(self, key: str) -> None:
        template = load_template(key)
        if self.document.typed(AgendaItem):
            choice = self.context.dialogs.ask_choice(
                self.context.window,
                "Use a template",
                f"Replace the {len(self.document.typed(AgendaItem))} items of the agenda with the "
                f"“{template.name}” template? Undo (Ctrl+Z) brings them back.",
                [("replace", "Replace the agenda")],
            )
            if choice != "replace":
                return
        operations: list[Operation] = [
            Delete(AgendaItem.TABLE, item.id) for item in self.document.typed(AgendaItem)
        ]
        operations += [Insert(item) for item in template.items]
        operations.append(
            Update.of(self.document.info, day_start=template.day_start, day_end=template.day_end)
        )
        self.document.apply(f"Use the {template.name} template", operations)

    def _set_minimum(self) -> None:
        value = self.minimum.value()
        if value != self.document.info.min_item_minutes and not self.document.read_only:
            self.document.apply(
                "Change the shortest item length", [Update.of(self.document.info, min_item_minutes=value)]
            )

    def _changed(self, change: Change) -> None:
        if change.table in (AgendaItem.TABLE, WorkshopInfo.TABLE):
            self.refresh()
            if (
                change.table == WorkshopInfo.TABLE
                and self.minimum.value() != self.document.info.min_item_minutes
            ):
                self.minimum.setValue(self.document.info.min_item_minutes)
