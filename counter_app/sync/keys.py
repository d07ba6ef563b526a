"""Key pairs (Ed25519 to sign, X25519 to receive), fingerprints, rotation chains and the hub identity file.

All cryptography comes from the `cryptography` package; this module only arranges bytes. A fingerprint is
what two people read to each other on the phone: 32 base32 characters in groups of four.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from counter_app.messages import sync as msg
from counter_app.sync.canonical import HUB_ID_RE, b64d, b64e, canonical_json, iso, parse_iso
from counter_app.sync.errors import SyncError

_RAW = serialization.Encoding.Raw
_FINGERPRINT_DOMAIN = b"counter-app/key/v1\n"
_ROTATION_DOMAIN = b"counter-app/key-rotation/v1\n"
_IDENTITY_DOMAIN = b"counter-app/hub-identity/v1\n"
IDENTITY_FORMAT = "counter-app-hub-identity"
IDENTITY_VERSION = 1
MAX_IDENTITY_BYTES = 256 * 1024


def fingerprint_of(signing_public: bytes, encryption_public: bytes) -> str:
    digest = hashlib.sha256(_FINGERPRINT_DOMAIN + signing_public + encryption_public).digest()[:20]
    text = base64.b32encode(digest).decode("ascii")
    return "-".join(text[i : i + 4] for i in range(0, len(text), 4))


@dataclass(frozen=True)
class PublicKeys:
    signing: bytes  # Ed25519, 32 bytes
    encryption: bytes  # X25519, 32 bytes

    @cached_property
    def fingerprint(self) -> str:
        return fingerprint_of(self.signing, self.encryption)

    def to_dict(self) -> dict[str, str]:
        return {"signing": b64e(self.signing), "encryption": b64e(self.encryption)}

    @classmethod
    def from_dict(cls, data: object) -> PublicKeys:
        if not isinstance(data, dict) or set(data) != {"signing", "encryption"}:
            raise ValueError("keys object expected")
        return cls(b64d(data["signing"], 32), b64d(data["encryption"], 32))

    def verify(self, signature: bytes, message: bytes) -> bool:
        try:
            Ed25519PublicKey.from_public_bytes(self.signing).verify(signature, message)
        except (InvalidSignature, ValueError):
            return False
        return True


@dataclass(frozen=True)
class KeyPair:
    signing: Ed25519PrivateKey
    encryption: X25519PrivateKey

    @classmethod
    def generate(cls) -> KeyPair:
        return cls(Ed25519PrivateKey.generate(), X25519PrivateKey.generate())

    @classmethod
    def from_private(cls, signing_b64: str, encryption_b64: str) -> KeyPair:
        return cls(
            Ed25519PrivateKey.from_private_bytes(b64d(signing_b64, 32)),
            X25519PrivateKey.from_private_bytes(b64d(encryption_b64, 32)),
        )

    def private_b64(self) -> tuple[str, str]:
        fmt = serialization.PrivateFormat.Raw
        none = serialization.NoEncryption()
        return (
            b64e(self.signing.private_bytes(_RAW, fmt, none)),
            b64e(self.encryption.private_bytes(_RAW, fmt, none)),
        )

    @cached_property
    def public(self) -> PublicKeys:
        return PublicKeys(
            self.signing.public_key().public_bytes(_RAW, serialization.PublicFormat.Raw),
            self.encryption.public_key().public_bytes(_RAW, serialization.PublicFormat.Raw),
        )

    def sign(self, message: bytes) -> bytes:
        return self.signing.sign(message)


# --- rotation -------------------------------------------------------------------------------------


def _rotation_message(owner_id: str, old_fingerprint: str, new: PublicKeys) -> bytes:
    return _ROTATION_DOMAIN + canonical_json({"owner": owner_id, "from": old_fingerprint, "to": new.to_dict()})


def endorse(old: KeyPair, owner_id: str, new: PublicKeys) -> dict[str, Any]:
    """A link of a rotation chain: the old key vouches for the new one."""
    signature = old.sign(_rotation_message(owner_id, old.public.fingerprint, new))
    return {"from": old.public.fingerprint, "to": new.to_dict(), "signature": b64e(signature)}


def follow_chain(
    trusted: Mapping[str, PublicKeys], owner_id: str, chain: Iterable[object], target: PublicKeys
) -> str | None:
    """The fingerprint of the trusted key from which `target` is reached by valid endorsements, or None.

    Links whose signer is not (yet) known are skipped; a forged or malformed link never adds a key.
    """
    known: dict[str, tuple[PublicKeys, str]] = {fp: (key, fp) for fp, key in trusted.items()}
    if target.fingerprint in known:
        return known[target.fingerprint][1]
    for link in chain:
        if not isinstance(link, dict) or set(link) != {"from", "to", "signature"}:
            continue
        signer = known.get(link["from"]) if isinstance(link["from"], str) else None
        if signer is None:
            continue
        try:
            new = PublicKeys.from_dict(link["to"])
            signature = b64d(link["signature"], 64)
        except ValueError:
            continue
        if signer[0].verify(signature, _rotation_message(owner_id, signer[0].fingerprint, new)):
            known.setdefault(new.fingerprint, (new, signer[1]))
    found = known.get(target.fingerprint)
    return found[1] if found else None


# --- hub identity file ----------------------------------------------------------------------------


@dataclass(frozen=True)
class HubIdentity:
    hub_id: str
    name: str
    keys: PublicKeys
    created_at: datetime
    rotation_chain: tuple[dict[str, Any], ...] = field(default=())

    @property
    def fingerprint(self) -> str:
        return self.keys.fingerprint


def identity_document(hub_id: str, name: str, keys: KeyPair, created_at: datetime,
                      rotation_chain: Iterable[dict[str, Any]] = ()) -> dict[str, Any]:
    body: dict[str, Any] = {
        "format": IDENTITY_FORMAT,
        "version": IDENTITY_VERSION,
        "hub_id": hub_id,
        "name": name,
        "keys": keys.public.to_dict(),
        "fingerprint": keys.public.fingerprint,
        "created_at": iso(created_at),
        "rotation_chain": list(rotation_chain),
    }
    body["signature"] = b64e(keys.sign(_IDENTITY_DOMAIN + canonical_json(body)))
    return body


def identity_file_bytes(document: dict[str, Any]) -> bytes:
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True).encode() + b"\n"


def parse_identity(document: object) -> HubIdentity:
    """Check a hub identity (self-signed, well formed). Raises SyncError with a Vietnamese message."""
    bad = SyncError(msg.IDENTITY_INVALID, "invalid_identity")
    expected = {"format", "version", "hub_id", "name", "keys", "fingerprint", "created_at", "rotation_chain",
                "signature"}
    if not isinstance(document, dict) or set(document) != expected or document["format"] != IDENTITY_FORMAT:
        raise bad
    if not isinstance(document["version"], int) or isinstance(document["version"], bool):
        raise bad
    if document["version"] > IDENTITY_VERSION:
        raise SyncError(msg.IDENTITY_NEWER.format(version=document["version"]), "newer_format")
    hub_id, name = document["hub_id"], document["name"]
    if not isinstance(hub_id, str) or not HUB_ID_RE.match(hub_id) or not isinstance(name, str) or len(name) > 200:
        raise bad
    if not isinstance(document["rotation_chain"], list) or len(document["rotation_chain"]) > 100:
        raise bad
    try:
        keys = PublicKeys.from_dict(document["keys"])
        signature = b64d(document["signature"], 64)
        created_at = parse_iso(document["created_at"])
    except (ValueError, TypeError):
        raise bad from None
    body = {k: v for k, v in document.items() if k != "signature"}
    if document["fingerprint"] != keys.fingerprint or not keys.verify(
        signature, _IDENTITY_DOMAIN + canonical_json(body)
    ):
        raise SyncError(msg.IDENTITY_BAD_SIGNATURE, "bad_signature")
    return HubIdentity(hub_id, name, keys, created_at, tuple(document["rotation_chain"]))


def read_identity_file(data: bytes) -> HubIdentity:
    if len(data) > MAX_IDENTITY_BYTES:
        raise SyncError(msg.IDENTITY_INVALID, "invalid_identity")
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError):  # RecursionError: absurdly deep JSON
        raise SyncError(msg.IDENTITY_INVALID, "invalid_identity") from None
    return parse_identity(document)
