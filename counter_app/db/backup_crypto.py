"""Passphrase encryption of backup files, without keeping the passphrase on the PC.

Backups hold citizens' personal data and travel on USB sticks. An automatic daily backup cannot ask for a
passphrase, and storing it next to the database would protect nothing, so:
  * when an admin turns encryption on, an X25519 key pair is made; the private key is wrapped with
    AES-256-GCM under a key derived from the passphrase by scrypt, and only the public key and the wrapped
    private key (the "keyring") are kept in the settings;
  * each backup is encrypted to the public key: an ephemeral X25519 exchange + HKDF-SHA256 gives a one-off
    AES-256-GCM key, applied in 1 MiB chunks (STREAM: counter nonce, last-chunk flag, header as associated
    data), so a big file never sits whole in memory and truncation, reordering or a changed header fail;
  * the keyring travels in each file's header, so the file and the passphrase alone restore it.
"""

from __future__ import annotations

import base64
import json
import os
import struct
from pathlib import Path
from typing import IO, Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

MAGIC = b"CTRBAK1\n"
CHUNK_SIZE = 1 << 20
SCRYPT_N = 1 << 15  # ~32 MiB and ~0.1 s on an old PC: cheap once per restore, costly for a guesser
_WRAP_AAD = b"counter-app backup key v1"
_HKDF_INFO = b"counter-app backup v1"
_MAX_HEADER = 64 * 1024


class BackupCryptoError(Exception):
    pass


class WrongPassphrase(BackupCryptoError):
    pass


class CorruptBackup(BackupCryptoError):
    pass


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def _kek(passphrase: str, kdf: dict[str, Any]) -> bytes:
    scrypt = Scrypt(salt=_unb64(kdf["salt"]), length=32, n=int(kdf["n"]), r=int(kdf["r"]), p=int(kdf["p"]))
    return scrypt.derive(passphrase.encode("utf-8"))


def _raw(key: X25519PrivateKey | X25519PublicKey) -> bytes:
    if isinstance(key, X25519PrivateKey):
        return key.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                                 serialization.NoEncryption())
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def _wrap(private: X25519PrivateKey, passphrase: str, n: int) -> dict[str, Any]:
    kdf = {"name": "scrypt", "n": n, "r": 8, "p": 1, "salt": _b64(os.urandom(16))}
    nonce = os.urandom(12)
    wrapped = AESGCM(_kek(passphrase, kdf)).encrypt(nonce, _raw(private), _WRAP_AAD)
    return {"v": 1, "public_key": _b64(_raw(private.public_key())), "kdf": kdf, "wrap_nonce": _b64(nonce),
            "wrapped_key": _b64(wrapped)}


def new_keyring(passphrase: str, *, scrypt_n: int = SCRYPT_N) -> dict[str, Any]:
    return _wrap(X25519PrivateKey.generate(), passphrase, scrypt_n)


def unwrap_private_key(keyring: dict[str, Any], passphrase: str) -> X25519PrivateKey:
    try:
        kek = _kek(passphrase, keyring["kdf"])
        raw = AESGCM(kek).decrypt(_unb64(keyring["wrap_nonce"]), _unb64(keyring["wrapped_key"]), _WRAP_AAD)
    except InvalidTag:
        raise WrongPassphrase() from None
    except (KeyError, ValueError, TypeError) as exc:
        raise CorruptBackup(f"keyring: {exc}") from exc
    return X25519PrivateKey.from_private_bytes(raw)


def rewrap_keyring(keyring: dict[str, Any], old: str, new: str) -> dict[str, Any]:
    """Same key pair, new passphrase (older backups keep needing the passphrase they were made with)."""
    return _wrap(unwrap_private_key(keyring, old), new, int(keyring["kdf"]["n"]))


def _stream_key(private: X25519PrivateKey, peer: X25519PublicKey, ephemeral_pub: bytes, recipient: bytes) -> bytes:
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=ephemeral_pub + recipient, info=_HKDF_INFO)
    return hkdf.derive(private.exchange(peer))


