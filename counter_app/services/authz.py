"""Who may do what: role rules checked in the service layer, not only by hiding buttons.

clerk  — intake and the actions on a dossier;
leader — everything a clerk does, plus approving extensions (Mẫu 04), stopping (Mẫu 05), reports, the clock
         confirmation and reading the audit trail;
admin  — accounts, settings, catalogue, calendar, backups, personal-data requests. An admin does not receive
         or handle dossiers: the person who keeps the accounts is not the one whose work they audit.

`require_in_session` re-reads the account inside the caller's transaction, so an account deactivated, demoted
or awaiting a password change loses its rights at once, even in a window that is still open.
"""

from __future__ import annotations

from enum import StrEnum

from sqlalchemy.orm import Session

from counter_app.db.engine import Database
from counter_app.db.models import User
from counter_app.messages import trust as msg
from counter_app.services.context import Actor, Role
from counter_app.services.errors import PermissionDenied


class Permission(StrEnum):
    RECEIVE = "receive"
    HANDLE_DOSSIER = "handle_dossier"  # forward, supplements, result, return, refuse, withdraw, print
    APPROVE_EXTENSION = "approve_extension"
    STOP_PROCESSING = "stop_processing"
    VIEW_REPORTS = "view_reports"
    EXCHANGE_PACKAGES = "exchange_packages"  # sync: write/read packages for the upper level
    CONFIRM_CLOCK = "confirm_clock"
    VIEW_AUDIT = "view_audit"
    MANAGE_USERS = "manage_users"
    MANAGE_SETTINGS = "manage_settings"
    MANAGE_CATALOG = "manage_catalog"
    MANAGE_CALENDAR = "manage_calendar"
    MANAGE_BACKUPS = "manage_backups"
    MANAGE_PERSONAL_DATA = "manage_personal_data"  # export or erase one citizen's data on request


P = Permission
_CLERK = frozenset({P.RECEIVE, P.HANDLE_DOSSIER, P.EXCHANGE_PACKAGES})
_LEADER = _CLERK | {P.APPROVE_EXTENSION, P.STOP_PROCESSING, P.VIEW_REPORTS, P.CONFIRM_CLOCK, P.VIEW_AUDIT}
_ADMIN = frozenset({
    P.MANAGE_USERS, P.MANAGE_SETTINGS, P.MANAGE_CATALOG, P.MANAGE_CALENDAR, P.MANAGE_BACKUPS,
    P.MANAGE_PERSONAL_DATA, P.CONFIRM_CLOCK, P.VIEW_AUDIT, P.VIEW_REPORTS, P.EXCHANGE_PACKAGES,
})
ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {Role.CLERK: _CLERK, Role.LEADER: _LEADER, Role.ADMIN: _ADMIN}


def permissions_of(role: Role | str) -> frozenset[Permission]:
    return ROLE_PERMISSIONS.get(Role(role), frozenset())


def can(actor: Actor, permission: Permission) -> bool:
    """For screens deciding what to show; the services check again with `require_in_session`."""
    return permission in permissions_of(actor.role)


def _denied(actor: Actor, role: str, permission: Permission) -> PermissionDenied:
    return PermissionDenied(msg.PERMISSION_DENIED.format(
        username=actor.username, role=msg.ROLE_LABELS.get(role, role), what=msg.PERMISSION_LABELS[permission]
    ))


def require(actor: Actor, permission: Permission) -> None:
    """Role check on the actor alone (read-only services with no transaction of their own)."""
    if permission not in permissions_of(actor.role):
        raise _denied(actor, actor.role, permission)


def require_in_session(session: Session, actor: Actor, permission: Permission) -> None:
    """The account as stored now must be active, hold the permission and not owe a password change.

    An actor without a user id is the system itself (setup, CLI run by whoever holds the data file, the
    automatic backup): its role alone decides.
    """
    if actor.user_id is None:
        require(actor, permission)
        return
    with session.no_autoflush:  # reading the account must not flush the caller's half-done changes
        user = session.get(User, actor.user_id)
    session.info.setdefault("authz_users", {})[actor.user_id] = user  # kept for batch work in one session
    if user is None or not user.active:
        raise PermissionDenied(msg.ACCOUNT_NOT_ACTIVE.format(username=actor.username))
    if user.must_change_password:
        raise PermissionDenied(msg.PASSWORD_CHANGE_REQUIRED)
    if permission not in permissions_of(user.role):
        raise _denied(actor, user.role, permission)


def require_db(db: Database, actor: Actor, permission: Permission) -> None:
    with db.read() as session:
        require_in_session(session, actor, permission)
