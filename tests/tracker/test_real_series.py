"""Following real series through: one team's weekly minutes (#01–#05 of
``../shared/realworld``) and one board's meetings (#25, #08–#11), each imported in the order
the meetings were held.

The parser's extraction of actions from these files is still growing, so the checks are
the ones that stay true whatever it finds: every meeting joins its series; what the later
minutes say of an earlier task the import found is applied (``SAID``: read by a person,
by file and line, no text of the documents copied here); and nothing else changes: no
status changes without a status line about that action, no action of another owner is
settled, no new action is swallowed as a repeat but of the task it repeats, and every action
found is either added or such a repeat. An edited version of each set of minutes (every
action reworded, one gone) keeps every action with its id, status, notes and history, and
the one gone is vanished. The same checks run twice: on the actions the parser
finds, and on the gold actions of the same files (what a careful secretary found), so that
they hold on every task of the series, not only on those found today.

A line is where its block starts, as the store keeps it: a table's rows all stand at the
table's first line. The figures (how many checks hold) print with ``pytest -s``. Skipped
when ``../shared/realworld`` is not beside the clone.
"""

from __future__ import annotations

import dataclasses
import json
import re
from datetime import date
from pathlib import Path

import pytest

from minutes import parse
from minutes.model import Action, Origin
from minutes.people import PeopleIndex
from tracker import ActionStore

REAL = Path(__file__).resolve().parents[3] / "shared" / "realworld"

pytestmark = pytest.mark.skipif(not (REAL / "raw").is_dir(), reason="../shared/realworld is not beside the clone")

SERIES = {  # the files of a series, by number, in the order the meetings were held
    "weekly": ("01", "02", "03", "05", "04"),
    "board": ("25", "08", "09", "10", "11"),
}
# What the later minutes say of an earlier task: (later file, line) -> (earlier file, the
# task's line, the status they mean). The weekly team's action table carries one task over
# with its state column; the board's minutes never report on an earlier task.
SAID = {
    "weekly": {("04", 63): ("05", 63, "open")},
    "board": {},
}


def raw(number: str) -> Path:
    (path,) = (REAL / "raw").glob(f"{number}_*.txt")
    return path


def line_of(text: str, lines: list[str]) -> int:
    """The line of the file that holds most of the words of ``text`` (a gold action); for a
    table row, the table's first line."""
    words = re.findall(r"\w+", text.casefold())

    def held(line: str) -> int:
        found = set(re.findall(r"\w+", line.casefold()))
        return sum(w in found for w in words)

    i = max(range(len(lines)), key=lambda i: (held(lines[i]), -i))
    while "|" in lines[i] and i > 0 and "|" in lines[i - 1]:
        i -= 1
    return i + 1


def with_gold_actions(minutes, path: Path):
    """The parsed minutes with the gold file's actions instead of the parser's."""
    gold = json.loads((REAL / "gold" / f"{path.stem}.json").read_text(encoding="utf-8"))
    lines = path.read_text(encoding="utf-8").splitlines()
    actions = [Action(a["text"], list(a["owners"]), date.fromisoformat(a["due"]) if a["due"] else None,
                      None, None, Origin(line=line_of(a["text"], lines)), a["text"], "gold")
               for a in gold["actions"]]
    return dataclasses.replace(minutes, actions=actions)


class Checks:
    """Named checks that either hold or not; every one is counted."""

    def __init__(self) -> None:
        self.failed: list[str] = []
        self.count = 0

    def __call__(self, held: bool, what: str) -> None:
        self.count += 1
        if not held:
            self.failed.append(what)


