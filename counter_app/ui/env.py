"""What every screen is given (no globals): the counter, who is signed in, the worker, the change bus."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, Signal

from counter_app.services.authz import Permission, can
from counter_app.services.context import Actor, CounterContext
from counter_app.ui.ops import DbWorker
from counter_app.ui.settings import UiSettings


class ChangeBus(QObject):
    """One signal per kind of change (style-anchors L2): screens refresh only what changed."""

    dossiers_changed = Signal(str)  # the dossier id ("" when many changed)
    open_dossier = Signal(str)  # a code or id: show that dossier
    preview_opened = Signal(object)  # the PrintPreviewDialog just shown (tests and screenshots use it)
    status_message = Signal(str)


@dataclass
class UiEnv:
    ctx: CounterContext
    actor: Actor
    worker: DbWorker
    settings: UiSettings
    bus: ChangeBus = field(default_factory=ChangeBus)
    # The print dialog's printer list and factory; tests inject a PDF "printer".
    print_options: dict[str, Any] = field(default_factory=dict)

    def can(self, permission: Permission) -> bool:
        return can(self.actor, permission)
