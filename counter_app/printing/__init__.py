"""ReportLab builders for the one-stop forms: plain frozen data in, PDF bytes out (no Qt, no ORM)."""

from counter_app.printing.builder import build_form, data_type, supported_papers
from counter_app.printing.data import (
    ApologyExtensionData,
    ControlSheetData,
    CopyLabel,
    Delivery,
    DeliveryMethod,
    DocumentRow,
    FormData,
    FormId,
    HandoverStep,
    LedgerData,
    LedgerEntry,
    Paper,
    Person,
    PrintRecord,
    RejectionData,
    SlipData,
    StopNoticeData,
    SupplementItem,
    SupplementRequestData,
    UnitHeader,
)
from counter_app.printing.fonts import FontError, register_fonts
from counter_app.printing.forms.control_sheet import build_control_sheet
from counter_app.printing.forms.ledger import build_ledger
from counter_app.printing.forms.letters import build_apology_extension, build_stop_notice
from counter_app.printing.forms.notices import build_rejection, build_supplement_request
from counter_app.printing.forms.slip import build_slip, short_dossier_code

__all__ = [
    "ApologyExtensionData",
    "ControlSheetData",
    "CopyLabel",
    "Delivery",
    "DeliveryMethod",
    "DocumentRow",
    "FontError",
    "FormData",
    "FormId",
    "HandoverStep",
    "LedgerData",
    "LedgerEntry",
    "Paper",
    "Person",
    "PrintRecord",
    "RejectionData",
    "SlipData",
    "StopNoticeData",
    "SupplementItem",
    "SupplementRequestData",
    "UnitHeader",
    "build_apology_extension",
    "build_control_sheet",
    "build_form",
    "build_ledger",
    "build_rejection",
    "build_slip",
    "build_stop_notice",
    "build_supplement_request",
    "data_type",
    "register_fonts",
    "short_dossier_code",
    "supported_papers",
]
