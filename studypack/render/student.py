"""A student's marks on their copy of a pack: the cover line, the page-foot mark and
an optional watermark, as content streams to lay over the shared pages.

A batch lays its pack out once; each student's copy is that PDF with these
streams painted over it (``assemble.student``), as folios are. They are drawn
on a canvas in the theme's fonts so the canvas names every font they use,
then taken back as operators: a copy costs its few lines, not a page each.
"""

from __future__ import annotations

import io
import warnings
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from ..errors import MissingGlyphWarning
from ..model import PageBox, StudentLines
from ..theme import Theme
from .fit import fit_lines
from .fonts import register_theme_fonts
from .inline import Markup
from .marks import draw_watermark
from .paragraphs import paragraph
from .rl_private import canvas_operators
from .streams import binary_streams
from .styles import make_styles, palette

FOLIO_ROOM = 110.0
"""Points of the foot line left to the folio, on the side the mark does not take."""
COVER_LINE_RISE = 12.0
"""Baseline of the cover line above the cover's rule (at a quarter of the height)."""
SMALLEST_COVER_SIZE = 8.0
"""A long cover line is set smaller down to this size before it is cut."""


@dataclass(frozen=True)
class StudentStamps:
    """A student's overlays: ``codes[k]`` (Flate-compressed) over page ``targets[k]``.

    Attributes:
        pdf: A one-page PDF whose resources hold every font the codes use.
        codes: Content streams; equal ones are equal bytes (shared when painted).
        targets: Their 0-based pages.
    """

    pdf: bytes
    codes: tuple[bytes, ...]
    targets: tuple[int, ...]


def render_student_stamps(theme: Theme, lines: StudentLines,
                          boxes: tuple[PageBox | None, ...], *, duplex: bool,
                          cover: bool) -> StudentStamps:
    """Draw one student's lines for a pack of ``len(boxes)`` pages.

    Args:
        theme: The pack's layout (fonts, margins, colours).
        lines: The student's lines.
        boxes: Per page, where it is seen if it is not one of our own pages
            (an included PDF's page), else None.
        duplex: Versos (even pages) carry their folio on the left: the mark
            goes right.
        cover: The first page is a cover: it gets the cover line, no mark.
    """
    buffer = io.BytesIO()
    pen = _Pen(theme, lines, buffer)
    codes: list[bytes] = []
    targets: list[int] = []
    if cover and lines.cover and boxes:
        codes.append(pen.operators("cover", pen.cover_line))
        targets.append(0)
    if lines.mark or lines.watermark:
        for page, box in enumerate(boxes):
            if cover and page == 0:
                continue
            verso = duplex and box is None and page % 2 == 1
            codes.append(pen.operators((box, verso), partial(pen.mark, box, verso)))
            targets.append(page)
    pen.canv.showPage()
    with binary_streams():
        pen.canv.save()
    return StudentStamps(buffer.getvalue(), tuple(codes), tuple(targets))


class _Pen:
    """Draws a student's lines on one canvas and keeps each drawing's operators."""

    def __init__(self, theme: Theme, lines: StudentLines, buffer: io.BytesIO) -> None:
        self.theme, self.lines = theme, lines
        self.fonts = register_theme_fonts(theme)
        self.styles = make_styles(theme, self.fonts)
        # Started in the body's font: ReportLab's own first font (Helvetica) would
        # be named in every copy's resources, unembedded.
        self.canv = Canvas(buffer, pagesize=theme.page_size, invariant=1, pageCompression=1,
                           initialFontName=self.styles["body"].fontName)  # type: ignore[arg-type]
        self.colours = palette(theme)
        self.drawn: dict[object, bytes] = {}

    def operators(self, key: object, draw: Callable[[], None]) -> bytes:
        """What ``draw`` adds to the page, Flate-compressed; drawn once per ``key``."""
        if key not in self.drawn:
            before = len(canvas_operators(self.canv))
            draw()
            self.drawn[key] = zlib.compress("\n".join(canvas_operators(self.canv)[before:])
                                            .encode("latin-1"))
        return self.drawn[key]

    def markup(self, *, heading: bool = False) -> Markup:
        """Turns the student's text into paragraph markup; warnings name their roster line."""
        found = (Markup(self.fonts, self.fonts.heading, bold=True) if heading
                 else Markup(self.fonts, self.fonts.text))
        found.source = self.lines.source
        return found

    def mark(self, box: PageBox | None, verso: bool) -> None:
        """The watermark and the foot line, on a page seen as ``box`` (None: our own page)."""
        theme, canv = self.theme, self.canv
        size = box.shown_size if box else theme.page_size
        canv.saveState()
        if box is not None:
            canv.transform(*box.shown_to_page)
        if self.lines.watermark:
            draw_watermark(canv, self.lines.watermark, size, self.styles["h1"].fontName,
                           colour=self.colours.text, fonts=self.fonts)
        if self.lines.mark:
            room = max(size[0] - theme.margin("inner") - theme.margin("outer") - FOLIO_ROOM,
                       60.0)
            # Opposite the folio: on a verso it is at the left, so the mark goes right.
            style = ParagraphStyle("student-mark", parent=self.styles["small"],
                                   textColor=self.colours.muted,
                                   alignment=TA_RIGHT if verso else TA_LEFT)
            x = size[0] - theme.margin("outer") - room if verso else theme.margin("inner")
            _set_line(canv, self.lines.mark, x=x, baseline=theme.margin("bottom") * 0.45,
                      width=room, style=style, markup=self.markup())
        canv.restoreState()

    def cover_line(self) -> None:
        """The cover's line, above its rule; a long one is set smaller, then cut."""
        width, height = self.theme.page_size
        room = (width - self.theme.margin("inner")
                - float(self.theme.spec.page.margins_mm.outer) * mm)
        markup = self.markup(heading=True)
        size = self.styles["body"].fontSize + 1
        style = ParagraphStyle("student-cover", parent=self.styles["h3"], fontSize=size,
                               leading=size * 1.2, textColor=self.colours.text,
                               alignment=TA_LEFT)
        while size > SMALLEST_COVER_SIZE and _height(self.lines.cover, room, style,
                                                     markup) > style.leading * 1.5:
            size -= 0.5
            style = ParagraphStyle("student-cover", parent=style, fontSize=size,
                                   leading=size * 1.2)
        _set_line(self.canv, self.lines.cover, x=self.theme.margin("inner"),
                  baseline=height * 0.25 + COVER_LINE_RISE, width=room, style=style,
                  markup=markup)


def _height(text: str, width: float, style: ParagraphStyle, markup: Markup) -> float:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MissingGlyphWarning)  # said once, when it is set
        return float(paragraph(markup.text(text), style).wrap(width, 1e6)[1])


def _set_line(canv: Canvas, text: str, *, x: float, baseline: float, width: float,
              style: ParagraphStyle, markup: Markup) -> None:
    """``text`` on one line from ``x`` (cut with "…" if it is longer than ``width``), its
    baseline at ``baseline``; set as the answers are: Arabic-script runs shaped in the
    Arabic font, other characters a face lacks from a fallback face.
    """
    with warnings.catch_warnings():
        # Measuring cuts may meet a missing glyph many times: it is said once, below.
        warnings.simplefilter("ignore", MissingGlyphWarning)
        fitted = fit_lines(text, width, style, 1, markup.text)
    para = paragraph(markup.text(fitted), style)
    _, height = para.wrap(width, 1e6)
    # ReportLab sets a paragraph's first baseline one ascent below its top.
    para.drawOn(canv, x, baseline - height + style.fontSize)
