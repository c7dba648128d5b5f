"""One answer sent as several posts: the header each post repeats with its place.

Input: a header line, or a page's blocks after junk is dropped. Output: the header
without its place in the series ("… Q.No.6 (Part 1/2)" → "… Q.No.6"), and the blocks
without the later posts' repeated headers, so the parts read as one answer.
"""

from __future__ import annotations

import re

from .blocks import Block, plain
from .junk import SERIES_PLACE

_PLACE = re.compile(rf"\s*(?:[(\[]\s*|[|·•—–-]\s*){SERIES_PLACE}\s*[)\]]?\W*$", re.IGNORECASE)
"""A post's place in its series closing its header: "(Part 1/2)", "[Part 2 of 3]",
"| Part 2/2"; bracketed or set after a separator, so a question's own words are not cut."""


def without_place(line: str) -> str:
    """``line`` without the place in a series that closes it: the header names the
    question the same in every post, and the place is the channel's, not the paper's.
    """
    return _PLACE.sub("", line) if _place(line) else line


def _place(line: str) -> tuple[str, int] | None:
    """``(header, part)`` for a header closed by its place in a series, else None."""
    found = _PLACE.search(line)
    header = line[:found.start()].strip() if found else ""
    if found is None or int(found.group(1)) > int(found.group(2)) or not header:
        return None
    return header.casefold(), int(found.group(1))


def joined_posts(blocks: list[Block]) -> list[Block]:
    """The blocks without the header a later part repeats ("… Q.No.6 (Part 2/2)" after
    "… Q.No.6 (Part 1/2)"): the next post continues the answer, and its header read as a
    question line would cut the answer in two and take the first heading for a question.
    """
    seen: set[str] = set()
    kept: list[Block] = []
    for block in blocks:
        place = _place(plain(block.text))
        if place is not None and place[1] > 1 and place[0] in seen:
            continue
        if place is not None:
            seen.add(place[0])
        kept.append(block)
    return kept
