"""The pattern finder: the explicit forms a task is written in, each a rule of its own.
The action finder (``minutes.actions.finder``) keeps what these rules find and weighs the
rest of the document's sentences with its scorer.

    explicit  ``ACTION:``, ``TODO``, ``[ ]``, ``Toimenpide:``, ``Åtgärd:`` lines
    section   lines under an ``Action items`` / ``Toimenpiteet`` heading or label
    table     rows of an Action | Owner | Due table (Tehtävä | Vastuu | Aikataulu, …)
    owner     a sentence with ``Vastuu: X`` / ``(vastuu: X)`` / ``-> X`` / ``(X)`` at its end
    commit    ``X will …``, ``X to …``, ``X selvittää …``, ``X ansvarar för …``, a speaker's
              ``I'll …``, ``I can take that`` or a Finnish speaker's ``Lupautuu …``;
              ``X:lle tehtäväksi``, ``… tulee X:ltä``
    agreed    ``Sovittiin, että …`` and the like, with a task but no owner
    deadline  a line with a deadline (``dl 21.2``, ``24.3. mennessä``, ``vko 14``, ``by Friday``)

Not actions: reports of what was done, questions, wishes and maybes (``voisi``, ``ehkä``,
``could``, ``kanske``), decisions. Owners are resolved against the meeting's people (names,
inflected names, handles, roles such as ``the Chair`` or ``rahastonhoitaja``); a group is kept
as its canonical word, a person outside the roster as written, and a task whose owner the
parser cannot decide has none and carries a doubt.
"""

from __future__ import annotations

import re

from ... import dates
from ...structure import Line, ParseState
from .common import (
    CHECKED, _ATTRIBUTION, _BULLET, _OWNERS_SEQ, _PAGE_NUMBER, _TAG, Found, _alternation, _numbers,
    _position, _starts_item, _stems, clean,
)
from .lines import Lines
from .naming import Naming
from .prose import Prose
from .tables import Tables

__all__ = ["Found", "PatternFinder", "clean"]


