"""Accounts: argon2id password hashes, roles, login with a lock after repeated failures, admin changes.

Every login attempt and every change to an account is an audit row. A password set by someone else (an
admin creating the account or resetting it) must be changed by its owner before any other work: the
services refuse (authz.require_in_session) until `change_password` has run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from counter_app.core.text import nfc
from counter_app.db.engine import Database
from counter_app.db.models import User
from counter_app.messages import setup as msg
from counter_app.messages import trust as trust_msg
from counter_app.services import audit
from counter_app.services.authz import Permission, require_in_session
from counter_app.services.context import SYSTEM_ACTOR, Actor, Role, vn_now
from counter_app.services.errors import NotFound, PermissionDenied, ServiceError, ValidationFailed

MIN_PASSWORD_LENGTH = 8
MAX_FAILED_ATTEMPTS = 5
LOCK_DURATION = timedelta(minutes=15)
_USERNAME_RE = re.compile(r"[a-z0-9._]{3,50}")
_COMMON_PASSWORDS = frozenset({"12345678", "123456789", "password", "matkhau123", "admin123", "11111111"})
_hasher = PasswordHasher()  # argon2id with the library's current recommended parameters


@dataclass(frozen=True)
class NewUser:
    username: str
    full_name: str
    role: str
    password: str


@dataclass(frozen=True)
class LoginResult:
    actor: Actor
    must_change_password: bool  # the UI shows the change-password dialog before anything else


@dataclass(frozen=True, slots=True)
class UserView:
    id: int
    username: str
    full_name: str
    role: Role
    active: bool
    must_change_password: bool
    locked_until: datetime | None
    created_at: datetime


def check_password_strength(password: str) -> list[str]:
    errors = []
    if len(password) < MIN_PASSWORD_LENGTH:
        errors.append(msg.PASSWORD_TOO_SHORT.format(n=MIN_PASSWORD_LENGTH))
    elif password.lower() in _COMMON_PASSWORDS or len(set(password)) < 3:
        errors.append(msg.PASSWORD_TOO_COMMON)
    return errors


def check_new_user(new: NewUser) -> list[str]:
    """Everything wrong with a new account that can be told without the database."""
    errors: list[str] = []
    if not _USERNAME_RE.fullmatch(new.username.strip().lower()):
        errors.append(msg.USERNAME_INVALID)
    if not nfc(new.full_name):
        errors.append(msg.FULL_NAME_REQUIRED)
    if new.role not in {r.value for r in Role}:
        errors.append(msg.ROLE_INVALID)
    return errors + check_password_strength(new.password)


def _actor(user: User) -> Actor:
    return Actor(user.id, user.username, user.full_name, Role(user.role))


def _snapshot(user: User) -> dict[str, object]:
    """What the audit trail keeps of an account (never the hash)."""
    return {"username": user.username, "full_name": user.full_name, "role": user.role, "active": user.active,
            "must_change_password": user.must_change_password}


def create_user_in_session(
    session: Session, new: NewUser, *, must_change_password: bool = False, actor: Actor = SYSTEM_ACTOR
) -> User:
    username = new.username.strip().lower()
    errors = check_new_user(new)
    if not errors and session.execute(select(User.id).where(User.username == username)).first():
        errors.append(msg.USERNAME_TAKEN.format(username=username))
    if errors:
        raise ValidationFailed(errors)
    now = vn_now()
    user = User(
        username=username,
        full_name=nfc(new.full_name),
        role=new.role,
        password_hash=_hasher.hash(new.password),
        active=True,
        must_change_password=must_change_password,
        failed_attempts=0,
        created_at=now,
    )
    session.add(user)
    session.flush()
    audit.record(session, actor, "user.create", target_type="user", target_id=username, after=_snapshot(user),
                 at=now)
    return user


def create_user(db: Database, new: NewUser, *, actor: Actor | None = None) -> Actor:
    """An admin (actor given) creates an account whose owner must change the password at first login.

    Without an actor this is the system path (setup scripts, the CLI run by whoever holds the data file).
    """
    with db.write() as session:
        if actor is None:
            user = create_user_in_session(session, new)
        else:
            require_in_session(session, actor, Permission.MANAGE_USERS)
            user = create_user_in_session(session, new, must_change_password=True, actor=actor)
        return _actor(user)


def login(db: Database, username: str, password: str, now: datetime | None = None) -> LoginResult:
    """The account for valid credentials; a Vietnamese ServiceError otherwise. Every attempt is recorded."""
    now = now or vn_now()
    name = username.strip().lower()
    result: LoginResult | None = None
    with db.write() as session:
        user = session.execute(select(User).where(User.username == name)).scalar_one_or_none()
        failure, reason = _check_login(user, password, now)
        if user is None:
            audit.record(session, SYSTEM_ACTOR, "login.failed", target_type="user", target_id=name[:100],
                         after={"reason": reason}, at=now)
        elif failure is not None:
            audit.record(session, _actor(user), "login.failed", target_type="user", target_id=user.username,
                         after={"reason": reason, "locked_until": user.locked_until}, at=now)
        else:
            audit.record(session, _actor(user), "login.ok", target_type="user", target_id=user.username, at=now)
            result = LoginResult(_actor(user), user.must_change_password)
    if failure is not None or result is None:
        raise failure or ServiceError(msg.LOGIN_FAILED)  # after commit: the failed attempt is counted
    return result


def _check_login(user: User | None, password: str, now: datetime) -> tuple[ServiceError | None, str]:
    if user is None:
        _hasher_burn(password)  # same cost as a real check: do not reveal which usernames exist
        return ServiceError(msg.LOGIN_FAILED), "unknown_user"
    if not user.active:
        return ServiceError(msg.LOGIN_INACTIVE), "inactive"
    if user.locked_until is not None and user.locked_until > now:
        minutes = max(1, int((user.locked_until - now).total_seconds() // 60) + 1)
        return ServiceError(msg.LOGIN_LOCKED.format(minutes=minutes)), "locked"
    try:
        _hasher.verify(user.password_hash, password)
    except (VerificationError, InvalidHashError):
        user.failed_attempts += 1
        if user.failed_attempts >= MAX_FAILED_ATTEMPTS:
            user.locked_until = now + LOCK_DURATION
            user.failed_attempts = 0
            return ServiceError(msg.LOGIN_LOCKED.format(minutes=int(LOCK_DURATION.total_seconds() // 60))), \
                "password_locked"
        return ServiceError(msg.LOGIN_FAILED), "password"
    user.failed_attempts = 0
    user.locked_until = None
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = _hasher.hash(password)
    return None, ""


def authenticate(db: Database, username: str, password: str, now: datetime | None = None) -> Actor:
    """The actor for valid credentials (see `login` for the must-change-password flag)."""
    return login(db, username, password, now).actor


def _hasher_burn(password: str) -> None:
    try:
        _hasher.verify(_dummy_hash(), password)
    except (VerificationError, InvalidHashError):
        pass


@cache
def _dummy_hash() -> str:
    """Made on first use, not at import: a hash costs ~0.3 s that start-up should not pay."""
    return _hasher.hash("counter-app-dummy-password")


def get_actor(db: Database, username: str) -> Actor:
    with db.read() as session:
        user = session.execute(select(User).where(User.username == username)).scalar_one_or_none()
        if user is None:
            raise ServiceError(msg.LOGIN_FAILED)
        return _actor(user)


def needs_password_change(db: Database, actor: Actor) -> bool:
    with db.read() as session:
        user = session.get(User, actor.user_id) if actor.user_id is not None else None
        return bool(user and user.must_change_password)


# --- the owner's and the admin's changes to accounts ----------------------------------------------------


def change_password(db: Database, actor: Actor, old_password: str, new_password: str) -> None:
    """The owner changes their own password (required after an admin set or reset it)."""
    with db.write() as session:
        user = session.get(User, actor.user_id) if actor.user_id is not None else None
        if user is None or not user.active:
            raise PermissionDenied(trust_msg.ACCOUNT_NOT_ACTIVE.format(username=actor.username))
        try:
            _hasher.verify(user.password_hash, old_password)
        except (VerificationError, InvalidHashError):
            raise ValidationFailed([trust_msg.OLD_PASSWORD_WRONG]) from None
        errors = check_password_strength(new_password)
        if not errors and new_password == old_password:
            errors.append(trust_msg.PASSWORD_UNCHANGED)
        if errors:
            raise ValidationFailed(errors)
        before = _snapshot(user)
        user.password_hash = _hasher.hash(new_password)
        user.must_change_password = False
        audit.record(session, actor, "user.password_change", target_type="user", target_id=user.username,
                     before=before, after=_snapshot(user))


def _managed_user(session: Session, actor: Actor, username: str) -> User:
    require_in_session(session, actor, Permission.MANAGE_USERS)
    user = session.execute(select(User).where(User.username == username.strip().lower())).scalar_one_or_none()
    if user is None:
        raise NotFound(trust_msg.USER_NOT_FOUND.format(username=username))
    return user


def _active_admins(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(User).where(User.role == "admin", User.active)) or 0


def reset_password(db: Database, actor: Actor, username: str, temporary_password: str) -> None:
    """An admin sets a temporary password; it unlocks the account and must be changed at the next login."""
    with db.write() as session:
        user = _managed_user(session, actor, username)
        errors = check_password_strength(temporary_password)
        if errors:
            raise ValidationFailed(errors)
        before = _snapshot(user)
        user.password_hash = _hasher.hash(temporary_password)
        user.must_change_password = True
        user.failed_attempts = 0
        user.locked_until = None
        audit.record(session, actor, "user.password_reset", target_type="user", target_id=user.username,
                     before=before, after=_snapshot(user))


def set_user_active(db: Database, actor: Actor, username: str, active: bool) -> None:
    """Deactivate someone who left (their history stays) or reactivate them. Never the last admin."""
    with db.write() as session:
        user = _managed_user(session, actor, username)
        if user.active == active:
            return
        if not active and user.id == actor.user_id:
            raise ServiceError(trust_msg.CANNOT_DEACTIVATE_SELF)
        if not active and user.role == "admin" and _active_admins(session) <= 1:
            raise ServiceError(trust_msg.LAST_ADMIN)
        before = _snapshot(user)
        user.active = active
        audit.record(session, actor, "user.activate" if active else "user.deactivate", target_type="user",
                     target_id=user.username, before=before, after=_snapshot(user))


def change_role(db: Database, actor: Actor, username: str, role: str) -> None:
    with db.write() as session:
        user = _managed_user(session, actor, username)
        if role not in {r.value for r in Role}:
            raise ValidationFailed([msg.ROLE_INVALID])
        if user.role == role:
            return
        if user.role == "admin" and user.active and _active_admins(session) <= 1:
            raise ServiceError(trust_msg.LAST_ADMIN)
        before = _snapshot(user)
        user.role = role
        audit.record(session, actor, "user.role", target_type="user", target_id=user.username, before=before,
                     after=_snapshot(user))


def unlock_user(db: Database, actor: Actor, username: str) -> None:
    with db.write() as session:
        user = _managed_user(session, actor, username)
        before = {"locked_until": user.locked_until, "failed_attempts": user.failed_attempts}
        user.failed_attempts = 0
        user.locked_until = None
        audit.record(session, actor, "user.unlock", target_type="user", target_id=user.username, before=before,
                     after={"locked_until": None, "failed_attempts": 0})


def list_users(db: Database, actor: Actor) -> list[UserView]:
    with db.read() as session:
        require_in_session(session, actor, Permission.MANAGE_USERS)
        rows = session.execute(select(User).order_by(User.active.desc(), User.username)).scalars()
        return [UserView(u.id, u.username, u.full_name, Role(u.role), u.active, u.must_change_password,
                         u.locked_until, u.created_at) for u in rows]
