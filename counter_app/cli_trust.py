"""`counter-app audit|backup|user|personal-data …`: trust commands for whoever holds the data file.

The command line has no login: a person who can run it on this PC can read the file anyway, so it acts as
the system account (role admin) and every change is still an audit row.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from datetime import date
from pathlib import Path

from counter_app.messages import setup as setup_msg
from counter_app.messages import trust as msg
from counter_app.paths import default_db_path
from counter_app.services.context import SYSTEM_ACTOR, CounterContext, Role

COMMANDS = ("audit", "backup", "user", "personal-data")


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    audit = sub.add_parser("audit", help=msg.HELP_AUDIT).add_subparsers(dest="audit_command", required=True)
    audit.add_parser("verify", help=msg.HELP_AUDIT_VERIFY)

    backup = sub.add_parser("backup", help=msg.HELP_BACKUP).add_subparsers(dest="backup_command", required=True)
    backup.add_parser("now", help=msg.HELP_BACKUP_NOW)
    backup.add_parser("list", help=msg.HELP_BACKUP_LIST)
    restore = backup.add_parser("restore", help=msg.HELP_BACKUP_RESTORE)
    restore.add_argument("file", type=Path)
    restore.add_argument("--passphrase-env", help=msg.HELP_PASSPHRASE_ENV)
    configure = backup.add_parser("configure", help=msg.HELP_BACKUP_CONFIGURE)
    configure.add_argument("--second-folder", type=Path)
    configure.add_argument("--no-second-folder", action="store_true")
    configure.add_argument("--encrypt", action="store_true")
    configure.add_argument("--no-encrypt", action="store_true")
    configure.add_argument("--passphrase-env", help=msg.HELP_PASSPHRASE_ENV)

    user = sub.add_parser("user", help=msg.HELP_USER).add_subparsers(dest="user_command", required=True)
    user.add_parser("list")
    add = user.add_parser("add")
    add.add_argument("username")
    add.add_argument("--name", required=True)
    add.add_argument("--role", choices=[r.value for r in Role], required=True)
    add.add_argument("--password-env")
    reset = user.add_parser("reset-password")
    reset.add_argument("username")
    reset.add_argument("--password-env")
    for name in ("deactivate", "activate", "unlock"):
        user.add_parser(name).add_argument("username")
    role = user.add_parser("role")
    role.add_argument("username")
    role.add_argument("role", choices=[r.value for r in Role])

    personal = sub.add_parser("personal-data", help=msg.HELP_PERSONAL).add_subparsers(
        dest="personal_command", required=True)
    for name in ("export", "erase"):
        p = personal.add_parser(name)
        p.add_argument("--id-number", default="")
        p.add_argument("--phone", default="")
        p.add_argument("--name", default="")
        p.add_argument("--birth-date", type=date.fromisoformat)
        if name == "export":
            p.add_argument("--out", type=Path, required=True)
        else:
            p.add_argument("--reason", required=True)


def handle(args: argparse.Namespace) -> int | None:
    if args.command not in COMMANDS:
        return None
    path = args.db or default_db_path()
    if args.command == "backup" and args.backup_command == "restore":
        return _restore(path, args)
    from counter_app.db.bootstrap import open_sqlite

    database = open_sqlite(path).database
    try:
        if args.command == "audit":
            return _audit_verify(database)
        if args.command == "backup":
            return _backup(database, args)
        if args.command == "user":
            return _user(database, args)
        return _personal(database, args)
    finally:
        database.dispose()


def _secret(env_name: str | None, default_env: str, prompt: str, *, confirm: str = "") -> str:
    value = os.environ.get(env_name or default_env)
    if value:
        return value
    if not sys.stdin.isatty():
        return ""
    value = getpass.getpass(prompt)
    if confirm and getpass.getpass(confirm) != value:
        from counter_app.services.errors import ValidationFailed

        raise ValidationFailed([msg.PASSPHRASES_DIFFER])
    return value


def _audit_verify(database) -> int:  # type: ignore[no-untyped-def]
    from counter_app.services.audit import verify_chain

    report = verify_chain(database)
    if report.broken is not None:
        print(report.broken.message, file=sys.stderr)
        return 1
    print(msg.AUDIT_OK.format(rows=report.rows, hash=report.last_hash))
    return 0


def _backup(database, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    from counter_app.services import backups

    if args.backup_command == "now":
        result = backups.backup_now(database)
        print(msg.BACKUP_DONE.format(path=result.primary))
        if result.second:
            print(msg.BACKUP_DONE.format(path=result.second))
        if result.deleted:
            print(msg.BACKUP_ROTATED.format(n=len(result.deleted)))
        if result.second_error:
            print(result.second_error, file=sys.stderr)
            return 1
        return 0
    if args.backup_command == "list":
        found = backups.list_backups(database)
        if not found:
            print(msg.BACKUP_NONE.format(folder=backups.backup_settings(database).primary_folder))
        for b in found:
            kind = msg.BACKUP_KIND_ENCRYPTED if b.encrypted else msg.BACKUP_KIND_PLAIN
            print(msg.BACKUP_LIST_ROW.format(stamp=b.taken_at.strftime("%d/%m/%Y %H:%M:%S"), size=b.size,
                                             kind=kind, path=b.path))
        return 0
    if args.second_folder or args.no_second_folder:
        backups.set_second_folder(database, SYSTEM_ACTOR, None if args.no_second_folder else args.second_folder)
    if args.no_encrypt:
        backups.disable_encryption(database, SYSTEM_ACTOR)
    elif args.encrypt:
        passphrase = _secret(args.passphrase_env, "COUNTER_BACKUP_PASSPHRASE", msg.PROMPT_PASSPHRASE,
                             confirm=msg.PROMPT_PASSPHRASE_AGAIN)
        backups.enable_encryption(database, SYSTEM_ACTOR, passphrase)
        print(msg.BACKUP_ENCRYPTION_ON)
    print(msg.SETTINGS_SAVED)
    return 0


def _restore(path: Path, args: argparse.Namespace) -> int:
    from counter_app.db.backup_crypto import is_encrypted
    from counter_app.services.backups import restore_backup

    passphrase = None
    if args.file.is_file() and is_encrypted(args.file):
        passphrase = _secret(args.passphrase_env, "COUNTER_BACKUP_PASSPHRASE", msg.PROMPT_PASSPHRASE) or None
    result = restore_backup(path, args.file, passphrase=passphrase)
    print(result.message)
    return 0


def _user(database, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    from counter_app.services import users

    command = args.user_command
    if command == "list":
        for u in users.list_users(database, SYSTEM_ACTOR):
            state = msg.USER_ACTIVE if u.active else msg.USER_INACTIVE
            print(msg.USER_LIST_ROW.format(username=u.username, role=setup_msg.ROLE_LABELS[u.role], state=state,
                                           full_name=u.full_name))
        return 0
    if command == "add":
        password = _secret(args.password_env, "COUNTER_NEW_PASSWORD", msg.PROMPT_PASSWORD)
        # A password someone else chose: with an actor given, the owner must change it at first login.
        users.create_user(database, users.NewUser(args.username, args.name, args.role, password), actor=SYSTEM_ACTOR)
    elif command == "reset-password":
        password = _secret(args.password_env, "COUNTER_NEW_PASSWORD", msg.PROMPT_PASSWORD)
        users.reset_password(database, SYSTEM_ACTOR, args.username, password)
    elif command in ("deactivate", "activate"):
        users.set_user_active(database, SYSTEM_ACTOR, args.username, command == "activate")
    elif command == "unlock":
        users.unlock_user(database, SYSTEM_ACTOR, args.username)
    else:
        users.change_role(database, SYSTEM_ACTOR, args.username, args.role)
    print(msg.USER_DONE.format(username=args.username.strip().lower()))
    return 0


def _personal(database, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    from counter_app.services import personal_data
    from counter_app.services.unit import default_node_id

    ctx = CounterContext(database, default_node_id(database) or "")
    query = personal_data.CitizenQuery(args.id_number, args.name, args.birth_date, args.phone)
    if args.personal_command == "export":
        n = personal_data.export_citizen_data(ctx, SYSTEM_ACTOR, query, args.out)
        print(msg.EXPORTED.format(n=n, path=args.out))
        return 0
    result = personal_data.erase_citizen_data(ctx, SYSTEM_ACTOR, query, args.reason)
    print(msg.ERASED.format(n=len(result.erased)))
    if result.message:
        print(result.message)
    return 0
