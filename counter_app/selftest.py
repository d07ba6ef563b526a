"""`counter-app --self-test`, the part without Qt: does this installation hold everything a counter needs?

It runs the real code on a throw-away database: the bundled data are found, Alembic builds the schema,
a unit is set up, a dossier is received (due date on the real calendar), found again by its unaccented
name, and its slip is built by the printing builder. Each step is timed. The Qt part
(counter_app/ui/selftest.py) then reads the slip back with QtPdf and paints a window.

Why a self-test: a frozen bundle fails in ways tests in a source checkout cannot see (a data file or a
lazily imported module left out); this runs the same steps inside the bundle, on the counter PC itself.
"""

from __future__ import annotations

import importlib.resources
import importlib.util
import platform
import secrets
import sys
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO, TypeVar

from counter_app import __version__
from counter_app.messages import selftest as msg
from counter_app.paths import migrations_dir, resource

T = TypeVar("T")

REQUIRED_RESOURCES = (
    ("fonts", "LiberationSerif-Regular.ttf"),
    ("fonts", "LiberationSerif-Bold.ttf"),
    ("fonts", "LiberationSerif-Italic.ttf"),
    ("fonts", "LiberationSerif-BoldItalic.ttf"),
    ("fonts", "OFL.txt"),
    ("catalog", "procedures.csv"),
    ("calendar", "overrides.csv"),
    ("forms", "index.toml"),
)
SELFTEST_AGENCY_CODE = "000.00.99.H56"
MIN_NATIONAL_HOLIDAYS = 8  # Tết Dương lịch, Tết (5 days), Giỗ Tổ, 30/4, 1/5, Quốc khánh (2 days)
HOLIDAY_YEARS_AHEAD = 5  # a year past any hand-written override: the `holidays` library's own data


class StepFailed(Exception):
    """A check did not hold; the message (Vietnamese) says what was seen."""


@dataclass(frozen=True)
class StepResult:
    label: str
    ok: bool
    ms: float
    detail: str = ""


@dataclass
class SelfTest:
    """Runs steps in order, timing each; after the first failure the remaining steps are skipped."""

    out: TextIO | None = None
    results: list[StepResult] = field(default_factory=list)
    failed: bool = False

    def run(self, label: str, action: Callable[[], T], describe: Callable[[T], str] | None = None) -> T | None:
        if self.failed:
            return None
        started = time.perf_counter()
        try:
            value = action()
        except StepFailed as exc:
            self._record(StepResult(label, False, _ms_since(started), str(exc)))
            return None
        except Exception as exc:  # a self-test reports every failure with its cause, then exits non-zero
            self._record(StepResult(label, False, _ms_since(started), _describe_error(exc)))
            return None
        detail = describe(value) if describe else value if isinstance(value, str) else ""
        self._record(StepResult(label, True, _ms_since(started), detail))
        return value

    def crashed(self, exc: BaseException) -> None:
        """An error outside any step (a bug in the self-test itself): still reported, still a failure."""
        self._record(StepResult(msg.STEP_UNEXPECTED, False, 0.0, _describe_error(exc)))

    def _record(self, result: StepResult) -> None:
        self.results.append(result)
        self.failed = self.failed or not result.ok
        if self.out is not None:
            print(format_step(result), file=self.out, flush=True)

    @property
    def ok(self) -> bool:
        return bool(self.results) and not self.failed

    def summary(self) -> str:
        total = sum(r.ms for r in self.results) / 1000
        bad = sum(not r.ok for r in self.results)
        if bad:
            return msg.SUMMARY_FAILED.format(failed=bad, n=len(self.results))
        return msg.SUMMARY_OK.format(n=len(self.results), seconds=total)


def format_step(result: StepResult) -> str:
    mark = msg.OK if result.ok else msg.FAILED
    line = f"  [{mark:^5}] {result.ms:9.1f} ms  {result.label}"
    if result.detail:
        line += "\n" + "\n".join("             " + part for part in result.detail.splitlines())
    return line


def header() -> str:
    frozen = " frozen" if getattr(sys, "frozen", False) else ""
    return msg.TITLE.format(version=__version__,
                            platform=f"{platform.system()} {platform.machine()}, Python {platform.python_version()}"
                            f"{frozen}")


