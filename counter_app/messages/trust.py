"""Vietnamese text of roles, the audit trail, the clock check, backups, the instance lock and personal data."""

from counter_app.messages.setup import ROLE_LABELS

__all__ = ["ROLE_LABELS"]

# --- roles and accounts ------------------------------------------------------------------------------

PERMISSION_DENIED = "Tài khoản «{username}» ({role}) không có quyền {what}."
PERMISSION_LABELS = {
    "receive": "tiếp nhận hồ sơ",
    "handle_dossier": "xử lý hồ sơ (chuyển, bổ sung, trả kết quả, in phiếu)",
    "approve_extension": "duyệt xin lỗi và gia hạn (Mẫu 04) — cần lãnh đạo",
    "stop_processing": "dừng giải quyết hồ sơ (Mẫu 05) — cần lãnh đạo",
    "view_reports": "xem báo cáo thống kê",
    "exchange_packages": "xuất, nhập gói dữ liệu với cấp trên",
    "confirm_clock": "xác nhận đồng hồ máy tính — cần lãnh đạo hoặc quản trị",
    "view_audit": "xem nhật ký hệ thống",
    "manage_users": "quản lý tài khoản người dùng",
    "manage_settings": "thay đổi thiết lập của đơn vị",
    "manage_catalog": "cập nhật danh mục thủ tục",
    "manage_calendar": "thay đổi lịch làm việc, ngày nghỉ",
    "manage_backups": "sao lưu, khôi phục dữ liệu",
    "manage_personal_data": "trích xuất hoặc xóa dữ liệu cá nhân của công dân",
}
ACCOUNT_NOT_ACTIVE = "Tài khoản «{username}» không còn hoạt động. Hãy đăng nhập lại hoặc liên hệ quản trị viên."
PASSWORD_CHANGE_REQUIRED = "Bạn cần đổi mật khẩu (mật khẩu tạm do quản trị viên đặt) trước khi làm việc."
OLD_PASSWORD_WRONG = "Mật khẩu hiện tại không đúng."
PASSWORD_UNCHANGED = "Mật khẩu mới phải khác mật khẩu hiện tại."
USER_NOT_FOUND = "Không có tài khoản «{username}»."
CANNOT_DEACTIVATE_SELF = "Không thể tự khóa tài khoản của chính mình."
LAST_ADMIN = "Đây là tài khoản quản trị cuối cùng còn hoạt động; hãy tạo hoặc bật một tài khoản quản trị khác trước."
DEMO_BANNER = "DỮ LIỆU MẪU — mật khẩu đã công khai, không dùng cho hồ sơ thật"

# --- audit trail --------------------------------------------------------------------------------------

AUDIT_ROW = "dòng số {seq} ({at}, {username}, {action})"
AUDIT_OK = "Nhật ký hệ thống nguyên vẹn: {rows} dòng, mã băm cuối {hash}."
AUDIT_EDITED = "Mắt xích hỏng đầu tiên: {row} — nội dung không khớp mã băm (đã bị sửa hoặc đổi chỗ)."
AUDIT_RELINKED = (
    "Mắt xích hỏng đầu tiên: {row} — không nối với dòng liền trước "
    "(dòng trước đã bị sửa, xóa hoặc đổi chỗ)."
)
AUDIT_MISSING = "Mắt xích hỏng đầu tiên: thiếu dòng số {first}–{last} trước {row} (đã bị xóa)."
AUDIT_TRUNCATED = "Mắt xích hỏng đầu tiên: thiếu các dòng cuối số {first}–{last} (đã bị xóa)."
AUDIT_HEAD_MISMATCH = "Mắt xích cuối không khớp với bản ghi đầu chuỗi (audit_head): nhật ký đã bị can thiệp."

# --- clock --------------------------------------------------------------------------------------------

