"""The SLA page (Ctrl+7), the Sign-off page (Ctrl+8) and File ▸ Export SLA / Goals PDF."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from tests.ui.conftest import ScriptedDialogs
from tests.ui.keys import CTRL, SHIFT, put_cursor_in
from ui.main_window import MainWindow
from ui.signoff.page import SignoffPage
from ui.sla.page import SlaPage
from workshop.document import WorkshopDocument
from workshop.model import SlaClause, SlaRecord
from workshop.signoff.signing import synthetic_signature
from workshop.sla import agreement as sla


def sla_page(window: MainWindow) -> SlaPage:
    assert window.view is not None
    window.show_stage("sla")
    page = window.view.page("sla")
    assert isinstance(page, SlaPage)
    return page


def editable_sla_page(window: MainWindow) -> SlaPage:
    """The SLA page with the demo's signed version opened for editing (the user chose to void it)."""
    page = sla_page(window)
    page._unlocked = sla.fingerprint(document(window).content())
    page._apply_lock()
    return page


def signoff_page(window: MainWindow) -> SignoffPage:
    assert window.view is not None
    window.show_stage("signoff")
    page = window.view.page("signoff")
    assert isinstance(page, SignoffPage)
    return page


def document(window: MainWindow) -> WorkshopDocument:
    assert window.document is not None
    return window.document


def test_sla_page_lists_clauses_warns_and_previews(window: MainWindow) -> None:
    page = sla_page(window)
    assert page.clause_list.count() == len(sla.templates())
    assert "⚠" not in page.clause_list.item(1).text()  # MQLs per month come from the funnel
    assert "still a draft" in page.warnings.text()  # the demo's draft goals
    assert "at least 183 marketing-qualified leads" in page.preview.toPlainText()


def test_typing_a_number_updates_the_preview_and_undo_restores_it(window: MainWindow, qtbot: QtBot) -> None:
    page = editable_sla_page(window)
    page.clause_list.setCurrentRow(2)
    field = page._blank_fields["first_contact_hours"]
    field.selectAll()
    qtbot.keyClicks(field, "8")
    assert "within 8 business hours" in page.preview.toPlainText()
    clause = document(window).typed(SlaClause)[2]
    assert json.loads(clause.parameters)["first_contact_hours"] == "8"
    window.undo()
    assert "within 24 business hours" in page.preview.toPlainText()


def test_ctrl_z_in_the_clause_fields_undoes_the_document(window: MainWindow, qtbot: QtBot) -> None:
    page = editable_sla_page(window)
    page.clause_list.setCurrentRow(2)
    put_cursor_in(qtbot, page.heading)
    page.heading.end(False)
    qtbot.keyClicks(page.heading, " (revised)")
    qtbot.keyClick(page.heading, Qt.Key.Key_Z, CTRL)
    assert page.heading.text() == "Sales' commitment" == document(window).typed(SlaClause)[2].heading
    assert window.redo_action.text() == "&Redo Edit clause heading"  # undone, not typed back as a new edit
    qtbot.keyClick(page.heading, Qt.Key.Key_Z, CTRL | SHIFT)
    assert page.heading.text() == "Sales' commitment (revised)"
    assert document(window).typed(SlaClause)[2].heading == "Sales' commitment (revised)"

    field = page._blank_fields["first_contact_hours"]
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    field.selectAll()
    qtbot.keyClicks(field, "8")
    qtbot.keyClick(field, Qt.Key.Key_Z, CTRL)
    assert field.text() == "24"  # shown although the cursor is in it
    assert json.loads(document(window).typed(SlaClause)[2].parameters)["first_contact_hours"] == "24"
    assert "within 24 business hours" in page.preview.toPlainText()
    qtbot.keyClick(field, Qt.Key.Key_Y, CTRL)
    assert field.text() == "8" and "within 8 business hours" in page.preview.toPlainText()

    wording = page.wording
    wording.setFocus()
    qtbot.waitUntil(wording.hasFocus)
    before = wording.toPlainText()
    wording.moveCursor(wording.textCursor().MoveOperation.End)
    qtbot.keyClicks(wording, " At most {misses} misses.")
    assert document(window).typed(SlaClause)[2].wording == before + " At most {misses} misses."
    assert "misses" in page._blank_fields
    qtbot.keyClick(wording, Qt.Key.Key_Z, CTRL)
    assert wording.toPlainText() == before == document(window).typed(SlaClause)[2].wording
    assert window.redo_action.text() == "&Redo Edit clause"
    assert "misses" not in page._blank_fields
    qtbot.keyClick(wording, Qt.Key.Key_Z, CTRL | SHIFT)
    assert "misses" in page._blank_fields and wording.toPlainText().endswith("{misses} misses.")


