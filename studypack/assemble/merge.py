"""Merge stage: finished PDFs → one pack PDF (pikepdf, on qpdf).

Input: the pack's parts in page order (our own parts as bytes, included PDFs
as paths already checked by ``included``), and what spans the whole pack:
outline, contents links, page labels, folio overlays, document information.
Output: the pack's bytes, the same for the same input.

Included PDFs lose their active content (scripts, launch actions, embedded
files: ``active_content``) before their pages are copied.

Handles the traps of combining PDFs: named destinations that clash across
inputs (resolved to explicit page destinations first), ReportLab naming every
font subset ``AAAAAA+…`` and each part embedding its own copy of the same
subsets (``merge_fonts``: one copy of each), and ``/Rotate`` kept on included
pages.

Why pikepdf and not pypdf, which the rest of the project reads PDFs with:
the merge runs on every pack build, cached or not, and is the one stage that
cannot be spread over cores or skipped. On a 1,648-page pack pypdf took
1.1 s to parse, copy and write the parts; qpdf does the same in about 0.35 s
(``bench/bench_pack.py``), which is what brings a one-answer rebuild and a
two-core build within the issue's targets.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

import pikepdf
from pikepdf import Array, Dictionary, Name, NameTree, NumberTree, Pdf, Stream, String

from ..model import PageBox
from .active_content import Removed, strip_active_content
from .fonts import SharedFonts

if TYPE_CHECKING:
    from typing_extensions import Self


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


Piece = bytes | Path
"""A part of a pack: PDF bytes studypack rendered, or the path of an included PDF."""


class PackMerger:
    """Copies parts into one document, then finishes and writes it (use as a context).

    Parts may be added in two runs, the body first and the front matter
    before it once it exists (``add(..., at_start=True)``), so that the
    merger copies the body while the contents, whose page numbers need the
    body's length, are still being laid out. The output depends only on
    what is added where, not on when.
    """

    def __init__(self) -> None:
        self.merged = Pdf.new()
        self.opened: dict[int, Pdf] = {}
        self.fonts = SharedFonts(self.merged)
        self.included = False
        self.removed: dict[Path, Removed] = {}
        """Active content taken out of each included PDF before its pages were copied."""

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_: object) -> None:
        self.merged.close()
        for source in self.opened.values():
            source.close()

    def add(self, pieces: Sequence[Piece], *, at_start: bool = False) -> None:
        """Copy the pages of ``pieces``, in order, at the end (or the start) of the document.

        The same bytes object may repeat (e.g. a blank verso); it is read once.
        """
        at = 0
        for piece in pieces:
            source = self.opened.get(id(piece))
            if source is None:
                source = self.opened[id(piece)] = _open(piece)
                if isinstance(piece, Path):
                    self.removed[piece] = strip_active_content(source)
                    resolve_named_destinations(source)
                self.fonts.take_fonts(source, _bytes_key(piece))
            if at_start:
                for page in source.pages:
                    self.merged.pages.insert(at, page)
                    at += 1
            elif isinstance(piece, Path):
                self.included = True
                # An included PDF may hold a fillable form or layers; pikepdf
                # carries their catalog entries with the pages (fields renamed
                # if two files share a name). Its bookmarks stay behind: the
                # pack's outline names the file by the title it was given.
                self.merged.add_pages_from(source, outlines="ignore")
            else:
                self.merged.pages.extend(source.pages)

    def finish(self, into: BinaryIO, *, outline: list[OutlineItem], links: list[LinkSpec],
               front_pages: int, stamps: bytes | None, stamp_codes: list[bytes],
               stamp_targets: list[int], metadata: dict[str, str], back_pages: int = 0,
               language: str = "en",
               stamp_boxes: dict[int, PageBox] | None = None) -> None:
        """Add what spans the whole document and write it to ``into``.

        Args:
            into: The open file the merged PDF is written to.
            outline: Entries in document order; levels nest by at most one step.
            links: Contents links to add.
            front_pages: Pages labelled i, ii…; the rest are labelled 1, 2….
            back_pages: Last pages (a back cover) labelled "Back cover", not numbered.
            stamps: A PDF whose first page's resources the stamp codes use.
            stamp_codes: Content streams, Flate-compressed, laid over the pages
                ``stamp_targets`` (see ``overlay_streams``), in order.
            stamp_targets: 0-based target pages for the stamps, in order.
            stamp_boxes: The crop box of target pages that are not the size of
                ``stamps``' page (included PDFs), for their stamps' bounds.
            language: The text's language as a BCP 47 tag ("en-GB").
            metadata: Document information (e.g. ``{"/Title": …}``); no dates are
                added and the file identifier is derived from the content, so
                equal inputs give equal bytes.

        Raises:
            pikepdf.PdfError: An input qpdf cannot read (included PDFs are
                checked by ``included.open_external`` before this is reached).
        """
        merged = self.merged
        pages = [page.obj for page in merged.pages]
        if stamps is not None:
            with Pdf.open(io.BytesIO(stamps)) as stamp_pdf:
                self.fonts.take_fonts(stamp_pdf, _bytes_key(stamps))
                overlay_streams(merged, pages, stamp_pdf, stamp_codes, stamp_targets,
                                boxes=stamp_boxes or {})
        self.fonts.put_fonts()
        _add_outline(merged, pages, outline)
        for link in links:
            _add_link(merged, pages, link)
        _set_page_labels(merged, len(pages), front_pages, back_pages)
        for key, value in metadata.items():
            merged.docinfo[Name(key)] = String(value)
        # The text's language, for screen readers and a reader's hyphenation
        # and search (each part says it; the merged document must say it too).
        merged.Root.Lang = String(language)
        # The version the inputs need, at least 1.4 (the watermark's opacity);
        # a new qpdf document would otherwise say 1.3.
        version = max((source.pdf_version for source in self.opened.values()),
                      key=_version_key, default=MIN_VERSION)
        # Our streams are Flate-compressed already and are copied as they are.
        # Only included PDFs may bring streams without a filter, which qpdf
        # then compresses; asked to when there are none, its save took four
        # times as long (0.19 s against 0.05 s on the 1,648-page bench pack).
        # Classic cross-reference table, as ReportLab writes.
        merged.save(into, min_version=max(version, MIN_VERSION, key=_version_key),
                    deterministic_id=True, compress_streams=self.included,
                    stream_decode_level=pikepdf.StreamDecodeLevel.none,
                    object_stream_mode=pikepdf.ObjectStreamMode.disable)


MIN_VERSION = "1.4"
"""Transparency (the watermark's fill opacity) needs PDF 1.4 (PDF 1.7, 11.1)."""


def _version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split(".") if part.isdigit())


