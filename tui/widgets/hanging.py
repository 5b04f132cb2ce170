"""Lines that wrap under their text, not under their mark: a hanging indent.

    hanging("  ○ ", "Varaa sali kevään kokouksille ja tarkista hinta")

gives a renderable whose second line starts under ``Varaa``, for an option of a list or a
``Static``. Both parts are Rich ``Text`` (data stays data: a ``str`` is never read as
markup).
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.table import Table
from rich.text import Text

__all__ = ["hanging", "theme_style"]


def hanging(head: Text | str, body: Text | str) -> Table:
    """``head`` then ``body``, the lines of ``body`` after the first starting where it does."""
    head = head if isinstance(head, Text) else Text(head)
    body = body if isinstance(body, Text) else Text(body)
    grid = Table.grid(padding=0, expand=True)
    grid.add_column(width=max(1, cell_len(head.plain)), no_wrap=True)
    grid.add_column(ratio=1)
    grid.add_row(head, body)
    return grid


def theme_style(app, variable: str, extra: str = "") -> str:
    """A Rich style of a colour of the app's theme (``text-error``…), with ``extra``."""
    colour = app.theme_variables.get(variable)
    return f"{extra} {colour}".strip() if colour else extra
