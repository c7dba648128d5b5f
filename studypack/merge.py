"""Merge stage: finished PDFs → one pack PDF (the only pypdf user for assembly).

Handles the traps of combining PDFs: named destinations that clash across
inputs (resolved to explicit page destinations first), ReportLab naming every
font subset ``AAAAAA+…`` (each distinct subset gets a tag from its content),
fonts embedded once per input (identical objects are stored once, after the
content streams are compressed), ``/Rotate`` kept on included pages, and
encrypted, truncated or mislabelled inputs (a clear ``PdfInputError``).
"""

from __future__ import annotations

import hashlib
import io
import string
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pypdf import PdfReader, PdfWriter
from pypdf.annotations import Link
from pypdf.constants import PageLabelStyle
from pypdf.errors import DependencyError, PdfReadError, PyPdfError
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    Fit,
    FloatObject,
    IndirectObject,
    NameObject,
    StreamObject,
)

from .errors import StudypackError, rel


class PdfInputError(StudypackError):
    """An included PDF cannot be used; the message names the file and what to do."""


def open_external(path: Path) -> PdfReader:
    """Open a PDF a pack includes, checking everything that can be wrong with it.

    Raises:
        PdfInputError: Missing, not a PDF (e.g. an HTML page renamed .pdf),
            damaged or truncated, or protected by a user password.
    """
    shown = rel(path)
    try:
        head = path.read_bytes()[:1024]
    except OSError as exc:
        raise PdfInputError(f"{shown} cannot be read ({exc.strerror})") from None
    if b"%PDF-" not in head:
        lowered = head.lower()
        kind = ("an HTML page saved with a .pdf name" if b"<html" in lowered
                or b"<!doctype" in lowered else "not a PDF file")
        raise PdfInputError(f"{shown} is {kind}; save or download the real PDF and include "
                            "that")
    try:
        reader = PdfReader(path)
        if reader.is_encrypted:
            try:
                opened = reader.decrypt("")
            except DependencyError:
                raise PdfInputError(f"{shown} is AES-encrypted; install pypdf[crypto] "
                                    "(studypack's dependencies include it) and retry") from None
            if not opened:
                raise PdfInputError(f"{shown} is protected by a password; save a copy "
                                    "without it (e.g. print it to PDF) and include that")
        for page in reader.pages:
            page.mediabox  # noqa: B018 - touching every page finds truncation now
    except PdfInputError:
        raise
    except (PdfReadError, PyPdfError, ValueError, KeyError, OSError) as exc:
        raise PdfInputError(f"{shown} is damaged or truncated ({exc}); re-export or "
                            "re-download it") from None
    if len(reader.pages) == 0:
        raise PdfInputError(f"{shown} has no pages; include a PDF with at least one page")
    return reader


def pdf_problem(path: Path) -> str | None:
    """What is wrong with an included PDF (see ``open_external``), or None."""
    try:
        open_external(path)
    except PdfInputError as exc:
        return str(exc)
    return None


def resolve_named_destinations(reader: PdfReader) -> None:
    """Point an input's internal links at pages directly and drop its name tree.

    Two inputs may both define a destination called, say, "chapter1"; once
    links point at page objects the names are no longer needed, so nothing
    can clash after the merge.
    """
    named = reader.named_destinations
    if not named:
        return
    explicit = {name: dest.dest_array for name, dest in named.items()}
    for page in reader.pages:
        for ref in page.get("/Annots", []) or []:
            annot = ref.get_object()
            if annot.get("/Subtype") != "/Link":
                continue
            dest = annot.get("/Dest")
            if isinstance(dest, str) and str(dest) in explicit:
                annot[NameObject("/Dest")] = explicit[str(dest)]
            action = annot.get("/A")
            if action is not None:
                action = action.get_object()
                target = action.get("/D")
                if isinstance(target, str) and str(target) in explicit:
                    action[NameObject("/D")] = explicit[str(target)]
    root = reader.trailer["/Root"].get_object()
    assert isinstance(root, DictionaryObject)
    names = root.get("/Names")
    if names is not None:
        names = names.get_object()
        assert isinstance(names, DictionaryObject)
        names.pop("/Dests", None)
    root.pop("/Dests", None)


