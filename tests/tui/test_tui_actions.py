"""The home screen: the actions table (mine first), the filter bar, sorting, and every
update key, each checked in the store and on the screen."""

from __future__ import annotations

from datetime import date

from tracker import ActionStore
from tui_helpers import TODAY, make_app, reader, run, settled, shown_ids, table, text_of, until


def on_disk(store: ActionStore, action_id: str):
    with reader(store) as other:
        return other.action(action_id)


def test_home_shows_open_actions_by_due_date_mine_first(store):
    app = make_app(store, me="Liisa")

    async def scenario(pilot):
        expected = [a.id for a in store.actions(status="open", today=TODAY)]
        mine = [a.id for a in store.actions(owner="Liisa Hakomäki", status="open")]
        assert app.me == "Liisa Hakomäki"
        assert mine and shown_ids(app)[: len(mine)] == mine
        assert shown_ids(app)[len(mine):] == [i for i in expected if i not in mine]
        status = text_of(app.screen.query_one("#actions-status"))
        assert f"{len(expected)} of {len(store.actions())} actions" in status
        assert "me: Liisa Hakomäki" in status

    run(app, scenario)


def test_filter_bar_owner_status_overdue_due_within_and_words(store):
    app = make_app(store)

    async def type_filter(pilot, text: str) -> None:
        await pilot.press("slash")
        app.screen.query_one("#filter").value = text  # as typed (typing: the next test)
        await pilot.pause()

    async def scenario(pilot):
        def ids(**query):
            return [a.id for a in store.actions(today=TODAY, **query)]

        await type_filter(pilot, "@liisa")
        assert shown_ids(app) == ids(owner="Liisa Hakomäki") != []
        await type_filter(pilot, "is:open @sam")
        assert shown_ids(app) == ids(owner="Sam Adeyemi", status="open") != []
        await type_filter(pilot, "is:overdue")
        assert shown_ids(app) == ids(overdue=True) != []
        await type_filter(pilot, "due:7")
        assert shown_ids(app) == ids(due_within=7) != []
        await type_filter(pilot, "budget")
        assert shown_ids(app) == ids(text="budget") != []
        await type_filter(pilot, "is:done")
        assert shown_ids(app) == [] and "No actions match" in table(app).empty
        await type_filter(pilot, "is:nonsense")
        assert "not understood: is:nonsense" in text_of(app.screen.query_one("#actions-status"))
        await pilot.press("escape")
        assert app.focused is table(app)

    run(app, scenario)


def test_owner_completes_from_the_people_registry(store):
    app = make_app(store)

    async def scenario(pilot):
        await pilot.press("slash", "space", "at", "l", "i", "i")
        await until(pilot, lambda: app.screen.query_one("#filter")._suggestion)
        await pilot.press("right")
        await pilot.pause()
        assert app.screen.query_one("#filter").value == "is:open @Liisa_Hakomäki"
        assert shown_ids(app) == [a.id for a in store.actions(owner="Liisa Hakomäki", status="open")]

    run(app, scenario)


def test_sort_by_owner_then_meeting(store):
    app = make_app(store)

    async def scenario(pilot):
        await pilot.press("s")
        firsts = [a.owners[0].casefold() if a.owners else "\uffff" for a in table(app).rows]
        assert firsts == sorted(firsts)
        await pilot.press("s")
        days = [a.meeting.date for a in table(app).rows]
        assert days == sorted(days, reverse=True)
        assert "sorted by meeting" in text_of(app.screen.query_one("#actions-status"))

    run(app, scenario)


def test_x_marks_done_and_u_undoes(store):
    app = make_app(store)

    async def scenario(pilot):
        first = table(app).current_id
        second = shown_ids(app)[1]
        await pilot.press("x")
        await settled(pilot)  # written on the store's thread
        assert on_disk(store, first).status == "done"
        assert first not in shown_ids(app)  # the filter says is:open
        assert table(app).current_id == second  # the cursor stays where it was
        await pilot.press("u")
        await settled(pilot)  # written on the store's thread
        assert on_disk(store, first).status == "open"
        assert first in shown_ids(app)

    run(app, scenario)


