"""Structure: the meeting's facts, people, agenda, speakers, decisions and next meeting.

Each stage reads the ``ParseState`` and adds to its ``Minutes``; none raises on odd input, a
document it cannot make sense of simply yields less (and a doubt or two).

    >>> from minutes.readers import read_text
    >>> from minutes.structure import ParseState, run
    >>> state = ParseState.start(read_text("Hallituksen kokous\\nAika: 3.2.2026 klo 9-10\\n"), "fi")
    >>> run(state).minutes.date.isoformat()
    '2026-02-03'
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from . import dates
from .lang import LANGUAGES, Profile, profile
from .model import (
    AgendaItem,
    Attendee,
    Block,
    Decision,
    Document,
    Minutes,
    NextMeeting,
    Origin,
    SpeakerTurn,
)
from .people import NAME_TOKEN, PeopleIndex, looks_like_name

__all__ = ["Line", "ParseState", "cell", "columns", "run"]


@dataclass(frozen=True)
class Line:
    """One line of text in reading order (a DOCX paragraph may hold several)."""

    index: int
    text: str
    block: Block

    @property
    def origin(self) -> Origin:
        return self.block.origin

    @property
    def is_table(self) -> bool:
        return self.block.kind == "table"


@dataclass
class ParseState:
    """What the stages share: the document as lines, the language, what is found so far."""

    document: Document
    profile: Profile
    lines: list[Line]
    minutes: Minutes
    labels: dict[str, set[str]]
    people: PeopleIndex = field(default_factory=lambda: PeopleIndex([]))
    used: set[int] = field(default_factory=set)  # lines that are header or attendee list
    item_starts: list[tuple[int, str | None]] = field(default_factory=list)
    handles: dict[str, str] = field(default_factory=dict)  # "@sam" -> "Sam Okafor"

    @classmethod
    def start(cls, document: Document, lang: str) -> ParseState:
        lines: list[Line] = []
        for block in document.blocks:
            parts = [block.text] if block.kind == "table" else block.text.split("\n")
            for part in parts:
                # "09:15–09:32, room Kuikka · facilitator: Juho · notes: Aleksi"
                pieces = _HEADER_SEPARATOR.split(part) if len(lines) < _HEADER_SPAN else [part]
                for piece in pieces:
                    if piece.strip():
                        lines.append(Line(len(lines), piece.strip(), block))
        minutes = Minutes(source=document.source, language=lang)
        return cls(document, profile(lang), lines, minutes, _label_index(lang))

    def agenda_item_at(self, index: int) -> str | None:
        """The agenda item a line belongs to: its number, or its title where it has none."""
        number = None
        for start, item in self.item_starts:
            if start > index:
                break
            number = item
        return number

    def label_of(self, text: str) -> tuple[set[str], str] | None:
        """``(fields, value)`` when ``text`` is ``Label: value``, ``Label<TAB>value``,
        ``Notes by value`` or a bare label line."""
        for pattern in (_LABEL, _TAB_LABEL, _BY_LABEL):
            match = pattern.match(text)
            if match:
                fields = self.labels.get(_norm_label(match["label"]))
                if fields:
                    return fields, match["value"].strip()
        fields = self.labels.get(_norm_label(text))
        if fields and len(text) <= 60:
            return fields, ""
        return None


_HEADER_SPAN = 40  # lines from the top where the header fields may stand
_HEADER_SEPARATOR = re.compile(r"\s+[·|]\s+")
_LABEL = re.compile(r"^\s*(?P<label>[^\W\d_][^:\t]{0,45}?)\s*:\s*(?P<value>.*)$", re.S)
_TAB_LABEL = re.compile(r"^\s*(?P<label>[^\W\d_][^:\t]{0,45}?)\t+(?P<value>\S.*)$", re.S)
# "Notes by Sam", "Muistion kirjasi Anna Virtanen": a label that ends in its own preposition
_BY_LABEL = re.compile(
    r"^\s*(?P<label>(?:[\w-]+\s){0,2}(?:by|kirjasi|laati|kirjoitti|förde|fördes av))\s+(?P<value>\S.*)$",
    re.I | re.S,
)


def _norm_label(text: str) -> str:
    """``**People Present (lines said):**`` -> ``people present``."""
    text = re.sub(r"\s*\([^)]*\)", "", text)
    return re.sub(r"\s+", " ", text.strip().strip("*#:").strip()).lower()


def _label_index(lang: str) -> dict[str, set[str]]:
    """Label word -> the fields it may introduce; the document's language first."""
    index: dict[str, set[str]] = {}
    for code in (lang, *[c for c in LANGUAGES if c != lang]):
        for name, words in profile(code).labels.items():
            if name.startswith("column_") or name in ("decision_verbs", "meeting"):
                continue
            for word in words:
                index.setdefault(word.lower(), set()).add(name)
    return index


@lru_cache(maxsize=None)
def _every_language(field: str, *keys: str) -> frozenset[str]:
    """The words of ``profile.<field>[key]`` for each key, in every language, lower case
    and without a final dot (``pj.`` -> ``pj``): who reads minutes meets all of them."""
    return frozenset(
        w.lower().rstrip(".") for code in LANGUAGES for key in keys
        for w in getattr(profile(code), field).get(key, ())
    )


def run(state: ParseState) -> ParseState:
    """Every structure stage, in order."""
    for stage in (header, attendees, agenda, speakers, decisions, next_meeting):
        stage(state)
    return state


