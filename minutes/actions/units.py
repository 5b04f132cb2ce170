"""Units: the pieces of minutes that may each hold one task, with what surrounds them.

A unit is a sentence of a paragraph or list item, or a row of a table. It knows its
heading (the section it stands in), the list item it hangs under, the person the lines
around it are about (a ``Name:`` bullet, a heading that is a name), and the table columns
its cells stand in. The rules and the scorer read units; they never walk lines themselves.

    >>> from minutes.readers import read_text
    >>> from minutes.structure import ParseState, run
    >>> state = run(ParseState.start(read_text("Kokous\\n\\n## Talous\\n- Budjetti\\n  - Anna tekee luonnoksen.\\n"), "fi"))
    >>> [(u.text, u.heading, u.parent.text if u.parent else None) for u in units(state)][-1]
    ('Anna tekee luonnoksen.', 'Talous', 'Budjetti')
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from functools import lru_cache

from ..lang import LANGUAGES, profile
from ..people import PeopleIndex
from ..structure import Line, ParseState
from .patterns.common import _AND

__all__ = ["Unit", "units", "sentences", "strip_markup"]


@dataclass(eq=False)
class Unit:
    """One sentence or table row that may be a task.

    ``depth`` is the list depth (0 = a top bullet) or -1 outside lists; ``parent`` the
    unit of the list item (or sentence) it hangs under; ``children`` the units that hang
    under it. ``row`` holds a table row's cells and ``header`` its table's first row.
    ``person`` is the one the surrounding lines are about, as written.
    """

    index: int
    line: Line
    text: str
    position: int = 0  # the sentence's place in its line: 0 = the first
    depth: int = -1
    heading: str | None = None
    headings: tuple[str, ...] = ()
    parent: Unit | None = None
    children: list[Unit] = field(default_factory=list)
    person: str | None = None
    label: str | None = None  # "Outcome", "Action items": a label line above, or "X:" before
    row: tuple[str, ...] = ()
    header: tuple[str, ...] = ()
    previous: Unit | None = None
    next: Unit | None = None

    @property
    def is_row(self) -> bool:
        return bool(self.row)

    @property
    def kind(self) -> str:
        return self.line.block.kind


_MARKUP = re.compile(r"<br\s*/?>|</?(?:b|i|u|em|strong|span|p)\b[^>]*>", re.I)
_BULLET = re.compile(r"^\s*(?:[-*•–◦▪>]\s+|\[[ xX]?\]\s*)+")
_NUMBER = re.compile(r"^\s*(?:\d{1,2}(?:\.\d{1,2})*[.)]?|[a-h][).])\s+(?=\S)")
# a sentence ends at . ! ? before a capital letter or a digit; not after an initial (Anna K.)
# nor after a short abbreviation (esim., mm., ks.)
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[\"'(]?[A-ZÅÄÖÜÉ0-9])")
_ABBREVIATION = re.compile(r"(?:\b[A-ZÅÄÖ]|\b\w{1,3}|\d)\.$")


def strip_markup(text: str) -> str:
    """A line as a person reads it: no HTML left in Markdown, no emphasis marks."""
    text = _MARKUP.sub(" ", text)
    text = re.sub(r"\*\*|__|(?<!\w)\*(?=\S)|(?<=\S)\*(?!\w)|`", "", text)
    return re.sub(r"[ \t]+", " ", text).strip()


def sentences(text: str) -> list[str]:
    """``text`` cut into sentences, by punctuation alone (fast and the same with or without
    a statistical model)."""
    parts: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        piece = text[start : match.start()].strip()
        if not piece:
            continue
        if _ABBREVIATION.search(piece) and not piece.endswith(("!", "?")) and len(piece) > 4:
            last = piece.split()[-1]
            if re.search(r"\d\s+\w{1,3}\.$", piece):
                pass  # a sum or measure ends the sentence: "budjetti 400 €.", "12 400 kr."
            elif len(last) <= 3 and not last[:-1].isdigit() or last[:-1].isupper() and len(last) == 2:
                continue  # "Anna K. ja", "mm. seuraavat": the sentence goes on
        parts.append(piece)
        start = match.end()
    rest = text[start:].strip()
    if rest:
        parts.append(rest)
    return parts


def units(state: ParseState) -> list[Unit]:
    """Every unit of the minutes below its header and attendee list, in reading order."""
    roster = PeopleIndex([*state.minutes.attendees, *state.minutes.absent], aliases=state.handles)
    found: list[Unit] = []
    headings: list[tuple[int, str]] = []  # (level, title) of the open headings
    stack: list[Unit] = []  # the last unit at each list depth
    heading_person: str | None = None
    label: str | None = None
    label_line = -1
    for line in state.lines:
        text = line.text
        block = line.block
        if line.index in state.used:
            continue
        if line.is_table:
            found += _rows(roster, line, headings, label)
            stack = []
            continue
        clean = strip_markup(_NUMBER.sub("", _BULLET.sub("", text)))
        if not clean:
            continue
        depth = max(block.level, 0) if block.kind == "list_item" or _BULLET.match(text) else -1
        if depth < 0 and _continues(found, line, clean):
            last = found[-1]
            last.text = f"{last.text} {clean}"  # a sentence broken over two lines
            continue
        below = state.lines[line.index + 1] if line.index + 1 < len(state.lines) else None
        named = _person_heading(roster, clean, below) if depth < 0 else None
        if named or block.kind == "heading" or _item_start(state, line) or _label_only(state, clean):
            level = block.level if block.kind == "heading" else 9
            headings = [(lv, t) for lv, t in headings if lv < level] + [(level, clean.rstrip(":").strip())]
            stack = []
            heading_person = named
            label = clean.rstrip(":").strip() if not named and _label_only(state, clean) else None
            label_line = line.index
            if not (_item_start(state, line) and len(clean.split()) > 8):
                continue  # a numbered item that is a whole paragraph holds sentences too
        stack = [u for u in stack if u.depth < depth] if depth >= 0 else []
        parent = stack[-1] if stack else None
        if depth < 0 and label and line.index - label_line > 6:
            label = None
        own_person = _person_prefix(roster, clean)
        person = own_person or (parent.person if parent else None) or heading_person
        first: Unit | None = None
        for position, sentence in enumerate(sentences(clean)):
            unit = Unit(
                index=len(found), line=line, text=sentence, position=position, depth=depth,
                heading=headings[-1][1] if headings else None,
                headings=tuple(t for _, t in headings), parent=parent if position == 0 else first,
                person=person, label=label,
            )
            if unit.parent is not None:
                unit.parent.children.append(unit)
            found.append(unit)
            first = first or unit
        if first is not None and depth >= 0:
            stack.append(first)
    for n, unit in enumerate(found):
        unit.index = n
    for before, after in zip(found, found[1:]):
        before.next, after.previous = after, before
    return found


def _continues(found: list[Unit], line: Line, text: str) -> bool:
    """A line that goes on with the sentence above it: it starts in lower case right below
    a line that has not ended."""
    if not found or not text[:1].islower():
        return False
    last = found[-1]
    return (
        not last.is_row and last.line.index == line.index - 1 and last.line.block.kind != "heading"
        and not last.text.rstrip().endswith((".", "!", "?", ":"))
    )


def _rows(roster: PeopleIndex, line: Line, headings: list[tuple[int, str]], label: str | None) -> list[Unit]:
    rows = line.block.rows
    if not rows:
        return []
    header = rows[0]
    body = rows[1:] if len(rows) > 1 and _is_header(roster, header) else rows
    header = header if body is not rows else ()
    out = []
    for number, row in enumerate(body):
        cells = tuple(strip_markup(c) for c in row)
        if not any(c.strip("-–— ") for c in cells):
            continue
        out.append(Unit(
            index=-1, line=line, text=" | ".join(c for c in cells if c), position=number, depth=-1,
            heading=headings[-1][1] if headings else None, headings=tuple(t for _, t in headings),
            label=label, row=cells, header=tuple(strip_markup(c) for c in header),
        ))
    return out


def _is_header(roster: PeopleIndex, row: tuple[str, ...]) -> bool:
    """A first row of short labels, none of them a person of the meeting."""
    cells = [strip_markup(c) for c in row]
    return all(len(c.split()) <= 4 for c in cells) and not any(
        roster.resolve(c) for c in cells if c
    )


def _item_start(state: ParseState, line: Line) -> bool:
    return any(start == line.index for start, _ in state.item_starts)


def _label_only(state: ParseState, text: str) -> bool:
    """``Outcome:``, ``Action Items:`` – a short line that ends in a colon, or a label the
    profile knows standing alone."""
    if text.endswith(":") and len(text.split()) <= 5:
        return True
    label = state.label_of(text)
    return bool(label) and not label[1]


def _person_heading(roster: PeopleIndex, text: str, below: Line | None) -> str | None:
    """A line that is only a person's name (``Maria``, ``Tomas:``) with a list below it:
    the list is about them."""
    bare = text.strip().rstrip(":").strip()
    if not bare or len(bare.split()) > 3:
        return None
    found = roster.resolve(bare)
    if found:
        return found
    listed = below is not None and (below.block.kind == "list_item" or _BULLET.match(below.text))
    if not listed or not _name_like(bare) or " " in bare or bare.lower() in _vocabulary():
        return None
    return bare


_NAME = re.compile(rf"^[A-ZÅÄÖÜÉ][\w'’.-]*(?:\s(?:{_AND})?\s?[A-ZÅÄÖÜÉ][\w'’.-]*){{0,2}}$")


def _name_like(text: str) -> bool:
    return bool(_NAME.match(text))


@lru_cache(maxsize=1)
def _vocabulary() -> frozenset[str]:
    """Every word the profiles know as a label, a section or a common word, in every
    language: such a word is no name (``Agenda``, ``Roundtable``, ``Övrigt``)."""
    words: set[str] = set()
    for code in LANGUAGES:
        p = profile(code)
        words |= p.common_words
        for table in (p.labels, p.actions, p.roles):
            for key, values in table.items():
                if not key.startswith("column_"):
                    for value in values:
                        words.update(value.lower().split())
    return frozenset(words)


def _person_prefix(roster: PeopleIndex, text: str) -> str | None:
    """``Maria: will ask the printer`` -> ``Maria``: a line that opens with a person and a colon."""
    match = re.match(r"^([^:]{2,40}?)\??\s*:\s*\S", text)
    if not match:
        return None
    who = match.group(1).strip()
    resolved = roster.resolve(who)
    if resolved:
        return resolved
    if not roster and _name_like(who) and len(who.split()) <= 2 and who.lower() not in _vocabulary():
        return who
    return None
