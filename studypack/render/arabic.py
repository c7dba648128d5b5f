"""A paragraph of Urdu or Arabic: broken into lines in reading order, shaped, drawn right to left.

Lines come from ``rtl.break_lines`` (HarfBuzz shapes, the bidi algorithm
orders). Each glyph is drawn where HarfBuzz put it, from its outline
(``glyph_forms``); the line's text lies unseen beneath, for copying and
search. Lines are as far apart as their ink needs: Nastaliq climbs well
above the body text's leading.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reportlab.lib.enums import TA_JUSTIFY
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable
from typing_extensions import override

from .fonts import FontSet, RegisteredFamily
from .glyph_forms import draw_glyph
from .rtl import Face, Faces, PlacedRun, SetLine, break_lines, is_urdu, set_line
from .shaping import Glyph, ShapedRun

DIRECTION_MARKS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
                            "\u2066\u2067\u2068\u2069")
"""Marks that steer the bidi algorithm and are not text a reader copies."""
MAX_STRETCH = 0.6
"""The most a justified line's spaces may each grow, in ems; a line needing more is set flush."""
LINE_GAP = 0.12
"""Clear space, in ems, kept between one line's lowest ink and the next line's highest."""


class RightToLeftParagraph(Flowable):
    """A right-aligned (or justified), right-to-left paragraph of plain text.

    Args:
        text: The paragraph as typed (logical order, plain text).
        faces: The script, text and fallback faces, with their sizes and language.
        leading: The least distance between baselines, in points.
        colour: Text colour.
        space_before, space_after: Space above and below the paragraph in points.
        justify: Stretch the spaces of every line but the last to the full width.
        bullet: A list item's bullet or number, set in the indent on the right of its
            first line.
        indent: Room kept on the right (where right-to-left lines start) for the bullet.
        centre: Centre each line (a flashcard) rather than set it flush right.
    """

    def __init__(self, text: str, faces: Faces, leading: float, *, colour: Any,
                 space_before: float = 0, space_after: float = 0, justify: bool = False,
                 bullet: str = "", indent: float = 0, centre: bool = False) -> None:
        super().__init__()
        self.centre = centre
        self.text, self.faces, self.leading = " ".join(text.split()), faces, leading
        self.colour, self.justify, self.bullet, self.indent = colour, justify, bullet, indent
        self.spaceBefore, self.spaceAfter = space_before, space_after
        self.lines: list[SetLine] = []
        self.baselines: list[float] = []
        self.width = self.height = 0.0

    def _layout(self, lines: list[SetLine]) -> tuple[list[float], float]:
        """Baselines measured down from the top, and the height the lines take."""
        size = self.faces.script.size
        top = [max(line.top, 0.75 * self.leading) for line in lines]
        bottom = [max(-line.bottom, 0.25 * self.leading) for line in lines]
        baselines, y = [], 0.0
        for n in range(len(lines)):
            y = top[0] if n == 0 else y + max(self.leading,
                                                bottom[n - 1] + top[n] + LINE_GAP * size)
            baselines.append(y)
        return baselines, (y + bottom[-1]) if lines else 0.0

    @override
    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if not self.lines or availWidth != self.width:
            self.lines = break_lines(self.text, self.faces, availWidth - self.indent)
        self.width = availWidth
        self.baselines, self.height = self._layout(self.lines)
        return availWidth, self.height

    def _part(self, lines: list[SetLine], *, last: bool) -> RightToLeftParagraph:
        part = RightToLeftParagraph(" ".join(line.text for line in lines), self.faces,
                                    self.leading, colour=self.colour, justify=self.justify,
                                    space_before=0 if last else self.spaceBefore,
                                    space_after=self.spaceAfter if last else 0,
                                    bullet="" if last else self.bullet, indent=self.indent,
                                    centre=self.centre)
        part.lines, part.width = lines, self.width
        part.baselines, part.height = part._layout(lines)
        part.justify_last = not last  # a line ended by a page break is a full line
        return part

    def cut_to(self, lines: int) -> str | None:
        """The text of its first ``lines`` lines, a word short and ended "…", if it wrapped to
        more (after ``wrap``); None if it fits.
        """
        if len(self.lines) <= lines:
            return None
        return " ".join(line.text for line in self.lines[:lines]).rsplit(" ", 1)[0] + " …"

    @override
    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        self.wrap(availWidth, availHeight)
        fits = 0
        for n in range(1, len(self.lines)):
            if self._layout(self.lines[:n])[1] <= availHeight:
                fits = n
        if fits < 1:
            return []
        return [self._part(self.lines[:fits], last=False),
                self._part(self.lines[fits:], last=True)]

    justify_last = False

    def draw(self) -> None:
        """Draw on the canvas at the flowable's origin (ReportLab calls this)."""
        canv = self.canv
        canv.saveState()
        canv.setFillColor(self.colour)
        measure = self.width - self.indent
        for n, (line, baseline) in enumerate(zip(self.lines, self.baselines, strict=True)):
            stretch = self.justify and (n < len(self.lines) - 1 or self.justify_last)
            self._draw_line(line, self.height - baseline, measure, stretch=stretch)
        if self.bullet and self.lines:
            mark = set_line(self.bullet, self.faces)
            self._draw_line(mark, self.height - self.baselines[0], self.width)
        canv.restoreState()

    def _draw_line(self, line: SetLine, y: float, right: float, *, stretch: bool = False
                   ) -> None:
        """Draw ``line`` on baseline ``y``, ending (as it is read) at ``right``."""
        right -= line.overhang  # a first letter's swash keeps inside the measure
        words = [(run, word) for run in line.runs for word in _words(run.shaped)]
        spaces = sum(sum(word.spaces) for _, word in words)
        extra = (right - line.width) / spaces if stretch and spaces else 0.0
        if extra > MAX_STRETCH * self.faces.script.size:
            extra = 0.0  # a line of few, long words is set flush right, not gapped
        x = 0.0 if extra else (right - line.width) / (2 if self.centre else 1)
        placed: list[Placed] = []
        for run, word in words:
            letters: list[float] = []
            gap: list[float] = []
            for glyph, space in zip(word.glyphs, word.spaces, strict=True):
                draw_glyph(self.canv, run.face.path, glyph.gid, (x + glyph.dx, y + glyph.dy),
                           run.face.size)
                step = glyph.advance + (extra if space else 0.0)
                (gap if space else letters).extend((x, x + step))
                x += step
            placed.append(Placed(run.start + word.start, run, word.text,
                                 (min(letters), max(letters)) if letters else None,
                                 (min(gap), max(gap)) if gap else None))
        self._copyable(sorted(placed, key=lambda p: p.start), y)

    def _copyable(self, words: list[Placed], y: float) -> None:
        """Lay the line's text, unseen, under its glyphs: what a reader copies and searches.

        Each word is written in reading order where its glyphs stand, its
        letters in the order they stand from left to right (brackets mirrored),
        stretched to the word's width, as a word processor writes Arabic. The
        space on its right goes with it: after its letters in the order
        written, in the gap it spans. So a reader that takes text in the order
        it is written (pypdf) and one that sorts it by place and reverses
        right-to-left letters (PDFium, poppler) both get the words as typed,
        each once, with a space between.
        """
        gaps = {round(word.gap[0], 1): word.gap for word in words if word.gap is not None}
        ink = self.canv.beginText()
        ink.setTextRenderMode(3)  # neither filled nor stroked: there to be found, not seen
        for word in words:
            face = word.run.face
            letters = "".join(c for c in word.text.strip()
                              if ord(c) in face.coverage and c not in DIRECTION_MARKS)
            if (not letters or word.letters is None
                    or not stringWidth(letters, face.name, face.size)):
                continue  # nothing a reader could copy: a mark that takes no room
            left, right = word.letters
            shown = _visual(letters) if word.run.shaped.rtl else letters
            gap = gaps.pop(round(right, 1), None)
            if gap is not None:
                shown, right = shown + " ", gap[1]
            ink.setFont(face.name, face.size)
            ink.setHorizScale(100 * (right - left) / stringWidth(shown, face.name, face.size))
            ink.setTextOrigin(left, y)
            ink.textOut(shown)
        self.canv.drawText(ink)