# --- header: title, date, time, place -------------------------------------------------



def header(state: ParseState) -> None:
    m = state.minutes
    lines = state.lines[:_HEADER_SPAN]
    for line in lines:
        if line.is_table:
            for row in line.block.rows:
                if len(row) >= 2 and row[0] and row[1]:
                    _header_field(state, line, f"{row[0]}: {' '.join(c for c in row[1:] if c)}")
            continue
        _header_field(state, line, line.text)
    if m.date is None:
        for line in lines[:8]:
            found = _meeting_date(state, line.text)
            if found:
                m.date = found
                _time_and_place(state, line)
                break
    if m.date is None and state.document.source.path:
        m.date = _meeting_date(state, Path(state.document.source.path).stem)
    if m.date is not None and m.start is None:  # "Planeringsträff tisdag 21.4 kl 19–20.30"
        for line in lines[:8]:
            if any(d.date == m.date for d in dates.find_dates(line.text, m.date, state.profile.code)):
                _time_and_place(state, line)
                break
    m.title = m.title or _title(state)


def _meeting_date(state: ParseState, text: str):
    """A full date in ``text``, read in the document's language first, then the others
    (an English date line in a Finnish memo is common)."""
    for code in (state.profile.code, *(c for c in LANGUAGES if c != state.profile.code)):
        found = dates.find_meeting_date(text, code)
        if found:
            return found
    return None


def _time_and_place(state: ParseState, date_line: Line) -> None:
    """The time (and a place beside it) on an unlabelled date line or just below it:
    ``24 September 2025, 10:00–11:00 EEST, Zoom``; ``Verkosto | Teams klo 10.00–11.00``."""
    m = state.minutes
    if m.start is not None:
        return
    for line in state.lines[date_line.index : date_line.index + 3]:
        if line.is_table or state.label_of(line.text) or _is_agenda_candidate(line):
            continue
        for segment in line.text.split("|"):
            start, end = dates.parse_time_range(segment)
            if start is None:
                continue
            m.start, m.end = start, end
            rest = _leftover(state, segment)
            if m.location is None and rest and line.index > 0 and len(rest[-1].split()) <= 4:
                m.location = rest[-1]
            return


def _header_field(state: ParseState, line: Line, text: str) -> None:
    m = state.minutes
    label = state.label_of(text)
    if not label:
        return
    fields, value = label
    value = value.strip().strip("\"'")
    if not value:
        return
    if fields & {"date", "time"}:
        found = _meeting_date(state, value)
        if found and m.date is None:
            m.date = found
            state.used.add(line.index)
        start, end = dates.parse_time_range(value)
        if start and m.start is None:
            m.start, m.end = start, end
            state.used.add(line.index)
    elif "place" in fields and m.location is None:
        m.location = value.rstrip(".")
        state.used.add(line.index)
    elif "title" in fields and m.title is None and not line.is_table and "next_meeting" not in fields:
        if _looks_like_title(value):
            m.title = value
            state.used.add(line.index)


def _looks_like_title(text: str) -> bool:
    return 0 < len(text.split()) <= 14 and any(c.isalpha() for c in text)


def _title(state: ParseState) -> str | None:
    """The line that names the meeting: among the first few candidates, one that says
    meeting (``kokous``, ``call``, ``möte``) beats a letterhead above it."""
    generic = _every_language("labels", "title")
    meeting_words = _every_language("labels", "meeting")
    candidates = []
    for line in state.lines[:12]:
        if line.is_table or state.label_of(line.text):
            continue
        if _is_agenda_candidate(line):
            break
        text = _strip_dates(line.text, state.profile.code)
        if not text or text.lower().strip(" .:") in generic or not _looks_like_title(text):
            continue
        candidates.append((line, text))
    if candidates and candidates[0][0].block.kind == "heading" and candidates[0][0].block.level <= 1:
        line, text = candidates[0]
        state.used.add(line.index)
        channel = _CHANNEL_TITLE.match(text)  # "#kalenteri-dev: kalenteri weekly"
        if channel:
            state.minutes.location = state.minutes.location or channel["channel"]
            return channel["title"]
        return text
    for line, text in candidates[:3]:
        if any(word in text.lower() for word in meeting_words):
            state.used.add(line.index)
            return text
    if candidates:
        state.used.add(candidates[0][0].index)
        return candidates[0][1]
    return None


_CHANNEL_TITLE = re.compile(r"^(?P<channel>#[\w.-]+):\s*(?P<title>\S.*)$")


def _strip_dates(text: str, lang: str) -> str:
    """``text`` without its full dates and times: ``Valmisteluinfo 18.2.2025`` ->
    ``Valmisteluinfo``; a meeting number like ``2/2026`` stays."""
    text = _FULL_DATE.sub("", text)
    for mention in sorted(dates.find_dates(text, None, lang), key=lambda d: -d.start):
        if not _MONTH_YEAR.fullmatch(mention.text.strip()):
            text = text[: mention.start] + text[mention.end :]
    text = _TIME_PHRASE.sub("", text)
    return text.strip(" \t-–—,.:|")


