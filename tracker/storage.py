"""A TinyDB storage for one JSON file that several processes share without losing a write.

- Writes are atomic: the whole database goes to a temporary file in the same folder, is
  fsynced and moved over the old file with ``os.replace``, so a reader (or a crash) only
  ever sees a complete old or a complete new file.
- A store may sit in a folder that others can write to. The temporary file has a name no
  one can guess and is created anew (``O_EXCL|O_NOFOLLOW``, mode 0600, then the store's
  own mode before any byte is written), so a link planted in the folder is never followed
  and the store is never readable by more people than it is; a failed write removes it.
  The lock file is never opened through a link either.
- One store, one name: the path is resolved (``realpath``) before anything is locked or
  written, so a symbolic link to the store is written through, not replaced; a store with a
  second hard link (another name, another lock) is refused with a message naming it.
- ``locked()`` holds an exclusive lock on ``<file>.lock`` for a read-modify-write; the lock
  file also counts the writes, so a process knows whether its cached copy is still current
  without reading the whole file again, and says what the last write left (its size and
  CRC-32): a file just as it was left needs no second look from ``validate``. A process that finds the lock taken sleeps in the
  kernel until it is free (or ``lock_timeout`` runs out): waiters do not poll.
- ``read()`` parses the file once with orjson and keeps it; it reads again only when the
  file or the write count changed.
- The version a write replaces is kept as ``<file>.bak`` (a hard link, so it costs nothing).
- A file that is empty, not valid JSON, or that ``validate`` rejects raises
  ``CorruptStore`` naming the file; such a file is never overwritten.

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
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import orjson
from tinydb.storages import Storage

from tracker.errors import CorruptStore, StoreError, StoreLocked

try:
    import fcntl
except ImportError:  # Windows: the filelock package takes the lock
    fcntl = None

__all__ = ["AtomicStorage"]

LOCK_TIMEOUT = 30.0
_NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)


class AtomicStorage(Storage):
    """A TinyDB ``Storage`` over one JSON file: orjson, locked, atomic, backed up.

    ``validate(data, raw)`` (the parsed file and its bytes) may raise ``ValueError`` with a
    reason to refuse a file that parses as JSON but is not what the caller stores; it may
    also mend ``data`` in place (what is read, never the file). ``raw`` is None for a file
    just as this storage's last write (in any process) left it.
    """

    def __init__(
        self,
        path: str | os.PathLike,
        *,
        validate: Callable[[dict, bytes], None] | None = None,
        lock_timeout: float = LOCK_TIMEOUT,
    ) -> None:
        super().__init__()
        self.path = Path(os.path.realpath(path))  # through a symbolic link, to the one file
        folder, name = os.path.split(self.path)
        self.backup = Path(folder, name + ".bak")
        self._folder, self._name = folder, name
        self._validate = validate
        self._lock = _FileLock(os.path.join(folder, name + ".lock"), lock_timeout, self.path)
        self._data: dict | None = None
        self._seen: tuple | None = None  # (inode, size, mtime, write count) of the cached file

    # -- reading ---------------------------------------------------------------------------

    def read(self) -> dict[str, dict[str, Any]] | None:
        """The database, or None when the file is missing."""
        count, written = self._lock.state()
        try:
            handle = open(self.path, "rb")
        except FileNotFoundError:
            self._data = self._seen = None
            return None
        with handle:
            info = os.fstat(handle.fileno())
            if info.st_nlink > 1:
                self._check_links(info)
            seen = (info.st_ino, info.st_size, info.st_mtime_ns, count)
            if self._data is not None and seen == self._seen:
                return self._data
            raw = handle.read()
        if not raw:
            raise self._corrupt("the file is empty (0 bytes), not a store (remove it to start "
                                "a new store)")
        # as the last write left it, or changed since by hand, by a copy, by damage?
        data = self._parse(raw, trusted=written == _fingerprint(raw))
        self._data, self._seen = data, seen
        return data

    def _parse(self, raw: bytes, *, trusted: bool = False) -> dict:
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
                self._validate(data, None if trusted else raw)
            except ValueError as error:
                raise self._corrupt(str(error)) from None
        return data

    def _check_links(self, info: os.stat_result) -> None:
        """Refuse a store that has another name (a hard link): each name would have a lock
        of its own, and the first write would part the two for good. The backup and a
        write's own temporary files share the store's file for a moment, and are no other
        name."""
        ours = {self._name, self.backup.name}
        others, found = [], 0
        with os.scandir(self._folder) as entries:
            for entry in entries:
                try:
                    same = entry.inode() == info.st_ino and entry.stat(follow_symlinks=False).st_dev == info.st_dev
                except OSError:
                    continue
                if same:
                    found += 1
                    if entry.name not in ours and not self._is_temp(entry.name):
                        others.append(entry.name)
        if others or found < info.st_nlink:
            where = (f"another name, {os.path.join(self._folder, others[0])}" if others
                     else f"{info.st_nlink} names, one of them in another folder")
            raise StoreError(f"{self.path}: the store has {where} (a hard link): each name would "
                             "lock on its own and a write would part them; keep one name (or copy "
                             "the file to make a second store)")

    def _remove_stale_temps(self) -> None:
        """Remove what a write killed half way left (under the lock no other write is under
        way, so every temporary file of this store is stale)."""
        with os.scandir(self._folder) as entries:
            stale = [entry.path for entry in entries if self._is_temp(entry.name)]
        for path in stale:
            _remove(path)

    def _is_temp(self, name: str) -> bool:
        return name.startswith(f".{self._name}.") and name.endswith(".tmp")

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
            if info is not None and info.st_nlink > 1:
                self._check_links(info)
            if info is not None and self._signature(info) != self._seen:
                self.read()  # raises CorruptStore rather than overwrite a bad file
            try:
                self._replace(data, info)
            except BaseException:
                self.forget()  # the cache may hold what did not reach the file
                raise

    def _replace(self, data: dict, info: os.stat_result | None) -> None:
        payload = orjson.dumps(data)
        mode = stat.S_IMODE(info.st_mode) if info is not None else _new_file_mode()
        self._remove_stale_temps()
        temp = self._write_temp(payload, mode)
        try:
            if info is not None and info.st_size:
                self._keep_backup(mode)
            os.replace(temp, self.path)
        except BaseException:
            _remove(temp)
            raise
        info = os.stat(self.path)
        count = self._lock.advance(_fingerprint(payload))
        self._data = data
        self._seen = (info.st_ino, info.st_size, info.st_mtime_ns, count)

    def _write_temp(self, payload: bytes, mode: int) -> str:
        """A new file beside the store holding ``payload``, never more open than ``mode``
        (made 0600, then ``mode``, before the first byte); removed again if writing fails."""
        fd, temp = self._new_temp(mode)
        try:
            try:
                view = memoryview(payload)
                while view:
                    view = view[os.write(fd, view):]
                os.fsync(fd)
            finally:
                os.close(fd)
        except BaseException:
            _remove(temp)
            raise
        return temp

    def _new_temp(self, mode: int) -> tuple[int, str]:
        """Create a file with a name no one can guess: ``O_EXCL`` (a name taken, even by a
        link, is never opened) and ``O_NOFOLLOW``, mode 0600, then ``mode``."""
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NO_FOLLOW
        while True:
            temp = os.path.join(self._folder, f".{self._name}.{os.urandom(6).hex()}.tmp")
            try:
                fd = os.open(temp, flags, 0o600)
            except FileExistsError:
                continue
            if hasattr(os, "fchmod"):
                try:
                    os.fchmod(fd, mode & 0o777)
                except BaseException:
                    os.close(fd)
                    _remove(temp)
                    raise
            return fd, temp

    def _signature(self, info: os.stat_result) -> tuple:
        return (info.st_ino, info.st_size, info.st_mtime_ns, self._lock.count())

    def _keep_backup(self, mode: int) -> None:
        """The file as it is becomes ``<file>.bak``: a hard link under a fresh name, moved
        over the old backup (``os.replace`` never follows a link planted there)."""
        while True:
            staged = os.path.join(self._folder, f".{self._name}.{os.urandom(6).hex()}.tmp")
            try:
                os.link(self.path, staged, follow_symlinks=False)
                break
            except FileExistsError:
                continue
            except OSError:  # a file system without hard links: a copy, made as safely
                with open(os.open(self.path, os.O_RDONLY | _NO_FOLLOW), "rb") as current:
                    staged = self._write_temp(current.read(), mode)
                break
        try:
            os.replace(staged, self.backup)
        except BaseException:
            _remove(staged)
            raise

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

    def __init__(self, path: str, timeout: float, store: Path) -> None:
        self.path = path
        self.timeout = timeout
        self.store = store
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

    def _open(self, flags: int) -> int:
        """The lock file, never through a link; made no more open than the store."""
        info = _stat(self.store)
        mode = stat.S_IMODE(info.st_mode) if info is not None else 0o666
        try:
            return os.open(self.path, flags | _NO_FOLLOW, mode)
        except OSError as error:
            if os.path.islink(self.path):
                raise StoreError(f"{self.path}: the store's lock file is a symbolic link; "
                                 "it is not followed (remove the link)") from None
            raise error

    def _acquire_flock(self) -> None:
        fd = self._open(os.O_RDWR | os.O_CREAT)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            try:
                taken = _wait_for_lock(fd, self.timeout)
            except BaseException:
                os.close(fd)
                raise
            if not taken:  # the waiting thread closes ``fd`` once it gets the lock
                raise StoreLocked(f"{self.path}: another process has held the lock for "
                                  f"{self.timeout:g} s") from None
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
        return self.state()[0]

    def state(self) -> tuple[int | None, tuple | None]:
        """How many writes the store has had, and the fingerprint (size, CRC-32) of the
        file the last one left (None where the lock file cannot say)."""
        if fcntl is None:
            return None, None
        if self._fd is not None:
            return _parse_state(os.pread(self._fd, _STATE_BYTES, 0))
        try:
            fd = self._open(os.O_RDONLY)
        except FileNotFoundError:
            return 0, None
        try:
            return _parse_state(os.pread(fd, _STATE_BYTES, 0))
        finally:
            os.close(fd)

    def advance(self, written: tuple[int, int]) -> int | None:
        """Count one more write, which left a file of this fingerprint (size, CRC-32); the
        lock must be held. The new count."""
        if self._fd is None:
            return None
        count = _parse_state(os.pread(self._fd, _STATE_BYTES, 0))[0] + 1
        line = b"%d %d %d" % (count, *written)
        os.pwrite(self._fd, line.ljust(_STATE_BYTES - 1) + b"\n", 0)  # one length: no tail left
        return count

    def close(self) -> None:
        if self._depth:
            self._depth = 1
            self.release()


def _wait_for_lock(fd: int, timeout: float) -> bool:
    """Wait for the lock on ``fd`` in the kernel (a blocking ``flock``, in a thread of its
    own, since ``flock`` has no timeout): True once it is held, False after ``timeout``
    seconds. On False, the thread keeps ``fd`` and closes it (which lets the lock go) as
    soon as it gets the lock."""
    import threading

    taken = threading.Event()
    guard = threading.Lock()
    given_up = False
    failed: list[OSError] = []

    def wait() -> None:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
        except OSError as error:
            failed.append(error)
        with guard:
            if given_up:
                os.close(fd)
            else:
                taken.set()

    threading.Thread(target=wait, name="minutes store lock", daemon=True).start()
    if not taken.wait(timeout):
        with guard:
            if not taken.is_set():
                given_up = True
                return False
    if failed:
        raise failed[0]
    return True


def _new_file_mode() -> int:
    """The mode a new file gets here: 0666 less the umask."""
    umask = os.umask(0o077)  # read it (while it is set, new files are only more private)
    os.umask(umask)
    return 0o666 & ~umask


def _remove(path: str) -> None:
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass


def _stat(path: Path) -> os.stat_result | None:
    try:
        return os.stat(path)
    except FileNotFoundError:
        return None


_STATE_BYTES = 64  # "count size crc32", padded


def _fingerprint(payload: bytes) -> tuple[int, int]:
    """What tells a file from any other a write could have left: its size and CRC-32."""
    return len(payload), zlib.crc32(payload)


def _parse_state(raw: bytes) -> tuple[int, tuple | None]:
    """The lock file's write count and the fingerprint of the file the last write left (an
    older lock file holds only the count; anything unreadable counts as nothing)."""
    words = raw.split(b"\n", 1)[0].split()
    try:
        count = int(words[0]) if words else 0
        written = tuple(int(w) for w in words[1:3]) if len(words) >= 3 else None
    except ValueError:
        return 0, None
    return count, written
