"""The data a working calendar is made of: weekly sessions and the dated override table.

The override file is the format the hub distributes (docs/calendar-overrides.md):

    date,kind,name,source
    2026-01-02,off,Tết Dương lịch (nghỉ hoán đổi),Công văn 12729/VPCP-KGVX ngày 25/12/2025

`kind` is `off` (an extra day off) or `work` (a day that counts although it would not: làm bù).
Lines starting with `#` and blank lines are ignored. Errors name the file and the line, in Vietnamese,
because the person who fixes the file is an administrator, not a programmer.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, time
from enum import StrEnum
from pathlib import Path

from counter_app.messages import calendar as msg

MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY = range(7)
OVERRIDE_HEADER = ("date", "kind", "name", "source")


class CalendarConfigError(ValueError):
    """Working hours that cannot be used (message in Vietnamese, for the administrator)."""


class CalendarFileError(ValueError):
    """A bad override file; `line` is the 1-based line number (0 when the file as a whole is bad)."""

    def __init__(self, message: str, *, path: str, line: int = 0) -> None:
        super().__init__(message)
        self.path = path
        self.line = line


@dataclass(frozen=True, slots=True, order=True)
class Session:
    """One opening period of a day, [start, end): a receipt at `end` exactly is outside it."""

    start: time
    end: time

    @classmethod
    def parse(cls, text: str) -> Session:
        """'07:30-11:30' (an en dash works too)."""
        cleaned = text.strip().replace(msg.RANGE_DASH, "-")
        try:
            left, right = cleaned.split("-")
            session = cls(time.fromisoformat(left.strip()), time.fromisoformat(right.strip()))
        except ValueError as exc:
            raise CalendarConfigError(msg.CONFIG_BAD_SESSION_TEXT.format(text=text)) from exc
        return session

    def __str__(self) -> str:
        return f"{msg.fmt_time(self.start)}-{msg.fmt_time(self.end)}"


MORNING = Session(time(7, 30), time(11, 30))
AFTERNOON = Session(time(13, 30), time(17, 0))
STANDARD_DAY: tuple[Session, ...] = (MORNING, AFTERNOON)
SAME_DAY_CUTOFF = time(15, 0)


def _check_day(sessions: tuple[Session, ...], weekday_name: str) -> None:
    previous_end: time | None = None
    for session in sessions:
        if not session.start < session.end:
            raise CalendarConfigError(
                msg.CONFIG_BAD_SESSION.format(
                    weekday=weekday_name, start=msg.fmt_time(session.start), end=msg.fmt_time(session.end)
                )
            )
        if previous_end is not None and session.start < previous_end:
            raise CalendarConfigError(msg.CONFIG_OVERLAP.format(weekday=weekday_name))
        previous_end = session.end


@dataclass(frozen=True, slots=True)
class WeeklySessions:
    """Opening hours per weekday (Monday = 0) and which weekdays count towards time limits.

    Reception hours and counting days are separate on purpose: a commune that receives dossiers on
    Saturday morning does not thereby make Saturday a counting day (domain-vn §4.3). A day declared
    `work` in the override table (làm bù) on a weekday that does not count uses `extra_day_sessions`
    (a full day), whatever reception hours that weekday has.
    """

    weekdays: tuple[tuple[Session, ...], ...] = (STANDARD_DAY,) * 5 + ((), ())
    counting_weekdays: frozenset[int] = frozenset(range(5))
    extra_day_sessions: tuple[Session, ...] = STANDARD_DAY
    same_day_cutoff: time = SAME_DAY_CUTOFF

    def __post_init__(self) -> None:
        if len(self.weekdays) != 7:
            raise CalendarConfigError(msg.CONFIG_WEEKDAYS)
        # Normalise lists to tuples so the value stays hashable (load_calendar caches on it).
        object.__setattr__(self, "weekdays", tuple(tuple(day) for day in self.weekdays))
        object.__setattr__(self, "counting_weekdays", frozenset(self.counting_weekdays))
        object.__setattr__(self, "extra_day_sessions", tuple(self.extra_day_sessions))
        for weekday, sessions in enumerate(self.weekdays):
            _check_day(sessions, msg.WEEKDAY_NAMES[weekday])
        _check_day(self.extra_day_sessions, msg.EXTRA_DAY_LABEL)
        for weekday in self.counting_weekdays:
            if weekday not in range(7):
                raise CalendarConfigError(msg.CONFIG_WEEKDAYS)
            if not self.weekdays[weekday]:
                raise CalendarConfigError(
                    msg.CONFIG_COUNTING_WITHOUT_SESSION.format(weekday=msg.WEEKDAY_NAMES[weekday].capitalize())
                )
        if not self.extra_day_sessions:
            raise CalendarConfigError(msg.CONFIG_NO_EXTRA_DAY_SESSIONS)

    @classmethod
    def standard(cls, *, saturday_reception: Iterable[Session] = ()) -> WeeklySessions:
        """Monday–Friday 07:30–11:30 and 13:30–17:00; optionally Saturday reception that does not count."""
        return cls(weekdays=(STANDARD_DAY,) * 5 + (tuple(saturday_reception), ()))

    @classmethod
    def from_mapping(
        cls,
        hours: Mapping[int | str, Iterable[str]],
        *,
        counting_weekdays: Iterable[int] = range(5),
        extra_day_sessions: Iterable[str] | None = None,
        same_day_cutoff: str = "15:00",
    ) -> WeeklySessions:
        """Build from settings such as {0: ["07:30-11:30", "13:30-17:00"], 5: ["07:30-11:30"]}."""
        by_day = {int(day): texts for day, texts in hours.items()}  # JSON turns the keys into strings
        weekdays = tuple(tuple(Session.parse(text) for text in by_day.get(day, ())) for day in range(7))
        extra = (
            STANDARD_DAY if extra_day_sessions is None else tuple(Session.parse(t) for t in extra_day_sessions)
        )
        return cls(weekdays, frozenset(counting_weekdays), extra, time.fromisoformat(same_day_cutoff))

    def to_mapping(self) -> dict[str, object]:
        """The inverse of `from_mapping`, for storing a unit's settings."""
        return {
            "hours": {day: [str(s) for s in sessions] for day, sessions in enumerate(self.weekdays) if sessions},
            "counting_weekdays": sorted(self.counting_weekdays),
            "extra_day_sessions": [str(s) for s in self.extra_day_sessions],
            "same_day_cutoff": msg.fmt_time(self.same_day_cutoff),
        }


