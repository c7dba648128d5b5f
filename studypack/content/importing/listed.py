"""A list of past questions read from its repeated item shape, not line by line.

Input: a page's blocks, junk dropped. Output: the same blocks with each listed
question's wrapped lines and lone tag joined back to it, and for each listed
question's block the question it lists (``QuestionLine``, ``listed``).

The page is read as a whole. Every block that could be a list's item is given its
shape: the marker it opens with ("Q.3", "1.", "(i)", a bullet's own glyph such as
"👉" or "•"), a list item of the page's own lists, or no marker. A shape counts as
the page's list when three or more of its items carry an exam or year tag, wherever
the tag sits (before the question, "CSS-2016: …"; at its end, before or after the
marks; cut to two digits, "('16)", "— CSS'21"), or take the year of a head standing
over their group ("Past Papers 2018", "CSS 2019"), and when next to nothing stands
between the items. Each item of that shape is then a listed question: its tags read
off, the text left is the question. A line of no shape under an untagged item, that
starts in small letters (the question wrapped) or is only a bracketed tag, belongs to
the item above. Heads between the runs are left in place: the caller reads topics
from them, and year heads (``year_head``) are no topics.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from statistics import median

from .blocks import Block, plain, split_marker
from .pagekind import LIST_BODY_WORDS
from .questions import QuestionLine, asks, question_marker, read_item_tags, year_head

MIN_ITEMS = 3
"""A list has at least this many tagged items of one shape."""

CONTINUATION_WORDS = 30
"""A question's wrapped line is short; a longer one is a paragraph of its own."""


@dataclass(frozen=True)
class _Item:
    """One block read as a possible list item.

    Attributes:
        shape: The marker's kind and a bullet's glyph ("q", "number", "bullet:👉"),
            "item" for an item of the page's own list, "line" for no marker.
        number: The item's number ("Q.3", "3."), or None.
        text: The question, its marker and tags read off.
        year, marks, exam: Its tags, or None.
    """

    shape: str
    number: int | None
    text: str
    year: int | None
    marks: int | None
    exam: str | None


def _item(block: Block) -> _Item | None:
    """``block`` read as a list item, or None for a heading or a nested note."""
    if block.kind == "heading" or (block.kind == "item" and block.level > 0):
        return None
    text = " ".join(plain(block.text).split())
    marked = question_marker(text)
    number: int | None = None
    if marked is not None:
        shape, (number, text) = "q", marked
    else:
        kind, value, rest = split_marker(text)
        if block.kind == "item":
            shape, text = "item", rest if kind in ("number", "bullet") else text
            number = block.number or None
        elif kind in ("nested",):
            return None
        elif kind:
            shape, text = (f"bullet:{value}" if kind == "bullet" else kind), rest
            number = int(value) if kind == "number" else None
        else:
            shape = "line"
    rest, year, marks, exam = read_item_tags(_signs_off(_REMARK.sub("", text)))
    return _Item(shape, number, rest, year, marks, exam)


def _signs_off(text: str) -> str:
    """``text`` without the signs a writer set after a question's end to mark it ("… law. ★",
    "… 1961? ⭐🔥" for one asked often): a mark of the list's, not the paper's words.
    """
    end = len(text)
    while end and (text[end - 1].isspace() or unicodedata.category(text[end - 1]) == "So"
                   or text[end - 1] in "\ufe0f\u200d"):
        end -= 1
    if end == len(text.rstrip()) or not text[:end].endswith((".", "?", ")", '"', "”", "'", "’")):
        return text
    return text[:end]


_REMARK = re.compile(r"(?<=[.?)\]])\s+[^.?!()\[\]]{2,40}!+$")
"""A remark after a listed question's end ("… Pakistan. Important for 2025!", "Repeated!"):
the writer's, not the paper's; a question does not close in "!"."""


def _continues(above: _Item, block: Block) -> bool:
    """``block`` is the rest of the untagged item ``above``: its tag alone on the next line
    ("[CSS-2016] (20)"), or its question wrapped there ("of women? (CSS-21)").
    """
    text = " ".join(plain(block.text).split())
    if block.kind != "paragraph" or above.year is not None or not text \
            or len(text.split()) > CONTINUATION_WORDS or year_head(text) \
            or split_marker(text)[0] or question_marker(text):
        return False
    rest, year, _, _ = read_item_tags(text)
    if year is not None and not rest and text[0] in "([":
        return True
    return text[0].islower() and not re.search(r"[.?!:]['’\"”)]?$", above.text) and (
        year is not None or text.endswith(("?", ".")))


