"""Two forms of one word, and a word inside a compound, as ``minutes.words`` compares them."""

from __future__ import annotations

import pytest

from minutes.words import PART, SAME, WordForms, word_forms


@pytest.mark.parametrize("language, a, b, alike", [
    # Finnish: case endings, plurals, verbs, consonant gradation
    ("fi", "kunnalta", "kunnan", SAME),             # kunta: nt ~ nn
    ("fi", "hinnan", "hinta", SAME),
    ("fi", "katon", "katto", SAME),                 # tt ~ t
    ("fi", "lahden", "lahti", SAME),                # ht ~ hd
    ("fi", "hakemuksen", "hakemus", SAME),          # hakemukse- is hakemus
    ("fi", "kokoukseen", "kokous", SAME),
    ("fi", "Niemisen", "Nieminen", SAME),
    ("fi", "vuokrahinnaston", "Vuokrahinnasto", SAME),
    ("fi", "lähettää", "lähetetty", SAME),
    ("fi", "lähetetään", "lähettänyt", SAME),
    ("fi", "ohjelmaluonnoksen", "ohjelmaluonnos", SAME),
    # Finnish compounds and derived words: a part
    ("fi", "Rahoitushakemus", "hakemuksen", PART),  # the head of a compound
    ("fi", "rahoitus", "rahoitushakemus", PART),    # its first part
    ("fi", "seminaarin", "seminaaritilat", PART),
    ("fi", "Lukupiiritilat", "tilat", PART),
    ("fi", "vuokrasopimuksen", "sopimus", PART),
    ("fi", "päivittää", "päivitys", PART),
    # and words that only look alike
    ("fi", "sauna", "hakemus", 0.0),
    ("fi", "kunta", "laskun", 0.0),
    ("fi", "ryhmän", "vuokrasopimuksen", 0.0),
    # Swedish
    ("sv", "fixat", "fixar", SAME),
    ("sv", "tröjor", "tröja", SAME),
    ("sv", "bokar", "bokning", SAME),
    ("sv", "styrelsemöten", "möten", PART),
    ("sv", "medlemsbrev", "brev", PART),
    # English: no compounds written as one word, so no head is a part
    ("en", "quotes", "quote", SAME),
    ("en", "booked", "booking", SAME),
    ("en", "supplies", "supply", SAME),
    ("en", "planned", "plan", SAME),
    ("en", "report", "support", 0.0),
    ("en", "port", "support", 0.0),
])
def test_two_forms_of_one_word(language, a, b, alike):
    forms = WordForms(language)
    assert forms.alike(a, b) == alike
    assert forms.alike(b, a) == alike


def test_short_words_have_no_keys_and_forms_are_made_once():
    fi = word_forms("fi")
    assert fi.keys("ja") == frozenset() and fi.alike("ja", "ja") == 0.0
    assert word_forms("fi") is fi and WordForms(None).language is None  # unknown: Finnish rules
    assert WordForms(None).alike("kunnalta", "kunnan") == SAME
