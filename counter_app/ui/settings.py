"""Per-workstation screen preferences (font size, window geometry) in an INI file beside the data.

Business settings live in the database; this is only how this PC shows things (style-anchors L14).
The print dialog keeps its printer and paper choices in the same file.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

DEFAULT_FONT_SIZE = 11
MIN_FONT_SIZE = 9
MAX_FONT_SIZE = 18


class UiSettings:
    def __init__(self, path: Path | None = None) -> None:
        if path is None:
            from counter_app.paths import data_dir

            path = data_dir() / "ui.ini"
        self.path = path
        self.qsettings = QSettings(str(path), QSettings.Format.IniFormat)

    @property
    def font_size(self) -> int:
        try:
            value = int(self.qsettings.value("ui/font_size", DEFAULT_FONT_SIZE))
        except (TypeError, ValueError):
            value = DEFAULT_FONT_SIZE
        return max(MIN_FONT_SIZE, min(MAX_FONT_SIZE, value))

    @font_size.setter
    def font_size(self, size: int) -> None:
        self.qsettings.setValue("ui/font_size", max(MIN_FONT_SIZE, min(MAX_FONT_SIZE, int(size))))
        self.qsettings.sync()

    def geometry(self, key: str) -> QByteArray | None:
        value = self.qsettings.value(f"geometry/{key}")
        return value if isinstance(value, QByteArray) else None

    def set_geometry(self, key: str, value: QByteArray) -> None:
        self.qsettings.setValue(f"geometry/{key}", value)

    @property
    def last_username(self) -> str:
        return str(self.qsettings.value("login/last_username", "") or "")

    @last_username.setter
    def last_username(self, name: str) -> None:
        self.qsettings.setValue("login/last_username", name)
        self.qsettings.sync()
