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
        left, right = self._shown()
        yield from (self._key(*key) for key in left)
        yield Static(classes="key-bar--space")
        yield from (self._key(*key) for key in right)

    def _shown(self) -> tuple[list, list]:
        """The keys to show at the left (the most used first, as many as the width holds)
        and at the right end (``?``, ``q`` and the palette's), each ``(binding, enabled,
        tooltip)``."""
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
        if palette is not None:
            pinned.append((palette.binding, palette.enabled, palette.tooltip))
        room = self.app.size.width - sum(self._width(b) for b, *_ in pinned)
        left = []
        for key in rest:
            needs = self._width(key[0])
            if needs > room:
                break
            room -= needs
            left.append(key)
        return left, pinned

    async def recompose(self) -> None:
        """Show the keys again. When as many keys are shown on each side as before and
        only what some say or do changed (``x`` says Done or Reopen as the cursor moves),
        the keys already there are told so: making the footer's widgets again would take
        a keystroke's time at every move."""
        if not self.is_attached or not self._bindings_ready:
            return await super().recompose()
        left, right = self._shown()
        children = list(self.children)
        spaces = [n for n, child in enumerate(children) if child.has_class("key-bar--space")]
        if spaces != [len(left)] or len(children) != len(left) + 1 + len(right):
            return await super().recompose()
        for widget, key in zip(children[:len(left)] + children[len(left) + 1:], left + right):
            said = self._said(*key)
            if said == (widget.key, widget.key_display, widget.description, widget.action, widget._disabled,
                        widget.tooltip):
                continue
            widget.key, widget.key_display, widget.description, widget.action, widget._disabled, \
                widget.tooltip = said
            widget.set_class(widget._disabled, "-disabled")
            widget.refresh(layout=True)

    def _width(self, binding) -> int:
        return cell_len(self.app.get_key_display(binding)) + 1 + cell_len(_(binding.description)) + 1

    def _key(self, binding, enabled: bool, tooltip: str) -> FooterKey:
        key, shown, description, action, disabled, tooltip = self._said(binding, enabled, tooltip)
        return FooterKey(key, shown, description, action, disabled=disabled, tooltip=tooltip).data_bind(
            compact=Footer.compact)

    def _said(self, binding, enabled: bool, tooltip: str) -> tuple:
        """What a key of the bar says and does: ``FooterKey``'s key, key display, description
        (in the language spoken), action, whether disabled, and tooltip."""
        description = _(binding.description)
        return (binding.key, self.app.get_key_display(binding), description, binding.action, not enabled,
                tooltip or description)

    def on_resize(self) -> None:
        if self._bindings_ready:
            self.call_after_refresh(self.recompose)

    def visible_keys(self) -> list[str]:
        """The keys shown now, as displayed (``?``, ``q``…), left to right."""
        return [key.key_display for key in self.query(FooterKey)]
