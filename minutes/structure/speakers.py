"""Speakers: ``Name: what they said`` turns."""

from __future__ import annotations

import re
from collections import Counter

from ..model import SpeakerTurn
from ..people import NAME_TOKEN
from .state import Line, ParseState

__all__ = ["TIMESTAMP", "speakers"]


TIMESTAMP = r"(?:\[?\d{1,2}[.:]\d{2}(?::\d{2})?\]?\s+)?"

_SPEAKER = re.compile(
    rf"^{TIMESTAMP}(?P<name>{NAME_TOKEN}(?:\s{NAME_TOKEN}){{0,2}})(?:\s*\([^)]{{1,30}}\))?\s*:\s+(?P<text>\S.*)$",
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
