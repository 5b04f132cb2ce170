"""The rules: named tests on a candidate, each with an id, that the scorer weighs.

A rule is a record (``Rule(id, says, test)``): what it looks for, in one line with an
invented example, and a test of a ``Candidate``. Rules never decide alone: the scorer
(``minutes.actions.scorer``) adds up the weights of the rules that hold, weights fitted on
real minutes, and a candidate above its threshold is a task. ``minutes eval --by-rule``
counts how often each rule holds in each document.

Rules read the candidate's ``Reading`` (who does what, in which verb form), its unit's place
in the document (heading, list, table) and the language profile's word lists; they never
spell a word of a language themselves.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from dataclasses import dataclass, field

from ..lang import Profile
from .patterns.common import CHECKED
from .reading import Reading
from .units import Unit

__all__ = ["Candidate", "Rule", "RULES", "KEPT", "REFUSED", "hits"]

_CLOCK = re.compile(r"\b(?:[01]?\d|2[0-3])[:.][0-5]\d\b|\b\d{1,2}\s*(?:am|pm)\b", re.I)
_DOERS = ("person", "role", "name", "group")


@dataclass(eq=False)
class Candidate:
    """A unit that may be a task, with its reading and what the rules found on it.

    ``pattern`` names the rule of the pattern finder (``minutes.actions.patterns``) that
    took the same text for a task, if one did; ``row_task`` is a table row's task cell
    and ``row_owner`` / ``row_due`` its owner and due cells; ``person_row`` the person a
    row's first cell names.
    """

    unit: Unit
    reading: Reading
    profile: Profile
    pattern: str | None = None
    pattern_found: object | None = None  # the pattern finder's own reading of it
    row_kind: str | None = None  # "action" (an action table) | "person" (a row per person) | "other"
    row_task: str | None = None
    row_owner: list[str] = field(default_factory=list)
    row_due: str | None = None
    deadline: bool = False  # a due date with a deadline word
    dated: bool = False  # any date
    child_owner: Candidate | None = None  # a short "X fixar." below it
    owner_line: bool = False  # this candidate is such a short owner line
    merged: bool = False  # ... and is taken into the task above it
    rules: list[str] | None = None  # the ids of the rules that hold, once asked
    status_line: bool = False  # "Task – done": where an earlier task stands
    row_done: bool = False  # a table row whose status or date cell says done

    @property
    def low(self) -> str:
        return self.reading.text.lower()

    @property
    def text(self) -> str:
        """The task as written: its sentence (or a row's task), with the owner line below
        it where there is one."""
        base = (self.row_task if self.unit.is_row else self.unit.text) or self.unit.text
        return f"{base} {self.child_owner.unit.text}" if self.child_owner is not None else base

    def says(self, table: str, key: str) -> bool:
        """Whether the text holds, as whole words, one of ``profile.<table>[key]``."""
        return _says(self.low, getattr(self.profile, table).get(key, ()))

    def heading_says(self, key: str) -> bool:
        """Whether the unit's heading (or the label above it) holds a word of
        ``profile.actions[key]``; the next meeting's heading looks ahead to no task."""
        words = self.profile.actions.get(key, ())
        meeting = self.profile.labels.get("next_meeting", ())
        headings = [h.lower() for h in (*self.unit.headings[-2:], self.unit.label or "") if h]
        return any(_says(h, words) and not _says(h, meeting) for h in headings)


@dataclass(frozen=True)
class Rule:
    """One named test: ``id`` is stable (it names weights and counts), ``says`` what it
    looks for, with an invented example. A rule that ``proposes`` makes its unit a
    candidate; the others only weigh for or against one."""

    id: str
    says: str
    test: Callable[[Candidate], bool]
    proposes: bool = False


def _says(low: str, words) -> bool:
    """Whether ``low`` holds one of ``words`` as whole words."""
    return bool(words) and _pattern(tuple(words)).search(low) is not None


@lru_cache(maxsize=512)
def _pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    alternation = "|".join(re.escape(w.lower()) for w in sorted(set(words), key=len, reverse=True))
    return re.compile(rf"(?<![^\W_])(?:{alternation})(?![^\W_])")


def _opens_with(c: Candidate, key: str, table: str = "verbs") -> bool:
    words = getattr(c.profile, table).get(key, ())
    return any(c.low == w or c.low.startswith((w + " ", w + ",")) for w in words)


def _task_said(c: Candidate) -> bool:
    """A phrase of the profile's ``task_said`` anywhere, or one of its single words
    opening the sentence (``Seuraavaksi …``, not ``… seuraavaksi kahdeksi vuodeksi``)."""
    words = c.profile.actions.get("task_said", ())
    phrases = tuple(w for w in words if " " in w)
    return _says(c.low, phrases) or _opens_with(c, "task_said", "actions")


def _told(c: Candidate) -> bool:
    """A line that opens with a label of news, not of tasks (``Yesterday:``, ``Blockers:``,
    ``FYI``), or of a question (``Open question:``)."""
    prefix = (c.reading.prefix or "").lower().strip("* ")
    words = c.profile.actions
    if prefix in c.profile.labels.get("decision", ()):
        return not _doer(c)  # "Resolved: …" tells; "Päätös: Anna tilaa bussin" gives work
    if prefix and (prefix in words.get("not_tasks", ()) or _says(prefix, c.profile.verbs.get("question", ()))
                   or _says(prefix, words.get("question_labels", ()))):
        return True
    first = c.unit.text.split()[0].lower().strip("*:,") if c.unit.text.split() else ""
    return first in words.get("notices", ())


def _form(c: Candidate, *forms: str) -> bool:
    return c.reading.form in forms


def _doer(c: Candidate) -> bool:
    return c.reading.subject in ("person", "role") and bool(c.reading.owners)


RULES: tuple[Rule, ...] = (
    # --- the pattern finder's tasks (minutes.actions.patterns): kept whatever else holds ---
    Rule("explicit", "an explicit marker: 'ACTION: Anna to book the room', 'TODO', '[ ]'",
         lambda c: c.pattern == "explicit", proposes=True),
    Rule("table", "a row of a table whose header names tasks and owners or dates",
         lambda c: c.pattern == "table", proposes=True),
    Rule("section", "a line under an 'Action items' / 'Toimenpiteet' heading",
         lambda c: c.pattern == "section", proposes=True),
    Rule("owner", "an owner named after the task: '… (vastuu: Anna)', '… -> Pekka'",
         lambda c: c.pattern == "owner", proposes=True),
    Rule("commit", "a commitment the pattern finder knows: 'Anna selvittää …', 'Sam to …'",
         lambda c: c.pattern == "commit", proposes=True),
    Rule("agreed", "an agreed task: 'Sovittiin, että … selvitetään'",
         lambda c: c.pattern == "agreed", proposes=True),
    Rule("recipient", "what is to be sent to someone: 'Kommentit Liisalle 20.2. mennessä'",
         lambda c: c.pattern == "recipient", proposes=True),
    Rule("deadline", "a line set by its deadline: 'Hakemukset: dl 21.2.'",
         lambda c: c.pattern == "deadline", proposes=True),
    # --- what a task looks like --------------------------------------------------------
    Rule("action-row", "a row of an action table: task | owner | due",
         lambda c: c.row_kind == "action", proposes=True),
    Rule("person-row", "a row that starts with a person: 'Anna | Mon: draft, Tue: review'",
         lambda c: c.row_kind == "person", proposes=True),
    Rule("other-row", "a row of any other table",
         lambda c: c.row_kind == "other"),
    Rule("doer-future", "a person or group with a future verb: 'Anna will send …', 'Pekka ska boka …'",
         lambda c: _doer(c) and _form(c, "future"), proposes=True),
    Rule("doer-present", "a person or group with a present verb: 'Anna lähettää …', 'Olof fixar …'",
         lambda c: _doer(c) and _form(c, "present"), proposes=True),
    Rule("doer-must", "a person with a duty: 'Anna huolehtii …', 'Sam is responsible for …'",
         lambda c: _doer(c) and _form(c, "must"), proposes=True),
    Rule("doer-commit", "a person who takes it on: 'Sam volunteered to …', 'Anna lupautui …'",
         lambda c: _doer(c) and _form(c, "commit"), proposes=True),
    Rule("assigned", "a task handed to someone: 'Styrelsen uppdrar Anna att …', 'Assigned X to Jo'",
         lambda c: _form(c, "assign") and bool(c.reading.owners), proposes=True),
    Rule("decided-clause", "a person's task inside a decision: 'The board decided that Jo books …'",
         lambda c: c.reading.clause, proposes=True),
    Rule("inverted-doer", "the doer after the verb: 'Perjantaina vastaa Anna …'",
         lambda c: c.reading.inverted and bool(c.reading.owners), proposes=True),
    Rule("group-doer", "a group as the doer: 'The volunteers will …', 'Kaikki lukevat …'",
         lambda c: c.reading.subject == "group" and _form(c, "future", "present", "must"), proposes=True),
    Rule("outsider-doer", "a name the meeting does not list as the doer: 'Maria will present …'",
         lambda c: c.reading.subject == "name" and _form(c, "future", "present", "must", "commit"), proposes=True),
    Rule("we-future", "the meeting itself: 'We will …', 'Vi ska …'",
         lambda c: c.reading.subject == "we" and _form(c, "future", "must", "present"), proposes=True),
    Rule("bare-future", "a future with no subject: 'Will set up the demo', 'Ska boka …'",
         lambda c: c.reading.subject == "none" and _form(c, "future", "must"), proposes=True),
    Rule("instruction", "a sentence that opens with what to do: 'Book a room', 'Boka sal'",
         lambda c: _form(c, "imperative"), proposes=True),
    Rule("passive-task", "a task in the passive, in prose or with a date: 'Selvitetään …', '… will be added'",
         lambda c: _form(c, "passive") and (c.unit.depth < 0 or c.dated), proposes=True),
    Rule("passive-bullet", "a passive on a bullet with no date: a description more often than a task",
         lambda c: _form(c, "passive") and c.unit.depth >= 0 and not c.dated),
    Rule("agreed-opening", "an agreed task without a doer: 'Agreed to …', 'Sovittiin, että …'",
         lambda c: c.reading.subject == "none" and _form(c, "commit") or _opens_with(c, "agreed", "actions"), proposes=True),
    Rule("task-said", "a sentence that says there is work to do: 'The next step is to …', 'Seuraavaksi …'",
         lambda c: _task_said(c), proposes=True),
    Rule("owner-after", "an owner named after the task: 'Update the site, Olli.', '… - Maria'",
         lambda c: bool(c.reading.trailing) and not _form(c, "past", "perfect", "state", "progressive")
         and (not _form(c, "none") or any(w[:1].islower() for w in c.reading.text.split()[:-1])),
         proposes=True),
    Rule("speaker-future", "a speaker's own plan: 'Tomas: will look at it'",
         lambda c: bool(c.reading.prefix_person) and c.reading.subject == "none"
         and _form(c, "future", "must", "commit", "imperative"), proposes=True),
    Rule("later-plan", "a plan in a later clause: 'Working on the form, will ask the printer next'",
         lambda c: c.reading.later is not None and not _form(c, "future", "must", "commit"), proposes=True),
    Rule("person-context", "under a person's name or 'Name:' bullet",
         lambda c: bool(c.unit.person)),
    Rule("with-owner-line", "a task with a short owner line below it: 'Book the hall' / 'Anna fixar.'",
         lambda c: c.child_owner is not None),
    Rule("owner-line", "a short line that only says who does the one above: 'Anna fixar.'",
         lambda c: c.owner_line, proposes=True),
    Rule("due-word", "a due date with a deadline word: 'by 3 May', '24.3. mennessä', 'senast 4/5'",
         lambda c: c.deadline, proposes=True),
    Rule("dated", "any date in the sentence",
         lambda c: c.dated and not c.deadline),
    Rule("action-section", "under a heading or label that lists tasks: 'Action items', 'Att göra'",
         lambda c: c.heading_says("section")),
    Rule("next-section", "under a heading that looks ahead: 'Next week', 'Seuraava viikko'",
         lambda c: c.heading_says("section_next")),
    # --- what a task is not ------------------------------------------------------------
    Rule("past-section", "under a heading that looks back: 'Previous week', 'Status'",
         lambda c: c.heading_says("section_past")),
    Rule("report", "what someone did or said: 'Anna presented …', 'Pekka kertoi …'",
         lambda c: _form(c, "past", "perfect") and c.reading.subject != "none"
         or c.says("actions", "report_verbs") and not _form(c, "must")),
    Rule("past-opening", "a sentence that opens in the past: 'Created the repo', 'Käytiin läpi …'",
         lambda c: c.reading.subject == "none" and _form(c, "past", "perfect")),
    Rule("ongoing", "work going on: 'Anna is working on …', 'Tom is still looking'",
         lambda c: _form(c, "progressive")),
    Rule("maybe", "a wish or a maybe: 'could', 'kanske', 'ehkä', 'voisi'",
         lambda c: _form(c, "conditional") or c.says("actions", "tentative")),
    Rule("status-line", "where an earlier task stands: 'Website texts – done (Priya)', 'Juliste – tehty'",
         lambda c: c.status_line),
    Rule("question", "a question: '… ?', 'How do we …'",
         lambda c: (c.reading.text.rstrip().endswith("?") or _opens_with(c, "question")) and c.child_owner is None),
    Rule("deferred", "a matter put off: 'palataan syksyllä', 'we will revisit it', 'väntar med'",
         lambda c: c.says("actions", "deferral")),
    Rule("habitual", "a habit, not a task: 'always', 'koko ajan', 'varje möte'",
         lambda c: c.says("actions", "habitual")),
    Rule("event", "something that happens, not a task: 'Seminaari pidetään …', 'The fair opens …'",
         lambda c: c.says("verbs", "event")),
    Rule("owner-label", "a line that only names an owner: 'Vastuu: Anna', 'Ansvarig: Olof'",
         lambda c: bool(c.reading.prefix) and c.reading.prefix.lower().strip("* ") in c.profile.actions.get("owner", ())),
    Rule("negated", "a negation near the verb: 'not', 'ei', 'inte'",
         lambda c: c.reading.negated),
    Rule("declined", "a plan said not to be made: 'Let's not decide that today', 'We will not order …'",
         lambda c: c.reading.negated and c.reading.form == "future" and not c.says("actions", "forget")),
    Rule("done", "a status word: 'done', 'tehty', 'klart'",
         lambda c: _says(c.low, c.profile.follow_up.get("done", ()))),
    Rule("decision", "a decision: 'Päätettiin …', 'It was decided …', 'Beslutades …', 'Päätös: …'",
         lambda c: _says(c.unit.text.lower(), c.profile.labels.get("decision_verbs", ()))),
    Rule("not-task-label", "a label that tells, not asks: 'Yesterday: …', 'FYI …', 'Open question: …'",
         lambda c: _told(c)),
    Rule("checked", "a task marked done: '[DONE] …', '[x] …', '~~…~~', a row whose status says done",
         lambda c: bool(CHECKED.match(c.unit.line.text)) or c.row_done),
    Rule("statement", "a sentence that says how things are: 'The room will be free', 'Rummet ska vara …'",
         lambda c: _form(c, "state")),
    Rule("scheduled", "a time of day: an event, not a task ('klo 18', 'at 14:00')",
         lambda c: bool(_CLOCK.search(c.reading.text)) or c.says("labels", "time")),
    Rule("no-verb", "no verb form found",
         lambda c: _form(c, "none") and not c.unit.is_row),
    Rule("first-person", "the writer: 'I …', 'jag …', 'minä …'",
         lambda c: c.reading.subject == "i"),
    Rule("thing-subject", "a thing as the subject: 'The budget is …'",
         lambda c: c.reading.subject == "thing" and _form(c, "present", "future", "perfect")),
    Rule("topic", "a short bullet with no verb and bullets under it: a topic, not a task",
         lambda c: bool(c.unit.children) and len(c.reading.text.split()) <= 5 and _form(c, "none")),
    Rule("heading", "a numbered item's own title line",
         lambda c: c.unit.line.block.kind == "heading"),
    Rule("short", "two words or fewer",
         lambda c: len(c.reading.text.split()) <= 2 and not c.unit.is_row),
    Rule("long", "more than 35 words",
         lambda c: len(c.reading.text.split()) > 35),
    Rule("nested", "a bullet under another bullet",
         lambda c: c.unit.depth >= 1),
    Rule("prose", "a sentence of a paragraph, not a bullet",
         lambda c: c.unit.depth < 0 and not c.unit.is_row),
    Rule("later-sentence", "not the first sentence of its line",
         lambda c: c.unit.position > 0 and not c.unit.is_row),
)


PROPOSERS = frozenset(rule.id for rule in RULES if rule.proposes)
_PROPOSING = tuple(rule for rule in RULES if rule.proposes)
_WEIGHING = tuple(rule for rule in RULES if not rule.proposes)
# the pattern finder's tasks are kept, and these are never tasks, whatever else holds
KEPT = frozenset(("explicit", "table", "section", "owner", "commit", "agreed", "recipient", "deadline"))
REFUSED = frozenset(("status-line", "question", "checked", "declined"))


def hits(candidate: Candidate) -> list[str]:
    """The ids of the rules that hold for ``candidate``, none when no rule proposes it; a
    task with an owner line below it takes that line's rules too, and the line none."""
    if candidate.owner_line and candidate.merged:
        return []
    found = [rule.id for rule in _PROPOSING if rule.test(candidate)]
    if candidate.child_owner is not None:
        child = [rule.id for rule in _PROPOSING if rule.test(candidate.child_owner)]
        found += [r for r in child if r not in found and r != "owner-line"]
    if not found:
        return []
    return found + [rule.id for rule in _WEIGHING if rule.test(candidate)]
