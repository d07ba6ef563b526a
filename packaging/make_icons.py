"""Render resources/icons/counter_app.svg into the PNG and ICO files the bundles use.

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/make_icons.py

Run it after editing the SVG and commit the outputs: builds then need neither Qt's SVG renderer nor
Pillow at packaging time. The .ico holds 16–256 px images (Windows picks the size it needs).
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QBuffer, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(svg: Path, size: int) -> Image.Image:
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {svg}")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return Image.open(io.BytesIO(bytes(buffer.data().data()))).convert("RGBA")


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 - QImage needs it
    svg = ICONS / "counter_app.svg"
    largest = render(svg, 256)
    largest.save(ICONS / "counter_app.png")
    render(svg, 48).save(ICONS / "counter_app-48.png")
    # Pillow resamples each ICO size from the largest image; small sizes come out sharper rendered
    # directly, so pass them all.
    images = {size: render(svg, size) for size in ICO_SIZES}
    images[256].save(ICONS / "counter_app.ico", sizes=[(s, s) for s in ICO_SIZES],
                     append_images=[images[s] for s in ICO_SIZES[:-1]])
    for name in ("counter_app.png", "counter_app-48.png", "counter_app.ico"):
        print(f"{ICONS / name}: {(ICONS / name).stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
