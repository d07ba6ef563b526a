"""Vietnamese text of the reports: periods, Biểu 06 (TT 01/2020/TT-VPCP), the Sổ theo dõi, the dashboard
and the follow-up lists."""

from __future__ import annotations

# --- periods ---------------------------------------------------------------------------------------
ROMAN = ("", "I", "II", "III", "IV")
PERIOD_MONTH = "Tháng {month} năm {year}"
PERIOD_QUARTER = "Quý {quarter} năm {year}"
PERIOD_HALF = "6 tháng đầu năm {year}"
PERIOD_NINE = "9 tháng năm {year}"
PERIOD_YEAR = "Năm {year}"
PERIOD_RANGE = "Từ ngày {start} đến ngày {end}"
PERIOD_REVERSED = "Kỳ báo cáo không hợp lệ: ngày bắt đầu {start} sau ngày kết thúc {end}."
PERIOD_UNKNOWN = (
    "Không hiểu kỳ báo cáo «{spec}». Ví dụ: 2026-07 (tháng), 2026-Q3 (quý), 2026-6M (6 tháng), "
    "2026-9M (9 tháng), 2026 (năm), hoặc 2026-01-15..2026-02-14."
)
CUTOFF_INVALID = (
    "Ngày chốt số liệu «{value}» không hợp lệ: dùng 15 (từ ngày 15 tháng trước đến ngày 14) hoặc calendar."
)

# --- Biểu 06 ---------------------------------------------------------------------------------------
BIEU06_FORM = "Biểu số 06/VPCP/KSTT"
BIEU06_BASIS = "Ban hành kèm theo Thông tư số 01/2020/TT-VPCP ngày 21/10/2020"
BIEU06_TITLE = (
    "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH TẠI CƠ QUAN, ĐƠN VỊ TRỰC TIẾP GIẢI QUYẾT "
    "THỦ TỤC HÀNH CHÍNH"
)
BIEU06_PERIOD = "Kỳ báo cáo: {period}"
BIEU06_REPORTING_UNIT = "Đơn vị báo cáo: {name}"
BIEU06_RECEIVING_UNIT = "Đơn vị nhận báo cáo: {name}"
BIEU06_UNIT_OF_COUNT = "Đơn vị tính: Số hồ sơ TTHC"
COL_NO = "STT"
COL_FIELD = "Lĩnh vực, công việc giải quyết theo cấp"
COL_COMMUNE = "Đơn vị (xã, phường)"
GROUP_RECEIVED = "Số hồ sơ nhận giải quyết"
GROUP_RESOLVED = "Số hồ sơ đã giải quyết"
GROUP_OPEN = "Số hồ sơ đang giải quyết"
COL_TOTAL = "Tổng số"
COL_OF_WHICH = "Trong đó"
COL_ONLINE = "Trực tuyến"
COL_DIRECT = "Trực tiếp, dịch vụ bưu chính"
COL_CARRIED = "Từ kỳ trước"
COL_EARLY = "Trước hạn"
COL_ON_TIME = "Đúng hạn"
COL_LATE = "Quá hạn"
COL_WITHIN = "Trong hạn"
COL_OVERDUE = "Quá hạn"
TOTAL_ROW = "Tổng cộng"
NO_FIELD = "(Chưa phân loại lĩnh vực)"
ON_TIME_RATE = "Tỉ lệ giải quyết đúng hạn: {rate}"
ON_TIME_RATE_NONE = "Tỉ lệ giải quyết đúng hạn: không có hồ sơ"
SIGN_PREPARER = "NGƯỜI LẬP BIỂU"
SIGN_HEAD = "THỦ TRƯỞNG ĐƠN VỊ"
SIGN_HINT = "(Ký, ghi rõ họ tên)"
SIGN_HEAD_HINT = "(Ký, ghi rõ họ tên, đóng dấu)"
DATE_LINE = "{place}, ngày {day} tháng {month} năm {year}"
GENERATED_NOTE = "Số liệu lập lúc {at} từ phần mềm Một cửa; đối chiếu thời hạn theo {granularity}."
GRANULARITY = {"day": "ngày", "minute": "phút"}
SHEET_BIEU06 = "Biểu 06"

