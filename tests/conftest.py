"""Shared fixtures: workshops in temporary folders, never the user's own files or settings."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from workshop.demo.content import demo_content
from workshop.document import WorkshopDocument
from workshop.store import files

TODAY = date(2027, 6, 1)

NO_SKIPS = "SMARKETING_WORKSHOP_NO_SKIPS"
"""Set by ``.ci/run``: a test skipped there (a missing tool, a missing file) fails instead."""


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    """Under ``NO_SKIPS``, turn a skip into a failure that says what was missing."""
    outcome = yield
    report = outcome.get_result()  # type: ignore[attr-defined]
    if os.environ.get(NO_SKIPS) != "1" or not report.skipped or hasattr(report, "wasxfail"):
        return
    reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
    report.outcome = "failed"
    report.longrepr = f"skipped where CI needs every test to run: {reason}"


def write_version(path: Path, version: int) -> None:
    """The demo workshop as file format ``version`` wrote it (tables and columns that came later left out)."""
    import sqlite3

    import sqlite_utils

    from workshop.store.schema import APPLICATION_ID, MIGRATIONS

    db = sqlite_utils.Database(sqlite3.connect(path), execute_plugins=False)
    try:
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        with db.atomic():
            for migration in MIGRATIONS[:version]:
                migration(db)
            existing = set(db.table_names())
            for name, records in demo_content(TODAY).tables().items():
                if name not in existing or not records:
                    continue
                columns = set(db[name].columns_dict)
                rows = [{k: v for k, v in r.values().items() if k in columns} for r in records]
                db[name].insert_all(rows)  # type: ignore[union-attr]
            db.execute(f"PRAGMA user_version = {version}")
    finally:
        db.close()


@pytest.fixture(scope="session")
def demo_tables() -> files.Tables:
    """The demo's records, built once: its MQL definition is scored on 9,237 real leads."""
    return demo_content(TODAY).tables()


@pytest.fixture(autouse=True)
def _signing_data_folder(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """The local certificate authority lives in a temporary folder, never the user's own."""
    monkeypatch.setenv("SMARKETING_WORKSHOP_DATA", str(tmp_path_factory.mktemp("user-data")))


@pytest.fixture
def demo_file(tmp_path: Path, demo_tables: files.Tables) -> Path:
    """A demo workshop file, closed."""
    path = tmp_path / "demo.smw"
    files.write_new(path, demo_tables)
    return path


@pytest.fixture
def document(demo_file: Path) -> Iterator[WorkshopDocument]:
    """The demo workshop, open for editing."""
    doc = WorkshopDocument.open(demo_file)
    yield doc
    doc.close()
