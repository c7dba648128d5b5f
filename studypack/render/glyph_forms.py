"""Shaped glyphs drawn as shapes: each glyph's outline is a form, made once per document.

ReportLab draws a font's glyphs through characters, one glyph per character,
and Nastaliq has none for most of the glyphs HarfBuzz picks (a letter's form
in its place in the word, its dots, the steps of the baseline). So a shaped
glyph is drawn from its outline instead, read from the font by HarfBuzz: a
PDF form per glyph id, placed where HarfBuzz put the glyph, filled in the
current colour. The text a reader copies is laid under it, unseen
(``arabic.RightToLeftParagraph``).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import uharfbuzz as hb
from reportlab.pdfgen.canvas import Canvas

from .shaping import hb_font, units_per_em

NON_ZERO = 1
"""ReportLab's fill mode for the non-zero winding rule, which TrueType outlines are drawn by
(``reportlab.pdfgen.canvas.FILL_NON_ZERO``, which its type stubs lack)."""

Point = tuple[float, float]
Outline = tuple[tuple[str, tuple[Point, ...]], ...]
"""Pen moves of one glyph in font units: ("M", (p,)), ("L", (p,)), ("C", (c1, c2, p)), ("Z", ())."""


class _Pen:
    """Collects an outline from HarfBuzz, turning TrueType's quadratic curves into cubic ones."""

    def __init__(self) -> None:
        self.moves: list[tuple[str, tuple[Point, ...]]] = []
        self.at: Point = (0.0, 0.0)

    def moveTo(self, p: Point) -> None:  # noqa: N802 - the pen protocol's names
        self.moves.append(("M", (p,)))
        self.at = p

    def lineTo(self, p: Point) -> None:  # noqa: N802
        self.moves.append(("L", (p,)))
        self.at = p

    def curveTo(self, c1: Point, c2: Point, p: Point) -> None:  # noqa: N802
        self.moves.append(("C", (c1, c2, p)))
        self.at = p

    def qCurveTo(self, *points: Point) -> None:  # noqa: N802
        # Off-curve points in a row have an on-curve point halfway between them.
        *controls, end = points
        for n, control in enumerate(controls):
            last = n == len(controls) - 1
            to = end if last else ((control[0] + controls[n + 1][0]) / 2,
                                   (control[1] + controls[n + 1][1]) / 2)
            start = self.at
            c1 = (start[0] + 2 / 3 * (control[0] - start[0]),
                  start[1] + 2 / 3 * (control[1] - start[1]))
            c2 = (to[0] + 2 / 3 * (control[0] - to[0]), to[1] + 2 / 3 * (control[1] - to[1]))
            self.curveTo(c1, c2, to)

    def closePath(self) -> None:  # noqa: N802
        self.moves.append(("Z", ()))

    def endPath(self) -> None:  # noqa: N802
        self.moves.append(("Z", ()))


@lru_cache(maxsize=8192)
def outline(path: Path, gid: int) -> Outline:
    """Glyph ``gid`` of the font at ``path`` as pen moves in font units (empty for a space)."""
    pen = _Pen()
    hb_font(path).draw_glyph_with_pen(gid, pen)
    return tuple(pen.moves)


def form_name(path: Path, gid: int) -> str:
    """The form's name: the font file's and the glyph id's, the same in every process."""
    return f"{path.stem}.{gid}"


def _define(canv: Canvas, name: str, moves: Outline, extents: hb.GlyphExtents) -> None:
    left, top = extents.x_bearing, extents.y_bearing
    canv.beginForm(name, left - 2, top + extents.height - 2, left + extents.width + 2, top + 2)
    drawn = canv.beginPath()
    for move, points in moves:
        if move == "M":
            drawn.moveTo(*points[0])
        elif move == "L":
            drawn.lineTo(*points[0])
        elif move == "C":
            drawn.curveTo(*points[0], *points[1], *points[2])
        else:
            drawn.close()
    canv.drawPath(drawn, stroke=0, fill=1, fillMode=NON_ZERO)
    canv.endForm()


def draw_glyph(canv: Canvas, path: Path, gid: int, at: tuple[float, float], size: float) -> None:
    """Draw glyph ``gid`` of the font at ``path``, its origin at ``at``, ``size`` points high."""
    moves = outline(path, gid)
    if not moves:
        return
    name = form_name(path, gid)
    if not canv.hasForm(name):
        extents = hb_font(path).get_glyph_extents(gid)
        _define(canv, name, moves, extents)
    scale = size / units_per_em(path)
    canv.saveState()
    canv.transform(scale, 0, 0, scale, *at)
    canv.doForm(name)
    canv.restoreState()