CLOCK_BEHIND = (
    "Đồng hồ máy tính đang chỉ {now}, sớm hơn thời điểm đã ghi gần nhất ({reference}). "
    "Có thể pin CMOS đã hết hoặc giờ bị chỉnh lùi."
)
CLOCK_AHEAD = (
    "Đồng hồ máy tính đang chỉ {now}, muộn hơn {days} ngày so với thời điểm đã ghi gần nhất ({reference}). "
    "Hãy kiểm tra ngày, tháng, năm."
)
CLOCK_CONFIRM_NEEDED = (
    "Hãy chỉnh lại đồng hồ; nếu đồng hồ đã đúng, lãnh đạo hoặc quản trị viên cần xác nhận trước khi "
    "tiếp tục tiếp nhận hồ sơ."
)

# --- second instance, storage --------------------------------------------------------------------------

INSTANCE_LOCKED = (
    "Phần mềm đang mở trên cơ sở dữ liệu này ({holder}). Hãy dùng cửa sổ đang mở, "
    "hoặc đóng nó trước khi mở lại."
)
INSTANCE_HOLDER = "máy {host}, tiến trình {pid}, từ {since}"
INSTANCE_HOLDER_UNKNOWN = "một cửa sổ khác"

# --- backups ------------------------------------------------------------------------------------------

BACKUP_DONE = "Đã sao lưu: {path}"
BACKUP_SECOND_FAILED = "Không sao lưu được vào thư mục thứ hai «{folder}»: {detail}. Bản sao chính vẫn đã lưu."
BACKUP_SOURCE_BAD = "Không sao lưu: tệp dữ liệu hiện tại có lỗi toàn vẹn ({detail}). Hãy liên hệ hỗ trợ kỹ thuật."
BACKUP_NONE = "Chưa có bản sao lưu nào trong {folder}."
BACKUP_LIST_ROW = "{stamp}  {size:>10}  {kind}  {path}"
BACKUP_KIND_ENCRYPTED = "mã hóa"
BACKUP_KIND_PLAIN = "không mã hóa"
BACKUP_ROTATED = "Đã xóa {n} bản sao cũ theo lịch giữ (mọi bản trong 24 giờ; 7 ngày, 4 tuần, 12 tháng)."
BACKUP_NOT_FOUND = "Không tìm thấy tệp sao lưu «{path}»."
BACKUP_NOT_OURS = "Tệp «{path}» không phải là bản sao lưu của phần mềm."
BACKUP_CORRUPT = "Bản sao lưu «{path}» bị hỏng ({detail}); không khôi phục, dữ liệu hiện tại giữ nguyên."
BACKUP_WRONG_PASSPHRASE = "Sai mật khẩu sao lưu; không khôi phục, dữ liệu hiện tại giữ nguyên."
BACKUP_PASSPHRASE_REQUIRED = "Bản sao lưu «{path}» đã được mã hóa: cần nhập mật khẩu sao lưu."
BACKUP_TOO_NEW = (
    "Bản sao lưu được tạo bởi phiên bản phần mềm mới hơn (lược đồ {found}); hãy cài phiên bản mới nhất "
    "rồi khôi phục. Dữ liệu hiện tại giữ nguyên."
)
BACKUP_ENCRYPTION_ON = "Đã bật mã hóa bản sao lưu. Hãy ghi mật khẩu sao lưu ra giấy, cất nơi an toàn."
BACKUP_PASSPHRASE_WEAK = "Mật khẩu sao lưu phải có ít nhất {n} ký tự."
RESTORE_DONE = (
    "Đã khôi phục từ «{backup}»: {dossiers} hồ sơ, {events} sự kiện. Tệp dữ liệu trước khi khôi phục được "
    "giữ tại «{aside}». Máy trạm nhận định danh mới; sổ theo dõi chuyển sang quyển số {book}; "
    "số thứ tự mã hồ sơ hôm nay tiếp tục từ {ordinal:04d}."
)
RESTORED_NODE_NAME = "{name} (khôi phục {day})"

# --- personal data (Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15, NĐ 356/2025/NĐ-CP) ---------------------

