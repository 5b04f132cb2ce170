"""The keys (issue 13, items 6–10): j/k, g/G and ctrl+d/ctrl+u in every list; q and escape
go back one screen and q quits from the home screen only; the footer says what x and c
will do; sorting by any column (key or click, again: reversed); marking rows and changing
them all as one change; / in every list and the palette over the actions' words; owners in
the filter read as the command line reads them, a term not understood said, the way back
to the table shown; the palette's own commands first; a theme chosen kept in the config."""

from __future__ import annotations

import hashlib
from datetime import date

import pytest

from minutes.model import Action, AgendaItem, Attendee, Minutes, Origin, SourceFile
from tracker import ActionStore
from tui_helpers import TODAY, make_app, plain, reader, run, settled, shown_ids, table, text_of, until


def footer(app) -> dict[str, str]:
    """The keys the footer shows now, key -> what it says."""
    from tui.widgets.key_bar import KeyBar

    return {key.key_display: key.description for key in app.screen.query_one(KeyBar).query("FooterKey")}


# -- item 6: the keys of every list --------------------------------------------------------------


def test_j_k_g_G_and_half_pages_in_the_meetings_the_agenda_and_the_help(store):
    app = make_app(store)

    async def scenario(pilot):
        await pilot.press("m")
        meetings = app.screen.query_one("#meetings")
        await pilot.press("j", "j")
        assert meetings.cursor_row == 2
        await pilot.press("k")
        assert meetings.cursor_row == 1
        await pilot.press("G")
        assert meetings.cursor_row == meetings.row_count - 1
        await pilot.press("g")
        assert meetings.cursor_row == 0
        await pilot.press("ctrl+d")
        assert meetings.cursor_row > 0
        await pilot.press("ctrl+u")
        assert meetings.cursor_row == 0
        await pilot.press("enter")  # a meeting: its agenda
        agenda = app.screen.query_one("#meeting-agenda")
        chosen = [i for i, o in enumerate(agenda.options) if not o.disabled]
        assert agenda.highlighted == chosen[0]
        await pilot.press("j")
        assert agenda.highlighted == chosen[1]
        await pilot.press("k")
        assert agenda.highlighted == chosen[0]
        await pilot.press("G")
        assert agenda.highlighted == chosen[-1]
        await pilot.press("g")
        assert agenda.highlighted == chosen[0]
        await pilot.press("question_mark")  # the help scrolls with the same keys
        scroll = app.screen.query_one("#help")
        await pilot.press("G")
        assert scroll.scroll_y == scroll.max_scroll_y > 0
        await pilot.press("g")
        assert scroll.scroll_y == 0
        await pilot.press("ctrl+d")
        assert scroll.scroll_y > 0

    run(app, scenario, size=(80, 24))


def test_its_meeting_is_o_and_g_goes_to_the_top_of_an_action(store):
    app = make_app(store)

    async def scenario(pilot):
        from tui.screens.action import ActionScreen
        from tui.screens.meeting import MeetingScreen

        action = table(app).current
        await pilot.press("enter")
        detail = app.screen.query_one("#detail")
        await pilot.press("G")
        assert detail.scroll_y > 0
        await pilot.press("g")
        assert detail.scroll_y == 0 and isinstance(app.screen, ActionScreen)
        await pilot.press("o")
        assert isinstance(app.screen, MeetingScreen) and app.screen.meeting_id == action.meeting.id

    run(app, scenario, size=(80, 20))


def test_the_review_queue_moves_with_j_and_k(store, tmp_path):
    from tui_helpers import SAMPLE_DIR, review_of

    app = make_app(store)

    async def scenario(pilot):
        review = await review_of(app, SAMPLE_DIR / "en-residency-committee-2026-03-03.txt")(pilot)
        queue = review.query_one("#review-actions")
        assert queue.highlighted == 0
        await pilot.press("j", "j")
        assert queue.highlighted == 2
        await pilot.press("G")
        assert queue.highlighted == queue.option_count - 1
        await pilot.press("g")
        assert queue.highlighted == 0

    run(app, scenario)


