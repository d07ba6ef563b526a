#!/usr/bin/env python3
"""One entry point for a fresh checkout: `python dev.py demo` opens the app on a demo commune database,
`python dev.py test` runs the whole test suite. Both create .venv and install the project on first use."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".installed-pyproject"


def ensure_env() -> None:
    if sys.version_info < (3, 11):  # noqa: UP036 - this script may be started by an older python3
        sys.exit(f"counter_app needs Python 3.11 or newer (found {sys.version.split()[0]})")
    if not PYTHON.exists():
        print("Creating .venv …", flush=True)
        venv.create(VENV, with_pip=True)
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if not STAMP.exists() or STAMP.read_text() != wanted:
        print("Installing counter_app and its test tools into .venv …", flush=True)
        run([str(PYTHON), "-m", "pip", "install", "--quiet", "--upgrade", "pip"])
        run([str(PYTHON), "-m", "pip", "install", "--quiet", "-e", f"{ROOT}[test]"])
        STAMP.write_text(wanted)


def run(cmd: list[str], env: dict[str, str] | None = None) -> None:
    completed = subprocess.run(cmd, cwd=ROOT, env=env)
    if completed.returncode:
        sys.exit(completed.returncode)


def main(argv: list[str]) -> None:
    command = argv[0] if argv else "help"
    if command not in {"demo", "test"}:
        sys.exit(__doc__)
    ensure_env()
    if command == "demo":
        run([str(PYTHON), "-m", "counter_app", "--demo", *argv[1:]])
    else:
        env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
        run([str(PYTHON), "-m", "ruff", "check", "."], env)
        run([str(PYTHON), "-m", "pytest", *argv[1:]], env)


if __name__ == "__main__":
    main(sys.argv[1:])
