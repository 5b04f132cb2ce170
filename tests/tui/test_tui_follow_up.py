"""Follow-through across meetings in the app: an action's life across the meetings of its
series in its detail (``p`` accepts what later minutes only proposed, ``u`` undoes it), and
what new minutes say of earlier actions in the import's review, written only on ``ctrl+s``.

The store holds the Finnish village hall series of ``samples/series`` (as
``tests/tracker/test_follow_up.py``): meeting 2 reports the heat pump contract done, and
says only loosely, naming nobody, that the roof grant is ``hoidettu``: a change merely proposed.
"""

from __future__ import annotations

import pytest

from tracker import ActionStore
from tracker.operations import set_status
from tui_helpers import SAMPLE_DIR, make_app, parsed, plain, reader, review_of, run, shown_ids, text_of, until

SERIES = [f"series/fi-kylatalo-{n}.txt" for n in (1, 2, 3)]


@pytest.fixture
def series(tmp_path):
    """A store holding meetings 1 and 2 of the series, imported in order."""
    with ActionStore(tmp_path / "actions.json", user="sihteeri") as opened:
        for name in SERIES[:2]:
            opened.import_minutes(parsed(name))
        yield opened


def find(store: ActionStore, words: str):
    (found,) = [a for a in store.actions() if words in a.text]
    return found


def entries(screen) -> list[tuple[str, str]]:
    """The timeline of an action screen: each entry's state and text."""
    return [(next(c for c in w.classes if c.startswith("-")), text_of(w))
            for w in screen.query(".timeline-entry")]


def can_accept(app) -> bool:
    """Whether ``p`` (accept a proposal) is in the footer."""
    return any(b.binding.id == "detail.accept" for b in app.screen.active_bindings.values())


def test_the_detail_shows_an_action_across_its_meetings(series):
    pump = find(series, "lämpöpumpun huoltosopimuksen")
    keys = find(series, "avainluettelon")
    app = make_app(series)

    async def scenario(pilot):
        from tui.screens.action import ActionScreen

        app.push_screen(ActionScreen(pump.id))
        await until(pilot, lambda: len(app.screen.query(".timeline-entry")) == 2)
        (created, said), (done, told) = entries(app.screen)
        assert (created, done) == ("-created", "-applied")
        assert "2026-01-13" in said and "kokous 1/2026" in said and "created" in said
        assert pump.source["snippet"] in said
        assert "2026-02-10" in told and "kokous 2/2026" in told and "tehty → done" in told
        assert "“Lämpöpumpun huoltosopimus (Ville): tehty.”" in told and "line 26" in told
        assert "proposed" not in told and not can_accept(app)

        await pilot.press("escape")
        app.push_screen(ActionScreen(keys.id))  # never mentioned again
        await until(pilot, lambda: app.screen.query(".nothing"))
        assert [state for state, _ in entries(app.screen)] == ["-created"]
        assert "no later minutes" in text_of(app.screen.query_one("#timeline .nothing"))
        assert not can_accept(app)

    run(app, scenario)


def test_p_accepts_a_proposed_change_and_u_undoes_it(series):
    roof = find(series, "katon korjaukseen")
    app = make_app(series)

    def on_disk():
        with reader(series) as other:
            stored = other.action(roof.id)
        return stored.status, [m.outcome for m in stored.mentions]

    async def scenario(pilot):
        from tui.screens.action import ActionScreen

        app.push_screen(ActionScreen(roof.id))
        screen = app.screen
        await until(pilot, lambda: len(screen.query(".timeline-entry")) == 2)
        state, told = entries(screen)[1]
        assert state == "-proposed"
        assert "hoidettu → proposed: done (score " in told and "p accepts" in told
        assert "Kunnan kanssa on puhuttu" in told
        assert can_accept(app)

        await pilot.press("p")
        await until(pilot, lambda: entries(screen)[1][0] == "-applied")
        assert on_disk() == ("done", ["applied"])
        assert "hoidettu → done" in entries(screen)[1][1]
        assert "done" in text_of(screen.query_one("#detail-facts"))
        assert "(follow-up)" in text_of(screen.query_one("#detail-history"))
        assert not can_accept(app)
        await pilot.press("p")  # nothing left to accept: no change
        assert on_disk() == ("done", ["applied"])

        await pilot.press("u")
        await until(pilot, lambda: entries(screen)[1][0] == "-proposed")
        assert on_disk() == ("open", ["proposed"])
        assert "open" in text_of(screen.query_one("#detail-facts"))
        assert can_accept(app)

    run(app, scenario)


def test_the_review_lists_what_the_minutes_say_of_earlier_actions_and_cancel_writes_nothing(series):
    before = series.path.read_bytes()
    app = make_app(series)

    async def scenario(pilot):
        from tui.screens.importing import ImportScreen

        review = await review_of(app, SAMPLE_DIR / SERIES[2])(pilot)
        shown = review.query("#review-follow-up .follow-up")
        said = {item["text"]: (item["was"], item["status"], item["outcome"])
                for item in review.preview.follow_up}
        assert said == {
            "Sirpa päivittää kylätalon vuokrahinnaston verkkosivuille": ("open", "open", "applied"),
            "Ville selvittää sähkösopimuksen kilpailutuksen": ("open", "done", "applied"),
            "Jouni hakee tuolit seurakuntatalolta": ("open", "done", "applied"),
            "Jouni varaa juhlaan orkesterin": ("open", "open", "applied"),
            "Aino kokoaa talkoolistan ja tarjoiluvuorot": ("open", "done", "applied"),
        }
        assert len(shown) == len(said) and all(w.has_class("-applied") for w in shown)
        texts = [text_of(w) for w in shown]
        (talkoot,) = [t for t in texts if "talkoolistan" in t]
        assert talkoot.startswith("applied  open → done (“valmiit”)") and "Aino Koskela" in talkoot
        assert "“Aino kertoi, että talkoolista ja tarjoiluvuorot ovat valmiit" in talkoot
        assert "kokous 1/2026" in talkoot and "line 29" in talkoot
        (prices,) = [t for t in texts if "vuokrahinnaston" in t]
        assert "open → still open (“kesken”)" in prices and "due 2026-04-30" in prices
        # the new action that repeats the rent list one is shown as its carry-over, not kept
        actions = review.query_one("#review-actions")
        prompts = [plain(actions.get_option_at_index(i).prompt) for i in range(actions.option_count)]
        (repeat,) = [p for p in prompts if "vuokrahinnaston" in p]
        assert repeat.startswith("↻ carry-over") and "not added again" in repeat
        assert all(p.startswith("✓ keep") for p in prompts if p != repeat)
        assert series.path.read_bytes() == before  # the dry run wrote nothing

        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ImportScreen)

    run(app, scenario)
    assert series.path.read_bytes() == before


