"""Every bad package is refused with a clear Vietnamese message, quarantined with its reason, and changes
nothing: truncated, a flipped byte, wrong recipient, a replay under another unit, an unknown key, a newer
format, oversized and zip-bomb payloads, path-traversal names inside. Real files, real keys, real crypto."""

from __future__ import annotations

import hashlib
import random
import types
import zlib
from pathlib import Path

import pytest

from counter_app.services import actions
from counter_app.sync import envelope
from counter_app.sync.envelope import DEFAULT_LIMITS, Limits
from counter_app.sync.export import export_package
from counter_app.sync.hub_import import import_file, import_folder
from counter_app.sync.identity import ROLE_COMMUNE
from counter_app.sync.keys import KeyPair
from tests.conftest import vn
from tests.sync.conftest import Hub, make_hub
from tests.sync.helpers import hub_state, own_keypair, quarantine_copy, quarantined, reseal

NOTHING = "Không có dữ liệu nào bị thay đổi"


@pytest.fixture
def setup(hub: Hub, commune_factory, usb: Path):  # type: ignore[no-untyped-def]
    """Commune A already known to the hub (one package applied) and a second, fresh package of A."""
    a = commune_factory("000.21.27.H56", "xã Mường Lát", hub=hub)
    a.receive("Lò Thị Mai", at=vn(2026, 3, 2, 9))
    first = export_package(a.ctx, usb).path
    assert import_folder(hub.db, usb, hub.workspace, trust_new=True).count("applied") == 1
    d = a.receive("Hà Văn Nam", at=vn(2026, 3, 3, 9))
    actions.forward(a.ctx, a.clerk, d.code, "Sở Tư pháp", upward=True, at=vn(2026, 3, 3, 10))
    second = export_package(a.ctx, usb).path
    assert first is not None and second is not None
    return hub, a, second


def refuse(hub: Hub, path: Path, data: bytes, *, limits: Limits = DEFAULT_LIMITS) -> tuple[str, str]:
    """Import `data` as a file of the stick; assert nothing changed and the file is quarantined with a reason."""
    bad = path.with_name("bad_" + path.name)
    bad.write_bytes(data)
    before = hub_state(hub.db)
    outcome = import_file(hub.db, bad, hub.workspace, limits=limits)
    assert outcome.status == "quarantined", outcome
    assert NOTHING in outcome.message or "đã bị cách ly trước đây" in outcome.message
    assert hub_state(hub.db) == before
    assert bad.read_bytes() == data  # the source file is never touched
    assert (bad.name, outcome.reason_code) in quarantined(hub.db)
    if len(data) > limits.max_file_bytes:  # not even read: recorded with its reason, left where it is
        bad.unlink()
        return str(outcome.reason_code), outcome.message
    stored = Path(quarantine_copy(hub.db, hashlib.sha256(data).hexdigest()))
    assert stored.read_bytes() == data and stored.is_relative_to(hub.workspace.root)
    assert Path(f"{stored}.reason.txt").read_text("utf-8").startswith(str(outcome.reason_code))
    bad.unlink()
    return str(outcome.reason_code), outcome.message


def test_truncated_at_random_bytes(setup) -> None:  # type: ignore[no-untyped-def]
    hub, _a, path = setup
    data = path.read_bytes()
    rng = random.Random(20260302)
    cuts = [0, 3, 9, 14, 40, len(data) - 1, *rng.sample(range(1, len(data) - 1), 10)]
    for cut in cuts:
        code, message = refuse(hub, path, data[:cut])
        assert code == "truncated", (cut, message)
        assert "cắt cụt" in message


