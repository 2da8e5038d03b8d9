"""Automatic backups: consistent copies, rotation (last 10, one a day), a size cap, restore to a new file."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from workshop.document import WorkshopDocument
from workshop.edits import Update
from workshop.store import backups
from workshop.store.errors import WorkshopFileError


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2027, 6, day, hour, minute).astimezone()


def test_a_backup_holds_the_latest_edits_of_an_open_workshop(
    document: WorkshopDocument, tmp_path: Path
) -> None:
    document.apply("Rename", [Update.of(document.info, title="In the backup")])
    path = backups.take_backup(document.path, tmp_path / "b", at(1, 10))
    copy = WorkshopDocument.open(path, read_only=True)
    try:
        assert copy.info.title == "In the backup"
        assert not copy.problems
    finally:
        copy.close()
    assert [b.path for b in backups.list_backups(tmp_path / "b")] == [path]


def test_rotation_keeps_the_last_ten_and_the_newest_of_each_earlier_day(
    demo_file: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "b"
    times = [at(1, h) for h in (9, 10, 11)] + [at(2, h) for h in (9, 10)] + [at(3, 8, m) for m in range(12)]
    for when in times:
        backups.take_backup(demo_file, folder, when)
    removed = backups.rotate(folder, tmp_path)
    kept = [b.taken_at for b in backups.list_backups(folder)]
    assert kept[:10] == sorted(times, reverse=True)[:10]
    assert at(2, 10) in kept and at(1, 11) in kept  # one per earlier day: its newest
    assert at(2, 9) not in kept and at(1, 9) not in kept
    assert len(kept) == 12 and len(removed) == len(times) - 12  # ten of day 3, one each of days 2 and 1


def test_the_size_cap_removes_the_oldest_but_never_a_workshops_newest(
    demo_file: Path, tmp_path: Path
) -> None:
    size = demo_file.stat().st_size
    for name in ("a", "b"):
        for minute in range(3):
            backups.take_backup(demo_file, tmp_path / name, at(1, 9, minute) + timedelta(hours=name == "b"))
    backups.rotate(tmp_path / "a", tmp_path, size_cap=3 * size)
    left = {name: [b.taken_at for b in backups.list_backups(tmp_path / name)] for name in ("a", "b")}
    assert sum(len(v) for v in left.values()) == 3
    assert left["a"][0] == at(1, 9, 2) and left["b"][0] == at(1, 10, 2)


def test_restore_goes_into_a_new_file_never_over_one(demo_file: Path, tmp_path: Path) -> None:
    backup = backups.take_backup(demo_file, tmp_path / "b", at(1, 9))
    with pytest.raises(WorkshopFileError, match="exists already"):
        backups.restore(backup, demo_file)
    target = tmp_path / "restored.smw"
    backups.restore(backup, target)
    assert target.read_bytes() == backup.read_bytes()


def test_a_workshops_backups_are_found_by_its_uid_whatever_its_file_is_called(tmp_path: Path) -> None:
    one = backups.workshop_folder(tmp_path, "5f0c-uid", tmp_path / "a.smw")
    assert one == backups.workshop_folder(tmp_path, "5f0c-uid", tmp_path / "renamed.smw")
    assert backups.workshop_folder(tmp_path, "", tmp_path / "a.smw") != backups.workshop_folder(
        tmp_path, "", tmp_path / "b.smw"
    )
    assert backups.workshop_folder(tmp_path, "../../etc", tmp_path / "a.smw").parent == tmp_path
