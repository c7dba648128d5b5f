"""The blocks of one question: header band, question, summary, key points, answer.

Each block is a function ``(ctx, question) -> list[Flowable]`` registered in
``QUESTION_BLOCKS``; a layout's block order is a list of these names.
"""

from __future__ import annotations

import re
import string
import warnings
from collections.abc import Callable
from dataclasses import dataclass, replace
from html import unescape
from typing import Any, Literal

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Spacer,
    TableStyle,
)
from reportlab.platypus.flowables import BalancedColumns
from typing_extensions import override

from ..content.derive import cut_at_word, derive_outline, plain_text
from ..content.inline import STEERING, plain_inline
from ..content.yamlpos import PathKey, dotted
from ..errors import StudypackWarning
from ..model import BookletPlan, Question
from .arabic import URDU_SIZE, RightToLeftParagraph, ShapedParagraph, rtl_paragraph
from .contents import question_key
from .doc import Anchor, Ledger
from .figures import FigureImage, figure
from .fit import field_place, fit_lines, fitted_paragraph, warn_shortened
from .inline import ARABIC_LETTER, Block, Markup
from .labels import ENGLISH, Labels, labels_for
from .paragraphs import HeadedStart, Inset, OnceParagraph, paragraph
from .rl_private import columns_read_from_the_right, table_row_heights
from .rtl import with_digits
from .styles import Palette
from .tables import CELL_PADDING, OnceTable, cell_room


@dataclass(frozen=True)
class BlockContext:
    """What every block function needs: styles, colours, markup, frame size (points)."""

    styles: dict[str, Any]
    pal: Palette
    text: Markup
    heading: Markup
    ledger: Ledger
    width: float
    height: float
    answer_outline: bool = True
    columns: int = 1
    backgrounds: bool = True
    blocks: tuple[str, ...] = ("header", "question", "summary", "key_points", "answer")
    question_break: str = "page"
    grayscale: bool = False
    labels: Labels = ENGLISH


def for_question(ctx: BlockContext, q: Question) -> BlockContext:
    """``ctx`` with the labels of ``q``'s language: an answer in Urdu is labelled in Urdu."""
    labels = labels_for(q.question, q.language)
    # The converters decide by it which text is set right to left whole, as they are told
    # the answer's file for warnings.
    ctx.text.answer_rtl = ctx.heading.answer_rtl = labels.rtl
    return ctx if labels is ctx.labels else replace(ctx, labels=labels)


Heading = str | Flowable
"""A heading as markup in the heading style, or already set (right to left)."""


def _set_heading(heading: Heading, style: ParagraphStyle) -> Flowable:
    return paragraph(heading, style) if isinstance(heading, str) else heading


def _paras(ctx: BlockContext, raw: str, style: str = "body",
           lead: Heading | None = None) -> list[Flowable]:
    """Body text as paragraphs and lists.

    ``lead`` (a heading) is set with the first paragraph or list item as one
    flowable (``HeadedStart``): in balanced columns, where keep-with-next does not
    hold, it cannot be left alone at a column's foot.
    """
    out: list[Flowable] = []
    h3 = ctx.styles["h3"]
    blocks = ctx.text.blocks(raw)
    lead_in: Flowable | None = None  # the paragraph before, if it introduces this block
    for index, block in enumerate(blocks):
        if block.kind != "para" and index and lead_in is not None and out[-1] is not lead_in:
            lead_in = None
        if lead is not None and index == 0 and block.kind in ("para", "bullets", "numbers"):
            out += _headed_start(ctx, lead, block)
        elif block.kind == "para":
            para = paragraph(block.items[0], ctx.styles[style])
            following = blocks[index + 1].kind if index + 1 < len(blocks) else ""
            if (ctx.columns == 1 and following in LEAD_INS
                    and re.sub(r"<[^>]*>", "", block.items[0]).rstrip().endswith(":")):
                # "Three causes stand out:" never stays at a page's foot
                # while what it introduces starts the next page.
                para.keepWithNext = 1
                lead_in = para
            out.append(para)
        elif lead_in is not None and block.kind in ("bullets", "numbers"):
            items = _list_items(ctx, block)
            if isinstance(items[0], KeptList):
                # A list kept whole takes its lead-in along (ReportLab keeps a
                # paragraph with a following group only from inside it).
                out[-1] = KeptList([lead_in, *items[0].items])
                items = items[1:]
            out += items
        elif block.kind == "arabic":
            shaped = _arabic_paragraph(ctx, block.items[0], ctx.styles["body"])
            # An Urdu paragraph or a verse carries its heading as an English one does.
            out.append(HeadedStart(_set_heading(lead, h3), shaped) if lead is not None
                       and index == 0 else shaped)
        elif block.kind in ("quote", "table", "figure"):
            if lead is not None and index == 0:
                out.append(_set_heading(lead, h3))  # a quotation or table cannot carry it
            if block.kind == "quote":
                out += quotation(ctx, block)
            elif block.kind == "figure":
                out += answer_figure(ctx, block)
            else:
                out += data_table(ctx, block)
        else:
            out += _list_items(ctx, block)
    return out


def _headed_start(ctx: BlockContext, lead: Heading, block: Block) -> list[Flowable]:
    """The heading with the first paragraph or list item under it, as one flowable."""
    h3 = ctx.styles["h3"]
    first, *rest = ([paragraph(block.items[0], ctx.styles["body"])]
                    if block.kind == "para" else _list_items(ctx, block))
    if isinstance(first, OnceParagraph) or (block.kind == "para"
                                            and isinstance(first, ShapedParagraph)):
        # An English paragraph with Urdu in it is carried as an English one is.
        return [HeadedStart(_set_heading(lead, h3), first), *rest]
    return [_set_heading(lead, h3), first, *rest]  # an Urdu item: not split under a heading


