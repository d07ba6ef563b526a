"""`build_form(form_id, data, paper)`: one entry point for every form, for the UI and services."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from counter_app.printing.data import (
    ApologyExtensionData,
    ControlSheetData,
    FormData,
    FormId,
    LedgerData,
    Paper,
    RejectionData,
    SlipData,
    StopNoticeData,
    SupplementRequestData,
)
from counter_app.printing.fonts import register_fonts
from counter_app.printing.forms.control_sheet import build_control_sheet
from counter_app.printing.forms.ledger import build_ledger
from counter_app.printing.forms.letters import build_apology_extension, build_stop_notice
from counter_app.printing.forms.notices import build_rejection, build_supplement_request
from counter_app.printing.forms.slip import build_slip

_BUILDERS: dict[FormId, tuple[type, Callable[..., bytes], tuple[Paper, ...]]] = {
    FormId.SLIP: (SlipData, build_slip, (Paper.A4, Paper.A5, Paper.ROLL_80MM)),
    FormId.SUPPLEMENT_REQUEST: (SupplementRequestData, build_supplement_request, (Paper.A4, Paper.A5)),
    FormId.REJECTION: (RejectionData, build_rejection, (Paper.A4, Paper.A5)),
    FormId.APOLOGY_EXTENSION: (ApologyExtensionData, build_apology_extension, (Paper.A4, Paper.A5)),
    FormId.STOP_NOTICE: (StopNoticeData, build_stop_notice, (Paper.A4, Paper.A5)),
    FormId.CONTROL_SHEET: (ControlSheetData, build_control_sheet, (Paper.A4, Paper.A5)),
    FormId.LEDGER: (LedgerData, build_ledger, (Paper.A4,)),
}


def supported_papers(form_id: FormId | str) -> tuple[Paper, ...]:
    """Papers a form can be printed on, the default (A4) first."""
    return _BUILDERS[FormId(form_id)][2]


def data_type(form_id: FormId | str) -> type:
    return _BUILDERS[FormId(form_id)][0]


def build_form(
    form_id: FormId | str, data: FormData, paper: Paper | str = Paper.A4, wording_set: str | None = None
) -> bytes:
    """PDF bytes of `form_id` for `data` on `paper`.

    The wording comes from the set in force on the document's date unless `wording_set` names one.
    Raises TypeError for data of the wrong kind and ValueError for a paper the form is not offered on.
    """
    form_id = FormId(form_id)
    paper = Paper(paper)
    expected, builder, papers = _BUILDERS[form_id]
    if not isinstance(data, expected):
        raise TypeError(f"{form_id} needs {expected.__name__}, got {type(data).__name__}")
    if paper not in papers:
        raise ValueError(f"{form_id} is not offered on {paper}")
    register_fonts()
    result: Any = builder(data, paper, wording_set)
    return result
