"""`counter-app keys|export|export-status|import-return|hub …`: USB sync on the command line.

Like the other commands it acts as whoever holds the data file (no login). Messages are Vietnamese; any
refusal prints the reason and exits with status 2, having changed nothing.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from counter_app.messages import cli as cli_msg
from counter_app.messages import sync as msg
from counter_app.messages import ui as ui_msg
from counter_app.paths import data_dir, default_db_path

COMMANDS = ("keys", "export", "export-status", "import-return", "hub")


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    keys = sub.add_parser("keys", help=msg.HELP_KEYS).add_subparsers(dest="keys_command", required=True)
    keys.add_parser("show", help=msg.HELP_KEYS_SHOW)
    imp = keys.add_parser("import-hub", help=msg.HELP_KEYS_IMPORT_HUB)
    imp.add_argument("file", type=Path)
    imp.add_argument("--replace", action="store_true", help=msg.HELP_KEYS_REPLACE)
    keys.add_parser("rotate", help=msg.HELP_KEYS_ROTATE)

    export = sub.add_parser("export", help=msg.HELP_EXPORT)
    export.add_argument("folder", type=Path)
    export.add_argument("--mode", choices=["incremental", "resend", "full"], default="incremental",
                        help=msg.HELP_EXPORT_MODE)
    sub.add_parser("export-status", help=msg.HELP_EXPORT_STATUS)
    ret = sub.add_parser("import-return", help=msg.HELP_IMPORT_RETURN)
    ret.add_argument("files", type=Path, nargs="+")

    hub = sub.add_parser("hub", help=msg.HELP_HUB)
    hub.add_argument("--url", help=msg.HELP_HUB_URL)
    hub.add_argument("--dir", type=Path, help=msg.HELP_HUB_DIR)
    cmd = hub.add_subparsers(dest="hub_command", required=True)
    init = cmd.add_parser("init", help=msg.HELP_HUB_INIT)
    init.add_argument("--hub-id", required=True)
    init.add_argument("--name", required=True)
    cmd.add_parser("identity", help=msg.HELP_HUB_IDENTITY).add_argument("folder", type=Path)
    imp = cmd.add_parser("import", help=msg.HELP_HUB_IMPORT)
    imp.add_argument("folder", type=Path)
    imp.add_argument("--trust-new", action="store_true", help=msg.HELP_HUB_TRUST_NEW)
    confirm = cmd.add_parser("confirm", help=msg.HELP_HUB_CONFIRM)
    confirm.add_argument("unit")
    confirm.add_argument("fingerprint")
    cmd.add_parser("board", help=msg.HELP_HUB_BOARD).add_argument("--silent-days", type=int, default=14,
                                                                  help=msg.HELP_HUB_SILENT)
    out = cmd.add_parser("return", help=msg.HELP_HUB_RETURN)
    out.add_argument("folder", type=Path)
    out.add_argument("--unit", action="append", default=[])
    result = cmd.add_parser("result", help=msg.HELP_HUB_RESULT)
    result.add_argument("dossier")
    result.add_argument("--outcome", choices=["result_ready", "refused"], required=True)
    result.add_argument("--note", default="")
    cmd.add_parser("rotate-keys", help=msg.HELP_HUB_ROTATE)
    cmd.add_parser("reset-key", help=msg.HELP_HUB_RESET).add_argument("unit")
    cmd.add_parser("calendar", help=msg.HELP_HUB_CALENDAR).add_argument("file", type=Path)
    cmd.add_parser("gui", help=ui_msg.HUB_HELP_GUI)


def handle(args: argparse.Namespace) -> int | None:
    if args.command not in COMMANDS:
        return None
    from counter_app.sync.errors import SyncError

    try:
        if args.command == "hub":
            return _hub(args)
        return _commune(args)
    except SyncError as exc:
        print(cli_msg.ERROR_PREFIX + str(exc), file=sys.stderr)
        return 2


def _progress(phase: str, done: int, total: int) -> None:
    if sys.stderr.isatty() and total:
        print(f"\r{msg.PROGRESS.get(phase, phase)}: {100 * done // total}%", end="", file=sys.stderr, flush=True)


def _commune(args: argparse.Namespace) -> int:
    from counter_app.db.bootstrap import open_sqlite
    from counter_app.services import sync_status
    from counter_app.services.context import CounterContext
    from counter_app.services.unit import default_node_id

    database = open_sqlite(args.db or default_db_path()).database
    try:
        node_id = default_node_id(database)
        if node_id is None:
            print(cli_msg.ERROR_PREFIX + msg.NOT_SET_UP, file=sys.stderr)
            return 2
        ctx = CounterContext(database, node_id)
        if args.command == "keys":
            if args.keys_command == "show":
                print(sync_status.commune_fingerprint(ctx))
            elif args.keys_command == "import-hub":
                print(sync_status.import_hub_identity(ctx, args.file, replace=args.replace))
            else:
                print(sync_status.rotate_commune_keys(ctx))
            return 0
        if args.command == "export":
            from counter_app.sync.export import export_package

            print(export_package(ctx, args.folder, mode=args.mode, progress=_progress).message)
            return 0
        if args.command == "export-status":
            info = sync_status.overview(ctx)
            hub = f"{info.hub_name} ({info.hub_id}), {info.hub_fingerprint}" if info.hub_id else msg.NONE
            last = f"{info.last_sequence} ({info.last_export_at:%d/%m/%Y %H:%M})" if info.last_export_at else msg.NONE
            print(msg.STATUS_LINES.format(fingerprint=info.fingerprint or msg.NONE, hub=hub, last=last,
                                          unacked=info.unacknowledged))
            reminder = sync_status.export_reminder(ctx)
            if reminder:
                print(reminder)
            return 0
        from counter_app.sync.commune_inbox import import_return
        from counter_app.sync.errors import SyncError

        status = 0
        for path in args.files:
            try:
                outcome = import_return(ctx, path)
            except SyncError as exc:
                print(cli_msg.ERROR_PREFIX + f"{path.name}: {exc}", file=sys.stderr)
                status = 2
                continue
            print(outcome.message)
            for warning in outcome.warnings:
                print("  " + warning)
        return status
    finally:
        database.dispose()


def _hub(args: argparse.Namespace) -> int:
    from counter_app.db.bootstrap import open_sqlite, open_url
    from counter_app.sync import hub as hub_admin
    from counter_app.sync.hub_import import Workspace

    if args.url:
        database = open_url(args.url).database
        root = args.dir or data_dir() / "hub-files"
    else:
        path = args.db or data_dir() / "hub.sqlite3"
        database = open_sqlite(path).database
        root = args.dir or path.parent / "hub-files"
    workspace = Workspace(root)
    try:
        command = args.hub_command
        if command == "gui":
            from counter_app.ui.hub_window import run_hub_gui

            return run_hub_gui(database, root)
        if command == "init":
            print(hub_admin.init_hub(database, args.hub_id, args.name))
        elif command == "identity":
            print(hub_admin.write_identity_file(database, args.folder))
        elif command == "import":
            return _hub_import(database, workspace, args)
        elif command == "confirm":
            message, outcomes = hub_admin.confirm_unit(database, workspace, args.unit, args.fingerprint)
            print(message)
            for outcome in outcomes:
                print("  " + outcome.message)
        elif command == "board":
            _print_board(database, args.silent_days)
        elif command == "return":
            return _hub_return(database, args)
        elif command == "result":
            print(hub_admin.record_result(database, args.dossier, args.outcome, args.note, recorded_by="cli"))
        elif command == "rotate-keys":
            print(hub_admin.rotate_hub_keys(database))
        elif command == "reset-key":
            print(hub_admin.reset_unit_key(database, args.unit))
        else:
            print(msg.CALENDAR_SET.format(days=hub_admin.set_hub_calendar(database, args.file)))
        return 0
    finally:
        database.dispose()


def _hub_import(database, workspace, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    from counter_app.sync.hub_import import import_folder

    report = import_folder(database, args.folder, workspace, trust_new=args.trust_new, progress=_progress)
    for outcome in report.outcomes:
        print(outcome.message)
    print(report.summary)
    return 1 if report.count("quarantined") or report.count("unreadable") else 0


def _print_board(database, silent_days: int) -> None:  # type: ignore[no-untyped-def]
    from counter_app.services.context import vn_now
    from counter_app.sync.hub_board import hub_board

    rows = hub_board(database, vn_now(), silent_after_days=silent_days)
    print(" | ".join(msg.BOARD_HEADER))
    for row in rows:
        last = f"{row.last_package_created_at:%d/%m/%Y}" if row.last_package_created_at else msg.BOARD_NEVER
        rate = f"{100 * row.on_time_rate:.0f}%" if row.on_time_rate is not None else "-"
        silent = msg.BOARD_SILENT.format(days=row.silent_days) if row.silent_days is not None else msg.BOARD_NEVER
        print(f"{row.unit_name} ({row.unit_code}) | {last} | {row.dossiers} | {row.overdue} | {rate} | {silent}")
        if row.missing:
            print("  " + msg.HUB_GAPS.format(unit=row.unit_code, missing=", ".join(map(str, row.missing))))
        for gap in row.node_gaps:
            print("  " + msg.HUB_NODE_GAP.format(unit=row.unit_code, node=gap.node_id[:8], contiguous=gap.contiguous,
                                                 max=gap.max_counter))
    silent_units = [row.unit_code for row in rows if row.silent]
    if silent_units:
        print(msg.BOARD_SILENT_WARNING.format(days=silent_days, units=", ".join(silent_units)))


def _hub_return(database, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    from sqlalchemy import select

    from counter_app.db.models_sync import HubUnit
    from counter_app.sync.errors import SyncError
    from counter_app.sync.hub_return import write_return

    units = args.unit
    if not units:
        with database.read() as session:
            units = list(session.execute(select(HubUnit.unit_code).where(HubUnit.status == "confirmed")
                                         .order_by(HubUnit.unit_code)).scalars())
    status = 0
    for unit in units:
        try:
            print(write_return(database, unit, args.folder).message)
        except SyncError as exc:
            print(cli_msg.ERROR_PREFIX + str(exc), file=sys.stderr)
            status = 2
    return status
