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
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from itertools import pairwise
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


TO_URDU_DIGITS = str.maketrans("0123456789\u0660\u0661\u0662\u0663\u0664\u0665\u0666"
                               "\u0667\u0668\u0669", "\u06f0\u06f1\u06f2\u06f3\u06f4"
                               "\u06f5\u06f6\u06f7\u06f8\u06f9" * 2)
TO_WESTERN_DIGITS = str.maketrans("\u06f0\u06f1\u06f2\u06f3\u06f4\u06f5\u06f6\u06f7\u06f8"
                                  "\u06f9\u0660\u0661\u0662\u0663\u0664\u0665\u0666"
                                  "\u0667\u0668\u0669", "0123456789" * 2)


def with_digits(text: str, digits: str) -> str:
    """``text`` with its digits as the layout wants Urdu's: "urdu" (۱۹۷۳), "western" (1973),
    or "as-typed".
    """
    if digits == "urdu":
        return text.translate(TO_URDU_DIGITS)
    if digits == "western":
        return text.translate(TO_WESTERN_DIGITS)
    return text


URDU_DIGITS = re.compile("[\u06f0-\u06f9]")
"""Digits Urdu (and Persian) writes; Arabic writes U+0660 to U+0669."""


ARABIC_ONLY = re.compile("[\u0629\u0643\u0649\u064a\u064c-\u064f\u0651\u0652\u0660-\u0669"
                         "\u0671\u06d6-\u06ed]")
"""Signs Arabic writes and Urdu does not: ة ك ى ي; the vowel marks, shadda and sukun of a
vowelled text (Urdu writes at most the kasra of an izafat, and rarely); Arabic's own digits,
alef wasla and the Qur'an's marks."""


def is_urdu_among(text: str, urdu_near: bool) -> bool:
    """Whether ``text`` is Urdu, where Urdu is written around it (``urdu_near``: an Urdu answer,
    or an Urdu phrase in the same paragraph): then a phrase with no letter only Urdu has
    ("قرارداد مقاصد") is Urdu too, unless it has a sign only Arabic writes.
    """
    return is_urdu(text) or (urdu_near and not ARABIC_ONLY.search(text))


def is_urdu(text: str) -> bool:
    """Whether Arabic-script ``text`` reads as Urdu (set in Nastaliq) rather than Arabic.

    A number alone in Urdu's digits (a key point's number in an Urdu answer)
    is Urdu: its 4, 6 and 7 have shapes of their own in Urdu.
    """
    if URDU_LETTERS.search(text):
        return True
    return bool(URDU_DIGITS.search(text)) and not any(c.isalpha() for c in text)


