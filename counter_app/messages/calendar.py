"""Vietnamese text for the working calendar, due dates, the clock and timeliness.

Formatting helpers live here too: how a date or a range of dates reads on the clerk's screen and on the
slip is wording, not a rule.
"""

from __future__ import annotations

from datetime import date, datetime, time

WEEKDAY_NAMES = ("thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật")
RANGE_DASH = "–"

# --- labels of days off -----------------------------------------------------------------------------
WEEKEND_LABEL = "nghỉ cuối tuần"
TET_NGUYEN_DAN = "Tết Nguyên đán"
CULTURE_DAY = "Ngày Văn hóa Việt Nam"
NATIONAL_HOLIDAY_SOURCE = "Bộ luật Lao động 2019, Điều 112 (dữ liệu thư viện holidays {version})"
NATIONAL_SWAP_WORKDAY = "Ngày làm bù (hoán đổi ngày làm việc)"
DAY_OFF_ON_WEEKDAY = "{name} ({weekday})"


def weekend_description(weekday: int) -> str:
    return f"Nghỉ cuối tuần ({WEEKDAY_NAMES[weekday]})"


# --- formatting -------------------------------------------------------------------------------------


def fmt_date(day: date) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year:04d}"


def fmt_day_month(day: date) -> str:
    return f"{day.day:02d}/{day.month:02d}"


def fmt_time(value: time | datetime) -> str:
    return f"{value.hour:02d}:{value.minute:02d}"


def fmt_day(day: date) -> str:
    """'thứ Sáu 13/02/2026'."""
    return f"{WEEKDAY_NAMES[day.weekday()]} {fmt_date(day)}"


def fmt_instant(moment: datetime) -> str:
    """'10:00 thứ Sáu 13/02/2026' (the caller passes Vietnamese local time)."""
    return f"{fmt_time(moment)} {fmt_day(moment.date())}"


def fmt_full_range(first: date, last: date) -> str:
    """A named period with its year: '02/01/2026', '16/02–20/02/2026', '31/12/2025–01/01/2026'."""
    if first == last:
        return fmt_date(first)
    if first.year == last.year:
        return f"{fmt_day_month(first)}{RANGE_DASH}{fmt_date(last)}"
    return f"{fmt_date(first)}{RANGE_DASH}{fmt_date(last)}"


def fmt_short_range(first: date, last: date) -> str:
    """A weekend, compact and without the year: '14/02', '14–15/02', '31/01–01/02'."""
    if first == last:
        return fmt_day_month(first)
    if first.month == last.month:
        return f"{first.day:02d}{RANGE_DASH}{fmt_day_month(last)}"
    return f"{fmt_day_month(first)}{RANGE_DASH}{fmt_day_month(last)}"


# --- explanation of a due date ----------------------------------------------------------------------
SKIPPED_PREFIX = "bỏ qua "
SKIPPED_GROUP = "{ranges}: {label}"
SKIPPED_SEPARATOR = "; "
WEEKEND_COUNT = "{count} ngày nghỉ cuối tuần"
NOTHING_SKIPPED = "không có ngày nghỉ xen giữa"

LIMIT_WORKING_DAYS = "{n} ngày làm việc"
LIMIT_CALENDAR_DAYS = "{n} ngày"
LIMIT_SAME_DAY = "trong ngày"
LIMIT_MOUNTAIN = "{base} (thêm {extra} cho xã miền núi)"
MOUNTAIN_EXTRA_WORKING = "{n} ngày làm việc"
MOUNTAIN_EXTRA_CALENDAR = "{n} ngày"

