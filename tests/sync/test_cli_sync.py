"""The sync commands as an officer and a clerk type them: hub init, identity, export, import with the
fingerprint confirmation, board, return package, and the commune receiving it."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from counter_app.cli import main
from counter_app.db.bootstrap import open_sqlite
from counter_app.services.context import CounterContext
from counter_app.services.unit import default_node_id
from counter_app.services.users import get_actor
from tests.sync.conftest import Commune


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_commune_and_hub_on_the_command_line(template_db: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    commune_db, hub_db, stick = tmp_path / "xa.sqlite3", tmp_path / "hub.sqlite3", tmp_path / "usb"
    shutil.copyfile(template_db, commune_db)
    stick.mkdir()
    hub = ("--db", str(hub_db), "hub", "--dir", str(tmp_path / "hub-files"))

    code, out, _ = run(capsys, *hub, "init", "--hub-id", "hub.thanhhoa", "--name", "Tỉnh Thanh Hóa")
    assert code == 0 and "HUB.THANHHOA" in out
    code, out, _ = run(capsys, *hub, "identity", str(stick))
    identity = Path(out.strip())
    assert identity.exists() and identity.parent == stick

    code, _, err = run(capsys, "--db", str(commune_db), "export", str(stick))
    assert code == 2 and "định danh của cấp trên" in err
    code, out, _ = run(capsys, "--db", str(commune_db), "keys", "import-hub", str(identity))
    assert code == 0 and "Đã nhập định danh cấp trên" in out
    code, fingerprint, _ = run(capsys, "--db", str(commune_db), "keys", "show")
    fingerprint = fingerprint.strip()
    assert re.fullmatch(r"([A-Z2-7]{4}-){7}[A-Z2-7]{4}", fingerprint)

    database = open_sqlite(commune_db).database
    ctx = CounterContext(database, str(default_node_id(database)))
    Commune(ctx, get_actor(database, "canbo1"), "000.21.27.H56", "xã", ctx.now()).receive()
    database.dispose()
    code, out, _ = run(capsys, "--db", str(commune_db), "export", str(stick))
    assert code == 0 and "có thể rút USB" in out

    code, out, _ = run(capsys, *hub, "import", str(stick))
    assert code == 0 and fingerprint in out and "1 gói chờ xác nhận" in out
    code, out, _ = run(capsys, *hub, "confirm", "000.21.27.H56", fingerprint)
    assert code == 0 and "đã áp dụng 1 gói" in out
    code, out, _ = run(capsys, *hub, "board")
    assert code == 0 and "000.21.27.H56" in out and " | 1 | " in out
    code, out, _ = run(capsys, *hub, "return", str(stick))
    assert code == 0 and "gói trả về số 1" in out
    returned = next(stick.glob("TRA_*"))

    code, out, _ = run(capsys, "--db", str(commune_db), "import-return", str(returned))
    assert code == 0 and "1 gói được xác nhận" in out
    code, out, _ = run(capsys, "--db", str(commune_db), "export-status")
    assert code == 0 and fingerprint in out and "Gói chưa được xác nhận: 0" in out

    broken = stick / "XA_broken.cappkg"
    broken.write_bytes(returned.read_bytes()[:100])
    code, out, _ = run(capsys, *hub, "import", str(stick))
    assert code == 1 and "cắt cụt" in out and "1 gói bị cách ly" in out
