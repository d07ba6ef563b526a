"""Finding a dossier by the applicant's name: words in order at word starts, diacritics optional, the
FTS5 index always in step with the table, and the same answer whichever plan the database takes."""

from __future__ import annotations

import sqlite3

import pytest

from counter_app.db.bootstrap import open_sqlite
from counter_app.services import actions, name_search
from counter_app.services.context import CounterContext
from counter_app.services.dossier_list import ListQuery, QuickFilter, SortKey, filter_counts, list_page
from counter_app.services.personal_data import CitizenQuery, erase_citizen_data
from counter_app.services.unit import default_node_id
from tests.conftest import vn
from tests.ui.helpers import receive

SAME_DAY = "2.000815"
NAMES = (
    "Nguyễn Văn An",
    "Nguyễn Văn Anh",
    "Trần Nguyễn Vân",
    "Nguyễn Thị Vân",
    "H'Hen Niê",
    "Đặng Đức Đạt",
    "Lương Thị Hương",
)


@pytest.fixture
def people(ctx, clerk) -> dict[str, str]:
    return {
        name: receive(ctx, clerk, name, SAME_DAY, vn(2026, 3, 2, 8, i)).code for i, name in enumerate(NAMES)
    }


def found(ctx: CounterContext, people: dict[str, str], text: str) -> set[str]:
    by_code = {code: name for name, code in people.items()}
    return {by_code[r.code] for r in list_page(ctx, ListQuery(search=text)).rows}


CASES = [
    ("nguyen va", {"Nguyễn Văn An", "Nguyễn Văn Anh", "Trần Nguyễn Vân"}),
    ("Nguyễn Văn An", {"Nguyễn Văn An", "Nguyễn Văn Anh"}),
    ("van", {"Nguyễn Văn An", "Nguyễn Văn Anh", "Trần Nguyễn Vân", "Nguyễn Thị Vân"}),
    ("ĐẶNG ĐỨC", {"Đặng Đức Đạt"}),
    ("dang duc dat", {"Đặng Đức Đạt"}),
    ("h'hen", {"H'Hen Niê"}),
    ("hen nie", {"H'Hen Niê"}),
    ("huong", {"Lương Thị Hương"}),
    ("thi huong", {"Lương Thị Hương"}),
    ("uong", set()),  # not the start of a word
    ("van nguyen", set()),  # words keep their order
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_words_in_order_at_word_starts_with_or_without_diacritics(ctx, people, text, expected) -> None:
    assert found(ctx, people, text) == expected
    assert filter_counts(ctx, text)[QuickFilter.ALL] == len(expected)


def test_many_matches_take_the_index_walk_and_give_the_same_answer(ctx, people, monkeypatch) -> None:
    by_index = {text: found(ctx, people, text) for text, _ in CASES}
    monkeypatch.setattr(name_search, "DENSE_MATCHES", 0)  # every search now counts as "many matches"
    assert {text: found(ctx, people, text) for text, _ in CASES} == by_index


def test_punctuation_alone_is_not_a_search(ctx, people) -> None:
    assert found(ctx, people, " ' - ") == set(NAMES)


def _index_agrees(path) -> bool:  # type: ignore[no-untyped-def]
    """The index holds exactly each dossier's name key and receipt time, and its own structure is sound."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("INSERT INTO dossier_name_search(dossier_name_search, rank) VALUES ('integrity-check', 1)")
        differ = conn.execute(
            "SELECT count(*) FROM dossiers d LEFT JOIN dossier_name_search f ON f.rowid = d.rowid "
            "WHERE f.applicant_name_key IS NOT d.applicant_name_key OR f.received_at IS NOT d.received_at"
        ).fetchone()[0]
        counts = conn.execute(
            "SELECT (SELECT count(*) FROM dossiers), (SELECT count(*) FROM dossier_name_search)"
        ).fetchone()
        return differ == 0 and counts[0] == counts[1]
    finally:
        conn.close()


def test_pages_of_a_name_search_come_newest_first_without_gaps_or_repeats(ctx, people) -> None:
    whole = [r.code for r in list_page(ctx, ListQuery(search="van")).rows]
    assert len(whole) == 4
    paged = [r.code for offset in range(0, 4, 2) for r in list_page(ctx, ListQuery(search="van"), offset, 2).rows]
    assert paged == whole
    received = {r.code: r.received_at for r in list_page(ctx, ListQuery()).rows}
    assert [received[c] for c in whole] == sorted((received[c] for c in whole), reverse=True)
    oldest_first = [r.code for r in list_page(ctx, ListQuery(search="van", descending=False)).rows]
    assert oldest_first == whole[::-1]


def test_other_sorts_and_filters_find_the_same_names(ctx, people) -> None:
    for text, expected in CASES:
        by_code = {r.code for r in list_page(ctx, ListQuery(search=text, sort=SortKey.CODE)).rows}
        in_progress = {r.code for r in list_page(ctx, ListQuery(QuickFilter.IN_PROGRESS, search=text)).rows}
        assert by_code == in_progress == {people[name] for name in expected}, text


def test_the_index_follows_new_dossiers_and_erased_names(ctx, clerk, admin, people, db_path) -> None:
    newcomer = receive(ctx, clerk, "Sùng A Páo", SAME_DAY, vn(2026, 3, 2, 9), id_number="011090012345")
    assert {r.code for r in list_page(ctx, ListQuery(search="sung a pao")).rows} == {newcomer.code}
    actions.refuse(ctx, clerk, newcomer.id, "Không thuộc thẩm quyền", at=vn(2026, 3, 2, 10))
    erase_citizen_data(ctx, admin, CitizenQuery(id_number="011090012345"), "Công dân yêu cầu xóa")
    assert list_page(ctx, ListQuery(search="sung a pao")).rows == ()
    assert _index_agrees(db_path)


def test_an_older_database_gets_its_names_indexed_on_upgrade(ctx, people, db_path) -> None:
    ctx.db.dispose()
    conn = sqlite3.connect(db_path)
    for trigger in ("after_insert", "after_delete", "after_update"):
        conn.execute(f"DROP TRIGGER dossier_name_search_{trigger}")
    conn.execute("DROP TABLE dossier_name_search")
    conn.execute("UPDATE alembic_version SET version_num = '0005_report_indexes'")
    conn.commit()
    conn.close()  # now as a 0005 commune left it: dossiers, no name index

    upgraded = open_sqlite(db_path, backup_dir=db_path.parent / "backups")
    assert upgraded.previous_revision == "0005_report_indexes"
    node_id = default_node_id(upgraded.database)
    assert node_id is not None
    again = CounterContext(upgraded.database, node_id)
    try:
        assert found(again, people, "nguyen van a") == {"Nguyễn Văn An", "Nguyễn Văn Anh"}
        assert _index_agrees(db_path)
    finally:
        upgraded.database.dispose()
