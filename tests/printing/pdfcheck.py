"""Independent readers for the PDFs under test: pypdf for text and fonts, pdfium + zxing-cpp for
barcodes. Nothing here uses the code under test to judge it."""

from __future__ import annotations

import io
import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

import pypdfium2 as pdfium
import zxingcpp
from pypdf import PdfReader

BASE14 = {
    "Courier",
    "Courier-Bold",
    "Courier-Oblique",
    "Courier-BoldOblique",
    "Helvetica",
    "Helvetica-Bold",
    "Helvetica-Oblique",
    "Helvetica-BoldOblique",
    "Times-Roman",
    "Times-Bold",
    "Times-Italic",
    "Times-BoldItalic",
    "Symbol",
    "ZapfDingbats",
}
VN = ZoneInfo("Asia/Ho_Chi_Minh")


def squash(text: str) -> str:
    """NFC with every run of whitespace made one space (a value may wrap onto the next line)."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def page_texts(pdf: bytes) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages]


def missing_values(pdf: bytes, values: list[str]) -> list[str]:
    """The values that the PDF's text layer does not contain, exactly (after squashing spaces)."""
    text = squash(" ".join(page_texts(pdf)))
    return [v for v in values if squash(v) not in text]


@dataclass
class FontProblem:
    page: int
    name: str
    why: str


def font_problems(pdf: bytes) -> list[FontProblem]:
    """Every font that is not embedded, or is a base-14 reference, on any page."""
    problems = []
    for number, page in enumerate(PdfReader(io.BytesIO(pdf)).pages, 1):
        fonts = (page.get("/Resources") or {}).get("/Font") or {}
        if not fonts:
            problems.append(FontProblem(number, "-", "page has no fonts"))
        for key, ref in fonts.items():
            font = ref.get_object()
            base = str(font.get("/BaseFont", "")).lstrip("/")
            if base.split("+")[-1] in BASE14:
                problems.append(FontProblem(number, base, "base-14 font referenced"))
                continue
            if font.get("/Subtype") == "/Type0":
                font = font["/DescendantFonts"][0].get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None or "/FontFile2" not in descriptor.get_object():
                problems.append(FontProblem(number, f"{key} {base}", "no embedded FontFile2"))
    return problems


def has_images(pdf: bytes) -> bool:
    for page in PdfReader(io.BytesIO(pdf)).pages:
        xobjects = (page.get("/Resources") or {}).get("/XObject") or {}
        if any(x.get_object().get("/Subtype") == "/Image" for x in xobjects.values()):
            return True
    return False


def page_sizes_mm(pdf: bytes) -> list[tuple[float, float]]:
    return [
        (round(float(p.mediabox.width) / 72 * 25.4, 1), round(float(p.mediabox.height) / 72 * 25.4, 1))
        for p in PdfReader(io.BytesIO(pdf)).pages
    ]


def decode(pdf: bytes, page: int = 0, dpi: int = 200) -> dict[str, list[str]]:
    """Rasterise a page on white at `dpi` and decode it: {'Code128': [...], 'QRCode': [...]}."""
    document = pdfium.PdfDocument(pdf)
    image = document[page].render(scale=dpi / 72, fill_color=(255, 255, 255, 255), grayscale=True).to_pil()
    found: dict[str, list[str]] = {}
    formats = (zxingcpp.BarcodeFormat.Code128, zxingcpp.BarcodeFormat.QRCode)
    for result in zxingcpp.read_barcodes(image, formats=formats):
        found.setdefault(result.format.name, []).append(result.text)
    return found


def vn_time(moment: datetime) -> str:
    """'08 giờ 30 phút, ngày 23 tháng 11 năm 2026' on the counter's clock (NĐ 30 zero rules)."""
    m = moment.astimezone(VN)
    month = f"{m.month:02d}" if m.month < 3 else str(m.month)
    return f"{m.hour:02d} giờ {m.minute:02d} phút, ngày {m.day:02d} tháng {month} năm {m.year}"
