"""Who a written name means: full names, first names, surnames, initials, Finnish
inflections with consonant gradation, near misses, and never a guess between two people."""

from __future__ import annotations

import pytest

from minutes.model import Attendee
from minutes.people import PeopleIndex, looks_like_name

ROSTER = PeopleIndex(
    [Attendee(n) for n in (
        "Marjaana Lahdenranta", "Antti Korkka", "Tomi Aho", "Yrjö Sotamaa", "Jussi Olavi Jokinen",
        "Pekka Nieminen", "Jukka Virtanen", "Inga Savukoski", "Liisa Laine", "Anne-Mari Suopajärvi",
        "Sam Okafor", "Sara Lind", "Kaisa Harju-Lehtonen", "Iiris Kallio", "Tuomas Berg",
    )],
    aliases={"@sokafor": "Sam Okafor"},
)


@pytest.mark.parametrize(
    "written, person",
    [
        ("Marjaana Lahdenranta", "Marjaana Lahdenranta"),
        ("Marjaana", "Marjaana Lahdenranta"),
        ("Lahdenranta", "Marjaana Lahdenranta"),
        ("Marjaanalta", "Marjaana Lahdenranta"),   # ablative
        ("Antille", "Antti Korkka"),               # allative, tt -> t
        ("Jukalle", "Jukka Virtanen"),             # kk -> k
        ("Niemiselle", "Pekka Nieminen"),          # -nen -> -se-
        ("Savukoskelle", "Inga Savukoski"),        # -i -> -e-
        ("Laineelle", "Liisa Laine"),
        ("Yrjö Sotamaalle", "Yrjö Sotamaa"),
        ("Virtasen Jukka", "Jukka Virtanen"),      # surname first in the genitive
        ("Jussi", "Jussi Olavi Jokinen"),
        ("Jussi Jokinen", "Jussi Olavi Jokinen"),
        ("Anne-Mari", "Anne-Mari Suopajärvi"),
        ("Anne-Marille", "Anne-Mari Suopajärvi"),
        ("Tommi", "Tomi Aho"),                     # near miss of a first name
        ("Tomin", "Tomi Aho"),
        ("JV", "Jukka Virtanen"),                  # initials
        ("@sokafor", "Sam Okafor"),
        ("Kaisa", "Kaisa Harju-Lehtonen"),
        ("Harju-Lehtonen", "Kaisa Harju-Lehtonen"),
        ("Iirikselle", "Iiris Kallio"),            # -s -> -kse-
        ("Tuomaksen", "Tuomas Berg"),
    ],
)
def test_resolves(written, person):
    assert ROSTER.resolve(written) == person


@pytest.mark.parametrize(
    "written",
    ["Anna", "Kunnat", "Lapin liitto", "is", "Sa", "Pekka Virtanen", "Matti", ""],
)
def test_does_not_guess(written):
    assert ROSTER.resolve(written) is None


def test_ambiguous_first_name_resolves_to_nobody():
    people = PeopleIndex([Attendee("Kari Pulkki"), Attendee("Kari Korkman")])
    assert people.resolve("Kari") is None
    assert people.resolve("Karille") is None
    assert people.resolve("Kari Pulkki") == "Kari Pulkki"


@pytest.mark.parametrize(
    "text, expected",
    [("Anna Virtanen", True), ("Jussi Olavi Jokinen", True), ("Ludwig van Beethoven", True),
     ("O'Brien", True), ("lapin liitto", False), ("Anna virtanen", False), ("A B C D E", False),
     ("", False)],
)
def test_looks_like_name(text, expected):
    assert looks_like_name(text) is expected