RECEIVED = "Tiếp nhận lúc {instant}."
RECEIVED_OUTSIDE_HOURS = "Tiếp nhận lúc {instant}, ngoài giờ làm việc: tính từ {start}."
RULE_WORKING_DAYS = (
    "Thời hạn {limit}, đếm từ ngày làm việc sau ngày {day}; hạn trả cùng giờ {clock} "
    "của ngày làm việc thứ {n}."
)
RULE_WORKING_DAYS_ZERO = "Thời hạn {limit}: hạn trả ngay trong ngày {day}."
RULE_CALENDAR_DAYS = "Thời hạn {limit}, đếm từ ngày hôm sau ({first}); ngày cuối của thời hạn là {last}."
RULE_CALENDAR_END_MOVED = "Ngày {last} là ngày nghỉ nên hạn chuyển sang ngày làm việc tiếp theo."
RULE_SAME_DAY = "Thủ tục trả kết quả trong ngày tiếp nhận."
RULE_SAME_DAY_AFTER_CUTOFF = "Tiếp nhận sau {cutoff} nên trả kết quả trong ngày làm việc tiếp theo."
RULE_SAME_DAY_OUTSIDE_HOURS = "Tiếp nhận ngoài giờ làm việc nên trả kết quả trong ngày làm việc tiếp theo."
RULE_SAME_DAY_MOUNTAIN = "Xã miền núi: cộng thêm {extra}."
COUNTED_EXTRA_DAYS = "Tính cả {days}."
COUNTED_EXTRA_DAY = "{day} ({name})"
DUE_LINE = "Hạn trả: {instant} ({skipped})."

# --- the clock (supplement requests, extensions, stop) ---------------------------------------------
CLOCK_PAUSED = "{instant}: yêu cầu bổ sung hồ sơ, tạm dừng tính thời hạn."
CLOCK_PAUSED_WHEN_OVERDUE = (
    "{instant}: yêu cầu bổ sung khi đã quá hạn {due}; hồ sơ vẫn được đánh giá theo hạn này."
)
CLOCK_RESUMED = (
    "{instant}: nhận đủ hồ sơ bổ sung, tiếp tục tính thời hạn; cộng {days} ngày làm việc tạm dừng, "
    "hạn trả mới {due}."
)
CLOCK_RESTARTED = "{instant}: nhận đủ hồ sơ bổ sung, tính lại thời hạn từ đầu; hạn trả mới {due}."
CLOCK_EXTENDED = (
    "{instant}: gia hạn kèm văn bản xin lỗi, hạn trả mới {new_due}; hồ sơ vẫn được đánh giá theo hạn {judged}."
)
CLOCK_STOPPED = "{instant}: dừng giải quyết hồ sơ, ngừng tính thời hạn."
CLOCK_STATE_PAUSED = "Đang tạm dừng chờ bổ sung từ {instant}; hạn trả sẽ được tính lại khi nhận đủ hồ sơ."

CLOCK_ERROR_ALREADY_PAUSED = "Hồ sơ đang tạm dừng từ {since}, không thể tạm dừng lần nữa lúc {instant}."
CLOCK_ERROR_NOT_PAUSED = "Hồ sơ không ở trạng thái tạm dừng nên không thể tiếp tục lúc {instant}."
CLOCK_ERROR_STOPPED = "Hồ sơ đã dừng giải quyết lúc {since}; không ghi nhận thêm sự kiện lúc {instant}."
CLOCK_ERROR_EXTEND_WHILE_PAUSED = "Hồ sơ đang tạm dừng chờ bổ sung, không thể gia hạn lúc {instant}."
CLOCK_ERROR_EXTEND_NO_DATE = "Gia hạn lúc {instant} cần có hạn trả mới."
CLOCK_ERROR_EXTEND_NOT_LATER = "Hạn trả mới {new_due} phải sau hạn hiện tại {due}."
CLOCK_ERROR_DATE_NOT_EXPECTED = "Chỉ sự kiện gia hạn mới có hạn trả mới (sự kiện lúc {instant})."
CLOCK_ERROR_BEFORE_RECEIPT = "Sự kiện lúc {instant} xảy ra trước khi tiếp nhận hồ sơ ({received})."
CLOCK_ERROR_UNKNOWN_KIND = "Loại sự kiện \"{kind}\" không hợp lệ (pause, resume, extend, stop)."

