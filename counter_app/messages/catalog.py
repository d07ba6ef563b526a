"""Vietnamese text for the procedure catalogue: column labels, value labels and import errors."""

from __future__ import annotations

# What each column of the catalogue file means; the import also accepts these labels as headers.
COLUMN_LABELS: dict[str, str] = {
    "code": "Mã thủ tục",
    "name": "Tên thủ tục",
    "field": "Lĩnh vực",
    "time_value": "Thời hạn giải quyết",
    "time_unit": "Đơn vị thời hạn",
    "mountain_extra_days": "Số ngày cộng thêm cho xã miền núi",
    "fee": "Lệ phí (đồng)",
    "fee_note": "Ghi chú lệ phí",
    "handling_level": "Cấp giải quyết",
    "clock_mode": "Thời hạn khi bổ sung hồ sơ",
    "effective_from": "Hiệu lực từ ngày",
    "effective_to": "Hiệu lực đến ngày",
    "legal_basis": "Căn cứ pháp lý",
    "documents": "Thành phần hồ sơ",
    "note": "Ghi chú",
}

TIME_UNIT_LABELS: dict[str, str] = {
    "working_days": "ngày làm việc",
    "calendar_days": "ngày",
    "same_day": "trong ngày",
}

HANDLING_LEVEL_LABELS: dict[str, str] = {
    "commune": "Cấp xã giải quyết",
    "upward": "Chuyển cấp trên / liên thông",
}

CLOCK_MODE_LABELS: dict[str, str] = {
    "pause": "Tạm dừng, tính tiếp thời gian đã dùng",
    "restart": "Tính lại từ ngày nhận đủ hồ sơ",
}

# Explanation of the allowed values, shown on the "Hướng dẫn" sheet of an exported workbook.
COLUMN_HELP: dict[str, str] = {
    "code": "Mã TTHC quốc gia (ví dụ 2.000635) hoặc mã nội bộ (ví dụ XA.HT.05). Không trùng, không dấu cách.",
    "name": "Tên đầy đủ của thủ tục.",
    "field": "Lĩnh vực: Hộ tịch, Chứng thực, Đất đai, Kinh doanh, Bảo trợ xã hội, Giảm nghèo…",
    "time_value": "Số nguyên ≥ 0. Thủ tục giải quyết trong ngày ghi 0.",
    "time_unit": "working_days (ngày làm việc), calendar_days (ngày) hoặc same_day "
    "(trong ngày, quy tắc 15 giờ).",
    "mountain_extra_days": "Số ngày cộng thêm cho xã miền núi, biên giới, đặc biệt khó khăn; để trống = 0.",
    "fee": "Số đồng, số nguyên (8000 hoặc 8.000). Miễn phí ghi 0.",
    "fee_note": "Cách tính lệ phí, trường hợp miễn giảm.",
    "handling_level": "commune (cấp xã giải quyết) hoặc upward (chuyển cấp trên / liên thông).",
    "clock_mode": "pause (tạm dừng khi chờ bổ sung) hoặc restart (tính lại từ ngày nhận đủ hồ sơ); "
    "trống = pause.",
    "effective_from": "Ngày bắt đầu hiệu lực, dạng 2025-07-01 hoặc 01/07/2025.",
    "effective_to": "Ngày hết hiệu lực (để trống nếu còn hiệu lực).",
    "legal_basis": "Văn bản quy định.",
    "documents": "Các giấy tờ cách nhau bởi dấu |, mỗi giấy tờ dạng “Tên [hình thức]”, "
    "thêm “x2” nếu cần 2 bản, thêm “(nếu có)” nếu không bắt buộc. "
    "Hình thức: bản chính, bản sao, bản chụp, bản sao có chứng thực.",
    "note": "Ghi chú nội bộ (độ tin cậy của số liệu…).",
}

SHEET_TITLE = "Danh mục thủ tục"
HELP_SHEET_TITLE = "Hướng dẫn"
HELP_HEADER = ("Cột", "Ý nghĩa", "Cách ghi")

# Errors about the file as a whole (reported on row 0).
ERR_FILE_NOT_FOUND = "Không tìm thấy tệp {path}."
ERR_UNSUPPORTED_TYPE = "Chỉ nhận tệp .csv hoặc .xlsx (tệp đã chọn: {name})."
ERR_NOT_UTF8 = "Tệp CSV không ở mã UTF-8. Hãy lưu lại bằng kiểu “CSV UTF-8”."
ERR_BAD_XLSX = "Không đọc được tệp Excel: {detail}"
ERR_NO_HEADER = "Tệp trống: không có dòng tiêu đề."
ERR_NO_ROWS = "Tệp không có thủ tục nào."

# Errors about the header row.
ERR_MISSING_COLUMN = "Thiếu cột bắt buộc “{column}” ({label})."
ERR_UNKNOWN_COLUMN = "Cột “{header}” không thuộc mẫu danh mục thủ tục."
ERR_DUPLICATE_COLUMN = "Cột “{column}” xuất hiện nhiều lần."

# Errors about one cell.
ERR_REQUIRED = "Không được để trống."
ERR_CODE_CHARS = "Mã “{value}” chỉ được gồm chữ cái không dấu, chữ số và các dấu . - _"
ERR_CODE_DUPLICATE = "Mã thủ tục “{code}” trùng với dòng {first_row}."
ERR_NOT_INTEGER = "“{value}” không phải số nguyên."
ERR_NEGATIVE = "Không được là số âm (đang ghi {value})."
ERR_TIME_UNIT = (
    "Đơn vị “{value}” không hợp lệ; dùng working_days (ngày làm việc), calendar_days (ngày) "
    "hoặc same_day (trong ngày)."
)
ERR_SAME_DAY_VALUE = "Thủ tục giải quyết trong ngày phải ghi thời hạn 0 (đang ghi {value})."
ERR_FEE = "Lệ phí “{value}” không hợp lệ; ghi số đồng, ví dụ 8000 hoặc 8.000."
ERR_HANDLING_LEVEL = "Cấp giải quyết “{value}” không hợp lệ; dùng commune (cấp xã) hoặc upward (cấp trên)."
ERR_CLOCK_MODE = "Cách tính “{value}” không hợp lệ; dùng pause (tạm dừng) hoặc restart (tính lại)."
ERR_DATE = "Ngày “{value}” không hợp lệ; ghi theo dạng 2025-07-01 hoặc 01/07/2025."
ERR_DATE_ORDER = "Ngày hết hiệu lực {end} ở trước ngày bắt đầu hiệu lực {start}."
ERR_DOCUMENTS_EMPTY = "Phải có ít nhất một giấy tờ trong thành phần hồ sơ."
ERR_DOCUMENT_SYNTAX = "Giấy tờ thứ {index} “{item}” không đúng dạng “Tên giấy tờ [hình thức] x2”."
ERR_DOCUMENT_FORM = (
    "Giấy tờ thứ {index}: hình thức “{form}” không hợp lệ; dùng bản chính, bản sao, bản chụp "
    "hoặc bản sao có chứng thực."
)
ERR_DOCUMENT_COUNT = "Giấy tờ thứ {index}: số bản phải từ 1 trở lên."

ROW_ERROR = "Dòng {row}, cột {column}: {message}"
FILE_ERROR = "Tệp danh mục: {message}"
DEFAULT_CATALOG_INVALID = "Danh mục thủ tục đi kèm chương trình bị lỗi ({count} lỗi): {first}"
