"""The languages the public pages and the chat speak, and the words of each (gettext).

The catalogues are under locator/translations (messages.po by language, compiled to .mo by
scripts/translations). Flask-Babel reads the same catalogues for templates; code outside the
web layer says words through `gettext` here, in the language set for the request or reply.
"""

from __future__ import annotations

import gettext as gettext_module
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar, Token
from functools import cache
from pathlib import Path

from babel.support import Translations

ENGLISH = "en"
WELSH = "cy"
# The order is the order a language switch offers them in.
LANGUAGES = (ENGLISH, WELSH)
NAMES = {ENGLISH: "English", WELSH: "Cymraeg"}
CATALOGUES = Path(__file__).resolve().parent.parent / "translations"

_speaking: ContextVar[str] = ContextVar("language", default=ENGLISH)


@cache
def translations(language: str) -> gettext_module.NullTranslations:
    """Return the catalogue of one language; English is the source text itself."""
    if language not in LANGUAGES or language == ENGLISH:
        return gettext_module.NullTranslations()
    return Translations.load(str(CATALOGUES), [language], "messages")


def current() -> str:
    """Return the language being spoken now (English unless a request or reply set another)."""
    return _speaking.get()


def start_speaking(language: str) -> Token[str]:
    """Say everything from now on in `language`; hand the token to `stop_speaking`."""
    return _speaking.set(language if language in LANGUAGES else ENGLISH)


def stop_speaking(token: Token[str]) -> None:
    """Go back to the language spoken before `start_speaking`."""
    _speaking.reset(token)


@contextmanager
def speaking(language: str) -> Iterator[None]:
    """Say everything inside the block in `language`."""
    token = start_speaking(language)
    try:
        yield
    finally:
        stop_speaking(token)


def gettext(message: str, **values: object) -> str:
    """Return `message` in the current language, with %(name)s filled from `values`."""
    text = translations(current()).gettext(message)
    return text % values if values else text


def ngettext(singular: str, plural: str, number: int, **values: object) -> str:
    """Return the singular or plural (Welsh has more forms) of a message for `number`."""
    text = translations(current()).ngettext(singular, plural, number)
    return text % {"num": number, **values}


def N_(message: str) -> str:
    """Mark a message for translation where it is defined; say it later with `gettext`."""
    return message


def chosen(asked: str | None, accept_language: str | None) -> tuple[str, bool]:
    """Return the language a visitor asked for and whether they asked explicitly (?lang=).

    `asked` is the lang parameter; otherwise the first supported language the browser's
    Accept-Language lists (by its q weights) wins; otherwise English.
    """
    if asked:
        code = asked.strip().lower()[:2]
        if code in LANGUAGES:
            return code, True
    return _preferred(accept_language or ""), False


def _preferred(header: str) -> str:
    """Return the supported language an Accept-Language header prefers most."""
    weighted: list[tuple[float, int, str]] = []
    for position, part in enumerate(header.split(",")[:20]):
        tag, _, params = part.strip().partition(";")
        code = tag.strip().lower().split("-")[0]
        if code not in LANGUAGES:
            continue
        weight = 1.0
        for param in params.split(";"):
            name, _, value = param.strip().partition("=")
            if name.strip() == "q":
                try:
                    weight = float(value)
                except ValueError:
                    weight = 0.0
        if weight > 0:
            weighted.append((-weight, position, code))
    return min(weighted)[2] if weighted else ENGLISH
