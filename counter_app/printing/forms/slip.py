"""Mẫu 01 Giấy tiếp nhận hồ sơ và hẹn trả kết quả: A4, A5, and the 80 mm short receipt."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from counter_app.printing.barcodes import CentredBars, CentredQr, code128_width
from counter_app.printing.data import CopyLabel, DeliveryMethod, FormId, Paper, SlipData
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
    ROLL_MARGIN,
    ROLL_WIDTH,
    PageSpec,
    Signer,
    Styles,
    build_pdf,
    gap,
    grid,
    nd30_header,
    para,
    render,
    signature_row,
    story_height,
    styles,
    widths,
)
from counter_app.printing.textfmt import group_thousands, markup, time_parts
from counter_app.printing.wording import FormWording, Markup, form_wording

DOC_COLUMNS = (7, 72, 29, 10, 22)  # TT | name | form | count | note (relative widths)


def short_dossier_code(code: str) -> str:
    """The part of the code after the last '.' of the agency code: 'H56-210531-0001'.

    Why: the full code at 0.25 mm/module is 77 mm of bars, wider than an 80 mm head prints; the
    short code is 49.5 mm. The QR next to it always carries the full code.
    """
    return code.rsplit(".", 1)[-1]


def _copy_note(w: FormWording, label: CopyLabel | None) -> str | None:
    if label is None:
        return None
    return w.raw("copy_kept" if label == CopyLabel.KEPT else "copy_applicant")


def _fee(w: FormWording, fee: int, key: str) -> Markup:
    if fee <= 0:
        return Markup(w.raw(f"{key}_none"))
    return w.fmt(key, amount=w.fmt("money", amount=group_thousands(fee)))


def _documents_table(w: FormWording, data: SlipData, st: Styles, width: float) -> Flowable:
    head = [para(w.raw(k), st.cell_head) for k in ("col_no", "col_name", "col_form", "col_count", "col_note")]
    rows: list[list[object]] = [head]
    for i, doc in enumerate(data.documents, 1):
        rows.append(
            [
                str(i),
                para(markup(doc.name), st.cell),
                para(markup(doc.form), st.cell_centre),
                str(doc.count),
                para(markup(doc.note), st.cell),
            ]
        )
    return grid(rows, widths(DOC_COLUMNS, width), st=st, centre_columns=(0, 3))


def _story(data: SlipData, w: FormWording, spec: PageSpec, st: Styles) -> list[Flowable]:
    unit = data.unit
    fw = spec.frame_width
    story: list[Flowable] = [nd30_header(w, unit, data.document_date, fw, st)]
    story += title_block(w, data.dossier_code, st, _copy_note(w, data.copy_label))
    story.append(para(w.fmt("received_from", unit=unit.unit_name, name=data.applicant.name), st.body))
    story += person_lines(w, data.applicant, st)
    if data.submitter is not None:
        story.append(para(w.fmt("submitter", name=data.submitter.name), st.body))
        story += person_lines(w, data.submitter, st)
    story.append(para(w.fmt("procedure", procedure=data.procedure_name), st.justify))
    story.append(para(w.raw("documents"), st.body))
    story.append(_documents_table(w, data, st, fw))
    story.append(gap(st, 0.4))
    delivery = (
        w.fmt("delivery_post", address=data.delivery.address)
        if data.delivery.method == DeliveryMethod.POST
        else w.fmt("delivery_counter", unit=unit.unit_name)
    )
    for line in (
        w.fmt("sets", count=data.sets_count),
        w.fmt("processing", time=data.processing_time),
        w.fmt("received_at", time=time_text(w, time_parts(data.received_at))),
        w.fmt("due_at", time=time_text(w, time_parts(data.due_at))),
        delivery,
        _fee(w, data.fee, "fee"),
    ):
        story.append(para(line, st.justify))
    if data.ledger_book != "" or data.ledger_ordinal != "":
        story.append(para(w.fmt("ledger", book=data.ledger_book, ordinal=data.ledger_ordinal), st.body))
    if unit.phone:
        story.append(para(w.fmt("return_note", phone=unit.phone), st.justify))
    submitter = data.submitter or data.applicant
    hint = w.raw("sign_hint")
    signers = [
        Signer(w.raw("sign_submitter"), hint, submitter.name),
        Signer(w.raw("sign_receiver"), hint, data.receiver_name),
    ]
    story.append(signature_row(signers, fw, st, space=14 * mm * st.size / 12))
    return story


@needs_fonts
def build_slip(data: SlipData, paper: Paper = Paper.A4, wording_set: str | None = None) -> bytes:
    """Mẫu 01 on A4 or A5 (one page whenever it can fit), or the 80 mm short receipt."""
    w = form_wording(FormId.SLIP, data.document_date, wording_set)
    if paper == Paper.ROLL_80MM:
        return _build_roll(data, w)
    spec = page_spec(paper)
    return render(
        lambda st: _story(data, w, spec, st),
        spec,
        doc_info(w, data.unit, data.dossier_code),
        decorate=numbering(w, spec),
    )


def _roll_story(data: SlipData, w: FormWording, st: Styles, width: float) -> list[Flowable]:
    short = short_dossier_code(data.dossier_code)
    story: list[Flowable] = [
        para(w.fmt("header_unit", name=data.unit.unit_name.upper()), st.sign_title),
        para(w.raw("roll_title"), st.title),
        para(w.fmt("roll_code", code=data.dossier_code), st.centre),
    ]
    if code128_width(short) <= width + 2 * ROLL_MARGIN:  # quiet zones may run into the paper margin
        bars = CentredBars(short, bar_height_mm=10.0, text_size=st.size - 0.5)
        bars.spaceBefore, bars.spaceAfter = 3, 6
        story.append(bars)
    delivery = (
        w.fmt("roll_delivery_post", address=data.delivery.address)
        if data.delivery.method == DeliveryMethod.POST
        else w.fmt("roll_delivery_counter", unit=data.unit.unit_name)
    )
    lines = [
        w.fmt("roll_applicant", name=data.applicant.name),
        w.fmt("roll_procedure", procedure=data.procedure_name),
        w.fmt("roll_received", time=time_text(w, time_parts(data.received_at))),
        w.fmt("roll_due", time=time_text(w, time_parts(data.due_at))),
        delivery,
        _fee(w, data.fee, "roll_fee"),
    ]
    if data.unit.phone:
        lines.append(w.fmt("roll_phone", phone=data.unit.phone))
    story += [para(line, st.body) for line in lines]
    qr = CentredQr(data.dossier_code)
    qr.spaceBefore = 4
    story += [qr, para(w.raw("roll_note"), st.centre)]
    return story


def _build_roll(data: SlipData, w: FormWording) -> bytes:
    """One page as long as its content: measure the story, then build a page of that height."""
    st = styles(9.0)
    width = ROLL_WIDTH - 2 * ROLL_MARGIN
    story = _roll_story(data, w, st, width)
    height = story_height(story, width)
    spec = PageSpec(
        ROLL_WIDTH,
        height + 12 * mm,
        top=5 * mm,
        right=ROLL_MARGIN,
        bottom=5 * mm,
        left=ROLL_MARGIN,
        base=st.size,
    )
    info = doc_info(w, data.unit, data.dossier_code)
    pdf, _ = build_pdf(_roll_story(data, w, st, width), spec, info)
    return pdf
