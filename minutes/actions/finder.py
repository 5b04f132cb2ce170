"""The finder: candidates from the units, their rules, their scores, and the actions.

    units -> candidates (reading, table columns, dates, owner lines, the pattern finder's
    view) -> rule hits -> score -> the tasks above the threshold -> owner lines joined to
    their tasks, a task said twice kept once -> ``Action``s
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from ..model import Action
from ..structure import ParseState, columns
from . import patterns, scorer
from .owners import Roster
from .patterns.common import _alternation
from .reading import read
from .rules import Candidate, hits
from .units import Unit, strip_markup, units

__all__ = ["Finder", "Found"]

_WORDS = re.compile(r"[^\W\d_]+")
_OWNER_LINE_WORDS = 7  # "Anna och Olof tar och fixar det!"


@dataclass
class Found:
    """A candidate the scorer kept, on its way to an ``Action``."""

    candidate: Candidate
    score: float
    rules: list[str]
    text: str
    owners: list[str]
    due_source: str


class Finder:
    """All candidates of one set of minutes, read once."""

    def __init__(self, state: ParseState, weights: scorer.Weights | None = None):
        self.state = state
        self.profile = state.profile
        self.roster = Roster(state.minutes, state.profile, state.handles)
        self.patterns = patterns.PatternFinder(state)
        self.weights = weights or scorer.load()
        self.candidates = self._candidates()

    # --- candidates ---------------------------------------------------------------------

    def _candidates(self) -> list[Candidate]:
        found_by_line: dict[int, list[patterns.Found]] = {}
        for item in self.patterns.find():
            found_by_line.setdefault(item.line.index, []).append(item)
        out: list[Candidate] = []
        by_unit: dict[int, Candidate] = {}
        used: set[int] = set()
        found_units = units(self.state)
        self.roster.known = {u.person for u in found_units if u.person}
        self.roster.lower_words = {
            w for line in self.state.lines for w in _WORDS.findall(line.text) if w[:1].islower()
        }
        self.roster.lower_stems = {w[:6] for w in self.roster.lower_words if len(w) >= 7}
        for unit in found_units:
            candidate = self._candidate(unit)
            mine = found_by_line.get(unit.line.index, [])
            match = next((f for f in mine if id(f) not in used and _covers(candidate, f)), None)
            if match is not None:
                used.add(id(match))
                candidate.pattern = match.rule
                candidate.pattern_found = match
            out.append(candidate)
            by_unit[id(unit)] = candidate
        for items in found_by_line.values():
            for item in items:
                if id(item) not in used:  # a task the pattern finder read across lines
                    unit = Unit(index=-1, line=item.line, text=strip_markup(item.text))
                    candidate = self._candidate(unit)
                    candidate.pattern, candidate.pattern_found = item.rule, item
                    out.append(candidate)
        for candidate in out:
            self._owner_line(candidate, by_unit)
        return out

    def _candidate(self, unit: Unit) -> Candidate:
        candidate = Candidate(unit=unit, reading=read(unit.text, self.roster), profile=self.profile)
        candidate.status_line = not unit.is_row and self.patterns._status_report(unit.text.lower())
        if unit.is_row:
            self._row(candidate)
        due = self._deadline(candidate.row_due or candidate.reading.text)
        if due is not None:
            candidate.dated = True
            phrase = due.text.lower()
            candidate.deadline = due.kind == "deadline" or self.patterns._says(phrase, "by", "due_phrases")
        return candidate

    def _row(self, candidate: Candidate) -> None:
        unit = candidate.unit
        header, row = unit.header, unit.row
        named = self.patterns._action_columns(header) if header else None
        if len([c for c in row if c.strip()]) == 1 and len(row) > 1:
            candidate.row_kind, candidate.row_task = "other", unit.text  # a section row across the table
            return
        if named is not None and "owner" not in named:
            heading = header[named["action"]].strip().strip("*:").lower()
            if heading in self.profile.actions.get("column_neutral", ()):
                named = None  # | When | What |: a timeline, no one's tasks
        people = _person_column(self.roster, row)
        if named is not None:
            candidate.row_kind = "action"
            candidate.row_task = _cell(row, named.get("action"))
            owner = _cell(row, named.get("owner"))
            candidate.row_owner = self.patterns._resolve_all(owner, keep_unknown=True) if owner else []
            candidate.row_due = _cell(row, named.get("due")) or None
            candidate.row_done = self.patterns._done_row(row, named)
        elif people is not None and people > 0:
            candidate.row_kind = "action"
            texts = [(len(c), i) for i, c in enumerate(row) if i != people and _WORDS.search(c)]
            dated = [i for i, c in enumerate(row) if i != people and self._deadline(c) is not None]
            task = max((t for t in texts if t[1] not in dated), default=max(texts, default=(0, None)))
            candidate.row_task = _cell(row, task[1])
            candidate.row_owner = [self.roster.resolve(row[people]) or row[people].strip()]
            due_column = columns(header, {"due": self.profile.actions.get("column_due", ())}).get("due")
            if due_column is not None and due_column != people:
                candidate.row_due = _cell(row, due_column) or None
            else:
                candidate.row_due = _cell(row, dated[-1]) if dated else None
        elif people == 0:
            candidate.row_kind = "person"
            candidate.row_owner = [self.roster.resolve(row[0]) or row[0].strip()]
            rest = [c for c in row[1:] if _WORDS.search(c)]
            candidate.row_task = " ".join(rest)
        else:
            candidate.row_kind = "other"
            candidate.row_task = unit.text
        if candidate.row_task:
            candidate.reading = read(candidate.row_task, self.roster)

    def _owner_line(self, candidate: Candidate, by_unit: dict[int, Candidate]) -> None:
        """``Anna fixar.`` below a task, or after it in the same line: its owner."""
        reading, unit = candidate.reading, candidate.unit
        if unit.is_row or len(reading.text.split()) > _OWNER_LINE_WORDS:
            return
        if reading.subject not in ("person", "role") or not reading.owners:
            return
        if reading.form not in ("present", "future", "must", "commit"):
            return
        after = len(reading.text.split()) - len(reading.subject_text.split()) - len(reading.verb.split())
        if after > 2:
            return  # "Jouni tilaa 30 tuolia": a task of its own, not a line naming an owner
        target = unit.previous if unit.position > 0 else unit.parent
        if target is None or target.is_row:
            return
        candidate.owner_line = True
        above = by_unit.get(id(target))
        if above is None or above.reading.owners or len(above.reading.text.split()) < 2:
            return
        if unit.position == 0 and target.children and target.children[0] is not unit:
            return  # the owner line of a topic's later bullet stands alone
        above.child_owner = candidate
        candidate.merged = True

    def _deadline(self, text: str):
        return self.patterns._deadline_in(text) if text else None

    # --- the tasks ----------------------------------------------------------------------

    def actions(self) -> list[Action]:
        kept = self.found()
        return [self._action(f) for f in kept]

    def found(self) -> list[Found]:
        """The candidates the scorer keeps, without repeats, in reading order."""
        found: list[Found] = []
        for candidate in self.candidates:
            if candidate.rules is None:
                candidate.rules = hits(candidate)
            if not candidate.rules:
                continue
            score = self.weights.score(candidate.rules)
            if score >= self.weights.threshold:
                found.append(self._found(candidate, candidate.rules, score))
        unique: list[Found] = []
        for item in sorted(found, key=lambda f: (not _listed(f), -f.score)):
            same = next((u for u in unique if self._same(u, item)), None)
            if same is None:
                unique.append(item)
            else:
                same.owners = same.owners or item.owners
                same.due_source = same.due_source if self._deadline(same.due_source) else item.due_source
        unique.sort(key=lambda f: (f.candidate.unit.line.index, f.candidate.unit.position))
        return unique

    def _found(self, candidate: Candidate, rules: list[str], score: float) -> Found:
        pattern = candidate.pattern_found
        if pattern is not None:  # the pattern finder's own reading of its task
            owners = list(pattern.owners)
            named = self._owners(candidate)
            people = [o for o in named if o in self.roster.names or o in self.roster.roles.values()]
            if candidate.child_owner is not None or people and not set(owners) & set(people):
                owners = named or owners  # an owner line, or the people the sentence hands it to
            text = pattern.text
            if candidate.child_owner is not None:
                text = f"{text} {candidate.child_owner.unit.text}"
            return Found(candidate, score, rules, text, owners, pattern.due_source)
        text = candidate.text
        due_source = candidate.row_due or ("" if candidate.unit.is_row else text)
        return Found(candidate, score, rules, text, self._owners(candidate), due_source)

    def _owners(self, c: Candidate) -> list[str]:
        r = c.reading
        if c.row_owner:
            return c.row_owner
        if c.child_owner is not None:
            return list(c.child_owner.reading.owners)
        if r.form == "assign" and r.owners:
            return r.owners
        if r.trailing and (not r.owners or r.subject == "name"):
            return r.trailing
        if r.later_owners and r.form not in _PLANS:
            return r.later_owners  # "… was done, and Jo will close it"
        # the line's person: "Jo: will ask the printer …"; "Jo: poster draft, will ask the printer …"
        person = r.prefix_person or (c.unit.person if not r.prefix else None)
        if person and r.later is not None and r.form not in _PLANS and r.subject in ("thing", "none"):
            return [person]
        if r.owners and r.subject in ("person", "role", "name", "group"):
            return r.owners
        if person and r.subject == "none" and r.form not in ("past", "perfect", "passive"):
            return [person]
        if c.pattern_found is not None and c.pattern_found.owners:
            return list(c.pattern_found.owners)
        return []

    def _same(self, a: Found, b: Found) -> bool:
        """Two mentions of one task (a sentence and its table row, an ``ACTION:`` line and
        the sentence it sums up); two rows of one table are two tasks."""
        if a.candidate.unit.is_row and b.candidate.unit.is_row and a.candidate.unit.line is b.candidate.unit.line:
            return False
        if _listed(a) or _listed(b) or a.candidate.pattern and b.candidate.pattern:
            return self.patterns.same_task(self._pattern(a), self._pattern(b))
        sa, sb = _stems(a.text), _stems(b.text)  # two sentences: the same words, the same people
        if not sa or not sb or a.owners and b.owners and not set(a.owners) & set(b.owners):
            return False
        return len(sa & sb) / min(len(sa), len(sb)) >= 0.8

    def _pattern(self, item: Found) -> patterns.Found:
        c = item.candidate
        return patterns.Found(item.text, item.owners, c.unit.line, "table" if c.unit.is_row else "found",
                             item.text, item.due_source)

    def _without_date(self, text: str, phrase: str) -> str:
        """The task without its due phrase, nor the small words that led to it (``at the``
        end of May, ``i`` slutet av maj)."""
        before, _, after = text.partition(phrase)
        words = before.rstrip().split(" ")
        while words and words[-1].lower() in self._date_leads:
            words.pop()
        return f"{' '.join(words)} {after}"

    @cached_property
    def _decided_that(self) -> re.Pattern[str]:
        said = (*self.profile.labels.get("decision_verbs", ()), *self.profile.actions.get("agreed", ()))
        that = self.profile.verbs.get("that", ())
        return re.compile(rf"^\s*(?:{_alternation(said)})\s*,?\s*(?:{_alternation(that)})\s+", re.I)

    @cached_property
    def _date_leads(self) -> frozenset[str]:
        groups = ("filler", "time", "in_month", "by", "before", "during")
        return frozenset(w for g in groups for w in self.profile.date_words.get(g, ()) if " " not in w)

    def _action(self, item: Found) -> Action:
        c = item.candidate
        due = self._deadline(item.due_source)
        text = item.text
        if due and due.text in text and len(text) > len(due.text) + 10 and not c.unit.is_row:
            text = self._without_date(text, due.text)
        label = self.state.label_of(text)
        if label and "decision" in label[0] and label[1]:
            text = label[1]  # "Päätös: Anna tilaa bussin": the task, not its label
        opening = self._decided_that.match(text)
        if opening and len(text) > opening.end() + 10:
            text = text[opening.end():]  # "It was agreed that Jo …", "Beslutades att Olof …"
        positive = [r for r in item.rules if self.weights.weights.get(r, 0) > 0]
        rule = max(positive, key=lambda r: self.weights.weights[r]) if positive else (c.pattern or "")
        doubts = [] if item.owners else ["no owner named"]
        return Action(
            text=patterns.clean(text),
            owners=item.owners,
            due=due.date if due else None,
            due_text=due.text if due else None,
            agenda_item=self.state.agenda_item_at(c.unit.line.index),
            origin=c.unit.line.origin,
            snippet=_snippet(c),
            rule=rule,
            doubts=doubts,
        )


_LISTING = ("explicit", "table", "section", "owner", "deadline", "recipient")
_PLANS = ("future", "must", "commit", "present", "imperative", "assign")


def _listed(item: Found) -> bool:
    """A mention in a list of tasks (a table row, an ``ACTION:`` line, an action section):
    it may repeat a sentence in other words."""
    return item.candidate.unit.is_row or item.candidate.pattern in _LISTING


def _snippet(c: Candidate) -> str:
    """The words the task was read from: its sentence, or its table row."""
    if c.pattern_found is not None:
        return c.pattern_found.snippet.strip()
    if c.unit.is_row:
        return " | ".join(c.unit.row)
    if c.child_owner is not None:
        return f"{c.unit.text} {c.child_owner.unit.text}"
    return c.unit.text


def _covers(candidate: Candidate, found: patterns.Found) -> bool:
    """Whether the pattern finder's task stands in this unit."""
    unit = candidate.unit
    if unit.is_row:
        return found.text.strip() in unit.row or found.text.strip() in unit.text
    mine, theirs = _stems(unit.text), _stems(found.text)
    return bool(theirs) and len(mine & theirs) / len(theirs) >= 0.6


def _person_column(roster: Roster, row: tuple[str, ...]) -> int | None:
    """The column of a row that holds a person of the meeting."""
    for i, text in enumerate(row):
        value = strip_markup(text).strip()
        if value and len(value.split()) <= 3 and roster.resolve(value):
            return i
    return None


def _cell(row: tuple[str, ...], i: int | None) -> str:
    if i is None or i >= len(row):
        return ""
    text = strip_markup(row[i]).strip()
    return "" if not text.strip("-–—") else text


def _stems(text: str) -> frozenset[str]:
    return frozenset(w[:5] for w in _WORDS.findall(text.casefold()) if len(w) >= 4)

