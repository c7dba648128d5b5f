"""A paragraph of Urdu or Arabic: broken into lines in reading order, shaped, drawn right to left.

Lines come from ``rtl.break_lines`` (HarfBuzz shapes, the bidi algorithm
orders). Each glyph is drawn where HarfBuzz put it, from its outline
(``glyph_forms``); the line's text lies unseen beneath, for copying and
search. Lines are as far apart as their ink needs: Nastaliq climbs well
above the body text's leading.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from copy import copy
from dataclasses import dataclass, replace
from typing import Any

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable
from typing_extensions import override

from ..content.inline import DIRECTION_MARKS
from .fonts import FontSet, RegisteredFamily, registered_face, script_language
from .glyph_forms import draw_glyph
from .rl_private import parsed_fragments
from .rtl import (
    ARABIC_SCRIPT,
    Face,
    Faces,
    Hyphenator,
    PlacedRun,
    SetLine,
    break_lines,
    is_urdu,
    set_line,
    widest_word,
    with_digits,
    with_glyphs,
)
from .shaping import Glyph, ShapedRun, shape

MAX_STRETCH = 0.6
"""The most a justified Urdu line's spaces may each grow, in ems; a line needing more is set
flush."""
LOOSEST_SPACE = 3.0
"""The most a justified English line's spaces may grow, in widths of a space (3.0: to four
times), in ReportLab's paragraphs and in those with an Urdu phrase alike.