# --- Sổ theo dõi hồ sơ -----------------------------------------------------------------------------
LEDGER_TITLE = "SỔ THEO DÕI HỒ SƠ"
LEDGER_SHEET = "Sổ theo dõi"
LEDGER_COLUMNS = (
    "TT",
    "Mã hồ sơ",
    "Tên TTHC",
    "Số lượng hồ sơ (bộ)",
    "Tên cá nhân, tổ chức",
    "Địa chỉ, số điện thoại",
    "Cơ quan chủ trì giải quyết",
    "Nhận hồ sơ",
    "Hẹn trả kết quả",
    "Chuyển hồ sơ đến cơ quan giải quyết",
    "Nhận kết quả từ cơ quan giải quyết",
    "Trả kết quả cho cá nhân, tổ chức",
    "Ký nhận",
    "Ghi chú",
)
LEDGER_DATES_GROUP = "Ngày, tháng, năm"
LEDGER_TOTAL = "Tổng số: {count} hồ sơ"
LEDGER_NOTE_EXTENDED = "Hẹn lại: {date}"
LEDGER_NOTE_STATE = {
    "refused": "Từ chối giải quyết",
    "stopped": "Dừng giải quyết",
    "withdrawn": "Công dân rút hồ sơ",
    "awaiting_supplement": "Chờ bổ sung",
}
LEDGER_NOTE_ONLINE = "Nộp trực tuyến"
LEDGER_NOTE_POST = "Qua bưu chính"

# --- dashboard ---------------------------------------------------------------------------------------
DASH_TITLE = "Tình hình hôm nay, {date}"
DASH_RECEIVED_TODAY = "Tiếp nhận hôm nay"
DASH_DUE_TODAY = "Đến hạn hôm nay"
DASH_OVERDUE = "Quá hạn"
DASH_DUE_SOON = "Sắp đến hạn"
DASH_AWAITING = "Chờ bổ sung"
DASH_READY = "Có kết quả, chưa trả"
DASH_RATE_MONTH = "Đúng hạn tháng này"
DASH_RATE_QUARTER = "Đúng hạn quý này"
DASH_CHART_TITLE = "12 tháng gần nhất: số hồ sơ tiếp nhận và tỉ lệ đúng hạn"
DASH_CHART_VOLUME = "Hồ sơ tiếp nhận"
DASH_CHART_RATE = "Tỉ lệ đúng hạn"
DASH_OVERDUE_LIST = "Hồ sơ quá hạn"
DASH_NO_OVERDUE = "Không có hồ sơ quá hạn."
DASH_REFRESH = "Làm mới"
DASH_LOADING = "Đang tải số liệu…"
DASH_LOAD_FAILED = "Không tải được số liệu: {error}"
DASH_OVERDUE_COLUMNS = ("Mã hồ sơ", "Người nộp", "Thủ tục", "Người xử lý", "Hạn giải quyết", "Quá hạn")
DASH_DAYS_LATE = "{days} ngày"
DASH_EXTENDED_TO = "gia hạn đến {date}"
NO_HANDLER = "(Chưa chuyển xử lý)"
RATE_NONE = "—"
MONTH_SHORT = "T{month}/{year2:02d}"

# --- follow-up lists -------------------------------------------------------------------------------
FOLLOW_OVERDUE_BY_HANDLER = "Hồ sơ quá hạn theo người xử lý (đến {at})"
FOLLOW_EXTENDED = "Hồ sơ gia hạn, hẹn lại từ {times} lần trở lên"
FOLLOW_RETURNING = "Công dân đi lại quá {times} lần cho cùng một thủ tục"
FOLLOW_FEES = "Phí, lệ phí thu được"
FOLLOW_SATISFACTION = "Mức độ hài lòng"
SATISFACTION_LABELS = {
    "hai_long": "Hài lòng",
    "binh_thuong": "Bình thường",
    "khong_hai_long": "Không hài lòng",
    "": "Không đánh giá",
}
FOLLOW_NONE = "(không có)"

# --- CLI ---------------------------------------------------------------------------------------------
HELP_REPORT = "báo cáo: Biểu 06, sổ theo dõi hồ sơ, tình hình hôm nay, danh sách theo dõi"
HELP_BIEU06 = "Biểu 06/VPCP/KSTT cho một kỳ báo cáo"
HELP_LEDGER = "Sổ theo dõi hồ sơ cho một khoảng ngày"
HELP_DASHBOARD = "tình hình hôm nay (như màn hình đầu ngày)"
HELP_FOLLOWUP = (
    "danh sách theo dõi: quá hạn theo người xử lý, gia hạn nhiều lần, đi lại nhiều lần, phí, hài lòng"
)
HELP_PERIOD = "kỳ báo cáo: 2026-07, 2026-Q3, 2026-6M, 2026-9M, 2026 hoặc 2026-01-15..2026-02-14"
HELP_CUTOFF = "ngày chốt số liệu: 15 (mặc định, từ ngày 15 tháng trước đến ngày 14) hoặc calendar"
HELP_AGENCY = "chỉ tính hồ sơ của một đơn vị (mã định danh), dùng ở cấp tỉnh"
HELP_BY = "dòng của biểu: theo lĩnh vực (field) hoặc theo đơn vị (agency)"
HELP_URL = "địa chỉ cơ sở dữ liệu (ví dụ PostgreSQL ở cấp tỉnh) thay cho --db"
HELP_XLSX = "ghi ra tệp Excel (.xlsx)"
HELP_PDF = "ghi ra tệp PDF"
WROTE_FILE = "Đã ghi {path}"