@dataclass(frozen=True)
class Placed:
    """Where a word of a line was drawn, for the text laid under it.

    Attributes:
        start: Where its text starts in the line's (reading order).
        run: The run it belongs to.
        text: Its letters, with the space after it.
        letters, gap: Left and right of its glyphs and of the space after it, if any.
    """

    start: int
    run: PlacedRun
    text: str
    letters: tuple[float, float] | None
    gap: tuple[float, float] | None


def _visual(letters: str) -> str:
    """Right-to-left ``letters`` as they stand from left to right: reversed, brackets mirrored.

    Vowel marks are reversed with their letters: readers put them back after
    their letters as they reverse right-to-left text.
    """
    from bidi.algorithm import MIRRORED

    return "".join(MIRRORED.get(c, c) for c in reversed(letters))


@dataclass(frozen=True)
class Word:
    """A word of a shaped run and the space after it.

    Attributes:
        text: Its letters in reading order, with the space that follows it.
        start: Where its text starts in the run's.
        glyphs: Left to right.
        spaces: Which glyphs are spaces (a justified line widens them).
    """

    text: str
    start: int
    glyphs: tuple[Glyph, ...]
    spaces: tuple[bool, ...]


def _words(run: ShapedRun) -> list[Word]:
    """The run's glyphs grouped by word, left to right.

    A cluster is the glyphs HarfBuzz made of some characters (a letter with its
    vowel marks, a ligature); a word is the clusters up to the next space,
    and the space goes with it (to its left when right to left).
    """
    starts = sorted({glyph.cluster for glyph in run.glyphs})
    ends = dict(zip(starts, [*starts[1:], len(run.text)], strict=True))
    groups: list[list[Glyph]] = []
    for glyph in run.glyphs:  # glyphs between spaces, and each space alone
        space = run.text[glyph.cluster].isspace()
        if groups and not space and not run.text[groups[-1][0].cluster].isspace():
            groups[-1].append(glyph)
        else:
            groups.append([glyph])
    joined: list[list[Glyph]] = []
    for group in (reversed(groups) if run.rtl else groups):
        if joined and run.text[group[0].cluster].isspace():
            joined[-1] = [*group, *joined[-1]] if run.rtl else [*joined[-1], *group]
        else:
            joined.append(group)
    if run.rtl:
        joined.reverse()
    words = []
    for glyphs in joined:
        first = min(g.cluster for g in glyphs)
        words.append(Word(run.text[first:ends[max(g.cluster for g in glyphs)]], first,
                          tuple(glyphs), tuple(run.text[g.cluster].isspace() for g in glyphs)))
    return words

