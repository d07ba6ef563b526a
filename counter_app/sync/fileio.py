"""Writing a package to a USB stick or folder so that a pulled stick or a full disk costs nothing.

`write_verified`: temp file in the target folder → write in chunks (progress, cancel) → fsync → rename to
the final name (never over an existing file) → fsync the folder → read the file back and compare its
SHA-256 with what was meant. Only then may the clerk be told to remove the stick. Any OSError becomes a
MediaError with a Vietnamese message; the temp file is removed when the folder still exists.

Read-back note: after fsync the bytes read back may come from the OS cache rather than the stick itself;
fsync is what asks the device to store them (as far as the device honours flushes).
"""

from __future__ import annotations

import errno
import hashlib
import os
import uuid
from collections.abc import Callable
from pathlib import Path

from counter_app.messages import sync as msg
from counter_app.sync.errors import MediaError, SyncCancelled

Progress = Callable[[str, int, int], None]  # (phase, done, total)
Cancel = Callable[[], bool]
CHUNK = 1024 * 1024


def no_progress(_phase: str, _done: int, _total: int) -> None:
    return None


def never_cancel() -> bool:
    return False


def media_error(exc: OSError, folder: Path) -> MediaError:
    code = exc.errno
    if code in (errno.ENOSPC, errno.EDQUOT):
        return MediaError(msg.MEDIA_FULL.format(folder=folder), "media_full")
    if code in (errno.ENOENT, errno.ENODEV, errno.ENXIO, errno.ESTALE, errno.ENOTDIR):
        return MediaError(msg.MEDIA_GONE.format(folder=folder), "media_gone")
    if code in (errno.EROFS, errno.EACCES, errno.EPERM):
        return MediaError(msg.MEDIA_READ_ONLY.format(folder=folder), "media_read_only")
    return MediaError(msg.MEDIA_IO.format(folder=folder, detail=exc.strerror or exc), "media_io")


def _fsync_folder(folder: Path) -> None:
    if os.name == "nt":  # Windows cannot open a directory for fsync; NTFS journals the rename itself
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_verified(
    folder: Path,
    name: str,
    data: bytes,
    *,
    progress: Progress = no_progress,
    cancel: Cancel = never_cancel,
) -> Path:
    """Write `data` as `folder/name` atomically and verify it; returns the final path."""
    folder = Path(folder)
    if Path(name).name != name or name.startswith("."):
        raise ValueError(f"unsafe file name {name!r}")
    final = folder / name
    if not folder.is_dir():
        raise MediaError(msg.NOT_A_FOLDER.format(folder=folder), "media_gone")
    if final.exists():
        raise MediaError(msg.MEDIA_EXISTS.format(name=name, folder=folder), "exists")
    temp = folder / f".{name}.{uuid.uuid4().hex[:8]}.tmp"
    total = len(data)
    renamed = False
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o644)
        try:
            view = memoryview(data)
            done = 0
            progress("write", 0, total)
            while done < total:
                if cancel():
                    raise SyncCancelled(msg.CANCELLED, "cancelled")
                written = os.write(fd, view[done : done + CHUNK])
                if written <= 0:
                    raise OSError(errno.EIO, "short write")
                done += written
                progress("write", done, total)
            os.fsync(fd)
        finally:
            os.close(fd)
        if cancel():
            raise SyncCancelled(msg.CANCELLED, "cancelled")
        if final.exists():
            raise MediaError(msg.MEDIA_EXISTS.format(name=name, folder=folder), "exists")
        os.replace(temp, final)
        renamed = True
        _fsync_folder(folder)
        progress("verify", 0, total)
        if read_sha256(final) != hashlib.sha256(data).hexdigest():
            raise MediaError(msg.MEDIA_VERIFY_FAILED.format(folder=folder), "verify_failed")
        progress("verify", total, total)
    except OSError as exc:
        _remove_quietly(final if renamed else temp)
        raise media_error(exc, folder) from exc
    except BaseException:
        _remove_quietly(final if renamed else temp)
        raise
    return final


def _remove_quietly(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass  # the stick is gone: there is nothing left to clean


def read_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while block := handle.read(CHUNK):
            digest.update(block)
    return digest.hexdigest()


def read_limited(path: Path, limit: int) -> bytes:
    """Read a whole file, refusing one larger than `limit` before reading it. OSError propagates."""
    with open(path, "rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        if size > limit:
            raise OverflowError(size)
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise OverflowError(len(data))
    return data
