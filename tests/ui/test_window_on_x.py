"""The real window on a real X server (Xvfb): Qt's xcb plugin, its libraries and the start-up check."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from workshop.folders import DATA_FOLDER_VARIABLE

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 is Linux's here")


@pytest.fixture
def x_display(tmp_path: Path) -> Iterator[str]:
    """A private Xvfb display, e.g. ':3'."""
    if shutil.which("Xvfb") is None:
        pytest.skip("needs Xvfb (.ci/run installs it)")
    read_end, write_end = os.pipe()
    with (tmp_path / "xvfb.log").open("w") as log:
        server = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write_end), "-nolisten", "tcp", "-screen", "0", "1280x800x24"],
            pass_fds=(write_end,),
            stdout=subprocess.DEVNULL,
            stderr=log,
        )
    os.close(write_end)
    with os.fdopen(read_end) as pipe:
        number = pipe.readline().strip()
    try:
        assert number, (tmp_path / "xvfb.log").read_text()
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_the_window_runs_on_x_with_no_warning(x_display: str, tmp_path: Path) -> None:
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    environ = {
        **{k: v for k, v in os.environ.items() if k not in {"QT_QPA_PLATFORM", "WAYLAND_DISPLAY"}},
        "DISPLAY": x_display,
        "PYTHONPATH": str(ROOT),
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        DATA_FOLDER_VARIABLE: str(tmp_path / "data"),
        "XDG_RUNTIME_DIR": str(runtime),
    }
    app = subprocess.Popen(
        [sys.executable, "-m", "ui.launch"],
        env=environ,
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    # On first start the demo workshop is written, then opened in the window.
    demo = tmp_path / "data" / "Q3 alignment offsite (demo).smw"
    while app.poll() is None and not demo.exists() and time.monotonic() < deadline:
        time.sleep(0.2)
    time.sleep(3)  # then the window runs for a few seconds
    still_running = app.poll() is None
    app.terminate()
    out, err = app.communicate(timeout=30)
    assert still_running, f"the app ended with status {app.returncode}: {out}{err}"
    assert err == ""  # no Qt warning, no traceback
    assert demo.exists(), "the demo workshop was not written"
