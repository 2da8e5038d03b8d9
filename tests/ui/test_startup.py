"""Start-up: the window goes on screen first, with nothing slow done before; the workshop follows."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

SCRIPT = """
import json, sys, time
from pathlib import Path
from PySide6 import QtCore
from PySide6.QtWidgets import QApplication
from ui.app import create_application, start
from ui.common.dialogs import Dialogs
from ui.settings import AppPaths, AppSettings
folder = Path(sys.argv[1])
app = create_application()
settings = AppSettings(QtCore.QSettings(str(folder / "s.ini"), QtCore.QSettings.Format.IniFormat))
window = start(None, settings, AppPaths(folder / "data", folder / "docs"), Dialogs(), open_when_shown=True)
before = {
    "visible": window.isVisible(),
    "open": window.document is not None,
    "qt_enums_built": "Qt" in vars(QtCore),
    "domain": sorted(m for m in ("workshop.document", "workshop.model", "workshop.demo") if m in sys.modules),
    # nothing slow for later: no server (the room page's), no PDF, chart or signing library
    "heavy": sorted(
        m
        for m in ("http.server", "socketserver", "asyncio", "matplotlib", "reportlab", "pyhanko")
        if m in sys.modules
    ),
    # nor what only later work needs: the command line, SQLite, time zones, hashes, crash reports
    "later": sorted(
        m
        for m in (
            "workshop.cli", "workshop.build", "workshop.crash", "sqlite3", "zoneinfo", "hashlib",
            "ui.file_open", "ui.fonts", "html", "ui.workshop_view", "ui.common.banner",
            "ui.common.palette", "workshop.report.paper", "locale", "dataclasses", "datetime",
        )
        if m in sys.modules
    ),
}
deadline = time.monotonic() + 20
while window.opening and time.monotonic() < deadline:
    app.processEvents()
    time.sleep(0.002)
title = window.document.info.title if window.document else None
page = window.view.current_stage() if window.view else None
print(json.dumps({"before": before, "title": title, "page": page}))
window.close()
"""


def test_the_window_shows_before_the_workshop_opens_then_opens_it(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path)],
        check=False,
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    # On screen before anything slow: no workshop read, no domain model imported, no Qt enums built.
    assert seen["before"] == {
        "visible": True,
        "open": False,
        "qt_enums_built": False,
        "domain": [],
        "heavy": [],
        "later": [],
    }
    # Then, without the user doing anything, the demo workshop opens on its first page.
    assert seen["title"] == "Q3 alignment offsite"
    assert seen["page"] == "setup"


WARM = """
import json, sys, threading, time
from pathlib import Path
from PySide6 import QtCore
from ui.app import create_application, start
from ui.common.dialogs import Dialogs
from ui.settings import AppPaths, AppSettings
folder = Path(sys.argv[1])
app = create_application()
settings = AppSettings(QtCore.QSettings(str(folder / "s.ini"), QtCore.QSettings.Format.IniFormat))
window = start(None, settings, AppPaths(folder / "data", folder / "docs"), Dialogs(), open_when_shown=True)
deadline = time.monotonic() + 20
while window.opening and time.monotonic() < deadline:
    app.processEvents()
    time.sleep(0.002)
opened = {"checker": "workshop.goals.checker" in sys.modules}
deadline = time.monotonic() + 5
while time.monotonic() < deadline and not any(t.name == "warm-up" for t in threading.enumerate()):
    app.processEvents()
    time.sleep(0.002)
for thread in threading.enumerate():
    if thread.name == "warm-up":
        thread.join(20)
import re
later = {
    "checker": "workshop.goals.checker" in sys.modules,
    "goals_page": "ui.goals.page" in sys.modules,
    "patterns": len(re._cache),
    "page": window.view.current_stage() if window.view else None,
}
print(json.dumps({"opened": opened, "later": later}))
window.close()
"""


def test_the_goal_checker_is_made_ready_in_the_background_once_the_first_page_is_up(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", WARM, str(tmp_path)],
        check=False,
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["opened"] == {"checker": False}  # not before the first page: that comes first
    # then, with nobody touching anything, the checker is imported and its patterns compiled,
    # so that a first visit to Goals does not wait for them; the page itself is not built
    assert seen["later"]["checker"] is True
    assert seen["later"]["patterns"] >= 10
    assert seen["later"]["goals_page"] is False
    assert seen["later"]["page"] == "setup"
