"""The dossier list read from SQL: quick filters and their counts, search, sorting and paging."""

from __future__ import annotations

import pytest

from counter_app.services.dossier_list import (
    ListQuery,
    QuickFilter,
    RowStatus,
    SortKey,
    filter_counts,
    list_page,
)


def codes(ctx, query: ListQuery) -> set[str]:
    return {r.code for r in list_page(ctx, query).rows}


def test_each_quick_filter_lists_its_dossiers_and_counts_them(ctx, register) -> None:
    expected = {
        QuickFilter.ALL: {d.code for d in register.values()},
        QuickFilter.IN_PROGRESS: {register[k].code for k in ("overdue", "today", "soon", "within")},
        QuickFilter.OVERDUE: {register["overdue"].code},
        QuickFilter.DUE_TODAY: {register["today"].code},
        QuickFilter.DUE_SOON: {register["soon"].code},
        QuickFilter.AWAITING_SUPPLEMENT: {register["waiting"].code},
        QuickFilter.RESULT_READY: {register["ready"].code},
        QuickFilter.RETURNED: {register["returned"].code},
    }
    counts = filter_counts(ctx)
    for quick, wanted in expected.items():
        assert codes(ctx, ListQuery(quick)) == wanted, quick
        assert counts[quick] == len(wanted), quick


def test_rows_carry_the_due_status_the_screen_colours(ctx, register) -> None:
    status = {r.code: r.status for r in list_page(ctx, ListQuery()).rows}
    assert status[register["overdue"].code] is RowStatus.OVERDUE
    assert status[register["today"].code] is RowStatus.DUE_TODAY
    assert status[register["soon"].code] is RowStatus.DUE_SOON
    assert status[register["within"].code] is RowStatus.WITHIN
    assert status[register["waiting"].code] is RowStatus.PAUSED
    assert status[register["ready"].code] is RowStatus.READY
    assert status[register["returned"].code] is RowStatus.DONE_EARLY


@pytest.mark.parametrize("text", ["Quách Thùy Ước", "quach thuy uoc", "THUY UOC", "ước"])
def test_search_finds_a_name_with_or_without_diacritics(ctx, register, text) -> None:
    assert codes(ctx, ListQuery(search=text)) == {register["returned"].code}
    assert filter_counts(ctx, text)[QuickFilter.RETURNED] == 1
    assert filter_counts(ctx, text)[QuickFilter.ALL] == 1


def test_search_by_code_citizen_id_phone_or_a_piece_of_a_code(ctx, register) -> None:
    soon = register["soon"].code
    assert codes(ctx, ListQuery(search=soon.lower() + " ")) == {soon}
    assert codes(ctx, ListQuery(search="038 090 012 345")) == {soon}
    assert codes(ctx, ListQuery(search="+84 912 345 678")) == {soon}
    assert codes(ctx, ListQuery(search=soon[-11:])) == {soon}
    assert codes(ctx, ListQuery(search="không có ai")) == set()
    assert codes(ctx, ListQuery(search="50%_")) == set()  # LIKE wildcards are taken literally


def test_sorting_is_done_by_the_database_with_a_stable_order(ctx, register) -> None:
    by_name = [
        r.applicant_name for r in list_page(ctx, ListQuery(sort=SortKey.APPLICANT, descending=False)).rows
    ]
    assert by_name[0] == "Đặng Văn Sắp" and by_name[-1] == "Vi Văn Chờ"
    newest = list_page(ctx, ListQuery(sort=SortKey.RECEIVED, descending=True)).rows
    assert [r.received_at for r in newest] == sorted((r.received_at for r in newest), reverse=True)
    by_due = list_page(ctx, ListQuery(QuickFilter.IN_PROGRESS, sort=SortKey.DUE, descending=False)).rows
    assert [r.code for r in by_due][:2] == [register["overdue"].code, register["today"].code]


def test_pages_follow_each_other_without_gaps_or_repeats(ctx, register) -> None:
    query = ListQuery(sort=SortKey.STATE, descending=False)
    seen: list[str] = []
    offset = 0
    while True:
        page = list_page(ctx, query, offset, limit=3)
        seen += [r.code for r in page.rows]
        offset += len(page.rows)
        if not page.has_more:
            break
    assert len(seen) == len(set(seen)) == len(register)
