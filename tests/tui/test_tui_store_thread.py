"""The store on a thread of its own (issue 13, items 12 and 13): the screen never reads nor
writes the store; a change is shown at once and confirmed when written, or taken back with
the reason; the app holds one store object; a change another process makes shows within a
second, its rows marked, and a row it took out of the filter says so."""

from __future__ import annotations

import threading

from tracker import ActionStore
from tracker.operations import set_status
from tui_helpers import make_app, reader, run, settled, shown_ids, table, text_of, until


def test_the_screen_never_reads_nor_writes_the_store(store, monkeypatch):
    screen_thread = threading.get_ident()
    touched: list[tuple[str, bool]] = []
    for name in ("_hot", "_whole", "_fetch", "_change", "history", "timeline"):
        original = getattr(ActionStore, name)

        def watched(self, *args, _original=original, _name=name, **kwargs):
            touched.append((_name, threading.get_ident() == screen_thread))
            return _original(self, *args, **kwargs)

        monkeypatch.setattr(ActionStore, name, watched)
    app = make_app(store)

    async def scenario(pilot):
        from tui.screens.action import ActionScreen

        touched.clear()
        await pilot.press("x")
        await settled(pilot)
        await pilot.press("u")
        await settled(pilot)
        await pilot.press("enter")  # the detail: its history and timeline
        await until(pilot, lambda: isinstance(app.screen, ActionScreen) and app.screen.history_read)
        await pilot.press("m")
        await settled(pilot)

    run(app, scenario)
    assert {name for name, _ in touched} >= {"_hot", "_change", "history", "timeline"}
    assert not [name for name, on_screen in touched if on_screen]


def test_a_big_stores_second_line_is_read_only_for_a_screen_that_shows_it(store, monkeypatch):
    """At 50,000 actions the store's second line (the minutes' sentences, the history)
    takes half a second to read: moving, the preview, a search and x read none of it; the
    detail and the meeting screen have the store's thread read it, then show it."""
    from tui.screens.action import ActionScreen
    from tui.screens.meeting import MeetingScreen

    monkeypatch.setattr("tui.app.READ_WHOLE", 0)  # this store is read as a big one
    screen_thread = threading.get_ident()
    on_screen: list[str] = []
    for name in ("_whole", "_fetch", "read_whole"):
        original = getattr(ActionStore, name)

        def watched(self, *args, _original=original, _name=name, **kwargs):
            if threading.get_ident() == screen_thread:
                on_screen.append(_name)
            return _original(self, *args, **kwargs)

        monkeypatch.setattr(ActionStore, name, watched)
    app = make_app(ActionStore(store.path, user="tester"))  # as a new process opens it

    async def scenario(pilot):
        await settled(pilot)
        assert not app.store._storage.whole
        word = table(app).current.text.split()[-1].strip(".")
        await pilot.press("j", "j", "k", "x")
        await settled(pilot)
        app.screen.set_filter(f"is:all {word}")
        await pilot.pause()
        assert table(app).rows and not app.store._storage.whole
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ActionScreen) and app.screen.evidence is not None)
        assert app.store._storage.whole and app.screen.history_read
        app.store._storage.forget()  # as if another process had written meanwhile
        await pilot.press("o")
        assert isinstance(app.screen, MeetingScreen)
        facts = app.screen.query_one("#meeting-facts")
        await until(pilot, lambda: "chair" in text_of(facts))
        assert "Attendee" in " ".join(str(o.prompt) for o in app.screen.query_one("#meeting-agenda").options)

    run(app, scenario)
    assert not on_screen


def test_a_screen_left_before_the_store_answers_is_not_shown_again(store, monkeypatch):
    """The detail and the meeting ask the store's thread for what they show; a person who
    goes back before it answers loses nothing, and the app goes on."""
    import time

    history = ActionStore.history

    def slow_history(self, *args, **kwargs):
        time.sleep(0.3)
        return history(self, *args, **kwargs)

    monkeypatch.setattr(ActionStore, "history", slow_history)
    monkeypatch.setattr("tui.app.READ_WHOLE", 0)
    app = make_app(ActionStore(store.path, user="tester"))

    async def scenario(pilot):
        await settled(pilot)
        await pilot.press("enter", "escape")  # the detail, left at once
        await pilot.press("m", "enter", "escape")  # a meeting, left at once
        await settled(pilot)
        assert app.is_running and len(app.screen_stack) == 2
        await pilot.press("escape", "x")
        await settled(pilot)
        assert table(app).row_count

    run(app, scenario)


