"""Help ▸ About: the version, build date and commit, the licence, and the third-party notices."""

from __future__ import annotations

import html
import platform

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui.common import icons
from workshop import APP_NAME
from workshop.build import build_info
from workshop.licences import NOTICES_FILE, QT_SOURCE_OFFER, SBOM_FILE, shipped_notices
from workshop.resources import resource_path


def _about_text() -> str:
    info = build_info()
    built = "Run from a source checkout" if info.checkout else f"Built {info.date}"
    shipped = resource_path("licences", SBOM_FILE)
    sbom = (
        f"The software bill of materials (CycloneDX) is in <tt>{html.escape(str(shipped))}</tt>."
        if shipped.exists()
        else "The packaged app carries a software bill of materials (CycloneDX), made at build time."
    )
    return (
        f"<h2>{html.escape(APP_NAME)} {html.escape(info.version)}</h2>"
        f"<p>{built}, commit <tt>{html.escape(info.commit)}</tt>.<br>"
        f"Python {platform.python_version()}, Qt {qVersion()}, PySide6 {pyside_version}.</p>"
        "<p>Free software under the MIT licence. It ships other people's work under their "
        "own licences: see <i>Third-party licences</i>.</p>"
        f"<p>{html.escape(QT_SOURCE_OFFER)}</p>"
        f"<p>{sbom}</p>"
    )


class AboutDialog(QDialog):
    """Version and licences; the notices load when their tab is first shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"About {APP_NAME}")
        self.setWindowIcon(icons.icon("app"))
        self.resize(720, 560)
        self.tabs = QTabWidget(self)
        self.summary = QLabel(_about_text())
        self.summary.setObjectName("aboutSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(self.summary)
        self.tabs.addTab(page, "About")
        self.notices = QPlainTextEdit()
        self.notices.setObjectName("thirdPartyNotices")
        self.notices.setReadOnly(True)
        self.notices.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.notices.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.notices.setPlaceholderText(f"Reading {NOTICES_FILE}…")
        self.tabs.addTab(self.notices, "Third-party licences")
        self.tabs.currentChanged.connect(self._tab_shown)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        outer = QVBoxLayout(self)
        outer.addWidget(self.tabs)
        outer.addWidget(buttons)

    def _tab_shown(self, index: int) -> None:
        if self.tabs.widget(index) is self.notices and not self.notices.toPlainText():
            self.notices.setPlainText(shipped_notices())
