"""The Qt layer (the only package that imports PySide6)."""

from counter_app.ui.qt_fixes import protect_singletons

protect_singletons()  # before any window exists: see qt_fixes (PySide6 6.12.0 emit() reference leak)
