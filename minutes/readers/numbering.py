"""Word's automatic list numbering, rebuilt: the "3." or "2.1" a reader sees in Word
is not in the paragraph's text but computed from the numbering part.

A paragraph says *which* list it belongs to (``w:numPr``: ``w:numId`` and ``w:ilvl``,
on the paragraph or its style); ``word/numbering.xml`` says how each level of that list
counts (``w:start``, ``w:numFmt``, ``w:lvlText``, ``w:lvlRestart``, ``w:isLgl``) and
``w:num`` instances may restart a level (``w:lvlOverride/w:startOverride``). Counters
live in a ``ListCounters`` made for one document, so nothing is shared between reads::

    definitions = ListDefinitions.from_element(numbering_part.element)
    counters = ListCounters(definitions)
    label = counters.advance(num_id="5", ilvl=0)   # ListLabel(text="1.", bullet=False)
    label.number                                   # "1"

Counting follows Word: lists share one counter per abstract definition (two ``w:num``
instances of one ``w:abstractNum`` continue each other) unless an instance overrides a
level's start, which restarts that level the first time the instance is used; a level
restarts whenever a shallower level advances (``w:lvlRestart`` can change that; 0 =
never). A level without ``w:start`` starts at 0, as the standard and Word say.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["ListCounters", "ListDefinitions", "ListLabel", "ListLevel", "format_counter"]

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_PLACEHOLDER = re.compile(r"%([1-9])")
_MAX_LETTER_REPEAT = 30  # a longer run of one letter is no label: show the number
_LABEL_EDGES = " \t.)(:-–§]["


@dataclass(frozen=True)
class ListLevel:
    """How one level of a list counts and shows its number."""

    start: int = 0
    format: str = "decimal"
    text: str = "%1."
    restart: int | None = None  # w:lvlRestart: None = after any shallower level, 0 = never
    legal: bool = False  # w:isLgl: show every placeholder as a decimal
    style_id: str | None = None  # w:pStyle: the paragraph style bound to this level


@dataclass(frozen=True)
class ListInstance:
    """A ``w:num``: an abstract definition and its per-level overrides."""

    abstract_id: str
    start_overrides: dict[int, int] = field(default_factory=dict)
    level_overrides: dict[int, ListLevel] = field(default_factory=dict)


@dataclass(frozen=True)
class ListLabel:
    """A rebuilt list label as Word shows it (``text``) and the number in it."""

    text: str
    bullet: bool

    @property
    def number(self) -> str | None:
        """The label without its decoration: ``"3."`` -> ``"3"``, ``"(b)"`` -> ``"b"``,
        ``"2.1."`` -> ``"2.1"``; ``None`` for bullets and empty labels."""
        if self.bullet:
            return None
        return self.text.strip(_LABEL_EDGES) or None


@dataclass(frozen=True)
class ListDefinitions:
    """The numbering part read once: abstract definitions, instances, style bindings."""

    abstracts: dict[str, dict[int, ListLevel]]
    instances: dict[str, ListInstance]
    style_links: dict[str, str]  # abstractNumId -> numbering style id (w:numStyleLink)
    style_nums: dict[str, str]  # numbering style id -> numId (from styles.xml)

    @classmethod
    def empty(cls) -> ListDefinitions:
        return cls({}, {}, {}, {})

    @classmethod
    def from_element(cls, numbering, style_nums: dict[str, str] | None = None) -> ListDefinitions:
        """Read a ``w:numbering`` element (``None`` gives empty definitions);
        ``style_nums`` maps numbering-style ids to their ``numId`` for
        ``w:numStyleLink`` indirection."""
        if numbering is None:
            return cls.empty()
        abstracts: dict[str, dict[int, ListLevel]] = {}
        style_links: dict[str, str] = {}
        for abstract in numbering.iterchildren(W + "abstractNum"):
            abstract_id = abstract.get(W + "abstractNumId")
            if abstract_id is None:
                continue
            abstracts[abstract_id] = _levels(abstract)
            link = _val(abstract.find(W + "numStyleLink"))
            if link:
                style_links[abstract_id] = link
        instances = {}
        for num in numbering.iterchildren(W + "num"):
            num_id = num.get(W + "numId")
            abstract_id = _val(num.find(W + "abstractNumId"))
            if num_id is not None and abstract_id is not None:
                instances[num_id] = _instance(num, abstract_id)
        return cls(abstracts, instances, style_links, dict(style_nums or {}))

    def abstract_of(self, num_id: str) -> str | None:
        """The abstract definition a ``numId`` counts with, following numbering styles."""
        instance = self.instances.get(num_id)
        abstract_id = instance.abstract_id if instance else None
        for _ in range(4):  # numStyleLink -> style -> num -> abstract; guard against loops
            link = self.style_links.get(abstract_id or "")
            linked_num = self.style_nums.get(link or "")
            linked = self.instances.get(linked_num or "")
            if linked is None or linked.abstract_id == abstract_id:
                break
            abstract_id = linked.abstract_id
        return abstract_id if abstract_id in self.abstracts else None

    def level(self, num_id: str, ilvl: int) -> ListLevel | None:
        instance = self.instances.get(num_id)
        if instance and ilvl in instance.level_overrides:
            return instance.level_overrides[ilvl]
        abstract_id = self.abstract_of(num_id)
        return self.abstracts[abstract_id].get(ilvl) if abstract_id else None

    def level_of_style(self, num_id: str, style_id: str) -> int | None:
        """The level whose ``w:pStyle`` is ``style_id`` ("List Number 2" style lists)."""
        abstract_id = self.abstract_of(num_id)
        for ilvl, level in (self.abstracts.get(abstract_id or "") or {}).items():
            if level.style_id == style_id:
                return ilvl
        return None


class ListCounters:
    """The running counters of one document's lists; call ``advance`` for each
    numbered paragraph in reading order."""

    def __init__(self, definitions: ListDefinitions) -> None:
        self._definitions = definitions
        self._counts: dict[str, dict[int, int]] = {}
        self._started: set[tuple[str, int]] = set()

    @property
    def definitions(self) -> ListDefinitions:
        return self._definitions

    def advance(self, num_id: str, ilvl: int) -> ListLabel | None:
        """Count one paragraph of list ``num_id`` at level ``ilvl`` and return its
        label, or ``None`` when the list or level is not defined."""
        definitions = self._definitions
        level = definitions.level(num_id, ilvl)
        abstract_id = definitions.abstract_of(num_id)
        if level is None or abstract_id is None:
            return None
        counts = self._counts.setdefault(abstract_id, {})
        instance = definitions.instances[num_id]
        if ilvl in instance.start_overrides and (num_id, ilvl) not in self._started:
            counts[ilvl] = instance.start_overrides[ilvl] - 1
        elif ilvl not in counts:
            counts[ilvl] = level.start - 1
        self._started.add((num_id, ilvl))
        counts[ilvl] += 1
        self._restart_deeper(num_id, counts, ilvl)
        return self._label(num_id, level, counts)

    def _restart_deeper(self, num_id: str, counts: dict[int, int], ilvl: int) -> None:
        for deeper in [lvl for lvl in counts if lvl > ilvl]:
            level = self._definitions.level(num_id, deeper)
            restart = level.restart if level else None
            if restart is None or (restart != 0 and ilvl < restart):
                del counts[deeper]

    def _label(self, num_id: str, level: ListLevel, counts: dict[int, int]) -> ListLabel:
        if level.format == "bullet":
            return ListLabel(level.text, bullet=True)
        if level.format == "none":
            return ListLabel("", bullet=False)

        def placeholder(match: re.Match[str]) -> str:
            ilvl = int(match.group(1)) - 1
            shown = self._definitions.level(num_id, ilvl) or ListLevel()
            value = counts.get(ilvl, shown.start)
            return format_counter(value, "decimal" if level.legal else shown.format)

        return ListLabel(_PLACEHOLDER.sub(placeholder, level.text), bullet=False)


def format_counter(value: int, number_format: str) -> str:
    """A counter value in one of Word's number formats (unknown formats as decimal)."""
    if number_format in ("lowerLetter", "upperLetter"):
        letters = _letters(value)
        return letters.upper() if number_format == "upperLetter" else letters
    if number_format in ("lowerRoman", "upperRoman"):
        roman = _roman(value)
        return roman.lower() if number_format == "lowerRoman" else roman
    if number_format == "decimalZero":
        return f"{value:02d}"
    return str(value)


