"""Shared fixtures: workshops in temporary folders, never the user's own files or settings."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from workshop.demo import demo_content
from workshop.document import WorkshopDocument
from workshop.store import files

TODAY = date(2027, 6, 1)


@pytest.fixture(autouse=True)
def _signing_data_folder(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """The local certificate authority lives in a temporary folder, never the user's own."""
    monkeypatch.setenv("SMARKETING_WORKSHOP_DATA", str(tmp_path_factory.mktemp("user-data")))


@pytest.fixture
def demo_file(tmp_path: Path) -> Path:
    """A demo workshop file, closed."""
    path = tmp_path / "demo.smw"
    files.write_new(path, demo_content(TODAY).tables())
    return path


@pytest.fixture
def document(demo_file: Path) -> Iterator[WorkshopDocument]:
    """The demo workshop, open for editing."""
    doc = WorkshopDocument.open(demo_file)
    yield doc
    doc.close()
