"""Reading the exported files back the way a person's tools would: LibreOffice for XLSX, pypdf for PDF."""

from __future__ import annotations

import csv
import io
import re
import shutil
import subprocess
from pathlib import Path

from pypdf import PdfReader

CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1"  # comma, double quote, UTF-8, from row 1
_INT = re.compile(r"\d{1,3}(?:[.,]\d{3})*|\d+")


def soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    assert found, "LibreOffice is required: apt-get install -y --no-install-recommends libreoffice-calc"
    return found


def xlsx_to_csv_rows(xlsx: Path, workdir: Path) -> list[list[str]]:
    """The first sheet of `xlsx` as LibreOffice Calc shows it (a headless conversion to CSV)."""
    out = workdir / "lo-out"
    out.mkdir(parents=True, exist_ok=True)
    profile = (workdir / "lo-profile").resolve().as_uri()  # a private profile: tests may run in parallel
    done = subprocess.run(
        [
            soffice(),
            f"-env:UserInstallation={profile}",
            "--headless",
            "--norestore",
            "--convert-to",
            CSV_FILTER,
            "--outdir",
            str(out),
            str(xlsx),
        ],
        capture_output=True,
        text=True,
        timeout=240,
    )
    target = out / (xlsx.stem + ".csv")
    assert done.returncode == 0 and target.exists(), done.stdout + done.stderr
    return list(csv.reader(io.StringIO(target.read_text(encoding="utf-8"))))


def to_int(text: str) -> int | None:
    clean = text.strip()
    if not _INT.fullmatch(clean):
        return None
    return int(clean.replace(".", "").replace(",", ""))


def csv_table(rows: list[list[str]], width: int = 11, first: int = 2) -> dict[str, tuple[int, ...]]:
    """Rows whose cells first…first+width are all integers, keyed by the label in the column before."""
    table = {}
    for row in rows:
        cells = row[first : first + width]
        values = [to_int(c) for c in cells]
        if len(cells) == width and all(v is not None for v in values) and row[first - 1].strip():
            table[row[first - 1].strip()] = tuple(v for v in values if v is not None)
    return table


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)


def pdf_table(data: bytes, width: int = 11) -> dict[str, tuple[int, ...]]:
    """Runs of `width` integer lines in the PDF text, keyed by the text lines just before them."""
    lines = [line.strip() for line in pdf_text(data).splitlines() if line.strip()]
    table: dict[str, tuple[int, ...]] = {}
    label: list[str] = []
    i = 0
    while i < len(lines):
        run = []
        while i + len(run) < len(lines) and to_int(lines[i + len(run)]) is not None:
            run.append(to_int(lines[i + len(run)]))
        if len(run) >= width and label:  # the next row's number may follow the last value
            table[" ".join(label)] = tuple(v for v in run[:width] if v is not None)
            label = []
            i += len(run)
        elif run:
            label = []  # a row number or a page number
            i += len(run)
        else:
            label.append(lines[i])
            i += 1
    return table
