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

import re
from functools import lru_cache
from pathlib import Path

from reportlab.lib.rl_accel import fp_str
from reportlab.pdfgen.canvas import Canvas

from .rl_private import canvas_operators, define_form
from .shaping import hb_font, units_per_em

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
    """The form's name: the font's PostScript name and the glyph id.

    The font's own name, not its file's: a process that first read the font
    from a copy (a workspace's fonts/) names its glyphs as a fresh one does,
    and the same pack gives the same bytes.
    """
    return f"{_font_name(path)}.{gid}"


@lru_cache(maxsize=16)
def _font_name(path: Path) -> str:
    import uharfbuzz as hb

    name = hb_font(path).face.get_name(hb.OTNameIdPredefined.POSTSCRIPT_NAME) or path.stem
    return re.sub(r"[^A-Za-z0-9._-]", "", name) or "font"


def operators(moves: Outline) -> str:
    """The outline as PDF path operators, filled by the non-zero winding rule (TrueType's)."""
    ops: list[str] = []
    for move, points in moves:
        numbers = " ".join(fp_str(x, y) for x, y in points)
        ops.append(f"{numbers} {PATH_OPERATOR[move]}" if numbers else PATH_OPERATOR[move])
    ops.append("f")
    return "\n".join(ops)


PATH_OPERATOR = {"M": "m", "L": "l", "C": "c", "Z": "h"}


def draw_glyph(canv: Canvas, path: Path, gid: int, at: tuple[float, float], size: float) -> None:
    """Draw glyph ``gid`` of the font at ``path``, its origin at ``at``, ``size`` points high."""
    glyph = _glyph(path, gid)
    if glyph is None:
        return  # a space, a joiner: nothing to draw
    name, box, ops, units = glyph
    if not canv.hasForm(name):
        define_form(canv, name, box, ops)
    scale = size / units
    # The form placed by a matrix of its own between q and Q: ReportLab's saveState and
    # transform copy the canvas's whole state, a third of the time of a page of Urdu.
    code = canvas_operators(canv)
    code.append(f"q {fp_str(scale, 0, 0, scale, *at)} cm")
    canv.doForm(name)
    code.append("Q")


@lru_cache(maxsize=16384)
def _glyph(path: Path, gid: int) -> tuple[str, tuple[int, int, int, int], str, int] | None:
    """A glyph's form name, ink box (font units, a unit of room on each side), path
    operators and the font's units per em; None for one with no outline.
    """
    moves = outline(path, gid)
    if not moves:
        return None
    ink = hb_font(path).get_glyph_extents(gid)
    box = (ink.x_bearing - 1, ink.y_bearing + ink.height - 1, ink.x_bearing + ink.width + 1,
           ink.y_bearing + 1)
    return form_name(path, gid), box, operators(moves), units_per_em(path)


def forget_font_files() -> None:
    """Forget what was read from font files (HarfBuzz fonts, outlines, names): a file
    replaced in place (under pack --watch) is read again.
    """
    from . import shaping

    for cached in (outline, _glyph, _font_name, shaping.hb_font, shaping.units_per_em,
                   shaping._ink, shaping.shape):
        cached.cache_clear()
