"""Vietnamese messages of USB sync (export, hub import, return packages, keys)."""

# --- package problems (each says what happened and that nothing was applied) -------------------------
NOTHING_APPLIED = " Không có dữ liệu nào bị thay đổi."
PKG_NOT_A_PACKAGE = "Tệp này không phải là gói đồng bộ của phần mềm." + NOTHING_APPLIED
PKG_TRUNCATED = (
    "Gói bị cắt cụt (tệp chưa chép hết, có thể do rút USB quá sớm). Hãy chép lại tệp từ máy gửi."
    + NOTHING_APPLIED
)
PKG_TAMPERED = (
    "Gói bị hỏng hoặc đã bị sửa đổi sau khi niêm phong (kiểm tra mã xác thực không khớp). "
    "Hãy xin máy gửi xuất lại gói." + NOTHING_APPLIED
)
PKG_NEWER_FORMAT = (
    "Gói được tạo bởi phiên bản phần mềm mới hơn (định dạng {version}; phiên bản này chỉ đọc đến định dạng "
    "{known}). Hãy cập nhật phần mềm rồi nhập lại." + NOTHING_APPLIED
)
PKG_WRONG_RECIPIENT = (
    "Gói này gửi cho «{recipient}», không phải cho đơn vị này («{ours}»). Hãy chuyển đúng nơi nhận."
    + NOTHING_APPLIED
)
PKG_UNKNOWN_RECIPIENT_KEY = (
    "Gói được niêm phong bằng một khóa của «{recipient}» mà máy này không có (dấu vân tay {fingerprint}). "
    "Có thể đơn vị gửi đang dùng tệp định danh cũ hoặc của nơi khác." + NOTHING_APPLIED
)
PKG_BAD_SIGNATURE = "Chữ ký của gói không hợp lệ: gói không phải do «{sender}» tạo ra hoặc đã bị sửa." + NOTHING_APPLIED
PKG_UNKNOWN_UNIT_KEY = (
    "Gói của «{unit}» được ký bằng một khóa lạ (dấu vân tay {fingerprint}), khác khóa đã xác nhận của xã. "
    "Nếu xã đã cài lại máy, hãy gọi điện đối chiếu rồi đặt lại khóa của xã." + NOTHING_APPLIED
)
PKG_PENDING_KEY_MISMATCH = (
    "Gói của «{unit}» được ký bằng khóa {fingerprint}, khác khóa đang chờ xác nhận ({pending})." + NOTHING_APPLIED
)
PKG_SENDER_MISMATCH = (
    "Thông tin người gửi bên trong gói không khớp với phần đầu gói (gói bị sửa hoặc bị gán cho đơn vị khác)."
    + NOTHING_APPLIED
)
PKG_TOO_LARGE = (
    "Gói quá lớn ({size} byte, giới hạn {limit} byte) — có thể là tệp độc hại hoặc hỏng." + NOTHING_APPLIED
)
PKG_INVALID = "Nội dung gói không hợp lệ ({detail})." + NOTHING_APPLIED
PKG_INVALID_AT = "Nội dung gói không hợp lệ tại «{path}»: {problem}." + NOTHING_APPLIED
PKG_COUNTS_MISMATCH = (
    "Số lượng trong gói không khớp với bản kê (bản kê: {declared}, thực có: {actual})." + NOTHING_APPLIED
)
PKG_CONFLICT = (
    "Sự kiện {event} đã có ở máy chủ với nội dung khác. Gói được cách ly để kiểm tra; dữ liệu đã có được giữ "
    "nguyên." + NOTHING_APPLIED
)
PKG_DOSSIER_OF_OTHER_UNIT = (
    "Hồ sơ {code} đã thuộc đơn vị «{owner}», không thể nhận từ «{unit}»." + NOTHING_APPLIED
)
PKG_SEQUENCE_REUSED = (
    "Gói số {sequence} của «{unit}» đã được nhập trước đây với nội dung khác (máy xã có thể đã khôi phục từ "
    "bản sao lưu mà chưa tạo định danh mới)." + NOTHING_APPLIED
)
PKG_READ_FAILED = "Không đọc được tệp «{name}»: {detail}. Hãy kiểm tra USB rồi thử lại." + NOTHING_APPLIED
PKG_FILE_TOO_LARGE = "Tệp «{name}» quá lớn ({size} byte, giới hạn {limit} byte)." + NOTHING_APPLIED

