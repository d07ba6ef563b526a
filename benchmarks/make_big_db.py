"""Generate a commune database with N dossiers quickly (plain INSERTs), for the list benchmarks.

Run: .venv/bin/python benchmarks/make_big_db.py /tmp/big.sqlite3 [--dossiers 1000000]

The unit, users and catalogue are set up through the services (so the file is a normal, migrated
database); the dossiers are then written with `executemany` in one transaction. Due dates are real
(`compute_due` on the unit's calendar); states follow age: old dossiers are mostly returned, recent
ones spread over every open state. Events and document rows are not generated (the list does not read
them), so opening one of these dossiers shows an empty timeline.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

from counter_app.core.due_dates import compute_due
from counter_app.core.text import vn_fold
from counter_app.core.time_limits import TimeLimit, TimeUnit
from counter_app.core.tz import VN_TZ
from counter_app.db.bootstrap import open_sqlite
from counter_app.services.catalog import procedures_in_force
from counter_app.services.demo import DEMO_UNIT, FAMILY, GIVEN_FEMALE, GIVEN_MALE, MIDDLE_FEMALE, MIDDLE_MALE
from counter_app.services.setup import initialize
from counter_app.services.unit import default_node_id
from counter_app.services.users import NewUser

COLUMNS = (
    "id",
    "code",
    "agency_code",
    "procedure_id",
    "procedure_code",
    "procedure_name",
    "field",
    "state",
    "channel",
    "sets_count",
    "fee",
    "delivery",
    "delivery_address",
    "applicant_name",
    "applicant_name_key",
    "applicant_id_number",
    "applicant_gender",
    "applicant_phone",
    "applicant_email",
    "applicant_address",
    "submitter_name",
    "submitter_id_number",
    "submitter_phone",
    "received_at",
    "received_by",
    "node_id",
    "promised_due_at",
    "current_due_at",
    "accountable_due_at",
    "due_explanation",
    "clock_paused_at",
    "finished_at",
    "returned_at",
    "handler",
    "forwarded_upward",
    "supplement_count",
    "extension_count",
    "satisfaction",
    "ledger_year",
    "ledger_book",
    "ledger_ordinal",
    "updated_at",
)


def stored(moment: datetime | None) -> str | None:
    """How AwareDateTime stores a value on SQLite: naive UTC text."""
    if moment is None:
        return None
    return moment.astimezone(UTC).replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f")


def pick_state(rng: random.Random, age_days: int) -> str:
    if age_days > 60:
        return rng.choices(
            ["returned", "result_ready", "refused", "stopped", "withdrawn", "forwarded"],
            [95, 2, 1, 0.5, 1, 0.5],
        )[0]
    if age_days > 15:
        return rng.choices(
            ["returned", "result_ready", "forwarded", "awaiting_supplement", "extended"], [70, 15, 8, 5, 2]
        )[0]
    return rng.choices(
        ["received", "forwarded", "awaiting_supplement", "supplemented", "result_ready", "returned"],
        [20, 45, 8, 4, 13, 10],
    )[0]


def generate(path: Path, count: int, seed: int = 7) -> None:
    database = open_sqlite(path).database
    initialize(database, DEMO_UNIT, NewUser("admin", "Lò Văn Quản", "admin", "QuanTri@2026"))
    node_id = default_node_id(database)
    now = datetime.now(VN_TZ)
    procedures = procedures_in_force(database, now.date())
    from counter_app.services.calendar_settings import calendar_for

    calendar = calendar_for(database)
    database.dispose()
    rng = random.Random(seed)
    start_day = now.date() - timedelta(days=3 * 365)
    days = [start_day + timedelta(days=i) for i in range((now.date() - start_day).days + 1)]
    days = [d for d in days if calendar.is_counting_day(d)]
    per_day = count // len(days) + 1
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA synchronous = OFF")
    sql = f"INSERT INTO dossiers ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))})"
    made = 0
    ledger: dict[int, int] = {}
    batch: list[tuple] = []
    started = time.perf_counter()
    conn.execute("BEGIN")
    for day in days:
        n_today = min(per_day, count - made)
        if n_today <= 0:
            break
        minutes = sorted(rng.randrange(7 * 60 + 30, 17 * 60) for _ in range(n_today))
        for ordinal, minute in enumerate(minutes, start=1):
            received = datetime(day.year, day.month, day.day, minute // 60, minute % 60, tzinfo=VN_TZ)
            if received > now:
                received = now - timedelta(minutes=rng.randint(1, 600))
            p = rng.choice(procedures)
            limit = TimeLimit(p.time_value, TimeUnit(p.time_unit), p.mountain_extra_days)
            due = compute_due(calendar, received, limit, mountainous=True).due_at
            age = (now - received).days
            state = pick_state(rng, age)
            female = rng.random() < 0.5
            name = " ".join(
                (
                    rng.choice(FAMILY),
                    rng.choice(MIDDLE_FEMALE if female else MIDDLE_MALE),
                    rng.choice(GIVEN_FEMALE if female else GIVEN_MALE),
                )
            )
            finished = returned = None
            if state in ("returned", "result_ready", "refused", "stopped", "withdrawn"):
                finished = min(now, received + (due - received) * rng.uniform(0.2, 1.2))
            if state == "returned":
                returned = min(now, finished + timedelta(hours=rng.uniform(1, 72)))  # type: ignore[operator]
            ledger[day.year] = ledger.get(day.year, 0) + 1
            batch.append(
                (
                    str(uuid.UUID(int=rng.getrandbits(128))),
                    f"{DEMO_UNIT.agency_code}-{day:%y%m%d}-{ordinal:04d}",
                    DEMO_UNIT.agency_code,
                    p.id,
                    p.code,
                    p.name,
                    p.field,
                    state,
                    "direct",
                    1,
                    p.fee,
                    "counter",
                    "",
                    name,
                    vn_fold(name),
                    f"038{rng.randint(0, 3)}{rng.randint(0, 99):02d}{rng.randint(0, 999999):06d}",
                    "female" if female else "male",
                    f"09{rng.randint(0, 99999999):08d}",
                    "",
                    "Bản Xim, xã Mường Lát",
                    "",
                    "",
                    "",
                    stored(received),
                    1,
                    node_id,
                    stored(due),
                    stored(due),
                    stored(due),
                    "",
                    stored(received + timedelta(days=2)) if state == "awaiting_supplement" else None,
                    stored(finished),
                    stored(returned),
                    "",
                    0,
                    0,
                    0,
                    "",
                    day.year,
                    1,
                    ledger[day.year],
                    stored(returned or finished or received),
                )
            )
            made += 1
        if len(batch) >= 50_000:
            conn.executemany(sql, batch)
            batch.clear()
    conn.executemany(sql, batch)
    conn.execute("COMMIT")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    print(
        f"{made:,} dossiers in {time.perf_counter() - started:.1f} s → {path} "
        f"({path.stat().st_size / 1e6:.0f} MB)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("path", type=Path)
    parser.add_argument("--dossiers", type=int, default=1_000_000)
    args = parser.parse_args()
    if args.path.exists():
        raise SystemExit(f"{args.path} exists; remove it first")
    generate(args.path, args.dossiers)


if __name__ == "__main__":
    main()
