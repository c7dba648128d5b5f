"""Imposition: a finished PDF → sheets for a folded (saddle-stitched) booklet, or 2-up.

Input: a PDF's pages. Output: sheets twice a page's width (A5 pages on A4
sheets, A4 on A3), each side holding two pages, in the order that makes a
booklet once the sheets are printed on both sides (short-edge flip), stacked,
folded and stapled. Thick packs are split into signatures (separately folded
sections), and creep (inner sheets' pages sticking out at the fore-edge once
folded) can be compensated by moving their pages towards the spine.

Pages are placed as form XObjects by qpdf (pikepdf's ``add_overlay``), which
honours each page's ``/Rotate``, crop and trim box. Links and the outline do
not survive: an imposed file is for the printer, and the booklet PDF it came
from keeps them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import BinaryIO

import pikepdf
from pikepdf import Name, Pdf, Rectangle

MM = 72 / 25.4


@dataclass(frozen=True)
class Side:
    """One side of a sheet: the 0-based pages on its left and right (None: blank)."""

    left: int | None
    right: int | None
    sheet: int
    """The sheet's place in its signature, 0 the outermost (creep grows inwards)."""
    sheets: int
    """How many sheets its signature has."""


def padded(pages: int, *, back_cover: bool) -> list[int | None]:
    """The pages in reading order, padded with blanks (None) to a multiple of four.

    The blanks go at the end, before a back cover when there is one: the back
    cover stays the booklet's last page, on the outside.
    """
    blanks = -pages % 4
    order: list[int | None] = list(range(pages))
    if back_cover and pages > 1:
        return [*order[:-1], *([None] * blanks), order[-1]]
    return order + [None] * blanks


def booklet_sides(pages: int, *, signature: int | None = None,
                  back_cover: bool = False) -> list[Side]:
    """The sheet sides of a saddle-stitched booklet, front then back of each sheet.

    With ``signature`` (a multiple of 4), the pages are cut into sections of
    that many pages, each folded on its own and gathered in order; the last
    section may be shorter (blanks pad only the book's end).

    For a 4-page section: front (4, 1), back (2, 3), in 1-based pages.
    """
    order = padded(pages, back_cover=back_cover)
    size = signature or len(order)
    sides: list[Side] = []
    for start in range(0, len(order), size):
        section = order[start:start + size]
        # A last section shorter than a signature is padded to a multiple of 4 already.
        n = len(section)
        sheets = n // 4
        for i in range(sheets):
            sides.append(Side(section[n - 1 - 2 * i], section[2 * i], i, sheets))
            sides.append(Side(section[2 * i + 1], section[n - 2 - 2 * i], i, sheets))
    return sides


def two_up_sides(pages: int) -> list[Side]:
    """Pages two to a side in reading order (1-2, 3-4 …), a blank after an odd last page."""
    return [Side(i, i + 1 if i + 1 < pages else None, 0, 1) for i in range(0, pages, 2)]


def impose(source: Pdf, sides: Sequence[Side], into: BinaryIO, *, creep_mm: float = 0.0
           ) -> int:
    """Place ``source``'s pages on sheets as ``sides`` say; write the sheets to ``into``.

    Each page keeps its size: a sheet is two of the first page's width by its
    height, a smaller page is centred in its half, and a larger one shrunk to fit.

    Args:
        source: The finished PDF.
        sides: The sheet sides, from ``booklet_sides`` or ``two_up_sides``.
        into: Where the imposed PDF goes.
        creep_mm: How far the innermost sheet's pages move towards the spine;
            sheets further out move proportionally less, the outermost not at all.

    Returns:
        The number of sheet sides written.
    """
    width, height = _size(source.pages[0])
    out = Pdf.new()
    forms: dict[int, pikepdf.Object] = {}
    for side in sides:
        sheet = out.add_blank_page(page_size=(2 * width, height))
        shift = (creep_mm * MM * side.sheet / (side.sheets - 1)) if side.sheets > 1 else 0.0
        for half, index in ((0, side.left), (1, side.right)):
            if index is None:
                continue
            # Towards the spine: the left page moves right, the right page left.
            x = half * width + (shift if half == 0 else -shift)
            form = forms.get(index)
            if form is None:
                form = forms[index] = out.copy_foreign(source.pages[index].as_form_xobject())
            # Named by page, not at random: the same input gives the same bytes.
            name = sheet.add_resource(form, Name.XObject, Name(f"/Page{index + 1}"))
            # qpdf centres the page in its half, shrinking one too big (a landscape
            # page in a portrait booklet) and never enlarging one smaller.
            placing = sheet.calc_form_xobject_placement(
                form, name, Rectangle(x, 0, x + width, height), allow_shrink=True,
                allow_expand=False)
            sheet.contents_add(b"q\n" + bytes(placing) + b"\nQ\n")
    # Marked as ours, so a later imposition may replace it (and nothing else).
    title = source.docinfo.get("/Title")
    out.docinfo["/Creator"] = "studypack"
    if title is not None:
        out.docinfo["/Title"] = pikepdf.String(f"{title} (imposed)")
    out.save(into, deterministic_id=True, compress_streams=True,
             object_stream_mode=pikepdf.ObjectStreamMode.generate)
    return len(sides)


def _size(page: pikepdf.Page) -> tuple[float, float]:
    box = page.trimbox
    w, h = float(box[2]) - float(box[0]), float(box[3]) - float(box[1])
    return (h, w) if int(page.obj.get("/Rotate", 0)) % 180 else (w, h)


def ends_with_back_cover(pdf: Pdf) -> bool:
    """Whether the last page is labelled "Back cover" (as studypack labels one)."""
    labels = pdf.Root.get("/PageLabels")
    if labels is None:
        return False
    tree = pikepdf.NumberTree(labels)
    last = len(pdf.pages) - 1
    starts = [n for n, _ in tree.items() if n <= last]
    if not starts:
        return False
    label = tree[max(starts)]
    return str(label.get("/P", "")) == "Back cover"