LEAD_INS = ("bullets", "numbers", "quote", "table")
"""Blocks a paragraph ending in a colon introduces, and is kept with."""


def quotation(ctx: BlockContext, block: Block) -> list[Flowable]:
    """A block quotation: indented, with a rule in the accent colour, its source set right."""
    s = ctx.styles
    arabic = [*block.arabic, *[False] * len(block.items)]
    cells: list[Flowable] = []
    for n, text in enumerate(block.items):
        if arabic[n]:
            # A couplet keeps its lines: each is set right to left on its own.
            cells += [_arabic_paragraph(ctx, plain_text(line), s["quote"])
                      for line in text.split("\n") if line.strip()]
        else:
            cells.append(paragraph(text, s["quote"]))
    if block.source and ctx.text.right_to_left(block.source):
        cells.append(rtl_paragraph(ctx.text.fonts, f"— {block.source}", s["quote_source"],
                                   justify=False))
    elif block.source:
        cells.append(paragraph(f"— {block.source}", s["quote_source"]))
    if ctx.columns == 2:
        # In balanced columns a box cannot split; the quotation is indented
        # in its column, with its source, like the text around it.
        return cells
    box = OnceTable([[cells]], colWidths=[ctx.width - s["body"].fontSize * 1.5],
                    splitInRow=1, hAlign="RIGHT")
    box.setStyle(_table_style(ctx, [
        ("LINEBEFORE", (0, 0), (0, 0), 2, ctx.pal.accent),
        ("LEFTPADDING", (0, 0), (-1, -1), s["body"].fontSize),
        ("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
    ]))
    space = Spacer(1, s["body"].fontSize * 0.2)
    space.keepWithNext = 1  # a lead-in kept with the quotation is kept through it
    return [_spanning(space), _spanning(box), _spanning(Spacer(1, s["body"].spaceAfter))]


def answer_figure(ctx: BlockContext, block: Block) -> list[Flowable]:
    """A numbered, captioned figure across the text (both columns in compact)."""
    path = ctx.text.figures.get(block.src)
    if path is None:  # not checked as a figure (a field of a kind that has none)
        return [paragraph(block.items[0], ctx.styles["body"])]
    ctx.text.figure_count += 1
    s = ctx.styles
    image = FigureImage(path, s["h1"].fontName, page_height=ctx.height,
                        grey=ctx.grayscale)
    caption = paragraph(f"<b>Figure {ctx.text.figure_count}.</b> {block.items[0]}",
                        s["caption"])
    return [_spanning(Spacer(1, s["body"].fontSize * 0.4)), _spanning(figure(image, caption))]


TABLE_ALIGN: dict[str, Literal[0, 1, 2]] = {"left": 0, "center": 1, "right": 2}
"""A pipe table's column alignments (markdown-it's ``text-align`` values) as ReportLab's
TA_LEFT, TA_CENTER and TA_RIGHT (its drawing compares the numbers, not the names)."""


def data_table(ctx: BlockContext, block: Block) -> list[Flowable]:
    """A pipe table: its header row ruled and repeated on every page it runs onto.

    Columns share the frame in proportion to their longest cell (a column of
    years stays narrow, one of sentences gets the room); long cells wrap.
    """
    s = ctx.styles
    columns = max(len(block.items), *(len(row) for row in block.rows)) if block.rows \
        else len(block.items)
    aligns = [*block.aligns, *["left"] * columns][:columns]
    if ctx.labels.rtl:
        # An Urdu answer's table reads from the right, as its key-points table does: the
        # first column on the right, and a column set to its start stands flush right.
        block = _mirrored(block, columns)
        aligns = [{"left": "right", "right": "left"}.get(a, a) for a in reversed(aligns)]

    def cells(row: tuple[str, ...], style: ParagraphStyle) -> list[Flowable]:
        padded = [*row, *[""] * columns][:columns]
        return [paragraph(text, _aligned(style, aligns[n])) for n, text in enumerate(padded)]

    texts = [[row[n] if n < len(row) else "" for row in (block.items, *block.rows)]
             for n in range(columns)]
    scale = next((f for f in TABLE_SCALES if _fits(ctx, texts, f)), None)
    if scale is None:
        scale = TABLE_SCALES[-1]
        warnings.warn(f"{ctx.text.source or 'a table'}: a table of {columns} columns is too "
                      f"wide for the page even at {scale:.0%} of its type size, so some "
                      "long words break inside their cells; split it into two tables or "
                      "shorten its longest words", StudypackWarning, stacklevel=2)
    head, body = _scaled(s["table_head"], scale), _scaled(s["table"], scale)
    table = _ruled_table(ctx, [cells(block.items, head),
                               *(cells(row, body) for row in block.rows)],
                         _column_shares(ctx, texts, scale))
    return [_spanning(table), _spanning(Spacer(1, s["body"].spaceAfter))]


def _mirrored(block: Block, columns: int) -> Block:
    """``block``'s table with its columns in the other order (short rows padded first)."""
    def flipped(row: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(reversed([*row, *[""] * columns][:columns]))

    return replace(block, items=flipped(block.items), rows=tuple(map(flipped, block.rows)))


TABLE_SCALES = (1.0, 0.9, 0.8, 0.7)
"""Type sizes a wide table tries, in turn, until every column holds its longest word."""


def _scaled(style: ParagraphStyle, scale: float) -> ParagraphStyle:
    if scale == 1.0:
        return style
    return ParagraphStyle(f"{style.name}-{scale}", parent=style,
                          fontSize=style.fontSize * scale, leading=style.leading * scale)


def _floors(ctx: BlockContext, texts: list[list[str]], scale: float) -> list[float]:
    """Each column's least width: its longest word in the header's bold, and padding.

    ``texts`` are the cells' markup. A word of Urdu or Arabic is measured as it is set:
    shaped, in its script's face.
    """
    head = _scaled(ctx.styles["table_head"], scale)

    def least(markup: str) -> float:
        if ARABIC_LETTER.search(markup):
            return float(paragraph(markup, head).minWidth())
        return max((stringWidth(word, head.fontName, head.fontSize)
                    for word in _words(markup)), default=0.0)

    return [max(map(least, column), default=0.0) + CELL_PADDING + 2 for column in texts]


STEERING_OR_TAG = re.compile(f"<[^>]*>|[{''.join(sorted(STEERING))}]")


def _words(markup: str) -> list[str]:
    """The words of paragraph markup, its tags and direction marks gone."""
    return unescape(STEERING_OR_TAG.sub("", markup)).split()


def _fits(ctx: BlockContext, texts: list[list[str]], scale: float) -> bool:
    return sum(_floors(ctx, texts, scale)) <= ctx.width


def _column_shares(ctx: BlockContext, texts: list[list[str]], scale: float = 1.0
                   ) -> list[float]:
    """Each column's share of the width: its longest word whole, the rest by its text.

    Every column gets room for its longest word (set in the header's bold,
    the wider face), so "2008" or "Approved" is never broken; what is left is
    shared in proportion to each column's longest cell, damped, so a column
    of sentences gets most of it without starving the others.
    """
    floors = _floors(ctx, texts, scale)
    spare = ctx.width - sum(floors)
    weights = [max(3, min(60, max(len(" ".join(_words(cell))) for cell in column))) ** 0.8
               for column in texts]
    if spare <= 0:  # more words than room: by text alone, some words will break
        return [w / sum(weights) for w in weights]
    return [(floor + spare * w / sum(weights)) / ctx.width
            for floor, w in zip(floors, weights, strict=True)]


def _aligned(style: ParagraphStyle, align: str) -> ParagraphStyle:
    if align == "left":
        return style
    return ParagraphStyle(f"{style.name}-{align}", parent=style, alignment=TABLE_ALIGN[align])


def _label(ctx: BlockContext, text: str, style: str) -> Flowable:
    """A label ("Answer", "Key point") in the answer's language: Urdu set right to left."""
    if ctx.labels.rtl:
        return rtl_paragraph(ctx.text.fonts, text, ctx.styles[style], bold=True, justify=False)
    return paragraph(text, ctx.styles[style])


def _label_heading(ctx: BlockContext, text: str) -> Heading:
    """A section label ("Introduction") as a heading: markup, or Urdu already set."""
    return _label(ctx, text, "h3") if ctx.labels.rtl else text


def _item(ctx: BlockContext, raw: str, style: ParagraphStyle, bullet: str,
          widest: str = "") -> Flowable:
    """One list line (an outline line, a sub-point): Urdu set right to left, its mark right."""
    if ctx.text.right_to_left(raw):
        return _arabic_paragraph(ctx, raw, style, bullet=bullet, widest=widest)
    return paragraph(ctx.text.inline(raw), style, bullet=bullet)


def _arabic_paragraph(ctx: BlockContext, raw: str, style: ParagraphStyle, *, bullet: str = "",
                      widest: str = "") -> RightToLeftParagraph:
    """Author text right to left: Urdu in Nastaliq, justified; Arabic in Naskh, set right.

    Its bold, italic and code words keep their faces (Nastaliq has a bold, no
    italic).
    """
    styled = None if plain_inline(raw) is not None else ctx.text.inline(raw)
    return rtl_paragraph(ctx.text.fonts, plain_text(raw), style, source=ctx.text.source,
                         bullet=bullet, widest=widest, markup=styled)


def _point_heading(ctx: BlockContext, raw: str, number: int | None = None) -> Heading:
    """A point's or section's heading: markup, or set right to left when mostly Urdu or Arabic."""
    if ctx.text.right_to_left(raw):
        text = plain_text(raw)
        return rtl_paragraph(ctx.text.fonts, f"{_number(ctx, number)}. {text}" if number else text,
                             ctx.styles["h3"], bold=True, justify=False, source=ctx.text.source)
    return f"{number}. {ctx.heading.inline(raw)}" if number else ctx.heading.inline(raw)


def _line(ctx: BlockContext, raw: str, style: ParagraphStyle, markup: Markup | None = None
          ) -> Flowable:
    """One piece of author text (a question, summary or gist) as a paragraph.

    Text mostly in Arabic script goes the way of an Arabic body paragraph:
    broken into lines in reading order, then each line put right to left.
    Through ``Markup`` it would be put right to left whole and then broken
    left to right by ReportLab, so a wrapped Urdu summary began with its end.
    """
    if ctx.text.right_to_left(raw):
        return _arabic_paragraph(ctx, raw, style)
    return paragraph((markup or ctx.text).inline(raw), style)


def _list_items(ctx: BlockContext, block: Block) -> list[Flowable]:
    style = ctx.styles["bullet"]
    if block.kind == "numbers":  # "10." has the room "9." has, its text in line with 9's
        style = _numbered_list_style(style, max(n for d, k, n in block.nested if d == 0)
                                     if block.nested else block.start + len(block.items) - 1)
    arabic = [*block.arabic, *[False] * len(block.items)]
    items: list[Flowable] = []
    where = block.nested or tuple((0, block.kind, n) for n in
                                  range(block.start, block.start + len(block.items)))
    widest = {depth: max((_list_mark(ctx, kind, n, depth) for d, kind, n in where if d == depth),
                         key=len) for depth, _, _ in where}
    step = float(style.leftIndent)
    for item, urdu, (depth, kind, n) in zip(block.items, arabic, where, strict=False):
        mark = _list_mark(ctx, kind, n, depth)
        if urdu:  # an Urdu item: its bullet or number on the right
            flowable: Flowable = _arabic_paragraph(ctx, item, style, bullet=mark,
                                                   widest=widest[depth])
        else:
            flowable = paragraph(item, style, bullet=mark or None)
        # A nested list stands in by one list indent a level, from the side its text starts.
        items.append(Inset(flowable, step * depth, right=urdu) if depth else flowable)
    return kept_list(ctx, items)


def _list_mark(ctx: BlockContext, kind: str, n: int, depth: int) -> str:
    """An item's mark: "•" or "3." in the list itself; "–" or "b)" a level down; none for an
    item's second paragraph. Numbers in an Urdu answer are Urdu's.
    """
    if kind == "continued":
        return ""
    if kind == "bullets":
        return "•" if depth == 0 else "–"
    if depth == 0 or ctx.labels.rtl:
        return f"{_number(ctx, n)}." if depth == 0 else f"{_number(ctx, n)})"
    return f"{string.ascii_lowercase[(n - 1) % 26]})"


SHORT_LIST = 6
"""A list of at most this many items is kept on one page where it fits."""


def kept_list(ctx: BlockContext, items: list[Flowable]) -> list[Flowable]:
    """List items that never leave the last item alone at the top of a page.

    A short list (sub-points under a point) moves to the next page whole; a
    longer one keeps its last two items together. Balanced columns keep
    nothing together, so there the items go as they are.
    """
    if ctx.columns == 2 or len(items) < 2:
        return items
    if len(items) <= SHORT_LIST:
        return [KeptList(items)]
    return [*items[:-2], KeptList(items[-2:])]


class KeptList(KeepTogether):
    """List items kept on one page, which a heading over them can join (``_section``)."""

    def __init__(self, items: list[Flowable]) -> None:
        super().__init__(items)
        self.items = items


def _table_style(ctx: BlockContext, commands: list[tuple[Any, ...]]) -> TableStyle:
    # ReportLab's table cells default to Helvetica, a non-embedded Type1 font.
    body = ctx.styles["body"]
    return TableStyle([("FONT", (0, 0), (-1, -1), body.fontName, body.fontSize), *commands])


def column_widths(ctx: BlockContext, fractions: list[float]) -> list[float]:
    """Column widths (points) in proportion, none narrower than "99" and its padding.

    On a narrow page a 6 % number column would leave its cell less room than
    its padding, which ReportLab cannot lay out; the widest column gives way.
    """
    table = ctx.styles["table"]
    floor = stringWidth("99", table.fontName, table.fontSize) + CELL_PADDING + 2
    widths = [max(ctx.width * f, floor) for f in fractions]
    widest = widths.index(max(widths))
    widths[widest] -= sum(widths) - ctx.width
    return widths


def _ruled_table(ctx: BlockContext, rows: list[list[Any]], fractions: list[float]
                 ) -> OnceTable:
    """A table with a ruled header row that repeats, banded rows, rows that may split.

    Args:
        ctx: The layout's styles, colours and frame width.
        rows: Header row first; cells are flowables.
        fractions: Column widths as fractions of the frame width.
    """
    table = OnceTable(rows, colWidths=column_widths(ctx, fractions), repeatRows=1,
                  splitByRow=1, splitInRow=1)
    table.setStyle(_table_style(ctx, [
        ("LINEBELOW", (0, 0), (-1, 0), 1.2, ctx.pal.accent),
        ("LINEBELOW", (0, 1), (-1, -1), 0.4, ctx.pal.rule),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [None, ctx.pal.tint if ctx.backgrounds else None]),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]))
    return table


def _heading(ctx: BlockContext, heading: Heading, style: str = "h3") -> list[Flowable]:
    """A heading that never ends a page: it moves over unless ~3 body lines fit below it."""
    st = ctx.styles[style]
    return [CondPageBreak(_heading_room(ctx, st, urdu=ctx.labels.rtl or not isinstance(
        heading, str))), _set_heading(heading, st)]


def _heading_room(ctx: BlockContext, st: ParagraphStyle, *, urdu: bool) -> float:
    """Room a heading in ``st`` needs below it, with about three lines of body text."""
    room = float(st.spaceBefore + st.leading * 2 + ctx.styles["body"].leading * 3)
    if urdu:
        # Urdu is set a size up, its lines as much deeper, and a Nastaliq line may need
        # more than its leading: a line's more room.
        room = (room + ctx.styles["body"].leading) * URDU_SIZE
    return room


def _section(ctx: BlockContext, heading: Heading, raw: str) -> list[Flowable]:
    """A headed run of body text, kept from stranding its heading in either mode."""
    if ctx.columns == 2 and raw.strip():
        return _paras(ctx, raw, lead=heading)
    head, body = _heading(ctx, heading), _paras(ctx, raw)
    if body and isinstance(body[0], KeptList):
        # A list kept whole that opens the section takes its heading along:
        # moved over alone, it would leave the heading at the page's foot.
        return [*head[:-1], KeepTogether([head[-1], *body[0].items]), *body[1:]]
    return [*head, *body]


KEY_POINT_LINES = 6
"""Most lines a key point's heading, or its gist, takes in the key-points table."""
BAND_LINES = 2
"""Most lines the question band gives its facts line, and its topics line."""


def _band_facts(ctx: BlockContext, q: Question, width: float) -> tuple[Flowable, Flowable]:
    """The band's facts and topics lines (bold, and plain), each cut to ``BAND_LINES``.

    A band cannot split across pages: an exam, paper or list of topics long
    enough to fill a page would make it taller than the frame.

    Returns:
        The two paragraphs, broken at ``width`` points.
    """
    style = ctx.styles["band"]
    rtl = ctx.labels.rtl  # an Urdu answer's band reads from the right

    def bold(text: str) -> str:
        return f"<b>{ctx.heading.text(text)}</b>"

    def warn_cut(field: PathKey, text: str, lines: int) -> None:
        warn_shortened(field_place(q.source_path, field), dotted(field), text,
                       f"{'one line' if lines == 1 else f'{lines} lines'} of the question band")

    def cut(text: str, field: PathKey, lines: int, markup: Callable[[str], str]) -> str:
        kept = fit_lines(text, width, style, lines, markup, rtl=rtl)
        if kept != text:
            warn_cut(field, text, lines)
        return kept
    named = {"exam": q.exam, "paper": q.paper, "part": q.part or ""}
    kept = {name: cut(text, (name,), 1, bold) for name, text in named.items()}
    facts = [kept["exam"], kept["paper"]] + ([f"Part {kept['part']}"] if q.part else [])
    line = " · ".join([*facts, str(q.year)])
    fitted, facts_para = fitted_paragraph(line, width, style, BAND_LINES, bold, rtl=rtl)
    if fitted != line:
        # Each fits a line, together they do not: the longest gives way.
        longest = max(kept, key=lambda name: len(kept[name]))
        kept[longest] = cut(named[longest], (longest,),
                            max(1, BAND_LINES - 1), bold)
        facts = [kept["exam"], kept["paper"]] + ([f"Part {kept['part']}"] if q.part else [])
        _, facts_para = fitted_paragraph(" · ".join([*facts, str(q.year)]), width, style,
                                         BAND_LINES, bold, rtl=rtl)
    topics = " · ".join(q.topics)
    label = f"{ctx.labels.topics}: "
    kept_topics, topics_para = fitted_paragraph(topics, width, style, BAND_LINES,
                                                lambda text: ctx.heading.text(label + text),
                                                rtl=rtl)
    if kept_topics != topics:
        warn_cut(("topics",), topics, BAND_LINES)
    return facts_para, topics_para


def header_band(ctx: BlockContext, q: Question) -> list[Flowable]:
    """Q number, exam · paper · part · year, marks, and topics on a tinted band.

    An Urdu answer's band is mirrored: its number ("question 5" in Urdu) on the right, by the
    accent rule, and its marks on the left.
    """
    s = ctx.styles
    rtl = ctx.labels.rtl
    # The badge column fits "Q99" at the badge size; marks get what "200 marks" needs.
    badge = s["band_number"]
    number_text = f"{ctx.labels.question}{' ' if rtl else ''}{_number(ctx, q.number)}"
    marks = f"{_number(ctx, q.marks)} {ctx.labels.marks}" if q.marks else ""
    number = _label(ctx, number_text, "band_number") if rtl else paragraph(number_text, badge)
    right = (_label(ctx, marks, "band") if rtl
             else paragraph(f"<b>{ctx.heading.text(marks)}</b>", s["band"]))
    # On a narrow page with large type the badge and marks give way (their
    # text wraps) so that the middle keeps at least half the band.
    badge_w = min(_natural_width(number, f"{ctx.labels.question}99", badge) + 18,
                  ctx.width * 0.3)
    marks_w = min(_natural_width(right, "200 marks", s["band"]) + 14, ctx.width * 0.2)
    middle_w = ctx.width - badge_w - marks_w
    middle = list(_band_facts(ctx, q, cell_room(middle_w)))
    cells, widths = [number, middle, right], [badge_w, middle_w, marks_w]
    if rtl:
        cells.reverse()
        widths.reverse()
    table = OnceTable([cells], colWidths=widths)
    table.setStyle(_table_style(ctx, [
        ("BACKGROUND", (0, 0), (-1, -1), ctx.pal.tint if ctx.backgrounds else None),
        ("LINEBELOW", (0, 0), (-1, -1), 0 if ctx.backgrounds else 0.8, ctx.pal.rule),
        ("LINEAFTER" if rtl else "LINEBEFORE", (-1, 0) if rtl else (0, 0),
         (-1, 0) if rtl else (0, 0), 3, ctx.pal.accent),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (0, 0) if rtl else (2, 0), (0, 0) if rtl else (2, 0),
         "LEFT" if rtl else "RIGHT"),
        ("TOPPADDING", (0, 0), (-1, -1), 7), ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
        ("RIGHTPADDING" if rtl else "LEFTPADDING", (-1, 0) if rtl else (0, 0),
         (-1, 0) if rtl else (0, 0), 10),
    ]))
    return [table]


