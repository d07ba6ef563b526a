"""The "Báo cáo" tab: the morning dashboard, and Biểu 06 exported as XLSX or PDF for the upper level."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.messages import ui as msg
from counter_app.reports import periods
from counter_app.ui.dashboard import DashboardWidget
from counter_app.ui.env import UiEnv


class ReportsTab(QWidget):
    def __init__(self, env: UiEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._env = env
        self.dashboard = DashboardWidget(env.ctx, worker=env.worker)
        self.dashboard.open_dossier.connect(env.bus.open_dossier)
        self.period = QLineEdit(f"{date.today():%Y-%m}", placeholderText=msg.BIEU06_PERIOD_HINT)
        self.period.setToolTip(msg.BIEU06_PERIOD_HINT)
        self.cutoff = QComboBox()
        self.cutoff.addItem(msg.BIEU06_CUTOFF_LEGAL, periods.LEGAL_CUTOFF)
        self.cutoff.addItem(msg.BIEU06_CUTOFF_CALENDAR, periods.CALENDAR)
        self.xlsx_button = QPushButton(msg.BIEU06_XLSX)
        self.pdf_button = QPushButton(msg.BIEU06_PDF)
        self.status = QLabel()
        self.xlsx_button.clicked.connect(lambda: self._export("xlsx"))
        self.pdf_button.clicked.connect(lambda: self._export("pdf"))

        box = QGroupBox(msg.BIEU06_GROUP)
        form = QFormLayout(box)
        form.addRow(msg.BIEU06_PERIOD, self.period)
        form.addRow(msg.BIEU06_CUTOFF, self.cutoff)
        buttons = QHBoxLayout()
        buttons.addWidget(self.xlsx_button)
        buttons.addWidget(self.pdf_button)
        buttons.addStretch(1)
        form.addRow(buttons)
        form.addRow(self.status)
        layout = QVBoxLayout(self)
        layout.addWidget(self.dashboard, 1)
        layout.addWidget(box)

    def build_report(self, kind: str) -> bytes:
        """Runs on the worker thread: SQL aggregation, then the XLSX or PDF bytes."""
        from counter_app.reports.pdf import bieu06_pdf
        from counter_app.reports.xlsx import bieu06_xlsx
        from counter_app.services.reports import Bieu06Request, bieu06_sheets

        period = periods.parse_period(self.period_spec, self.cutoff_day)
        sheets = bieu06_sheets(self._env.ctx.db, Bieu06Request(period), actor=self._env.actor)
        return bieu06_xlsx(sheets) if kind == "xlsx" else bieu06_pdf(sheets)

    def _export(self, kind: str) -> None:
        self.period_spec = self.period.text()
        self.cutoff_day = int(self.cutoff.currentData())
        suggested = f"Bieu06-{self.period_spec.strip()}.{kind}"
        path, _ = QFileDialog.getSaveFileName(self, msg.BIEU06_SAVE_TITLE, suggested, f"*.{kind}")
        if path:
            self.export_to(Path(path), kind)

    def export_to(self, path: Path, kind: str) -> None:
        self.period_spec = self.period.text()
        self.cutoff_day = int(self.cutoff.currentData())

        def done(data: bytes) -> None:
            try:
                path.write_bytes(data)
            except OSError as exc:  # a pulled USB stick or a full disk: say so, the report can be redone
                self.status.setText(msg.BIEU06_FAILED.format(detail=exc.strerror or exc))
                return
            self.status.setText(msg.BIEU06_SAVED.format(path=path))

        def failed(error: BaseException) -> None:
            self.status.setText(msg.BIEU06_FAILED.format(detail=error))

        self._env.worker.submit(lambda: self.build_report(kind), done, failed, owner=self)
