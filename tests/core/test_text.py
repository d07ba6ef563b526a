"""Vietnamese text: storage form, search key and name sorting."""

from __future__ import annotations

import random
import sqlite3
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from counter_app.core.text import collate_vn, nfc, vn_fold, vn_name_sort_key, vn_sort_key, vn_sort_text

VN_LOWER = "aàảãáạăằẳẵắặâầẩẫấậbcdđeèẻẽéẹêềểễếệghiìỉĩíịklmnoòỏõóọôồổỗốộơờởỡớợpqrstuùủũúụưừửữứựvxyỳỷỹýỵ"
VN_LETTERS = VN_LOWER + VN_LOWER.upper()
vn_words = st.text(alphabet=VN_LETTERS, min_size=1, max_size=7)
vn_names = st.lists(vn_words, min_size=1, max_size=4).map(" ".join)
any_text = st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=40)


def nfd(s: str) -> str:
    return unicodedata.normalize("NFD", s)


# --- nfc ---------------------------------------------------------------------------------------------


def test_nfc_stores_composed_trimmed_single_spaced_text():
    typed = nfd("  Nguyễn \t Văn\u00a0\u00a0Đức \n")
    assert nfc(typed) == "Nguyễn Văn Đức"
    assert unicodedata.is_normalized("NFC", nfc(typed))


# --- vn_fold -----------------------------------------------------------------------------------------


def test_fold_matches_names_typed_without_marks_or_case():
    assert vn_fold("Nguyễn Văn Đức") == "nguyen van duc"
    assert vn_fold("ĐẶNG  THỊ\tHƯỜNG") == "dang thi huong"
    assert vn_fold(nfd("Trần Thị Ngọc Ánh")) == "tran thi ngoc anh"


def test_fold_treats_eth_typed_for_d_stroke_as_d():
    # Some old keyboards and fonts give U+00D0 (Icelandic eth), which looks exactly like Đ.
    assert vn_fold("\u00d0ỗ Thị Hà") == vn_fold("Đỗ Thị Hà") == "do thi ha"


def test_fold_equates_old_and_new_tone_placement():
    assert vn_fold("Hoà") == vn_fold("Hòa") == "hoa"
    assert vn_fold("Thuý") == vn_fold("Thúy")


@given(any_text)
def test_fold_is_idempotent(s):
    assert vn_fold(vn_fold(s)) == vn_fold(s)


@given(any_text)
def test_fold_ignores_the_normalisation_form_of_the_input(s):
    assert vn_fold(unicodedata.normalize("NFD", s)) == vn_fold(unicodedata.normalize("NFC", s))


@given(vn_names)
def test_fold_of_vietnamese_names_is_plain_ascii(name):
    folded = vn_fold(name)
    assert folded.isascii() and folded == folded.lower()


# --- vn_sort_key -------------------------------------------------------------------------------------

ALPHABET = "a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y".split()


def shuffled(items: list[str], seed: int = 7) -> list[str]:
    copy = list(items)
    random.Random(seed).shuffle(copy)
    return copy


def test_letters_follow_the_vietnamese_alphabet():
    assert sorted(shuffled(ALPHABET), key=vn_sort_key) == ALPHABET
    assert sorted(shuffled([c.upper() for c in ALPHABET]), key=vn_sort_key) == [c.upper() for c in ALPHABET]


def test_tones_follow_dictionary_order_after_the_letters():
    # ngang, huyền, hỏi, ngã, sắc, nặng; a syllable with more letters comes after every tone of a shorter one
    expected = ["ma", "mà", "mả", "mã", "má", "mạ", "mác", "mạc", "mách"]
    assert sorted(shuffled(expected), key=vn_sort_key) == expected


def test_d_stroke_sorts_after_d_not_after_z():
    names = ["Đặng Văn Em", "Dương Thị Hoa", "Lê Văn Tám", "Ân Thị Út", "Bùi Văn Chín"]
    assert sorted(names, key=vn_sort_key) == [
        "Ân Thị Út", "Bùi Văn Chín", "Dương Thị Hoa", "Đặng Văn Em", "Lê Văn Tám"
    ]
    assert sorted(names) != sorted(names, key=vn_sort_key)  # plain code-point order gets this wrong