def test_add_and_remove_a_clause(window: MainWindow, qtbot: QtBot) -> None:
    page = editable_sla_page(window)
    page._add(None)
    assert page.clause_list.count() == len(sla.templates()) + 1
    page.wording.setPlainText("Marketing runs {events} events a year.")
    assert "[not agreed yet: Events]" in page.preview.toPlainText()
    assert "Events" in page._blank_fields["events"].accessibleName()
    page._remove()
    assert page.clause_list.count() == len(sla.templates())


def test_keyboard_adds_moves_and_removes_clauses(window: MainWindow, qtbot: QtBot) -> None:
    page = editable_sla_page(window)
    page.clause_list.setFocus()
    page.clause_list.setCurrentRow(0)
    qtbot.keyClick(page.clause_list, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert document(window).typed(SlaClause)[1].key == "parties"
    qtbot.keyClick(
        page.clause_list,
        Qt.Key.Key_N,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert len(document(window).typed(SlaClause)) == len(sla.templates()) + 1
    page.clause_list.setFocus()
    qtbot.keyClick(page.clause_list, Qt.Key.Key_Delete)
    assert len(document(window).typed(SlaClause)) == len(sla.templates())


def test_a_signed_sla_is_shown_signed_and_editing_it_asks_first(
    window: MainWindow, qtbot: QtBot, dialogs: ScriptedDialogs
) -> None:
    doc = document(window)
    page = sla_page(window)
    assert page.signed_state.isVisibleTo(page)
    assert "Signed" in page.signed_state.text() and "Dana Whitfield" in page.signed_state.text()
    page.clause_list.setCurrentRow(0)
    before = page.heading.text()
    qtbot.keyClicks(page.heading, " (revised)")
    assert page.heading.text() == before  # a keystroke does not void the signatures
    assert len(sla.current_signatures(doc.content())) == 3
    dialogs.choices.append("keep")
    page.edit_signed.click()
    assert dialogs.questions[-1].startswith(
        "This voids 3 signatures (Dana Whitfield, Priya Raman, Claire Dubois)"
    )
    assert page.heading.isReadOnly()
    dialogs.choices.append("edit")
    page.edit_signed.click()
    assert not page.heading.isReadOnly()
    qtbot.keyClicks(page.heading, " (revised)")
    assert sla.current_signatures(doc.content()) == []
    assert not page.signed_state.isVisibleTo(page)


def unlock_and_edit(window: MainWindow, qtbot: QtBot, dialogs: ScriptedDialogs, text: str) -> None:
    page = sla_page(window)
    page.clause_list.setCurrentRow(0)
    dialogs.choices.append("edit")
    page.edit_signed.click()
    qtbot.keyClicks(page.heading, text)


def test_an_edit_voids_the_signatures_and_counts_them_right(
    window: MainWindow, qtbot: QtBot, dialogs: ScriptedDialogs
) -> None:
    doc = document(window)
    signoff = signoff_page(window)
    assert "Signed by every signatory" in signoff.status.text()
    assert not signoff.signer_box.isVisibleTo(signoff)
    unlock_and_edit(window, qtbot, dialogs, " (revised)")
    signoff = signoff_page(window)
    assert "edited after 3 signatures: they are void" in signoff.status.text()
    assert signoff.signer_box.isVisibleTo(signoff)
    assert signoff.name.text() == "Dana Whitfield" and signoff.title.text() == "VP Sales"
    assert not signoff.sign_button.isEnabled()  # nothing drawn yet
    assert not signoff.pad.isEnabled()  # and no consent yet
    assert sla.next_to_sign(doc.content()) is not None


def draw(qtbot: QtBot, pad: QWidget) -> None:
    qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=QPoint(40, 60))
    for x in range(45, 300, 15):
        qtbot.mouseMove(pad, QPoint(x, 60 + (x % 30)))
    qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=QPoint(300, 70))


