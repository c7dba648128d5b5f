"""Brand marks drawn straight on a page: the logo and the watermark.

Sizes in PDF points; positions are the box's corner named in each function.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Callable
from functools import lru_cache
from io import BytesIO
from pathlib import Path
from typing import Any

from reportlab.graphics import renderPDF
from reportlab.lib.colors import Color
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import getFont, stringWidth
from reportlab.pdfgen.canvas import Canvas

from ..content.images import (
    MAX_IMAGE_BYTES,
    ImageProblem,
    LoadedImage,
    load_image,
    read_regular_file,
    svg_drawing,
)
from ..errors import MissingGlyphWarning, RenderError
from .fonts import FontSet
from .inline import ARABIC_LETTER, Markup
from .paragraphs import paragraph

WATERMARK_ALPHA = 0.09
"""Opacity of the watermark: visible on screen and paper, never in the way of reading."""


@lru_cache(maxsize=8)
def _svg(path: str, font: str, _mtime_ns: int, _size: int):  # type: ignore[no-untyped-def]
    # The file's state is part of the key: a logo replaced while ``pack
    # --watch`` runs is read again.
    from reportlab.graphics.shapes import Group, String

    drawing = svg_drawing(Path(path), read_regular_file(Path(path), MAX_IMAGE_BYTES))

    def embed_text(node: object) -> None:
        # svglib maps SVG text to the standard (unembedded) PDF fonts; use ours.
        if isinstance(node, String):
            node.fontName = font
        for child in getattr(node, "contents", []) if isinstance(node, Group) else []:
            embed_text(child)
    embed_text(drawing)
    # The renderer's starting state names a font too (Helvetica unless told).
    drawing.initialFontName = font
    return drawing


def draw_logo(canv: Canvas, path: str, corner: tuple[float, float], box: tuple[float, float],
              font: str, *, grey: bool = False) -> None:
    """Draw a PNG, JPEG or SVG logo inside a box, in proportion, its top-right at ``corner``.

    The file goes through the same checked loader as the brand check, and
    what is drawn is the bytes it checked.

    Args:
        canv: The page canvas.
        path: Logo file (checked before rendering).
        corner: The box's top-right corner (x, y) in points from the page's bottom left.
        box: The largest width and height in points.
        font: Embedded font for any text in an SVG logo.
        grey: Print a PNG or JPEG logo in greys (grayscale layouts).

    Raises:
        RenderError: The logo changed since it was checked and is no longer usable.
    """
    try:
        if Path(path).suffix.lower() == ".svg":
            stat = Path(path).stat()
            _draw_svg(canv, _svg(path, font, stat.st_mtime_ns, stat.st_size), corner, box)
        else:
            _draw_raster(canv, load_image(Path(path)), corner, box, grey=grey)
    except (ImageProblem, OSError) as exc:
        raise RenderError(f"logo: {exc}") from None


def _draw_svg(canv: Canvas, drawing: Any, corner: tuple[float, float],
              box: tuple[float, float]) -> None:
    (right, top), (box_w, box_h) = corner, box
    scale = min(box_w / drawing.width, box_h / drawing.height)
    if not math.isfinite(scale) or scale <= 0:  # the loader's size limits make this unreachable
        raise ImageProblem(f"cannot scale the SVG to the logo box ({scale})")
    canv.saveState()
    canv.translate(right - drawing.width * scale, top - drawing.height * scale)
    canv.scale(scale, scale)
    renderPDF.draw(drawing, canv, 0, 0)
    canv.restoreState()


def _draw_raster(canv: Canvas, logo: LoadedImage, corner: tuple[float, float],
                 box: tuple[float, float], *, grey: bool) -> None:
    from reportlab.lib.utils import ImageReader

    (right, top), (box_w, box_h) = corner, box
    image = ImageReader(BytesIO(logo.data))
    if grey:
        from PIL import Image

        with Image.open(BytesIO(logo.data)) as picture:
            # Keep transparency: grey the colours, not the alpha channel.
            image = ImageReader(picture.convert("LA").convert("RGBA"))
    canv.drawImage(image, right - box_w, top - box_h, box_w, box_h, preserveAspectRatio=True,
                   anchor="ne", mask="auto")


def draw_watermark(canv: Canvas, text: str, page_size: tuple[float, float], font: str, *,
                   colour: Color, fonts: FontSet | None = None) -> None:
    """Draw ``text`` large and faint across the page diagonal, under what follows.

    A character ``font`` lacks is drawn in the fallback font ``fonts`` names
    for it, as in the text; with none, it is warned of
    (``MissingGlyphWarning``, source "brand watermark"), not lost unsaid.
    Urdu or Arabic in it is shaped, as in a paragraph.
    """
    width, height = page_size
    angle = math.degrees(math.atan2(height, width))
    room = math.hypot(width, height) * 0.7
    canv.saveState()
    canv.setFillColor(colour)
    canv.setFillAlpha(WATERMARK_ALPHA)
    canv.translate(width / 2, height / 2)
    canv.rotate(angle)
    if fonts is not None and ARABIC_LETTER.search(text):
        _draw_shaped(canv, text, font, fonts, colour=colour, room=room)
    else:
        runs = font_runs(text, font, fonts.fallback_for if fonts else None)
        size = min(90.0, room / max(1.0, sum(stringWidth(run, face, 1) for face, run in runs)))
        line = canv.beginText(-sum(stringWidth(run, face, size) for face, run in runs) / 2,
                              -size / 3)
        for face, run in runs:
            line.setFont(face, size)
            line.textOut(run)
        canv.drawText(line)
    canv.restoreState()


def _draw_shaped(canv: Canvas, text: str, font: str, fonts: FontSet, *, colour: Color,
                 room: float) -> None:
    family = next((f for f in fonts.core() if font in (f.regular, f.bold)), fonts.heading)
    markup = Markup(fonts, family, bold=font == family.bold)
    markup.source = "brand watermark"
    converted = markup.text(text)
    # The paragraph sets its colour, and with it the colour's own (opaque) alpha.
    faint = Color(colour.red, colour.green, colour.blue, alpha=WATERMARK_ALPHA)

    def set_at(size: float) -> tuple[Any, float, float]:
        style = ParagraphStyle("watermark", fontName=font, fontSize=size, leading=size * 1.25,
                               textColor=faint)
        para = paragraph(converted, style)
        _, tall = para.wrap(1e6, 1e6)
        return para, max(para.getActualLineWidths0()), tall

    _, wide, _ = set_at(10.0)
    para, wide, tall = set_at(min(90.0, room * 10.0 / max(wide, 1.0)))
    # On one line a little wider than the text (no rounding may wrap it), centred.
    para.wrap(wide + 1.0, 1e6)
    para.drawOn(canv, -(wide + 1.0) / 2, -tall / 2)


def font_runs(text: str, font: str, fallback_for: Callable[[str], str | None] | None,
              source: str = "brand watermark") -> list[tuple[str, str]]:
    """``text`` cut into (font, characters) runs: ``font`` where it has the glyph.

    A character no font has is warned of, naming ``source``.
    """
    glyphs = getattr(getattr(getFont(font), "face", None), "charToGlyph", None)
    runs: list[tuple[str, str]] = []
    for char in text:
        face = font
        if glyphs is not None and not char.isspace() and ord(char) not in glyphs:
            face = (fallback_for(char) if fallback_for else None) or font
            if face == font:
                warnings.warn(MissingGlyphWarning(char, source), stacklevel=3)
        if runs and runs[-1][0] == face:
            runs[-1] = (face, runs[-1][1] + char)
        else:
            runs.append((face, char))
    return runs
