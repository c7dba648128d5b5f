"""The longest paragraph studypack lays out, and finding the ones beyond it.

Input: data loaded from one YAML file. Output: where its over-long
paragraphs are. ReportLab wraps a paragraph whole each time it is split at
a page's foot, so a paragraph running over many pages costs the square of
its length: a 2 MB one took minutes. Paragraphs up to the limit cost
milliseconds; no answer needs a longer one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from .yamlpos import PathKey

MAX_PARAGRAPH_CHARS = 20_000
"""Longest paragraph (or list item) laid out: about 3,000 words, four A4 pages at body size."""

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n|\n(?=[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t])")
"""A blank line, or a line starting a list item: where the renderer starts a new paragraph."""


def long_paragraphs(data: Any, limit: int = MAX_PARAGRAPH_CHARS
                    ) -> Iterator[tuple[PathKey, int, int]]:
    """``(field path, paragraph number, length)`` of each paragraph longer than ``limit``.

    Args:
        data: Loaded YAML (dicts, lists, scalars), without aliases.
        limit: Characters a paragraph may have.

    Returns:
        An iterator, in no particular order; paragraphs are numbered from 1
        within their field.
    """
    stack: list[tuple[PathKey, Any]] = [((), data)]
    while stack:  # a loop, not recursion: YAML nests up to 1,000 deep
        path, value = stack.pop()
        if isinstance(value, str) and len(value) > limit:
            for number, paragraph in enumerate(_PARAGRAPH_BREAK.split(value), 1):
                if len(paragraph.strip()) > limit:
                    yield path, number, len(paragraph.strip())
        elif isinstance(value, dict):
            stack.extend(((*path, str(key)), item) for key, item in value.items())
        elif isinstance(value, list):
            stack.extend(((*path, index), item) for index, item in enumerate(value))


def too_long_message(number: int, length: int, limit: int = MAX_PARAGRAPH_CHARS) -> str:
    """What to tell the writer of paragraph ``number`` of a field, ``length`` characters long."""
    return (f"paragraph {number} is {length:,} characters long; studypack lays out paragraphs "
            f"of up to {limit:,} characters (about four pages): split it into shorter "
            "paragraphs with blank lines between them")
