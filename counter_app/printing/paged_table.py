"""A long ruled table cut into pages by us, in one pass, instead of by ReportLab.

ReportLab splits a long table one page at a time and measures every remaining row again at each split:
the Sổ theo dõi took 2.5 s for 400 lines and ~26 s for 1,200 (quadratic). Here every row is measured
once, rows are dealt onto pages greedily, and each page gets its own table (header rows first) with the
measured heights, so nothing is measured twice. Each page's table still repeats its header if it ever
had to split (a rounding surprise costs a page, never a row).
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import Flowable, PageBreak

from counter_app.printing.layout import Styles, grid, measuring_canvas

SLACK = 1.0  # points kept free on each page against rounding in the frame's own arithmetic


def _row_heights(
    rows: list[list[object]], widths: Sequence[float], header_rows: int, style: list[tuple], options: dict
) -> list[float]:
    whole = grid(rows, widths, header_rows=header_rows, **options)
    whole.setStyle(style)
    whole.wrapOn(measuring_canvas(), sum(widths), 1e9)
    return list(whole._rowHeights)  # one measuring pass over every row (set by Table.wrap)


def deal_rows(heights: Sequence[float], header: float, first_room: float, page_room: float) -> list[list[int]]:
    """Row indexes per page: as many as fit under the header, the first page having `first_room`.

    An empty first page means the table starts on the next page (no row fitted under what came before).
    """
    pages: list[list[int]] = [[]]
    room, used = first_room, header
    for index, height in enumerate(heights):
        # A row taller than a whole page still goes alone on its page: there is nowhere better.
        if used + height > room - SLACK and (pages[-1] or len(pages) == 1):
            pages.append([])
            room, used = page_room, header
        pages[-1].append(index)
        used += height
    return pages


def paged_grid(
    header: list[list[object]],
    body: list[list[object]],
    widths: Sequence[float],
    style: list[tuple],
    first_room: float,
    page_room: float,
    st: Styles | None = None,
    centre_columns: Sequence[int] = (),
) -> list[Flowable]:
    """Flowables that print `header` + `body` as one table over as many pages as it takes.

    `style` must address only the header rows by absolute index (spans) or whole columns by (x, len(header))
    to (x, -1) ranges: it is applied to every page's table. `st` and `centre_columns` are grid's.
    """
    n_head = len(header)
    options = {"st": st, "centre_columns": centre_columns}
    heights = _row_heights(header + body, widths, n_head, style, options)
    head_heights, body_heights = heights[:n_head], heights[n_head:]
    story: list[Flowable] = []
    for number, page in enumerate(deal_rows(body_heights, sum(head_heights), first_room, page_room)):
        if number:
            story.append(PageBreak())
        if not page:  # nothing fitted under what came before: the table starts on the next page
            continue
        rows = header + [body[i] for i in page]
        row_heights = head_heights + [body_heights[i] for i in page]
        part = grid(rows, widths, header_rows=n_head, row_heights=row_heights, **options)
        part.setStyle(style)
        story.append(part)
    return story
