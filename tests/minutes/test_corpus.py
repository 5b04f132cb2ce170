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
    # measured 0.94 / 0.92 / 0.90 without the models, 0.92 / 0.93 / 0.90 with them
    assert total.actions.f1 >= 0.90
    assert total.owners.accuracy >= 0.89
    assert total.due.accuracy >= 0.87


def test_holdout_structure_holds():
    total = evaluate_dir(HOLDOUT).total
    assert total.attendees.f1 >= 0.92
    assert total.agenda.f1 >= 0.85


def test_holdout_actions_hold():
    # measured 0.98 / 0.98 / 0.98 without the models, 0.97 / 1.00 / 0.98 with them
    total = evaluate_dir(HOLDOUT).total
    assert total.actions.f1 >= 0.95, total.misses
    assert total.owners.accuracy >= 0.95
    assert total.due.accuracy >= 0.95