def _nonce(index: int, last: bool) -> bytes:
    return index.to_bytes(11, "big") + (b"\x01" if last else b"\x00")


def encrypt_stream(src: IO[bytes], dst: IO[bytes], keyring: dict[str, Any], meta: dict[str, Any]) -> None:
    recipient = _unb64(keyring["public_key"])
    ephemeral = X25519PrivateKey.generate()
    ephemeral_pub = _raw(ephemeral.public_key())
    key = _stream_key(ephemeral, X25519PublicKey.from_public_bytes(recipient), ephemeral_pub, recipient)
    header = json.dumps({"v": 1, "keyring": keyring, "ephemeral": _b64(ephemeral_pub), "chunk": CHUNK_SIZE,
                         "meta": meta}, sort_keys=True, ensure_ascii=False).encode("utf-8")
    dst.write(MAGIC + struct.pack(">I", len(header)) + header)
    aead = AESGCM(key)
    index, chunk = 0, src.read(CHUNK_SIZE)
    while True:
        following = src.read(CHUNK_SIZE)
        sealed = aead.encrypt(_nonce(index, not following), chunk, header)
        dst.write(struct.pack(">I", len(sealed)) + sealed)
        if not following:
            return
        index, chunk = index + 1, following


def _read_exact(src: IO[bytes], n: int) -> bytes:
    data = src.read(n)
    if len(data) != n:
        raise CorruptBackup("truncated")
    return data


def read_header(src: IO[bytes]) -> tuple[bytes, dict[str, Any]]:
    if src.read(len(MAGIC)) != MAGIC:
        raise CorruptBackup("not an encrypted backup")
    (length,) = struct.unpack(">I", _read_exact(src, 4))
    if length > _MAX_HEADER:
        raise CorruptBackup("header too long")
    raw = _read_exact(src, length)
    try:
        return raw, json.loads(raw.decode("utf-8"))
    except ValueError as exc:
        raise CorruptBackup("header unreadable") from exc


def decrypt_stream(src: IO[bytes], dst: IO[bytes], passphrase: str) -> dict[str, Any]:
    """Write the plaintext to `dst`; WrongPassphrase or CorruptBackup (nothing trustworthy written) otherwise."""
    raw_header, header = read_header(src)
    try:
        keyring, ephemeral_pub = header["keyring"], _unb64(header["ephemeral"])
        recipient = _unb64(keyring["public_key"])
    except (KeyError, ValueError) as exc:
        raise CorruptBackup("header incomplete") from exc
    private = unwrap_private_key(keyring, passphrase)
    if _raw(private.public_key()) != recipient:
        raise CorruptBackup("key pair mismatch")
    aead = AESGCM(_stream_key(private, X25519PublicKey.from_public_bytes(ephemeral_pub), ephemeral_pub, recipient))
    index, length_bytes = 0, src.read(4)
    while length_bytes:
        (length,) = struct.unpack(">I", length_bytes) if len(length_bytes) == 4 else (-1,)
        if not 16 <= length <= CHUNK_SIZE + 16:
            raise CorruptBackup("bad chunk length")
        sealed = _read_exact(src, length)
        length_bytes = src.read(4)
        try:
            dst.write(aead.decrypt(_nonce(index, not length_bytes), sealed, raw_header))
        except InvalidTag:
            raise CorruptBackup(f"chunk {index} damaged or out of place") from None
        index += 1
    if index == 0:
        raise CorruptBackup("no data")
    return dict(header.get("meta") or {})


def is_encrypted(path: Path) -> bool:
    with open(path, "rb") as f:
        return f.read(len(MAGIC)) == MAGIC


def header_meta(path: Path) -> dict[str, Any]:
    with open(path, "rb") as f:
        return dict(read_header(f)[1].get("meta") or {})
