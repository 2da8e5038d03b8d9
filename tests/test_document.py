"""Editing a workshop: every edit is in the file at once, and undo/redo walk it back and forth."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from workshop.document import ReadOnlyError, WorkshopDocument
from workshop.edits import Change, Delete, Insert, Move, Update
from workshop.model import ActionItem, Participant, WorkshopInfo


def reopen_names(path: Path) -> list[str]:
    doc = WorkshopDocument.open(path, read_only=True)
    try:
        return [p.name for p in doc.typed(Participant)]
    finally:
        doc.close()


def test_each_edit_is_in_the_file_before_the_document_is_closed(document: WorkshopDocument) -> None:
    first = document.typed(Participant)[0]
    document.apply("Rename", [Update.of(first, name="Dana W.")])
    # read the file from a second connection while the first is still open
    assert reopen_names(document.path)[0] == "Dana W."


def test_insert_delete_move_and_their_undo_are_saved(document: WorkshopDocument) -> None:
    path = document.path
    before = reopen_names(path)
    document.apply("Add", [Insert(Participant(name="Noor Al-Sayed", team="sales"), 1)])
    assert reopen_names(path)[1] == "Noor Al-Sayed"
    added = document.typed(Participant)[1]
    document.apply("Move", [Move(Participant.TABLE, added.id, 5)])
    assert reopen_names(path)[5] == "Noor Al-Sayed"
    document.apply("Remove", [Delete(Participant.TABLE, added.id)])
    assert reopen_names(path) == before
    document.undo()  # the removal
    assert reopen_names(path)[5] == "Noor Al-Sayed"
    document.undo()  # the move
    assert reopen_names(path)[1] == "Noor Al-Sayed"
    document.undo()  # the insertion
    assert reopen_names(path) == before
    assert not document.can_undo
    document.redo()
    document.redo()
    assert reopen_names(path)[5] == "Noor Al-Sayed"
    assert [p.position for p in document.typed(Participant)] == list(range(len(before) + 1))


def test_typing_in_one_field_is_one_undo_step(document: WorkshopDocument) -> None:
    info = document.info
    for text in ("Q", "Q4", "Q4 ", "Q4 k", "Q4 ki", "Q4 kick-off"):
        document.apply(
            "Change title", [Update.of(document.info, title=text)], merge_key=("workshop", 1, "title")
        )
    assert document.undo_text == "Change title"
    document.undo()
    assert document.info.title == info.title
    assert not document.can_undo
    document.redo()
    assert document.info.title == "Q4 kick-off"


def test_sealing_starts_a_new_undo_step(document: WorkshopDocument) -> None:
    key = ("workshop", 1, "venue")
    document.apply("Change venue", [Update.of(document.info, venue="Room 1")], merge_key=key)
    document.seal_undo()
    document.apply("Change venue", [Update.of(document.info, venue="Room 12")], merge_key=key)
    document.undo()
    assert document.info.venue == "Room 1"


def test_a_new_edit_after_undo_drops_the_redo_history(document: WorkshopDocument) -> None:
    document.apply("A", [Update.of(document.info, venue="A")])
    document.undo()
    assert document.can_redo
    document.apply("B", [Update.of(document.info, venue="B")])
    assert not document.can_redo


def test_an_edit_that_changes_nothing_is_not_an_undo_step(document: WorkshopDocument) -> None:
    document.apply("Same", [Update.of(document.info, title=document.info.title)])
    assert not document.can_undo


def test_changes_are_announced_before_and_after(document: WorkshopDocument) -> None:
    seen: list[tuple[str, Change]] = []
    document.about_to_change.connect(lambda c: seen.append(("before", c)))
    document.changed.connect(lambda c: seen.append(("after", c)))
    action = document.typed(ActionItem)[2]
    document.apply("Move", [Move(ActionItem.TABLE, action.id, 0)])
    assert [phase for phase, _ in seen] == ["before", "after"]
    change = seen[0][1]
    assert (change.kind, change.index, change.to_index) == ("move", 2, 0)


def test_a_workshop_open_elsewhere_opens_read_only(document: WorkshopDocument) -> None:
    second = WorkshopDocument.open(document.path)
    try:
        assert second.read_only
        assert "open in another window" in (second.read_only_reason or "")
        with pytest.raises(ReadOnlyError):
            second.apply("Rename", [Update.of(second.info, title="Mine")])
    finally:
        second.close()
    document.close()
    third = WorkshopDocument.open(document.path)  # the lock went with the first document
    try:
        assert not third.read_only
    finally:
        third.close()


def test_a_read_only_file_opens_read_only_and_is_not_written(
    demo_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: False if Path(p) == demo_file else real_access(p, mode))
    before = demo_file.read_bytes()
    doc = WorkshopDocument.open(demo_file)
    try:
        assert doc.read_only
        assert "read-only file" in (doc.read_only_reason or "")
    finally:
        doc.close()
    assert demo_file.read_bytes() == before


def fill_the_disk(document: WorkshopDocument) -> None:
    """Make the next write fail as it would on a full disk (SQLite's SQLITE_FULL)."""
    conn = document._connection()
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages}")


