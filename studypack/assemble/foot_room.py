"""How much empty paper each page of an included PDF leaves at its foot.

A pack's folios ("Page 7 of 40") go on an included page only where they
print on blank paper: over a centre's own footer, page number or a full-bleed
scan they would be unreadable and would spoil the page. What a page leaves
blank is read off the page as drawn (PDFium, through pypdfium2, which the
workbench's previews use too), because text, vector art, images and
annotations all leave ink, and parsing content streams would see only some of
them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

FOOT_BAND = 72.0
"""Height (points) of the strip at the foot of a page that is looked at. A
folio needs about 40 points in every layout; a page with more clear paper than
this has room enough."""

SCALE = 1.0
"""Pixels per point: a folio's body is 8 points or more, so one-point rows
see any line of text; a page's strip renders in about a millisecond."""

INK = 250
"""A pixel darker than this (0 black, 255 white) is ink: a footer printed in the palest
grey still counts. Blank paper renders pure white; a scan's off-white paper counts as
ink too, so a scanned page gets no folio (a folio over a scan would sit on its grain)."""


def foot_clearances(path: Path, pages: int) -> tuple[float, ...]:
    """Per page, the height (points, up to ``FOOT_BAND``) of blank paper at its foot as seen.

    0.0 for every page when PDFium cannot draw the file: a page no folio is
    laid on loses nothing, where a folio over unseen ink would spoil it.
    """
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(path)
    except (pdfium.PdfiumError, OSError, ValueError):
        return (0.0,) * pages
    try:
        if len(document) != pages:
            return (0.0,) * pages
        return tuple(_clear_height(document[index]) for index in range(pages))
    except pdfium.PdfiumError:
        return (0.0,) * pages
    finally:
        document.close()


def _clear_height(page: Any) -> float:
    """Blank height (points) from the foot of ``page`` (a pypdfium2 page, rotation applied)."""
    height = float(page.get_size()[1])
    band = min(FOOT_BAND, height)
    # Crop is applied after the page's /Rotate, so the strip is the foot a reader sees;
    # grayscale gives one byte a pixel, so a row's darkest pixel is its smallest byte.
    bitmap = page.render(scale=SCALE, crop=(0, 0, 0, height - band), grayscale=True,
                         draw_annots=True)
    pixels, stride, width = bytes(bitmap.buffer), bitmap.stride, bitmap.width * bitmap.n_channels
    rows: int = bitmap.height
    for row in range(rows - 1, -1, -1):
        if min(pixels[row * stride:row * stride + width]) < INK:
            return round((rows - 1 - row) / SCALE, 1)
    return band
