"""Who a written name means: full names, first names, surnames, initials, Finnish
inflections with consonant gradation, near misses, and never a guess between two people."""

from __future__ import annotations

import pytest

from minutes.model import Attendee
from minutes.people import PeopleIndex, looks_like_name

ROSTER = PeopleIndex(
    [Attendee(n) for n in (
        "Johanna Kivimäki", "Antti Kallio", "Tomi Laakso", "Yrjö Harjula", "Jussi Olavi Rantala",
        "Pekka Nieminen", "Jukka Virtanen", "Inga Korpijärvi", "Liisa Laine", "Anne-Mari Kuusela",
        "Sam Okafor", "Sara Lind", "Kaisa Harju-Lehtonen", "Iiris Kallio", "Tuomas Berg",
    )],
    aliases={"@sokafor": "Sam Okafor"},
)


@pytest.mark.parametrize(
    "written, person",
    [
        ("Johanna Kivimäki", "Johanna Kivimäki"),
        ("Johanna", "Johanna Kivimäki"),
        ("Kivimäki", "Johanna Kivimäki"),
        ("Johannalta", "Johanna Kivimäki"),   # ablative
        ("Antille", "Antti Kallio"),               # allative, tt -> t
        ("Jukalle", "Jukka Virtanen"),             # kk -> k
        ("Niemiselle", "Pekka Nieminen"),          # -nen -> -se-
        ("Korpijärvelle", "Inga Korpijärvi"),        # -i -> -e-
        ("Laineelle", "Liisa Laine"),
        ("Yrjö Harjulalle", "Yrjö Harjula"),
        ("Virtasen Jukka", "Jukka Virtanen"),      # surname first in the genitive
        ("Jussi", "Jussi Olavi Rantala"),
        ("Jussi Rantala", "Jussi Olavi Rantala"),
        ("Anne-Mari", "Anne-Mari Kuusela"),
        ("Anne-Marille", "Anne-Mari Kuusela"),
        ("Tommi", "Tomi Laakso"),                     # near miss of a first name
        ("Tomin", "Tomi Laakso"),
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
    ["Anna", "Kunnat", "Kainuun liitto", "is", "Sa", "Pekka Virtanen", "Matti", ""],
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
    [("Anna Virtanen", True), ("Jussi Olavi Rantala", True), ("Ludwig van Beethoven", True),
     ("O'Brien", True), ("lapin liitto", False), ("Anna virtanen", False), ("A B C D E", False),
     ("", False)],
)
def test_looks_like_name(text, expected):
    assert looks_like_name(text) is expected
