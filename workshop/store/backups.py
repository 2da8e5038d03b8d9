"""Automatic backups: consistent copies of an open workshop, kept in the user's data folder.

A backup is made with SQLite's backup API from a connection of its own (so it
can run on a worker thread while edits go on), written beside its final name and
renamed into place. Each workshop has a folder of its own (named by the
workshop's uid); rotation keeps the last :data:`KEEP_LAST` backups plus the
newest of each earlier day, and a total size cap across all workshops removes
the oldest backups first (never a workshop's newest). Restoring copies a backup,
after checking it in full, into a new file: never over the open one.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from workshop.store import reading
from workshop.store.errors import WorkshopFileError

KEEP_LAST = 10
SIZE_CAP = 512 * 1024 * 1024  # all backups of all workshops together
INTERVAL_MINUTES = 5
_STAMP = "%Y-%m-%d %H%M%S"
_NAME = re.compile(r"(\d{4}-\d{2}-\d{2} \d{6})(?:-\d+)?\.smw")


@dataclass(frozen=True)
class Backup:
    """One backup file: when it was taken and how big it is."""

    path: Path
    taken_at: datetime
    size: int


def workshop_folder(root: Path, uid: str, path: Path) -> Path:
    """The folder of one workshop's backups under ``root``: by its uid, else by its file's path."""
    key = re.sub(r"[^0-9A-Za-z-]", "", uid)[:64]
    if not key:
        key = "file-" + hashlib.sha256(str(path.absolute()).encode("utf-8", "replace")).hexdigest()[:16]
    return root / key


def take_backup(source: Path, folder: Path, now: datetime) -> Path:
    """A consistent copy of the workshop file ``source`` (with its log) as a new backup in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    stamp = now.strftime(_STAMP)
    target = folder / f"{stamp}.smw"
    number = 1
    while target.exists():
        target = folder / f"{stamp}-{number}.smw"
        number += 1
    temp = folder / f".{target.name}.{os.urandom(4).hex()}.tmp"
    try:
        reader = sqlite3.connect(f"{source.absolute().as_uri()}?mode=ro", uri=True, timeout=10)
        try:
            writer = sqlite3.connect(str(temp))
            try:
                reader.backup(writer)  # in one step: one read transaction, one consistent state
            finally:
                writer.close()
        finally:
            reader.close()
        os.replace(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return target


def list_backups(folder: Path) -> list[Backup]:
    """The backups in one workshop's folder, newest first."""
    found = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    for entry in entries:
        match = _NAME.fullmatch(entry.name)
        if not match or not entry.is_file():
            continue
        taken = datetime.strptime(match.group(1), _STAMP).astimezone()  # named in local time
        found.append(Backup(entry, taken, entry.stat().st_size))
    return sorted(found, key=lambda b: (b.taken_at, b.path.name), reverse=True)


def rotate(folder: Path, root: Path, keep_last: int = KEEP_LAST, size_cap: int = SIZE_CAP) -> list[Path]:
    """Remove the backups no longer kept; return them.

    In ``folder``: the newest ``keep_last`` stay, and of older ones the newest of each day.
    Across ``root``: while all backups together exceed ``size_cap``, the oldest go (a
    workshop's newest backup always stays).
    """
    removed: list[Path] = []
    kept_days: set[str] = set()
    for index, backup in enumerate(list_backups(folder)):
        day = backup.taken_at.date().isoformat()
        if index < keep_last or day not in kept_days:
            kept_days.add(day)
            continue
        backup.path.unlink(missing_ok=True)
        removed.append(backup.path)
    every = [b for sub in _folders(root) for b in list_backups(sub)[1:]]  # never a newest one
    total = sum(b.size for sub in _folders(root) for b in list_backups(sub))
    for backup in sorted(every, key=lambda b: b.taken_at):
        if total <= size_cap:
            break
        backup.path.unlink(missing_ok=True)
        removed.append(backup.path)
        total -= backup.size
    return removed


def _folders(root: Path) -> list[Path]:
    try:
        return [p for p in root.iterdir() if p.is_dir()]
    except OSError:
        return []


def backed_up_workshops(root: Path) -> list[tuple[str, Path]]:
    """Every workshop with backups under ``root``: its title (from its newest backup) and folder.

    Newest first; for restoring when no workshop is open, or the open one cannot be.
    """
    found = []
    for folder in _folders(root):
        kept = list_backups(folder)
        if not kept:
            continue
        try:
            info = reading.read_workshop(kept[0].path).tables["workshop"][0]
            title = str(getattr(info, "title", "")).strip()
        except WorkshopFileError:
            title = ""
        found.append((kept[0].taken_at, title or "Untitled workshop", folder))
    return [(title, folder) for _when, title, folder in sorted(found, key=lambda f: f[0], reverse=True)]


def restore(backup: Path, target: Path) -> None:
    """Copy a backup into the new file ``target``, after checking it in full; never over a file."""
    if target.exists() or target.is_symlink():
        raise WorkshopFileError(
            target, f"“{target.name}” exists already.", "Choose a new name for the restored copy."
        )
    contents = reading.read_workshop(backup)
    if contents.problems:
        raise WorkshopFileError(
            backup, f"The backup “{backup.name}” holds values no edit could make.", "Choose another backup."
        )
    temp = target.with_name(f".{target.name}.{os.urandom(4).hex()}.tmp")
    try:
        shutil.copyfile(backup, temp)
        os.replace(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
