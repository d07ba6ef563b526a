"""Vietnamese messages about the database file and its start-up protocol."""

DB_TOO_NEW = (
    "Cơ sở dữ liệu «{path}» được tạo bởi phiên bản phần mềm mới hơn (lược đồ {found}). "
    "Phiên bản này chỉ hiểu đến lược đồ {known}. Hãy cài phiên bản mới nhất; tệp dữ liệu không bị thay đổi."
)
DB_UPGRADE_FAILED = (
    "Không nâng cấp được cơ sở dữ liệu: {detail}. Dữ liệu cũ được giữ nguyên trong bản sao «{backup}». "
    "Hãy liên hệ bộ phận hỗ trợ kỹ thuật."
)
DB_NOT_SQLITE = "Tệp «{path}» không phải là cơ sở dữ liệu của phần mềm (hỏng hoặc sai định dạng)."
DB_DISK_FULL = "Ổ đĩa đã đầy, không ghi được dữ liệu. Hãy giải phóng dung lượng rồi thử lại; dữ liệu đã lưu không bị mất."
DB_READ_ONLY = "Không ghi được vào tệp dữ liệu (ổ đĩa chỉ đọc hoặc không có quyền ghi). Dữ liệu đã lưu không bị mất."
DB_BUSY = "Cơ sở dữ liệu đang bận (máy khác đang ghi). Hãy thử lại sau vài giây."
DB_IO_ERROR = "Lỗi đọc/ghi ổ đĩa: {detail}. Hãy kiểm tra ổ đĩa rồi thử lại."
DB_CORRUPT = "Tệp dữ liệu bị hỏng: {detail}. Hãy khôi phục từ bản sao lưu gần nhất."
DB_MISSING = "Không tìm thấy tệp dữ liệu «{path}»."
INTEGRITY_OK = "Kiểm tra toàn vẹn: tốt ({path}, lược đồ {revision})."
INTEGRITY_BAD = "Kiểm tra toàn vẹn phát hiện lỗi: {detail}"
UPGRADE_DONE = "Đã nâng cấp cơ sở dữ liệu từ lược đồ {old} lên {new}. Bản sao trước khi nâng cấp: {backup}"
UPGRADE_NOT_NEEDED = "Cơ sở dữ liệu đã ở lược đồ mới nhất ({revision})."
