"""Files that are not workshops, are damaged, or are too new: a clear message, the file untouched."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from workshop.document import WorkshopDocument
from workshop.store import reading
from workshop.store.errors import (
    DamagedFileError,
    FileMissingError,
    NewerFileError,
    NotAWorkshopError,
    WorkshopFileError,
)
from workshop.store.schema import APPLICATION_ID, CURRENT_VERSION


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(folder.iterdir())}


def make_text(path: Path, demo: Path) -> None:
    path.write_text("Name,Title\nDana,VP Sales\n", encoding="utf-8")


def make_random(path: Path, demo: Path) -> None:
    path.write_bytes(bytes(range(256)) * 40)


def make_other_sqlite(path: Path, demo: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (text TEXT)")
    conn.execute("INSERT INTO notes VALUES ('not a workshop')")
    conn.commit()
    conn.close()


def make_empty(path: Path, demo: Path) -> None:
    path.write_bytes(b"")


def make_truncated(path: Path, demo: Path) -> None:
    data = demo.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def make_short_header(path: Path, demo: Path) -> None:
    path.write_bytes(demo.read_bytes()[:60])


def make_corrupt(path: Path, demo: Path) -> None:
    data = bytearray(demo.read_bytes())
    page = 4096
    for offset in range(page, len(data), page):  # scribble over the start of every page but the first
        data[offset : offset + 64] = b"\xde\xad\xbe\xef" * 16
    path.write_bytes(bytes(data))


def make_newer(path: Path, demo: Path) -> None:
    path.write_bytes(demo.read_bytes())
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()


CASES: list[tuple[Callable[[Path, Path], None], type[WorkshopFileError], str]] = [
    (make_text, NotAWorkshopError, "is not a Smarketing Workshop file"),
    (make_random, NotAWorkshopError, "is not a Smarketing Workshop file"),
    (make_other_sqlite, NotAWorkshopError, "is not a Smarketing Workshop file"),
    (make_empty, DamagedFileError, "is empty"),
    (make_short_header, DamagedFileError, "cut short"),
    (make_truncated, DamagedFileError, "damaged"),
    (make_corrupt, DamagedFileError, "damaged"),
    (make_newer, NewerFileError, "newer version"),
]


@pytest.mark.parametrize(("make", "error", "words"), CASES, ids=[c[0].__name__ for c in CASES])
def test_a_bad_file_is_refused_clearly_and_left_as_it_was(
    tmp_path: Path,
    demo_file: Path,
    make: Callable[[Path, Path], None],
    error: type[WorkshopFileError],
    words: str,
) -> None:
    folder = tmp_path / "bad"
    folder.mkdir()
    path = folder / "workshop.smw"
    make(path, demo_file)
    os.utime(path, ns=(1_600_000_000_000_000_000, 1_600_000_000_000_000_000))
    before = snapshot(folder)
    with pytest.raises(error) as raised:
        WorkshopDocument.open(path)
    message = str(raised.value)
    assert words in message
    assert "workshop.smw" in message
    assert raised.value.advice  # says what to do, not only what is wrong
    assert "\n" not in message
    assert snapshot(folder) == before  # not a byte changed, no file created beside it


def test_a_missing_file_says_so(tmp_path: Path) -> None:
    with pytest.raises(FileMissingError, match="There is no file"):
        WorkshopDocument.open(tmp_path / "gone.smw")


def test_a_folder_is_not_a_workshop(tmp_path: Path) -> None:
    with pytest.raises(NotAWorkshopError, match="is a folder"):
        WorkshopDocument.open(tmp_path)


def test_a_newer_file_names_both_versions(tmp_path: Path, demo_file: Path) -> None:
    path = tmp_path / "new.smw"
    make_newer(path, demo_file)
    with pytest.raises(
        NewerFileError, match=rf"file format 99; this version reads up to {CURRENT_VERSION}\b"
    ):
        reading.read_workshop(path)


def test_a_good_file_has_our_application_id(demo_file: Path) -> None:
    header = demo_file.read_bytes()[:100]
    assert int.from_bytes(header[68:72], "big") == APPLICATION_ID
    assert reading.read_workshop(demo_file).version == CURRENT_VERSION
