"""Start-up: the installed ``smarketing-workshop`` command to its window on screen, first page painted.

Measured as a user has the app: a wheel of this checkout is built and installed into a
temporary virtual environment (its dependencies are those of the running environment, put on
its path, not copied), and every process runs with bytecode present (compiled by an untimed
first run into a private cache folder, so nothing outside the temporary folder is written).
Each run is a new process, timed from its launch to the moment the app reports its window
exposed on the display with its first page painted (``SMARKETING_WORKSHOP_STARTUP_PROBE``: the
app writes ``time.monotonic()`` there and quits). The reference, measured alternately in the
same run, is a bare PySide6 window timed to the same point. Two displays: a real X server
(Xvfb, when installed) and Qt's offscreen platform.

    python benchmarks/startup.py [--runs 15]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks.common import Row, report

ROOT = Path(__file__).resolve().parents[1]
BUDGET_RATIO = 1.3
INSTALL = ("--no-deps", "--no-index")  # the dependencies come from this environment (below)
HEAVY = ("matplotlib", "reportlab", "pyhanko", "sqlite_utils", "workshop.commands.demo")

BARE = """
import sys, time
from pathlib import Path
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1280, 800)
window.show()
def ready():
    now = time.monotonic()
    Path(sys.argv[1]).write_text(f"{now}\\n{now}\\n")
    app.quit()
class Probe(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Expose:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, ready)
        return False
probe = Probe()
if window.windowHandle().isExposed():
    QTimer.singleShot(0, ready)
else:
    window.windowHandle().installEventFilter(probe)
