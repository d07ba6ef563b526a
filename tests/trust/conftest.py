"""Fixtures of the trust tests: the admin and a received dossier."""

from __future__ import annotations

import pytest

from counter_app.services.context import Actor, CounterContext
from counter_app.services.users import get_actor
from counter_app.services.views import DossierView
from tests.trust.helpers import receive


@pytest.fixture
def admin(ctx: CounterContext) -> Actor:
    return get_actor(ctx.db, "admin")


@pytest.fixture
def received(ctx: CounterContext, clerk: Actor) -> DossierView:
    return receive(ctx, clerk)
