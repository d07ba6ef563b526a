"""The morning dashboard and the leader's follow-up lists, on the worked example seen on 15/07/2026 09:00."""

from __future__ import annotations

import pytest

from counter_app.reports import periods as p
from counter_app.services import actions
from counter_app.services.intake import ApplicantInput, IntakeRequest, receive_dossier
from counter_app.services.reports import followup_lists, load_dashboard
from counter_app.services.users import get_actor
from tests.conftest import vn
from tests.reports.scenario import CIVIL_3WD

MORNING = vn(2026, 7, 15, 9)
JULY_15TH = p.month(2026, 7, 15)


@pytest.fixture
def morning(example):  # type: ignore[no-untyped-def]
    clerk = get_actor(example.ctx.db, "canbo1")
    request = IntakeRequest(CIVIL_3WD, ApplicantInput("Hoàng Văn Sơn", phone="0987654321"))
    example.codes["N"] = receive_dossier(
        example.ctx, clerk, request, at=vn(2026, 7, 10, 9)
    ).dossier.code  # due 15/07
    return example


def test_tiles_count_todays_work(morning) -> None:  # type: ignore[no-untyped-def]
    d = load_dashboard(morning.ctx, at=MORNING)
    assert (d.received_today, d.due_today, d.overdue, d.due_soon) == (1, 1, 2, 1)  # K; N; C M; E
    assert (d.awaiting_supplement, d.ready_not_collected) == (2, 2)  # F M; A G
    codes = {v: k for k, v in morning.codes.items()}
    assert [(codes[x.code], x.days_late) for x in d.overdue_list] == [("C", 20), ("M", 2)]
    assert [codes[x.code] for x in d.due_today_list] == ["N"]


def test_on_time_rates_of_the_month_and_quarter_so_far(morning) -> None:  # type: ignore[no-untyped-def]
    d = load_dashboard(morning.ctx, at=MORNING)
    # 1–15/07: C E F H J K L M N to handle; L resolved late, C and M overdue → 6 of 9 on time.
    assert (d.month.start, d.month.end) == (vn(2026, 7, 1).date(), MORNING.date())
    assert d.month_total.received_total == 9 and d.month_rate == pytest.approx(6 / 9)
    assert d.quarter_rate == pytest.approx(6 / 9)


def test_twelve_month_chart_shows_volume_and_rate(morning) -> None:  # type: ignore[no-untyped-def]
    d = load_dashboard(morning.ctx, at=MORNING)
    assert len(d.months) == 12 and d.months[0].period.name == "Tháng 8 năm 2025"
    received = [m.received for m in d.months]
    assert received == [0] * 9 + [1, 9, 4]  # May: L; June: A B C D F G H I M; July: E J K N
    assert d.months[0].on_time_rate is None
    assert d.months[10].on_time_rate == pytest.approx(7 / 10)  # June: G late, C and L overdue at 30/06


def test_the_dashboard_follows_the_cutoff_when_asked(morning) -> None:  # type: ignore[no-untyped-def]
    d = load_dashboard(morning.ctx, at=MORNING, cutoff_day=15)
    assert d.month.start == vn(2026, 7, 15).date() and d.month.end == MORNING.date()  # August period, day one
    assert d.months[-2].period == p.month(2026, 7, 15)


def test_followup_lists(morning) -> None:  # type: ignore[no-untyped-def]
    ctx = morning.ctx
    clerk = get_actor(ctx.db, "canbo1")
    citizen = ApplicantInput("Bùi Thùy Nhung", id_number="038196017236", phone="0844948249")
    repeated = [
        receive_dossier(ctx, clerk, IntakeRequest(CIVIL_3WD, citizen), at=vn(2026, 6, d, 9)).dossier.code
        for d in (16, 23, 30)
    ]
    actions.request_supplement(ctx, clerk, repeated[0], "Thiếu giấy tờ", at=vn(2026, 6, 17, 9))
    actions.record_supplement(ctx, clerk, repeated[0], at=vn(2026, 6, 18, 9))  # a fourth trip
    other = ApplicantInput("Lò Văn Dũng", id_number="038096012345", phone="0912000111")
    for d in (16, 23, 30):  # three trips: came back twice, not more
        repeated.append(
            receive_dossier(ctx, clerk, IntakeRequest(CIVIL_3WD, other), at=vn(2026, 6, d, 10)).dossier.code
        )
    leader = get_actor(ctx.db, "lanhdao")
    actions.extend(ctx, leader, repeated[1], vn(2026, 6, 30, 9), "Cần xác minh", at=vn(2026, 6, 24, 9))
    actions.extend(ctx, leader, repeated[1], vn(2026, 7, 3, 9), "Chờ ý kiến cấp tỉnh", at=vn(2026, 6, 29, 9))
    for code in repeated:  # all finished: they must not show up as overdue
        actions.mark_result_ready(ctx, clerk, code, at=vn(2026, 7, 1, 8))
    lists = followup_lists(ctx.db, ctx.calendar, JULY_15TH, at=MORNING)
    codes = {v: k for k, v in morning.codes.items()}
    handlers = {g.label: [codes[x.code] for x in g.dossiers] for g in lists.overdue_by_handler}
    assert handlers == {"Công chức Tư pháp – Hộ tịch": ["C"], "(Chưa chuyển xử lý)": ["M"]}
    assert [(x.code, x.extension_count) for x in lists.extended] == [(repeated[1], 2)]  # G: once only
    assert [(c.applicant_name, c.trips, c.came_back) for c in lists.returning] == [("Bùi Thùy Nhung", 4, 3)]
    fees = {(f.field, f.procedure_code): (f.dossiers, f.amount) for f in lists.fees}
    assert fees == {("Hộ tịch", CIVIL_3WD): (12, 36_000), ("Chứng thực", "2.001019"): (2, 100_000)}
    assert [(s.value, s.count) for s in lists.satisfaction] == [
        ("hai_long", 1),
        ("binh_thuong", 1),
        ("khong_hai_long", 0),
        ("", 0),
    ]


def test_reports_are_for_leaders_but_the_dashboard_for_everyone(morning) -> None:  # type: ignore[no-untyped-def]
    from counter_app.services.errors import PermissionDenied
    from counter_app.services.reports import Bieu06Request, bieu06_sheets

    clerk, leader = get_actor(morning.ctx.db, "canbo1"), get_actor(morning.ctx.db, "lanhdao")
    with pytest.raises(PermissionDenied):
        bieu06_sheets(morning.ctx.db, Bieu06Request(JULY_15TH), actor=clerk)
    assert (
        bieu06_sheets(morning.ctx.db, Bieu06Request(JULY_15TH), actor=leader)[0].report.total.received_total
        == 12
    )
    assert load_dashboard(morning.ctx, at=MORNING).overdue == 2
