"""Page geometry, paragraph styles and the shared blocks of every form (NĐ 30/2020 header,
signature row, grid tables), plus the renderer that turns a story into PDF bytes.

Why a renderer with a "fit" loop: a form meant for one page must stay one page with long names and
15 document rows, so the story is rebuilt at slightly smaller type before it is allowed to flow
onto a second page (where the table header repeats and the page is numbered).
"""

from __future__ import annotations

import io
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache, partial

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4, A5, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    LongTable,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
)

from counter_app.printing import fonts
from counter_app.printing.data import Paper, UnitHeader
from counter_app.printing.textfmt import date_parts, nfc
from counter_app.printing.wording import FormWording, Markup

FIT_SCALES = (1.0, 0.93, 0.86, 0.8, 0.75)


@dataclass(frozen=True)
class PageSpec:
    width: float
    height: float
    top: float
    right: float
    bottom: float
    left: float
    base: float  # body type size in points at scale 1

    @property
    def frame_width(self) -> float:
        return self.width - self.left - self.right

    @property
    def frame_height(self) -> float:
        return self.height - self.top - self.bottom


# A4 follows NĐ 30/2020 margins (top/bottom 20, left 30, right 15 mm); counters print the forms at
# 11–12 pt so that they fit one page. A5 is the TT 01/2018 size, with narrower margins.
PAGE_SPECS: dict[Paper, PageSpec] = {
    Paper.A4: PageSpec(*A4, top=18 * mm, right=15 * mm, bottom=15 * mm, left=25 * mm, base=12.0),
    Paper.A5: PageSpec(*A5, top=8 * mm, right=8 * mm, bottom=8 * mm, left=12 * mm, base=9.0),
}
LEDGER_SPEC = PageSpec(*landscape(A4), top=15 * mm, right=12 * mm, bottom=14 * mm, left=15 * mm, base=9.0)
ROLL_WIDTH = 80 * mm
ROLL_MARGIN = 4 * mm  # 72 mm printable on most 80 mm heads


@dataclass(frozen=True)
class Styles:
    size: float
    body: ParagraphStyle
    justify: ParagraphStyle
    letter: ParagraphStyle  # justified with a first-line indent (NĐ 30 body text)
    centre: ParagraphStyle
    centre_italic: ParagraphStyle
    title: ParagraphStyle
    cell: ParagraphStyle
    cell_centre: ParagraphStyle
    cell_head: ParagraphStyle
    small: ParagraphStyle
    recipients: ParagraphStyle  # 'Nơi nhận' lines: NĐ 30 sets them upright, one size smaller
    sign_title: ParagraphStyle
    sign_hint: ParagraphStyle
    sign_name: ParagraphStyle
    header_parent: ParagraphStyle
    header_unit: ParagraphStyle
    header_date: ParagraphStyle


@lru_cache(maxsize=32)
def styles(size: float) -> Styles:
    """Paragraph styles for a body size; everything else is proportional to it."""
    cell = size - 1

    def style(
        name: str, font: str = fonts.REGULAR, fs: float = size, align: int = TA_LEFT, **kw
    ) -> ParagraphStyle:
        return ParagraphStyle(name, fontName=font, fontSize=fs, leading=fs * 1.22, alignment=align, **kw)

    return Styles(
        size=size,
        body=style("body", spaceAfter=size * 0.2),
        justify=style("justify", align=TA_JUSTIFY, spaceAfter=size * 0.2),
        letter=style("letter", align=TA_JUSTIFY, firstLineIndent=10 * mm, spaceAfter=size * 0.35),
        centre=style("centre", align=TA_CENTER),
        centre_italic=style("centre_italic", fonts.ITALIC, align=TA_CENTER),
        title=style("title", fonts.BOLD, size + 2, TA_CENTER, spaceBefore=size * 0.6, spaceAfter=size * 0.2),
        cell=style("cell", fs=cell),
        cell_centre=style("cell_centre", fs=cell, align=TA_CENTER),
        cell_head=style("cell_head", fonts.BOLD, cell, TA_CENTER),
        small=style("small", fonts.ITALIC, size - 1.5),
        recipients=style("recipients", fs=size - 1),
        sign_title=style("sign_title", fonts.BOLD, size, TA_CENTER),
        sign_hint=style("sign_hint", fonts.ITALIC, size - 1, TA_CENTER),
        sign_name=style("sign_name", fonts.BOLD, size, TA_CENTER),
        header_parent=style("header_parent", fs=size - 0.5, align=TA_CENTER),
        header_unit=style("header_unit", fonts.BOLD, size - 0.5, TA_CENTER),
        header_date=style("header_date", fonts.ITALIC, size, TA_CENTER),
    )


