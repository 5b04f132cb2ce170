"""Hostile text and several people in the terminal UI (issue 11), under Textual's Pilot.

Items: 1 (markup in imported text is shown as written in every toast, prompt, table cell
and palette entry, and runs nothing), 2 (escape sequences in the minutes file are shown as
signs in the evidence), 9 (``u`` takes back the user's own latest change and names it), 10
(a prompt's change is made only while the value is still the one it showed).
"""

from __future__ import annotations

import asyncio

import pytest

from minutes import parse
from tracker import ActionStore
from tui_helpers import SIZE, make_app, reader, table, text_of, until

ESC, BEL = "\x1b", "\x07"
TITLE = "Hallituksen kokous [Draft] [@click=app.quit]z[/]"
HOSTILE = (
    f"{TITLE}\n"
    "Aika: 3.2.2026 klo 18\n"
    "Paikalla: Anna Virtanen, Pekka Nieminen, Ingrid Berg, Fredrik Lund, Noora Salo\n"
    "1. Avaus [b]\n"
    f"Anna Virtanen varaa salin [TBD] [/] 20.2. mennessä. {ESC}]52;c;SEFDS0VE{BEL} {ESC}[2J\n"
    f"Pekka Nieminen lähettää [bold red]kutsun[/] \u202ejäsenille 25.2. mennessä. {ESC}]0;PWNED{BEL}\n"
    f"Ingrid Berg tilaa [link=https://example.invalid]kahvit[/link] {ESC}[31mheti\x9b31m 27.2. mennessä.\n"
)


def hostile_store(tmp_path, user: str = "tester") -> ActionStore:
    minutes_file = tmp_path / "hallitus.txt"
    minutes_file.write_text(HOSTILE, encoding="utf-8")
    store = ActionStore(tmp_path / "actions.json", user=user)
    store.import_minutes(parse(minutes_file))
    return store


def by_owner(store: ActionStore, name: str):
    (found,) = [a for a in store.actions() if name in a.owners]
    return found


def run(app, scenario) -> None:
    """``tui_helpers.run`` with the toasts shown (Textual's tests leave them out): a toast
    is where an action's text used to be read as markup."""

    async def main() -> None:
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            await until(pilot, lambda: app.loaded)
            await scenario(pilot)

    asyncio.run(main())


def toasts(app) -> str:
    return "\n".join(text_of(toast) for toast in app.screen.query("Toast"))


def select(app, action_id: str) -> None:
    rows = table(app).rows
    table(app).move_cursor(next(i for i, a in enumerate(rows) if a.id == action_id))


# -- item 1: markup --------------------------------------------------------------------------


def test_markup_in_texts_is_shown_as_written_in_toasts_prompts_and_tables(tmp_path):
    store = hostile_store(tmp_path)
    anna = by_owner(store, "Anna Virtanen")
    assert "[TBD] [/]" in anna.text
    app = make_app(store)

    async def scenario(pilot):
        select(app, anna.id)
        for key in ("a", "d", "n"):
            await pilot.press(key)
            await pilot.pause()
            title = text_of(app.screen.query_one(".prompt-title"))
            assert "[TBD] [/]" in title, (key, title)
            await pilot.press("escape")
            await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        app.screen.query_one("#prompt-input").value = "soitettu [/b] [bold]kyllä[/]"
        await pilot.press("enter")
        await until(pilot, lambda: bool(store.action(anna.id).notes))
        assert store.action(anna.id).notes[0].text == "soitettu [/b] [bold]kyllä[/]"
        await pilot.press("d")
        await pilot.pause()
        app.screen.query_one("#prompt-input").value = "[/] ei päivä"
        await pilot.pause()
        assert "[/] ei päivä" in text_of(app.screen.query_one("#prompt-help"))
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("x")  # the toast quotes the text: "Done: … [TBD] [/]"
        await until(pilot, lambda: "[TBD] [/]" in toasts(app))
        assert store.action(anna.id).status == "done"
        assert app.is_running and app.return_code is None

    run(app, scenario)


def test_a_meeting_title_is_shown_as_written_in_the_list_and_the_palette_and_runs_nothing(tmp_path):
    store = hostile_store(tmp_path)
    app = make_app(store)

    async def scenario(pilot):
        from textual.widgets import DataTable

        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"hallitus")
        await until(pilot, lambda: "[@click=app.quit]z[/]" in _palette_text(app), timeout=5)
        await pilot.press("escape")
        await pilot.press("m")
        await until(pilot, lambda: bool(app.screen.query(DataTable)))
        listed = app.screen.query_one(DataTable)
        await until(pilot, lambda: listed.row_count == 1)
        assert str(listed.get_row_at(0)[1]) == TITLE
        # where the z would be, were the title read as markup ([@click=app.quit]z[/])
        await pilot.click(DataTable, offset=(13 + len("Hallituksen kokous [Draft] "), 1))
        await pilot.pause()
        assert app.is_running and app.return_code is None

    run(app, scenario)


