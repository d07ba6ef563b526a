"""The unit's identity as plain data, for screens that only show it."""

from __future__ import annotations

from counter_app.db.engine import Database
from counter_app.services.unit import UnitInfo, current_unit


def current_unit_info(db: Database) -> UnitInfo:
    with db.read() as session:
        u = current_unit(session)
        return UnitInfo(
            agency_code=u.agency_code,
            name=u.name,
            parent_body=u.parent_body,
            province=u.province,
            upper_office_name=u.upper_office_name,
            upper_office_level=u.upper_office_level,
            mountainous=u.mountainous,
            address=u.address,
            phone=u.phone,
            place_name=u.place_name,
        )
