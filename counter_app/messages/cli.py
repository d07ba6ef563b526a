"""Vietnamese text of the command line."""

DESCRIPTION = "Phần mềm Bộ phận Một cửa cấp xã (hoạt động không cần mạng)."
HELP_DB = "đường dẫn tệp cơ sở dữ liệu SQLite (mặc định: thư mục dữ liệu của người dùng)"
HELP_DEMO = "mở phần mềm trên cơ sở dữ liệu mẫu của một xã (tạo mới nếu chưa có)"
HELP_SETUP = "thiết lập đơn vị lần đầu: thông tin đơn vị và tài khoản quản trị"
HELP_DEMO_CMD = "tạo cơ sở dữ liệu mẫu"
HELP_CATALOG = "danh mục thủ tục hành chính"
HELP_CATALOG_IMPORT = "nhập danh mục từ tệp CSV hoặc XLSX"
HELP_DB_CMD = "kiểm tra, nâng cấp cơ sở dữ liệu"
HELP_DB_CHECK = "kiểm tra toàn vẹn cơ sở dữ liệu"
HELP_DB_UPGRADE = "nâng cấp lược đồ cơ sở dữ liệu (có sao lưu trước)"
PROMPT = {
    "agency_code": "Mã định danh cơ quan (ví dụ 000.21.27.H56): ",
    "name": "Tên đơn vị (ví dụ Trung tâm Phục vụ hành chính công xã …): ",
    "parent_body": "Cơ quan chủ quản (ví dụ UBND xã …): ",
    "province": "Tỉnh/thành phố: ",
    "upper_office": "Cơ quan cấp trên nhận báo cáo: ",
    "upper_level": "Cấp trên là cấp tỉnh hay huyện? [tinh/huyen] (mặc định tinh): ",
    "mountainous": "Xã miền núi, đặc biệt khó khăn? [c/k] (mặc định k): ",
    "address": "Địa chỉ trụ sở: ",
    "phone": "Số điện thoại bộ phận một cửa: ",
    "place": "Địa danh ghi trên văn bản (ví dụ Mường Lát): ",
    "admin_user": "Tên đăng nhập quản trị: ",
    "admin_name": "Họ tên quản trị viên: ",
    "admin_password": "Mật khẩu quản trị (ít nhất 8 ký tự): ",
    "admin_password_again": "Nhập lại mật khẩu: ",
}
PASSWORDS_DIFFER = "Hai lần nhập mật khẩu không khớp."
DEMO_EXISTS = "Cơ sở dữ liệu mẫu đã có tại {path}."
DEMO_CREATING = "Đang tạo cơ sở dữ liệu mẫu tại {path} …"
DEMO_CREATED = "Đã tạo {n} hồ sơ mẫu trong {seconds:.1f} giây. Tài khoản mẫu:"
DEMO_TARGET_NOT_EMPTY = "Tệp {path} đã có dữ liệu của một đơn vị; không tạo dữ liệu mẫu đè lên."
ERROR_PREFIX = "Lỗi: "
GUI_UNAVAILABLE = "Không mở được giao diện: {detail}"
