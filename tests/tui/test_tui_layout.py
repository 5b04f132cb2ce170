"""What the screens look like at 160×48, 120×35, 80×24 and 60×15 (issue 13, items 1–5): the
ACTION column takes the width the others leave and a column the filter makes constant is
left out; the whole of the action under the cursor below the table; the meetings list's id
whole; a meeting opening at its title, one list to scroll; wrapped lines hanging under their
text; prompts over the screen they came from, fitting a short terminal, their titles cut
with an ellipsis; the footer's most used keys first with ? and q always; the demo's dates a
mix of overdue, due this week and later."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest

from tui_helpers import SAMPLE_DIR, make_app, parsed, run, table, text_of, until


def widths(app) -> dict[str, int]:
    t = table(app)
    return {column.key: width for column, width in t.columns(t.scrollable_content_region.width)}


# -- item 1: the columns and the whole of the action ---------------------------------------------


@pytest.mark.parametrize("size", [(120, 35), (80, 24), (60, 15)])
def test_action_takes_the_width_the_other_columns_leave(store, size):
    store.complete(store.actions()[-1].id)
    app = make_app(store)

    async def scenario(pilot):
        shown = widths(app)
        assert "status" not in shown  # is:open: every row open
        assert shown["text"] == max(shown.values())
        room = table(app).scrollable_content_region.width
        assert sum(shown.values()) + 2 == room  # the gutter, and nothing left over
        assert shown["owners"] <= max(12, size[0] // 5) + 1
        if size[0] >= 110:
            assert {"id", "meeting"} <= set(shown)
            assert shown["text"] >= 45
        else:
            assert not {"id", "meeting"} & set(shown)
        app.show_actions("is:all")
        await pilot.pause()
        assert "status" in widths(app)  # several statuses: the column is back

    run(app, scenario, size=size)


def test_a_column_the_filter_makes_constant_is_left_out(store):
    meeting = store.meetings()[0]
    store.complete(store.actions(meeting=meeting.id)[0].id)
    app = make_app(store)

    async def scenario(pilot):
        app.show_actions(f"is:all meeting:{meeting.id}")
        await pilot.pause()
        assert "meeting" not in widths(app) and "status" in widths(app)
        assert {a.meeting.id for a in table(app).rows} == {meeting.id}

    run(app, scenario)


@pytest.mark.parametrize("size, pane", [((120, 35), True), ((80, 24), False)])
def test_the_whole_of_the_action_under_the_cursor_below_the_table(store, size, pane):
    app = make_app(store)

    async def scenario(pilot):
        longest = max(table(app).rows, key=lambda a: len(a.text))
        table(app).move_cursor(table(app).rows.index(longest))
        await pilot.pause()
        preview = app.screen.query_one("#preview")
        shown = " ".join(text_of(preview).split())
        assert " ".join(longest.text.split()) in shown  # all of it, wrapped
        assert app.screen.has_class("-tall") == pane
        if pane:  # a pane: who, when, where from, and the sentence
            assert ", ".join(longest.owners) in shown and preview.size.height >= 5
        else:  # a wrapped line
            assert preview.size.height <= 2

    run(app, scenario, size=size)


# -- item 2: meetings, a meeting, hanging lines -------------------------------------------------


def test_the_meetings_list_shows_each_id_whole(store):
    app = make_app(store)

    async def scenario(pilot):
        await pilot.press("m")
        listed = app.screen.query_one("#meetings")
        columns = {c.key.value: c.width for c in listed.columns.values()}
        assert columns["id"] >= max(len(m.id) for m in store.meetings())
        assert sum(w + 2 for w in columns.values()) <= 80
        row = listed.get_row_at(0)
        assert str(row[-1]) == store.meetings()[0].id

    run(app, scenario, size=(80, 24))


def test_a_meeting_opens_at_its_title_with_one_list_to_scroll(store):
    app = make_app(store)
    fi = next(m for m in store.meetings() if m.title == "Kaarnamaan kulttuuriverkoston kokous")

    async def scenario(pilot):
        from textual.containers import ScrollableContainer

        from tui.screens.meeting import MeetingScreen

        app.open_meeting(fi.id)
        await until(pilot, lambda: isinstance(app.screen, MeetingScreen))
        screen = app.screen
        facts = screen.query_one("#meeting-facts")
        assert facts.region.y <= 2 and fi.title in text_of(facts) and fi.chair in text_of(facts)
        agenda = screen.query_one("#meeting-agenda")
        assert agenda.scroll_y == 0  # opened at the top: the attendees first
        assert not [w for w in screen.query(ScrollableContainer) if agenda in w.query("*")]  # not nested
        await pilot.press("G")
        assert agenda.highlighted == max(i for i, o in enumerate(agenda.options) if not o.disabled)
        assert facts.region.y <= 2  # the title stays where it is

    run(app, scenario, size=(80, 24))


def test_wrapped_lines_hang_under_their_text(store):
    app = make_app(store)
    action = next(a for a in store.actions() if a.text.startswith("Liisa selvittää kuntien kanssa"))

    async def scenario(pilot):
        from tui.screens.action import ActionScreen

        app.push_screen(ActionScreen(action.id))
        await until(pilot, lambda: app.screen.query(".evidence-line.-origin"))
        origin = app.screen.query_one(".evidence-line.-origin")
        lines = [origin.render_line(y).text for y in range(origin.size.height)]
        assert len(lines) >= 2, lines  # at 60 columns the sentence wraps
        number = f"{action.source['line']:>4}  "
        start = lines[0].index(number) + len(number)
        for line in lines[1:]:
            if line.strip():
                assert line[:start].strip() == "" and line[start] != " ", lines

    run(app, scenario, size=(60, 24))


# -- item 3: prompts over the screen they came from ------------------------------------------------


def test_a_prompt_dims_the_screen_behind_it_and_keeps_it_in_sight(store):
    app = make_app(store)

    async def scenario(pilot):
        behind = table(app).current
        await pilot.press("a")
        await pilot.pause()
        assert app.screen.styles.background.a < 1  # Textual's dimmed backdrop, not a blank one
        shown = re.sub(r"&#160;|\s+", " ", app.export_screenshot())
        assert behind.text[:30] in shown  # the row being changed, still in sight

    run(app, scenario, size=(120, 35))


def test_the_edit_dialog_fits_a_short_terminal_and_titles_end_in_an_ellipsis(store):
    app = make_app(store)

    async def scenario(pilot):
        from tui.screens.importing import EditAction

        await pilot.press("a")  # a long title: the action's text
        await pilot.pause()
        title = app.screen.query_one(".prompt-title")
        line = title.render_line(0).text.rstrip()
        assert line.endswith("…") and title.size.height == 1
        await pilot.press("escape")
        review = parsed("en-residency-committee-2026-03-03.txt")
        app.push_screen(EditAction(review.actions[0], [], "en", date(2026, 3, 3)))
        await pilot.pause()
        box = app.screen.query_one(".prompt")
        assert box.region.height <= 15 and box.region.y >= 0
        for field in ("#edit-text", "#edit-owners", "#edit-due"):
            widget = app.screen.query_one(field)
            assert 0 <= widget.region.y < 15 and widget.region.height == 1

    run(app, scenario, size=(60, 15))


# -- item 4: the footer ------------------------------------------------------------------------------


@pytest.mark.parametrize("width", [160, 120, 80, 60])
def test_the_footer_shows_the_most_used_keys_first_and_always_help_and_quit(store, width):
    app = make_app(store)

    async def scenario(pilot):
        from tui.widgets.key_bar import KeyBar

        await pilot.pause()
        keys = app.screen.query_one(KeyBar).visible_keys()
        assert keys[-3:] == ["?", "q", "^p"]
        assert keys[:3] == ["⏎", "x", "c"]  # open, done, cancel
        if width >= 80:
            assert {"a", "d", "/"} <= set(keys)
        await pilot.press("enter")  # an action: q goes back
        await pilot.pause()
        bar = app.screen.query_one(KeyBar)
        assert bar.visible_keys()[-3:] == ["?", "q", "^p"]
        assert any(key.description == "Back" for key in bar.query("FooterKey") if key.key == "q")

    run(app, scenario, size=(width, 24))


# -- item 5: the demo's dates ----------------------------------------------------------------------------


def test_the_demo_shows_overdue_due_this_week_and_later():
    from tui.cli import as_of, sample_files

    today = date(2027, 6, 16)  # any day: a Wednesday
    moved = as_of(today, [parsed(f.name) for f in sample_files()])
    dates = sorted(m.date for m in moved)
    assert dates[-1] == today - timedelta(days=3) and dates[0] >= today - timedelta(weeks=16)
    week_end = today + timedelta(days=6 - today.weekday())
    due = [a.due for m in moved for a in m.actions if a.due]
    overdue = [d for d in due if d < today]
    this_week = [d for d in due if today <= d <= week_end]
    later = [d for d in due if d > week_end]
    assert overdue and this_week and later
    assert len(overdue) < 0.8 * len(due)  # not a wall of red
    original = {m.source.path: m for m in (parsed(f.name) for f in sample_files())}
    for m in moved:  # each meeting's dates moved together
        before = original[m.source.path]
        shift = m.date - before.date
        assert [a.due for a in m.actions] == [a.due + shift if a.due else None for a in before.actions]
    assert SAMPLE_DIR.exists()
