"""Included PDFs checked before anything is laid out (pypdf, then qpdf).

A pack may include the centre's own PDFs (notes, past papers). Each is opened
here, in the check stage, so a missing, mislabelled, damaged, empty, too
large or password-protected file, or a path that names a folder, a device, a
pipe or a link loop, is reported with what to do before a minute is spent on
layout; the merger (``merge``) then copies pages from files known to open.
Input: the pack plan's includes. Output: a pypdf reader per include (page
count and sizes for the plan), and warnings for repairs and odd page sizes.
"""

from __future__ import annotations

import errno
import logging
import os
import stat
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import StudypackError, StudypackWarning, rel
from ..model import ExternalPdf, PageBox
from .foot_room import foot_clearances

if TYPE_CHECKING:
    from pypdf import PageObject, PdfReader


class PdfInputError(StudypackError):
    """An included PDF cannot be used; the message names the file and what to do."""


MAX_PDF_BYTES = 512 * 2**20
"""Largest included PDF (512 MB). pypdf reads a whole file into memory, and
qpdf copies its streams into the pack; a centre's PDF is a few MB, a scanned
book at print resolution about 100 MB, and past this a file is a scan at far
more than print resolution, or no PDF at all."""

NOT_FILES: tuple[tuple[Any, str], ...] = (
    (stat.S_ISDIR, "is a folder, not a PDF; name the PDF file inside it"),
    (stat.S_ISCHR, "is a device, not a PDF file; name the PDF file to include"),
    (stat.S_ISBLK, "is a device, not a PDF file; name the PDF file to include"),
    (stat.S_ISFIFO, "is a named pipe (FIFO), not a PDF file; name the PDF file to include"),
    (stat.S_ISSOCK, "is a socket, not a PDF file; name the PDF file to include"),
)
"""What an include's path may be instead of a file, and what to say (read
from a device or a pipe, a build would wait or read for ever)."""


def file_problem(path: Path, shown: str) -> str | None:
    """What makes ``path`` no file a pack can include, or None; the file is not opened.

    Args:
        path: The include's path.
        shown: How the message names it (as the pack file wrote it).
    """
    try:
        info = path.stat()
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return (f"{shown} is a symbolic link that leads round in a loop, never to a "
                    "file; point it at the real PDF")
        if exc.errno in (errno.ENOENT, errno.ENOTDIR):
            if path.is_symlink():
                return (f"{shown} is a symbolic link to {path.readlink()}, which does not "
                        "exist; point it at the real PDF")
            return f"{shown} does not exist (paths start at the workspace); fix the path"
        return f"{shown} cannot be read ({exc.strerror}); check the file and its permissions"
    return _kind_problem(info, shown)


def _kind_problem(info: os.stat_result, shown: str) -> str | None:
    for test, says in NOT_FILES:
        if test(info.st_mode):
            return f"{shown} {says}"
    if not stat.S_ISREG(info.st_mode):
        return f"{shown} is not a regular file; name the PDF file to include"
    if info.st_size > MAX_PDF_BYTES:
        return (f"{shown} is {info.st_size / 2**20:,.0f} MB, more than the "
                f"{MAX_PDF_BYTES // 2**20} MB an included PDF may be; make it smaller (e.g. "
                "save it with images at print resolution) or split it and include the parts")
    return None


@dataclass(frozen=True)
class IncludedPdf:
    """An included PDF that opened.

    Attributes:
        reader: The file read by pypdf (page count and sizes for the plan).
        repairs: What qpdf, which copies the pages into the pack, and pypdf
            had to repair to read it (e.g. a stream of the wrong length); empty
            for a sound file.
    """

    reader: PdfReader
    repairs: tuple[str, ...]


def open_external(path: Path) -> IncludedPdf:
    """Open a PDF a pack includes, checking everything that can be wrong with it.

    The file is read twice: by pypdf, whose checks are the stricter, and by
    qpdf, which the merger copies its pages with. A file the two read as a
    different number of pages has a damaged page tree; it is refused rather
    than have the contents and folios count pages the pack does not hold.

    Raises:
        PdfInputError: Missing, no regular file (a folder, a device, a pipe,
            a link that loops), larger than ``MAX_PDF_BYTES``, not a PDF
            (e.g. an HTML page renamed .pdf), damaged or truncated, a damaged
            page tree, or protected by a user password.
    """
    problem = file_problem(path, str(path))
    if problem:
        raise PdfInputError(problem)
    shown = rel(path)
    head = _head(path, shown)
    if b"%PDF-" not in head:
        lowered = head.lower()
        kind = ("an HTML page saved with a .pdf name" if b"<html" in lowered
                or b"<!doctype" in lowered else "not a PDF file")
        raise PdfInputError(f"{shown} is {kind}; save or download the real PDF and include "
                            "that")
    with _pypdf_notes() as notes:
        reader = _read(path, shown)
    if len(reader.pages) == 0:
        raise PdfInputError(f"{shown} has no pages; include a PDF with at least one page")
    pages, repairs = _as_merged(path, shown)
    if pages != len(reader.pages):
        counts = " or as ".join(f"{n} page{'s' if n != 1 else ''}"
                                for n in (len(reader.pages), pages))
        raise PdfInputError(f"{shown} has a damaged page tree: it reads as {counts}, "
                            "depending on the reader; re-save it (e.g. print it to PDF) "
                            "and include that")
    return IncludedPdf(reader, tuple(dict.fromkeys((*repairs, *notes))))


