"""The Đồng bộ tab as a commune clerk uses it: export to a USB folder, cancel, failures, return packages."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from counter_app.messages import sync as sync_msg
from counter_app.messages import ui as msg
from counter_app.services.sync_status import commune_fingerprint, import_hub_identity
from counter_app.services.users import get_actor
from counter_app.sync.hub import confirm_unit
from counter_app.sync.hub_import import import_folder
from counter_app.sync.hub_return import write_return
from counter_app.ui.env import UiEnv
from counter_app.ui.tabs.sync_tab import SyncTab
from tests.conftest import vn
from tests.sync.conftest import make_hub
from tests.ui.conftest import FIFTEEN_DAYS
from tests.ui.helpers import receive


@pytest.fixture
def hub(tmp_path: Path):
    yield from make_hub("sqlite", tmp_path / "hub")


@pytest.fixture
def usb(tmp_path: Path) -> Path:
    path = tmp_path / "usb"
    path.mkdir()
    return path


@pytest.fixture
def linked(env, hub, clerk):
    """A commune that trusts the hub and has received one dossier."""
    import_hub_identity(env.ctx, hub.identity_file)
    receive(env.ctx, clerk, "Lò Thị Mai", FIFTEEN_DAYS, vn(2026, 3, 2, 9))
    return env


def make_tab(qtbot, env) -> SyncTab:
    tab = SyncTab(env)
    qtbot.addWidget(tab)
    qtbot.waitUntil(lambda: tab.fingerprint.text() != "")
    return tab


def run_export(qtbot, tab: SyncTab, folder: Path, mode: str = "incremental") -> str:
    tab.export_to(folder, mode)
    qtbot.waitUntil(lambda: tab.result.text() != "" and tab.export_new.isEnabled(), timeout=20000)
    return tab.result.text()


def test_the_clerk_sees_the_fingerprint_and_a_reminder_before_the_first_export(qtbot, linked) -> None:
    tab = make_tab(qtbot, linked)
    assert tab.fingerprint.text() == commune_fingerprint(linked.ctx)
    assert tab.last_export.text() == msg.SYNC_NEVER_EXPORTED
    assert tab.reminder.text() == sync_msg.REMINDER_NEVER
    assert "HUB.THANHHOA" in tab.hub.text()


def test_an_export_is_verified_then_the_clerk_may_remove_the_stick(qtbot, linked, hub, usb) -> None:
    tab = make_tab(qtbot, linked)
    text = run_export(qtbot, tab, usb)
    assert "có thể rút USB" in text and "gói số 1" in text
    files = list(usb.glob("XA_*.cappkg"))
    assert len(files) == 1
    assert not tab.progress.isVisibleTo(tab)
    qtbot.waitUntil(lambda: "gói số 1" in tab.last_export.text())
    assert tab.unacked.text() == "1"
    assert not tab.reminder.isVisibleTo(tab)
    # The hub really reads what the tab wrote.
    report = import_folder(hub.db, usb, hub.workspace, trust_new=True)
    assert [o.status for o in report.outcomes] == ["applied"]
    # Nothing new: no second package; a full export writes everything again.
    assert run_export(qtbot, tab, usb) == sync_msg.EXPORT_NOTHING
    assert "gói số 2" in run_export(qtbot, tab, usb, "full")
    assert len(list(usb.glob("XA_*.cappkg"))) == 2


def test_cancel_stops_the_export_and_nothing_is_written(qtbot, linked, usb) -> None:
    tab = make_tab(qtbot, linked)
    gate = threading.Event()
    linked.worker.submit(gate.wait)  # hold the worker so Cancel is pressed before the export starts reading
    try:
        tab.export_to(usb, "incremental")
        assert tab.progress.isVisibleTo(tab) and not tab.export_new.isEnabled()
        tab.progress.cancel_button.click()
        assert tab.progress.cancel_button.text() == msg.SYNC_CANCELLING
    finally:
        gate.set()
    qtbot.waitUntil(lambda: tab.result.text() != "", timeout=20000)
    assert tab.result.text() == msg.SYNC_EXPORT_CANCELLED
    assert list(usb.iterdir()) == []
    assert tab.export_new.isEnabled()
    # The next export still works and is not blocked by the cancelled one.
    assert "có thể rút USB" in run_export(qtbot, tab, usb)


def test_a_missing_stick_is_a_clear_failure_never_an_all_clear(qtbot, linked, tmp_path: Path) -> None:
    tab = make_tab(qtbot, linked)
    text = run_export(qtbot, tab, tmp_path / "pulled-out")
    assert text.startswith("Chưa xuất được gói") and "có thể rút USB" not in text
    assert sync_msg.NOT_A_FOLDER.format(folder=tmp_path / "pulled-out") in text


def test_without_the_hub_identity_the_export_explains_why(qtbot, env, clerk, usb) -> None:
    receive(env.ctx, clerk, "Lò Thị Mai", FIFTEEN_DAYS, vn(2026, 3, 2, 9))
    tab = make_tab(qtbot, env)
    assert tab.hub.text() == msg.SYNC_NO_HUB
    text = run_export(qtbot, tab, usb)
    assert "có thể rút USB" not in text and "Chưa xuất được gói" in text
    assert list(usb.iterdir()) == []


def test_a_return_package_acknowledges_the_exports(qtbot, linked, hub, usb, tmp_path: Path) -> None:
    tab = make_tab(qtbot, linked)
    run_export(qtbot, tab, usb)
    import_folder(hub.db, usb, hub.workspace)  # held until the officer confirms on the phone
    confirm_unit(hub.db, hub.workspace, _unit_code(linked), tab.fingerprint.text())
    back = tmp_path / "back"
    back.mkdir()
    returned = write_return(hub.db, _unit_code(linked), back).path
    bogus = back / "TRA_rac.cappkg"
    bogus.write_bytes(b"not a package")
    tab.import_returns([returned, bogus])
    qtbot.waitUntil(lambda: tab.result.text() != "" and tab.export_new.isEnabled(), timeout=20000)
    lines = tab.result.text().splitlines()
    assert "số 1" in lines[0]
    assert any(line.startswith("«TRA_rac.cappkg»:") for line in lines)
    qtbot.waitUntil(lambda: tab.unacked.text() == "0")


def _unit_code(env: UiEnv) -> str:
    from counter_app.services.unit import current_unit

    with env.ctx.db.read() as session:
        return current_unit(session).agency_code


def test_only_an_admin_imports_the_hub_identity(qtbot, env, hub) -> None:
    clerk_tab = make_tab(qtbot, env)
    assert not clerk_tab.import_identity_button.isEnabled()
    admin_env = UiEnv(env.ctx, get_actor(env.ctx.db, "admin"), env.worker, env.settings)
    tab = make_tab(qtbot, admin_env)
    assert tab.import_identity_button.isEnabled()
    tab.import_identity(hub.identity_file)
    qtbot.waitUntil(lambda: "HUB.THANHHOA" in tab.hub.text(), timeout=20000)
    assert tab.result.text() != "" and not tab.result.text().startswith("Không nhập được")
