"""The filter syntax and the in-memory index the app filters (no Textual here): each filter
finds what the store's own query finds."""

from __future__ import annotations

import pytest

from tracker.operations import set_status
from tracker.people import People
from tui.index import ActionFilter, ActionIndex
from tui_helpers import TODAY


def registry(store) -> People:
    return People({p.name: {"aliases": list(p.aliases)} for p in store.people()})


@pytest.mark.parametrize("text, expected", [
    ("", {}),
    ("is:open", {"statuses": {"open"}}),
    ("is:done is:cancelled", {"statuses": {"done", "cancelled"}}),
    ("is:all", {"statuses": {"open", "done", "cancelled", "vanished"}}),
    ("is:open is:done is:cancelled", {"statuses": {"open", "done", "cancelled"}}),
    ("is:vanished", {"statuses": {"vanished"}}),
    ("is:overdue", {"overdue": True}),
    ("@ingela", {"owner": "ingela"}),
    ("@Ingela_Kaarto", {"owner": "Ingela Kaarto"}),
    ('@"Ingela Kaarto" is:open', {"owner": "Ingela Kaarto", "statuses": {"open"}}),
    ('@"Ingela Kaa', {"owner": "Ingela Kaa"}),  # still typing
    ("@me", {"owner": "me"}),
    ("due:7", {"due_within": 7}),
    ("meeting:7be0", {"meeting": "7be0"}),
    ('m:"hallituksen kokous"', {"meeting": "hallituksen kokous"}),
    ("salin hinta", {"words": ("salin", "hinta")}),
    ('"salin hinta" klo 9:00', {"words": ("salin hinta", "klo", "9:00")}),
    ("is:maybe due:soon", {"problems": ("is:maybe", "due:soon")}),
])
def test_filter_syntax(text, expected):
    wanted = ActionFilter.parse(text)
    assert wanted.statuses == frozenset(expected.pop("statuses", ()))
    for field, value in expected.items():
        assert getattr(wanted, field) == value
    untouched = {"overdue": False, "owner": None, "due_within": None, "meeting": None,
                 "words": (), "problems": ()}
    for field, value in untouched.items():
        if field not in expected:
            assert getattr(wanted, field) == value


@pytest.mark.parametrize("text, query", [
    ("", {}),
    ("is:open", {"status": "open"}),
    ("is:overdue", {"overdue": True}),
    ("due:30", {"due_within": 30}),
    ("@liisa", {"owner": "Liisa"}),
    ("@Pekka_Vuorisalo is:open", {"owner": "Pekka Vuorisalo", "status": "open"}),
    ("budget", {"text": "budget"}),
    ("kuntien taulukko", {"text": "kuntien taulukko"}),
])
def test_the_index_finds_what_the_store_finds(store, text, query):
    index = ActionIndex(store.actions(), today=TODAY)
    found = index.select(ActionFilter.parse(text), "due", people=registry(store))
    assert [a.id for a in found] == [a.id for a in store.actions(today=TODAY, **query)]


def test_vanished_actions_show_only_when_asked_for(store):
    gone = store.actions()[0]
    store.update([gone.id], set_status("vanished"), via="import")
    index = ActionIndex(store.actions(), today=TODAY)
    every = {a.id for a in store.actions()}
    assert {a.id for a in index.select(ActionFilter())} == every - {gone.id}
    assert {a.id for a in index.select(ActionFilter.parse("is:all"))} == every
    assert [a.id for a in index.select(ActionFilter.parse("is:vanished"))] == [gone.id]
    assert ActionFilter().describe() == "any status but vanished"
    assert ActionFilter.parse("is:all").describe() == "any status"


def test_an_owner_being_typed_matches_the_start_of_a_name(store):
    index = ActionIndex(store.actions(), today=TODAY)
    found = index.select(ActionFilter.parse("@vuor"), people=registry(store))
    assert {a.id for a in found} == {a.id for a in store.actions(owner="Pekka Vuorisalo")}


def test_a_meeting_by_id_prefix_or_title_word(store):
    index = ActionIndex(store.actions(), today=TODAY)
    meeting = store.meetings()[0]
    by_id = index.select(ActionFilter.parse(f"meeting:{meeting.id[:4]}"))
    assert {a.id for a in by_id} == {a.id for a in store.actions(meeting=meeting.id)}
    by_title = index.select(ActionFilter.parse("m:kulttuuriverkoston"))
    assert by_title and all(a.meeting.title == "Kaarnamaan kulttuuriverkoston kokous" for a in by_title)


def test_mine_first_in_every_sort(store):
    index = ActionIndex(store.actions(), me="Liisa Hakomäki", today=TODAY)
    for sort in ("due", "owner", "meeting"):
        found = index.select(ActionFilter(), sort)
        mine = [("Liisa Hakomäki" in a.owners) for a in found]
        assert mine == sorted(mine, reverse=True) and mine[0]
    assert [a.id for a in index.select(ActionFilter.parse("@me"))] == [
        a.id for a in store.actions(owner="Liisa Hakomäki")]


def test_a_changed_action_moves_to_its_place(store):
    index = ActionIndex(store.actions(), today=TODAY)
    last = index.select(ActionFilter(), "due")[-1]
    store.set_due(last.id, TODAY.replace(year=2020))
    index.replace(store.action(last.id))
    assert index.select(ActionFilter(), "due")[0].id == last.id
    assert index.get(last.id).due.year == 2020
    with pytest.raises(ValueError):
        index.select(ActionFilter(), "colour")