def _tag(data: bytes) -> str:
    digest = hashlib.sha256(data).digest()
    return "".join(string.ascii_uppercase[b % 26] for b in digest[:6])


def retag_font_subsets(writer: PdfWriter) -> int:
    """Give each distinct embedded subset its own ``XXXXXX+`` tag, from its bytes.

    Identical subsets get identical tags (and are later stored once); different
    subsets of the same font no longer share ReportLab's ``AAAAAA`` tag.

    Returns:
        How many font dictionaries were renamed.
    """
    renamed = 0
    for obj in list(writer._objects):
        if not isinstance(obj, DictionaryObject) or obj.get("/Type") != "/Font":
            continue
        base = str(obj.get("/BaseFont", ""))
        if len(base) < 8 or base[7] != "+":
            continue
        font = obj
        if "/DescendantFonts" in obj:
            descendants = obj["/DescendantFonts"].get_object()
            assert isinstance(descendants, list)
            font = descendants[0].get_object()
        descriptor = font.get("/FontDescriptor")
        if descriptor is None:
            continue
        descriptor = descriptor.get_object()
        stream = next((descriptor[k].get_object() for k in ("/FontFile2", "/FontFile3",
                                                            "/FontFile")
                       if k in descriptor), None)
        if not isinstance(stream, StreamObject):
            continue
        name = NameObject(f"/{_tag(stream.get_data())}+{base[8:]}")
        obj[NameObject("/BaseFont")] = name
        font[NameObject("/BaseFont")] = name
        # /Name is optional (PDF 1.7, 9.6.2) and differs only by the order in
        # which each input registered its fonts; without it equal fonts compare equal.
        obj.pop("/Name", None)
        descriptor[NameObject("/FontName")] = name
        renamed += 1
    return renamed


def _signature(obj: Any, memo: dict[int, str]) -> str:
    """A digest of ``obj`` and everything it points to (font graphs have no cycles)."""
    if isinstance(obj, IndirectObject):
        if obj.idnum not in memo:
            memo[obj.idnum] = _signature(obj.get_object(), memo)
        return memo[obj.idnum]
    h = hashlib.sha256()
    if isinstance(obj, StreamObject):
        h.update(b"stream" + obj._data)
    if isinstance(obj, DictionaryObject):
        for key in sorted(obj):
            if key != "/Length":
                h.update(f"{key}={_signature(obj.raw_get(key), memo)};".encode())
    elif isinstance(obj, ArrayObject):
        h.update(b"[" + ",".join(_signature(v, memo) for v in obj).encode() + b"]")
    elif not isinstance(obj, StreamObject):
        h.update(repr(obj).encode())
    return h.hexdigest()


def share_fonts(writer: PdfWriter) -> int:
    """Point every page and form at one copy of each distinct font.

    Each part of a pack embeds the same seeded subsets, so the merged file
    holds one copy per part. Fonts are compared by a digest of their whole
    graph (dictionary, descriptor, font file, ToUnicode), in one pass;
    pypdf's ``compress_identical_objects`` needs three rounds over every
    object in the file to reach the same result, which on a 1,600-page pack
    took longer than writing it. The copies no longer used are dropped by
    the ``compress_identical_objects`` round that follows.

    Returns:
        How many font references were redirected.
    """
    memo: dict[int, str] = {}
    first: dict[str, IndirectObject] = {}
    seen: set[int] = set()
    redirected = 0
    for page in writer.pages:
        for fonts in _font_dicts(page.get("/Resources")):
            if id(fonts) in seen:
                continue
            seen.add(id(fonts))
            for name in list(fonts):
                ref = fonts.raw_get(name)
                if not isinstance(ref, IndirectObject):
                    continue
                canonical = first.setdefault(_signature(ref, memo), ref)
                if canonical.idnum != ref.idnum:
                    fonts[NameObject(name)] = canonical
                    redirected += 1
    return redirected


