"""The sealed package: one file, signed by the sender (Ed25519) and encrypted to the recipient (X25519 →
HKDF-SHA256 → ChaCha20-Poly1305). Layout (docs/sync-format.md):

    prefix  = MAGIC (8 bytes) | format version (u16, big endian) | header length (u32)
    header  = canonical JSON: routing only (kind, from, to, to_key, stream, sequence, created_at, cipher,
              ephemeral_key, nonce, length) — what the file name already says, nothing personal
    body    = AEAD(key, nonce, plaintext, associated data = prefix + header)
    plaintext = manifest length (u32) | manifest (canonical JSON) | Ed25519 signature (64) | zlib(payload)

The signature covers a domain string, prefix + header and the manifest; the manifest carries the payload's
SHA-256 and size, so the payload is covered too, and a header that is edited or moved to another file is
refused both by the AEAD tag and by the signature.
"""

from __future__ import annotations

import json
import os
import struct
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from counter_app.messages import sync as msg
from counter_app.sync.canonical import b64d, b64e, canonical_json, sha256_hex
from counter_app.sync.errors import PackageRejected
from counter_app.sync.keys import KeyPair, PublicKeys

MAGIC = b"CAPKG\r\n\x1a"  # CR LF and ^Z reveal a file mangled by a text-mode copy
FORMAT_VERSION = 1
_PREFIX = struct.Struct(">8sHI")
CIPHER = "X25519-HKDF-SHA256-ChaCha20Poly1305"
COMPRESSION = "zlib"
_HKDF_INFO = b"counter-app/package/v1"
_SIGN_DOMAIN = b"counter-app/package-signature/v1\n"
MAX_HEADER_BYTES = 16 * 1024
MAX_MANIFEST_BYTES = 1024 * 1024
HEADER_FIELDS = frozenset(
    {"kind", "from", "to", "to_key", "stream", "sequence", "created_at", "cipher", "ephemeral_key", "nonce",
     "length"}
)
KINDS = ("export", "return")


@dataclass(frozen=True)
class Limits:
    """Refuse before reading or inflating more than this (oversized files and zip bombs)."""

    max_file_bytes: int = 512 * 1024 * 1024
    max_payload_bytes: int = 1024 * 1024 * 1024


DEFAULT_LIMITS = Limits()


@dataclass(frozen=True)
class Sealed:
    data: bytes
    manifest: dict[str, Any]
    file_sha256: str


@dataclass(frozen=True)
class OuterHeader:
    fields: dict[str, Any]
    raw: bytes  # prefix + header JSON: the AEAD's associated data
    body_offset: int

    @property
    def kind(self) -> str:
        return str(self.fields["kind"])

    @property
    def sender(self) -> str:
        return str(self.fields["from"])

    @property
    def recipient(self) -> str:
        return str(self.fields["to"])

    @property
    def recipient_key(self) -> str:
        return str(self.fields["to_key"])

    @property
    def stream(self) -> str:
        return str(self.fields["stream"])

    @property
    def sequence(self) -> int:
        return int(self.fields["sequence"])


@dataclass(frozen=True)
class Opened:
    header: OuterHeader
    manifest: dict[str, Any]
    manifest_bytes: bytes
    signature: bytes
    compressed: bytes

    def signed_message(self) -> bytes:
        return _signed_message(self.header.raw, self.manifest_bytes)

    def signature_valid(self, keys: PublicKeys) -> bool:
        return keys.verify(self.signature, self.signed_message())


def _signed_message(outer: bytes, manifest_bytes: bytes) -> bytes:
    return _SIGN_DOMAIN + outer + manifest_bytes


def _derive_key(shared: bytes, ephemeral_public: bytes, recipient_public: bytes) -> bytes:
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=ephemeral_public + recipient_public, info=_HKDF_INFO)
    return hkdf.derive(shared)


def seal(
    *,
    routing: dict[str, Any],
    manifest: dict[str, Any],
    payload: bytes,
    sender: KeyPair,
    recipient: PublicKeys,
    rng: Callable[[int], bytes] = os.urandom,
) -> Sealed:
    """Seal `payload` (canonical JSON bytes). `routing` gives kind, from, to, stream, sequence, created_at.

    The manifest gains `payload` = {sha256, size, compression}. `rng` is only replaced by tests (golden file).
    """
    manifest = dict(manifest, payload={"sha256": sha256_hex(payload), "size": len(payload),
                                       "compression": COMPRESSION})
    manifest_bytes = canonical_json(manifest)
    compressed = zlib.compress(payload, 6)
    ephemeral = X25519PrivateKey.from_private_bytes(rng(32))
    ephemeral_public = ephemeral.public_key().public_bytes_raw()
    nonce = rng(12)
    key = _derive_key(ephemeral.exchange(X25519PublicKey.from_public_bytes(recipient.encryption)),
                      ephemeral_public, recipient.encryption)
    # length = plaintext + 16-byte tag: lets the reader tell a truncated file from a tampered one.
    body_length = 4 + len(manifest_bytes) + 64 + len(compressed) + 16
    header = dict(routing, to_key=recipient.fingerprint, cipher=CIPHER, ephemeral_key=b64e(ephemeral_public),
                  nonce=b64e(nonce), length=body_length)
    if set(header) != HEADER_FIELDS:
        raise ValueError(f"routing fields: {sorted(header)}")
    header_bytes = canonical_json(header)
    outer = _PREFIX.pack(MAGIC, FORMAT_VERSION, len(header_bytes)) + header_bytes
    signature = sender.sign(_signed_message(outer, manifest_bytes))
    plaintext = struct.pack(">I", len(manifest_bytes)) + manifest_bytes + signature + compressed
    body = ChaCha20Poly1305(key).encrypt(nonce, plaintext, outer)
    data = outer + body
    return Sealed(data, manifest, sha256_hex(data))