_FULL_DATE = re.compile(r"\b\d{1,2}\.\s?\d{1,2}\.\s?\d{4}\b|\b\d{4}-\d{2}-\d{2}\b")
_MONTH_YEAR = re.compile(r"\d{1,2}/\d{4}")
_TIME_PHRASE = re.compile(
    r"\b(?:klo|kl\.?|kello|at)?\s*\d{1,2}(?:[.:]\d{2})\s*(?:[-–—]\s*\d{1,2}(?:[.:]\d{2})?)?"
    r"(?:\s*(?:am|pm|a\.m\.|p\.m\.))?|\b(?:klo|kl\.?|kello)\s*\d{1,2}\b",
    re.I,
)
_TIMEZONE = re.compile(r"\b(?:EEST|EET|CEST|CET|UTC|GMT|BST|WEST|WET)\b")


def _leftover(state: ParseState, text: str) -> list[str]:
    """The comma-separated pieces of ``text`` that are neither dates, times, weekdays,
    time zones, remarks in parentheses nor filler: what may name a place."""
    text = re.sub(r"\([^)]*\)", "", text)
    text = _TIMEZONE.sub("", _strip_dates(text, state.profile.code))
    weekdays = {w for code in LANGUAGES for w in profile(code).weekdays}
    pieces = []
    for piece in re.split(r"\s*[,;]\s*|\s+[–—-]\s+", text):
        words = [w for w in piece.split() if not _is_weekday(w, weekdays)]
        piece = " ".join(words).strip(" .:")
        if piece and any(c.isalpha() for c in piece):
            pieces.append(piece)
    return pieces


def _is_weekday(word: str, weekdays: set[str]) -> bool:
    low = word.lower().strip(".,")
    return low in weekdays or any(low.startswith(w) for w in weekdays if len(w) >= 5)


# --- attendees, absent, chair, secretary -------------------------------------------------


def attendees(state: ParseState) -> None:
    m = state.minutes
    for line in state.lines:
        if line.is_table:
            if line.index not in state.used and _people_table(state, line):
                state.used.add(line.index)
            continue
        label = state.label_of(line.text)
        if not label:
            continue
        fields, value = label
        if fields & {"present", "absent"}:
            _people_list(state, line, value, "present" if "present" in fields else "absent")
            state.used.add(line.index)
        elif fields & {"chair", "secretary"} and value:
            role = "chair" if "chair" in fields else "secretary"
            name = _leading_name(value)
            if name and not _is_role(state, name) and not _is_label_word(state, name) \
                    and not _says_other_role(value[len(name):], role):
                setattr(m, role, name)
                state.used.add(line.index)
    if not m.attendees:
        for person in _present_in_prose(state) or _speaking_people(state):
            _add(state, person, "present")
    _roles(state)
    state.people = PeopleIndex(
        [*m.attendees, *m.absent, *_mentioned_people(state)], aliases=state.handles
    )
    for role in ("chair", "secretary"):
        written = getattr(m, role)
        if written:
            setattr(m, role, state.people.resolve(written) or written)


_TIMESTAMP = r"(?:\[?\d{1,2}[.:]\d{2}(?::\d{2})?\]?\s+)?"
_FULL_NAME_SPEAKER = re.compile(
    rf"^{_TIMESTAMP}(?P<name>{NAME_TOKEN}(?:\s{NAME_TOKEN}){{1,2}})(?:\s*\((?P<role>[^)]{{1,30}})\))?:\s"
)


def _says_other_role(rest: str, role: str) -> bool:
    """``ordförande<TAB>Cecilia Blomqvist, sekreterare`` in a signature block: the name
    after a chair's label is the secretary's, signing beside the chair."""
    other = _every_language("roles", "secretary" if role == "chair" else "chair")
    return any(t.lower().rstrip(".") in other for t in re.split(r"[\s,()]+", rest) if t)


def _present_in_prose(state: ParseState) -> list[Attendee]:
    """With no attendee list, the people a sentence of prose names as present (minutes
    written as a letter): ``Paikalla olivat puheenjohtaja Raili Niemi, Veikko Lahti ja
    minä sihteerinä.`` The sentence may run over a few lines."""
    words = [w for w in state.profile.labels.get("present_in_prose", ())]
    if not words:
        return []
    opening = re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, words))})\s+", re.I)
    for i, line in enumerate(state.lines):
        match = None if line.is_table else opening.search(line.text)
        if not match:
            continue
        told = line.text[match.end():]
        for more in state.lines[i + 1 : i + 4]:
            if re.search(r"[.!?](?:\s|$)", told) or more.is_table:
                break
            told = f"{told} {more.text}"
        told = re.split(r"[.!?](?:\s|$)", told, maxsplit=1)[0]
        people = [p for part in _split_list(told) if (p := _person(state, part))]
        if len(people) >= 2:
            return people
    return []


def _speaking_people(state: ParseState) -> list[Attendee]:
    """With no attendee list, the people who speak under their full names (a transcript,
    a chat export) are the people present."""
    people: dict[str, Attendee] = {}
    for line in state.lines:
        match = _FULL_NAME_SPEAKER.match(line.text)
        if match and not state.label_of(match["name"]) and match["name"] not in people:
            people[match["name"]] = Attendee(match["name"], None, match["role"])
    return list(people.values()) if len(people) >= 2 else []


def _add(state: ParseState, person: Attendee, target: str) -> None:
    people = state.minutes.attendees if target == "present" else state.minutes.absent
    if person.name not in {p.name for p in people}:
        people.append(person)