def test_x_again_opens_and_c_cancels(store):
    app = make_app(store)

    async def scenario(pilot):
        app.show_actions("is:all")
        await pilot.pause()
        action = table(app).current_id
        await pilot.press("x")
        await settled(pilot)  # written on the store's thread
        assert on_disk(store, action).status == "done"
        assert table(app).current_id == action and table(app).current.status == "done"
        await pilot.press("x")
        await settled(pilot)  # written on the store's thread
        assert on_disk(store, action).status == "open"
        await pilot.press("c")
        await settled(pilot)  # written on the store's thread
        assert on_disk(store, action).status == "cancelled"
        assert table(app).current.status == "cancelled"

    run(app, scenario)


def test_a_asks_before_it_adds_a_name_that_is_nobodys(store):
    app = make_app(store)

    async def scenario(pilot):
        action = table(app).current
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("ctrl+u", *"Zorro Kettunen", "enter")
        await pilot.pause()
        said = text_of(app.screen.query_one("#prompt-help"))
        assert "Nobody called 'Zorro Kettunen'" in said and "enter again adds the name as new" in said
        assert on_disk(store, action.id).owners == action.owners  # nothing written yet
        await pilot.press("enter")
        await settled(pilot)
        assert on_disk(store, action.id).owners == ("Zorro Kettunen",)
        assert "Zorro Kettunen" in [p.name for p in store.people()]

    run(app, scenario)


def test_a_assigns_with_completion_from_the_roster(store):
    app = make_app(store)

    async def scenario(pilot):
        action = table(app).current
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("ctrl+u", "P", "e", "k")
        await until(pilot, lambda: app.focused._suggestion)
        await pilot.press("right", "comma", "space", "S", "a", "m", "enter")
        await settled(pilot)
        # Sam is Sam Adeyemi, as the registry knows him
        assert on_disk(store, action.id).owners == ("Pekka Vuorisalo", "Sam Adeyemi")
        assert table(app).current.owners == ("Pekka Vuorisalo", "Sam Adeyemi")

    run(app, scenario)


def test_d_reads_ensi_perjantaina_shows_it_then_saves(store):
    app = make_app(store)

    async def scenario(pilot):
        action = table(app).current
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("ctrl+u", "e", "n")
        app.focused.value = "ensi perjantaina"
        await pilot.pause()
        shown = text_of(app.screen.query_one("#prompt-help"))
        assert "Friday 2026-03-06" in shown  # TODAY is Sunday 1.3.
        assert on_disk(store, action.id).due == action.due  # nothing saved yet
        await pilot.press("enter")
        await settled(pilot)
        assert on_disk(store, action.id).due == date(2026, 3, 6)
        assert app.index.get(action.id).due == date(2026, 3, 6)

    run(app, scenario)


def test_d_refuses_what_it_cannot_read(store):
    app = make_app(store)

    async def scenario(pilot):
        action = table(app).current
        await pilot.press("d", "ctrl+u", "b", "l", "a", "h", "enter")
        await pilot.pause()
        assert "cannot read the due date 'blah': no date in it" in text_of(app.screen.query_one("#prompt-help"))
        await pilot.press("escape")
        assert on_disk(store, action.id).due == action.due

    run(app, scenario)


def test_n_adds_a_note(store):
    app = make_app(store)

    async def scenario(pilot):
        action = table(app).current
        await pilot.press("n", *"Soitettu", "enter")
        await settled(pilot)
        assert [n.text for n in on_disk(store, action.id).notes] == ["Soitettu"]
        await pilot.press("u")
        await settled(pilot)
        assert on_disk(store, action.id).notes == ()

    run(app, scenario)