# --- timeliness labels ------------------------------------------------------------------------------
FINISHED_LABELS = {"early": "Trước hạn", "on_time": "Đúng hạn", "late": "Quá hạn"}
OPEN_LABELS = {"within": "Trong hạn", "due_soon": "Sắp đến hạn", "overdue": "Quá hạn"}

# --- recomputation after a calendar change ---------------------------------------------------------
DAY_BECAME_OFF = "{day} thành ngày nghỉ ({reason})"
DAY_BECAME_WORKING = "{day} thành ngày làm việc (trước đây: {reason})"
DAY_REASON_CHANGED = "{day}: {old} → {new}"
RECOMPUTE_CHANGED = "Tính lại theo lịch mới: hạn trả đổi từ {old} sang {new}."
RECOMPUTE_UNCHANGED = "Tính lại theo lịch mới: hạn trả không đổi ({due})."
RECOMPUTE_CALENDAR_CHANGES = "Thay đổi lịch liên quan: {changes}."
RECOMPUTE_NO_CALENDAR_CHANGES = "Lịch không thay đổi trong khoảng thời hạn."

# --- calendar file and configuration errors -------------------------------------------------------
FILE_NOT_FOUND = "Không tìm thấy tệp lịch làm việc: {path}"
FILE_NOT_TEXT = "Không đọc được tệp lịch {path}: tệp phải là văn bản UTF-8 ({detail})."
FILE_EMPTY = "Tệp lịch {path} trống: dòng đầu phải là tiêu đề \"date,kind,name,source\"."
FILE_BAD_HEADER = "Tệp lịch {path}, dòng {line}: tiêu đề phải là \"date,kind,name,source\", nhưng là \"{found}\"."
FILE_BAD_COLUMNS = "Tệp lịch {path}, dòng {line}: cần đúng 4 cột (date,kind,name,source), có {count} cột."
FILE_BAD_DATE = (
    "Tệp lịch {path}, dòng {line}: ngày \"{value}\" không hợp lệ (viết năm-tháng-ngày, ví dụ 2026-01-02)."
)
FILE_BAD_KIND = (
    "Tệp lịch {path}, dòng {line}: loại \"{value}\" không hợp lệ "
    "(\"off\" = ngày nghỉ, \"work\" = ngày làm việc)."
)
FILE_NO_NAME = "Tệp lịch {path}, dòng {line}: thiếu tên ngày (cột name)."
FILE_NO_SOURCE = "Tệp lịch {path}, dòng {line}: thiếu căn cứ (cột source), ví dụ số công văn thông báo."
FILE_DUPLICATE_DATE = "Tệp lịch {path}, dòng {line}: ngày {day} đã được khai báo ở dòng {first_line}."
FILE_BAD_CSV = "Tệp lịch {path}, dòng {line}: dòng CSV không đọc được ({detail})."

CONFIG_WEEKDAYS = "Giờ làm việc phải khai báo đủ 7 ngày trong tuần (từ thứ Hai đến Chủ nhật)."
CONFIG_BAD_SESSION = "Giờ làm việc {weekday}: buổi {start}–{end} không hợp lệ (giờ bắt đầu phải trước giờ kết thúc)."
CONFIG_OVERLAP = "Giờ làm việc {weekday}: các buổi phải theo thứ tự và không chồng lên nhau."
CONFIG_COUNTING_WITHOUT_SESSION = "{weekday} được tính là ngày làm việc nhưng không có buổi làm việc nào."
CONFIG_NO_EXTRA_DAY_SESSIONS = "Cần khai báo giờ làm việc cho ngày làm bù."
CONFIG_BAD_SESSION_TEXT = "Buổi làm việc \"{text}\" không hợp lệ (viết dạng 07:30-11:30)."
EXTRA_DAY_LABEL = "ngày làm bù"