# -- item 7: back, quit, and what the footer says ----------------------------------------------------


def test_q_and_escape_go_back_one_screen_and_q_quits_only_from_home(store):
    app = make_app(store)

    async def scenario(pilot):
        from tui.screens.action import ActionScreen
        from tui.screens.meeting import MeetingScreen

        assert footer(app)["q"] == "Quit"
        await pilot.press("enter", "o")
        assert isinstance(app.screen, MeetingScreen)
        assert footer(app)["q"] == "Back"
        await pilot.press("q")
        assert isinstance(app.screen, ActionScreen)
        await pilot.press("escape")
        assert len(app.screen_stack) == 1
        assert app.is_running
        await pilot.press("q")
        await until(pilot, lambda: not app.is_running)

    run(app, scenario)


def test_the_footer_says_what_x_and_c_will_do(store):
    app = make_app(store)

    async def scenario(pilot):
        app.show_actions("is:all")
        await pilot.pause()
        assert footer(app)["x"] == "Done" and footer(app)["c"] == "Cancel"
        await pilot.press("x")
        await pilot.pause()
        assert table(app).current.status == "done"
        assert footer(app)["x"] == "Reopen" and footer(app)["c"] == "Cancel"
        await pilot.press("c")
        await pilot.pause()
        assert footer(app)["x"] == "Done" and footer(app)["c"] == "Reopen"
        await settled(pilot)

    run(app, scenario)


def test_the_footer_tells_its_keys_in_place_as_the_cursor_moves(store):
    """Moving from an open row to a done one changes what x says without making the
    footer's keys again (that took a keystroke's time at every move)."""
    from textual.widgets._footer import FooterKey

    from tui.widgets.key_bar import KeyBar

    app = make_app(store)

    async def scenario(pilot):
        app.show_actions("is:all")
        await pilot.pause()
        await pilot.press("x")
        await settled(pilot)
        await pilot.press("j")
        while table(app).current.status != "open":
            await pilot.press("j")
        await pilot.pause()
        keys = list(app.screen.query_one(KeyBar).query(FooterKey))
        assert footer(app)["x"] == "Done"
        await pilot.press("g")  # back to the done row
        await pilot.pause()
        assert table(app).current.status == "done" and footer(app)["x"] == "Reopen"
        assert list(app.screen.query_one(KeyBar).query(FooterKey)) == keys  # the same widgets
        await pilot.press("x")  # and the key still does what it says
        await settled(pilot)
        assert table(app).current.status == "open"

    run(app, scenario)


def test_the_help_says_how_to_close_it(store):
    app = make_app(store)

    async def scenario(pilot):
        await pilot.press("question_mark")
        first = text_of(app.screen.query_one("#help-keys")).splitlines()[0]
        assert "escape, q or ? closes this" in first
        await pilot.press("q")
        assert len(app.screen_stack) == 1 and app.is_running

    run(app, scenario)


# -- item 8: sorting, bulk work, searching ----------------------------------------------------------


def test_sort_by_any_column_with_a_marker_and_again_reversed(store):
    app = make_app(store)

    async def scenario(pilot):
        def header() -> str:
            return table(app).render_line(0).text

        assert "DUE ▲" in header()
        await pilot.press("O")
        firsts = [a.owners[0].casefold() if a.owners else "\uffff" for a in table(app).rows]
        assert firsts == sorted(firsts) and "OWNERS ▲" in header()
        await pilot.press("O")
        firsts = [a.owners[0].casefold() if a.owners else "\uffff" for a in table(app).rows]
        assert firsts == sorted(firsts, reverse=True) and "OWNERS ▼" in header()
        assert "sorted by owners ▼" in text_of(app.screen.query_one("#actions-status"))
        await pilot.press("A")
        texts = [a.text.casefold() for a in table(app).rows]
        assert texts == sorted(texts)
        # a click on a column's name sorts by it; a second click reverses
        t = table(app)
        x = 2 + sum(w for c, w in t.columns(t.scrollable_content_region.width) if c.key in ("id", "status"))
        await pilot.click(t, offset=(x + 2, 0))
        assert app.screen.sort == "due" and not app.screen.reverse
        await pilot.click(t, offset=(x + 2, 0))
        assert app.screen.sort == "due" and app.screen.reverse
        dues = [a.due for a in table(app).rows if a.due]
        assert dues == sorted(dues, reverse=True)

    run(app, scenario)


