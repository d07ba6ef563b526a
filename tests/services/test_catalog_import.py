"""Importing a procedure catalogue into the database: all or nothing, versioned."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from counter_app.core.catalog_io import load_default_catalog, write_catalog_csv
from counter_app.db.models import Procedure
from counter_app.services.catalog import import_catalog_file, procedures_in_force, search_procedures
from counter_app.services.errors import ValidationFailed


def _count(ctx) -> int:  # type: ignore[no-untyped-def]
    with ctx.db.read() as session:
        return session.scalar(select(func.count()).select_from(Procedure)) or 0


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def _write(path: Path, rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def test_setup_imported_the_shipped_catalogue(ctx) -> None:  # type: ignore[no-untyped-def]
    in_force = procedures_in_force(ctx.db, date(2026, 6, 1))
    assert len(in_force) == len(load_default_catalog()) >= 30
    assert {p.time_unit for p in in_force} == {"working_days", "calendar_days", "same_day"}


def test_a_file_with_one_bad_row_reports_it_and_imports_nothing(ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "catalog.csv"
    write_catalog_csv(load_default_catalog(), path)
    rows = _rows(path)
    for row in rows:
        row["fee"] = str(int(row["fee"] or 0) + 1000)  # every row changed: a good file would add 41 versions
    rows[6]["time_unit"] = "tuần"  # spreadsheet row 8 (header is row 1)
    _write(path, rows)
    before = _count(ctx)
    with pytest.raises(ValidationFailed) as excinfo:
        import_catalog_file(ctx.db, path)
    assert len(excinfo.value.errors) == 1 and "8" in excinfo.value.errors[0]
    assert _count(ctx) == before


def test_changed_procedure_becomes_a_new_version_and_reimport_changes_nothing(ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "catalog.csv"
    write_catalog_csv(load_default_catalog(), path)
    rows = _rows(path)
    rows[0]["fee"] = "12.000"
    _write(path, rows)
    report = import_catalog_file(ctx.db, path)
    assert (report.added, report.updated) == (0, 1)
    again = import_catalog_file(ctx.db, path)
    assert (again.added, again.updated, again.unchanged) == (0, 0, len(rows))
    current = {p.code: p for p in procedures_in_force(ctx.db, date(2026, 6, 1))}
    assert current[rows[0]["code"]].fee == 12000 and current[rows[0]["code"]].version == 2


def test_procedure_search_works_with_or_without_diacritics(ctx) -> None:  # type: ignore[no-untyped-def]
    procedures = procedures_in_force(ctx.db, date(2026, 6, 1))
    for query in ("khai sinh", "KHAI SINH", "khai sinh lưu động", "dang ky khai tu"):
        found = search_procedures(procedures, query)
        assert found and all("khai" in p.name.lower() for p in found), query
    by_code = search_procedures(procedures, "2.000635")
    assert [p.code for p in by_code] == ["2.000635"]
