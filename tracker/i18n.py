"""The words the store, the command line and the terminal UI say to a person, in Finnish,
Swedish or English: gettext catalogs of the domain ``minutes``.

    from tracker.i18n import _, N_, ngettext, use, shown_date

    use("fi")                       # the language of what follows in this process
    _("Done")                       # 'Tehty'
    ngettext("{n} action", "{n} actions", 3).format(n=3)
    shown_date(date(2026, 12, 4))   # '4.12.2026' (fi, sv); '2026-12-04' (en)

The catalogs are ``tracker/locale/<lang>/LC_MESSAGES/minutes.po``, one a language, each
shipped with its compiled ``minutes.mo`` (``tools/catalogs.py`` extracts the messages from
the code and compiles; a test holds both to the code). English is the language of the
code: its catalog is the code's own words, so English reads no catalog at run time.

Which language: ``--lang``, else ``lang`` in the config file, else the locale
(``LC_ALL``, ``LC_MESSAGES``, ``LANG``), else English (``choose``). The choice is the
process's: a command line or an app runs in one language.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import date

__all__ = ["LANGUAGES", "N_", "_", "catalog_path", "choose", "current", "from_locale", "ngettext",
           "shown_date", "use"]

LANGUAGES = ("fi", "sv", "en")
DOMAIN = "minutes"
LOCALE_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "locale")

_catalog = None  # a gettext.GNUTranslations, or None for the code's own English
_language = "en"


def use(language: str | None) -> str:
    """Speak ``language`` (``fi``, ``sv``, ``en``; anything else: English) from now on;
    return the language now spoken."""
    global _catalog, _language
    language = language if language in LANGUAGES else "en"
    catalog = None
    if language != "en":  # English is the code's own: no catalog to read
        import gettext

        try:
            with open(catalog_path(language), "rb") as handle:
                catalog = gettext.GNUTranslations(handle)
        except OSError:  # no catalog shipped: the code's own English
            catalog, language = None, "en"
    _catalog, _language = catalog, language
    return language


def catalog_path(language: str, suffix: str = ".mo") -> str:
    """Where the catalog of ``language`` is (``suffix`` ``.po`` for its source)."""
    return os.path.join(LOCALE_DIR, language, "LC_MESSAGES", DOMAIN + suffix)


def current() -> str:
    """The language spoken now."""
    return _language


def _(message: str) -> str:
    """``message`` in the language spoken now."""
    return _catalog.gettext(message) if _catalog is not None else message


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form of a message for the number ``n``."""
    if _catalog is not None:
        return _catalog.ngettext(singular, plural, n)
    return singular if n == 1 else plural


def N_(message: str) -> str:
    """Mark ``message`` for the catalogs without translating it yet (a binding's
    description, a constant): ``_`` translates it where it is shown."""
    return message


def from_locale(environ: Mapping[str, str] = os.environ) -> str | None:
    """The language the locale asks for (``LC_ALL``, ``LC_MESSAGES``, then ``LANG``:
    ``fi_FI.UTF-8`` is Finnish, ``sv_FI.UTF-8`` Swedish), if it is one of ours."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "")
        if value:
            language = value.split(".")[0].split("_")[0].split("@")[0].casefold()
            return language if language in LANGUAGES else None
    return None


def choose(asked: str | None = None, configured: str | None = None,
           environ: Mapping[str, str] = os.environ) -> str:
    """The language to speak: ``asked`` (``--lang``), else ``configured`` (the config
    file), else the locale's, else English."""
    for language in (asked, configured, from_locale(environ)):
        if language and language.casefold() in LANGUAGES:
            return language.casefold()
    return "en"


def shown_date(day: date | None, none: str = "") -> str:
    """A date as a person reads it in the language spoken: ``4.12.2026`` in Finnish and
    Swedish, ISO (``2026-12-04``) in English. ``none`` for no date."""
    if day is None:
        return none
    if _language in ("fi", "sv"):
        return f"{day.day}.{day.month}.{day.year}"
    return day.isoformat()
