"""Every headless command with hostile arguments: a one-line message, exit status 1, nothing changed.

Pipes, devices, folders and symlink loops are refused at once (each command runs in
its own process with a 10 s limit, so a hang fails the test rather than the suite).
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from workshop import cli
from workshop.document import WorkshopDocument
from workshop.edits import Insert, Update
from workshop.model import Participant
from workshop.run_log import SPEAKER, START

ROOT = Path(__file__).resolve().parents[2]
posix_only = pytest.mark.skipif(sys.platform == "win32", reason="named pipes and symlink loops are POSIX")


def run_cli(*args: str, timeout: float = 10) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "workshop.cli", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
        check=False,
    )


def assert_refused(result: subprocess.CompletedProcess[str], *words: str) -> None:
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1, result.stderr
    for word in words:
        assert word in result.stderr, result.stderr


def folder_state(folder: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()
    }


@posix_only
def test_a_named_pipe_is_refused_at_once_as_a_workshop(tmp_path: Path) -> None:
    pipe = tmp_path / "f.smw"
    os.mkfifo(pipe)
    assert_refused(run_cli("export", str(pipe), "--json", "-"), "f.smw", "named pipe")


@posix_only
def test_a_named_pipe_is_refused_at_once_as_a_lead_history(tmp_path: Path) -> None:
    pipe = tmp_path / "leads.csv"
    os.mkfifo(pipe)
    definition = tmp_path / "def.json"
    definition.write_text(json.dumps({"name": "x", "threshold": 10, "rules": []}), encoding="utf-8")
    assert_refused(
        run_cli("score-leads", str(pipe), "--definition", str(definition)), "leads.csv", "named pipe"
    )


@posix_only
def test_a_symlink_loop_and_a_device_are_refused(tmp_path: Path) -> None:
    loop = tmp_path / "loop.smw"
    loop.symlink_to(loop)
    assert_refused(run_cli("export", str(loop), "--json", "-"), "loop.smw", "circle")
    assert_refused(run_cli("export", os.devnull, "--json", "-"), "device")


def test_a_date_at_the_end_of_time_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    status = cli.main(["check-goal", "Increase MQLs by 20% by end of Q3", "--today", "9999-12-31"])
    error = capsys.readouterr().err
    assert status == 1
    assert "between the years 1900 and 9000" in error and "Traceback" not in error


def test_a_definition_nested_100000_deep_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    definition = tmp_path / "deep.json"
    definition.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    leads = tmp_path / "leads.csv"
    leads.write_text("email,converted\na@b.c,yes\n", encoding="utf-8")
    status = cli.main(["score-leads", str(leads), "--definition", str(definition)])
    error = capsys.readouterr().err
    assert status == 1
    assert "nested more than" in error and "deep.json" in error


def test_a_utf16_lead_history_of_odd_length_reads_without_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    definition = tmp_path / "def.json"
    definition.write_text(
        json.dumps(
            {
                "name": "x",
                "threshold": 10,
                "rules": [{"field": "score", "op": ">=", "value": 5, "points": 10}],
            }
        ),
        encoding="utf-8",
    )
    leads = tmp_path / "leads.csv"
    leads.write_bytes("score,converted\n7,yes\n3,no\n".encode("utf-16") + b"\x41")  # one byte too many
    status = cli.main(["score-leads", str(leads), "--definition", str(definition)])
    captured = capsys.readouterr()
    assert status in (0, 1)
    assert "Traceback" not in captured.err and "UnicodeDecodeError" not in captured.err
    if status == 1:
        assert captured.err.count("\n") == 1


def test_turns_csv_cannot_run_a_participant_name_as_a_formula(
    document: WorkshopDocument, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    evil = "=cmd|' /C calc'!A0"
    person = document.apply("Add", [Insert(Participant(name=evil, team="sales"))])[0]
    assert isinstance(person, Insert)
    document.run_log.append(0, START, "", "")
    document.run_log.append(0, SPEAKER, f"p:{person.record.id}", "")
    document.run_log.append(5000, SPEAKER, "", "")
    path = document.path
    document.close()
    out = tmp_path / "turns.csv"
    assert cli.main(["export", str(path), "--turns-csv", str(out)]) == 0
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    names = [row[3] for row in rows[1:]]
    assert "'" + evil in names
    assert not any(cell.startswith(("=", "+", "@")) for row in rows for cell in row)


def test_an_unexpected_error_is_a_short_message_and_a_crash_report(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from workshop.commands import check_goal
    from workshop.crash import crash_folder

    def explode(args: object) -> int:
        raise RuntimeError("the checker fell over")

    monkeypatch.setattr(check_goal, "run", explode)
    status = cli.main(["check-goal", "anything"])
    error = capsys.readouterr().err
    assert status == 1
    assert error.count("\n") == 1 and "Traceback" not in error
    reports = list(crash_folder().glob("crash-*.txt"))
    assert len(reports) == 1
    assert str(reports[0]) in error
    text = reports[0].read_text(encoding="utf-8")
    assert "Traceback" in text and "the checker fell over" in text


def test_text_with_a_lone_surrogate_or_a_nul_is_stored_visibly_replaced(document: WorkshopDocument) -> None:
    document.apply("Rename", [Update.of(document.info, title="Q3 \ud83d offsite\x00")])
    person = document.apply("Add", [Insert(Participant(name="Dana \udc00"))])[0]
    assert isinstance(person, Insert)
    assert document.write_error is None
    assert document.info.title == "Q3 \ufffd offsite\ufffd"
    document.apply("Rename again", [Update.of(document.info, venue="Room 42")])
    path = document.path
    document.close()
    reopened = WorkshopDocument.open(path, read_only=True)
    try:
        assert reopened.info.title == "Q3 \ufffd offsite\ufffd"
        assert reopened.info.venue == "Room 42"  # later edits of the same record kept
        assert reopened.find(Participant.TABLE, person.record.id)[1].name == "Dana \ufffd"  # type: ignore[attr-defined]
    finally:
        reopened.close()


def test_a_joined_surrogate_pair_becomes_its_character(document: WorkshopDocument) -> None:
    document.apply("Rename", [Update.of(document.info, title="Launch \ud83d\ude80")])
    assert document.info.title == "Launch 🚀"


def test_any_failed_write_sets_the_write_error_state(
    document: WorkshopDocument, monkeypatch: pytest.MonkeyPatch
) -> None:
    from workshop.store import files

    def refuse(*args: object) -> None:
        raise ValueError("something no one expected")

    monkeypatch.setattr(files, "write_records", refuse)
    document.apply("Rename", [Update.of(document.info, title="Not in the file")])
    assert document.write_error is not None
    assert "not saved" in str(document.write_error) or "could not be written" in str(document.write_error)
    assert not document.saving


def test_an_agenda_item_of_absurd_length_is_kept_to_a_day(document: WorkshopDocument) -> None:
    from workshop.model import AgendaItem

    item = document.typed(AgendaItem)[0]
    document.apply("Lengthen", [Update.of(item, minutes=99_999_999_999_999)])
    assert document.find(AgendaItem.TABLE, item.id)[1].minutes == 24 * 60  # type: ignore[attr-defined]


def test_a_regenerated_ca_key_is_private_even_if_the_old_one_was_not(tmp_path: Path) -> None:
    from workshop.signoff.signing import LocalAuthority

    authority = LocalAuthority(tmp_path)
    authority.folder.mkdir(parents=True)
    key = authority.folder / "workshop-ca-key.pem"
    key.write_bytes(b"old")
    key.chmod(0o644)
    authority.certificate_pem()
    assert key.stat().st_mode & 0o777 == 0o600


def test_save_as_that_fails_on_a_full_disk_does_not_advise_save_as(
    document: WorkshopDocument, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    from workshop.store import files
    from workshop.store.errors import FileWriteError

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(files, "write_new", full)
    with pytest.raises(FileWriteError) as raised:
        document.save_as(tmp_path / "copy.smw")
    assert "full" in str(raised.value)
    assert "Save As" not in str(raised.value)
    assert "another disk" in str(raised.value)


RATES = [
    "--rate",
    "visitor-lead=0.02",
    "--rate",
    "lead-mql=0.2",
    "--rate",
    "mql-sql=0.4",
    "--rate",
    "sql-won=0.25",
]
HOSTILE = [
    ["verify", "pipe"],
    ["verify", "folder"],
    ["verify", "loop"],
    ["demo", "loop"],
    ["demo", "pipe"],
    ["import", "pipe", "out.smw"],
    ["import", "garbage.pdf", "out.smw"],
    ["export", "folder", "--json", "-"],
    ["export", "garbage.pdf", "--turns-csv", "out.csv"],
    ["score-leads", "pipe", "--definition", "garbage.pdf"],
    ["score-leads", "garbage.pdf", "--definition", "loop"],
    ["check-goal", "Grow", "--today", "0001-01-01"],
    ["funnel", "--revenue", "1e999", "--deal-size", "5", *RATES],
    ["funnel", "--revenue", "100000", "--deal-size", "5", "--months", "99999999999", *RATES],
    ["funnel", "--revenue", "100000", "--deal-size", "5", "--cycle-days", "99999999999999", *RATES],
]


@posix_only
@pytest.mark.parametrize("args", HOSTILE, ids=[" ".join(a[:3]) for a in HOSTILE])
def test_every_command_refuses_hostile_arguments_in_one_line_and_changes_nothing(
    tmp_path: Path, args: list[str]
) -> None:
    os.mkfifo(tmp_path / "pipe")
    (tmp_path / "folder").mkdir()
    (tmp_path / "loop").symlink_to(tmp_path / "loop")
    (tmp_path / "garbage.pdf").write_bytes(b"\xff\xfe not a pdf, not json, not a workshop \x00")
    before = folder_state(tmp_path)
    names = sorted(p.name for p in tmp_path.iterdir())
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-m", "workshop.cli", *args],
        capture_output=True,
        text=True,
        timeout=10,
        env=env,
        cwd=tmp_path,
        check=False,
    )
    assert_refused(result)
    assert folder_state(tmp_path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == names