# --- media (USB stick / folder) ---------------------------------------------------------------------
MEDIA_FULL = "USB/thư mục «{folder}» đã đầy. Hãy giải phóng dung lượng hoặc dùng USB khác. Dữ liệu trên máy không mất."
MEDIA_GONE = (
    "Không ghi được vào «{folder}»: USB đã bị rút ra hoặc thư mục không còn. Hãy cắm lại USB rồi xuất lại. "
    "Dữ liệu trên máy không mất."
)
MEDIA_READ_ONLY = "Không ghi được vào «{folder}» (chỉ đọc hoặc không có quyền ghi). Dữ liệu trên máy không mất."
MEDIA_IO = "Lỗi ghi USB/thư mục «{folder}»: {detail}. Hãy thử USB khác. Dữ liệu trên máy không mất."
MEDIA_VERIFY_FAILED = (
    "Đọc lại tệp vừa ghi trên «{folder}» thấy không khớp (USB có thể hỏng). Hãy dùng USB khác rồi xuất lại. "
    "Dữ liệu trên máy không mất."
)
MEDIA_EXISTS = "Đã có tệp «{name}» trong «{folder}»; không ghi đè."
NOT_A_FOLDER = "«{folder}» không phải là thư mục hoặc không truy cập được."
CANCELLED = "Đã hủy. Không có gì được ghi hoặc thay đổi."

# --- commune: export --------------------------------------------------------------------------------
NO_HUB_IDENTITY = (
    "Chưa có tệp định danh của cấp trên. Hãy nhập tệp định danh do cấp trên cung cấp "
    "(counter-app keys import-hub <tệp>) trước khi xuất gói."
)
NOT_SET_UP = "Đơn vị chưa được thiết lập."
EXPORT_DONE = (
    "Đã xuất gói số {sequence} ({events} sự kiện, {dossiers} hồ sơ) vào «{path}». Đã đọc lại và kiểm tra: "
    "có thể rút USB."
)
EXPORT_NOTHING = "Không có thay đổi nào kể từ gói trước; không tạo gói mới."
EXPORT_MODES = {"incremental": "gói thay đổi", "resend": "gửi lại phần chưa được xác nhận", "full": "toàn bộ"}
REMINDER_NEVER = "Đơn vị chưa từng xuất gói gửi cấp trên. Hãy xuất gói và gửi lên."
REMINDER_OLD = "Lần xuất gói gần nhất đã {days} ngày trước ({when}). Hãy xuất gói mới và gửi lên cấp trên."
REMINDER_UNACKED = (
    "{count} gói đã xuất mà cấp trên chưa xác nhận sau {days} ngày. Hãy chọn «Gửi lại phần chưa được xác nhận»."
)
AUTO_EXPORT_FOLDER_MISSING = "Thư mục xuất tự động «{folder}» không tồn tại; bỏ qua lần xuất tự động."

# --- commune: return packages -------------------------------------------------------------------------
RETURN_APPLIED = (
    "Đã nhận gói trả về số {sequence} từ «{hub}»: {acked} gói được xác nhận, {results} kết quả liên thông, "
    "danh mục: {catalog}, lịch: {calendar}."
)
RETURN_ALREADY = "Gói trả về số {sequence} đã được nhận trước đây; không có gì thay đổi."
RETURN_NOT_FOR_US = "Gói trả về này dành cho đơn vị «{recipient}», không phải «{ours}»." + NOTHING_APPLIED
RETURN_NO_KEYS = "Đơn vị chưa có khóa đồng bộ; chưa thể nhận gói trả về." + NOTHING_APPLIED
RESULT_SKIPPED = "Kết quả liên thông cho hồ sơ {code} không áp dụng được vì hồ sơ đang ở trạng thái «{state}»."
RESULT_UNKNOWN_DOSSIER = "Kết quả liên thông cho hồ sơ {code}: không tìm thấy hồ sơ ở đơn vị."
CATALOG_BAD = "Danh mục thủ tục trong gói trả về không hợp lệ: {detail}" + NOTHING_APPLIED
CALENDAR_BAD = "Lịch ngày nghỉ trong gói trả về không hợp lệ: {detail}" + NOTHING_APPLIED
UNCHANGED = "không đổi"
UPDATED = "đã cập nhật"

