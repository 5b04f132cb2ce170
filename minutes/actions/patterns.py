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
from dataclasses import dataclass, field
from functools import lru_cache

from .. import dates
from ..model import Action
from ..people import NAME_TOKEN, looks_like_name
from ..structure import Line, ParseState, cell, columns

__all__ = ["run"]

_BULLET = re.compile(r"^\s*(?:[-*•–◦▪>]\s*)+")
_NAME_SEQ = rf"{NAME_TOKEN}(?:\s{NAME_TOKEN}){{0,2}}"
_OWNERS_SEQ = rf"{_NAME_SEQ}(?:\s*(?:,|and|ja|och|&)\s*{_NAME_SEQ})*"
_HANDLE = re.compile(r"@([\w.-]+)")
_LEADING_HANDLES = re.compile(r"^\s*@[\w.-]+(?:\s*(?:,|\+|&|and|ja|och)\s*@[\w.-]+)*")
_BOX = re.compile(r"^\s*(?:[-*•]\s*)?\[\s?\]\s*")
_DONE = re.compile(r"^\s*(?:[-*•]\s*)?(?:\[(?:x|X|DONE|done|tehty|klar)\]|~~)")
_TAG = re.compile(r"^\s*(?:[-*•]\s*)?\[(?:NEW|new|uusi|ny)\]\s*")
_ARROW = re.compile(
    rf"\s*(?:->|→|=>)\s*(?P<who>{_OWNERS_SEQ}|[a-zåäö]+)(?:\s+\w+)?(?:\s*,\s*(?P<when>[^,]*))?\s*\.?\s*$"
)
_TRAILING_OWNER = re.compile(r"\((?P<who>[^()]{2,60})\)\s*\.?\s*\d{0,2}\s*$")
_PAGE_NUMBER = re.compile(r"\s+\d{1,2}\s*$")
# MeetBot's "(nick, 14:12:30)" after every summary line
_ATTRIBUTION = re.compile(r"\s*\((?:[\w.@-]+),\s*\d{1,2}:\d{2}(?::\d{2})?\)\s*$")
_TRAILING_DASH_OWNER = re.compile(rf"\s+[–—]\s+(?P<who>{_OWNERS_SEQ}|@?[a-z][\w.-]+)\s*\.?\s*$")
_MONTH_YEAR = re.compile(r"\d{1,2}/\d{4}")
_NICKS = r"[a-z][\w.-]*(?:\s+(?:and|&|ja|och)\s+[a-z][\w.-]*)*"
_OWNER_SPLIT = re.compile(r"\s*(?:,|;|/|&|\+|\band\b|\bja\b|\boch\b|\btai\b|\bor\b|\beller\b)\s*")
_RULES = ("explicit", "table", "section", "owner", "commit", "agreed", "recipient", "deadline")


@dataclass
class _Found:
    text: str
    owners: list[str]
    line: Line
    rule: str
    snippet: str
    due_source: str
    agenda_item: str | None = None
    doubts: list[str] = field(default_factory=list)


def run(state: ParseState) -> None:
    """Find the actions of the minutes and add them to ``state.minutes.actions``."""
    finder = _Finder(state)
    kept: list[_Found] = []
    for item in sorted(finder.find(), key=lambda f: _RULES.index(f.rule)):
        if not item.text.strip():
            continue
        same = next((other for other in kept if finder.same_task(item, other)), None)
        if same is None:
            kept.append(item)
        else:
            finder.complete(same, item)
    kept.sort(key=lambda f: f.line.index)
    state.minutes.actions.extend(finder.to_action(item) for item in kept)


@lru_cache(maxsize=4096)
def _numbers(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"\d+", text))


@lru_cache(maxsize=4096)
def _stems(text: str, shortest: int = 4) -> frozenset[str]:
    """The first letters of the words that carry meaning; not numbers, not the short words
    every task shares (``the``, ``due``, ``och``, ``att``)."""
    return frozenset(w[:5] for w in re.findall(r"[^\W\d_]+", text.casefold()) if len(w) >= shortest)


