"""The layers import one way (``tui -> tracker -> minutes``), and what the store and the
faces take from the parser is its public API (``minutes.PUBLIC_MODULES``), never one of its
stages: ``minutes`` imports neither ``tracker`` nor ``tui``, ``tracker`` imports no Textual,
and nothing outside ``minutes`` imports a private module or a private name of it.

Every import statement is read from the source (also those inside functions, which a run
would not reach), and the import of each package is also checked in a fresh interpreter.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

import minutes

ROOT = Path(__file__).resolve().parents[1]


def imports(folder: str) -> list[tuple[Path, int, str, list[str]]]:
    """Every import in the Python files under ``folder``: (file, line, module, names)."""
    found = []
    for file in sorted((ROOT / folder).rglob("*.py")):
        tree = ast.parse(file.read_text(encoding="utf-8"), str(file))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                found += [(file, node.lineno, alias.name, []) for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                found.append((file, node.lineno, node.module, [alias.name for alias in node.names]))
            elif isinstance(node, ast.ImportFrom) and node.level:  # relative: inside its package
                package = file.relative_to(ROOT).parent.parts[: len(file.relative_to(ROOT).parent.parts)
                                                             - node.level + 1]
                module = ".".join([*package, *([node.module] if node.module else [])])
                found.append((file, node.lineno, module, [alias.name for alias in node.names]))
    return found


def where(file: Path, line: int) -> str:
    return f"{file.relative_to(ROOT)}:{line}"


def test_the_parser_imports_neither_the_store_nor_the_faces():
    wrong = [where(f, n) for f, n, module, _ in imports("minutes")
             if module.split(".")[0] in ("tracker", "tui", "textual")]
    assert wrong == []


def test_the_store_imports_no_textual_nor_the_faces():
    wrong = [where(f, n) for f, n, module, _ in imports("tracker")
             if module.split(".")[0] in ("textual", "tui", "rich")]
    assert wrong == []


@pytest.mark.parametrize("folder", ["tracker", "tui", "bench", "tests"])
def test_outside_the_parser_only_its_public_modules_and_names_are_imported(folder):
    public = {"minutes", *minutes.PUBLIC_MODULES}
    wrong = []
    for file, line, module, names in imports(folder):
        if folder == "tests" and file.is_relative_to(ROOT / "tests" / "minutes"):
            continue  # the parser's own tests look inside it
        if module.split(".")[0] != "minutes":
            continue
        if module not in public:
            wrong.append(f"{where(file, line)} imports {module}")
        wrong += [f"{where(file, line)} imports {module}.{name}" for name in names
                  if name.startswith("_") or module == "minutes" and name not in
                  {*minutes.__all__, *(m.split(".")[1] for m in minutes.PUBLIC_MODULES)}]
    assert wrong == []


def test_every_public_module_says_what_it_offers():
    import importlib

    for name in minutes.PUBLIC_MODULES:
        module = importlib.import_module(name)
        assert module.__doc__ and module.__all__, name
        assert all(hasattr(module, exported) for exported in module.__all__), name


LOADED = "import json, sys\n{code}\nprint(json.dumps(sorted({{m.split('.')[0] for m in sys.modules}})))"


def loaded_after(code: str) -> set[str]:
    done = subprocess.run([sys.executable, "-c", LOADED.format(code=code)], cwd=ROOT,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return set(json.loads(done.stdout.splitlines()[-1]))


def test_parsing_loads_neither_the_store_nor_the_faces():
    loaded = loaded_after("from minutes import parse\nparse('Board meeting\\nDate: 3 March 2026\\n'"
                          "'Present: Ann Lee, Bo Ek\\nACTION: Bo to book the hall by Friday.\\n')")
    assert "minutes" in loaded and not loaded & {"tracker", "tui", "textual"}


def test_the_store_loads_no_textual(tmp_path):
    loaded = loaded_after(f"from tracker import ActionStore\nActionStore({str(tmp_path / 'a.json')!r}).actions()")
    assert "tracker" in loaded and not loaded & {"tui", "textual"}