INTAKE_NOTICE = (
    "Thông báo xử lý dữ liệu cá nhân: Thông tin của ông/bà (họ tên, số định danh cá nhân, ngày sinh, địa chỉ, "
    "số điện thoại) được thu thập chỉ để tiếp nhận, giải quyết và trả kết quả thủ tục hành chính này, "
    "theo Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15. Dữ liệu chỉ được chuyển cho cơ quan có thẩm quyền "
    "giải quyết và báo cáo cấp trên theo quy định, không dùng cho mục đích khác. Ông/bà có quyền xem, "
    "yêu cầu sửa hoặc xóa dữ liệu của mình trong phạm vi pháp luật cho phép, tại Bộ phận Một cửa."
)
INTAKE_NOTICE_SHORT = (
    "Dữ liệu cá nhân chỉ dùng để giải quyết thủ tục này (Luật BVDLCN 91/2025/QH15); "
    "công dân có quyền xem, yêu cầu sửa hoặc xóa tại Bộ phận Một cửa."
)
ERASED_NAME = "(đã xóa dữ liệu cá nhân)"
CITIZEN_QUERY_EMPTY = "Hãy nhập số định danh cá nhân, hoặc họ tên kèm ngày sinh, hoặc số điện thoại của công dân."
CITIZEN_NOT_FOUND = "Không có hồ sơ nào của công dân này."
ERASE_REASON_REQUIRED = "Hãy ghi căn cứ xóa (đơn yêu cầu của công dân, số, ngày)."
ERASE_OPEN_DOSSIERS = (
    "Chưa xóa dữ liệu trong {n} hồ sơ đang giải quyết ({codes}): cơ quan còn cần dữ liệu để trả kết quả."
)
EXPORT_FORMAT_INVALID = "Chỉ trích xuất được tệp .json hoặc .xlsx."
EXPORT_SHEET_DOSSIERS = "Hồ sơ"
EXPORT_SHEET_HISTORY = "Lịch sử"
EXPORT_ROLE_APPLICANT = "người yêu cầu"
EXPORT_ROLE_SUBMITTER = "người nộp thay"
EXPORT_ROLE_RECEIVER = "người nhận kết quả"

# --- command line -------------------------------------------------------------------------------------

HELP_AUDIT = "nhật ký hệ thống (chuỗi băm)"
HELP_AUDIT_VERIFY = "kiểm tra nhật ký: báo mắt xích hỏng đầu tiên nếu có dòng bị sửa, xóa hoặc đổi chỗ"
HELP_BACKUP = "sao lưu và khôi phục dữ liệu"
HELP_BACKUP_NOW = "sao lưu ngay (thư mục dữ liệu và thư mục thứ hai nếu đã thiết lập)"
HELP_BACKUP_LIST = "liệt kê các bản sao lưu"
HELP_BACKUP_RESTORE = "khôi phục từ một bản sao lưu (kiểm tra toàn vẹn trước, giữ lại tệp hiện tại)"
HELP_BACKUP_CONFIGURE = "thiết lập thư mục thứ hai (USB) và mã hóa bản sao lưu"
HELP_PASSPHRASE_ENV = "tên biến môi trường chứa mật khẩu sao lưu (mặc định: hỏi khi cần)"
HELP_USER = "quản lý tài khoản (chạy bởi người giữ tệp dữ liệu)"
HELP_PERSONAL = "yêu cầu về dữ liệu cá nhân của một công dân"
PROMPT_PASSPHRASE = "Mật khẩu sao lưu: "
PROMPT_PASSPHRASE_AGAIN = "Nhập lại mật khẩu sao lưu: "
PROMPT_PASSWORD = "Mật khẩu: "
PASSPHRASES_DIFFER = "Hai lần nhập mật khẩu sao lưu không khớp."
SETTINGS_SAVED = "Đã lưu thiết lập sao lưu."
USER_DONE = "Đã cập nhật tài khoản «{username}»."
USER_LIST_ROW = "{username:<20} {role:<18} {state:<12} {full_name}"
USER_ACTIVE = "hoạt động"
USER_INACTIVE = "đã khóa"
EXPORTED = "Đã trích xuất {n} hồ sơ vào {path}."
ERASED = "Đã xóa dữ liệu cá nhân trong {n} hồ sơ."
