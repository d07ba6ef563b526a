"""Vietnamese text of the Qt windows (the counter screen, issue 5)."""

from counter_app.core.states import DossierAction

APP_TITLE = "Bộ phận Một cửa"
WINDOW_TITLE = "Bộ phận Một cửa — {unit}"
WINDOW_TITLE_USER = "Bộ phận Một cửa — {unit} — {user}"
ERROR_TITLE = "Lỗi"
INFO_TITLE = "Thông báo"
CONFIRM_TITLE = "Xác nhận"
NOT_SET_UP = (
    "Cơ sở dữ liệu «{path}» chưa được thiết lập. Chạy «counter-app setup» để khai báo đơn vị, "
    "hoặc «counter-app --demo» để xem dữ liệu mẫu."
)
UNEXPECTED_ERROR = (
    "Đã xảy ra lỗi ngoài dự kiến; thao tác chưa được thực hiện. Vui lòng thử lại. Nếu lỗi lặp lại, "
    "báo cho quản trị viên kèm tệp nhật ký: {log}"
)
BUSY = "Đang xử lý…"
OK = "Đồng ý"
CANCEL = "Hủy"
CLOSE = "Đóng (Esc)"
YES = "Có"
NO = "Không"

# --- tabs, menus, shortcuts -------------------------------------------------------------------------
TAB_INTAKE = "Tiếp nhận"
TAB_DOSSIERS = "Hồ sơ"
TAB_RETURN = "Trả kết quả"
TAB_REPORTS = "Báo cáo"
TAB_SYNC = "Đồng bộ"
TAB_ADMIN = "Quản trị"
MENU_SYSTEM = "&Hệ thống"
MENU_DOSSIER = "Hồ &sơ"
MENU_VIEW = "&Hiển thị"
MENU_HELP = "&Trợ giúp"
ACTION_GO_INTAKE = "Tiếp nhận hồ sơ mới"
ACTION_GO_LIST = "Danh sách hồ sơ"
ACTION_GO_RETURN = "Trả kết quả"
ACTION_FIND = "Tìm hồ sơ…"
ACTION_OPEN_CODE = "Mở hồ sơ theo mã…"
ACTION_REFRESH = "Làm mới danh sách"
ACTION_LOGOUT = "Đăng xuất"
ACTION_QUIT = "Thoát"
ACTION_FONT_BIGGER = "Chữ to hơn"
ACTION_FONT_SMALLER = "Chữ nhỏ hơn"
ACTION_FONT_RESET = "Cỡ chữ mặc định"
ACTION_SHORTCUTS = "Phím tắt"
OPEN_CODE_PROMPT = "Nhập hoặc quét mã hồ sơ:"
SHORTCUTS_HELP = (
    "F2  Tiếp nhận hồ sơ mới\nF3  Danh sách hồ sơ\nF4  Trả kết quả\n"
    "F9 hoặc Ctrl+Enter  Lưu hồ sơ và xem giấy tiếp nhận\nCtrl+P  Lưu và in ngay giấy tiếp nhận\n"
    "Ctrl+F  Tìm hồ sơ\nCtrl+O  Mở hồ sơ theo mã\nF5  Làm mới danh sách\nCtrl+1 … Ctrl+8  Chọn bộ lọc nhanh\n"
    "Enter trong danh sách  Mở hồ sơ\nCtrl++ / Ctrl+-  Chữ to hơn / nhỏ hơn\n"
    "Máy quét mã vạch: quét giấy hẹn ở bất cứ màn hình nào để mở hồ sơ."
)
SIGNED_IN_AS = "Cán bộ: {name} ({role})"
ROLE_LABELS = {"clerk": "Cán bộ tiếp nhận", "leader": "Lãnh đạo", "admin": "Quản trị viên"}
FONT_SIZE_NOW = "Cỡ chữ: {size}"
DOSSIER_NOT_FOUND = "Không tìm thấy hồ sơ có mã «{code}»."
SCANNED = "Đã quét mã {code}"
CLOCK_WARNING = "Cảnh báo giờ máy: {message}"
CLOCK_CONFIRM = "Xác nhận giờ máy đúng"
CLOCK_CONFIRMED = "Đã xác nhận giờ máy."

