"""Importing parsed minutes: a meeting and its actions in one transaction.

- The same file again (same sha256) changes nothing.
- An edited version of the same minutes (same body, i.e. normalised title, and the same
  date) updates the meeting in place. Its actions are matched to the stored ones: the same
  text and agenda item first, then a reworded one: the same owners and mostly the same words
  (compared by lemma and compound part, ``tracker.likeness``).
  Matched actions keep their id, status, notes and history and take the new wording, agenda
  item and source; their owners and due date too, unless a member has changed those. New
  actions are added; stored ones the minutes no longer have are marked ``vanished``, never
  deleted (an open one takes the status ``vanished`` until a person keeps or drops it), and
  lose the mark, and that status, if they come back.
- Anything else is a new meeting.
- Every meeting belongs to a series (``tracker.series``: the same body); what new minutes
  say of the open actions of the series' earlier meetings is reconciled
  (``tracker.reconcile``): clear matches change the status (``via`` ``follow-up``, in the
  import's one change, with the sentence as evidence), weaker ones are only proposed, and
  a new action that repeats an open one is not added again but recorded as its carry-over.

``plan`` works out what an import would do without changing anything (``--dry-run``);
``apply`` does it.
"""

from __future__ import annotations

import os

import re
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import TYPE_CHECKING, Any

from tracker.codec import cleaned
from tracker.i18n import N_, _, ngettext
from tracker.ids import IdSpace
from tracker.people import People, register, tidy

if TYPE_CHECKING:
    from minutes.model import Minutes

    from tracker.operations import Transaction
    from tracker.reconcile import FollowUp

__all__ = ["ImportResult", "Plan", "apply", "plan"]

EDITABLE = ("text", "owners", "due", "due_text")  # what members may change and a re-import respects
FROM_MINUTES = ("text", "agenda_item", "source", "owners", "due", "due_text")
SAME_ACTION = 0.6  # how much of each other's words two wordings of one action cover, on average
SAME_ACTION_MOVED = 0.8  # and when the action moved to another agenda item


@dataclass
class ImportResult:
    """What an import did (or, for a dry run, would do).

    ``status`` is ``new`` (a meeting not seen before), ``updated`` (an edited version of a
    stored meeting) or ``unchanged`` (this very file was imported before). The lists hold
    ``{"id", "text"}`` of actions; ``updated`` adds the ``fields`` that changed, ``vanished``
    the status the action ``was`` in (an open one becomes ``vanished``).
    ``follow_up`` holds what the minutes say of earlier meetings' open actions
    (``tracker.reconcile.FollowUp.to_json``: id, text, status, was, word, sentence, line or
    paragraph, score, reason, outcome ``applied`` or ``proposed``); ``repeats`` the new
    actions that only repeat one of those and are not added again (``{"index", "id",
    "text"}``: their place among the minutes' actions, the open action they repeat).
    """

    meeting: str
    title: str | None
    date: str | None
    source: str | None
    status: str
    added: list[dict] = field(default_factory=list)
    updated: list[dict] = field(default_factory=list)
    vanished: list[dict] = field(default_factory=list)
    returned: list[dict] = field(default_factory=list)
    unchanged: int = 0
    dry_run: bool = False
    follow_up: list[dict] = field(default_factory=list)
    repeats: list[dict] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return self.status != "unchanged"

    def to_json(self) -> dict:
        return {
            "meeting": {"id": self.meeting, "title": self.title, "date": self.date},
            "source": self.source,
            "status": self.status,
            "added": self.added,
            "updated": self.updated,
            "vanished": self.vanished,
            "returned": self.returned,
            "unchanged": self.unchanged,
            "dry_run": self.dry_run,
            "follow_up": self.follow_up,
            "repeats": self.repeats,
        }

    def summary(self) -> str:
        """A few lines for a person: what happened to which actions (in the language spoken)."""
        name = f"{self.meeting} {self.title or _('(untitled)')} {self.date or ''}".rstrip()
        if self.status == "unchanged":
            return _("{source}: unchanged ({name})").format(source=self.source, name=name)
        lines = [f"{self.source}: {_(SUMMARY_LABELS[self.status][self.dry_run])} {name}"]
        for kind, items in (("added", self.added), ("updated", self.updated),
                            ("vanished", self.vanished), ("returned", self.returned)):
            for item in items:
                fields = f" ({', '.join(item['fields'])})" if item.get("fields") else ""
                if kind == "vanished":  # an open one waits, out of the listings, for a person
                    fields = (_(" (vanished: keep it with reopen, drop it with cancel)") if item["was"] == "open"
                              else _(" (still {status})").format(status=_(item["was"])))
                lines.append(f"  {_(SUMMARY_LABELS[kind][self.dry_run])}: {item['id']}  {item['text']}{fields}")
        if self.status == "updated" and self.unchanged:
            lines.append("  " + ngettext("{n} action as it was", "{n} actions as they were",
                                         self.unchanged).format(n=self.unchanged))
        lines += [follow_up_line(item, self.dry_run) for item in self.follow_up]
        return "\n".join(lines)