def test_writing_the_review_applies_the_clear_changes_and_leaves_proposals_proposed(tmp_path):
    with ActionStore(tmp_path / "actions.json", user="sihteeri") as store:
        store.import_minutes(parsed(SERIES[0]))
        app = make_app(store)

        async def scenario(pilot):
            review = await review_of(app, SAMPLE_DIR / SERIES[1])(pilot)
            shown = review.query("#review-follow-up .follow-up")
            assert [w.has_class("-proposed") for w in shown].count(True) == 1
            (roof,) = [text_of(w) for w in shown if w.has_class("-proposed")]
            assert roof.startswith("proposed  open → done (“hoidettu”, score ")
            assert "; the owner is not named)" in roof  # why it waits for a person
            assert "katon korjaukseen" in roof and "Mikko Salmela" in roof
            with reader(store) as other:
                assert len(other.meetings()) == 1  # nothing written before ctrl+s
            await pilot.press("ctrl+s")
            await until(pilot, lambda: len(app.meetings) == 2, timeout=10)

        run(app, scenario)
        with reader(store) as other:
            assert find(other, "lämpöpumpun").status == "done"
            assert find(other, "pinottavaa tuolia").status == "cancelled"
            roof = find(other, "katon korjaukseen")
            assert roof.status == "open" and [m.outcome for m in roof.mentions] == ["proposed"]


def test_the_review_keeps_or_drops_what_an_edited_version_no_longer_has(tmp_path):
    """An edited version of meeting 1 without two of its actions: k keeps one (open), x drops
    the other (cancelled), all written as one change with the import."""
    first = SAMPLE_DIR / SERIES[0]
    edited = tmp_path / "fi-kylatalo-1.txt"
    text = first.read_text(encoding="utf-8")
    chairs = "Jouni tilaa juhlasaliin 30 uutta pinottavaa tuolia."
    keys = "Tuula tarkistaa avainluettelon ennen seuraavaa kokousta."
    edited.write_text(text.replace(chairs, "").replace(keys, ""), encoding="utf-8")
    with ActionStore(tmp_path / "actions.json", user="sihteeri") as store:
        store.import_minutes(parsed(SERIES[0]))
        app = make_app(store)

        async def scenario(pilot):
            from tui.screens.importing import VanishedList

            review = await review_of(app, edited)(pilot)
            gone = review.query_one(VanishedList)
            assert [text_of_option(gone, i) for i in range(gone.option_count)] == [
                "? vanished", "? vanished"]
            gone.focus()
            gone.highlighted = 0
            await pilot.press("k")
            gone.highlighted = 1
            await pilot.press("x", "x", "x")  # again and again: undecided, then dropped
            assert [text_of_option(gone, i) for i in range(gone.option_count)] == ["✓ keep", "✗ drop"]
            kept_id, dropped_id = (gone.get_option_at_index(i).id for i in (0, 1))
            await pilot.press("ctrl+s")
            await until(pilot, lambda: app.loaded and app.action(dropped_id) is not None
                        and app.action(dropped_id).status == "cancelled", timeout=10)
            return kept_id, dropped_id

        kept_id, dropped_id = run(app, scenario)
        with reader(store) as other:
            kept, dropped = other.action(kept_id), other.action(dropped_id)
            assert (kept.status, kept.vanished) == ("open", True)
            assert (dropped.status, dropped.vanished) == ("cancelled", True)
            assert {kept.text, dropped.text} == {chairs[:-1], keys.split(" ennen")[0]}
            other.undo(anyone=True)  # the import and what the review settled are one change
            assert {other.action(kept_id).status, other.action(dropped_id).status} == {"open"}
            assert not other.action(kept_id).vanished


def test_k_keeps_a_vanished_action_from_its_detail(series):
    keys = find(series, "avainluettelon")
    series.update([keys.id], set_status("vanished"), via="import")
    app = make_app(series)

    async def scenario(pilot):
        from tui.screens.action import ActionScreen

        assert keys.id not in shown_ids(app)  # out of the home table
        app.show_actions("is:vanished")
        await until(pilot, lambda: shown_ids(app) == [keys.id])
        app.push_screen(ActionScreen(keys.id))
        await until(pilot, lambda: any(b.binding.id == "detail.keep"
                                       for b in app.screen.active_bindings.values()))
        await pilot.press("k")
        await until(pilot, lambda: app.action(keys.id).status == "open")
        assert not any(b.binding.id == "detail.keep" for b in app.screen.active_bindings.values())

    run(app, scenario)
    with reader(series) as other:
        assert other.action(keys.id).status == "open"


def text_of_option(options, i: int) -> str:
    """The state word of an option: its first line up to two spaces."""
    return plain(options.get_option_at_index(i).prompt).split("  ")[0]