def _describe_error(exc: BaseException) -> str:
    trace = "".join(traceback.format_exception(exc, limit=6))
    return f"{type(exc).__name__}: {exc}\n{trace}".rstrip()


def _ms_since(started: float) -> float:
    return (time.perf_counter() - started) * 1000


# --- the steps -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReceivedSlip:
    """What the Qt part checks: the slip's bytes and what must be printed on it."""

    dossier_code: str
    applicant_name: str
    pdf: bytes


def check_bundled_data() -> str:
    missing = [resource(*parts) for parts in REQUIRED_RESOURCES if not resource(*parts).is_file()]
    env = migrations_dir() / "env.py"
    if not env.is_file():
        missing.append(env)
    if not any((migrations_dir() / "versions").glob("0001_*.py")):
        missing.append(migrations_dir() / "versions" / "0001_*.py")
    if missing:
        raise StepFailed("; ".join(msg.MISSING_FILE.format(path=p) for p in missing))
    # The zone must come with the program: Windows has no system zone database for zoneinfo to read.
    zone = importlib.resources.files("tzdata").joinpath("zoneinfo", "Asia", "Ho_Chi_Minh")
    if not zone.is_file():
        raise StepFailed(msg.MISSING_TZ)
    if importlib.util.find_spec("_rl_accel") is None:  # imported through exec(): bundlers miss it
        raise StepFailed(msg.MISSING_ACCELERATOR)
    return str(resource())


def check_calendar(year: int) -> int:
    from datetime import date

    from counter_app.core.calendar import DayOffCategory, load_calendar

    holidays = [d for d in load_calendar().days_off(date(year, 1, 1), date(year, 12, 31))
                if d.category is not DayOffCategory.WEEKEND]
    if len(holidays) < MIN_NATIONAL_HOLIDAYS:
        raise StepFailed(msg.TOO_FEW_HOLIDAYS.format(n=len(holidays)))
    labels = {d.label for d in holidays}
    for expected in ("Quốc khánh", "Tết Dương lịch"):
        if not any(expected in label for label in labels):
            raise StepFailed(msg.HOLIDAY_MISSING.format(name=expected))
    return len(holidays)


def run_core(test: SelfTest, work_dir: Path) -> ReceivedSlip | None:
    """Every Qt-free step, in order. Returns the received dossier's slip, or None after a failure."""
    from datetime import date

    test.run(msg.STEP_BUNDLED_DATA, check_bundled_data)
    year = date.today().year + HOLIDAY_YEARS_AHEAD
    test.run(msg.STEP_CALENDAR.format(year=year), lambda: check_calendar(year),
             lambda n: msg.DETAIL_HOLIDAYS.format(n=n))

    database = test.run(msg.STEP_DATABASE, lambda: _create_database(work_dir),
                        lambda db: msg.DETAIL_REVISION.format(revision=_revision(db)))
    if database is None:
        return None
    try:
        return _with_database(test, database)
    finally:
        database.dispose()  # Windows cannot delete an open SQLite file


def _create_database(work_dir: Path):  # type: ignore[no-untyped-def]
    from counter_app.db.bootstrap import head_revision, integrity_check, open_sqlite

    opened = open_sqlite(work_dir / "counter.sqlite3")
    if opened.revision != head_revision():
        raise StepFailed(msg.WRONG_REVISION.format(found=opened.revision, wanted=head_revision()))
    problems = integrity_check(opened.database)
    if problems:
        raise StepFailed(msg.INTEGRITY.format(detail="; ".join(problems[:5])))
    return opened.database


def _revision(database) -> str:  # type: ignore[no-untyped-def]
    from counter_app.db.bootstrap import current_revision

    return current_revision(database) or "-"


