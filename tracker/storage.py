"""A TinyDB storage for one JSON file that several processes share without losing a write.

- Writes are atomic: the whole database goes to a temporary file in the same folder, is
  fsynced and moved over the old file with ``os.replace``, so a reader (or a crash) only
  ever sees a complete old or a complete new file.
- ``locked()`` holds an exclusive lock on ``<file>.lock`` for a read-modify-write; the lock
  file also counts the writes, so a process knows whether its cached copy is still current
  without reading the whole file again.
- ``read()`` parses the file once with orjson and keeps it; it reads again only when the
  file or the write count changed.
- The version a write replaces is kept as ``<file>.bak`` (a hard link, so it costs nothing).
- A file that is not valid JSON, or that ``validate`` rejects, raises ``CorruptStore``
  naming the file; such a file is never overwritten.

>>> storage = AtomicStorage("actions.json")
>>> with storage.locked():
...     data = storage.read() or {}
...     data.setdefault("actions", {})["a3f9c1"] = {"text": "Send the budget"}
...     storage.write(data)

Data passed to ``write`` becomes the cache: the caller must not change it afterwards
outside ``locked()``.
"""

from __future__ import annotations

import gc
import os
import stat
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import orjson
from tinydb.storages import Storage

from tracker.errors import CorruptStore, StoreLocked

try:
    import fcntl
except ImportError:  # Windows: the filelock package takes the lock
    fcntl = None

__all__ = ["AtomicStorage"]

LOCK_TIMEOUT = 30.0


class AtomicStorage(Storage):
    """A TinyDB ``Storage`` over one JSON file: orjson, locked, atomic, backed up.

    ``validate(data)`` may raise ``ValueError`` with a reason to refuse a file that parses
    as JSON but is not what the caller stores.
    """

    def __init__(
        self,
        path: str | os.PathLike,
        *,
        validate: Callable[[dict], None] | None = None,
        lock_timeout: float = LOCK_TIMEOUT,
    ) -> None:
        super().__init__()
        self.path = Path(path)
        folder, name = os.path.split(os.fspath(path))
        self.backup = Path(folder, name + ".bak")
        self._temp = os.path.join(folder, f".{name}.tmp")
        self._staged_backup = os.path.join(folder, f".{name}.bak.tmp")
        self._validate = validate
        self._lock = _FileLock(os.path.join(folder, name + ".lock"), lock_timeout)
        self._data: dict | None = None
        self._seen: tuple | None = None  # (inode, size, mtime, write count) of the cached file

    # -- reading ---------------------------------------------------------------------------

    def read(self) -> dict[str, dict[str, Any]] | None:
        """The database, or None when the file is missing or empty."""
        count = self._lock.count()
        try:
            handle = open(self.path, "rb")
        except FileNotFoundError:
            self._data = self._seen = None
            return None
        with handle:
            info = os.fstat(handle.fileno())
            seen = (info.st_ino, info.st_size, info.st_mtime_ns, count)
            if self._data is not None and seen == self._seen:
                return self._data
            raw = handle.read()
        data = self._parse(raw) if raw else None
        self._data, self._seen = data, seen
        return data

    def _parse(self, raw: bytes) -> dict:
        # orjson builds every object at once; the cyclic collector only slows that down
        collecting = gc.isenabled()
        gc.disable()
        try:
            data = orjson.loads(raw)
        except orjson.JSONDecodeError as error:
            raise self._corrupt(f"not valid JSON ({error})") from None
        finally:
            if collecting:
                gc.enable()
        if not isinstance(data, dict) or not all(isinstance(t, dict) for t in data.values()):
            raise self._corrupt("not a TinyDB database (expected an object of tables)")
        if self._validate is not None:
            try:
                self._validate(data)
            except ValueError as error:
                raise self._corrupt(str(error)) from None
        return data

    def _corrupt(self, reason: str) -> CorruptStore:
        message = f"{self.path}: {reason}; the file is left as it is"
        if self.backup.exists():
            message += f" and the last good version is {self.backup}"
        return CorruptStore(message)

    # -- writing ---------------------------------------------------------------------------

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        """Replace the file with ``data`` in one atomic step (taking the lock if not held;
        hold ``locked()`` around the ``read()`` too, or another process's write is lost)."""
        with self.locked():
            info = _stat(self.path)
            if info is not None and self._signature(info) != self._seen:
                self.read()  # raises CorruptStore rather than overwrite a bad file
            try:
                self._replace(data, info)
            except BaseException:
                self.forget()  # the cache may hold what did not reach the file
                raise

    def _replace(self, data: dict, info: os.stat_result | None) -> None:
        payload = orjson.dumps(data)
        fd = os.open(self._temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666)
        try:
            view = memoryview(payload)
            while view:
                view = view[os.write(fd, view):]
            os.fsync(fd)
        finally:
            os.close(fd)
        if info is not None and info.st_size:
            os.chmod(self._temp, stat.S_IMODE(info.st_mode))
            self._keep_backup()
        os.replace(self._temp, self.path)
        self._lock.advance()
        self._data = data
        self._seen = self._signature(os.stat(self.path))

    def _signature(self, info: os.stat_result) -> tuple:
        return (info.st_ino, info.st_size, info.st_mtime_ns, self._lock.count())

    def _keep_backup(self) -> None:
        staged = self._staged_backup
        try:
            os.unlink(staged)
        except FileNotFoundError:
            pass
        try:
            os.link(self.path, staged)
        except OSError:  # a file system without hard links
            import shutil

            shutil.copyfile(self.path, staged)
        os.replace(staged, self.backup)

    # -- locking ---------------------------------------------------------------------------

    @contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the store's lock (re-entrant) around a read-modify-write."""
        if not self._lock.held:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock.acquire()
        try:
            yield
        finally:
            self._lock.release()

    def forget(self) -> None:
        """Drop the cached database (after a change that failed half way)."""
        self._data = self._seen = None

    def close(self) -> None:
        self.forget()
        self._lock.close()