def test_a_change_is_shown_at_once_and_confirmed_when_written(store, monkeypatch):
    app = make_app(store)
    go = threading.Event()
    update = ActionStore.update

    def slow_update(self, *args, **kwargs):  # the write waits until the test lets it go
        go.wait(5)
        return update(self, *args, **kwargs)

    monkeypatch.setattr(ActionStore, "update", slow_update)

    async def scenario(pilot):
        app.show_actions("is:all")
        await pilot.pause()
        action = table(app).current
        await pilot.press("x")
        await pilot.pause()
        assert table(app).current.status == "done"  # on the screen before it is written
        assert app.pending == 1
        with reader(store) as other:
            assert other.action(action.id).status == "open"
        go.set()
        await settled(pilot)
        with reader(store) as other:
            assert other.action(action.id).status == "done"
        assert app.pending == 0  # confirmed: nothing waits to be written
        assert app.action(action.id).status == "done"  # as written

    run(app, scenario)


def test_a_change_the_store_refuses_is_taken_back_with_the_reason(store, monkeypatch):
    app = make_app(store)
    notes: list[str] = []

    async def scenario(pilot):
        monkeypatch.setattr(app, "notify", lambda message, **options: notes.append(message))
        action = table(app).current
        with reader(store) as other:  # someone else closes it after this screen read it
            other.update([action.id], set_status("cancelled"), via="cancel")
        app._signature = app._stat()  # not read again yet: the screen shows it open
        await pilot.press("x")
        await settled(pilot)
        assert any("Someone changed the status meanwhile: now cancelled" in n for n in notes)
        with reader(store) as other:
            assert other.action(action.id).status == "cancelled"  # theirs kept
        await until(pilot, lambda: app.action(action.id).status == "cancelled")

    run(app, scenario)


def test_the_app_holds_one_store_object(store, monkeypatch):
    made = []
    original = ActionStore.__init__

    def counted(self, *args, **kwargs):
        made.append(args)
        original(self, *args, **kwargs)

    monkeypatch.setattr(ActionStore, "__init__", counted)
    app = make_app(store)

    async def scenario(pilot):
        from tui_helpers import SAMPLE_DIR, review_of

        await pilot.press("x")
        await settled(pilot)
        review = await review_of(app, SAMPLE_DIR / "sv-konstforening-styrelse-2026-03-14.txt")(pilot)
        review.action_write()
        await until(pilot, lambda: any(a.meeting.title and "konstförening" in a.meeting.title.casefold()
                                       for a in app.index.all()), timeout=20)

    run(app, scenario)
    assert made == []  # the load, the write, the import's dry run and its write: all on app.store


def test_another_process_changes_show_marked_within_a_second(store):
    app = make_app(store, poll_interval=0.2)

    async def scenario(pilot):
        rows = shown_ids(app)
        gone, changed = rows[1], rows[2]
        with reader(store) as other:  # another process: one done, one with a new due date
            other.update([gone], set_status("done"), via="done")
            other.set_due(changed, "2026-12-24")
        await until(pilot, lambda: app.action(changed).due is not None
                    and app.action(changed).due.isoformat() == "2026-12-24", timeout=1.5)
        await pilot.pause()
        t = table(app)
        assert {gone, changed} <= t.outside
        lines = {a.id: t.render_line(y + 1).text for y, a in enumerate(t.rows[:30])}
        assert lines[changed].startswith("* ")  # marked
        assert gone in lines  # still there, saying why
        assert "left the filter (✓ done):" in lines[gone]
        assert "2 changed elsewhere (*)" in text_of(app.screen.query_one("#actions-status"))
        app.show_actions("is:open")  # the rows chosen again: the row that left is gone
        await pilot.pause()
        assert gone not in shown_ids(app)

    run(app, scenario)
