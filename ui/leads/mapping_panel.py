"""The column-mapping step: which file column holds each field, which says "converted", and
what its values mean; each column shown with its first values, its missing count and, for
numbers, how they are read."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.common.tone import set_tone
from workshop.leads.dates import DAY_FIRST, MONTH_FIRST, ORDER_TITLES
from workshop.leads.numbers import COMMA, DECIMAL_TITLES, POINT, NumberReading
from workshop.leads.outcomes import LEFT_OUT, LOST, OUTCOME_TITLES, WON
from workshop.leads.reader import ColumnMapping, LeadTable, column_key

CREATED_KEYS = ("createddate", "createdate", "createdon", "created", "createdat", "leadcreateddate")

NOT_IN_FILE = "(not in the file)"
MAX_OUTCOME_VALUES = 60


def _detail(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    set_tone(label, "placeholder")
    return label


class MappingPanel(QGroupBox):
    """Signals: ``mappingChanged(ColumnMapping)`` when the user picks another column or meaning."""

    mappingChanged = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Columns of the file", parent)
        self.form = QFormLayout(self)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.table: LeadTable | None = None
        self.number_fields: set[str] = set()
        self.readings: dict[str, NumberReading] = {}
        self.combos: dict[str, QComboBox] = {}
        self.details: dict[str, QLabel] = {}
        self._filling = False

        self.empty = QLabel("Import a lead history to map its columns to the definition's fields.", self)
        self.empty.setWordWrap(True)
        self.decimal = QComboBox(self)
        self.decimal.setAccessibleName("How the file writes decimals")
        self.decimal.addItem("Decided per column from its values", "")
        self.decimal.addItem(DECIMAL_TITLES[POINT], POINT)
        self.decimal.addItem(DECIMAL_TITLES[COMMA], COMMA)
        self.decimal.currentIndexChanged.connect(lambda _i: self._decimal_picked())
        self.dates = QComboBox(self)
        self.dates.setAccessibleName("How the file writes dates")
        self.dates.addItem("Decided per column from its values", "")
        self.dates.addItem(ORDER_TITLES[DAY_FIRST], DAY_FIRST)
        self.dates.addItem(ORDER_TITLES[MONTH_FIRST], MONTH_FIRST)
        self.dates.currentIndexChanged.connect(lambda _i: self._dates_picked())
        self.cohort = QCheckBox("Leave out leads younger than", self)
        self.cohort.setToolTip(
            "Fair cohorts: leads created within the sales cycle before the newest lead have not had "
            "time to convert; they are counted and left out"
        )
        self.cycle_days = QSpinBox(self)
        self.cycle_days.setAccessibleName("Sales cycle in days")
        self.cycle_days.setRange(1, 3650)
        self.cycle_days.setValue(30)
        self.cycle_days.setSuffix(" days")
        self.created = QComboBox(self)
        self.created.setAccessibleName("Creation date column")
        self.cohort_note = _detail("", self)
        cohort_row = QWidget(self)
        self.created.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.created.setMinimumContentsLength(12)
        cohort_line = QHBoxLayout()
        cohort_line.setContentsMargins(0, 0, 0, 0)
        cohort_line.addWidget(self.cohort)
        cohort_line.addWidget(self.cycle_days)
        cohort_line.addStretch(1)
        created_line = QHBoxLayout()
        created_line.setContentsMargins(0, 0, 0, 0)
        created_line.addWidget(QLabel("created as in", self))
        created_line.addWidget(self.created, 1)
        cohort_layout = QVBoxLayout(cohort_row)
        cohort_layout.setContentsMargins(0, 0, 0, 0)
        cohort_layout.addLayout(cohort_line)
        cohort_layout.addLayout(created_line)
        cohort_layout.addWidget(self.cohort_note)
        self.cohort.toggled.connect(lambda _on: self._cohort_picked())
        self.cycle_days.valueChanged.connect(lambda _v: self._cohort_picked())
        self.created.currentIndexChanged.connect(lambda _i: self._cohort_picked())
        self.converted = QComboBox(self)
        self.converted.setAccessibleName("Converted column")
        self.converted.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.converted.setMinimumContentsLength(14)
        self.converted.currentIndexChanged.connect(lambda _i: self._outcome_column_picked())
        self.outcome_note = _detail("", self)
        self.outcomes = QTableWidget(0, 3, self)
        self.outcomes.setAccessibleName("What each outcome value means")
        self.outcomes.setHorizontalHeaderLabels(["Value", "Rows", "Means"])
        self.outcomes.verticalHeader().hide()
        self.outcomes.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.outcomes.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.outcomes.setMinimumHeight(90)
        self.outcome_combos: dict[str, QComboBox] = {}
        outcome_box = QWidget(self)
        outcome_layout = QVBoxLayout(outcome_box)
        outcome_layout.setContentsMargins(0, 0, 0, 0)
        outcome_layout.addWidget(self.converted)
        outcome_layout.addWidget(self.outcome_note)
        outcome_layout.addWidget(self.outcomes)
        self.form.addRow(self.empty)
        self.form.addRow("Numbers:", self.decimal)
        self.form.addRow("Dates:", self.dates)
        self.form.addRow("Fair cohorts:", cohort_row)
        self.form.addRow(QLabel("<b>Converted</b> (the outcome):", self), outcome_box)
        self._fixed_rows = self.form.rowCount()
        self._show_fixed(False)

    def _show_fixed(self, loaded: bool) -> None:
        self.form.setRowVisible(0, not loaded)
        for row in range(1, self._fixed_rows):
            self.form.setRowVisible(row, loaded)

    # -- filling -------------------------------------------------------------------------------

    def show_columns(
        self, fields: Sequence[str], table: LeadTable, mapping: ColumnMapping, number_fields: set[str]
    ) -> None:
        self._filling = True
        try:
            self.table = table
            self.number_fields = set(number_fields)
            while self.form.rowCount() > self._fixed_rows:
                self.form.removeRow(self._fixed_rows)
            self.combos, self.details = {}, {}
            self.decimal.setCurrentIndex(max(0, self.decimal.findData(mapping.decimal)))
            self.dates.setCurrentIndex(max(0, self.dates.findData(mapping.dates)))
            self._fill_cohort(table, mapping)
            self.readings = table.number_readings(mapping.decimal)
            tips = {column: table.profile(column).describe() for column in table.columns}
            self.converted.clear()
            self.converted.addItem("(choose the column)", "")
            for column in table.columns:
                self.converted.addItem(column, column)
                self.converted.setItemData(
                    self.converted.count() - 1, tips[column], Qt.ItemDataRole.ToolTipRole
                )
            self.converted.setCurrentIndex(max(0, self.converted.findData(mapping.converted)))
            self._fill_outcomes(mapping)
            for name in fields:
                combo = QComboBox(self)
                combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
                combo.setMinimumContentsLength(14)
                combo.setAccessibleName(f"Column for {name}")
                combo.addItem(NOT_IN_FILE, "")
                for column in table.columns:
                    combo.addItem(column, column)
                    combo.setItemData(combo.count() - 1, tips[column], Qt.ItemDataRole.ToolTipRole)
                combo.setCurrentIndex(max(0, combo.findData(mapping.fields.get(name, ""))))
                combo.currentIndexChanged.connect(lambda _i, n=name: self._field_picked(n))
                detail = _detail("", self)
                detail.setAccessibleName(f"Values of the column for {name}")
                box = QWidget(self)
                box_layout = QVBoxLayout(box)
                box_layout.setContentsMargins(0, 0, 0, 4)
                box_layout.setSpacing(1)
                box_layout.addWidget(combo)
                box_layout.addWidget(detail)
                self.combos[name] = combo
                self.details[name] = detail
                label = QLabel(f"{name[:40]}{' (number)' if name in number_fields else ''}:", self)
                label.setToolTip(name)
                self.form.addRow(label, box)
                self._describe(name)
            self._show_fixed(True)
        finally:
            self._filling = False

    def _fill_cohort(self, table: LeadTable, mapping: ColumnMapping) -> None:
        """Date columns first, the creation date picked by its usual names (or as remembered)."""
        dated = table.date_readings(mapping.dates)
        self.created.clear()
        for column in [*dated, *(c for c in table.columns if c not in dated)]:
            self.created.addItem(column, column)
        pick = mapping.created or next((c for c in table.columns if column_key(c) in CREATED_KEYS), "")
        if not pick and dated:
            pick = next(iter(dated))
        self.created.setCurrentIndex(max(0, self.created.findData(pick)))
        self.cohort.setEnabled(bool(dated))
        self.cycle_days.setEnabled(bool(dated))
        self.created.setEnabled(bool(dated))
        if mapping.cycle_days:
            self.cycle_days.setValue(mapping.cycle_days)
        self.cohort.setChecked(bool(mapping.created and mapping.cycle_days))
        self._describe_cohort()

    def set_cycle_days(self, days: int) -> None:
        """The sales cycle to offer (the funnel's), unless the user has turned fair cohorts on."""
        if not self.cohort.isChecked() and days > 0:
            self._filling, was = True, self._filling
            try:
                self.cycle_days.setValue(days)
            finally:
                self._filling = was

    def _describe_cohort(self) -> None:
        column = str(self.created.currentData() or "")
        if self.table is None or not column:
            self.cohort_note.setText("")
            return
        readings = self.table.date_readings(str(self.dates.currentData() or ""))
        reading = readings.get(column)
        if not readings:
            self.cohort_note.setText("No column of this file holds dates.")
            set_tone(self.cohort_note, "placeholder")
            return
        if reading is None:
            self.cohort_note.setText(f"“{column}” does not hold dates.")
            set_tone(self.cohort_note, "warning" if self.cohort.isChecked() else None)
            return
        self.cohort_note.setText(f"“{column}”: {reading.describe()}")
        set_tone(self.cohort_note, "warning" if reading.ambiguous else "placeholder")

    def _cohort_picked(self) -> None:
        self._describe_cohort()
        if self.cohort.isChecked() or self.sender() is self.cohort:
            self._picked()

    def _dates_picked(self) -> None:
        self._describe_cohort()
        if self.cohort.isChecked():
            self._picked()

    def _describe(self, name: str) -> None:
        """The picked column's first values and missing count, and for a number how it is read."""
        detail, column = self.details[name], str(self.combos[name].currentData() or "")
        if self.table is None or not column:
            detail.setText("Not in the file: the figures stay incomplete until a column is chosen.")
            set_tone(detail, "warning")
            return
        text = self.table.profile(column).describe()
        warn = False
        if name in self.number_fields:
            reading = self.readings[column]
            if not reading.numeric:
                text += " · not numbers: each row with text here is a bad row"
                warn = True
            else:
                text += f" · read as {reading.describe()}"
                warn = reading.ambiguous or bool(reading.conflicting)
        detail.setText(text)
        set_tone(detail, "warning" if warn else "placeholder")

    def _fill_outcomes(self, mapping: ColumnMapping) -> None:
        self.outcomes.setRowCount(0)
        self.outcome_combos = {}
        column = str(self.converted.currentData() or "")
        if self.table is None or not column:
            self.outcome_note.setText("Choose the column that says whether each lead converted.")
            self.outcomes.setVisible(False)
            return
        counts = self.table.values(column)
        meaning = (
            mapping.outcomes(counts) if column == mapping.converted else ColumnMapping().outcomes(counts)
        )
        values = [v for v, _n in counts.most_common()]
        shown = values[:MAX_OUTCOME_VALUES]
        note = "Mark what each value means; rows left out (open deals) are counted, not scored."
        if len(values) > len(shown):
            note = (
                f"“{column}” has {len(values):,} different values; is it the outcome? "
                f"The {len(shown)} most frequent are listed; the others are left out."
            )
        self.outcome_note.setText(note)
        self.outcomes.setVisible(True)
        self.outcomes.setRowCount(len(shown))
        for row, value in enumerate(shown):
            item = QTableWidgetItem(value or "(blank)")
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.outcomes.setItem(row, 0, item)
            count = QTableWidgetItem(f"{counts[value]:,}")
            count.setFlags(Qt.ItemFlag.ItemIsEnabled)
            count.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.outcomes.setItem(row, 1, count)
            combo = QComboBox(self.outcomes)
            combo.setAccessibleName(f"Meaning of {value or 'blank'}")
            for key in (WON, LOST, LEFT_OUT):
                combo.addItem(OUTCOME_TITLES[key], key)
            combo.setCurrentIndex(combo.findData(meaning.get(value, LEFT_OUT)))
            combo.currentIndexChanged.connect(lambda _i: self._picked())
            self.outcomes.setCellWidget(row, 2, combo)
            self.outcome_combos[value] = combo
        self.outcomes.resizeRowsToContents()
        height = self.outcomes.horizontalHeader().height() + 4
        height += sum(self.outcomes.rowHeight(r) for r in range(min(len(shown), 6)))
        self.outcomes.setFixedHeight(max(60, height))

    # -- reading -------------------------------------------------------------------------------

    def mapping(self) -> ColumnMapping:
        fields = {name: str(c.currentData()) for name, c in self.combos.items() if c.currentData()}
        won = tuple(v for v, c in self.outcome_combos.items() if c.currentData() == WON)
        lost = tuple(v for v, c in self.outcome_combos.items() if c.currentData() == LOST)
        cohort = self.cohort.isChecked() and bool(self.created.currentData())
        return ColumnMapping(
            fields,
            str(self.converted.currentData() or ""),
            won,
            lost,
            str(self.decimal.currentData() or ""),
            str(self.dates.currentData() or ""),
            str(self.created.currentData() or "") if cohort else "",
            self.cycle_days.value() if cohort else 0,
        )

    def choose(self, field: str, column: str) -> None:
        """Pick ``column`` for ``field`` ("converted" for the outcome), as a user would."""
        combo = self.converted if field == "converted" else self.combos[field]
        combo.setCurrentIndex(combo.findData(column))

    def choose_outcome(self, value: str, meaning: str) -> None:
        """Mark what an outcome value means (won, lost, left out), as a user would."""
        combo = self.outcome_combos[value]
        combo.setCurrentIndex(combo.findData(meaning))

    def choose_decimal(self, decimal: str) -> None:
        self.decimal.setCurrentIndex(self.decimal.findData(decimal))

    def _outcome_column_picked(self) -> None:
        if self._filling:
            return
        self._filling = True
        try:
            self._fill_outcomes(ColumnMapping())
        finally:
            self._filling = False
        self._picked()

    def _decimal_picked(self) -> None:
        if self._filling or self.table is None:
            return
        self.readings = self.table.number_readings(str(self.decimal.currentData() or ""))
        for name in self.combos:
            self._describe(name)
        self._picked()

    def _field_picked(self, name: str) -> None:
        if not self._filling:
            self._describe(name)
            self._picked()

    def _picked(self) -> None:
        if not self._filling:
            self.mappingChanged.emit(self.mapping())