# --- keys / identities --------------------------------------------------------------------------------
IDENTITY_INVALID = "Tệp định danh của cấp trên không hợp lệ hoặc bị hỏng."
IDENTITY_NEWER = "Tệp định danh được tạo bởi phiên bản phần mềm mới hơn (phiên bản {version}). Hãy cập nhật phần mềm."
IDENTITY_BAD_SIGNATURE = "Chữ ký của tệp định danh không hợp lệ (tệp đã bị sửa)."
IDENTITY_IMPORTED = "Đã nhập định danh cấp trên «{name}» ({hub_id}), dấu vân tay {fingerprint}."
IDENTITY_ROTATED = "Cấp trên «{name}» đã đổi khóa; khóa mới được khóa cũ xác nhận. Dấu vân tay mới: {fingerprint}."
IDENTITY_CONFLICT = (
    "Tệp định danh này ({fingerprint}) không được khóa cấp trên đang tin cậy ({trusted}) xác nhận. "
    "Nếu cấp trên thật sự đã thay khóa mới hoàn toàn, hãy nhập lại với tùy chọn thay thế (--replace)."
)
IDENTITY_SAME = "Định danh cấp trên này đã được nhập trước đây."
KEYS_CREATED = "Đã tạo khóa đồng bộ. Dấu vân tay: {fingerprint}"
KEYS_ROTATED = "Đã đổi khóa. Dấu vân tay mới: {fingerprint} (khóa cũ {old} đã xác nhận khóa mới)."
KEYS_NONE = "Chưa có khóa đồng bộ."
HUB_NOT_INITIALISED = "Máy này chưa được khởi tạo làm máy chủ tổng hợp (counter-app hub init)."
HUB_ALREADY = "Máy chủ tổng hợp đã được khởi tạo ({hub_id})."
HUB_INITIALISED = "Đã khởi tạo máy chủ tổng hợp «{name}» ({hub_id}). Dấu vân tay: {fingerprint}"
HUB_ID_INVALID = "Mã máy chủ «{hub_id}» không hợp lệ (chỉ gồm chữ in hoa không dấu, số, dấu chấm, gạch nối; tối đa 40)."

# --- hub ----------------------------------------------------------------------------------------------
HUB_NEW_UNIT = (
    "Xã mới «{name}» ({unit}) gửi gói đầu tiên với khóa có dấu vân tay {fingerprint}. Hãy gọi điện đối chiếu "
    "dấu vân tay với xã rồi xác nhận (counter-app hub confirm {unit} {fingerprint}). Gói được giữ lại, chưa áp dụng."
)
HUB_HELD = "Gói {name} của «{unit}» được giữ lại chờ xác nhận khóa của xã."
HUB_APPLIED = "Đã nhập gói {name}: {new} sự kiện mới / {events}, {dossiers} hồ sơ."
HUB_DUPLICATE = "Gói {name} đã được nhập trước đây; không có gì thay đổi."
HUB_QUARANTINED = "Gói {name} bị cách ly: {reason}"
HUB_ALREADY_QUARANTINED = "Tệp {name} đã bị cách ly trước đây ({reason})."
HUB_UNIT_UNKNOWN = "Không có xã «{unit}» trong dữ liệu của máy chủ."
HUB_CONFIRM_MISMATCH = "Dấu vân tay {given} không khớp khóa đang chờ xác nhận của «{unit}» ({pending})."
HUB_CONFIRMED = "Đã xác nhận khóa của «{unit}»; đã áp dụng {applied} gói được giữ lại."
HUB_NOTHING_PENDING = "Xã «{unit}» không có khóa nào đang chờ xác nhận."
HUB_KEY_RESET = "Đã hủy tin cậy khóa của «{unit}». Gói kế tiếp của xã sẽ giới thiệu khóa mới để xác nhận."
HUB_RESULT_NOT_UPWARD = "Hồ sơ {code} không được chuyển lên cấp trên (liên thông); không ghi kết quả được."
HUB_RESULT_RECORDED = "Đã ghi kết quả cho hồ sơ {code}; kết quả sẽ đi cùng gói trả về kế tiếp của xã."
HUB_DOSSIER_NOT_FOUND = "Không tìm thấy hồ sơ «{ref}» ở máy chủ."
HUB_RETURN_WRITTEN = "Đã ghi gói trả về số {sequence} cho «{unit}» vào «{path}»."
HUB_NO_UNIT_KEY = "Xã «{unit}» chưa có khóa được xác nhận; chưa thể tạo gói trả về."
HUB_IMPORT_SUMMARY = (
    "Đã xem {files} tệp: {applied} gói áp dụng, {duplicates} gói đã có, {held} gói chờ xác nhận, "
    "{quarantined} gói bị cách ly."
)
HUB_GAPS = "«{unit}»: thiếu gói số {missing}."
HUB_NODE_GAP = "«{unit}»: máy {node} mới nhận liên tục đến sự kiện {contiguous} (đã có đến {max})."
BOARD_HEADER = ("Xã", "Gói gần nhất", "Hồ sơ", "Quá hạn", "Đúng hạn", "Im lặng")
BOARD_NEVER = "chưa có"
BOARD_SILENT = "{days} ngày"
BOARD_SILENT_WARNING = "Các xã không gửi gói quá {days} ngày: {units}"

