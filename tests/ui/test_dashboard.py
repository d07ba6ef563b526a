"""The morning dashboard widget on a real database: tiles, the overdue list, the 12-month chart drawn."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtGui import QColor

from counter_app.db.engine import Database
from counter_app.services import actions
from counter_app.services.context import CounterContext, vn_now
from counter_app.services.intake import ApplicantInput, IntakeRequest, receive_dossier
from counter_app.ui.dashboard import BAR_COLOUR, DashboardWidget
from tests.conftest import vn

CIVIL_3WD = "1.004873"  # Hộ tịch, 3 working days
MORNING = vn(2026, 7, 15, 9)  # a Wednesday


def _seed(ctx, clerk) -> dict[str, str]:
    def receive(name: str, at) -> str:
        request = IntakeRequest(CIVIL_3WD, ApplicantInput(name, phone="0912345678"))
        return receive_dossier(ctx, clerk, request, at=at).dossier.code

    codes = {
        "late": receive("Sầm Văn Tường", vn(2026, 6, 12, 8)),  # due 17/06: overdue
        "today": receive("Hoàng Văn Sơn", vn(2026, 7, 10, 9)),  # due 15/07
        "new": receive("Mùa A Sử", vn(2026, 7, 15, 8)),  # received this morning
        "done": receive("Vi Thị Mai", vn(2026, 6, 16, 10)),
    }
    actions.forward(ctx, clerk, codes["late"], "Công chức Tư pháp – Hộ tịch", at=vn(2026, 6, 12, 9))
    actions.mark_result_ready(ctx, clerk, codes["done"], at=vn(2026, 6, 18, 15))
    ctx.now = lambda: MORNING
    return codes


def test_dashboard_loads_on_the_worker_and_shows_the_morning(qtbot, ctx, clerk, worker) -> None:
    codes = _seed(ctx, clerk)
    widget = DashboardWidget(ctx, worker=worker)
    qtbot.addWidget(widget)
    widget.resize(1100, 760)
    with qtbot.waitSignal(widget.loaded, timeout=20_000):
        widget.show()  # the first show loads the figures
    assert widget.title.text() == "Tình hình hôm nay, 15/07/2026"
    values = {key: tile.value.text() for key, tile in widget.tiles.items()}
    assert values["received_today"] == "1" and values["due_today"] == "1" and values["overdue"] == "1"
    assert values["ready_not_collected"] == "1"
    assert "color" in widget.tiles["overdue"].value.styleSheet()  # a late dossier is shown in red
    assert widget.overdue_table.rowCount() == 1 and widget.overdue_table.item(0, 0).text() == codes["late"]
    assert widget.overdue_table.item(0, 3).text() == "Công chức Tư pháp – Hộ tịch"
    assert widget.overdue_table.item(0, 5).text() == "20 ngày"
    assert len(widget.chart.points) == 12 and "T6/26: 2" in widget.chart.describe()
    image = widget.chart.grab().toImage()
    bar_pixels = sum(
        1
        for x in range(0, image.width(), 3)
        for y in range(0, image.height(), 3)
        if QColor(image.pixel(x, y)) == BAR_COLOUR
    )
    assert bar_pixels > 20  # the bars were really painted


def test_double_click_on_an_overdue_row_asks_to_open_it(qtbot, ctx, clerk) -> None:
    codes = _seed(ctx, clerk)
    widget = DashboardWidget(ctx)  # no worker: loads at once
    qtbot.addWidget(widget)
    widget.refresh()
    assert widget.figures is not None and widget.figures.overdue == 1
    with qtbot.waitSignal(widget.open_dossier) as opened:
        widget.overdue_table.cellDoubleClicked.emit(0, 1)
    assert opened.args == [codes["late"]]


def test_refresh_picks_up_new_work_and_reports_failures(qtbot, ctx, clerk) -> None:
    _seed(ctx, clerk)
    widget = DashboardWidget(ctx)
    qtbot.addWidget(widget)
    widget.refresh()
    request = IntakeRequest(CIVIL_3WD, ApplicantInput("Lò Thị Ước", phone="0912345678"))
    ctx.now = vn_now  # the intake's clock check wants the real clock; the dossier is dated 08:30
    receive_dossier(ctx, clerk, request, at=MORNING - timedelta(minutes=30))
    ctx.now = lambda: MORNING
    widget.refresh()
    assert widget.tiles["received_today"].value.text() == "2"
    broken = DashboardWidget(CounterContext(Database("sqlite:////nonexistent/folder/x.sqlite3"), ctx.node_id))
    qtbot.addWidget(broken)
    with qtbot.waitSignal(broken.failed):
        broken.refresh()
    assert broken.status.text().startswith("Không tải được số liệu")