# --- login and first run ------------------------------------------------------------------------------
LOGIN_TITLE = "Đăng nhập — Bộ phận Một cửa"
LOGIN_HEADING = "Đăng nhập"
LOGIN_USERNAME = "Tên đăng nhập:"
LOGIN_PASSWORD = "Mật khẩu:"
LOGIN_BUTTON = "Đăng nhập"
LOGIN_CHECKING = "Đang kiểm tra…"
LOGIN_EMPTY = "Vui lòng nhập tên đăng nhập và mật khẩu."
CHANGE_PASSWORD_TITLE = "Đổi mật khẩu"
CHANGE_PASSWORD_INTRO = "Tài khoản của bạn cần đổi mật khẩu trước khi làm việc."
OLD_PASSWORD = "Mật khẩu hiện tại:"
NEW_PASSWORD = "Mật khẩu mới:"
REPEAT_PASSWORD = "Nhập lại mật khẩu mới:"
PASSWORDS_DIFFER = "Hai lần nhập mật khẩu mới không giống nhau."
SETUP_TITLE = "Thiết lập lần đầu — Bộ phận Một cửa"
SETUP_UNIT_PAGE = "Thông tin đơn vị"
SETUP_UNIT_HELP = "Thông tin này in trên giấy tiếp nhận và các phiếu. Có thể sửa sau trong mục Quản trị."
SETUP_ADMIN_PAGE = "Tài khoản quản trị đầu tiên"
SETUP_ADMIN_HELP = (
    "Quản trị viên tạo tài khoản cho cán bộ tiếp nhận. Mật khẩu ít nhất 8 ký tự; hãy ghi lại ở nơi an toàn."
)
SETUP_FIELDS = {
    "agency_code": "Mã định danh cơ quan:",
    "name": "Tên đơn vị:",
    "parent_body": "Cơ quan chủ quản:",
    "province": "Tỉnh, thành phố:",
    "upper_office_name": "Cơ quan cấp trên nhận dữ liệu:",
    "upper_office_level": "Cấp trên là:",
    "mountainous": "Xã miền núi, vùng đặc biệt khó khăn",
    "address": "Địa chỉ:",
    "phone": "Điện thoại:",
    "place_name": "Địa danh (ghi ở dòng ngày tháng):",
    "admin_username": "Tên đăng nhập:",
    "admin_full_name": "Họ và tên:",
    "admin_password": "Mật khẩu:",
    "admin_password2": "Nhập lại mật khẩu:",
}
SETUP_PLACEHOLDERS = {
    "agency_code": "ví dụ 000.21.27.H56",
    "name": "Trung tâm Phục vụ hành chính công xã …",
    "parent_body": "UBND xã …",
    "upper_office_name": "Trung tâm Phục vụ hành chính công tỉnh …",
}
UPPER_LEVELS = {"province": "Tỉnh (từ 01/07/2025)", "district": "Huyện (mô hình cũ)"}
SETUP_SAVING = "Đang lưu thiết lập…"
SETUP_DONE = "Đã thiết lập đơn vị {unit}. Hãy đăng nhập bằng tài khoản quản trị vừa tạo."

