"""Form fields bound to one field of one record: typing saves, undo shows.

Each keystroke becomes a document edit (merged into one undo step per typing
run), so nothing typed is ever only on screen. When the document changes (undo,
redo), the field shows the new value without moving the cursor needlessly.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate, QObject, Qt, QTime
from PySide6.QtWidgets import QDateEdit, QLineEdit, QTimeEdit, QWidget

from ui.common.document_signals import DocumentSignals
from workshop.edits import Change, Update

NO_DATE = QDate(2000, 1, 1)


class FieldBinding(QObject):
    """Keeps ``widget`` and ``table``/``record_id``/``field`` of the document in step."""

    def __init__(
        self,
        signals: DocumentSignals,
        table: str,
        record_id: int,
        field: str,
        widget: QWidget,
        label: str,
    ) -> None:
        super().__init__(widget)
        self.document = signals.document
        self.table, self.record_id, self.field = table, record_id, field
        self.widget = widget
        self.label = label
        widget.setAccessibleName(label)
        if isinstance(widget, QLineEdit):
            widget.textEdited.connect(self._commit)
            widget.editingFinished.connect(self.document.seal_undo)
            widget.setReadOnly(self.document.read_only)
        elif isinstance(widget, QTimeEdit):
            widget.setDisplayFormat("HH:mm")
            widget.timeChanged.connect(lambda _t: self._commit(widget.time().toString("HH:mm")))
            widget.setReadOnly(self.document.read_only)
        elif isinstance(widget, QDateEdit):
            widget.setCalendarPopup(True)
            widget.setDisplayFormat("ddd d MMM yyyy")
            widget.setMinimumDate(NO_DATE)
            widget.setSpecialValueText("Not set")
            widget.dateChanged.connect(self._date_changed)
            widget.setReadOnly(self.document.read_only)
        self._updating = False
        self.refresh()
        signals.changed.connect(self._changed)

    def value(self) -> Any:
        return getattr(self.document.find(self.table, self.record_id)[1], self.field)

    def refresh(self) -> None:
        """Show the document's value in the widget."""
        value = self.value()
        self._updating = True
        try:
            if isinstance(self.widget, QLineEdit):
                if self.widget.text() != value:
                    self.widget.setText(value)
                    self.widget.setCursorPosition(0)
            elif isinstance(self.widget, QTimeEdit):
                time = QTime.fromString(str(value), "HH:mm")
                self.widget.setTime(time if time.isValid() else QTime(9, 0))
            elif isinstance(self.widget, QDateEdit):
                date = QDate.fromString(str(value), Qt.DateFormat.ISODate)
                self.widget.setDate(date if date.isValid() else NO_DATE)
        finally:
            self._updating = False

    def _date_changed(self, date: QDate) -> None:
        self._commit("" if date == NO_DATE else date.toString(Qt.DateFormat.ISODate))

    def _commit(self, value: Any) -> None:
        if self._updating or self.document.read_only:
            return
        _, record = self.document.find(self.table, self.record_id)
        self.document.apply(
            f"Change {self.label.lower()}",
            [Update.of(record, **{self.field: value})],
            merge_key=(self.table, self.record_id, self.field),
        )

    def _changed(self, change: Change) -> None:
        if change.table == self.table and change.record_id == self.record_id and self.field in change.fields:
            self.refresh()
