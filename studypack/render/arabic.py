"""Arabic-script paragraphs: broken into lines in reading order, then drawn right to left.

ReportLab breaks lines left to right and does not reorder right-to-left
text. A paragraph that is mostly Arabic (a Quranic verse, an Urdu couplet) is
therefore broken into lines here, in logical order, and each line is then
joined (arabic-reshaper) and reordered (python-bidi) on its own, so a long
verse keeps its lines in the right order.
"""

from __future__ import annotations

from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable
from typing_extensions import override

from .inline import shaped


class ArabicParagraph(Flowable):
    """A right-aligned, right-to-left paragraph in the Arabic font.

    Args:
        text: The paragraph as typed (logical order, plain text).
        font: ReportLab name of the Arabic face.
        size, leading: Font size and line pitch in points.
        colour: Text colour.
        space_after: Space below the paragraph in points.
    """

    def __init__(self, text: str, font: str, size: float, leading: float, *, colour: Any,
                 space_after: float = 0) -> None:
        super().__init__()
        self.text, self.font, self.size, self.leading = " ".join(text.split()), font, size, leading
        self.colour, self.spaceAfter = colour, space_after
        self.lines: list[str] = []
        self.width = 0.0

    def _break(self, width: float) -> list[str]:
        lines: list[str] = []
        current: list[str] = []
        for word in self.text.split(" "):
            trial = " ".join([*current, word])
            if current and stringWidth(shaped(trial), self.font, self.size) > width:
                lines.append(" ".join(current))
                current = [word]
            else:
                current.append(word)
        if current:
            lines.append(" ".join(current))
        return lines

    @override
    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self.lines = self._break(availWidth)
        return availWidth, self.leading * len(self.lines)

    @override
    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        self.wrap(availWidth, availHeight)
        fits = int(availHeight // self.leading)
        if fits < 1 or fits >= len(self.lines):
            return []
        head = ArabicParagraph(" ".join(self.lines[:fits]), self.font, self.size,
                               self.leading, colour=self.colour)
        tail = ArabicParagraph(" ".join(self.lines[fits:]), self.font, self.size,
                               self.leading, colour=self.colour, space_after=self.spaceAfter)
        return [head, tail]

    def draw(self) -> None:
        """Draw on the canvas at the flowable's origin (ReportLab calls this)."""
        canv = self.canv
        canv.saveState()
        canv.setFont(self.font, self.size)
        canv.setFillColor(self.colour)
        y = self.leading * len(self.lines) - self.size
        for line in self.lines:
            canv.drawRightString(self.width, y, shaped(line))
            y -= self.leading
        canv.restoreState()