# --- intake -------------------------------------------------------------------------------------------
PROCEDURE_LABEL = "Thủ tục:"
PROCEDURE_PLACEHOLDER = "Gõ tên hoặc mã thủ tục, có dấu hoặc không dấu (ví dụ: khai sinh, chung thuc)…"
PROCEDURE_NONE = "Chưa chọn thủ tục."
PROCEDURE_NO_MATCH = "Không có thủ tục nào khớp với «{text}»."
PROCEDURE_INFO = "{field} · Thời hạn: {limit} · Phí, lệ phí: {fee}"
PROCEDURE_UPWARD = " · Liên thông lên cấp trên"
PROCEDURE_REQUIRED = "Vui lòng chọn thủ tục."
APPLICANT_GROUP = "Người nộp hồ sơ (chủ hồ sơ)"
SUBMITTER_GROUP = "Người nộp thay (được ủy quyền)"
FIELD_FULL_NAME = "Họ và tên:"
FIELD_ID_NUMBER = "Số định danh:"
FIELD_BIRTH_DATE = "Ngày sinh:"
FIELD_GENDER = "Giới tính:"
FIELD_PHONE = "Điện thoại:"
FIELD_EMAIL = "Thư điện tử:"
FIELD_ADDRESS = "Địa chỉ:"
PLACEHOLDER_ID = "12 số căn cước (hoặc 9 số CMND cũ)"
PLACEHOLDER_DATE = "ngày/tháng/năm"
GENDERS = {"": "—", "male": "Nam", "female": "Nữ"}
ID_OK = "✓ {label}"
ID_DETAILS = "✓ {label}: đăng ký khai sinh tại {province}, sinh năm {year}, {gender}"
BIRTH_DATE_INVALID = "Ngày sinh không hợp lệ; nhập theo dạng ngày/tháng/năm, ví dụ 05/09/1990."
RETURNING_FILLED = "Công dân đã từng nộp hồ sơ: đã điền sẵn thông tin từ lần trước, vui lòng kiểm tra lại."
DOCUMENTS_GROUP = "Thành phần hồ sơ (đánh dấu giấy tờ đã nhận; phím cách để đánh dấu)"
DOC_COLUMNS = ("Đã nhận", "Tên giấy tờ", "Hình thức", "Số lượng")
DOC_OPTIONAL = " (nếu có)"
DOC_ADD = "Thêm giấy tờ"
DOC_NEW_NAME = "Giấy tờ khác"
DOC_FORM_DEFAULT = "bản chính"
OPTIONS_GROUP = "Hình thức nộp, nhận kết quả và phí"
FIELD_SETS = "Số bộ:"
FIELD_CHANNEL = "Hình thức nộp:"
FIELD_DELIVERY = "Nhận kết quả:"
FIELD_DELIVERY_ADDRESS = "Địa chỉ nhận:"
FIELD_FEE = "Phí, lệ phí:"
CHANNELS = {"direct": "Trực tiếp", "post": "Qua bưu chính"}
DELIVERIES = {"counter": "Tại Bộ phận Một cửa", "post": "Qua bưu chính"}
FEE_SUFFIX = " đồng"
DUE_GROUP = "Ngày hẹn trả kết quả"
DUE_NONE = "Chọn thủ tục để tính ngày hẹn trả."
DUE_AT = "Hẹn trả: {instant}"
PDPL_NOTICE = (
    "Thông tin cá nhân chỉ được dùng để giải quyết thủ tục hành chính này và lưu theo quy định "
    "(Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15). Công dân có quyền xem, yêu cầu sửa thông tin của mình."
)
SAVE_BUTTON = "Tiếp nhận và in giấy hẹn (F9)"
SAVE_TOOLTIP = "Lưu hồ sơ, cấp mã và mở giấy tiếp nhận (F9 hoặc Ctrl+Enter; Ctrl+P: lưu và in ngay)"
SUPPLEMENT_BUTTON = "Hồ sơ chưa đủ — Phiếu bổ sung (Mẫu 02)"
REFUSE_BUTTON = "Từ chối tiếp nhận (Mẫu 03)"
CLEAR_BUTTON = "Nhập mới (Ctrl+N)"
SAVING = "Đang lưu hồ sơ…"
SAVED = "Đã tiếp nhận hồ sơ {code} — hẹn trả {due}."
SAVE_WARNINGS = "Lưu ý: {warnings}"
MISSING_DOCS_TITLE = "Hồ sơ chưa đủ giấy tờ"
MISSING_DOCS_TEXT = "Chưa nhận các giấy tờ bắt buộc:\n{items}\n\nBạn muốn làm gì?"
MISSING_DOCS_SUPPLEMENT = "Lập phiếu bổ sung (Mẫu 02)"
MISSING_DOCS_RECEIVE = "Vẫn tiếp nhận"
MISSING_DOCS_BACK = "Quay lại"
INTAKE_SUPPLEMENT_TITLE = "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02)"
INTAKE_SUPPLEMENT_HELP = "Hồ sơ không được tiếp nhận; công dân mang phiếu về bổ sung rồi nộp lại."
INTAKE_REFUSE_TITLE = "Phiếu từ chối tiếp nhận hồ sơ (Mẫu 03)"
INTAKE_REFUSE_HELP = "Không tạo hồ sơ. Ghi rõ lý do từ chối, mỗi lý do một dòng."
FIELD_ITEMS = "Nội dung cần bổ sung (mỗi dòng một nội dung):"
FIELD_REASONS = "Lý do từ chối (mỗi dòng một lý do):"
FIELD_REASON = "Lý do:"
FIELD_CONTACT_NAME = "Người cần liên hệ:"
FIELD_CONTACT_PHONE = "Điện thoại liên hệ:"
NEED_APPLICANT_NAME = "Vui lòng nhập họ tên người nộp hồ sơ."
NEED_REASONS = "Vui lòng ghi ít nhất một lý do."
NEED_ITEMS = "Vui lòng ghi ít nhất một nội dung cần bổ sung."

