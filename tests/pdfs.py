"""PDFs made inside the tests: included files of every awkward kind."""

from __future__ import annotations

import io
import re
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


def raw_pdf(path: Path, objects: dict[int, bytes], *, version: str = "1.4") -> Path:
    """A PDF written object by object, for damage no PDF library would write.

    Args:
        path: Where to write the file.
        version: The header's PDF version.
        objects: Object number → its body (``<< … >>``, or a dictionary and
            ``stream … endstream``). Object 1 must be the catalog.
    """
    out = bytearray(f"%PDF-{version}\n".encode())
    offsets = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += f"{number} 0 obj\n".encode() + objects[number] + b"\nendobj\n"
    start = len(out)
    size = max(objects) + 1
    out += f"xref\n0 {size}\n0000000000 65535 f \n".encode()
    for number in range(1, size):
        out += (f"{offsets[number]:010d} 00000 n \n" if number in offsets
                else "0000000000 65535 f \n").encode()
    out += f"trailer\n<< /Size {size} /Root 1 0 R >>\nstartxref\n{start}\n%%EOF\n".encode()
    path.write_bytes(bytes(out))
    return path


def text_page(parent: int, contents: int, resources: bytes = b"<< >>") -> bytes:
    """An A4 page dictionary (the packs' size) whose content stream is object ``contents``."""
    return (f"<< /Type /Page /Parent {parent} 0 R /MediaBox [0 0 595 842] "
            f"/Contents {contents} 0 R /Resources ").encode() + resources + b" >>"


def stream(data: bytes, length: int | None = None) -> bytes:
    """A stream object's body; ``length`` may be given wrong on purpose."""
    return (f"<< /Length {len(data) if length is None else length} >>\nstream\n".encode()
            + data + b"\nendstream")


def unhyphenated(text: str) -> str:
    r"""Extracted text with words broken at a line's end joined again ("adminis-\ntrative").

    Only lower-case letters on both sides: studypack never breaks a word
    with a capital, and never breaks at a compound's own hyphen.
    """
    return re.sub(r"(?<=[a-z])-\n(?=[a-z])", "", text)
