"""What an answer file still leaves to write: an import's placeholders and empty fields.

Input: a file's text. Output: one ``Diagnostic`` per gap, with its line, so
``check`` and every build name the place to write. Read from the text rather
than from the parsed record, so a record kept by the content cache is
reported the same way.
"""

from __future__ import annotations

import re

from ..errors import Diagnostic
from .derive import IMPORT_PLACEHOLDER, INCOMPLETE

PLACEHOLDER_MARK = IMPORT_PLACEHOLDER.split("{", 1)[0]
"""The start every import placeholder shares ("[Not in the source: ")."""

IDENTITY = ("paper", "year", "number", "question")
"""Fields of an answer that may be left empty in a draft (``year: null``)."""

_EMPTY = re.compile(rf"^({'|'.join(IDENTITY)}):\s*(?:null|~)?\s*(?:#.*)?$")
_NO_POINTS = re.compile(r"^points:\s*\[\s*\]\s*(?:#.*)?$")
_KEY = re.compile(r"^(\s*)(?:-\s+)?([a-z_]+):")
_INCOMPLETE = re.compile(rf"^\s*-\s*['\"]?{INCOMPLETE}\s*:")


def _field_at(lines: list[str], index: int) -> str:
    """The field a line belongs to: the nearest ``key:`` on or above it, with its parent."""
    names: list[tuple[int, str]] = []
    for line in lines[: index + 1]:
        match = _KEY.match(line)
        if match:
            indent = len(match.group(1))
            names = [(i, n) for i, n in names if i < indent] + [(indent, match.group(2))]
    return ".".join(n for _, n in names)


def gaps(text: str, shown_path: str) -> list[Diagnostic]:
    """Every placeholder, empty identity field, empty point list and ``incomplete`` mark.

    Args:
        text: The answer file's text.
        shown_path: The path as messages show it.

    Returns:
        Diagnostics in line order; their messages say what to write.
    """
    lines = text.splitlines()
    found: list[Diagnostic] = []
    for n, line in enumerate(lines):
        col = len(line) - len(line.lstrip()) + 1
        empty = _EMPTY.match(line)
        if empty:
            found.append(Diagnostic(shown_path, n + 1, col, empty.group(1),
                                    f"not in the source; write the {empty.group(1)} (the "
                                    "answer is left out of booklets and packs until then)"))
        elif _NO_POINTS.match(line):
            found.append(Diagnostic(shown_path, n + 1, col, "points",
                                    "no key points yet; write at least one (the answer is "
                                    "left out of booklets and packs until then)"))
        elif PLACEHOLDER_MARK in line:
            found.append(Diagnostic(shown_path, n + 1, line.index(PLACEHOLDER_MARK) + 1,
                                    _field_at(lines, n), "is still the import's placeholder; "
                                    "write it before printing"))
        elif _INCOMPLETE.match(line) and _field_at(lines, n) == "derived":
            found.append(Diagnostic(shown_path, n + 1, col, "derived",
                                    "the import marked this answer incomplete (its source "
                                    "stopped mid-answer); check its end, then remove this line"))
    return found