# --- dossier list -------------------------------------------------------------------------------------
SEARCH_PLACEHOLDER = "Tìm theo mã hồ sơ, họ tên (có hoặc không dấu), số định danh, số điện thoại… (Ctrl+F)"
QUICK_FILTERS = {
    "all": "Tất cả",
    "in_progress": "Đang giải quyết",
    "due_today": "Đến hạn hôm nay",
    "due_soon": "Sắp đến hạn",
    "overdue": "Quá hạn",
    "awaiting_supplement": "Chờ bổ sung",
    "result_ready": "Có kết quả, chờ trả",
    "returned": "Đã trả",
}
FILTER_WITH_COUNT = "{label} ({count})"
LIST_COLUMNS = ("Mã hồ sơ", "Người nộp", "Thủ tục", "Trạng thái", "Ngày nhận", "Hẹn trả", "Tình hình")
ROW_STATUS = {
    "overdue": "Quá hạn",
    "due_today": "Đến hạn hôm nay",
    "due_soon": "Sắp đến hạn",
    "within": "Trong hạn",
    "paused": "Tạm dừng tính hạn",
    "ready": "Có kết quả",
    "ready_late": "Có kết quả (trễ hạn)",
    "done_early": "Trả trước hạn",
    "done_on_time": "Trả đúng hạn",
    "done_late": "Trả quá hạn",
    "closed": "Đã kết thúc",
}
OVERDUE_DAYS = "Quá hạn {days} ngày"
LIST_SHOWING = "Đang hiển thị {shown} / {total} hồ sơ"
LIST_LOADING = "Đang tải…"
LIST_EMPTY = "Không có hồ sơ nào."
OPEN_BUTTON = "Mở hồ sơ (Enter)"
REFRESH_BUTTON = "Làm mới (F5)"
LEGEND = "Màu dòng:"

