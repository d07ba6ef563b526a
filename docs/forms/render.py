"""Render every form from the sample data to PNG (about 100 dpi) for docs/forms.

usage: .venv/bin/python docs/forms/render.py [OUT_DIR] [--stress]
Needs pypdfium2 (the `test` extra). --stress renders the stress samples instead (not committed).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pypdfium2 as pdfium

from counter_app.printing import FormId, Paper, build_form, supported_papers
from counter_app.printing.samples import sample, stress

DPI = 100


def render(pdf: bytes, stem: Path, max_pages: int = 2) -> list[Path]:
    doc = pdfium.PdfDocument(pdf)
    written = []
    for i in range(min(len(doc), max_pages)):
        image = doc[i].render(scale=DPI / 72, fill_color=(255, 255, 255, 255), grayscale=True).to_pil()
        path = stem.with_name(f"{stem.name}{'' if len(doc) == 1 else f'-p{i + 1}'}.png")
        image.save(path, optimize=True)
        written.append(path)
    return written


def main(out: Path, use_stress: bool) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for form_id in FormId:
        data = stress(form_id) if use_stress else sample(form_id)
        for paper in supported_papers(form_id):
            if paper != Paper.A4 and form_id != FormId.SLIP:
                continue  # A5 of the other forms is covered by the tests, not the docs
            for path in render(build_form(form_id, data, paper), out / f"{form_id}-{paper}"):
                print(path)


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    main(Path(args[0]) if args else Path(__file__).parent, "--stress" in sys.argv)