_NAME_LIST = re.compile(rf"^(?:{NAME_TOKEN}\s{NAME_TOKEN}(?:\s{NAME_TOKEN})?\s*(?:,\s*|$))+$")
_NAME_WITH_PLACE = re.compile(rf"^(?:\w[\w-]*\s)?(?P<name>{NAME_TOKEN}\s{NAME_TOKEN})\s*(?:,|/|–|-)\s*\S")


def _mentioned_people(state: ParseState) -> list[str]:
    """Full names that stand outside the attendee list as people: a line of names, a
    ``Name, Place`` contact or signature line. They let ``Antti`` find Antti Korkka. A line
    in capitals is a heading (``ACTION LOG``, the body's name), not people."""
    names: list[str] = []
    for line in state.lines:
        if line.index in state.used or line.is_table or len(line.text) > 300 or line.text.isupper():
            continue
        text = _HANDLE.sub("", line.text).strip(" •-*")
        if _NAME_LIST.match(text):
            names += [n.strip() for n in text.split(",") if n.strip()]
        elif len(text) < 80 and (m := _NAME_WITH_PLACE.match(text)):
            names.append(m["name"])
    return [n for n in dict.fromkeys(names) if looks_like_name(n, 3) and not _is_role(state, n)]


_LEADING_NAME = re.compile(rf"^(?:{NAME_TOKEN}(?:\s{NAME_TOKEN}){{0,3}}|@?[a-z][\w.-]+)(?=$|[\s,.(;])")


def _leading_name(value: str) -> str | None:
    """The person a ``Chair:`` / ``Notes by`` label names: ``Juho``, ``@ainomaria``,
    ``mkoivu at 14:00:12 UTC`` -> ``mkoivu``."""
    match = _LEADING_NAME.match(value.strip())
    if not match:
        return None
    name = match.group(0)
    return name if looks_like_name(name) or re.fullmatch(r"@?[a-z][\w.-]+", name) else None


def _name_part(value: str) -> str:
    """The name at the head of ``Name, Org`` / ``Name (Org)`` / ``@handle. More``."""
    return re.split(r"[,(–—]| - |\.\s|\t", value, maxsplit=1)[0].strip().rstrip(".")


def _people_list(state: ParseState, label_line: Line, value: str, target: str) -> None:
    """The people a present/absent label introduces: on its line (a comma list, or the
    first row of a list that goes on below), below it one a line, or in a table."""
    following = state.lines[label_line.index + 1 : label_line.index + 200]
    tab_rows = [line.text.split("\t") for line in following[:60] if "\t" in line.text]
    first_last = (
        sum(len(row[0].split()) == 1 for row in tab_rows) * 2 > len(tab_rows) if tab_rows else None
    )
    rows_below = bool(following) and not following[0].is_table and _person(
        state, following[0].text, first_last) is not None and not state.label_of(following[0].text)
    while value.rstrip().endswith(",") and following and not following[0].is_table:
        value = f"{value.rstrip()} {following[0].text}"  # the list goes on below
        state.used.add(following[0].index)
        following = following[1:]
        rows_below = False
    if value:
        parts = _split_list(value)
        if not rows_below and len(parts) > 1 and all(_is_person_part(state, p) for p in parts):
            for part in parts:
                if person := _person(state, part):
                    _add(state, person, target)
            return
        person = _person(state, value, first_last)
        if person is None:
            return
        _add(state, person, target)
        if not rows_below:
            return
    for line in following:
        if line.is_table:
            if not value and _people_table(state, line, target):
                state.used.add(line.index)
            break
        if state.label_of(line.text) or _is_agenda_candidate(line) or line.block.kind == "heading":
            break
        person = _person(state, line.text, first_last) or _nick(line.text)
        if person is None:
            parts = _split_list(line.text)
            if value or len(parts) < 2 or not all(_is_person_part(state, p) for p in parts):
                break
            for part in parts:  # a comma list on the line below the label
                if person := _person(state, part):
                    _add(state, person, target)
        else:
            _add(state, person, target)
        state.used.add(line.index)
        value = value or line.text


_NICK_ROW = re.compile(r"^\s*[-*•]?\s*@?(?P<nick>[a-z][\w.-]{1,30})(?:\s*\(\d+\))?\s*$")
_BOTS = re.compile(r"bot$|^(?:meetbot|zodbot|supybot)$")


def _nick(text: str) -> Attendee | None:
    """An IRC nick in a list of people present: ``* mkoivu (96)``; bots are no people."""
    match = _NICK_ROW.match(text)
    if not match or _BOTS.search(match["nick"]):
        return None
    return Attendee(match["nick"])


def _is_person_part(state: ParseState, part: str) -> bool:
    """One item of a comma list of people: a name, maybe with a role before it and a
    parenthesis after it."""
    _, name = _role_first(state, _HANDLE.sub("", part).split("(")[0].strip())
    return looks_like_name(name) and not _is_role(state, name)


def _role_first(state: ParseState, text: str) -> tuple[str | None, str]:
    """A title or a role written before a name (``Cllr Marcus Abernethy``, ``puheenjohtaja
    Raili Nuutinen``, ``kuoronjohtaja Aili Heiskari``): the role (a title is dropped) and the
    name; ``(None, text)`` when nothing stands before a name."""
    words = text.split()
    titles = _every_language("roles", "honorifics")
    start = 0
    while start < len(words) - 1 and words[start].lower().rstrip(".") in titles:
        start += 1
    end = start
    while end < min(len(words) - 1, start + 3) and words[end][:1].islower():
        end += 1
    rest = " ".join(words[end:])
    if end > start and looks_like_name(rest) and _is_role(state, " ".join(words[start:end])):
        return " ".join(words[start:end]), rest
    return (None, rest) if start and end == start and looks_like_name(rest) else (None, text)


