"""A PDF's dates and file identifier, from its inputs alone.

ReportLab's ``invariant`` mode freezes both, to 1 January 2000 and to a
digest of the title and author: every booklet then claimed a false date, and
two booklets of one title shared an identifier. Here the dates are the
build's ``date`` (``SOURCE_DATE_EPOCH``), or absent, and the identifier is a
digest of the finished file's bytes, as qpdf's deterministic /ID is for packs.
"""

from __future__ import annotations

import hashlib
import re
import time
from typing import Any

from reportlab.lib.utils import TimeStamp
from reportlab.pdfbase.pdfdoc import PDFDate, PDFDictionary, PDFInfo, PDFName, PDFString


class _Info(PDFInfo):
    """ReportLab's document information, with dates only when there is a date."""

    dated = False

    def format(self, document: Any) -> bytes:
        entries: dict[str, Any] = {
            "Title": PDFString(self.title), "Author": PDFString(self.author),
            "Producer": PDFString(self.producer), "Creator": PDFString(self.creator),
            "Subject": PDFString(self.subject), "Keywords": PDFString(self.keywords),
            "Trapped": PDFName(self.trapped)}
        if self.dated:
            entries["CreationDate"] = entries["ModDate"] = PDFDate(ts=document._timeStamp)
        return PDFDictionary(entries).format(document)


def date_document(document: Any, date: int | None) -> None:
    """Give a ReportLab document (``canvas._doc``) the build's date, or none."""
    info = _Info()
    info.__dict__.update(document.info.__dict__)
    info.dated = date is not None
    document.info = info
    if date is not None:
        stamp = TimeStamp(invariant=True)
        stamp.t, stamp.lt = float(date), tuple(time.gmtime(date))
        stamp.YMDhms = stamp.lt[:6]
        document._timeStamp = stamp


_ID = re.compile(rb"/ID \n\[<([0-9a-f]{32})><([0-9a-f]{32})>\]")


def content_identified(pdf: bytes) -> bytes:
    """``pdf`` with its /ID made from its own bytes (the /ID left out of the digest)."""
    found = list(_ID.finditer(pdf))
    if len(found) != 1:
        return pdf  # not ReportLab's trailer as known: leave the file as it is
    match = found[0]
    blank = pdf[:match.start(1)] + b"0" * 32 + pdf[match.end(1):match.start(2)] \
        + b"0" * 32 + pdf[match.end(2):]
    ident = hashlib.md5(blank, usedforsecurity=False).hexdigest().encode("ascii")
    return pdf[:match.start(1)] + ident + pdf[match.end(1):match.start(2)] + ident \
        + pdf[match.end(2):]
