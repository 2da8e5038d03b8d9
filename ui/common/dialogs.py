"""File choosers and message boxes, behind one object that tests replace."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from PySide6 import QtCore
from PySide6.QtWidgets import QWidget

from workshop import APP_NAME, FILE_SUFFIX

WORKSHOP_FILTER = f"Workshops (*{FILE_SUFFIX});;All files (*)"
UnsavedChoice = Literal["save_as", "discard", "cancel"]


class Dialogs:
    """The real, modal dialogs."""

    def open_path(self, parent: QWidget, title: str, directory: str, filter_: str) -> Path | None:
        from PySide6.QtWidgets import QFileDialog  # noqa: PLC0415 - not needed to start

        name, _ = QFileDialog.getOpenFileName(parent, title, directory, filter_)
        return Path(name) if name else None

    def save_path(self, parent: QWidget, title: str, suggested: str, filter_: str) -> Path | None:
        from PySide6.QtWidgets import QFileDialog  # noqa: PLC0415 - not needed to start

        name, chosen = QFileDialog.getSaveFileName(parent, title, suggested, filter_)
        if not name:
            return None
        path = Path(name)
        suffix = (
            FILE_SUFFIX
            if FILE_SUFFIX in chosen
            else ".csv"
            if ".csv" in chosen
            else ".json"
            if ".json" in chosen
            else ""
        )
        if suffix and path.suffix.lower() != suffix:
            path = path.with_name(path.name + suffix)
        return path

    def error(self, parent: QWidget, title: str, text: str) -> None:
        from PySide6.QtWidgets import QMessageBox  # noqa: PLC0415 - not needed to start

        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
        box.setWindowTitle(APP_NAME)
        box.exec()

    def ask_minutes(self, parent: QWidget, title: str, label: str, value: float) -> float | None:
        """A number of minutes (decimals allowed), or None when cancelled."""
        from PySide6.QtWidgets import QInputDialog  # noqa: PLC0415 - not needed to start

        number, ok = QInputDialog.getDouble(parent, title, label, value, 0, 24 * 60, 1)
        return number if ok else None

    def ask_choice(
        self, parent: QWidget, title: str, text: str, choices: list[tuple[str, str]]
    ) -> str | None:
        """One of ``choices`` (key, button label), or None when cancelled."""
        from PySide6.QtWidgets import QMessageBox  # noqa: PLC0415 - not needed to start

        box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
        buttons = [(box.addButton(label, QMessageBox.ButtonRole.AcceptRole), key) for key, label in choices]
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        clicked = box.clickedButton()
        return next((key for button, key in buttons if button is clicked), None)

    def pick(self, parent: QWidget, title: str, text: str, items: list[tuple[str, str]]) -> str | None:
        """The key of one of ``items`` (key, label) picked from a list, or None when cancelled."""
        from PySide6.QtWidgets import QInputDialog  # noqa: PLC0415 - not needed to start

        labels = [label for _key, label in items]
        label, ok = QInputDialog.getItem(parent, title, text, labels, 0, False)
        return next((key for key, each in items if each == label), None) if ok else None

    def inform(self, parent: QWidget, title: str, text: str) -> None:
        from PySide6.QtWidgets import QMessageBox  # noqa: PLC0415 - not needed to start

        box = QMessageBox(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok, parent)
        box.setTextFormat(QtCore.Qt.TextFormat.RichText)
        box.exec()

    def ask_unsaved(self, parent: QWidget, text: str) -> UnsavedChoice:
        from PySide6.QtWidgets import QMessageBox  # noqa: PLC0415 - not needed to start

        box = QMessageBox(
            QMessageBox.Icon.Warning, APP_NAME, text, QMessageBox.StandardButton.NoButton, parent
        )
        save = box.addButton("Save As…", QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton("Discard Changes", QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(save)
        box.exec()
        clicked = box.clickedButton()
        return "save_as" if clicked is save else "discard" if clicked is discard else "cancel"
