"""Agenda: the items of the meeting, numbered (``1.``, ``§ 3``, Word lists), ``Topic:``
lines, stamped MeetBot topics or headings."""

from __future__ import annotations

import re
from collections import Counter

from ..model import AgendaItem
from .state import Line, ParseState

__all__ = ["agenda", "agenda_candidate", "is_agenda_candidate"]


_NUMBERED = re.compile(
    r"^(?:(?P<para>§)\s*(?P<pnum>\d{1,3})\.?\s*|(?P<num>\d{1,2})[.)]\s+)(?P<title>\S.*)$"
)
_MAX_TITLE_WORDS = 14


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
    number = match.groupdict().get("pnum") or match["num"]
    if block.kind == "list_item" and block.level > 0:
        return None
    title = _item_title(match["title"])
    return (number, title) if title else None


def is_agenda_candidate(line: Line) -> bool:
    return agenda_candidate(line) is not None


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
        if line.index not in state.used and (found := agenda_candidate(line))
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