def _reject(message: str, code: str) -> PackageRejected:
    return PackageRejected(message, code)


def read_header(data: bytes) -> OuterHeader:
    """The clear routing header, checked strictly. Nothing after it is looked at."""
    if len(data) < _PREFIX.size:
        if MAGIC.startswith(data[: len(MAGIC)]):  # empty or cut inside the prefix
            raise _reject(msg.PKG_TRUNCATED, "truncated")
        raise _reject(msg.PKG_NOT_A_PACKAGE, "not_a_package")
    magic, version, header_length = _PREFIX.unpack_from(data)
    if magic != MAGIC:
        raise _reject(msg.PKG_NOT_A_PACKAGE, "not_a_package")
    if version > FORMAT_VERSION:
        raise _reject(msg.PKG_NEWER_FORMAT.format(version=version, known=FORMAT_VERSION), "newer_format")
    if version < 1 or header_length > MAX_HEADER_BYTES:
        raise _reject(msg.PKG_NOT_A_PACKAGE, "not_a_package")
    end = _PREFIX.size + header_length
    if len(data) < end:
        raise _reject(msg.PKG_TRUNCATED, "truncated")
    try:
        fields = json.loads(data[_PREFIX.size : end].decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):  # RecursionError: absurdly deep JSON
        raise _reject(msg.PKG_TAMPERED, "tampered") from None
    if not _header_ok(fields):
        raise _reject(msg.PKG_TAMPERED, "tampered")
    expected_end = end + fields["length"]
    if len(data) < expected_end:
        raise _reject(msg.PKG_TRUNCATED, "truncated")
    if len(data) > expected_end:
        raise _reject(msg.PKG_TAMPERED, "tampered")
    return OuterHeader(fields, data[:end], end)


def _header_ok(fields: object) -> bool:
    if not isinstance(fields, dict) or set(fields) != HEADER_FIELDS:
        return False
    if fields["kind"] not in KINDS or fields["cipher"] != CIPHER:
        return False
    text_fields = ("from", "to", "to_key", "stream", "created_at", "ephemeral_key", "nonce")
    if not all(isinstance(fields[k], str) and len(fields[k]) <= 200 for k in text_fields):
        return False
    return all(
        isinstance(fields[k], int) and not isinstance(fields[k], bool) and fields[k] >= 0
        for k in ("sequence", "length")
    )


def open_sealed(data: bytes, header: OuterHeader, recipient: KeyPair) -> Opened:
    """Decrypt and split the body. Raises PackageRejected; the signature is checked by the caller, who
    knows which keys the sender may use (`Opened.signature_valid`)."""
    try:
        ephemeral_public = b64d(header.fields["ephemeral_key"], 32)
        nonce = b64d(header.fields["nonce"], 12)
        shared = recipient.encryption.exchange(X25519PublicKey.from_public_bytes(ephemeral_public))
    except ValueError:  # bad base64, or a low-order point giving an all-zero secret
        raise _reject(msg.PKG_TAMPERED, "tampered") from None
    key = _derive_key(shared, ephemeral_public, recipient.public.encryption)
    try:
        plaintext = ChaCha20Poly1305(key).decrypt(nonce, data[header.body_offset :], header.raw)
    except InvalidTag:
        raise _reject(msg.PKG_TAMPERED, "tampered") from None
    if len(plaintext) < 4 + 64:
        raise _reject(msg.PKG_TAMPERED, "tampered")
    (manifest_length,) = struct.unpack_from(">I", plaintext)
    if manifest_length > MAX_MANIFEST_BYTES or 4 + manifest_length + 64 > len(plaintext):
        raise _reject(msg.PKG_INVALID.format(detail="manifest"), "invalid_content")
    manifest_bytes = plaintext[4 : 4 + manifest_length]
    signature = plaintext[4 + manifest_length : 4 + manifest_length + 64]
    try:
        manifest = json.loads(manifest_bytes.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):  # RecursionError: absurdly deep JSON
        raise _reject(msg.PKG_INVALID.format(detail="manifest"), "invalid_content") from None
    if not isinstance(manifest, dict):
        raise _reject(msg.PKG_INVALID.format(detail="manifest"), "invalid_content")
    return Opened(header, manifest, manifest_bytes, signature, plaintext[4 + manifest_length + 64 :])


def inflate(opened: Opened, limits: Limits) -> bytes:
    """The payload bytes, refusing a declared or actual size beyond the limit (zip bomb) and a bad hash."""
    info = opened.manifest.get("payload")
    if not isinstance(info, dict) or info.get("compression") != COMPRESSION:
        raise _reject(msg.PKG_INVALID.format(detail="payload"), "invalid_content")
    size, digest = info.get("size"), info.get("sha256")
    if not isinstance(size, int) or isinstance(size, bool) or size < 0 or not isinstance(digest, str):
        raise _reject(msg.PKG_INVALID.format(detail="payload"), "invalid_content")
    if size > limits.max_payload_bytes:
        raise _reject(msg.PKG_TOO_LARGE.format(size=size, limit=limits.max_payload_bytes), "too_large")
    inflater = zlib.decompressobj()
    try:
        payload = inflater.decompress(opened.compressed, size + 1)
    except zlib.error:
        raise _reject(msg.PKG_INVALID.format(detail="zlib"), "invalid_content") from None
    if len(payload) > size or inflater.unconsumed_tail:
        raise _reject(msg.PKG_TOO_LARGE.format(size=size, limit=limits.max_payload_bytes), "too_large")
    if not inflater.eof or inflater.unused_data or len(payload) != size or sha256_hex(payload) != digest:
        raise _reject(msg.PKG_INVALID.format(detail="payload hash"), "invalid_content")
    return payload
