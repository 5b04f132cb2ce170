"""A store in a folder that others can write to (issue 11): nothing outside the store is
touched, the store is never more readable than it is, one file has one name, and a process
waiting for the lock sleeps until it is free.

Items: 4 (links planted in the store's folder), 5 (the temporary file's mode; a write that
fails on a full disk, made with ``RLIMIT_FSIZE``), 6 (a symbolic and a hard link to the
store), 11 (lock waiters). None of these needs root.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from store_helpers import action, minutes
from store_helpers import run_cli as run
from tracker import ActionStore, StoreError, StoreLocked

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
ENV = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), str(HERE)]), "USER": "tester"}
SECRET = "ssh-ed25519 AAAAC3Nza… someone@example.invalid\n"


@pytest.fixture
def folder(tmp_path):
    """A shared folder holding a store with two actions, and a victim file outside it."""
    shared = tmp_path / "shared"
    shared.mkdir()
    with ActionStore(shared / "a.json", user="anna") as store:
        store.import_minutes(minutes(action("Varaa sali", "Anna Virtanen"),
                                     action("Lähetä kutsu", "Pekka Nieminen")))
    victim = tmp_path / "authorized_keys"
    victim.write_text(SECRET)
    victim.chmod(0o600)
    return shared


def first_id(store_file: Path) -> str:
    with ActionStore(store_file) as store:
        return store.actions()[0].id


def mode(path: Path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


# -- item 4: links planted beside the store ---------------------------------------------------


@pytest.mark.parametrize("planted", [".a.json.tmp", ".a.json.bak.tmp", "a.json.bak"])
def test_a_link_planted_in_the_folder_is_never_written_through(folder, planted):
    victim = folder.parent / "authorized_keys"
    os.symlink(victim, folder / planted)
    store_file = folder / "a.json"

    assert run("done", first_id(store_file), "--store", str(store_file)).exit_code == 0
    assert run("note", first_id(store_file), "kysytty", "--store", str(store_file)).exit_code == 0

    assert victim.read_text() == SECRET and mode(victim) == 0o600
    with ActionStore(store_file) as store:
        assert store.actions(status="done")


def test_a_lock_file_that_is_a_link_is_refused_and_not_followed(folder):
    victim = folder.parent / "authorized_keys"
    store_file = folder / "a.json"
    action_id = first_id(store_file)
    (folder / "a.json.lock").unlink()
    os.symlink(victim, folder / "a.json.lock")
    before = store_file.read_bytes()

    result = run("done", action_id, "--store", str(store_file))

    assert result.exit_code == 2 and "a.json.lock" in result.stderr and "link" in result.stderr
    assert len(result.stderr.splitlines()) == 1
    assert victim.read_text() == SECRET and mode(victim) == 0o600
    assert store_file.read_bytes() == before


# -- item 5: never more open than the store -----------------------------------------------------


def test_every_byte_of_a_private_store_is_written_to_a_file_no_more_open_than_it(folder, monkeypatch):
    store_file = folder / "a.json"
    store_file.chmod(0o600)
    os.umask(umask := os.umask(0o022))  # the usual umask: new files 0644
    seen: list[int] = []
    write = os.write

    def watched(fd, data):
        seen.append(stat.S_IMODE(os.fstat(fd).st_mode))
        return write(fd, data)

    monkeypatch.setattr(os, "write", watched)
    try:
        with ActionStore(store_file, user="anna") as store:
            store.add("Tilaa kahvit")  # the store written whole
            store.complete(store.actions()[0].id)  # a line of its journal
    finally:
        os.umask(umask)
    monkeypatch.undo()

    assert seen and all(m & 0o077 == 0 for m in seen), [oct(m) for m in seen]
    assert mode(store_file) == 0o600 and mode(folder / "a.json.bak") == 0o600
    assert mode(folder / "a.json.journal") == 0o600


@pytest.mark.parametrize("verb", [["add", "Tilaa kahvit"], ["note", "{id}", "soitettu " * 40]],
                         ids=["written whole", "a line of the journal"])
def test_a_write_that_fails_on_a_full_disk_leaves_no_copy_of_the_store_and_the_store_as_it_was(folder, verb):
    """``ulimit -f``: the update's write fails half way (EFBIG), as on a full disk."""
    store_file = folder / "a.json"
    with ActionStore(store_file, user="anna") as store:
        store.import_minutes(minutes(*[action(f"Tehtävä {n} " + "sana " * 30) for n in range(300)],
                                     title="Toinen kokous"))
        store.note(store.actions()[0].id, "aloitettu")  # the journal has a line
    store_file.chmod(0o600)
    action_id = first_id(store_file)
    journal = folder / "a.json.journal"
    before, journal_before = store_file.read_bytes(), journal.read_bytes()
    names = {p.name for p in folder.iterdir()}
    limit = len(before) // 2 if verb[0] == "add" else len(journal_before) + 100
    code = ("import resource, sys; from tui.cli import main\n"
            f"resource.setrlimit(resource.RLIMIT_FSIZE, ({limit}, {limit}))\n"
            "sys.exit(main(sys.argv[1:]))")

    done = subprocess.run([sys.executable, "-c", code, *[w.format(id=action_id) for w in verb],
                           "--store", str(store_file)],
                          env=ENV, capture_output=True, text=True, cwd=ROOT, umask=0o022)

    assert done.returncode == 2, done.stderr
    assert len(done.stderr.splitlines()) == 1 and "a.json" in done.stderr
    assert "Traceback" not in done.stderr
    assert store_file.read_bytes() == before and journal.read_bytes() == journal_before
    assert {p.name for p in folder.iterdir()} == names  # no temporary file left behind
    assert mode(store_file) == 0o600