def _split_list(text: str) -> list[str]:
    """Split ``A, B (Org, Unit); C`` at commas and semicolons outside parentheses."""
    parts, depth, current = [], 0, []
    for char in text:
        depth += char == "("
        depth -= char == ")" and depth > 0
        if char in ",;" and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    parts = [p.strip() for p in parts if p.strip()]
    # "A, B and C" / "A ja B"
    last = re.split(r"\s+(?:and|ja|sekä|och|samt|&)\s+", parts[-1]) if parts else []
    writer = _every_language("labels", "writer")
    if len(last) > 1 and all(looks_like_name(re.sub(r"^(?:[a-zåäö][\w.-]*\s+){0,3}", "", _name_part(x)))
                             or x.split()[0].lower() in writer
                             for x in last):  # "… sekä kuoronjohtaja Aili Heiskari", "… ja minä"
        parts[-1:] = last
    return parts


_HANDLE = re.compile(r"@[\w.-]+")


def _person(state: ParseState, text: str, first_last: bool | None = None) -> Attendee | None:
    """One attendee row: tab columns, ``Name, Org, role``, ``Name (Org)``, ``Name – Org``,
    with a ``@handle`` remembered as the person's alias.

    ``first_last`` says whether tab rows are ``First<TAB>Last<TAB>…`` (decided over the
    whole list by the caller; ``None`` lets the row decide)."""
    text = text.strip().lstrip("•*–-").strip()
    if not text or len(text) > 200:
        return None
    handles = _HANDLE.findall(text)
    text = _HANDLE.sub("", text)
    text = re.sub(r"\(\s*[,;]?\s*", "(", text)
    text = re.sub(r"\s*[,;]?\s*\)", ")", text).replace("()", "").strip()
    inner = [p.strip() for group in re.findall(r"\(([^)]*)\)", text) for p in group.split(",")]
    text = re.sub(r"\s*\([^)]*\)", "", text).strip(" ,")
    if "\t" in text:
        cells = [c.strip() for c in text.split("\t") if c.strip()]
        if first_last is None:
            first_last = len(cells[0].split()) == 1
        if first_last and len(cells) >= 2 and looks_like_name(cells[1], 1):
            cells = [f"{cells[0]} {cells[1]}", *cells[2:]]
        pieces = [cells[0], *(p for column in cells[1:] for p in column.split(","))]
    else:
        pieces = re.split(r"\s*,\s*|\s+[–—-]\s+", text)
    role, name = _role_first(state, pieces[0].strip().rstrip(".,"))
    if not looks_like_name(name) or _is_label_word(state, name) or _is_role(state, name):
        return None
    for handle in handles:
        state.handles[handle.lower()] = name
    notes = _every_language("roles", "attendance_notes")
    initials = "".join(w[0] for w in re.split(r"[\s-]+", name) if w).upper()
    kept = [p for p in inner if p.lower().rstrip(".") not in notes
            and (p.split() or [""])[0].lower() not in notes  # (kohdat 1–5), (from item 3)
            and p.replace(".", "").upper() != initials]  # Marja Saari (MS)
    if role:
        kept.insert(0, role)
    if any(p.lower().rstrip(".") in notes & _SECRETARY_NOTES for p in inner):
        state.minutes.secretary = state.minutes.secretary or name
    return Attendee(name, *_organisation_and_role(state, [*pieces[1:], *kept]))


_SECRETARY_NOTES = {"minutes", "notes", "scribe", "protokoll"}


def _organisation_and_role(state: ParseState, parts: list[str]) -> tuple[str | None, str | None]:
    """Sort the parts after a name into organisation and role."""
    organisation, roles = [], []
    for part in (_trim_dot(p) for p in parts):
        if part:
            (roles if _is_role(state, part) else organisation).append(part)
    return ", ".join(organisation) or None, ", ".join(roles) or None


def _trim_dot(part: str) -> str:
    """``Lapin liitto.`` -> ``Lapin liitto``; an abbreviation keeps its dot (``pj.``)."""
    part = part.strip()
    last = part.split()[-1] if part.split() else ""
    return part[:-1] if part.endswith(".") and len(last) > 5 else part


def _is_label_word(state: ParseState, text: str) -> bool:
    return _norm_label(text) in state.labels


def _is_role(state: ParseState, part: str) -> bool:
    """A role (``klusterin puheenjohtaja``, ``Treasurer``), not an organisation."""
    words = _every_language("roles", "role_words", "chair", "secretary")
    tokens = [t.lower().strip(".") for t in re.split(r"[\s/-]+", part) if t]
    if any(t in words or any(t.endswith(w) for w in words if len(w) >= 6) for t in tokens):
        return len(tokens) <= 4
    # Finnish and Swedish job titles are written in lower case (kuoronjohtaja, hamnkapten),
    # organisations capitalised; in English a lower-case word may be a nick (mkoivu)
    return part[:1].islower() and len(tokens) <= 3 and state.profile.code in ("fi", "sv")


def _people_columns(header: tuple[str, ...]) -> dict[str, int]:
    return columns(header, {key: _every_language("labels", f"column_{key}") for key in _PEOPLE_COLUMNS})