SUMMARY_LABELS = {  # what happened, what a dry run would do
    "new": (N_("imported as"), N_("would import as")),
    "updated": (N_("updated"), N_("would update")),
    "added": (N_("added"), N_("would add")),
    "vanished": (N_("no longer in the minutes"), N_("would mark as no longer in the minutes")),
    "returned": (N_("back in the minutes"), N_("would bring back")),
}
FOLLOW_UP_LABELS = {  # (status, outcome) -> what happened, what a dry run would do
    ("done", "applied"): (N_("marked done"), N_("would mark done")),
    ("cancelled", "applied"): (N_("cancelled"), N_("would cancel")),
    ("open", "applied"): (N_("carried over"), N_("would carry over")),
}


def follow_up_line(item: dict, dry_run: bool) -> str:
    """One follow-up as a line: what the minutes said of an earlier action, and where."""
    if item["outcome"] == "applied":
        label = _(FOLLOW_UP_LABELS[item["status"], "applied"][dry_run])
        if item["status"] != "open" and item["was"] == item["status"]:
            label = _("already {status}").format(status=_(item["status"]))
    else:
        label = _("proposed {status}, not applied").format(status=_(item["status"]))
    where = (_("line {n}").format(n=item["line"]) if item["line"] is not None
             else _("paragraph {n}").format(n=item["paragraph"]))
    how = item["reason"]
    if item["outcome"] != "applied":
        how += _(", score {score}").format(score=item["score"]) + (f": {item['doubt']}" if item.get("doubt") else "")
    due = "; " + _("due {date}").format(date=item["due"]) if item.get("due") else ""
    return f"  {label}: {item['id']}  {item['text']}  <- \"{item['sentence']}\" ({where}; {how}{due})"


@dataclass
class Plan:
    """The changes an import makes, worked out before any is made."""

    result: ImportResult
    meeting: dict[str, Any] = field(default_factory=dict)  # the new document or changed fields
    people: list[str] = field(default_factory=list)
    new_actions: list[tuple[str, dict]] = field(default_factory=list)
    changes: list[tuple[str, str, Any]] = field(default_factory=list)  # (action id, field, value)
    vanish: list[str] = field(default_factory=list)
    bring_back: list[str] = field(default_factory=list)
    follow_ups: list[FollowUp] = field(default_factory=list)
    forget: list[str] = field(default_factory=list)  # actions this meeting no longer mentions
    index: Index | None = None


class Index:
    """Where the plans of one import look meetings and actions up instead of going through
    them all (an import of many files would go through them once a file): the meetings by
    their source's hash and by ``meeting_key``, the actions of each meeting, and the order
    the actions came in. Made from the data once, and kept up to date by ``apply``."""

    def __init__(self, data: dict) -> None:
        self.by_hash: dict[str, str] = {}
        self.by_key: dict[str, str] = {}
        self.actions_of: dict[str | None, list[str]] = {}
        self.order: dict[str, int] = {}
        for meeting_id, doc in data["meetings"].items():
            self.add_meeting(meeting_id, doc)
        for action_id, doc in data["actions"].items():
            self.add_action(action_id, doc)

    def add_meeting(self, meeting_id: str, doc: dict) -> None:
        sha256 = (doc.get("source") or {}).get("sha256")
        if sha256:
            self.by_hash.setdefault(sha256, meeting_id)  # the first, as a look through them finds
        self.by_key.setdefault(meeting_key(doc), meeting_id)

    def moved(self, meeting_id: str, was: str | None, doc: dict) -> None:
        """A meeting's minutes were replaced by an edited version: its new source's hash."""
        if was and self.by_hash.get(was) == meeting_id:
            del self.by_hash[was]
        self.add_meeting(meeting_id, doc)

    def add_action(self, action_id: str, doc: dict) -> None:
        self.actions_of.setdefault(doc["meeting"], []).append(action_id)
        self.order[action_id] = len(self.order)


