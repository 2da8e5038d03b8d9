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
