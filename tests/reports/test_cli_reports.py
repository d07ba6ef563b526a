"""`counter-app report …` run as a user runs it: a real process on a copy of the worked example."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.reports.readback import pdf_table
from tests.reports.scenario import EXPECTED_DAY

pytestmark = pytest.mark.slow_process


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "-m", "counter_app", *args], capture_output=True, text=True, env=env, timeout=300
    )


@pytest.fixture
def db_file(example) -> Path:  # type: ignore[no-untyped-def]
    path = example.ctx.db.path
    example.ctx.db.dispose()  # the command opens the file itself
    assert path is not None
    return path


def test_bieu06_command_prints_the_table_and_writes_both_files(db_file: Path, tmp_path: Path) -> None:
    xlsx, pdf = tmp_path / "out" / "bieu06.xlsx", tmp_path / "out" / "bieu06.pdf"
    done = cli(
        "--db",
        str(db_file),
        "report",
        "bieu06",
        "--period",
        "2026-07",
        "--cutoff",
        "15",
        "--xlsx",
        str(xlsx),
        "--pdf",
        str(pdf),
    )
    assert done.returncode == 0, done.stderr
    total = next(line for line in done.stdout.splitlines() if "Tổng cộng" in line)
    assert tuple(int(x) for x in total.split()[2:]) == EXPECTED_DAY["Tổng cộng"]
    assert "Kỳ báo cáo: Tháng 7 năm 2026 (Từ ngày 15/06/2026 đến ngày 14/07/2026)" in done.stdout
    assert xlsx.stat().st_size > 4000 and pdf_table(pdf.read_bytes()) == EXPECTED_DAY


def test_bieu06_command_refuses_an_unreadable_period(db_file: Path) -> None:
    done = cli("--db", str(db_file), "report", "bieu06", "--period", "2026-13")
    assert done.returncode == 2 and "Không hiểu kỳ báo cáo «2026-13»" in done.stderr


def test_ledger_dashboard_and_followup_commands(db_file: Path, tmp_path: Path) -> None:
    ledger = cli(
        "--db",
        str(db_file),
        "report",
        "ledger",
        "--from",
        "2026-06-15",
        "--to",
        "2026-07-14",
        "--xlsx",
        str(tmp_path / "so.xlsx"),
        "--pdf",
        str(tmp_path / "so.pdf"),
    )
    assert ledger.returncode == 0, ledger.stderr
    assert "Tổng số: 8 hồ sơ" in ledger.stdout and (tmp_path / "so.pdf").read_bytes().startswith(b"%PDF")
    dashboard = cli("--db", str(db_file), "report", "dashboard")
    assert dashboard.returncode == 0, dashboard.stderr
    assert "Tình hình hôm nay" in dashboard.stdout and "Hồ sơ quá hạn" in dashboard.stdout
    assert "Sầm Văn Tường" in dashboard.stdout  # C has been overdue since 17/06/2026
    followup = cli("--db", str(db_file), "report", "followup", "--period", "2026-07")
    assert followup.returncode == 0, followup.stderr
    assert "Công chức Tư pháp – Hộ tịch: 1" in followup.stdout and "Hài lòng: 1" in followup.stdout
