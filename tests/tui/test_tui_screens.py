"""The other screens: an action with its evidence, the meetings and a meeting, the import
with its review (accept, edit, drop, cancel), the command palette and the keys."""

from __future__ import annotations

import shutil
from datetime import date

from textual.widgets import DataTable, OptionList

from tracker import ActionStore
from tui_helpers import SAMPLE_DIR, make_app, plain, reader, review_of, run, settled, table, text_of, until


def by_text(store: ActionStore, start: str):
    (found,) = [a for a in store.actions() if a.text.startswith(start)]
    return found


def test_action_detail_shows_the_sentence_with_its_neighbours(store):
    action = by_text(store, "Liisa selvittää kuntien kanssa")
    app = make_app(store)

    async def scenario(pilot):
        from tui.screens.action import ActionScreen

        app.show_actions(f"@liisa {action.id}")
        await pilot.pause()
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ActionScreen) and app.screen.evidence)
        screen = app.screen
        facts = text_of(screen.query_one("#detail-facts"))
        assert "Liisa Hakomäki" in facts and "2026-02-15" in facts and "15.2. mennessä" in facts
        assert "Kaarnamaan kulttuuriverkoston kokous" in facts and "Kulttuuriohjelman päivitys" in facts
        lines = [text_of(w) for w in screen.query(".evidence-line")]
        origin = [text_of(w) for w in screen.query(".evidence-line.-origin")]
        assert len(lines) == 5 and len(origin) == 1
        assert origin[0].split(None, 1) == [str(action.source["line"]), action.source["snippet"]]
        assert "line 43" in text_of(screen.query_one("#evidence-where"))
        assert "created" in text_of(screen.query_one("#detail-history"))
        await pilot.press("n", *"Kysytty", "enter")
        await settled(pilot)  # written on the store's thread, then shown
        assert "Kysytty" in text_of(screen.query_one("#detail-notes"))
        await pilot.press("x")
        assert "done" in text_of(screen.query_one("#detail-facts"))  # at once
        await settled(pilot)
        assert "status: open -> done" in text_of(screen.query_one("#detail-history"))
        await pilot.press("escape")
        assert app.screen is not screen

    run(app, scenario)


def test_docx_evidence_is_read_by_paragraph(store):
    action = by_text(store, "Circulate the signed 2025 financial statements")
    app = make_app(store)

    async def scenario(pilot):
        from tui.screens.action import ActionScreen

        app.push_screen(ActionScreen(action.id))
        await until(pilot, lambda: app.screen.evidence is not None)
        origin = [text_of(w) for w in app.screen.query(".evidence-line.-origin")]
        assert len(origin) == 1 and action.source["snippet"][:40] in origin[0]
        assert f"paragraph {action.source['paragraph']}" in text_of(app.screen.query_one("#evidence-where"))

    run(app, scenario)


def test_evidence_falls_back_to_the_sentence_when_the_file_changed(store, tmp_path, samples):
    copy = tmp_path / "kopio.txt"
    shutil.copy(SAMPLE_DIR / "fi-hakuinfo-2026-03-03.txt", copy)
    from minutes import parse

    store.import_minutes(parse(copy))
    copy.write_text(copy.read_text(encoding="utf-8") + "\nLisätty rivi.\n", encoding="utf-8")
    action = [a for a in store.actions() if a.meeting.source.get("path") == str(copy)][0]
    app = make_app(store)

    async def scenario(pilot):
        from tui.screens.action import ActionScreen

        app.push_screen(ActionScreen(action.id))
        await until(pilot, lambda: app.screen.evidence is not None)
        assert "has changed since it was imported" in text_of(app.screen.query_one(".evidence-note"))
        assert text_of(app.screen.query_one(".evidence-line.-origin")).strip() == action.source["snippet"]

    run(app, scenario)


