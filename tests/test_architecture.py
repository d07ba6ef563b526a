"""The layer rules of design.md, checked on the source: Qt only in `ui`, no database in `core`/`printing`.

The checker reads every .py file under counter_app/ with `ast` (imports inside functions count too), so a
forbidden import fails here with its file and line before anyone runs the program.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parents[1] / "counter_app"

# The launcher opens the GUI when given no subcommand, so it alone may import counter_app.ui (lazily).
# Entry points that open a window: the CLI and its hub subcommand (`counter-app hub gui`).
UI_LAUNCHERS = frozenset({"counter_app.cli", "counter_app.__main__", "counter_app.cli_sync"})


def in_package(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")


@dataclass(frozen=True)
class Rule:
    forbidden: tuple[str, ...]  # top-level names whose import (or any submodule's) is forbidden
    applies_to: Callable[[str], bool]  # which importing modules the rule binds
    reason: str


RULES = (
    Rule(
        ("PySide6", "shiboken6"),
        lambda m: not in_package(m, "counter_app.ui"),
        "Qt outside counter_app/ui",
    ),
    Rule(
        ("sqlalchemy", "alembic"),
        lambda m: in_package(m, "counter_app.core") or in_package(m, "counter_app.printing"),
        "the database in core/printing, which take plain data",
    ),
    Rule(
        ("counter_app.ui",),
        lambda m: not in_package(m, "counter_app.ui") and m not in UI_LAUNCHERS,
        "a lower layer reaching up into counter_app.ui",
    ),
)


@dataclass(frozen=True)
class Violation:
    path: str
    line: int
    imported: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: imports {self.imported} ({self.reason})"


def module_name(path: Path, root: Path) -> tuple[str, bool]:
    """Dotted name of the module at `path` (relative to the folder holding the package), and is-package."""
    parts = list(path.relative_to(root).with_suffix("").parts)
    is_package = parts[-1] == "__init__"
    if is_package:
        parts.pop()
    return ".".join(parts), is_package


def imported_names(node: ast.Import | ast.ImportFrom, module: str, is_package: bool) -> list[str]:
    """Every module the statement may import, with relative imports resolved."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    base = node.module or ""
    if node.level:
        package = module.split(".") if is_package else module.split(".")[:-1]
        anchor = package[: len(package) - (node.level - 1)]
        base = ".".join([*anchor, base] if base else anchor)
    # `from counter_app import ui` imports the module counter_app.ui
    return [base, *(f"{base}.{alias.name}" for alias in node.names if alias.name != "*")]


def iter_violations(package_dir: Path) -> Iterator[Violation]:
    root = package_dir.parent
    for path in sorted(package_dir.rglob("*.py")):
        module, is_package = module_name(path, root)
        rules = [rule for rule in RULES if rule.applies_to(module)]
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Import | ast.ImportFrom):
                continue
            names = imported_names(node, module, is_package)
            for rule in rules:
                hit = next((n for n in names for f in rule.forbidden if in_package(n, f)), None)
                if hit is not None:
                    yield Violation(path.relative_to(root).as_posix(), node.lineno, hit, rule.reason)


def find_layer_violations(package_dir: Path) -> list[Violation]:
    return sorted(iter_violations(package_dir), key=lambda v: (v.path, v.line))


# --- the real tree -----------------------------------------------------------------------------------


def test_the_application_respects_its_layers():
    violations = find_layer_violations(PACKAGE_DIR)
    assert not violations, "layer rules broken:\n" + "\n".join(map(str, violations))


def test_the_checker_reads_the_whole_real_package():
    checked = {module_name(p, PACKAGE_DIR.parent)[0] for p in PACKAGE_DIR.rglob("*.py")}
    expected = {"counter_app", "counter_app.core.text", "counter_app.core.dossier_code", "counter_app.ui"}
    assert expected <= checked


# --- the checker can fail, and says where ------------------------------------------------------------


def write(root: Path, relative: str, source: str) -> None:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(source, encoding="utf-8")


def test_each_forbidden_import_is_reported_with_file_and_line(tmp_path):
    write(tmp_path, "counter_app/__init__.py", "")
    write(tmp_path, "counter_app/ui/__init__.py", "from PySide6.QtWidgets import QWidget\nimport shiboken6\n")
    write(tmp_path, "counter_app/ui/screens/intake.py", "from ...core import text\nfrom .. import widgets\n")
    write(tmp_path, "counter_app/core/__init__.py", "")
    write(tmp_path, "counter_app/core/codes.py", "import re\n\nimport sqlalchemy.orm\n")
    write(tmp_path, "counter_app/core/lazy.py", "def f():\n    from alembic import command\n")
    write(tmp_path, "counter_app/core/sub/deep.py", "x = 1\nfrom typing import TYPE_CHECKING\n"
                                                     "if TYPE_CHECKING:\n    from PySide6 import QtCore\n")
    write(tmp_path, "counter_app/services/intake.py", "import sqlalchemy\nfrom shiboken6 import isValid\n")
    write(tmp_path, "counter_app/services/report.py", "from ..ui import main_window\n")
    write(tmp_path, "counter_app/sync/hub.py", "from counter_app import ui\n")
    write(tmp_path, "counter_app/printing/slip.py", "from sqlalchemy.orm import Session\n")
    write(tmp_path, "counter_app/cli.py", "def gui():\n    from counter_app.ui.app import run_gui\n")

    found = [(v.path, v.line, v.imported) for v in find_layer_violations(tmp_path / "counter_app")]

    assert found == [
        ("counter_app/core/codes.py", 3, "sqlalchemy.orm"),
        ("counter_app/core/lazy.py", 2, "alembic"),
        ("counter_app/core/sub/deep.py", 4, "PySide6"),
        ("counter_app/printing/slip.py", 1, "sqlalchemy.orm"),
        ("counter_app/services/intake.py", 2, "shiboken6"),
        ("counter_app/services/report.py", 1, "counter_app.ui"),
        ("counter_app/sync/hub.py", 1, "counter_app.ui"),
    ]


def test_a_violation_reads_as_file_line_and_reason(tmp_path):
    write(tmp_path, "counter_app/core/bad.py", '"""doc"""\n\nfrom PySide6 import QtGui\n')
    [violation] = find_layer_violations(tmp_path / "counter_app")
    assert str(violation) == "counter_app/core/bad.py:3: imports PySide6 (Qt outside counter_app/ui)"
