"""The hub screen as an upper-level officer uses it: import a folder, confirm a key, the board, returns."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from counter_app import cli_sync
from counter_app.messages import ui as msg
from counter_app.services.sync_status import commune_fingerprint, import_hub_identity
from counter_app.sync.export import export_package
from counter_app.sync.hub_import import import_folder
from counter_app.ui.hub_window import HubWindow
from tests.conftest import vn
from tests.sync.conftest import make_commune, make_hub


@pytest.fixture
def hub(tmp_path: Path):
    yield from make_hub("sqlite", tmp_path / "hub")


@pytest.fixture
def usb(tmp_path: Path) -> Path:
    path = tmp_path / "usb"
    path.mkdir()
    return path


@pytest.fixture
def commune(template_db: Path, tmp_path: Path, hub):
    """A commune that trusts the hub (tests/sync's helpers: its own unit code and workstation)."""
    made = make_commune(template_db, tmp_path / "communes", "000.21.27.H56", "xã Mường Lát")
    import_hub_identity(made.ctx, hub.identity_file)
    yield made
    made.ctx.db.dispose()


def make_window(qtbot, hub, worker) -> HubWindow:
    window = HubWindow(hub.db, hub.workspace.root, worker)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.header.text() != "")
    return window


def wait_job(qtbot, window: HubWindow, before: int) -> list[str]:
    qtbot.waitUntil(lambda: window.import_button.isEnabled() and window.log.blockCount() > before, timeout=20000)
    return window.log.toPlainText().splitlines()


def test_import_confirm_board_and_returns(qtbot, qtmodeltester, hub, worker, commune, usb, tmp_path):
    commune.receive("Lò Thị Mai")
    commune.receive("Hà Văn Sơn")
    export_package(commune.ctx, usb)
    window = make_window(qtbot, hub, worker)
    assert "HUB.THANHHOA" in window.header.text()
    assert window.board.rowCount() == 0

    window.import_from(usb)
    lines = wait_job(qtbot, window, 0)
    assert any(commune.code in line and "Gói được giữ lại" in line for line in lines)
    qtbot.waitUntil(lambda: window.pending.rowCount() == 1)
    assert window.pending.item(0, 0).text() == commune.code
    assert window.pending.item(0, 2).text() == commune_fingerprint(commune.ctx)
    assert window.board.rows[0].status == "pending" and window.board.rows[0].dossiers == 0

    # A wrong fingerprint read on the phone is refused; nothing is trusted.
    window.select_pending(commune.code)
    count = window.log.blockCount()
    window.confirm_selected("AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH")
    assert "AAAA" in wait_job(qtbot, window, count)[-1]
    qtbot.waitUntil(lambda: window.pending.rowCount() == 1)

    window.select_pending(commune.code)
    count = window.log.blockCount()
    window.confirm_selected(commune_fingerprint(commune.ctx))
    wait_job(qtbot, window, count)
    qtbot.waitUntil(lambda: window.pending.rowCount() == 0 and window.board.rowCount() == 1
                    and window.board.rows[0].dossiers == 2)
    qtmodeltester.check(window.board)
    board = window.board
    assert board.data(board.index(0, 0)) == commune.name
    assert board.data(board.index(0, 3)) == "2"
    assert board.headerData(4, Qt.Orientation.Horizontal) == msg.HUB_BOARD_COLUMNS[4]

    back = tmp_path / "back"
    back.mkdir()
    count = window.log.blockCount()
    window.write_returns(back)
    lines = wait_job(qtbot, window, count)
    assert len(list(back.glob("TRA_*.cappkg"))) == 1
    assert commune.code in lines[-1]


def test_silent_communes_are_highlighted(qtbot, hub, worker, commune, usb) -> None:
    commune.receive()
    commune.set_now(vn(2026, 3, 10, 9))  # its last package is months old
    export_package(commune.ctx, usb)
    import_folder(hub.db, usb, hub.workspace, trust_new=True)
    window = make_window(qtbot, hub, worker)
    qtbot.waitUntil(lambda: window.board.rowCount() == 1)
    assert window.board.rows[0].silent
    assert window.board.data(window.board.index(0, 0), Qt.ItemDataRole.BackgroundRole) is not None
    window.silent_days.setValue(365)
    qtbot.waitUntil(lambda: not window.board.rows[0].silent)
    assert window.board.data(window.board.index(0, 0), Qt.ItemDataRole.BackgroundRole) is None


def test_confirm_needs_a_selection_and_a_fingerprint(qtbot, hub, worker) -> None:
    window = make_window(qtbot, hub, worker)
    window.confirm_selected("ABCD")
    assert window.log.toPlainText().splitlines()[-1] == msg.HUB_CONFIRM_NONE
    count = window.log.blockCount()
    window.write_returns(Path(window.workspace.root))
    assert wait_job(qtbot, window, count)[-1] == msg.HUB_NO_CONFIRMED


def test_the_command_line_opens_the_hub_screen(monkeypatch, tmp_path: Path) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path)
    cli_sync.register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["--db", str(tmp_path / "hub.sqlite3"), "hub", "--dir", str(tmp_path / "ws"), "gui"])
    seen = {}

    def fake_run(database, root):  # the real window needs an event loop; check what it is given
        seen["root"] = root
        return 0

    monkeypatch.setattr("counter_app.ui.hub_window.run_hub_gui", fake_run)
    assert cli_sync.handle(args) == 0
    assert seen["root"] == tmp_path / "ws"
