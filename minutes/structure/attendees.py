"""Attendees: who was present and absent, their organisations and roles, the chair and
the secretary; the people index the later stages resolve names against."""

from __future__ import annotations

import re

from ..model import Attendee
from ..people import NAME_TOKEN, PeopleIndex, looks_like_name
from .agenda import is_agenda_candidate
from .speakers import TIMESTAMP
from .state import HEADER_SPAN, Line, ParseState, any_word, cell, columns, every_language, norm_label

__all__ = ["attendees"]


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
        for line in state.lines[:HEADER_SPAN]:
            if line.is_table and line.index not in state.used \
                    and _unlabelled_people(state, line.block.rows, "present", labelled=False):
                state.used.add(line.index)
                break
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


_FULL_NAME_SPEAKER = re.compile(
    rf"^{TIMESTAMP}(?P<name>{NAME_TOKEN}(?:\s{NAME_TOKEN}){{1,2}})(?:\s*\((?P<role>[^)]{{1,30}})\))?:\s"
)


def _says_other_role(rest: str, role: str) -> bool:
    """``ordförande<TAB>Cecilia Blomqvist, sekreterare`` in a signature block: the name
    after a chair's label is the secretary's, signing beside the chair."""
    other = every_language("roles", "secretary" if role == "chair" else "chair")
    return any(t.lower().rstrip(".") in other for t in re.split(r"[\s,()]+", rest) if t)


def _present_in_prose(state: ParseState) -> list[Attendee]:
    """With no attendee list, the people a sentence of prose names as present (minutes
    written as a letter): ``Paikalla olivat puheenjohtaja Aino Rautio, Eero Kallio ja
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
    return _present_told_after(state)


def _present_told_after(state: ParseState) -> list[Attendee]:
    """The people a sentence names before it says they are present: ``Aino, Eero ja
    Maija olivat paikalla.``, ``Olle, Kajsa och Bosse är närvarande.``"""
    present = any_word("structure", "present_after")
    for line in state.lines:
        match = None if line.is_table else present.search(line.text)
        if not match or line.text[match.end():].strip(" .!"):
            continue
        people = [_person(state, part) for part in _split_list(line.text[: match.start()])]
        if len(people) >= 2 and None not in people:
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
    ``Name, Place`` contact or signature line. They let ``Antti`` find Antti Kallio. A line
    in capitals is a heading (``TASK LIST``, the body's name), not people."""
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
    """The person a ``Chair:`` / ``Notes by`` label names: ``Ann``, ``@jlee``,
    ``jlee at 09:30:05 UTC`` -> ``jlee``."""
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
    first_last = _first_last([_cells(line.text) for line in following[:60] if _COLUMN_GAP.search(line.text)])
    rows_below = bool(following) and not _ends_list(state, following[0]) and _person(
        state, following[0].text, first_last) is not None
    if value.lower().strip(" .!") in every_language("actions", "quantifiers"):
        return  # "Present: all": everyone, no one named
    while value.rstrip().endswith(",") and following and not following[0].is_table:
        value = f"{value.rstrip()} {following[0].text}"  # the list goes on below
        state.used.add(following[0].index)
        following = following[1:]
        rows_below = False
    if value:
        parts = [_role_label_last(state, p) for p in _grouped(value) or _split_list(value)]
        if len(parts) > 2 and following and "," not in following[0].text:
            rows_below = False  # "Present: Ann, Bob, Cy" over a heading: no row of a list
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
            if not value and _people_table(state, line, target, labelled=True):
                state.used.add(line.index)
            break
        if _ends_list(state, line):
            break
        person = _person(state, line.text, first_last) or _nick(line.text) or _role_only(state, line.text)
        if person is None:
            parts = _grouped(line.text) or _split_list(line.text)
            if value or len(parts) < 2 or not all(_is_person_part(state, p) for p in parts):
                break
            for part in parts:  # a comma list on the line below the label
                if person := _person(state, part):
                    _add(state, person, target)
        else:
            _add(state, person, target)
        state.used.add(line.index)
        value = value or line.text


def _role_label_last(state: ParseState, part: str) -> str:
    """``Clerk: Paul Reeve`` inside a list of people -> ``Paul Reeve (Clerk)``."""
    match = re.fullmatch(r"\s*([^:()]{2,30}):\s*(\S.*)", part)
    return f"{match[2]} ({match[1]})" if match and _is_role(state, match[1].strip()) else part


def _ends_list(state: ParseState, line: Line) -> bool:
    """A line that ends a list of people below its label: a table, another label (a role
    alone, ``Ordförande``, is a row of the list), an agenda item or a heading."""
    label = state.label_of(line.text)
    role_alone = label is not None and not label[1] and label[0] <= {"chair", "secretary"}
    return line.is_table or bool(label) and not role_alone or is_agenda_candidate(line) \
        or line.block.kind == "heading"