def test_marked_rows_change_together_and_undo_as_one(store):
    app = make_app(store)

    async def scenario(pilot):
        three = shown_ids(app)[:3]
        await pilot.press("space", "space", "space")
        assert table(app).marked == set(three) and table(app).cursor == 3
        assert "3 marked" in text_of(app.screen.query_one("#actions-status"))
        assert "●" in table(app).render_line(1).text
        await pilot.press("x")
        assert not set(three) & set(shown_ids(app))  # is:open: gone at once
        await settled(pilot)
        with reader(store) as other:
            assert {other.action(i).status for i in three} == {"done"}
            assert len({c.change for c in other.history() if c.subject in three and c.field == "status"}) == 1
        assert not table(app).marked
        await pilot.press("u")
        await settled(pilot)
        with reader(store) as other:
            assert {other.action(i).status for i in three} == {"open"}
        assert set(three) <= set(shown_ids(app))
        # a and d on marked rows: one prompt, every row
        await pilot.press("g", "space", "space", "a")
        app.screen.query_one("#prompt-input").value = "Sam Adeyemi"
        await pilot.press("enter")
        await settled(pilot)
        with reader(store) as other:
            assert all(other.action(i).owners == ("Sam Adeyemi",) for i in three[:2])

    run(app, scenario)


def test_slash_finds_in_every_list_and_n_the_next(store):
    app = make_app(store)

    async def scenario(pilot):
        await pilot.press("m", "slash")
        listed = app.screen.query_one("#meetings")
        target = next(m for m in store.meetings() if m.title == "Kaarnamaan kulttuuriverkoston kokous")
        for key in "kulttuuriv":
            await pilot.press(key)
        assert str(listed.get_row_at(listed.cursor_row)[-1]) == target.id
        await pilot.press("enter")
        assert app.focused is listed
        await pilot.press("enter", "slash")  # the meeting: its agenda
        for key in "taulukko":
            await pilot.press(key)
        agenda = app.screen.query_one("#meeting-agenda")
        assert "taulukko" in plain(agenda.highlighted_option.prompt).casefold()
        await pilot.press("escape")
        assert app.focused is agenda

    run(app, scenario)


def test_the_palette_finds_an_action_by_its_words_and_opens_it(store):
    app = make_app(store)
    wanted = next(a for a in store.actions() if a.text.startswith("Liisa selvittää kuntien kanssa"))

    async def scenario(pilot):
        from textual.command import CommandPalette

        from tui.screens.action import ActionScreen

        await pilot.press("ctrl+p")
        await until(pilot, lambda: isinstance(app.screen, CommandPalette))
        app.screen.query_one("#--input Input").value = "kuntien liisa"
        await until(pilot, lambda: app.screen.query_one("CommandList").option_count > 0)
        first = plain(app.screen.query_one("CommandList").get_option_at_index(0).prompt)
        assert wanted.text[:30] in first
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ActionScreen))
        assert app.screen.action_id == wanted.id

    run(app, scenario)


# -- item 9: the filter reads people as the command line does -----------------------------------------


def people_store(tmp_path) -> ActionStore:
    """Ingela and Ingrid (the same first letters), Noora, each with an action."""
    owners = ("Ingela Kaarto", "Ingrid Berg", "Noora Salo")
    made = Minutes(source=SourceFile("hallitus.txt", "text", hashlib.sha256(b"x").hexdigest()),
                   language="fi", title="Hallituksen kokous", date=date(2026, 2, 3),
                   attendees=[Attendee(name) for name in owners],
                   agenda=[AgendaItem("1", "Asiat")],
                   actions=[Action(text=f"Tehtävä {n}", owners=[name], due=date(2026, 3, n + 1),
                                   agenda_item="1", origin=Origin(line=n), snippet=f"Tehtävä {n}.",
                                   rule="test") for n, name in enumerate(owners, 1)])
    store = ActionStore(tmp_path / "people.json", user="tester")
    store.import_minutes(made)
    return store


