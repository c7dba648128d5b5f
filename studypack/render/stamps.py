"""Small single-purpose PDFs the merger needs: blank versos and folio stamps.

Drawn straight on a canvas, in the theme's fonts and positions, so a stamped
folio sits exactly where a single-document build would draw it.
"""

from __future__ import annotations

import io
import zlib
from dataclasses import dataclass
from functools import cached_property

from reportlab.lib.rl_accel import fp_str
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas

from ..model import BookletPlan, PageBox
from ..theme import Theme
from .fit import fitted_template_line
from .fonts import register_theme_fonts, subset_seed
from .marks import draw_watermark
from .rl_private import canvas_operators, seed_subset
from .streams import binary_streams
from .styles import make_styles, palette


def _canvas(theme: Theme, buffer: io.BytesIO, alphabet: str
            ) -> tuple[Canvas, dict[str, ParagraphStyle]]:
    fonts = register_theme_fonts(theme)
    styles = make_styles(theme, fonts)
    canv = Canvas(buffer, pagesize=theme.page_size, invariant=1, pageCompression=1,
                  # types-reportlab has the font name as a number.
                  initialFontName=styles["body"].fontName)  # type: ignore[arg-type]
    for name, chars in subset_seed(fonts, alphabet).items():
        seed_subset(canv, name, chars)
    return canv, styles


def render_blank_page(theme: Theme, plan: BookletPlan, alphabet: str = "") -> bytes:
    """One page that says it was left blank (a verso before a recto start)."""
    buffer = io.BytesIO()
    canv, styles = _canvas(theme, buffer, alphabet)
    width, height = theme.page_size
    if plan.brand.watermark:
        draw_watermark(canv, plan.brand.watermark, theme.page_size, styles["h1"].fontName,
                       colour=palette(theme).text,
                       fonts=register_theme_fonts(theme))
    small = styles["small"]
    canv.setFont(small.fontName, small.fontSize)
    canv.setFillColor(palette(theme).muted)
    canv.drawCentredString(width / 2, height / 2,
                           fitted_template_line(theme, "blank.j2", small.fontName,
                                                small.fontSize, booklet=plan))
    canv.showPage()
    with binary_streams():
        canv.save()
    return buffer.getvalue()


@dataclass(frozen=True)
class FolioStamps:
    """Folio overlays for a merged pack.

    Attributes:
        pdf: A one-page PDF whose page resources hold the fonts and graphics
            states every overlay uses (its own content does not matter).
        codes: Per stamped page, a content stream (PDF operators) drawing
            its folio with the names of those resources.
        watermarks: Per box asked for, a content stream drawing the brand's
            watermark across that page as it is seen (for pages that were
            not laid out with it: included PDFs).
        numbers: Per contents page asked for, a content stream printing its
            rows' page numbers.
    """

    pdf: bytes
    codes: tuple[bytes, ...]
    watermarks: tuple[bytes, ...] = ()
    numbers: tuple[bytes, ...] = ()

    @cached_property
    def flate_codes(self) -> tuple[bytes, ...]:
        """``codes``, each Flate-compressed (zlib), as a PDF stream holds them."""
        return tuple(zlib.compress(code) for code in self.codes)

    @cached_property
    def flate_watermarks(self) -> tuple[bytes, ...]:
        """``watermarks``, each Flate-compressed."""
        return tuple(zlib.compress(code) for code in self.watermarks)

    @cached_property
    def flate_numbers(self) -> tuple[bytes, ...]:
        """``numbers``, each Flate-compressed."""
        return tuple(zlib.compress(code) for code in self.numbers)


def folio_room(theme: Theme) -> float:
    """Blank paper (points) a page's foot must leave for a folio laid over it.

    The folio's line and clear paper over it: it never touches, nor stacks under, what
    the page prints above it.
    """
    size = float(make_styles(theme, register_theme_fonts(theme))["small"].fontSize)
    # The folio's line, and two lines' clear space over it: a page's own footer just above
    # would read as a second footer stacked on it.
    return _folio_baseline(theme) + 3.5 * size


def _folio_baseline(theme: Theme) -> float:
    return theme.margin("bottom") * 0.45


