"""Text in a tone (a hint, a warning, an error) set by the widget's palette, not a style sheet.

A style sheet on a widget gives it a style of its own to resolve and polish (slower to show and
to change, and its rules are parsed again at every change); a palette role is one colour. The
colours are the theme's (``ui.common.palette.roles``), read when the tone is set.
"""

from __future__ import annotations

from typing import Literal

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from ui.common.palette import roles

Tone = Literal["hint", "warning", "error", "placeholder"]

_PROPERTY = "smwTone"


def set_tone(widget: QWidget, tone: Tone | None, bold: bool | None = None) -> None:
    """Show ``widget``'s text in ``tone`` (None: as its parent does), bold or not (None: its font
    as it is); nothing happens when it already shows so."""
    shown = f"{tone or ''}:{bold}"
    if widget.property(_PROPERTY) == shown:
        return
    widget.setProperty(_PROPERTY, shown)
    palette = QPalette()  # nothing set: every role follows the parent's, but the ones set below
    if tone is not None:
        if tone == "placeholder":
            colour = QApplication.palette().color(QPalette.ColorRole.PlaceholderText)
        else:
            colour = QColor(getattr(roles(), tone))
        for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text):
            palette.setColor(role, colour)
    widget.setPalette(palette)
    font = widget.font()
    if bold is not None and font.bold() != bold:
        font.setBold(bold)
        widget.setFont(font)


def tone_of(widget: QWidget) -> str:
    """The tone last set on ``widget`` ("" for none), e.g. for a test to read."""
    value = widget.property(_PROPERTY)
    return str(value).split(":", 1)[0] if value else ""
