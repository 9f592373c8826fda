"""The Welsh catalogue: every word the sources mark has Welsh, and the compiled file matches."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from locator.domain import language

ROOT = Path(__file__).resolve().parents[1]
WELSH_PO = language.CATALOGUES / "cy" / "LC_MESSAGES" / "messages.po"
WELSH_MO = WELSH_PO.with_suffix(".mo")
METHODS = [("locator/**.py", "python"), ("locator/web/templates/**.html", "jinja2")]


def _key(message_id) -> str:
    return message_id if isinstance(message_id, str) else message_id[0]


def _strings(message) -> tuple[str, ...]:
    return (message.string,) if isinstance(message.string, str) else tuple(message.string)


def _translated(message) -> bool:
    strings = [message.string] if isinstance(message.string, str) else list(message.string)
    return bool(strings) and all(strings) and "fuzzy" not in message.flags


def _marked_in_sources() -> dict[str, str]:
    """Return every message the sources mark, with a file it is in."""
    found: dict[str, str] = {}
    keywords = {**DEFAULT_KEYWORDS, "N_": None}
    for filename, _line, message, _comments, _context in extract_from_dir(
        str(ROOT), METHODS, keywords=keywords
    ):
        found.setdefault(_key(message), filename)
    return found


@pytest.fixture(scope="module")
def welsh():
    with WELSH_PO.open("rb") as handle:
        return read_po(handle, locale="cy")


def test_every_marked_message_has_welsh(welsh):
    missing = [
        f"{where}: {message!r}"
        for message, where in sorted(_marked_in_sources().items())
        if message not in welsh or not _translated(welsh[message])
    ]
    assert not missing, "Run scripts/translations and translate:\n" + "\n".join(missing)


def test_the_compiled_catalogue_says_what_the_po_file_says(welsh):
    with WELSH_MO.open("rb") as handle:
        compiled = read_mo(handle)
    expected = {_key(m.id): _strings(m) for m in welsh if m.id and _translated(m)}
    actual = {_key(m.id): _strings(m) for m in compiled if m.id}
    assert actual == expected, "The .mo is stale: run scripts/translations compile"


def test_placeholders_are_kept_in_welsh(welsh):
    import re

    placeholder = re.compile(r"%\((\w+)\)s")
    wrong = []
    for message in welsh:
        if not message.id or not _translated(message):
            continue
        english = " ".join([message.id] if isinstance(message.id, str) else message.id)
        strings = [message.string] if isinstance(message.string, str) else message.string
        said = set(placeholder.findall(english))
        for text in strings:
            # Welsh may leave the number out of a plural form ("un lle"), nothing else.
            if (set(placeholder.findall(text)) ^ said) - {"num"}:
                wrong.append(message.id)
    assert not wrong, wrong
