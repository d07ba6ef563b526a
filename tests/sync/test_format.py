"""The package format itself: a golden package with fixed clock, ids and keys; what a stick found in the street
reveals; and the documented JSON Schema agreeing with the program's validator."""

from __future__ import annotations

import json
import zlib
from pathlib import Path
from types import SimpleNamespace

import jsonschema
import pytest

from counter_app.sync.canonical import canonical_json, export_file_name
from counter_app.sync.envelope import (
    DEFAULT_LIMITS,
    MAGIC,
    Limits,
    inflate,
    open_sealed,
    read_header,
    seal,
)
from counter_app.sync.errors import PackageRejected
from counter_app.sync.keys import KeyPair, endorse, follow_chain
from counter_app.sync.payload import event_record, snapshot_of
from counter_app.sync.schema import SCHEMA, SchemaViolation, schema_document, validator
from tests.conftest import vn

GOLDEN = Path(__file__).parent / "golden"
DOCS = Path(__file__).resolve().parents[2] / "docs"


def fixed_keys(seed: int) -> KeyPair:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    return KeyPair(Ed25519PrivateKey.from_private_bytes(bytes([seed]) * 32),
                   X25519PrivateKey.from_private_bytes(bytes([seed + 1]) * 32))


def counting_rng() -> object:
    state = {"n": 0}

    def rng(size: int) -> bytes:
        state["n"] += 1
        return bytes([(state["n"] * 37 + i) % 251 for i in range(size)])
    return rng


DOSSIER = SimpleNamespace(
    id="6f1c1a52-3b7e-4c55-9d0e-0b4f1d2c3a10", code="000.21.27.H56-260302-0001", agency_code="000.21.27.H56",
    procedure_code="1.003583", procedure_name="Đăng ký khai sinh lưu động", field="Hộ tịch", state="forwarded",
    channel="direct", sets_count=1, fee=0, delivery="counter", received_at=vn(2026, 3, 2, 9),
    promised_due_at=vn(2026, 3, 9, 9), current_due_at=vn(2026, 3, 9, 9), clock_paused_at=None, finished_at=None,
    returned_at=None, forwarded_upward=True, handler="Sở Tư pháp", supplement_count=0, extension_count=0,
    satisfaction="", applicant_name="Lò Thị Mai", applicant_id_number="038190001234",
    applicant_phone="0912345678", applicant_address="Bản Xim", applicant_birth_date=None,
)
EVENTS = [
    SimpleNamespace(id="0a6b8e0c-1d2e-4f30-8a9b-c0d1e2f3a401", dossier_id=DOSSIER.id, kind="receive",
                    at=vn(2026, 3, 2, 9), username="canbo1", node_id="5d0f2c1e-7a3b-4c9d-8e1f-2a3b4c5d6e7f",
                    node_counter=1, from_state="", to_state="received",
                    payload={"code": DOSSIER.code, "procedure_code": "1.003583", "procedure_version": 1,
                             "received_at": "2026-03-02T09:00:00+07:00",
                             "promised_due_at": "2026-03-09T09:00:00+07:00", "warnings": []}),
    SimpleNamespace(id="0a6b8e0c-1d2e-4f30-8a9b-c0d1e2f3a402", dossier_id=DOSSIER.id, kind="forward",
                    at=vn(2026, 3, 2, 10), username="canbo1", node_id="5d0f2c1e-7a3b-4c9d-8e1f-2a3b4c5d6e7f",
                    node_counter=2, from_state="received", to_state="forwarded",
                    payload={"handler": "Sở Tư pháp", "upward": True, "note": "gọi chị Mai 0912345678"}),
]


def golden_package() -> tuple[bytes, dict, bytes]:
    commune, hub = fixed_keys(1), fixed_keys(11)
    created = vn(2026, 3, 2, 17, 30)
    manifest = {
        "format": "counter-app-package", "format_version": 1, "kind": "export", "app_version": "0.1.0",
        "schema_version": "0003_sync",
        "sender": {"unit_code": "000.21.27.H56", "unit_name": "xã Mường Lát", "node_id": EVENTS[0].node_id,
                   "stream_id": "9b2e4c6a-1f3d-4e5b-8c7a-6d5e4f3a2b1c", "keys": commune.public.to_dict(),
                   "fingerprint": commune.public.fingerprint, "rotation_chain": []},
        "recipient": {"hub_id": "HUB.THANHHOA", "fingerprint": hub.public.fingerprint},
        "sequence": 1, "mode": "incremental", "created_at": created.isoformat(), "supersedes": [],
        "counters": {EVENTS[0].node_id: [1, 2]}, "counts": {"events": 2, "dossiers": 1},
    }
    payload = canonical_json({"dossiers": [snapshot_of(DOSSIER, 2)], "events": [event_record(e) for e in EVENTS]})
    routing = {"kind": "export", "from": "000.21.27.H56", "to": "HUB.THANHHOA",
               "stream": manifest["sender"]["stream_id"], "sequence": 1, "created_at": created.isoformat()}
    sealed = seal(routing=routing, manifest=manifest, payload=payload, sender=commune, recipient=hub.public,
                  rng=counting_rng())
    return sealed.data, sealed.manifest, payload


