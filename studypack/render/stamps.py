"""Small single-purpose PDFs the merger needs: blank versos and folio stamps.

Drawn straight on a canvas, in the theme's fonts and positions, so a stamped
folio sits exactly where a single-document build would draw it.
"""

from __future__ import annotations

import io

from reportlab.pdfgen.canvas import Canvas

from ..model import BookletPlan
from ..theme import Theme
from ..theme.templates import render_text
from .fonts import register_theme_fonts, subset_seed
from .marks import draw_watermark
from .styles import make_styles, palette


def _canvas(theme: Theme, buffer: io.BytesIO, alphabet: str) -> tuple[Canvas, dict]:
    fonts = register_theme_fonts(theme)
    styles = make_styles(theme, fonts)
    canv = Canvas(buffer, pagesize=theme.page_size, invariant=1, pageCompression=1,
                  initialFontName=styles["body"].fontName)
    for name, chars in subset_seed(fonts, alphabet).items():
        from reportlab.pdfbase import pdfmetrics
        pdfmetrics.getFont(name).splitString(chars, canv._doc)
    return canv, styles


def render_blank_page(theme: Theme, plan: BookletPlan, alphabet: str = "") -> bytes:
    """One page that says it was left blank (a verso before a recto start)."""
    buffer = io.BytesIO()
    canv, styles = _canvas(theme, buffer, alphabet)
    width, height = theme.page_size
    if plan.brand.watermark:
        draw_watermark(canv, plan.brand.watermark, theme.page_size, styles["h1"].fontName,
                       palette(theme).text)
    canv.setFont(styles["small"].fontName, styles["small"].fontSize)
    canv.setFillColor(palette(theme).muted)
    canv.drawCentredString(width / 2, height / 2,
                           render_text(theme.templates, "blank.j2", booklet=plan))
    canv.showPage()
    canv.save()
    return buffer.getvalue()


def render_folio_stamps(theme: Theme, labels: list[tuple[str, str, int, int]],
                        alphabet: str = "", duplex: bool = False) -> bytes:
    """One page per folio, to lay over the pages of a merged pack.

    Args:
        theme: Fonts, page size and margins (points).
        labels: Per page: (page label, last label, physical page, physical total).
        alphabet: Seed for identical font subsets across the pack's parts.
        duplex: Put versos' folios at the left (outer) edge.

    Returns:
        A PDF with ``len(labels)`` pages, each holding only its folio.
    """
    buffer = io.BytesIO()
    canv, styles = _canvas(theme, buffer, alphabet)
    width, _ = theme.page_size
    style = styles["small"]
    for label, last, page, pages in labels:
        text = render_text(theme.templates, "folio.j2", page_label=label, last_label=last,
                           page=page, pages=pages)
        canv.setFont(style.fontName, style.fontSize)
        canv.setFillColor(style.textColor)
        y = theme.margin("bottom") * 0.45
        if duplex and page % 2 == 0:  # a verso: the outer edge is on the left
            canv.drawString(theme.margin("inner"), y, text)
        else:
            canv.drawRightString(width - theme.margin("outer"), y, text)
        canv.showPage()
    canv.save()
    return buffer.getvalue()
