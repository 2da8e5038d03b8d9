"""The Funnel page: the demo's funnel, live outputs as inputs change, messages beside fields, quotas."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QLineEdit
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from tests.conftest import write_version
from ui.funnel.page import FunnelPage
from ui.main_window import MainWindow
from workshop.document import WorkshopDocument
from workshop.funnel.plan import marketing_mql_quota
from workshop.model import FunnelSettings, QuotaLine


def funnel_page(window: MainWindow) -> FunnelPage:
    assert window.view is not None
    window.view.show_stage("funnel")
    page = window.view.pages.currentWidget()
    assert isinstance(page, FunnelPage)
    return page


def stored(path: Path) -> FunnelSettings:
    document = WorkshopDocument.open(path, read_only=True)
    try:
        return document.typed(FunnelSettings)[0]
    finally:
        document.close()


def type_into(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    edit.selectAll()
    qtbot.keyClicks(edit, text)


def test_ctrl_5_shows_the_demo_funnel(window: MainWindow, qtbot: QtBot) -> None:
    window.show()
    action = next(a for a in window.stage_actions if a.text() == "Funnel")
    assert action.shortcut() == QKeySequence("Ctrl+5")
    action.trigger()
    page = funnel_page(window)
    assert page.summary.text() == (
        "Q3 2027: €850,000 to win in 48 deals needs 548 MQLs. Marketing's quota: 183 MQLs a month."
    )
    assert page.form.edits["revenue_target"].hasFocus()
    model = page.counts
    header = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert header == ["Period", "May 2027", "Jun 2027", "Jul 2027", "Aug 2027", "Sep 2027"]
    rows = [model.headerData(r, Qt.Orientation.Vertical) for r in range(model.rowCount())]
    assert rows == ["Visitors", "Leads", "MQLs", "SALs", "SQLs", "Deals won"]
    assert [model.index(2, c).data() for c in range(6)] == ["548", "183", "183", "182", "0", "0"]
    assert [model.index(5, c).data() for c in range(6)] == ["48", "0", "0", "16", "16", "16"]
    assert "starts in May 2027" in page.shift_note.text()
    qtbot.waitUntil(lambda: page.chart.drawn > 0)
    assert not page.chart.pixmap().isNull()


def test_counts_model_passes_qt_model_checks(window: MainWindow, qtmodeltester: ModelTester) -> None:
    page = funnel_page(window)
    qtmodeltester.check(page.counts)
    qtmodeltester.check(page.quota_model)


def test_outputs_follow_typing_and_undo(window: MainWindow, qtbot: QtBot) -> None:
    assert window.document is not None
    page = funnel_page(window)
    type_into(qtbot, page.form.edits["deal_size"], "17,000")
    # 850,000 / 17,000 = 50 deals; / 0.22 = 227.3 -> 228 SQLs; / 0.5 = 456 SALs; / 0.8 = 570 MQLs: 190 a month
    assert page.counts.index(2, 0).data() == "570"
    assert "190 MQLs a month" in page.summary.text()
    assert stored(window.document.path).deal_size == "17,000"
    assert marketing_mql_quota(window.document) == 190
    assert window.document.undo_text == "Change average deal size"
    window.undo()
    assert page.form.edits["deal_size"].text() == "18,000"
    assert page.counts.index(2, 0).data() == "548"


def test_bad_input_gets_a_message_beside_the_field(window: MainWindow, qtbot: QtBot) -> None:
    page = funnel_page(window)
    type_into(qtbot, page.form.edits["deal_size"], "0")
    type_into(qtbot, page.form.edits["lead_mql"], "150")
    type_into(qtbot, page.form.edits["revenue_target"], "-1")
    type_into(qtbot, page.form.edits["sal_sql"], "0")
    messages = page.form.messages
    assert messages["deal_size"].text() == "The average deal size must be more than 0."
    assert messages["lead_mql"].text() == "Leads to MQLs: a rate cannot be above 100%."
    assert messages["revenue_target"].text() == "The revenue target cannot be negative."
    assert "0% means nobody moves on" in messages["sal_sql"].text()
    assert page.summary.text() == "Fix the 4 inputs marked in red to see the funnel."
    assert "border" in page.form.edits["deal_size"].styleSheet()
    assert page.form.edits["other_revenue"].styleSheet() == ""
    assert page.counts.rowCount() == 0 and not page.table.isVisible()
    assert "nan" not in page.summary.text().lower()
    type_into(qtbot, page.form.edits["revenue_target"], "9" * 40)
    assert "over a trillion" in messages["revenue_target"].text()


def test_typical_ranges_are_hints_and_unusual_rates_warnings(window: MainWindow, qtbot: QtBot) -> None:
    page = funnel_page(window)
    hint = page.form.messages["visitor_lead"].text()
    assert hint.startswith("Typically 1%–5%") and "b2blead.io" in hint
    type_into(qtbot, page.form.edits["visitor_lead"], "9")
    assert page.form.messages["visitor_lead"].text().startswith("9% is above the usual 1%–5% (")
    assert page.counts.rowCount() > 0  # a warning does not stop the funnel


def test_switching_off_the_sal_stage(window: MainWindow) -> None:
    assert window.document is not None
    page = funnel_page(window)
    assert page.form.edits["mql_sal"].isVisibleTo(page) and not page.form.edits["mql_sql"].isVisibleTo(page)
    page.form.use_sal.click()
    assert not page.form.edits["mql_sal"].isVisibleTo(page) and page.form.edits["mql_sql"].isVisibleTo(page)
    rows = [page.counts.headerData(r, Qt.Orientation.Vertical) for r in range(page.counts.rowCount())]
    assert "SALs" not in rows
    # 48 deals / 0.22 = 219 SQLs; / 0.4 = 547.5 -> 548 MQLs
    assert page.counts.index(2, 0).data() == "548"
    assert stored(window.document.path).use_sal is False
    assert window.document.undo_text == "Change SAL stage"
    window.undo()
    assert page.form.use_sal.isChecked()


def test_a_target_covered_by_other_revenue(window: MainWindow, qtbot: QtBot) -> None:
    page = funnel_page(window)
    type_into(qtbot, page.form.edits["other_revenue"], "2m")
    assert page.summary.text() == "Q3 2027: revenue from elsewhere covers the target; no new deals needed."
    assert page.counts.index(2, 0).data() == "0"


def test_period_of_a_year(window: MainWindow) -> None:
    page = funnel_page(window)
    page.form.period.setCurrentIndex(1)
    page.form.period.activated.emit(1)
    assert page.counts.columnCount() == 1 + 2 + 12
    assert page.summary.text().startswith("Year from Jul 2027:")


def test_quota_lines_for_both_teams(window: MainWindow) -> None:
    assert window.document is not None
    page = funnel_page(window)
    assert page.funnel_quota.text() == "From the funnel: Marketing, 183 MQLs a month (goes into the SLA)."
    page.quotas.add()
    model = page.quota_model
    row = model.rowCount() - 1
    assert model.index(row, 2).data(Qt.ItemDataRole.ToolTipRole).startswith("Say what is counted")
    model.setData(model.index(row, 0), "sales")
    model.setData(model.index(row, 1), "lots")
    model.setData(model.index(row, 2), "demos booked")
    model.setData(model.index(row, 3), "week")
    assert "not a number" in model.index(row, 1).data(Qt.ItemDataRole.ToolTipRole)
    model.setData(model.index(row, 1), "25")
    assert model.index(row, 1).data(Qt.ItemDataRole.ToolTipRole) is None
    reopened = WorkshopDocument.open(window.document.path, read_only=True)
    line = reopened.typed(QuotaLine)[-1]
    reopened.close()
    assert (line.team, line.amount, line.what, line.per) == ("sales", "25", "demos booked", "week")


def test_read_only_workshop_cannot_be_edited(make_window: object, demo_file: Path) -> None:
    other = WorkshopDocument.open(demo_file)  # holds the lock: the window opens it read-only
    try:
        window = make_window(str(demo_file))  # type: ignore[operator]
        page = funnel_page(window)
        assert page.form.edits["deal_size"].isReadOnly()
        assert not page.form.use_sal.isEnabled()
    finally:
        other.close()


def test_matplotlib_waits_until_the_funnel_is_shown(demo_file: Path) -> None:
    script = f"""
