"""Finding dossiers by the applicant's name, with or without diacritics, on a million rows.

What matches: the typed words, in order, at the start of words of the name — the last one may be
unfinished. "nguyen va" finds "Nguyễn Văn An" and "Trần Nguyễn Vân", not "Nguyễn Thị Vân"; "huong" finds
"Hà Thị Thu Hương". Clerks type names from the start of a word, and this is what an index can answer.

How (SQLite): the FTS5 index `dossier_name_search` over the folded key (migration 0006) gives the rowids of
the matches. When they are few, the page is those rows, sorted. When they are many ("Nguyễn Văn": a third of
a commune), sorting them all would take longer than walking the sort index newest first and testing each
row's key with LIKE patterns that mean the same thing, which finds a page after a few hundred rows.
Other engines use the LIKE form only.
"""

from __future__ import annotations

import re

from sqlalchemy import ColumnElement, func, literal_column, or_, select, text
from sqlalchemy.orm import Session

from counter_app.core.text import vn_fold
from counter_app.db.models import Dossier

FTS_TABLE = "dossier_name_search"
# Above this many matches the walk is the faster plan. Measured on 1M dossiers: fetching and sorting the
# matches costs ~25 ms + 20 ms per 1,000; the walk ~100 ms at 2,500 matches, ~25 ms at 25,000.
DENSE_MATCHES = 3_000
_WORD = re.compile(r"[0-9a-z]+")
_NAME_SEPARATORS = (" ", "'", "-")  # what separates words in a folded name: "h'hen nie", "ka-sor"


def name_words(typed: str) -> list[str]:
    """The words of a search as the index sees them: folded, split at anything but a letter or digit."""
    return _WORD.findall(vn_fold(typed))


def fts_query(words: list[str]) -> str:
    """An FTS5 phrase whose last word is a prefix: '"nguyen va"*'. Words are [0-9a-z] only: no escaping."""
    return '"' + " ".join(words) + '"*'


def _like_condition(words: list[str]) -> ColumnElement[bool]:
    # `_` stands for the one separator the tokenizer split at (a space, or the ' of "H'Hen"); a match
    # starts the key or follows a separator: the same words-in-order-at-word-starts rule as the index.
    phrase = "_".join(words)
    key = Dossier.applicant_name_key
    return or_(key.like(f"{phrase}%"), *(key.like(f"%{sep}{phrase}%") for sep in _NAME_SEPARATORS))


def _fts_rowids(words: list[str]):  # type: ignore[no-untyped-def]
    return (
        select(literal_column("rowid"))
        .select_from(text(FTS_TABLE))
        .where(text(f"{FTS_TABLE} MATCH :name_query").bindparams(name_query=fts_query(words)))
    )


def count_matches_up_to(session: Session, words: list[str], cap: int) -> int:
    """How many names match, counting no further than `cap` (an index read of at most `cap` entries)."""
    capped = _fts_rowids(words).limit(cap).subquery()
    return int(session.execute(select(func.count()).select_from(capped)).scalar_one())


def newest_page_condition(
    session: Session, typed: str, *, descending: bool, limit: int, offset: int
) -> tuple[ColumnElement[bool], bool] | None:
    """For a name search alone sorted by receipt time (the list's default), on SQLite: (condition, paged).

    With few matches, `paged` is True and the condition selects the rowids of just this page, sorted in the
    index's own small copy of the receipt time, so only the page's rows are read from the wide dossiers
    table. With many, it is the walk's condition (the caller pages as usual), decided by the same single
    count. None when the text has no word.
    """
    words = name_words(typed)
    if not words:
        return None
    if count_matches_up_to(session, words, DENSE_MATCHES + 1) > DENSE_MATCHES:
        return _like_condition(words), False
    received, rowid = literal_column(f"{FTS_TABLE}.received_at"), literal_column(f"{FTS_TABLE}.rowid")
    order = [received.desc(), rowid.desc()] if descending else [received.asc(), rowid.asc()]
    page = _fts_rowids(words).order_by(*order).limit(limit).offset(offset)
    return literal_column("dossiers.rowid").in_(page.scalar_subquery()), True


def name_condition(
    session: Session, typed: str, *, sqlite: bool, for_count: bool = False
) -> ColumnElement[bool] | None:
    """The WHERE clause for a name search; None when the text has no letter or digit."""
    words = name_words(typed)
    if not words:
        return None
    if not sqlite:
        return _like_condition(words)
    if for_count or count_matches_up_to(session, words, DENSE_MATCHES + 1) <= DENSE_MATCHES:
        return literal_column("dossiers.rowid").in_(_fts_rowids(words).scalar_subquery())
    return _like_condition(words)
