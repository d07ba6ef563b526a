"""Letters signed by the head of the unit: Mẫu 04 Văn bản xin lỗi và đề nghị gia hạn thời gian giải
quyết, and Mẫu 05 Thông báo dừng giải quyết hồ sơ. NĐ 30/2020 layout: 'Kính gửi', body with
first-line indents, 'Nơi nhận' bottom left beside the signature."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Table

from counter_app.printing.data import ApologyExtensionData, FormId, Paper, StopNoticeData, UnitHeader
from counter_app.printing.fonts import needs_fonts
from counter_app.printing.forms.common import (
    doc_info,
    numbering,
    page_spec,
    person_lines,
    time_text,
    title_block,
)
from counter_app.printing.layout import (
    PageSpec,
    Signer,
    Styles,
    nd30_header,
    para,
    render,
    signature_row,
    table,
)
from counter_app.printing.textfmt import time_parts
from counter_app.printing.wording import FormWording, Markup, form_wording


def _opening(
    w: FormWording, data: ApologyExtensionData | StopNoticeData, spec: PageSpec, st: Styles
) -> list[Flowable]:
    story: list[Flowable] = [
        nd30_header(w, data.unit, data.document_date, spec.frame_width, st, number=data.doc_number)
    ]
    story += title_block(w, data.dossier_code, st)
    story.append(para(w.fmt("addressee", name=data.applicant.name), st.centre))
    story += person_lines(w, data.applicant, st)
    return story


def _closing(
    w: FormWording,
    unit: UnitHeader,
    recipients: Sequence[str],
    signer_title: str,
    signer_name: str,
    spec: PageSpec,
    st: Styles,
) -> Table:
    """'Nơi nhận' on the left and the head's signature on the right, in one unsplittable row."""
    lines = [para(w.raw("recipients_title"), st.body), para(w.raw("recipient_addressee"), st.recipients)]
    lines += [para(w.fmt("recipient_item", name=r), st.recipients) for r in recipients]
    lines.append(para(w.raw("recipient_archive"), st.recipients))
    signer = signature_row(
        [Signer(signer_title, w.raw("sign_seal_hint"), signer_name)],
        spec.frame_width * 0.55,
        st,
        space=18 * mm * st.size / 12,
    )
    closing = table(
        [[lines, signer]],
        [spec.frame_width * 0.45, spec.frame_width * 0.55],
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
        ],
    )
    closing.spaceBefore = st.size * 0.6
    return closing


def _when(w: FormWording, moment: datetime) -> Markup:
    return time_text(w, time_parts(moment))


def _apology_story(data: ApologyExtensionData, w: FormWording, spec: PageSpec, st: Styles) -> list[Flowable]:
    unit = data.unit
    story = _opening(w, data, spec, st)
    story.append(
        para(
            w.fmt(
                "received",
                unit=unit.unit_name,
                procedure=data.procedure_name,
                received=_when(w, data.received_at),
                code=data.dossier_code,
                due=_when(w, data.due_at),
            ),
            st.letter,
        )
    )
    if data.responsible_unit:
        story.append(
            para(w.fmt("delay_by", responsible=data.responsible_unit, reason=data.reason), st.letter)
        )
    else:
        story.append(para(w.fmt("delay", reason=data.reason), st.letter))
    story.append(para(w.fmt("apology", unit=unit.unit_name, new_due=_when(w, data.new_due_at)), st.letter))
    story.append(para(w.raw("closing"), st.letter))
    story.append(_closing(w, unit, data.recipients, data.signer_title, data.signer_name, spec, st))
    return story


@needs_fonts
def build_apology_extension(
    data: ApologyExtensionData, paper: Paper = Paper.A4, wording_set: str | None = None
) -> bytes:
    w = form_wording(FormId.APOLOGY_EXTENSION, data.document_date, wording_set)
    spec = page_spec(paper)
    return render(
        lambda st: _apology_story(data, w, spec, st),
        spec,
        doc_info(w, data.unit, data.dossier_code),
        decorate=numbering(w, spec),
    )


def _stop_story(data: StopNoticeData, w: FormWording, spec: PageSpec, st: Styles) -> list[Flowable]:
    unit = data.unit
    story = _opening(w, data, spec, st)
    story.append(
        para(
            w.fmt(
                "received",
                unit=unit.unit_name,
                procedure=data.procedure_name,
                received=_when(w, data.received_at),
                code=data.dossier_code,
            ),
            st.letter,
        )
    )
    story.append(para(w.fmt("stop", unit=unit.unit_name, reason=data.reason), st.letter))
    if data.legal_basis:
        story.append(para(w.fmt("basis", basis=data.legal_basis), st.letter))
    story.append(para(w.fmt("closing", unit=unit.unit_name, phone=unit.phone), st.letter))
    story.append(_closing(w, unit, data.recipients, data.signer_title, data.signer_name, spec, st))
    return story


@needs_fonts
def build_stop_notice(data: StopNoticeData, paper: Paper = Paper.A4, wording_set: str | None = None) -> bytes:
    w = form_wording(FormId.STOP_NOTICE, data.document_date, wording_set)
    spec = page_spec(paper)
    return render(
        lambda st: _stop_story(data, w, spec, st),
        spec,
        doc_info(w, data.unit, data.dossier_code),
        decorate=numbering(w, spec),
    )
