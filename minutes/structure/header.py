"""Header: the meeting's title, date, time and place."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from .. import dates
from ..lang import LANGUAGES, profile
from .agenda import is_agenda_candidate
from .state import HEADER_SPAN, Line, ParseState, any_word, every_language

__all__ = ["header", "leftover", "strip_dates"]


def header(state: ParseState) -> None:
    m = state.minutes
    lines = state.lines[:HEADER_SPAN]
    for line in lines:
        if not line.is_table:  # a form table's rows are lines of their own (ParseState.start)
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
    if m.date is not None and m.start is None:  # "Kvällsträff onsdag 6.5 kl 18–19.30"
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
    ``3 March 2026, 14:00–15:00 CET, Jitsi``; ``Kerho | Zoom klo 17.00–18.00``."""
    m = state.minutes
    if m.start is not None:
        return
    for line in state.lines[date_line.index : date_line.index + 3]:
        if line.is_table or state.label_of(line.text) or is_agenda_candidate(line):
            continue
        for segment in line.text.split("|"):
            start, end = dates.parse_time_range(segment)
            if start is None:
                continue
            m.start, m.end = start, end
            rest = leftover(state, segment)
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
    generic = every_language("labels", "title")
    meeting_words = every_language("labels", "meeting")
    candidates = []
    for line in state.lines[:12]:
        if line.is_table or state.label_of(line.text):
            continue
        if is_agenda_candidate(line):
            break
        text = strip_dates(line.text, state.profile.code)
        if not text or text.lower().strip(" .:") in generic or not _looks_like_title(text):
            continue
        candidates.append((line, text))
    if candidates and candidates[0][0].block.kind == "heading" and candidates[0][0].block.level <= 1:
        line, text = candidates[0]
        state.used.add(line.index)
        channel = _CHANNEL_TITLE.match(text)  # "#garden-dev: garden weekly"
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


def strip_dates(text: str, lang: str) -> str:
    """``text`` without its full dates and times: ``Hakuinfo 3.3.2026`` ->
    ``Hakuinfo``; a meeting number like ``4/2026`` stays."""
    text = _FULL_DATE.sub("", text)
    for mention in sorted(dates.find_dates(text, None, lang), key=lambda d: -d.start):
        if not _MONTH_YEAR.fullmatch(mention.text.strip()):
            text = text[: mention.start] + text[mention.end :]
    text = _time_phrase().sub("", text)
    return text.strip(" \t-–—,.:|")


_FULL_DATE = re.compile(r"\b\d{1,2}\.\s?\d{1,2}\.\s?\d{4}\b|\b\d{4}-\d{2}-\d{2}\b")
_MONTH_YEAR = re.compile(r"\d{1,2}/\d{4}")


@lru_cache(maxsize=1)
def _time_phrase() -> re.Pattern[str]:
    """A clock time or range with its word (``klo 17.00–18.30``, ``at 10.30 pm``) or an hour
    after a clock word (``kello 21``)."""
    word = any_word("date_words", "time").pattern
    meridiems = sorted(every_language("date_words", "am", "pm"), key=len, reverse=True)
    meridiem = "|".join(map(re.escape, meridiems))
    return re.compile(
        rf"(?:{word}\.?)?\s*\d{{1,2}}(?:[.:]\d{{2}})\s*(?:[-–—]\s*\d{{1,2}}(?:[.:]\d{{2}})?)?"
        rf"(?:\s*(?:{meridiem})\.?)?|{word}\.?\s*\d{{1,2}}\b",
        re.I,
    )


_TIMEZONE = re.compile(r"\b(?:EEST|EET|CEST|CET|UTC|GMT|BST|WEST|WET)\b")


def leftover(state: ParseState, text: str) -> list[str]:
    """The comma-separated pieces of ``text`` that are neither dates, times, weekdays,
    time zones, remarks in parentheses nor filler: what may name a place."""
    text = re.sub(r"\([^)]*\)", "", text)
    text = _TIMEZONE.sub("", strip_dates(text, state.profile.code))
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
