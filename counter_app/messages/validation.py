"""Vietnamese messages of the input checks: citizen ID, phone, e-mail, mã hồ sơ and ordinal blocks.

Templates use named `str.format` fields. Each message stands on its own next to the field it is about.
"""

from __future__ import annotations

from counter_app.core.people import Gender

GENDER_LABELS: dict[Gender, str] = {Gender.MALE: "nam", Gender.FEMALE: "nữ"}

# --- citizen ID (số định danh cá nhân / căn cước / CMND) ---------------------------------------------

ID_LABEL_12 = "Số định danh cá nhân (căn cước, 12 số)"
ID_LABEL_CMND_9 = "CMND 9 số (cũ)"
ID_EMPTY = "Chưa nhập số định danh cá nhân."
ID_NOT_DIGITS = "Số định danh cá nhân chỉ gồm chữ số; có ký tự không hợp lệ: «{chars}»."
ID_WRONG_LENGTH = (
    "Số định danh cá nhân phải gồm đúng 12 chữ số (hoặc 9 chữ số nếu là CMND cũ); "
    "số đã nhập có {count} chữ số."
)
ID_UNKNOWN_PROVINCE = (
    "Ba chữ số đầu «{code}» không phải mã tỉnh, thành phố nơi đăng ký khai sinh. "
    "Nếu công dân đăng ký khai sinh ở nước ngoài, đây có thể là mã quốc gia; nếu không, hãy kiểm tra lại."
)
ID_FUTURE_CENTURY = (
    "Chữ số thứ tư «{digit}» ứng với người sinh từ năm {first_year} trở đi; hãy kiểm tra lại số định danh."
)
ID_BIRTH_YEAR_MISMATCH = (
    "Số định danh cho năm sinh {id_year}, nhưng ngày sinh đã nhập là năm {entered_year}; "
    "hãy kiểm tra lại số định danh hoặc ngày sinh."
)
ID_GENDER_MISMATCH = (
    "Số định danh ghi giới tính {id_gender}, nhưng giới tính đã chọn là {entered_gender}; "
    "hãy kiểm tra lại."
)

# --- phone ---------------------------------------------------------------------------------------------

PHONE_EMPTY = "Chưa nhập số điện thoại."
PHONE_NOT_DIGITS = (
    "Số điện thoại chỉ gồm chữ số (có thể có +84, dấu cách, dấu chấm, gạch ngang); có ký tự «{chars}»."
)
PHONE_MOBILE_LENGTH = "Số di động phải có 10 chữ số (0xx xxx xxxx); số đã nhập có {count} chữ số."
PHONE_LANDLINE_LENGTH = "Số máy bàn phải có 11 chữ số kể cả mã vùng (02xx…); số đã nhập có {count} chữ số."
PHONE_FOREIGN = "Chỉ nhận số điện thoại Việt Nam (mã quốc gia +84)."
PHONE_BAD_PREFIX = (
    "Số điện thoại phải bắt đầu bằng 03, 05, 07, 08, 09 (di động) hoặc 02 (máy bàn có mã vùng)."
)
PHONE_OLD_11_DIGITS = (
    "Số di động 11 số đầu {old_prefix} đã chuyển sang 10 số từ năm 2018; số mới có thể là {suggestion}. "
    "Hãy hỏi lại công dân."
)

# --- e-mail --------------------------------------------------------------------------------------------

EMAIL_EMPTY = "Chưa nhập địa chỉ thư điện tử."
EMAIL_INVALID = "Địa chỉ thư điện tử không hợp lệ (dạng ten@tenmien.vn)."
EMAIL_TOO_LONG = "Địa chỉ thư điện tử quá dài (tối đa 254 ký tự)."

# --- mã hồ sơ, ordinal blocks, ledger ------------------------------------------------------------------

AGENCY_CODE_INVALID = (
    "Mã định danh cơ quan «{code}» không hợp lệ: gồm các nhóm chữ số 0–9 và chữ in hoa A–Z, "
    "ngăn cách bằng dấu chấm, tối đa 35 ký tự (ví dụ 000.17.22.H56)."
)
ORDINAL_OUT_OF_RANGE = "Số thứ tự hồ sơ {ordinal} nằm ngoài khoảng cho phép 1–{max_ordinal}."
BLOCK_INVALID = (
    "Dải số thứ tự {start}–{end} không hợp lệ: số đầu phải từ 1, không lớn hơn số cuối, "
    "và số cuối không quá {max_ordinal}."
)
BLOCK_COUNT_INVALID = "Số máy tiếp nhận phải từ 1 đến {max_nodes} để chia dải số thứ tự hồ sơ."
BLOCK_EXHAUSTED = (
    "Máy này đã dùng hết dải số thứ tự hồ sơ trong ngày ({block}). "
    "Hãy tiếp nhận trên máy khác, hoặc nhờ quản trị viên cấp thêm dải số cho máy này."
)
LEDGER_POSITION_INVALID = "Quyển số và số thứ tự trong sổ phải từ 1 trở lên."
LEDGER_BOOK_LABEL = "Quyển số {book:02d}/{year}"
