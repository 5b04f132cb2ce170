"""Several processes on one store: no update lost, never an unreadable file.

Real processes, not threads: four update different actions while two import meetings, all
at once; then a writer is killed with SIGKILL at random moments, again and again, between
lines of the journal and in writes of the whole store.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from store_helpers import action, minutes, stored
from tracker import ActionStore

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
ENV = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), str(HERE)])}

UPDATER = """
import sys, time
from pathlib import Path
from tracker import ActionStore
path, worker, ids = sys.argv[1], sys.argv[2], sys.argv[3:]
while not Path(path + ".go").exists():
    time.sleep(0.001)
with ActionStore(path, user=worker) as store:
    for n, action_id in enumerate(ids):
        store.note(action_id, f"{worker} note {n}")
        if n % 2:
            store.complete(action_id)
"""

IMPORTER = """
import sys, time
from datetime import date, timedelta
from pathlib import Path
from store_helpers import action, minutes, stored
from tracker import ActionStore
path, worker = sys.argv[1], sys.argv[2]
while not Path(path + ".go").exists():
    time.sleep(0.001)
with ActionStore(path, user=worker) as store:
    for n in range(5):
        store.import_minutes(minutes(*[action(f"{worker} meeting {n} task {k}") for k in range(10)],
                                     title=f"{worker} meeting", day=date(2026, 1, 1) + timedelta(days=n)))
"""

WRITER = """
import sys
from tracker import ActionStore
path, action_id, other_id, round_ = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
with ActionStore(path, user="writer") as store:
    n = 0
    while True:
        store.note(action_id, f"{round_}:{n}")  # a line of the journal
        if n % 3 == 2:  # a new person: the whole store written, the journal folded in
            store.assign(other_id, f"Henkilö {round_}-{n}", new=True)
        print(n, flush=True)
        n += 1
"""


def test_concurrent_updaters_and_importers_lose_nothing(tmp_path):
    path = tmp_path / "actions.json"
    with ActionStore(path, user="setup") as store:
        store.import_minutes(minutes(*[action(f"Tehtävä {n}", "Anna Virtanen") for n in range(100)]))
        ids = [a.id for a in store.actions()]
    workers = [
        subprocess.Popen([sys.executable, "-c", UPDATER, str(path), f"w{k}", *ids[k * 25:(k + 1) * 25]],
                         env=ENV, stderr=subprocess.PIPE)
        for k in range(4)
    ] + [
        subprocess.Popen([sys.executable, "-c", IMPORTER, str(path), f"importer{k}"],
                         env=ENV, stderr=subprocess.PIPE)
        for k in range(2)
    ]
    time.sleep(0.3)  # let them all start and wait at the line
    Path(str(path) + ".go").touch()
    for worker in workers:
        assert worker.wait(timeout=120) == 0, worker.stderr.read().decode()

    data = stored(path)  # valid, the journal too
    assert len(data["meetings"]) == 1 + 2 * 5
    assert len(data["actions"]) == 100 + 2 * 5 * 10
    with ActionStore(path) as store:
        for k in range(4):
            for n, action_id in enumerate(ids[k * 25:(k + 1) * 25]):
                done = store.action(action_id)
                assert [(note.by, note.text) for note in done.notes] == [(f"w{k}", f"w{k} note {n}")]
                assert done.status == ("done" if n % 2 else "open")
        history = store.history()
        assert len({c.change for c in history}) == 1 + 4 * (25 + 12) + 2 * 5
        assert sum(c.field == "created" and c.kind == "action" for c in history) == 200


def test_a_writer_killed_again_and_again_never_leaves_an_unreadable_store(tmp_path):
    path = tmp_path / "actions.json"
    with ActionStore(path, user="setup") as store:  # big enough that a write takes a while
        store.import_minutes(minutes(*[action(f"Tehtävä {n} " + "sana " * 20) for n in range(1500)]))
        target, other = [a.id for a in store.actions()[:2]]
    rng = random.Random(4)
    before: list[str] = []
    cut_mid_write = 0
    for round_ in range(60):  # 20 rounds, and more until a kill has cut a write half way
        if round_ >= 20 and cut_mid_write:
            break
        writer = subprocess.Popen([sys.executable, "-c", WRITER, str(path), target, other, str(round_)],
                                  env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        first = writer.stdout.readline()
        assert first.strip() == "0", writer.stderr.read()
        time.sleep(rng.uniform(0, 0.08))
        os.kill(writer.pid, signal.SIGKILL)
        writer.wait()
        printed = [first, *writer.stdout.read().splitlines()]
        last_printed = int(printed[-1])
        cut_mid_write += any(tmp_path.glob(".actions.json.*.tmp"))

        data = stored(path)  # whole and valid: never torn
        assert len(data["actions"]) == 1500
        with ActionStore(path) as store:
            notes = [n.text for n in store.action(target).notes]
        assert notes[:len(before)] == before
        this_round = [n for n in notes if n.startswith(f"{round_}:")]
        # every write that said it was done is there; at most one more got in before the kill
        assert this_round == [f"{round_}:{n}" for n in range(len(this_round))]
        assert last_printed + 1 <= len(this_round) <= last_printed + 2
        before = notes
    assert cut_mid_write  # some kills did land between writing the new file and replacing
    with ActionStore(path, user="after") as store:  # the next write removes what a kill left
        store.assign(other, "Henkilö viimeinen", new=True)
    assert {p.name for p in tmp_path.iterdir()} == {"actions.json", "actions.json.bak",
                                                     "actions.json.lock"}
    backup = stored(tmp_path / "actions.json.bak")
    assert len(backup["actions"]) == 1500


def test_a_process_holding_the_lock_makes_another_wait_not_fail(tmp_path):
    path = tmp_path / "actions.json"
    with ActionStore(path, user="setup") as store:
        store.import_minutes(minutes(action("Tehtävä")))
        target = store.actions()[0].id
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sys, time\n"
        "from tracker import ActionStore\n"
        "store = ActionStore(sys.argv[1], user='holder')\n"
        "with store.batch():\n"
        "    store.note(sys.argv[2], 'first')\n"
        "    print('holding', flush=True)\n"
        "    time.sleep(0.5)\n"), str(path), target], env=ENV, stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "holding"
    started = time.monotonic()
    with ActionStore(path, user="second") as store:
        store.note(target, "second")
        waited = time.monotonic() - started
        assert [n.text for n in store.action(target).notes] == ["first", "second"]
    assert holder.wait(timeout=10) == 0
    assert waited > 0.2
