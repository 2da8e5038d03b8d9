"""SLA (Ctrl+7): the clauses, their numbers, what is not agreed yet, and a live preview."""

from __future__ import annotations

import json
from html import escape
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ui.common.bindings import FieldBinding
from ui.common.page_context import PageContext
from ui.common.tone import set_tone
from ui.sla.blank_highlighter import BlankHighlighter
from ui.sla.preview import sla_html
from workshop.edits import Change, Delete, Insert, Move
from workshop.model import Record, SlaClause
from workshop.sla import agreement as sla


class SlaPage(QWidget):
    """Clause list, the selected clause's wording and blanks, warnings, and the document preview."""

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.document = context.document
        self._clause_id = 0
        self._loading = False
        self._shown_blanks: tuple[int, list[str]] = (-1, [])
        self._blank_fields: dict[str, QLineEdit] = {}

        self.clause_list = QListWidget()
        self.clause_list.setAccessibleName("Clauses")
        self.clause_list.currentRowChanged.connect(self._select)
        add = QPushButton("Add clause")
        add.setAccessibleName("Add a clause")
        menu = QMenu(add)
        menu.addAction("Blank clause").triggered.connect(lambda: self._add(None))
        menu.addSeparator()
        for template in sla.templates():
            menu.addAction(template.heading).triggered.connect(lambda _=False, t=template.key: self._add(t))
        add.setMenu(menu)
        self.add_button = add
        self._unlocked = ""  # the fingerprint of a signed version the user chose to edit
        self.remove_button = QPushButton("Remove")
        self.remove_button.setAccessibleName("Remove the clause")
        self.remove_button.clicked.connect(self._remove)
        self.up_button = QPushButton("Up")
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button = QPushButton("Down")
        self.down_button.clicked.connect(lambda: self._move(1))
        for button, name in (
            (self.up_button, "Move the clause up"),
            (self.down_button, "Move the clause down"),
        ):
            button.setAccessibleName(name)
        for keys, slot in (
            ("Ctrl+Shift+N", lambda: self._add(None)),
            ("Alt+Up", lambda: self._move(-1)),
            ("Alt+Down", lambda: self._move(1)),
        ):
            shortcut = QShortcut(QKeySequence(keys), self, slot)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.clause_list, self._remove)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        add.setToolTip("Add a clause (Ctrl+Shift+N for a blank one)")
        self.up_button.setToolTip("Move up (Alt+Up)")
        self.down_button.setToolTip("Move down (Alt+Down)")
        self.remove_button.setToolTip("Remove the clause (Delete in the list)")
        buttons = QHBoxLayout()
        for button in (add, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.clause_list)
        left_layout.addLayout(buttons)

        self.heading = QLineEdit()
        self.wording = QPlainTextEdit()
        self.wording.setTabChangesFocus(True)
        self.wording.setPlaceholderText("Wording; put a number to agree in braces, e.g. {mqls_per_month}.")
        self.highlighter = BlankHighlighter(self.wording.document())
        self.blanks_legend = QLabel(
            "Words in {braces} are blanks: each prints as the value below it, never with its braces."
        )
        self.blanks_legend.setWordWrap(True)
        set_tone(self.blanks_legend, "hint")
        self.bindings = [  # the selected clause's; _select shows another
            FieldBinding(
                context.signals,
                SlaClause.TABLE,
                lambda: self._clause_id,
                field,
                widget,
                label,
                undo_text=undo_text,
            )
            for field, widget, label, undo_text in (
                ("heading", self.heading, "Clause heading", "Edit clause heading"),
                ("wording", self.wording, "Clause wording", "Edit clause"),
            )
        ]
        self.blanks_box = QGroupBox("Numbers and names in this clause")
        self.blanks_form = QFormLayout(self.blanks_box)
        editor = QWidget()
        form = QFormLayout(editor)
        form.addRow("&Heading", self.heading)
        form.addRow("&Wording", self.wording)
        form.addRow("", self.blanks_legend)
        form.addRow(self.blanks_box)

        self.warnings = QLabel()
        self.warnings.setWordWrap(True)
        self.warnings.setAccessibleName("What is missing or not agreed")
        self.preview = QTextBrowser()
        self.preview.setAccessibleName("Preview of the SLA")
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.signed_state = QLabel()
        self.signed_state.setWordWrap(True)
        self.signed_state.setAccessibleName("Signed state of the SLA")
        self.edit_signed = QPushButton("Edit the signed SLA…")
        self.edit_signed.setToolTip("Editing voids the signatures of this version; asks first")
        self.edit_signed.clicked.connect(self.unlock)
        signed_row = QHBoxLayout()
        signed_row.addWidget(self.signed_state, 1)
        signed_row.addWidget(self.edit_signed)
        right_layout.addLayout(signed_row)
        right_layout.addWidget(self.warnings)
        right_layout.addWidget(self.preview, 1)

        splitter = QSplitter()
        for widget, stretch in ((left, 2), (editor, 4), (right, 4)):
            splitter.addWidget(widget)
            splitter.setStretchFactor(splitter.count() - 1, stretch)
        splitter.setSizes([200, 400, 400])  # the clause list needs less room than the wording
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        context.signals.changed.connect(self._changed)
        self._refresh_list()

    # -- showing ---------------------------------------------------------------------------

    def _clauses(self) -> list[SlaClause]:
        return self.document.typed(SlaClause)

    def _refresh_list(self) -> None:
        clauses = self._clauses()
        content = self.document.content()
        flagged = {w.clause_id for w in sla.warnings(content)}
        self._loading = True
        self.clause_list.clear()
        row = 0
        for index, clause in enumerate(clauses):
            mark = "  ⚠" if clause.id in flagged else ""
            item = QListWidgetItem(f"{index + 1}. {clause.heading or 'Untitled clause'}{mark}")
            item.setData(Qt.ItemDataRole.UserRole, clause.id)
            self.clause_list.addItem(item)
            if clause.id == self._clause_id:
                row = index
        self._loading = False
        if clauses:
            self.clause_list.setCurrentRow(row)
        self._select(self.clause_list.currentRow())
        self._refresh_preview()

    def _select(self, row: int) -> None:
        if self._loading:
            return
        clauses = self._clauses()
        clause = clauses[row] if 0 <= row < len(clauses) else None
        self._clause_id = clause.id if clause else 0
        editable = clause is not None and not self.document.read_only
        for widget in (self.heading, self.wording, self.remove_button, self.up_button, self.down_button):
            widget.setEnabled(editable)
        for binding in self.bindings:
            binding.refresh()
        self._fill_blanks(clause)
        self._apply_lock()

    # -- the signed state ---------------------------------------------------------------------

    def locked(self) -> bool:
        """True while this version is signed and the user has not chosen to edit (and void) it."""
        content = self.document.content()
        return bool(sla.current_signatures(content)) and self._unlocked != sla.fingerprint(content)

    def _apply_lock(self) -> None:
        content = self.document.content()
        signatures = sla.current_signatures(content)
        locked = self.locked()
        frozen = locked or self.document.read_only
        for field in (self.heading, *self._blank_fields.values()):
            field.setReadOnly(frozen)
        self.wording.setReadOnly(frozen)
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            button.setEnabled(not frozen and (button is self.add_button or self._clause_id != 0))
        self.signed_state.setVisible(bool(signatures))
        self.edit_signed.setVisible(locked and not self.document.read_only)
        if signatures:
            names = ", ".join(s.name for s in signatures)
            total = len(sla.signatories(content))
            state = "Signed" if len(signatures) == total else f"Signed by {len(signatures)} of {total}"
            self.signed_state.setText(
                f"<b>✓ {state}</b> ({escape(names)}). "
                + (
                    "Read only: editing voids the signatures."
                    if locked
                    else "Editing now voids the signatures."
                )
            )

    def unlock(self) -> None:
        """Ask before editing a signed SLA: the edit voids its signatures."""
        content = self.document.content()
        signatures = sla.current_signatures(content)
        if not signatures or self.document.read_only:
            return
        count = len(signatures)
        names = ", ".join(s.name for s in signatures)
        answer = self.context.dialogs.ask_choice(
            self,
            "Edit the signed SLA?",
            f"This voids {count} signature{'s' if count != 1 else ''} ({names}): everyone signs the edited "
            "version again. The signed record of this version is kept in the workshop.",
            [("edit", "Edit and void the signatures"), ("keep", "Keep it signed")],
        )
        if answer == "edit":
            self._unlocked = sla.fingerprint(content)
            self._apply_lock()
            self.heading.setFocus()

    def _fill_blanks(self, clause: SlaClause | None) -> None:
        blanks = sla.blanks(clause, self.document.content()) if clause else []
        shown = (clause.id if clause else 0, [b.spec.name for b in blanks])
        if shown == self._shown_blanks:  # same blanks: keep the fields (and the cursor); they show changes
            return
        self._shown_blanks = shown
        self._blank_fields = {}
        while self.blanks_form.rowCount():
            self.blanks_form.removeRow(0)
        if clause is None:
            return
        if not blanks:
            self.blanks_form.addRow(QLabel("No blanks: write {name} in the wording to add one."))
        for blank in blanks:
            field = self._blank_field(clause.id, blank.spec.name, blank.spec.label)
            if blank.source_value:
                field.setPlaceholderText(f"{blank.source_value} (from the workshop)")
            elif blank.spec.source:
                field.setPlaceholderText("not agreed yet")
            else:
                field.setPlaceholderText("type the agreed value")
            self._blank_fields[blank.spec.name] = field
            self.blanks_form.addRow(blank.spec.label, field)

    def _refresh_preview(self) -> None:
        content = self.document.content()
        warnings = sla.warnings(content)
        if warnings:
            items = "".join(f"<li>{escape(w.text)}</li>" for w in warnings)
            self.warnings.setText(f"<b>⚠ Not agreed or missing</b><ul style='margin:0'>{items}</ul>")
        else:
            self.warnings.setText("✓ Every number in the SLA is filled in and agreed.")
        self.preview.setHtml(sla_html(content))

    def _changed(self, change: Change) -> None:
        if (
            change.table == SlaClause.TABLE
            and change.kind == "update"
            and change.record_id == self._clause_id
        ):
            self._fill_blanks(self._current())  # the bound fields show their own changes
            self._refresh_titles()
            self._refresh_preview()
            self._apply_lock()
        else:
            self._refresh_list()

    def _refresh_titles(self) -> None:
        for index, clause in enumerate(self._clauses()):
            item = self.clause_list.item(index)
            if item is not None:
                text = f"{index + 1}. {clause.heading or 'Untitled clause'}"
                if not item.text().startswith(text):
                    item.setText(text)

    # -- editing ---------------------------------------------------------------------------

    def _current(self) -> SlaClause | None:
        return next((c for c in self._clauses() if c.id == self._clause_id), None)

    def _blank_field(self, clause_id: int, name: str, label: str) -> QLineEdit:
        """A field for one blank of a clause: typing saves into the clause's JSON of typed values."""

        def typed(record: Record) -> str:
            assert isinstance(record, SlaClause)
            return sla.typed_values(record).get(name, "")

        def changes(value: str) -> dict[str, Any]:
            _, clause = self.document.find(SlaClause.TABLE, clause_id)
            assert isinstance(clause, SlaClause)
            values = sla.typed_values(clause)
            values[name] = value
            return {"parameters": json.dumps(values, ensure_ascii=False)}

        field = QLineEdit()
        FieldBinding(
            self.context.signals,
            SlaClause.TABLE,
            clause_id,
            "parameters",
            field,
            label,
            undo_text="Edit an SLA number",
            read=typed,
            write=changes,
            part=name,
        )
        return field

    def _may_edit(self) -> bool:
        """False when read only, or signed and the user does not choose to void the signatures."""
        if self.document.read_only:
            return False
        if self.locked():
            self.unlock()
        return not self.locked()

    def _add(self, key: str | None) -> None:
        if not self._may_edit():
            return
        template = sla.template(key) if key else None
        if template is None:
            new = SlaClause(heading="New clause", wording="")
        else:
            new = next(c for c in sla.clauses_from_templates() if c.key == key)
        row = self.clause_list.currentRow() + 1
        done = self.document.apply(f"Add clause “{new.heading}”", [Insert(new, row if row > 0 else -1)])
        inserted = done[0]
        if isinstance(inserted, Insert):
            self._clause_id = inserted.record.id
        self._refresh_list()
        self.heading.setFocus()
        self.heading.end(False)

    def _remove(self) -> None:
        clause = self._current()
        if clause is not None and self._may_edit():
            self.document.apply(f"Remove clause “{clause.heading}”", [Delete(SlaClause.TABLE, clause.id)])

    def _move(self, step: int) -> None:
        row = self.clause_list.currentRow()
        clause = self._current()
        if clause is None or not 0 <= row + step < len(self._clauses()) or not self._may_edit():
            return
        self.document.apply("Move clause", [Move(SlaClause.TABLE, clause.id, row + step)])