def _head(path: Path, shown: str) -> bytes:
    """The first KB of ``path``, which must (still) be a regular file of a usable size."""
    try:
        # Non-blocking: had the file become a pipe since it was checked, an
        # ordinary open would wait for a writer.
        with os.fdopen(os.open(path, os.O_RDONLY | os.O_NONBLOCK), "rb") as file:
            problem = _kind_problem(os.fstat(file.fileno()), shown)
            if problem:
                raise PdfInputError(problem)
            return file.read(1024)
    except OSError as exc:
        raise PdfInputError(f"{shown} cannot be read ({exc.strerror})") from None


@contextmanager
def _pypdf_notes() -> Iterator[list[str]]:
    """Pypdf's log messages while reading a file, kept instead of printed.

    They say what pypdf repaired; the repair warning gives them with the
    file's name and what to do, where alone they read "incorrect startxref
    pointer(2)" on the terminal, or twice over, as warnings of their own.
    """
    notes: list[str] = []

    class _Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            notes.append(record.getMessage())

    log = logging.getLogger("pypdf")
    others, log.handlers = log.handlers, [_Keep(logging.WARNING)]
    try:
        yield notes
    finally:
        log.handlers = others


def _read(path: Path, shown: str) -> PdfReader:
    # Imported here: most packs include no PDF, and pypdf takes a tenth of a
    # second to import, which every cached rebuild would otherwise pay.
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError, PyPdfError

    try:
        reader = PdfReader(path)
        _check_readable(reader, shown)
    except PdfInputError:
        raise
    except (PdfReadError, PyPdfError, ValueError, KeyError, OSError) as exc:
        raise PdfInputError(f"{shown} is damaged or truncated ({exc}); re-export or "
                            "re-download it") from None
    return reader


def _check_readable(reader: PdfReader, shown: str) -> None:
    """Open an encrypted file with the empty password and touch every page's box.

    Raises:
        PdfInputError: A password is needed, AES needs pypdf[crypto], or a page
            has no usable size. A truncated file raises pypdf's own errors here.
    """
    from pypdf.errors import DependencyError

    if reader.is_encrypted:
        try:
            opened = reader.decrypt("")
        except DependencyError:
            raise PdfInputError(f"{shown} is AES-encrypted; install pypdf[crypto] "
                                "(studypack's dependencies include it) and retry") from None
        if not opened:
            raise PdfInputError(f"{shown} is protected by a password; save a copy "
                                "without it (e.g. print it to PDF) and include that")
    for number, page in enumerate(reader.pages, 1):
        box = _corners(page.mediabox)  # touching every page finds truncation now
        if box is None or box[2] - box[0] < 1 or box[3] - box[1] < 1:
            raise PdfInputError(f"{shown}: page {number} has no usable size (its "
                                "MediaBox); re-save the file (e.g. print it to PDF) and "
                                "include that")


def _as_merged(path: Path, shown: str) -> tuple[int, tuple[str, ...]]:
    """(pages, repairs) as qpdf, the merger's reader, sees the file."""
    import pikepdf

    try:
        with pikepdf.open(path) as pdf:
            pages = len(pdf.pages)
            for page in pdf.pages:
                # Read now what the merger will copy: qpdf repairs a stream of
                # the wrong length, say, only when it first reads it.
                contents = page.obj.get("/Contents")
                for stream in (contents if isinstance(contents, pikepdf.Array)
                               else [contents]):
                    if isinstance(stream, pikepdf.Stream):
                        stream.read_raw_bytes()
            # qpdf names the file as it was given; the user knows it by its short name.
            notes = (str(w).replace(str(path), shown) for w in pdf.get_warnings())
            return pages, tuple(dict.fromkeys(notes))
    except pikepdf.PasswordError:
        raise PdfInputError(f"{shown} is protected by a password; save a copy without it "
                            "(e.g. print it to PDF) and include that") from None
    except (pikepdf.PdfError, ValueError, KeyError, OSError) as exc:
        raise PdfInputError(f"{shown} is damaged or truncated ({exc}); re-export or "
                            "re-download it") from None


