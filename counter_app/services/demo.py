"""A demo commune with a year of realistic dossiers, so a newcomer sees a living counter at once."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import select

from counter_app.db.engine import Database
from counter_app.db.models import Node, Procedure
from counter_app.db.types import VN_TZ
from counter_app.services import actions
from counter_app.services.catalog import procedures_in_force
from counter_app.services.context import Actor, CounterContext, Role, vn_now
from counter_app.services.intake import (
    ApplicantInput,
    DocumentInput,
    IntakeRequest,
    SubmitterInput,
    receive_in_session,
)
from counter_app.services.setup import initialize
from counter_app.services.sign_in_view import DEMO_PASSWORDS  # shown on the sign-in window before this loads
from counter_app.services.unit import UnitInfo
from counter_app.services.users import NewUser, create_user_in_session

DEMO_UNIT = UnitInfo(
    agency_code="000.21.27.H56",
    name="Trung tâm Phục vụ hành chính công xã Mường Lát",
    parent_body="UBND xã Mường Lát",
    province="Thanh Hóa",
    upper_office_name="Trung tâm Phục vụ hành chính công tỉnh Thanh Hóa",
    upper_office_level="province",
    mountainous=True,
    address="Bản Xim, xã Mường Lát, tỉnh Thanh Hóa",
    phone="0237 3890 123",
    place_name="Mường Lát",
)

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vi", "Lò", "Hà", "Lương", "Sầm", "Đinh", "Bùi", "Lục",
          "Vàng", "Giàng", "Thào", "Mùa", "Đặng", "Ngân", "Quách"]
MIDDLE_MALE = ["Văn", "Đức", "Minh", "Quốc", "Hữu", "Xuân", "Đình", "Công", "Thế", "Trọng"]
MIDDLE_FEMALE = ["Thị", "Ngọc", "Thu", "Thanh", "Hồng", "Diệu", "Bích", "Mỹ", "Quỳnh", "Thùy"]
GIVEN_MALE = ["Dũng", "Hùng", "Cường", "Thắng", "Tuấn", "Lượng", "Khải", "Sơn", "Phúc", "Đạt", "Nghĩa",
              "Quyết", "Chiến", "Thịnh", "Vững", "Hưởng", "Mạnh", "Tường", "Lộc", "Vỹ"]
GIVEN_FEMALE = ["Hương", "Lan", "Mai", "Thảo", "Ngọc", "Nguyệt", "Hằng", "Duyên", "Thủy", "Xuân", "Nhung",
                "Ánh", "Yến", "Loan", "Phượng", "Hiền", "Trang", "Dịu", "Ước", "Liễu"]
HAMLETS = ["Bản Xim", "Bản Pù Toong", "Bản Lát", "Bản Đoàn Kết", "Bản Con Khương", "Bản Poọng", "Khu phố 1",
           "Khu phố 2", "Bản Mau", "Bản Sa Ná", "Bản Nàng 1", "Bản Chiềng Cồng"]
PROVINCE_CODES = ["038", "038", "038", "014", "040", "001", "037"]
HANDLERS = ["Công chức Tư pháp – Hộ tịch", "Công chức Văn phòng – Thống kê", "Công chức Địa chính – Xây dựng",
            "Công chức Văn hóa – Xã hội", "Văn phòng đăng ký đất đai tỉnh"]
REASONS_SUPPLEMENT = ["Thiếu bản sao giấy chứng sinh", "Tờ khai chưa ghi đủ thông tin người yêu cầu",
                      "Thiếu giấy tờ chứng minh nơi cư trú", "Bản chụp giấy tờ không rõ nét"]
REASONS_EXTEND = ["Cần xác minh thông tin tại nơi cư trú trước đây", "Chờ ý kiến của cơ quan cấp tỉnh",
                  "Mất điện kéo dài, chưa tra cứu được cơ sở dữ liệu"]


@dataclass(frozen=True)
class DemoResult:
    context: CounterContext
    dossiers: int
    passwords: dict[str, str]


def _person(rng: random.Random) -> ApplicantInput:
    male = rng.random() < 0.5
    name = " ".join([rng.choice(FAMILY), rng.choice(MIDDLE_MALE if male else MIDDLE_FEMALE),
                     rng.choice(GIVEN_MALE if male else GIVEN_FEMALE)])
    birth = date(rng.randint(1950, 2006), rng.randint(1, 12), rng.randint(1, 28))
    century_gender = (0 if birth.year < 2000 else 2) + (0 if male else 1)
    id_number = f"{rng.choice(PROVINCE_CODES)}{century_gender}{birth.year % 100:02d}{rng.randint(0, 999999):06d}"
    phone = f"0{rng.choice(['3', '8', '9', '7'])}{rng.randint(10_000_000, 99_999_999)}"
    return ApplicantInput(
        full_name=name,
        id_number=id_number,
        birth_date=birth,
        gender="male" if male else "female",
        phone=phone if rng.random() < 0.85 else "",
        address=f"{rng.choice(HAMLETS)}, xã Mường Lát, tỉnh Thanh Hóa",
    )


def _working_moment(rng: random.Random, day: date) -> datetime:
    minutes = rng.choice([rng.randint(7 * 60 + 30, 11 * 60 + 20), rng.randint(13 * 60 + 30, 16 * 60 + 50)])
    return datetime.combine(day, time(minutes // 60, minutes % 60), VN_TZ)


def create_demo(db: Database, *, dossiers: int = 2000, seed: int = 2026, now: datetime | None = None) -> DemoResult:
    """Set up the demo unit and fill it with `dossiers` dossiers received over the past 12 months."""
    rng = random.Random(seed)
    now = now or vn_now()
    result = initialize(db, DEMO_UNIT, NewUser("admin", "Lò Văn Quản", "admin", DEMO_PASSWORDS["admin"]), demo=True)
    ctx = result.context
    with db.write() as session:
        clerks = []
        for username, full_name, role in (("canbo1", "Hà Thị Thu Hương", "clerk"),
                                          ("canbo2", "Lương Văn Đức", "clerk"),
                                          ("lanhdao", "Phạm Ngọc Ánh", "leader")):
            user = create_user_in_session(session, NewUser(username, full_name, role, DEMO_PASSWORDS[username]))
            clerks.append(Actor(user.id, user.username, user.full_name, Role(user.role)))
    clerk_pool, leader = clerks[:2], clerks[2]
    procedures = procedures_in_force(db, now.date())
    weights = [12 if p.field in ("Chứng thực", "Hộ tịch") else 3 for p in procedures]
    calendar = ctx.calendar
    start = now.date() - timedelta(days=365)
    days = [start + timedelta(days=i) for i in range(366) if calendar.is_counting_day(start + timedelta(days=i))]
    days = [d for d in days if d <= now.date()]
    moments = sorted(_working_moment(rng, rng.choice(days)) for _ in range(dossiers))
    moments = [m if m < now else now - timedelta(minutes=rng.randint(5, 120)) for m in moments]
    moments.sort()
    with db.write() as session:
        # Strong references keep these rows in the session's (weak) identity map: no reload per dossier.
        pinned = [session.get(Node, ctx.node_id), *session.execute(select(Procedure)).scalars()]
        for received_at in moments:
            procedure = rng.choices(procedures, weights)[0]
            clerk = rng.choice(clerk_pool)
            applicant = _person(rng)
            submitter = None
            if rng.random() < 0.12:
                other = _person(rng)
                submitter = SubmitterInput(other.full_name, other.id_number, other.phone)
            request = IntakeRequest(
                procedure_code=procedure.code,
                applicant=applicant,
                documents=tuple(DocumentInput(n, f, c) for n, f, c, mandatory in procedure.documents if mandatory),
                submitter=submitter,
                sets_count=1 if rng.random() < 0.9 else 2,
                channel="direct" if rng.random() < 0.93 else "post",
                delivery="counter" if rng.random() < 0.9 else "post",
                delivery_address=applicant.address,
            )
            receipt = receive_in_session(session, ctx, clerk, request, at=received_at)
            _play_life(session, ctx, rng, receipt.dossier.id, receipt.dossier.promised_due_at, received_at, now,
                       clerk, leader, procedure.handling_level == "upward")
        del pinned
    return DemoResult(ctx, dossiers, dict(DEMO_PASSWORDS))


def _play_life(session, ctx, rng, dossier_id, due, received_at, now, clerk, leader, upward) -> None:  # type: ignore[no-untyped-def]
    """Move a dossier through a plausible life, stopping at `now`: older ones are mostly finished."""
    age_days = (now - received_at).days
    t = received_at

    def later(hours: float) -> datetime | None:
        nonlocal t
        t = t + timedelta(hours=hours)
        return t if t < now else None

    def go(hours: float, action, *args, actor: Actor = clerk, **kwargs) -> bool:  # type: ignore[no-untyped-def]
        nonlocal due
        when = later(hours)
        if when is None:
            return False
        view = action(ctx, actor, dossier_id, *args, at=when, session=session, **kwargs)
        due = view.current_due_at or due
        return True

    if rng.random() < 0.03 and age_days > 2:
        go(20, actions.withdraw, "Công dân xin rút hồ sơ để bổ sung giấy tờ khác")
        return
    if age_days < 3 and rng.random() < 0.4:
        return  # just received, not yet handed to the specialist
    if not go(0.5, actions.forward, rng.choice(HANDLERS), upward=upward):
        return
    if rng.random() < 0.12:
        if not go(rng.uniform(2, 30), actions.request_supplement, rng.choice(REASONS_SUPPLEMENT)):
            return
        if rng.random() < 0.15:  # some citizens never come back: still waiting
            return
        if not go(rng.uniform(24, 24 * 7), actions.record_supplement):
            return
    if rng.random() < 0.01:
        go(24, actions.refuse, "Hồ sơ không thuộc thẩm quyền giải quyết của xã")
        return
    if rng.random() < 0.01:
        go(24, actions.stop, "Công dân đề nghị dừng giải quyết", actor=leader)
        return
    due_hours = max(1.0, (due - t).total_seconds() / 3600)
    late = rng.random() < 0.08
    if late and rng.random() < 0.5:
        new_due = due + timedelta(days=rng.randint(3, 10))
        if not go(due_hours * 0.8, actions.extend, new_due, rng.choice(REASONS_EXTEND), actor=leader):
            return
    if age_days < 10 and rng.random() < 0.5:
        return  # recent dossiers still in processing
    ready_after = due_hours * (rng.uniform(1.05, 2.5) if late else rng.uniform(0.1, 0.95))
    if not go(ready_after, actions.mark_result_ready):
        return
    if age_days < 20 and rng.random() < 0.3:
        return  # results waiting to be collected
    satisfaction = rng.choices(["hai_long", "binh_thuong", "khong_hai_long", ""], [70, 15, 3, 12])[0]
    go(rng.uniform(1, 72), actions.return_result, rng.choice(["Người nộp hồ sơ", "Người được ủy quyền"]),
       satisfaction=satisfaction)