def _bytes_key(piece: Piece) -> bytes | None:
    # Included PDFs are not keyed: a file may change between builds, and
    # they are few.
    return hashlib.sha256(piece).digest() if isinstance(piece, bytes) else None


def _open(piece: Piece) -> Pdf:
    return Pdf.open(io.BytesIO(piece) if isinstance(piece, bytes) else piece)


def resolve_named_destinations(pdf: Pdf) -> None:
    """Point an input's internal links at pages directly and drop its named destinations.

    Two inputs may both define a destination called, say, "chapter1"; once
    links point at page objects the names are no longer needed, so nothing
    can clash after the merge. Names live in the /Dests name tree (PDF 1.2
    on) or the older /Dests dictionary of the catalog (PDF 1.7, 12.3.2.3).
    """
    root = pdf.Root
    explicit: dict[str, object] = {}
    names = root.get("/Names")
    if isinstance(names, Dictionary) and "/Dests" in names:
        for name, dest in NameTree(names.Dests).items():
            explicit[str(name)] = dest
        del names["/Dests"]
    old = root.get("/Dests")
    if isinstance(old, Dictionary):
        for name, dest in old.items():
            explicit[name[1:]] = dest
        del root["/Dests"]
    if not explicit:
        return
    for page in pdf.pages:
        for annot in page.obj.get("/Annots", Array()):
            if not isinstance(annot, Dictionary) or annot.get("/Subtype") != "/Link":
                continue
            _point_at_page(annot, "/Dest", explicit)
            action = annot.get("/A")
            if isinstance(action, Dictionary):
                _point_at_page(action, "/D", explicit)


def _point_at_page(holder: Dictionary, key: str, explicit: dict[str, object]) -> None:
    target = holder.get(key)
    if isinstance(target, (String, Name)):
        name = str(target)[1:] if isinstance(target, Name) else str(target)
        dest = explicit.get(name)
        if isinstance(dest, Dictionary):  # a destination may be wrapped as << /D [...] >>
            dest = dest.get("/D")
        if dest is not None:
            holder[key] = dest


def _destination(pages: list[Dictionary], page: int, top: float | None) -> Array:
    # [page /XYZ left top zoom] with left and zoom null keeps the reader's own (PDF 1.7, 12.3.2.2).
    if top is None:
        return Array([pages[page], Name.Fit])
    return Array([pages[page], Name.XYZ, None, top, None])


def _add_outline(pdf: Pdf, pages: list[Dictionary], items: list[OutlineItem]) -> None:
    if not items:
        return
    with pdf.open_outline() as outline:
        parents: list[pikepdf.OutlineItem] = []
        for item in items:
            del parents[item.level:]
            entry = pikepdf.OutlineItem(item.title, _destination(pages, item.page, item.top))
            entry.is_closed = item.level > 0
            (parents[-1].children if parents else outline.root).append(entry)
            parents.append(entry)
    # A reader opening the file sees the bookmarks beside the pages (PDF 1.7, 7.7.2).
    pdf.Root.PageMode = Name.UseOutlines