def _role_only(state: ParseState, text: str) -> Attendee | None:
    """A row of a list of people that names a role and no one in it (``- Vaktmästare``, ``-
    Festansvarig``): the role is the attendee, as the minutes name them."""
    text = text.strip().lstrip("•*–-").strip()
    role = re.sub(r"\s*\([^)]*\)", "", text).strip()
    words = role.split()
    if not 0 < len(words) <= 3 or not _is_role(state, role):
        return None
    if not all(w[:1].isupper() or _is_role_word(w.lower().strip(".")) for w in words):
        return None  # "Rahastonhoitaja esitteli tilit" is a sentence
    return Attendee(role, None, role)


_GROUP_END = re.compile(r"\)\s*(?=[^\s,;)])")


def _grouped(text: str) -> list[str]:
    """People written in groups that share the parenthesis after them:
    ``Aino ja Eero (Kyläyhdistys) Maija (Kunta), Olli ja Outi (Seura)`` -> ``Aino
    (Kyläyhdistys)``, ``Eero (Kyläyhdistys)``, ``Maija (Kunta)``, … A list is so written
    when no comma follows a parenthesis, or when names joined by "and" stand before one;
    ``[]`` when it is not (``Anna Berg (Kunta, pj), Olli Aro`` is one person's)."""
    groups = re.findall(r"([^()]*)\(([^)]*)\)", text)
    conjunction = any_word("structure", "and").pattern
    joined = any(re.search(rf"\s{conjunction}\s", names.rsplit(",", 1)[-1]) for names, _ in groups)
    if not (_GROUP_END.search(text) or joined):
        return []
    people = []
    for names, shared in groups:
        people += [f"{name} ({shared})" for name in _split_list(names)]
    rest = text[text.rindex(")") + 1:]
    return people + _split_list(rest)


_NICK_ROW = re.compile(r"^\s*[-*•]?\s*@?(?P<nick>[a-z][\w.-]{1,30})(?:\s*\(\d+\))?\s*$")
_BOTS = re.compile(r"bot$|^(?:meetbot|zodbot|supybot)$")


def _nick(text: str) -> Attendee | None:
    """An IRC nick in a list of people present: ``* jlee (42)``; bots are no people."""
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
    """A title or a role written before a name (``Cllr Jo Hale``, ``puheenjohtaja
    Aino Rautio``, ``valmentaja Olli Salo``): the role (a title is dropped) and the
    name; ``(None, text)`` when nothing stands before a name."""
    words = text.split()
    titles = every_language("roles", "honorifics")
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


def _commas(text: str) -> list[str]:
    """``A, B (Org, Unit); C`` split at commas and semicolons outside parentheses."""
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
    return parts


def _split_list(text: str) -> list[str]:
    """Split ``A, B (Org, Unit); C ja D`` at commas and semicolons outside parentheses,
    and at the conjunction before the last name."""
    parts = _commas(text)
    conjunction = any_word("structure", "and").pattern
    # "A, B, and C": the last one after a comma and a conjunction
    parts = [re.sub(rf"^{conjunction}\s+", "", p.strip(), flags=re.I) for p in parts if p.strip()]
    # "A, B and C" / "A ja B"
    last = re.split(rf"\s+{conjunction}\s+", parts[-1]) if parts else []
    writer = every_language("labels", "writer")
    if len(last) > 1 and all(looks_like_name(re.sub(r"^(?:[a-zåäö][\w.-]*\s+){0,3}", "", _name_part(x)))
                             or x.split()[0].lower() in writer
                             for x in last):  # "… sekä valmentaja Olli Salo", "… ja minä"
        parts[-1:] = last
    return parts


_HANDLE = re.compile(r"@[\w.-]+")
_COLUMN_GAP = re.compile(r"\t+| {3,}")  # a tab, or a run of spaces that aligns a column


def _cells(text: str) -> list[str]:
    """The columns of a row typed with tabs or aligned with spaces."""
    return [c.strip() for c in _COLUMN_GAP.split(text.strip()) if c.strip()]


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
    if _COLUMN_GAP.search(text):
        cells = _cells(text)
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
    notes = every_language("roles", "attendance_notes")
    initials = "".join(w[0] for w in re.split(r"[\s-]+", name) if w).upper()
    kept = [p for p in inner if p.lower().rstrip(".") not in notes
            and (p.split() or [""])[0].lower() not in notes  # (kohdat 1–5), (from item 3)
            and p.replace(".", "").upper() != initials]  # Aino Rautio (AR)
    if role:
        kept.insert(0, role)
    if any(p.lower().rstrip(".") in notes & every_language("roles", "taking_minutes") for p in inner):
        state.minutes.secretary = state.minutes.secretary or name
    return Attendee(name, *_organisation_and_role(state, [*pieces[1:], *kept]))