def _number(ctx: BlockContext, number: int | None) -> str:
    """A number studypack prints: in an Urdu answer, in Urdu digits unless the layout says
    western.
    """
    text = str(number or "")
    if ctx.labels.rtl and ctx.text.fonts.urdu_digits != "western":
        return with_digits(text, "urdu")
    return text


def point_number(ctx: BlockContext, n: int) -> Flowable:
    """A key point's number: an Urdu answer's in Urdu's digits (unless the layout says
    western), set as its key points are, so that their first lines stand level.
    """
    if ctx.labels.rtl:
        return _label(ctx, _number(ctx, n), "table")
    return paragraph(str(n), ctx.styles["table"])


def _natural_width(cell: Flowable, widest: str, style: ParagraphStyle) -> float:
    """The width a band cell needs: its widest English text, or its own Urdu line."""
    if isinstance(cell, RightToLeftParagraph):
        cell.wrap(1e4, 1e4)
        return max(cell.getActualLineWidths0(), default=0.0) + cell.indent
    return float(stringWidth(widest, style.fontName, style.fontSize))


def question_text(ctx: BlockContext, q: Question) -> list[Flowable]:
    """The question as set, in the display italic."""
    # The question is set in the text font's italic: fallback glyphs follow it.
    italic = Markup(ctx.text.fonts, ctx.text.family, italic=True)
    italic.source = q.source_path
    return [_line(ctx, q.question, ctx.styles["question"], italic)]


