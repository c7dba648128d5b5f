"""HarfBuzz shaping of one run of text in one font: which glyphs, and where.

ReportLab draws one glyph per character. Arabic script needs more: letters
take their joined forms, vowel marks sit on their letters, Nastaliq steps each
word down towards its end. HarfBuzz (uharfbuzz) does that from the font's own
OpenType tables. ReportLab 5.1 has a shaping option too, but it shapes word by
word without a language (so Urdu gets Arabic forms of ک and ی), reverses
digits inside right-to-left text and fails on a second line of Nastaliq; it
is not used. Positions come back in points, glyphs left to right as drawn.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

import uharfbuzz as hb

FEATURES = {"kern": True, "liga": True}
"""OpenType features asked for beyond each script's required ones."""


@dataclass(frozen=True)
class Glyph:
    """One glyph as HarfBuzz placed it.

    Attributes:
        gid: Glyph id in the font.
        cluster: Index (in the run's text) of the first character it stands for.
        advance: How far the pen moves after it, in points.
        dx, dy: Its offset from the pen, in points (marks, Nastaliq's steps).
    """

    gid: int
    cluster: int
    advance: float
    dx: float
    dy: float


@dataclass(frozen=True)
class ShapedRun:
    """A run of text in one font and one direction, shaped.

    Attributes:
        text: The run as typed (logical order).
        path: The font file.
        size: Font size in points.
        rtl: Right to left.
        glyphs: Left to right, as they are drawn.
        width: The run's advance in points.
        top, bottom: Ink above and below the baseline, in points (bottom < 0).
        right: How far right of the run's start its ink reaches, in points: past
            ``width`` where a Nastaliq word's first letter swings out.
        ink_left, ink_right: Where the run's ink starts and ends, from its start, in
            points (blank glyphs such as spaces have none; a Nastaliq tail may start
            left of 0). Both are ``width`` for a run without ink.
    """

    text: str
    path: Path
    size: float
    rtl: bool
    glyphs: tuple[Glyph, ...]
    width: float
    top: float
    bottom: float
    right: float = 0.0
    ink_left: float = 0.0
    ink_right: float = 0.0

    def widened(self, index: int, extra: float) -> ShapedRun:
        """This run with glyph ``index`` (a space) ``extra`` points wider."""
        glyphs = list(self.glyphs)
        glyphs[index] = replace(glyphs[index], advance=glyphs[index].advance + extra)
        pen = sum(g.advance for g in self.glyphs[:index])  # where the space starts
        # Ink right of the space moves with the glyphs after it.
        left = self.ink_left + (extra if self.ink_left >= pen else 0.0)
        right = self.ink_right + (extra if self.ink_right > pen else 0.0)
        return replace(self, glyphs=tuple(glyphs), width=self.width + extra,
                       right=self.right + (extra if self.right > pen else 0.0),
                       ink_left=left, ink_right=right)


@lru_cache(maxsize=16)
def hb_font(path: Path) -> hb.Font:
    """The HarfBuzz font of the file at ``path`` (at its design size: positions in font units)."""
    return hb.Font(hb.Face(hb.Blob.from_file_path(str(path))))


@lru_cache(maxsize=16)
def units_per_em(path: Path) -> int:
    """The font's design units per em (HarfBuzz positions come in these)."""
    return int(hb_font(path).face.upem)


@lru_cache(maxsize=65536)
def _ink(path: Path, gid: int) -> tuple[int, int, int, int | None]:
    """The glyph's ink: top and bottom from the baseline, right from its origin, and left
    from its origin (None for a blank glyph), in font units.
    """
    extents = hb_font(path).get_glyph_extents(gid)
    if extents is None:
        return 0, 0, 0, None
    return (extents.y_bearing, extents.y_bearing + extents.height,
            extents.x_bearing + extents.width, extents.x_bearing if extents.width else None)


@lru_cache(maxsize=16384)
def shape(text: str, path: Path, size: float, *, rtl: bool, language: str = "") -> ShapedRun:
    """Shape ``text`` in the font at ``path``.

    Args:
        text: One run: one font, one direction.
        path: A TrueType file.
        size: Font size in points.
        rtl: Shape right to left (Arabic script at an odd bidi level).
        language: A BCP 47 tag ("ur", "ar"): Urdu takes its own letter forms.
    """
    buf = hb.Buffer()
    buf.add_str(text)
    buf.guess_segment_properties()
    buf.direction = "rtl" if rtl else "ltr"
    if language:
        buf.language = language
    font = hb_font(path)
    hb.shape(font, buf, FEATURES)
    scale = size / units_per_em(path)
    glyphs = []
    top = bottom = right = pen = 0.0
    inked: list[tuple[float, float]] = []
    for info, pos in zip(buf.glyph_infos, buf.glyph_positions, strict=True):
        glyphs.append(Glyph(info.codepoint, info.cluster, pos.x_advance * scale,
                            pos.x_offset * scale, pos.y_offset * scale))
        high, low, reach, start = _ink(path, info.codepoint)
        top = max(top, (high + pos.y_offset) * scale)
        bottom = min(bottom, (low + pos.y_offset) * scale)
        right = max(right, pen + (reach + pos.x_offset) * scale)
        if start is not None:
            inked.append((pen + (start + pos.x_offset) * scale,
                          pen + (reach + pos.x_offset) * scale))
        pen += pos.x_advance * scale
    return ShapedRun(text, path, size, rtl, tuple(glyphs), pen, top, bottom, right,
                     min((a for a, _ in inked), default=pen),
                     max((b for _, b in inked), default=pen))