# --- dossier detail -----------------------------------------------------------------------------------
DETAIL_TITLE = "Hồ sơ {code}"
DETAIL_LOADING = "Đang tải hồ sơ…"
DETAIL_FIELDS = {
    "state": "Trạng thái:",
    "applicant": "Người nộp:",
    "id_number": "Số định danh:",
    "contact": "Liên hệ:",
    "address": "Địa chỉ:",
    "submitter": "Người nộp thay:",
    "procedure": "Thủ tục:",
    "received": "Tiếp nhận lúc:",
    "promised": "Hẹn trả (trên giấy hẹn):",
    "current": "Hạn hiện tại:",
    "delivery": "Nhận kết quả:",
    "fee": "Phí, lệ phí:",
    "handler": "Người xử lý:",
    "ledger": "Sổ theo dõi:",
    "documents": "Giấy tờ đã nhận:",
    "receiver": "Người nhận kết quả:",
}
LEDGER_TEXT = "Quyển số {book}/{year}, số thứ tự {ordinal}"
DELIVERY_POST = "Qua bưu chính: {address}"
TIMELINE_GROUP = "Quá trình giải quyết"
TIMELINE_COLUMNS = ("Thời gian", "Cán bộ", "Việc", "Chi tiết")
ACTIONS_GROUP = "Thao tác"
NO_ACTIONS = "Hồ sơ đã kết thúc: không còn thao tác nào."
REPRINT_SLIP = "In lại giấy tiếp nhận"
PRINT_CONTROL_SHEET = "In phiếu kiểm soát (Mẫu 06)"
ACTION_BUTTONS: dict[DossierAction, str] = {
    DossierAction.FORWARD: "&Chuyển xử lý",
    DossierAction.REQUEST_SUPPLEMENT: "Yêu cầu &bổ sung (Mẫu 02)",
    DossierAction.RECORD_SUPPLEMENT: "Đã bổ &sung đủ",
    DossierAction.MARK_RESULT_READY: "Có &kết quả",
    DossierAction.RETURN_RESULT: "&Trả kết quả",
    DossierAction.EXTEND: "Xin lỗi, &gia hạn (Mẫu 04)",
    DossierAction.STOP: "&Dừng giải quyết (Mẫu 05)",
    DossierAction.REFUSE: "Từ chối &giải quyết",
    DossierAction.WITHDRAW: "Công dân &rút hồ sơ",
}
ACTION_NOT_PERMITTED = "Vai trò của bạn không được thực hiện thao tác này."
ACTION_DONE = "Đã {action}: hồ sơ {code}."
EVENT_LABELS = {
    "receive": "Tiếp nhận",
    "forward": "Chuyển xử lý",
    "request_supplement": "Yêu cầu bổ sung",
    "record_supplement": "Đã bổ sung",
    "mark_result_ready": "Có kết quả",
    "return_result": "Trả kết quả",
    "refuse": "Từ chối giải quyết",
    "extend": "Xin lỗi, gia hạn",
    "stop": "Dừng giải quyết",
    "withdraw": "Rút hồ sơ",
    "print": "In",
    "due_recomputed": "Tính lại hạn",
}
EVENT_DETAILS = {
    "handler": "Người xử lý: {value}",
    "upward": "Liên thông lên cấp trên",
    "reason": "Lý do: {value}",
    "items": "Cần bổ sung: {value}",
    "note": "Ghi chú: {value}",
    "new_due_at": "Hạn mới: {value}",
    "promised_due_at": "Hẹn trả: {value}",
    "satisfaction": "Đánh giá: {value}",
    "form": "Mẫu: {value}",
    "copies": "{value} bản",
    "reprint_reason": "In lại vì: {value}",
}
FORM_NAMES = {
    "slip": "Giấy tiếp nhận (Mẫu 01)",
    "supplement_request": "Phiếu bổ sung (Mẫu 02)",
    "rejection": "Phiếu từ chối (Mẫu 03)",
    "apology_extension": "Văn bản xin lỗi, gia hạn (Mẫu 04)",
    "stop_notice": "Thông báo dừng (Mẫu 05)",
    "control_sheet": "Phiếu kiểm soát (Mẫu 06)",
    "ledger": "Sổ theo dõi (Mẫu 07)",
}
SATISFACTION = {
    "hai_long": "Hài lòng",
    "binh_thuong": "Bình thường",
    "khong_hai_long": "Không hài lòng",
    "": "Không đánh giá",
}

# --- action dialogs -----------------------------------------------------------------------------------
FIELD_HANDLER = "Chuyển cho (người, cơ quan xử lý):"
FIELD_UPWARD = "Liên thông lên cấp trên"
FIELD_NOTE = "Ghi chú:"
FIELD_NEW_DUE = "Ngày giờ hẹn trả mới:"
FIELD_SIGNER_TITLE = "Chức vụ người ký:"
FIELD_SIGNER_NAME = "Họ tên người ký:"
SIGNER_TITLE_DEFAULT = "GIÁM ĐỐC"
FIELD_RECEIVER = "Người nhận kết quả:"
FIELD_RECEIVER_ID = "Số định danh người nhận:"
FIELD_SATISFACTION = "Mức độ hài lòng:"
PRINT_AFTER = "In {form} sau khi lưu"
HANDLERS = (
    "Công chức Tư pháp – Hộ tịch",
    "Công chức Văn phòng – Thống kê",
    "Công chức Địa chính – Xây dựng",
    "Công chức Văn hóa – Xã hội",
    "Trung tâm Phục vụ hành chính công tỉnh",
)
HANDLER_UNKNOWN = "Cơ quan giải quyết"
HANDOVER_CITIZEN = "Tổ chức, cá nhân"
PLUS_WORKING_DAYS = "(thêm {n} ngày làm việc)"