def render_folio_stamps(theme: Theme,
                        labels: list[tuple[str, str, int, int, PageBox | None]],
                        alphabet: str = "", *, duplex: bool = False,
                        watermark: str | None = None,
                        watermark_boxes: tuple[PageBox, ...] = (),
                        numbers: tuple[tuple[tuple[float, float, str], ...], ...] = ()
                        ) -> FolioStamps:
    """Every folio of a pack, as content streams to lay over the merged pages.

    ReportLab encodes each folio's text (subset codes, font switches for
    stray characters) into a text object; its operators are kept rather than
    a page per folio, because pypdf parses a 1,600-page stamp file far more
    slowly than we can wrap 1,600 short streams.

    Args:
        theme: Fonts, page size and margins (points).
        labels: Per page: (page label, last label, physical page, physical total,
            where an included page is seen or None for our own). An included
            page's folio keeps our margins from its own edges.
        alphabet: Seed for identical font subsets across the pack's parts.
        duplex: Put versos' folios at the left (outer) edge.
        watermark: The brand's watermark text, drawn as on our own pages.
        watermark_boxes: The pages to draw it for (none without a watermark).
        numbers: Per contents page, its page numbers: (x, y, label), set
            right-aligned at x on baseline y (points) in the body text's
            font, size and colour, as a single document's contents sets them.
    """
    buffer = io.BytesIO()
    canv, styles = _canvas(theme, buffer, alphabet)
    marks = []
    drawn: dict[tuple[float, float], str] = {}
    for box in watermark_boxes if watermark else ():
        size = box.shown_size
        if size not in drawn:
            # The operators the canvas adds for it; drawn on the page, they
            # also put its font and transparency state in the page's resources.
            before = len(canvas_operators(canv))
            draw_watermark(canv, watermark or "", size, styles["h1"].fontName,
                           colour=palette(theme).text,
                           fonts=register_theme_fonts(theme))
            drawn[size] = "\n".join(canvas_operators(canv)[before:])
        marks.append(f"q {fp_str(*box.shown_to_page)} cm\n{drawn[size]}\nQ".encode("latin-1"))
    style = styles["small"]
    y = _folio_baseline(theme)
    codes = []
    for label, last, page, pages, seen in labels:
        text = fitted_template_line(theme, "folio.j2", style.fontName, style.fontSize,
                                    page_label=label, last_label=last, page=page, pages=pages)
        width = seen.shown_size[0] if seen else theme.page_size[0]
        # On an included page of another size the layout's margins may not fit: a small
        # page keeps its folio near its own corner.
        inner, outer = ((min(theme.margin("inner"), width * 0.08),
                         min(theme.margin("outer"), width * 0.08)) if seen
                        else (theme.margin("inner"), theme.margin("outer")))
        if duplex and page % 2 == 0:  # a verso: the outer edge is on the left
            x = inner
        else:
            x = width - outer - canv.stringWidth(text, style.fontName, style.fontSize)
        folio = canv.beginText(x, y)
        folio.setFont(style.fontName, style.fontSize)
        folio.setFillColor(style.textColor)
        folio.textOut(text)
        code = folio.getCode()
        # An included page's own space may be moved or turned from the one it is seen in.
        codes.append((f"q {fp_str(*seen.shown_to_page)} cm\n{code}\nQ" if seen else code
                      ).encode("latin-1"))
        # Drawn here too, so the page's resources name every font the codes use.
        canv.drawText(folio)
    body = styles["body"]
    number_codes = []
    for rows in numbers:
        drawn_numbers = []
        for x, y, label in rows:
            number = canv.beginText(x - canv.stringWidth(label, body.fontName, body.fontSize),
                                    y)
            number.setFont(body.fontName, body.fontSize)
            number.setFillColor(body.textColor)
            number.textOut(label)
            drawn_numbers.append(number.getCode())
            canv.drawText(number)
        number_codes.append("\n".join(drawn_numbers).encode("latin-1"))
    canv.showPage()
    with binary_streams():
        canv.save()
    return FolioStamps(buffer.getvalue(), tuple(codes), tuple(marks), tuple(number_codes))