@dataclass(frozen=True)
class Face:
    """A font as one paragraph uses it.

    Attributes:
        name: ReportLab's name for it.
        path: Its TrueType file (HarfBuzz reads it).
        coverage: The characters its cmap maps.
        size: Font size in points.
        language: The BCP 47 tag its runs are shaped with ("ur", "ar"): HarfBuzz's
            letter forms follow it. Empty for the text and fallback faces.
    """

    name: str
    path: Path
    coverage: frozenset[int]
    size: float
    language: str = ""


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
        overhang: Ink past the line's right end (a Nastaliq swash), in points: a
            right-to-left line is set that much further left, so that its ink keeps
            to the measure.
        start: Where its text starts in the paragraph's.
        hyphenated: It ends in a hyphen its paragraph's text does not have (``text`` does).
        room: The width the line breaker counted for it (its words and spaces measured one
            by one, a swash's room included): a measure this wide keeps the line whole.
    """

    text: str
    runs: tuple[PlacedRun, ...]
    width: float
    top: float
    bottom: float
    overhang: float = 0.0
    start: int = 0
    hyphenated: bool = False
    room: float = 0.0


def _strong_face(char: str, faces: Faces) -> Face | None:
    if ARABIC_SCRIPT.match(char):
        return faces.script
    if char.isalpha():
        return faces.text
    return None


def faces_by_char(text: str, faces: Faces) -> tuple[Face, ...]:
    """The face each character of a plain paragraph is set in.

    Arabic-script letters take the script face, other letters the text face;
    spaces, digits and signs the face of the letters around them; a character
    its face lacks, the first face that has it.
    """
    strong = [_strong_face(char, faces) for char in text]
    after: list[Face | None] = []  # the next letter's face, from each character on
    following: Face | None = None
    for own in reversed(strong):
        following = own or following
        after.append(following)
    after.reverse()
    chosen: list[Face] = []
    before: Face | None = None
    for own, next_face in zip(strong, after, strict=True):
        before = own or before
        chosen.append(before or next_face or faces.script)
    return with_glyphs(text, chosen, faces)


def with_glyphs(text: str, chosen: Sequence[Face], faces: Faces) -> tuple[Face, ...]:
    """``chosen`` with each face that lacks its character replaced by the first that has it."""
    return tuple(_with_glyph(char, face, faces) for char, face in zip(text, chosen, strict=True))


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


def itemize(text: str, chosen: Sequence[Face], levels: Sequence[int]
            ) -> list[tuple[str, Face, int]]:
    """Cut one line into runs of one face and one bidi level, in logical order."""
    runs: list[tuple[str, Face, int]] = []
    start = 0
    for index in range(1, len(text) + 1):
        if index == len(text) or (chosen[index], levels[index]) != (chosen[start], levels[start]):
            runs.append((text[start:index], chosen[start], levels[start]))
            start = index
    return runs


def set_line(text: str, faces: Faces, chosen: Sequence[Face] | None = None, *,
             rtl: bool = True, levels: Sequence[int] | None = None) -> SetLine:
    """Shape one line and put its runs in visual order.

    ``chosen`` is the face of each character (``faces_by_char`` when not
    given); ``levels`` its bidi level, resolved in the paragraph (the line's
    own when not given); ``rtl`` the paragraph's direction: right to left for
    Urdu or Arabic, left to right for English with an Urdu phrase in it.
    """
    runs = itemize(text, faces_by_char(text, faces) if chosen is None else chosen,
                   embedding_levels(text, rtl=rtl) if levels is None else levels)
    starts = [0]
    for part, _, _ in runs:
        starts.append(starts[-1] + len(part))
    placed = [PlacedRun(face, shape(part, face.path, face.size, rtl=level % 2 == 1,
                                    language=face.language), start)
              for (part, face, level), start in zip(runs, starts, strict=False)]
    ordered = _spaced([placed[i] for i in visual_order([level for _, _, level in runs])])
    reach = start = 0.0
    for run in ordered:
        reach = max(reach, start + run.shaped.right)
        start += run.shaped.width
    width = start
    return SetLine(text, ordered, width,
                   max((r.shaped.top for r in ordered), default=0.0),
                   min((r.shaped.bottom for r in ordered), default=0.0),
                   max(0.0, reach - width))


def _spaced(ordered: list[PlacedRun]) -> tuple[PlacedRun, ...]:
    """Runs in visual order, with an English word space kept between an Urdu word and an
    English one side by side: Nastaliq's own space is narrow, and a letter's tail (ر, ے)
    reaches into it, so "Amendment اور" would otherwise touch.
    """
    runs = list(ordered)
    inked = [n for n, run in enumerate(runs) if run.shaped.ink_left < run.shaped.ink_right]
    for left, right in pairwise(inked):
        a, b = runs[left], runs[right]
        if bool(a.face.language) == bool(b.face.language):
            continue  # the script's faces carry a language; English faces do not
        english = b.face if a.face.language else a.face
        gap = ((a.shaped.width - a.shaped.ink_right) + b.shaped.ink_left
               + sum(run.shaped.width for run in runs[left + 1:right]))
        extra = shape(" ", english.path, english.size, rtl=False).width - gap
        if extra <= 0.01:
            continue
        # The space between them takes it: at a's right end, in a run of spaces between
        # (one of the English face's), or at b's left end. Words that touch as typed
        # ("NFC،") have none, and stay as they are.
        for n in range(left, right + 1):
            glyphs = runs[n].shaped.glyphs
            index = (len(glyphs) - 1 if n == left else 0 if n == right
                     else next((k for k in range(len(glyphs)) if _space_at(runs[n].shaped, k)),
                               -1))
            if _space_at(runs[n].shaped, index):
                runs[n] = replace(runs[n], shaped=runs[n].shaped.widened(index, extra))
                break
    return tuple(runs)


def _space_at(run: ShapedRun, index: int) -> bool:
    return 0 <= index < len(run.glyphs) and run.text[run.glyphs[index].cluster].isspace()


Hyphenator = Callable[[str], Sequence[tuple[str, str]]]
"""A word's letters → the ways to break it (head, tail), the longest head first."""
HYPHEN = "-"
SHORTEST_HYPHENATED = 6
"""Letters a word needs to be broken at a line's end, as the English paragraphs' style has."""


def break_lines(text: str, faces: Faces, width: float, chosen: Sequence[Face] | None = None,
                *, rtl: bool = True, hyphenate: Hyphenator | None = None) -> list[SetLine]:
    """``text`` (its spaces single) broken between words into lines no wider than ``width``.

    A word wider than ``width`` (an address, a run typed without spaces) is
    broken between letters, as the English text's long words are, rather than
    run past the margin. ``chosen`` is the face of each character
    (``faces_by_char`` when not given); ``rtl`` the paragraph's direction.
    ``hyphenate`` breaks an English word that does not fit at a line's end
    where the dictionary allows, as ReportLab breaks the other paragraphs'.
    """
    chosen = faces_by_char(text, faces) if chosen is None else tuple(chosen)
    levels = embedding_levels(text, rtl=rtl)

    measured_words: dict[tuple[int, int], SetLine] = {}

    def measure(start: int, end: int, *, hyphen: bool = False) -> SetLine:
        if not hyphen and (start, end) in measured_words:
            return measured_words[start, end]  # each word is measured once
        line = text[start:end] + (HYPHEN if hyphen else "")
        last = end - 1 if hyphen else end  # the hyphen takes its word's face and level
        found = set_line(line, faces, [*chosen[start:end], *chosen[last:end]], rtl=rtl,
                         levels=[*levels[start:end], *levels[last:end]])
        if not hyphen:
            measured_words[start, end] = found
        return found

    words: list[tuple[int, int]] = []
    for match in re.finditer(r"\S+", text):
        start, end = match.span()
        if words and text[start] in KEPT_WITH_WORD_BEFORE:  # "أَحَدٌ ۝٤" never parts
            words[-1] = (words[-1][0], end)
        elif measure(start, end).width > width:
            words += _pieces(start, end, measure, width)
        else:
            words.append((start, end))
    space = shape(" ", faces.script.path, faces.script.size, rtl=rtl).width
    lines: list[list[tuple[int, int]]] = []
    broken: set[int] = set()  # lines that end in a hyphen
    used: list[float] = []  # each line's width as counted here
    for start, end in words:
        measured = measure(start, end)
        if lines and used[-1] + space + measured.width <= width:
            lines[-1].append((start, end))
            used[-1] += space + measured.width
            continue
        rest = start
        if lines and hyphenate is not None:
            cut = _hyphenated((start, end), width - used[-1] - space, measure, text, hyphenate)
            if cut:
                lines[-1].append((start, cut))
                broken.add(len(lines) - 1)
                used[-1] += space + measure(start, cut, hyphen=True).width
                rest = cut
                measured = measure(rest, end)
        # A right-to-left line's first word stands on its right, and its swash with it:
        # room kept.
        lines.append([(rest, end)])
        used.append(measured.width + (measured.overhang if rtl else 0.0))
    for n, line in enumerate(lines):
        # The room kept between an Urdu and an English word (see _spaced) is more than
        # a space: a line it makes too wide gives its last word to the next.
        while n not in broken and len(line) > 1 and measure(
                line[0][0], line[-1][1]).width > width + 0.01:
            if n + 1 == len(lines):
                lines.append([])
                used.append(0.0)
            lines[n + 1].insert(0, line.pop())
            used[n], used[n + 1] = (_counted(line, measure, space, rtl=rtl),
                                    _counted(lines[n + 1], measure, space, rtl=rtl))
    return [replace(measure(line[0][0], line[-1][1], hyphen=n in broken), start=line[0][0],
                    hyphenated=n in broken, room=used[n]) for n, line in enumerate(lines)]


def _counted(words: list[tuple[int, int]], measure: Callable[[int, int], SetLine], space: float,
             *, rtl: bool) -> float:
    """A line's width as the breaker counts it: its words measured one by one, and spaces."""
    widths = [measure(start, end) for start, end in words]
    return (sum(w.width for w in widths) + space * (len(widths) - 1)
            + (widths[0].overhang if rtl and widths else 0.0))


def widest_word(text: str, faces: Faces, chosen: Sequence[Face] | None = None, *,
                rtl: bool = True) -> float:
    """The width of ``text``'s widest word as set (a right-to-left word's swash included):
    the least measure its lines can be broken to without breaking a word.
    """
    chosen = faces_by_char(text, faces) if chosen is None else tuple(chosen)
    levels = embedding_levels(text, rtl=rtl)
    widest = 0.0
    for match in re.finditer(r"\S+", text):
        start, end = match.span()
        word = set_line(text[start:end], faces, chosen[start:end], rtl=rtl,
                        levels=levels[start:end])
        widest = max(widest, word.width + (word.overhang if rtl else 0.0))
    return widest


def _hyphenated(word: tuple[int, int], room: float, measure: Callable[..., SetLine],
                text: str, hyphenate: Hyphenator) -> int:
    """Where the word at ``word`` (start, end in ``text``) breaks before a hyphen at a line's
    end, as far on as ``room`` allows; 0 if it does not: a word of Arabic script, a short
    one or one the dictionary does not break stays whole.
    """
    start, end = word
    core = text[start:end].strip(".,;:!?\"'()[]\u2018\u2019\u201c\u201d")
    if len(core) < SHORTEST_HYPHENATED or ARABIC_SCRIPT.search(text, start, end):
        return 0
    lead = start + text[start:end].find(core)
    for head, _ in hyphenate(core):
        if measure(start, lead + len(head), hyphen=True).width <= room:
            return lead + len(head)
    return 0


def _pieces(start: int, end: int, measure: Callable[[int, int], SetLine], width: float
            ) -> list[tuple[int, int]]:
    """The word at ``start:end`` cut between letters (never before a vowel mark) into pieces
    that fit.
    """
    pieces: list[tuple[int, int]] = []
    text = measure(start, end).text
    rest = start
    while rest < end:
        # A first guess by the share of the width, then letter by letter to what fits.
        left = end - rest
        cut = max(1, min(left, int(left * width / measure(rest, end).width)))
        while cut < left and measure(rest, rest + cut + 1).width <= width:
            cut += 1
        while cut > 1 and measure(rest, rest + cut).width > width:
            cut -= 1
        while 1 < cut < left and unicodedata.combining(text[rest - start + cut]):
            cut -= 1  # a mark stays with its letter
        pieces.append((rest, rest + cut))
        rest += cut
    return pieces
