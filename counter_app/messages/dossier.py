"""Vietnamese labels and messages about dossiers and their life cycle."""

from counter_app.core.states import DossierAction, DossierState

STATE_LABELS: dict[DossierState, str] = {
    DossierState.RECEIVED: "Đã tiếp nhận",
    DossierState.FORWARDED: "Đang xử lý",
    DossierState.AWAITING_SUPPLEMENT: "Chờ bổ sung",
    DossierState.SUPPLEMENTED: "Đã bổ sung",
    DossierState.EXTENDED: "Đã gia hạn (xin lỗi)",
    DossierState.RESULT_READY: "Có kết quả, chờ trả",
    DossierState.RETURNED: "Đã trả kết quả",
    DossierState.REFUSED: "Từ chối giải quyết",
    DossierState.STOPPED: "Dừng giải quyết",
    DossierState.WITHDRAWN: "Công dân rút hồ sơ",
}

ACTION_LABELS: dict[DossierAction, str] = {
    DossierAction.RECEIVE: "tiếp nhận hồ sơ",
    DossierAction.FORWARD: "chuyển xử lý",
    DossierAction.REQUEST_SUPPLEMENT: "yêu cầu bổ sung",
    DossierAction.RECORD_SUPPLEMENT: "ghi nhận đã bổ sung",
    DossierAction.MARK_RESULT_READY: "ghi nhận có kết quả",
    DossierAction.RETURN_RESULT: "trả kết quả",
    DossierAction.REFUSE: "từ chối giải quyết",
    DossierAction.EXTEND: "xin lỗi và gia hạn",
    DossierAction.STOP: "dừng giải quyết",
    DossierAction.WITHDRAW: "rút hồ sơ",
}

ILLEGAL_TRANSITION = "Không thể {action}: hồ sơ đang ở trạng thái «{state}»."
DOSSIER_NOT_FOUND = "Không tìm thấy hồ sơ «{ref}»."
PROCEDURE_NOT_FOUND = "Không tìm thấy thủ tục «{ref}» đang có hiệu lực."
REASON_REQUIRED = "Vui lòng nhập lý do."
NEW_DUE_REQUIRED = "Vui lòng nhập ngày hẹn trả mới, sau ngày hẹn hiện tại."
APPLICANT_NAME_REQUIRED = "Vui lòng nhập họ tên người nộp hồ sơ."
POST_ADDRESS_REQUIRED = "Nhận kết quả qua bưu chính cần địa chỉ nhận."
SETS_COUNT_INVALID = "Số bộ hồ sơ phải từ 1 trở lên."
FEE_INVALID = "Phí, lệ phí không được âm."
RECEIVER_REQUIRED = "Vui lòng nhập họ tên người nhận kết quả."
NOT_SETUP = "Cơ sở dữ liệu chưa được thiết lập đơn vị. Hãy chạy: counter-app setup"
HANDLER_REQUIRED = "Vui lòng nhập người hoặc cơ quan xử lý."
