"""`counter-app`: the GUI when given no subcommand, and the headless commands."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from counter_app.db.errors import StorageError
from counter_app.messages import cli as msg
from counter_app.messages import selftest as selftest_msg
from counter_app.messages import setup as setup_msg
from counter_app.messages import storage as storage_msg
from counter_app.paths import data_dir, default_db_path
from counter_app.services.errors import ServiceError


def _add_window_options(parser: argparse.ArgumentParser) -> None:
    """The options that come before a subcommand, or alone when the window is opened."""
    parser.add_argument("--db", type=Path, help=msg.HELP_DB)
    parser.add_argument("--demo", action="store_true", help=msg.HELP_DEMO)
    parser.add_argument("--self-test", action="store_true", help=selftest_msg.HELP_SELF_TEST)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="counter-app", description=msg.DESCRIPTION)
    _add_window_options(parser)
    sub = parser.add_subparsers(dest="command")

    setup = sub.add_parser("setup", help=msg.HELP_SETUP)
    for flag in ("agency-code", "name", "parent-body", "province", "upper-office", "address", "phone", "place",
                 "admin-user", "admin-name", "admin-password", "node-name"):
        setup.add_argument(f"--{flag}")
    setup.add_argument("--upper-level", choices=["province", "district"])
    setup.add_argument("--mountainous", action="store_true", default=None)
    setup.add_argument("--block", help="khối số thứ tự của máy trạm, ví dụ 1-4999")
    setup.add_argument("--ledger-book", type=int, default=1)

    demo = sub.add_parser("demo", help=msg.HELP_DEMO_CMD)
    demo.add_argument("--dossiers", type=int, default=2000)

    catalog = sub.add_parser("catalog", help=msg.HELP_CATALOG).add_subparsers(dest="catalog_command", required=True)
    catalog.add_parser("import", help=msg.HELP_CATALOG_IMPORT).add_argument("file", type=Path)

    db = sub.add_parser("db", help=msg.HELP_DB_CMD).add_subparsers(dest="db_command", required=True)
    db.add_parser("check", help=msg.HELP_DB_CHECK)
    db.add_parser("upgrade", help=msg.HELP_DB_UPGRADE)
    for module in _plugin_modules():
        module.register(sub)
    return parser


# Areas that bring their own subcommands. Each module has register(subparsers) and
# handle(args) -> int | None (None: not my command). Keeps this file small as areas grow.
PLUGIN_MODULES: tuple[str, ...] = ("counter_app.cli_trust", "counter_app.cli_reports", "counter_app.cli_sync")


def _plugin_modules() -> list:  # type: ignore[type-arg]
    import importlib

    return [importlib.import_module(name) for name in PLUGIN_MODULES]


def demo_db_path() -> Path:
    return data_dir() / "demo.sqlite3"


class _QuietParser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # the full parser reports it, with every command listed
        raise argparse.ArgumentError(None, message)


def window_args(argv: Sequence[str] | None) -> argparse.Namespace | None:
    """The arguments when they only open the window (no subcommand, no --help), else None.

    Building the full parser imports every command's module and adds ~30 subparsers (≈ 70 ms): the
    clerk's start skips that. Anything else, help and mistakes included, goes to the full parser.
    """
    parser = _QuietParser(prog="counter-app", add_help=False, exit_on_error=False)
    _add_window_options(parser)
    try:
        args, rest = parser.parse_known_args(argv)
    except argparse.ArgumentError:
        return None
    if rest:
        return None
    args.command = None
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = window_args(argv)
    if args is None:
        args = build_parser().parse_args(argv)
    try:
        return _dispatch(args)
    except (StorageError, ServiceError) as exc:
        print(msg.ERROR_PREFIX + str(exc), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


def _dispatch(args: argparse.Namespace) -> int:
    if args.self_test:  # checks an installation on a throw-away database (counter_app/selftest.py)
        from counter_app.ui.selftest import run_self_test

        return run_self_test()
    if args.command is None:
        path = args.db or (demo_db_path() if args.demo else default_db_path())
        if args.demo:
            _ensure_demo(path)
        from counter_app.ui.app import run_gui

        return run_gui(path)  # opens the database itself, after painting the sign-in window
    from counter_app.db.bootstrap import open_sqlite

    path = args.db or default_db_path()
    if args.command == "db" and args.db_command == "upgrade":
        result = open_sqlite(path)
        if result.previous_revision == result.revision:
            print(storage_msg.UPGRADE_NOT_NEEDED.format(revision=result.revision))
        else:
            print(storage_msg.UPGRADE_DONE.format(old=result.previous_revision or "-", new=result.revision,
                                                  backup=result.backup_path or "-"))
        return 0
    if args.command == "db" and args.db_command == "check":
        return _db_check(path)
    if args.command == "setup":
        from counter_app.cli_setup import run_setup

        return run_setup(open_sqlite(path).database, args)
    if args.command == "demo":
        _ensure_demo(path, dossiers=args.dossiers)
        return 0
    if args.command == "catalog":
        from counter_app.services.catalog import import_catalog_file

        report = import_catalog_file(open_sqlite(path).database, args.file)
        print(setup_msg.CATALOG_IMPORTED.format(added=report.added, updated=report.updated,
                                                unchanged=report.unchanged))
        return 0
    for module in _plugin_modules():
        handled = module.handle(args)
        if handled is not None:
            return int(handled)
    raise AssertionError(args.command)


def _db_check(path: Path) -> int:
    from counter_app.db.bootstrap import integrity_check, open_sqlite

    if not path.exists():
        print(msg.ERROR_PREFIX + storage_msg.DB_MISSING.format(path=path), file=sys.stderr)
        return 2
    result = open_sqlite(path)
    problems = integrity_check(result.database)
    if problems:
        print(storage_msg.INTEGRITY_BAD.format(detail="; ".join(problems[:20])), file=sys.stderr)
        return 1
    print(storage_msg.INTEGRITY_OK.format(path=path, revision=result.revision))
    return 0


def _ensure_demo(path: Path, dossiers: int = 2000) -> None:
    from counter_app.db.bootstrap import open_sqlite
    from counter_app.services.demo import create_demo
    from counter_app.services.unit import is_set_up

    database = open_sqlite(path).database
    if is_set_up(database):
        print(msg.DEMO_EXISTS.format(path=path))
        return
    print(msg.DEMO_CREATING.format(path=path), flush=True)
    started = time.perf_counter()
    result = create_demo(database, dossiers=dossiers)
    print(msg.DEMO_CREATED.format(n=result.dossiers, seconds=time.perf_counter() - started))
    for username, password in result.passwords.items():
        print(f"  {username} / {password}")


if __name__ == "__main__":
    raise SystemExit(main())