At 2.0, a line of long words before a word that would not fit (a bold name, a
compound) was set ragged in the middle of a justified paragraph, which readers
took for a misprint; a loose line reads better. Only a line of two or three
words with gaps wider than that is still set flush left."""
LEAST_LINES_APART = 2
"""Lines a paragraph split across pages keeps on each side."""
LINE_GAP = 0.12
"""Clear space, in ems, kept between one line's lowest ink and the next line's highest."""


class ShapedParagraph(Flowable):
    """A paragraph whose glyphs HarfBuzz places, in either direction.

    Args:
        text: The paragraph as typed (logical order, plain text).
        faces: The script, text and fallback faces, with their sizes and language.
        leading: The least distance between baselines, in points.
        colour: Text colour.
        chosen: The face of each character of ``text`` once its spaces are made single
            (``rtl.faces_by_char`` when not given).
        rtl: The paragraph's direction: right to left (Urdu, Arabic), or left to
            right (English with an Urdu or Arabic phrase in it).
        space_before, space_after: Space above and below the paragraph in points.
        justify: Stretch the spaces of every line but the last to the full width.
        bullet: A list item's bullet or number, set in the indent where its first
            line starts.
        indent: Room kept where lines start (on the right when right to left).
        bullet_at: Where a left-to-right item's bullet stands, from the left.
        centre: Centre each line (a flashcard) rather than set it flush.
        flush_right: Set a left-to-right paragraph's lines flush right (a table's
            right-aligned column); a right-to-left one is flush right anyway.
        hyphenate: Breaks an English word at a line's end (the style's hyphenator).
        links: The address each character of ``text`` links to ("" for none), as
            ``chosen`` gives faces.
    """

    def __init__(self, text: str, faces: Faces, leading: float, *, colour: Any,
                 chosen: Sequence[Face] | None = None, rtl: bool = True,
                 space_before: float = 0, space_after: float = 0, justify: bool = False,
                 bullet: str = "", indent: float = 0, bullet_at: float = 0,
                 centre: bool = False, flush_right: bool = False,
                 hyphenate: Hyphenator | None = None,
                 links: Sequence[str] | None = None) -> None:
        super().__init__()
        self.flush_right = flush_right
        self.links = tuple(links) if links is not None else None
        self.centre, self.rtl, self.bullet_at = centre, rtl, bullet_at
        self.hyphenate = hyphenate
        self.text, self.faces, self.leading = " ".join(text.split()), faces, leading
        self.chosen = tuple(chosen) if chosen is not None else None
        self.colour, self.justify, self.bullet, self.indent = colour, justify, bullet, indent
        self.spaceBefore, self.spaceAfter = space_before, space_after
        self.lines: list[SetLine] = []
        self.baselines: list[float] = []
        self.width = self.height = 0.0

    def _layout(self, lines: list[SetLine]) -> tuple[list[float], float]:
        """Baselines measured down from the top, and the height the lines take."""
        gap = LINE_GAP * self.faces.script.size
        baselines, y = [], 0.0
        for n, line in enumerate(lines):
            # Lines whose ink keeps within the leading are the leading apart, as the
            # English paragraphs' are; taller ink pushes its neighbours away.
            y = (max(line.top, 0.75 * self.leading) if n == 0
                 else y + max(self.leading, line.top - lines[n - 1].bottom + gap))
            baselines.append(y)
        return baselines, (y + self._below(lines[-1])) if lines else 0.0

    def _below(self, line: SetLine) -> float:
        """Room a last line takes under its baseline: its ink, or a quarter of the leading."""
        return max(-line.bottom, 0.25 * self.leading)

    @override
    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if not self.lines or availWidth != self.width:
            self.lines = break_lines(self.text, self.faces, availWidth - self.indent,
                                     self.chosen, rtl=self.rtl, hyphenate=self.hyphenate)
        self.width = availWidth
        self.baselines, self.height = self._layout(self.lines)
        return availWidth, self.height

    def getActualLineWidths0(self) -> list[float]:  # noqa: N802 - Paragraph's name for it
        """The natural width of each line (after ``wrap``), as ReportLab's paragraph gives.

        It is the width the line breaker counted (a right-to-left line's swash included),
        where that is more than the set line's: set at this width, the text keeps its
        lines (a table's column, a watermark).
        """
        return [max(line.width + (line.overhang if self.rtl else 0.0), line.room)
                for line in self.lines]

    def minWidth(self) -> float:  # noqa: N802 - Flowable's name for it
        """The least width it can be set in with no word broken (a table's column)."""
        return widest_word(self.text, self.faces, self.chosen, rtl=self.rtl) + self.indent

    def _part(self, lines: list[SetLine], *, last: bool) -> ShapedParagraph:
        part = copy(self)
        # A new flowable: ReportLab marks one it moved to a new page (``_postponed``) and
        # stops with an error when a marked one will not fit again; a copy is not marked.
        part.__dict__.pop("_postponed", None)
        last_line = lines[-1]
        first, end = lines[0].start, (last_line.start + len(last_line.text)
                                      - last_line.hyphenated)
        part.text = self.text[first:end]
        part.chosen = None if self.chosen is None else self.chosen[first:end]
        part.links = None if self.links is None else self.links[first:end]
        part.lines = [replace(line, start=line.start - first) for line in lines]
        part.spaceBefore = 0 if last else self.spaceBefore
        part.spaceAfter = self.spaceAfter if last else 0
        part.bullet = "" if last else self.bullet
        part.baselines, part.height = part._layout(part.lines)
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
        # The first n lines stand where they stand in the whole paragraph: the height of
        # n lines is the nth baseline and its line's ink below (measured once, not per n).
        for n in range(1, len(self.lines)):
            if self.baselines[n - 1] + self._below(self.lines[n - 1]) > availHeight:
                break
            fits = n
        # Neither a paragraph's first line alone at a page's foot nor its last alone at
        # the next page's head: two at least on each side, as the English paragraphs keep.
        fits = min(fits, len(self.lines) - LEAST_LINES_APART)
        if fits < LEAST_LINES_APART:
            return []
        return [self._part(self.lines[:fits], last=False),
                self._part(self.lines[fits:], last=True)]

    justify_last = False
    style: ParagraphStyle | None = None
    """The paragraph style it was made in, if any (ReportLab reads keep-with-next from it)."""

    def draw(self) -> None:
        """Draw on the canvas at the flowable's origin (ReportLab calls this)."""
        canv = self.canv
        canv.saveState()
        canv.setFillColor(self.colour)
        if self.bullet and self.lines:  # first: a reader copies it before the item
            mark = set_line(self.bullet, self.faces, rtl=self.rtl)
            span = ((0.0, self.width) if self.rtl
                    else (self.bullet_at, self.bullet_at + mark.width))
            self._draw_line(mark, self.height - self.baselines[0], span)
        left, right = (0.0, self.width - self.indent) if self.rtl else (self.indent, self.width)
        for n, (line, baseline) in enumerate(zip(self.lines, self.baselines, strict=True)):
            stretch = self.justify and (n < len(self.lines) - 1 or self.justify_last)
            self._draw_line(line, self.height - baseline, (left, right), stretch=stretch)
        canv.restoreState()

    def _draw_line(self, line: SetLine, y: float, span: tuple[float, float], *,
                   stretch: bool = False) -> None:
        """Draw ``line`` on baseline ``y`` between ``span``'s left and right, from where a
        line of the paragraph's direction starts.
        """
        left, right = span
        if self.rtl:
            right -= line.overhang  # a first letter's swash keeps inside the measure
        words = [(run, word) for run in line.runs for word in _words(run.shaped)]
        spaces = sum(sum(word.spaces) for _, word in words)
        extra = (right - left - line.width) / spaces if stretch and spaces else 0.0
        loosest = (MAX_STRETCH * self.faces.script.size if self.rtl else LOOSEST_SPACE
                   * shape(" ", self.faces.text.path, self.faces.text.size, rtl=False).width)
        if extra > loosest:
            extra = 0.0  # a line of few, long words is set flush, not gapped
        x = left
        if self.centre:
            x = left + (right - left - line.width) / 2
        elif (self.rtl or self.flush_right) and not extra:
            x = right - line.width
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
        if self.links is not None:
            self._link(placed, line, y)

    def _link(self, placed: list[Placed], line: SetLine, y: float) -> None:
        """Make each linked word a link to its address, over its letters' box."""
        assert self.links is not None
        size = self.faces.text.size
        for word in placed:
            offset = line.start + word.start
            address = self.links[offset] if offset < len(self.links) else ""
            if address and word.letters is not None and _copied_letters(word):
                left, right = word.letters
                self.canv.linkURL(address, (left, y - 0.25 * size, right, y + 0.8 * size),
                                  relative=1)

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
        gaps = {round(word.gap[0], 1): word for word in words if word.gap is not None}

        def spacer(word: Placed) -> Placed | None:
            """The word whose space stands right of ``word``, if it goes the same way."""
            found = gaps.get(round(word.letters[1], 1)) if word.letters else None
            return found if found is not None and found.run.shaped.rtl == (
                word.run.shaped.rtl) else None

        shown_of = {id(word): _copied_letters(word) for word in words}
        taken = {id(found) for word in words
                 if shown_of[id(word)] and (found := spacer(word)) is not None}
        ink = self.canv.beginText()
        ink.setTextRenderMode(3)  # neither filled nor stroked: there to be found, not seen
        for word in words:
            face = word.run.face
            letters = shown_of[id(word)]
            if letters and word.letters is not None:
                left, right = word.letters
                shown = _visual(letters) if word.run.shaped.rtl else letters
                found = spacer(word)
                if found is not None and found.gap is not None:
                    shown, right = shown + " ", found.gap[1]
                _write_unseen(ink, shown, face, (left, right, y))
            if word.gap is not None and id(word) not in taken:
                # A space no word beside it took (between runs of two directions: after
                # an Urdu word in English, before a number in Urdu): on its own, after
                # its word.
                _write_unseen(ink, " ", face, (*word.gap, y))
        self.canv.drawText(ink)


class RightToLeftParagraph(ShapedParagraph):
    """A right-aligned (or justified), right-to-left paragraph of Urdu or Arabic."""


class MixedParagraph(ShapedParagraph):
    """English with an Urdu or Arabic phrase in it, set left to right, the phrase right to left.

    ReportLab's paragraph draws each character by its font's map, one after
    the other: joined letters, Urdu's letter forms and vowel marks over their
    letters are not in it, and a phrase that wraps would put its lines' words
    in the wrong order. Such a paragraph is set here, with the faces its
    markup gives (bold, italic, code, links) and the phrase a size up in its script's
    face.
    """


def mixed_paragraph(markup: str, style: ParagraphStyle, bullet: str | None = None, *,
                    rtl: bool = False) -> ShapedParagraph:
    """A paragraph of markup with Arabic-script runs (``inline.Markup``) in ``style``.

    Each run is in the face its markup names: an Arabic-script run in the
    Urdu or the Arabic family, the rest in the paragraph's faces. ``rtl``
    sets it right to left, flush right (a line of an Urdu answer's band that
    holds English words).
    """
    styled = styled_text(markup, style)
    plain = styled.text
    path, coverage = registered_face(style.fontName)
    body = Face(style.fontName, path, coverage, style.fontSize)
    faces = Faces(body, body, (), "")
    kind = RightToLeftParagraph if rtl else MixedParagraph
    para = kind(plain, faces, style.leading, colour=style.textColor,
                chosen=with_glyphs(plain, styled.faces, faces), rtl=rtl,
                links=styled.links if any(styled.links) else None,
                space_before=style.spaceBefore, space_after=style.spaceAfter,
                justify=style.alignment == TA_JUSTIFY, centre=style.alignment == TA_CENTER,
                flush_right=style.alignment == TA_RIGHT, bullet=bullet or "",
                indent=float(style.leftIndent),
                bullet_at=_bullet_at(style, bullet or ""),
                hyphenate=None if rtl or not callable(style.hyphenationLang)
                else style.hyphenationLang)
    para.style = style  # keep-with-next, as a paragraph of the style has it
    return para


def _bullet_at(style: ParagraphStyle, bullet: str) -> float:
    """Where a left-to-right item's mark starts: at the style's bullet indent, or, when
    its numbers are aligned on their full stop (ReportLab's "numeric" anchor, a list that
    reaches "10."), so that the stop stands where ReportLab's paragraphs put theirs.
    """
    if getattr(style, "bulletAnchor", "start") != "numeric" or not bullet.endswith("."):
        return float(style.bulletIndent)
    from reportlab.pdfbase.pdfmetrics import stringWidth

    font, size = style.bulletFontName, style.bulletFontSize
    return float(style.bulletIndent - stringWidth(bullet, font, size)
                 + stringWidth(".", font, size) / 2)


@dataclass(frozen=True)
class StyledText:
    """Markup's text, its white space made single, and for each character its face and link.

    Attributes:
        text: The words, as a reader reads them.
        faces: The face each character is set in.
        links: The address each character links to ("" for none).
    """

    text: str
    faces: tuple[Face, ...]
    links: tuple[str, ...]


def styled_text(markup: str, style: ParagraphStyle) -> StyledText:
    """The text of ``markup`` with the face and link of each character.

    Arabic-script runs are a size up: Urdu as ``URDU_SIZE``, Arabic as ``ARABIC_SIZE``.
    """
    runs = [(str(f.text), str(f.fontName), float(f.fontSize),
             str(f.link[0][1]) if getattr(f, "link", None) else "")
            for f in parsed_fragments(markup, style)]
    text_of: dict[str, str] = {}
    for run, name, _, _ in runs:
        text_of[name] = text_of.get(name, "") + run
    text: list[str] = []
    chosen: list[Face] = []
    links: list[str] = []
    for run, name, size, link in runs:
        path, coverage = registered_face(name)
        language, scale = "", 1.0
        if ARABIC_SCRIPT.search(text_of[name]):
            language = script_language(name, text_of[name])
            scale = URDU_SIZE if language == "ur" else ARABIC_SIZE
        face = Face(name, path, coverage, size * scale, language)
        for char in run:
            space = char.isspace()
            if space and (not text or text[-1] == " "):
                continue  # white space made single, none at the start
            text.append(" " if space else char)
            chosen.append(face)
            links.append(link)
    if text and text[-1] == " ":
        text.pop()
        chosen.pop()
        links.pop()
    return StyledText("".join(text), tuple(chosen), tuple(links))


def _copied_letters(word: Placed) -> str:
    """The letters of ``word`` a reader copies: none for a mark that takes no room."""
    face = word.run.face
    letters = "".join(c for c in word.text.strip()
                      if ord(c) in face.coverage and c not in DIRECTION_MARKS)
    if word.letters is None or not letters or not stringWidth(letters, face.name, face.size):
        return ""
    return letters


def _write_unseen(ink: Any, shown: str, face: Face, place: tuple[float, float, float]) -> None:
    """Write ``shown`` (in render mode 3) stretched from ``place``'s left to its right, on its
    baseline.
    """
    left, right, y = place
    ink.setFont(face.name, face.size)
    ink.setHorizScale(100 * (right - left) / stringWidth(shown, face.name, face.size))
    ink.setTextOrigin(left, y)
    ink.textOut(shown)


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

    language = "ur" if urdu else "ar"

    def face(of: RegisteredFamily, size: float, language: str = "") -> Face:
        if bold:
            return Face(of.bold, of.bold_file, of.coverage, size, language)
        return Face(of.regular, of.file, of.coverage, size, language)

    return Faces(face(family, body_size * (URDU_SIZE if urdu else ARABIC_SIZE), language),
                 face(fonts.text, body_size), tuple(face(f, body_size) for f in fonts.fallback),
                 language, source)


def rtl_paragraph(fonts: FontSet, text: str, style: ParagraphStyle, *, bold: bool = False,
                  justify: bool | None = None, bullet: str = "", widest: str = "",
                  source: str = "", centre: bool = False, markup: str | None = None
                  ) -> RightToLeftParagraph:
    """``text`` set right to left in ``style``'s colour and spacing, the script a size up.

    Urdu is justified where ``style`` is (body text, as Urdu books are; not a
    narrow table cell); Arabic (a verse) is set flush right. ``justify``
    overrides that (a heading or a title never is). A list item's ``bullet``
    stands in an indent as wide as the list's ``widest`` mark needs ("15."),
    so that the items of one list line up. ``markup`` (``inline.Markup``'s, of the
    same text) gives its words their faces: bold, italic, code.
    """
    faces = paragraph_faces(fonts, text, style.fontSize, bold=bold, source=source)
    chosen = links = None
    if markup is not None:
        styled = _unisolated(styled_text(markup, style))
        text = styled.text
        chosen = with_glyphs(text, styled.faces, faces)
        links = styled.links if any(styled.links) else None
    if faces.language == "ur":
        text = with_digits(text, fonts.urdu_digits)
    text, chosen, links = _addresses_isolated(text, chosen, links)
    para = RightToLeftParagraph(text, faces, style.leading * faces.script.size / style.fontSize,
                                colour=style.textColor, chosen=chosen, links=links,
                                space_before=style.spaceBefore,
                                space_after=style.spaceAfter,
                                justify=(faces.language == "ur" and style.alignment == TA_JUSTIFY
                                         if justify is None else justify),
                                bullet=bullet, indent=_indent(faces, style, widest or bullet),
                                centre=centre)
    para.style = style  # a heading is kept with what follows, as its style says
    return para


def _unisolated(styled: StyledText) -> StyledText:
    """``styled`` without the isolates around its Urdu and Arabic runs.

    Markup isolates each run (RLI…PDI) so that an English sentence keeps a number or
    bracket after it; in a right-to-left paragraph the runs are its own script, and an
    isolate between two English words would make them, and the spaces round it, one
    left-to-right stretch ("PPP اور NAP" set without its spaces).
    """
    kept = [n for n, (char, face) in enumerate(zip(styled.text, styled.faces, strict=True))
            if not (char in "\u2067\u2069" and face.language)]
    if len(kept) == len(styled.text):
        return styled
    return StyledText("".join(styled.text[n] for n in kept),
                      tuple(styled.faces[n] for n in kept), tuple(styled.links[n] for n in kept))


_ADDRESS = re.compile(r"(?:https?://|www\.)[^\s\u0600-\u06FF]*[^\s\u0600-\u06FF.,;:!?)\]]")
"""A web address in Urdu text, without the full stop or bracket that closes its sentence."""


def _addresses_isolated(text: str, chosen: Sequence[Face] | None,
                        links: Sequence[str] | None
                        ) -> tuple[str, tuple[Face, ...] | None, tuple[str, ...] | None]:
    """``text`` with each web address isolated left to right (LRI…PDI): in an Urdu line an
    address's last "/" would otherwise go to its start, as the bidi algorithm places a
    sign between English and Urdu.
    """
    found = list(_ADDRESS.finditer(text))
    if not found:
        return text, None if chosen is None else tuple(chosen), (
            None if links is None else tuple(links))
    out, faces, addresses = [], [], []
    last = 0
    for match in found:
        start, end = match.span()
        for span, (lo, hi) in (("", (last, start)), ("\u2066", (start, start)),
                               ("", (start, end)), ("\u2069", (end - 1, end - 1))):
            if span:  # the isolate takes the face and link of the address's own letters
                out.append(span)
                faces += [chosen[lo]] if chosen is not None else []
                addresses += [links[lo]] if links is not None else []
            else:
                out.append(text[lo:hi])
                faces += list(chosen[lo:hi]) if chosen is not None else []
                addresses += list(links[lo:hi]) if links is not None else []
        last = end
    out.append(text[last:])
    faces += list(chosen[last:]) if chosen is not None else []
    addresses += list(links[last:]) if links is not None else []
    return ("".join(out), tuple(faces) if chosen is not None else None,
            tuple(addresses) if links is not None else None)


def _indent(faces: Faces, style: ParagraphStyle, bullet: str) -> float:
    """Room on the right for ``bullet``: the style's indent, or more for "12." in Nastaliq."""
    if not bullet:
        return 0.0
    return max(float(style.leftIndent),
               set_line(bullet, faces).width + 0.4 * faces.script.size)
