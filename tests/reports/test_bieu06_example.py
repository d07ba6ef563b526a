"""Biểu 06 on the worked example of docs/reports.md, against numbers computed by hand."""

from __future__ import annotations

import pytest
from sqlalchemy import update

from counter_app.db.models import Dossier
from counter_app.reports import periods as p
from counter_app.reports.bieu06 import ReportOptions, classify_dossiers, compute_bieu06
from counter_app.services.queries import get_dossier
from tests.conftest import vn
from tests.reports.scenario import EXPECTED_DAY, EXPECTED_MINUTE

JULY_15TH = p.month(2026, 7, 15)  # 15/06/2026 – 14/07/2026


def _table(report) -> dict[str, tuple[int, ...]]:  # type: ignore[no-untyped-def]
    return {**{r.label: r.columns() for r in report.rows}, report.total.label: report.total.columns()}


def test_due_dates_of_the_example_are_the_ones_computed_by_hand(example) -> None:  # type: ignore[no-untyped-def]
    due = {k: get_dossier(example.ctx, code).promised_due_at for k, code in example.codes.items()}
    assert (
        due["A"] == vn(2026, 6, 15, 9) and due["C"] == vn(2026, 6, 17, 8) and due["I"] == vn(2026, 6, 17, 14)
    )
    assert due["L"] == vn(2026, 6, 1, 9) and due["M"] == vn(2026, 7, 13, 10)
    g = get_dossier(example.ctx, example.codes["G"])
    assert g.current_due_at == vn(2026, 7, 1, 17) and g.accountable_due_at == vn(2026, 6, 25, 9)


def test_bieu06_matches_the_hand_computed_table(example) -> None:  # type: ignore[no-untyped-def]
    with example.ctx.db.read() as session:
        report = compute_bieu06(session, JULY_15TH)
    assert _table(report) == EXPECTED_DAY
    assert [r.label for r in report.rows] == [
        "Chứng thực",
        "Đất đai",
        "Hộ tịch",
    ]  # Vietnamese order: Đ after D
    assert report.total.on_time_rate == pytest.approx(7 / 11)  # 1 − (late 2 + overdue 2) / 11
    assert report.period.title == "Tháng 7 năm 2026 (Từ ngày 15/06/2026 đến ngày 14/07/2026)"


def test_each_dossier_lands_in_the_cell_worked_out_by_hand(example) -> None:  # type: ignore[no-untyped-def]
    with example.ctx.db.read() as session:
        cells = {c.dossier_id: (c.source, c.outcome) for c in classify_dossiers(session, JULY_15TH)}
    ids = {k: get_dossier(example.ctx, code).id for k, code in example.codes.items()}
    by_letter = {k: cells.get(i) for k, i in ids.items()}
    assert by_letter == {
        "A": ("carried", "on_time"),
        "B": None,
        "C": ("carried", "overdue"),
        "D": ("online", "early"),
        "E": ("direct", "within"),
        "F": ("direct", "within"),
        "G": ("direct", "late"),
        "H": ("direct", "on_time"),
        "I": ("direct", "on_time"),
        "J": ("direct", "early"),
        "K": None,
        "L": ("carried", "late"),
        "M": ("direct", "overdue"),
    }


def test_minute_granularity_makes_results_after_the_due_hour_late(example) -> None:  # type: ignore[no-untyped-def]
    with example.ctx.db.read() as session:
        report = compute_bieu06(session, JULY_15TH, options=ReportOptions(granularity="minute"))
    assert _table(report) == EXPECTED_MINUTE


def test_withdrawals_can_be_judged_by_time_instead(example) -> None:  # type: ignore[no-untyped-def]
    with example.ctx.db.read() as session:
        report = compute_bieu06(session, JULY_15TH, options=ReportOptions(withdrawn_on_time=False))
    civil = next(r for r in report.rows if r.label == "Hộ tịch")
    assert (civil.early, civil.on_time, civil.late) == (1, 1, 2)  # H (withdrawn 06/07, due 02/07) now late


def test_calendar_period_and_the_next_period_carry_the_open_dossiers_over(example) -> None:  # type: ignore[no-untyped-def]
    with example.ctx.db.read() as session:
        calendar_july = compute_bieu06(session, p.month(2026, 7, p.CALENDAR))  # 01/07 – 31/07
        august = compute_bieu06(session, p.month(2026, 8, 15))  # 15/07 – 14/08
    # Calendar July: carried C F H L M (open on 01/07), received E J K; resolved H (on time), J (early),
    # L (late); open on 31/07: F waits for the citizen, C E K M are overdue.
    assert calendar_july.total.columns() == (8, 0, 3, 5, 3, 1, 1, 1, 5, 1, 4)
    # August (cut-off 15): C E F M were open on 15/07 → carried over; K arrived on 15/07 08:00.
    assert august.total.columns() == (5, 0, 1, 4, 0, 0, 0, 0, 5, 1, 4)


def test_the_hub_reports_per_commune_and_for_all_communes(example) -> None:  # type: ignore[no-untyped-def]
    other = "000.21.28.H56"
    moved = [example.codes[k] for k in ("C", "D", "L")]
    with example.ctx.db.write() as session:  # the hub keeps every commune's dossiers in the same tables
        session.execute(update(Dossier).where(Dossier.code.in_(moved)).values(agency_code=other))
    with example.ctx.db.read() as session:
        everyone = compute_bieu06(session, JULY_15TH)
        mine = compute_bieu06(session, JULY_15TH, agency_code="000.21.27.H56")
        theirs = compute_bieu06(session, JULY_15TH, agency_code=other)
        by_commune = compute_bieu06(
            session, JULY_15TH, group_by="agency", agency_names={other: "Xã Trung Lý"}
        )
    assert _table(everyone) == EXPECTED_DAY
    assert theirs.total.columns() == (3, 1, 0, 2, 2, 1, 0, 1, 1, 0, 1)  # C carried+overdue, D online+early, L
    assert (
        tuple(a + b for a, b in zip(mine.total.columns(), theirs.total.columns(), strict=True))
        == EXPECTED_DAY["Tổng cộng"]
    )
    assert {r.label: r.columns() for r in by_commune.rows} == {
        "000.21.27.H56": mine.total.columns(),
        "Xã Trung Lý": theirs.total.columns(),
    }
