"""Text from documents and from people, made safe to keep and safe to show.

Minutes come from other people, and so do the names and notes typed into the store. A
control character or a bidirectional override in them is never obeyed: ``clean`` takes
them out where text comes in (the readers, ``assign``, ``note``, ``--as``, the store as
it is read), ``visible`` shows what is left where text goes out (the command line, the
terminal UI)::

    >>> from minutes.text import clean, fold, visible
    >>> clean("Anna Ma\\u0308kinen\\x1b[2J")       # NFC, and no escape character
    'Anna Mäkinen[2J'
    >>> visible("\\x1b]52;c;aGk=\\x07 \\u202eabc")  # shown, never obeyed
    '␛]52;c;aGk=␇ <U+202E>abc'
    >>> fold("Conor  O’Neill") == fold("conor o'neill")
    True

The characters in question: C0 controls but tab and line feed (a carriage return becomes
a line break in ``clean``; ``visible`` leaves a CR before an LF), DEL, C1 controls, and
the bidirectional embeddings, overrides and isolates U+202A–U+202E and U+2066–U+2069.
This module imports nothing of the parser: the store and the command line use it.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["UNSAFE", "clean", "fold", "straight_apostrophes", "visible"]

_CONTROLS = "\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069"
UNSAFE = re.compile(f"[{_CONTROLS}]")
"""A character that ``clean`` takes out (a CR it turns into a line break)."""

_SHOWN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]|\r(?!\n)")
_APOSTROPHES = str.maketrans("’ʼ‘´`", "'''''")


def clean(text: str) -> str:
    """``text`` as it is kept: NFC, line breaks as ``\\n``, no control character but tab
    and line feed, no bidirectional override."""
    if UNSAFE.search(text):
        text = UNSAFE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text


def visible(text: str) -> str:
    """``text`` as it is shown on a terminal: every character ``clean`` would take out
    is written as a sign instead (a C0 control as its control picture, ``␛``; a C1
    control or a bidirectional override as ``<U+202E>``), so none reaches the terminal."""
    return _SHOWN.sub(_sign, text) if _SHOWN.search(text) else text


def _sign(found: re.Match[str]) -> str:
    code = ord(found.group())
    if code < 0x20:
        return chr(0x2400 + code)
    if code == 0x7F:
        return "\u2421"
    return f"<U+{code:04X}>"


def straight_apostrophes(text: str) -> str:
    """``text`` with every apostrophe-like character (’ ʼ ‘ ´ `) as ``'``."""
    return text.translate(_APOSTROPHES)


def fold(name: str) -> str:
    """The form in which two names are compared: cleaned, case-folded, one kind of
    apostrophe (``O’Neill`` is ``O'Neill``), single spaces."""
    return " ".join(straight_apostrophes(clean(name)).casefold().split())
