"""Plain frozen data that the form builders print. No ORM, no Qt.

Every string is normalised to NFC on construction and lists become tuples, so a value can be hashed,
cached and compared with what the PDF text layer gives back. Datetimes must be timezone-aware; they
are printed on the counter's clock (Asia/Ho_Chi_Minh).
"""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from enum import Enum, StrEnum

from counter_app.printing.textfmt import local, nfc


class FormId(StrEnum):
    """Stable identity of a form across circulars (the printed number comes from the wording set)."""

    SLIP = "slip"  # TT 03/2025 Mẫu 01: Giấy tiếp nhận hồ sơ và hẹn trả kết quả
    SUPPLEMENT_REQUEST = "supplement_request"  # Mẫu 02
    REJECTION = "rejection"  # Mẫu 03
    APOLOGY_EXTENSION = "apology_extension"  # Mẫu 04 (TT 01/2018: apology with a new date)
    STOP_NOTICE = "stop_notice"  # Mẫu 05 (new in TT 03/2025)
    CONTROL_SHEET = "control_sheet"  # Mẫu 06 (TT 01/2018: 05)
    LEDGER = "ledger"  # Mẫu 07 (TT 01/2018: 06), A4 landscape


class Paper(StrEnum):
    A4 = "a4"
    A5 = "a5"
    ROLL_80MM = "roll_80mm"  # short receipt variant of the slip only


class DeliveryMethod(StrEnum):
    COUNTER = "counter"
    POST = "post"


class CopyLabel(StrEnum):
    KEPT = "kept"  # liên lưu
    APPLICANT = "applicant"  # liên giao người nộp hồ sơ


def _normalise(obj: object) -> None:
    """NFC every str, turn lists into tuples, refuse naive datetimes (frozen-safe)."""
    for field in dataclasses.fields(obj):  # type: ignore[arg-type]
        value = getattr(obj, field.name)
        if isinstance(value, Enum):
            continue
        if isinstance(value, str):
            object.__setattr__(obj, field.name, nfc(value))
        elif isinstance(value, list | tuple):
            object.__setattr__(obj, field.name, tuple(nfc(v) if isinstance(v, str) else v for v in value))
        elif isinstance(value, datetime):
            local(value)  # raises on naive datetimes


@dataclasses.dataclass(frozen=True)
class UnitHeader:
    """The issuing unit as the NĐ 30/2020 header prints it (names are printed in capitals)."""

    parent_body: str  # cơ quan chủ quản, e.g. "UBND XÃ HÒA PHÚ"
    unit_name: str  # e.g. "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG XÃ HÒA PHÚ"
    place_name: str  # địa danh of the date line, e.g. "Hòa Phú"
    phone: str = ""
    address: str = ""
    number_suffix: str = "TTPVHCC"  # ký hiệu after "Số: …/"

    def __post_init__(self) -> None:
        _normalise(self)


@dataclasses.dataclass(frozen=True)
class Person:
    name: str
    address: str = ""
    phone: str = ""
    email: str = ""
    id_number: str = ""  # số định danh cá nhân (12 digits) or other ID

    def __post_init__(self) -> None:
        _normalise(self)


@dataclasses.dataclass(frozen=True)
class DocumentRow:
    name: str
    form: str = "Bản chính"  # hình thức: bản chính, bản sao, bản chụp…
    count: int = 1
    note: str = ""

    def __post_init__(self) -> None:
        _normalise(self)


@dataclasses.dataclass(frozen=True)
class Delivery:
    method: DeliveryMethod = DeliveryMethod.COUNTER
    address: str = ""  # postal address when by post

    def __post_init__(self) -> None:
        _normalise(self)


@dataclasses.dataclass(frozen=True)
class SlipData:
    """Mẫu 01 Giấy tiếp nhận hồ sơ và hẹn trả kết quả."""

    unit: UnitHeader
    dossier_code: str
    applicant: Person
    procedure_name: str
    documents: tuple[DocumentRow, ...]
    sets_count: int
    processing_time: str  # as the procedure states it, e.g. "05 ngày làm việc"
    received_at: datetime
    due_at: datetime
    receiver_name: str
    submitter: Person | None = None  # the person filing, when not the applicant (ủy quyền)
    delivery: Delivery = Delivery()
    fee: int = 0  # đồng
    ledger_book: int | str = ""
    ledger_ordinal: int | str = ""
    copy_label: CopyLabel | None = CopyLabel.APPLICANT

    def __post_init__(self) -> None:
        _normalise(self)

    @property
    def document_date(self) -> date:
        return local(self.received_at).date()


@dataclasses.dataclass(frozen=True)
class SupplementItem:
    content: str  # what to add or correct
    note: str = ""

    def __post_init__(self) -> None:
        _normalise(self)