def plan(data: dict, minutes: Minutes, *, at: str, ids: IdSpace, dry_run: bool = False,
         index: Index | None = None) -> Plan:
    """What importing ``minutes`` into ``data`` would change (``data`` is not touched;
    the ids of new meetings and actions are taken from ``ids``; ``index``, of ``data``, is
    made when not given)."""
    parsed = cleaned(minutes.to_json())  # the parser's text is clean; minutes made by hand, too
    if parsed["source"].get("path"):  # the evidence view finds the file from anywhere
        parsed["source"]["path"] = os.path.abspath(parsed["source"]["path"])
    meetings, actions = data["meetings"], data["actions"]
    index = index if index is not None else Index(data)
    sha256 = parsed["source"]["sha256"]
    source = parsed["source"].get("path")
    if sha256 in index.by_hash:
        meeting_id = index.by_hash[sha256]
        doc = meetings[meeting_id]
        return Plan(ImportResult(meeting_id, doc.get("title"), doc.get("date"), source,
                                 "unchanged", dry_run=dry_run))
    key = meeting_key(parsed)
    meeting_id = index.by_key.get(key)
    people = People(data["people"])
    names = _names(parsed, people)
    incoming = [
        {
            "text": a["text"],
            "owners": list(dict.fromkeys(people.canonical(o) or tidy(o) for o in a["owners"])),
            "due": a["due"],
            "due_text": a["due_text"],
            "agenda_item": a["agenda_item"],
            "source": a["source"],
        }
        for a in parsed["actions"]
    ]
    from tracker.series import series_key

    series = series_key(parsed["title"], parsed["language"], source)
    meeting_doc = {**{k: v for k, v in parsed.items() if k != "actions"}, "series": series}
    status = "new" if meeting_id is None else "updated"
    if meeting_id is None:
        meeting_id = ids.new(key)
    result = ImportResult(meeting_id, parsed["title"], parsed["date"], source, status,
                          dry_run=dry_run)
    planned = Plan(result, people=names, index=index)
    repeats = _follow_up(planned, data, minutes, meeting_id, series, incoming)
    result.repeats = [{"index": i, "id": aid, "text": incoming[i]["text"]}
                      for i, aid in sorted(repeats.items())]

    if status == "new":
        planned.meeting = {**meeting_doc, "imported": at, "updated": at}
        _add(planned, ids, meeting_id, [(i, new) for i, new in enumerate(incoming) if i not in repeats], at)
        return planned

    stored_meeting = meetings[meeting_id]
    planned.meeting = {k: v for k, v in meeting_doc.items() if stored_meeting.get(k) != v}
    stored = {aid: doc for aid, doc in actions.items()  # not those members added to it
              if doc["meeting"] == meeting_id and not doc.get("added")}
    edited = _edited_by_members(data["history"], set(stored))
    pairs, fresh, gone = _match(stored, incoming, edited, data, minutes)
    for action_id, index in sorted(pairs, key=lambda pair: pair[1]):  # in the minutes' order
        doc, new = stored[action_id], incoming[index]
        fields = [f for f in FROM_MINUTES
                  if doc.get(f) != new[f] and (action_id, f) not in edited]
        planned.changes.extend((action_id, f, new[f]) for f in fields)
        if doc.get("vanished"):
            planned.bring_back.append(action_id)
            result.returned.append({"id": action_id, "text": new["text"]})
        shown = [f for f in fields if f != "source"]  # a moved line is no news to a reader
        if shown:
            result.updated.append({"id": action_id, "text": new["text"], "fields": shown})
        elif not doc.get("vanished"):
            result.unchanged += 1
    _add(planned, ids, meeting_id, [(i, incoming[i]) for i in fresh if i not in repeats], at)
    for action_id in gone:
        if not stored[action_id].get("vanished"):
            planned.vanish.append(action_id)
            result.vanished.append({"id": action_id, "text": stored[action_id]["text"],
                                    "was": stored[action_id]["status"]})
    return planned


