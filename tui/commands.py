"""The command palette (ctrl+p): meetings, people and the app's commands.

Each ``Provider`` reads what the app last loaded (``MinutesApp.meetings``, ``.people``),
so a search costs no store read.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import Matcher
from textual.markup import escape

from tui.index import owner_token

__all__ = ["CommandsProvider", "MeetingsProvider", "PeopleProvider"]


class _EntriesProvider(Provider):
    """A provider over a list of ``(text, command, help)`` entries: the palette's search
    matches the text; with nothing typed, the first ``discovered`` entries are offered."""

    discovered: int | None = None

    def _entries(self) -> list[tuple[str, Callable, str]]:
        raise NotImplementedError

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, command, help in self._entries():
            if (score := matcher.match(text)) > 0:
                yield Hit(score, _highlighted(matcher, text), command, text=text, help=escape(help))

    async def discover(self) -> Hits:
        for text, command, help in self._entries()[: self.discovered]:
            yield DiscoveryHit(Content(text), command, text=text, help=escape(help))


def _highlighted(matcher: Matcher, text: str) -> Content:
    """``text`` as it is (a meeting's title is data, never markup: ``Matcher.highlight``
    would read it as markup), its matched letters in the match style."""
    content = Content(text)
    _, offsets = matcher.fuzzy_search.match(matcher.query, text)
    for offset in offsets:
        if not text[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


class MeetingsProvider(_EntriesProvider):
    """``meeting: 2025-11-14 Luovien alojen klusterin kokous`` opens the meeting."""

    discovered = 5

    def _entries(self) -> list[tuple[str, Callable, str]]:
        app = self.app
        counts = app.index.meeting_counts()
        return [(f"meeting: {m.date or 'undated'} {m.title or '(untitled)'}",
                 partial(app.open_meeting, m.id),
                 f"{m.id} · {counts.get(m.id, (0, 0))[0]} open actions")
                for m in app.meetings]


class PeopleProvider(_EntriesProvider):
    """``person: Inga Savukoski`` shows their open actions."""

    discovered = 0  # people come when a name is typed

    def _entries(self) -> list[tuple[str, Callable, str]]:
        app = self.app
        return [(f"person: {p.name}", partial(app.show_actions, f"{owner_token(p.name)} is:open"),
                 f"{p.open_actions} open" + (f" · also {', '.join(p.aliases)}" if p.aliases else ""))
                for p in app.people]



class CommandsProvider(_EntriesProvider):
    """The app's own commands."""

    def _entries(self) -> list[tuple[str, Callable, str]]:
        app = self.app
        entries = [
            ("Import minutes…", app.action_import_minutes,
             "Pick a file, review what was found, write it (ctrl+o)"),
            ("Meetings", app.action_meetings, "Every meeting, the latest first (m)"),
            ("Actions: open", partial(app.show_actions, "is:open"), "The home table, open actions"),
            ("Actions: overdue", partial(app.show_actions, "is:overdue"), "Open and past their due date"),
            ("Actions: due within a week", partial(app.show_actions, "is:open due:7"), "Open, due in 7 days"),
            ("Actions: all", partial(app.show_actions, "is:all"), "Every status"),
            ("Actions: no longer in the minutes", partial(app.show_actions, "is:vanished"),
             "Vanished from an edited version: keep (k) or drop (c) each"),
            ("Sort by due date", partial(app.show_actions, None, "due"), "Undated last"),
            ("Sort by owner", partial(app.show_actions, None, "owner"), "By the first owner's name"),
            ("Sort by meeting", partial(app.show_actions, None, "meeting"), "The latest meeting first"),
            ("Undo your latest change", app.undo, "The latest change you made, named when undone (u)"),
            ("Read the store again", app.load, str(app.store.path)),
            ("Keys", app.action_help, "Every key and the filter syntax (?)"),
        ]
        if app.me:
            entries.insert(2, ("Actions: mine", partial(app.show_actions, "@me is:open"), app.me))
        return entries


