"""ReportLab builders for the one-stop forms: plain frozen data in, PDF bytes out (no Qt, no ORM).

The names below load on first use (PEP 562): a window that imports `counter_app.printing.data` for its
enums must not pay for ReportLab (≈ 0.2 s); the GUI loads it on the worker before the first print
(ui/warmup.py).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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

_MODULES: dict[str, tuple[str, ...]] = {
    "builder": ("build_form", "data_type", "supported_papers"),
    "data": (
        "ApologyExtensionData", "ControlSheetData", "CopyLabel", "Delivery", "DeliveryMethod", "DocumentRow",
        "FormData", "FormId", "HandoverStep", "LedgerData", "LedgerEntry", "Paper", "Person", "PrintRecord",
        "RejectionData", "SlipData", "StopNoticeData", "SupplementItem", "SupplementRequestData", "UnitHeader",
    ),
    "fonts": ("FontError", "register_fonts"),
    "forms.control_sheet": ("build_control_sheet",),
    "forms.ledger": ("build_ledger",),
    "forms.letters": ("build_apology_extension", "build_stop_notice"),
    "forms.notices": ("build_rejection", "build_supplement_request"),
    "forms.slip": ("build_slip", "short_dossier_code"),
}
_EXPORTS = {name: f"{__name__}.{module}" for module, names in _MODULES.items() for name in names}

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


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:  # `from counter_app.printing import fonts` then imports the submodule itself
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # once: later lookups do not come here
    return value