# --- command line -------------------------------------------------------------------------------------
HELP_KEYS = "khóa đồng bộ của xã và định danh của cấp trên"
HELP_KEYS_SHOW = "hiện dấu vân tay khóa của xã (tạo khóa nếu chưa có)"
HELP_KEYS_IMPORT_HUB = "nhập tệp định danh do cấp trên cung cấp"
HELP_KEYS_REPLACE = "thay hẳn định danh cấp trên đang tin cậy (khi cấp trên đổi máy chủ hoàn toàn)"
HELP_KEYS_ROTATE = "đổi khóa của xã (khóa cũ xác nhận khóa mới)"
HELP_EXPORT = "xuất gói đồng bộ gửi cấp trên vào một thư mục (USB)"
HELP_EXPORT_MODE = "incremental: phần thay đổi; resend: gửi lại phần chưa được xác nhận; full: toàn bộ"
HELP_EXPORT_STATUS = "tình trạng đồng bộ và lời nhắc xuất gói"
HELP_IMPORT_RETURN = "nhận gói trả về từ cấp trên"
HELP_HUB = "máy chủ tổng hợp của cấp trên"
HELP_HUB_URL = "địa chỉ cơ sở dữ liệu PostgreSQL, ví dụ postgresql+psycopg://user@host/db"
HELP_HUB_DIR = "thư mục làm việc của máy chủ (cách ly, lưu trữ, gói chờ xác nhận)"
HELP_HUB_INIT = "khởi tạo máy chủ tổng hợp (tạo khóa)"
HELP_HUB_IDENTITY = "ghi tệp định danh công khai để gửi cho các xã"
HELP_HUB_IMPORT = "nhập các gói của các xã trong một thư mục"
HELP_HUB_TRUST_NEW = "tin ngay khóa của xã mới mà không chờ xác nhận dấu vân tay"
HELP_HUB_CONFIRM = "xác nhận khóa của một xã sau khi đối chiếu dấu vân tay"
HELP_HUB_BOARD = "bảng theo dõi các xã"
HELP_HUB_SILENT = "số ngày không gửi gói thì coi là im lặng"
HELP_HUB_RETURN = "ghi gói trả về cho các xã"
HELP_HUB_RESULT = "ghi kết quả giải quyết của cấp trên cho hồ sơ liên thông"
HELP_HUB_ROTATE = "đổi khóa của máy chủ"
HELP_HUB_RESET = "hủy tin cậy khóa của một xã (xã cài lại máy)"
HELP_HUB_CALENDAR = "đặt tệp lịch ngày nghỉ/làm bù để gửi cho các xã"
CALENDAR_SET = "Đã đặt lịch gửi cho các xã: {days} ngày."
STATUS_LINES = (
    "Dấu vân tay của xã: {fingerprint}\nCấp trên: {hub}\nGói gần nhất: {last}\nGói chưa được xác nhận: {unacked}"
)
NONE = "chưa có"
PROGRESS = {"read": "Đang đọc dữ liệu", "seal": "Đang niêm phong", "write": "Đang ghi", "verify": "Đang kiểm tra",
            "import": "Đang nhập"}
