"""The first-run setup on the command line: flags for scripts, prompts for a person."""

from __future__ import annotations

import argparse
import getpass
import os

from counter_app.core.dossier_code import OrdinalBlock
from counter_app.db.engine import Database
from counter_app.messages import cli as msg
from counter_app.messages import setup as setup_msg
from counter_app.services.errors import ValidationFailed
from counter_app.services.setup import initialize
from counter_app.services.unit import UnitInfo
from counter_app.services.users import NewUser


def _ask(value: str | None, key: str, *, interactive: bool, default: str = "") -> str:
    if value is not None:
        return value
    if not interactive:
        return default
    return input(msg.PROMPT[key]).strip() or default


def run_setup(database: Database, args: argparse.Namespace) -> int:
    interactive = os.isatty(0)
    level = args.upper_level or _ask(None, "upper_level", interactive=interactive, default="tinh")
    level = {"tinh": "province", "huyen": "district"}.get(level, level)
    mountainous = args.mountainous
    if mountainous is None:
        mountainous = _ask(None, "mountainous", interactive=interactive, default="k").lower().startswith("c")
    unit = UnitInfo(
        agency_code=_ask(args.agency_code, "agency_code", interactive=interactive),
        name=_ask(args.name, "name", interactive=interactive),
        parent_body=_ask(args.parent_body, "parent_body", interactive=interactive),
        province=_ask(args.province, "province", interactive=interactive),
        upper_office_name=_ask(args.upper_office, "upper_office", interactive=interactive),
        upper_office_level=level,
        mountainous=mountainous,
        address=_ask(args.address, "address", interactive=interactive),
        phone=_ask(args.phone, "phone", interactive=interactive),
        place_name=_ask(args.place, "place", interactive=interactive),
    )
    password = args.admin_password or os.environ.get("COUNTER_ADMIN_PASSWORD")
    if password is None and interactive:
        password = getpass.getpass(msg.PROMPT["admin_password"])
        if password != getpass.getpass(msg.PROMPT["admin_password_again"]):
            raise ValidationFailed([msg.PASSWORDS_DIFFER])
    admin = NewUser(
        username=_ask(args.admin_user, "admin_user", interactive=interactive, default="admin"),
        full_name=_ask(args.admin_name, "admin_name", interactive=interactive),
        role="admin",
        password=password or "",
    )
    block = None
    if args.block:
        start, _, end = args.block.partition("-")
        try:
            block = OrdinalBlock(int(start), int(end))
        except ValueError as exc:  # DossierCodeError carries the Vietnamese message
            raise ValidationFailed([str(exc)]) from exc
    result = initialize(database, unit, admin, node_name=args.node_name or "Máy tiếp nhận 1", block=block,
                        ledger_book=args.ledger_book)
    print(setup_msg.SETUP_DONE.format(unit=unit.name, code=unit.agency_code.upper(), node=args.node_name or
                                      "Máy tiếp nhận 1", admin=result.admin_username))
    return 0