def follow(series: str, actions: str, store: ActionStore) -> Checks:
    check = Checks()
    numbers = SERIES[series]
    meeting_of: dict[str, str] = {}
    for number in numbers:
        path = raw(number)
        minutes = parse(path)
        if actions == "gold":
            minutes = with_gold_actions(minutes, path)
        before = {a.id: a for a in store.actions()}
        result = store.import_minutes(minutes)
        meeting_of[number] = result.meeting
        found = {a.id: a for a in store.actions()}
        check(len(result.added) + len(result.repeats) == len(minutes.actions),
              f"{number}: every action found is added or a repeat")
        people = PeopleIndex([a.name for a in minutes.attendees])
        for f in result.follow_up:
            earlier = next(n for n, mid in meeting_of.items() if mid == f["meeting"]["id"])
            told = SAID[series].get((number, f["line"]))
            action = found[f["id"]]
            what = f"{number}:{f['line']} about {earlier}:{action.source.get('line')}"
            if f["outcome"] == "applied":
                # a change (or a carry-over) only from a line about that very task
                check(told is not None and told[:2] == (earlier, action.source.get("line"))
                      and told[2] == f["status"], f"{what}: {f['status']} applied, not said so")
                named = {people.resolve(w) for w in re.findall(r"[A-ZÅÄÖ][\w-]+", f["sentence"])} - {None}
                check(not named or bool(named & set(action.owners)) or not action.owners,
                      f"{what}: settles an action of another owner")
            if action.status != before[f["id"]].status:
                check(f["outcome"] == "applied", f"{what}: a proposal changed a status")
            if f["outcome"] == "proposed":  # never with the owner named and one action fitting best
                check(f["doubt"] in ("the owner is not named", "few words in common")
                      or f["doubt"].startswith("fits "), f"{what}: proposed without a doubt")
        for r in result.repeats:
            new = minutes.actions[r["index"]]
            told = SAID[series].get((number, new.origin.line if new.origin else None))
            earlier_action = found[r["id"]]
            earlier = next(n for n, mid in meeting_of.items() if mid == earlier_action.meeting.id)
            check(told is not None and told[:2] == (earlier, earlier_action.source.get("line")),
                  f"{number}: a new action swallowed as a repeat of {earlier}:{earlier_action.source.get('line')}")
        # what the minutes say of an earlier task the import found is applied
        for (later, line), (earlier, task_line, status) in SAID[series].items():
            if later != number or earlier not in meeting_of:
                continue
            tasks = [a for a in found.values()
                     if a.meeting.id == meeting_of[earlier] and a.source.get("line") == task_line]
            for task in tasks:
                check(any(m.meeting == result.meeting and m.line == line and m.status == status and m.applied
                          for m in task.mentions), f"{later}:{line} not applied to {earlier}:{task_line}")
    series_names = {store.meeting(mid).series for mid in meeting_of.values()}
    check(len(series_names) == 1, f"{series}: the meetings form one series ({sorted(series_names)})")
    return check


# a secretary's later edit: the same task, with a deadline added (in the minutes' language)
DEADLINE = {"fi": "viikon loppuun mennessä", "sv": "senast på fredag", "en": "by the end of the week"}


@pytest.mark.parametrize("series", sorted(SERIES))
def test_an_edited_version_of_real_minutes_keeps_every_action_and_hides_the_one_it_drops(tmp_path, series):
    """Each meeting's gold actions imported, closed and noted by members; then an edited
    version of the same minutes: every action reworded (a deadline added), the last one gone.
    Every reworded action keeps its id, status, notes and history; the one gone is vanished
    if it was open."""
    check = Checks()
    with ActionStore(tmp_path / "actions.json", user="sihteeri") as store:
        for number in SERIES[series]:
            path = raw(number)
            minutes = with_gold_actions(parse(path), path)
            if not minutes.actions:
                continue
            result = store.import_minutes(minutes)
            ids = [a["id"] for a in result.added]
            for n, action_id in enumerate(ids[:-1]):
                if n % 2:
                    store.complete(action_id)
                store.note(action_id, f"a member's note {n}")
            before = {a.id: (a.status, a.notes, len(store.history(a.id))) for a in store.actions()}
            edited = dataclasses.replace(
                minutes, source=dataclasses.replace(minutes.source, sha256="edited-" + minutes.source.sha256),
                actions=[dataclasses.replace(a, text=f"{a.text.rstrip('.!')} {DEADLINE[minutes.language]}")
                         for a in minutes.actions[:-1]])
            again = store.import_minutes(edited)
            check(again.status == "updated" and again.added == [], f"{number}: nothing added")
            check([v["id"] for v in again.vanished] == ids[-1:], f"{number}: only the last one gone")
            for action_id in ids[:-1]:
                after = store.action(action_id)
                status, notes, changes = before[action_id]
                check(after.text.endswith(DEADLINE[minutes.language]) and after.status == status
                      and after.notes == notes and not after.vanished
                      and len(store.history(action_id)) > changes, f"{number}: {action_id} kept and reworded")
            gone = store.action(ids[-1])
            check(gone.vanished and gone.status == "vanished"
                  and gone.id not in {a.id for a in store.actions(status="open")}, f"{number}: the last one vanished")
    print(f"\n{series} series, an edited version of each: {check.count - len(check.failed)} of {check.count} checks hold")
    assert check.count and not check.failed, check.failed


@pytest.mark.parametrize("actions", ["parser", "gold"])
@pytest.mark.parametrize("series", sorted(SERIES))
def test_a_real_series_applies_what_later_minutes_say_and_nothing_else(tmp_path, series, actions):
    with ActionStore(tmp_path / "actions.json", user="sihteeri") as store:
        check = follow(series, actions, store)
    print(f"\n{series} series, {actions} actions: {check.count - len(check.failed)} of {check.count} checks hold")
    assert check.count and not check.failed, check.failed
