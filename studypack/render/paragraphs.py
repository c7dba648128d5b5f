"""Paragraph markup → ReportLab paragraphs that break their lines once per width.

Platypus measures a paragraph more than once at the same width: a table
wraps its cells to size its rows and again to draw them, a kept-together
group is wrapped whole and then line by line in the frame, and a flowable
that moved to the next page is wrapped there again. Line breaking is the
largest cost of a build, and a paragraph's lines depend only on its text,
its style and the width, so the breaks made at one width are kept.

Most paragraphs are plain escaped text, with at most a bold or italic run.
ReportLab's XML parser turns each run of such a text into a fragment carrying
the style's colour, size and the font of its face; those fragments are made
here directly, from ones the parser made for the same font, size, colour and
faces.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from reportlab.lib.enums import TA_JUSTIFY
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph
from typing_extensions import override

from ..content.inline import ARABIC_CHARS, DIRECTION_MARKS
from .arabic import LOOSEST_SPACE, ShapedParagraph, mixed_paragraph
from .inline import starts_right_to_left
from .rl_private import (
    ParaFrag,
    cleanBlockQuotedText,
    left_align_loose_lines,
    paragraph_lines_kept,
    parsed_fragments,
    textTransformFrags,
)


class OnceParagraph(Paragraph):
    """A ``Paragraph`` that keeps its line breaks while it is asked for the same width.

    A split deletes or replaces the breaks (``blPara``); the next wrap then
    breaks the lines again, as a plain ``Paragraph`` would.
    """

    @override
    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        state = self.__dict__
        if state.get("_broken_at") == availWidth and paragraph_lines_kept(self):
            return self.width, self.height
        width, height = super().wrap(availWidth, availHeight)
        if self.style.hyphenationLang and _overflows(self):
            # ReportLab splits an address too long for the line once, at its "//", and
            # never again: the rest runs past the margin (into the next column). Without
            # the hyphenator it breaks such a word wherever the line ends.
            self.style = ParagraphStyle("unhyphenated", parent=self.style, hyphenationLang="")
            width, height = super().wrap(availWidth, availHeight)
        # A width too small to set a line in breaks nothing: nothing to keep.
        state["_broken_at"] = availWidth if width == availWidth else None
        return width, height

    @override
    def drawPara(self, debug: int = 0) -> None:
        if self.style.alignment == TA_JUSTIFY:
            # Wider than triple, a justified space opens a river down the
            # page; such a line reads better ragged than stretched.
            left_align_loose_lines(self, LOOSEST_SPACE)
        super().drawPara(debug)


class HeadedStart(Flowable):
    """A heading and the first paragraph or list item under it, as one flowable (balanced
    columns, where keep-with-next does not hold): moved whole, or split inside the
    paragraph with at least two of its lines under the heading. An item keeps its own
    indent and bullet.
    """

    def __init__(self, heading: Flowable, first: Paragraph | ShapedParagraph) -> None:
        super().__init__()
        self.heading, self.first = heading, first
        self.head_height = 0.0

    @override
    def getSpaceBefore(self) -> float:
        return float(self.heading.getSpaceBefore())

    @override
    def getSpaceAfter(self) -> float:
        return float(self.first.getSpaceAfter())

    def _head(self, availWidth: float, availHeight: float) -> float:
        _, height = self.heading.wrap(availWidth, availHeight)
        return float(height + max(self.heading.getSpaceAfter(), self.first.getSpaceBefore()))

    @override
    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.head_height = self._head(availWidth, availHeight)
        _, below = self.first.wrap(availWidth, availHeight - self.head_height)
        self.width, self.height = availWidth, self.head_height + below
        return self.width, self.height

    @override
    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        parts = self.first.split(availWidth, availHeight - self._head(availWidth, availHeight))
        lines = ((parts[0].lines if isinstance(parts[0], ShapedParagraph)
                  else getattr(getattr(parts[0], "blPara", None), "lines", ())) if parts else ())
        if len(parts) != 2 or len(lines) < 2:
            return []
        return [HeadedStart(self.heading, parts[0]), parts[1]]  # type: ignore[arg-type]

    def draw(self) -> None:
        """Draw the heading at the top, the item below it."""
        self.heading.drawOn(self.canv, 0, self.height - self.heading.height)
        self.first.drawOn(self.canv, 0, 0)


class Inset(Flowable):
    """A flowable set ``by`` points in from the side its text starts (a nested list's item):
    the left for English, the right for Urdu. Unlike an Indenter pair, it cannot leave the
    frame indented when balanced columns part the pair.
    """

    def __init__(self, inner: Flowable, by: float, *, right: bool = False) -> None:
        super().__init__()
        self.inner, self.by, self.right = inner, by, right

    @override
    def getSpaceBefore(self) -> float:
        return float(self.inner.getSpaceBefore())

    @override
    def getSpaceAfter(self) -> float:
        return float(self.inner.getSpaceAfter())

    @override
    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        _, height = self.inner.wrap(availWidth - self.by, availHeight)
        self.width, self.height = availWidth, height
        return self.width, self.height

    @override
    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        return [Inset(part, self.by, right=self.right)
                for part in self.inner.split(availWidth - self.by, availHeight)]

    def draw(self) -> None:
        """Draw the inner flowable, moved in from its side."""
        self.inner.drawOn(self.canv, 0.0 if self.right else self.by, 0)


def _overflows(para: Paragraph) -> bool:
    """Whether a line of the broken paragraph runs past its width by more than a point."""
    lines = getattr(getattr(para, "blPara", None), "lines", ())
    return any((line.extraSpace if hasattr(line, "extraSpace") else line[0]) < -1
               for line in lines)


ARABIC_LETTER = re.compile(f"[{ARABIC_CHARS}]")
STEERING_MARKS = re.compile(f"[{''.join(sorted(DIRECTION_MARKS))}]")

FACE_TAGS = {"<b>": "b", "<i>": "i"}
"""The tags whose fragments are made here; any other tag goes to ReportLab's parser."""
TAG = re.compile(r"(<[^>]*>)")


@lru_cache(maxsize=256)
def _fragment(font: str, size: float, colour: Any, faces: tuple[str, ...]) -> ParaFrag:
    """The fragment ReportLab's parser makes for text inside ``faces`` (e.g. ("b", "i")).

    Made by the parser itself, once per font, size, colour and nesting.
    """
    from reportlab.lib.styles import ParagraphStyle

    style = ParagraphStyle("face", fontName=font, fontSize=size, textColor=colour)
    opening = "".join(f"<{face}>" for face in faces)
    closing = "".join(f"</{face}>" for face in reversed(faces))
    return parsed_fragments(f"{opening}x{closing}", style)[0]


def _fragments(text: str, style: Any) -> list[ParaFrag] | None:
    """The parser's fragments of cleaned markup whose only tags are nested ``<b>``/``<i>``.

    None for anything else (another tag, an entity, a tag left open or closed
    out of turn): that markup is for the parser.
    """
    if "&" in text:
        return None  # the parser makes a fragment of each entity
    faces: list[str] = []
    frags: list[ParaFrag] = []
    size, colour = style.fontSize, style.textColor
    for index, piece in enumerate(TAG.split(text)):
        if index % 2:
            if piece in FACE_TAGS:
                faces.append(FACE_TAGS[piece])
            elif faces and piece == f"</{faces[-1]}>":
                faces.pop()
            else:
                return None
        elif "<" in piece:
            return None
        elif piece:  # the parser makes no fragment of an empty run between tags
            frags.append(_fragment(style.fontName, size, colour, tuple(faces)).clone(
                text=piece, fontSize=size, textColor=colour, link=[], us_lines=[]))
    return frags if frags and not faces else None


def _cleaned(markup: str) -> str:
    """What ReportLab's parser reads of ``markup``: lines stripped, runs of white space made one.

    ReportLab's ``cleanBlockQuotedText`` strips and splits lines on its own
    set of white space, which is Python's plus the zero-width space, and keeps
    no-break spaces in words. Without those two characters, Python's
    ``split`` gives the same words, in a seventh of the time.
    """
    if "\xa0" in markup or "\u200b" in markup:
        cleaned: str = cleanBlockQuotedText(markup)
        return cleaned
    return " ".join(markup.split())


def paragraph(markup: str, style: Any, bullet: str | None = None, *, rtl: bool = False
              ) -> OnceParagraph | ShapedParagraph:
    """A paragraph of ReportLab markup (``<b>``, ``<font>``, escaped text) in ``style``.

    Markup whose only tags are ``<b>`` and ``<i>`` and that has no entity
    skips the parser: its fragments are made directly, the same as the
    parser's (``_fragments``).

    Args:
        markup: Paragraph markup, every character of author text escaped.
        style: The ``ParagraphStyle`` it is set in.
        bullet: Bullet or number text set before the first line, if any.
        rtl: Set it right to left (a line of an Urdu answer that holds English).
    """
    text = _cleaned(markup)
    if rtl or ARABIC_LETTER.search(text):
        # An Urdu or Arabic phrase in it: set by HarfBuzz, the phrase right to left; a
        # paragraph whose first letter is Urdu or Arabic (a title) is set right to left
        # whole, as the bidi algorithm's rule P2 has it.
        return mixed_paragraph(text, style, bullet,
                               rtl=rtl or starts_right_to_left(TAG.sub("", text)))
    if STEERING_MARKS.search(text):
        # Direction marks steer nothing in English alone, and ReportLab would draw them.
        text = STEERING_MARKS.sub("", text)
    frags = _fragments(text, style)
    if frags is None:
        return OnceParagraph(markup, style, bulletText=bullet)
    textTransformFrags(frags, style)
    return OnceParagraph(text, style, bulletText=bullet, frags=frags)
