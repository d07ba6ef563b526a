"""Where the program finds its bundled resources and keeps the user's data."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "counter_app"


def resources_dir() -> Path:
    """The bundled `resources/` folder, from a source checkout, an install or a PyInstaller bundle."""
    override = os.environ.get("COUNTER_APP_RESOURCES")
    if override:
        return Path(override)
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    here = Path(__file__).resolve().parent
    for candidate in (here.parent / "resources", here / "resources"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("resources/ folder not found next to counter_app")


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def data_dir() -> Path:
    """The per-user data folder (platformdirs); created on demand."""
    from platformdirs import user_data_dir

    path = Path(user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_db_path() -> Path:
    return data_dir() / "counter.sqlite3"


def migrations_dir() -> Path:
    """The Alembic environment (`migrations/`), from a source checkout, an install or a bundle."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "migrations"
    here = Path(__file__).resolve().parent
    for candidate in (here.parent / "migrations", here / "migrations"):
        if (candidate / "env.py").is_file():
            return candidate
    raise FileNotFoundError("migrations/ folder not found next to counter_app")