def summary_box(ctx: BlockContext, q: Question) -> list[Flowable]:
    """A tinted box with the two-or-three-sentence summary."""
    key = f"{question_key(q)}-summary"
    label = (_label(ctx, ctx.labels.summary, "label") if ctx.labels.rtl
             else paragraph(ctx.labels.summary.upper(), ctx.styles["label"]))
    inner = [label, _line(ctx, q.summary, ctx.styles["body"])]
    box = OnceTable([[inner]], colWidths=[ctx.width], splitInRow=1)
    box.setStyle(_table_style(ctx, [
        ("BOX", (0, 0), (-1, -1), 0.6, ctx.pal.rule),
        # An Urdu summary's rule stands on the right, where its lines start, as its band's.
        ("LINEAFTER" if ctx.labels.rtl else "LINEBEFORE", (0, 0), (0, 0), 3, ctx.pal.accent),
        ("LEFTPADDING", (0, 0), (-1, -1), 12), ("RIGHTPADDING", (0, 0), (-1, -1), 12),
        ("TOPPADDING", (0, 0), (-1, -1), 8), ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]))
    if box.wrap(ctx.width, ctx.height)[1] > ctx.height / 2:
        # A summary longer than half a page is not a summary box any more:
        # print it as ordinary paragraphs, which split across pages cleanly.
        return [Anchor(ctx.ledger, key, ctx.labels.summary, 2), *inner, Spacer(1, 10)]
    return [Anchor(ctx.ledger, key, ctx.labels.summary, 2), box, Spacer(1, 10)]