def test_meetings_list_and_a_meeting_with_its_agenda_actions_and_decisions(store):
    app = make_app(store)

    async def scenario(pilot):
        from tui.screens.meeting import MeetingScreen
        from tui.screens.meetings import MeetingsScreen

        await pilot.press("m")
        assert isinstance(app.screen, MeetingsScreen)
        listed = app.screen.query_one(DataTable)
        meetings = store.meetings()
        assert listed.row_count == len(meetings)
        first = meetings[0]  # the latest
        open_count = len(store.actions(meeting=first.id, status="open"))
        assert [str(cell) for cell in listed.get_row_at(0)[:3]] == [str(first.date), first.title, str(open_count)]
        fi = next(m for m in meetings if m.title == "Kaarnamaan kulttuuriverkoston kokous")
        listed.move_cursor(row=listed.get_row_index(fi.id))
        await pilot.press("enter")
        assert isinstance(app.screen, MeetingScreen)
        screen = app.screen
        facts = text_of(screen.query_one("#meeting-facts"))  # on top, the list scrolls below it
        assert "Kaarnamaan kulttuuriverkoston kokous" in facts
        assert "2026-01-20 13:00" in facts and "Liisa Hakomäki" in facts
        options = screen.query_one(OptionList).options
        prompts = [plain(o.prompt) for o in options]
        assert "Pekka Vuorisalo — Kaarnamaan liitto" in "\n".join(prompts)
        next_meeting = prompts.index("Next meeting")
        assert "2026-03-17" in prompts[next_meeting + 1]
        assert any("Kulttuuriohjelman päivitys" in p for p in prompts)
        assert any("decided:" in p and "Muistio hyväksyttiin" in p for p in prompts)
        ids = [o.id for o in options if o.id]
        assert sorted(ids) == sorted(a.id for a in store.actions(meeting=fi.id))
        # the update keys act on the highlighted action; enter opens it
        highlighted = screen.query_one(OptionList).highlighted_option.id
        await pilot.press("x")
        await settled(pilot)
        with reader(store) as other:
            assert other.action(highlighted).status == "done"
        await pilot.press("enter")
        assert app.screen.action_id == highlighted

    run(app, scenario)


def test_import_review_keeps_edits_and_drops_then_writes(store, tmp_path):
    source = SAMPLE_DIR / "sv-konstforening-styrelse-2026-03-14.txt"
    app = make_app(store)

    async def scenario(pilot):
        review = await review_of(app, source)(pilot)
        found = review.minutes.actions
        assert len(found) >= 3
        assert "A new meeting." in text_of(review.query_one("#review-facts"))
        assert "Ann-Sofie Grönqvist" in text_of(review.query_one("#review-attendees"))
        assert text_of(review.query_one("#review-agenda")).count("\n") + 1 == len(review.minutes.agenda)
        with reader(store) as other:
            assert len(other.meetings()) == 3  # nothing written yet
        await pilot.press("space")  # drop the first
        await pilot.press("down", "e")  # edit the second
        await pilot.pause()
        app.screen.query_one("#edit-owners").value = "Johan Westerlund"
        app.screen.query_one("#edit-due").value = "2026-04-30"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert review.actions[1].owners == ["Johan Westerlund"]
        await pilot.press("ctrl+s")
        await until(pilot, lambda: len(app.meetings) == 4, timeout=10)
        with reader(store) as other:
            meeting = next(m for m in other.meetings() if m.source["path"] == str(source))
            stored = other.actions(meeting=meeting.id)
        assert len(stored) == len(found) - 1
        assert found[0].text not in [a.text for a in stored]
        edited = next(a for a in stored if a.text == found[1].text)
        assert edited.owners == ("Johan Westerlund",) and edited.due == date(2026, 4, 30)
        assert table(app) is not None  # back home
        assert edited.id in app.index

    run(app, scenario)


def test_the_review_shows_a_due_date_far_from_its_meeting_as_a_doubt(store, tmp_path):
    source = tmp_path / "hallitus-2026-03-03.txt"
    source.write_text("Hallituksen kokous\nAika: 3.3.2026\nPaikalla: Anna Virtanen, Pekka Nieminen\n"
                      "1. Avaus\nPekka selvittää salin hinnan tällä viikolla 4\n", encoding="utf-8")
    app = make_app(store)

    async def scenario(pilot):
        review = await review_of(app, source)(pilot)
        (found,) = review.minutes.actions
        assert found.due == date(2027, 1, 31)
        option = review.query_one("#review-actions").get_option_at_index(0)
        assert "⚠ due 2027-01-31 is 11 months after the meeting (read from 'viikolla 4')" in plain(option.prompt)

    run(app, scenario)


