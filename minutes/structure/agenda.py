"""Agenda: the items of the meeting, in the first of these that the minutes have:

1. numbered items (``1.``, ``§ 3``, ``3 §``, Word lists), unless an agenda label lists other
   items (below);
2. ``Topic:`` lines;
3. the items an agenda label lists (``Agenda:`` and the bullets below it, or ``Agenda: a;
   b`` on its line);
4. MeetBot topics, stamped ``(nick, 14:03:12)``;
5. topic bullets: top-level bullets with notes nested under them (a board that writes
   ``- Budget`` / ``  - notes``), unless the bullets are people's words (``- Jo: …``);
6. headings, or lines that stand as headings (``Mitä on tehty:`` over a list).
"""

from __future__ import annotations

import re
from collections import Counter

from ..model import AgendaItem
from ..people import NAME_TOKEN
from .state import Line, ParseState

__all__ = ["agenda", "agenda_candidate", "is_agenda_candidate"]


_NUMBERED = re.compile(
    r"^(?:(?P<para>§)\s*(?P<pnum>\d{1,3})\.?\s*|(?P<num>\d{1,2})[.)]\s+|(?P<snum>\d{1,3})\s*§\s*)(?P<title>\S.*)$"
)
_MAX_TITLE_WORDS = 25  # the most words of the first sentence that may be an item's title
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'”(]?[A-ZÅÄÖ])")


def agenda_candidate(line: Line) -> tuple[str, str] | None:
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
    groups = match.groupdict()
    number = groups.get("pnum") or groups.get("snum") or match["num"]
    if block.kind == "list_item" and block.level > 0:
        return None
    title = _item_title(match["title"])
    return (number, title) if title else None


def is_agenda_candidate(line: Line) -> bool:
    return agenda_candidate(line) is not None


def _item_title(text: str) -> str | None:
    """An item's title: its text up to the first full stop (an item written as a sentence,
    ``3. Hyväksyttiin esityslista. Lisäksi …``), or up to a colon after which notes run on;
    ``None`` for a text in lower case or a first sentence too long to be a title."""
    text = text.strip().rstrip(":").strip()
    if not text or not (text[0].isupper() or text[0] in "\"'"):
        return None
    text = _SENTENCE_END.split(text, maxsplit=1)[0]
    if len(text.split()) > _MAX_TITLE_WORDS:
        head = re.split(r":\s", text, maxsplit=1)[0]
        if len(head.split()) > 10 or head == text:
            return None
        text = head
    return text.rstrip(".").strip()


def agenda(state: ParseState) -> None:
    candidates = [
        (line, found) for line in state.lines
        if line.index not in state.used and (found := agenda_candidate(line))
    ]
    chain = _longest_chain(candidates)
    listed = _labelled_items(state)
    numbered = len(chain) >= 2 or (chain and chain[0][0].block.kind == "heading") \
        or _one_word_numbered_item(chain, candidates)
    if numbered and (not listed or _same_titles(listed, [title for _, (_, title) in chain])):
        items = [(line, number, title) for line, (number, title) in chain]
    else:
        topics = _topic_items(state)
        if listed and not _same_titles(listed, [title for _, title in topics]):
            topics = listed
        found = topics or _attributed_topics(state) or _topic_bullets(state) or _heading_items(state)
        items = [(line, None, title) for line, title in found]
    for line, number, title in items:
        state.minutes.agenda.append(AgendaItem(number, title, line.origin))
        state.item_starts.append((line.index, number or title))


def _one_word_numbered_item(chain, candidates) -> bool:
    """A list Word numbered that has one item only (a memo of one matter): Word's own
    numbering says it is a list, where a typed ``1.`` alone may be anything."""
    return len(candidates) == 1 and len(chain) == 1 and chain[0][0].block.kind == "list_item" \
        and chain[0][0].block.number == "1"


def _same_titles(listed: list[tuple[Line, str]], titles: list[str]) -> bool:
    """Whether ``titles`` name the items an agenda label lists (most of them, in any case)."""
    names = {t.lower().strip(" .:") for t in titles}
    return sum(title.lower().strip(" .:") in names for _, title in listed) * 2 > len(listed)


