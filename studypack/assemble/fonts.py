"""Fonts of a merged pack: one name per distinct subset, one copy per distinct font.

ReportLab names every subset it embeds ``AAAAAA+<font>``, so two parts with
different subsets of Lato carry fonts of the same name (a viewer may then
draw one part with the other's glyphs), and every part of a pack embeds its
own copy of the same seeded subsets. Both are mended here, on each input
before its pages are copied (``SharedFonts``).
"""

from __future__ import annotations

import hashlib
import string
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TypeGuard, cast

from pikepdf import Array, Dictionary, Name, Object, Pdf, PdfError, Stream

_FONT_FILES = ("/FontFile2", "/FontFile3", "/FontFile")


def _tag(data: bytes) -> str:
    digest = hashlib.sha256(data).digest()
    return "".join(string.ascii_uppercase[b % 26] for b in digest[:6])


def font_dicts(pdf: Pdf) -> Iterator[Dictionary]:
    """Each distinct /Font resource dictionary of the pages and of the forms they paint.

    Forms are followed one level down: our folio overlays and ReportLab's
    deferred page numbers are forms on a page, never forms within forms.
    """
    seen: set[tuple[int, int]] = set()

    def fresh(fonts: Object | None) -> TypeGuard[Dictionary]:
        if not isinstance(fonts, Dictionary):
            return False
        if fonts.is_indirect:
            if fonts.objgen in seen:
                return False
            seen.add(fonts.objgen)
        return True

    for page in pdf.pages:
        resources = page.obj.get("/Resources")
        if not isinstance(resources, Dictionary):
            continue
        fonts = resources.get("/Font")
        if fresh(fonts):
            yield fonts
        xobjects = resources.get("/XObject")
        if not isinstance(xobjects, Dictionary):
            continue
        for form in xobjects.values():
            if isinstance(form, Stream) and form.get("/Subtype") == "/Form":
                inner = form.get("/Resources")
                if isinstance(inner, Dictionary):
                    fonts = inner.get("/Font")
                    if fresh(fonts):
                        yield fonts


def _retag(font: Dictionary) -> Name | None:
    """Name a subset by its bytes: ``XXXXXX+Font`` (PDF 1.7, 9.6.4: the tag names the subset).

    Identical subsets get identical tags; different subsets of one font no
    longer share ReportLab's ``AAAAAA`` tag.

    Returns:
        The new name, or None for a font left as it was (not a tagged subset,
        or no font file to name it by).
    """
    parts = _subset_parts(font)
    if parts is None:
        return None
    name = Name(f"/{_tag(parts[2].read_raw_bytes())}+{str(font.BaseFont)[8:]}")
    _rename(font, name)
    return name


def _subset_parts(font: Dictionary) -> tuple[Dictionary, Dictionary, Stream] | None:
    """(the dictionary holding the descriptor, the descriptor, the font file) of a tagged subset."""
    base = str(font.get("/BaseFont", ""))
    if len(base) < 8 or base[7] != "+":
        return None
    described = font
    if "/DescendantFonts" in font:
        descendants = font.DescendantFonts
        if not isinstance(descendants, Array) or len(descendants) != 1:
            return None  # a Type0 font has exactly one descendant (PDF 1.7, 9.7.1)
        descendant = descendants[0]
        if not isinstance(descendant, Dictionary):
            return None
        described = descendant
    descriptor = described.get("/FontDescriptor")
    if not isinstance(descriptor, Dictionary):
        return None
    stream = next((descriptor[k] for k in _FONT_FILES if k in descriptor), None)
    if not isinstance(stream, Stream):
        return None
    return described, descriptor, stream


def _rename(font: Dictionary, name: Name) -> None:
    parts = _subset_parts(font)
    assert parts is not None, "only a font _retag named is renamed"
    described, descriptor, _ = parts
    font.BaseFont = name
    described.BaseFont = name
    descriptor.FontName = name
    # /Name is optional (PDF 1.7, 9.6.2) and differs only by the order in
    # which each input registered its fonts; without it equal fonts compare equal.
    if "/Name" in font:
        del font["/Name"]


class _Unshareable(Exception):
    """A font whose graph cannot be compared (it leads back to itself, or is malformed)."""


PENDING = "pending"
"""Memo value of an object whose digest is being computed: met again, it is a cycle."""


def _signature(obj: object, memo: dict[tuple[int, int], str]) -> str:
    """A digest of ``obj`` and everything it points to.

    Raises:
        _Unshareable: The graph leads back to an object being digested (a
            Type3 font whose resources name the font itself, say).
    """
    if isinstance(obj, Object) and obj.is_indirect:
        found = memo.get(obj.objgen)
        if found == PENDING:
            raise _Unshareable
        if found is None:
            memo[obj.objgen] = PENDING
            memo[obj.objgen] = _digest(obj, memo)
        return memo[obj.objgen]
    return _digest(obj, memo)


