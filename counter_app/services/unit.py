"""The unit (commune) profile, its workstations (nodes) and its settings; admin changes are audited."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from counter_app.core.contact import validate_phone
from counter_app.core.dossier_code import AGENCY_CODE_RE, OrdinalBlock
from counter_app.core.text import nfc
from counter_app.db.engine import Database
from counter_app.db.models import CodeCounter, Node, UnitProfile
from counter_app.messages import dossier as dossier_msg
from counter_app.messages import setup as msg
from counter_app.messages import trust as trust_msg
from counter_app.services import audit
from counter_app.services import settings as keys
from counter_app.services.authz import Permission, require_in_session
from counter_app.services.context import Actor, vn_now
from counter_app.services.errors import ServiceError, ValidationFailed
from counter_app.services.settings import get_setting, set_setting

UPPER_LEVELS = ("province", "district")


@dataclass(frozen=True)
class UnitInfo:
    agency_code: str
    name: str
    parent_body: str
    province: str
    upper_office_name: str
    upper_office_level: str = "province"  # since 01/07/2025 the upper level is normally the province
    mountainous: bool = False
    address: str = ""
    phone: str = ""
    place_name: str = ""


def check_unit(info: UnitInfo) -> tuple[list[str], UnitInfo]:
    errors: list[str] = []
    code = info.agency_code.strip().upper()
    if not AGENCY_CODE_RE.fullmatch(code):
        errors.append(msg.AGENCY_CODE_INVALID.format(code=info.agency_code))
    for label, value in (
        (msg.FIELD_UNIT_NAME, info.name),
        (msg.FIELD_PARENT_BODY, info.parent_body),
        (msg.FIELD_PROVINCE, info.province),
        (msg.FIELD_UPPER_OFFICE, info.upper_office_name),
    ):
        if not nfc(value):
            errors.append(msg.FIELD_REQUIRED.format(field=label))
    if info.upper_office_level not in UPPER_LEVELS:
        errors.append(msg.UPPER_LEVEL_INVALID)
    phone = info.phone.strip()
    if phone:
        check = validate_phone(phone)
        errors += list(check.errors)
        phone = check.normalized
    clean = UnitInfo(
        agency_code=code,
        name=nfc(info.name),
        parent_body=nfc(info.parent_body),
        province=nfc(info.province),
        upper_office_name=nfc(info.upper_office_name),
        upper_office_level=info.upper_office_level,
        mountainous=info.mountainous,
        address=nfc(info.address),
        phone=phone,
        place_name=nfc(info.place_name) or nfc(info.name),
    )
    return errors, clean


def current_unit(session: Session) -> UnitProfile:
    unit = session.execute(
        select(UnitProfile).order_by(UnitProfile.valid_from.desc(), UnitProfile.id.desc()).limit(1)
    ).scalar_one_or_none()
    if unit is None:
        raise ServiceError(dossier_msg.NOT_SETUP)
    return unit


def is_set_up(db: Database) -> bool:
    with db.read() as session:
        return session.execute(select(UnitProfile.id).limit(1)).first() is not None


def save_unit_profile(session: Session, info: UnitInfo) -> UnitProfile:
    """Adds a new profile row: the old identity stays as history (a unit may be renamed or recoded)."""
    errors, clean = check_unit(info)
    if errors:
        raise ValidationFailed(errors)
    profile = UnitProfile(valid_from=vn_now(), **clean.__dict__)
    session.add(profile)
    return profile


def add_node(session: Session, name: str, block: OrdinalBlock, ledger_book: int) -> Node:
    node = Node(
        id=str(uuid.uuid4()),
        name=nfc(name),
        ordinal_start=block.start,
        ordinal_end=block.end,
        ledger_book=ledger_book,
        event_counter=0,
        created_at=vn_now(),
    )
    session.add(node)
    return node


def default_node_id(db: Database) -> str | None:
    with db.read() as session:
        value = get_setting(session, keys.DEFAULT_NODE_ID)
        return str(value) if value else None


def set_default_node(session: Session, node_id: str) -> None:
    set_setting(session, keys.DEFAULT_NODE_ID, node_id)


# --- admin changes (audited) ---------------------------------------------------------------------------


def _profile_snapshot(profile: UnitProfile) -> dict[str, Any]:
    return {name: getattr(profile, name) for name in UnitInfo.__dataclass_fields__}


def update_unit_profile(db: Database, actor: Actor, info: UnitInfo) -> None:
    """An admin corrects or changes the unit's identity; the old profile stays as history."""
    with db.write() as session:
        require_in_session(session, actor, Permission.MANAGE_SETTINGS)
        before = _profile_snapshot(current_unit(session))
        profile = save_unit_profile(session, info)
        audit.record(session, actor, "unit.update", target_type="unit", target_id=profile.agency_code,
                     before=before, after=_profile_snapshot(profile))


