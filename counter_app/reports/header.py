"""Who reports to whom: the header lines of Biểu 06 and of the Sổ theo dõi, as plain data."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.core.text import nfc
from counter_app.db.models import UnitProfile
from counter_app.messages import reports as msg


@dataclass(frozen=True)
class ReportHeader:
    reporting_unit: str  # "Trung tâm Phục vụ hành chính công xã Mường Lát"
    receiving_unit: str  # "Trung tâm Phục vụ hành chính công tỉnh Thanh Hóa"
    parent_body: str = ""  # "UBND xã Mường Lát" (cơ quan chủ quản; the agency that decides)
    place_name: str = ""  # địa danh of the date line
    agency_code: str = ""
    phone: str = ""
    address: str = ""

    def __post_init__(self) -> None:
        for name in ("reporting_unit", "receiving_unit", "parent_body", "place_name", "address"):
            object.__setattr__(self, name, nfc(getattr(self, name)))

    def for_commune(self, agency_code: str, name: str | None = None) -> ReportHeader:
        """The hub's header narrowed to one commune (the commune reports; the hub receives)."""
        return replace(
            self,
            reporting_unit=name or agency_code,
            agency_code=agency_code,
            receiving_unit=self.reporting_unit,
        )

    def date_line(self, day: date) -> str:
        return msg.DATE_LINE.format(
            place=self.place_name or "", day=f"{day.day:02d}", month=f"{day.month:02d}", year=day.year
        )


def header_from_unit(session: Session) -> ReportHeader:
    """The header of this database's unit (the commune, or the hub's own office); blank if not set up."""
    unit = session.execute(
        select(UnitProfile).order_by(UnitProfile.valid_from.desc(), UnitProfile.id.desc()).limit(1)
    ).scalar_one_or_none()
    if unit is None:
        return ReportHeader("", "")
    return ReportHeader(
        reporting_unit=unit.name,
        receiving_unit=unit.upper_office_name,
        parent_body=unit.parent_body,
        place_name=unit.place_name,
        agency_code=unit.agency_code,
        phone=unit.phone,
        address=unit.address,
    )
