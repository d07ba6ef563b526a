"""Cutting a long table into pages ourselves: every row once, pages filled, the header on each page."""

from __future__ import annotations

from counter_app.printing.paged_table import SLACK, deal_rows


def test_rows_fill_each_page_under_its_header_and_none_is_lost() -> None:
    heights = [10.0, 30.0, 20.0, 25.0, 10.0, 40.0, 5.0]
    pages = deal_rows(heights, header=15.0, first_room=60.0 + SLACK, page_room=80.0 + SLACK)
    assert pages == [[0, 1], [2, 3, 4], [5, 6]]
    assert [i for page in pages for i in page] == list(range(len(heights)))


def test_a_table_that_cannot_start_under_the_title_starts_on_the_next_page() -> None:
    pages = deal_rows([30.0, 30.0], header=15.0, first_room=20.0, page_room=100.0)
    assert pages == [[], [0, 1]]


def test_a_row_taller_than_a_page_gets_a_page_of_its_own() -> None:
    pages = deal_rows([10.0, 500.0, 10.0], header=15.0, first_room=100.0, page_room=100.0)
    assert pages == [[0], [1], [2]]
