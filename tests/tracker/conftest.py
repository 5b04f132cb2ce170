"""Stores in temporary folders for the tracker tests."""

from __future__ import annotations

import pytest

from store_helpers import board
from tracker import ActionStore


@pytest.fixture
def store(tmp_path):
    with ActionStore(tmp_path / "actions.json", user="anna") as opened:
        yield opened


@pytest.fixture
def filled(store):
    """A store holding the board meeting."""
    store.import_minutes(board())
    return store
