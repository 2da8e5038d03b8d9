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
