"""Builds the application once: settings, folders, dialogs, the main window, the first workshop."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from ui.common import icons
from ui.common.dialogs import Dialogs
from ui.file_open import FileOpenHandler
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
    if is_demo and not path.exists():
        window.open_demo()
    else:
        window.open_path(path)
    if window.document is None:
        window.show_current()
    # Fonts for scripts the system may lack (CJK) load once the window is up, then repaint.
    QTimer.singleShot(0, lambda: register_bundled_fonts() and window.update())
    return window


def open_in_front(window: MainWindow, path: Path) -> None:
    """Open ``path`` (sent by the system: a Finder double-click) and bring the window forward."""
    if window.open_path(path):
        window.raise_()
        window.activateWindow()


def run(file: str | None = None) -> int:
    """Run the app until the user quits; the exit status of the event loop."""
    app = create_application()
    window = start(file, AppSettings(QSettings()), AppPaths.for_user(), Dialogs())
    FileOpenHandler(app, lambda path: open_in_front(window, path))
    window.raise_()
    return app.exec()
