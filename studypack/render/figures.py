"""A figure: an answer's image scaled to the text column, numbered and captioned.

The image is drawn by the same checked path as a logo (``marks.draw_logo``):
PNG and JPEG at 150 dpi at most, SVG at its own size, never wider than the
column nor taller than half the page's text area, so that its caption stays
with it. The caption reads "Figure 2. The Indus basin".
"""

from __future__ import annotations

from pathlib import Path

from reportlab.platypus import Flowable, KeepTogether
from typing_extensions import override

from ..content.images import ImageProblem, load_image
from ..errors import RenderError
from .marks import draw_logo

RASTER_DPI = 150
"""A PNG or JPEG is printed no larger than at this many pixels to the inch."""
MOST_OF_PAGE = 0.5
"""The most of the text area's height a figure takes."""


class FigureImage(Flowable):
    """One image, centred, at the largest size that fits the column and the limits above."""

    def __init__(self, path: str, font: str, *, page_height: float, grey: bool) -> None:
        super().__init__()
        try:
            image = load_image(Path(path))
        except ImageProblem as exc:  # changed since the answer was read
            raise RenderError(f"figure: {exc}") from None
        scale = 72 / RASTER_DPI if image.kind != "SVG" else 1.0
        self.natural = (image.width * scale, image.height * scale)
        self.path, self.font, self.grey = path, font, grey
        self.most_height = page_height * MOST_OF_PAGE
        self.hAlign = "CENTER"

    @override
    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        width, height = self.natural
        scale = min(1.0, availWidth / width, self.most_height / height)
        self.width, self.height = width * scale, height * scale
        return self.width, self.height

    def draw(self) -> None:
        """Draw on the canvas at the flowable's origin (ReportLab calls this)."""
        draw_logo(self.canv, self.path, (self.width, self.height), (self.width, self.height),
                  self.font, grey=self.grey)


def figure(image: FigureImage, caption: Flowable) -> Flowable:
    """The image and its caption, kept on one page."""
    return KeepTogether([image, caption])
