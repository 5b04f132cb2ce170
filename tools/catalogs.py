"""The gettext catalogs of ``minutes``: extract the messages from the code, keep the
``.po`` files in step with it, and compile them into the ``.mo`` files that ship.

    python tools/catalogs.py update     # add new messages to each .po (empty in fi and sv),
                                        # drop the ones the code no longer says, compile
    python tools/catalogs.py compile    # .po -> .mo only
    python tools/catalogs.py check      # what a test checks: every message in every
                                        # language, the same {fields}, .mo up to date

A message is the first argument (and, for ``ngettext``, the second) of a call to ``_``,
``N_`` or ``ngettext`` with literal strings, in ``tracker/`` and ``tui/``, or the docstring
of a command line verb (``@verb``, ``@command``: its help). English is the
language of the code: ``en.po`` is the code's own words (its plural forms too), written by
``update``. The compiler writes what GNU ``msgfmt`` would, without needing it.
"""

from __future__ import annotations

import ast
import re
import struct
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tracker.i18n import LANGUAGES, catalog_path  # noqa: E402

DOMAIN = "minutes"

SOURCES = ("tracker", "tui")
VERBS = ("verb", "command")  # the decorators of the command line's verbs
PLURAL_FORMS = {"fi": "nplurals=2; plural=(n != 1);", "sv": "nplurals=2; plural=(n != 1);",
                "en": "nplurals=2; plural=(n != 1);"}
NAMES = {"fi": "Finnish", "sv": "Swedish", "en": "English"}
_FIELD = re.compile(r"\{([a-z_][a-z_0-9]*)[^{}]*\}")


@dataclass
class Message:
    msgid: str
    plural: str | None = None
    places: list[str] = field(default_factory=list)
    msgstr: list[str] = field(default_factory=list)  # one, or one a plural form


def extract(root: Path = ROOT) -> dict[str, Message]:
    """Every message the code says, in the order it first says it."""
    found: dict[str, Message] = {}
    for package in SOURCES:
        for path in sorted((root / package).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
            for node in ast.walk(tree):
                if isinstance(node, ast.FunctionDef) and any(
                        isinstance(d, ast.Call) and isinstance(d.func, ast.Name) and d.func.id in VERBS
                        for d in node.decorator_list):
                    doc = ast.get_docstring(node)  # a verb's docstring is its help
                    if doc:
                        found.setdefault(doc, Message(doc)).places.append(
                            f"{path.relative_to(root)}:{node.lineno}")
                if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                        and node.func.id in ("_", "N_", "ngettext")):
                    continue
                texts = [a.value for a in node.args if isinstance(a, ast.Constant)
                         and isinstance(a.value, str)]
                if not texts:
                    continue
                place = f"{path.relative_to(root)}:{node.lineno}"
                plural = texts[1] if node.func.id == "ngettext" and len(texts) > 1 else None
                message = found.setdefault(texts[0], Message(texts[0], plural))
                message.plural = message.plural or plural
                message.places.append(place)
    return found


# -- .po ---------------------------------------------------------------------------------


def _quote(text: str) -> str:
    text = text.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t")
    lines = text.split("\n")
    if len(lines) == 1:
        return f'"{lines[0]}"'
    parts = [f'"{line}\\n"' for line in lines[:-1]] + ([f'"{lines[-1]}"'] if lines[-1] else [])
    return '""\n' + "\n".join(parts)


def _unquote(text: str) -> str:
    body = text.strip()[1:-1]
    return re.sub(r'\\(.)', lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)), body)


def read_po(path: Path) -> dict[str, Message]:
    """The messages of a ``.po`` file (its header under the msgid "")."""
    messages: dict[str, Message] = {}
    if not path.exists():
        return messages
    current: Message | None = None
    key: str | None = None

    def finish() -> None:
        if current is not None:
            messages[current.msgid] = current

    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("msgid "):
            finish()
            current, key = Message(_unquote(line[6:])), "msgid"
        elif line.startswith("msgid_plural "):
            current.plural, key = _unquote(line[13:]), "plural"
        elif line.startswith("msgstr["):
            index = int(line[7:line.index("]")])
            while len(current.msgstr) <= index:
                current.msgstr.append("")
            current.msgstr[index], key = _unquote(line[line.index("]") + 2:]), f"msgstr{index}"
        elif line.startswith("msgstr "):
            current.msgstr, key = [_unquote(line[7:])], "msgstr0"
        elif line.startswith('"') and current is not None:
            more = _unquote(line)
            if key == "msgid":
                current.msgid += more
            elif key == "plural":
                current.plural = (current.plural or "") + more
            elif key and key.startswith("msgstr"):
                current.msgstr[int(key[6:])] += more
    finish()
    return messages


