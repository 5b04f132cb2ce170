"""The corpus of minutes in other shapes (MeetBot, W3C, a wiki page, a pöytäkirja, a chat,
a standup…) keeps the scores it has reached: a guard against a rule that helps the samples
and breaks minutes nobody tuned for."""

from __future__ import annotations

from pathlib import Path

from minutes.evaluate import evaluate_dir

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


def test_corpus_scores_hold():
    scores = evaluate_dir(CORPUS)
    assert len(scores.files) == 10
    total = scores.total
    assert total.attendees.f1 >= 0.95
    assert total.actions.f1 >= 0.85
    assert total.owners.accuracy >= 0.85
    assert total.due.accuracy >= 0.8
