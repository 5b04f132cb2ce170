"""Stores in temporary folders holding some of the bundled samples, for the app's tests."""

from __future__ import annotations

import pytest

from tracker import ActionStore
from tui_helpers import SAMPLES, parsed


@pytest.fixture(scope="session")
def samples():
    """The sample minutes the tests import, parsed once."""
    return {name: parsed(name) for name in SAMPLES}


@pytest.fixture
def store(tmp_path, samples):
    """A store holding the samples of ``SAMPLES``."""
    with ActionStore(tmp_path / "actions.json", user="tester") as opened:
        for minutes in samples.values():
            opened.import_minutes(minutes)
        yield opened
