"""The store's files: a snapshot written whole, and a journal of the changes made since,
one line each. Several processes share them without losing a change, and a listing reads
no more of them than it shows.

- ``actions.json``, the **snapshot**, has two lines. The first holds what a listing shows:
  each meeting's and action's hot fields as a row of values (``codec.HOT``: the text,
  owners, due date, status…) and the people registry. The second holds the rest: the cold
  fields (the source and its snippet, timestamps, mentions, the minutes' own facts) and the
  history. ``read_hot()`` parses the first line only; ``read()`` the second as well, when
  something asks for a cold field.
- ``actions.json.journal`` holds the changes made since the snapshot: a first line naming
  the snapshot it continues, then one line per change, its history entries (``{"2031":
  {"change": 12, …, "action": "a3f9c1", "field": "status", "old": "open", "new": "done"}}``).
  A change that only sets fields of records the store has (``done``, ``note``, ``assign``,
  ``due``, ``edit``, an ``undo`` of one of them) is appended as one line and synced;
  reading is the snapshot with its journal's lines applied. Anything else (an import, a
  new action or person) writes the snapshot whole, which folds the journal in; so does a
  change that finds the journal longer than a quarter of the snapshot's first line.
- A line cut off as it was written (a process killed half way) is left out, reported
  (``report``) and cut away: it never stops the store being read. Any other line that is
  not a change of this store is refused with ``CorruptStore`` naming the journal and the
  line. A journal that continues another snapshot (a write stopped between the two files)
  is left out.
- Writes of the snapshot are atomic: the whole database goes to a temporary file in the
  same folder, is fsynced and moved over the old file with ``os.replace``, so a reader (or
  a crash) only ever sees a complete old or a complete new file. The version a write
  replaces is kept as ``<file>.bak`` (a hard link, so it costs nothing).
- A store may sit in a folder that others can write to. Temporary files and the journal
  have names no one can guess or are created anew (``O_EXCL|O_NOFOLLOW``, mode 0600, then
  the store's own mode before any byte is written), so a link planted in the folder is
  never followed and no file is ever readable by more people than the store; a failed
  write removes its file. The lock file and the journal are never opened through a link
  (a journal that is a link, or has a second name, or is more open than the store, is
  replaced, not written to).
- One store, one name: the path is resolved (``realpath``) before anything is locked or
  written, so a symbolic link to the store is written through, not replaced; a store with a
  second hard link (another name, another lock) is refused with a message naming it.
- ``locked()`` holds an exclusive lock on ``<file>.lock`` for a read-modify-write; the lock
  file also counts the snapshot's writes, so a process knows whether its cached copy is
  still current without reading the files again, and says what the last write left (the
  size and CRC-32 of its first line, which holds those of the second): a file just as it
  was left needs no second look from ``validate``. A process that finds the lock taken
  sleeps in the kernel until it is free (or ``lock_timeout`` runs out): waiters do not
  poll. Readers take no lock: they read the snapshot, then its journal, and read again if
  either moved meanwhile.
- A file that is empty, not valid JSON, or that ``validate`` rejects raises
  ``CorruptStore`` naming the file; such a file is never overwritten. A store written by an
  earlier version (one JSON document) is read whole and written in this form by the next
  write.

Only what a command needs is imported: ``json`` for a snapshot of a few thousand actions
and for the journal, orjson for a big file (it parses faster than it costs to import).
TinyDB uses this class as a storage (``TinyDB(path, storage=AtomicStorage)``: ``read``,
``write``, ``close``) without it importing TinyDB, which would cost a third of a ``done``.

>>> storage = AtomicStorage("actions.json")
>>> with storage.locked():
...     data = storage.read() or codec.new_database()
...     data["people"]["Tomi Rask"] = {"aliases": []}
...     storage.write(data)

Data passed to ``write`` becomes the cache: the caller must not change it afterwards
outside ``locked()``.
"""

from __future__ import annotations

import gc
import json
import os
import stat
import zlib
from contextlib import contextmanager

from tracker import codec
from tracker.errors import CorruptStore, StoreError, StoreLocked
from tracker.i18n import _

try:
    import fcntl
