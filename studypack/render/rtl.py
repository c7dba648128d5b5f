"""Right-to-left lines: a paragraph of Urdu or Arabic broken into lines, each shaped and ordered.

The paragraph is broken in reading order, on the shaped widths of its words.
Each line is then cut into runs of one face and one direction: Urdu or
Arabic letters in the script's face (Nastaliq for Urdu, Naskh for Arabic),
English words in the text face, and every character neither has in the
first fallback face that has it. Spaces, brackets and digits take the face
of the letters around them. The bidi algorithm gives each run its direction
and the order runs stand in from left to right; HarfBuzz shapes each run.
"""

from __future__ import annotations

import re
import unicodedata
import warnings
from dataclasses import dataclass
from pathlib import Path

from ..content.inline import ARABIC_CHARS
from ..errors import MissingGlyphWarning
from .direction import embedding_levels, visual_order
from .shaping import ShapedRun, shape

ARABIC_SCRIPT = re.compile(f"[{ARABIC_CHARS}]")
URDU_LETTERS = re.compile("[\u0679\u067e\u0686\u0688\u0691\u0698\u06a9\u06af\u06ba\u06be"
                          "\u06c1-\u06c3\u06cc\u06d2\u06d3\u06d4]")
"""Letters Urdu has and Arabic does not (ٹ پ چ ڈ ڑ ژ ک گ ں ہ ۃ ی ے ۓ ۔, and do-chashmi
he): Arabic writes ك and ي where Urdu writes ک and ی, so text holding one of these is Urdu
(or Persian, which Nastaliq suits as well)."""


KEPT_WITH_WORD_BEFORE = "\u06dd\u06de\u06e9"
"""Marks that close what comes before them (the end-of-ayah sign ۝ with its number, the
rub al-hizb ۞, the place of prostration ۩): a line never starts with one."""


def is_urdu(text: str) -> bool:
    """Whether Arabic-script ``text`` reads as Urdu (set in Nastaliq) rather than Arabic."""
    return bool(URDU_LETTERS.search(text))


@dataclass(frozen=True)
class Face:
    """A font as one paragraph uses it.

    Attributes:
        name: ReportLab's name for it.
        path: Its TrueType file (HarfBuzz reads it).
        coverage: The characters its cmap maps.
        size: Font size in points.
    """

    name: str
    path: Path
    coverage: frozenset[int]
    size: float


@dataclass(frozen=True)
class Faces:
    """The faces of one right-to-left paragraph.

    Attributes:
        script: Nastaliq (Urdu) or Naskh (Arabic), for the Arabic-script letters.
        text: The body face, for English words.
        fallbacks: Tried in order for characters neither has.
        language: "ur" or "ar": HarfBuzz's letter forms follow it.
        source: The answer file, named in a warning of a character no face has.
    """

    script: Face
    text: Face
    fallbacks: tuple[Face, ...]
    language: str
    source: str = ""


@dataclass(frozen=True)
class PlacedRun:
    """One shaped run of a line, the face it is drawn in, and where it starts in the line's text."""

    face: Face
    shaped: ShapedRun
    start: int


@dataclass(frozen=True)
class SetLine:
    """One line, ready to draw.

    Attributes:
        text: The line as typed (logical order): what a reader copies out.
        runs: Left to right.
        width: Natural width in points.
        top, bottom: Ink above and below the baseline (bottom < 0).
        overhang: Ink past the line's right end (a Nastaliq swash), in points: the line
            is set that much further left, so that its ink keeps to the measure.
    """

    text: str
    runs: tuple[PlacedRun, ...]
    width: float
    top: float
    bottom: float
    overhang: float = 0.0


def _strong_face(char: str, faces: Faces) -> Face | None:
    if ARABIC_SCRIPT.match(char):
        return faces.script
    if char.isalpha():
        return faces.text
    return None


def _faces_by_char(text: str, faces: Faces) -> list[Face]:
    """The face each character is set in (before falling back for a missing glyph)."""
    strong = [_strong_face(char, faces) for char in text]
    chosen: list[Face] = []
    before: Face | None = None
    for index, own in enumerate(strong):
        if own is None:  # neutral or digit: the face of the letters around it
            after = next((f for f in strong[index + 1:] if f is not None), None)
            chosen.append(before or after or faces.script)
        else:
            before = own
            chosen.append(own)
    return chosen