# --- return -------------------------------------------------------------------------------------------
RETURN_HEADING = "Trả kết quả: quét giấy hẹn hoặc nhập mã hồ sơ rồi nhấn Enter"
RETURN_CODE_PLACEHOLDER = "Mã hồ sơ trên giấy hẹn"
RETURN_FIND = "Tìm"
RETURN_NOT_READY = "Hồ sơ {code} chưa có kết quả để trả (trạng thái: {state})."
RETURN_ALREADY = "Hồ sơ {code} đã trả kết quả lúc {at}."
RETURN_WHO = "Người đến nhận"
RETURN_APPLICANT = "Chính người nộp hồ sơ"
RETURN_OTHER = "Người khác (được ủy quyền)"
RETURN_PRINT = "In phiếu bàn giao (phiếu kiểm soát, Mẫu 06)"
RETURN_BUTTON = "Trả kết quả (F9)"
RETURN_DONE = "Đã trả kết quả hồ sơ {code} cho {name}."
RETURN_MARK_READY = "Ghi nhận có kết quả"

# --- admin ------------------------------------------------------------------------------------------
ADMIN_UNIT = "Đơn vị"
ADMIN_USERS = "Tài khoản cán bộ"
ADMIN_ONLY = "Chỉ quản trị viên được quản lý tài khoản."
USER_COLUMNS = ("Tên đăng nhập", "Họ và tên", "Vai trò", "Trạng thái")
USER_ACTIVE = "Đang dùng"
USER_INACTIVE = "Đã khóa"
USER_MUST_CHANGE = "Chờ đổi mật khẩu"
ADD_USER = "Thêm tài khoản"
FIELD_USERNAME = "Tên đăng nhập:"
FIELD_ROLE = "Vai trò:"
FIELD_PASSWORD = "Mật khẩu tạm:"
USER_CREATED = "Đã tạo tài khoản {username}; người dùng sẽ phải đổi mật khẩu khi đăng nhập lần đầu."
UNIT_FIELDS = ("Tên đơn vị", "Mã định danh", "Cơ quan chủ quản", "Tỉnh", "Địa chỉ", "Điện thoại", "Cấp trên")
ADMIN_MORE = (
    "Danh mục thủ tục, lịch làm việc và sao lưu được quản lý bằng lệnh counter-app "
    "(xem hướng dẫn); màn hình riêng sẽ có trong các bản cập nhật tới."
)
FONT_SIZE_LABEL = "Cỡ chữ trên màn hình:"

# Báo cáo tab: Biểu 06 export
BIEU06_GROUP = "Biểu 06 – Tình hình, kết quả giải quyết TTHC"
BIEU06_PERIOD = "Kỳ báo cáo:"
BIEU06_PERIOD_HINT = "Ví dụ: 2026-11 (tháng), 2026-Q3 (quý), 2026-6M, 2026-9M, 2026 (năm)"
BIEU06_CUTOFF = "Cách tính kỳ:"
BIEU06_CUTOFF_LEGAL = "Từ ngày 15 kỳ trước đến ngày 14 (NĐ 09/2019)"
BIEU06_CUTOFF_CALENDAR = "Theo tháng, quý dương lịch"
BIEU06_XLSX = "Xuất Excel (XLSX)…"
BIEU06_PDF = "Xuất PDF…"
BIEU06_SAVED = "Đã lưu {path}"
BIEU06_SAVE_TITLE = "Lưu Biểu 06"
BIEU06_FAILED = "Không xuất được Biểu 06: {detail}"

