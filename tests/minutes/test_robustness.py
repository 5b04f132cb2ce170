"""Minutes come in every shape: whatever mix of lines a document holds, the parser gives a
(possibly partial) ``Minutes`` and never fails, except with ``UnreadableMinutes`` for a file
that holds nothing to read."""

from __future__ import annotations

import random
from pathlib import Path

from minutes import Minutes, UnreadableMinutes, parse

ROOT = Path(__file__).resolve().parents[2]


def lines_of_every_shape() -> list[str]:
    lines: list[str] = []
    for folder in ("samples", "corpus"):
        for path in sorted((ROOT / folder).glob("*")):
            if path.suffix in (".txt", ".md") and path.name != "README.md":
                lines += path.read_text(encoding="utf-8-sig").splitlines()
    return lines


def test_shuffled_and_mangled_minutes_always_parse():
    lines = lines_of_every_shape()
    rnd = random.Random(20261128)
    refused = 0
    for _ in range(150):
        text = "\n".join(rnd.choice(lines) for _ in range(rnd.randint(1, 50)))
        if rnd.random() < 0.3:  # conversion debris: stray markup where it does not belong
            text = "".join(c if rnd.random() > 0.02 else rnd.choice("():;|\t*#-•§[]@") for c in text)
        try:
            result = parse(text + "\n")
        except UnreadableMinutes:
            refused += 1
            assert not text.strip()
            continue
        assert isinstance(result, Minutes)
        assert result.to_json()["actions"] is not None
    assert refused < 10
