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

ISOLATES_AS_EMBEDDINGS = {0x2066: 0x202A, 0x2067: 0x202B, 0x2068: 0x202B, 0x2069: 0x202C}
"""Isolates (LRI, RLI, FSI, PDI, Unicode 6.3) as the embeddings python-bidi's stages know
(LRE, RLE, PDF; FSI taken as right to left): near enough for a line of an answer, where
the stages raise on an isolate."""


def embedding_levels(text: str, *, rtl: bool) -> list[int]:
    """The resolved embedding level of each character of one line of ``text``.

    Args:
        text: One line, in logical (typed) order.
        rtl: The paragraph's direction: right to left (level 1) or left to right (0).
    """
    from bidi.algorithm import (
        explicit_embed_and_overrides,
        get_embedding_levels,
        get_empty_storage,
        resolve_implicit_levels,
        resolve_neutral_types,
        resolve_weak_types,
    )

    base = 1 if rtl else 0
    text = text.translate(ISOLATES_AS_EMBEDDINGS)
    storage = get_empty_storage()
    storage["base_level"], storage["base_dir"] = base, "R" if rtl else "L"
    get_embedding_levels(text, storage)
    for index, char in enumerate(storage["chars"]):
        char["index"] = index  # stage X9 drops joiners (ZWNJ, ZWJ): keep the way back
    explicit_embed_and_overrides(storage)
    resolve_weak_types(storage)
    resolve_neutral_types(storage, False)
    resolve_implicit_levels(storage, False)
    levels: list[int | None] = [None] * len(text)
    for char in storage["chars"]:
        levels[char["index"]] = char["level"]
    resolved: list[int] = []
    for level in levels:  # a dropped joiner takes the level of the character before it
        resolved.append(level if level is not None else resolved[-1] if resolved else base)
    # Rule L1: spaces at the end of the line go back to the paragraph's level.
    end = len(text)
    while end and text[end - 1].isspace():
        end -= 1
        resolved[end] = base
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
