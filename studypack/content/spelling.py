"""One spelling for the names people match by eye: ids, exams, papers, parts, topics, tags.

Input: a name as typed (often pasted from a web page or a PDF). Output: the
same name in NFC, without invisible characters, with its spaces plain and
single. A zero-width space or a byte-order mark inside "Foreign Policy"
makes a second topic that looks the same in ``list`` and in the contents;
an id with one cannot be typed back. Zero-width (non-)joiners between two
Arabic-script letters are kept: Urdu and Persian spell words with them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import Any

INVISIBLE = ("\u00ad\u034f\u061c\u115f\u1160\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064"
             "\u2066-\u206f\u3164\ufeff\uffa0")
"""Characters that print as nothing (soft hyphen, zero-width space, joiners, direction
marks, word joiner, invisible operators, byte-order mark, Hangul fillers)."""
_INVISIBLE = re.compile(f"[{INVISIBLE}]")
_JOINERS = "\u200c\u200d"
_ARABIC_LETTER = re.compile(r"[\u0620-\u064a\u066e-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06fc"
                            r"\u06ff\u0750-\u077f\u08a0-\u08c9\ufb50-\ufdff\ufe70-\ufefc]")

NAME_FIELDS = ("id", "exam", "paper", "part", "topics", "tags")
"""Fields of a content file whose values are names."""


def joins_arabic(text: str, at: int) -> bool:
    """Whether ``text[at]`` is a (non-)joiner between two Arabic-script letters."""
    return (text[at] in _JOINERS and 0 < at < len(text) - 1
            and bool(_ARABIC_LETTER.match(text[at - 1]))
            and bool(_ARABIC_LETTER.match(text[at + 1])))


def _drop(match: re.Match[str]) -> str:
    return match.group() if joins_arabic(match.string, match.start()) else ""


def clean_name(value: str) -> str:
    """``value`` in NFC, invisible characters removed (not Arabic joins), spaces single."""
    text = _INVISIBLE.sub(_drop, unicodedata.normalize("NFC", value))
    return " ".join(text.split())


def clean_if_text(value: object) -> object:
    """``clean_name`` for text; anything else as it is (the schema reports it)."""
    return clean_name(value) if isinstance(value, str) else value


def shown(text: str) -> str:
    r"""``text`` with invisible and space-like characters written as ``\u200b`` escapes."""
    return "".join(char if char == " " or (char.isprintable() and not _INVISIBLE.match(char))
                   else f"\\u{ord(char):04x}" for char in text)


def may_respell(text: str) -> bool:
    """Whether a name in a file's ``text`` may be respelled (see ``respelled``): a quick
    test, so that only such files are looked at closely.
    """
    return bool(_INVISIBLE.search(text)) or not unicodedata.is_normalized("NFC", text)


def respelled(data: Any) -> Iterator[tuple[tuple[str | int, ...], str, str]]:
    """``(field path, as written, as read)`` of each name in ``data`` that cleaning changes
    beyond its spaces (a no-break or doubled space is made plain without a word).
    """
    if not isinstance(data, dict):
        return
    for field in NAME_FIELDS:
        value = data.get(field)
        items = [((field,), value)] if not isinstance(value, list) else [
            ((field, index), item) for index, item in enumerate(value)]
        for path, item in items:
            if isinstance(item, str) and clean_name(item) != " ".join(item.split()):
                yield path, item.strip(), clean_name(item)