def _letters(value: int) -> str:
    """Word's letters: a..z, then aa..zz, aaa.. (the letter repeats)."""
    if not 0 < value <= 26 * _MAX_LETTER_REPEAT:
        return str(value)
    return chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)


_ROMAN = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)


def _roman(value: int) -> str:
    if not 0 < value < 4000:
        return str(value)
    digits = []
    for amount, numeral in _ROMAN:
        count, value = divmod(value, amount)
        digits.append(numeral * count)
    return "".join(digits)


def _levels(container) -> dict[int, ListLevel]:
    levels = {}
    for lvl in container.iterchildren(W + "lvl"):
        ilvl = _int(lvl.get(W + "ilvl"))
        if ilvl is not None:
            levels[ilvl] = _level(lvl)
    return levels


def _level(lvl) -> ListLevel:
    text = lvl.find(W + "lvlText")
    legal = lvl.find(W + "isLgl")
    return ListLevel(
        start=_int(_val(lvl.find(W + "start"))) or 0,
        format=_val(lvl.find(W + "numFmt")) or "decimal",
        text=(text.get(W + "val") or "") if text is not None else "",
        restart=_int(_val(lvl.find(W + "lvlRestart"))),
        legal=legal is not None and _val(legal) not in ("0", "false", "off"),
        style_id=_val(lvl.find(W + "pStyle")),
    )


def _instance(num, abstract_id: str) -> ListInstance:
    starts: dict[int, int] = {}
    levels: dict[int, ListLevel] = {}
    for override in num.iterchildren(W + "lvlOverride"):
        ilvl = _int(override.get(W + "ilvl"))
        if ilvl is None:
            continue
        start = _int(_val(override.find(W + "startOverride")))
        if start is not None:
            starts[ilvl] = start
        lvl = override.find(W + "lvl")
        if lvl is not None:
            levels[ilvl] = _level(lvl)
    return ListInstance(abstract_id, starts, levels)


def _val(element) -> str | None:
    return element.get(W + "val") if element is not None else None


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None