except ImportError:  # Windows: the filelock package takes the lock
    fcntl = None

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing on every command
if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

__all__ = ["AtomicStorage"]

LOCK_TIMEOUT = 30.0
BIG = 1 << 20  # bytes from which orjson parses a file faster than it costs to import
FOLD_AT = 64 << 10  # the journal is folded past this many bytes, or a quarter of the first line
_NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)


class _Moved(Exception):
    """The files changed while a reader without the lock was reading them."""


class AtomicStorage:
    """The store's snapshot and journal; a TinyDB storage (``read``, ``write``, ``close``).

    ``validate(data, raw)`` (the parsed file and its bytes) may raise ``ValueError`` with a
    reason to refuse a file that parses as JSON but is not what the caller stores; it may
    also mend ``data`` in place (what is read, never the file). ``raw`` is None for a file
    just as this storage's last write (in any process) left it. ``validate_change(data,
    entry, raw)`` does the same for each history entry of a journal line (and returns it,
    mended). ``report(message)`` hears of a journal line that was cut off (default: a
    warning).
    """

    def __init__(
        self,
        path: str | os.PathLike,
        *,
        validate: Callable[[dict, bytes | None], None] | None = None,
        validate_change: Callable[[dict, dict, bytes], dict] | None = codec.check_change,
        report: Callable[[str], None] | None = None,
        lock_timeout: float = LOCK_TIMEOUT,
        access_mode: str = "r+",
    ) -> None:
        self.path = os.path.realpath(path)  # through a symbolic link, to the one file
        folder, name = os.path.split(self.path)
        self.backup = self.path + ".bak"
        self.journal = self.path + ".journal"
        self._folder, self._name = folder, name
        self._validate = validate
        self._validate_change = validate_change
        self._report = report
        self._read_only = access_mode == "r"
        self._lock = _FileLock(self.path + ".lock", lock_timeout, self.path)
        self.forget()

    # -- reading ---------------------------------------------------------------------------

    def read(self) -> dict | None:
        """The whole database (TinyDB's shape: tables of documents by id), or None when
        there is no store file."""
        data = self.read_hot()
        if data is not None and not self._whole:
            self._read_cold()
        return self._data

    def read_hot(self) -> dict | None:
        """The database with each meeting's and action's hot fields only (``codec.HOT``)
        and of the history only the changes since the snapshot; the same objects ``read``
        then fills in. None when there is no store file."""
        for _attempt in range(3):
            if self._data is not None and self._current():
                return self._data
            try:
                return self._load(locked=self._lock.held)
            except _Moved:
                continue
        with self.locked():  # the files keep moving: read them as a writer would
            return self._load(locked=True)

    @property
    def whole(self) -> bool:
        """Whether what was last read holds the cold fields and the whole history."""
        return self._whole

    def cached(self) -> dict | None:
        """The whole database as last read, without looking at the files again (for the
        cold fields of records already shown); ``read`` if it was not read whole."""
        return self._data if self._whole else self.read()

    def last(self) -> tuple[int, int]:
        """The number of the latest change and the key of its last history entry."""
        history = self._data["history"] if self._data is not None else {}
        if history:
            key = next(reversed(history))
            return history[key]["change"], int(key)
        return self._last

    def version(self) -> tuple:
        """What changes whenever the store does (the snapshot and the journal as files),
        for a poller; cheap, and no lock."""
        return (_signature(_stat(self.path)), _signature(_stat(self.journal)))

    def _current(self) -> bool:
        return self._seen == (self._lock.count(), _signature(_stat(self.path)),
                              _signature(_stat(self.journal)))

    def _load(self, *, locked: bool) -> dict | None:
        """Read the snapshot's first line (or an earlier version's whole file) and the
        journal. Without the lock, ``_Moved`` when the snapshot changed meanwhile."""
        count, written = self._lock.state()
        try:
            handle = open(self.path, "rb")
        except FileNotFoundError:
            self.forget()
            self._seen = (count, None, _signature(_stat(self.journal)))
            return None
        with handle:
            info = os.fstat(handle.fileno())
            if info.st_nlink > 1:
                self._check_links(info)
            first = handle.readline()
            if not first:
                raise self._corrupt(_("the file is empty (0 bytes), not a store (remove it to start "
                                      "a new store)"))
            hot = self._first_line(first) if first.endswith(b"\n") else None
            rest = handle.read() if hot is None else b""
        self.forget()
        if hot is None:  # a store written by an earlier version: one JSON document
            raw = first + rest
            data = self._checked(_loads(raw, self._corrupt), raw, written == _fingerprint(raw))
            self._data, self._whole = data, True
            journal = None
        else:
            data = self._hot_data(hot, first, trusted=written == _fingerprint(first))
            self._data = data
            journal = self._read_journal(data, locked=locked)
        if not locked and _signature(_stat(self.path)) != _signature(info):
            raise _Moved
        self._seen = (count, _signature(info), journal)
        return data

    def _first_line(self, first: bytes) -> dict | None:
        """The snapshot's first line, or None when the file is an earlier version's
        (whose first line is all of it, or not JSON on its own)."""
        try:
            hot = _loads(first, None)
        except ValueError:
            return None
        return hot if type(hot) is dict and "snapshot" in hot else None

    def _checked(self, data, raw: bytes, trusted: bool) -> dict:
        if type(data) is not dict or not all(isinstance(t, dict) for t in data.values()):
            raise self._corrupt(_("not a TinyDB database (expected an object of tables)"))
        if self._validate is not None:
            try:
                self._validate(data, None if trusted else raw)
            except ValueError as error:
                raise self._corrupt(str(error)) from None
        return data

    def _hot_data(self, hot: dict, raw: bytes, *, trusted: bool) -> dict:
        """The database of the first line: the hot fields, the people, no history."""
        try:
            snapshot = hot["snapshot"]
            columns = snapshot["columns"]
            self._token = _text(snapshot["journal"], "snapshot.journal")
            self._last = tuple(_numbers(snapshot["last"], 2, "snapshot.last"))
            self._cold = (len(raw), tuple(_numbers(snapshot["cold"], 2, "snapshot.cold")), trusted)
            self._columns = {table: frozenset(_names(columns.get(table), f"columns.{table}"))
                             for table in codec.HOT}
            data = {"meta": hot.get("meta")}
            for table in codec.HOT:
                data[table] = _rows(hot.get(table), columns[table], table, trusted=trusted)
            data["people"] = _pairs(hot.get("people"), "people")
            data["history"] = {}
        except (KeyError, TypeError, ValueError) as error:
            raise self._corrupt(_("not a minutes store's first line ({reason})").format(
                reason=_reason(error))) from None
        self._fold_at = max(FOLD_AT, len(raw) // 4)
        return self._checked(data, raw, trusted)

    def _read_cold(self) -> None:
        """Fill in the cold fields and the history from the second line of the snapshot
        the first was read from (read again when the file has changed since)."""
        offset, fingerprint, trusted = self._cold
        for _attempt in range(3):
            try:
                handle = open(self.path, "rb")
            except FileNotFoundError:
                raise self._corrupt(_("the file went away while it was read")) from None
            with handle:
                if _signature(os.fstat(handle.fileno())) == self._seen[1]:
                    handle.seek(offset)
                    raw = handle.read()
                    break
            self.forget()  # a new snapshot: read it from its first line
            if self.read_hot() is None:
                raise self._corrupt(_("the file went away while it was read"))
            offset, fingerprint, trusted = self._cold
        else:
            raise self._corrupt(_("the file keeps changing while it is read"))
        data = self._data
        try:
            cold = _loads(raw, self._corrupt)
            tables = cold.get("tables") or {}
            for table in codec.HOT:
                hot_fields = self._columns[table]
                docs = data[table]
                for key, doc in _pairs(cold.get(table), table).items():
                    if hot_fields.intersection(doc):
                        raise ValueError(_("{kind} {id} has a hot field in the second line").format(
                            kind=_(codec.KIND_OF[table]), id=key))
                    if key in docs:
                        docs[key].update(doc)
            history = _pairs(cold.get("history"), "history")
            for name, table in tables.items():
                if name in data or type(table) is not dict:
                    raise ValueError(_("the table {name} cannot be kept").format(name=repr(name)))
                data[name] = table
        except (AttributeError, TypeError, ValueError) as error:
            raise self._corrupt(_("not a minutes store's second line ({reason})").format(
                reason=_reason(error))) from None
        for table in codec.HOT:
            if isinstance(data[table], _Table):
                data[table].documents()  # whole: no row left for anyone to meet
        since = data["history"]  # the journal's, and a change under way
        for entry in since.values():
            self._apply(entry, cold=True)
        history.update(since)
        data["history"] = history
        self._whole = True
        self._checked(data, raw, trusted and _fingerprint(raw) == fingerprint)

    def _read_journal(self, data: dict, *, locked: bool) -> tuple | None:
        """Apply the journal's changes to ``data`` (the hot fields); its signature."""
        try:
            fd = os.open(self.journal, os.O_RDONLY | _NO_FOLLOW)
        except FileNotFoundError:
            return None
        except OSError as error:
            raise self._link_refused(error) from None
        with open(fd, "rb") as handle:
            info = os.fstat(handle.fileno())
            raw = handle.read()
        lines = raw.split(b"\n")
        try:
            header = json.loads(lines[0])
            token = header["journal"]
        except (ValueError, TypeError, KeyError):
            raise self._corrupt_journal(1, _("not the head of a journal")) from None
        if token != self._token:  # it continues another snapshot: a write stopped between
            if not locked:
                raise _Moved
            _remove(self.journal)  # the two files (the snapshot holds its changes), or a copy
            return None
        history = data["history"]
        change, key = self._last
        collecting = gc.isenabled()
        gc.disable()
        try:
            for number, line in enumerate(lines[1:-1], 2):
                change, key = self._journal_line(data, history, line, number, change, key)
        finally:
            if collecting:
                gc.enable()
        if lines[-1]:  # the last line has no end: cut off as it was written, or being written
            if not locked:
                raise _Moved
            self._cut(len(raw) - len(lines[-1]))
            return _signature(_stat(self.journal))
        return _signature(info)

    def _journal_line(self, data: dict, history: dict, line: bytes, number: int, change: int,
                      key: int) -> tuple[int, int]:
        try:
            entries = json.loads(line)
            if type(entries) is not dict or not entries:
                raise ValueError(_("not an object of history entries"))
            for name, entry in entries.items():
                key += 1
                if name != str(key):
                    raise ValueError(_("history entry {name} where {key} comes next").format(
                        name=repr(name), key=key))
                if self._validate_change is not None:
                    entry = self._validate_change(data, entry, line)
                if type(entry.get("change")) is not int or entry["change"] < change:
                    raise ValueError(_("history entry {name}: change {change} after {last}").format(
                        name=name, change=repr(entry.get("change")), last=change))
                change = entry["change"]
                self._apply(entry)
                history[name] = entry
        except ValueError as error:
            raise self._corrupt_journal(number, _reason(error)) from None
        return change, key

    def _apply(self, entry: dict, *, cold: bool = False) -> None:
        """Set the field a history entry changed to its new value: a hot field (of the
        first line, or the people's), or with ``cold`` a cold one, and the time of the
        change (as ``operations.Transaction.set`` does)."""
        kind = next(k for k in codec.KINDS if k in entry)
        table = codec.KINDS[kind]
        doc = self._data[table].get(entry[kind])
        if doc is None:
            return  # (``cold``: a record deleted since, in this process)
        field = entry["field"]
        hot = table not in self._columns or field in self._columns[table]
        if hot != cold:
            doc[field] = entry.get("new")
        if cold and "updated" in doc:
            doc["updated"] = entry["at"]

    def _cut(self, end: int) -> None:
        """Cut off the journal's unfinished last line (the lock is held)."""
        try:
            fd = os.open(self.journal, os.O_WRONLY | _NO_FOLLOW)
        except OSError:
            return
        try:
            os.ftruncate(fd, end)
            os.fsync(fd)
        finally:
            os.close(fd)
        message = _("{path}: the last change in it was cut off as it was written (a process stopped "
                    "half way); it is left out").format(path=self.journal)
        if self._report is not None:
            self._report(message)
        else:
            import warnings

            warnings.warn(message, stacklevel=4)

    def _check_links(self, info: os.stat_result) -> None:
        """Refuse a store that has another name (a hard link): each name would have a lock
        of its own, and the first write would part the two for good. The backup and a
        write's own temporary files share the store's file for a moment, and are no other
        name."""
        ours = {self._name, os.path.basename(self.backup)}
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
            where = (_("another name, {path}").format(path=os.path.join(self._folder, others[0])) if others
                     else _("{n} names, one of them in another folder").format(n=info.st_nlink))
            raise StoreError(_("{path}: the store has {where} (a hard link): each name would lock on its "
                               "own and a write would part them; keep one name (or copy the file to make "
                               "a second store)").format(path=self.path, where=where))

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
        if os.path.exists(self.backup):
            return CorruptStore(_("{path}: {reason}; the file is left as it is and the last good version is "
                                  "{backup}").format(path=self.path, reason=reason, backup=self.backup))
        return CorruptStore(_("{path}: {reason}; the file is left as it is").format(path=self.path, reason=reason))

    def _corrupt_journal(self, number: int, reason: str) -> CorruptStore:
        return CorruptStore(_("{path}: line {number}: {reason}; the store's journal is left as it is (the "
                              "changes in it since the snapshot are not read)").format(
            path=self.journal, number=number, reason=reason))

    def _link_refused(self, error: OSError) -> OSError | StoreError:
        if os.path.islink(self.journal):
            return StoreError(_("{path}: the store's journal is a symbolic link; it is not followed (remove "
                                "the link)").format(path=self.journal))
        return error

    # -- writing ---------------------------------------------------------------------------

    def holds(self, data: dict) -> bool:
        """Whether ``data`` is what this storage last read (and keeps up to date)."""
        return data is self._data

    def append(self, data: dict, entries: dict[str, dict]) -> None:
        """Add one change (its history entries by key, already made in ``data``, what
        ``read_hot`` or ``read`` returned) to the journal as one line, written and synced;
        the lock must be held. A store that has no journal to add to (an earlier version's
        file, a journal that is not as this storage left it) is written whole instead, as
        is one whose journal has grown past its share."""
        line = json.dumps(entries, ensure_ascii=False, separators=(",", ":")).encode() + b"\n"
        if self._read_only:
            raise StoreError(_("{path}: opened to read only").format(path=self.path))
        try:
            fd = self._journal_to_append() if data is self._data else None
        except BaseException:
            self.forget()  # the cache holds what did not reach the file
            raise
        if fd is None:
            self.write(data)
            return
        try:
            end = os.lseek(fd, 0, os.SEEK_END)
            try:
                _write_all(fd, line)
                os.fsync(fd)
            except BaseException:  # a full disk: no half line left behind
                os.ftruncate(fd, end)
                raise
            info = os.fstat(fd)
        except BaseException:
            self.forget()
            raise
        finally:
            os.close(fd)
        self._seen = (*self._seen[:2], _signature(info))
        if info.st_size > self._fold_at:
            self.write(self._data)

    def _journal_to_append(self) -> int | None:
        """The journal, open to append to; a new one when there is none; None when it
        cannot be trusted with a line (write the snapshot whole instead)."""
        if self._token is None:
            return None
        try:
            fd = os.open(self.journal, os.O_WRONLY | os.O_APPEND | _NO_FOLLOW)
        except FileNotFoundError:
            return self._new_journal()
        except OSError:
            if os.path.islink(self.journal):
                return None  # planted: the write whole replaces it
            raise
        info = os.fstat(fd)
        store = _stat(self.path)
        if (not stat.S_ISREG(info.st_mode) or info.st_nlink != 1 or store is None
                or stat.S_IMODE(info.st_mode) & ~stat.S_IMODE(store.st_mode)
                or _signature(info) != self._seen[2]):
            os.close(fd)
            return None
        return fd

    def _new_journal(self) -> int:
        """A journal for the snapshot as it is, open to append to (the lock is held)."""
        info = _stat(self.path)
        mode = stat.S_IMODE(info.st_mode) if info is not None else _new_file_mode()
        fd, temp = self._new_temp(mode)
        try:
            _write_all(fd, json.dumps({"journal": self._token}).encode() + b"\n")
            os.fsync(fd)
            os.replace(temp, self.journal)
        except BaseException:
            os.close(fd)
            _remove(temp)
            raise
        return fd

    def write(self, data: dict) -> None:
        """Replace the snapshot with ``data`` (the whole database) in one atomic step and
        start an empty journal (taking the lock if not held; hold ``locked()`` around the
        ``read()`` too, or another process's write is lost)."""
        if self._read_only:
            raise StoreError(_("{path}: opened to read only").format(path=self.path))
        with self.locked():
            info = _stat(self.path)
            if info is not None and info.st_nlink > 1:
                self._check_links(info)
            if info is not None and (data is not self._data or not self._current()):
                self.read_hot()  # raises CorruptStore rather than overwrite a bad file
            if data is self._data and not self._whole:
                self._read_cold()  # the change stays: the second line brings cold fields only
            try:
                self._replace(data, info)
            except BaseException:
                self.forget()  # the cache may hold what did not reach the file
                raise

    def _replace(self, data: dict, info: os.stat_result | None) -> None:
        token = os.urandom(8).hex()
        first, second = _encode(data, token)
        mode = stat.S_IMODE(info.st_mode) if info is not None else _new_file_mode()
        self._remove_stale_temps()
        temp = self._write_temp(first + second, mode)
        try:
            if info is not None and info.st_size:
                self._keep_backup(mode)
            os.replace(temp, self.path)
        except BaseException:
            _remove(temp)
            raise
        _remove(self.journal)  # its changes are in the snapshot (and it names the old one)
        count = self._lock.advance(_fingerprint(first))
        self.forget()
        self._data, self._whole, self._token = data, True, token
        self._cold = (len(first), _fingerprint(second), True)
        self._columns = {table: frozenset(columns) for table, columns in codec.HOT.items()}
        self._fold_at = max(FOLD_AT, len(first) // 4)
        self._seen = (count, _signature(_stat(self.path)), None)

    def _write_temp(self, payload: bytes, mode: int) -> str:
        """A new file beside the store holding ``payload``, never more open than ``mode``
        (made 0600, then ``mode``, before the first byte); removed again if writing fails."""
        fd, temp = self._new_temp(mode)
        try:
            try:
                _write_all(fd, payload)
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
        # a write killed after this step left the backup a link to the file itself: then
        # the rename did nothing (POSIX: the same file under both names) and the name stays
        _remove(staged)

    # -- locking ---------------------------------------------------------------------------

    @contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the store's lock (re-entrant) around a read-modify-write."""
        if not self._lock.held:
            os.makedirs(self._folder, exist_ok=True)
        self._lock.acquire()
        try:
            yield
        finally:
            self._lock.release()

    def forget(self) -> None:
        """Drop the cached database (after a change that failed half way)."""
        self._data: dict | None = None
        self._whole = False
        self._seen: tuple | None = None  # (write count, snapshot's signature, journal's)
        self._token: str | None = None  # the journal this snapshot is continued by
        self._last = (0, 0)  # (change, history key) of the snapshot's latest change
        self._cold: tuple | None = None  # (offset of the second line, its fingerprint, trusted)
        self._columns: dict[str, frozenset[str]] = {}
        self._fold_at = FOLD_AT

    def close(self) -> None:
        self.forget()
        self._lock.close()


class _FileLock:
    """An exclusive, re-entrant lock on a file that also holds the number of writes.

    POSIX: ``flock`` on the file, released by the kernel if the process dies. Elsewhere:
    the ``filelock`` package (imported only there; it is slow to import) and no write count.
    """

    def __init__(self, path: str, timeout: float, store: str) -> None:
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
                raise StoreError(_("{path}: the store's lock file is a symbolic link; it is not "
                                   "followed (remove the link)").format(path=self.path)) from None
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
                raise StoreLocked(_("{path}: another process has held the lock for {seconds:g} s").format(
                    path=self.path, seconds=self.timeout)) from None
        self._fd = fd

    def _acquire_portable(self) -> None:
        if self._portable is None:
            from filelock import FileLock

            self._portable = FileLock(self.path)
        from filelock import Timeout

        try:
            self._portable.acquire(timeout=self.timeout)
        except Timeout:
            raise StoreLocked(_("{path}: another process has held the lock for {seconds:g} s").format(
                path=self.path, seconds=self.timeout)) from None

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
        """How many writes the store has had, and the fingerprint (size, CRC-32) of what
        the last one left (None where the lock file cannot say)."""
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


# -- the files' form --------------------------------------------------------------------------


def _encode(data: dict, token: str) -> tuple[bytes, bytes]:
    """The snapshot's two lines: the hot fields as rows and the people; the cold fields,
    the history and any other table. The first names the journal that continues it and
    holds the second's fingerprint."""
    import orjson

    first: dict = {"meta": data.get("meta") or {}}
    second: dict = {}
    for table, columns in codec.HOT.items():
        docs = data.get(table) or {}
        hot = frozenset(columns)
        first[table] = [[key, *[doc.get(column) for column in columns]] for key, doc in docs.items()]
        second[table] = [[key, {f: v for f, v in doc.items() if f not in hot}] for key, doc in docs.items()]
    first["people"] = [[name, doc] for name, doc in (data.get("people") or {}).items()]
    history = data.get("history") or {}
    second["history"] = [[key, entry] for key, entry in history.items()]
    others = {name: table for name, table in data.items()
              if name not in ("meta", "people", "history", *codec.HOT)}
    if others:
        second["tables"] = others
    cold = orjson.dumps(second) + b"\n"
    key = next(reversed(history), None)
    last = [history[key]["change"], int(key)] if key is not None else [0, 0]
    first["snapshot"] = {"journal": token, "last": last, "cold": list(_fingerprint(cold)),
                         "columns": {table: list(columns) for table, columns in codec.HOT.items()}}
    return orjson.dumps(first) + b"\n", cold


def _loads(raw: bytes, corrupt: Callable[[str], CorruptStore] | None):
    """Parse JSON (with the cyclic collector paused: it would only walk the new objects).
    ``corrupt`` makes the error for what is not JSON; None: ``ValueError``."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        if len(raw) >= BIG:
            import orjson

            return orjson.loads(raw)
        return json.loads(raw)
    except (ValueError, RecursionError) as error:  # JSONDecodeError, bad UTF-8, too deep
        if corrupt is None:
            raise ValueError(str(error)) from None
        raise corrupt(_("not valid JSON ({error})").format(error=str(error).splitlines()[0][:80])) from None
    finally:
        if collecting:
            gc.enable()


def _document_of(columns: tuple[str, ...]) -> Callable[[list], dict]:
    """The function that makes a row ``[id, value…]`` of these columns a document, written
    out as a dict display (as ``collections.namedtuple`` writes its methods): twice as fast
    as ``dict(zip(…))``, a third of reading a listing's rows. Only for the columns of
    ``codec.HOT``, never for names read from a file."""
    display = ", ".join(f"{column!r}: row[{n}]" for n, column in enumerate(columns, 1))
    return eval(f"lambda row: {{{display}}}")


_DOCUMENT_OF = {tuple(columns): _document_of(columns) for columns in codec.HOT.values()}


def _rows(rows, columns: list[str], name: str, *, trusted: bool = False) -> _Table:
    """The rows of the table ``name``, ``[id, value of each column…]``, as documents by id
    (``trusted``: rows as this storage wrote them, whose form needs no second look)."""
    if type(rows) is not list:
        raise ValueError(_("the {table} table is not a list of rows").format(table=name))
    width = len(columns) + 1
    if not trusted:
        for row in rows:
            if type(row) is not list or len(row) != width or type(row[0]) is not str:
                raise ValueError(_("a row of the {table} table is not its id and {n} values").format(
                    table=name, n=width - 1))
    table = _Table({row[0]: row for row in rows})
    if len(table) != len(rows):
        raise codec.twice(name, _twice(rows))
    table.document = _DOCUMENT_OF.get(tuple(columns)) or (lambda row: dict(zip(columns, row[1:])))
    return table


class _Table(dict):
    """A table of the snapshot's first line, whose rows become documents when first asked
    for: an update verb reads one action of thousands. Every way of reading a value
    (``[]``, ``get``, ``items``, ``values``, ``pop``…) gives documents; the keys, ``in`` and
    ``len`` need none."""

    __slots__ = ("document",)

    def __getitem__(self, key: str) -> dict:
        value = dict.__getitem__(self, key)
        if type(value) is list:  # a row still
            value = self.document(value)
            dict.__setitem__(self, key, value)
        return value

    def documents(self) -> _Table:
        """The table with every row made a document."""
        document = self.document
        for key, value in dict.items(self):
            if type(value) is list:
                dict.__setitem__(self, key, document(value))
        return self

    def get(self, key: str, default=None):
        return self[key] if key in self else default

    def items(self):
        return dict.items(self.documents())

    def values(self):
        return dict.values(self.documents())

    def pop(self, key: str, *default):
        if key not in self:
            return dict.pop(self, key, *default)
        value = self[key]
        del self[key]
        return value

    def popitem(self):
        return dict.popitem(self.documents())

    def setdefault(self, key: str, default=None):
        if key in self:
            return self[key]
        self[key] = default
        return default

    def copy(self) -> dict:
        return dict(self.items())

    def __eq__(self, other) -> bool:
        return dict.__eq__(self.documents(), other)

    __hash__ = None

    def __repr__(self) -> str:
        return dict.__repr__(self.documents())

    def __reduce__(self):
        return dict, (self.copy(),)


def _pairs(pairs, table: str) -> dict[str, dict]:
    """The table's pairs of ``[id, document]`` as documents by id."""
    if pairs is None:
        return {}
    if type(pairs) is not list:
        raise ValueError(_("the {table} table is not a list").format(table=table))
    for pair in pairs:
        if type(pair) is not list or len(pair) != 2 or type(pair[0]) is not str or type(pair[1]) is not dict:
            raise ValueError(_("an entry of the {table} table is not its id and an object").format(table=table))
    docs = dict(pairs)
    if len(docs) != len(pairs):
        raise codec.twice(table, _twice(pairs))
    return docs


def _twice(rows: list[list]) -> str:
    seen = set()
    for row in rows:
        if row[0] in seen:
            return row[0]
        seen.add(row[0])
    return "?"


def _names(value, what: str) -> list[str]:
    if type(value) is not list or not all(type(name) is str for name in value):
        raise ValueError(_("{what} is not a list of names").format(what=what))
    return value


def _numbers(value, count: int, what: str) -> list[int]:
    if type(value) is not list or len(value) != count or not all(type(n) is int for n in value):
        raise ValueError(_("{what} is not {count} numbers").format(what=what, count=count))
    return value


def _text(value, what: str) -> str:
    if type(value) is not str:
        raise ValueError(_("{what} is not a text").format(what=what))
    return value


def _reason(error: Exception) -> str:
    if isinstance(error, KeyError):
        return _("no field {name}").format(name=repr(error.args[0]))
    return str(error)


def _write_all(fd: int, payload: bytes) -> None:
    view = memoryview(payload)
    while view:
        view = view[os.write(fd, view):]


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


def _stat(path: str) -> os.stat_result | None:
    try:
        return os.stat(path)
    except FileNotFoundError:
        return None


def _signature(info: os.stat_result | None) -> tuple | None:
    """What tells one version of a file from another without reading it."""
    return None if info is None else (info.st_ino, info.st_size, info.st_mtime_ns)


_STATE_BYTES = 64  # "count size crc32", padded


def _fingerprint(payload: bytes) -> tuple[int, int]:
    """What tells a file from any other a write could have left: its size and CRC-32."""
    return len(payload), zlib.crc32(payload)


def _parse_state(raw: bytes) -> tuple[int, tuple | None]:
    """The lock file's write count and the fingerprint of what the last write left (an
    older lock file holds only the count; anything unreadable counts as nothing)."""
    words = raw.split(b"\n", 1)[0].split()
    try:
        count = int(words[0]) if words else 0
        written = tuple(int(w) for w in words[1:3]) if len(words) >= 3 else None
    except ValueError:
        return 0, None
    return count, written
