"""Plain-text renderings of the reports for the command line (a terminal, a log, an e-mail body)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from counter_app.messages import reports as msg
from counter_app.reports.dashboard import DashboardFigures
from counter_app.reports.document import Bieu06Sheet, percent
from counter_app.reports.ledger import LedgerLine

if TYPE_CHECKING:
    from counter_app.services.reports import FollowupLists


def _rate(rate: float | None) -> str:
    return msg.RATE_NONE if rate is None else percent(rate)


def _d(moment: object) -> str:
    return "" if moment is None else f"{moment:%d/%m/%Y}"


def bieu06_text(sheet: Bieu06Sheet) -> str:
    report = sheet.report
    width = max([len(r.label) for r in report.rows] + [len(report.total.label), 12])
    lines = [
        msg.BIEU06_FORM,
        msg.BIEU06_REPORTING_UNIT.format(name=sheet.header.reporting_unit),
        msg.BIEU06_PERIOD.format(period=report.period.title),
        "",
        f"{'':>3} {'':<{width}} " + " ".join(f"{f'({i})':>7}" for i in range(3, 14)),
    ]
    for index, row in enumerate(report.rows, start=1):
        lines.append(f"{index:>3} {row.label:<{width}} " + " ".join(f"{v:>7}" for v in row.columns()))
    lines.append(
        f"{'':>3} {report.total.label:<{width}} " + " ".join(f"{v:>7}" for v in report.total.columns())
    )
    rate = report.total.on_time_rate
    lines.append(msg.ON_TIME_RATE_NONE if rate is None else msg.ON_TIME_RATE.format(rate=percent(rate)))
    return "\n".join(lines)


def ledger_text(lines: Sequence[LedgerLine]) -> str:
    out = [
        f"{line.ordinal:>5}  {line.code:<28} {_d(line.received_at):<10} {_d(line.due_at):<10} "
        f"{_d(line.returned_at):<10} {line.applicant_name} – {line.procedure_name}"
        for line in lines
    ]
    out.append(msg.LEDGER_TOTAL.format(count=len(lines)))
    return "\n".join(out)


def dashboard_text(figures: DashboardFigures) -> str:
    out = [
        msg.DASH_TITLE.format(date=f"{figures.at:%d/%m/%Y}"),
        f"  {msg.DASH_RECEIVED_TODAY}: {figures.received_today}",
        f"  {msg.DASH_DUE_TODAY}: {figures.due_today}",
        f"  {msg.DASH_OVERDUE}: {figures.overdue}",
        f"  {msg.DASH_DUE_SOON}: {figures.due_soon}",
        f"  {msg.DASH_AWAITING}: {figures.awaiting_supplement}",
        f"  {msg.DASH_READY}: {figures.ready_not_collected}",
        f"  {msg.DASH_RATE_MONTH}: {_rate(figures.month_rate)} ({figures.month.range_text})",
        f"  {msg.DASH_RATE_QUARTER}: {_rate(figures.quarter_rate)} ({figures.quarter.range_text})",
        "",
        msg.DASH_CHART_TITLE,
    ]
    for point in figures.months:
        out.append(f"  {point.period.name:<20} {point.received:>7}  {_rate(point.on_time_rate):>7}")
    out += ["", msg.DASH_OVERDUE_LIST]
    if not figures.overdue_list:
        out.append("  " + msg.DASH_NO_OVERDUE)
    for line in figures.overdue_list:
        out.append(
            f"  {line.code:<28} {_d(line.due_at)}  {msg.DASH_DAYS_LATE.format(days=line.days_late):>9}  "
            f"{line.applicant_name} – {line.procedure_name} – {line.handler or msg.NO_HANDLER}"
        )
    return "\n".join(out)


def followup_text(lists: FollowupLists) -> str:
    out = [lists.period.title, "", msg.FOLLOW_OVERDUE_BY_HANDLER.format(at=f"{lists.at:%d/%m/%Y %H:%M}")]
    out += [f"  {g.label}: {g.count}" for g in lists.overdue_by_handler] or ["  " + msg.FOLLOW_NONE]
    out += ["", msg.FOLLOW_EXTENDED.format(times=lists.min_extensions)]
    out += [
        f"  {x.code}  {x.extension_count}  {x.applicant_name} – {x.procedure_name}" for x in lists.extended
    ] or ["  " + msg.FOLLOW_NONE]
    out += ["", msg.FOLLOW_RETURNING.format(times=lists.more_than)]
    out += [
        f"  {c.applicant_name} ({c.id_number or c.phone})  {c.trips}  {c.procedure_name}"
        for c in lists.returning
    ] or ["  " + msg.FOLLOW_NONE]
    out += ["", msg.FOLLOW_FEES]
    out += [
        f"  {x.field} – {x.procedure_name}: {x.dossiers} / {x.amount:,} đ".replace(",", ".")
        for x in lists.fees
    ] or ["  " + msg.FOLLOW_NONE]
    out += ["", msg.FOLLOW_SATISFACTION]
    out += [f"  {s.label}: {s.count} ({percent(s.share)})" for s in lists.satisfaction]
    return "\n".join(out)