def _labelled_items(state: ParseState) -> list[tuple[Line, str]]:
    """The items an agenda label lists: the bullets below ``Agenda`` / ``Topics:`` (their
    top level; what is nested is the items' notes), or ``Agenda: a; b`` on its line."""
    for line in state.lines:
        label = state.label_of(line.text)
        if not label or not label[0] & {"agenda", "topic"} or line.is_table:
            continue
        if label[1]:
            if "agenda" not in label[0]:
                continue  # "Topic: Budget" is one topic (``_topic_items``)
            return [(line, title.strip().rstrip(".")) for title in label[1].split(";") if title.strip()]
        items = []
        for below in state.lines[line.index + 1 :]:
            if below.block.kind != "list_item" or below.block.number:
                break
            if below.block.level == 0:
                items.append((below, below.text.strip().rstrip(":")))
        if items:
            return items
    return []


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


# "Jo: …", "Ann & Bo: …", "@jlee: …": someone's words
_SAYS = re.compile(rf"^@?{NAME_TOKEN}(?:\s*(?:&|,|\s)\s*@?{NAME_TOKEN}){{0,2}}\??:\s")


def _topic_bullets(state: ParseState) -> list[tuple[Line, str]]:
    """Top-level bullets with notes nested under them, when the minutes are so written
    (two or more such bullets, none of the top-level bullets someone's words): each is a
    topic, its nested bullets the notes of it. A bullet written as a sentence is a note
    with notes of its own (``- Tilataan paidat.`` / ``  - Anna hoitaa.``), no topic."""
    lines = [line for line in state.lines if line.index not in state.used]
    top = [line for line in lines if line.block.kind == "list_item" and line.block.level == 0
           and not line.block.number]
    if any(_SAYS.match(line.text) for line in top):
        return []
    tops = {line.index for line in top}
    items = []
    for line, below in zip(lines, lines[1:]):
        if line.index in tops and below.block.kind == "list_item" and below.block.level > 0 \
                and not _is_sentence(line.text):
            items.append((line, line.text.strip().rstrip(":")))
    return items if len(items) >= 2 else []


def _is_sentence(text: str) -> bool:
    """A note, not a title: four words or more that end in a full stop."""
    return text.rstrip().endswith(".") and len(text.split()) >= 4


def _longest_chain(candidates):
    """The longest run of candidates whose numbers go up by one (the later one on a tie).

    A number continues the nearest run above it that ends one lower, except a compact list
    (items on adjacent lines, like a list inside an item or an overview of the agenda) that
    has already ended: ``1. 2. [1. 2.] text 3.`` puts 3 after the outer 2. Numbers typed by
    hand slip: with no run that ends one lower, a number repeated (``6. 6.``, or every item
    ``1.``) or one skipped (``2. 4.``) goes on with the run."""
    chains: list[list] = []
    for line, (number, title) in candidates:
        n = int(number)
        for step in (1, 0, 2):
            open_chains = [c for c in chains if int(c[-1][1][0]) == n - step]
            if open_chains:
                break
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


_STANDS_AS_HEADING = 6  # the most words of a line ending in a colon that heads a list


def _heading_items(state: ParseState) -> list[tuple[Line, str]]:
    """Agenda items from headings when nothing is numbered: the most common level below
    the title, leaving out the attendee list's own heading and the like. With no heading,
    the short lines that stand as headings: ``Mitä on tehty:`` over a list."""
    headings = [
        line for line in state.lines
        if line.block.kind == "heading" and line.index not in state.used
        and not state.label_of(line.text) and line.text.strip() != (state.minutes.title or "")
    ]
    if not headings:
        return _colon_headings(state)
    levels = Counter(line.block.level for line in headings)
    top = min(levels)
    level = top if levels[top] >= 2 else max(levels, key=levels.__getitem__)
    return [(line, line.text.strip().rstrip(":")) for line in headings if line.block.level == level]


def _colon_headings(state: ParseState) -> list[tuple[Line, str]]:
    items = []
    for line, below in zip(state.lines, state.lines[1:]):
        if line.block.kind == "paragraph" and line.index not in state.used and line.text.endswith(":") \
                and len(line.text.split()) <= _STANDS_AS_HEADING and below.block.kind == "list_item" \
                and not state.label_of(line.text):
            items.append((line, line.text.rstrip(":").strip()))
    return items if len(items) >= 2 else []
