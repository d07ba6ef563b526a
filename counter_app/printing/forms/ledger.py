"""Mẫu 07 Sổ theo dõi hồ sơ: A4 landscape, a date range, as many pages as it takes, with the
three header rows repeated on every page and 'Trang n/N' at the foot."""

from __future__ import annotations

from datetime import datetime

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from counter_app.printing import fonts
from counter_app.printing.data import FormId, LedgerData, LedgerEntry, Paper
from counter_app.printing.fonts import needs_fonts
from counter_app.printing.forms.common import doc_info
from counter_app.printing.layout import (
    LEDGER_SPEC,
    Decorate,
    Styles,
    build_pdf,
    gap,
    nd30_header,
    para,
    story_height,
    styles,
    widths,
)
from counter_app.printing.paged_table import paged_grid
from counter_app.printing.textfmt import local, markup, nfc, short_date, short_time
from counter_app.printing.wording import FormWording, form_wording

# TT | code | procedure | sets | name | address, phone | agency | 5 dates | signature | note
COLUMNS = (8, 36, 34, 11, 27, 33, 24, 16, 16, 16, 16, 16, 14, 14)
CODE_COLUMN = 1
DATE_KEYS = ("col_received", "col_due", "col_transferred", "col_result", "col_returned")
HEAD_KEYS = ("col_no", "col_code", "col_procedure", "col_sets", "col_name", "col_address", "col_agency")
CENTRED_COLUMNS = (0, 3, 7, 8, 9, 10, 11)  # TT, sets and the five dates: plain strings, centred
CELL_PADDING = 5.0  # left + right padding of a grid cell


def _when(moment: datetime | None) -> str:
    # Plain two-line strings, not Paragraphs: five date cells a line would otherwise cost five markup parses.
    if moment is None:
        return ""
    return f"{short_date(moment)}\n{short_time(moment)}"


def _column_widths(data: LedgerData, st: Styles, total: float) -> list[float]:
    """Proportional widths, but the code column never narrower than its longest code (a code split
    over two lines could not be read back or searched)."""
    cols = widths(COLUMNS, total)
    longest = max(
        (stringWidth(e.dossier_code, fonts.REGULAR, st.cell.fontSize) for e in data.entries), default=0
    )
    need = longest + CELL_PADDING + 1
    if need > cols[CODE_COLUMN]:
        others = total - need
        rest = [c for i, c in enumerate(cols) if i != CODE_COLUMN]
        rest = [c * others / sum(rest) for c in rest]
        cols = rest[:CODE_COLUMN] + [need] + rest[CODE_COLUMN:]
    return cols


def _header_rows(w: FormWording, st: Styles) -> list[list[object]]:
    first = [para(w.raw(k), st.cell_head) for k in HEAD_KEYS]
    first += [para(w.raw("col_dates"), st.cell_head), "", "", "", ""]
    first += [para(w.raw("col_sign"), st.cell_head), para(w.raw("col_note"), st.cell_head)]
    second: list[object] = (
        [""] * len(HEAD_KEYS) + [para(w.raw(k), st.cell_head) for k in DATE_KEYS] + ["", ""]
    )
    numbers: list[object] = [para(f"({i})", st.cell_centre) for i in range(1, len(COLUMNS) + 1)]
    return [first, second, numbers]


def _entry_row(entry: LedgerEntry, st: Styles) -> list[object]:
    cell = st.cell
    return [
        nfc(str(entry.ordinal)),
        para(markup(entry.dossier_code), cell),
        para(markup(entry.procedure_name), cell),
        nfc(str(entry.sets_count)),
        para(markup(entry.applicant_name), cell),
        para(markup(entry.address_phone), cell),
        para(markup(entry.handling_agency), cell),
        _when(entry.received_at),
        _when(entry.due_at),
        _when(entry.transferred_at),
        _when(entry.result_received_at),
        _when(entry.returned_at),
        "",
        para(markup(entry.note), cell),
    ]


def _story(data: LedgerData, w: FormWording, st: Styles) -> list[Flowable]:
    fw = LEDGER_SPEC.frame_width
    on = local(data.printed_at).date()
    story: list[Flowable] = [nd30_header(w, data.unit, on, fw * 0.85, st)]
    story.append(para(w.title, st.title))
    story.append(
        para(w.fmt("range", start=short_date(data.date_from), end=short_date(data.date_to)), st.centre)
    )
    if data.book != "":
        story.append(para(w.fmt("book", book=data.book), st.centre))
    story.append(gap(st, 0.6))
    if not data.entries:
        story.append(para(w.raw("empty"), st.centre_italic))
        return story
    spans = [("SPAN", (c, 0), (c, 1)) for c in (*range(len(HEAD_KEYS)), 12, 13)]
    style = [*spans, ("SPAN", (7, 0), (11, 0)), ("VALIGN", (0, 3), (-1, -1), "TOP")]
    first_room = LEDGER_SPEC.frame_height - story_height(story, fw)
    story += paged_grid(
        _header_rows(w, st),
        [_entry_row(e, st) for e in data.entries],
        _column_widths(data, st, fw),
        style,
        first_room,
        LEDGER_SPEC.frame_height,
        st=st,
        centre_columns=CENTRED_COLUMNS,
    )
    story.append(gap(st, 0.4))
    story.append(para(w.fmt("total", count=len(data.entries)), st.body))
    return story


def _decorate(w: FormWording, data: LedgerData) -> Decorate:
    spec = LEDGER_SPEC
    running = nfc(
        f"{w.title} – {w.raw('range').format(start=short_date(data.date_from), end=short_date(data.date_to))}"
    )

    def decorate(canvas: Canvas, page: int, total: int) -> None:
        canvas.setFont(fonts.REGULAR, spec.base - 1)
        canvas.drawCentredString(
            spec.width / 2, spec.bottom * 0.45, nfc(w.raw("page").format(page=page, pages=total))
        )
        if page > 1:
            canvas.setFont(fonts.ITALIC, spec.base - 1)
            canvas.drawString(spec.left, spec.height - spec.top * 0.6, running)

    return decorate


@needs_fonts
def build_ledger(data: LedgerData, paper: Paper = Paper.A4, wording_set: str | None = None) -> bytes:
    """The ledger always prints on A4 landscape."""
    if paper != Paper.A4:
        raise ValueError("the ledger (Sổ theo dõi hồ sơ) prints on A4 landscape only")
    w = form_wording(FormId.LEDGER, data.document_date, wording_set)
    pdf, _ = build_pdf(
        _story(data, w, styles(LEDGER_SPEC.base)), LEDGER_SPEC, doc_info(w, data.unit), _decorate(w, data)
    )
    return pdf