def _organisation_and_role(state: ParseState, parts: list[str]) -> tuple[str | None, str | None]:
    """Sort the parts after a name into organisation and role."""
    organisation, roles = [], []
    for part in (_trim_dot(p) for p in parts):
        if part:
            (roles if _is_role(state, part) else organisation).append(part)
    return ", ".join(organisation) or None, ", ".join(roles) or None


def _trim_dot(part: str) -> str:
    """``Kainuun liitto.`` -> ``Kainuun liitto``; an abbreviation keeps its dot (``pj.``)."""
    part = part.strip()
    last = part.split()[-1] if part.split() else ""
    return part[:-1] if part.endswith(".") and len(last) > 5 else part


def _is_label_word(state: ParseState, text: str) -> bool:
    return norm_label(text) in state.labels


def _is_role(state: ParseState, part: str) -> bool:
    """A role (``klusterin puheenjohtaja``, ``Treasurer``), not an organisation."""
    tokens = [t.lower().strip(".") for t in re.split(r"[\s/-]+", part) if t]
    if any(map(_is_role_word, tokens)):
        return len(tokens) <= 4
    # where job titles are written in lower case (valmentaja, vaktmästare) organisations
    # are capitalised; elsewhere a lower-case word may be a nick (jlee)
    return part[:1].islower() and len(tokens) <= 3 and state.profile.lower_case_titles


def _is_role_word(word: str) -> bool:
    """A word of the roles' vocabulary, or a compound that ends in one (kokoonkutsuja)."""
    words = every_language("roles", "role_words", "chair", "secretary")
    return word in words or any(word.endswith(w) for w in words if len(w) >= 6)


def _people_columns(header: tuple[str, ...]) -> dict[str, int]:
    return columns(header, {key: every_language("labels", f"column_{key}") for key in _PEOPLE_COLUMNS})


def _first_last(rows: list[list[str]]) -> bool | None:
    """Whether rows of columns are ``First | Last | …``: most first cells are one word
    (decided over the whole list, as a single row cannot tell); ``None`` for no rows."""
    return sum(len(row[0].split()) == 1 for row in rows) * 2 > len(rows) if rows else None


def _people_table(state: ParseState, line: Line, target: str = "present", labelled: bool = False) -> bool:
    """Attendees from a table whose header names a name column, or, with no header row
    but a present/absent label just above it (``labelled``), by what its columns hold; a
    row that only says ``Poissa`` / ``Absent`` turns the rows below it into the absent."""
    rows = line.block.rows
    named = _people_columns(rows[0])
    if "name" not in named and not {"first", "last"} <= named.keys():
        return labelled and _unlabelled_people(state, rows, target, labelled)
    if len(rows) < 2:
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
        if handle:  # "@jlee" and "jlee" are this person
            state.handles["@" + handle.lstrip("@").lower()] = name
            state.handles[handle.lstrip("@").lower()] = name
        found = True
    return found


_PEOPLE_COLUMNS = ("name", "first", "last", "organisation", "role", "handle")


def _roles(state: ParseState) -> None:
    """Chair and secretary from the attendees' roles when no label named them."""
    m = state.minutes
    for role in ("chair", "secretary"):
        if getattr(m, role):
            continue
        words = every_language("roles", role)
        for person in m.attendees:
            tokens = [t.lower().rstrip(".") for t in re.split(r"[\s,/]+", person.role or "")]
            if any(t in words for t in tokens) and not every_language("roles", "vice") & set(tokens):
                setattr(m, role, person.name)
                break


_PEOPLE_SHARE = 0.8  # of a table's rows that must read as people for it to be a list of them


def _unlabelled_people(state: ParseState, rows: tuple[tuple[str, ...], ...], target: str,
                       labelled: bool) -> bool:
    """A table of people with no header row, read by what its columns hold, as the same
    rows typed with tabs are: ``Anna | Virtanen | Kuntaliitto, pj``, ``Anna Virtanen |
    Kuntaliitto``. Under a present/absent label the rows need only read as people; a
    table with no label must hold full names (a first name alone may be a task's owner)."""
    filled = [[c.strip() for c in row if c.strip()] for row in rows]
    filled = [cells for cells in filled if cells]
    first_last = _first_last(filled)
    people = [_person(state, "\t".join(cells), first_last) for cells in filled]
    found = [p for p in people if p is not None and (labelled or len(p.name.split()) >= 2)]
    if not found or len(found) < _PEOPLE_SHARE * len(filled) or not labelled and len(found) < 2:
        return False
    for person in found:
        _add(state, person, target)
    return True