def test_golden_package_layout_is_stable() -> None:
    data, manifest, payload = golden_package()
    hub = fixed_keys(11)
    assert data.startswith(MAGIC + b"\x00\x01")
    header = read_header(data)
    opened = open_sealed(data, header, hub)
    # The documented bytes: manifest and payload are canonical JSON, identical on every machine.
    assert opened.manifest_bytes == (GOLDEN / "export_manifest.json").read_bytes().rstrip(b"\n")
    assert inflate(opened, DEFAULT_LIMITS) == payload == (GOLDEN / "export_payload.json").read_bytes().rstrip(b"\n")
    expected_header = json.loads((GOLDEN / "export_header.json").read_text("utf-8"))
    expected_header["length"] = 4 + len(opened.manifest_bytes) + 64 + len(zlib.compress(payload, 6)) + 16
    assert header.fields == expected_header
    assert opened.signature_valid(fixed_keys(1).public)
    name = export_file_name("000.21.27.H56", 1, vn(2026, 3, 2, 17, 30), header.stream)
    assert name == "XA_000.21.27.H56_000001_20260302-173000_9b2e.cappkg"
    assert fixed_keys(1).public.fingerprint == (GOLDEN / "commune_fingerprint.txt").read_text().strip()


def test_a_lost_stick_reveals_no_personal_data() -> None:
    data, _manifest, payload = golden_package()
    assert "Lò Thị Mai".encode() in payload  # forwarded upward: the name travels, but only sealed
    for secret in ("Lò Thị Mai", "038190001234", "Sở Tư pháp", "Đăng ký khai sinh", "canbo1"):
        assert secret.encode() not in data
    header = read_header(data)
    assert set(header.fields) >= {"from", "to", "sequence", "created_at"}  # only what the file name says


def test_payload_keeps_only_the_fields_the_upper_level_needs() -> None:
    _data, _manifest, payload = golden_package()
    doc = json.loads(payload)
    text = payload.decode()
    assert "0912345678" not in text and "Bản Xim" not in text and "gọi chị" not in text
    assert doc["dossiers"][0]["applicant"] == {"name": "Lò Thị Mai", "id_number": "038190001234"}
    local = SimpleNamespace(**{**vars(DOSSIER), "forwarded_upward": False})
    assert snapshot_of(local, 1)["applicant"] is None
    assert doc["events"][1]["payload"] == {"handler": "Sở Tư pháp", "upward": True}
    assert "warnings" not in doc["events"][0]["payload"]


@pytest.mark.parametrize("limit", [100, 1000])
def test_payload_over_the_limit_is_refused_before_inflating(limit: int) -> None:
    data, _manifest, _payload = golden_package()
    header = read_header(data)
    opened = open_sealed(data, header, fixed_keys(11))
    with pytest.raises(PackageRejected) as caught:
        inflate(opened, Limits(max_payload_bytes=limit))
    assert caught.value.code == "too_large" and "quá lớn" in str(caught.value)


def test_rotation_chain_reaches_only_endorsed_keys() -> None:
    first, second, third, stranger = (KeyPair.generate() for _ in range(4))
    chain = [endorse(first, "000.21.27.H56", second.public), endorse(second, "000.21.27.H56", third.public)]
    trusted = {first.public.fingerprint: first.public}
    assert follow_chain(trusted, "000.21.27.H56", chain, third.public) == first.public.fingerprint
    assert follow_chain(trusted, "000.21.27.H57", chain, third.public) is None  # bound to the owner
    assert follow_chain(trusted, "000.21.27.H56", chain, stranger.public) is None
    forged = [{**chain[0], "to": stranger.public.to_dict()}]
    assert follow_chain(trusted, "000.21.27.H56", forged, stranger.public) is None


# --- the documented schema --------------------------------------------------------------------------


def test_docs_schema_is_the_one_the_program_uses() -> None:
    assert (DOCS / "sync-payload.schema.json").read_text("utf-8") == schema_document()
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


def _schema_for(name: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator({"$defs": SCHEMA["$defs"], "$ref": f"#/$defs/{name}"},
                                           format_checker=jsonschema.FormatChecker())


def _mutations(doc: dict) -> list[dict]:
    """Invalid variants of a valid export payload: each must be refused by both validators."""
    def variant(edit) -> dict:  # type: ignore[no-untyped-def]
        copy = json.loads(json.dumps(doc))
        edit(copy)
        return copy
    return [
        variant(lambda d: d["dossiers"][0].update(applicant_phone="0912345678")),
        variant(lambda d: d["dossiers"][0].update(state="lost")),
        variant(lambda d: d["dossiers"][0].update(fee=-1)),
        variant(lambda d: d["dossiers"][0].update(sets_count=True)),
        variant(lambda d: d["dossiers"][0].update(received_at="02/03/2026")),
        variant(lambda d: d["dossiers"][0].update(unit_code="../../etc")),
        variant(lambda d: d["dossiers"][0]["applicant"].update(photo="base64…")),
        variant(lambda d: d["events"][0].update(node_id="../x")),
        variant(lambda d: d["events"][0].update(node_counter=0)),
        variant(lambda d: d["events"][0]["payload"].update(receiver_id_number="038190001234")),
        variant(lambda d: d["events"][0].pop("kind")),
        variant(lambda d: d.update(attachments=[])),
    ]


def test_schema_and_program_agree_on_good_and_bad_payloads() -> None:
    _data, manifest, payload = golden_package()
    doc = json.loads(payload)
    documented = _schema_for("exportPayload")
    documented.validate(doc)
    validator("exportPayload")(doc, "")
    _schema_for("exportManifest").validate(manifest)
    validator("exportManifest")(manifest, "")
    for bad in _mutations(doc):
        assert list(documented.iter_errors(bad)), bad
        with pytest.raises(SchemaViolation):
            validator("exportPayload")(bad, "")