def setting_permission(key: str) -> Permission:
    if key.startswith("calendar."):
        return Permission.MANAGE_CALENDAR
    if key.startswith("backup."):
        return Permission.MANAGE_BACKUPS
    return Permission.MANAGE_SETTINGS


def change_setting(db: Database, actor: Actor, key: str, value: Any) -> None:
    """The audited way for screens to change a business setting (calendar keys need MANAGE_CALENDAR)."""
    with db.write() as session:
        change_setting_in_session(session, actor, key, value)


def change_setting_in_session(session: Session, actor: Actor, key: str, value: Any) -> None:
    require_in_session(session, actor, setting_permission(key))
    before = get_setting(session, key)
    if before == value:
        return
    set_setting(session, key, value)
    audit.record(session, actor, "setting.change", target_type="setting", target_id=key,
                 before={"value": before}, after={"value": value})


# --- a new identity for this workstation (after a restore) ---------------------------------------------

# Codes issued after the backup was taken are lost from the file but live on citizens' slips; the new
# identity skips this many ordinals of the day so none is issued twice.
RESTORE_ORDINAL_GAP = 200


@dataclass(frozen=True)
class NodeChange:
    old_node_id: str
    new_node_id: str
    ledger_book: int  # a new book (Quyển số): ledger numbers of the lost hours are never reused
    next_ordinal_today: int


def take_new_node_identity(session: Session, now: datetime) -> NodeChange:
    """Retire the default node and continue as a new one: event counters and ledger numbers start afresh."""
    old_id = get_setting(session, keys.DEFAULT_NODE_ID)
    old = session.get(Node, old_id) if old_id else None
    if old is None:
        raise ServiceError(dossier_msg.NOT_SETUP)
    book = (session.scalar(select(func.max(Node.ledger_book))) or 0) + 1
    name = trust_msg.RESTORED_NODE_NAME.format(name=old.name, day=now.strftime("%d/%m/%Y"))[:100]
    new = add_node(session, name, OrdinalBlock(old.ordinal_start, old.ordinal_end), book)
    old.retired_at = now
    session.flush()
    set_default_node(session, new.id)
    # The new identity shares the old one's ordinal block, so it continues the old daily counters; on the
    # last day the old identity worked (the backup's day) and today, codes may have been issued after the
    # backup was taken: skip a gap there.
    counters = {c.day: c.last_ordinal for c in session.execute(
        select(CodeCounter).where(CodeCounter.node_id == old.id)).scalars()}
    for day in {now.date(), max(counters, default=now.date())}:
        base = counters.get(day, old.ordinal_start - 1)
        counters[day] = max(base, min(base + RESTORE_ORDINAL_GAP, old.ordinal_end - 1))
    for day, last in counters.items():
        session.add(CodeCounter(day=day, node_id=new.id, last_ordinal=last))
    return NodeChange(old.id, new.id, book, counters[now.date()] + 1)
