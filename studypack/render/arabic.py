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

from .inline import ARABIC_LETTER, shaped

ARABIC_SHARE = 0.5
"""A paragraph whose letters are more than half Arabic script is set right to left."""


def mostly_arabic(text: str) -> bool:
    """True when over half of the letters of ``text`` are Arabic script."""
    if not ARABIC_LETTER.search(text):
        return False  # the common case, answered without counting every letter
    letters = [c for c in text if c.isalpha()]
    arabic = sum(1 for c in letters if ARABIC_LETTER.match(c))
    return bool(letters) and arabic / len(letters) > ARABIC_SHARE


class ArabicParagraph(Flowable):
    """A right-aligned, right-to-left paragraph in the Arabic font.

    Args:
        text: The paragraph as typed (logical order, plain text).
        font: ReportLab name of the Arabic face.
        size, leading: Font size and line pitch in points.
        colour: Text colour.
        space_after: Space below the paragraph in points.
    """

    def __init__(self, text: str, font: str, size: float, leading: float, colour: Any,
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

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self.lines = self._break(availWidth)
        return availWidth, self.leading * len(self.lines)

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        self.wrap(availWidth, availHeight)
        fits = int(availHeight // self.leading)
        if fits < 1 or fits >= len(self.lines):
            return []
        head = ArabicParagraph(" ".join(self.lines[:fits]), self.font, self.size,
                               self.leading, self.colour)
        tail = ArabicParagraph(" ".join(self.lines[fits:]), self.font, self.size,
                               self.leading, self.colour, self.spaceAfter)
        return [head, tail]

    def draw(self) -> None:
        canv = self.canv
        canv.saveState()
        canv.setFont(self.font, self.size)
        canv.setFillColor(self.colour)
        y = self.leading * len(self.lines) - self.size
        for line in self.lines:
            canv.drawRightString(self.width, y, shaped(line))
            y -= self.leading
        canv.restoreState()
