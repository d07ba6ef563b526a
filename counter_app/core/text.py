"""Vietnamese text rules: NFC storage form, the folded search key, and a collation for sorting names.

Collation (what `vn_sort_key` implements):

- Letters follow the Vietnamese alphabet ``a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y``;
  the foreign letters f, j, w, z sit where the Latin alphabet puts them (after ê, i, v and y), digits come
  before letters, and any other character sorts before digits.
- Tones order ``ngang < huyền < hỏi < ngã < sắc < nặng``, the order of the Hoàng Phê dictionary (Từ điển
  tiếng Việt, Viện Ngôn ngữ học) and of the CLDR/ICU "vi" standard collation (``&̀<<̉<<̃<<́<<̣``).
- Comparison is word by word, as a dictionary lists headwords: a word's letters first, then its tone,
  before the next word counts. So ``ma < mà < mả < mã < má < mạ < mác`` and ``Ba Bình < Bá An``. (ICU
  compares all letters of the whole string before any tone, and would put ``Bá An`` first.)
- Digraphs (ch, gh, kh, ng, nh, ph, th, tr, gi, qu) are plain letter sequences, as in the CLDR "standard"
  Vietnamese collation, not the "traditional" one.
- Case never decides between different names; names that differ only by case (or by the variant of a
  mark) are ordered by code point as the last resort (upper case first), so the order is total.
- The tone is found wherever the mark sits, so the old and new tone placements (``Hoà`` / ``Hòa``) sort
  together.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from functools import lru_cache

__all__ = ["collate_vn", "nfc", "vn_fold", "vn_name_sort_key", "vn_sort_key", "vn_sort_text"]


def nfc(s: str) -> str:
    """The storage form of user text: NFC, trimmed, with each whitespace run collapsed to one space."""
    return " ".join(unicodedata.normalize("NFC", s).split())


class _CharMap(dict[int, str | None]):
    """A `str.translate` table that computes and caches the entry of a character on first sight."""

    def __init__(self, compute: Callable[[str], str | None]) -> None:
        super().__init__()
        self._compute = compute

    def __missing__(self, codepoint: int) -> str | None:
        value = self[codepoint] = self._compute(chr(codepoint))
        return value


# ð/Ð: some old Vietnamese fonts and keyboards type the Icelandic eth (U+00D0) for Đ; they look the same.
_D_STROKES = {"đ": "d", "ð": "d"}
_DROP_MARKS = _CharMap(lambda ch: "" if unicodedata.combining(ch) else _D_STROKES.get(ch, ch))


def vn_fold(s: str) -> str:
    """The search key: no marks, đ→d, case-folded, single spaces ("Nguyễn Văn Đức" → "nguyen van duc")."""
    # Case-fold between two NFDs: folding can produce new combining marks (İ → i + U+0307).
    folded = unicodedata.normalize("NFD", unicodedata.normalize("NFD", s).casefold())
    return " ".join(folded.translate(_DROP_MARKS).split())


# --- collation ---------------------------------------------------------------------------------------

_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_TONE_MARKS = "\u0300\u0309\u0303\u0301\u0323"  # huyền, hỏi, ngã, sắc, nặng (ngang has no mark)

# Weights are single characters whose code point order is the collation order, so a key is a plain str
# and Python (or SQLite's BINARY collation on a stored key) compares it at C speed.
_TIE_SEP = "\x01"  # between the letters-and-tones part and the tie-break
_WORD_SEP = "\x02"  # between words: a shorter name sorts before a longer one that starts with it
_TONE_WEIGHTS = {mark: chr(0x04 + i) for i, mark in enumerate(_TONE_MARKS)}
_NO_TONE = "\x03"
_DIGIT_BASE = 0xE000  # private-use area: above every character that gets the "other" weight
_LETTER_BASE = 0xE010
_OTHER_MAX = 0xDFFF
_LETTER_WEIGHTS = {letter: chr(_LETTER_BASE + i) for i, letter in enumerate(_ALPHABET)}
_LETTER_WEIGHTS["ð"] = _LETTER_WEIGHTS["đ"]  # see _D_STROKES


def _letter_weights(ch: str) -> str:
    """Weights of one character, its tone left out: ``Ệ`` → ``ê``, ``ñ`` → ``n``, ``ß`` → ``ss``."""
    lowered = ch.casefold()
    if len(lowered) > 1:
        return "".join(_letter_weights(c) for c in lowered)
    if lowered in _LETTER_WEIGHTS:
        return _LETTER_WEIGHTS[lowered]
    if "0" <= lowered <= "9":
        return chr(_DIGIT_BASE + int(lowered))
    decomposed = unicodedata.normalize("NFD", lowered)
    without_tone = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONE_MARKS))
    if without_tone in _LETTER_WEIGHTS:
        return _LETTER_WEIGHTS[without_tone]
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    if bare != decomposed:  # a foreign accented letter sorts with its base (ü → u); a lone mark adds nothing
        return "".join(_letter_weights(c) for c in bare)
    # Controls would collide with the separators and tone weights; the private-use area is ours.
    return chr(min(max(ord(ch), 0x20), _OTHER_MAX))


def _tone_weight(ch: str) -> str | None:
    """The tone of a vowel (or of a stray tone mark); None deletes other characters from the tone string."""
    decomposed = unicodedata.normalize("NFD", ch)
    if decomposed[0].casefold() not in "aeiouy" and not unicodedata.combining(decomposed[0]):
        return None  # ñ carries a tilde, not the ngã tone
    return "".join(_TONE_WEIGHTS[c] for c in decomposed if c in _TONE_WEIGHTS) or None


_LETTERS = _CharMap(_letter_weights)
_TONES = _CharMap(_tone_weight)


def _word_key(word: str) -> str:
    return word.translate(_LETTERS) + (word.translate(_TONES) or _NO_TONE)


class _WordKeys(dict[str, str]):
    """Word → key cache: names reuse a few thousand syllables, so sorting 100k names computes few keys."""

    _LIMIT = 100_000  # foreign or mistyped words cannot grow it without bound

    def __missing__(self, word: str) -> str:
        if len(self) >= self._LIMIT:
            self.clear()
        key = self[word] = _word_key(word)
        return key


_WORD_KEYS = _WordKeys()


def _words_key(words: list[str]) -> str:
    return _WORD_SEP.join([_WORD_KEYS[w] for w in words])


def _tie_break(words: list[str]) -> str:
    return " ".join(words)  # the final tie-break: code points, so upper case first


def vn_sort_key(s: str) -> tuple[str, str]:
    """Sort key for Vietnamese text (see the module docstring); NFC and NFD input give the same key."""
    words = unicodedata.normalize("NFC", s).split()
    return _words_key(words), _tie_break(words)


def vn_sort_text(s: str) -> str:
    """`vn_sort_key` as one string, for an indexed column sorted with SQLite's plain BINARY collation.

    Its UTF-8 byte order is the collation order. Recompute stored keys if this module's rules change.
    """
    return _TIE_SEP.join(vn_sort_key(s))


def vn_name_sort_key(full_name: str) -> tuple[str, str, str]:
    """Sort key for a person's full name as Vietnamese registers sort it: given name (the last word)
    first, then the family and middle names in their written order."""
    words = unicodedata.normalize("NFC", full_name).split()
    return _words_key(words[-1:]), _words_key(words[:-1]), _tie_break(words)


@lru_cache(maxsize=1 << 16)
def _cached_sort_text(s: str) -> str:
    return vn_sort_text(s)


def collate_vn(a: str, b: str) -> int:
    """Three-way compare for ``sqlite3.Connection.create_collation("VN", collate_vn)``.

    Agrees with `vn_sort_key`. SQLite calls it O(n log n) times per ORDER BY, so keys are cached.
    """
    ka, kb = _cached_sort_text(a), _cached_sort_text(b)
    return (ka > kb) - (ka < kb)
