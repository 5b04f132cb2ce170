"""The corpus of minutes in other shapes (MeetBot, W3C, a wiki page, a pöytäkirja, a chat,
a standup…) and the holdout set keep the scores they have reached: a guard against a rule
that helps the samples and breaks minutes nobody tuned for. The attendee and agenda floors
sit 0.03 below what they measured when set (corpus 1.00 and 0.94, holdout 0.95 and 0.88)."""

from __future__ import annotations

from pathlib import Path

from minutes.evaluate import evaluate_dir

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
HOLDOUT = CORPUS.with_name("holdout")


def test_corpus_scores_hold():
    scores = evaluate_dir(CORPUS)
    assert len(scores.files) == 10
    total = scores.total
    assert total.attendees.f1 >= 0.97
    assert total.agenda.f1 >= 0.91
    assert total.actions.f1 >= 0.85
    assert total.owners.accuracy >= 0.85
    assert total.due.accuracy >= 0.8


def test_holdout_structure_holds():
    total = evaluate_dir(HOLDOUT).total
    assert total.attendees.f1 >= 0.92
    assert total.agenda.f1 >= 0.85
