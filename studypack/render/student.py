"""A student's marks on their copy of a pack: the cover line, the page-foot mark and
an optional watermark, as content streams to lay over the shared pages.

A batch lays its pack out once; each student's copy is that PDF with these
streams painted over it (``assemble.student``), as folios are. They are drawn
on a canvas in the theme's fonts so the canvas names every font they use,
then taken back as operators: a copy costs its few lines, not a page each.
"""

from __future__ import annotations

import io
import zlib
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from ..model import PageBox, StudentLines
from ..theme import Theme
from .fit import fit_line
from .fonts import register_theme_fonts
from .marks import draw_watermark, font_runs
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
    fonts = register_theme_fonts(theme)
    styles = make_styles(theme, fonts)
    colours = palette(theme)
    canv = Canvas(buffer, pagesize=theme.page_size, invariant=1, pageCompression=1)
    drawn: dict[object, bytes] = {}

    def operators(key: object, draw: object) -> bytes:
        if key not in drawn:
            before = len(canvas_operators(canv))
            draw()  # type: ignore[operator]
            drawn[key] = zlib.compress("\n".join(canvas_operators(canv)[before:])
                                       .encode("latin-1"))
        return drawn[key]

    small = styles["small"]

    def mark(box: PageBox | None, verso: bool) -> None:
        width, _ = box.shown_size if box else theme.page_size
        canv.saveState()
        if box is not None:
            canv.transform(*box.shown_to_page)
        if lines.watermark:
            draw_watermark(canv, lines.watermark, box.shown_size if box else theme.page_size,
                           styles["h1"].fontName, colour=colours.text,
                           fallback_for=fonts.fallback_for)
        if lines.mark:
            room = width - theme.margin("inner") - theme.margin("outer") - FOLIO_ROOM
            text = fit_line(lines.mark, max(room, 60.0), small.fontName, small.fontSize)
            x = (width - theme.margin("outer") - canv.stringWidth(
                text, small.fontName, small.fontSize)) if verso else theme.margin("inner")
            _line(canv, text, x, theme.margin("bottom") * 0.45, font=small.fontName,
                  size=small.fontSize, colour=colours.muted, fallback_for=fonts.fallback_for)
        canv.restoreState()

    def cover_line() -> None:
        width, height = theme.page_size
        room = width - theme.margin("inner") - float(theme.spec.page.margins_mm.outer) * mm
        face = styles["h3"].fontName
        size = styles["body"].fontSize + 1
        while size > SMALLEST_COVER_SIZE and canv.stringWidth(lines.cover, face, size) > room:
            size -= 0.5
        _line(canv, fit_line(lines.cover, room, face, size), theme.margin("inner"),
              height * 0.25 + COVER_LINE_RISE, font=face, size=size, colour=colours.text,
              fallback_for=fonts.fallback_for)

    codes: list[bytes] = []
    targets: list[int] = []
    if cover and lines.cover and boxes:
        codes.append(operators("cover", cover_line))
        targets.append(0)
    if lines.mark or lines.watermark:
        for page, box in enumerate(boxes):
            if cover and page == 0:
                continue
            verso = duplex and box is None and page % 2 == 1
            codes.append(operators((box, verso), lambda b=box, v=verso: mark(b, v)))
            targets.append(page)
    canv.showPage()
    with binary_streams():
        canv.save()
    return StudentStamps(buffer.getvalue(), tuple(codes), tuple(targets))


def _line(canv: Canvas, text: str, x: float, y: float, *, font: str, size: float,
          colour: object, fallback_for: object) -> None:
    """``text`` from (x, y), each character in ``font`` or the face that has it."""
    line = canv.beginText(x, y)
    line.setFillColor(colour)  # type: ignore[arg-type]
    for face, run in font_runs(text, font, fallback_for, "roster"):  # type: ignore[arg-type]
        line.setFont(face, size)
        line.textOut(run)
    canv.drawText(line)
