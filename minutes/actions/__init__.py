"""Actions: every task the meeting gave someone, with its owners, its due date and the
rules that found it.

The stage works in four steps, each in its own module:

    units      the document cut into sentences and table rows, each with its heading, the
               list item it hangs under and the person the lines around it are about
    reading    who does what in each sentence, in which verb form (rule-based, per language)
    rules      named tests on a candidate (``doer-future``, ``instruction``, ``report``…)
    scorer     weights fitted on real minutes add up the rules that hold; a candidate
               above the threshold is a task

A task whose owner is named on a short line below it (``Book the hall`` / ``Anna fixar.``)
is one action; a task said twice (a sentence and its table row) is one action that takes
its owners and date from either. Owners are the people of the meeting as the attendee
list names them (``VOrdf`` is the Vice Ordförande, ``Annalle`` is Anna), groups and names
outside the list as written.

    >>> from minutes import parse
    >>> m = parse("Hallitus\\nLäsnä: Anna Virtanen, Pekka Ahonen\\n\\n- Anna varaa salin 3.3. mennessä.\\n- Pekka kertoi budjetista.\\n")
    >>> [(a.text, a.owners) for a in m.actions]
    [('Anna varaa salin', ['Anna Virtanen'])]
"""

from __future__ import annotations

from ..structure import ParseState
from .finder import Finder

__all__ = ["run"]


def run(state: ParseState) -> None:
    """Find the actions of the minutes and add them to ``state.minutes.actions``."""
    state.minutes.actions.extend(Finder(state).actions())