def test_import_cancel_writes_nothing(store):
    source = SAMPLE_DIR / "fi-hakuinfo-2026-03-03.txt"
    before = store.path.read_bytes()
    app = make_app(store)

    async def scenario(pilot):
        from tui.screens.importing import ImportScreen

        review = await review_of(app, source)(pilot)
        await pilot.press("space", "down", "space")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ImportScreen)
        assert review.kept[:2] == [False, False]

    run(app, scenario)
    assert store.path.read_bytes() == before


def test_import_of_a_file_already_imported_says_so(store):
    app = make_app(store)

    async def scenario(pilot):
        review = await review_of(app, SAMPLE_DIR / "en-residency-committee-2026-03-03.txt")(pilot)
        assert "Already imported" in text_of(review.query_one("#review-facts"))

    run(app, scenario)


def test_import_of_an_unreadable_file_says_why(store, tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_text("")
    app = make_app(store)

    async def scenario(pilot):
        await pilot.press("ctrl+o")
        app.screen.query_one("#import-path").value = str(bad)
        await pilot.press("enter")
        status = app.screen.query_one("#import-status")
        await until(pilot, lambda: "empty" in text_of(status), timeout=10)
        assert status.has_class("-problem")

    run(app, scenario)


def test_palette_finds_meetings_people_and_commands(store):
    app = make_app(store)

    async def pick(pilot, query: str) -> None:
        from textual.command import CommandPalette

        await pilot.press("ctrl+p")
        await until(pilot, lambda: isinstance(app.screen, CommandPalette))
        app.screen.query_one("#--input Input").value = query
        await until(pilot, lambda: app.screen.query_one("CommandList").option_count > 0)
        await pilot.press("enter")
        await pilot.pause()

    async def scenario(pilot):
        from tui.screens.meeting import MeetingScreen
        from tui.screens.meetings import MeetingsScreen

        await pick(pilot, "meeting: kulttuuriverkoston")
        assert isinstance(app.screen, MeetingScreen)
        assert app.screen.meeting_id == by_text(store, "Liisa selvittää").meeting.id
        await pick(pilot, "person: Sam Adeyemi")
        assert app.screen.query_one("#filter").value == "@Sam_Adeyemi is:open"
        sams = store.actions(owner="Sam Adeyemi", status="open")
        assert {a.id for a in table(app).rows} == {a.id for a in sams}
        await pick(pilot, "Meetings")
        assert isinstance(app.screen, MeetingsScreen)

    run(app, scenario)


def test_help_lists_the_keys_and_the_filter_syntax(store):
    app = make_app(store)

    async def scenario(pilot):
        from tui.screens.help import HelpScreen

        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        keys = text_of(app.screen.query_one("#help-keys"))
        for words in ("Done", "Assign", "Due", "Note", "Undo", "Keep/drop", "Write to the store"):
            assert words in keys
        assert "is:overdue" in text_of(app.screen.query_one("#help-filter"))
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)

    run(app, scenario)


def test_every_binding_has_an_id():
    from tui.app import MinutesApp
    from tui.screens import action, actions, help, importing, meeting, meetings, prompts, updates
    from tui.widgets import actions_table, filter_bar

    classes = [MinutesApp, action.ActionScreen, actions.ActionsScreen, help.HelpScreen,
               importing.ImportScreen, importing.ReviewScreen, importing.EditAction,
               meeting.MeetingScreen, meetings.MeetingsScreen, prompts.Prompt,
               updates.UpdatesScreen, actions_table.ActionsTable, filter_bar.FilterBar]
    for cls in classes:
        for binding in cls.BINDINGS:
            assert binding.id, f"{cls.__name__}: {binding.key} has no id"
