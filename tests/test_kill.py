"""A killed app loses nothing it showed: kill -9 right after an edit, then reopen."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from workshop.document import WorkshopDocument
from workshop.model import Participant

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="kill -9 is a POSIX signal")

EDIT_THEN_WAIT = """
import sys, time
from workshop.document import WorkshopDocument
from workshop.edits import Update, Insert
from workshop.model import Participant
doc = WorkshopDocument.open(sys.argv[1])
doc.apply("Rename", [Update.of(doc.info, title="Typed just before the crash")])
doc.apply("Add", [Insert(Participant(name="Added just before the crash"))])
print("edited", flush=True)
time.sleep(60)
"""

TYPE_IN_THE_APP_THEN_WAIT = """
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from pathlib import Path
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtTest import QTest
from ui.app import create_application, start
from ui.common.dialogs import Dialogs
from ui.settings import AppPaths, AppSettings
app = create_application()
folder = Path(sys.argv[2])
settings = AppSettings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
window = start(sys.argv[1], settings, AppPaths(folder / "data", folder / "docs"), Dialogs())
field = window.view.setup_page.fields["workshop.venue"]
field.selectAll()
QTest.keyClicks(field, "Room 42")
print("typed", flush=True)
QTimer.singleShot(60_000, app.quit)
app.exec()
"""


RUN_THEN_WAIT = """
import os, sys, time
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from pathlib import Path
from PySide6.QtCore import QSettings, QTimer
from ui.app import create_application, start
from ui.common.dialogs import Dialogs
from ui.run.keys import RunAction
from ui.settings import AppPaths, AppSettings
app = create_application()
folder = Path(sys.argv[2])
settings = AppSettings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
window = start(sys.argv[1], settings, AppPaths(folder / "data", folder / "docs"), Dialogs())
window.show_stage("run")
page = window.view.page("run")
page.act(RunAction.TOGGLE)
page.act(RunAction.SPEAKER, "marketing")
started = time.monotonic()
def report():
    print(f"speaking {time.monotonic() - started:.3f}", flush=True)
QTimer.singleShot(3000, report)  # the event loop ticks as in real use meanwhile
QTimer.singleShot(60_000, app.quit)
app.exec()
"""


def kill_after(script: str, marker: str, *args: str) -> str:
    """Run ``script``, wait until it prints a line starting with ``marker``, then kill -9 it.

    Returns that line (it may carry what the child had on screen when it was killed).
    """
    with subprocess.Popen(
        [sys.executable, "-c", script, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    ) as proc:
        assert proc.stdout is not None and proc.stderr is not None
        line = proc.stdout.readline()
        if not line.startswith(marker):
            proc.kill()
            pytest.fail(f"the child did not get to {marker!r}: {proc.stderr.read()}")
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    return line


def test_edits_survive_kill_9(demo_file: Path) -> None:
    kill_after(EDIT_THEN_WAIT, "edited", str(demo_file))
    doc = WorkshopDocument.open(demo_file)  # opens for writing: the killed holder's lock is gone
    try:
        assert not doc.read_only
        assert doc.info.title == "Typed just before the crash"
        assert doc.typed(Participant)[-1].name == "Added just before the crash"
    finally:
        doc.close()


def test_a_kill_while_someone_speaks_loses_at_most_a_second(demo_file: Path, tmp_path: Path) -> None:
    line = kill_after(RUN_THEN_WAIT, "speaking", str(demo_file), str(tmp_path))
    spoken = float(line.split()[1])  # seconds Marketing had been speaking when killed (at least)
    from workshop.run.report import run_summary

    doc = WorkshopDocument.open(demo_file)
    try:
        airtime = run_summary(doc.content(), doc.run_log)["airtime"]
        marketing = airtime["teams_seconds"]["marketing"]
        assert airtime["interrupted"]  # the app died with the timer running
    finally:
        doc.close()
    assert spoken - 1.0 <= marketing <= spoken + 3.0  # more may be spoken before the kill lands


def test_text_typed_in_the_window_survives_kill_9(demo_file: Path, tmp_path: Path) -> None:
    kill_after(TYPE_IN_THE_APP_THEN_WAIT, "typed", str(demo_file), str(tmp_path))
    doc = WorkshopDocument.open(demo_file)
    try:
        assert doc.info.venue == "Room 42"
    finally:
        doc.close()
