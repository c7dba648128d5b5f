"""Reading direction by the Unicode bidi algorithm (UAX #9), through python-bidi.

A line of an Urdu paragraph holds Urdu words (right to left), numbers and
English words (left to right) and punctuation between them. The algorithm
gives every character an embedding level, odd for right to left; runs of
characters are shaped on their own (HarfBuzz) and then put in visual order
by the levels (rule L2). python-bidi's public ``get_display`` returns only the
reordered string, which loses which character came from where, so its
documented stages are run here up to the resolved levels.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

ISOLATE_OPENERS = {"\u2066": False, "\u2067": True, "\u2068": None}
"""LRI, RLI and FSI, and the direction each gives its content (FSI: its first letter's)."""
PDI = "\u2069"
OBJECT = "\ufffc"
"""A neutral (bidi class ON): what an isolate is to the text around it."""


def embedding_levels(text: str, *, rtl: bool, base: int | None = None) -> list[int]:
    """The resolved embedding level of each character of ``text``.

    An isolate (LRI, RLI or FSI up to its PDI; an Urdu phrase in English text)
    is one neutral to the text around it, so a number or bracket after the
    phrase goes with the English, and its content is resolved on its own.
    python-bidi's stages know embeddings but not isolates: they are done here.

    Args:
        text: A paragraph or line, in logical (typed) order.
        rtl: The paragraph's direction: right to left (level 1) or left to right (0).
        base: The level the text stands at, if above 0 or 1 (an isolate's content).
    """
    level = base if base is not None else 1 if rtl else 0
    isolates = _isolates(text)
    outer = list(text.replace(PDI, OBJECT))  # a PDI closing nothing is a neutral
    for start, end, _ in isolates:
        outer[start:end] = OBJECT * (end - start)
    levels = _resolved("".join(outer), level)
    for start, end, direction in isolates:
        content = text[start + 1:end - 1 if text[end - 1] == PDI else end]
        inner_rtl = _first_strong_rtl(content) if direction is None else direction
        inner = level + (1 if (level % 2 == 0) == bool(inner_rtl) else 2)
        levels[start] = levels[end - 1] = level
        levels[start + 1:start + 1 + len(content)] = embedding_levels(
            content, rtl=bool(inner_rtl), base=inner)
    return levels


def _isolates(text: str) -> list[tuple[int, int, bool | None]]:
    """The outermost isolates of ``text``: start, end (past the PDI, or the text's end) and
    the direction their opener gives.
    """
    found: list[tuple[int, int, bool | None]] = []
    depth, start, direction = 0, 0, None
    for index, char in enumerate(text):
        if char in ISOLATE_OPENERS:
            if not depth:
                start, direction = index, ISOLATE_OPENERS[char]
            depth += 1
        elif char == PDI and depth:
            depth -= 1
            if not depth:
                found.append((start, index + 1, direction))
    if depth:
        found.append((start, len(text), direction))
    return found


def _first_strong_rtl(text: str) -> bool:
    """Whether the first strong letter of ``text`` is right to left (rule P2, for FSI)."""
    from unicodedata import bidirectional

    for char in text:
        kind = bidirectional(char)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


BRACKETS = {"(": ")", "[": "]", "{": "}"}
"""Paired brackets (Unicode's Bidi_Paired_Bracket, the ones answers use)."""


def _strong(kind: str) -> str | None:
    """A character's direction for bracket pairing: numbers count as right to left."""
    return "L" if kind == "L" else "R" if kind in ("R", "AL", "EN", "AN") else None


def _pair_brackets(chars: list[dict[str, Any]], level: int) -> None:
    """Rule N0 of the bidi algorithm, which python-bidi's stages predate.

    A pair of brackets takes the direction of what it holds, when that is
    the embedding's; else the direction before it, when what it holds goes
    that way too. So "(Objectives Resolution)" in an Urdu sentence keeps its
    brackets about it, and a number after it stands where it is read.
    """
    closing = set(BRACKETS.values())
    open_at: list[tuple[str, int]] = []
    pairs: list[tuple[int, int]] = []
    for index, char in enumerate(chars):
        if char["ch"] in BRACKETS and char["type"] == "ON":
            open_at.append((BRACKETS[char["ch"]], index))
        elif char["ch"] in closing and char["type"] == "ON":
            for depth in range(len(open_at) - 1, -1, -1):
                if open_at[depth][0] == char["ch"]:
                    pairs.append((open_at[depth][1], index))
                    del open_at[depth:]
                    break
    for start, end in sorted(pairs):
        embedding = "R" if chars[start]["level"] % 2 else "L"
        inside = {_strong(c["type"]) for c in chars[start + 1:end]} - {None}
        if not inside:
            continue
        direction = embedding
        if embedding not in inside:  # only the other direction inside: the context decides
            before = next((d for c in reversed(chars[:start])
                           if (d := _strong(c["type"])) is not None),
                          "R" if level % 2 else "L")
            direction = before
        chars[start]["type"] = chars[end]["type"] = direction


def _resolved(text: str, level: int) -> list[int]:
    """The levels python-bidi's stages give ``text`` (no isolates in it) at ``level``."""
    from bidi.algorithm import (
        explicit_embed_and_overrides,
        get_embedding_levels,
        get_empty_storage,
        resolve_implicit_levels,
        resolve_neutral_types,
        resolve_weak_types,
    )

    storage = get_empty_storage()
    storage["base_level"], storage["base_dir"] = level, "R" if level % 2 else "L"
    get_embedding_levels(text, storage)
    for index, char in enumerate(storage["chars"]):
        char["index"] = index  # stage X9 drops joiners (ZWNJ, ZWJ): keep the way back
    explicit_embed_and_overrides(storage)
    resolve_weak_types(storage)
    _pair_brackets(storage["chars"], level)
    resolve_neutral_types(storage, False)
    resolve_implicit_levels(storage, False)
    levels: list[int | None] = [None] * len(text)
    for char in storage["chars"]:
        levels[char["index"]] = char["level"]
    resolved: list[int] = []
    for found in levels:  # a dropped joiner takes the level of the character before it
        resolved.append(found if found is not None else resolved[-1] if resolved else level)
    # Rule L1: spaces at the end go back to the base level.
    end = len(text)
    while end and text[end - 1].isspace():
        end -= 1
        resolved[end] = level
    return resolved


def visual_order(levels: Sequence[int]) -> list[int]:
    """Indexes of runs (or characters) at ``levels``, in the order they appear left to right.

    Rule L2: from the highest level down to the lowest odd one, every sequence
    at that level or higher is reversed.
    """
    order = list(range(len(levels)))
    odd = [level for level in levels if level % 2]
    if not odd:
        return order
    for level in range(max(levels), min(odd) - 1, -1):
        start = 0
        while start < len(order):
            if levels[order[start]] < level:
                start += 1
                continue
            end = start
            while end < len(order) and levels[order[end]] >= level:
                end += 1
            order[start:end] = reversed(order[start:end])
            start = end
    return order