def _people_table(state: ParseState, line: Line, target: str = "present") -> bool:
    """Attendees from a table whose header names a name column; a row that only says
    ``Poissa`` / ``Absent`` turns the rows below it into the absent."""
    rows = line.block.rows
    if len(rows) < 2:
        return False
    named = _people_columns(rows[0])
    if "name" not in named and not {"first", "last"} <= named.keys():
        return False
    found = False
    for row in rows[1:]:
        filled = [c for c in row if c.strip()]
        label = state.label_of(filled[0]) if len(filled) == 1 else None
        if label and label[0] & {"present", "absent"}:
            target = "present" if "present" in label[0] else "absent"
            continue
        name = cell(row, named, "name") or f"{cell(row, named, 'first')} {cell(row, named, 'last')}".strip()
        if not looks_like_name(name):
            continue
        if "role" in named:
            organisation, role = cell(row, named, "organisation") or None, cell(row, named, "role") or None
        else:
            organisation, role = _organisation_and_role(state, cell(row, named, "organisation").split(","))
        _add(state, Attendee(name, organisation, role), target)
        handle = cell(row, named, "handle").strip("`")
        if handle:  # "@omarchetti" and "omarchetti" are this person
            state.handles["@" + handle.lstrip("@").lower()] = name
            state.handles[handle.lstrip("@").lower()] = name
        found = True
    return found


def cell(row: tuple[str, ...], named: dict[str, int], key: str) -> str:
    """The text of the ``key`` column (as ``columns`` found it in the header) in ``row``;
    a dash that only fills the cell (``—``) is no text."""
    i = named.get(key)
    text = row[i].strip() if i is not None and i < len(row) else ""
    return "" if not text.strip("-–—") else text


def columns(header: tuple[str, ...], vocabulary: dict[str, Collection[str]]) -> dict[str, int]:
    """Which column of a table is which: ``vocabulary`` maps a key (``name``, ``owner``…) to
    the header words that name it; each column counts for the first key it names."""
    found: dict[str, int] = {}
    for i, heading in enumerate(header):
        low = heading.strip().strip("*:").lower()
        key = next((k for k, words in vocabulary.items() if k not in found and low in words), None)
        if key:
            found[key] = i
    return found


_PEOPLE_COLUMNS = ("name", "first", "last", "organisation", "role", "handle")


def _roles(state: ParseState) -> None:
    """Chair and secretary from the attendees' roles when no label named them."""
    m = state.minutes
    for role in ("chair", "secretary"):
        if getattr(m, role):
            continue
        words = _every_language("roles", role)
        for person in m.attendees:
            tokens = [t.lower().rstrip(".") for t in re.split(r"[\s,/]+", person.role or "")]
            if any(t in words for t in tokens) and not {"vice", "vara", "varapj"} & set(tokens):
                setattr(m, role, person.name)
                break


# --- agenda ---------------------------------------------------------------------------------

_NUMBERED = re.compile(
    r"^(?:(?P<para>§)\s*(?P<pnum>\d{1,3})\.?\s*|(?P<num>\d{1,2})[.)]\s+)(?P<title>\S.*)$"
)
_MAX_TITLE_WORDS = 14


def _agenda_candidate(line: Line) -> tuple[str, str] | None:
    """``(number, title)`` when the line opens a numbered item."""
    block = line.block
    if line.is_table:
        return None
    if block.number and (block.kind == "heading" or block.kind == "list_item" and block.level == 0):
        if re.fullmatch(r"\d{1,3}", block.number):
            title = _item_title(line.text)
            return (block.number, title) if title else None
    match = _NUMBERED.match(line.text)
    if not match and block.kind == "heading":  # a heading numbered without a dot: "3 Talous"
        match = re.match(r"^(?P<num>\d{1,2})\s+(?P<title>\S.*)$", line.text)
    if not match:
        return None
    number = match.groupdict().get("pnum") or match["num"]
    if block.kind == "list_item" and block.level > 0:
        return None
    title = _item_title(match["title"])
    return (number, title) if title else None


def _is_agenda_candidate(line: Line) -> bool:
    return _agenda_candidate(line) is not None


def _item_title(text: str) -> str | None:
    text = text.strip().rstrip(":").strip()
    if not text or not (text[0].isupper() or text[0] in "\"'"):
        return None
    words = text.split()
    if len(words) > _MAX_TITLE_WORDS:
        head = re.split(r":\s|\.\s", text, maxsplit=1)[0]
        if len(head.split()) > 10 or head == text:
            return None
        text = head
    return text.rstrip(".").strip()


def agenda(state: ParseState) -> None:
    candidates = [
        (line, found) for line in state.lines
        if line.index not in state.used and (found := _agenda_candidate(line))
    ]
    chain = _longest_chain(candidates)
    if len(chain) >= 2 or (chain and chain[0][0].block.kind == "heading"):
        items = [(line, number, title) for line, (number, title) in chain]
    else:
        found = _topic_items(state) or _attributed_topics(state) or _heading_items(state)
        items = [(line, None, title) for line, title in found]
    for line, number, title in items:
        state.minutes.agenda.append(AgendaItem(number, title, line.origin))
        state.item_starts.append((line.index, number or title))


_ATTRIBUTED = re.compile(r"^(?P<title>.+?)\s*\([\w.@-]+,\s*\d{1,2}:\d{2}(?::\d{2})?\)\s*$")


