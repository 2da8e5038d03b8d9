"""Builds the application once: settings, folders, dialogs, the main window, the first workshop."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from ui.common import icons
from ui.common.dialogs import Dialogs
from ui.main_window import MainWindow
from ui.settings import AppPaths, AppSettings
from workshop import APP_NAME, __version__

if TYPE_CHECKING:
    import threading


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


OPEN_AT_THE_LATEST_MS = 300
"""Should the window's first expose not come (a display that sends none), open after this long."""


class _WhenExposed(QObject):
    """Calls ``then`` once, straight after the window's first expose has been painted."""

    def __init__(self, window: QWidget, then: Callable[[], None]) -> None:
        super().__init__(window)
        self.then: Callable[[], None] | None = then
        handle = window.windowHandle()
        if handle is None or handle.isExposed():
            QTimer.singleShot(0, self._call)
            return
        handle.installEventFilter(self)
        QTimer.singleShot(OPEN_AT_THE_LATEST_MS, self._call)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Expose:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._call)  # after Qt has painted what the expose asked for
        return False

    def _call(self) -> None:
        then, self.then = self.then, None
        if then is not None:
            then()


def start(
    file: str | None,
    settings: AppSettings,
    paths: AppPaths,
    dialogs: Dialogs,
    *,
    open_when_shown: bool = False,
    room: tuple[str, int] | None = None,
) -> MainWindow:
    """Show the main window with the first workshop open (or the welcome page if it fails).

    With ``open_when_shown`` (the app's own start) the window goes on screen first, menus and
    all, and the workshop opens straight after its first paint: the window appears as fast
    as a bare one, and the workshop's modules are imported only then.
    """
    window = MainWindow(settings, paths, dialogs)
    path, is_demo = first_workshop(file, settings, paths)
    window.show()

    def open_first() -> None:
        if is_demo and not path.exists():
            window.open_demo()
        else:
            window.open_path(path)
        if window.document is None:
            window.show_current()
        window.opening = False
        if room is not None:
            start_room(window, room)
        # Fonts for scripts the system may lack (CJK) load once the window is up, then repaint.
        QTimer.singleShot(0, lambda: _register_fonts(window))
        QTimer.singleShot(WARM_UP_AFTER_MS, warm_up)

    if open_when_shown:
        window.opening = True
        _WhenExposed(window, open_first)
    else:
        open_first()
    return window


WARM_UP_AFTER_MS = 200
"""After the first workshop opened: time for its first page to be painted before the warm-up."""


def warm_up() -> threading.Thread:
    """Import and run the goal checker once in the background, while the facilitator looks around.

    Its patterns take about 35 ms to compile; done here, a first visit to Goals shows its cards
    without waiting for them. Pure Python with no Qt object: safe off the window's thread. A
    failure here is only a missed head start: the visit imports the checker itself and reports.
    """
    import threading  # noqa: PLC0415 - not on the start-up path

    def run() -> None:
        try:
            from workshop.goals.checker import warm_up as check_a_few  # noqa: PLC0415

            check_a_few()
        except Exception:  # noqa: BLE001 - a head start only: the visit does it again and says why
            pass

    thread = threading.Thread(target=run, name="warm-up", daemon=True)
    thread.start()
    return thread


def _register_fonts(window: MainWindow) -> None:
    from ui.fonts import register_bundled_fonts  # noqa: PLC0415 - once the window is up

    if register_bundled_fonts():
        window.update()


def start_room(window: MainWindow, room: tuple[str, int]) -> None:
    """``--room``: turn the room page on and print its address (with the join code) on stdout."""
    host, port = room
    if not host:
        from workshop.room.access import choose_interface, list_interfaces  # noqa: PLC0415

        host = choose_interface(list_interfaces()).address
    window.room_bind = (host, port)
    address = window.start_room()
    if address is None:
        print(f"smarketing-workshop: error: the room page could not start on {host}:{port}", file=sys.stderr)
    else:
        print(address, flush=True)


def install_crash_handler(window: MainWindow) -> None:
    """An unexpected error shows a short message naming its crash report, never a traceback."""

    def hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, trace)
            return
        from workshop.crash import report_crash  # noqa: PLC0415 - only when something went wrong

        message = report_crash(error.with_traceback(trace), "working in the window")
        window.dialogs.error(window, "Something went wrong", message)

    sys.excepthook = hook


def open_in_front(window: MainWindow, path: Path) -> None:
    """Open ``path`` (sent by the system: a Finder double-click) and bring the window forward."""
    if window.open_path(path):
        window.raise_()
        window.activateWindow()


def watch_file_open(app: QApplication, window: MainWindow, platform: str = sys.platform) -> QObject | None:
    """On macOS, catch the files the Finder sends the running app (QFileOpenEvent); None elsewhere.

    Only macOS sends them: Linux and Windows start the app with the file on its command line.
    The catcher is an event filter on the application, a Python call for every event of every
    object; before the first paint those calls make PySide6 build some 150 enum classes (about
    a third of a bare window's start-up), so it is installed only where it has work to do.
    """
    if platform != "darwin":
        return None
    from ui.file_open import FileOpenHandler  # noqa: PLC0415 - macOS only

    return FileOpenHandler(app, lambda path: open_in_front(window, path))


def run(file: str | None = None, room: tuple[str, int] | None = None) -> int:
    """Run the app until the user quits; the exit status of the event loop."""
    app = create_application()
    window = start(
        file, AppSettings(QSettings()), AppPaths.for_user(), Dialogs(), open_when_shown=True, room=room
    )
    install_crash_handler(window)
    watch_file_open(app, window)
    window.raise_()
    probe = os.environ.get("SMARKETING_WORKSHOP_STARTUP_PROBE")
    if probe:  # benchmarks/startup.py: report when the window is on screen, then quit
        from ui.startup_probe import StartupProbe  # noqa: PLC0415 - only for the benchmark

        StartupProbe(window, Path(probe), lambda: window.opening)
    return app.exec()
