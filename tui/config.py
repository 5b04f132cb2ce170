"""Who "me" is when ``--me`` is not given: ``$MINUTES_ME``, else ``me = "Name"`` in
``config.toml`` in the user's config directory (``~/.config/minutes/`` on Linux)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

__all__ = ["config_path", "configured_me"]


def config_path() -> Path:
    from platformdirs import user_config_path

    return user_config_path("minutes", appauthor=False) / "config.toml"


def configured_me(environ: Mapping[str, str] = os.environ, path: Path | None = None) -> str | None:
    """The name the environment or the config file gives for "me", if any."""
    if environ.get("MINUTES_ME", "").strip():
        return environ["MINUTES_ME"].strip()
    path = path or config_path()
    try:
        import tomllib
    except ImportError:  # Python 3.10: no config file
        return None
    try:
        with open(path, "rb") as handle:
            me = tomllib.load(handle).get("me")
    except (OSError, ValueError):
        return None
    return me.strip() if isinstance(me, str) and me.strip() else None
