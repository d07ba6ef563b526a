"""`counter-app report bieu06|ledger|dashboard|followup`: the reports without the window.

counter-app report bieu06 --period 2026-Q3 --cutoff 15 --xlsx bieu06.xlsx --pdf bieu06.pdf
counter-app report ledger --from 2026-11-01 --to 2026-11-30 --xlsx so.xlsx --pdf so.pdf
counter-app report dashboard
counter-app --db hub.sqlite3 report bieu06 --period 2026 --per-commune --xlsx tinh.xlsx
counter-app report bieu06 --url postgresql+psycopg://… --period 2026-07 --agency 000.21.27.H56
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from counter_app.messages import reports as msg
from counter_app.reports import periods as p
from counter_app.reports.periods import PeriodError

if TYPE_CHECKING:  # the parser is built on every start, the GUI's too: no SQLAlchemy for it
    from counter_app.db.engine import Database

COMMAND = "report"


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    report = sub.add_parser(COMMAND, help=msg.HELP_REPORT).add_subparsers(
        dest="report_command", required=True
    )

    def common(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
        parser.add_argument("--agency", help=msg.HELP_AGENCY)
        parser.add_argument("--url", help=msg.HELP_URL)
        return parser

    bieu06 = common(report.add_parser("bieu06", help=msg.HELP_BIEU06))
    bieu06.add_argument("--period", required=True, help=msg.HELP_PERIOD)
    bieu06.add_argument("--cutoff", default=str(p.LEGAL_CUTOFF), help=msg.HELP_CUTOFF)
    bieu06.add_argument("--by", choices=["field", "agency"], default="field", help=msg.HELP_BY)
    bieu06.add_argument("--per-commune", action="store_true")
    bieu06.add_argument("--xlsx", type=Path, help=msg.HELP_XLSX)
    bieu06.add_argument("--pdf", type=Path, help=msg.HELP_PDF)

    ledger = common(report.add_parser("ledger", help=msg.HELP_LEDGER))
    ledger.add_argument("--from", dest="date_from", type=date.fromisoformat, required=True)
    ledger.add_argument("--to", dest="date_to", type=date.fromisoformat, required=True)
    ledger.add_argument("--xlsx", type=Path, help=msg.HELP_XLSX)
    ledger.add_argument("--pdf", type=Path, help=msg.HELP_PDF)

    dashboard = common(report.add_parser("dashboard", help=msg.HELP_DASHBOARD))
    dashboard.add_argument("--cutoff", default="calendar", help=msg.HELP_CUTOFF)

    followup = common(report.add_parser("followup", help=msg.HELP_FOLLOWUP))
    followup.add_argument("--period", required=True, help=msg.HELP_PERIOD)
    followup.add_argument("--cutoff", default=str(p.LEGAL_CUTOFF), help=msg.HELP_CUTOFF)


def _open(args: argparse.Namespace) -> Database:
    from counter_app.db.bootstrap import open_sqlite, open_url
    from counter_app.paths import default_db_path

    if args.url:
        return open_url(args.url).database
    return open_sqlite(args.db or default_db_path()).database


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    print(msg.WROTE_FILE.format(path=path))


def handle(args: argparse.Namespace) -> int | None:
    if args.command != COMMAND:
        return None
    try:
        database = _open(args)
        try:
            return _RUN[args.report_command](database, args)
        finally:
            database.dispose()
    except PeriodError as exc:
        print(msg_error(str(exc)), file=sys.stderr)
        return 2


def msg_error(text: str) -> str:
    from counter_app.messages import cli as cli_msg

    return cli_msg.ERROR_PREFIX + text


def _bieu06(database: Database, args: argparse.Namespace) -> int:
    from counter_app.reports.pdf import bieu06_pdf
    from counter_app.reports.text import bieu06_text
    from counter_app.reports.xlsx import bieu06_xlsx
    from counter_app.services.reports import Bieu06Request, bieu06_sheets

    period = p.parse_period(args.period, p.parse_cutoff(args.cutoff))
    request = Bieu06Request(period, args.agency, args.by, args.per_commune)
    sheets = bieu06_sheets(database, request)
    print(bieu06_text(sheets[0]))
    if args.xlsx:
        _write(args.xlsx, bieu06_xlsx(sheets))
    if args.pdf:
        _write(args.pdf, bieu06_pdf(sheets))
    return 0


def _ledger(database: Database, args: argparse.Namespace) -> int:
    from counter_app.reports.ledger import ledger_pdf
    from counter_app.reports.text import ledger_text
    from counter_app.reports.xlsx import ledger_xlsx
    from counter_app.services.context import vn_now
    from counter_app.services.reports import ledger

    if args.date_to < args.date_from:
        raise PeriodError(msg.PERIOD_REVERSED.format(start=args.date_from, end=args.date_to))
    lines, header = ledger(database, args.date_from, args.date_to, agency_code=args.agency)
    print(ledger_text(lines))
    if args.xlsx:
        _write(args.xlsx, ledger_xlsx(lines, header, args.date_from, args.date_to))
    if args.pdf:
        _write(args.pdf, ledger_pdf(lines, header, args.date_from, args.date_to, vn_now()))
    return 0


def _dashboard(database: Database, args: argparse.Namespace) -> int:
    from counter_app.reports.text import dashboard_text
    from counter_app.services.context import CounterContext
    from counter_app.services.reports import load_dashboard
    from counter_app.services.unit import default_node_id

    ctx = CounterContext(database, default_node_id(database) or "")
    figures = load_dashboard(ctx, agency_code=args.agency, cutoff_day=p.parse_cutoff(args.cutoff))
    print(dashboard_text(figures))
    return 0


def _followup(database: Database, args: argparse.Namespace) -> int:
    from counter_app.reports.text import followup_text
    from counter_app.services.calendar_settings import calendar_for
    from counter_app.services.context import vn_now
    from counter_app.services.reports import followup_lists

    period = p.parse_period(args.period, p.parse_cutoff(args.cutoff))
    lists = followup_lists(database, calendar_for(database), period, at=vn_now(), agency_code=args.agency)
    print(followup_text(lists))
    return 0


_RUN = {"bieu06": _bieu06, "ledger": _ledger, "dashboard": _dashboard, "followup": _followup}
