"""Hostile text (issue 11) in the parser: what a file holds beside its words never
reaches the minutes raw, and the same name in another Unicode form is the same person.

Items: 2 (control characters and bidirectional overrides are taken out by the reader),
8 (a file with a bad byte is still UTF-8, NFD text is NFC, a curly apostrophe).
"""

from __future__ import annotations

import unicodedata

import docx
import pytest

from minutes import parse
from minutes.text import clean, fold, visible

ESC = "\x1b"
HOSTILE = (f"{ESC}]52;c;cm0gLXJmIH4={ESC}\\", f"{ESC}[2J", "\u202e", "\u2066", "\x9b31m", "\x85",
           "\x07", "\x7f")

MINUTES = """Hallituksen kokous
Aika: 3.2.2026 klo 18
Paikalla: Anna Mäkinen, Pekka Nieminen, Åsa Öberg
1. Avaus
Anna Mäkinen lähettää kutsun jäsenille 20.2. mennessä.
Åsa Öberg selvittää salin hinnan.
"""


def controls_in(text: str) -> list[str]:
    return [c for c in text if unicodedata.category(c) == "Cc" and c not in "\t\n"
            or "\u202a" <= c <= "\u202e" or "\u2066" <= c <= "\u2069"]


def every_text(m) -> str:
    parts = [m.title or "", *(a.name for a in m.attendees), *(i.title for i in m.agenda)]
    for a in m.actions:
        parts += [a.text, a.snippet, *a.owners]
    return "\n".join(parts)


def hostile_minutes() -> str:
    lines = MINUTES.splitlines()
    lines[4] = "Anna Mäkinen lähettää " + HOSTILE[0] + "kutsun " + HOSTILE[1] + "jäsenille\u202e 20.2. mennessä."
    lines[5] = "Åsa Öberg \u2066selvittää\u2069 salin \x9b31mhinnan\x7f."
    return "\n".join(lines) + "\n"


def test_a_text_file_with_escape_sequences_and_bidi_overrides_reads_without_them(tmp_path):
    """Item 2: an OSC 52 (clipboard), a screen clear, C1 and bidi overrides in the file."""
    path = tmp_path / "hallitus.txt"
    path.write_text(hostile_minutes(), encoding="utf-8")
    m = parse(path)

    assert [a.name for a in m.attendees] == ["Anna Mäkinen", "Pekka Nieminen", "Åsa Öberg"]
    assert len(m.actions) == 2
    assert controls_in(every_text(m)) == []
    assert "]52;c;cm0gLXJmIH4=" in m.actions[0].text  # the words stay, the ESC goes


def test_a_docx_with_escape_sequences_and_bidi_overrides_reads_without_them(tmp_path):
    document = docx.Document()
    for line in hostile_minutes().splitlines():
        document.add_paragraph(line.replace("\x1b", "").replace("\x07", "").replace("\x7f", "")
                               .replace("\x85", ""))  # XML cannot hold C0 controls
    path = tmp_path / "hallitus.docx"
    document.save(path)
    m = parse(path)

    assert len(m.actions) == 2
    assert controls_in(every_text(m)) == []


def test_a_file_with_one_bad_byte_is_still_utf8_with_a_doubt(tmp_path):
    """Item 8: one invalid byte used to turn the whole file into cp1252 (Anna MÃ¤kinen)."""
    path = tmp_path / "hallitus.txt"
    path.write_bytes(MINUTES.encode("utf-8") + b"Muuta: kahvi \xff loppui\n")
    m = parse(path)

    assert [a.name for a in m.attendees] == ["Anna Mäkinen", "Pekka Nieminen", "Åsa Öberg"]
    assert [a.owners for a in m.actions] == [["Anna Mäkinen"], ["Åsa Öberg"]]
    assert any("UTF-8" in doubt for doubt in m.doubts)


def test_a_file_in_cp1252_throughout_is_still_read_as_cp1252(tmp_path):
    path = tmp_path / "hallitus.txt"
    path.write_bytes(MINUTES.encode("cp1252"))
    m = parse(path)

    assert [a.name for a in m.attendees] == ["Anna Mäkinen", "Pekka Nieminen", "Åsa Öberg"]
    assert not any("UTF-8" in doubt for doubt in m.doubts)


@pytest.mark.parametrize("as_file", [True, False])
def test_nfd_text_keeps_every_attendee_with_a_diacritic(tmp_path, as_file):
    """Item 8: macOS and some editors write ä as a + combining diaeresis."""
    text = unicodedata.normalize("NFD", MINUTES)
    if as_file:
        path = tmp_path / "hallitus.txt"
        path.write_text(text, encoding="utf-8")
        m = parse(path)
    else:
        m = parse(text)

    assert [a.name for a in m.attendees] == ["Anna Mäkinen", "Pekka Nieminen", "Åsa Öberg"]
    assert [a.owners for a in m.actions] == [["Anna Mäkinen"], ["Åsa Öberg"]]
    assert unicodedata.is_normalized("NFC", every_text(m))


def test_a_curly_and_a_straight_apostrophe_name_one_person():
    """Item 8: O’Neill in the attendee list, O'Neill in the action."""
    m = parse("Board meeting\nDate: 3 March 2026\nPresent: Conor O’Neill, Ben Carter\n"
              "1. Opening\nACTION: Conor O'Neill to book the hall by 20 March.\n")

    assert [a.owners for a in m.actions] == [["Conor O’Neill"]]


def test_clean_and_visible_cover_every_control_and_override():
    """The one sanitizer (entry) and the one neutraliser (output)."""
    hostile = "".join(HOSTILE) + "\r"
    assert controls_in(clean(hostile)) == []
    assert controls_in(visible(hostile)) == []
    assert clean("a\tb\nc\r\nd\re") == "a\tb\nc\nd\ne"
    assert visible("a\tb\r\nc") == "a\tb\r\nc"
    assert visible("\x1b[2J") == "␛[2J" and visible("\u202e") == "<U+202E>"
    assert clean(unicodedata.normalize("NFD", "Mäkinen")) == "Mäkinen"
    assert fold("Conor  O’Neill") == fold("CONOR O'NEILL")