app.exec()
"""


class Installed:
    """The app installed from a wheel into a temporary virtual environment."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        wheels = folder / "wheel"
        source = folder / "source"  # a copy: building in the checkout would leave build/ there
        shutil.copytree(
            ROOT,
            source,
            ignore=shutil.ignore_patterns(".git", ".venv", "build", "*.egg-info", "__pycache__", ".*cache"),
        )
        subprocess.run(
            [sys.executable, "-m", "pip", "wheel", str(source), "--no-deps", "-q", "-w", str(wheels)],
            check=True,
            capture_output=True,
        )
        wheel = next(wheels.glob("smarketing_workshop-*.whl"))
        venv = folder / "venv"
        clean = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
        subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
        self.python = venv / "bin" / "python"
        purelib = subprocess.run(
            [str(self.python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "--python",
                str(self.python),
                "install",
                "-q",
                *INSTALL,
                str(wheel),
            ],
            check=True,
            capture_output=True,
            env=clean,  # with a checkout on PYTHONPATH pip would find the app "already installed"
        )
        # The dependencies: this environment's packages, as a plain path (its .pth files, such
        # as an editable install of this checkout, are not run). Added after the install, so
        # pip does not take this environment's own copy of the app for the wheel's.
        Path(purelib, "dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
        self.command = venv / "bin" / "smarketing-workshop"
        self.env = {
            key: value
            for key, value in os.environ.items()
            if key not in ("PYTHONDONTWRITEBYTECODE", "PYTHONPATH", "QT_QPA_PLATFORM", "DISPLAY")
        }
        self.env.update(
            PYTHONPYCACHEPREFIX=str(folder / "bytecode"),
            SMARKETING_WORKSHOP_DATA=str(folder / "data"),
            XDG_CONFIG_HOME=str(folder / "config"),
            XDG_DOCUMENTS_DIR=str(folder / "documents"),
            HOME=str(folder / "home"),
        )
        where = subprocess.run(
            [str(self.python), "-c", "import ui; print(ui.__file__)"],
            check=True,
            capture_output=True,
            text=True,
            cwd=folder,
            env=self.env,
        ).stdout.strip()
        assert where.startswith(str(venv)), f"the app was imported from {where}, not the wheel"
        (folder / "home").mkdir()

    def time_to_ready(self, args: list[str], display: dict[str, str]) -> tuple[float, float]:
        """Seconds from launching ``args`` to the window shown, and to its first page painted."""
        probe = self.folder / "ready.txt"
        probe.unlink(missing_ok=True)
        env = {**self.env, **display, "SMARKETING_WORKSHOP_STARTUP_PROBE": str(probe)}
        started = time.monotonic()
        subprocess.run(args, env=env, check=True, capture_output=True, cwd=self.folder, timeout=120)
        shown, filled = (float(line) - started for line in probe.read_text().split())
        return shown, filled

    def app(self, display: dict[str, str]) -> tuple[float, float]:
        return self.time_to_ready([str(self.command)], display)

    def bare(self, display: dict[str, str]) -> float:
        return self.time_to_ready(
            [
                str(self.python),
                "-c",
                BARE.replace("sys.argv[1]", "__import__('os').environ['SMARKETING_WORKSHOP_STARTUP_PROBE']"),
            ],
            display,
        )[0]

    def heavy_modules(self) -> list[str]:
        """Which heavy modules the window's start imports (none is the aim)."""
        code = (
            "import sys, ui.launch\n"
            "ui.launch.open_window = lambda f: 0\n"
            "ui.launch.main([])\n"
            "from ui.app import create_application, start\n"
            "from PySide6.QtCore import QSettings\n"
            "from ui.common.dialogs import Dialogs\n"
            "from ui.settings import AppPaths\n"
            "app = create_application()\n"
            "w = start(None, __import__('ui.settings').settings.AppSettings(QSettings()), "
            "AppPaths.for_user(), Dialogs())\n"
            "app.processEvents()\n"
            f"print([m for m in {HEAVY!r} if m in sys.modules])\n"
        )
        env = {**self.env, "QT_QPA_PLATFORM": "offscreen"}
        out = subprocess.run(
            [str(self.python), "-c", code],
            env=env,
            check=True,
            capture_output=True,
            text=True,
            cwd=self.folder,
        ).stdout
        return list(eval(out.strip().splitlines()[-1]))


@contextmanager
def xvfb() -> Iterator[dict[str, str] | None]:
    """A private X server for the runs, or None when Xvfb is not installed."""
    if shutil.which("Xvfb") is None:
        yield None
        return
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1920x1080x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    try:
        yield {"DISPLAY": f":{number}", "QT_QPA_PLATFORM": "xcb"}
    finally:
        server.terminate()
        server.wait(10)


def rows(runs: int = 15) -> list[Row]:
    """Start-up on Xvfb and offscreen, each beside a bare PySide6 window measured alternately."""
    result: list[Row] = []
    with tempfile.TemporaryDirectory() as name, xvfb() as x_display:
        installed = Installed(Path(name))
        displays: dict[str, dict[str, str]] = {}
        if x_display is not None:
            displays["X server (Xvfb)"] = x_display
        displays["offscreen"] = {"QT_QPA_PLATFORM": "offscreen"}
        for label, display in displays.items():
            installed.app(display)  # untimed: writes the demo workshop and compiles the bytecode
            installed.bare(display)
            shells: list[float] = []
            pages: list[float] = []
            bares: list[float] = []
            for _ in range(runs):
                bares.append(installed.bare(display) * 1000)
                shown, filled = installed.app(display)
                shells.append(shown * 1000)
                pages.append(filled * 1000)
            bare = statistics.median(bares)
            result.append(Row(f"start-up, bare PySide6 window, {label}", bares))
            result.append(
                Row(
                    f"start-up, installed app to its window shown, {label}",
                    shells,
                    reference_ms=bare,
                    budget_ratio=BUDGET_RATIO,
                    note="the demo workshop reopens; wheel in a temporary venv, bytecode present",
                )
            )
            result.append(
                Row(f"start-up, installed app to its first page painted, {label}", pages, reference_ms=bare)
            )
        heavy = installed.heavy_modules()
    if heavy:
        result[-1] = Row(
            result[-1].name,
            result[-1].times_ms,
            result[-1].budget_ms,
            result[-1].reference_ms,
            result[-1].budget_ratio,
            f"heavy modules at start-up: {heavy}",
        )
    return result


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--json", action="store_true", help="print the rows as JSON")
    args = parser.parse_args()
    report(rows(args.runs), args.json)


if __name__ == "__main__":
    main()
