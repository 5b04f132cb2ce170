"""Decisions: ``Päätös: …`` labels and lines that open with a decision verb."""

from __future__ import annotations

from ..model import Decision
from .state import ParseState

__all__ = ["decisions"]


def decisions(state: ParseState) -> None:
    verbs = tuple(v.lower() for v in state.profile.labels.get("decision_verbs", ()))
    for line in state.lines:
        if line.is_table or line.index in state.used:
            continue
        label = state.label_of(line.text)
        text = None
        if label and "decision" in label[0] and label[1]:
            text = label[1]
        elif line.text.lower().startswith(verbs) and _starts_with_word(line.text.lower(), verbs):
            text = line.text
        if text:
            state.minutes.decisions.append(
                Decision(text.strip(), state.agenda_item_at(line.index), line.origin)
            )


def _starts_with_word(text: str, words: tuple[str, ...]) -> bool:
    return any(text.startswith(w) and (len(text) == len(w) or not text[len(w)].isalpha()) for w in words)