class _Finder:
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
        self.required = re.compile(rf"(?<!\w)(?:{_alternation(self.words.get('required', ()))})\s+", re.I)
        after = self.words.get("together_after", ())
        self.together = re.compile(
            rf"(?<!\w)(?i:{_alternation(self.words.get('together_before', ()))})\s+(?P<who>{_OWNERS_SEQ})"
            + (rf"\s+(?i:{_alternation(after)})(?!\w)" if after else "")
        )
        self.sections = self._section_lines()
        self.analyses: dict[str, object] = {}
        self.units: list[tuple[Line, str]] = []
        # people named by IRC nicks: a lower-case name is a person here
        self.nicks = any(a.name.islower() for a in state.minutes.attendees)
        self._patterns: dict[tuple[str, ...], re.Pattern[str]] = {}
        self._dues: dict[str, dates.DateMention | None] = {}

    # --- the pass --------------------------------------------------------------------

    def find(self) -> list[_Found]:
        found: list[_Found] = []
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
            if _DONE.match(text) or self._is_heading_or_label(line, text) or self._not_task(text):
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

    def same_task(self, a: _Found, b: _Found) -> bool:
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

    def _undated(self, item: _Found) -> str:
        due = self._due(item)
        return item.text.replace(due.text, " ") if due and due.text in item.text else item.text

    def complete(self, item: _Found, other: _Found) -> None:
        """What a second mention of the same task adds to the first: its owners or its due
        date where the first names none (a sentence without a date, its table row with one)."""
        if not item.owners and other.owners:
            item.owners = other.owners
        if not self._due(item) and self._due(other):
            item.due_source = other.due_source

    def _due(self, item: _Found) -> dates.DateMention | None:
        return self._deadline_in(item.due_source)

    def _deadline_in(self, text: str) -> dates.DateMention | None:
        """The due date ``text`` sets, read once however often the rules and the comparison
        of mentions ask."""
        if text not in self._dues:
            self._dues[text] = dates.find_deadline(text, self.base, self.code, next_meeting=self.next_date)
        return self._dues[text]

    def to_action(self, item: _Found) -> Action:
        agenda_item = item.agenda_item or self.state.agenda_item_at(item.line.index)
        due = self._due(item)
        text = _PAGE_NUMBER.sub("", item.text) if item.rule != "table" else item.text
        if due and due.text in text and len(text) > len(due.text) + 10:
            text = text.replace(due.text, " ")
        doubts = list(item.doubts)
        if not item.owners:
            doubts.append("no owner named")
        return Action(
            text=_clean(text),
            owners=item.owners,
            due=due.date if due else None,
            due_text=due.text if due else None,
            agenda_item=agenda_item,
            origin=item.line.origin,
            snippet=item.snippet.strip(),
            rule=item.rule,
            doubts=doubts,
        )

    # --- explicit markers, sections, owner and due lines -------------------------------

    def _explicit(self, line: Line, text: str) -> _Found | None:
        box = _BOX.match(text)
        match = self.marker.match(text) if not box else None
        if not box and not match:
            return None
        rest = text[box.end():] if box else text[match.end():]
        if not rest.strip():
            return None
        hint = match["paren"] if match and match["paren"] else None
        tagged = self._resolve_every(rest) or self._named_outsider(rest)
        if tagged and not hint:
            return self._tag_previous(line, tagged)  # "… paragraph. ACTION: AB/KL"
        owners, rest = self._owners_of_task(rest, hint)
        return _Found(rest, owners, line, "explicit", text, text)

    def _tag_previous(self, line: Line, owners: list[str]) -> _Found | None:
        """An owner tag on its own line takes the last sentence above it as its task."""
        above = [(first, text) for first, text in self.units if first.index < line.index]
        if not above or above[-1][0].is_table or line.index - above[-1][0].index > 4:
            return None
        previous, text = above[-1]
        sentences = self._sentences(text)
        task = self._strip_label(sentences[-1] if sentences else text)
        return _Found(task, owners, previous, "explicit", task, task)

    def _strip_label(self, text: str) -> str:
        """``Päätös: Merkittiin tiedoksi …`` -> ``Merkittiin tiedoksi …``."""
        label = self.state.label_of(text)
        return label[1] if label and label[1] else text

    def _attach(self, text: str, line: Line, found: list[_Found]) -> bool:
        """``Vastuu: X`` / ``Ansvarig: X, senast 14/4`` / ``Aikataulu: 13.3.`` on the lines
        right below a task: they complete it."""
        if not found or found[-1].rule not in ("explicit", "section", "owner"):
            return False
        last = found[-1]
        if line.index - last.line.index > 3:
            return False
        owner = self.owner_label.match(text.strip() + "\n")
        due = self.due_label.match(text)
        if owner and owner.start() == 0:
            who = re.split(r",\s*(?=(?:senast|by|mennessä|dl|viim|klart|due)\b)", owner["who"], flags=re.I)[0]
            last.owners = self._resolve_all(who, keep_unknown=True) or last.owners
            last.due_source += " " + text
            return True
        if due:
            last.due_source = due["when"] + " " + last.due_source
            return True
        return False

    def _section_lines(self) -> set[int]:
        """Lines under an action section heading or label (``Action items``, ``Toimenpiteet``)."""
        sections = set(self.words.get("section", ()))
        inside: set[int] = set()
        active = False
        for line in self.state.lines:
            bare = line.text.strip().strip("*#:").strip().lower()
            if bare in sections:
                active = True
                continue
            if active and (line.block.kind == "heading" or _starts_item(self.state, line)
                           or self.state.label_of(line.text) and not self.marker.match(line.text)):
                active = False
            if active and not line.is_table:
                inside.add(line.index)
        return inside

    def _in_section(self, line: Line, text: str) -> _Found | None:
        if line.index not in self.sections:
            return None
        text = _BULLET.sub("", text)
        if len(text.split()) <= 3 and (looks_like_name(text.strip(" :")) or text.strip(" :").islower()):
            return None  # a "by person" sub-heading
        owners, rest = self._owners_of_task(text, None)
        if not owners and line.block.kind != "list_item" and not _BULLET.match(line.text):
            return None  # "Minutes formatted by …" after the list
        return _Found(rest, owners, line, "section", text, text)

    def _owner_line(self, line: Line, text: str) -> _Found | None:
        """A task that names its owner at its end: ``… (vastuu: X)``, ``… -> X hoitaa``,
        ``… (X)``."""
        sentence = _BULLET.sub("", text)
        match = self.owner_label.search(sentence)
        if match and match.start() > 0:
            owners = self._resolve_all(match["who"], keep_unknown=True)
            task = (sentence[: match.start()] + " " + sentence[match.end():]).strip(" .,;(")
            task = self._strip_agreed(task)
            return _Found(task, owners, line, "owner", text, text)
        for pattern in (_ARROW, _TRAILING_OWNER, _TRAILING_DASH_OWNER):
            match = self._owner_at_end(pattern, sentence)
            if match and match.start() > 0 and self._statement(sentence[: match.start()]):
                return None  # "The new site is still planned for June (Maria)": news, not a task
            if match and match.start() > 0:
                owners = self._resolve_every(match["who"], keep_unknown=pattern is _ARROW)
                if owners and len(sentence[: match.start()].split()) >= 2:
                    return _Found(sentence[: match.start()], owners, line, "owner", text, text)
        return None

    def _statement(self, text: str) -> bool:
        """A line that says how things are (``Sali on varattu``, ``the launch is aimed at
        May``), not what is to be done (``Budjetti on päivitettävä``)."""
        return self._says(text.lower(), "statement_verbs") and not self._marks_task(text)

    def _owner_at_end(self, pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
        """``… → Viktor``, ``… → Viktor, senast 30/4``: what follows the owner after a comma
        must be the due date (``→ Kyllä, tilaukset kahvion kautta`` is an answer)."""
        match = pattern.search(text)
        when = match.groupdict().get("when") if match else None
        if when and not (re.search(r"\d", when) or self._says(when.lower(), "by", "due_phrases")
                         or self._deadline_in(when)):
            return None
        return match

    def _named_outsider(self, text: str) -> list[str]:
        """``kulttuurisihteeri Aino Lehtinen``: a role in lower case and a full name, the
        whole of an owner tag."""
        match = re.fullmatch(rf"(?:[a-zåäö-]+\s+){{0,2}}(?P<name>{NAME_TOKEN}\s{NAME_TOKEN}(?:\s{NAME_TOKEN})?)\.?", text.strip())
        if not match:
            return []
        return [self.state.people.resolve(match["name"]) or match["name"]]

    def _resolve_every(self, written: str, keep_unknown: bool = False) -> list[str]:
        """The owners of ``written`` when every part of it is one (``(Heidi)``, not
        ``(Kaarnamaan liitto)`` nor ``(mkoivu, 14:01)``)."""
        parts = [p for p in _OWNER_SPLIT.split(written.strip(" .")) if p.strip(" .:()")]
        owners = self._resolve_all(written, keep_unknown)
        return owners if parts and len(owners) == len(parts) else []

    def _action_columns(self, header: tuple[str, ...]) -> dict[str, int] | None:
        """Which columns of a table hold the task, its owner and its due date, when the
        header says it is an action table."""
        named = columns(header, {key: self.words.get(f"column_{key}", ()) for key in ("action", "owner", "due")})
        return named if "action" in named and {"owner", "due"} & named.keys() else None

    def _tab_table(self, n: int) -> list[tuple[str, ...]]:
        """An action table typed with tabs (``No.<TAB>Action<TAB>Owner<TAB>Due``), starting at
        unit ``n``: its header and rows, each a line with as many cells; else nothing."""
        line, text = self.units[n]
        header = tuple(re.split(r"\t+", text.strip()))
        if "\t" not in text or len(header) < 2 or self._action_columns(header) is None:
            return []
        rows = [header]
        for below, below_text in self.units[n + 1:]:
            cells = tuple(re.split(r"\t+", below_text.strip()))
            if below.is_table or "\t" not in below_text or len(cells) != len(header):
                break
            rows.append(cells)
        return rows if len(rows) > 1 else []

    def _table(self, line: Line, rows: tuple[tuple[str, ...], ...]) -> list[_Found]:
        if len(rows) < 2:
            return []
        named = self._action_columns(rows[0])
        if named is None:
            return []
        heading = rows[0][named["action"]].strip().strip("*:").lower()
        if "owner" not in named and heading in self.words.get("column_neutral", ()):
            return []  # | Milloin | Mitä |: a timeline of what happens, no one's tasks
        found = []
        section = None
        for row in rows[1:]:
            filled = [c for c in row if c.strip()]
            if len(filled) == 1 and len(row) > 1:
                section = self._agenda_item_named(filled[0])  # a section row spanning the table
                continue
            task = cell(row, named, "action")
            if not task or task.strip("-–— ") == "" or self._done_row(row, named):
                continue
            owner = cell(row, named, "owner")
            owners = self._resolve_all(owner, keep_unknown=True) if owner else []
            found.append(_Found(task, owners, line, "table", " | ".join(row), cell(row, named, "due"), section))
        return found

    def _done_row(self, row: tuple[str, ...], named: dict[str, int]) -> bool:
        """A row whose status or date cell says it is done already (``tehty 27.2.``); the
        task itself may well start with such a word (``Complete the training``)."""
        done = self.words.get("done_status", ())
        told = [c for i, c in enumerate(row[1:], 1) if i not in (named.get("action"), named.get("owner"))]
        return any(c.strip().lower().split(" ")[0].strip(".,:") in done for c in told if c.strip())

    def _agenda_item_named(self, text: str) -> str | None:
        words = _stems(text)
        for item in self.state.minutes.agenda:
            if words and words <= _stems(item.title) | words and words & _stems(item.title):
                return item.number or item.title
        return None

    # --- prose ----------------------------------------------------------------------

    def _segments(self, line: Line, text: str) -> list[tuple[str | None, str]]:
        turns = [t for t in self.turns.get(line.origin, []) if t.text and t.text in text]
        return [(t.person, t.text) for t in turns] or [(None, text)]

    def _sentence(self, line, sentence, speaker, previous_turn) -> _Found | None:
        sentence = _BULLET.sub("", sentence).strip()
        low = sentence.lower()
        if not sentence or sentence.endswith("?") or self._tentative(low) or self._status_report(low):
            return None
        for rule in (self._agreed, self._commitment, self._speaker_commitment, self._recipient,
                     self._deadline):
            item = rule(line, sentence, low, speaker, previous_turn)
            if item:
                return item
        return None

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
        if label and label.group(1).strip().lower() in self.words.get("not_tasks", ()):
            return True
        first = re.match(r"^\s*(?:[-*•]\s*)?\**(\S+)", text)
        return bool(first) and first.group(1).strip("*,:").lower() in self.words.get("notices", ())

    def _tentative(self, low: str) -> bool:
        return self._says(low, "tentative")

    def _says(self, low: str, *keys: str) -> bool:
        """Whether ``low`` holds, as a whole word, a word of the profile's ``keys`` lists."""
        pattern = self._patterns.get(keys)
        if pattern is None:
            words = [w for key in keys for w in self.words.get(key, ())]
            pattern = self._patterns[keys] = re.compile(rf"(?<!\w)(?:{_alternation(words)})(?!\w)")
        return pattern.search(low) is not None

    def _agreed(self, line, sentence, low, speaker, previous_turn) -> _Found | None:
        whole, required = sentence, self._required(sentence)
        if required:  # "Lautakunta edellytti, että …": what follows is agreed
            sentence, low = required, required.lower()
        agreed = [w for w in self.words.get("agreed", ()) if low.startswith(w)]
        passive = (
            speaker is None and self._passive_start(sentence)
            and (line.block.kind == "paragraph" and not _BULLET.match(line.text) or self._has_deadline(sentence))
        )
        if not agreed and not passive and not required:
            return None
        task = self._strip_agreed(sentence) if agreed else sentence
        inner = self._commitment(line, task, task.lower(), speaker, previous_turn)
        if inner:
            inner.rule, inner.snippet = "agreed", whole
            return inner
        if (agreed or required) and not self._task_form(task):
            return None  # a decision, not a task: "Sovittiin, että kokous on …"
        return _Found(task, self._subject_owners(task), line, "agreed", whole, sentence)

    def _task_form(self, text: str) -> bool:
        """A clause that sets a task, where the language marks one by the ending of its
        verb: a passive (``tuodaan``), necessive (``toimitettava``) or translative
        infinitive (``vietäväksi``); in a language that does not, any clause may."""
        if not self._task_endings():
            return True
        return self._marks_task(text)

    def _task_endings(self) -> tuple[str, ...]:
        return (*self.words.get("passive_endings", ()), *self.words.get("must_endings", ()))

    def _marks_task(self, text: str) -> bool:
        endings = self._task_endings()
        return bool(endings) and any(w.lower().endswith(endings) for w in re.findall(r"\w+", text))

    def _passive_start(self, sentence: str) -> bool:
        """``Selvitetään …``, ``Lähetetään …``: a passive task verb opens the sentence."""
        first = sentence.split()[0].lower().strip(",") if sentence.split() else ""
        return first in self.words.get("passive_tasks", ())

    def _commitment(self, line, sentence, low, speaker, previous_turn) -> _Found | None:
        if self.profile.pro_drop:
            owners = self._owners_by_verb(sentence, low)
        else:
            owners = self._owners_modal(sentence) or self._subject_with_verb(sentence, low)
        if not owners:
            return None
        return _Found(sentence, [*owners, *self._together(sentence, owners)], line, "commit", sentence, sentence)

    def _together(self, sentence: str, owners: list[str]) -> list[str]:
        """People the task is to be done with, who share it: ``yhdessä Villen kanssa``,
        ``together with Jo``, ``tillsammans med Olof``."""
        found = []
        for m in self.together.finditer(sentence):
            for name in self._resolve_all(m["who"]):
                if name not in owners and name not in found:
                    found.append(name)
        return found

    def _owners_modal(self, sentence: str) -> list[str]:
        """``Sam will …``, ``Sam and Jo to …``, ``Sam agreed to …``, ``Karin ansvarar för …``."""
        verbs = _alternation(v for v in self.words.get("commit_verbs", ()))
        match = re.search(
            rf"(?:^|,\s*|;\s*|\b(?:that|att)\s+)(?P<who>(?:[Tt]he\s+)?{_OWNERS_SEQ}|(?:[Tt]he\s+)?{_NICKS})\s+(?P<verb>{verbs})\s+(?P<rest>\S.*)$",
            sentence,
        )
        if not match:
            return []
        verb, rest = match["verb"].lower(), match["rest"].lower()
        if verb in ("will", "ska", "skall", "kommer att") and rest.startswith(("be ", "not ", "have ", "vara ", "inte ", "also be ")):
            return []
        if verb in ("to", "is to", "are to") and (not re.match(r"^[a-z]+\b", match["rest"]) or rest.startswith(("the ", "a ", "an ", "be ", "all ", "our ", "their ", "his ", "her "))):
            return []
        doc = self._analysis(match["rest"]) if verb in ("to", "is to", "are to") else None
        if doc is not None and len(doc) and doc[0].pos_ in ("DET", "ADP", "PRON", "PROPN", "NUM"):
            return []  # "Welcome to the club", "thanks to Sam"
        verbs = self.profile.verbs
        after = rest.split()[0] if rest.split() else ""
        if verb in ("to", "is to", "are to") and after.endswith(
            (*verbs.get("progressive_endings", ()), *verbs.get("past_endings", ()))
        ):
            return []  # "Due to overlapping duties …": no verb follows "to"
        first = match["who"].split()[0].lower()
        if len(first) > 4 and first.endswith(tuple(verbs.get("opening_past_endings", ()))):
            return []  # "Created the repository to …": a report opens the sentence, no doer
        return self._resolve_all(match["who"], keep_unknown=match["who"][:1].isupper() or self.nicks)

    def _subject_with_verb(self, sentence: str, low: str) -> list[str]:
        """``Mats sammankallar … senast den 30 april``: a named subject, a present-tense verb
        and a deadline."""
        match = re.match(rf"^(?P<who>{_OWNERS_SEQ})\s+(?P<verb>[a-zåäö]+)\b", sentence)
        if not match or match["verb"] in self.words.get("report_verbs", ()):
            return []
        present = match["verb"].endswith(tuple(self.words.get("present_endings", ())) or ("\0",))
        if not present or not self._has_deadline(sentence, strict=True) or self._reported(sentence):
            return []
        return self._resolve_all(match["who"])

    def _owners_by_verb(self, sentence: str, low: str) -> list[str]:
        """Where the verb's present tense says what will be done (``Aino selvittää …``): the
        ways of giving a task to someone; a sentence that reports what
        happened gives none (checked last: with a model it is the costly part)."""
        owners = self._owners_by_verb_candidates(sentence, low)
        if owners and self._reported(sentence) and not self._says(low, "task_of"):
            return []
        return owners

    def _owners_by_verb_candidates(self, sentence: str, low: str) -> list[str]:
        # "Villelle annettiin tehtäväksi …", "Ainon tehtäväksi …", "vastuuhenkilönä X"
        if self._says(low, "task_of"):
            owners = self._people_in(sentence)
            if owners:
                return owners
        # "Sirpalta tulee …", "… tulossa Villeltä"
        if self._says(low, "coming"):
            owners = [o for word in re.findall(_NAME_SEQ, sentence)
                      if word.split()[-1].lower().endswith(("lta", "ltä")) for o in self._resolve_all(word)]
            if owners:
                return owners
        # "Aino kokoaa …", "Kosken Ville ja Anna-Liisa laativat … helmikuun aikana"
        match = re.match(rf"^(?P<who>(?:{_OWNERS_SEQ}|[a-zåäö]+))\s+(?P<verb>[\wåäö/]+)", sentence)
        if not match:
            return []
        verb = match["verb"].lower().strip(",.")
        verbs = self.words.get("commit_verbs", ())
        if verb in self.words.get("report_verbs", ()) or verb.endswith("i") and verb not in verbs:
            return []
        if verb not in verbs and not (_present_verb(verb) and self._has_deadline(sentence)):
            return []
        who = match["who"]
        owners = self._resolve_all(who)
        if not owners and self._is_place(who) and self._has_deadline(sentence, strict=True):
            owners = [who]  # "Kuusamo kokoaa tiedot … viikon 12 aikana"
        return owners

    def _is_place(self, who: str) -> bool:
        """A capitalised subject that is no person of the meeting but acts as one (a town,
        an organisation: ``Kuusamo kokoaa tiedot``)."""
        return looks_like_name(who, 2) and self.state.people.resolve(who) is None

    def _has_deadline(self, sentence: str, strict: bool = False) -> bool:
        """A due date in the sentence; ``strict``: one written as a deadline (``mennessä``,
        ``vko 14``, ``by``), not any date."""
        due = self._deadline_in(sentence)
        if due is None or not strict:
            return due is not None
        phrase = due.text.lower()
        return due.kind == "deadline" or self._says(phrase, "by", "due_phrases")

    def _speaker_commitment(self, line, sentence, low, speaker, previous_turn) -> _Found | None:
        """A speaker's own commitment: ``I'll send it``, ``Hoidan``, ``Lupautuu avuksi``;
        ``I can take that`` takes the task from the turn before."""
        if not speaker:
            return None
        words = self.words.get("first_person", ())
        first = [w for w in words if low.startswith(w) or f" {w} " in f" {low} "]
        if self.profile.pro_drop and not first:
            verb = low.split()[0].strip(",.") if low.split() else ""
            if verb not in self.words.get("commit_verbs", ()):
                return None
        elif not first:
            return None
        if re.search(r"\b(?:i'll|i will)\s+be\b", low):
            return None
        owners = [speaker]
        partner = re.match(rf"^(?P<who>{_NAME_SEQ})\s+(?:and|ja|och)\s+(?:I|minä|mä|jag)\b", sentence)
        if partner:
            owners = [*self._resolve_all(partner["who"]), speaker]
        text, due_source = sentence, sentence
        if len(sentence.split()) <= 6 and previous_turn:
            request = self._request(previous_turn)
            if request:  # "Maria: I can do that" after "Somebody has to call X"
                text, due_source = request, f"{sentence} {previous_turn}"
        return _Found(text, owners, line, "commit", sentence, due_source)

    def _request(self, turn: str) -> str | None:
        """The task a previous speaker asked for: ``Somebody has to call X`` ->
        ``call X``; ``@Sanna voitko tarkistaa X?`` -> ``tarkistaa X``."""
        words = _alternation(self.words.get("request", ()))
        match = re.search(rf"(?<!\w)(?:{words})\s+(?P<task>[^.;!?]+)", turn, re.I)
        return match["task"].strip(" ,") if match else None

    def _deadline(self, line, sentence, low, speaker, previous_turn) -> _Found | None:
        """A task set by its deadline: ``Kaikkien kuntien vastaukset: dl 21.2``, ``vko 14``.
        A date with a deadline word counts anywhere; a week or month end only on a bullet or
        where the sentence names a doer or sets a task. Speakers' dates are what they
        report, and a sentence in the past tense reports too."""
        if speaker:
            return None
        due = self._deadline_in(sentence)
        if not due or _MONTH_YEAR.fullmatch(due.text.strip()) or self._reported(sentence):
            return None
        phrase = due.text.lower()
        words = sentence[: due.start].split()[-3:]  # "haun dl on 31.3.2025"
        by = [i for i, w in enumerate(words) if self._says(w.lower(), "by")]
        # "signed by Maria on 3 May": a name after "by" makes it the doer, not the date
        by_date = bool(by) and not any(w[:1].isupper() for w in words[by[-1] + 1:])
        explicit = due.kind == "deadline" or self._says(phrase, "by") or by_date
        if not explicit and not self._says(phrase, "due_phrases"):
            return None
        task = _BULLET.sub("", sentence.replace(due.text, " ")).strip(" ,.;:-–•")
        if len(task.split()) < 2:
            return None
        group_label = re.match(r"^(?P<who>[^:]{2,30}):\s+(?P<rest>.+)$", task)
        if group_label and self._resolve_all(group_label["who"]):
            return _Found(group_label["rest"], self._resolve_all(group_label["who"]), line, "deadline", sentence, sentence)
        owners = self._subject_owners(task)
        bullet = line.block.kind == "list_item" or _BULLET.match(line.text) is not None
        if not explicit and not (bullet or owners or self._task_form(task)):
            return None
        return _Found(task, owners, line, "deadline", sentence, sentence)

    def _recipient(self, line, sentence, low, speaker, previous_turn) -> _Found | None:
        """What people are to send to someone, who then acts on it: ``Ilmoittautumiset
        Ainolle tai suoraan Villelle``, ``Feedback on the flyer to Tom by 5 May``,
        ``Anmälan till Emil``. The thing sent opens the sentence (no verb says who does what)
        and the recipients, people of the meeting, are the owners."""
        opening = " ".join(re.findall(r"[\w-]+", low)[:3])
        if speaker or not self._says(opening, "sent_things") or self._says(low, "report_verbs"):
            return None
        if self._reported(sentence):
            return None
        endings = tuple(self.words.get("recipient_endings", ()))
        if endings:
            named = [w for w in re.findall(r"[\w-]+", sentence) if w[:1].isupper() and w.endswith(endings)]
        else:
            before = _alternation(self.words.get("recipient_before", ()))
            named = [m["who"] for m in re.finditer(rf"(?<!\w)(?:{before})\s+(?P<who>{_NAME_SEQ})", sentence)]
        owners = list(dict.fromkeys(found for who in named if (found := self.state.people.resolve(who))))
        if not owners:
            return None
        return _Found(sentence, owners, line, "recipient", sentence, sentence)

    def _reported(self, sentence: str) -> bool:
        """A sentence that reports what happened: the profile's patterns, and where a
        statistical model is installed, a main verb in the past tense (but a promise in
        the past tense, ``lupautui``, ``agreed``, is a commitment)."""
        low = sentence.lower()
        if any(re.search(pattern, low) for pattern in self.words.get("reported", ())):
            return True
        doc = self._analysis(sentence)
        if doc is None:
            return False
        finite = [t for t in doc if t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm")]
        if not finite or "Past" not in finite[0].morph.get("Tense"):
            return False
        return finite[0].lemma_.lower() not in self.words.get("promise_lemmas", ())

    def _sentences(self, text: str) -> list[str]:
        """spaCy's sentences, with the splits it makes after an abbreviation or an ordinal
        (``viim. viikon``, ``2. luonnokseen``, ``(pdf).``) joined back: a sentence starts
        with a capital letter, a digit or a quote. With a model, each sentence's reading is
        kept for ``_analysis``. Without a model the sentences are cut by punctuation alone
        (``units.sentences``) and spaCy is not loaded."""
        from ..nlp import has_model, pipeline
        from .units import sentences as cut

        if len(text) < 40 or not re.search(r"[.!?]\s", text):
            return [text.strip()]
        if not has_model(self.code):
            return cut(text.strip())
        sentences: list[str] = []
        spans: list[list] = []
        for sent in pipeline(self.code)(text).sents:
            part = sent.text.strip()
            if not part:
                continue
            if sentences and not (part[0].isupper() or part[0].isdigit() or part[0] in "\"'*•-–"):
                sentences[-1] = f"{sentences[-1]} {part}"
                spans[-1].append(sent)
            else:
                sentences.append(part)
                spans.append([sent])
        for sentence, parts in zip(sentences, spans):
            if len(parts) == 1:
                self.analyses[sentence] = parts[0]
        return sentences

    def _analysis(self, text: str):
        """The statistical model's reading of ``text``, or None without a model."""
        from ..nlp import has_model, pipeline

        if not has_model(self.code):
            return None
        if text not in self.analyses:
            self.analyses[text] = pipeline(self.code)(text)
        return self.analyses[text]

    # --- owners ---------------------------------------------------------------------

    def _owners_of_task(self, text: str, hint: str | None) -> tuple[list[str], str]:
        """The owners a marked task names: ``TODO(sam)``, ``@sam``, ``Sam to …``,
        ``AI: Sam – text``, ``(Sam)`` at the end, ``Vastuu: Sam``; and the task without them."""
        if hint:
            return self._resolve_all(hint, keep_unknown=True), text
        handles = _HANDLE.findall(text)
        leading = _LEADING_HANDLES.match(text)
        if leading:  # "@omarchetti ask @prudence-k …": the one asked is no owner
            handles = _HANDLE.findall(leading.group(0))
        if handles:
            owners = self._resolve_all(", ".join(f"@{h}" for h in handles), keep_unknown=True)
            return owners, _HANDLE.sub(lambda m: m[1], text)
        label = self.owner_label.search(text)
        if label:
            owners = self._resolve_all(label["who"], keep_unknown=True)
            return owners, (text[: label.start()] + " " + text[label.end():]).strip(" .,;")
        lead = re.match(rf"^(?P<who>{_OWNERS_SEQ}|[a-zåäö]+)\s*(?:[–—:]|-\s)\s*(?P<rest>.+)$", text)
        if lead:
            owners = self._resolve_all(lead["who"], keep_unknown=lead["who"][:1].isupper())
            if owners:
                return owners, lead["rest"]
        for pattern in (_ARROW, _TRAILING_OWNER, _TRAILING_DASH_OWNER):
            match = self._owner_at_end(pattern, text)
            if match and match.start() > 0:
                owners = self._resolve_every(match["who"])
                if owners:
                    return owners, text[: match.start()].strip()
        commit = self._commitment(None, text, text.lower(), None, None)
        if commit:
            return commit.owners, text
        return self._subject_owners(text), text

    def _subject_owners(self, text: str) -> list[str]:
        """People and groups at the head of a task, where its doer stands: ``Hankkeet
        täyttävät …``, ``Kaikkien kuntien vastaukset …``; a recipient (``Helenalle``) or an
        object further on is no owner."""
        owners: list[str] = []
        for word in re.findall(r"[\w-]+", text)[:3]:
            low = word.lower()
            if low.endswith(tuple(self.words.get("not_subject_endings", ())) or ("\0",)):
                continue
            found = self.groups.get(low) or (self.state.people.resolve(word) if word[:1].isupper() else None)
            if found and found not in owners:
                owners.append(found)
        return _without_quantifier(owners, self.words.get("quantifiers", ()))

    def _people_in(self, text: str) -> list[str]:
        owners: list[str] = []
        for match in re.finditer(_NAME_SEQ, text):
            name = self.state.people.resolve(match.group(0)) or self._role_holder(match.group(0).lower())
            if name and name not in owners:
                owners.append(name)
        return owners

    def _resolve_all(self, written: str, keep_unknown: bool = False) -> list[str]:
        """``Eeva Sofia ja Kalle`` -> both canonical names; groups as their canonical word."""
        owners: list[str] = []
        for part in _OWNER_SPLIT.split(written.strip(" .")):
            part = part.strip(" .:()")
            if not part:
                continue
            name = self._resolve(part, keep_unknown)
            if name and name not in owners:
                owners.append(name)
        return owners

    def _resolve(self, part: str, keep_unknown: bool) -> str | None:
        found = self.state.people.resolve(part)
        if not found and part.startswith("@"):
            found = self.state.people.resolve(part[1:])  # @juho: the attendee Juho
        if found:
            return found
        low = part.lower()
        if low in self.groups:
            return self.groups[low]
        role = self._role_holder(low)
        if role:
            return role
        if keep_unknown and (looks_like_name(part.lstrip("@"), 3) or re.fullmatch(r"@?[a-z][\w.-]{1,30}", part)):
            return part.lstrip("@") if not part.startswith("@") else part
        return None

    def _role_holder(self, low: str) -> str | None:
        """``the Chair`` -> the chair; ``rahastonhoitaja``, ``the CEO`` -> the attendee with
        that role."""
        low = re.sub(r"^(?:the|our|kokouksen|yhdistyksen)\s+", "", low).rstrip(".")
        if len(low.split()) > 3:
            return None
        for role in ("chair", "secretary"):
            words = {w.lower().rstrip(".") for w in self.profile.roles.get(role, ())}
            if low in words and getattr(self.state.minutes, role):
                return getattr(self.state.minutes, role)
        holders = []
        for person in self.state.minutes.attendees:
            role = (person.role or "").lower()
            initials = "".join(w[0] for w in re.findall(r"[\w]+", role))
            if role and (low == role or low == initials or _stem_match(low, role)):
                holders.append(person.name)
        return holders[0] if len(holders) == 1 else None

    # --- helpers --------------------------------------------------------------------

    def _required(self, sentence: str) -> str | None:
        """What a body requires to be done (``Lautakunta edellytti, että syyt selvitetään``,
        ``The board required that …``): the clause after the profile's words, else None."""
        found = self.required.search(sentence)
        return sentence[found.end():] if found and found.end() < len(sentence) else None

    def _strip_agreed(self, text: str) -> str:
        low = text.lower()
        for agreed in self.words.get("agreed", ()):
            if low.startswith(agreed):
                return re.sub(r"^(?:,\s*)?(?:että|that|att)\s+", "", text[len(agreed):].strip(" ,:"), flags=re.I)
        return text

    def _is_heading_or_label(self, line: Line, text: str) -> bool:
        if line.block.kind == "heading" or _starts_item(self.state, line):
            return True
        label = self.state.label_of(text)
        return bool(label) and not label[1]


def _position(line: Line) -> int:
    origin = line.origin
    return origin.line if origin.line is not None else (origin.paragraph or 0)


def _without_quantifier(owners: list[str], quantifiers: tuple[str, ...]) -> list[str]:
    """``Kaikkien kuntien`` is the municipalities: "all" gives way to the group it qualifies."""
    if len(owners) > 1 and set(quantifiers) & set(owners):
        return [o for o in owners if o not in quantifiers]
    return owners


def _starts_item(state: ParseState, line: Line) -> bool:
    return any(start == line.index for start, _ in state.item_starts)


def _stem_match(word: str, role: str) -> bool:
    """``toiminnanjohtaja`` meets ``toiminnanjohtaja, esittelijä``; inflected forms too."""
    first = re.split(r"[,\s]+", role)[0]
    if " " in word or len(first) <= 5:
        return word == first
    return word.startswith(first) or first.startswith(word) and len(word) > 5


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)) or r"(?!x)x"


def _present_verb(word: str) -> bool:
    """A Finnish 3rd person present form: a long final vowel (``kokoaa``) or ``-vat``."""
    return len(word) > 3 and (word[-1] == word[-2] and word[-1] in "aeiouyäö" or word.endswith(("vat", "vät")))


_ADDRESS = re.compile(r"[:\s]*(?:https?://\S+|www\.\S+|[\w.+-]+@[\w-]+\.[\w.-]+)")


def _clean(text: str) -> str:
    """The task as a person reads it: no bullet, no web or e-mail address (the snippet
    keeps them), no doubled spaces or dangling punctuation."""
    text = _ADDRESS.sub(" ", _BULLET.sub("", text))
    text = re.sub(r"\s+", " ", text).strip(" .;,-–:")
    text = re.sub(r"\s+([,;:.!?])", r"\1", text)  # "selvittää , voiko" once a date went
    text = re.sub(r"\(\s*\)", "", text).strip()
    return text[:1].upper() + text[1:] if text else text


