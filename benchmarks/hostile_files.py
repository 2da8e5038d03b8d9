"""Damaged workshop files, opened by ``export --json`` and in the window: what became of each.

Makes N mutated copies of the demo (``tests/hostile/mutations.py``: byte flips,
truncations, zeroed pages, stray write-ahead logs, wrong types, missing tables,
duplicate rows, ...), each alone in a folder, and opens every one both ways:
``smarketing-workshop export COPY --json OUT`` in its own process (10 s limit),
and ``MainWindow.open_path`` in an offscreen window (10 s limit per copy). Prints
the table: cases tried, refused clearly, opened read-only, opened, modified,
files created beside, tracebacks, hangs.

    python benchmarks/hostile_files.py [--copies 200] [--seed 20261202]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

WINDOW = r"""
import faulthandler, hashlib, json, os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from pathlib import Path
from PySide6.QtCore import QSettings
from ui.app import create_application
from ui.main_window import MainWindow
from ui.settings import AppPaths, AppSettings

class Quiet:
    def __init__(self): self.errors = []
    def error(self, parent, title, text): self.errors.append(text)
    def inform(self, parent, title, text): pass
    def ask_unsaved(self, parent, text): return "discard"
    def open_path(self, *a): return None
    def save_path(self, *a): return None

app = create_application()
folder = Path(sys.argv[1])
settings = AppSettings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
dialogs = Quiet()
window = MainWindow(settings, AppPaths(folder / "data", folder / "docs"), dialogs)
window.show()
for line in sys.stdin:
    path = Path(line.strip())
    faulthandler.dump_traceback_later(10, exit=True)
    dialogs.errors.clear()
    outcome = "opened"
    try:
        if window.open_path(path):
            outcome = "read-only" if window.document.read_only else "opened"
            app.processEvents()
            window.close_workshop()
        else:
            outcome = "refused"
    except BaseException as error:
        outcome = "traceback"
    faulthandler.cancel_dump_traceback_later()
    message = dialogs.errors[0] if dialogs.errors else ""
    print(json.dumps({"path": str(path), "outcome": outcome, "message": message}), flush=True)
"""

INTERNALS = ("Traceback", "sqlite3.", "column '", "invalid literal", "Could not decode")


def folder_state(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def classify_cli(path: Path, out: Path) -> str:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    try:
        result = subprocess.run(
            [sys.executable, "-m", "workshop.cli", "export", str(path), "--json", str(out)],
            capture_output=True,
            text=True,
            timeout=10,
            env=env,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return "hang"
    if result.returncode == 0:
        return "opened"
    if result.returncode == 1 and result.stderr.count("\n") == 1:
        if any(i in result.stderr for i in INTERNALS):
            return "unclear"
        # a sound file with bad values: export names the table and row (the window opens it read-only)
        return "read-only" if "holds values no edit could make" in result.stderr else "refused"
    return "traceback"


def tally(name: str, outcomes: Counter[str], modified: int, created: int, seconds: float) -> None:
    tried = sum(outcomes.values())
    print(
        f"| {name:<14} | {tried:>5} | {outcomes['refused']:>15} | {outcomes['read-only']:>10} | "
        f"{outcomes['opened']:>6} | {modified:>8} | {created:>7} | {outcomes['traceback']:>10} | "
        f"{outcomes['unclear']:>7} | {outcomes['hang']:>5} | {seconds / max(tried, 1):>6.2f} |"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=200)
    parser.add_argument("--seed", type=int, default=20261202)
    args = parser.parse_args()
    from tests.hostile.mutations import mutated_copies
    from workshop.demo.content import demo_content
    from workshop.store import files

    with tempfile.TemporaryDirectory() as scratch:
        base = Path(scratch)
        sound = base / "sound.smw"
        files.write_content(sound, demo_content())
        copies = mutated_copies(sound.read_bytes(), base / "copies", args.copies, args.seed)
        states = {p: folder_state(p.parent) for p in copies}

        cli_outcomes: Counter[str] = Counter()
        cli_modified = cli_created = 0
        started = time.monotonic()
        for path in copies:
            cli_outcomes[classify_cli(path, base / "out.json")] += 1
            after = folder_state(path.parent)
            cli_modified += any(after.get(n) != h for n, h in states[path].items())
            cli_created += bool(set(after) - set(states[path]))
        cli_seconds = time.monotonic() - started

        win_outcomes: Counter[str] = Counter()
        win_modified = win_created = 0
        started = time.monotonic()
        env = {**os.environ, "PYTHONPATH": str(ROOT), "SMARKETING_WORKSHOP_DATA": str(base / "data")}
        child = subprocess.run(
            [sys.executable, "-c", WINDOW, str(base)],
            input="\n".join(str(p) for p in copies) + "\n",
            capture_output=True,
            text=True,
            env=env,
            check=False,
        )
        seen = {}
        for line in child.stdout.splitlines():
            record = json.loads(line)
            outcome = record["outcome"]
            if outcome == "refused" and any(i in record["message"] for i in INTERNALS):
                outcome = "unclear"
            seen[Path(record["path"])] = outcome
        for path in copies:
            outcome = seen.get(path, "hang")  # the watchdog ended the window: this copy hung it
            win_outcomes[outcome] += 1
            after = folder_state(path.parent)
            lock = f".{path.name}.lock"
            win_modified += any(after.get(n) != h for n, h in states[path].items())
            extra = set(after) - set(states[path]) - ({lock} if outcome == "opened" else set())
            win_created += bool(extra)
            if outcome == "hang":
                break
        win_seconds = time.monotonic() - started

    print(f"{args.copies} mutated copies of the demo, seed {args.seed}")
    print(
        "| opened by      | cases | refused clearly | read-only* | opened | modified | created | tracebacks "
        "| unclear | hangs | s/case |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    tally("export --json", cli_outcomes, cli_modified, cli_created, cli_seconds)
    tally("the window", win_outcomes, win_modified, win_created, win_seconds)
    print("* read-only: the window opens it read-only naming table and row; export refuses it naming them")
    bad = cli_modified + cli_created + win_modified + win_created
    bad += sum(o["traceback"] + o["hang"] + o["unclear"] for o in (cli_outcomes, win_outcomes))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
