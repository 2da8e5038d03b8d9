"""One screen or two: where the projector goes, F11, F5 back to the console, remembered per set-up.

Each case runs in a process of its own, with Qt's offscreen platform configured with
the screens (there is no window manager here: the geometry per screen is what is checked).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

LAPTOP = {"name": "Laptop", "x": 0, "y": 0, "width": 1366, "height": 768}
PROJECTOR_SCREEN = {"name": "Projector", "x": 1366, "y": 0, "width": 1920, "height": 1080}
ROOT = Path(__file__).resolve().parents[3]


def run_probe(
    tmp_path: Path, screens: list[dict[str, Any]], *steps: str, demo_file: Path
) -> list[dict[str, Any]]:
    config = tmp_path / f"screens-{len(screens)}.json"
    config.write_text(
        json.dumps({"screens": [{**s, "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1} for s in screens]})
    )
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}", "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.ui.run.screens_probe",
            str(demo_file),
            str(tmp_path / "settings.ini"),
            *steps,
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr, done.stderr
    return [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]


def test_with_a_second_screen_the_room_view_fills_it(tmp_path: Path, demo_file: Path) -> None:
    placed, *_ = run_probe(tmp_path, [LAPTOP, PROJECTOR_SCREEN], "place", demo_file=demo_file)
    assert placed["screen"] == "Projector"
    assert placed["geometry"] == [1366, 0, 1920, 1080]
    assert placed["full_screen"]
    assert not placed["console_hint"]  # the console stays on the laptop: nothing to say


def test_with_one_screen_presentation_mode_covers_the_console_and_f5_brings_it_back(
    tmp_path: Path, demo_file: Path
) -> None:
    placed, back = run_probe(tmp_path, [LAPTOP], "place", "F5", demo_file=demo_file)
    assert placed["screen"] == "Laptop"
    assert placed["geometry"] == [0, 0, 1366, 768]
    assert placed["full_screen"]
    assert placed["console_hint"] and placed["hint_text"].startswith("F5")
    assert not back["visible"]  # the console is what shows now


def test_f11_switches_full_screen_and_is_remembered_per_set_up(tmp_path: Path, demo_file: Path) -> None:
    two = [LAPTOP, PROJECTOR_SCREEN]
    placed, windowed = run_probe(tmp_path, two, "place", "F11", demo_file=demo_file)
    assert placed["full_screen"] and not windowed["full_screen"]
    assert windowed["screen"] == "Projector"
    again, *_ = run_probe(tmp_path, two, "place", demo_file=demo_file)
    assert not again["full_screen"]  # the choice for this set-up
    other, *_ = run_probe(tmp_path, [LAPTOP], "place", demo_file=demo_file)
    assert other["full_screen"]  # another set-up keeps its own (the default)


def test_at_2x_scale_the_digits_keep_their_size_and_contrast() -> None:
    """The pixel measurements of every state, rerun with the display scaled 2x."""
    env = {**os.environ, "QT_SCALE_FACTOR": "2", "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "tests/ui/run/test_projector.py",
            "-k",
            "digits",
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=110,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-3000:]
    assert " passed" in done.stdout