# -- item 6: one store, one name ----------------------------------------------------------------


def test_a_store_reached_through_a_symbolic_link_stays_one_file(folder, tmp_path):
    store_file = folder / "a.json"
    link = tmp_path / "my-actions.json"
    link.symlink_to(store_file)
    action_id = first_id(store_file)

    assert run("done", action_id, "--store", str(link)).exit_code == 0
    assert run("note", action_id, "soitettu", "--store", str(store_file)).exit_code == 0

    assert link.is_symlink() and os.path.samefile(link, store_file)
    with ActionStore(link) as through_link:
        a = through_link.action(action_id)
        assert a.status == "done" and [n.text for n in a.notes] == ["soitettu"]
    assert not (tmp_path / "my-actions.json.lock").exists()  # one lock, beside the file itself


def test_a_store_with_a_second_hard_link_is_refused_by_both_names(folder, tmp_path):
    store_file = folder / "a.json"
    action_id = first_id(store_file)
    other, elsewhere = folder / "copy.json", tmp_path / "elsewhere.json"
    os.link(store_file, other)
    before = store_file.read_bytes()

    for name in (other, store_file):
        result = run("done", action_id, "--store", str(name))
        assert result.exit_code == 2 and "hard link" in result.stderr
        assert len(result.stderr.splitlines()) == 1
        listed = run("actions", "--store", str(name))
        assert listed.exit_code == 2 and "hard link" in listed.stderr
    assert "copy.json" in run("actions", "--store", str(store_file)).stderr
    other.unlink()
    os.link(store_file, elsewhere)  # a second name in another folder cannot be named, only counted
    assert "another folder" in run("done", action_id, "--store", str(store_file)).stderr
    assert store_file.read_bytes() == before and os.path.samefile(store_file, elsewhere)


def test_the_backup_sharing_the_stores_file_after_a_crash_is_no_second_name(folder):
    """A write killed between keeping the backup and replacing the file leaves the backup
    as a second link to the store: that is no reason to refuse it."""
    store_file = folder / "a.json"
    backup = folder / "a.json.bak"
    backup.unlink(missing_ok=True)
    os.link(store_file, backup)
    os.link(store_file, folder / ".a.json.0123456789ab.tmp")

    assert run("done", first_id(store_file), "--store", str(store_file)).exit_code == 0
    assert run("add", "Tilaa kahvit", "--store", str(store_file)).exit_code == 0  # written whole
    assert not (folder / ".a.json.0123456789ab.tmp").exists()


# -- item 11: waiting for the lock ----------------------------------------------------------------


HOLDER = """
import sys, time
from tracker import ActionStore
store = ActionStore(sys.argv[1], user='holder')
with store.batch():
    store.note(sys.argv[2], 'holder')
    print('holding', flush=True)
    time.sleep(float(sys.argv[3]))
"""

WAITER = """
import resource, sys, time
from tracker import ActionStore
from tracker.errors import StoreLocked
store = ActionStore(sys.argv[1], user='waiter')
store.actions()
before = resource.getrusage(resource.RUSAGE_SELF).ru_nvcsw
store.note(sys.argv[2], 'waiter')
print(resource.getrusage(resource.RUSAGE_SELF).ru_nvcsw - before)
"""


def hold(store_file: Path, action_id: str, seconds: float) -> subprocess.Popen:
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(store_file), action_id, str(seconds)],
                              env=ENV, stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "holding"
    return holder


def test_a_process_waiting_for_the_lock_sleeps_until_it_is_free_instead_of_polling(folder):
    store_file = folder / "a.json"
    action_id = first_id(store_file)
    holder = hold(store_file, action_id, 2.0)
    waiter = subprocess.run([sys.executable, "-c", WAITER, str(store_file), action_id], env=ENV,
                            capture_output=True, text=True)
    assert holder.wait(timeout=10) == 0
    assert waiter.returncode == 0, waiter.stderr
    # a poll wakes up every few milliseconds (about 100 times in these 2 s); a waiter in the
    # kernel wakes up once, when the lock is let go (and a few times more to start and join
    # the thread that waits)
    assert int(waiter.stdout) < 30
    with ActionStore(store_file) as store:
        assert [n.text for n in store.action(action_id).notes] == ["holder", "waiter"]


def test_a_waiter_gives_up_after_its_timeout_and_leaves_the_lock_free_for_others(folder):
    store_file = folder / "a.json"
    action_id = first_id(store_file)
    holder = hold(store_file, action_id, 1.5)
    impatient = ActionStore(store_file, user="impatient")
    impatient._storage._lock.timeout = 0.3
    started = time.monotonic()
    with pytest.raises(StoreLocked) as error:
        impatient.note(action_id, "never")
    assert time.monotonic() - started < 1.2 and "a.json.lock" in str(error.value)
    assert holder.wait(timeout=10) == 0
    with ActionStore(store_file, user="later") as later:  # the lock is free again
        later.note(action_id, "later")
        assert [n.text for n in later.action(action_id).notes] == ["holder", "later"]
    impatient.close()
    with pytest.raises(StoreError):
        raise StoreLocked("a StoreLocked is a StoreError")
