"""The stages in order: a ``Document`` in, ``Minutes`` out.

    >>> from minutes.readers import read_text
    >>> parse_document(read_text("Board meeting\\nDate: 3 March 2026\\n")).language
    'en'
"""

from __future__ import annotations

from . import actions, dates, structure
from .lang import detect, profile
from .model import Document, Minutes

__all__ = ["parse_document"]


def parse_document(document: Document, *, lang: str | None = None) -> Minutes:
    """Run every stage over ``document``; ``lang`` overrides the detected language."""
    text = "\n".join(block.text for block in document.blocks)
    code = profile(lang).code if lang else detect(text)
    state = structure.ParseState.start(document, code)
    structure.run(state)
    actions.run(state)
    state.minutes.doubts[:0] = document.doubts  # the reader's come first
    _doubt_due_dates(state.minutes)
    return state.minutes


def _doubt_due_dates(minutes: Minutes) -> None:
    """A due date whose weekday does not fit it, or one far from the meeting, is a doubt
    for the secretary's review (``dates.due_doubts``)."""
    upcoming = minutes.next_meeting.date if minutes.next_meeting else None
    for action in minutes.actions:
        if action.due is not None:
            action.doubts += dates.due_doubts(action.due, action.due_text, minutes.date,
                                              minutes.language, next_meeting=upcoming)