class PatternFinder(Lines, Tables, Prose, Naming):
    """One pass over the lines; the language's words come from the profile."""

    def __init__(self, state: ParseState):
        self.state = state
        self.profile = state.profile
        self.code = state.profile.code
        self.words = {k: tuple(w.lower() for w in v) for k, v in state.profile.actions.items()}
        self.words["by"] = tuple(w.lower() for w in state.profile.date_words.get("by", ()))
        self.turns: dict = {}
        for turn in state.minutes.speakers:
            self.turns.setdefault(turn.origin, []).append(turn)
        self.groups = {
            form.lower(): canonical
            for canonical, forms in state.profile.groups.items()
            for form in forms
        }
        self.base = state.minutes.date
        self.next_date = state.minutes.next_meeting.date if state.minutes.next_meeting else None
        markers = _alternation(self.words.get("marker", ()))
        self.marker = re.compile(
            rf"^\s*(?:[-*•]\s*)?(?:#(?:action|todo)\b|(?:{markers})\b(?:\s*\((?P<paren>[^)]*)\))?\s*[:\-–]|TODO\b)\s*",
            re.I,
        )
        self.owner_label = re.compile(
            rf"\(?\b(?:{_alternation(self.words.get('owner', ()))})\s*:\s*(?P<who>[^)\n]+?)\s*(?:\)|$|\.\s)",
            re.I,
        )
        self.due_label = re.compile(rf"^\s*(?:{_alternation(self.words.get('due', ()))})\s*:\s*(?P<when>.+)$", re.I)
        status = [w for key in ("done", "open", "cancelled") for w in state.profile.follow_up.get(key, ())]
        self.status_word = re.compile(rf"(?:{_alternation(status)})(?!\w)")
        verbs, roles = state.profile.verbs, state.profile.roles
        self.that = _alternation(verbs.get("that", ()))  # a clause after it: "… that Jo books …"
        self.writer = _alternation(verbs.get("i", ()))
        self.pronouns = frozenset(w.lower() for w in verbs.get("they", ()))
        self.determiners = _alternation(roles.get("determiners", ()))
        self.determiner = re.compile(rf"^(?:{self.determiners})\s+")
        self.not_after_future = re.compile(rf"(?:{_alternation(verbs.get('not_after_future', ()))})\b")
        self.due_after_owner = re.compile(
            rf",\s*(?=(?:{_alternation((*self.words['by'], *self.words.get('due', ())))})\b)", re.I)
        self.required = re.compile(rf"(?<!\w)(?:{_alternation(self.words.get('required', ()))})\s+", re.I)
        after = self.words.get("together_after", ())
        self.together = re.compile(
            rf"(?<!\w)(?i:{_alternation(self.words.get('together_before', ()))})\s+(?P<who>{_OWNERS_SEQ})"
            + (rf"\s+(?i:{_alternation(after)})(?!\w)" if after else "")
        )
        self.sections = self._section_lines()
        self.analyses: dict[str, object] = {}
        self.units: list[tuple[Line, str]] = []
        # people named by IRC nicks ("kalle"): a lower-case name is a person here
        self.nicks = frozenset(a.name for a in state.minutes.attendees if a.name.islower())
        self._patterns: dict[tuple[str, ...], re.Pattern[str]] = {}
        self._dues: dict[str, dates.DateMention | None] = {}


    def find(self) -> list[Found]:
        found: list[Found] = []
        previous_turn: str | None = None
        self.units = self._units()
        typed_rows: set[int] = set()  # lines of an action table typed with tabs
        for n, (line, text) in enumerate(self.units):
            if line.is_table:
                found += self._table(line, line.block.rows)
                continue
            if n in typed_rows:
                continue
            rows = self._tab_table(n)
            if rows:
                typed_rows.update(range(n, n + len(rows)))
                found += self._table(line, tuple(rows))
                continue
            text = _ATTRIBUTION.sub("", text)
            if CHECKED.match(text) or self._is_heading_or_label(line, text) or self._not_task(text):
                continue
            text = _TAG.sub("", text)
            if self._status_report(_BULLET.sub("", text).strip().lower()) and len(self._sentences(text)) < 2:
                continue  # "- Kirjaston luettelointi – tehty (Aino)."
            if self._attach(text, line, found):
                continue
            item = self._explicit(line, text) or self._in_section(line, text) or self._owner_line(line, text)
            if item:
                found.append(item)
                continue
            for speaker, said in self._segments(line, text):
                for sentence in self._sentences(said):
                    item = self._sentence(line, sentence, speaker, previous_turn)
                    if item:
                        found.append(item)
                previous_turn = said
        return found


    def _units(self) -> list[tuple[Line, str]]:
        """Lines with their continuations joined: a slide bullet broken over two lines is
        one sentence (``… ennen viimeistä`` / ``kommenttikierrosta``)."""
        units: list[tuple[Line, str]] = []
        last: Line | None = None
        for line in self.state.lines:
            if line.index in self.state.used:
                continue
            if units and last and not line.is_table and self._continues(units[-1], last, line):
                first, joined = units[-1]
                units[-1] = (first, f"{_PAGE_NUMBER.sub('', joined).rstrip()} {line.text}")
            else:
                units.append((line, line.text))
            last = line
        return units


    def _continues(self, unit: tuple[Line, str], last: Line, line: Line) -> bool:
        """A line that goes on with the one above: it starts in lower case or with a
        parenthesis, or it stands right below a bullet that has not ended."""
        first, text = unit
        if (
            first.is_table
            or first.block.kind not in ("paragraph", "list_item")
            or line.block.kind != "paragraph"
            or text.rstrip().endswith((".", "!", "?", ":"))
            or line.text.startswith(("http", "www."))
            or self.state.label_of(line.text)
            or _starts_item(self.state, line)
            or line.origin in self.turns
        ):
            return False
        if line.text[:1].islower() or line.text[:1] == "(":
            return True
        if line.origin.paragraph is not None:
            return False  # a Word paragraph that starts a sentence is one of its own
        adjacent = _position(line) - _position(last) == 1
        bullet = first.block.kind == "list_item" and first.block.number is None
        return bullet and adjacent and not _BULLET.match(line.text) and not _starts_item(self.state, first)


    def same_task(self, a: Found, b: Found) -> bool:
        """Two mentions of one task: a sentence and its row in the action table, an
        ``ACTION:`` line and its repeat in the summary, ``I'll send it`` and ``ACTION: X to
        send it``. Their words are compared without their due dates; two rows of one table
        are two tasks."""
        if a.rule == b.rule == "table" and a.line.index == b.line.index:
            return False
        ta, tb = self._undated(a), self._undated(b)
        na, nb = _numbers(ta), _numbers(tb)
        if na and nb and na != nb:  # "check invoice 12" is not "check invoice 13"
            return False
        sa, sb = _stems(ta), _stems(tb)
        if min(len(sa), len(sb)) < 2:  # a short task (``I'll ask her``): its short words count too
            sa, sb = _stems(ta, 3), _stems(tb, 3)
        if not sa or not sb:
            return False
        shared = set(a.owners) & set(b.owners)  # one names all, the other some of them
        groups = set(self.groups.values())
        if a.owners and b.owners and not shared and not {*a.owners, *b.owners} <= groups:
            return False  # "Esite → Aino" and "Palaute → kaikki": two tasks ("all" is "everyone")
        overlap = len(sa & sb) / min(len(sa), len(sb))
        if overlap >= 0.8:
            return True
        same_owners = bool(shared) and shared in (set(a.owners), set(b.owners))
        return same_owners and overlap >= 0.4


    def _undated(self, item: Found) -> str:
        due = self._due(item)
        return item.text.replace(due.text, " ") if due and due.text in item.text else item.text


    def _due(self, item: Found) -> dates.DateMention | None:
        return self._deadline_in(item.due_source)


    def _deadline_in(self, text: str) -> dates.DateMention | None:
        """The due date ``text`` sets, read once however often the rules and the comparison
        of mentions ask."""
        if text not in self._dues:
            self._dues[text] = dates.find_deadline(text, self.base, self.code, next_meeting=self.next_date)
        return self._dues[text]


    def _says(self, low: str, *keys: str) -> bool:
        """Whether ``low`` holds, as a whole word, a word of the profile's ``keys`` lists."""
        pattern = self._patterns.get(keys)
        if pattern is None:
            words = [w for key in keys for w in self.words.get(key, ())]
            pattern = self._patterns[keys] = re.compile(rf"(?<!\w)(?:{_alternation(words)})(?!\w)")
        return pattern.search(low) is not None


    def _status_report(self, low: str) -> bool:
        """``Kirjaston luettelointi – tehty``, ``Website texts – ongoing``: where an
        earlier task stands (``tracker.reconcile`` reads it), not a new one."""
        match = re.match(r"^.{3,120}?\s[–—-]\s+(?P<rest>.+)$", low)
        return bool(match) and self.status_word.match(match["rest"]) is not None


    def _not_task(self, text: str) -> bool:
        """``INFO:``, ``AGREED:``, ``Yesterday:``, ``Tiedoksi:``: what such a label opens
        reports, and is no task; nor is a line that opens with a notice word (``FYI retro
        moved``, ``Huom kokous alkaa klo 9``), colon or not."""
        label = re.match(r"^\s*(?:[-*•]\s*)?\**([^:*]{2,25}?)\**\s*:", text)
        said = label.group(1).strip().lower() if label else ""
        if said in self.state.profile.labels.get("decision", ()):  # unless it names who does what
            return not any(self._subject_owners(s) for s in self._sentences(text[label.end():]))
        if said in self.words.get("not_tasks", ()):
            return True
        first = re.match(r"^\s*(?:[-*•]\s*)?\**(\S+)", text)
        return bool(first) and first.group(1).strip("*,:").lower() in self.words.get("notices", ())


    def _is_heading_or_label(self, line: Line, text: str) -> bool:
        if line.block.kind == "heading" or _starts_item(self.state, line):
            return True
        label = self.state.label_of(text)
        return bool(label) and not label[1]
