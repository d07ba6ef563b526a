"""One-time costs paid on the worker while the clerk types the password, not later at the counter.

Loading a year of the working calendar imports the `holidays` data, whose big module bodies run as single
bytecodes and hold the GIL for ~100 ms (measured): done later it would freeze the window mid-work. The
first ReportLab import and font registration, and the first list queries (which also bring the indexes
into the disk cache), are moved here for the same reason.
"""

from __future__ import annotations

from datetime import timedelta

from counter_app.services.context import CounterContext

_warmed: set[int] = set()


def warm_up(ctx: CounterContext) -> None:
    if id(ctx) in _warmed:
        return
    _warmed.add(id(ctx))
    from counter_app.services.dossier_list import ListQuery, filter_counts, list_page
    from counter_app.ui.print_flow import warm_up_printing

    calendar = ctx.calendar
    today = ctx.now().date()
    for day in (today, today + timedelta(days=366)):
        calendar.add_working_days(day, 30)  # this year's and next year's day tables
    list_page(ctx, ListQuery())
    filter_counts(ctx)
    warm_up_printing()
