"""The bundled Liberation Serif 2.x: right version, every Vietnamese letter, licence alongside."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from reportlab.pdfbase.ttfonts import TTFontFile

from counter_app.printing.fonts import FontError, check_faces, fonts_dir

VOWELS = "aăâeêioôơuưy"
TONES = ("\u0300", "\u0301", "\u0303", "\u0309", "\u0323")


def vietnamese_letters() -> set[str]:
    import unicodedata

    letters = {"đ", "Đ"}
    for vowel in VOWELS:
        for form in (vowel, *(unicodedata.normalize("NFC", vowel + t) for t in TONES)):
            letters |= {form, form.upper()}
    return letters


def test_the_four_bundled_faces_are_version_2() -> None:
    faces = check_faces()
    assert len(faces) == 4
    assert all(face.version.startswith("Version 2.1") for face in faces)


def test_every_face_has_all_146_vietnamese_letters_and_the_dong_sign() -> None:
    letters = vietnamese_letters()
    assert len(letters) == 146
    for face in check_faces():
        cmap = TTFontFile(str(face.path)).charToGlyph
        assert [ch for ch in sorted(letters | {"₫"}) if ord(ch) not in cmap] == [], face.path.name


def test_an_old_liberation_1_face_is_refused(tmp_path: Path) -> None:
    for ttf in fonts_dir().glob("*.ttf"):
        shutil.copy(ttf, tmp_path / ttf.name)
    regular = tmp_path / "LiberationSerif-Regular.ttf"
    data = regular.read_bytes()
    for old, new in (("Version 2.1.5", "Version 1.07 "),):
        data = data.replace(old.encode("utf-16-be"), new.encode("utf-16-be"))
        data = data.replace(old.encode("mac_roman"), new.encode("mac_roman"))
    regular.write_bytes(data)
    with pytest.raises(FontError, match="Liberation Serif 2.x"):
        check_faces(tmp_path)


def test_a_missing_face_is_reported(tmp_path: Path) -> None:
    with pytest.raises(FontError, match="missing"):
        check_faces(tmp_path)


def test_the_ofl_licence_ships_with_the_fonts() -> None:
    text = (fonts_dir() / "OFL.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in text and "Reserved Font Name Liberation" in text
