"""Structure: the meeting's facts, people, agenda, speakers, decisions and next meeting.

One module a stage: ``header`` (title, date, time, place), ``attendees`` (present, absent,
chair, secretary), ``agenda``, ``speakers``, ``decisions`` and ``next_meeting``; what they
share (``Line``, ``ParseState``, labels, table columns) is in ``state``. Each stage reads the
``ParseState`` and adds to its ``Minutes``; none raises on odd input, a document it cannot
make sense of simply yields less (and a doubt or two).

    >>> from minutes.readers import read_text
    >>> from minutes.structure import ParseState, run
    >>> state = ParseState.start(read_text("Hallituksen kokous\\nAika: 3.2.2026 klo 9-10\\n"), "fi")
    >>> run(state).minutes.date.isoformat()
    '2026-02-03'
"""

from __future__ import annotations

from .agenda import agenda
from .attendees import attendees
from .decisions import decisions
from .header import header
from .next_meeting import next_meeting
from .speakers import speakers
from .state import Line, ParseState, cell, columns

__all__ = ["Line", "ParseState", "cell", "columns", "run"]

STAGES = (header, attendees, agenda, speakers, decisions, next_meeting)


def run(state: ParseState) -> ParseState:
    """Every structure stage, in order."""
    for stage in STAGES:
        stage(state)
    return state
