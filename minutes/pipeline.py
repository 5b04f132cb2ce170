"""The stages in order: a ``Document`` in, ``Minutes`` out.

    >>> from minutes.readers import read_text
    >>> parse_document(read_text("Board meeting\\nDate: 3 March 2026\\n")).language
    'en'
"""

from __future__ import annotations

from . import actions, structure
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
    return state.minutes
