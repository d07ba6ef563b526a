"""First run: the unit's identity, this workstation, the first admin and the shipped catalogue."""

from __future__ import annotations

from dataclasses import dataclass

from counter_app.core.dossier_code import OrdinalBlock
from counter_app.db.engine import Database
from counter_app.messages import setup as msg
from counter_app.services import audit
from counter_app.services.catalog import import_default_catalog
from counter_app.services.context import Actor, CounterContext, Role
from counter_app.services.errors import ServiceError, ValidationFailed
from counter_app.services.settings import get_setting, set_setting
from counter_app.services.unit import (
    UnitInfo,
    add_node,
    check_unit,
    is_set_up,
    save_unit_profile,
    set_default_node,
)
from counter_app.services.users import NewUser, check_new_user, create_user_in_session

WHOLE_DAY_BLOCK = OrdinalBlock(1, 9999)  # a single workstation owns the whole daily range
# A demo database's passwords are published (README, `counter-app demo`): the UI marks it on every screen.
DEMO_SETTING = "app.demo"


@dataclass(frozen=True)
class SetupResult:
    context: CounterContext
    node_id: str
    admin_username: str
    procedures_imported: int


def initialize(
    db: Database,
    unit: UnitInfo,
    admin: NewUser,
    *,
    node_name: str = "Máy tiếp nhận 1",
    block: OrdinalBlock | None = None,
    ledger_book: int = 1,
    demo: bool = False,
) -> SetupResult:
    """All of the first run in one transaction: a half-set-up unit cannot exist.

    The first admin chooses their own password here (there is no default one); `demo=True` marks a
    database whose passwords are published, so it can never pass for a real unit's.
    """
    if is_set_up(db):
        raise ServiceError(msg.ALREADY_SET_UP)
    if admin.role != "admin":
        raise ValueError("the first account must be an admin")
    errors = check_unit(unit)[0] + check_new_user(admin)
    if errors:  # every problem at once, so the person setting up fixes them in one go
        raise ValidationFailed(errors)
    with db.write() as session:
        save_unit_profile(session, unit)
        node = add_node(session, node_name, block or WHOLE_DAY_BLOCK, ledger_book)
        session.flush()
        set_default_node(session, node.id)
        user = create_user_in_session(session, admin)
        report = import_default_catalog(session)
        if demo:
            set_setting(session, DEMO_SETTING, True)
        who = Actor(user.id, user.username, user.full_name, Role.ADMIN)
        audit.record(session, who, "unit.setup", target_type="unit", target_id=unit.agency_code.strip().upper(),
                     node_id=node.id, after={"unit": check_unit(unit)[1].__dict__, "node_name": node.name,
                                             "block": [node.ordinal_start, node.ordinal_end],
                                             "ledger_book": node.ledger_book, "demo": demo})
        audit.record(session, who, "catalog.import", target_type="catalog", target_id="default", node_id=node.id,
                     after={"added": report.added, "updated": report.updated, "unchanged": report.unchanged})
        node_id, username = node.id, user.username
    return SetupResult(CounterContext(db, node_id), node_id, username, report.added)


def is_demo_database(db: Database) -> bool:
    """True for the demo commune: the UI shows «DỮ LIỆU MẪU» and the demo passwords work only there."""
    with db.read() as session:
        return bool(get_setting(session, DEMO_SETTING))
