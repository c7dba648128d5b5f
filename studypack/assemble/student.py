"""A student's copy: the batch's shared pack PDF with that student's stamps laid over it.

Nothing of the shared pages is parsed or rewritten (``merge.overlay_streams``
adds a form and two short streams a page), so a copy of a 1,600-page pack
costs reading and writing the file, not laying it out again. Outline,
page labels, links and metadata stay as the shared pack has them.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import BinaryIO

import pikepdf
from pikepdf import Pdf

from ..model import PageBox
from ..render.student import StudentStamps
from .fonts import retag_subsets
from .merge import overlay_streams


def page_boxes(pdf_path: Path, size: tuple[float, float]) -> tuple[PageBox | None, ...]:
    """Per page of ``pdf_path``: None for a page of ``size`` (points) shown upright (our
    own), else where it is seen (an included PDF's page).
    """
    found: list[PageBox | None] = []
    with Pdf.open(pdf_path) as pdf:
        for page in pdf.pages:
            left, bottom, right, top = (float(v) for v in page.cropbox)
            rotate = int(page.obj.get("/Rotate", 0)) % 360
            box = PageBox(left, bottom, right - left, top - bottom,
                          rotate if rotate % 90 == 0 else 0)
            own = (box.rotate == 0 and (left, bottom) == (0.0, 0.0)
                   and abs(box.width - size[0]) < 0.5 and abs(box.height - size[1]) < 0.5)
            found.append(None if own else box)
    return tuple(found)


def stamp_copy(shared: Path, stamps: StudentStamps, boxes: tuple[PageBox | None, ...],
               into: BinaryIO) -> int:
    """Write ``shared`` with a student's stamps painted over it into ``into``.

    ``boxes`` are the shared pack's pages as ``page_boxes`` gives them.

    Returns:
        The copy's page count.
    """
    with Pdf.open(shared) as pdf, Pdf.open(io.BytesIO(stamps.pdf)) as stamp_pdf:
        retag_subsets(stamp_pdf)
        pages = [page.obj for page in pdf.pages]
        overlay_streams(pdf, pages, stamp_pdf, list(stamps.codes), list(stamps.targets),
                        boxes={i: b for i, b in enumerate(boxes) if b is not None})
        # As the merge saves: equal inputs give equal bytes.
        pdf.save(into, deterministic_id=True, compress_streams=False,
                 stream_decode_level=pikepdf.StreamDecodeLevel.none,
                 object_stream_mode=pikepdf.ObjectStreamMode.disable)
        return len(pages)
