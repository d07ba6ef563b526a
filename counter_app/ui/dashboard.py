"""The dashboard a commune opens every morning: tiles for today's work, the on-time rates, a 12-month chart
drawn with QPainter (no chart library), and the overdue dossiers, most urgent first.

    DashboardWidget(ctx, parent=None, *, worker=None, agency_code=None, cutoff_day=1)

With a DbWorker the figures load on the worker thread (the widget shows "Đang tải…"); without one they
load at once on the calling thread. They load when the widget is first shown; F5 or the button
reloads. Double-click (or Enter) on an overdue row emits `open_dossier(code)`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeySequence, QPainter, QPainterPath, QPen, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from counter_app.messages import reports as msg
from counter_app.reports import periods as p
from counter_app.reports.dashboard import DashboardFigures, MonthPoint
from counter_app.reports.document import percent
from counter_app.services.context import CounterContext
from counter_app.services.reports import load_dashboard

if TYPE_CHECKING:
    from counter_app.ui.ops import DbWorker

BAR_COLOUR = QColor("#4a78b5")
RATE_COLOUR = QColor("#c0392b")
GRID_COLOUR = QColor("#d0d4da")
ALERT_COLOUR = "#7a0c17"


class Tile(QFrame):
    """A big number with its caption; `alert` paints the number red when it is not zero."""

    def __init__(self, caption: str, alert: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.alert = alert
        self.value = QLabel("–")
        font = QFont(self.value.font())
        font.setPointSizeF(font.pointSizeF() * 2.0)
        font.setBold(True)
        self.value.setFont(font)
        self.value.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption = QLabel(caption)
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)

    def set_value(self, text: str, hint: str = "", *, alerting: bool = False) -> None:
        self.value.setText(text)
        self.value.setStyleSheet(f"color: {ALERT_COLOUR};" if self.alert and alerting else "")
        self.setToolTip(hint)
        self.setAccessibleName(f"{self.caption.text()}: {text}")


class MonthlyChart(QWidget):
    """Received dossiers as bars (left scale) and the on-time rate as a line (0–100 %, right scale)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.points: tuple[MonthPoint, ...] = ()
        self.setMinimumHeight(190)
        self.setAccessibleName(msg.DASH_CHART_TITLE)

    def set_points(self, points: Sequence[MonthPoint]) -> None:
        self.points = tuple(points)
        self.setAccessibleDescription(self.describe())
        self.setToolTip(self.describe())
        self.update()

    def describe(self) -> str:
        """The chart in words (screen readers, tooltips, tests)."""
        def rate(pt: MonthPoint) -> str:
            return msg.RATE_NONE if pt.on_time_rate is None else percent(pt.on_time_rate)

        return "; ".join(f"{_month_label(pt)}: {pt.received} – {rate(pt)}" for pt in self.points)

    def paintEvent(self, _event: object) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        metrics = painter.fontMetrics()
        line_h = metrics.height()
        plot = QRectF(metrics.horizontalAdvance("0000") + 12, line_h * 1.8, 0, 0)
        plot.setRight(self.width() - metrics.horizontalAdvance("100%") - 12)
        plot.setBottom(self.height() - line_h * 1.6)
        self._draw_legend(painter, line_h)
        if not self.points or plot.width() <= 0 or plot.height() <= 0:
            return
        top = nice_ceiling(max(pt.received for pt in self.points))
        painter.setPen(QPen(GRID_COLOUR, 1))
        for i in range(5):
            y = plot.bottom() - plot.height() * i / 4
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(self.palette().text().color())
            painter.drawText(
                QRectF(0, y - line_h / 2, plot.left() - 6, line_h),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                str(round(top * i / 4)),
            )
            painter.drawText(
                QRectF(plot.right() + 6, y - line_h / 2, self.width(), line_h),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                f"{25 * i}%",
            )
            painter.setPen(QPen(GRID_COLOUR, 1))
        slot = plot.width() / len(self.points)
        rate_path = QPainterPath()
        started = False
        for i, pt in enumerate(self.points):
            left = plot.left() + slot * i
            height = plot.height() * pt.received / top
            painter.fillRect(
                QRectF(left + slot * 0.18, plot.bottom() - height, slot * 0.64, height), BAR_COLOUR
            )
            painter.setPen(self.palette().text().color())
            painter.drawText(
                QRectF(left, plot.bottom() + 2, slot, line_h * 1.4),
                int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop),
                _month_label(pt),
            )
            if pt.on_time_rate is not None:
                point = QPointF(left + slot / 2, plot.bottom() - plot.height() * pt.on_time_rate)
                rate_path.lineTo(point) if started else rate_path.moveTo(point)
                started = True
        painter.setPen(QPen(RATE_COLOUR, 2.2))
        painter.drawPath(rate_path)
        painter.setBrush(RATE_COLOUR)
        for i, pt in enumerate(self.points):
            if pt.on_time_rate is not None:
                painter.drawEllipse(
                    QPointF(plot.left() + slot * (i + 0.5), plot.bottom() - plot.height() * pt.on_time_rate),
                    3,
                    3,
                )
        painter.end()

    def _draw_legend(self, painter: QPainter, line_h: int) -> None:
        x = 8.0
        for colour, text in ((BAR_COLOUR, msg.DASH_CHART_VOLUME), (RATE_COLOUR, msg.DASH_CHART_RATE)):
            painter.fillRect(QRectF(x, line_h * 0.35, 14, line_h * 0.6), colour)
            painter.setPen(self.palette().text().color())
            painter.drawText(QPointF(x + 18, line_h), text)
            x += 30 + painter.fontMetrics().horizontalAdvance(text)