def para(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(nfc(text), style)


class CentredRule(Flowable):
    """A horizontal rule of a fixed width, centred in whatever width it is given (table cells too)."""

    def __init__(self, width: float, thickness: float = 0.6, space_before: float = 3.5) -> None:
        super().__init__()
        self.rule_width = width
        self.thickness = thickness
        self.space_before = space_before

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.avail = avail_width
        return avail_width, self.space_before + self.thickness

    def draw(self) -> None:
        x = (self.avail - self.rule_width) / 2
        self.canv.setLineWidth(self.thickness)
        self.canv.line(x, self.thickness / 2, x + self.rule_width, self.thickness / 2)


def _fitted(text: str, font: str, size: float, width: float) -> ParagraphStyle:
    """A one-line centred style, shrunk so that `text` never wraps inside `width`."""
    fs = min(size, width / stringWidth(text, font, 1) * 0.97)
    return ParagraphStyle(
        f"fit-{font}-{fs:.2f}", fontName=font, fontSize=fs, leading=fs * 1.2, alignment=TA_CENTER
    )


def nd30_header(
    w: FormWording, unit: UnitHeader, on: date, frame_width: float, st: Styles, number: str | None = None
) -> Table:
    """Unit names left, national motto right, number and 'place, date' on the row below."""
    left_w, right_w = frame_width * 0.43, frame_width * 0.57
    pad = 2
    motto1, motto2 = w.raw("motto_1"), w.raw("motto_2")
    m1 = _fitted(motto1, fonts.BOLD, st.size, right_w - 2 * pad)
    m2 = _fitted(motto2, fonts.BOLD, st.size + 1, right_w - 2 * pad)
    unit_line = nfc(unit.unit_name.upper())
    left = [
        para(Markup(w.fmt("header_parent", name=unit.parent_body.upper())), st.header_parent),
        para(Markup(w.fmt("header_unit", name=unit_line)), st.header_unit),
        CentredRule(min(frame_width * 0.16, left_w * 0.5)),
    ]
    right = [
        para(motto1, m1),
        para(motto2, m2),
        CentredRule(stringWidth(motto2, fonts.BOLD, m2.fontSize)),
    ]
    number_cell = (
        para(
            w.fmt("number", number=number or Markup(w.raw("number_blank")), suffix=unit.number_suffix),
            st.centre,
        )
        if number is not None
        else ""
    )
    date_cell = para(w.fmt("place_date", place=unit.place_name, **date_parts(on)), st.header_date)
    return table(
        [[left, right], [number_cell, date_cell]],
        [left_w, right_w],
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), pad),
            ("RIGHTPADDING", (0, 0), (-1, -1), pad),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 1), (-1, 1), st.size * 0.5),
        ],
    )


