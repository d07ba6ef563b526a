"""The "Hồ sơ" tab: the lazy SQL model, quick filters with counts, one search box, colours by due status."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from counter_app.services.dossier_list import QuickFilter, RowStatus
from counter_app.ui import style
from counter_app.ui.dossiers.list_model import STATUS_ROLE, Column, DossierListModel
from counter_app.ui.dossiers.list_tab import DossierListTab
from tests.conftest import vn
from tests.ui.helpers import receive, type_text, wait_idle

SAME_DAY = "2.000815"


def show(qtbot, widget) -> None:
    widget.show()
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)


def rows(model) -> list[str]:
    return [model.index(r, Column.CODE).data() for r in range(model.rowCount())]


def test_the_model_loads_pages_lazily_and_passes_qt_model_checks(
    qtbot, qtmodeltester, ctx, clerk, worker
) -> None:
    made = [receive(ctx, clerk, f"Người thứ {i}", SAME_DAY, vn(2026, 3, 2, 8, i)).code for i in range(12)]
    model = DossierListModel(ctx, worker, page_size=5)
    from counter_app.services.dossier_list import ListQuery

    model.set_query(ListQuery())
    wait_idle(qtbot, worker)
    assert model.rowCount() == 5 and model.canFetchMore()
    qtmodeltester.check(model)
    wait_idle(qtbot, worker)
    while model.canFetchMore():
        model.fetchMore()
        wait_idle(qtbot, worker)
    assert rows(model) == list(reversed(made))  # newest first, each once
    model.sort(Column.APPLICANT, Qt.SortOrder.AscendingOrder)
    wait_idle(qtbot, worker)
    assert model.index(0, Column.APPLICANT).data() == "Người thứ 0"
    qtmodeltester.check(model)


def test_filters_show_counts_and_rows_are_coloured(qtbot, env, register) -> None:
    tab = DossierListTab(env)
    qtbot.addWidget(tab)
    wait_idle(qtbot, env.worker)
    assert tab.filter_buttons[QuickFilter.OVERDUE].text() == "Quá hạn (1)"
    assert tab.filter_buttons[QuickFilter.ALL].text() == "Tất cả (7)"
    assert tab.filter_buttons[QuickFilter.RETURNED].text() == "Đã trả (1)"
    assert tab.model.rowCount() == 7
    colours = {
        tab.model.index(r, Column.CODE).data(): tab.model.index(r, 0).data(Qt.ItemDataRole.BackgroundRole)
        for r in range(tab.model.rowCount())
    }
    assert colours[register["overdue"].code] == QColor(style.BACKGROUNDS[RowStatus.OVERDUE])
    assert colours[register["today"].code] == QColor(style.BACKGROUNDS[RowStatus.DUE_TODAY])
    assert colours[register["within"].code] is None

    show(qtbot, tab)
    qtbot.keyClick(tab.table, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)  # Ctrl+5: Quá hạn
    wait_idle(qtbot, env.worker)
    assert tab.filter_buttons[QuickFilter.OVERDUE].isChecked()
    assert rows(tab.model) == [register["overdue"].code]
    assert tab.model.index(0, Column.STATUS).data() == "Quá hạn 1 ngày"
    assert tab.model.index(0, 0).data(STATUS_ROLE) == "overdue"
    tab.filter_buttons[QuickFilter.AWAITING_SUPPLEMENT].click()
    wait_idle(qtbot, env.worker)
    assert rows(tab.model) == [register["waiting"].code]


def test_typing_a_name_without_diacritics_narrows_list_and_counts(qtbot, env, register) -> None:
    tab = DossierListTab(env)
    qtbot.addWidget(tab)
    wait_idle(qtbot, env.worker)
    type_text(tab.search, "Ước")
    qtbot.waitUntil(lambda: rows(tab.model) == [register["returned"].code], timeout=3000)
    wait_idle(qtbot, env.worker)
    assert tab.filter_buttons[QuickFilter.ALL].text() == "Tất cả (1)"
    tab.search.clear()
    type_text(tab.search, "dang van sap")
    qtbot.waitUntil(lambda: rows(tab.model) == [register["soon"].code], timeout=3000)


def test_enter_on_a_code_or_a_row_opens_that_dossier(qtbot, env, register) -> None:
    tab = DossierListTab(env)
    qtbot.addWidget(tab)
    wait_idle(qtbot, env.worker)
    opened: list[str] = []
    env.bus.open_dossier.connect(opened.append)
    type_text(tab.search, register["ready"].code.lower())
    qtbot.keyClick(tab.search, Qt.Key.Key_Return)
    assert opened == [register["ready"].code]
    wait_idle(qtbot, env.worker)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    tab.table.setCurrentIndex(tab.model.index(0, 0))
    tab.open_current()
    assert opened[-1] == register["ready"].id
