"""The time zone, working hours, review time and carried-over actions: in the file and in JSON."""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from pathlib import Path

from tests.conftest import write_version
from workshop.clock import local_zone_name
from workshop.demo.content import demo_content
from workshop.document import WorkshopDocument
from workshop.edits import Update
from workshop.model import ActionItem, WorkshopInfo
from workshop.report.json_export import workshop_json
from workshop.report.json_import import content_from_json
from workshop.store.schema import CURRENT_VERSION, REVIEW_SETTINGS_VERSION

TODAY = date(2027, 6, 1)


def test_a_file_from_before_gains_this_computers_zone_and_the_default_hours(tmp_path: Path) -> None:
    path = tmp_path / "old.smw"
    write_version(path, REVIEW_SETTINGS_VERSION - 1)
    doc = WorkshopDocument.open(path)
    try:
        info = doc.typed(WorkshopInfo)[0]
        assert info.time_zone == local_zone_name()
        assert (info.work_days, info.work_start, info.work_end) == ("mon,tue,wed,thu,fri", "09:00", "17:00")
        assert info.review_time == info.day_start
        assert all(a.carried_from == "" for a in doc.typed(ActionItem))
        assert doc.typed(ActionItem)  # the demo's actions came through
    finally:
        doc.close()


def test_the_settings_are_kept_in_the_file(tmp_path: Path) -> None:
    path = tmp_path / "w.smw"
    doc = WorkshopDocument.create(path, demo_content(TODAY))
    try:
        info = doc.typed(WorkshopInfo)[0]
        doc.apply(
            "working hours",
            [
                Update.of(
                    info,
                    time_zone="Asia/Kolkata",
                    work_days="sun,mon",
                    work_start="08:30",
                    review_time="14:00",
                )
            ],
        )
    finally:
        doc.close()
    doc = WorkshopDocument.open(path)
    try:
        info = doc.typed(WorkshopInfo)[0]
        assert (info.time_zone, info.work_days, info.work_start, info.review_time) == (
            "Asia/Kolkata",
            "sun,mon",
            "08:30",
            "14:00",
        )
    finally:
        doc.close()


def test_json_export_holds_the_settings_and_an_older_export_still_imports() -> None:
    content = demo_content(TODAY)
    content.info = dataclasses.replace(content.info, time_zone="America/Chicago", work_end="18:00")
    data = json.loads(json.dumps(workshop_json(content)))
    assert data["workshop"]["time_zone"] == "America/Chicago"
    assert data["workshop"]["work_end"] == "18:00"
    back = content_from_json(data).content
    assert (back.info.time_zone, back.info.work_end) == ("America/Chicago", "18:00")
    # As the version before wrote it: none of the new fields.
    older = json.loads(json.dumps(data))
    older["records"]["file_format"] = REVIEW_SETTINGS_VERSION - 1
    for field in ("time_zone", "work_days", "work_start", "work_end", "review_time"):
        del older["records"]["tables"]["workshop"][0][field]
    for action in older["records"]["tables"]["action_items"]:
        del action["carried_from"]
    imported = content_from_json(older).content
    assert imported.info.time_zone == local_zone_name()
    assert imported.info.work_days == "mon,tue,wed,thu,fri"
    assert len(imported.actions) == len(content.actions)
    assert CURRENT_VERSION >= REVIEW_SETTINGS_VERSION


def test_a_file_with_settings_out_of_form_opens_with_the_defaults_and_says_which(demo_file: Path) -> None:
    import sqlite3

    from workshop.store.reading import read_workshop

    conn = sqlite3.connect(demo_file)
    with conn:
        conn.execute("UPDATE workshop SET time_zone = '../../etc/passwd', work_days = 'mon,funday'")
        conn.execute("UPDATE workshop SET work_start = '25:00'")
    conn.close()
    contents = read_workshop(demo_file)
    text = contents.problems_text()
    assert "time_zone" in text and "work_days" in text and "work_start" in text
    info = next(iter(contents.tables[WorkshopInfo.TABLE]))
    assert isinstance(info, WorkshopInfo)
    assert (info.time_zone, info.work_days, info.work_start) == ("", "mon,tue,wed,thu,fri", "09:00")