def table(
    rows: list[list[object]],
    col_widths: Sequence[float],
    style: list[tuple],
    *,
    repeat_rows: int = 0,
    row_heights: Sequence[float] | None = None,
) -> Table:
    """A Table in our font: string cells would otherwise be set in (unembedded) Helvetica."""
    cls = LongTable if repeat_rows else Table
    heights = list(row_heights) if row_heights is not None else None
    result = cls(rows, colWidths=list(col_widths), rowHeights=heights, repeatRows=repeat_rows)
    result.setStyle([("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR), *style])
    return result


@dataclass(frozen=True)
class Signer:
    title: str
    hint: str
    name: str = ""


def signature_row(
    signers: Sequence[Signer | None], frame_width: float, st: Styles, space: float = 18 * mm
) -> Table:
    """Signature columns side by side; None leaves a column empty (e.g. 'Nơi nhận' goes elsewhere)."""
    cells = []
    for signer in signers:
        if signer is None:
            cells.append("")
            continue
        cells.append(
            [
                para(signer.title, st.sign_title),
                para(signer.hint, st.sign_hint),
                Spacer(1, space),
                para(signer.name, st.sign_name) if signer.name else Spacer(1, st.size),
            ]
        )
    row = table(
        [cells],
        [frame_width / len(signers)] * len(signers),
        [("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (-1, -1), 0)],
    )
    row.spaceBefore = st.size * 0.7  # a one-row table never splits: titles stay with their names
    return row


def grid(
    rows: list[list[object]],
    widths: Sequence[float],
    header_rows: int = 1,
    st: Styles | None = None,
    centre_columns: Sequence[int] = (),
    row_heights: Sequence[float] | None = None,
) -> Table:
    """A ruled table whose header rows repeat on every page it flows onto.

    Short cells (ordinals, counts) may be plain strings, set in the cell style of `st` and centred
    in `centre_columns`: a Paragraph per number would cost a markup parse each.
    """
    style: list[tuple] = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 2.5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2.5),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]
    if st is not None:
        style += [
            ("FONTSIZE", (0, 0), (-1, -1), st.cell.fontSize),
            ("LEADING", (0, 0), (-1, -1), st.cell.leading),
        ]
    style += [("ALIGN", (c, 0), (c, -1), "CENTER") for c in centre_columns]
    return table(rows, widths, style, repeat_rows=header_rows, row_heights=row_heights)


def widths(fractions: Sequence[float], total: float) -> list[float]:
    scale = total / sum(fractions)
    return [f * scale for f in fractions]


def gap(st: Styles, lines: float = 0.5) -> Spacer:
    return Spacer(1, st.size * lines)


Decorate = Callable[[Canvas, int, int], None]


class _PagedCanvas(Canvas):
    """Holds pages back until the end so that 'Trang n/N' can be drawn on each of them."""

    def __init__(self, *args, decorate: Decorate | None, page_count: list[int], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._decorate = decorate
        self._page_count = page_count
        self._held: list[dict] = []

    def showPage(self) -> None:  # noqa: N802 (ReportLab API)
        self._held.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._held)
        self._page_count.append(total)
        for state in self._held:
            self.__dict__.update(state)
            if self._decorate is not None:
                self._decorate(self, self._pageNumber, total)
            Canvas.showPage(self)
        Canvas.save(self)


@dataclass(frozen=True)
class DocInfo:
    title: str
    author: str
    subject: str


def build_pdf(
    story: list[Flowable], spec: PageSpec, info: DocInfo, decorate: Decorate | None = None
) -> tuple[bytes, int]:
    """PDF bytes and page count. Invariant output: the same data gives the same bytes."""
    buf = io.BytesIO()
    doc = BaseDocTemplate(
        buf,
        pagesize=(spec.width, spec.height),
        leftMargin=spec.left,
        rightMargin=spec.right,
        topMargin=spec.top,
        bottomMargin=spec.bottom,
        title=nfc(info.title),
        author=nfc(info.author),
        subject=nfc(info.subject),
        creator="counter_app",
        invariant=1,
        initialFontName=fonts.REGULAR,
        initialFontSize=spec.base,
    )
    frame = Frame(
        spec.left,
        spec.bottom,
        spec.frame_width,
        spec.frame_height,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    pages: list[int] = []
    doc.build(story, canvasmaker=partial(_PagedCanvas, decorate=decorate, page_count=pages))
    return buf.getvalue(), pages[0]


@lru_cache(maxsize=1)
def measuring_canvas() -> Canvas:
    """Some flowables (KeepTogether) need a canvas to measure; nothing is ever drawn on this one."""
    return Canvas(io.BytesIO(), initialFontName=fonts.REGULAR)


def story_height(story: list[Flowable], width: float) -> float:
    """Height the story takes in a frame of `width` (as Frame adds it up: no space before the first)."""
    canvas = measuring_canvas()
    height = 0.0
    for i, flowable in enumerate(story):
        _, h = flowable.wrapOn(canvas, width, 100_000)
        height += h + flowable.getSpaceAfter() + (flowable.getSpaceBefore() if i else 0)
    return height


def render(
    make_story: Callable[[Styles], list[Flowable]],
    spec: PageSpec,
    info: DocInfo,
    decorate: Decorate | None = None,
    fit_one_page: bool = True,
) -> bytes:
    """Build at normal type; if that takes more than a page, use the fewest pages any of the smaller
    types gives, at the largest type that achieves it (so one page whenever one page can hold it)."""
    pdf, pages = build_pdf(make_story(styles(spec.base)), spec, info, decorate)
    if pages == 1 or not fit_one_page:
        return pdf
    best_scale, best_pages = 1.0, pages
    for scale in FIT_SCALES[1:]:
        st = styles(round(spec.base * scale, 2))
        estimate = math.ceil(story_height(make_story(st), spec.frame_width) / spec.frame_height)
        if estimate == 1:
            smaller, smaller_pages = build_pdf(make_story(st), spec, info, decorate)
            if smaller_pages == 1:
                return smaller
        if estimate < best_pages:
            best_scale, best_pages = scale, estimate
    if best_scale == 1.0:
        return pdf
    return build_pdf(make_story(styles(round(spec.base * best_scale, 2))), spec, info, decorate)[0]


def continuation_numbers(label: Callable[[int, int], str], spec: PageSpec) -> Decorate:
    """NĐ 30: page numbers centred in the top margin, from page 2 on."""

    def decorate(canvas: Canvas, page: int, total: int) -> None:
        if page < 2:
            return
        canvas.setFont(fonts.REGULAR, spec.base)
        canvas.drawCentredString(spec.width / 2, spec.height - spec.top * 0.55, nfc(label(page, total)))

    return decorate


def footer_numbers(label: Callable[[int, int], str], spec: PageSpec) -> Decorate:
    def decorate(canvas: Canvas, page: int, total: int) -> None:
        canvas.setFont(fonts.REGULAR, spec.base - 1)
        canvas.drawCentredString(spec.width / 2, spec.bottom * 0.45, nfc(label(page, total)))

    return decorate