def _font_dicts(resources: Any) -> list[DictionaryObject]:
    """The /Font dictionaries of ``resources`` and of the forms it names, one level down."""
    found: list[DictionaryObject] = []
    resources = resources.get_object() if resources is not None else None
    if not isinstance(resources, DictionaryObject):
        return found
    fonts = resources.get("/Font")
    fonts = fonts.get_object() if fonts is not None else None
    if isinstance(fonts, DictionaryObject):
        found.append(fonts)
    xobjects = resources.get("/XObject")
    xobjects = xobjects.get_object() if xobjects is not None else None
    if isinstance(xobjects, DictionaryObject):
        for ref in xobjects.values():
            form = ref.get_object()
            if isinstance(form, StreamObject) and form.get("/Subtype") == "/Form":
                inner = form.get("/Resources")
                inner = inner.get_object() if inner is not None else None
                if isinstance(inner, DictionaryObject):
                    fonts = inner.get("/Font")
                    fonts = fonts.get_object() if fonts is not None else None
                    if isinstance(fonts, DictionaryObject):
                        found.append(fonts)
    return found


@dataclass(frozen=True)
class OutlineItem:
    """An outline entry: nesting level (0 = top), title, 0-based page, top in points."""

    level: int
    title: str
    page: int
    top: float | None = None


@dataclass(frozen=True)
class LinkSpec:
    """A clickable rectangle (points) on ``page`` that jumps to ``target`` (0-based)."""

    page: int
    rect: tuple[float, float, float, float]
    target: int
    top: float | None = None


def merge_pdfs(pieces: list[PdfReader], *, outline: list[OutlineItem], links: list[LinkSpec],
               front_pages: int, stamps: PdfReader | None, stamp_codes: list[bytes],
               stamp_targets: list[int],
               metadata: dict[str, str], back_pages: int = 0) -> bytes:
    """Concatenate ``pieces`` and finish the result as one document.

    Args:
        pieces: Opened inputs in page order (the same reader may repeat).
        outline: Entries in document order; levels nest by at most one step.
        links: Contents links to add.
        front_pages: Pages labelled i, ii…; the rest are labelled 1, 2….
        back_pages: Last pages (a back cover) labelled "Back cover", not numbered.
        stamps: A PDF whose first page's resources the stamp codes use.
        stamp_codes: Content streams laid over the pages ``stamp_targets``
            (see ``overlay_streams``), in order.
        stamp_targets: 0-based target pages for the stamps, in order.
        metadata: Document information (e.g. ``{"/Title": …}``); no dates are
            added, so equal inputs give equal bytes.

    Returns:
        The merged PDF's bytes.
    """
    writer = PdfWriter()
    ours: set[int] = set()
    for reader in pieces:
        first = len(writer.pages)
        writer.append(reader, import_outline=False)
        if _made_by_us(reader):
            ours.update(range(first, len(writer.pages)))
            # The writer holds its own copies now; what the reader parsed is
            # only a cache (our parts are never edited in place), and on a
            # 1,600-page pack it was a quarter of the peak memory.
            reader.resolved_objects.clear()
            reader.flattened_pages = None
    if stamps is not None:
        overlay_streams(writer, stamps, stamp_codes, stamp_targets)
    parents: list[Any] = []
    for item in outline:
        del parents[item.level:]
        parent = parents[-1] if parents else None
        fit = Fit.xyz(top=item.top) if item.top is not None else Fit.fit()
        parents.append(writer.add_outline_item(title=item.title, page_number=item.page,
                                               parent=parent, fit=fit,
                                               is_open=item.level == 0))
    for link in links:
        fit = Fit.xyz(top=link.top) if link.top is not None else Fit.fit()
        writer.add_annotation(link.page, Link(rect=link.rect, target_page_index=link.target,
                                              fit=fit, border=[0, 0, 0]))
    total = len(writer.pages)
    if front_pages:
        writer.set_page_label(0, front_pages - 1, style=PageLabelStyle.LOWERCASE_ROMAN, start=1)
    numbered = total - back_pages
    if numbered > front_pages:
        writer.set_page_label(front_pages, numbered - 1, style=PageLabelStyle.DECIMAL, start=1)
    if back_pages:
        writer.set_page_label(numbered, total - 1, prefix="Back cover")
    writer.add_metadata(metadata)
    retag_font_subsets(writer)
    for index, page in enumerate(writer.pages):
        # Our own streams are already Flate-compressed; recompressing them
        # would decode and re-encode every page for nothing.
        if index not in ours:
            page.compress_content_streams()
    share_fonts(writer)
    # After compressing: only then do equal streams have equal bytes to compare.
    # Fonts are shared already, so one round finds the rest (and drops the
    # duplicates share_fonts left unreferenced).
    writer.compress_identical_objects(remove_duplicates=True, remove_unreferenced=True)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


