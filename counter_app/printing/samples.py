"""Realistic sample data for every form, for previews, docs/forms and tests.

`sample(form_id)` gives an ordinary case; `stress(form_id)` the hard one: a 60-character name with
stacked diacritics, a 200-character address and, for the slip, 40 documents.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime, timedelta

from counter_app.printing.data import (
    ApologyExtensionData,
    ControlSheetData,
    CopyLabel,
    Delivery,
    DeliveryMethod,
    DocumentRow,
    FormData,
    FormId,
    HandoverStep,
    LedgerData,
    LedgerEntry,
    Person,
    RejectionData,
    SlipData,
    StopNoticeData,
    SupplementItem,
    SupplementRequestData,
    UnitHeader,
)
from counter_app.printing.textfmt import VN_TZ

CODE = "000.17.22.H56-261123-0007"

# Exactly 60 characters; every name part carries a tone mark, most on a circumflex, breve or horn.
LONG_NAME = "Tôn Nữ Huỳnh Thị Ngọc Ẩn Phượng Khuyết Hoàng Dưỡng Ửng Ợt Ậu"
# Exactly 200 characters.
LONG_ADDRESS = (
    "Số nhà 123/45/67 hẻm 890 đường Nguyễn Thị Minh Khai, tổ dân phố số 12, khu phố Ấp Bắc Thượng, "
    "thôn Đồng Quằn Hạ, phường Nghĩa Thắng Đông, tỉnh Quảng Ngãi "
    "(gần chợ Ượng, cạnh trường mầm non Hoa Sen 12)"
)


def _at(day: int, hour: int, minute: int, month: int = 11, year: int = 2026) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=VN_TZ)


def unit() -> UnitHeader:
    return UnitHeader(
        parent_body="Ủy ban nhân dân xã Đông Tiến",
        unit_name="Trung tâm Phục vụ hành chính công xã Đông Tiến",
        place_name="Đông Tiến",
        phone="0237 3612 345",
        address="Thôn Phú Thọ, xã Đông Tiến, tỉnh Thanh Hóa",
    )


def applicant() -> Person:
    return Person(
        name="Nguyễn Văn Đức",
        address="Thôn Phú Thọ 2, xã Đông Tiến, tỉnh Thanh Hóa",
        phone="0912 345 678",
        email="nvduc@example.vn",
        id_number="038086001234",
    )


def long_applicant() -> Person:
    return Person(
        name=LONG_NAME,
        address=LONG_ADDRESS,
        phone="0987 654 321",
        email="tonnu.an@example.vn",
        id_number="051190009876",
    )


DOCUMENTS = (
    DocumentRow("Tờ khai đăng ký khai sinh (theo mẫu)", "Bản chính", 1),
    DocumentRow("Giấy chứng sinh do cơ sở y tế cấp", "Bản chính", 1),
    DocumentRow("Giấy tờ tùy thân của người đi đăng ký khai sinh", "Bản sao", 1, "Xuất trình bản chính"),
    DocumentRow("Giấy chứng nhận kết hôn của cha, mẹ trẻ", "Bản chụp", 1, "Đối chiếu bản chính"),
)


DOCUMENT_NAMES = (
    "Tờ khai đăng ký khai sinh (theo mẫu)",
    "Giấy chứng sinh do cơ sở khám bệnh, chữa bệnh cấp",
    "Văn bản ủy quyền đăng ký khai sinh có chứng thực",
    "Giấy chứng nhận kết hôn của cha, mẹ trẻ",
    "Văn bản xác nhận nơi cư trú của người mẹ do Công an xã cấp",
    "Biên bản xác nhận việc trẻ bị bỏ rơi",
    "Giấy tờ chứng minh quan hệ nhân thân với người được khai",
    "Tờ khai thay đổi thông tin cư trú",
)


def many_documents(count: int) -> tuple[DocumentRow, ...]:
    """`count` rows of realistic length (36–60 characters), each name unique."""
    kinds = ("Bản chính", "Bản sao có chứng thực", "Bản chụp", "Bản sao")
    return tuple(
        DocumentRow(
            f"{DOCUMENT_NAMES[i % len(DOCUMENT_NAMES)]} – số {i:02d}",
            kinds[i % 4],
            1 + i % 3,
            "Đối chiếu bản chính" if i % 4 == 2 else "",
        )
        for i in range(1, count + 1)
    )


def slip() -> SlipData:
    return SlipData(
        unit=unit(),
        dossier_code=CODE,
        applicant=applicant(),
        procedure_name="Đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi",
        documents=DOCUMENTS,
        sets_count=1,
        processing_time="03 ngày làm việc",
        received_at=_at(23, 8, 30),
        due_at=_at(26, 14, 0),
        receiver_name="Trần Thị Ngọc Ánh",
        submitter=Person(name="Lê Thị Hường", phone="0905 111 222", id_number="038190004321"),
        delivery=Delivery(DeliveryMethod.COUNTER),
        fee=8000,
        ledger_book=3,
        ledger_ordinal=1257,
        copy_label=CopyLabel.APPLICANT,
    )


def supplement_request() -> SupplementRequestData:
    return SupplementRequestData(
        unit=unit(),
        dossier_code=CODE,
        applicant=applicant(),
        procedure_name="Đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi",
        items=(
            SupplementItem("Bổ sung bản chính Giấy chứng sinh (bản đã nộp bị tẩy xóa ngày sinh)"),
            SupplementItem("Ghi đầy đủ mục quê quán của mẹ trong Tờ khai", "Theo sổ hộ khẩu cũ"),
            SupplementItem("Bổ sung văn bản ủy quyền có chứng thực của người được ủy quyền nộp hồ sơ"),
        ),
        issued_at=_at(23, 9, 15),
        guide_name="Trần Thị Ngọc Ánh",
        contact_name="Phạm Quốc Hưng (công chức Tư pháp - Hộ tịch)",
        contact_phone="0237 3612 346",
        reason="Hồ sơ chưa đủ thành phần theo quy định của thủ tục",
        doc_number="125",
    )


def rejection() -> RejectionData:
    return RejectionData(
        unit=unit(),
        dossier_code=CODE,
        applicant=applicant(),
        procedure_name="Cấp bản sao trích lục hộ tịch",
        reasons=(
            "Yêu cầu không thuộc thẩm quyền giải quyết của Ủy ban nhân dân cấp xã nơi tiếp nhận.",
            "Sổ hộ tịch gốc đang lưu tại Ủy ban nhân dân tỉnh; đề nghị Ông/Bà nộp hồ sơ tại Sở Tư pháp.",
        ),
        issued_at=_at(23, 10, 5),
        receiver_name="Trần Thị Ngọc Ánh",
        doc_number="",
    )


def apology_extension() -> ApologyExtensionData:
    return ApologyExtensionData(
        unit=unit(),
        dossier_code=CODE,
        applicant=applicant(),
        procedure_name="Đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi",
        received_at=_at(23, 8, 30),
        due_at=_at(26, 14, 0),
        new_due_at=_at(1, 14, 0, month=12),
        reason="Cơ quan bảo hiểm xã hội cần xác minh thêm thông tin nơi cư trú của trẻ.",
        issued_at=_at(26, 10, 0),
        signer_title="GIÁM ĐỐC",
        signer_name="Lê Minh Tuấn",
        responsible_unit="Bảo hiểm xã hội cơ sở",
        recipients=("Chủ tịch UBND xã (để báo cáo)",),
        doc_number="57",
    )


def stop_notice() -> StopNoticeData:
    return StopNoticeData(
        unit=unit(),
        dossier_code=CODE,
        applicant=applicant(),
        procedure_name="Đăng ký kết hôn",
        received_at=_at(23, 8, 30),
        reason="Người yêu cầu đã có đơn đề nghị rút hồ sơ ngày 24/11/2026.",
        issued_at=_at(25, 15, 0),
        signer_title="GIÁM ĐỐC",
        signer_name="Lê Minh Tuấn",
        legal_basis="Nghị định số 118/2025/NĐ-CP ngày 09/6/2025 của Chính phủ",
        recipients=("Công chức Tư pháp - Hộ tịch",),
        doc_number="58",
    )


def control_sheet() -> ControlSheetData:
    return ControlSheetData(
        unit=unit(),
        dossier_code=CODE,
        applicant_name="Nguyễn Văn Đức",
        procedure_name="Đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi",
        received_at=_at(23, 8, 30),
        due_at=_at(26, 14, 0),
        steps=(
            HandoverStep(
                "Bộ phận Một cửa",
                "Công chức Tư pháp - Hộ tịch",
                _at(23, 9, 0),
                "",
                "",
                "Trần Thị Ngọc Ánh",
                "Phạm Quốc Hưng",
            ),
            HandoverStep(
                "Công chức Tư pháp - Hộ tịch",
                "Lãnh đạo UBND xã",
                _at(24, 15, 30),
                "Trước hạn",
                "",
                "Phạm Quốc Hưng",
                "Lê Minh Tuấn",
            ),
            HandoverStep(
                "Lãnh đạo UBND xã",
                "Bộ phận Một cửa",
                _at(25, 10, 0),
                "Trước hạn",
                "Đã ký",
                "Lê Minh Tuấn",
                "Trần Thị Ngọc Ánh",
            ),
        ),
        blank_rows=1,
    )


LEDGER_PROCEDURES = (
    ("Đăng ký khai sinh", "UBND xã Đông Tiến", 3),
    ("Chứng thực bản sao từ bản chính giấy tờ, văn bản", "UBND xã Đông Tiến", 0),
    ("Đăng ký thường trú", "Công an xã Đông Tiến", 7),
    ("Cấp giấy chứng nhận quyền sử dụng đất lần đầu", "Văn phòng đăng ký đất đai tỉnh", 20),
)
LEDGER_NAMES = (
    "Nguyễn Văn Đức",
    "Lê Thị Hường",
    "Hoàng Thị Ánh Tuyết",
    "Phạm Quốc Hưng",
    "Đỗ Ngọc Ẩn",
    "Trịnh Văn Thưởng",
    LONG_NAME,
)


def ledger_entries(count: int, start: datetime | None = None) -> tuple[LedgerEntry, ...]:
    start = start or _at(2, 7, 45)
    entries = []
    for i in range(count):
        received = start + timedelta(days=i // 6, minutes=35 * (i % 6))
        name, agency, days = LEDGER_PROCEDURES[i % len(LEDGER_PROCEDURES)]
        due = received + timedelta(days=days, hours=4)
        done = i % 5 != 4
        entries.append(
            LedgerEntry(
                ordinal=i + 1,
                dossier_code=f"000.17.22.H56-{received:%y%m%d}-{i % 6 + 1:04d}",
                procedure_name=name,
                sets_count=1 + (i % 7 == 3),
                applicant_name=LEDGER_NAMES[i % len(LEDGER_NAMES)],
                address_phone=(LONG_ADDRESS if i % 13 == 6 else f"Thôn Phú Thọ {1 + i % 4}, xã Đông Tiến")
                + f"; 09{i:02d} 345 678",
                handling_agency=agency,
                received_at=received,
                due_at=due,
                transferred_at=received + timedelta(hours=1) if days else None,
                result_received_at=due - timedelta(hours=2) if done and days else None,
                returned_at=due if done else None,
                note="Trả qua bưu chính" if i % 9 == 2 else "",
            )
        )
    return tuple(entries)


def ledger(entries: int = 60) -> LedgerData:
    return LedgerData(
        unit=unit(),
        date_from=date(2026, 11, 2),
        date_to=date(2026, 11, 30),
        entries=ledger_entries(entries),
        printed_at=_at(30, 16, 30),
        book=3,
    )


SAMPLES: dict[FormId, Callable[[], FormData]] = {
    FormId.SLIP: slip,
    FormId.SUPPLEMENT_REQUEST: supplement_request,
    FormId.REJECTION: rejection,
    FormId.APOLOGY_EXTENSION: apology_extension,
    FormId.STOP_NOTICE: stop_notice,
    FormId.CONTROL_SHEET: control_sheet,
    FormId.LEDGER: ledger,
}


def sample(form_id: FormId) -> FormData:
    return SAMPLES[FormId(form_id)]()


def stress(form_id: FormId, documents: int = 40) -> FormData:
    """The sample with a 60-character name, a 200-character address and long lists."""
    form_id = FormId(form_id)
    base = sample(form_id)
    person = long_applicant()
    if form_id == FormId.SLIP:
        return replace(
            base,
            applicant=person,
            submitter=Person("Âu Dương Thị Ngọc Hạnh", phone="0905 111 222"),
            documents=many_documents(documents),
            delivery=Delivery(DeliveryMethod.POST, LONG_ADDRESS),
            fee=1_250_000,
        )
    if form_id == FormId.CONTROL_SHEET:
        return replace(base, applicant_name=LONG_NAME, blank_rows=2)
    if form_id == FormId.LEDGER:
        return ledger(entries=documents * 3)
    return replace(base, applicant=person)
