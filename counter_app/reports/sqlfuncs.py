"""SQL helpers that read the counter's clock the same way on SQLite and PostgreSQL.

`AwareDateTime` stores UTC (naive text on SQLite, timestamptz on PostgreSQL). Timeliness is judged on
Vietnamese calendar days, so the reports need "the date in Asia/Ho_Chi_Minh" inside the database.
Vietnam has kept UTC+7 without daylight saving since 1975, so on SQLite adding 7 hours is exact for
every date a dossier can carry; PostgreSQL uses the zone name.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Date, String
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.functions import FunctionElement

VN_OFFSET_HOURS = 7
VN_ZONE = "Asia/Ho_Chi_Minh"


class vn_date(FunctionElement[Any]):  # noqa: N801 - reads like the SQL function it compiles to
    """The calendar day of an aware timestamp column on the counter's clock."""

    type = Date()
    inherit_cache = True
    name = "vn_date"


@compiles(vn_date, "sqlite")
def _vn_date_sqlite(element: vn_date, compiler: Any, **kw: Any) -> str:
    (arg,) = list(element.clauses)
    return f"date({compiler.process(arg, **kw)}, '+{VN_OFFSET_HOURS} hours')"


@compiles(vn_date, "postgresql")
def _vn_date_pg(element: vn_date, compiler: Any, **kw: Any) -> str:
    (arg,) = list(element.clauses)
    return f"CAST(({compiler.process(arg, **kw)} AT TIME ZONE '{VN_ZONE}') AS DATE)"


class minute_of(FunctionElement[Any]):  # noqa: N801
    """A timestamp truncated to its minute (comparable with another minute_of, on either database)."""

    type = String()
    inherit_cache = True
    name = "minute_of"


@compiles(minute_of, "sqlite")
def _minute_sqlite(element: minute_of, compiler: Any, **kw: Any) -> str:
    (arg,) = list(element.clauses)
    return f"strftime('%Y-%m-%d %H:%M', {compiler.process(arg, **kw)})"


@compiles(minute_of, "postgresql")
def _minute_pg(element: minute_of, compiler: Any, **kw: Any) -> str:
    (arg,) = list(element.clauses)
    return f"date_trunc('minute', {compiler.process(arg, **kw)})"


def day_of(column: ColumnElement[Any]) -> vn_date:
    return vn_date(column)
