"""Next meeting: its date, time and place, from the line or item that names it."""

from __future__ import annotations

import re

from .. import dates
from ..lang import LANGUAGES, profile
from ..model import NextMeeting
from .agenda import is_agenda_candidate
from .header import leftover
from .state import ParseState, any_word, every_language

__all__ = ["next_meeting"]


def next_meeting(state: ParseState) -> None:
    found = _next_meeting_text(state)
    if not found:
        return
    parts, place = found
    base = state.minutes.date
    code = state.profile.code
    nm = NextMeeting()
    same = any_word("structure", "same")
    filler = re.compile(rf"^(?:{any_word('structure', 'filler').pattern}\s*)+", re.I)
    for part in parts:
        if nm.date is None:
            nm.date = _date_in(part, base, code)
        if nm.start is None:
            nm.start, nm.end = dates.parse_time_range(part)
            if nm.start is None and same.search(part) and any_word("structure", "time_words").search(part):
                nm.start, nm.end = state.minutes.start, state.minutes.end
    if place is None:
        for part in parts:
            for piece in leftover(state, part):
                piece = filler.sub("", piece).strip()
                if same.search(piece):
                    if any_word("structure", "place_words").search(piece):
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


def _date_in(part: str, base, code: str):
    """The first date (with a day) that ``part`` names after ``base``, read in the minutes'
    language, then in the others (``3.4. klo 17`` in English minutes); failing that, the
    first period or relative date. The other languages' patterns are compiled only when
    the minutes' own find no date with a day."""
    mentions = []
    for c in (code, *(c for c in LANGUAGES if c != code)):
        found = [d for d in dates.find_dates(part, base, c) if not base or d.date >= base]
        explicit = next((d for d in found if d.kind in ("date", "deadline")), None)
        if explicit is not None:
            return explicit.date
        mentions += found
    return mentions[0].date if mentions else None


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
        heading = line.block.kind == "heading" or is_agenda_candidate(line) or not rest and opens_line
        for after in state.lines[line.index + 1 : line.index + 5] if heading else []:
            if after.is_table or is_agenda_candidate(after) or after.block.kind == "heading":
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


def _base_form(state: ParseState, place: str) -> str:
    """``Kylätalon salissa`` -> ``Kylätalon sali`` and ``Zoomissa`` -> ``Zoom``
    when the document also writes the word in its base form; else the place as written."""
    words = place.split()
    if not words:
        return place
    last = words[-1]
    known = {w.strip(".,:;()") for l in state.lines for w in l.text.split()}
    spelled = next((k for k in known if k.lower() == last.lower() and k != last and k[:1].isupper()), None)
    if spelled:  # "på biblioteket" where the header says "Biblioteket"
        return " ".join([*words[:-1], spelled])
    for ending in sorted(every_language("structure", "place_endings"), key=len, reverse=True):
        if last.endswith(ending) and len(last) > len(ending) + 2:
            stem = last[: -len(ending)]
            for candidate in (stem, stem[:-1] if stem.endswith("i") else None):
                written = next((k for k in known if candidate and k.lower() == candidate.lower()), None)
                if candidate and candidate != last and written:
                    return " ".join([*words[:-1], written])
    return place
