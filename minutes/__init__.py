"""minutes: read meeting minutes (DOCX or text; Finnish, English, Swedish) into facts,
attendees, agenda items, decisions and actions with owners and due dates.

    >>> from minutes import parse
    >>> m = parse("muistio.docx")                      # doctest: +SKIP
    >>> m.date, [a.name for a in m.attendees][:2]      # doctest: +SKIP
    (datetime.date(2026, 3, 4), ['Joonas Berglund', 'Ami Salonen'])
    >>> parse("Hallituksen kokous\\nAika: 3.2.2026\\n").date
    datetime.date(2026, 2, 3)

The parser is pure: no store, no screen, no global state. Only an unreadable file raises
(``UnreadableMinutes``, a ``ValueError``); a document it half understands gives a partial
``Minutes`` whose ``doubts`` say what it was unsure of.
"""

from __future__ import annotations

import os

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (the store does not)
if TYPE_CHECKING:
    from .model import (
        Action,
        AgendaItem,
        Attendee,
        Decision,
        Minutes,
        NextMeeting,
        UnreadableMinutes,
        looks_like_minutes,
    )

__all__ = [
    "Action",
    "AgendaItem",
    "Attendee",
    "Decision",
    "Minutes",
    "NextMeeting",
    "UnreadableMinutes",
    "looks_like_minutes",
    "parse",
]

PUBLIC_MODULES = (
    "minutes.dates",  # read(phrase, meeting_date, lang): a due date; find_dates, find_deadline
    "minutes.evaluate",  # scores against gold files
    "minutes.lang",  # LANGUAGES, profile(code): the words of each language
    "minutes.model",  # the dataclasses
    "minutes.nlp",  # has_model(lang): whether a statistical model is installed
    "minutes.people",  # PeopleIndex: whom a written name means
    "minutes.readers",  # read(path), read_text(text), decode(bytes)
    "minutes.summary",  # summary(minutes): the text `minutes parse` prints
    "minutes.text",  # clean, fold, visible: text made safe to keep and to show
    "minutes.words",  # WordForms: two forms of one word
)
"""The modules of the parser that other packages (the store, the terminal UI, other tools)
may import; the rest (``pipeline``, ``structure``, ``actions``, the readers' and languages'
own modules) are the parser's stages and may change shape at any time."""


def __getattr__(name: str):
    # the model's classes are imported when first asked for, so that ``minutes.text``
    # (which the store uses) costs the store nothing of the parser
    if name in __all__ and name != "parse":
        from . import model

        return getattr(model, name)
    raise AttributeError(f"module 'minutes' has no attribute {name!r}")


def parse(source: str | os.PathLike, *, lang: str | None = None) -> Minutes:
    """Parse minutes from a path (``str`` or ``Path``) or from text already in memory.

    A ``str`` holding a line break is taken as the text itself, any other ``str`` as a
    path. ``lang`` (``fi``, ``en``, ``sv``) overrides the detected language.
    """
    from .model import UnreadableMinutes
    from .pipeline import parse_document
    from .readers import read, read_text

    if isinstance(source, str) and "\n" in source:
        document = read_text(source)
    else:
        try:
            document = read(source)
        except UnreadableMinutes as error:
            if isinstance(source, str) and not os.path.lexists(source):
                raise UnreadableMinutes(
                    f"no such file: {source!r} (a str without a line break is taken as a path; "
                    "give the text with its line breaks)") from error
            raise
    return parse_document(document, lang=lang)