def _attributed_topics(state: ParseState) -> list[tuple[Line, str]]:
    """IRC MeetBot summaries: each topic is a top-level bullet stamped ``(nick, 14:03:12)``;
    the notes under it (``INFO:``, ``ACTION:``) are a level deeper."""
    items = []
    for line in state.lines:
        match = _ATTRIBUTED.match(line.text)
        if match and line.block.kind == "list_item" and line.block.level == 0 and ":" not in match["title"]:
            items.append((line, match["title"].strip()))
    return items if len(items) >= 2 else []


def _topic_items(state: ParseState) -> list[tuple[Line, str]]:
    """W3C and IRC style: ``Topic: Budget`` lines."""
    items = []
    for line in state.lines:
        label = state.label_of(line.text)
        if label and "topic" in label[0] and label[1]:
            items.append((line, label[1].strip().rstrip(".")))
    return items


def _longest_chain(candidates):
    """The longest run of candidates whose numbers go up by one (the later one on a tie).

    A number continues the nearest run above it that ends one lower, except a compact list
    (items on adjacent lines, like a list inside an item or an overview of the agenda) that
    has already ended: ``1. 2. [1. 2.] text 3.`` puts 3 after the outer 2."""
    chains: list[list] = []
    for line, (number, title) in candidates:
        n = int(number)
        open_chains = [c for c in chains if int(c[-1][1][0]) == n - 1]
        ongoing = [c for c in open_chains if not (_compact(c) and line.index - c[-1][0].index > 1)]
        if ongoing or open_chains:
            (ongoing or open_chains)[-1].append((line, (number, title)))
        else:
            chains.append([(line, (number, title))])
    best: list = []
    for chain in chains:
        if len(chain) >= len(best):
            best = chain
    return best


def _compact(chain) -> bool:
    return len(chain) > 1 and all(b[0].index - a[0].index == 1 for a, b in zip(chain, chain[1:]))


def _heading_items(state: ParseState) -> list[tuple[Line, str]]:
    """Agenda items from headings when nothing is numbered: the most common level below
    the title, leaving out the attendee list's own heading and the like."""
    headings = [
        line for line in state.lines
        if line.block.kind == "heading" and line.index not in state.used
        and not state.label_of(line.text) and line.text.strip() != (state.minutes.title or "")
    ]
    if not headings:
        return []
    levels = Counter(line.block.level for line in headings)
    top = min(levels)
    level = top if levels[top] >= 2 else max(levels, key=levels.__getitem__)
    return [(line, line.text.strip().rstrip(":")) for line in headings if line.block.level == level]


# --- speakers ---------------------------------------------------------------------------

_SPEAKER = re.compile(
    rf"^{_TIMESTAMP}(?P<name>{NAME_TOKEN}(?:\s{NAME_TOKEN}){{0,2}})(?:\s*\([^)]{{1,30}}\))?\s*:\s+(?P<text>\S.*)$",
    re.S,
)
_MIDLINE_SPEAKER = re.compile(rf"(?<=[.!?…])\s+(?P<name>{NAME_TOKEN}(?:\s{NAME_TOKEN})?):\s+")


def speakers(state: ParseState) -> None:
    """``Name: text`` turns; the name must be a person of the meeting, or (with no attendee
    list) a name that speaks at least twice."""
    raw: list[tuple[Line, str | None, str]] = []
    for line in state.lines:
        if line.is_table or line.index in state.used:
            continue
        match = _SPEAKER.match(line.text)
        if match and not state.label_of(line.text):
            raw.append((line, match["name"], match["text"]))
        elif _MIDLINE_SPEAKER.search(line.text):
            raw.append((line, None, line.text))  # "Käytiin kierros. **Sanna:** …"
    counts = Counter(name for _, name, _ in raw)
    for name in sorted({n for n in counts if n and state.people.guessed(n)}):
        state.minutes.doubts.append(f"speaker {name!r} read as {state.people.resolve(name)}")
    for line, name, text in raw:
        person = state.people.resolve(name) if name else None
        if name and person is None and (state.people or counts[name] < 2):
            continue
        for speaker, said in _split_turns(state, name, text):
            if speaker is None:
                continue  # the narrative before the first turn
            state.minutes.speakers.append(
                SpeakerTurn(speaker, said, state.agenda_item_at(line.index), line.origin,
                            state.people.resolve(speaker))
            )


def _split_turns(state: ParseState, name: str | None, text: str) -> list[tuple[str | None, str]]:
    """Split ``… text. Minna: reply`` into turns where the inner name is a person."""
    turns, speaker, start = [], name, 0
    for match in _MIDLINE_SPEAKER.finditer(text):
        if state.people.resolve(match["name"]) is None:
            continue
        turns.append((speaker, text[start : match.start()].strip()))
        speaker, start = match["name"], match.end()
    turns.append((speaker, text[start:].strip()))
    return [(s, t) for s, t in turns if t]


# --- decisions --------------------------------------------------------------------------


def decisions(state: ParseState) -> None:
    verbs = tuple(v.lower() for v in state.profile.labels.get("decision_verbs", ()))
    for line in state.lines:
        if line.is_table or line.index in state.used:
            continue
        label = state.label_of(line.text)
        text = None
        if label and "decision" in label[0] and label[1]:
            text = label[1]
        elif line.text.lower().startswith(verbs) and _starts_with_word(line.text.lower(), verbs):
            text = line.text
        if text:
            state.minutes.decisions.append(
                Decision(text.strip(), state.agenda_item_at(line.index), line.origin)
            )