def apply(tx: Transaction, planned: Plan) -> ImportResult:
    """Make the planned changes in ``tx``."""
    result = planned.result
    if result.status == "unchanged" or result.dry_run:
        return result
    meeting_id = result.meeting
    index = planned.index
    if result.status == "new":
        tx.create("meeting", meeting_id, planned.meeting)
        index.add_meeting(meeting_id, planned.meeting)
    else:
        doc = tx.data["meetings"][meeting_id]
        was = (doc.get("source") or {}).get("sha256")
        for name, value in planned.meeting.items():
            tx.set("meeting", meeting_id, doc, name, value)
        index.moved(meeting_id, was, doc)
    for name in planned.people:
        register(tx, name)
    for action_id, doc in planned.new_actions:
        tx.create("action", action_id, doc)
        index.add_action(action_id, doc)
    actions = tx.data["actions"]
    for action_id, name, value in planned.changes:
        tx.set("action", action_id, actions[action_id], name, value)
    for action_id in planned.vanish:
        doc = actions[action_id]
        tx.set("action", action_id, doc, "vanished", True)
        if doc["status"] == "open":
            tx.set("action", action_id, doc, "status", "vanished")
    for action_id in planned.bring_back:
        doc = actions[action_id]
        tx.set("action", action_id, doc, "vanished", False)
        if doc["status"] == "vanished":
            tx.set("action", action_id, doc, "status", "open")
    if planned.follow_ups or planned.forget:
        outer, tx.via = tx.via, "follow-up"
        try:
            _apply_follow_ups(tx, planned, meeting_id, planned.meeting.get("date") or
                              tx.data["meetings"][meeting_id].get("date"))
        finally:
            tx.via = outer
    return result


def _follow_up(planned: Plan, data: dict, minutes: Minutes, meeting_id: str, series: str,
               incoming: list[dict]) -> dict[int, str]:
    """Plan what the minutes say of earlier meetings' open actions; return the new actions
    that only repeat one of them (by index: the id of the action they repeat)."""
    from tracker.reconcile import follow_up

    found = follow_up(data, minutes, meeting_id=meeting_id, series=series, incoming=incoming,
                      index=planned.index)
    planned.follow_ups = found.follow_ups
    planned.result.follow_up = [f.to_json() for f in found.follow_ups]
    mentioned = {f.action for f in found.follow_ups}
    if planned.result.status == "updated":  # a new meeting is in no action's mentions yet
        planned.forget = [aid for aid, doc in data["actions"].items() if aid not in mentioned
                          and any(m.get("meeting") == meeting_id for m in doc.get("mentions") or ())]
    return found.repeats


def _apply_follow_ups(tx: Transaction, planned: Plan, meeting_id: str, day: str | None) -> None:
    """Record each mention on its action and make the changes the applied ones call for;
    a mention this meeting's minutes no longer make goes, with the status it set."""
    actions = tx.data["actions"]
    for f in planned.follow_ups:
        doc = actions[f.action]
        earlier = doc.get("mentions") or []
        previous = next((m for m in earlier if m.get("meeting") == meeting_id), None)
        mentions = [m for m in earlier if m.get("meeting") != meeting_id] + [f.mention(meeting_id, day)]
        mentions.sort(key=lambda m: m.get("date") or "")
        tx.set("action", f.action, doc, "mentions", mentions)
        if f.outcome != "applied":
            continue
        evidence = f.evidence(meeting_id, day)
        said_before = previous is not None and previous.get("outcome") == "applied" \
            and previous.get("status") == f.status  # and followed then: a member's word since stands
        if doc["status"] != f.status and not said_before \
                and (doc["status"] == "open" or _closed_by(previous, doc)):
            tx.set("action", f.action, doc, "status", f.status, evidence=evidence)
        if f.due and doc["status"] == "open" and not said_before:
            evidence = f.evidence(meeting_id, day, due=True)
            tx.set("action", f.action, doc, "due", f.due, evidence=evidence)
            tx.set("action", f.action, doc, "due_text", f.due_text, evidence=evidence)
    for action_id in planned.forget:
        doc = actions[action_id]
        previous = next(m for m in doc["mentions"] if m.get("meeting") == meeting_id)
        tx.set("action", action_id, doc, "mentions",
               [m for m in doc["mentions"] if m.get("meeting") != meeting_id])
        if _closed_by(previous, doc):
            tx.set("action", action_id, doc, "status", "open")


def _closed_by(mention: dict | None, doc: dict) -> bool:
    """Whether ``mention`` (applied) is what closed the action, as it still is."""
    return (mention is not None and mention.get("outcome") == "applied"
            and mention.get("status") != "open" and mention.get("status") == doc["status"])


def meeting_key(doc: dict) -> str:
    """Which meeting minutes are of: the body (the normalised title, else the file's name)
    and the date; the file's hash when neither is known."""
    title = doc.get("title") or PurePath(doc.get("source", {}).get("path") or "").stem
    if not title and not doc.get("date"):
        return doc.get("source", {}).get("sha256", "")
    return f"{normalise(title)}|{doc.get('date') or ''}"


