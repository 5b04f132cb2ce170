"""``KeyBar``: the footer of every screen. It shows the keys of the screen in the language
spoken, the most used first (``ORDER``), as many as the width holds; ``?`` (help) and
``q`` (quit, or back on any screen but the first) always, at the right end, with the
palette's key. A key is clicked as it is pressed (Textual's ``FooterKey``)."""

from __future__ import annotations

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.widgets import Footer, Static
from textual.widgets._footer import FooterKey

from tracker.i18n import N_, _

__all__ = ["KeyBar"]

# the keys people press most, first; a key not listed comes after these, in the order
# its screen lists it
ORDER = (
    "table.open", "detail.accept", "detail.keep", "update.done", "update.undone", "update.cancel",
    "update.uncancel", "update.assign", "update.due", "home.filter", "table.mark", "detail.meeting",
    "update.undo", "update.note", "update.edit", "update.add", "home.sort",
    "review.toggle", "review.edit", "review.write", "review.keep", "review.drop",
    "list.search", "app.meetings", "app.import",
)
PINNED = ("app.help", "app.quit", "app.back")
PALETTE = N_("palette")  # Textual's word for ctrl+p, in our catalogs


class KeyBar(Footer):
    """The footer: the most used keys first, ``?`` and ``q`` always shown."""

    DEFAULT_CSS = """
    KeyBar .key-bar--space {
        width: 1fr;
        height: 1;
    }
    """

    def __init__(self, **options) -> None:
        super().__init__(compact=True, show_command_palette=False, **options)

    def compose(self) -> ComposeResult:
        if not self._bindings_ready:
            return
        seen: set[str] = set()
        shown = []
        for _node, binding, enabled, tooltip in self.screen.active_bindings.values():
            if binding.show and binding.action not in seen:
                seen.add(binding.action)
                shown.append((binding, enabled, tooltip))
        pinned = sorted((b for b in shown if b[0].id in PINNED), key=lambda b: PINNED.index(b[0].id))
        rank = {binding_id: n for n, binding_id in enumerate(ORDER)}
        rest = sorted((b for b in shown if b[0].id not in PINNED),
                      key=lambda b: rank.get(b[0].id or "", len(ORDER)))
        palette = self.app.active_bindings.get(self.app.COMMAND_PALETTE_BINDING)
        room = self.app.size.width - sum(self._width(b) for b, *_ in pinned) \
            - (self._width(palette.binding) if palette else 0)
        for binding, enabled, tooltip in rest:
            needs = self._width(binding)
            if needs > room:
                break
            room -= needs
            yield self._key(binding, enabled, tooltip)
        yield Static(classes="key-bar--space")
        for binding, enabled, tooltip in pinned:
            yield self._key(binding, enabled, tooltip)
        if palette is not None:
            yield self._key(palette.binding, palette.enabled, palette.tooltip)

    def _width(self, binding) -> int:
        return cell_len(self.app.get_key_display(binding)) + 1 + cell_len(_(binding.description)) + 1

    def _key(self, binding, enabled: bool, tooltip: str) -> FooterKey:
        description = _(binding.description)
        return FooterKey(binding.key, self.app.get_key_display(binding), description, binding.action,
                         disabled=not enabled, tooltip=tooltip or description).data_bind(
                             compact=Footer.compact)

    def on_resize(self) -> None:
        if self._bindings_ready:
            self.call_after_refresh(self.recompose)

    def visible_keys(self) -> list[str]:
        """The keys shown now, as displayed (``?``, ``q``…), left to right."""
        return [key.key_display for key in self.query(FooterKey)]
