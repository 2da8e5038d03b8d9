"""Which column of the CRM export holds each field the review's clauses read."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

NOT_IN_EXPORT = "(not in the export)"


class ColumnsDialog(QDialog):
    """A column (or none) per field, starting from the columns the scorecard used."""

    def __init__(
        self,
        columns: Sequence[str],
        fields: Sequence[tuple[str, str]],
        mapping: Mapping[str, str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Columns of the CRM Export")
        layout = QVBoxLayout(self)
        note = QLabel(
            "Pick the column that holds each field. A clause whose columns are not in the export"
            " says so in the scorecard instead of a verdict.",
            self,
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        form = QFormLayout()
        self.combos: dict[str, QComboBox] = {}
        for name, label in fields:
            combo = QComboBox(self)
            combo.addItems([NOT_IN_EXPORT, *columns])
            combo.setAccessibleName(label)
            current = mapping.get(name, "")
            combo.setCurrentIndex(combo.findText(current) if current in columns else 0)
            form.addRow(f"{label[:1].upper()}{label[1:]}:", combo)
            self.combos[name] = combo
        layout.addLayout(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def chosen(self) -> dict[str, str]:
        """Field -> column; "" for a field the export does not have."""
        return {
            name: "" if combo.currentIndex() == 0 else combo.currentText()
            for name, combo in self.combos.items()
        }
