"""The app's own widgets: the virtualised actions table and the filter bar."""

from tui.widgets.actions_table import ActionsTable
from tui.widgets.filter_bar import FilterBar

__all__ = ["ActionsTable", "FilterBar"]