def test_plus_adds_an_action_to_the_current_ones_meeting_and_u_takes_it_back(store):
    app = make_app(store)

    async def scenario(pilot):
        meeting = table(app).current.meeting
        await pilot.press("plus")
        await pilot.pause()
        assert meeting.title in text_of(app.screen.query_one(".prompt-title"))
        await pilot.press(*"Tilaa kahvit", "enter")
        await until(pilot, lambda: any(a.text == "Tilaa kahvit" for a in app.index.all()))
        (added,) = [a for a in store.actions() if a.text == "Tilaa kahvit"]
        assert added.added and added.meeting.id == meeting.id and added.status == "open"
        assert [c.via for c in store.history(added.id)] == ["add"]
        await pilot.press("u")
        await until(pilot, lambda: not any(a.text == "Tilaa kahvit" for a in app.index.all()))
        assert not [a for a in store.actions() if a.text == "Tilaa kahvit"]

    run(app, scenario)


def test_e_corrects_the_text_on_the_list_and_on_the_detail_screen(store):
    app = make_app(store)

    async def scenario(pilot):
        action = table(app).current
        await pilot.press("e")
        await pilot.pause()
        assert app.screen.query_one("#prompt-input").value == action.text
        await pilot.press("ctrl+u", *"Korjattu teksti", "enter")
        await settled(pilot)
        assert on_disk(store, action.id).text == "Korjattu teksti"
        await pilot.press("enter")  # the detail screen
        await pilot.pause()
        await pilot.press("e", "ctrl+u", *"Toinen korjaus", "enter")
        await settled(pilot)
        assert on_disk(store, action.id).text == "Toinen korjaus"
        assert [c.field for c in store.history(action.id) if c.via == "edit"] == [
            "minutes_text", "text", "text"]
        await pilot.press("u")
        await settled(pilot)
        assert on_disk(store, action.id).text == "Korjattu teksti"

    run(app, scenario)


def test_live_reload_keeps_the_cursor_on_the_same_action(store):
    app = make_app(store)

    async def scenario(pilot):
        app.show_actions("is:all")
        await pilot.press("down", "down")
        here = table(app).current_id
        other = shown_ids(app)[0]
        with reader(store) as elsewhere:  # another process: `minutes done`
            elsewhere.complete(other)
        await until(pilot, lambda: table(app).rows[0].status == "done", timeout=2.0)
        assert table(app).current_id == here
        app.show_actions("is:open")
        await pilot.pause()
        assert other not in shown_ids(app)

    run(app, scenario)


def test_an_empty_store_says_how_to_start(tmp_path):
    with ActionStore(tmp_path / "empty.json") as empty:
        app = make_app(empty)

        async def scenario(pilot):
            assert shown_ids(app) == [] and "ctrl+o" in table(app).empty

        run(app, scenario)


def test_overdue_and_due_this_week_are_marked(store):
    monday, sunday = date(2026, 3, 2), date(2026, 3, 8)
    app = make_app(store, today=monday)

    async def scenario(pilot):
        rows = table(app).rows
        lines = {a.id: table(app).render_line(y + 1).text for y, a in enumerate(rows[:40])}
        for a in rows[:40]:
            due = f"{a.due} !" if a.due and a.due < monday else (
                f"{a.due} •" if a.due and a.due <= sunday else str(a.due or "–"))
            assert due in lines[a.id], lines[a.id]
        assert any(" !" in line for line in lines.values())
        assert any(" •" in line for line in lines.values())
        assert table(app)._style("actions-table--overdue").color is not None  # from app.tcss

    run(app, scenario)


def test_a_store_that_cannot_be_read_is_named_and_left_alone(tmp_path):
    path = tmp_path / "actions.json"
    path.write_text("{not json")
    with ActionStore(path) as broken:
        app = make_app(broken)

        async def scenario(pilot):
            await until(pilot, lambda: app.load_error is not None)
            assert "not valid JSON" in table(app).empty

        import asyncio

        async def main():
            async with app.run_test() as pilot:
                await scenario(pilot)

        asyncio.run(main())
    assert path.read_text() == "{not json"
