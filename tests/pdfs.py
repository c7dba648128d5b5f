"""PDFs made inside the tests: included files of every awkward kind."""

from __future__ import annotations

import io
from pathlib import Path

import fontpkg
from pypdf import PdfReader, PdfWriter
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas


def _font() -> str:
    # A ReportLab subset of Lato, which the booklet uses too: both are named
    # AAAAAA+Lato-Regular before the merger retags them.
    if "TestLato" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("TestLato", str(fontpkg.path("Lato"))))
    return "TestLato"


def make_pdf(path: Path, pages: list[str], *, rotate_last: int = 0,
             named_links: bool = False) -> Path:
    """A small PDF with one line of text per page.

    Args:
        path: Where to write it.
        pages: Text of each page.
        rotate_last: ``/Rotate`` for the last page (0, 90, 180, 270).
        named_links: Add a named destination "target" on the last page and a
            link to it on the first page (to test clashing names).
    """
    canv = Canvas(str(path), pagesize=A4, invariant=1, initialFontName=_font())
    for index, text in enumerate(pages):
        canv.setFont(_font(), 14)
        canv.drawString(72, 760, text)
        if named_links and index == 0:
            canv.linkAbsolute("", "target", (72, 700, 300, 720))
            canv.drawString(72, 705, "jump to the end")
        if named_links and index == len(pages) - 1:
            canv.bookmarkPage("target")
        if rotate_last and index == len(pages) - 1:
            canv.setPageRotation(rotate_last)
        canv.showPage()
    canv.save()
    return path


def encrypt(source: Path, target: Path, *, user: str, owner: str, algorithm: str) -> Path:
    """Copy ``source`` to ``target`` encrypted with pypdf."""
    writer = PdfWriter(clone_from=PdfReader(source))
    writer.encrypt(user_password=user, owner_password=owner, algorithm=algorithm)
    buffer = io.BytesIO()
    writer.write(buffer)
    target.write_bytes(buffer.getvalue())
    return target


def outline_rows(reader: PdfReader) -> list[tuple[int, str, int]]:
    """(depth, title, 0-based page) for every outline entry, in order."""
    rows: list[tuple[int, str, int]] = []

    def walk(items: list, depth: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                rows.append((depth, item.title, reader.get_destination_page_number(item)))
    walk(reader.outline, 0)
    return rows
