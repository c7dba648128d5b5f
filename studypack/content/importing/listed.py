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
between the items; two items are a list when each names its exam and year and the
page holds nothing else (``PAIR``). Each item of that shape is then a listed question:
its tags read off, the text left is the question. A line of no shape under an untagged
item, that starts in small letters (the question wrapped) or is only a bracketed tag,
belongs to the item above; so does a source line under an untagged question ("↳ CSS
2018 · Q3 · 20 marks"), whose number is the paper's. A tag in the page's own code
("{C17}") is read by the key line that explains it ("C = CSS, P = PMS Punjab"), and a
video's chapter time ("12:40 ") opens an item as a marker does. Heads between the runs
are left in place: the caller reads topics from them, and year heads (``year_head``) are
no topics.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from statistics import median

from .blocks import Block, plain, split_marker
from .pagekind import LIST_BODY_WORDS
from .papers import known_paper, tag_exam
from .question_tags import read_item_tags, read_tags
from .questions import QuestionLine, asks, question_marker, year_head

MIN_ITEMS = 3
"""A list has at least this many tagged items of one shape."""

PAIR = 2
"""Two items are a list only when each names its own exam and year, and the page holds
nothing else: no answer under either and none above them (``_pair_alone``)."""

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
        paper_number: The paper's question number its source line gives ("↳ CSS 2018 ·
            Q3"), or None.
    """

    shape: str
    number: int | None
    text: str
    year: int | None
    marks: int | None
    exam: str | None
    paper_number: int | None = None


def _item(block: Block, key: dict[str, str] | None = None) -> _Item | None:
    """``block`` read as a list item, or None for a heading or a nested note; ``key``: the
    page's own tag code (``_tag_key``).
    """
    if block.kind == "heading" or (block.kind == "item" and block.level > 0):
        return None
    text = _decoded(" ".join(plain(block.text).split()), key or {})
    # "12:40 Q3 Explain …": a video's chapter time opens every item, as a number would.
    stamp = _STAMP.match(text)
    if stamp:
        text = text[stamp.end():]
    marked = question_marker(text)
    number: int | None = None
    if stamp:
        shape, number = "time", None
        text = marked[1] if marked is not None else text
    elif marked is not None:
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
    text, source = _source_after(text)
    if source is not None:
        # "… Pakistan? ↳ CSS 2018 · Q3 · 20 marks": its source line, joined to it; the
        # number there is the paper's, the item's own only its place in the post.
        return _Item(shape, number, text, year=source[0], marks=source[3], exam=source[1],
                     paper_number=source[2])
    rest, year, marks, exam = read_item_tags(_signs_off(_REMARK.sub("", _SOLVED.sub("", text))))
    return _Item(shape, number, rest, year, marks, exam)


_STAMP = re.compile(r"^(?:\d{1,2}:)?\d{1,2}:\d{2}\s+(?=\S)")
"""A chapter's time in a video's description ("01:45 ", "1:04:30 ")."""

_SITTING_WORD = re.compile(r"\b(CSS|FPSC|PMS|PCS|PPSC|KPPSC|SPSC|BPSC|AJKPSC)\b")
_KEY_ENTRY = re.compile(r"(?<![\w{(\[])([A-Z]{1,2})\s*(?:=|:|→|means|stands for)\s*"
                        r"([^,;.=]{2,40})")
"""One entry of a page's key to its tag code: "C = CSS", "P = PMS Punjab (PPSC)"."""

_CODE_TAG = re.compile(r"\s*[{(\[]\s*([A-Z]{1,2})\s*['’-]?\s*(\d\d(?:\d\d)?)\s*[})\]]\s*$")
"""A listed question's tag in the page's own code, closing it: "{C17}", "[P-2019]"."""


def _tag_key(blocks: list[Block]) -> dict[str, str]:
    """The page's own tag code, from the line that explains it ("Tag key: C = CSS, P = PMS
    Punjab (PPSC), K = PMS KP …; the two digits are the year"): code letter → exam. A line
    defining two letters or more, each as an exam, is the key; other pages have none.
    """
    for block in blocks:
        text = plain(block.text)
        key: dict[str, str] = {}
        for letter, meaning in _KEY_ENTRY.findall(text):
            named = _SITTING_WORD.search(meaning)
            if named and letter not in key:
                key[letter] = tag_exam(named.group(1)) or "CSS"
        if len(key) >= 2:
            return key
    return {}


def _decoded(text: str, key: dict[str, str]) -> str:
    """``text`` with a closing tag in the page's own code ("… Cold War? {C17}") written as
    the sitting it names ("… Cold War? (CSS 2017)"), which the tag readers read.
    """
    found = _CODE_TAG.search(text)
    if not key or found is None or found.group(1) not in key:
        return text
    digits = int(found.group(2))
    year = digits if digits > 99 else digits + (1900 if digits >= 50 else 2000)
    return f"{text[:found.start()]} ({key[found.group(1)]} {year})"


_SOURCE_PARTS = re.compile(r"\s*[·•|;,]\s*")
_ARROWS = frozenset("↳→➔➤⤷└")
"""Glyphs that point a line at the question above it."""
_PAPER_NUMBER = re.compile(r"Q(?:uestion)?\s*\.?\s*(?:No\.?\s*)?#?\s*(\d{1,2})", re.IGNORECASE)


def _source_line(text: str) -> tuple[int, str | None, int | None, int | None] | None:
    """A line that only says where a question was set, as a drill sets it under each one
    ("↳ CSS 2018 · Q3 · 20 marks", "(PMS Punjab 2020, Q.2)"): ``(year, exam, number,
    marks)``, or None for any other line. It names one sitting; its other parts are the
    paper's question number, the marks or the paper.
    """
    kind, glyph, rest = split_marker(text)
    body = (rest if kind == "bullet" else text).strip()
    if body[:1] in "([" and body[-1:] in ")]":
        body = body[1:-1]
    parts = [p for p in _SOURCE_PARTS.split(body) if p]
    if len(parts) < 2 and glyph not in _ARROWS:
        return None  # "CSS 2019" alone heads the questions of its year
    year: int | None = None
    exam: str | None = None
    number: int | None = None
    marks: int | None = None
    for part in parts:
        left, found_year, found_marks, found_exam = read_tags(part)
        paper_number = _PAPER_NUMBER.fullmatch(part)
        if found_year and not left and year is None:
            year, exam, marks = found_year, found_exam, marks or found_marks
        elif paper_number and number is None:
            number = int(paper_number.group(1))
        elif found_marks and not left and marks is None:
            marks = found_marks
        elif not (known_paper(part) and len(part.split()) <= 5):
            return None
    return (year, exam, number, marks) if year is not None else None


_QUESTION_CLOSE = re.compile(r"(?<=[.?!)\]\"”’])\s+")


def _source_after(text: str) -> tuple[str, tuple[int, str | None, int | None, int | None] | None]:
    """``text`` parted from a source line closing it (``_source_line``), joined there from
    the line under the question: ``(question, source)``, source None when there is none.
    """
    for close in _QUESTION_CLOSE.finditer(text):
        # A source line is a few words; only the text's last ones can be one (reading
        # every sentence's rest took time growing with the square of a long block's).
        if len(text) - close.end() > SOURCE_CHARS:
            continue
        source = _source_line(text[close.end():])
        if source is not None and asks(text[:close.start()]):
            return text[:close.start()], source
    return text, None


SOURCE_CHARS = 120
"""The longest source line closing a question ("↳ PMS Punjab 2020 · Q.2 · 20 marks")."""


def _signs_off(text: str) -> str:
    """``text`` without the signs a writer set after a question's end to mark it ("… law. ★",
    "… 1961? ⭐🔥" for one asked often), or after the tag closing it ("… law? [PMS-2017] ★"):
    a mark of the list's, not the paper's words.
    """
    end = len(text)
    while end and (text[end - 1].isspace() or unicodedata.category(text[end - 1]) == "So"
                   or text[end - 1] in "\ufe0f\u200d"):
        end -= 1
    # A square bracket closes a tag as a round one does; the sign after it still marks
    # the item, and left there it hides the tag from the readers.
    if end == len(text.rstrip()) or not text[:end].endswith(
            (".", "?", ")", "]", '"', "”", "'", "’")):
        return text
    return text[:end]


_SOLVED = re.compile(r"(?<=[)\]])\s*(?:[-–—|:]\s*|[\[(])(?:solved|answered|(?:see|read) (?:the )?"
                     r"answer|answer (?:here|available))[\])]?\s*[✓✔✅]?\s*$", re.IGNORECASE)
"""A list's mark after a question's tag that its answer is on the site ("… (CSS 2021) –
Solved", "[PMS 2019] (answered)"): the site's link, not the paper's words."""

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


def _joined(blocks: list[Block], key: dict[str, str]) -> list[Block]:
    """The blocks with each item's wrapped line, lone tag or source line joined to it."""
    out: list[Block] = []
    above: _Item | None = None
    for block in blocks:
        if above is not None and (
                (above.shape != "line" and _continues(above, block))
                or _sourced(above, block)):
            out[-1] = replace(out[-1], text=f"{out[-1].text} {block.text.strip()}")
            above = _item(out[-1], key)
            continue
        out.append(block)
        above = _item(block, key)
    return out


def _sourced(above: _Item, block: Block) -> bool:
    """``block`` is the source line of the untagged question ``above``, set on the line
    under it ("↳ CSS 2018 · Q3 · 20 marks"): it belongs to that question.
    """
    return (block.kind == "paragraph" and above.year is None and asks(above.text)
            and _source_line(" ".join(plain(block.text).split())) is not None)


def _lines(blocks: list[Block]) -> list[Block]:
    """The blocks with a paragraph of marked lines ("(i) …<br>(ii) …") cut into its lines,
    each a block, as a copied page gives them.
    """
    out: list[Block] = []
    for block in blocks:
        lines = [x.strip() for x in block.text.split("\n") if x.strip()]
        marked = sum(bool(split_marker(plain(x))[0] or question_marker(plain(x))
                          or _STAMP.match(plain(x))) for x in lines)
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
    key = _tag_key(blocks)
    joined = _joined(_lines(blocks), key)
    items: list[tuple[int, _Item, int | None, str | None]] = []  # index, item, head's sitting
    sitting: tuple[str | None, int] | None = None
    for index, block in enumerate(joined):
        text = plain(block.text)
        head = year_head(text) if len(text.split()) <= 8 else None
        if head:
            sitting = head
            continue
        item = _item(block, key)
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
            found[index] = QuestionLine(number=item.paper_number or item.number,
                                        text=item.text,
                                        year=item.year or year, marks=item.marks,
                                        exam=item.exam or (exam if not item.year else None),
                                        # "Q.3" keeps the paper's number; "3." is a place
                                        # in the list, as is a drill's "Q3)" over a
                                        # source line naming the paper's.
                                        listed=item.paper_number is None
                                        and item.shape != "q")
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
        if (tagged >= MIN_ITEMS and tagged * 2 > len(mine)) or (
                len(mine) == PAIR and all(item.year and item.exam and asks(item.text)
                                          for item, _ in mine)):
            shapes.add(shape)
    return shapes


def _bare(blocks: list[Block], listed: list[int]) -> bool:
    """Next to nothing stands between the listed items: a list, not answers."""
    if len(listed) == PAIR:
        return _pair_alone(blocks, listed)
    if len(listed) < MIN_ITEMS:
        return False
    between = [sum(len(plain(b.text).split()) for b in blocks[start + 1:end])
               for start, end in zip(listed, [*listed[1:], len(blocks)], strict=True)]
    return median(between) < LIST_BODY_WORDS


def _pair_alone(blocks: list[Block], listed: list[int]) -> bool:
    """Two listed questions are the whole page: next to nothing under either (a page of two
    answers has one under each), and no prose above the first (an answer that names two
    past questions after it is an answer still).
    """
    ends = [*listed[1:], len(blocks)]
    under = [sum(len(plain(b.text).split()) for b in blocks[start + 1:end])
             for start, end in zip(listed, ends, strict=True)]
    above = sum(n for b in blocks[:listed[0]] if (n := len(plain(b.text).split())) >= 8)
    return max(under) < LIST_BODY_WORDS and above < LIST_BODY_WORDS
