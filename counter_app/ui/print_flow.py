"""Show a form in the print preview: the data is read and the PDF built on the worker, the dialog
(issue 4's PrintPreviewDialog) opens with the bytes ready, and a print the printer accepted is recorded
as a dossier event (again on the worker).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

from counter_app.messages import ui as msg
from counter_app.printing.data import FormData, FormId, Paper, PrintRecord
from counter_app.services import actions
from counter_app.ui.env import UiEnv
from counter_app.ui.print_preview import PrintPreviewDialog


def _build_all(form_id: FormId, data: FormData) -> dict[Paper, bytes]:
    from counter_app.printing.builder import build_form, supported_papers  # ReportLab: on first print

    return {paper: build_form(form_id, data, paper) for paper in supported_papers(form_id)}


def warm_up_printing() -> None:
    """Import ReportLab and register the fonts on the worker, so the first slip does not wait for them."""
    from counter_app.printing import register_fonts

    register_fonts()


def preview_form(
    env: UiEnv,
    parent: QWidget | None,
    form_id: FormId,
    fetch: Callable[[], FormData],
    *,
    dossier_id: str | None = None,
    is_reprint: bool = False,
    print_now: bool = False,
    on_shown: Callable[[PrintPreviewDialog], None] | None = None,
) -> None:
    """Open the preview of `form_id` for the data `fetch()` reads (on the worker).

    `print_now`: print at once on the remembered printer (Ctrl+P at intake); the dialog stays open
    showing whether the printer accepted it.
    """

    def work() -> tuple[FormData, dict[Paper, bytes]]:
        data = fetch()
        return data, _build_all(form_id, data)

    def show(result: tuple[FormData, dict[Paper, bytes]]) -> None:
        data, pdfs = result

        def build(paper: Paper) -> bytes:
            from counter_app.printing.builder import build_form

            return pdfs[paper] if paper in pdfs else build_form(form_id, data, paper)

        def record(rec: PrintRecord) -> None:
            if dossier_id is None:
                return
            env.worker.submit(
                lambda: actions.record_print(
                    env.ctx,
                    env.actor,
                    dossier_id,
                    str(rec.form_id),
                    rec.copies,
                    printer=rec.printer_name,
                    reprint_reason=rec.reprint_reason or "",
                ),
                lambda _none: env.bus.dossiers_changed.emit(dossier_id),
            )

        code = getattr(data, "dossier_code", "") or str(form_id)
        dialog = PrintPreviewDialog(
            form_id,
            build,
            title=msg.FORM_NAMES.get(str(form_id), str(form_id)),
            file_stem=code,
            is_reprint=is_reprint,
            on_printed=record,
            settings=env.settings.qsettings,
            parent=parent,
            **env.print_options,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Print), dialog, dialog.print_clicked)
        dialog.print_button.setToolTip("Ctrl+P")
        dialog.open()
        if print_now:
            dialog.print_clicked()
        env.bus.preview_opened.emit(dialog)
        if on_shown is not None:
            on_shown(dialog)

    env.worker.submit(work, show, owner=parent)
