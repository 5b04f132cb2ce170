"""Queries compose: owner (aliases included), status, overdue and due within N days
relative to an injected today, meeting, text; results sorted by due date."""

from __future__ import annotations

from datetime import date

import pytest

from store_helpers import TODAY, action, by_text, minutes
from tracker import ActionStore, StoreError, UnknownId, UnknownPerson
from tracker import queries as q


@pytest.fixture
def two_meetings(filled):
    filled.import_minutes(minutes(
        action("Tilaa kahvit seminaariin", "Tommi", due=date(2026, 3, 6), item="2"),
        action("Kokoaa toimintakertomuksen", "Anna Virtanen", due=date(2026, 2, 1), item="3"),
        title="Hallituksen kokous", day=date(2026, 3, 3)))
    filled.alias("Tommi", "Tomi Rask")
    filled.complete(by_text(filled, "Kokoaa toimintakertomuksen").id)
    return filled


def texts(found):
    return [a.text for a in found]


def test_everything_sorted_by_due_date_undated_last(two_meetings):
    assert texts(two_meetings.actions()) == [
        "Kokoaa toimintakertomuksen",      # 2026-02-01
        "Selvittää salin hinnan",          # 2026-02-20
        "Lähettää kutsun jäsenille",       # 2026-03-05
        "Tilaa kahvit seminaariin",        # 2026-03-06
        "Päivittää verkkosivut",           # 2026-04-30
        "Varaa tilat kevätseminaariin",    # no due date
    ]


def test_owner_through_aliases_and_first_names(two_meetings):
    tomi = ["Tilaa kahvit seminaariin", "Varaa tilat kevätseminaariin"]
    assert texts(two_meetings.actions(owner="Tomi Rask")) == tomi
    assert texts(two_meetings.actions(owner="TOMMI")) == tomi
    assert texts(two_meetings.actions(owner="tomi")) == tomi
    assert texts(two_meetings.actions(owner="Anna Virtanen", status="open")) == ["Lähettää kutsun jäsenille"]
    with pytest.raises(UnknownPerson, match="nobody called 'Nobody Known' in the people registry"):
        two_meetings.actions(owner="Nobody Known")


def test_an_ambiguous_first_name_is_an_error(two_meetings):
    two_meetings.assign(by_text(two_meetings, "Päivittää verkkosivut").id, "Anna Laine", new=True)
    with pytest.raises(StoreError, match="could be Anna Laine, Anna Virtanen"):
        two_meetings.actions(owner="anna")


def test_status_overdue_and_due_within_relative_to_today(two_meetings):
    assert texts(two_meetings.actions(status="done")) == ["Kokoaa toimintakertomuksen"]
    assert len(two_meetings.actions(status=["open", "done"])) == 6
    assert texts(two_meetings.actions(overdue=True, today=TODAY)) == ["Selvittää salin hinnan"]
    assert texts(two_meetings.actions(due_within=5, today=TODAY)) == [
        "Lähettää kutsun jäsenille", "Tilaa kahvit seminaariin"]
    assert texts(two_meetings.actions(due_within=4, today=TODAY)) == ["Lähettää kutsun jäsenille"]
    assert texts(two_meetings.actions(overdue=True, today=date(2026, 5, 1))) == [
        "Selvittää salin hinnan", "Lähettää kutsun jäsenille", "Tilaa kahvit seminaariin",
        "Päivittää verkkosivut"]
    assert two_meetings.action(by_text(two_meetings, "Selvittää salin hinnan").id).is_overdue(TODAY)


def test_meeting_and_text(two_meetings):
    later = two_meetings.meetings()[0]
    assert later.date == date(2026, 3, 3)
    assert texts(two_meetings.actions(meeting=later.id[:4])) == [
        "Kokoaa toimintakertomuksen", "Tilaa kahvit seminaariin"]
    assert texts(two_meetings.actions(text="SEMINAARIIN")) == [
        "Tilaa kahvit seminaariin", "Varaa tilat kevätseminaariin"]
    assert texts(two_meetings.actions(text="tilaa kahvit")) == ["Tilaa kahvit seminaariin"]
    two_meetings.note(by_text(two_meetings, "Päivittää verkkosivut").id, "WordPress päivitys")
    assert texts(two_meetings.actions(text="wordpress")) == ["Päivittää verkkosivut"]
    with pytest.raises(UnknownId):
        two_meetings.actions(meeting="zzz")


def test_text_looks_in_what_a_listing_shows_and_reads_no_more(two_meetings):
    """Words are found in the owners and the due phrase too; the second line (the
    minutes' sentence, the history) is not read for them."""
    with ActionStore(two_meetings.path) as fresh:
        assert texts(fresh.actions(text="rask")) == ["Tilaa kahvit seminaariin", "Varaa tilat kevätseminaariin"]
        assert texts(fresh.actions(text="6.3. mennessä")) == ["Tilaa kahvit seminaariin"]
        assert not fresh._storage.whole


def test_queries_compose_with_and_or_not(two_meetings):
    mine_or_late = q.owner("tommi") | (q.overdue() & ~q.status("done"))
    assert texts(two_meetings.actions(mine_or_late, today=TODAY)) == [
        "Selvittää salin hinnan", "Tilaa kahvit seminaariin", "Varaa tilat kevätseminaariin"]
    assert texts(two_meetings.actions(mine_or_late, due_within=10, today=TODAY)) == [
        "Tilaa kahvit seminaariin"]
    assert texts(two_meetings.actions(~q.text("seminaariin"), owner="tomi")) == []
    assert "owner 'tommi'" in repr(mine_or_late)


def test_bad_query_values_are_store_errors():
    with pytest.raises(StoreError):
        q.status("finished")
    with pytest.raises(StoreError):
        q.due_within(-1)
