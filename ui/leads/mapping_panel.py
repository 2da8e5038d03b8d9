"""The column-mapping step: which file column holds each field, and which says "converted"."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QWidget

from workshop.leads.reader import ColumnMapping

NOT_IN_FILE = "(not in the file: treated as missing)"


class MappingPanel(QGroupBox):
    """Signals: ``mappingChanged(ColumnMapping)`` when the user picks another column."""

    mappingChanged = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Columns of the file", parent)
        self.form = QFormLayout(self)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.combos: dict[str, QComboBox] = {}
        self.converted = QComboBox(self)
        self.converted.setAccessibleName("Converted column")
        self.converted.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.converted.setMinimumContentsLength(14)
        self.converted.currentIndexChanged.connect(lambda _i: self._picked())
        self._filling = False

    def show_columns(self, fields: Sequence[str], columns: Sequence[str], mapping: ColumnMapping) -> None:
        self._filling = True
        try:
            while self.form.rowCount():
                row = self.form.takeRow(0)
                for item in (row.labelItem, row.fieldItem):
                    widget = item.widget() if item is not None else None
                    if widget is not None and widget is not self.converted:
                        widget.deleteLater()
            self.combos = {}
            self.converted.clear()
            self.converted.addItem("(choose the column)", "")
            for column in columns:
                self.converted.addItem(column, column)
            self.converted.setCurrentIndex(max(0, self.converted.findData(mapping.converted)))
            self.form.addRow(QLabel("<b>Converted</b> (the outcome):", self), self.converted)
            for name in fields:
                combo = QComboBox(self)
                combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
                combo.setMinimumContentsLength(14)
                combo.setAccessibleName(f"Column for {name}")
                combo.addItem(NOT_IN_FILE, "")
                for column in columns:
                    combo.addItem(column, column)
                combo.setCurrentIndex(max(0, combo.findData(mapping.fields.get(name, ""))))
                combo.currentIndexChanged.connect(lambda _i: self._picked())
                self.combos[name] = combo
                self.form.addRow(f"{name[:40]}:", combo)
        finally:
            self._filling = False

    def mapping(self) -> ColumnMapping:
        fields = {name: str(c.currentData()) for name, c in self.combos.items() if c.currentData()}
        return ColumnMapping(fields, str(self.converted.currentData() or ""))

    def choose(self, field: str, column: str) -> None:
        """Pick ``column`` for ``field`` ("converted" for the outcome), as a user would."""
        combo = self.converted if field == "converted" else self.combos[field]
        combo.setCurrentIndex(combo.findData(column))

    def _picked(self) -> None:
        if not self._filling:
            self.mappingChanged.emit(self.mapping())
