"""Every language is one profile with the same fields: a stage asks a profile for its words
and never spells a word or branches on a language code itself."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from minutes.lang import LANGUAGES, Profile, profile

# the fields that hold a language's words under named keys (months, weekdays and groups are
# keyed by the words themselves)
SCHEMA_FIELDS = ("labels", "roles", "date_words", "actions", "follow_up", "verbs", "inflection", "structure")
STAGES = Path(__file__).resolve().parents[2] / "minutes"


@pytest.mark.parametrize("field", SCHEMA_FIELDS)
def test_every_profile_has_the_same_keys(field):
    keys = {code: set(getattr(profile(code), field)) for code in LANGUAGES}
    every = set().union(*keys.values())
    assert {code: sorted(every - k) for code, k in keys.items() if every - k} == {}


def test_every_field_of_a_profile_is_filled_in_for_each_language():
    for field in dataclasses.fields(Profile):
        values = [getattr(profile(code), field.name) for code in LANGUAGES]
        assert all(type(v) is type(values[0]) for v in values), field.name


def test_no_stage_branches_on_a_language_code():
    branch = re.compile(r"""\bcode\s*(?:==|!=)\s*["'](?:fi|en|sv)["']|\bcode\s+in\s+\(["']""")
    found = [
        f"{path.relative_to(STAGES)}:{n}"
        for path in sorted(STAGES.rglob("*.py")) if "lang" not in path.parts
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if branch.search(line)
    ]
    assert found == []