def measure_pdf(path: Path) -> tuple[PageBox, ...] | str:
    """Where each page of an included PDF is seen, with the blank paper at its foot, or what
    is wrong with it (see ``open_external``).

    The one time a build opens an included PDF before the merger copies its
    pages. A file that opened only after repairs is not a problem; it is warned of.
    """
    try:
        included = open_external(path)
    except PdfInputError as exc:
        return str(exc)
    _warn_of_repairs(path, included.repairs)
    boxes = [seen_box(page) for page in included.reader.pages]
    clear = foot_clearances(path, len(boxes))
    return tuple(replace(box, foot_clear=room) for box, room in zip(boxes, clear, strict=True))


def _warn_of_repairs(path: Path, repairs: tuple[str, ...]) -> None:
    if repairs:
        more = len(repairs) - 1
        warnings.warn(f"{rel(path)} is damaged and was repaired to be read "
                      f"({repairs[0]}{f'; {more} more' if more else ''}); "
                      "re-export it, and check its pages in the pack",
                      StudypackWarning, stacklevel=3)


def warn_page_sizes(includes: tuple[ExternalPdf, ...], page_size: tuple[float, float]
                    ) -> None:
    """Warn of each included PDF with a page not of the pack's size (points).

    Pages are included as they are; a different size is allowed but worth saying.
    """
    want = sorted(page_size)
    for inc in includes:
        for number, box in enumerate(inc.boxes, 1):
            got = sorted((box.width, box.height))
            if abs(got[0] - want[0]) > 3 or abs(got[1] - want[1]) > 3:
                warnings.warn(f"{rel(Path(inc.path))}: page {number} is {got[0]:.0f} × "
                              f"{got[1]:.0f} pt, not the pack's {want[0]:.0f} × "
                              f"{want[1]:.0f} pt; it is included at its own size",
                              StudypackWarning, stacklevel=2)
                break


LETTER_BOX = (0.0, 0.0, 612.0, 792.0)
"""The page a reader and qpdf show for a media box they cannot use (US Letter)."""


def seen_box(page: PageObject) -> PageBox:
    """Where a reader sees an included page: its crop box within its media box, and its turn.

    Corners are put in order (a box may be written right to left); a crop
    box that cannot be read or misses the media box is taken as the media
    box, which it is clipped to (PDF 1.7, 14.11.2); a /Rotate that is not a
    multiple of 90 counts as 0 (PDF 1.7, 7.7.3.3).
    """
    with _pypdf_notes():  # a value it reads as 0 is handled here, not printed
        media = _box_of(page, "mediabox") or LETTER_BOX
        crop = (_box_of(page, "cropbox") if _all_numbers(_inherited(page, "/CropBox"))
                else None) or media
    if media[2] - media[0] < 1 or media[3] - media[1] < 1:
        media = LETTER_BOX
    left, bottom = max(crop[0], media[0]), max(crop[1], media[1])
    right, top = min(crop[2], media[2]), min(crop[3], media[3])
    if right - left < 1 or top - bottom < 1:
        left, bottom, right, top = media
    try:
        rotate = int(page.rotation) % 360
    except (TypeError, ValueError):
        rotate = 0
    return PageBox(left, bottom, right - left, top - bottom, rotate if rotate % 90 == 0 else 0)


def _inherited(page: PageObject, key: str) -> object:
    """``key`` of ``page``, or of the nearest page-tree node above it that has it."""
    node: Any = page
    for _ in range(64):  # a page tree is never this deep; a loop would be endless
        if node is None:
            return None
        node = node.get_object()
        if key in node:
            return node[key].get_object()
        node = node.get("/Parent")
    return None


def _all_numbers(box: object) -> bool:
    """Whether ``box`` is absent or an array of four numbers (pypdf reads others as 0)."""
    from pypdf.generic import ArrayObject, FloatObject, NumberObject

    return box is None or (isinstance(box, ArrayObject) and len(box) == 4 and all(
        isinstance(v.get_object(), (NumberObject, FloatObject)) for v in box))


def _box_of(page: PageObject, name: str) -> tuple[float, float, float, float] | None:
    try:
        return _corners(getattr(page, name))
    except (ValueError, TypeError, KeyError, IndexError):
        return None


def _corners(box: Any) -> tuple[float, float, float, float] | None:
    """(left, bottom, right, top) of a box written in any corner order, or None."""
    try:
        xs, ys = (float(box[0]), float(box[2])), (float(box[1]), float(box[3]))
    except (ValueError, TypeError, KeyError, IndexError):
        return None
    return min(xs), min(ys), max(xs), max(ys)