def test_comparison_is_word_by_word():
    expected = ["An", "An Bình", "Anh", "Ba Bình", "Bá An"]
    assert sorted(shuffled(expected), key=vn_sort_key) == expected


def test_case_only_breaks_ties():
    assert sorted(["BÌNH", "an", "Ánh", "AN"], key=vn_sort_key) == ["AN", "an", "Ánh", "BÌNH"]


def test_old_and_new_tone_placement_sort_together():
    words = ["Hoả", "Hòa", "Hoa", "Hoà", "Hoan"]
    ordered = sorted(words, key=vn_sort_key)
    assert ordered[0] == "Hoa" and ordered[3:] == ["Hoả", "Hoan"]
    assert vn_sort_key("Hoà")[0] == vn_sort_key("Hòa")[0]


def test_foreign_letters_and_digits_have_a_place():
    words = ["Zơ Râm", "Y Bih", "Wừu", "Fan", "Ê Đê", "10", "9", "H'Bia", "Ha"]
    expected = ["10", "9", "Ê Đê", "Fan", "H'Bia", "Ha", "Wừu", "Y Bih", "Zơ Râm"]
    assert sorted(words, key=vn_sort_key) == expected


@given(vn_names)
def test_sort_key_ignores_normalisation_form_and_spacing(name):
    assert vn_sort_key(nfd(name)) == vn_sort_key(name)
    assert vn_sort_key("  " + name.replace(" ", "   ") + " ") == vn_sort_key(name)


@given(vn_names)
def test_sort_key_ignores_case_except_as_the_last_tie_break(name):
    assert vn_sort_key(name.upper())[0] == vn_sort_key(name.lower())[0]


@given(vn_names, vn_names)
def test_sort_key_is_a_total_order_on_distinct_names(a, b):
    assert (vn_sort_key(a) == vn_sort_key(b)) == (nfc(a) == nfc(b))


# --- vn_name_sort_key --------------------------------------------------------------------------------


def test_register_order_is_by_given_name_then_family_and_middle_names():
    names = ["Trần Thị Bình", "Nguyễn Văn An", "Phạm Văn Ánh", "Lê An", "Nguyễn Thị An", "Đỗ Anh"]
    assert sorted(names, key=vn_name_sort_key) == [
        "Lê An", "Nguyễn Thị An", "Nguyễn Văn An", "Đỗ Anh", "Phạm Văn Ánh", "Trần Thị Bình"
    ]


def test_a_one_word_name_is_its_given_name():
    assert sorted(["Nguyễn An", "An", "Bình"], key=vn_name_sort_key) == ["An", "Nguyễn An", "Bình"]


# --- SQLite collation and stored key -----------------------------------------------------------------


@given(vn_names, vn_names)
def test_collation_and_stored_key_agree_with_the_sort_key(a, b):
    by_key = (vn_sort_key(a) > vn_sort_key(b)) - (vn_sort_key(a) < vn_sort_key(b))
    assert collate_vn(a, b) == by_key == -collate_vn(b, a)
    assert (vn_sort_text(a) > vn_sort_text(b)) - (vn_sort_text(a) < vn_sort_text(b)) == by_key


def test_sqlite_orders_names_like_python():
    names = shuffled(["Đặng Văn Em", "Dương Thị Hoa", "an", "An Bình", "Ánh", "Bá An", "Ba Bình", "Hòa",
                      "Hoà", "Nguyễn Văn Đức", "NGUYỄN VĂN ĐỨC", "Nguyễn Văn Dũng", "Ưng", "Ơn", "Ôn", "On"])
    expected = sorted(names, key=vn_sort_key)
    con = sqlite3.connect(":memory:")
    con.create_collation("VN", collate_vn)
    con.execute("CREATE TABLE person (name TEXT, sort_key TEXT)")
    con.executemany("INSERT INTO person VALUES (?, ?)", [(n, vn_sort_text(n)) for n in names])
    con.execute("CREATE INDEX ix_person_sort_key ON person (sort_key)")
    assert [n for (n,) in con.execute("SELECT name FROM person ORDER BY name COLLATE VN")] == expected
    # The stored key sorts right with SQLite's plain BINARY collation, so an index serves ORDER BY.
    assert [n for (n,) in con.execute("SELECT name FROM person ORDER BY sort_key")] == expected