def key_points_table(ctx: BlockContext, q: Question) -> list[Flowable]:
    """#, point heading, one-line gist; the header row repeats on a split."""
    s = ctx.styles
    rows: list[list[Any]] = [[paragraph("#", s["table_head"]),
                              _label(ctx, ctx.labels.key_point, "table_head"),
                              _label(ctx, ctx.labels.in_one_line, "table_head")]]
    fractions = [0.06, 0.32, 0.62]
    _, heading_w, gist_w = (cell_room(w) for w in column_widths(ctx, fractions))

    def cut(text: str, path: PathKey, width: float, markup: Callable[[str], str]
            ) -> tuple[str, Flowable]:
        # A table row is a summary: an essay-long heading or gist would fill
        # pages of a narrow column; the answer below still prints it whole.
        kept, para = fitted_paragraph(text, width, s["table"], KEY_POINT_LINES, markup)
        if kept != text:
            warn_shortened(field_place(q.source_path, path), dotted(path), text,
                           f"{KEY_POINT_LINES} lines of the key-points table")
        return kept, para

    def cut_rtl(text: str, path: PathKey, width: float, *, bold: bool) -> Flowable:
        # The same rule for Urdu, measured in its own lines.
        def set_right_to_left(words: str) -> RightToLeftParagraph:
            return rtl_paragraph(ctx.text.fonts, words, s["table"], bold=bold, justify=False,
                                 source=ctx.text.source)
        para = set_right_to_left(plain_text(text))
        para.wrap(width, ctx.height * 100)
        kept = para.cut_to(KEY_POINT_LINES)
        if kept is None:
            return para
        warn_shortened(field_place(q.source_path, path), dotted(path), text,
                       f"{KEY_POINT_LINES} lines of the key-points table")
        return set_right_to_left(kept)

    for n, point in enumerate(q.points, 1):
        heading_at = ("points", n - 1, "heading")
        gist_at = ("points", n - 1, "gist" if not point.gist_derived else "body")
        if ctx.text.right_to_left(point.heading):
            heading = cut_rtl(point.heading, heading_at, heading_w, bold=True)
        else:
            _, heading = cut(point.heading, heading_at, heading_w,
                             lambda t: f"<b>{ctx.text.inline(t)}</b>")
        if ctx.text.right_to_left(point.gist):
            gist_para = cut_rtl(point.gist, gist_at, gist_w, bold=False)
        else:
            _, gist_para = cut(point.gist, gist_at, gist_w, ctx.text.inline)
        rows.append([point_number(ctx, n), heading, gist_para])
    if ctx.labels.rtl:  # read from the right: number, key point, then its line
        rows = [row[::-1] for row in rows]
        fractions = fractions[::-1]
    table = _ruled_table(ctx, rows, fractions)
    key = f"{question_key(q)}-key-points"
    heading = _label(ctx, ctx.labels.key_points, "h2")
    room: Flowable = (RoomForHeading(heading, table) if ctx.labels.rtl
                      else CondPageBreak(s["h2"].leading * 2 + s["table"].leading * 6))
    return [room, Anchor(ctx.ledger, key, ctx.labels.key_points, 2), heading, table,
            Spacer(1, 6)]


