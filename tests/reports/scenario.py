"""The worked example of docs/reports.md: thirteen dossiers around the reporting month 7/2026 (cut-off
15: 15/06/2026 – 14/07/2026), recorded through the real services with explicit times.

No public holiday falls in May 4 – July 31, 2026 after the 30/4–3/5 break, so the due dates are plain
working-day arithmetic (Monday–Friday).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from counter_app.services import actions
from counter_app.services.context import Actor, CounterContext
from counter_app.services.intake import ApplicantInput, IntakeRequest, receive_dossier
from tests.conftest import vn

CIVIL_3WD = "1.004873"  # Hộ tịch – Cấp Giấy xác nhận tình trạng hôn nhân, 3 working days, fee 3,000
CERT_2WD = "2.001019"  # Chứng thực di chúc, 2 working days, fee 50,000
LAND_20WD = "1.013978"  # Đất đai – đăng ký đất đai…, 20 working days (clock restarts)


@dataclass
class Example:
    ctx: CounterContext
    codes: dict[str, str]  # letter → mã hồ sơ


def _receive(
    ctx: CounterContext,
    actor: Actor,
    code: str,
    at: datetime,
    name: str,
    channel: str = "direct",
    id_number: str = "",
    phone: str = "",
) -> str:
    request = IntakeRequest(
        code,
        ApplicantInput(name, phone=phone or "0912345678", id_number=id_number),
        channel=channel,
        delivery="post" if channel == "post" else "counter",
        delivery_address="Bản Xim, xã Mường Lát" if channel == "post" else "",
    )
    return receive_dossier(ctx, actor, request, at=at).dossier.code


def build_example(ctx: CounterContext, clerk: Actor, leader: Actor) -> Example:
    c: dict[str, str] = {}
    # A: received before the period, finished on its due day inside it → carried over, on time.
    c["A"] = _receive(ctx, clerk, CIVIL_3WD, vn(2026, 6, 10, 9), "Lò Văn Dũng")  # due Mon 15/06 09:00
    actions.mark_result_ready(ctx, clerk, c["A"], at=vn(2026, 6, 15, 10))
    # B: finished before the period began → not in the report at all.
    c["B"] = _receive(ctx, clerk, CIVIL_3WD, vn(2026, 6, 1, 9), "Hà Thị Lan")  # due Thu 04/06
    actions.mark_result_ready(ctx, clerk, c["B"], at=vn(2026, 6, 3, 9))
    actions.return_result(ctx, clerk, c["B"], "Hà Thị Lan", at=vn(2026, 6, 3, 14))
    # C: received before, never finished → carried over, overdue at the end.
    c["C"] = _receive(ctx, clerk, CIVIL_3WD, vn(2026, 6, 12, 8), "Sầm Văn Tường")  # due Wed 17/06 08:00
    actions.forward(ctx, clerk, c["C"], "Công chức Tư pháp – Hộ tịch", at=vn(2026, 6, 12, 9))
    # D: online, finished a day early, returned.
    c["D"] = _receive(ctx, clerk, CIVIL_3WD, vn(2026, 6, 16, 10), "Vi Thị Mai", channel="online")  # due 19/06
    actions.forward(ctx, clerk, c["D"], "Công chức Tư pháp – Hộ tịch", at=vn(2026, 6, 16, 11))
    actions.mark_result_ready(ctx, clerk, c["D"], at=vn(2026, 6, 18, 15))
    actions.return_result(ctx, clerk, c["D"], "Vi Thị Mai", satisfaction="hai_long", at=vn(2026, 6, 19, 8))
    # E: received on the last-but-one day, still open, due after the end → within time.
    c["E"] = _receive(ctx, clerk, CIVIL_3WD, vn(2026, 7, 13, 9), "Lương Văn Đức")  # due Thu 16/07 09:00
    # F: waiting for the citizen since before its due date → within time.
    c["F"] = _receive(ctx, clerk, CIVIL_3WD, vn(2026, 6, 22, 9), "Đinh Thị Hằng")  # due Thu 25/06 09:00
    actions.request_supplement(
        ctx, clerk, c["F"], "Thiếu giấy tờ chứng minh nơi cư trú", at=vn(2026, 6, 23, 10)
    )
    # G: extended (apology, new date 01/07), finished after its promise → late despite the extension.
    c["G"] = _receive(ctx, clerk, CIVIL_3WD, vn(2026, 6, 22, 9), "Bùi Quốc Khải")  # due Thu 25/06 09:00
    actions.extend(ctx, leader, c["G"], vn(2026, 7, 1, 17), "Cần xác minh thông tin", at=vn(2026, 6, 24, 10))
    actions.mark_result_ready(ctx, clerk, c["G"], at=vn(2026, 6, 30, 11))
    # H: withdrawn after its due date → on time (a withdrawal is the citizen's choice, §3.5).
    c["H"] = _receive(ctx, clerk, CIVIL_3WD, vn(2026, 6, 29, 9), "Giàng Thị Mỷ")  # due Thu 02/07 09:00
    actions.withdraw(ctx, clerk, c["H"], "Công dân xin rút hồ sơ", at=vn(2026, 7, 6, 9))
    # I: by post; ready at 16:00 on the due day (due 14:00): on time by day, late by minute.
    c["I"] = _receive(
        ctx, clerk, CERT_2WD, vn(2026, 6, 15, 14), "Quách Văn Lộc", channel="post"
    )  # due 17/06 14:00
    actions.mark_result_ready(ctx, clerk, c["I"], at=vn(2026, 6, 17, 16))
    actions.return_result(
        ctx, clerk, c["I"], "Quách Văn Lộc", satisfaction="binh_thuong", at=vn(2026, 6, 18, 9)
    )
    # J: refused on the day of receipt, two days before its due date → early.
    c["J"] = _receive(ctx, clerk, CERT_2WD, vn(2026, 7, 14, 16), "Ngân Thị Yến")  # due Thu 16/07 16:00
    actions.refuse(ctx, clerk, c["J"], "Không thuộc thẩm quyền", at=vn(2026, 7, 14, 16, 30))
    # K: received the day after the period → not in it.
    c["K"] = _receive(ctx, clerk, CERT_2WD, vn(2026, 7, 15, 8), "Mùa A Sử")  # due Fri 17/07 08:00
    # L: land dossier from May, stopped a month after its due date → carried over, late.
    c["L"] = _receive(ctx, clerk, LAND_20WD, vn(2026, 5, 4, 9), "Thào Văn Chiến")  # due Mon 01/06 09:00
    actions.stop(ctx, leader, c["L"], "Công dân đề nghị dừng giải quyết", at=vn(2026, 7, 1, 9))
    # M: supplement requested the day after the due date was missed, still waiting → overdue.
    c["M"] = _receive(ctx, clerk, LAND_20WD, vn(2026, 6, 15, 10), "Lục Văn Vững")  # due Mon 13/07 10:00
    actions.request_supplement(ctx, clerk, c["M"], "Bản chụp giấy tờ không rõ nét", at=vn(2026, 7, 14, 9))
    return Example(ctx, c)


# Hand-computed Biểu 06 of 15/06–14/07/2026, day granularity: columns (3)…(13).
EXPECTED_DAY = {
    "Chứng thực": (2, 0, 2, 0, 2, 1, 1, 0, 0, 0, 0),  # I on time, J early
    "Đất đai": (2, 0, 1, 1, 1, 0, 0, 1, 1, 0, 1),  # L carried+late, M direct+overdue
    "Hộ tịch": (7, 1, 4, 2, 4, 1, 2, 1, 3, 2, 1),  # D online; E F G H direct; A C carried
    "Tổng cộng": (11, 1, 7, 3, 7, 2, 3, 2, 4, 2, 2),
}
# Minute granularity: A (ready 10:00, due 09:00) and I (16:00 vs 14:00) become late.
EXPECTED_MINUTE = {
    "Chứng thực": (2, 0, 2, 0, 2, 1, 0, 1, 0, 0, 0),
    "Đất đai": (2, 0, 1, 1, 1, 0, 0, 1, 1, 0, 1),
    "Hộ tịch": (7, 1, 4, 2, 4, 1, 1, 2, 3, 2, 1),
    "Tổng cộng": (11, 1, 7, 3, 7, 2, 1, 4, 4, 2, 2),
}
