"""Mẫu 02 Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ and Mẫu 03 Phiếu từ chối tiếp nhận giải quyết hồ sơ."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from counter_app.printing.data import FormId, Paper, RejectionData, SupplementRequestData
from counter_app.printing.fonts import needs_fonts
from counter_app.printing.forms.common import doc_info, numbering, page_spec, person_lines, title_block
from counter_app.printing.layout import (
    PageSpec,
    Signer,
    Styles,
    gap,
    grid,
    nd30_header,
    para,
    render,
    signature_row,
    widths,
)
from counter_app.printing.textfmt import markup
from counter_app.printing.wording import FormWording, form_wording

ITEM_COLUMNS = (8, 100, 40)  # TT | content | note


def _sign_space(st: Styles) -> float:
    return 14 * mm * st.size / 12


def _supplement_story(
    data: SupplementRequestData, w: FormWording, spec: PageSpec, st: Styles
) -> list[Flowable]:
    fw = spec.frame_width
    unit = data.unit
    story: list[Flowable] = [nd30_header(w, unit, data.document_date, fw, st, number=data.doc_number)]
    story += title_block(w, data.dossier_code, st)
    story.append(para(w.fmt("received_from", unit=unit.unit_name, name=data.applicant.name), st.body))
    story.append(para(w.fmt("procedure", procedure=data.procedure_name), st.justify))
    story += person_lines(w, data.applicant, st)
    story.append(para(w.raw("request"), st.body))
    rows: list[list[object]] = [[para(w.raw(k), st.cell_head) for k in ("col_no", "col_content", "col_note")]]
    for i, item in enumerate(data.items, 1):
        rows.append(
            [
                str(i),
                para(markup(item.content), st.cell),
                para(markup(item.note), st.cell),
            ]
        )
    story += [grid(rows, widths(ITEM_COLUMNS, fw), st=st, centre_columns=(0,)), gap(st, 0.4)]
    if data.reason:
        story.append(para(w.fmt("reason", reason=data.reason), st.justify))
    contact_name = data.contact_name or data.guide_name
    contact_phone = data.contact_phone or unit.phone
    story.append(para(w.fmt("contact", name=contact_name, phone=contact_phone), st.justify))
    story.append(
        signature_row(
            [None, Signer(w.raw("sign_guide"), w.raw("sign_hint"), data.guide_name)],
            fw,
            st,
            space=_sign_space(st),
        )
    )
    return story


@needs_fonts
def build_supplement_request(
    data: SupplementRequestData, paper: Paper = Paper.A4, wording_set: str | None = None
) -> bytes:
    w = form_wording(FormId.SUPPLEMENT_REQUEST, data.document_date, wording_set)
    spec = page_spec(paper)
    return render(
        lambda st: _supplement_story(data, w, spec, st),
        spec,
        doc_info(w, data.unit, data.dossier_code),
        decorate=numbering(w, spec),
    )


def _rejection_story(data: RejectionData, w: FormWording, spec: PageSpec, st: Styles) -> list[Flowable]:
    fw = spec.frame_width
    unit = data.unit
    story: list[Flowable] = [nd30_header(w, unit, data.document_date, fw, st, number=data.doc_number)]
    story += title_block(w, data.dossier_code, st)
    story.append(para(w.fmt("received_from", unit=unit.unit_name, name=data.applicant.name), st.body))
    story += person_lines(w, data.applicant, st)
    story.append(para(w.fmt("procedure", procedure=data.procedure_name), st.justify))
    story.append(para(w.fmt("reasons", unit=unit.unit_name), st.justify))
    for i, reason in enumerate(data.reasons, 1):
        story.append(para(w.fmt("reason_item", n=i, reason=reason), st.letter))
    story.append(para(w.raw("closing"), st.letter))
    hint = w.raw("sign_hint")
    story.append(
        signature_row(
            [
                Signer(w.raw("sign_submitter"), hint, data.applicant.name),
                Signer(w.raw("sign_receiver"), hint, data.receiver_name),
            ],
            fw,
            st,
            space=_sign_space(st),
        )
    )
    return story


@needs_fonts
def build_rejection(data: RejectionData, paper: Paper = Paper.A4, wording_set: str | None = None) -> bytes:
    w = form_wording(FormId.REJECTION, data.document_date, wording_set)
    spec = page_spec(paper)
    return render(
        lambda st: _rejection_story(data, w, spec, st),
        spec,
        doc_info(w, data.unit, data.dossier_code),
        decorate=numbering(w, spec),
    )