class RoomForHeading(CondPageBreak):
    """A page break unless the heading and the table's first two rows (its head and first
    key point) fit: measured, as Nastaliq's rows are far taller than a line of English.
    """

    def __init__(self, heading: Flowable, table: OnceTable) -> None:
        super().__init__(0)
        self.heading, self.table = heading, table

    @override
    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        _, tall = self.heading.wrap(availWidth, availHeight)
        self.table.wrap(availWidth, availHeight)
        self.height = (self.heading.getSpaceBefore() + tall + self.heading.getSpaceAfter()
                       + sum(table_row_heights(self.table)[:2]))
        return super().wrap(availWidth, availHeight)


def _numbered_list_style(style: ParagraphStyle, count: int) -> ParagraphStyle:
    """``style`` for a list numbered "1." to "<count>.", its numbers aligned on their points.

    ReportLab pushes the first line of text right of a number wider than its
    room, so "10." started its text further in than "9.". From ten items on,
    numbers are set flush right on the point (ReportLab's "numeric" bullet
    anchor) and every line's text starts where the widest number leaves room
    (its gap: 0.6 of the number's size, as ReportLab measures a bullet's end).
    """
    if count < 10:
        return style
    font, size = style.bulletFontName, style.bulletFontSize
    digits = max(stringWidth(str(n), font, size) for n in range(1, count + 1))
    point = stringWidth(".", font, size)
    anchor = style.bulletIndent + digits + point / 2
    # "numeric" aligns numbers on their full stop; types-reportlab lists only the others.
    return ParagraphStyle(f"{style.name}-{count}", parent=style,
                          bulletAnchor="numeric",  # type: ignore[arg-type]
                          bulletIndent=anchor,
                          leftIndent=max(style.leftIndent, anchor + point / 2 + 0.6 * size))


