"""The scorer: a logistic model over the rules that hold for a candidate.

The weights live in ``weights.json`` beside this module, fitted on real minutes by
``python -m minutes.actions.fit`` (which needs scikit-learn; the parser itself does not).
A candidate's score is the probability that it is a task; it is kept when the score
reaches the fitted threshold.

    >>> w = Weights(bias=-2.0, weights={"doer-future": 3.0}, threshold=0.5)
    >>> round(w.score(["doer-future"]), 2), round(w.score([]), 2)
    (0.73, 0.12)
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

__all__ = ["Weights", "load"]

_PATH = Path(__file__).with_name("weights.json")


@dataclass(frozen=True)
class Weights:
    """A bias, a weight per rule id, and the threshold a task's score must reach."""

    bias: float
    weights: dict[str, float] = field(default_factory=dict)
    threshold: float = 0.5
    about: dict = field(default_factory=dict)

    def score(self, rules: list[str]) -> float:
        z = self.bias + sum(self.weights.get(rule, 0.0) for rule in rules)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def to_json(self) -> dict:
        return {"bias": self.bias, "threshold": self.threshold, "weights": self.weights, "about": self.about}


@lru_cache(maxsize=1)
def load() -> Weights:
    """The fitted weights shipped with the parser."""
    data = json.loads(_PATH.read_text(encoding="utf-8"))
    return Weights(float(data["bias"]), {k: float(v) for k, v in data["weights"].items()},
                   float(data["threshold"]), data.get("about", {}))
