"""Paragraph markup → ReportLab paragraphs that break their lines once per width.

Platypus measures a paragraph more than once at the same width: a table
wraps its cells to size its rows and again to draw them, a kept-together
group is wrapped whole and then line by line in the frame, and a flowable
that moved to the next page is wrapped there again. Line breaking is the
largest cost of a build, and a paragraph's lines depend only on its text,
its style and the width, so the breaks made at one width are kept.
"""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Paragraph


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


def paragraph(markup: str, style: Any, bullet: str | None = None) -> Paragraph:
    """A paragraph of ReportLab markup (``<b>``, ``<font>``, escaped text) in ``style``.

    Args:
        markup: Paragraph markup, every character of author text escaped.
        style: The ``ParagraphStyle`` it is set in.
        bullet: Bullet or number text set before the first line, if any.
    """
    return OnceParagraph(markup, style, bulletText=bullet)