OURS = "/StudypackPart"
"""Marker on readers of PDFs studypack rendered itself (never on included PDFs)."""


def reader_for(pdf: bytes) -> PdfReader:
    """A reader over PDF bytes made by studypack itself."""
    reader = PdfReader(io.BytesIO(pdf))
    setattr(reader, OURS[1:], True)
    return reader


def _made_by_us(reader: PdfReader) -> bool:
    return bool(getattr(reader, OURS[1:], False))


STAMP = NameObject("/SPStamp")
"""Resource name of the overlay form on a stamped page."""


def overlay_streams(writer: PdfWriter, resources: PdfReader, codes: list[bytes],
                    targets: list[int]) -> None:
    """Paint content stream ``codes[k]`` over page ``targets[k]`` of ``writer``.

    Each stream becomes a form XObject (PDF 1.7, 8.10) whose resources are
    those of ``resources``' first page (shared, copied once). It is painted
    after the target's own content, which is wrapped in q … Q so that
    nothing that content leaves in the graphics state moves the overlay.
    pypdf's ``merge_page`` gives the same picture but parses and rewrites
    every target's content stream; on a 1,600-page pack that was half the
    merge time, and this leaves them untouched.
    """
    page_resources = resources.pages[0]["/Resources"].get_object()
    assert page_resources is not None
    shared = writer._add_object(page_resources.clone(writer))
    box = resources.pages[0].mediabox
    bbox = ArrayObject(FloatObject(v) for v in (box.left, box.bottom, box.right, box.top))
    opening = writer._add_object(_stream(b"q\n"))
    closing = writer._add_object(_stream(b"Q q " + STAMP.encode() + b" Do Q\n"))
    for code, target in zip(codes, targets, strict=True):
        form = _stream(code)
        form.update({NameObject("/Type"): NameObject("/XObject"),
                     NameObject("/Subtype"): NameObject("/Form"),
                     NameObject("/BBox"): bbox, NameObject("/Resources"): shared})
        page = writer.pages[target]
        own_resources = DictionaryObject(page.get("/Resources", DictionaryObject()).get_object())
        xobjects = DictionaryObject(own_resources.get("/XObject", DictionaryObject()).get_object())
        xobjects[STAMP] = writer._add_object(form)
        own_resources[NameObject("/XObject")] = xobjects
        page[NameObject("/Resources")] = own_resources
        contents = page.get("/Contents")
        resolved = contents.get_object() if contents is not None else None
        own = (list(resolved) if isinstance(resolved, ArrayObject)
               else [contents] if contents is not None else [])
        page[NameObject("/Contents")] = ArrayObject([opening, *own, closing])


def _stream(data: bytes) -> StreamObject:
    stream = DecodedStreamObject()
    stream.set_data(data)
    return stream.flate_encode()
