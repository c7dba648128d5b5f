"""The ReportLab details studypack needs that are not ReportLab's public API, in one place.

Each function names what it needs and why there is no public way to get it.
``tests/test_rl_private.py`` checks every one against the installed ReportLab,
so an upgrade that changes one of them fails there, by name, rather than as a
wrong page somewhere in a build.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from fnmatch import fnmatch
from typing import Any, cast
from weakref import WeakKeyDictionary

from reportlab import rl_config
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfdoc import PDFResourceDictionary, pdfdocEnc
from reportlab.pdfbase.ttfonts import (  # type: ignore[attr-defined]
    TTEncoding,
    TTFNameBytes,
    TTFont,
    TTFontFace,
    unShapedFontGlob,
)
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, Table
from reportlab.platypus.doctemplate import BaseDocTemplate
from reportlab.platypus.flowables import BalancedColumns
from reportlab.platypus.paragraph import (  # type: ignore[attr-defined]
    cleanBlockQuotedText,
    textTransformFrags,
)
from reportlab.platypus.paraparser import ParaFrag, ParaParser

__all__ = [
    "ParaFrag",
    "ParaParser",
    "canvas_document",
    "canvas_operators",
    "cleanBlockQuotedText",
    "columns_read_from_the_right",
    "define_form",
    "flowables_on_page",
    "font_from_parsed",
    "forget_registered_fonts",
    "keep_paragraph_widths",
    "keep_subsets",
    "keep_widths",
    "left_align_loose_lines",
    "paragraph_lines_kept",
    "parsed_face",
    "parsed_fragments",
    "quick_split",
    "seed_subset",
    "table_fully_sized",
    "table_size",
    "textTransformFrags",
]


def canvas_document(canv: Canvas) -> Any:
    """The canvas's PDF document object (``canv._doc``).

    Needed to give font subsets fixed codes before anything is drawn, and to
    set or leave out the document's dates; the canvas has no accessor for it.
    """
    return canv._doc  # type: ignore[attr-defined]


def canvas_operators(canv: Canvas) -> list[str]:
    """The content-stream operators drawn on the current page so far (``canv._code``).

    Read to keep a folio's or watermark's operators as an overlay stream; a
    canvas gives them out only as a finished page.
    """
    code: list[str] = canv._code  # type: ignore[attr-defined]
    return code


def seed_subset(canv: Canvas, font_name: str, chars: str) -> None:
    """Give ``chars`` their subset codes in ``font_name`` now, in this order.

    ``TTFont.splitString`` assigns codes as characters are first used; called
    before any drawing, every part of a pack embeds the same subsets.
    """
    pdfmetrics.getFont(font_name).splitString(chars, canvas_document(canv))  # type: ignore[attr-defined]


def flowables_on_page(doc: BaseDocTemplate) -> int:
    """How many flowables the current page holds (``doc._curPageFlowableCount``).

    Zero at a page's end means the page was left empty (a blank verso).
    """
    count: int = doc._curPageFlowableCount  # type: ignore[attr-defined]
    return count


def forget_registered_fonts() -> None:
    """Forget every registered font (``pdfmetrics._reset``).

    ReportLab keeps one font per name and does not replace it when the same
    name is registered again; a font file changed under a watching build must
    be read afresh.
    """
    pdfmetrics._reset()  # type: ignore[attr-defined]


_NOT_PARSED = ("_ttf_data", "filename", "_pdfScale")
"""A face's attributes that are not what its tables say: the file's bytes and
name (read again), and a scaling function (made again from ``unitsPerEm``)."""


def parsed_face(font: Any) -> dict[str, Any]:
    """What ReportLab's TrueType reader took from a font's tables, as plain data.

    ``TTFont`` parses the whole file when it is made (``TTFontFile.extractInfo``:
    every character's glyph and width, about 5 ms a face); there is no public way
    to make one from metrics read before. Names (``TTFNameBytes``) are kept as
    their bytes under ``"names"``.
    """
    face = font.face
    plain, names = {}, {}
    for key, value in vars(face).items():
        if key in _NOT_PARSED:
            continue
        if isinstance(value, TTFNameBytes):
            names[key] = bytes(value)
        else:
            plain[key] = value
    return {"plain": plain, "names": names}


def font_from_parsed(name: str, path: str, parsed: dict[str, Any]) -> Any:
    """A ``TTFont`` named ``name`` for the file ``path``, from ``parsed_face`` of it.

    Made as ``TTFont.__init__`` makes one, with the face's tables not parsed
    again: the file is still read (subsets are cut from its bytes).
    """
    face = TTFontFace.__new__(TTFontFace)
    pdfmetrics.TypeFace.__init__(face, None)
    face.readFile(path)
    face.__dict__.update(parsed["plain"])
    for key, value in parsed["names"].items():
        setattr(face, key, TTFNameBytes(value))
    units = face.unitsPerEm
    face._pdfScale = (  # type: ignore[attr-defined]
        (lambda x: x) if units == 1000 else (lambda x: x * (1000 / units)))
    font = TTFont.__new__(TTFont)
    font.fontName, font.face, font.encoding = name, face, TTEncoding()
    font.state = WeakKeyDictionary()
    font._asciiReadable = rl_config.ttfAsciiReadable  # type: ignore[attr-defined]
    font.shapable = not any(fnmatch(name, glob) for glob in unShapedFontGlob)
    return font


def keep_subsets(font: Any, wrap: Callable[[Callable[[Sequence[int]], bytes]],
                                           Callable[[Sequence[int]], bytes]]) -> None:
    """Replace a TrueType font's subset maker (``font.face.makeSubset``) by ``wrap(maker)``.

    Used to make each subset once per process: the parts of a pack embed
    the same subsets, and making one costs about 4 ms.
    """
    face = font.face
    face.makeSubset = wrap(face.makeSubset)


def keep_widths(font: Any, wrap: Callable[[Callable[..., float]], Callable[..., float]]
                ) -> None:
    """Replace a font's width measure (``font.stringWidth``) by ``wrap(measure)``.

    ``pdfmetrics.stringWidth``, which the paragraph's line breaker calls once
    for every word of every paragraph, asks the registered font object; a
    measure that remembers each word's width is four times as fast.
    """
    font.stringWidth = wrap(font.stringWidth)


def keep_paragraph_widths(wrap: Callable[[Callable[..., float]], Callable[..., float]]
                          ) -> None:
    """Replace the width function the paragraph's line breaker calls by ``wrap(it)``, once.

    ``reportlab.platypus.paragraph`` imports ``pdfmetrics.stringWidth`` by name
    and calls it for every word of every paragraph (650,000 times in a booklet
    of 400 answers); each call looks the font up by name before measuring.
    """
    from reportlab.platypus import paragraph

    measure = paragraph.stringWidth  # type: ignore[attr-defined]
    if not getattr(measure, "studypack_kept", False):
        kept = wrap(measure)
        kept.studypack_kept = True  # type: ignore[attr-defined]
        paragraph.stringWidth = kept  # type: ignore[attr-defined]


def quick_split(font: Any) -> None:
    """Give a TrueType font a faster ``splitString`` for text it has drawn before.

    ``TTFont.splitString`` turns every line drawn into subset codes one
    character at a time in Python (a fifth of a booklet's drawing time). The
    codes a document gave its characters never change (``state.assignments``),
    so a text whose characters all have codes in the first subset is
    ``[(0, codes)]`` at once; anything else (a new character, a second
    subset, bytes) goes to ReportLab's own, which also assigns new codes.
    """
    split = font.splitString
    states = font.state  # document → the codes it has given (TTFont.State)

    def quick(text: Any, doc: Any, encoding: str = "utf-8") -> list[tuple[int, bytes]]:
        state = states.get(doc)
        if state is None or type(text) is not str or not text:
            return split(text, doc, encoding)  # type: ignore[no-any-return]
        code_of = state.assignments.__getitem__
        try:
            # ReportLab prints a no-break space as a space. A character without
            # a code (KeyError) or with one past the first subset (ValueError:
            # not a byte) goes to ReportLab's own.
            return [(0, bytes(map(code_of, map(ord, text.replace("\xa0", " ")))))]
        except (KeyError, ValueError):
            return split(text, doc, encoding)  # type: ignore[no-any-return]

    font.splitString = quick


def parsed_fragments(markup: str, style: Any) -> list[ParaFrag]:
    """The fragments ReportLab's paragraph parser makes of ``markup`` in ``style``.

    The parser is public but untyped; its result is read for the fragment
    attributes a paragraph of plain runs needs, to make them without it.
    """
    _, frags, _ = ParaParser().parse(markup, style)  # type: ignore[no-untyped-call]
    return cast("list[ParaFrag]", frags)


def paragraph_lines_kept(paragraph: Paragraph) -> bool:
    """Whether a wrapped paragraph still holds its line breaks (``blPara``).

    A split removes or replaces them; the next wrap must break the lines again.
    """
    return "blPara" in paragraph.__dict__


def table_size(table: Table) -> tuple[float, float]:
    """The width and height the table's last wrap gave (``_width``, ``_height``)."""
    return table._width, table._height  # type: ignore[attr-defined]


def table_fully_sized(table: Table) -> bool:
    """Whether the table's last wrap sized every row (``_hmax`` equals the row count).

    A long table offered less room than it needs stops sizing rows at the
    bottom of the room, and must be sized again for a new width or room.
    """
    state = table.__dict__
    return bool(state.get("_hmax") == len(table._argH))  # type: ignore[attr-defined]


def table_row_heights(table: Table) -> tuple[float, ...]:
    """The heights of the rows the table's last wrap sized (``_rowHeights``), top first."""
    return tuple(table.__dict__.get("_rowHeights") or ())


def left_align_loose_lines(para: Paragraph, limit: float) -> None:
    """Draw flush left each line whose justified spaces would each grow by more than
    ``limit`` × the width of a space.

    A justified line's spare width is shared among its spaces when it is
    drawn; ReportLab has no limit on that stretch, and a narrow column then
    shows rivers. Its broken lines (``blPara``) say the spare width: a simple
    paragraph (kind 0) keeps ``(extra space, words)`` tuples, drawn flush left
    when the extra is 0; a paragraph of several fragments (kind 1) keeps
    ``FragLine`` objects, drawn flush left when ``lineBreak`` is set (as
    before a ``<br/>``).
    """
    broken = para.__dict__.get("blPara")
    if broken is None:
        return
    if broken.kind == 0:
        space = pdfmetrics.stringWidth(" ", broken.fontName, broken.fontSize)
        for index, (extra, words) in enumerate(broken.lines):
            if len(words) > 1 and extra > limit * space * (len(words) - 1):
                broken.lines[index] = (0, words)
        return
    style = para.style
    space = pdfmetrics.stringWidth(" ", style.fontName, style.fontSize)
    for line in broken.lines:
        gaps = getattr(line, "wordCount", 0) - 1
        if gaps > 0 and line.extraSpace > limit * space * gaps:
            line.lineBreak = True



def define_form(canv: Canvas, name: str, bbox: tuple[int, int, int, int],
                operators: str) -> None:
    """Make form XObject ``name`` of exactly ``operators``, with no fonts in its resources.

    ``beginForm``/``endForm`` give a form the canvas's preamble (which sets a
    font) and the document's whole font dictionary as its resources; a
    reader that extracts text (pypdf) then reads every font's ToUnicode map
    again at each use of the form: seconds a page for a page of shaped Urdu,
    whose every glyph is a form. ``endForm`` sets any keyword it is given on
    the form object (``stream``, ``Resources``) after building it.
    """
    resources = PDFResourceDictionary()
    resources.basicProcs()
    canv.beginForm(name, *bbox)
    canv.endForm(stream=pdfdocEnc(operators), Resources=resources)


def columns_read_from_the_right(generated: list[Any], columns: type) -> list[Any]:
    """Balanced columns' generated flowables (``_generated_content``), filled from the right.

    ``BalancedColumns`` makes its frames left to right, switches to them by
    an action flowable holding them (``F``, and ``f``, the first), and sets
    what does not fit in a new ``BalancedColumns`` of its own class, not the
    caller's. Here the frames trade places (each takes the other's x and
    paddings, so the gutter stays between them) and
    that remainder is made a ``columns`` too, so every page of an Urdu answer
    reads from its right-hand column.
    """
    for item in generated:
        frames = getattr(item, "F", None)
        if frames and getattr(item, "f", None) is frames[0] and len(frames) > 1:
            places = [(f._x1, f._leftPadding, f._rightPadding) for f in frames]
            for frame, (x, left, right) in zip(frames, reversed(places), strict=True):
                frame._x1, frame._leftPadding, frame._rightPadding = x, left, right
                frame._geom()
                frame._reset()  # where drawing starts, from the new place
        elif isinstance(item, BalancedColumns) and not isinstance(item, columns):
            item.__class__ = columns
    return generated
