"""A report ready to render: the figures, who reports to whom, and when it was made."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from counter_app.reports.bieu06 import Bieu06Report
from counter_app.reports.header import ReportHeader


@dataclass(frozen=True)
class Bieu06Sheet:
    report: Bieu06Report
    header: ReportHeader
    generated_at: datetime
    title: str = ""  # the XLSX tab name (default "Biểu 06")


def percent(rate: float) -> str:
    """90,8% (Vietnamese decimal comma)."""
    return f"{rate * 100:.1f}".replace(".", ",") + "%"


def generated_note(sheet: Bieu06Sheet) -> str:
    """When the figures were taken and how due dates were compared: the reader can reproduce them."""
    from counter_app.messages import reports as msg

    return msg.GENERATED_NOTE.format(
        at=f"{sheet.generated_at:%H:%M %d/%m/%Y}",
        granularity=msg.GRANULARITY.get(sheet.report.options.granularity, sheet.report.options.granularity),
    )
