"""The bundled Liberation Serif 2.x faces, registered once per process for ReportLab.

Why the version check: Debian's older `fonts-liberation` ships a file with the same name (1.07) that
lacks 92 of the 146 Vietnamese letters, and ReportLab silently reuses the first face registered under
a name. So we check the `name` table before registering and refuse anything that is not 2.x.
"""

from __future__ import annotations

import functools
import struct
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import ParamSpec, TypeVar

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from counter_app.paths import resource

REGULAR = "CounterSerif"
BOLD = "CounterSerif-Bold"
ITALIC = "CounterSerif-Italic"
BOLD_ITALIC = "CounterSerif-BoldItalic"

_FACES = {
    REGULAR: "LiberationSerif-Regular.ttf",
    BOLD: "LiberationSerif-Bold.ttf",
    ITALIC: "LiberationSerif-Italic.ttf",
    BOLD_ITALIC: "LiberationSerif-BoldItalic.ttf",
}
REQUIRED_VERSION_PREFIX = "Version 2."
_NAME_ID_VERSION = 5

P = ParamSpec("P")
R = TypeVar("R")

_lock = threading.Lock()
_registered = False


class FontError(RuntimeError):
    """A bundled font is missing, unreadable or of the wrong version."""


@dataclass(frozen=True)
class FontFace:
    name: str
    path: Path
    version: str


def fonts_dir() -> Path:
    return resource("fonts")


def font_version(path: Path) -> str:
    """The `name` table version string (name id 5) of a TrueType file, e.g. 'Version 2.1.5'."""
    data = path.read_bytes()
    num_tables = struct.unpack_from(">H", data, 4)[0]
    for i in range(num_tables):
        tag, _checksum, offset, _length = struct.unpack_from(">4sIII", data, 12 + 16 * i)
        if tag != b"name":
            continue
        _fmt, count, strings = struct.unpack_from(">HHH", data, offset)
        found = ""
        for r in range(count):
            platform, encoding, _lang, name_id, length, str_off = struct.unpack_from(
                ">HHHHHH", data, offset + 6 + 12 * r
            )
            if name_id != _NAME_ID_VERSION:
                continue
            raw = data[offset + strings + str_off : offset + strings + str_off + length]
            if platform == 3 and encoding in (0, 1, 10):  # Windows, UTF-16BE: preferred
                return raw.decode("utf-16-be")
            if platform == 1 and not found:  # Macintosh Roman
                found = raw.decode("mac_roman")
        return found
    return ""


def check_faces(directory: Path | None = None) -> list[FontFace]:
    """Every bundled face with its version; raises FontError if one is missing or not 2.x."""
    directory = directory or fonts_dir()
    faces = []
    for name, filename in _FACES.items():
        path = directory / filename
        if not path.is_file():
            raise FontError(f"font file missing: {path}")
        try:
            version = font_version(path)
        except (OSError, struct.error, UnicodeDecodeError) as exc:
            raise FontError(f"cannot read font {path}: {exc}") from exc
        if not version.startswith(REQUIRED_VERSION_PREFIX):
            raise FontError(f"{path} is {version!r}; Liberation Serif 2.x is required for Vietnamese")
        faces.append(FontFace(name, path, version))
    return faces


def register_fonts() -> None:
    """Register the four faces and the <b>/<i> family mapping; idempotent and thread-safe."""
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        for face in check_faces():
            pdfmetrics.registerFont(TTFont(face.name, str(face.path)))
        # Paragraph markup resolves <b>/<i> through this family mapping.
        pdfmetrics.registerFontFamily(
            REGULAR, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC
        )
        _registered = True


def needs_fonts(builder: Callable[P, R]) -> Callable[P, R]:
    """Decorate a public builder so that it registers the fonts before measuring any text."""

    @functools.wraps(builder)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        register_fonts()
        return builder(*args, **kwargs)

    return wrapper
