"""Biểu 06 as PDF: A4 landscape, the same layout and numbers as the XLSX, in the bundled Liberation Serif
(registered by counter_app.printing.fonts, which checks it is the 2.x face with every Vietnamese letter).
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import Flowable

from counter_app.messages import reports as msg
from counter_app.printing import fonts
from counter_app.reports.bieu06 import Bieu06Row
from counter_app.reports.document import Bieu06Sheet, generated_note, percent

PAGE = landscape(A4)
MARGIN = 12 * mm
BODY = 10.5


def _style(name: str, font: str = fonts.REGULAR, size: float = BODY, align: int = TA_LEFT) -> ParagraphStyle:
    return ParagraphStyle(name, fontName=font, fontSize=size, leading=size * 1.2, alignment=align)


def _styles() -> dict[str, ParagraphStyle]:
    return {
        "left": _style("left"),
        "left_bold": _style("left_bold", fonts.BOLD),
        "left_italic": _style("left_italic", fonts.ITALIC),
        "small_italic": _style("small_italic", fonts.ITALIC, 9),
        "right_italic": _style("right_italic", fonts.ITALIC, align=TA_RIGHT),
        "title": _style("title", fonts.BOLD, 12.5, TA_CENTER),
        "centre_italic": _style("centre_italic", fonts.ITALIC, align=TA_CENTER),
        "centre_bold": _style("centre_bold", fonts.BOLD, align=TA_CENTER),
        "head": _style("head", fonts.BOLD, 9.5, TA_CENTER),
        "cell": _style("cell", size=10),
        "cell_bold": _style("cell_bold", fonts.BOLD, 10),
    }


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def number(value: int) -> str:
    """1.234 — Vietnamese thousands separator."""
    return f"{value:,}".replace(",", ".")


def _table(sheet: Bieu06Sheet, st: dict[str, ParagraphStyle]) -> Table:
    report = sheet.report
    P = Paragraph  # noqa: N806
    head = st["head"]
    label = msg.COL_COMMUNE if report.group_by == "agency" else msg.COL_FIELD
    rows: list[list[object]] = [
        [
            P(msg.COL_NO, head),
            P(label, head),
            P(msg.GROUP_RECEIVED, head),
            "",
            "",
            "",
            P(msg.GROUP_RESOLVED, head),
            "",
            "",
            "",
            P(msg.GROUP_OPEN, head),
            "",
            "",
        ],
        [
            "",
            "",
            P(msg.COL_TOTAL, head),
            P(msg.COL_OF_WHICH, head),
            "",
            "",
            P(msg.COL_TOTAL, head),
            P(msg.COL_EARLY, head),
            P(msg.COL_ON_TIME, head),
            P(msg.COL_LATE, head),
            P(msg.COL_TOTAL, head),
            P(msg.COL_WITHIN, head),
            P(msg.COL_OVERDUE, head),
        ],
        [
            "",
            "",
            "",
            P(msg.COL_ONLINE, head),
            P(msg.COL_DIRECT, head),
            P(msg.COL_CARRIED, head),
            "",
            "",
            "",
            "",
            "",
            "",
            "",
        ],
        [f"({i})" for i in range(1, 14)],
    ]

    def line(index: str, row: Bieu06Row, bold: bool) -> list[object]:
        return [
            index,
            P(_escape(row.label), st["cell_bold" if bold else "cell"]),
            *(number(v) for v in row.columns()),
        ]

    rows += [line(str(i), r, False) for i, r in enumerate(report.rows, start=1)]
    rows.append(line("", report.total, True))
    usable = PAGE[0] - 2 * MARGIN
    first, second = 12 * mm, 56 * mm
    unit = (usable - first - second) / 11.4  # column (5) is the widest heading
    widths = [first, second] + [unit * (1.4 if i == 2 else 1) for i in range(11)]
    table = Table(rows, colWidths=widths, repeatRows=4)
    last = len(rows) - 1
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 4), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 4), (-1, -1), 2.5),
                ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),
                ("FONTSIZE", (0, 0), (-1, -1), 10),
                ("FONTNAME", (0, 3), (-1, 3), fonts.ITALIC),
                ("FONTSIZE", (0, 3), (-1, 3), 9),
                ("ALIGN", (0, 3), (-1, 3), "CENTER"),
                ("ALIGN", (0, 4), (0, -1), "CENTER"),
                ("ALIGN", (2, 4), (-1, -1), "RIGHT"),
                ("FONTNAME", (0, last), (-1, last), fonts.BOLD),
                ("SPAN", (0, 0), (0, 2)),
                ("SPAN", (1, 0), (1, 2)),
                ("SPAN", (2, 0), (5, 0)),
                ("SPAN", (6, 0), (9, 0)),
                ("SPAN", (10, 0), (12, 0)),
                ("SPAN", (2, 1), (2, 2)),
                ("SPAN", (3, 1), (5, 1)),
                *[("SPAN", (c, 1), (c, 2)) for c in range(6, 13)],
            ]
        )
    )
    return table


def _story(sheet: Bieu06Sheet, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    report, header = sheet.report, sheet.header
    usable = PAGE[0] - 2 * MARGIN
    top = Table(
        [
            [
                Paragraph(msg.BIEU06_FORM, st["left_bold"]),
                Paragraph(_escape(msg.BIEU06_REPORTING_UNIT.format(name=header.reporting_unit)), st["left"]),
            ],
            [
                Paragraph(msg.BIEU06_BASIS, st["left_italic"]),
                Paragraph(_escape(msg.BIEU06_RECEIVING_UNIT.format(name=header.receiving_unit)), st["left"]),
            ],
        ],
        colWidths=[usable * 0.5, usable * 0.5],
    )
    top.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    rate = report.total.on_time_rate
    rate_text = msg.ON_TIME_RATE_NONE if rate is None else msg.ON_TIME_RATE.format(rate=percent(rate))
    signature = Table(
        [
            ["", Paragraph(_escape(header.date_line(sheet.generated_at.date())), st["centre_italic"])],
            [Paragraph(msg.SIGN_PREPARER, st["centre_bold"]), Paragraph(msg.SIGN_HEAD, st["centre_bold"])],
            [
                Paragraph(msg.SIGN_HINT, st["centre_italic"]),
                Paragraph(msg.SIGN_HEAD_HINT, st["centre_italic"]),
            ],
            ["", ""],  # room for the signatures and the seal
        ],
        colWidths=[usable * 0.5, usable * 0.5],
        rowHeights=[None, None, None, 22 * mm],
    )
    return [
        top,
        Spacer(1, 4 * mm),
        Paragraph(msg.BIEU06_TITLE, st["title"]),
        Spacer(1, 1.5 * mm),
        Paragraph(_escape(msg.BIEU06_PERIOD.format(period=report.period.title)), st["centre_italic"]),
        Paragraph(msg.BIEU06_UNIT_OF_COUNT, st["right_italic"]),
        Spacer(1, 1.5 * mm),
        _table(sheet, st),
        Spacer(1, 2 * mm),
        Paragraph(rate_text, st["left_italic"]),
        Paragraph(generated_note(sheet), st["small_italic"]),
        Spacer(1, 4 * mm),
        KeepTogether([signature]),
    ]


def _page_number(canvas: Canvas, doc: SimpleDocTemplate) -> None:
    canvas.saveState()
    canvas.setFont(fonts.REGULAR, 9)
    canvas.drawRightString(PAGE[0] - MARGIN, 7 * mm, str(doc.page))
    canvas.restoreState()


def bieu06_pdf(sheets: Sequence[Bieu06Sheet]) -> bytes:
    """PDF bytes: one Biểu 06 after another (each starts on a new page)."""
    fonts.register_fonts()
    st = _styles()
    story: list[Flowable] = []
    for i, sheet in enumerate(sheets):
        if i:
            story.append(PageBreak())
        story += _story(sheet, st)
    buffer = io.BytesIO()
    first = sheets[0] if sheets else None
    doc = SimpleDocTemplate(
        buffer,
        pagesize=PAGE,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=msg.BIEU06_FORM + (f" – {first.report.period.name}" if first else ""),
        author=first.header.reporting_unit if first else "",
        creator="counter_app",
    )
    doc.build(story, onFirstPage=_page_number, onLaterPages=_page_number)
    return buffer.getvalue()