# Đồng bộ tab (commune clerk): USB packages for the upper level
SYNC_STATUS_GROUP = "Tình trạng đồng bộ"
SYNC_LAST_EXPORT = "Lần xuất gói gần nhất:"
SYNC_LAST_EXPORT_VALUE = "gói số {sequence}, lúc {when:%H:%M} ngày {when:%d/%m/%Y}"
SYNC_NEVER_EXPORTED = "chưa xuất gói nào"
SYNC_UNACKED = "Gói chưa được cấp trên xác nhận:"
SYNC_HUB = "Cấp trên nhận gói:"
SYNC_HUB_VALUE = "{name} ({hub_id})"
SYNC_NO_HUB = "chưa nhập tệp định danh của cấp trên — chưa thể xuất gói"
SYNC_FINGERPRINT = "Dấu vân tay khóa của xã:"
SYNC_FINGERPRINT_HINT = "Đọc dãy này cho cán bộ cấp trên khi họ gọi điện đối chiếu."
SYNC_EXPORT_GROUP = "Gửi dữ liệu lên cấp trên (USB)"
SYNC_EXPORT_NEW = "Xuất gói mới…"
SYNC_EXPORT_RESEND = "Gửi lại phần chưa được xác nhận…"
SYNC_EXPORT_FULL = "Xuất toàn bộ…"
SYNC_CHOOSE_FOLDER = "Chọn USB hoặc thư mục để ghi gói"
SYNC_IMPORT_GROUP = "Nhận từ cấp trên"
SYNC_IMPORT_RETURN = "Nhập gói trả về…"
SYNC_IMPORT_IDENTITY = "Nhập tệp định danh cấp trên…"
SYNC_CHOOSE_RETURN = "Chọn gói trả về (TRA_….cappkg)"
SYNC_CHOOSE_IDENTITY = "Chọn tệp định danh cấp trên (DINH-DANH_….json)"
SYNC_PACKAGE_FILTER = "Gói đồng bộ (*.cappkg)"
SYNC_IDENTITY_FILTER = "Tệp định danh (*.json)"
SYNC_CANCEL = "Hủy"
SYNC_CANCELLING = "Đang hủy…"
SYNC_WORKING = "Đang làm việc, xin chờ…"
SYNC_EXPORT_FAILED = "Chưa xuất được gói — KHÔNG rút USB để gửi gói này. {detail}"
SYNC_EXPORT_CANCELLED = "Đã hủy xuất gói. Không có tệp nào được ghi; có thể xuất lại bất cứ lúc nào."
SYNC_FILE_FAILED = "«{name}»: {detail}"
SYNC_IDENTITY_FAILED = "Không nhập được tệp định danh: {detail}"
SYNC_NEEDS_ADMIN = "Chỉ quản trị viên được nhập tệp định danh cấp trên."

# Hub screen (upper level): import packages, the board, key confirmation, return packages
HUB_TITLE = "Cấp trên – tổng hợp gói đồng bộ của các xã"
HUB_HEADER = "{name} ({hub_id}) — dấu vân tay: {fingerprint}"
HUB_IMPORT_FOLDER = "Nhập gói từ thư mục…"
HUB_CHOOSE_IMPORT = "Chọn thư mục chứa gói của các xã (XA_….cappkg)"
HUB_BOARD_GROUP = "Bảng theo dõi các xã"
HUB_BOARD_COLUMNS = (
    "Xã", "Mã đơn vị", "Gói gần nhất", "Hồ sơ đã nhận", "Đang quá hạn", "Tỷ lệ đúng hạn", "Im lặng", "Thiếu gói",
)
HUB_SILENT_AFTER = "Cảnh báo xã im lặng quá (ngày):"
HUB_NEVER = "chưa có"
HUB_SILENT_DAYS = "{days} ngày"
HUB_PENDING_GROUP = "Xã chờ xác nhận khóa (gọi điện đối chiếu dấu vân tay)"
HUB_PENDING_COLUMNS = ("Mã đơn vị", "Xã", "Dấu vân tay trong gói", "Tệp")
HUB_FINGERPRINT_INPUT = "Dấu vân tay xã đọc qua điện thoại"
HUB_CONFIRM = "Xác nhận khóa của xã đã chọn"
HUB_CONFIRM_NONE = "Hãy chọn một xã trong danh sách chờ xác nhận."
HUB_CONFIRM_EMPTY = "Hãy nhập dấu vân tay mà cán bộ xã đọc qua điện thoại."
HUB_WRITE_RETURNS = "Ghi gói trả về cho các xã…"
HUB_CHOOSE_RETURN_FOLDER = "Chọn thư mục (USB) để ghi gói trả về"
HUB_NO_CONFIRMED = "Chưa có xã nào đã xác nhận khóa; chưa ghi được gói trả về."
HUB_LOG_GROUP = "Kết quả"
HUB_HELP_GUI = "mở màn hình cấp trên: nhập gói, bảng theo dõi các xã, xác nhận khóa, ghi gói trả về"

# Sign-in on the demo database: the accounts are public, so show them.
LOGIN_DEMO_ACCOUNTS = "Tài khoản mẫu: {accounts}"