def test_an_owner_is_read_as_the_command_line_reads_names(tmp_path):
    store = people_store(tmp_path)
    app = make_app(store)

    async def typed(pilot, text: str) -> None:
        await pilot.press("slash")
        app.screen.query_one("#filter").value = text
        await pilot.pause()

    def owners() -> set[str]:
        return {name for a in table(app).rows for name in a.owners}

    async def scenario(pilot):
        await typed(pilot, "@ing")  # both, while the name is being typed
        assert owners() == {"Ingela Kaarto", "Ingrid Berg"}
        await until(pilot, lambda: app.screen.query_one("#filter")._suggestion)
        assert app.screen.query_one("#filter")._suggestion == "@Ingela_Kaarto"  # among them
        await typed(pilot, "@ingr")
        assert owners() == {"Ingrid Berg"}
        await typed(pilot, "@noo")
        assert owners() == {"Noora Salo"}
        await typed(pilot, "@Ingelalle")  # a Finnish inflected form
        assert owners() == {"Ingela Kaarto"}
        await typed(pilot, "@kaar")  # a word of the name
        assert owners() == {"Ingela Kaarto"}
        await typed(pilot, "@Nobody")
        status = text_of(app.screen.query_one("#actions-status"))
        assert not table(app).rows
        assert "not understood: @Nobody: nobody called Nobody" in status
        assert "back to the table" in status  # the filter has the focus: how to leave it
        await pilot.press("enter")
        assert app.focused is table(app)
        assert "back to the table" not in text_of(app.screen.query_one("#actions-status"))

    run(app, scenario)


# -- item 10: the palette, the theme ------------------------------------------------------------------


def test_the_palette_lists_the_apps_commands_before_textuals(store):
    app = make_app(store)

    async def scenario(pilot):
        from textual.command import CommandPalette

        await pilot.press("ctrl+p")
        await until(pilot, lambda: isinstance(app.screen, CommandPalette))
        commands = app.screen.query_one("CommandList")
        await until(pilot, lambda: commands.option_count > 10)
        await pilot.pause(0.3)
        listed = [plain(commands.get_option_at_index(i).prompt).splitlines()[0]
                  for i in range(commands.option_count)]
        assert listed[0] == "Import minutes…"
        theme, keys = listed.index("Theme"), listed.index("Keys")
        assert keys < theme and listed.index("Quit") > keys
        assert all(not name.startswith("meeting: ") for name in listed[theme:])

    run(app, scenario)


def test_a_theme_chosen_is_kept_in_the_config_file(store, tmp_path):
    from tui.cli import make_app as cli_app
    from tui.config import configured, save

    config = tmp_path / "config" / "minutes" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text('me = "Liisa"\n[extra]\nkept = true\n', encoding="utf-8")

    async def scenario(pilot):
        app.theme = "nord"
        await pilot.pause()

    import os

    os.environ["XDG_CONFIG_HOME"] = str(tmp_path / "config")
    try:
        app = cli_app(store, today=TODAY, warm_up=False, poll_interval=0.2)
        run(app, scenario)
        assert configured("theme") == "nord"
        assert 'me = "Liisa"' in config.read_text() and "kept = true" in config.read_text()
        again = cli_app(store, today=TODAY, warm_up=False)
        assert again.theme == "nord"
        save("theme", "gruvbox")
        assert configured("theme") == "gruvbox" and config.read_text().count("theme =") == 1
    finally:
        del os.environ["XDG_CONFIG_HOME"]


@pytest.mark.parametrize("name", ["KeyedOptionList", "KeyedDataTable", "KeyedScroll", "SearchBar"])
def test_every_list_binding_has_an_id(name):
    from tui.widgets import lists

    for binding in getattr(lists, name).BINDINGS + lists.SEARCH_BINDINGS:
        assert binding.id, f"{name}: {binding.key} has no id"
