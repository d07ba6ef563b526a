"""Mẫu 06 Phiếu kiểm soát quá trình giải quyết hồ sơ: one row per handover, with signatures."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table

from counter_app.printing.data import ControlSheetData, FormId, HandoverStep, Paper
from counter_app.printing.fonts import needs_fonts
from counter_app.printing.forms.common import doc_info, numbering, page_spec, time_text, title_block
from counter_app.printing.layout import PageSpec, Styles, gap, grid, nd30_header, para, render, table, widths
from counter_app.printing.textfmt import markup, time_parts
from counter_app.printing.wording import FormWording, Markup, form_wording

COLUMNS = (38, 62, 26, 20)  # agency | time and signatures | result | note


def _signatures(w: FormWording, step: HandoverStep | None, width: float, st: Styles) -> Table:
    """'Người giao' and 'Người nhận' side by side inside the time cell, with room to sign."""
    cells = []
    for title, name in (
        (w.raw("giver"), step.giver_name if step else ""),
        (w.raw("receiver"), step.receiver_name if step else ""),
    ):
        cells.append(
            [para(title, st.cell_head), Spacer(1, 9 * mm * st.size / 12), para(markup(name), st.cell_centre)]
        )
    return table(
        [cells],
        [width / 2] * 2,
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 1.5),
            ("RIGHTPADDING", (0, 0), (-1, -1), 1.5),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
        ],
    )


def _row(w: FormWording, step: HandoverStep | None, col: list[float], st: Styles) -> list[object]:
    blank = Markup(w.raw("blank_unit"))
    give = step.giver_unit if step else blank
    receive = step.receiver_unit if step else blank
    when = time_text(w, time_parts(step.handed_at) if step and step.handed_at else None)
    return [
        [para(w.fmt("give", unit=give), st.cell), para(w.fmt("receive", unit=receive), st.cell)],
        [para(when, st.cell_centre), _signatures(w, step, col[1] - 5, st)],
        para(markup(step.result if step else ""), st.cell_centre),
        para(markup(step.note if step else ""), st.cell),
    ]


def _story(data: ControlSheetData, w: FormWording, spec: PageSpec, st: Styles) -> list[Flowable]:
    fw = spec.frame_width
    story: list[Flowable] = [nd30_header(w, data.unit, data.document_date, fw, st)]
    story += title_block(w, data.dossier_code, st, w.fmt("attached", name=data.applicant_name))
    story.append(para(w.fmt("procedure", procedure=data.procedure_name), st.justify))
    story.append(para(w.fmt("received_at", time=time_text(w, time_parts(data.received_at))), st.body))
    story.append(para(w.fmt("due_at", time=time_text(w, time_parts(data.due_at))), st.body))
    story.append(gap(st, 0.3))
    col = widths(COLUMNS, fw)
    rows: list[list[object]] = [
        [para(w.raw(k), st.cell_head) for k in ("col_agency", "col_time", "col_result", "col_note")]
    ]
    rows += [_row(w, step, col, st) for step in data.steps]
    rows += [_row(w, None, col, st) for _ in range(data.blank_rows)]
    handovers = grid(rows, col)
    handovers.setStyle([("VALIGN", (0, 1), (-1, -1), "TOP")])
    story.append(handovers)
    return story


@needs_fonts
def build_control_sheet(
    data: ControlSheetData, paper: Paper = Paper.A4, wording_set: str | None = None
) -> bytes:
    w = form_wording(FormId.CONTROL_SHEET, data.document_date, wording_set)
    spec = page_spec(paper)
    return render(
        lambda st: _story(data, w, spec, st),
        spec,
        doc_info(w, data.unit, data.dossier_code),
        decorate=numbering(w, spec),
    )