def test_each_signatory_signs_in_turn_and_the_record_grows_one_signature_at_a_time(
    window: MainWindow, qtbot: QtBot, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    from workshop.report.record import current_record, record_bytes, record_signers
    from workshop.signoff.signing import LocalAuthority
    from workshop.signoff.verification import verify_pdf

    doc = document(window)
    unlock_and_edit(window, qtbot, dialogs, " v2")
    signoff = signoff_page(window)
    records_before = len(doc.typed(SlaRecord))
    for count, name in enumerate(("Dana Whitfield", "Priya Raman", "Claire Dubois"), 1):
        assert signoff.name.text() == name
        assert sla.fingerprint(doc.content()) in signoff.consent.text()
        signoff.consent.setChecked(True)
        draw(qtbot, signoff.pad)
        assert signoff.sign_button.isEnabled()
        dialogs.choices.append("sign")  # over the open points, if any
        signoff.sign_button.click()
        record = current_record(doc.content())
        assert record is not None and record_signers(record) == count  # applied at once, not at the end
        assert verify_pdf(record_bytes(record)).signatures[-1].signer == name
    assert not dialogs.errors
    assert "Signed by every signatory" in signoff.status.text()
    assert len(doc.typed(SlaRecord)) == records_before + 1
    assert "(current version)" in signoff.records.item(0).text()
    dialogs.paths.append(tmp_path / "signed.pdf")
    signoff.save_record()
    result = verify_pdf((tmp_path / "signed.pdf").read_bytes(), [LocalAuthority().certificate_path])
    assert result.code == 0, result.summary()
    assert [s.signer for s in result.signatures] == ["Dana Whitfield", "Priya Raman", "Claire Dubois"]
    unlock_and_edit(window, qtbot, dialogs, " v3")  # a second round voided: 3 signatures, not 6
    signoff = signoff_page(window)
    assert "edited after 3 signatures: they are void" in signoff.status.text()


def test_open_points_are_listed_and_signing_over_them_needs_a_deliberate_click(
    window: MainWindow, qtbot: QtBot, dialogs: ScriptedDialogs
) -> None:
    from ui.signoff.page import open_points

    doc = document(window)
    page = sla_page(window)
    page.clause_list.setCurrentRow(0)
    dialogs.choices.append("edit")
    page.edit_signed.click()
    page.wording.setPlainText(page.wording.toPlainText() + " {new_blank}")
    points = open_points(doc.content())
    assert points
    signoff = signoff_page(window)
    assert signoff.open_points.isVisibleTo(signoff)
    assert all(point in signoff.open_points.text() for point in points[:1])
    signoff.consent.setChecked(True)
    draw(qtbot, signoff.pad)
    dialogs.choices.append("back")
    signoff.sign_button.click()
    assert "open point" in dialogs.questions[-1]
    assert sla.current_signatures(doc.content()) == []  # going back signs nothing
    dialogs.choices.append("sign")
    signoff.sign_button.click()
    assert len(sla.current_signatures(doc.content())) == 1


def test_a_fully_signed_sla_without_a_record_offers_to_apply_the_signatures(window: MainWindow) -> None:
    doc = document(window)
    signoff = signoff_page(window)
    assert not doc.typed(SlaRecord)  # signatures drawn by an earlier version, no PDF yet
    assert signoff.make_record.isVisibleTo(signoff)
    assert "Apply the signatures" in signoff.status.text()
    assert not signoff.save_button.isEnabled()  # nothing to save yet
    signoff.make_record.click()
    assert len(doc.typed(SlaRecord)) == 1
    assert not signoff.make_record.isVisibleTo(signoff)
    assert signoff.save_button.isEnabled()
    assert "kept below" in signoff.status.text()
    assert "(current version)" in signoff.records.item(0).text()


def test_pad_clears_and_redraws(qtbot: QtBot) -> None:
    from ui.signoff.signature_pad import SignaturePad

    pad = SignaturePad()
    qtbot.addWidget(pad)
    pad.set_strokes(synthetic_signature("Zoë"))
    assert pad.strokes
    pad.clear()
    assert pad.strokes == []


def test_file_menu_exports_the_sla_pdf_in_the_background(
    window: MainWindow, qtbot: QtBot, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    target = tmp_path / "out.pdf"
    dialogs.paths.append(target)
    with qtbot.waitSignal(window.pdf_exporter.finished, timeout=20000):
        window.pdf_exporter.export_sla()
    assert target.read_bytes().startswith(b"%PDF")
    dialogs.paths.append(tmp_path / "goals.pdf")
    with qtbot.waitSignal(window.pdf_exporter.finished, timeout=20000):
        window.pdf_exporter.export_goals()
    assert (tmp_path / "goals.pdf").stat().st_size > 1000
    assert not dialogs.errors


def test_blanks_in_the_wording_stand_out_and_are_explained(window: MainWindow) -> None:
    page = sla_page(window)
    page.clause_list.setCurrentRow(0)
    wording = page.wording.toPlainText()
    start = wording.index("{company}")
    block = page.wording.document().firstBlock()
    marked = [
        r
        for r in block.layout().formats()
        if r.start <= start < r.start + r.length and r.format.fontWeight() > 400
    ]
    assert marked and marked[0].length == len("{company}")  # the whole blank, braces included
    plain = [r for r in block.layout().formats() if r.start <= 0 < r.start + r.length]
    assert not plain  # ordinary words keep the ordinary look
    assert "blanks" in page.blanks_legend.text() and page.blanks_legend.isVisibleTo(page)
