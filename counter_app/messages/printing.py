"""Vietnamese text of the print preview and printing (form wording itself is in resources/forms)."""

from __future__ import annotations

from counter_app.printing.data import Paper

PREVIEW_TITLE = "Xem trước và in: {title}"
PRINTER_LABEL = "Máy in:"
PAPER_LABEL = "Khổ giấy:"
COPIES_LABEL = "Số bản:"
REPRINT_REASON_LABEL = "Lý do in lại:"
REPRINT_REASON_PLACEHOLDER = "Ví dụ: công dân làm mất giấy hẹn"
PRINT_BUTTON = "In"
SAVE_PDF_BUTTON = "Lưu PDF…"
CLOSE_BUTTON = "Đóng"
PREVIOUS_PAGE = "◀ Trang trước"
NEXT_PAGE = "Trang sau ▶"
PAGE_OF = "Trang {page}/{pages}"
NO_PRINTER = "(Không tìm thấy máy in)"
SAVE_DIALOG_TITLE = "Lưu bản PDF"
SAVE_DIALOG_FILTER = "Tệp PDF (*.pdf)"

PAPER_NAMES = {
    Paper.A4: "A4",
    Paper.A5: "A5",
    Paper.ROLL_80MM: "Giấy cuộn 80 mm (phiếu ngắn)",
}

PRINTED = "Đã in {copies} bản trên máy in {printer}."
PRINTED_NOT_RECORDED = (
    "Đã in {copies} bản nhưng chưa ghi được việc in vào hồ sơ: {error}. Hãy báo cho quản trị viên."
)
PRINT_FAILED = "In không thành công: {reason} Việc in chưa được ghi vào hồ sơ."
REASON_NO_PRINTER = "máy tính chưa có máy in nào. Hãy cài máy in hoặc dùng nút «Lưu PDF»."
REASON_PRINTER_NOT_READY = (
    "không mở được máy in «{printer}» (máy in tắt, hết giấy hoặc sai trình điều khiển)."
)
REASON_PAGE_FAILED = "máy in «{printer}» báo lỗi khi in trang {page}."
REASON_FINISH_FAILED = "máy in «{printer}» báo lỗi khi kết thúc lệnh in."
REASON_BAD_DOCUMENT = "không đọc được bản in đã tạo ({error})."
REPRINT_REASON_REQUIRED = "Đây là lần in lại: hãy nhập lý do in lại trước khi in."
BUILD_FAILED = "Không tạo được bản in: {error}"
SAVED = "Đã lưu tệp PDF: {path}"
SAVE_FAILED = "Không lưu được tệp PDF: {error}"

# Mẫu 02/03 handed over at intake: the dossier was not received, so it has no code and no barcode.
CODE_NOT_ISSUED = "(chưa cấp — hồ sơ chưa được tiếp nhận)"
