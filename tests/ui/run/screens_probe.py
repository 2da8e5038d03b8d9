"""Run in a process of its own (Qt's offscreen platform configured with one or two screens):
place the projector, press F11, and print what happened as JSON lines."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tests.fakes import FakeClock
from ui.run.projector import ProjectorWindow
from ui.run.session import RunSession
from ui.settings import AppSettings
from workshop.document import WorkshopDocument


def report(projector: ProjectorWindow) -> None:
    QApplication.processEvents()
    geometry = projector.geometry()
    print(
        json.dumps(
            {
                "screen": projector.screen().name(),
                "geometry": [geometry.x(), geometry.y(), geometry.width(), geometry.height()],
                "full_screen": projector.isFullScreen(),
                "visible": projector.isVisible(),
                "console_hint": projector.console_hint.isVisible(),
                "hint_text": projector.console_hint.text(),
            }
        ),
        flush=True,
    )


def main(workshop: str, settings_file: str, *steps: str) -> None:
    app = QApplication([])
    settings = AppSettings(QSettings(settings_file, QSettings.Format.IniFormat))
    document = WorkshopDocument.open(Path(workshop))
    session = RunSession(document, FakeClock())
    projector = ProjectorWindow(
        session, remember=settings.projector_full_screen, keep=settings.set_projector_full_screen
    )
    for step in steps:
        if step == "place":
            projector.place()
        elif step == "F11":
            QTest.keySequence(projector, "F11")
        elif step == "F5":
            QTest.keySequence(projector, "F5")
        report(projector)
    settings.sync()
    session.stop()
    document.close()
    app.quit()


if __name__ == "__main__":
    main(*sys.argv[1:])