class OverrideKind(StrEnum):
    OFF = "off"  # an extra day off (nghỉ bù, hoán đổi, local day)
    WORK = "work"  # a day that counts although it normally would not (làm bù)


@dataclass(frozen=True, slots=True)
class CalendarOverride:
    day: date
    kind: OverrideKind
    name: str
    source: str
    line: int = field(default=0, compare=False)  # where it came from in its file, for messages

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", OverrideKind(self.kind))
        object.__setattr__(self, "name", unicodedata.normalize("NFC", self.name.strip()))
        object.__setattr__(self, "source", unicodedata.normalize("NFC", self.source.strip()))


def parse_overrides(text: str, *, origin: str = "<text>") -> tuple[CalendarOverride, ...]:
    """Parse the CSV text of an override file; raise `CalendarFileError` naming the first bad line."""
    rows = csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline=""))
    overrides: list[CalendarOverride] = []
    first_line_of: dict[date, int] = {}
    header_seen = False
    try:
        for row in rows:
            line = rows.line_num
            if not row or not "".join(row).strip() or row[0].lstrip().startswith("#"):
                continue
            cells = [cell.strip() for cell in row]
            if not header_seen:
                if tuple(cell.lower() for cell in cells) != OVERRIDE_HEADER:
                    raise CalendarFileError(
                        msg.FILE_BAD_HEADER.format(path=origin, line=line, found=",".join(cells)),
                        path=origin,
                        line=line,
                    )
                header_seen = True
                continue
            override = _parse_row(cells, origin, line)
            if override.day in first_line_of:
                raise CalendarFileError(
                    msg.FILE_DUPLICATE_DATE.format(
                        path=origin, line=line, day=msg.fmt_date(override.day),
                        first_line=first_line_of[override.day],
                    ),
                    path=origin,
                    line=line,
                )
            first_line_of[override.day] = line
            overrides.append(override)
    except csv.Error as exc:
        raise CalendarFileError(
            msg.FILE_BAD_CSV.format(path=origin, line=rows.line_num, detail=exc), path=origin, line=rows.line_num
        ) from exc
    if not header_seen:
        raise CalendarFileError(msg.FILE_EMPTY.format(path=origin), path=origin)
    return tuple(overrides)


def _parse_row(cells: list[str], origin: str, line: int) -> CalendarOverride:
    def fail(template: str, **values: object) -> CalendarFileError:
        return CalendarFileError(template.format(path=origin, line=line, **values), path=origin, line=line)

    if len(cells) != 4:
        raise fail(msg.FILE_BAD_COLUMNS, count=len(cells))
    day_text, kind_text, name, source = cells
    try:
        if len(day_text) != 10:
            raise ValueError(day_text)
        day = date.fromisoformat(day_text)
    except ValueError:
        raise fail(msg.FILE_BAD_DATE, value=day_text) from None
    try:
        kind = OverrideKind(kind_text.lower())
    except ValueError:
        raise fail(msg.FILE_BAD_KIND, value=kind_text) from None
    if not name:
        raise fail(msg.FILE_NO_NAME)
    if not source:
        raise fail(msg.FILE_NO_SOURCE)
    return CalendarOverride(day, kind, name, source, line)


def read_overrides(path: Path) -> tuple[CalendarOverride, ...]:
    """Read an override file (UTF-8, with or without BOM, as Excel saves it)."""
    try:
        text = path.read_bytes().decode("utf-8")
    except FileNotFoundError as exc:
        raise CalendarFileError(msg.FILE_NOT_FOUND.format(path=path), path=str(path)) from exc
    except UnicodeDecodeError as exc:
        raise CalendarFileError(msg.FILE_NOT_TEXT.format(path=path, detail=exc.reason), path=str(path)) from exc
    return parse_overrides(text, origin=str(path))


def format_overrides(overrides: Iterable[CalendarOverride]) -> str:
    """Write overrides back in the distributable CSV format (sorted by date)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(OVERRIDE_HEADER)
    for item in sorted(overrides, key=lambda o: o.day):
        writer.writerow((item.day.isoformat(), item.kind.value, item.name, item.source))
    return buffer.getvalue()