def _with_glyph(char: str, face: Face, faces: Faces) -> Face:
    code = ord(char)
    if code in face.coverage or char.isspace():
        return face
    for other in (faces.script, faces.text, *faces.fallbacks):
        if code in other.coverage:
            return other
    if unicodedata.category(char) not in ("Cf", "Mn"):  # a joiner or mark draws nothing
        warnings.warn(MissingGlyphWarning(char, faces.source), stacklevel=2)
    return face


def itemize(text: str, faces: Faces) -> list[tuple[str, Face, int]]:
    """Cut one line into runs of one face and one bidi level, in logical order."""
    levels = embedding_levels(text, rtl=True)
    chosen = [_with_glyph(char, face, faces)
              for char, face in zip(text, _faces_by_char(text, faces), strict=True)]
    runs: list[tuple[str, Face, int]] = []
    start = 0
    for index in range(1, len(text) + 1):
        if index == len(text) or (chosen[index], levels[index]) != (chosen[start], levels[start]):
            runs.append((text[start:index], chosen[start], levels[start]))
            start = index
    return runs


def set_line(text: str, faces: Faces) -> SetLine:
    """Shape one line and put its runs in visual order."""
    runs = itemize(text, faces)
    starts = [0]
    for part, _, _ in runs:
        starts.append(starts[-1] + len(part))
    placed = [PlacedRun(face, shape(part, face.path, face.size, rtl=level % 2 == 1,
                                    language=faces.language if face is faces.script else ""),
                        start)
              for (part, face, level), start in zip(runs, starts, strict=False)]
    ordered = tuple(placed[i] for i in visual_order([level for _, _, level in runs]))
    reach = start = 0.0
    for run in ordered:
        reach = max(reach, start + run.shaped.right)
        start += run.shaped.width
    width = start
    return SetLine(text, ordered, width,
                   max((r.shaped.top for r in ordered), default=0.0),
                   min((r.shaped.bottom for r in ordered), default=0.0),
                   max(0.0, reach - width))


def break_lines(text: str, faces: Faces, width: float) -> list[SetLine]:
    """``text`` broken between words into lines no wider than ``width``, each set.

    A word wider than ``width`` (an address, a run typed without spaces) is
    broken between letters, as the English text's long words are, rather than
    run past the margin.
    """
    words: list[str] = []
    for word in text.split():
        if words and word[0] in KEPT_WITH_WORD_BEFORE:  # "أَحَدٌ ۝٤" never parts
            words[-1] += " " + word
        elif set_line(word, faces).width > width:
            words += _pieces(word, faces, width)
        else:
            words.append(word)
    space = shape(" ", faces.script.path, faces.script.size, rtl=True).width
    lines: list[list[str]] = []
    used = 0.0
    for word in words:
        measured = set_line(word, faces)
        if lines and used + space + measured.width <= width:
            lines[-1].append(word)
            used += space + measured.width
        else:
            # A line's first word stands on its right, and its swash with it: room kept.
            lines.append([word])
            used = measured.width + measured.overhang
    return [set_line(" ".join(line), faces) for line in lines]


def _pieces(word: str, faces: Faces, width: float) -> list[str]:
    """``word`` cut between letters (never before a vowel mark) into pieces that fit."""
    pieces: list[str] = []
    rest = word
    while rest:
        # A first guess by the share of the width, then letter by letter to what fits.
        end = max(1, min(len(rest), int(len(rest) * width / set_line(rest, faces).width)))
        while end < len(rest) and set_line(rest[:end + 1], faces).width <= width:
            end += 1
        while end > 1 and set_line(rest[:end], faces).width > width:
            end -= 1
        while 1 < end < len(rest) and unicodedata.combining(rest[end]):
            end -= 1  # a mark stays with its letter
        pieces.append(rest[:end])
        rest = rest[end:]
    return pieces