def test_one_flipped_byte_anywhere(setup) -> None:  # type: ignore[no-untyped-def]
    hub, _a, path = setup
    data = path.read_bytes()
    rng = random.Random(7)
    for position in [0, 8, 9, 12, 20, len(data) - 1, *rng.sample(range(len(data)), 12)]:
        flipped = bytearray(data)
        flipped[position] ^= 1 << rng.randrange(8)
        code, message = refuse(hub, path, bytes(flipped))
        assert code in {"tampered", "not_a_package", "truncated", "newer_format", "wrong_recipient"}, (position, code)
    # in the encrypted body, a flip is always caught by the authentication tag
    body = bytearray(data)
    body[len(data) // 2] ^= 0x40
    code, message = refuse(hub, path, bytes(body))
    assert code == "tampered" and "đã bị sửa đổi" in message


@pytest.mark.parametrize("other_id", ["HUB.NGHEAN", "HUB.THANHHOA"])
def test_wrong_recipient(setup, commune_factory, tmp_path: Path, other_id: str) -> None:  # type: ignore[no-untyped-def]
    """A package for another hub — or for an impostor hub using our id — does not open here."""
    hub, _a, path = setup
    other = next(make_hub("sqlite", tmp_path / "other-hub", other_id))
    b = commune_factory("000.21.27.H57", "xã Quang Chiểu", hub=other)
    b.receive()
    foreign = export_package(b.ctx, tmp_path).path
    assert foreign is not None
    code, message = refuse(hub, path, foreign.read_bytes())
    assert code == "wrong_recipient"
    assert other_id in message
    other.db.dispose()


def test_replay_under_another_unit(setup, commune_factory, usb: Path) -> None:  # type: ignore[no-untyped-def]
    hub, a, path = setup
    data = path.read_bytes()
    b = commune_factory("000.21.27.H57", "xã Quang Chiểu", hub=hub)
    b.receive("Vàng A Dính", at=vn(2026, 3, 4, 9))
    for file in usb.iterdir():
        file.rename(file.with_suffix(".done"))
    export_package(b.ctx, usb)
    assert import_folder(hub.db, usb, hub.workspace, trust_new=True).count("applied") == 1
    b_key = own_keypair(b.ctx.db)

    # 1. Only the clear header says B: the authentication tag refuses it.
    edited = data.replace(b'"from":"000.21.27.H56"', b'"from":"000.21.27.H57"')
    assert edited != data
    assert refuse(hub, path, edited)[0] == "tampered"

    # 2. B re-seals A's dossiers as its own: they belong to A.
    def as_b(manifest: dict) -> None:
        manifest["sender"].update(unit_code="000.21.27.H57", keys=b_key.public.to_dict(),
                                  fingerprint=b_key.public.fingerprint)
    replay = reseal(data, hub.db, b_key, manifest=as_b, routing=lambda r: r.update({"from": "000.21.27.H57"}))
    assert refuse(hub, path, replay)[0] == "sender_mismatch"

    # 3. B re-seals A's package unchanged, signing with its own key: A's key does not verify it.
    assert refuse(hub, path, reseal(data, hub.db, b_key))[0] == "bad_signature"

    # 4. B claims to be A with B's key: not a key of A.
    def claim_a(manifest: dict) -> None:
        manifest["sender"].update(keys=b_key.public.to_dict(), fingerprint=b_key.public.fingerprint)
    code, message = refuse(hub, path, reseal(data, hub.db, b_key, manifest=claim_a))
    assert code == "unknown_unit_key" and "khóa lạ" in message


def test_unknown_key_after_a_reinstall(setup, usb: Path) -> None:  # type: ignore[no-untyped-def]
    hub, a, path = setup
    from counter_app.db.models_sync import SyncOwnKey

    with a.ctx.db.write() as session:  # the PC was reinstalled: a new key with no endorsement
        for row in session.query(SyncOwnKey).all():
            session.delete(row)
    a.receive("Lường Văn Sáng", at=vn(2026, 3, 5, 9))
    fresh = export_package(a.ctx, usb.parent).path
    assert fresh is not None
    code, message = refuse(hub, path, fresh.read_bytes())
    assert code == "unknown_unit_key" and "khóa lạ" in message and "000.21.27.H56" in message


def test_newer_format_version(setup) -> None:  # type: ignore[no-untyped-def]
    hub, _a, path = setup
    data = bytearray(path.read_bytes())
    data[8:10] = (2).to_bytes(2, "big")
    code, message = refuse(hub, path, bytes(data))
    assert code == "newer_format" and "phiên bản phần mềm mới hơn" in message and "định dạng 2" in message


def test_oversized_file_and_payload(setup) -> None:  # type: ignore[no-untyped-def]
    hub, a, path = setup
    data = path.read_bytes()
    code, message = refuse(hub, path, data, limits=Limits(max_file_bytes=len(data) - 1))
    assert code == "too_large" and "quá lớn" in message
    huge = reseal(data, hub.db, own_keypair(a.ctx.db), raw_payload=b" " * (6 * 1024 * 1024))
    assert len(huge) < 64 * 1024  # small on the stick, huge once inflated
    code, message = refuse(hub, path, huge, limits=Limits(max_payload_bytes=5 * 1024 * 1024))
    assert code == "too_large"


def test_zip_bomb_that_lies_about_its_size(setup, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    hub, a, path = setup
    bomb = zlib.compress(b"\0" * (64 * 1024 * 1024), 9)
    fake_zlib = types.SimpleNamespace(compress=lambda data, level: bomb, decompressobj=zlib.decompressobj,
                                      error=zlib.error)
    with monkeypatch.context() as patch:  # the sender declares the small payload but ships the bomb
        patch.setattr(envelope, "zlib", fake_zlib)
        lying = reseal(path.read_bytes(), hub.db, own_keypair(a.ctx.db))
    assert len(lying) < 256 * 1024
    code, message = refuse(hub, path, lying)
    assert code == "too_large" and "quá lớn" in message


def test_path_traversal_names_inside(setup, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    hub, a, path = setup
    data = path.read_bytes()
    key = own_keypair(a.ctx.db, ROLE_COMMUNE)
    evil_unit = "../../../evil"

    def unit(manifest: dict) -> None:
        manifest["sender"]["unit_code"] = evil_unit

    def dossiers(payload: dict) -> None:
        for d in payload["dossiers"]:
            d["unit_code"] = evil_unit
    attempt = reseal(data, hub.db, key, manifest=unit, payload=dossiers, routing=lambda r: r.update({"from": evil_unit}))
    code, message = refuse(hub, path, attempt)
    assert code == "invalid_content" and "unit_code" in message

    def node(payload: dict) -> None:
        payload["events"][0]["node_id"] = "../../nodes/x"
    code, message = refuse(hub, path, reseal(data, hub.db, key, payload=node))
    assert code == "invalid_content" and "node_id" in message
    assert not list(tmp_path.rglob("evil*"))
    assert all(p.resolve().is_relative_to(hub.workspace.root.resolve()) for p in hub.workspace.root.rglob("*"))


def test_a_stranger_with_the_hub_public_key_cannot_inject(setup) -> None:  # type: ignore[no-untyped-def]
    """Anyone may encrypt to the hub; only a unit's confirmed key may sign for it."""
    hub, _a, path = setup
    code, _ = refuse(hub, path, reseal(path.read_bytes(), hub.db, KeyPair.generate()))
    assert code == "bad_signature"


def test_absurdly_deep_json_is_refused(setup, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """Anyone holding the hub's public key can seal a manifest; a nesting bomb must not crash the import."""
    hub, _a, path = setup
    real = envelope.canonical_json

    def deep(value):  # type: ignore[no-untyped-def]
        if isinstance(value, dict) and value.get("deep"):
            return b"[" * 100_000 + b"]" * 100_000
        return real(value)

    with monkeypatch.context() as patch:
        patch.setattr(envelope, "canonical_json", deep)
        bomb = reseal(path.read_bytes(), hub.db, KeyPair.generate(), manifest=lambda m: m.update(deep=True))
    code, message = refuse(hub, path, bomb)
    assert code == "invalid_content" and "manifest" in message