class _FileLock:
    """An exclusive, re-entrant lock on a file that also holds the number of writes.

    POSIX: ``flock`` on the file, released by the kernel if the process dies. Elsewhere:
    the ``filelock`` package (imported only there; it is slow to import) and no write count.
    """

    def __init__(self, path: str, timeout: float) -> None:
        self.path = path
        self.timeout = timeout
        self._depth = 0
        self._fd: int | None = None
        self._portable = None

    @property
    def held(self) -> bool:
        return self._depth > 0

    def acquire(self) -> None:
        if self._depth == 0:
            if fcntl is None:
                self._acquire_portable()
            else:
                self._acquire_flock()
        self._depth += 1

    def _acquire_flock(self) -> None:
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o666)
        deadline = time.monotonic() + self.timeout
        pause = 0.0005
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    os.close(fd)
                    raise StoreLocked(f"{self.path}: another process has held the lock for "
                                      f"{self.timeout:g} s") from None
                time.sleep(pause)
                pause = min(pause * 2, 0.02)
        self._fd = fd

    def _acquire_portable(self) -> None:
        if self._portable is None:
            from filelock import FileLock

            self._portable = FileLock(self.path)
        from filelock import Timeout

        try:
            self._portable.acquire(timeout=self.timeout)
        except Timeout:
            raise StoreLocked(f"{self.path}: another process has held the lock for "
                              f"{self.timeout:g} s") from None

    def release(self) -> None:
        self._depth -= 1
        if self._depth:
            return
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None
        elif self._portable is not None:
            self._portable.release()

    def count(self) -> int | None:
        """How many writes the store has had (None where the lock file cannot say)."""
        if fcntl is None:
            return None
        if self._fd is not None:
            return _parse_count(os.pread(self._fd, 24, 0))
        try:
            with open(self.path, "rb") as handle:
                return _parse_count(handle.read(24))
        except FileNotFoundError:
            return 0

    def advance(self) -> None:
        """Count one more write (the lock must be held)."""
        if self._fd is not None:
            count = _parse_count(os.pread(self._fd, 24, 0)) + 1
            os.pwrite(self._fd, b"%d\n" % count, 0)  # the number only ever gets longer

    def close(self) -> None:
        if self._depth:
            self._depth = 1
            self.release()


def _stat(path: Path) -> os.stat_result | None:
    try:
        return os.stat(path)
    except FileNotFoundError:
        return None


def _parse_count(raw: bytes) -> int:
    try:
        return int(raw.split(b"\n", 1)[0] or 0)
    except ValueError:
        return 0
