"""export → import → export gives the same JSON; signed PDFs come back byte for byte; bad JSON is refused."""

from __future__ import annotations

import base64
import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from workshop import cli
from workshop.document import WorkshopDocument
from workshop.edits import Update
from workshop.model import AgendaItem, Goal, Participant, SlaClause, WorkshopContent
from workshop.run_log import ITEM, SPEAKER, START, RunLog
from workshop.store import files


def export(path: Path, out: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    assert cli.main(["export", str(path), "--json", str(out)]) == 0, capsys.readouterr().err
    data: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    data.pop("exported_at")
    return data


def import_(source: Path, out: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = cli.main(["import", str(source), str(out)])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def round_trip(path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[dict[str, Any], Path]:
    first = export(path, tmp_path / "first.json", capsys)
    rebuilt = tmp_path / "rebuilt.smw"
    status, _out, err = import_(tmp_path / "first.json", rebuilt, capsys)
    assert status == 0, err
    second = export(rebuilt, tmp_path / "second.json", capsys)
    assert second == first
    return first, rebuilt


def test_the_demo_with_a_run_and_a_signed_record_round_trips_exactly(
    document: WorkshopDocument, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from workshop.report.signed_record import record_signed_pdf
    from workshop.signoff.signing import LocalAuthority
    from workshop.sla import agreement as sla

    agenda = document.typed(AgendaItem)
    document.run_log.append(0, START, str(agenda[0].id), "2027-06-14T09:00:00+02:00")
    document.run_log.append(1500, SPEAKER, "sales", "2027-06-14T09:00:01+02:00")
    document.run_log.append(90_000, ITEM, str(agenda[1].id), "2027-06-14T09:01:30+02:00")
    document.run_log.checkpoint(95_000)
    assert sla.fully_signed(document.content())
    record = record_signed_pdf(document, LocalAuthority(tmp_path / "ca"), "a4")
    path = document.path
    document.close()
    first, rebuilt = round_trip(path, tmp_path, capsys)
    assert first["records"]["run"]["checkpoint_ms"] == 95_000 and len(first["records"]["run"]["events"]) == 3
    reopened = WorkshopDocument.open(rebuilt, read_only=True)
    try:
        pdf = reopened.content().sla_records[0].pdf
        assert base64.b64decode(pdf) == base64.b64decode(record.pdf)  # the signed PDF, byte for byte
        assert sla.fully_signed(reopened.content())
        assert reopened.run_log.checkpoint_ms == 95_000
    finally:
        reopened.close()


def large_content(demo: WorkshopContent) -> WorkshopContent:
    demo.participants = [Participant(name=f"Person {i} “quoted”, ü", team="sales") for i in range(1500)]
    demo.agenda = [AgendaItem(title=f"Item {i}", minutes=5 + i % 60) for i in range(400)]
    demo.goals = [Goal(team="marketing", statement=f"Increase MQLs by {i}% by end of Q3") for i in range(200)]
    events = []
    for i in range(3000):
        events.append((i + 1, i * 1000, SPEAKER, "sales" if i % 2 else "marketing", ""))
    from workshop.run_log import RunEvent

    demo.run_log = RunLog([RunEvent(*e) for e in events], 3_000_000)
    return demo


def test_a_large_workshop_round_trips_exactly(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from tests.conftest import TODAY
    from workshop.demo.content import demo_content

    path = tmp_path / "large.smw"
    files.write_content(path, large_content(demo_content(TODAY)))
    first, _rebuilt = round_trip(path, tmp_path, capsys)
    assert len(first["participants"]) == 1500 and len(first["records"]["run"]["events"]) == 3000


@pytest.fixture
def exported(demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    return export(demo_file, tmp_path / "demo.json", capsys)


def write(tmp_path: Path, data: object, name: str = "in.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_a_signature_that_no_longer_matches_comes_in_void(
    exported: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    clauses = exported["records"]["tables"][SlaClause.TABLE]
    clauses[0]["wording"] += " (changed after signing)"
    status, out, err = import_(write(tmp_path, exported), tmp_path / "out.smw", capsys)
    assert status == 0, err
    assert "come in void" in out
    from workshop.sla import agreement as sla

    document = WorkshopDocument.open(tmp_path / "out.smw", read_only=True)
    try:
        assert not sla.fully_signed(document.content())
    finally:
        document.close()


def test_a_tampered_signed_pdf_comes_in_void_and_never_reads_as_signed(
    document: WorkshopDocument, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from workshop.report.record import current_record
    from workshop.report.signed_record import record_signed_pdf
    from workshop.signoff.signing import LocalAuthority

    record_signed_pdf(document, LocalAuthority(tmp_path / "ca"), "a4")
    path = document.path
    document.close()
    data = export(path, tmp_path / "signed.json", capsys)
    row = data["records"]["tables"]["sla_records"][0]
    pdf = bytearray(base64.b64decode(row["pdf"]))
    middle = len(pdf) // 3
    pdf[middle] = pdf[middle] ^ 0x01
    row["pdf"] = base64.b64encode(bytes(pdf)).decode("ascii")
    status, out, err = import_(write(tmp_path, data), tmp_path / "out.smw", capsys)
    assert status == 0, err
    assert "comes in void" in out
    rebuilt = WorkshopDocument.open(tmp_path / "out.smw", read_only=True)
    try:
        assert current_record(rebuilt.content()) is None
    finally:
        rebuilt.close()


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (lambda d: d.update(schema_version=99), "newer version"),
        (lambda d: d["records"].update(file_format=99), "newer version"),
        (lambda d: d.pop("records"), "no “records” section"),
        (
            lambda d: d["records"]["tables"]["agenda_items"][0].update(minutes="forty"),
            "agenda, record 1: minutes",
        ),
        (lambda d: d["records"]["tables"]["agenda_items"][0].update(minutes=10**15), "outside"),
        (lambda d: d["records"]["tables"]["participants"][0].pop("name"), "lacks the field “name”"),
        (
            lambda d: d["records"]["tables"]["workshop"].append(d["records"]["tables"]["workshop"][0]),
            "2 workshops",
        ),
        (lambda d: d["records"]["run"].update(events=[[1, -5, "start", "", ""]]), "the run's log"),
        (lambda d: d["records"]["tables"]["mql_definition"][0].update(history="{oops"), "history holds JSON"),
        (
            lambda d: d["records"]["tables"]["room_checks"][0].update(answers="{not a list"),
            "the room's attainability checks, record 1: answers holds JSON",
        ),
        (lambda d: d["records"]["tables"]["dot_votes"][0].update(tally="{}"), "tally holds the wrong kind"),
    ],
)
def test_a_json_that_fails_a_check_is_refused_naming_the_first_problem(
    exported: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str], change: Any, words: str
) -> None:
    change(exported)
    status, _out, err = import_(write(tmp_path, exported), tmp_path / "out.smw", capsys)
    assert status == 1
    assert words in err and err.count("\n") == 1, err
    assert not (tmp_path / "out.smw").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["demo.json", "demo.smw", "in.json"]


def test_hostile_strings_come_in_storable_and_deep_json_is_refused(
    exported: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    exported["records"]["tables"]["workshop"][0]["title"] = "PLACEHOLDER"
    text = json.dumps(exported).replace("PLACEHOLDER", "Q3 \\ud83d\\u0000 offsite")
    source = tmp_path / "hostile.json"
    source.write_text(text, encoding="utf-8")
    status, _out, err = import_(source, tmp_path / "out.smw", capsys)
    assert status == 0, err
    document = WorkshopDocument.open(tmp_path / "out.smw", read_only=True)
    try:
        assert document.info.title == "Q3 \ufffd\ufffd offsite"
    finally:
        document.close()
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    status, _out, err = import_(deep, tmp_path / "deep.smw", capsys)
    assert status == 1 and "nested more than" in err


def test_import_never_writes_over_an_existing_file(
    exported: dict[str, Any], tmp_path: Path, demo_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = demo_file.read_bytes()
    status, _out, err = import_(write(tmp_path, exported), demo_file, capsys)
    assert status == 1 and "exists already" in err
    assert demo_file.read_bytes() == before


def test_an_edit_after_import_goes_on_normally(
    exported: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert import_(write(tmp_path, exported), tmp_path / "out.smw", capsys)[0] == 0
    document = WorkshopDocument.open(tmp_path / "out.smw")
    try:
        document.apply("Rename", [Update.of(document.info, title="Imported and edited")])
        assert document.write_error is None
    finally:
        document.close()
    assert WorkshopDocument.open(tmp_path / "out.smw", read_only=True).info.title == "Imported and edited"


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs poppler-utils")
def test_a_draft_from_the_imported_workshop_has_the_same_text_and_page_images(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from workshop.report.sla_pdf import draft_pdf

    export(demo_file, tmp_path / "demo.json", capsys)
    rebuilt = tmp_path / "rebuilt.smw"
    assert import_(tmp_path / "demo.json", rebuilt, capsys)[0] == 0
    pictures = []
    for number, path in enumerate((demo_file, rebuilt)):
        document = WorkshopDocument.open(path, read_only=True)
        try:
            pdf = tmp_path / f"draft{number}.pdf"
            pdf.write_bytes(draft_pdf(document.content(), "a4"))
        finally:
            document.close()
        text = subprocess.run(
            ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
        )
        subprocess.run(
            ["pdftoppm", "-r", "40", "-png", str(pdf), str(tmp_path / f"page{number}")], check=True
        )
        images = [p.read_bytes() for p in sorted(tmp_path.glob(f"page{number}-*.png"))]
        pictures.append((text.stdout, images))
    assert pictures[0][0] == pictures[1][0] and "DRAFT" in pictures[0][0]
    assert pictures[0][1] == pictures[1][1] and len(pictures[0][1]) >= 5