def test_a_full_disk_keeps_the_edit_in_the_window_and_save_as_rescues_it(
    document: WorkshopDocument, tmp_path: Path
) -> None:
    fill_the_disk(document)
    long_text = "A venue description that will not fit. " * 500
    document.apply("Change venue", [Update.of(document.info, venue=long_text)])
    error = document.write_error
    assert error is not None
    assert "full" in str(error)
    assert "Save As" in str(error)
    assert document.info.venue == long_text  # still in the window
    document.apply("Rename", [Update.of(document.typed(Participant)[0], name="Still here")])
    assert not document.saving

    rescue = tmp_path / "rescued.smw"
    document.save_as(rescue)
    assert document.path == rescue
    assert document.write_error is None
    reopened = WorkshopDocument.open(rescue, read_only=True)
    try:
        assert reopened.info.venue == long_text
        assert reopened.typed(Participant)[0].name == "Still here"
    finally:
        reopened.close()
    document.apply("Title", [Update.of(document.info, title="After rescue")])
    assert WorkshopDocument.open(rescue, read_only=True).info.title == "After rescue"


def test_save_as_writes_a_copy_and_goes_on_editing_it(document: WorkshopDocument, tmp_path: Path) -> None:
    original = document.path
    copy = tmp_path / "copy.smw"
    document.save_as(copy)
    document.apply("Title", [Update.of(document.info, title="Only in the copy")])
    assert WorkshopDocument.open(original, read_only=True).info.title != "Only in the copy"
    assert WorkshopDocument.open(copy, read_only=True).info.title == "Only in the copy"
    assert document.can_undo


def test_closing_leaves_one_file_without_logs_beside_it(document: WorkshopDocument) -> None:
    document.apply("Title", [Update.of(document.info, title="Closed cleanly")])
    document.close()
    folder = document.path.parent
    assert not (folder / "demo.smw-wal").exists()
    assert not (folder / "demo.smw-shm").exists()
    conn = sqlite3.connect(document.path)
    assert conn.execute("SELECT title FROM workshop").fetchone()[0] == "Closed cleanly"
    conn.close()


def test_text_in_any_script_round_trips(document: WorkshopDocument) -> None:
    names = [
        "Zoë Łódź",
        "Σωκράτης",
        "Андрей",
        "山田太郎",
        "王小明",
        "נועה כהן",
        "مريم",
        "👩🏽‍💼 Ana",
        "x" * 5000,
    ]
    for name in names:
        document.apply("Add", [Insert(Participant(name=name))])
    assert reopen_names(document.path)[-len(names) :] == names


def test_the_workshop_record_is_one_row(document: WorkshopDocument) -> None:
    assert isinstance(document.info, WorkshopInfo)
    assert document.info.id == 1


def test_what_typed_returns_follows_every_edit_undo_and_redo(document: WorkshopDocument) -> None:
    names = lambda: [p.name for p in document.typed(Participant)]  # noqa: E731
    before = names()
    document.apply("Add", [Insert(Participant(name="Noor", team="sales"), 0)])
    assert names() == ["Noor", *before]
    noor = document.typed(Participant)[0]
    document.apply("Rename", [Update.of(noor, name="Noor A.")])
    assert names()[0] == "Noor A."
    document.apply("Move", [Move(Participant.TABLE, noor.id, 2)])
    assert names()[2] == "Noor A."
    document.undo()
    assert names()[0] == "Noor A."
    document.redo()
    document.apply("Remove", [Delete(Participant.TABLE, noor.id)])
    assert names() == before
    mine = document.typed(Participant)
    mine.clear()  # the caller's own list: changing it changes nothing in the workshop
    assert names() == before