def _outline_repeats(ctx: BlockContext, q: Question) -> bool:
    """Whether the outline only lists what the key-points table above it already does.

    An outline that is the introduction, the point headings, the sections and
    the conclusion (the one derived when none is written) would print the
    point headings a third time under the table and before the headings
    themselves; it is left out. An outline that says more, or a layout that
    prints no key-points table, keeps it.
    """
    if "key_points" not in ctx.blocks:
        return False
    derived = derive_outline([p.heading for p in q.points], [s.heading for s in q.sections])

    def words(lines: tuple[str, ...]) -> list[str]:
        return [" ".join(plain_text(line).casefold().split()) for line in lines]
    return words(q.outline) == words(derived)


def full_answer(ctx: BlockContext, q: Question) -> list[Flowable]:
    """Outline, introduction, numbered headed points with sub-points, sections, conclusion."""
    s = ctx.styles
    key = f"{question_key(q)}-answer"
    opening: list[Flowable] = [Anchor(ctx.ledger, key, ctx.labels.answer, 2),
                               _label(ctx, ctx.labels.answer, "h2")]
    outline = ctx.answer_outline and bool(q.outline) and not _outline_repeats(ctx, q)
    if outline and ctx.columns == 2 and not ctx.labels.rtl:
        # In columns the outline is one paragraph (title and numbered lines), so
        # its title cannot be parted from its first line at a column's foot.
        h3 = s["h3"]
        lines = "<br/>".join(f"{n}. {ctx.text.inline(line)}" for n, line in
                             enumerate(q.outline, 1))
        outline_para = paragraph(f'<font name="{h3.fontName}">Outline</font><br/>{lines}',
                                 s["body"])
        story: list[Flowable] = [CondPageBreak(_answer_room(ctx)), *opening]
        head_of_body: list[Flowable] = [outline_para]
    elif outline:
        # The heading, "Outline" and its lines move to a new page together or not at all.
        numbered = _numbered_list_style(s["bullet"], len(q.outline))
        opening += [_label(ctx, ctx.labels.outline, "h3"),
                    *(_item(ctx, line, numbered, f"{_number(ctx, n)}.")
                      for n, line in enumerate(q.outline, 1))]
        story = [KeepTogether(opening)]
        if ctx.columns == 2:
            # The columns begin a frame of their own, where a heading's space above is
            # dropped: "تعارف" would sit on the outline's last line.
            story.append(Spacer(1, s["h3"].spaceBefore))
        head_of_body = []
    else:
        story = [CondPageBreak(_answer_room(ctx)), *opening]
        head_of_body = []
    body = head_of_body + _section(ctx, _label_heading(ctx, ctx.labels.introduction),
                                   q.introduction)
    for n, point in enumerate(q.points, 1):
        body += _section(ctx, _point_heading(ctx, point.heading, n), point.body)
        body += kept_list(ctx, [_item(ctx, sub, s["bullet"], "–") for sub in point.subpoints])
    for section in q.sections:
        body += _section(ctx, _point_heading(ctx, section.heading), section.body)
    body += _section(ctx, _label_heading(ctx, ctx.labels.conclusion), q.conclusion)
    if q.references:
        # An Urdu answer's references all stand from the right, an address alone too.
        refs = [_arabic_paragraph(ctx, ref, s["reference"])
                if ctx.labels.rtl or ctx.text.right_to_left(ref)
                else paragraph(ctx.text.inline(ref), s["reference"]) for ref in q.references]
        if ctx.columns == 2 and ctx.labels.rtl:
            # "حوالہ جات" carried with the first reference, as a point's heading is.
            body += [HeadedStart(_label(ctx, ctx.labels.references, "h3"), refs[0]), *refs[1:]]
        elif ctx.columns == 2:
            # Balanced columns cannot keep a heading with its lines: the
            # references go in one paragraph behind their heading instead.
            lead = (f'<font name="{s["h3"].fontName}">References</font><br/>'
                    + "<br/>".join(ctx.text.inline(ref) for ref in q.references))
            body.append(paragraph(lead, s["reference"]))
        else:
            # A short block, set tight and kept whole: it neither strands its
            # heading nor leaves one reference alone on the next page.
            body.append(KeepTogether([_label(ctx, ctx.labels.references, "h3"), *refs]))
    if ctx.columns == 2:
        # Balanced columns: they split across pages and even out on the last one.
        return [*story, *_in_columns(ctx, body)]
    return story + body


