"""The tests read what minutes says in the code's own English: a Finnish or Swedish locale
of the person running them is set aside (tests of the language ask for one themselves)."""

from __future__ import annotations

import os

for _name in ("LC_ALL", "LC_MESSAGES", "LANG"):
    if os.environ.get(_name, "").split("_")[0].split(".")[0].casefold() in ("fi", "sv"):
        os.environ[_name] = "C.UTF-8"
