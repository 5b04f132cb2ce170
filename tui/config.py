"""The user's settings: ``config.toml`` in the user's config directory
(``~/.config/minutes/`` on Linux), for example::

    me = "Ingela Kaarto"    # whose actions come first (else $MINUTES_ME)
    lang = "fi"              # the language of the command line and the UI (else the locale)
    theme = "nord"           # the UI's colours, saved when one is chosen in the palette

``configured(key)`` reads one; ``save(key, value)`` sets one and leaves the other lines
of the file as they are."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing on every command
if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["config_path", "configured", "configured_me", "save"]


def config_path() -> Path:
    from pathlib import Path

    return Path(_config_file())


def _config_file() -> str:
    """The config file's path (on Linux as platformdirs has it, without importing it:
    every command reads the file for its language)."""
    if sys.platform.startswith("linux"):
        base = os.environ.get("XDG_CONFIG_HOME", "").strip() or os.path.expanduser("~/.config")
        return os.path.join(base, "minutes", "config.toml")
    from platformdirs import user_config_path

    return str(user_config_path("minutes", appauthor=False) / "config.toml")


def configured(key: str, path: Path | None = None) -> str | None:
    """The string the config file gives for ``key``, if any (a file that cannot be read
    gives nothing)."""
    path = path or _config_file()
    if not os.path.exists(path):
        return None
    try:
        import tomllib
    except ImportError:  # Python 3.10: no config file
        return None
    try:
        with open(path, "rb") as handle:
            value = tomllib.load(handle).get(key)
    except (OSError, ValueError):
        return None
    return value.strip() if isinstance(value, str) and value.strip() else None


def configured_me(environ: Mapping[str, str] = os.environ, path: Path | None = None) -> str | None:
    """The name the environment or the config file gives for "me", if any."""
    if environ.get("MINUTES_ME", "").strip():
        return environ["MINUTES_ME"].strip()
    return configured("me", path)


def save(key: str, value: str, path: Path | None = None) -> None:
    """Set ``key = "value"`` in the config file (made if missing), every other line kept."""
    import json
    import re

    path = path or config_path()
    line = f"{key} = {json.dumps(value, ensure_ascii=False)}"  # a TOML basic string
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        lines = []
    setting = re.compile(rf"^\s*{re.escape(key)}\s*=")
    if any(setting.match(old) for old in lines):
        lines = [line if setting.match(old) else old for old in lines]
    else:
        table = next((n for n, old in enumerate(lines) if old.lstrip().startswith("[")), len(lines))
        lines.insert(table, line)  # before any [table]: a top-level key
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