def _add_link(pdf: Pdf, pages: list[Dictionary], link: LinkSpec) -> None:
    annot = pdf.make_indirect(Dictionary(
        Type=Name.Annot, Subtype=Name.Link, Rect=Array(list(link.rect)),
        Border=Array([0, 0, 0]), Dest=_destination(pages, link.target, link.top)))
    page = pages[link.page]
    if "/Annots" in page:
        page.Annots.append(annot)
    else:
        page.Annots = Array([annot])


def _set_page_labels(pdf: Pdf, total: int, front: int, back: int) -> None:
    """Front matter i, ii…; the body 1, 2…; a back cover "Back cover" (PDF 1.7, 12.4.2)."""
    labels = NumberTree.new(pdf)
    if front:
        labels[0] = Dictionary(S=Name.r, St=1)
    numbered = total - back
    if numbered > front:
        labels[front] = Dictionary(S=Name.D, St=1)
    if back:
        labels[numbered] = Dictionary(P=String("Back cover"))
    pdf.Root.PageLabels = labels.obj


STAMP = Name("/SPStamp")
"""Resource name of the overlay form on a stamped page."""


def overlay_streams(pdf: Pdf, pages: list[Dictionary], resources: Pdf, codes: list[bytes],
                    targets: list[int], *, boxes: dict[int, PageBox] | None = None) -> None:
    """Paint content stream ``codes[k]`` (Flate-compressed) over page ``pages[targets[k]]``.

    Each stream becomes a form XObject (PDF 1.7, 8.10) whose resources are
    those of ``resources``' first page (shared, copied once), bounded by that
    page's box, or by ``boxes[target]`` when given. It is painted
    after the target's own content, which is wrapped in q … Q so that
    nothing that content leaves in the graphics state moves the overlay.
    Overlaying whole pages instead would parse and rewrite every target's
    content stream; this leaves them untouched.
    """
    source = resources.pages[0]
    shared = pdf.copy_foreign(resources.make_indirect(source.obj.Resources))
    box = Array([float(v) for v in source.mediabox])
    opening = pdf.make_stream(b"q\n")
    closings: dict[Name, Stream] = {}
    forms: dict[bytes, Stream] = {}
    for code, target in zip(codes, targets, strict=True):
        form = forms.get(code)
        if form is None:
            # Compressed already, so that the save need not compress (see
            # ``finish``); keys set one by one: given to make_stream, they
            # took three times as long. Equal codes (a watermark) share one.
            form = forms[code] = pdf.make_stream(code)
            form.Filter = Name.FlateDecode
            seen = (boxes or {}).get(target)
            bounds = box if seen is None else Array([seen.left, seen.bottom,
                                                     seen.left + seen.width,
                                                     seen.bottom + seen.height])
            form.Type, form.Subtype, form.BBox, form.Resources = (Name.XObject, Name.Form,
                                                                  bounds, shared)
        page = pages[target]
        own = page.get("/Resources")
        # Copies: a page's resources may be shared with other pages, which get their own form.
        page_resources = Dictionary(dict(own.items()) if isinstance(own, Dictionary) else {})
        xobjects = page_resources.get("/XObject")
        xobjects = Dictionary(dict(xobjects.items()) if isinstance(xobjects, Dictionary)
                              else {})
        # A page of an included pack made by studypack paints its own stamp
        # already: this one takes the next free name, and both are painted.
        name, number = STAMP, 1
        while name in xobjects:
            name, number = Name(f"{STAMP}{number}"), number + 1
        xobjects[name] = form
        page_resources.XObject = xobjects
        page.Resources = page_resources
        if name not in closings:
            closings[name] = pdf.make_stream(b"Q q " + name.unparse() + b" Do Q\n")
        contents = page.get("/Contents")
        streams = (list(contents) if isinstance(contents, Array)
                   else [contents] if contents is not None else [])
        page.Contents = Array([opening, *streams, closings[name]])


def made_by_studypack(path: Path) -> bool:
    """Whether ``path`` is a regular file whose document information names studypack.

    qpdf reads only the cross-reference table and the information dictionary,
    so a large file costs little; a file that is not a sound PDF is not ours.
    """
    if path.is_symlink() or not path.is_file():
        return False
    try:
        with pikepdf.open(path, attempt_recovery=False) as pdf:
            return str(pdf.docinfo.get("/Creator", "")) == "studypack"
    except (pikepdf.PdfError, OSError, ValueError, RuntimeError):
        return False
