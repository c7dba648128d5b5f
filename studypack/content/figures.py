"""Figures: an image on a line of its own in an answer's running text, found and checked.

``![The Indus basin](maps/indus-basin.png)`` alone on a line of an introduction,
a point's body, a section or a conclusion prints as a numbered, captioned
figure. The file is named relative to the answer file and must lie beside it
or in a folder below it; it goes through the same checked loader as a logo
(PNG, JPEG or SVG, size limits, no links out of an SVG). Each problem is
reported with file:line:col and the field. The file's digest goes into the
answer's record, so a redrawn figure lays its answer out again.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import Any

import yaml

from ..errors import Diagnostic, rel
from ..model import Figure
from .images import ImageProblem, load_image
from .yamlpos import PathKey, dotted, load_located

FIGURE_LINE = re.compile(r"!\[([^\]\n]*)\]\(\s*([^()\s]+)\s*\)")
"""A line that is one image and nothing else: its caption and its file."""
FIGURE_FIELDS = ("introduction", "body", "conclusion")
"""The running-text fields a figure may stand in (a point's or section's body included)."""


def figure_allowed(path: PathKey) -> bool:
    """Whether a figure may stand in the field at ``path``."""
    return bool(path) and path[-1] in FIGURE_FIELDS


def figures_of(text: str, shown: str, folder: Path) -> tuple[tuple[Figure, ...], list[Diagnostic]]:
    """The figures of an answer file's text, checked, or the problems with them.

    Args:
        text: The file's YAML text.
        shown: The file's path as messages show it.
        folder: The folder the file is in (figures are named from there).
    """
    if "![" not in text:
        return (), []
    try:
        located = load_located(text)
    except yaml.YAMLError:
        return (), []  # reported by the file's validation
    lines = text.split("\n")
    figures: list[Figure] = []
    problems: list[Diagnostic] = []
    for path, value in strings_of(located.data):
        if not figure_allowed(path):
            continue
        cursor, _ = located.where(path)
        for line in value.split("\n"):
            match = FIGURE_LINE.fullmatch(line.strip())
            if not match:
                continue
            row, col = find_line(lines, line.strip(), cursor)
            cursor = row + 1
            src = match.group(2)
            problem = _unsafe(src)
            if problem is None and not (folder / src).exists():
                problem = (f"there is no {rel(folder / src)}; name the image by its path "
                           "from the answer file's folder, e.g. figures/map.png")
            if problem is None:
                try:
                    image = load_image(folder / src)
                except ImageProblem as exc:
                    problem = f"{exc}"
                else:
                    figures.append(Figure(src, str((folder / src).resolve()),
                                          hashlib.sha256(image.data).hexdigest()))
            if problem:
                problems.append(Diagnostic(shown, row, col, dotted(path), f"figure: {problem}"))
    return tuple(dict.fromkeys(figures)), problems


def _unsafe(src: str) -> str | None:
    """Why a figure's path cannot be used, or None."""
    if re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", src):
        return (f"'{src}' is an address; save the image beside the answer file and name "
                "it, e.g. figures/map.png")
    parts = PurePosixPath(src.replace("\\", "/"))
    if parts.is_absolute() or ".." in parts.parts:
        return (f"'{src}' points outside the answer's folder; put the image beside the "
                "answer file or in a folder below it, e.g. figures/map.png")
    return None


def strings_of(data: Any, path: PathKey = ()) -> Iterator[tuple[PathKey, str]]:
    """Every text value in YAML data, with its field path."""
    if isinstance(data, str):
        yield path, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from strings_of(value, (*path, str(key)))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from strings_of(value, (*path, index))


def find_line(file_lines: list[str], stripped: str, start: int) -> tuple[int, int]:
    """(line, col) of the first file line from ``start`` that is ``stripped``, indented
    (else the first that holds it), 1-based.
    """
    holding = None
    for number in range(max(start, 1), len(file_lines) + 1):
        line = file_lines[number - 1]
        if line.strip() == stripped:
            return number, line.index(stripped) + 1
        if holding is None and stripped in line:
            holding = number, line.index(stripped) + 1
    return holding or (start, 1)