def nice_ceiling(value: int) -> int:
    """The smallest 1, 2, 2.5 or 5 × 10^k (divisible by 4 where it can be) at or above `value`: round
    numbers on the axis."""
    if value <= 4:
        return 4
    scale = 1
    while True:
        for step in (1, 2, 2.5, 5):
            candidate = int(step * scale * 4)
            if candidate >= value:
                return candidate
        scale *= 10


def _month_label(point: MonthPoint) -> str:
    period = point.period
    return msg.MONTH_SHORT.format(month=period.number, year2=period.year % 100)


class DashboardWidget(QWidget):
    loaded = Signal(object)  # DashboardFigures
    failed = Signal(str)
    open_dossier = Signal(str)  # the mã hồ sơ of a double-clicked overdue dossier

    def __init__(
        self,
        ctx: CounterContext,
        parent: QWidget | None = None,
        *,
        worker: DbWorker | None = None,
        agency_code: str | None = None,
        cutoff_day: int = p.CALENDAR,
    ) -> None:
        super().__init__(parent)
        self.ctx, self.worker, self.agency_code, self.cutoff_day = ctx, worker, agency_code, cutoff_day
        self.figures: DashboardFigures | None = None
        self.title = QLabel(msg.DASH_LOADING)
        title_font = QFont(self.title.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.3)
        title_font.setBold(True)
        self.title.setFont(title_font)
        self.refresh_button = QPushButton(msg.DASH_REFRESH)
        self.refresh_button.setToolTip("F5")
        self.refresh_button.clicked.connect(self.refresh)
        QShortcut(QKeySequence(Qt.Key.Key_F5), self, self.refresh)
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.refresh_button)
        self.tiles = {
            "received_today": Tile(msg.DASH_RECEIVED_TODAY),
            "due_today": Tile(msg.DASH_DUE_TODAY, alert=True),
            "overdue": Tile(msg.DASH_OVERDUE, alert=True),
            "due_soon": Tile(msg.DASH_DUE_SOON),
            "awaiting_supplement": Tile(msg.DASH_AWAITING),
            "ready_not_collected": Tile(msg.DASH_READY),
            "month_rate": Tile(msg.DASH_RATE_MONTH),
            "quarter_rate": Tile(msg.DASH_RATE_QUARTER),
        }
        grid = QGridLayout()
        for i, tile in enumerate(self.tiles.values()):
            grid.addWidget(tile, i // 4, i % 4)
        self.chart = MonthlyChart()
        self.overdue_table = QTableWidget(0, len(msg.DASH_OVERDUE_COLUMNS))
        self.overdue_table.setHorizontalHeaderLabels(list(msg.DASH_OVERDUE_COLUMNS))
        self.overdue_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.overdue_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.overdue_table.verticalHeader().setVisible(False)
        self.overdue_table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.overdue_table.cellDoubleClicked.connect(lambda row, _col: self._open_row(row))
        self.overdue_table.cellActivated.connect(lambda row, _col: self._open_row(row))
        self.status = QLabel("")
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addLayout(grid)
        layout.addWidget(QLabel(msg.DASH_CHART_TITLE))
        layout.addWidget(self.chart)
        layout.addWidget(QLabel(msg.DASH_OVERDUE_LIST))
        layout.addWidget(self.overdue_table, 1)
        layout.addWidget(self.status)

    def showEvent(self, event: object) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)  # type: ignore[arg-type]
        if self.figures is None and self.refresh_button.isEnabled():
            self.refresh()  # the first time the tab is shown: the morning figures without a click

    def _load(self) -> DashboardFigures:
        return load_dashboard(self.ctx, agency_code=self.agency_code, cutoff_day=self.cutoff_day)

    def refresh(self) -> None:
        self.status.setText(msg.DASH_LOADING)
        self.refresh_button.setEnabled(False)
        if self.worker is None:
            try:
                figures = self._load()
            except Exception as exc:  # shown to the clerk; nothing else on screen depends on it
                self._show_error(exc)
                return
            self.show_figures(figures)
            return
        self.worker.submit(self._load, self.show_figures, self._show_error, owner=self, label="dashboard")

    def _show_error(self, error: BaseException) -> None:
        self.refresh_button.setEnabled(True)
        self.status.setText(msg.DASH_LOAD_FAILED.format(error=error))
        self.failed.emit(str(error))

    def show_figures(self, figures: DashboardFigures) -> None:
        self.figures = figures
        self.refresh_button.setEnabled(True)
        self.status.setText("")
        self.title.setText(msg.DASH_TITLE.format(date=f"{figures.at:%d/%m/%Y}"))
        for key in (
            "received_today",
            "due_today",
            "overdue",
            "due_soon",
            "awaiting_supplement",
            "ready_not_collected",
        ):
            value = getattr(figures, key)
            self.tiles[key].set_value(f"{value:,}".replace(",", "."), alerting=value > 0)
        for key, rate, period in (
            ("month_rate", figures.month_rate, figures.month),
            ("quarter_rate", figures.quarter_rate, figures.quarter),
        ):
            self.tiles[key].set_value(msg.RATE_NONE if rate is None else percent(rate), period.range_text)
        self.chart.set_points(figures.months)
        self._fill_overdue(figures)
        self.loaded.emit(figures)

    def _fill_overdue(self, figures: DashboardFigures) -> None:
        table = self.overdue_table
        lines = figures.overdue_list
        table.setRowCount(len(lines))
        for row, line in enumerate(lines):
            due = f"{line.due_at:%d/%m/%Y}"
            if line.extended and line.current_due_at is not None:
                due += f" ({msg.DASH_EXTENDED_TO.format(date=f'{line.current_due_at:%d/%m/%Y}')})"
            cells = (
                line.code,
                line.applicant_name,
                line.procedure_name,
                line.handler or msg.NO_HANDLER,
                due,
                msg.DASH_DAYS_LATE.format(days=line.days_late),
            )
            for col, text in enumerate(cells):
                table.setItem(row, col, QTableWidgetItem(text))
        table.resizeColumnToContents(0)
        if not lines:
            self.status.setText(msg.DASH_NO_OVERDUE)

    def _open_row(self, row: int) -> None:
        item = self.overdue_table.item(row, 0)
        if item is not None:
            self.open_dossier.emit(item.text())