def _with_database(test: SelfTest, database) -> ReceivedSlip | None:  # type: ignore[no-untyped-def]
    # Imports stay inside the steps: a module missing from a bundle is then a failed step, not a crash.
    setup = test.run(msg.STEP_SETUP, lambda: _set_up(database))
    if setup is None:
        return None
    ctx, clerk = setup
    code = test.run(msg.STEP_RECEIVE, lambda: _receive(ctx, clerk), lambda c: c[1])
    if code is None:
        return None
    dossier_code = code[0]
    test.run(msg.STEP_SEARCH, lambda: _find_again(ctx, dossier_code), lambda n: msg.DETAIL_FOUND.format(n=n))

    def build() -> bytes:
        from counter_app.printing import FormId, Paper, build_form
        from counter_app.services.forms import slip_for

        pdf = build_form(FormId.SLIP, slip_for(ctx, dossier_code), Paper.A4)
        if not pdf.startswith(b"%PDF-"):
            raise StepFailed(msg.NOT_A_PDF)
        if b"/FontFile2" not in pdf:  # the TTF faces are embedded: the slip prints the same on any PC
            raise StepFailed(msg.FONT_NOT_EMBEDDED)
        return pdf

    def size(pdf: bytes) -> str:
        return msg.DETAIL_PDF.format(kb=len(pdf) / 1024)

    test.run(msg.STEP_SLIP_FIRST, build, size)
    pdf = test.run(msg.STEP_SLIP_WARM, build, size)
    if pdf is None:
        return None
    return ReceivedSlip(dossier_code, msg.SELFTEST_APPLICANT, pdf)


def _set_up(database):  # type: ignore[no-untyped-def]
    from counter_app.services.setup import initialize
    from counter_app.services.unit import UnitInfo
    from counter_app.services.users import NewUser, create_user

    unit = UnitInfo(
        agency_code=SELFTEST_AGENCY_CODE, name=msg.SELFTEST_UNIT_NAME, parent_body=msg.SELFTEST_PARENT_BODY,
        province=msg.SELFTEST_PROVINCE, upper_office_name=msg.SELFTEST_UPPER_OFFICE,
        upper_office_level="province", mountainous=False, address=msg.SELFTEST_ADDRESS, phone="0237 3890 123",
        place_name=msg.SELFTEST_PLACE,
    )
    password = "Tk#" + secrets.token_urlsafe(12)  # never shown: the database is deleted afterwards
    result = initialize(database, unit, NewUser("quantri", msg.SELFTEST_ADMIN_NAME, "admin", password))
    clerk = create_user(database, NewUser("canbo1", msg.SELFTEST_CLERK_NAME, "clerk", password))
    return result.context, clerk


def _receive(ctx, clerk) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    from counter_app.services.catalog import procedures_in_force
    from counter_app.services.intake import ApplicantInput, DocumentInput, IntakeRequest, receive_dossier

    now = ctx.now()
    procedures = procedures_in_force(ctx.db, now.date())
    if not procedures:
        raise StepFailed(msg.NO_PROCEDURE)
    # A procedure counted in working days exercises the calendar (holidays, weekends) the most.
    procedure = next((p for p in procedures if p.time_unit == "working_days" and p.time_value > 0), procedures[0])
    request = IntakeRequest(
        procedure_code=procedure.code,
        applicant=ApplicantInput(full_name=msg.SELFTEST_APPLICANT, address=msg.SELFTEST_APPLICANT_ADDRESS,
                                 phone="0912345678"),
        documents=tuple(DocumentInput(name, form, count) for name, form, count, _ in procedure.documents[:4]),
    )
    dossier = receive_dossier(ctx, clerk, request, at=now).dossier
    if not dossier.promised_due_at > dossier.received_at:
        raise StepFailed(msg.DUE_NOT_AFTER.format(due=dossier.promised_due_at, received=dossier.received_at))
    due = dossier.promised_due_at.strftime("%H:%M %d/%m/%Y")
    return dossier.code, msg.DETAIL_CODE.format(code=dossier.code, due=due)


def _find_again(ctx, code: str) -> int:  # type: ignore[no-untyped-def]
    from counter_app.core.text import vn_fold
    from counter_app.services.dossier_list import ListQuery, list_page

    # "nguyen van duc", as a clerk types it into the list's search box
    rows = list_page(ctx, ListQuery(search=vn_fold(msg.SELFTEST_APPLICANT))).rows
    if code not in {row.code for row in rows}:
        raise StepFailed(msg.NOT_FOUND_BACK.format(code=code))
    return len(rows)
