"""The `counter-app` command line, run as a user would run it (a real process, a real file)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from counter_app.core.states import DossierState


def cli(*args: str, env: dict[str, str] | None = None, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    full_env = dict(os.environ, QT_QPA_PLATFORM="offscreen", **(env or {}))
    return subprocess.run([sys.executable, "-m", "counter_app", *args], capture_output=True, text=True,
                          env=full_env, input=stdin, timeout=300)


SETUP_FLAGS = [
    "--agency-code", "000.12.34.H38", "--name", "Trung tâm Phục vụ hành chính công xã Hương Sơn",
    "--parent-body", "UBND xã Hương Sơn", "--province", "Hà Tĩnh",
    "--upper-office", "Trung tâm Phục vụ hành chính công tỉnh Hà Tĩnh", "--upper-level", "province",
    "--address", "Thôn 1, xã Hương Sơn", "--phone", "0239 3870 111", "--place", "Hương Sơn",
    "--admin-user", "quantri", "--admin-name", "Trần Văn Bình", "--admin-password", "BaoMat#2026",
]


def test_setup_then_check_then_upgrade(tmp_path: Path) -> None:
    db = tmp_path / "xa.sqlite3"
    done = cli("--db", str(db), "setup", *SETUP_FLAGS)
    assert done.returncode == 0, done.stderr
    assert "Hương Sơn" in done.stdout and "quantri" in done.stdout
    again = cli("--db", str(db), "setup", *SETUP_FLAGS)
    assert again.returncode == 2 and "đã được thiết lập" in again.stderr
    check = cli("--db", str(db), "db", "check")
    assert check.returncode == 0 and "tốt" in check.stdout
    upgrade = cli("--db", str(db), "db", "upgrade")
    assert upgrade.returncode == 0 and "mới nhất" in upgrade.stdout


def test_setup_refuses_a_bad_agency_code_and_weak_password_in_vietnamese(tmp_path: Path) -> None:
    db = tmp_path / "xa.sqlite3"
    flags = list(SETUP_FLAGS)
    flags[flags.index("000.12.34.H38")] = "xa huong son"
    flags[flags.index("BaoMat#2026")] = "123"
    done = cli("--db", str(db), "setup", *flags)
    assert done.returncode == 2
    assert "Mã định danh cơ quan" in done.stderr and "Mật khẩu" in done.stderr
    assert "Traceback" not in done.stderr


def test_newer_database_is_refused_by_every_command(tmp_path: Path) -> None:
    db = tmp_path / "xa.sqlite3"
    assert cli("--db", str(db), "setup", *SETUP_FLAGS).returncode == 0
    conn = sqlite3.connect(db)
    conn.execute("UPDATE alembic_version SET version_num='0099_future'")
    conn.commit()
    conn.close()
    before = db.read_bytes()
    for args in (["db", "check"], ["db", "upgrade"], ["demo"]):
        done = cli("--db", str(db), *args)
        assert done.returncode == 2 and "phiên bản phần mềm mới hơn" in done.stderr, args
    assert db.read_bytes() == before


def test_catalog_import_reports_bad_rows(tmp_path: Path) -> None:
    db = tmp_path / "xa.sqlite3"
    assert cli("--db", str(db), "setup", *SETUP_FLAGS).returncode == 0
    bad = tmp_path / "bad.csv"
    bad.write_text("code,name,field,time_value,time_unit,fee,handling_level,effective_from,documents\n"
                   "XA.01,Thủ tục thử,Hộ tịch,3,working_days,0,commune,2026-01-01,Tờ khai [bản chính]\n"
                   "XA.02,Thủ tục lỗi,Hộ tịch,ba,working_days,0,commune,2026-01-01,Tờ khai [bản chính]\n",
                   encoding="utf-8")
    done = cli("--db", str(db), "catalog", "import", str(bad))
    assert done.returncode == 2 and "3" in done.stderr and "Traceback" not in done.stderr


@pytest.mark.slow_process
def test_demo_creates_a_living_counter_in_every_state(tmp_path: Path) -> None:
    db = tmp_path / "demo.sqlite3"
    done = cli("--db", str(db), "demo")
    assert done.returncode == 0, done.stderr
    assert "admin /" in done.stdout
    conn = sqlite3.connect(db)
    states = dict(conn.execute("SELECT state, count(*) FROM dossiers GROUP BY state").fetchall())
    total = sum(states.values())
    names = [r[0] for r in conn.execute("SELECT applicant_name FROM dossiers LIMIT 200")]
    span = conn.execute("SELECT julianday(max(received_at)) - julianday(min(received_at)) FROM dossiers").fetchone()[0]
    overdue = conn.execute(
        "SELECT count(*) FROM dossiers WHERE state IN ('received','forwarded','supplemented','extended') "
        "AND current_due_at < datetime('now')").fetchone()[0]
    conn.close()
    assert total >= 2000
    assert set(states) == {s.value for s in DossierState}
    assert span > 300 and overdue > 0
    assert any(ch in "".join(names) for ch in "ễặờữỹĐ")


def test_help_lists_every_command_including_the_plugins() -> None:
    import argparse

    from counter_app.cli import build_parser

    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    assert {"setup", "demo", "catalog", "db", "report", "backup", "export", "hub"} <= set(sub.choices)
    done = cli("--help")
    assert done.returncode == 0
    for name in sub.choices:  # the window's quick path never hides a command from the help
        assert name in done.stdout


def test_opening_the_window_skips_the_commands_but_a_mistake_is_still_explained() -> None:
    from counter_app.cli import window_args

    args = window_args(["--db", "xa.sqlite3", "--demo"])
    assert args is not None and args.command is None and args.demo and str(args.db) == "xa.sqlite3"
    for argv in (["report", "dashboard"], ["--help"], ["--db"], ["--d"], ["--db", "x", "lạ"]):
        assert window_args(argv) is None, argv  # the full parser handles these
    done = cli("--d")
    assert done.returncode == 2 and "ambiguous" in done.stderr and "report" in done.stderr  # full usage
