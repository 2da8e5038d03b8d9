"""The MQL definition: name, threshold, rules with points, gates, decay; import and export."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.common import icons
from ui.common.page_context import PageContext
from ui.common.tone import set_tone
from ui.leads.approval_panel import ApprovalPanel
from ui.leads.definition_link import DefinitionLink
from ui.leads.rule_delegate import RuleDelegate
from ui.leads.rules_model import RulesModel, rows_of
from workshop.inputs import InputError, load_json, read_regular_file
from workshop.leads.definition import Decay, definition_from_json, definition_json
from workshop.leads.templates import starting_template

FILTER = "MQL definition (*.json);;All files (*)"


class DefinitionEditor(QWidget):
    """Edits the workshop's MQL definition; every change is saved and undoable."""

    def __init__(self, context: PageContext, link: DefinitionLink, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.link = link
        read_only = link.read_only

        self.name = QLineEdit(self)
        self.name.setMaxLength(200)
        self.name.setAccessibleName("Definition name")
        self.name.textEdited.connect(self._name_edited)
        self.name.editingFinished.connect(link.document.seal_undo)
        self.threshold = QSpinBox(self)
        self.threshold.setRange(-1000, 5000)
        self.threshold.setSuffix(" points")
        self.threshold.setAccessibleName("Score threshold")
        self.threshold.setMaximumWidth(160)
        self.threshold.valueChanged.connect(self._threshold_changed)
        self.threshold.editingFinished.connect(link.document.seal_undo)
        self.notes = QLineEdit(self)
        self.notes.setMaxLength(2000)
        self.notes.setAccessibleName("Notes on the definition")
        self.notes.setPlaceholderText("Why the rules are as they are, for whoever reads the definition next")
        self.notes.textEdited.connect(self._notes_edited)
        self.notes.editingFinished.connect(link.document.seal_undo)
        self.decay_on = QCheckBox("Engagement points halve every", self)
        self.decay_on.setAccessibleName("Decay engagement points")
        self.half_life = QDoubleSpinBox(self)
        self.half_life.setRange(1, 3650)
        self.half_life.setDecimals(0)
        self.half_life.setSuffix(" days")
        self.half_life.setAccessibleName("Decay half-life")
        self.decay_field = QLineEdit(self)
        self.decay_field.setMaxLength(200)
        self.decay_field.setAccessibleName("Field with days since last activity")
        self.decay_field.setPlaceholderText("Days since last activity")
        for signal in (self.decay_on.toggled, self.half_life.valueChanged):
            signal.connect(lambda *_: self._decay_changed())
        self.decay_field.editingFinished.connect(self._decay_changed)
        decay_row = QHBoxLayout()
        decay_row.addWidget(self.decay_on)
        decay_row.addWidget(self.half_life)
        decay_row.addWidget(self.decay_field, 1)

        form = QFormLayout()
        form.addRow("&Name:", self.name)
        form.addRow("An MQL scores at &least:", self.threshold)
        form.addRow("Decay:", decay_row)
        form.addRow("N&otes:", self.notes)

        self.rules = RulesModel(link)
        self.view = QTableView(self)
        self.view.setTabKeyNavigation(False)  # Tab leaves the table; arrows move between cells
        self.view.setModel(self.rules)
        self.view.setItemDelegate(RuleDelegate(self.field_names, self.view))
        self.file_columns: list[str] = []  # the test bench's lead history, when one is loaded
        self.view.setAccessibleName("Rules")
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.verticalHeader().setDefaultSectionSize(26)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        for column, width in enumerate((100, 230, 110, 300, 60, 60, 90)):
            self.view.setColumnWidth(column, width)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)

        buttons = QHBoxLayout()
        for group, title in (
            ("fit", "Fit"),
            ("engagement", "Engagement"),
            ("negative", "Negative"),
            ("gate", "Must-have gate"),
        ):
            button = QPushButton(icons.icon("add"), title, self)
            button.setToolTip(f"Add a {title.lower()} rule")
            button.setAccessibleName(f"Add {title.lower()} rule")
            button.setEnabled(not read_only)
            button.clicked.connect(lambda _c=False, g=group: self.add_rule(g))
            buttons.addWidget(button)
        self.remove_button = QPushButton(icons.icon("remove"), "Remove", self)
        self.remove_button.setAccessibleName("Remove rule")
        self.remove_button.setEnabled(not read_only)
        self.remove_button.clicked.connect(self.remove_selected)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        self.import_button = QPushButton("Import definition…", self)
        self.import_button.setEnabled(not read_only)
        self.import_button.clicked.connect(self.import_definition)
        self.export_button = QPushButton(icons.icon("export"), "Export definition…", self)
        self.export_button.clicked.connect(self.export_definition)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.export_button)
        delete = QShortcut(QKeySequence.StandardKey.Delete, self.view, self.remove_selected)
        delete.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

        self.approval = ApprovalPanel(link, self)
        self.template_note = QLabel(
            "Starting template: these rules are examples to adapt to your own leads. Change, add or "
            "remove them, then test them on your lead history.",
            self,
        )
        self.template_note.setWordWrap(True)
        set_tone(self.template_note, "hint")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.template_note)
        layout.addLayout(buttons)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.approval)
        for widget in (self.name, self.decay_field, self.notes):
            widget.setReadOnly(read_only)
        for box in (self.threshold, self.half_life):
            box.setReadOnly(read_only)
        self.decay_on.setEnabled(not read_only)
        self._updating = False
        link.stateChanged.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        definition = self.link.definition()
        self.template_note.setVisible(rows_of(definition) == rows_of(starting_template()))
        self._updating = True
        try:
            if self.name.text() != definition.name:
                self.name.setText(definition.name)
            self.threshold.setValue(definition.threshold)
            if self.notes.text() != definition.notes:
                self.notes.setText(definition.notes)
                self.notes.setCursorPosition(0)
            decay = definition.decay
            self.decay_on.setChecked(decay is not None)
            self.half_life.setValue(decay.half_life_days if decay else 30)
            self.decay_field.setText(decay.field if decay else Decay.field)
            self.half_life.setEnabled(decay is not None)
            self.decay_field.setEnabled(decay is not None)
        finally:
            self._updating = False

    def _name_edited(self, text: str) -> None:
        if not self._updating:
            self.link.set_definition(replace(self.link.definition(), name=text), "Rename definition", "name")

    def _notes_edited(self, text: str) -> None:
        if not self._updating:
            self.link.set_definition(replace(self.link.definition(), notes=text), "Edit notes", "notes")

    def _threshold_changed(self, value: int) -> None:
        if not self._updating:
            definition = self.link.definition().with_threshold(value)
            self.link.set_definition(definition, "Change MQL threshold", "threshold")

    def _decay_changed(self) -> None:
        if self._updating:
            return
        decay = None
        if self.decay_on.isChecked():
            field = self.decay_field.text().strip() or Decay.field
            decay = Decay(field, float(self.half_life.value()))
        self.link.set_definition(replace(self.link.definition(), decay=decay), "Change decay")

    def field_names(self) -> list[str]:
        """Names to complete a rule's field from: the definition's own, then the file's columns."""
        return list(dict.fromkeys([*self.link.definition().fields(), *self.file_columns]))

    def add_rule(self, group: str) -> None:
        row = self.rules.add_rule(group)
        if 0 <= row < self.rules.rowCount():
            index = self.rules.index(row, 1)
            self.view.setCurrentIndex(index)
            self.view.edit(index)

    def remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        if not rows and self.view.currentIndex().isValid():
            rows = [self.view.currentIndex().row()]
        self.rules.remove_rows(rows)

    def import_definition(self) -> None:
        path = self.context.ask_open_path("Import MQL definition", "", FILTER)
        if path is None:
            return
        try:
            data = load_json(
                read_regular_file(path, "definition file", limit=10 * 1024 * 1024), f"“{path.name}”"
            )
        except InputError as error:  # not a file, unreadable, not JSON, nested too deep: said in one line
            self.context.show_error("Import definition", str(error))
            return
        try:
            definition = definition_from_json(data)
        except ValueError as error:  # DefinitionError is a ValueError
            self.context.show_error("Import definition", f"“{path.name}” cannot be used: {error}.")
            return
        self.link.set_definition(definition, f"Import definition from {path.name}")
        self.context.report(f"Imported the MQL definition “{definition.name}” from {path.name}")

    def export_definition(self) -> None:
        definition = self.link.definition()
        suggested = f"{definition.name or 'MQL definition'}.json".replace("/", "-")
        path = self.context.ask_save_path("Export MQL definition", suggested, FILTER)
        if path is None:
            return
        text = json.dumps(definition_json(definition), ensure_ascii=False, indent=2) + "\n"
        try:
            Path(path).write_text(text, encoding="utf-8")
        except OSError as error:
            self.context.show_error("Export definition", f"Cannot write “{path}”: {error.strerror or error}")
            return
        self.context.report(f"Exported the MQL definition to {path}")
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
