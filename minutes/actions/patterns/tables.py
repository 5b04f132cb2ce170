"""Rules that read tasks off a table: an action table by its header words, one typed with
tabs, rows marked done."""

from __future__ import annotations

import re

from ...structure import Line, cell, columns
from .common import Found, _stems


class Tables:
    """The rules that read tasks off a table."""

    def _action_columns(self, header: tuple[str, ...]) -> dict[str, int] | None:
        """Which columns of a table hold the task, its owner and its due date, when the
        header says it is an action table."""
        named = columns(header, {key: self.words.get(f"column_{key}", ()) for key in ("action", "owner", "due")})
        return named if "action" in named and {"owner", "due"} & named.keys() else None


    def _tab_table(self, n: int) -> list[tuple[str, ...]]:
        """An action table typed with tabs (``No.<TAB>Action<TAB>Owner<TAB>Due``), starting at
        unit ``n``: its header and rows, each a line with as many cells; else nothing."""
        line, text = self.units[n]
        header = tuple(re.split(r"\t+", text.strip()))
        if "\t" not in text or len(header) < 2 or self._action_columns(header) is None:
            return []
        rows = [header]
        for below, below_text in self.units[n + 1:]:
            cells = tuple(re.split(r"\t+", below_text.strip()))
            if below.is_table or "\t" not in below_text or len(cells) != len(header):
                break
            rows.append(cells)
        return rows if len(rows) > 1 else []


    def _table(self, line: Line, rows: tuple[tuple[str, ...], ...]) -> list[Found]:
        if len(rows) < 2:
            return []
        named = self._action_columns(rows[0])
        if named is None:
            return []
        heading = rows[0][named["action"]].strip().strip("*:").lower()
        if "owner" not in named and heading in self.words.get("column_neutral", ()):
            return []  # | Milloin | Mitä |: a timeline of what happens, no one's tasks
        found = []
        section = None
        for row in rows[1:]:
            filled = [c for c in row if c.strip()]
            if len(filled) == 1 and len(row) > 1:
                section = self._agenda_item_named(filled[0])  # a section row spanning the table
                continue
            task = cell(row, named, "action")
            if not task or task.strip("-–— ") == "" or self._done_row(row, named):
                continue
            owner = cell(row, named, "owner")
            owners = self._resolve_all(owner, keep_unknown=True) if owner else []
            found.append(Found(task, owners, line, "table", " | ".join(row), cell(row, named, "due"), section))
        return found


    def _done_row(self, row: tuple[str, ...], named: dict[str, int]) -> bool:
        """A row whose status or date cell says it is done already (``tehty 27.2.``); the
        task itself may well start with such a word (``Complete the training``)."""
        done = self.words.get("done_status", ())
        told = [c for i, c in enumerate(row[1:], 1) if i not in (named.get("action"), named.get("owner"))]
        return any(c.strip().lower().split(" ")[0].strip(".,:") in done for c in told if c.strip())


    def _agenda_item_named(self, text: str) -> str | None:
        words = _stems(text)
        for item in self.state.minutes.agenda:
            if words and words <= _stems(item.title) | words and words & _stems(item.title):
                return item.number or item.title
        return None
