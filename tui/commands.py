"""The command palette (ctrl+p): the app's commands first, then meetings, people, actions
by their text, and last Textual's own commands (theme, screenshot, quit).

Each ``Provider`` reads what the app last loaded (``MinutesApp.meetings``, ``.people``,
``.index``), so a search costs no store read. With nothing typed the palette lists the
app's commands, the latest meetings, then Textual's (``CommandsProvider.discover``: one
provider, so the order is the same every time).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import Matcher
from textual.markup import escape
from textual.system_commands import SystemCommandsProvider

from tracker.i18n import _, ngettext, shown_date
from tui.index import SORTS, fold, owner_token

__all__ = ["ActionsProvider", "CommandsProvider", "MeetingsProvider", "PeopleProvider", "TextualCommands"]

Entry = tuple[str, Callable, str]  # text, command, help
LATEST_MEETINGS = 5
ACTION_HITS = 20


class _EntriesProvider(Provider):
    """A provider over a list of ``(text, command, help)`` entries: the palette's search
    matches the text (scores times ``weight``)."""

    weight = 1.0

    def _entries(self) -> list[Entry]:
        raise NotImplementedError

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, command, help in self._entries():
            if (score := matcher.match(text)) > 0:
                yield Hit(score * self.weight, _highlighted(matcher, text), command, text=text,
                          help=escape(help))

    async def discover(self) -> Hits:
        return
        yield


def _highlighted(matcher: Matcher, text: str) -> Content:
    """``text`` as it is (a meeting's title is data, never markup: ``Matcher.highlight``
    would read it as markup), its matched letters in the match style."""
    content = Content(text)
    _score, offsets = matcher.fuzzy_search.match(matcher.query, text)
    for offset in offsets:
        if not text[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


def meeting_entries(app) -> list[Entry]:
    counts = app.index.meeting_counts()
    return [(_("meeting: {date} {title}").format(date=shown_date(m.date, _("undated")),
                                                  title=m.title or _("(untitled)")),
             partial(app.open_meeting, m.id),
             ngettext("{id} · {n} open action", "{id} · {n} open actions",
                      counts.get(m.id, (0, 0))[0]).format(id=m.id, n=counts.get(m.id, (0, 0))[0]))
            for m in app.meetings]


class MeetingsProvider(_EntriesProvider):
    """``meeting: 14.11.2025 Luovien alojen klusterin kokous`` opens the meeting."""

    weight = 0.9

    def _entries(self) -> list[Entry]:
        return meeting_entries(self.app)


class PeopleProvider(_EntriesProvider):
    """``person: Ingela Kaarto`` shows their open actions."""

    weight = 0.9

    def _entries(self) -> list[Entry]:
        app = self.app
        return [(_("person: {name}").format(name=p.name),
                 partial(app.show_actions, f"{owner_token(p.name)} is:open"),
                 ngettext("{n} open", "{n} open", p.open_actions).format(n=p.open_actions)
                 + (_(" · also {aliases}").format(aliases=", ".join(p.aliases)) if p.aliases else ""))
                for p in app.people]


class ActionsProvider(Provider):
    """An action by the words of its text: ``budjetti`` finds “Päivitä budjetti…”, and
    choosing it opens the action. The words are looked up in the app's index (every word
    in the text, any order); the first ``ACTION_HITS`` are scored."""

    async def search(self, query: str) -> Hits:
        words = [w for w in fold(query).split() if len(w) > 1]
        if not words:
            return
        matcher = self.matcher(query)
        app = self.app
        for action in app.index.with_words(words, most=ACTION_HITS):
            text = action.text
            score = max(matcher.match(text), 0.3) * 0.8
            yield Hit(score, Content(_("action: ")) + _highlighted(matcher, text),
                      partial(app.open_action, action.id), text=text,
                      help=escape(f"{action.id} · {', '.join(action.owners) or _('nobody yet')}"))


class CommandsProvider(_EntriesProvider):
    """The app's own commands; with nothing typed, they, the latest meetings and Textual's
    commands, in that order."""

    def _entries(self) -> list[Entry]:
        app = self.app
        entries = [
            (_("Import minutes…"), app.action_import_minutes,
             _("Pick a file, review what was found, write it (ctrl+o)")),
            (_("Meetings"), app.action_meetings, _("Every meeting, the latest first (m)")),
            (_("Actions: open"), partial(app.show_actions, "is:open"), _("The home table, open actions")),
            (_("Actions: overdue"), partial(app.show_actions, "is:overdue"), _("Open and past their due date")),
            (_("Actions: due within a week"), partial(app.show_actions, "is:open due:7"),
             _("Open, due in 7 days")),
            (_("Actions: all"), partial(app.show_actions, "is:all"), _("Every status")),
            (_("Actions: no longer in the minutes"), partial(app.show_actions, "is:vanished"),
             _("Vanished from an edited version: keep (k) or drop (c) each")),
        ]
        if app.me:
            entries.insert(2, (_("Actions: mine"), partial(app.show_actions, "@me is:open"), app.me))
        for sort, (column, key) in SORT_COMMANDS.items():
            entries.append((_("Sort by {column}").format(column=_(column)),
                            partial(app.show_actions, None, sort),
                            _("Again: the other way round (shift+{key})").format(key=key)))
        entries += [
            (_("Undo your latest change"), app.undo, _("The latest change you made, named when undone (u)")),
            (_("Read the store again"), app.load, str(app.store.path)),
            (_("Keys"), app.action_help, _("Every key and the filter syntax (?)")),
        ]
        return entries

    async def discover(self) -> Hits:
        app = self.app
        entries = self._entries() + meeting_entries(app)[:LATEST_MEETINGS]
        for text, command, help in entries:
            yield DiscoveryHit(Content(text), command, text=text, help=escape(help))
        for name, help, command, discover in app.get_system_commands(self.screen):
            if discover:
                yield DiscoveryHit(Content(name), command, text=name, help=escape(help))


class TextualCommands(SystemCommandsProvider):
    """Textual's own commands (``MinutesApp.get_system_commands``), found by a search
    after the app's: their scores count half."""

    async def discover(self) -> Hits:
        return
        yield

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help, command, *_rest in self.app.get_system_commands(self.screen):
            if (score := matcher.match(name)) > 0:
                yield Hit(score * 0.5, _highlighted(matcher, name), command, text=name, help=escape(help))


# the sorts the palette offers: sort -> (the column's name, the key that sorts by it)
SORT_COMMANDS = {sort: column for sort, column in zip(SORTS, (
    ("due date", "d"), ("owners", "o"), ("meeting", "m"), ("status", "s"), ("action", "a"), ("id", "i")))}