def _columns_room(ctx: BlockContext) -> float:
    """Height balanced columns need to start on a page: three lines, a heading and two
    lines of text under it.

    ReportLab's own default is an inch, whatever the type; with less room the columns
    go to the next page and leave the "Answer" heading above them at the foot.
    """
    return float(ctx.styles["body"].leading) * 3 + 2


def _answer_room(ctx: BlockContext) -> float:
    """Room the "Answer" heading needs below it to be set on this page rather than the next."""
    h2, body = ctx.styles["h2"], ctx.styles["body"]
    if ctx.columns == 2:
        heading = float(h2.spaceBefore + h2.leading + h2.spaceAfter)
        return heading + _columns_room(ctx) + 2  # and the columns' own space before
    if ctx.labels.rtl:
        # "جواب" over "تعارف" and its first Nastaliq lines, which need more room than
        # English (the introduction's heading would move over and leave this one).
        head = float(h2.spaceBefore + h2.leading + h2.spaceAfter) * URDU_SIZE
        return head + _heading_room(ctx, ctx.styles["h3"], urdu=True)
    return float(h2.leading * 2 + body.leading * 4)


def _in_columns(ctx: BlockContext, body: list[Flowable]) -> list[Flowable]:
    """``body`` in balanced columns, with its tables and quotations across both.

    ReportLab's balanced columns cannot split a table between columns; a
    table or quotation spans the page, and the text before and after it is
    balanced in columns of its own, as a book sets a wide figure.
    """
    out: list[Flowable] = []
    run: list[Flowable] = []

    size = ctx.styles["body"].fontSize
    # Urdu columns are filled from the right, with a wider gutter and a rule in it:
    # Nastaliq's tails reach past a line's end, and its lines sit at other heights
    # than the next column's, so a narrow gutter reads as one line across.
    columns, gutter, rule = ((RightToLeftColumns, size * 2.6, ctx.pal.rule) if ctx.labels.rtl
                             else (BalancedColumns, size * 1.4, None))

    def close_run() -> None:
        if run:
            out.append(columns(list(run), nCols=2, spaceBefore=2, needed=_columns_room(ctx),
                               innerPadding=gutter, vLinesStrokeColor=rule,
                               vLinesStrokeWidth=0.5 if rule else None))
            run.clear()
    for flowable in body:
        if getattr(flowable, SPANS_COLUMNS, False):
            close_run()
            out.append(flowable)
        else:
            run.append(flowable)
    close_run()
    return out


class RightToLeftColumns(BalancedColumns):
    """Balanced columns filled from the right: an answer in Urdu reads right column first."""

    def _generated_content(self, aW: float, aH: float) -> tuple[float, list[Any]]:
        height, made = super()._generated_content(aW, aH)  # type: ignore[misc]
        return height, columns_read_from_the_right(made, RightToLeftColumns)


SPANS_COLUMNS = "_studypack_spans_columns"
"""Set on a flowable that is set across both columns (a table, a quotation's box)."""


def _spanning(flowable: Flowable) -> Flowable:
    setattr(flowable, SPANS_COLUMNS, True)
    return flowable


def question_outline_title(q: Question) -> str:
    """Outline (bookmark) title: "Q8 (2022) · Discuss the issues…", about 80 characters."""
    return f"Q{q.number} ({q.year}) · {cut_at_word(plain_text(q.question), 66)}"


def revision_grid(ctx: BlockContext, plan: BookletPlan) -> list[Flowable]:
    """A closing grid: every question with its key-point headings, for last-day revision.

    One table per section of the pack, under the section's name, in pack order:
    a reader finds a question where the pack put it, and ReportLab splits
    short tables across pages far more cheaply than one table of every row.
    """
    s = ctx.styles
    story: list[Flowable] = [Anchor(ctx.ledger, "revision-grid", "Revision grid", 0),
                             paragraph("Revision grid", s["h1"])]
    for group in plan.groups:
        rows: list[list[Any]] = [[paragraph("Question", s["table_head"]),
                                  paragraph("Key points", s["table_head"])]]
        for q in group.questions:
            # One paragraph a point: an Urdu heading is set on its own line, right to left,
            # its number on the right (a <br/> does not part shaped lines).
            digits = "western" if ctx.text.fonts.urdu_digits == "western" else "urdu"
            points = [_arabic_paragraph(ctx, p.heading, s["table"],
                                        bullet=with_digits(f"{n}.", digits),
                                        widest=with_digits(f"{len(q.points)}.", digits))
                      if ctx.text.right_to_left(p.heading)
                      else paragraph(f"{n}. {ctx.text.inline(p.heading)}", s["table"])
                      for n, p in enumerate(q.points, 1)]
            rows.append([paragraph(f"<b>Q{q.number} · {q.year}</b><br/>"
                                   f"{ctx.text.text(q.paper)}", s["table"]), points])
        if len(plan.groups) > 1:
            story += _heading(ctx, ctx.heading.text(group.topic))
        story.append(_ruled_table(ctx, rows, [0.26, 0.74]))
    return story


QUESTION_BLOCKS: dict[str, Callable[[BlockContext, Question], list[Flowable]]] = {
    "header": header_band,
    "question": question_text,
    "summary": summary_box,
    "key_points": key_points_table,
    "answer": full_answer,
}
"""Block kinds of a question, by the name a layout uses."""