def write_po(path: Path, language: str, messages: list[Message]) -> None:
    header = (f"Project-Id-Version: {DOMAIN}\nLanguage: {language}\n"
              "MIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\n"
              f"Content-Transfer-Encoding: 8bit\nPlural-Forms: {PLURAL_FORMS[language]}\n")
    out = [f"# {NAMES[language]} words of minutes: the command line, the terminal UI and the store's "
           "messages.", "# Keep each {field} as it is; tools/catalogs.py update adds new messages.",
           'msgid ""', "msgstr " + _quote(header), ""]
    for m in messages:
        out += [f"#: {' '.join(m.places[:3])}", f"msgid {_quote(m.msgid)}"]
        if m.plural is not None:
            out.append(f"msgid_plural {_quote(m.plural)}")
            forms = m.msgstr + [""] * (2 - len(m.msgstr))
            out += [f"msgstr[{i}] {_quote(s)}" for i, s in enumerate(forms[:2])]
        else:
            out.append(f"msgstr {_quote(m.msgstr[0] if m.msgstr else '')}")
        out.append("")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(out), encoding="utf-8")


def po_path(language: str) -> Path:
    return Path(catalog_path(language, ".po"))


def mo_path(language: str) -> Path:
    return Path(catalog_path(language, ".mo"))


# -- .mo ---------------------------------------------------------------------------------


def compile_mo(messages: dict[str, Message]) -> bytes:
    """The ``.mo`` of these messages (translated ones only), as GNU msgfmt writes it."""
    pairs = []
    for m in messages.values():
        if m.msgid == "":
            pairs.append((b"", m.msgstr[0].encode()))
        elif m.plural is not None and all(m.msgstr):
            pairs.append(((m.msgid + "\0" + m.plural).encode(), "\0".join(m.msgstr).encode()))
        elif m.plural is None and m.msgstr and m.msgstr[0]:
            pairs.append((m.msgid.encode(), m.msgstr[0].encode()))
    pairs.sort()
    count = len(pairs)
    originals_at = 7 * 4
    translations_at = originals_at + count * 8
    data_at = translations_at + count * 8
    table_o, table_t, data = [], [], b""
    for key, _ in pairs:
        table_o.append((len(key), data_at + len(data)))
        data += key + b"\0"
    for _, value in pairs:
        table_t.append((len(value), data_at + len(data)))
        data += value + b"\0"
    head = struct.pack("<7I", 0x950412DE, 0, count, originals_at, translations_at, 0, 0)
    tables = b"".join(struct.pack("<2I", *entry) for entry in table_o + table_t)
    return head + tables + data


# -- the commands ------------------------------------------------------------------------------


def update() -> None:
    said = extract()
    for language in LANGUAGES:
        known = read_po(po_path(language))
        messages = []
        for msgid, m in said.items():
            old = known.get(msgid)
            if language == "en":
                strings = [m.msgid, m.plural] if m.plural is not None else [m.msgid]
            elif old is not None and (old.plural is None) == (m.plural is None):
                strings = old.msgstr
            else:
                strings = []
            messages.append(Message(m.msgid, m.plural, m.places, strings))
        write_po(po_path(language), language, messages)
    compile_all()


def compile_all() -> None:
    for language in LANGUAGES:
        mo_path(language).write_bytes(compile_mo(read_po(po_path(language))))


def problems() -> list[str]:
    """What is wrong with the catalogs, one line each (nothing: all is well)."""
    found = []
    said = extract()
    for language in LANGUAGES:
        po = read_po(po_path(language))
        for msgid, m in said.items():
            entry = po.get(msgid)
            forms = 1 if m.plural is None else 2
            if entry is None or len(entry.msgstr) < forms or not all(entry.msgstr[:forms]):
                found.append(f"{language}: no translation of {msgid!r} ({m.places[0]})")
                continue
            if language == "en" and entry.msgstr[:forms] != [m.msgid, m.plural][:forms]:
                found.append(f"en: {msgid!r} is not the code's own words (python tools/catalogs.py update)")
            wanted = set(_FIELD.findall(msgid)) | set(_FIELD.findall(m.plural or ""))
            for text in entry.msgstr[:forms]:
                if set(_FIELD.findall(text)) - wanted or (forms == 1 and set(_FIELD.findall(text)) != wanted):
                    found.append(f"{language}: {msgid!r} -> {text!r}: its {{fields}} differ")
        for msgid in po:
            if msgid and msgid not in said:
                found.append(f"{language}: {msgid!r} is no longer said by the code")
        if not mo_path(language).exists() or mo_path(language).read_bytes() != compile_mo(po):
            found.append(f"{language}: {mo_path(language).relative_to(ROOT)} is not compiled from its .po "
                         "(python tools/catalogs.py compile)")
    return found


def main(argv: list[str]) -> int:
    if argv[:1] == ["update"]:
        update()
    elif argv[:1] == ["compile"]:
        compile_all()
    elif argv[:1] == ["check"]:
        found = problems()
        print("\n".join(found) or "the catalogs are complete")
        return 1 if found else 0
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
