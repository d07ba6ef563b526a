"""The Báo cáo tab: a leader exports Biểu 06 for a period, as XLSX and PDF, off the GUI thread."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from pypdf import PdfReader

from counter_app.ui.env import UiEnv
from counter_app.ui.tabs.reports_tab import ReportsTab
from tests.conftest import vn
from tests.ui.conftest import SAME_DAY, receive


def _tab(qtbot, ctx, leader, worker, ui_settings) -> ReportsTab:  # type: ignore[no-untyped-def]
    tab = ReportsTab(UiEnv(ctx, leader, worker, ui_settings))
    qtbot.addWidget(tab)
    tab.period.setText("2026-03")
    tab.cutoff.setCurrentIndex(1)  # calendar month
    return tab


def test_leader_exports_bieu06_xlsx_and_pdf(qtbot, ctx, clerk, leader, worker, ui_settings, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    for hour in (8, 9, 10):
        receive(ctx, clerk, f"Công dân {hour}", SAME_DAY, vn(2026, 3, 3, hour))
    tab = _tab(qtbot, ctx, leader, worker, ui_settings)
    xlsx, pdf = tmp_path / "b06.xlsx", tmp_path / "b06.pdf"
    tab.export_to(xlsx, "xlsx")
    qtbot.waitUntil(lambda: "Đã lưu" in tab.status.text(), timeout=15000)
    tab.export_to(pdf, "pdf")
    qtbot.waitUntil(lambda: str(pdf) in tab.status.text(), timeout=15000)
    cells = [c for row in load_workbook(xlsx).active.iter_rows(values_only=True) for c in row if c is not None]
    assert 3 in cells  # three dossiers received in March 2026
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "01/03/2026" in text and "31/03/2026" in text


def test_clerk_is_told_reports_need_a_leader(qtbot, ctx, clerk, worker, ui_settings, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    tab = _tab(qtbot, ctx, clerk, worker, ui_settings)
    tab.export_to(tmp_path / "b06.xlsx", "xlsx")
    qtbot.waitUntil(lambda: "Không xuất được" in tab.status.text(), timeout=15000)
    assert not (tmp_path / "b06.xlsx").exists()