def _starts_with_word(text: str, words: tuple[str, ...]) -> bool:
    return any(text.startswith(w) and (len(text) == len(w) or not text[len(w)].isalpha()) for w in words)


# --- next meeting -----------------------------------------------------------------------

_SAME = re.compile(r"\b(?:same|sama|samassa|samaan|samma|samme)\b", re.I)
_LEADING_FILLER = re.compile(
    r"^(?:(?:pidetään|järjestetään|on|is|will be held|will be|is held|held|at|in|on|the|"
    r"i|på|vid|hålls|är|klo|kl)\b\s*)+",
    re.I,
)


def next_meeting(state: ParseState) -> None:
    found = _next_meeting_text(state)
    if not found:
        return
    parts, place = found
    base = state.minutes.date
    code = state.profile.code
    nm = NextMeeting()
    for part in parts:
        if nm.date is None:
            mentions = [d for c in (code, *(c for c in LANGUAGES if c != code))
                        for d in dates.find_dates(part, base, c) if not base or d.date >= base]
            explicit = [d for d in mentions if d.kind in ("date", "deadline")]
            if explicit or mentions:
                nm.date = (explicit or mentions)[0].date
        if nm.start is None:
            nm.start, nm.end = dates.parse_time_range(part)
            if nm.start is None and _SAME.search(part) and re.search(r"\b(?:time|aika|tid)\b", part, re.I):
                nm.start, nm.end = state.minutes.start, state.minutes.end
    if place is None:
        for part in parts:
            for piece in _leftover(state, part):
                piece = _LEADING_FILLER.sub("", piece).strip()
                if _SAME.search(piece):
                    if re.search(r"\b(?:room|link|place|paikka|huone|linkki|plats|rum|länk)\b", piece, re.I):
                        place = state.minutes.location
                        break
                    continue
                based = _base_form(state, piece)
                if len(piece) > 2 and (piece[:1].isupper() or based != piece):
                    place = based  # "… seuratalolla" where the header says "Seuratalo"
                    break
            if place:
                break
    nm.location = place.rstrip(".") if place else None
    if nm.date or nm.start or nm.location:
        state.minutes.next_meeting = nm


def _next_meeting_pattern(state: ParseState) -> re.Pattern[str]:
    """``seuraava kokous``, ``next (board) meeting``, ``nästa möte``: a word may stand between."""
    phrases = [w for code in LANGUAGES for w in profile(code).labels.get("next_meeting", ())]
    alternatives = [
        r"\s+(?:[\w-]+\s+)?".join(re.escape(word) for word in phrase.split())
        for phrase in sorted(phrases, key=len, reverse=True)
    ]
    return re.compile(rf"(?<!\w)(?:{'|'.join(alternatives)})(?!\w)", re.I)


def _next_meeting_text(state: ParseState) -> tuple[list[str], str | None] | None:
    """The text that speaks of the next meeting, and a ``Paikka:`` among it: the rest of
    the line that names it, and the lines below a heading or agenda item that does."""
    pattern = _next_meeting_pattern(state)
    for line in state.lines:
        if line.is_table:
            continue
        match = pattern.search(line.text)
        if not match:
            continue
        rest = re.split(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ])", line.text[match.end():], maxsplit=1)[0]
        rest = rest.strip(" :.-–")
        parts = [rest] if rest else []
        place = None
        opens_line = not line.text[: match.start()].strip(" *#§0123456789.")
        heading = line.block.kind == "heading" or _is_agenda_candidate(line) or not rest and opens_line
        for after in state.lines[line.index + 1 : line.index + 5] if heading else []:
            if after.is_table or _is_agenda_candidate(after) or after.block.kind == "heading":
                break
            inner = state.label_of(after.text)
            if inner and "place" in inner[0]:
                place = inner[1]
                continue
            if inner and not inner[0] & {"date", "time", "next_meeting"}:
                break
            text = after.text
            again = pattern.search(text)
            parts.append(text[again.end():].strip(" :.-–") if again else (inner[1] if inner else text))
            if len(parts) >= 3:
                break
        if any(dates.find_dates(p, state.minutes.date, state.profile.code) or dates.parse_time_range(p)[0]
               for p in parts) or place:
            return parts, place
    return None


_CASE_ENDINGS = ("ssa", "ssä", "lla", "llä", "sta", "stä", "lle", "n")


def _base_form(state: ParseState, place: str) -> str:
    """``Vesikkalan kirjastossa`` -> ``Vesikkalan kirjasto`` and ``Teamsissa`` -> ``Teams``
    when the document also writes the word in its base form; else the place as written."""
    words = place.split()
    if not words:
        return place
    last = words[-1]
    known = {w.strip(".,:;()") for l in state.lines for w in l.text.split()}
    spelled = next((k for k in known if k.lower() == last.lower() and k != last and k[:1].isupper()), None)
    if spelled:  # "på biblioteket" where the header says "Biblioteket"
        return " ".join([*words[:-1], spelled])
    for ending in _CASE_ENDINGS:
        if last.endswith(ending) and len(last) > len(ending) + 2:
            stem = last[: -len(ending)]
            for candidate in (stem, stem[:-1] if stem.endswith("i") else None):
                written = next((k for k in known if candidate and k.lower() == candidate.lower()), None)
                if candidate and candidate != last and written:
                    return " ".join([*words[:-1], written])
    return place
