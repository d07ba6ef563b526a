"""One program per database file: an OS lock on `<db>.lock`, released by the OS if the process dies.

A second window on the same file would hold its own stale view and fight for the writer lock; two PCs on
one shared file would do worse. The lock is advisory (fcntl.flock on POSIX, msvcrt.locking on Windows), so
a crash or a power cut never leaves it held. The holder writes who it is into the file for the message.
Re-entrant within one process: the GUI holds it, and a restore started from the GUI takes it again.
"""

from __future__ import annotations

import os
import socket
import threading
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import IO

from counter_app.db.errors import StorageError
from counter_app.messages import trust as msg

_INFO_OFFSET = 16  # Windows locks byte 0 against reads too; the holder's details are written after it


class InstanceLocked(StorageError):
    """Another program has this database open. str(err) is the Vietnamese message."""


@dataclass
class InstanceLock:
    path: Path
    _file: IO[bytes] | None = field(default=None, repr=False)
    _count: int = 0

    def release(self) -> None:
        with _registry_lock:
            self._count -= 1
            if self._count > 0 or self._file is None:
                return
            _registry.pop(self.path, None)
            try:
                _unlock(self._file)
            finally:
                self._file.close()
                self._file = None

    def __enter__(self) -> InstanceLock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


_registry: dict[Path, InstanceLock] = {}
_registry_lock = threading.Lock()


def lock_path_for(db_path: Path) -> Path:
    return Path(db_path).with_name(Path(db_path).name + ".lock")


def acquire_instance_lock(db_path: Path | str) -> InstanceLock:
    """Hold the database for this process, or raise InstanceLocked naming the holder."""
    path = lock_path_for(Path(db_path)).resolve()
    with _registry_lock:
        held = _registry.get(path)
        if held is not None:
            held._count += 1
            return held
        path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(path, "a+b")  # noqa: SIM115 - kept open for as long as the lock is held
        try:
            _lock(handle)
        except OSError:
            handle.close()
            raise InstanceLocked(msg.INSTANCE_LOCKED.format(holder=_holder(path))) from None
        _write_holder(handle)
        lock = InstanceLock(path, handle, 1)
        _registry[path] = lock
        return lock


def _write_holder(handle: IO[bytes]) -> None:
    info = f"{socket.gethostname()}\n{os.getpid()}\n{datetime.now().strftime('%H:%M %d/%m/%Y')}\n"
    try:
        handle.seek(_INFO_OFFSET)
        handle.truncate()
        handle.write(info.encode("utf-8"))
        handle.flush()
    except OSError:  # the details are a courtesy; the lock is what matters
        pass


def _holder(path: Path) -> str:
    try:
        with open(path, "rb") as f:
            f.seek(_INFO_OFFSET)
            host, pid, since = f.read(300).decode("utf-8", "replace").splitlines()[:3]
        return msg.INSTANCE_HOLDER.format(host=host, pid=pid, since=since)
    except (OSError, ValueError):
        return msg.INSTANCE_HOLDER_UNKNOWN


if os.name == "nt":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _lock(handle: IO[bytes]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock(handle: IO[bytes]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(handle: IO[bytes]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(handle: IO[bytes]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