URDU_SIZE = 1.3
"""Nastaliq beside the body size: its letters are small for their point size."""
ARABIC_SIZE = 1.25
"""Naskh (Amiri) beside the body size, as Arabic is set in English books."""


def paragraph_faces(fonts: FontSet, text: str, body_size: float, *, bold: bool = False,
                    source: str = "") -> Faces:
    """The faces a right-to-left paragraph of ``text`` is set in, at a body size of ``body_size``.

    Urdu (a letter only Urdu has) is set in the Nastaliq face, anything else
    in Arabic script in the Naskh face; English words in it in the text face.
    """
    urdu = is_urdu(text)
    family = fonts.urdu if urdu else fonts.arabic

    def face(of: RegisteredFamily, size: float) -> Face:
        if bold:
            return Face(of.bold, of.bold_file, of.coverage, size)
        return Face(of.regular, of.file, of.coverage, size)

    return Faces(face(family, body_size * (URDU_SIZE if urdu else ARABIC_SIZE)),
                 face(fonts.text, body_size), tuple(face(f, body_size) for f in fonts.fallback),
                 "ur" if urdu else "ar", source)


def rtl_paragraph(fonts: FontSet, text: str, style: ParagraphStyle, *, bold: bool = False,
                  justify: bool | None = None, bullet: str = "", widest: str = "",
                  source: str = "", centre: bool = False) -> RightToLeftParagraph:
    """``text`` set right to left in ``style``'s colour and spacing, the script a size up.

    Urdu is justified where ``style`` is (body text, as Urdu books are; not a
    narrow table cell); Arabic (a verse) is set flush right. ``justify``
    overrides that (a heading or a title never is). A list item's ``bullet``
    stands in an indent as wide as the list's ``widest`` mark needs ("15."),
    so that the items of one list line up.
    """
    faces = paragraph_faces(fonts, text, style.fontSize, bold=bold, source=source)
    return RightToLeftParagraph(text, faces, style.leading * faces.script.size / style.fontSize,
                                colour=style.textColor, space_before=style.spaceBefore,
                                space_after=style.spaceAfter,
                                justify=(faces.language == "ur" and style.alignment == TA_JUSTIFY
                                         if justify is None else justify),
                                bullet=bullet, indent=_indent(faces, style, widest or bullet),
                                centre=centre)


def _indent(faces: Faces, style: ParagraphStyle, bullet: str) -> float:
    """Room on the right for ``bullet``: the style's indent, or more for "12." in Nastaliq."""
    if not bullet:
        return 0.0
    return max(float(style.leftIndent),
               set_line(bullet, faces).width + 0.4 * faces.script.size)