def _digest(obj: object, memo: dict[tuple[int, int], str]) -> str:
    h = hashlib.sha256()
    if isinstance(obj, (Dictionary, Array)):
        written = obj.unparse()
        if b" R" not in written:
            # Nothing in it points elsewhere (a /Widths array, say): its own
            # bytes say all, without walking thousands of numbers one by one.
            h.update(written)
            return h.hexdigest()
    if isinstance(obj, Stream):
        h.update(b"stream" + obj.read_raw_bytes())
    if isinstance(obj, (Dictionary, Stream)):
        for key in sorted(obj.keys()):
            if key != "/Length":
                h.update(f"{key}={_signature(obj[key], memo)};".encode())
    elif isinstance(obj, Array):
        h.update(b"[" + ",".join(_signature(v, memo) for v in obj).encode() + b"]")
    elif not isinstance(obj, Stream):
        h.update(obj.unparse() if isinstance(obj, Object) else repr(obj).encode())
    return h.hexdigest()


@dataclass
class _FontMoves:
    """What ``SharedFonts.take_fonts`` did to one input, in order.

    ``renamed``: (font, new name); ``markers``: (font resource dictionary,
    resource name, font signature). Replayable when every font resource
    dictionary is an indirect object, found again by number in another
    opening of the same bytes, and no font was left unshared.
    """

    renamed: list[tuple[tuple[int, int], Name]] = field(default_factory=list)
    markers: list[tuple[tuple[int, int], str, str]] = field(default_factory=list)
    replayable: bool = True


_MOVES: dict[bytes, _FontMoves] = {}
_MOVES_KEPT = 512
"""Inputs whose font moves are kept: a 400-answer pack has about 50 parts."""

MARK = "/SPFont-"
"""Prefix of the name that stands in for a font between ``take_fonts`` and ``put_fonts``."""


@dataclass
class SharedFonts:
    """One copy in ``pdf`` of each distinct font of the inputs merged into it.

    Use: ``take_fonts(source)`` on each input before copying its pages into
    ``pdf``, then ``put_fonts()`` once all are copied. Fonts are compared by
    a digest of their whole graph (dictionary, descriptor, font file,
    ToUnicode) after retagging, so the same subset embedded by every part
    of a pack is copied once, not once per part: on a 1,648-page pack that
    is 15 MB less memory and half the bytes written.
    """

    pdf: Pdf
    canonical: dict[str, Object] = field(default_factory=dict)

    def take_fonts(self, source: Pdf, key: bytes | None = None) -> int:
        """Copy ``source``'s new fonts into ``pdf`` and put markers where its pages name them.

        Args:
            source: An opened part or included PDF, not yet added to ``pdf``.
            key: A digest of the bytes ``source`` was opened from, or None. What
                is done to an input is kept under its key, and done again to
                an input of the same bytes without walking its pages or
                digesting its fonts (a watching process merges the same
                parts build after build; 80 ms of a 1,648-page pack's merge).

        Returns:
            How many font references were replaced by markers.
        """
        moves = _MOVES.get(key) if key is not None else None
        if moves is None:
            moves = self._take_fonts(source)
            if key is not None and moves.replayable:
                if len(_MOVES) >= _MOVES_KEPT:
                    _MOVES.clear()
                _MOVES[key] = moves
            return len(moves.markers)
        for objgen, name in moves.renamed:
            _rename(cast(Dictionary, source.get_object(objgen)), name)
        for objgen, resource, signature in moves.markers:
            fonts = source.get_object(objgen)
            if signature not in self.canonical:
                self.canonical[signature] = self.pdf.copy_foreign(fonts[resource])
            fonts[resource] = Name(MARK + signature[:40])
        return len(moves.markers)

    def _take_fonts(self, source: Pdf) -> _FontMoves:
        memo: dict[tuple[int, int], str] = {}
        retagged: set[tuple[int, int]] = set()
        moves = _FontMoves()
        for fonts in font_dicts(source):
            moves.replayable &= fonts.is_indirect
            for name in list(fonts.keys()):
                font = fonts[name]
                if not isinstance(font, Dictionary) or not font.is_indirect:
                    continue
                try:
                    if font.objgen not in retagged:
                        retagged.add(font.objgen)
                        new_name = _retag(font)
                        if new_name is not None:
                            moves.renamed.append((font.objgen, new_name))
                    signature = _signature(font, memo)
                except (_Unshareable, PdfError, TypeError, ValueError, IndexError):
                    # Left as it is: copied with its pages, as any other object.
                    memo = {k: v for k, v in memo.items() if v != PENDING}
                    moves.replayable = False
                    continue
                if signature not in self.canonical:
                    self.canonical[signature] = self.pdf.copy_foreign(font)
                fonts[name] = Name(MARK + signature[:40])
                if fonts.is_indirect:
                    moves.markers.append((fonts.objgen, name, signature))
        return moves

    def put_fonts(self) -> int:
        """Point every marker in ``pdf``'s pages and forms at its font's one copy.

        Returns:
            How many markers were replaced.
        """
        by_mark = {MARK + signature[:40]: font for signature, font in self.canonical.items()}
        put = 0
        for fonts in font_dicts(self.pdf):
            for name in list(fonts.keys()):
                value = fonts[name]
                if isinstance(value, Name) and str(value).startswith(MARK):
                    fonts[name] = by_mark[str(value)]
                    put += 1
        return put


def retag_subsets(pdf: Pdf) -> None:
    """Name every tagged subset in ``pdf``'s pages by its bytes (see ``_retag``): a small
    PDF laid over a merged one then brings no second ``AAAAAA+Lato`` of other glyphs.
    """
    for fonts in font_dicts(pdf):
        for name in list(fonts.keys()):
            font = fonts[name]
            if isinstance(font, Dictionary):
                _retag(font)
