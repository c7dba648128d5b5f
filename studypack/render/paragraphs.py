"""Paragraph markup → ReportLab paragraphs that break their lines once per width.

Platypus measures a paragraph more than once at the same width: a table
wraps its cells to size its rows and again to draw them, a kept-together
group is wrapped whole and then line by line in the frame, and a flowable
that moved to the next page is wrapped there again. Line breaking is the
largest cost of a build, and a paragraph's lines depend only on its text,
its style and the width, so the breaks made at one width are kept.

Most paragraphs are plain escaped text with no tag. ReportLab's XML parser
turns such a text into one fragment carrying the style's font, size and
colour; that fragment is made here directly, from one the parser made for the
same font, size and colour.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from reportlab.platypus import Paragraph
from reportlab.platypus.paragraph import cleanBlockQuotedText, textTransformFrags
from reportlab.platypus.paraparser import ParaFrag, ParaParser


class OnceParagraph(Paragraph):
    """A ``Paragraph`` that keeps its line breaks while it is asked for the same width.

    A split deletes or replaces the breaks (``blPara``); the next wrap then
    breaks the lines again, as a plain ``Paragraph`` would.
    """

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        state = self.__dict__
        if state.get("_broken_at") == availWidth and "blPara" in state:
            return self.width, self.height
        width, height = super().wrap(availWidth, availHeight)
        # A width too small to set a line in breaks nothing: nothing to keep.
        state["_broken_at"] = availWidth if width == availWidth else None
        return width, height


@lru_cache(maxsize=256)
def _plain_fragment(font: str, size: float, colour: Any) -> ParaFrag:
    """The fragment ReportLab's parser makes for untagged text in this font, size and colour."""
    from reportlab.lib.styles import ParagraphStyle

    style = ParagraphStyle("plain", fontName=font, fontSize=size, textColor=colour)
    _, frags, _ = ParaParser().parse("x", style)
    return frags[0]


def paragraph(markup: str, style: Any, bullet: str | None = None) -> Paragraph:
    """A paragraph of ReportLab markup (``<b>``, ``<font>``, escaped text) in ``style``.

    Markup without a tag or an entity (no ``<``, no ``&``) skips the parser:
    its one fragment is made directly, the same as the parser's.

    Args:
        markup: Paragraph markup, every character of author text escaped.
        style: The ``ParagraphStyle`` it is set in.
        bullet: Bullet or number text set before the first line, if any.
    """
    if "<" in markup or "&" in markup:
        return OnceParagraph(markup, style, bulletText=bullet)
    # What the parser would read: lines stripped, runs of white space made one.
    text = cleanBlockQuotedText(markup)
    if not text:
        return OnceParagraph(markup, style, bulletText=bullet)
    size, colour = style.fontSize, style.textColor
    frags = [_plain_fragment(style.fontName, size, colour).clone(
        text=text, fontSize=size, textColor=colour, link=[], us_lines=[])]
    textTransformFrags(frags, style)
    return OnceParagraph(text, style, bulletText=bullet, frags=frags)
