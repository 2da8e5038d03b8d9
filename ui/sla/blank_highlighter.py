"""Blanks in a clause's wording stand out as blanks: ``{mqls_per_month}`` in the accent colour."""

from __future__ import annotations

import re

from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from ui.common.palette import roles

BLANK = re.compile(r"\{\w+\}")  # as workshop.sla.agreement reads them


class BlankHighlighter(QSyntaxHighlighter):
    """Marks every ``{name}`` of the wording: bold, in the accent colour, on the info tint."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        theme = roles()
        self.blank = QTextCharFormat()
        self.blank.setFontWeight(QFont.Weight.Bold)
        self.blank.setForeground(QColor(theme.accent))
        self.blank.setBackground(QColor(theme.info_tint))

    def highlightBlock(self, text: str) -> None:
        for match in BLANK.finditer(text):
            self.setFormat(match.start(), match.end() - match.start(), self.blank)
