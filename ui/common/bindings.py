"""Form fields bound to one field of one record: typing saves, undo shows.

Each keystroke becomes a document edit (merged into one undo step per typing
run), so nothing typed is ever only on screen. When the document changes (undo,
redo), the field shows the new value without moving the cursor needlessly.

Undo and redo keys (Ctrl+Z, Ctrl+Shift+Z, Ctrl+Y) pressed in a bound field undo
the document, as Edit ▸ Undo does, never the field's own text history: that
would put an old text in the field and then save it as a new edit.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate, QEvent, QObject, Qt, QTime
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QLineEdit,
    QPlainTextEdit,
    QTimeEdit,
    QWidget,
)

from ui.common.document_signals import DocumentSignals
from workshop.edits import Change, Update
from workshop.model import Record

NO_DATE = QDate(2000, 1, 1)

# The main window's Edit ▸ Redo keys, whatever the platform's standard redo key is.
REDO_KEYS = (QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y"))


def history_key(event: QKeyEvent) -> str:
    """``"undo"`` or ``"redo"`` when the key is one of the undo or redo keys, else ``""``."""
    if event.matches(QKeySequence.StandardKey.Undo):
        return "undo"
    if event.matches(QKeySequence.StandardKey.Redo) or QKeySequence(event.keyCombination()) in REDO_KEYS:
        return "redo"
    return ""


class FieldBinding(QObject):
    """Keeps ``widget`` and ``table``/``record_id``/``field`` of the document in step.

    ``widget`` is a QLineEdit, QPlainTextEdit, QComboBox (editable: its text;
    otherwise the data of its current item), QTimeEdit or QDateEdit.

    ``record_id`` is the record's id, or a function giving it, for a form whose
    record is picked at run time (call :meth:`refresh` when it picks another);
    0 means no record: the field shows nothing, and the first edit goes to
    ``create`` (given the field changes) if there is one, else nowhere.

    ``read`` and ``write`` turn the record into the widget's value and the
    widget's value into field changes, for a value that is not simply the field
    (one entry of a JSON text, a field that sets another alongside it); ``part``
    then names the entry, so that typing in each is its own undo step. The undo
    step is called ``undo_text`` (by default "Change <label>").
    """

    def __init__(
        self,
        signals: DocumentSignals,
        table: str,
        record_id: int | Callable[[], int],
        field: str,
        widget: QWidget,
        label: str,
        *,
        undo_text: str = "",
        read: Callable[[Record], Any] | None = None,
        write: Callable[[Any], dict[str, Any]] | None = None,
        part: str = "",
        create: Callable[[dict[str, Any]], None] | None = None,
    ) -> None:
        super().__init__(widget)
        self.document = signals.document
        self.table, self.field, self.part = table, field, part
        self._record_id = record_id
        self.widget = widget
        self.label = label
        self.undo_text = undo_text or f"Change {label.lower()}"
        self._read = read
        self._write = write
        self._create = create
        self._updating = False
        widget.setAccessibleName(label)
        read_only = self.document.read_only
        if isinstance(widget, QLineEdit):
            widget.textEdited.connect(self._commit)
            widget.editingFinished.connect(self.document.seal_undo)
            widget.setReadOnly(read_only)
        elif isinstance(widget, QPlainTextEdit):
            widget.textChanged.connect(lambda: self._commit(widget.toPlainText()))
            widget.setReadOnly(read_only)  # its typing run ends when it loses focus (eventFilter)
        elif isinstance(widget, QComboBox):
            line = widget.lineEdit()
            if line is not None:
                widget.editTextChanged.connect(self._commit)
                line.editingFinished.connect(self.document.seal_undo)
                line.installEventFilter(self)
            else:
                widget.currentIndexChanged.connect(lambda _i: self._commit(widget.currentData()))
            widget.setEnabled(not read_only)
        elif isinstance(widget, QTimeEdit):
            widget.setDisplayFormat("HH:mm")
            widget.timeChanged.connect(lambda _t: self._commit(widget.time().toString("HH:mm")))
            widget.setReadOnly(read_only)
        elif isinstance(widget, QDateEdit):
            widget.setCalendarPopup(True)
            widget.setDisplayFormat("ddd d MMM yyyy")
            widget.setMinimumDate(NO_DATE)
            widget.setSpecialValueText("Not set")
            widget.dateChanged.connect(self._date_changed)
            widget.setReadOnly(read_only)
        widget.installEventFilter(self)
        self.refresh()
        signals.changed.connect(self._changed)

    @property
    def record_id(self) -> int:
        return self._record_id() if callable(self._record_id) else self._record_id

    def record(self) -> Record | None:
        """The bound record, or None when there is none (yet, or any more)."""
        record_id = self.record_id
        if not record_id:
            return None
        try:
            return self.document.find(self.table, record_id)[1]
        except KeyError:
            return None

    def value(self) -> Any:
        """The document's value, as the widget shows it; None without a record."""
        record = self.record()
        if record is None:
            return None
        return self._read(record) if self._read else getattr(record, self.field)

    def refresh(self) -> None:
        """Show the document's value in the widget."""
        value = self.value()
        text = "" if value is None else str(value)
        widget = self.widget
        self._updating = True
        try:
            if isinstance(widget, QLineEdit):
                if widget.text() != text:
                    widget.setText(text)  # the cursor at the end, where typing goes on after an undo
                    if not widget.hasFocus():
                        widget.setCursorPosition(0)  # the start of a long text shows
            elif isinstance(widget, QPlainTextEdit):
                if widget.toPlainText() != text:
                    widget.setPlainText(text)
            elif isinstance(widget, QComboBox):
                if widget.isEditable():
                    if widget.currentText() != text:
                        widget.setCurrentText(text)
                else:
                    widget.setCurrentIndex(max(0, widget.findData(value) if value is not None else 0))
            elif isinstance(widget, QTimeEdit):
                time = QTime.fromString(text, "HH:mm")
                widget.setTime(time if time.isValid() else QTime(9, 0))
            elif isinstance(widget, QDateEdit):
                date = QDate.fromString(text, Qt.DateFormat.ISODate)
                widget.setDate(date if date.isValid() else NO_DATE)
        finally:
            self._updating = False

    def _date_changed(self, date: QDate) -> None:
        self._commit("" if date == NO_DATE else date.toString(Qt.DateFormat.ISODate))

    def _commit(self, value: Any) -> None:
        if self._updating or self.document.read_only:
            return
        record = self.record()
        if record is None:
            if self._create is not None and not self.record_id:
                self._create(self._changes(value))
            return
        self.document.apply(
            self.undo_text,
            [Update.of(record, **self._changes(value))],
            merge_key=(self.table, record.id, self.field, self.part),
        )

    def _changes(self, value: Any) -> dict[str, Any]:
        return self._write(value) if self._write else {self.field: value}

    def _changed(self, change: Change) -> None:
        if change.kind == "reset" or (
            change.table == self.table
            and change.record_id == self.record_id
            and (change.kind != "update" or self.field in change.fields)
        ):
            self.refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Undo keys undo the document; a multi-line field's typing run ends when it loses focus."""
        kind = event.type()
        if kind in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress) and isinstance(event, QKeyEvent):
            step = history_key(event)
            if not step:
                return False
            if kind == QEvent.Type.ShortcutOverride:
                # Text widgets claim these keys for their own undo; refuse the claim, so that the
                # window's undo shortcut (Edit ▸ Undo in the main window) takes the key.
                event.ignore()
            elif step == "undo":
                self.document.undo()  # no window shortcut took it (a dialog, or nothing to undo)
            else:
                self.document.redo()
            return True
        if kind == QEvent.Type.FocusOut and isinstance(watched, QPlainTextEdit):
            self.document.seal_undo()
        return False
