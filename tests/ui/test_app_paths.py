"""The app's folders: the documents folder is looked up when a dialog needs it, not at start."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

SCRIPT = """
import sys
from ui.settings import AppPaths
paths = AppPaths.for_user()
print(paths.data_dir)
print("platformdirs" in sys.modules)
print(paths.workshops_dir)
"""


def test_the_documents_folder_is_looked_up_only_when_asked(tmp_path: Path) -> None:
    documents = tmp_path / "My Documents"
    env = {
        **os.environ,
        "SMARKETING_WORKSHOP_DATA": str(tmp_path / "data"),
        "XDG_DOCUMENTS_DIR": str(documents),
        "HOME": str(tmp_path),
    }
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=env, check=True
    )
    data, looked_up_at_start, workshops = result.stdout.strip().splitlines()
    assert data == str(tmp_path / "data")
    assert looked_up_at_start == "False"
    assert workshops == str(documents / "Smarketing Workshop")


def test_the_window_starts_without_looking_up_the_users_folders(tmp_path: Path) -> None:
    """No folder override: the data folder too is found (platformdirs) only once needed."""
    code = (
        "import sys\n"
        "from PySide6.QtCore import QSettings\n"
        "from ui.app import create_application\n"
        "from ui.common.dialogs import Dialogs\n"
        "from ui.main_window import MainWindow\n"
        "from ui.settings import AppPaths, AppSettings\n"
        "app = create_application()\n"
        "paths = AppPaths.for_user()\n"
        "window = MainWindow(AppSettings(QSettings()), paths, Dialogs())\n"
        "window.show()\n"
        "print('platformdirs' in sys.modules)\n"
        "print(window.backups.root)\n"
        "print(window.chime.path)\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "SMARKETING_WORKSHOP_DATA"}
    env.update(
        HOME=str(tmp_path), XDG_DATA_HOME=str(tmp_path / "share"), XDG_CONFIG_HOME=str(tmp_path / "cfg")
    )
    env["QT_QPA_PLATFORM"] = "offscreen"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    looked_up, backups, chime = result.stdout.strip().splitlines()
    assert looked_up == "False"
    # Then, asked for, each is in the user's data folder.
    assert backups == str(tmp_path / "share" / "Smarketing Workshop" / "backups")
    assert chime == str(tmp_path / "share" / "Smarketing Workshop" / "chime.wav")