def _palette_text(app) -> str:
    from textual.widgets import OptionList

    texts = []
    for options in app.screen.query(OptionList):
        for index in range(options.option_count):
            prompt = options.get_option_at_index(index).prompt
            texts.append(getattr(prompt, "plain", str(prompt)))
    return "\n".join(texts)


# -- item 2: escape sequences in the evidence --------------------------------------------------


def test_the_evidence_shows_the_files_escape_sequences_as_signs(tmp_path):
    store = hostile_store(tmp_path)
    anna, pekka = by_owner(store, "Anna Virtanen"), by_owner(store, "Pekka Nieminen")
    app = make_app(store)

    async def scenario(pilot):
        for action, expected in ((anna, "␛]52;c;SEFDS0VE␇ ␛[2J"), (pekka, "<U+202E>jäsenille")):
            select(app, action.id)
            await pilot.press("enter")
            await until(pilot, lambda: bool(app.screen.query(".evidence-line.-origin")))
            shown = text_of(app.screen.query_one(".evidence-line.-origin"))
            assert expected in shown and ESC not in shown and "\u202e" not in shown
            assert ESC not in text_of(app.screen.query_one("#detail-text"))
            await pilot.press("escape")
            await pilot.pause()

    run(app, scenario)


# -- item 9: undo is one's own --------------------------------------------------------------------


def test_u_takes_back_the_users_own_latest_change_and_names_it(tmp_path):
    store = hostile_store(tmp_path, user="tester")
    anna, pekka = by_owner(store, "Anna Virtanen"), by_owner(store, "Pekka Nieminen")
    store.complete(anna.id)  # tester's change
    with reader(store) as other:  # then someone else's
        other.complete(pekka.id)
    app = make_app(store)

    async def scenario(pilot):
        await pilot.press("u")
        await until(pilot, lambda: "Undid" in toasts(app))
        assert "varaa salin [TBD] [/]" in toasts(app)
        assert "took back status: open -> done" in toasts(app)
        with reader(store) as other:
            assert other.action(anna.id).status == "open"  # tester's own change, undone
            assert other.action(pekka.id).status == "done"  # someone else's, kept

    run(app, scenario)


# -- item 10: a stale prompt ------------------------------------------------------------------------


STALE = [  # the key, what another member sets meanwhile, what the prompt is given, the field
    ("a", lambda other, i: other.assign(i, "Ingrid Berg", "Fredrik Lund"), "Ingrid Berg, Noora Salo",
     lambda a: ", ".join(a.owners), "Ingrid Berg, Fredrik Lund"),
    ("d", lambda other, i: other.set_due(i, "2026-03-10"), "2026-03-20",
     lambda a: a.due.isoformat(), "2026-03-10"),
]


@pytest.mark.parametrize("key, meanwhile, typed, field, theirs", STALE, ids=["assign", "due"])
def test_a_prompt_does_not_overwrite_a_change_made_while_it_was_open(tmp_path, key, meanwhile, typed,
                                                                      field, theirs):
    store = hostile_store(tmp_path)
    ingrid = by_owner(store, "Ingrid Berg")
    app = make_app(store)

    async def scenario(pilot):
        select(app, ingrid.id)
        await pilot.press(key)
        await pilot.pause()
        with reader(store) as other:  # another member, meanwhile
            meanwhile(other, ingrid.id)
        app.screen.query_one("#prompt-input").value = typed
        await pilot.pause()
        await pilot.press("enter")
        await until(pilot, lambda: "meanwhile" in toasts(app))
        assert theirs in toasts(app) and typed in toasts(app)  # both, said
        with reader(store) as other:
            assert field(other.action(ingrid.id)) == theirs

    run(app, scenario)


def test_x_on_a_stale_row_does_not_undo_another_persons_change(tmp_path):
    store = hostile_store(tmp_path)
    anna = by_owner(store, "Anna Virtanen")
    app = make_app(store, poll_interval=60)  # the table is not read again before x

    async def scenario(pilot):
        select(app, anna.id)
        with reader(store) as other:
            other.complete(anna.id)  # the row still shows it open
        await pilot.press("x")
        await until(pilot, lambda: "meanwhile" in toasts(app))
        with reader(store) as other:
            assert other.action(anna.id).status == "done"

    run(app, scenario)
