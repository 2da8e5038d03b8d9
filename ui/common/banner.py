"""A strip across the top of the workshop that says something important and offers a way out."""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from PySide6 import QtCore
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

from ui.common import icons
from ui.common.palette import roles


def _tint(kind: str) -> str:
    theme = roles()
    return {"warning": theme.warning_tint, "error": theme.error_tint}.get(kind, theme.info_tint)


class Banner(QFrame):
    """One message with an icon, optional action buttons, and a close button."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.icon = QLabel(self)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setAccessibleName("Message")
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(10, 6, 6, 6)
        self._layout.addWidget(self.icon)
        self._layout.addWidget(self.text, 1)
        self._buttons: list[QPushButton] = []
        close = QToolButton(self)
        close.setText("✕")
        close.setAutoRaise(True)
        close.setToolTip("Hide this message")
        close.clicked.connect(self.hide)
        self.close_button = close
        self._layout.addWidget(close)
        self.hide()

    def show_message(
        self,
        kind: Literal["info", "warning", "error"],
        text: str,
        actions: list[tuple[str, Callable[[], None]]] | None = None,
        closable: bool = True,
    ) -> None:
        shown = (kind, text, [label for label, _ in actions or []], closable)
        if self.isVisible() and shown == getattr(self, "_shown", None):
            return
        self._shown = shown
        for button in self._buttons:
            button.hide()
            button.deleteLater()
        self._buttons = []
        for label, slot in actions or []:
            button = QPushButton(label, self)
            button.clicked.connect(slot)
            self._layout.insertWidget(self._layout.count() - 1, button)
            self._buttons.append(button)
        name = "warning" if kind == "warning" else "error" if kind == "error" else "ok"
        self.icon.setPixmap(icons.icon(name).pixmap(20, 20))
        self.text.setText(text)
        self.kind = kind
        self.close_button.setVisible(closable)
        self.setStyleSheet(
            f"QFrame#banner {{ background: {_tint(kind)}; color: {roles().text}; border-radius: 6px; }}"
        )
        self.show()