def _joined(blocks: list[Block]) -> list[Block]:
    """The blocks with each item's wrapped line or lone tag joined to it."""
    out: list[Block] = []
    above: _Item | None = None
    for block in blocks:
        if above is not None and above.shape != "line" and _continues(above, block):
            out[-1] = replace(out[-1], text=f"{out[-1].text} {block.text.strip()}")
            above = _item(out[-1])
            continue
        out.append(block)
        above = _item(block)
    return out


def _lines(blocks: list[Block]) -> list[Block]:
    """The blocks with a paragraph of marked lines ("(i) …<br>(ii) …") cut into its lines,
    each a block, as a copied page gives them.
    """
    out: list[Block] = []
    for block in blocks:
        lines = [x.strip() for x in block.text.split("\n") if x.strip()]
        marked = sum(bool(split_marker(plain(x))[0] or question_marker(plain(x))) for x in lines)
        if block.kind == "paragraph" and len(lines) > 1 and marked >= 2:
            out.extend(Block("paragraph", x) for x in lines)
        else:
            out.append(block)
    return out


def read_list(blocks: list[Block]) -> tuple[list[Block], dict[int, QuestionLine]]:
    """The page's list of questions, when it has one (see the module's notes).

    Returns:
        ``(blocks, listed)``: the blocks, with wrapped lines and lone tags joined to
        their items when the page is a list (else as given), and block index → the
        question each listed item asks.
    """
    joined = _joined(_lines(blocks))
    items: list[tuple[int, _Item, int | None, str | None]] = []  # index, item, head's sitting
    sitting: tuple[str | None, int] | None = None
    for index, block in enumerate(joined):
        text = plain(block.text)
        head = year_head(text) if len(text.split()) <= 8 else None
        if head:
            sitting = head
            continue
        item = _item(block)
        if item is None or (item.shape == "line" and item.year is None):
            if len(text.split()) >= 12 and item is not None:
                sitting = None  # prose after a year's run is not under its head
            continue
        head_exam, head_year = sitting or (None, None)
        items.append((index, item, head_year, head_exam))
    shapes = _list_shapes(items)
    if not shapes:
        return blocks, {}
    found: dict[int, QuestionLine] = {}
    for index, item, year, exam in items:
        if item.shape in shapes and (item.year or year) and item.text:
            found[index] = QuestionLine(number=item.number, text=item.text,
                                        year=item.year or year, marks=item.marks,
                                        exam=item.exam or (exam if not item.year else None),
                                        # "Q.3" keeps the paper's number; "3." is a place
                                        # in the list.
                                        listed=item.shape != "q")
    if not _bare(joined, sorted(found)):
        return blocks, {}
    return joined, found


def _tagged(item: _Item, year: int | None) -> bool:
    """An item a list of questions would hold: it asks, under a tag of its own (or, for
    a marked item, a head's year). An outline's heads ask nothing, whatever the head
    over the answer says.
    """
    own = item.year is not None
    return (own or (year is not None and item.shape != "line")) and asks(item.text)


def _list_shapes(items: list[tuple[int, _Item, int | None, str | None]]) -> set[str]:
    """The shapes most of whose items are tagged, three or more of them."""
    shapes: set[str] = set()
    for shape in {item.shape for _, item, _, _ in items}:
        mine = [(item, year) for _, item, year, _ in items if item.shape == shape]
        tagged = sum(_tagged(item, year) for item, year in mine)
        if tagged >= MIN_ITEMS and tagged * 2 > len(mine):
            shapes.add(shape)
    return shapes


def _bare(blocks: list[Block], listed: list[int]) -> bool:
    """Next to nothing stands between the listed items: a list, not answers."""
    if len(listed) < MIN_ITEMS:
        return False
    between = [sum(len(plain(b.text).split()) for b in blocks[start + 1:end])
               for start, end in zip(listed, [*listed[1:], len(blocks)], strict=True)]
    return median(between) < LIST_BODY_WORDS
