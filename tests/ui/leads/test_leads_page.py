"""The Leads & MQL page, used as a facilitator would in front of both teams."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from tests.conftest import write_version
from tests.ui.conftest import ScriptedDialogs
from ui.leads.page import LeadsPage
from ui.main_window import MainWindow
from workshop.document import WorkshopDocument
from workshop.leads.definition import definition_json
from workshop.leads.state import (
    approvals,
    bench_result_of,
    definition_of,
    fully_approved,
    history_of,
)
from workshop.leads.state import (
    test_results_of as saved_run,
)
from workshop.leads.templates import x_education_definition
from workshop.model import LeadStage, MqlState
from workshop.resources import resource_path

HISTORY = resource_path("data", "leads-x-education.csv")


def leads_page(window: MainWindow) -> LeadsPage:
    assert window.view is not None
    window.view.show_stage("leads")
    page = window.view.page("leads")
    assert isinstance(page, LeadsPage)
    return page


def saved(window: MainWindow) -> Path:
    assert window.document is not None
    return window.document.path


def stored_state(path: Path) -> MqlState:
    document = WorkshopDocument.open(path, read_only=True)
    try:
        return document.typed(MqlState)[0]
    finally:
        document.close()


def test_ctrl_6_opens_the_page_with_the_approved_demo_definition(window: MainWindow, qtbot: QtBot) -> None:
    assert window.view is not None
    qtbot.keyClick(window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    assert window.view.current_stage() == "leads"
    page = leads_page(window)
    editor = page.editor
    assert editor.threshold.value() == 40
    assert editor.rules.rowCount() == 13
    assert editor.rules.index(0, 1).data() == "What is your current occupation"
    assert editor.rules.index(9, 6).data() == "−40"  # negative rules show as minus
    assert "approved by both teams" in editor.approval.version_label.text()
    assert "Dana Whitfield" in editor.approval.status["sales"].text()
    assert "Priya Raman" in editor.approval.status["marketing"].text()
    assert "Threshold: 30 → 40 points" in editor.approval.changes.toPlainText()


def test_a_change_clears_both_approvals_and_keeps_the_old_version(window: MainWindow) -> None:
    page = leads_page(window)
    editor = page.editor
    editor.threshold.setValue(55)
    state = stored_state(saved(window))
    assert state.version == 3 and not approvals(state)
    assert history_of(state)[-1]["approvals"]["sales"]["name"] == "Dana Whitfield"
    assert "waiting for approval" in editor.approval.version_label.text()
    assert "Threshold: 40 → 55 points" in editor.approval.changes.toPlainText()
    # Sales approves again under its lead's name
    editor.approval.buttons["sales"].click()
    assert "Approved by Dana Whitfield" in editor.approval.status["sales"].text()
    assert approvals(stored_state(saved(window)))["sales"]["name"] == "Dana Whitfield"
    # undo twice: back to version 2, approved by both
    window.undo()
    window.undo()
    assert editor.threshold.value() == 40
    assert "approved by both teams" in editor.approval.version_label.text()
    assert stored_state(saved(window)).version == 2


def test_an_approval_needs_a_name(window: MainWindow) -> None:
    editor = leads_page(window).editor
    editor.approval.buttons["marketing"].click()  # withdraw
    assert "Not approved yet" in editor.approval.status["marketing"].text()
    editor.approval.names["marketing"].clear()
    editor.approval.buttons["marketing"].click()
    assert "Type the name" in editor.approval.status["marketing"].text()
    assert "marketing" not in approvals(stored_state(saved(window)))


def test_rules_are_edited_in_the_table(window: MainWindow, qtmodeltester: ModelTester) -> None:
    editor = leads_page(window).editor
    model = editor.rules
    qtmodeltester.check(model)
    assert model.setData(model.index(0, 6), "35")
    assert definition_of(stored_state(saved(window))).rules[0].points == 35
    assert not model.setData(model.index(3, 4), "lots")  # a min must be a number
    assert model.setData(model.index(3, 4), "1,200")
    assert definition_of(stored_state(saved(window))).rules[3].low == 1200
    editor.add_rule("negative")
    rows = model.rowCount()
    assert rows == 14
    assert model.index(12, 0).data() == "Negative"
    editor.view.selectRow(12)
    editor.remove_selected()
    assert model.rowCount() == 13


def test_the_lead_tester_shows_score_and_fired_rules(window: MainWindow) -> None:
    tester = leads_page(window).tester
    tester.set_values(
        {
            "What is your current occupation": "Working Professional",
            "Total Time Spent on Website": "1,234",
            "Do Not Email": "No",
        }
    )
    assert tester.result.text().startswith("✔ MQL: 55 points")
    fired = [tester.fired.item(i).text() for i in range(tester.fired.count())]
    assert fired[0].startswith("+30") and "Working Professional" in fired[0]
    tester.set_values({"Do Not Email": "Yes"})
    assert "misses a must-have" in tester.result.text()
    tester.set_values({"Total Time Spent on Website": "ten minutes"})
    assert "needs a number" in tester.result.text()


CRM = (
    "ID;Beruf;Zeit auf der Website;Quelle;Gewonnen\r\n"
    "1;Working Professional;1.500;Empfehlung;1\r\n"
    "2;Student;12,5;Select;0\r\n"
    "3;Working Professional;700;Café;1\r\n"
    "4;Student;viel;Web;0\r\n"
    "5;;30;Web;0\r\n"
)


def test_an_unknown_crm_export_imports_through_the_mapping_step(
    window: MainWindow, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    page = leads_page(window)
    bench = page.bench
    before = stored_state(saved(window))
    path = tmp_path / "crm.csv"
    path.write_bytes(CRM.encode("cp1252"))
    dialogs.paths.append(path)
    bench.import_button.click()
    assert "semicolon-separated, Windows-1252" in bench.file_label.text()
    assert bench.figures["leads"].text() == "incomplete"  # nothing maps by name, no outcome column yet
    panel = bench.mapping_panel
    panel.choose("converted", "Gewonnen")
    panel.choose("What is your current occupation", "Beruf")
    panel.choose("Total Time Spent on Website", "Zeit auf der Website")
    panel.choose("Do Not Email", "Quelle")  # a wrong pick can be corrected
    panel.choose("Do Not Email", "")
    detail = panel.details["Total Time Spent on Website"].text()
    assert "“1.500”, “12,5”, “700”, “viel”, “30” · 0 of 5 missing" in detail
    assert "read as decimal comma; 1.500 → 1500" in detail
    # the fields without a column are named, and no figure pretends to be whole
    assert "Do Not Email" in bench.unmapped_label.text() and "Lead Source" in bench.unmapped_label.text()
    assert bench.figures["leads"].text() == "incomplete"
    assert not bench.save_button.isEnabled()
    bench.partial_box.setChecked(True)
    assert bench.figures["leads"].text() == "4 (partial)"
    assert "Bad rows: 1" in bench.bad_title.text()
    assert "viel" in bench.bad_rows.item(0).text() and "line 5" in bench.bad_rows.item(0).text()
    # the rules on unmapped fields (the gate too) are left out: the two working professionals
    # with long visits qualify (30 + 25 points)
    assert bench.figures["qualified"].text() == "2 (50.0%) (partial)"
    assert bench.figures["mql_conversion"].text() == "100.0% (partial)"
    assert bench.figures["lift"].text() == "2.00× (partial)"
    assert not bench.save_button.isEnabled()  # partial figures are never evidence
    assert stored_state(saved(window)) == before  # trying a file saved nothing
    # the mapping is remembered for the next import of the same export
    dialogs.paths.append(path)
    bench.import_button.click()
    assert panel.mapping().fields["What is your current occupation"] == "Beruf"
    assert panel.mapping().converted == "Gewonnen"


OPEN_DEALS = (
    "Lead Source,What is your current occupation,Total Time Spent on Website,TotalVisits,"
    "Lead Origin,Last Activity,Lead Quality,Tags,Do Not Email,Deal Stage\n"
    "Reference,Working Professional,700,3,API,SMS Sent,Might be,,No,Closed Won\n"
    "Google,Student,10,1,API,Email Opened,,,No,Closed Lost\n"
    "Google,Working Professional,650,5,API,Email Opened,,,No,Negotiation\n"
    "Google,Unemployed,20,1,API,Email Opened,,,No,Closed Lost\n"
)


def test_outcome_values_are_chosen_and_open_deals_counted_by_value(
    window: MainWindow, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    bench = leads_page(window).bench
    path = tmp_path / "deals.csv"
    path.write_text(OPEN_DEALS, encoding="utf-8")
    dialogs.paths.append(path)
    bench.import_button.click()
    panel = bench.mapping_panel
    assert panel.mapping().converted == "Deal Stage"  # found by its usual name
    assert panel.outcomes.rowCount() == 3
    cells = [[panel.outcomes.model().index(r, c).data() for c in (0, 1)] for r in range(3)]
    assert cells == [["Closed Lost", "2"], ["Closed Won", "1"], ["Negotiation", "1"]]
    assert panel.outcome_combos["Negotiation"].currentText() == "Leave out"
    assert bench.figures["leads"].text() == "3"
    assert "Bad rows: 0" in bench.bad_title.text() and "Negotiation 1" in bench.bad_title.text()
    # row 1: 30 + 15 + 25 + 5 + 20 + 15 = 110; row 3: 30 + 25 + 5 = 60: both MQLs
    panel.choose_outcome("Negotiation", "lost")
    assert bench.figures["leads"].text() == "4"
    assert bench.figures["qualified"].text() == "2 (50.0%)"
    assert bench.figures["mql_conversion"].text() == "50.0%"


def test_a_run_is_a_draft_until_saved_and_the_approved_version_keeps_its_run(
    window: MainWindow, dialogs: ScriptedDialogs
) -> None:
    page = leads_page(window)
    bench = page.bench
    before = stored_state(saved(window))
    approved_run = bench_result_of(before)
    assert approved_run is not None and approved_run.version == 2
    bench.sample_button.click()
    panel = bench.mapping_panel
    panel.choose("Lead Source", "Country")  # an accidental pick
    assert "Draft" in bench.draft_label.text()
    assert stored_state(saved(window)) == before  # the approved version's result is untouched
    panel.choose("Lead Source", "Lead Source")
    assert bench.save_button.text() == "&Replace approved version 2's evidence with this run"
    bench.save_button.click()  # asked first: cancelled, nothing changes
    assert "Both teams approved version 2" in dialogs.questions[-1]
    assert stored_state(saved(window)) == before
    dialogs.choices.append("replace")
    bench.save_button.click()
    state = stored_state(saved(window))
    kept = saved_run(state)
    assert kept["evidence"]["sha256"] == hashlib.sha256(HISTORY.read_bytes()).hexdigest()
    assert kept["evidence"]["rows"] == 9237 and kept["metrics"]["qualified"] == 2336
    assert kept["evidence"]["outcomes"] == {"column": "Converted", "won": ["1"], "lost": ["0"]}
    window.undo()
    assert stored_state(saved(window)) == before
    window.redo()
    page.editor.threshold.setValue(55)  # version 3 begins; version 2 keeps the run it was approved on
    state = stored_state(saved(window))
    assert history_of(state)[-1]["version"] == 2
    assert history_of(state)[-1]["test_results"]["evidence"]["sha256"] == kept["evidence"]["sha256"]
    assert bench.save_button.text() == "&Save this run as version 3's evidence"


def test_nothing_covers_the_mapping_title_before_a_file_is_loaded(window: MainWindow) -> None:
    page = leads_page(window)
    page.tabs.setCurrentWidget(page.bench)
    panel = page.bench.mapping_panel
    top = panel.contentsRect().top()  # below the group box's title
    shown = [w for w in panel.findChildren(QWidget) if w.isVisible() and w.parent() is panel]
    assert shown and all(w.geometry().top() >= top for w in shown), [
        (type(w).__name__, w.geometry().top()) for w in shown
    ]
    assert not panel.converted.isVisible()


def test_the_sample_history_and_the_live_slider(window: MainWindow) -> None:
    bench = leads_page(window).bench
    bench.sample_button.click()
    assert bench.figures["leads"].text() == "9,237"
    assert bench.figures["qualified"].text() == "2,336 (25.3%)"
    assert bench.figures["lift"].text() == "2.29×"
    assert bench.chart_label.pixmap() is not None and not bench.chart_label.pixmap().isNull()
    bench.slider.setValue(60)
    assert bench.figures["qualified"].text().startswith("1,234")
    assert bench.slider_label.text() == "Threshold: <b>60</b>"
    bench.use_button.click()
    state = stored_state(saved(window))
    assert definition_of(state).threshold == 60 and state.version == 3


def test_a_broken_file_gives_a_clear_message(
    window: MainWindow, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    bench = leads_page(window).bench
    path = tmp_path / "leads.csv"
    path.write_bytes(b"\x00\x01\x02\x03" * 100)
    dialogs.paths.append(path)
    bench.import_button.click()
    assert dialogs.errors == ["“leads.csv” is not a text file; export the leads from your CRM as CSV."]


def test_definition_export_and_import(window: MainWindow, dialogs: ScriptedDialogs, tmp_path: Path) -> None:
    editor = leads_page(window).editor
    out = tmp_path / "mql.json"
    dialogs.paths.append(out)
    editor.export_button.click()
    assert json.loads(out.read_text(encoding="utf-8")) == definition_json(x_education_definition())
    data = json.loads(out.read_text(encoding="utf-8"))
    data["threshold"] = 70
    out.write_text(json.dumps(data), encoding="utf-8")
    dialogs.paths.append(out)
    editor.import_button.click()
    assert editor.threshold.value() == 70
    bad = tmp_path / "bad.json"
    bad.write_text('{"threshold": 5, "fit": [{"field": "X", "operator": "like"}]}', encoding="utf-8")
    dialogs.paths.append(bad)
    editor.import_button.click()
    assert "unknown operator" in dialogs.errors[-1]
    assert editor.threshold.value() == 70


def test_stages_can_be_renamed_added_and_dropped(window: MainWindow) -> None:
    page = leads_page(window)
    model = page.stages_model
    assert model.rowCount() == 9
    assert model.index(2, 0).data() == "MQL"
    assert model.setData(model.index(2, 0), "Marketing qualified lead")
    assert model.setData(model.index(2, 4), "12")
    assert not model.setData(model.index(2, 4), "soon")
    page.stages.add()
    assert model.rowCount() == 10
    page.stages.select_id(model.record(0).id)
    page.stages.remove()
    document = WorkshopDocument.open(saved(window), read_only=True)
    try:
        stages = document.typed(LeadStage)
    finally:
        document.close()
    assert [s.name for s in stages][1] == "Marketing qualified lead"
    assert stages[1].handoff_hours == 12 and len(stages) == 9


def test_a_workshop_from_before_lead_stages_starts_from_the_template(
    make_window: Callable[[str | None], MainWindow], tmp_path: Path
) -> None:
    path = tmp_path / "old.smw"
    write_version(path, 4)  # the format before lead stages and the MQL definition
    window = make_window(str(path))
    page = leads_page(window)
    assert page.stages_model.rowCount() == 0
    assert page.editor.name.text() == "MQL definition (first draft)"
    assert "Not approved yet" in page.editor.approval.status["sales"].text()
    page.editor.threshold.setValue(60)
    state = stored_state(saved(window))
    assert definition_of(state).threshold == 60 and definition_of(state).rules


def test_a_read_only_workshop_cannot_be_changed_here(
    make_window: Callable[[str | None], MainWindow], demo_file: Path
) -> None:
    elsewhere = WorkshopDocument.open(demo_file)  # open in another window: this one is read-only
    try:
        window = make_window(str(demo_file))
        assert window.document is not None and window.document.read_only
        page = leads_page(window)
        before = stored_state(demo_file)
        assert not page.editor.rules.flags(page.editor.rules.index(0, 6)) & Qt.ItemFlag.ItemIsEditable
        assert not page.editor.approval.buttons["sales"].isEnabled()
        assert page.editor.threshold.isReadOnly()
        page.bench.sample_button.click()
        assert page.bench.figures["leads"].text() == "9,237"  # trying is fine, storing is not
        assert not page.bench.use_button.isEnabled()
        assert stored_state(demo_file) == before
    finally:
        elsewhere.close()


def test_typing_after_a_new_version_undoes_and_redoes_cleanly(window: MainWindow, qtbot: QtBot) -> None:
    editor = leads_page(window).editor
    editor.name.setFocus()
    editor.name.end(False)
    qtbot.keyClicks(editor.name, " b")  # the first key starts version 3, the rest are one typing run
    assert stored_state(saved(window)).version == 3
    assert editor.name.text().endswith("offsite) b")
    window.undo()
    window.undo()
    assert stored_state(saved(window)).version == 2 and fully_approved(stored_state(saved(window)))
    window.redo()
    window.redo()
    state = stored_state(saved(window))
    assert state.version == 3 and not approvals(state)
    assert definition_of(state).name.endswith("offsite) b")


def test_rule_fields_complete_from_the_loaded_history(window: MainWindow) -> None:
    page = leads_page(window)
    page.bench.sample_button.click()
    names = page.editor.field_names()
    assert names[0] == "What is your current occupation"
    assert "City" in names and "Specialization" in names  # columns of the file not yet used


def test_a_large_history_is_read_on_a_thread_with_progress(window: MainWindow, qtbot: QtBot) -> None:
    bench = leads_page(window).bench
    bench.background_bytes = 0  # read every file as a large one
    shown: list[bool] = []
    bench.reader.running.connect(shown.append)
    bench.sample_button.click()
    assert not bench.import_button.isEnabled()  # nothing else starts while it reads
    qtbot.waitUntil(lambda: bench.figures["leads"].text() == "9,237", timeout=60_000)
    qtbot.waitUntil(lambda: not bench.reader.busy, timeout=10_000)
    assert bench.figures["qualified"].text() == "2,336 (25.3%)"
    assert True in shown and shown[-1] is False
    assert bench.import_button.isEnabled() and bench.progress.isHidden()


def test_a_reading_can_be_stopped(
    window: MainWindow, dialogs: ScriptedDialogs, qtbot: QtBot, tmp_path: Path
) -> None:
    bench = leads_page(window).bench
    bench.sample_button.click()  # small: read at once
    assert bench.figures["leads"].text() == "9,237"
    big = tmp_path / "big.csv"
    lines = HISTORY.read_text(encoding="utf-8").splitlines()
    big.write_text("\n".join([lines[0], *(lines[1:] * 30)]) + "\n", encoding="utf-8")  # 277,110 leads
    bench.background_bytes = 1024 * 1024
    dialogs.paths.append(big)
    bench.import_button.click()

    def busy() -> bool:
        return bench.reader.busy

    assert busy() and not bench.stop_button.isHidden()
    bench.stop_button.click()
    assert not busy() and bench.stop_button.isHidden() and bench.import_button.isEnabled()
    assert "stopped" in bench.file_label.text()
    assert bench.figures["leads"].text() == "9,237"  # the file read before stays
    assert dialogs.errors == []


COHORT_FILE = (
    "Lead Source,What is your current occupation,Total Time Spent on Website,TotalVisits,"
    "Lead Origin,Last Activity,Lead Quality,Tags,Do Not Email,Converted,Create Date\n"
    "Reference,Working Professional,700,3,API,SMS Sent,Might be,,No,1,2027-03-02T09:15:00Z\n"
    "Google,Working Professional,650,5,API,Email Opened,,,No,0,2027-03-20T10:00:00Z\n"
    "Google,Working Professional,650,5,API,Email Opened,,,No,0,2027-04-20T10:00:00Z\n"
    "Google,Unemployed,20,1,API,Email Opened,,,No,0,2027-04-30T10:00:00Z\n"
)


def test_fair_cohorts_leave_out_leads_younger_than_the_funnels_sales_cycle(
    window: MainWindow, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    bench = leads_page(window).bench
    path = tmp_path / "cohorts.csv"
    path.write_text(COHORT_FILE, encoding="utf-8")
    dialogs.paths.append(path)
    bench.import_button.click()
    panel = bench.mapping_panel
    assert bench.figures["leads"].text() == "4"
    assert panel.created.currentData() == "Create Date"  # found by its usual name
    assert "year-month-day; 2027-03-02T09:15:00Z → 2027-03-02" in panel.cohort_note.text()
    assert panel.cycle_days.value() == 45  # the demo funnel's sales cycle
    panel.cohort.setChecked(True)
    # newest lead 30 April; 45 days before is 16 March: the leads of 20 March, 20 and 30 April
    # have not had time to convert
    assert bench.figures["leads"].text() == "1"
    assert "Fair cohort: 3 leads created after 2027-03-16 left out" in bench.bad_title.text()
    panel.cycle_days.setValue(30)  # 31 March: only the April leads are too young
    assert bench.figures["leads"].text() == "2"
    assert "Fair cohort: 2 leads created after 2027-03-31 left out" in bench.bad_title.text()
    assert panel.mapping().created == "Create Date" and panel.mapping().cycle_days == 30