def normalise(text: str) -> str:
    """Lower case, words only, single spaces: how wordings are compared."""
    return " ".join(re.sub(r"[^\w]+", " ", text.casefold()).split())


def _add(planned: Plan, ids: IdSpace, meeting_id: str, items: list[tuple[int, dict]],
         at: str) -> None:
    for index, new in items:
        action_id = ids.new(f"{meeting_id}\n{normalise(new['text'])}\n{index}")
        doc = {"meeting": meeting_id, **new, "status": "open", "notes": [], "vanished": False,
               "created": at, "updated": at}
        planned.new_actions.append((action_id, doc))
        planned.result.added.append({"id": action_id, "text": new["text"]})


def _match(stored: dict[str, dict], incoming: list[dict], edited: set[tuple[str, str]], data: dict,
           minutes: Minutes) -> tuple[list[tuple[str, int]], list[int], list[str]]:
    """Pair stored actions with incoming ones: ``(pairs, unmatched incoming, unmatched stored)``.

    The same text and agenda item first; then a reworded action: the same owners and mostly
    the same words (``tracker.likeness``: by lemma and compound part, weighed by rarity among
    these actions), the likest pairs first."""
    waiting: dict[tuple, list[str]] = {}
    for action_id, doc in stored.items():  # as the minutes said it, whatever a member made of it
        said = doc.get("minutes_text") or doc["text"]
        waiting.setdefault((normalise(said), doc.get("agenda_item")), []).append(action_id)
    pairs, fresh = [], []
    for index, new in enumerate(incoming):
        same = waiting.get((normalise(new["text"]), new["agenda_item"]))
        if same:
            pairs.append((same.pop(0), index))
        else:
            fresh.append(index)
    left = [aid for ids in waiting.values() for aid in ids]
    if not (left and fresh):
        return pairs, fresh, left
    from tracker.reconcile import matcher_for

    matcher = matcher_for(data, minutes, [stored[aid] for aid in left] + [incoming[i] for i in fresh])
    like = matcher.like
    old_terms = {aid: matcher.text_terms(stored[aid].get("minutes_text") or stored[aid]["text"])[1]
                 for aid in left}
    new_terms = {i: matcher.text_terms(incoming[i]["text"])[1] for i in fresh}
    like.count(*old_terms.values(), *new_terms.values())
    scored = []
    for action_id in left:
        doc = stored[action_id]
        for index in fresh:
            new = incoming[index]
            if not set(doc["owners"]) & set(new["owners"]) and set(doc["owners"]) != set(new["owners"]) \
                    and (action_id, "owners") not in edited:
                continue  # another person's action (unless a member changed who owns it)
            moved = bool(doc.get("agenda_item") and new["agenda_item"]
                         and doc["agenda_item"] != new["agenda_item"])
            fit = like.fit(old_terms[action_id], new_terms[index])
            if fit.mostly(SAME_ACTION_MOVED if moved else SAME_ACTION):
                scored.append((fit.mean, action_id, index))
    taken_old, taken_new = set(), set()
    for _score, action_id, index in sorted(scored, key=lambda s: -s[0]):
        if action_id not in taken_old and index not in taken_new:
            taken_old.add(action_id)
            taken_new.add(index)
            pairs.append((action_id, index))
    return pairs, [i for i in fresh if i not in taken_new], [aid for aid in left if aid not in taken_old]


def _edited_by_members(history: dict[str, dict], action_ids: set[str]) -> set[tuple[str, str]]:
    """The (action, field) pairs whose current value a member set (not an import, and not
    undone since)."""
    undone = {entry["undoes"] for entry in history.values() if "undoes" in entry}
    last: dict[tuple[str, str], str] = {}
    for entry in history.values():
        if entry.get("action") in action_ids and entry["field"] in EDITABLE \
                and entry["change"] not in undone and "undoes" not in entry:
            last[(entry["action"], entry["field"])] = entry["via"]
    return {pair for pair, via in last.items() if via != "import"}


def _names(parsed: dict, people: People) -> list[str]:
    """The people these minutes name (attendees, chair, secretary, owners) to register."""
    names = [a["name"] for a in parsed["attendees"] + parsed["absent"]]
    names += [parsed[role] for role in ("chair", "secretary") if parsed.get(role)]
    names += [o for a in parsed["actions"] for o in a["owners"]]
    return list(dict.fromkeys(people.canonical(n) or tidy(n) for n in names if n and n.strip()))
