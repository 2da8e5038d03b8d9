"""Builds the application once: settings, folders, dialogs, the main window, the first workshop."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from ui.common import icons
from ui.common.dialogs import Dialogs
from ui.fonts import register_bundled_fonts
from ui.main_window import MainWindow
from ui.settings import AppPaths, AppSettings
from workshop import APP_NAME, __version__


def create_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName(APP_NAME)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("smarketing-workshop")
    app.setWindowIcon(icons.icon("app"))
    return app


def first_workshop(file: str | None, settings: AppSettings, paths: AppPaths) -> tuple[Path, bool]:
    """Which workshop to open at start: the one asked for, else the last one, else the demo.

    Returns the path and whether it is the demo (which is created when missing).
    """
    if file:
        return Path(file), False
    last = settings.last_file
    if last is not None and last.exists():
        return last, False
    return paths.demo_file, True


def start(
    file: str | None,
    settings: AppSettings,
    paths: AppPaths,
    dialogs: Dialogs,
) -> MainWindow:
    """Show the main window with the first workshop open (or the welcome page if it fails)."""
    window = MainWindow(settings, paths, dialogs)
    path, is_demo = first_workshop(file, settings, paths)
    window.show()
    window.fill_first_page_later = True
    if is_demo and not path.exists():
        window.open_demo()
    else:
        window.open_path(path)
    window.fill_first_page_later = False
    if window.document is None:
        window.show_current()
    # Fonts for scripts the system may lack (CJK) load once the window is up, then repaint.
    QTimer.singleShot(0, lambda: register_bundled_fonts() and window.update())
    return window


STARTUP_PROBE_VARIABLE = "SMARKETING_WORKSHOP_STARTUP_PROBE"
"""When set to a file name, the app writes the time it was ready there and quits (benchmarks)."""


def report_ready_and_quit(app: QApplication, window: MainWindow, probe: Path) -> None:
    """Once the window is on screen with its first page painted, write ``time.monotonic()`` and quit.

    ``benchmarks/startup.py`` times the installed command this way, to the same point as a
    bare PySide6 window (exposed, then its pending paints done).
    """
    handle = window.windowHandle()
    if handle is None or not handle.isExposed() or window.pending_first_page():
        QTimer.singleShot(1, lambda: report_ready_and_quit(app, window, probe))
        return
    app.processEvents()
    probe.write_text(f"{time.monotonic()}\n", encoding="utf-8")
    app.quit()


def run(file: str | None = None) -> int:
    """Run the app until the user quits; the exit status of the event loop."""
    app = create_application()
    window = start(file, AppSettings(QSettings()), AppPaths.for_user(), Dialogs())
    window.raise_()
    probe = os.environ.get(STARTUP_PROBE_VARIABLE)
    if probe:
        QTimer.singleShot(0, lambda: report_ready_and_quit(app, window, Path(probe)))
    return app.exec()
