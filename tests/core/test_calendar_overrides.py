"""The override file the hub distributes: format, shipped 2026 content and Vietnamese errors per line."""

from __future__ import annotations

import json
import os
import unicodedata
from datetime import date
from pathlib import Path

import pytest

from counter_app.core.calendar import (
    CalendarFileError,
    OverrideKind,
    WeeklySessions,
    format_overrides,
    load_calendar,
    parse_overrides,
    read_overrides,
)
from counter_app.paths import resource

HEADER = "date,kind,name,source\n"


def write(tmp_path: Path, text: str, name: str = "overrides.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_shipped_file_holds_the_2026_notices() -> None:
    overrides = {o.day: o for o in read_overrides(resource("calendar", "overrides.csv"))}
    assert overrides[date(2026, 1, 2)].kind is OverrideKind.OFF
    assert overrides[date(2026, 1, 10)].kind is OverrideKind.WORK
    assert "12729/VPCP-KGVX" in overrides[date(2026, 1, 10)].source
    assert {d for d, o in overrides.items() if o.name == "Tết Nguyên đán"} == {
        date(2026, 2, d) for d in range(14, 23)
    }
    assert overrides[date(2026, 4, 27)].kind is OverrideKind.OFF
    for day in (date(2026, 4, 30), date(2026, 5, 1), date(2026, 5, 2), date(2026, 5, 3)):
        assert overrides[day].kind is OverrideKind.OFF
    assert all(o.source for o in overrides.values())


def test_file_round_trips_through_the_writer(tmp_path: Path) -> None:
    shipped = read_overrides(resource("calendar", "overrides.csv"))
    again = parse_overrides(format_overrides(shipped))
    assert again == shipped


def test_comments_blank_lines_bom_and_quoted_commas_are_accepted(tmp_path: Path) -> None:
    text = (
        "\ufeff# lịch của xã\n\n" + HEADER
        + '2026-03-07,work,Làm bù,"Thông báo số 5/TB-UBND, ngày 01/03/2026"\n'
        + "2026-03-09 , OFF , Nghỉ địa phương , QĐ 1/QĐ-UBND\n"
    )
    overrides = read_overrides(write(tmp_path, text))
    assert [o.day for o in overrides] == [date(2026, 3, 7), date(2026, 3, 9)]
    assert overrides[0].source == "Thông báo số 5/TB-UBND, ngày 01/03/2026"
    assert overrides[1].kind is OverrideKind.OFF and overrides[1].name == "Nghỉ địa phương"
    cal = load_calendar(write(tmp_path, text, "second.csv"))
    assert cal.is_counting_day(date(2026, 3, 7))
    assert not cal.is_counting_day(date(2026, 3, 9))
    assert not cal.is_counting_day(date(2026, 2, 17))  # national holidays still apply without the file


def test_names_are_stored_nfc() -> None:
    name = "Nghỉ địa phương"
    overrides = parse_overrides(HEADER + f"2026-03-09,off,{unicodedata.normalize('NFD', name)},QĐ 1\n")
    assert overrides[0].name == unicodedata.normalize("NFC", name)


@pytest.mark.parametrize(
    ("body", "line", "fragment"),
    [
        ("2026-13-01,off,Nghỉ,QĐ 1\n", 2, 'ngày "2026-13-01" không hợp lệ'),
        ("01/02/2026,off,Nghỉ,QĐ 1\n", 2, 'ngày "01/02/2026" không hợp lệ'),
        ("2026-03-09,holiday,Nghỉ,QĐ 1\n", 2, 'loại "holiday" không hợp lệ'),
        ("2026-03-09,off,,QĐ 1\n", 2, "thiếu tên ngày"),
        ("2026-03-09,off,Nghỉ,\n", 2, "thiếu căn cứ"),
        ("2026-03-09,off,Nghỉ\n", 2, "cần đúng 4 cột"),
        ("2026-03-09,off,Nghỉ,QĐ 1\n# ghi chú\n2026-03-09,work,Làm,QĐ 2\n", 4, "đã được khai báo ở dòng 2"),
    ],
)
def test_bad_lines_give_a_vietnamese_error_naming_the_line(
    tmp_path: Path, body: str, line: int, fragment: str
) -> None:
    path = write(tmp_path, HEADER + body)
    with pytest.raises(CalendarFileError) as caught:
        load_calendar(path)
    assert caught.value.line == line
    assert f"dòng {line}" in str(caught.value)
    assert fragment in str(caught.value)
    assert str(path) in str(caught.value)


def test_a_missing_or_wrong_header_is_reported(tmp_path: Path) -> None:
    with pytest.raises(CalendarFileError, match="tiêu đề phải là"):
        read_overrides(write(tmp_path, "ngay,loai,ten,can_cu\n"))
    with pytest.raises(CalendarFileError, match="trống"):
        read_overrides(write(tmp_path, "# chỉ có ghi chú\n", "empty.csv"))
    with pytest.raises(CalendarFileError, match="Không tìm thấy"):
        load_calendar(tmp_path / "missing.csv")
    binary = tmp_path / "bad.csv"
    binary.write_bytes(HEADER.encode() + "2026-03-09,off,Nghỉ,QĐ\n".encode("utf-16"))
    with pytest.raises(CalendarFileError, match="UTF-8"):
        read_overrides(binary)


def test_an_edited_file_is_reloaded(tmp_path: Path) -> None:
    path = write(tmp_path, HEADER + "2026-03-09,off,Nghỉ,QĐ 1\n")
    first = load_calendar(path)
    assert first is load_calendar(path)
    path.write_text(HEADER + "2026-03-10,off,Nghỉ khác,QĐ 2\n", encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    second = load_calendar(path)
    assert second is not first
    assert second.is_counting_day(date(2026, 3, 9))
    assert not second.is_counting_day(date(2026, 3, 10))


def test_weekly_sessions_settings_survive_json() -> None:
    hours = WeeklySessions.standard()
    stored = json.loads(json.dumps(hours.to_mapping()))
    assert WeeklySessions.from_mapping(
        stored["hours"],
        counting_weekdays=stored["counting_weekdays"],
        extra_day_sessions=stored["extra_day_sessions"],
        same_day_cutoff=stored["same_day_cutoff"],
    ) == hours
