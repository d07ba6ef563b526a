"""UI fixtures: a real database, the real worker thread, settings in a temporary INI file, and a PDF
file standing in for the counter's printer."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrinter

from counter_app.services import actions
from counter_app.services.context import Actor, CounterContext
from counter_app.ui.env import UiEnv
from counter_app.ui.ops import DbWorker
from counter_app.ui.settings import UiSettings
from tests.conftest import vn
from tests.ui.helpers import receive


@pytest.fixture
def ui_settings(tmp_path: Path) -> UiSettings:
    return UiSettings(tmp_path / "ui.ini")


@pytest.fixture
def worker(qtbot, ctx: CounterContext):
    """Depends on ctx so that it is shut down first: the database must never be disposed under a
    query still running on the worker thread (that crashes inside SQLite)."""
    w = DbWorker()
    yield w
    w.shutdown()


@pytest.fixture
def printed_pdf(tmp_path: Path) -> Path:
    return tmp_path / "printed.pdf"


def pdf_printer_options(path: Path) -> dict:
    def make_printer(_name: str) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(path))
        return printer

    return {"printers": lambda: ["PDF"], "default_printer": lambda: "PDF", "make_printer": make_printer}


@pytest.fixture
def env(
    ctx: CounterContext, clerk: Actor, worker: DbWorker, ui_settings: UiSettings, printed_pdf: Path
) -> UiEnv:
    return UiEnv(ctx, clerk, worker, ui_settings, print_options=pdf_printer_options(printed_pdf))


SAME_DAY = "2.000815"  # Chứng thực bản sao: trong ngày
TWO_DAYS = "1.004845"  # 2 ngày làm việc
FIFTEEN_DAYS = "1.001776"  # 15 ngày làm việc
NOW = vn(2026, 3, 4, 10, 0)  # a Wednesday


@pytest.fixture
def register(ctx, clerk):
    """One dossier in every situation, then the clock set to Wednesday 04/03/2026 10:00."""
    names = {}
    names["overdue"] = receive(ctx, clerk, "Lò Văn Quá", SAME_DAY, vn(2026, 3, 3, 9))
    names["today"] = receive(ctx, clerk, "Hà Thị Hôm", SAME_DAY, vn(2026, 3, 4, 8))
    names["soon"] = receive(
        ctx, clerk, "Đặng Văn Sắp", TWO_DAYS, vn(2026, 3, 3, 9), id_number="038090012345", phone="0912345678"
    )
    names["within"] = receive(ctx, clerk, "Nguyễn Thị Còn", FIFTEEN_DAYS, vn(2026, 3, 3, 9, 30))
    waiting = receive(ctx, clerk, "Vi Văn Chờ", FIFTEEN_DAYS, vn(2026, 3, 2, 9))
    actions.request_supplement(ctx, clerk, waiting.id, "Thiếu giấy tờ", at=vn(2026, 3, 2, 10))
    names["waiting"] = waiting
    ready = receive(ctx, clerk, "Lương Thị Xong", TWO_DAYS, vn(2026, 3, 2, 8))
    actions.mark_result_ready(ctx, clerk, ready.id, at=vn(2026, 3, 3, 8))
    names["ready"] = ready
    done = receive(ctx, clerk, "Quách Thùy Ước", TWO_DAYS, vn(2026, 3, 2, 8, 30))
    actions.mark_result_ready(ctx, clerk, done.id, at=vn(2026, 3, 3, 8))
    actions.return_result(
        ctx, clerk, done.id, "Quách Thùy Ước", satisfaction="hai_long", at=vn(2026, 3, 3, 9)
    )
    names["returned"] = done
    ctx.now = lambda: NOW
    return names
