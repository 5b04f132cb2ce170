"""The README's pictures are drawn by tools/screenshots.py (issue 13): the main screen, an
action's detail and the review of an import, as Textual's SVG, with no path of the clone."""

from __future__ import annotations

import subprocess
import sys

from tui_helpers import ROOT


def test_the_script_draws_the_three_screens_without_the_clones_path(tmp_path):
    done = subprocess.run([sys.executable, str(ROOT / "tools" / "screenshots.py"), str(tmp_path)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    drawn = {path.stem: path.read_text(encoding="utf-8") for path in tmp_path.glob("*.svg")}
    assert set(drawn) == {"main", "detail", "import-review"}
    for svg in drawn.values():
        assert svg.startswith("<svg") and str(ROOT) not in svg
    assert "ACTION" in drawn["main"] and "MEETING" in drawn["main"]  # the table at 120 columns
    assert "Evidence" in drawn["detail"] and "samples/" in drawn["detail"]
    assert "actions&#160;found" in drawn["import-review"]
