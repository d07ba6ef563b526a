"""A realistic commune (or hub) database of any size, fast: plain INSERTs with executemany in big
transactions, straight into a schema made by the real start-up protocol (Alembic head + first-run setup).

    .venv/bin/python benchmarks/generate_db.py /tmp/bench.sqlite3                  # 1,000,000 dossiers
    .venv/bin/python benchmarks/generate_db.py /tmp/hub.sqlite3 --dossiers 200000 --communes 20

What it makes (generic, for the report, sync and packaging benchmarks):
- the shipped catalogue plus synthetic procedures up to `--procedures`, over more fields;
- dossiers spread over `--years` years of working days up to `--end` (growing a little every year),
  with Vietnamese names, citizen IDs, phones, hamlets; 25 % online, 5 % by post;
- due dates computed by core.due_dates on the real calendar; lives that end early, on time or late,
  supplement requests (pausing the clock), extensions (the dossier stays judged against its promise),
  withdrawals, refusals and stops, results ready and returned, satisfaction; recent dossiers still open;
- the events of each life (receive, forward, supplement, extend, finish, return) unless `--no-events`.

Rows are written in the exact text formats SQLAlchemy uses on SQLite (UTC, microseconds), so the
application reads the file as if the counter had typed every dossier.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import random
import sqlite3
import sys
import time
import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from counter_app.core.calendar import WorkingCalendar, load_calendar  # noqa: E402
from counter_app.core.due_dates import compute_due, shift_by_working_days  # noqa: E402
from counter_app.core.text import vn_fold  # noqa: E402
from counter_app.core.time_limits import TimeLimit, TimeUnit  # noqa: E402
from counter_app.db.bootstrap import open_sqlite  # noqa: E402
from counter_app.db.models import Dossier  # noqa: E402
from counter_app.db.types import VN_TZ  # noqa: E402
from counter_app.services import demo  # noqa: E402
from counter_app.services.setup import initialize  # noqa: E402
from counter_app.services.unit import UnitInfo  # noqa: E402
from counter_app.services.users import NewUser  # noqa: E402

BATCH = 100_000
EXTRA_FIELDS = (
    "Văn hóa",
    "Nông nghiệp",
    "Xây dựng",
    "Người có công",
    "Lao động",
    "Tôn giáo",
    "Thi đua, khen thưởng",
    "Môi trường",
    "Giáo dục và Đào tạo",
    "Y tế",
)
UTC_OFFSET = timedelta(hours=7)  # Vietnam: UTC+7, no daylight saving


@dataclass(frozen=True)
class GenerateResult:
    path: Path
    dossiers: int
    events: int
    procedures: int
    agency_codes: tuple[str, ...]
    seconds: float


@dataclass(frozen=True)
class _Proc:
    id: int
    code: str
    name: str
    field: str
    limit: TimeLimit
    fee: int
    upward: bool


def ts(moment: datetime) -> str:
    """The stored form of an aware datetime on SQLite (what AwareDateTime writes)."""
    u = moment.replace(tzinfo=None) - UTC_OFFSET
    return (
        f"{u.year:04d}-{u.month:02d}-{u.day:02d} {u.hour:02d}:{u.minute:02d}:{u.second:02d}."
        f"{u.microsecond:06d}"
    )


def _unit(index: int) -> UnitInfo:
    """The demo commune under a distinct agency code per index (a hub holds many communes)."""
    code = f"000.{21 + index // 70:02d}.{27 + index % 70:02d}.H56"
    return dataclasses.replace(demo.DEMO_UNIT, agency_code=code, mountainous=False)


def _add_procedures(conn: sqlite3.Connection, wanted: int, rng: random.Random) -> list[_Proc]:
    cols = [r[1] for r in conn.execute("PRAGMA table_info(procedures)")]
    rows = conn.execute(f"SELECT {', '.join(cols)} FROM procedures").fetchall()
    next_id = max(r[0] for r in rows) + 1
    extra = []
    for n in range(max(0, wanted - len(rows))):
        template = dict(zip(cols, rows[n % len(rows)], strict=True))
        template.update(
            id=next_id + n,
            code=f"9.{900000 + n:06d}",
            version=1,
            field=EXTRA_FIELDS[n % len(EXTRA_FIELDS)] if n % 3 else template["field"],
            name=f"{template['name']} (thủ tục mẫu {n + 1})",
        )
        template["name_key"] = vn_fold(template["name"])
        template["time_value"] = (
            rng.choice([0, 1, 2, 3, 5, 7, 10, 15, 20]) if template["time_unit"] != "same_day" else 0
        )
        if template["time_value"] == 0:
            template["time_unit"] = "same_day"
        extra.append(template)
    if extra:
        conn.executemany(
            f"INSERT INTO procedures ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})",
            [tuple(t[c] for c in cols) for t in extra],
        )
    procs = []
    for pid, code, name, field, value, unit, extra_days, fee, level in conn.execute(
        "SELECT id, code, name, field, time_value, time_unit, mountain_extra_days, fee, handling_level "
        "FROM procedures ORDER BY id"
    ):
        procs.append(
            _Proc(
                pid, code, name, field, TimeLimit(value, TimeUnit(unit), extra_days), fee, level == "upward"
            )
        )
    return procs


def _column_defaults(cols: list[str]) -> dict[str, object]:
    """Model defaults of the dossier columns this generator does not set (columns added later)."""
    defaults: dict[str, object] = {}
    for name in cols:
        column = Dossier.__table__.c.get(name)
        default = getattr(column, "default", None) if column is not None else None
        value = getattr(default, "arg", None)
        defaults[name] = int(value) if isinstance(value, bool) else value if not callable(value) else None
    return defaults


def _moment(rng: random.Random, day: date) -> datetime:
    minutes = rng.choice((rng.randint(450, 680), rng.randint(810, 1010)))  # 07:30–11:20, 13:30–16:50
    return datetime(day.year, day.month, day.day, minutes // 60, minutes % 60, tzinfo=VN_TZ)


class _Writer:
    """Collects rows and flushes them with executemany, BATCH dossiers per transaction."""

    def __init__(self, conn: sqlite3.Connection, dossier_cols: list[str], with_events: bool) -> None:
        self.conn = conn
        self.cols = dossier_cols
        self.with_events = with_events
        self.dossiers: list[tuple[object, ...]] = []
        self.events: list[tuple[object, ...]] = []
        self.counters: dict[str, int] = {}
        self.event_total = 0

    def event(
        self,
        dossier_id: str,
        node: str,
        user: int,
        username: str,
        kind: str,
        at: datetime,
        before: str,
        after: str,
        payload: dict[str, object],
    ) -> None:
        if not self.with_events:
            return
        counter = self.counters.get(node, 0) + 1
        self.counters[node] = counter
        self.events.append(
            (
                str(uuid.UUID(int=random.getrandbits(128), version=4)),
                dossier_id,
                kind,
                ts(at),
                user,
                username,
                node,
                counter,
                before,
                after,
                json.dumps(payload, ensure_ascii=False),
            )
        )

    def flush(self) -> None:
        placeholders = ", ".join("?" for _ in self.cols)
        self.conn.execute("BEGIN")
        self.conn.executemany(
            f"INSERT INTO dossiers ({', '.join(self.cols)}) VALUES ({placeholders})", self.dossiers
        )
        self.conn.executemany(
            "INSERT INTO dossier_events (id, dossier_id, kind, at, user_id, username, node_id, node_counter, "
            "from_state, to_state, payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            self.events,
        )
        self.conn.execute("COMMIT")
        self.event_total += len(self.events)
        self.dossiers.clear()
        self.events.clear()


def _life(
    rng: random.Random,
    calendar: WorkingCalendar,
    received: datetime,
    due: datetime,
    end: datetime,
) -> dict[str, object]:
    """The fate of one dossier as of `end`: what happened and when (None: not yet)."""
    age = (end - received).days
    fate: dict[str, object] = {"state": "received", "current_due": due, "accountable": due}
    step = received + timedelta(minutes=rng.randint(10, 90))
    if step >= end:
        return fate
    fate.update(state="forwarded", forwarded=step)
    roll = rng.random()
    if roll < 0.02 and age > 3:
        fate.update(state="withdrawn", finished=step + timedelta(hours=rng.randint(4, 60)))
        return fate if fate["finished"] < end else {**fate, "state": "forwarded", "finished": None}
    if rng.random() < 0.10:  # a supplement request pauses the clock
        paused = step + timedelta(hours=rng.randint(2, 40))
        if paused >= end:
            return fate
        fate.update(state="awaiting_supplement", paused=paused, pause_started=paused, supplements=1)
        resumed = paused + timedelta(hours=rng.randint(20, 24 * 10))
        if rng.random() < 0.03:  # the citizen never comes back: processing is stopped after 60 days
            stopped = paused + timedelta(days=60)
            if stopped < end:
                fate.update(state="stopped", finished=stopped, paused=None)
            return fate
        if resumed >= end:
            return fate
        shift = max(0, calendar.count_working_days(paused.date(), resumed.date()))
        late_already = paused.date() > due.date()
        due = shift_by_working_days(calendar, due, shift)
        fate.update(
            state="supplemented",
            resumed=resumed,
            paused=None,
            current_due=due,
            accountable=fate["accountable"] if late_already else due,
        )
        step = resumed
    span = max(timedelta(hours=1), due - step)
    late = rng.random() < 0.07
    if rng.random() < 0.006:
        fate.update(state=rng.choice(("refused", "stopped")), finished=step + span * rng.uniform(0.2, 1.3))
    else:
        if late and rng.random() < 0.4:
            extended_at = step + span * 0.8
            if extended_at < end:
                fate.update(
                    state="extended",
                    extended=extended_at,
                    extensions=1 + (rng.random() < 0.1),
                    current_due=due + timedelta(days=rng.randint(3, 10)),
                )
        finished = step + span * (rng.uniform(1.05, 2.5) if late else rng.uniform(0.1, 0.98))
        fate.update(state="result_ready", finished=finished)
        returned = finished + timedelta(hours=rng.uniform(1, 96))
        if rng.random() < 0.97:
            fate["returned"] = returned
    if fate.get("finished") is None or fate["finished"] >= end:
        fate.update(state="extended" if fate.get("extended") else "forwarded", finished=None, returned=None)
    elif fate.get("returned") is not None and fate["returned"] < end:
        fate["state"] = "returned"
    else:
        fate["returned"] = None
    return fate


def _events_of(
    w: _Writer,
    dossier_id: str,
    node: str,
    user: int,
    username: str,
    received: datetime,
    fate: dict[str, object],
    handler: str,
    upward: bool,
) -> None:
    state = "received"

    def move(kind: str, at: object, after: str, payload: dict[str, object]) -> None:
        nonlocal state
        assert isinstance(at, datetime)
        w.event(dossier_id, node, user, username, kind, at, state, after, payload)
        state = after

    w.event(dossier_id, node, user, username, "receive", received, "", "received", {})
    if fate.get("forwarded"):
        move("forward", fate["forwarded"], "forwarded", {"handler": handler, "upward": upward, "note": ""})
    if fate.get("supplements"):
        move(
            "request_supplement",
            fate["pause_started"],
            "awaiting_supplement",
            {"reason": demo.REASONS_SUPPLEMENT[0]},
        )
        if fate.get("resumed"):
            move("record_supplement", fate["resumed"], "supplemented", {"note": ""})
    if fate.get("extended"):
        move(
            "extend",
            fate["extended"],
            "extended",
            {"reason": demo.REASONS_EXTEND[0], "new_due_at": fate["current_due"].isoformat()},
        )  # type: ignore[union-attr]
    finished = fate.get("finished")
    if finished is not None:
        final = str(fate["state"])
        kind = {"withdrawn": "withdraw", "refused": "refuse", "stopped": "stop"}.get(
            final, "mark_result_ready"
        )
        move(kind, finished, "result_ready" if kind == "mark_result_ready" else final, {"note": ""})
        if fate.get("returned"):
            move("return_result", fate["returned"], "returned", {"receiver_name": "Người nộp hồ sơ"})


def generate(
    path: Path,
    *,
    dossiers: int = 1_000_000,
    years: int = 10,
    procedures: int = 100,
    communes: int = 1,
    end: date = date(2026, 11, 20),
    seed: int = 2026,
    events: bool = True,
    progress: bool = True,
) -> GenerateResult:
    """Create `path` (must not exist) and fill it. Returns what was written."""
    started = time.perf_counter()
    path = Path(path)
    if path.exists():
        raise FileExistsError(path)
    rng = random.Random(seed)
    random.seed(seed)
    database = open_sqlite(path).database
    units = [_unit(i) for i in range(communes)]
    initialize(database, units[0], NewUser("admin", "Lò Văn Quản", "admin", demo.DEMO_PASSWORDS["admin"]))
    database.dispose()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("PRAGMA cache_size = -200000")
    (node,) = conn.execute("SELECT id FROM nodes").fetchone()
    user, username = conn.execute("SELECT id, username FROM users").fetchone()
    conn.execute("BEGIN")
    procs = _add_procedures(conn, procedures, rng)
    conn.execute("COMMIT")
    weights = [12 if p.field in ("Chứng thực", "Hộ tịch") else 3 for p in procs]
    calendar = load_calendar()
    first = date(end.year - years, end.month, min(end.day, 28)) + timedelta(days=1)
    days = list(calendar.iter_counting_days(first, end))
    # More dossiers in later years: weight each day by its position (×2 from the first day to the last).
    day_weights = [1 + i / len(days) for i in range(len(days))]
    chosen_days = sorted(rng.choices(days, day_weights, k=dossiers))
    end_at = datetime(end.year, end.month, end.day, 17, 30, tzinfo=VN_TZ)
    cols = [r[1] for r in conn.execute("PRAGMA table_info(dossiers)")]
    writer = _Writer(conn, cols, events)
    defaults = _column_defaults(cols)
    ordinals: dict[tuple[str, date], int] = {}
    ledger: dict[tuple[int, int], int] = {}
    for n, day in enumerate(chosen_days):
        unit_index = n % communes
        agency = units[unit_index].agency_code
        proc = rng.choices(procs, weights)[0]
        received = _moment(rng, day)
        due = compute_due(calendar, received, proc.limit).due_at
        fate = _life(rng, calendar, received, due, end_at)
        person = demo._person(rng)
        key = (agency, day)
        ordinals[key] = ordinal = ordinals.get(key, 0) + 1
        book = unit_index + 1
        ledger[(day.year, book)] = ledger_ordinal = ledger.get((day.year, book), 0) + 1
        handler = rng.choice(demo.HANDLERS)
        dossier_id = str(uuid.UUID(int=rng.getrandbits(128), version=4))
        channel = rng.choices(("direct", "online", "post"), (70, 25, 5))[0]
        finished, returned = fate.get("finished"), fate.get("returned")
        row = {
            "id": dossier_id,
            "code": f"{agency}-{day:%y%m%d}-{ordinal:04d}",
            "agency_code": agency,
            "procedure_id": proc.id,
            "procedure_code": proc.code,
            "procedure_name": proc.name,
            "field": proc.field,
            "state": fate["state"],
            "channel": channel,
            "sets_count": 1,
            "fee": proc.fee,
            "delivery": "post" if channel == "post" else "counter",
            "delivery_address": person.address if channel == "post" else "",
            "applicant_name": person.full_name,
            "applicant_name_key": vn_fold(person.full_name),
            "applicant_id_number": person.id_number,
            "applicant_birth_date": person.birth_date.isoformat() if person.birth_date else None,
            "applicant_gender": person.gender,
            "applicant_phone": person.phone,
            "applicant_email": "",
            "applicant_address": person.address,
            "submitter_name": "",
            "submitter_id_number": "",
            "submitter_phone": "",
            "received_at": ts(received),
            "received_by": user,
            "node_id": node,
            "promised_due_at": ts(due),
            "current_due_at": ts(fate["current_due"]),  # type: ignore[arg-type]
            "accountable_due_at": ts(fate["accountable"]),
            "due_explanation": "",  # type: ignore[arg-type]
            "clock_paused_at": ts(fate["paused"]) if fate.get("paused") else None,  # type: ignore[arg-type]
            "finished_at": ts(finished) if finished else None,  # type: ignore[arg-type]
            "returned_at": ts(returned) if returned else None,  # type: ignore[arg-type]
            "handler": handler if fate.get("forwarded") else "",
            "forwarded_upward": int(proc.upward),
            "supplement_count": fate.get("supplements", 0),
            "extension_count": fate.get("extensions", 0),
            "satisfaction": rng.choices(("hai_long", "binh_thuong", "khong_hai_long", ""), (70, 15, 3, 12))[0]
            if returned
            else "",
            "ledger_year": day.year,
            "ledger_book": book,
            "ledger_ordinal": ledger_ordinal,
            "updated_at": ts(received),
        }
        writer.dossiers.append(tuple(row[c] if c in row else defaults[c] for c in cols))
        _events_of(writer, dossier_id, node, user, username, received, fate, handler, proc.upward)
        if len(writer.dossiers) >= BATCH:
            writer.flush()
            if progress:
                print(f"  {n + 1:,} dossiers ({time.perf_counter() - started:.0f} s)", flush=True)
    writer.flush()
    conn.execute("UPDATE nodes SET event_counter = ? WHERE id = ?", (writer.counters.get(node, 0), node))
    conn.execute("ANALYZE")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return GenerateResult(
        path,
        dossiers,
        writer.event_total,
        len(procs),
        tuple(u.agency_code for u in units),
        time.perf_counter() - started,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--dossiers", type=int, default=1_000_000)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--procedures", type=int, default=100)
    parser.add_argument("--communes", type=int, default=1)
    parser.add_argument("--end", type=date.fromisoformat, default=date(2026, 11, 20))
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--no-events", action="store_true")
    args = parser.parse_args(argv)
    result = generate(
        args.path,
        dossiers=args.dossiers,
        years=args.years,
        procedures=args.procedures,
        communes=args.communes,
        end=args.end,
        seed=args.seed,
        events=not args.no_events,
    )
    size = result.path.stat().st_size / 1e6
    print(
        f"{result.dossiers:,} dossiers, {result.events:,} events, {result.procedures} procedures, "
        f"{len(result.agency_codes)} unit(s) in {result.seconds:.0f} s → {result.path} ({size:,.0f} MB)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