@dataclasses.dataclass(frozen=True)
class SupplementRequestData:
    """Mẫu 02 Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ."""

    unit: UnitHeader
    dossier_code: str
    applicant: Person
    procedure_name: str
    items: tuple[SupplementItem, ...]
    issued_at: datetime
    guide_name: str  # người hướng dẫn (the clerk)
    contact_name: str = ""  # official to call while completing the dossier
    contact_phone: str = ""
    reason: str = ""
    doc_number: str = ""  # blank: "Số: ……/ký hiệu" is left for handwriting

    def __post_init__(self) -> None:
        _normalise(self)

    @property
    def document_date(self) -> date:
        return local(self.issued_at).date()


@dataclasses.dataclass(frozen=True)
class RejectionData:
    """Mẫu 03 Phiếu từ chối tiếp nhận giải quyết hồ sơ."""

    unit: UnitHeader
    dossier_code: str
    applicant: Person
    procedure_name: str
    reasons: tuple[str, ...]
    issued_at: datetime
    receiver_name: str
    doc_number: str = ""

    def __post_init__(self) -> None:
        _normalise(self)

    @property
    def document_date(self) -> date:
        return local(self.issued_at).date()


@dataclasses.dataclass(frozen=True)
class ApologyExtensionData:
    """Mẫu 04 Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết."""

    unit: UnitHeader
    dossier_code: str
    applicant: Person
    procedure_name: str
    received_at: datetime
    due_at: datetime  # the date promised on the slip
    new_due_at: datetime  # the proposed (extended) return date
    reason: str
    issued_at: datetime
    signer_title: str  # e.g. "GIÁM ĐỐC"
    signer_name: str
    responsible_unit: str = ""  # the body that caused the delay, when named
    recipients: tuple[str, ...] = ()  # nơi nhận, besides the applicant
    doc_number: str = ""

    def __post_init__(self) -> None:
        _normalise(self)

    @property
    def document_date(self) -> date:
        return local(self.issued_at).date()


@dataclasses.dataclass(frozen=True)
class StopNoticeData:
    """Mẫu 05 Thông báo dừng giải quyết hồ sơ."""

    unit: UnitHeader
    dossier_code: str
    applicant: Person
    procedure_name: str
    received_at: datetime
    reason: str
    issued_at: datetime
    signer_title: str
    signer_name: str
    legal_basis: str = ""
    recipients: tuple[str, ...] = ()
    doc_number: str = ""

    def __post_init__(self) -> None:
        _normalise(self)

    @property
    def document_date(self) -> date:
        return local(self.issued_at).date()


@dataclasses.dataclass(frozen=True)
class HandoverStep:
    """One row of the control sheet: who handed the dossier to whom, when, and how it stood."""

    giver_unit: str
    receiver_unit: str
    handed_at: datetime | None = None  # None: left blank for handwriting
    result: str = ""  # Trước hạn / Đúng hạn / Quá hạn
    note: str = ""
    giver_name: str = ""
    receiver_name: str = ""

    def __post_init__(self) -> None:
        _normalise(self)


@dataclasses.dataclass(frozen=True)
class ControlSheetData:
    """Mẫu 06 Phiếu kiểm soát quá trình giải quyết hồ sơ."""

    unit: UnitHeader
    dossier_code: str
    applicant_name: str
    procedure_name: str
    received_at: datetime
    due_at: datetime
    steps: tuple[HandoverStep, ...]
    blank_rows: int = 0  # empty rows appended for steps not yet made

    def __post_init__(self) -> None:
        _normalise(self)

    @property
    def document_date(self) -> date:
        return local(self.received_at).date()


@dataclasses.dataclass(frozen=True)
class LedgerEntry:
    ordinal: int | str
    dossier_code: str
    procedure_name: str
    sets_count: int
    applicant_name: str
    address_phone: str
    handling_agency: str  # cơ quan chủ trì giải quyết
    received_at: datetime
    due_at: datetime
    transferred_at: datetime | None = None  # chuyển hồ sơ đến cơ quan giải quyết
    result_received_at: datetime | None = None  # nhận kết quả từ cơ quan giải quyết
    returned_at: datetime | None = None  # trả kết quả cho cá nhân, tổ chức
    note: str = ""

    def __post_init__(self) -> None:
        _normalise(self)


@dataclasses.dataclass(frozen=True)
class LedgerData:
    """Mẫu 07 Sổ theo dõi hồ sơ for a date range (A4 landscape, many pages)."""

    unit: UnitHeader
    date_from: date
    date_to: date
    entries: tuple[LedgerEntry, ...]
    printed_at: datetime
    book: int | str = ""

    def __post_init__(self) -> None:
        _normalise(self)
        if self.date_to < self.date_from:
            raise ValueError("ledger date range is reversed")

    @property
    def document_date(self) -> date:
        return self.date_to


FormData = (
    SlipData
    | SupplementRequestData
    | RejectionData
    | ApologyExtensionData
    | StopNoticeData
    | ControlSheetData
    | LedgerData
)


@dataclasses.dataclass(frozen=True)
class PrintRecord:
    """What a successful print reports, for the dossier event log."""

    form_id: FormId
    copies: int
    reprint_reason: str | None
    printer_name: str