import sys
from PySide6.QtWidgets import QApplication
from workshop.document import WorkshopDocument
from ui.common.document_signals import DocumentSignals
app = QApplication([])
from ui.funnel.page import FunnelPage
from ui.common.page_context import PageContext
from ui.common.dialogs import Dialogs
from PySide6.QtWidgets import QWidget
host = QWidget()
document = WorkshopDocument.open({str(demo_file)!r}, read_only=True)
signals = DocumentSignals(document)
page = FunnelPage(PageContext(signals, host, Dialogs(), print), host)
before = "matplotlib" in sys.modules
page.chart.draw()
page.chart._pool.shutdown(wait=True)  # the chart draws in a worker thread
print(before, "matplotlib" in sys.modules)
"""
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.stdout.split() == ["False", "True"], result.stderr


def test_a_workshop_from_before_the_funnel_starts_one_on_first_edit(
    make_window: object, tmp_path: Path, qtbot: QtBot
) -> None:

    old = tmp_path / "old.smw"
    write_version(old, 2)  # a file written before the funnel existed
    window = make_window(str(old))  # type: ignore[operator]
    page = funnel_page(window)
    # nothing typed yet: a hint, not an error in red
    assert "enter a number" not in page.form.messages["revenue_target"].text()
    assert page.summary.text() == "Fill in the target and the rates to see the funnel."
    type_into(qtbot, page.form.edits["revenue_target"], "500k")
    type_into(qtbot, page.form.edits["deal_size"], "10k")
    # 50 deals / 0.2 = 250 SQLs / 0.4 = 625 MQLs: 209, 208, 208
    assert page.counts.index(2, 0).data() == "625"
    assert stored(old).revenue_target == "500k"
