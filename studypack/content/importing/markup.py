"""Structured markup (trafilatura's XML, HTML from Markdown or Word) → blocks.

Input: an element tree in either vocabulary: trafilatura's (``head``, ``p``,
``list``/``item``, ``hi rend="#b"``) or HTML's (``h1``–``h6``, ``p``,
``ol``/``ul``/``li``, ``strong``). Output: blocks in reading order, with bold
and italic kept as the content format's ``**``/``*`` marks.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from .blocks import Block, split_marker
from .question_rows import grid_lines, listed_lines, question_columns

HEADINGS = {"head", "h1", "h2", "h3", "h4", "h5", "h6"}
PARAGRAPHS = {"p", "quote", "blockquote", "pre", "dt", "dd", "figcaption"}
LISTS = {"list", "ol", "ul"}
ITEMS = {"item", "li"}
ROWS = {"row", "tr"}
BREAKS = {"lb", "br"}
SKIPPED = {"graphic", "img", "script", "style", "comments", "nav", "form", "button"}


def _tag(element: Any) -> str:
    tag = element.tag
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def _emphasis(element: Any) -> str:
    tag, rend = _tag(element), str(element.get("rend", ""))
    if tag in ("strong", "b") or (tag == "hi" and "#b" in rend):
        return "**"
    if tag in ("em", "i") or (tag == "hi" and "#i" in rend):
        return "*"
    return ""


_BLOCK_INSIDE = frozenset({"div", "p", "blockquote", "section", "article", "pre"})
"""Block elements that can sit inside a paragraph-like element and end its line."""


def inline_text(element: Any) -> str:
    """The text of ``element`` and its inline children, emphasis kept, lists left out."""
    parts = [element.text or ""]
    for child in element:
        tag = _tag(child)
        if tag in LISTS or tag in SKIPPED:
            pass
        elif tag in BREAKS:
            parts.append("\n")
        elif tag in _BLOCK_INSIDE:
            # A box inside a post (a quoted question in a forum post's <div>s) is a
            # line of its own, not run into the words around it.
            parts.append(f"\n{inline_text(child)}\n")
        else:
            mark = _emphasis(child)
            inner = inline_text(child).strip()
            if inner:
                lead = " " if (child.text or "")[:1].isspace() else ""
                parts.append(f"{lead}{mark}{inner}{mark}" if mark else inline_text(child))
            if mark and inner[-1:] in ":.;,!?)" and (child.tail or "")[:1].isalnum():
                # "<hi>Oneness of God:</hi>The Mool …": the extractor dropped the space
                # after a run-in heading; the words after it are a new phrase.
                parts.append(" ")
        parts.append(child.tail or "")
    text = "".join(parts)
    text = re.sub(r"[ \t\u00a0]+", " ", text)
    return "\n".join(line.strip() for line in text.split("\n") if line.strip())


def _block(kind: str, element: Any, level: int = 0, **extra: Any) -> Block | None:
    text = inline_text(element)
    if not text:
        return None
    bold = text.startswith("**") and text.endswith("**") and text.count("**") == 2
    if bold:
        text = text[2:-2].strip()
    return Block(kind, text, level=level, bold=bold, **extra)  # type: ignore[arg-type]


def walk(element: Any, depth: int = 0) -> list[Block]:
    """Blocks of ``element``'s children, depth-first, in document order.

    Args:
        element: An lxml element (a document, ``main``, ``body`` or a ``div``).
        depth: List nesting depth of ``element`` (0 outside lists).
    """
    blocks: list[Block] = []
    for child in element:
        tag = _tag(child)
        found: Block | None = None
        if tag in SKIPPED:
            continue
        if tag in HEADINGS:
            rend = str(child.get("rend", tag))
            found = _block("heading", child, int(rend[1]) if re.fullmatch(r"h[1-6]", rend) else 2)
        elif tag in LISTS:
            blocks.extend(_list(child, depth))
        elif tag == "table" and (lines := _question_table(child) or _facts_table(child)):
            blocks.extend(lines)
        elif tag in ROWS and any(_holds_blocks(cell) for cell in child):
            # A layout table (a forum's post: who wrote it | what they wrote): its cells
            # are read as blocks, one after the other.
            for cell in child:
                blocks.extend(_cell_blocks(cell, depth))
        elif tag in ROWS:
            cells = [inline_text(cell) for cell in child]
            if any(cells):
                blocks.append(Block("paragraph", " – ".join(c for c in cells if c)))
        elif (tag in PARAGRAPHS or _list_line_box(child)) and not any(
                _tag(c) in PARAGRAPHS | LISTS for c in child):
            found = _block("paragraph", child)
            if found is not None and "\n" in found.text and (
                    _listed_lines(found.text) or _short_lines(found.text)):
                # An outline typed as one paragraph with a line break after each item.
                blocks.extend(Block("paragraph", line) for line in found.text.split("\n"))
                found = None
            elif found is not None and tag in ("quote", "blockquote") and \
                    _BOLD_LINE.search(found.text):
                # A forum post (vBulletin's "postcontent" blockquote): paragraphs and
                # bold headings kept apart only by <br>; each line is its own block.
                blocks.extend(_line_blocks(found.text))
                found = None
        elif (tag not in HEADINGS | PARAGRAPHS | LISTS | ROWS | ITEMS or (
                tag in PARAGRAPHS and _lines_around_lists(child))) and _loose(child) \
                and (len(child) or tag != "a"):
            # A <div> of <b>, text and <br>; a box of text alone (a forum's one-line
            # reply); words after a quote box in a post: a student's words, all kept. A
            # link standing alone among the blocks is a button ("Chat on WhatsApp").
            # A post in <br> lines with a list in it comes out of trafilatura as one
            # paragraph holding the list: its lines around the list are the answer too.
            blocks.extend(_cell_blocks(child, depth))
        else:
            blocks.extend(walk(child, depth))
        if found:
            blocks.append(found)
    return blocks


_BOXES = frozenset({"div", "section"})
"""Containers that may hold a list line's text with no element inside them."""


def _list_line_box(element: Any) -> bool:
    """A box holding only a list's line, one box a line ("<div>(ii) Explain …</div>"): a
    paragraph, which a box without elements inside it otherwise never gives.
    """
    return _tag(element) in _BOXES and not len(element) and bool(
        split_marker((element.text or "").strip())[0])


def _question_table(table: Any) -> list[Block]:
    """A table of past questions (columns such as Year | Exam | Question, or a grid of
    topics by sittings) → the topic and listed question lines a typed list would give
    (``question_rows``).
    """
    rows = [[inline_text(c) for c in row if _tag(c) in ("td", "th", "cell")]
            for row in table.iter() if _tag(row) in ROWS]
    columns = question_columns(rows[0]) if len(rows) >= 2 else None
    lines = listed_lines(columns, rows[1:]) if columns else grid_lines(rows)
    return [Block("paragraph", text) for _, text in lines]


_FACT_KEYS = re.compile(r"^(?:exam(?:ination)?|year|session|subject|paper|marks|total marks|"
                        r"question(?:\s*(?:no\.?|number|#))?|q\.?\s*no\.?)$", re.IGNORECASE)


def _facts_table(table: Any) -> list[Block]:
    """A table of a page's facts set as name | value pairs ("Exam | CSS | Year | 2023")
    → one "Exam: CSS" line per pair, as a page's field list would read.
    """
    rows = [[" ".join(inline_text(c).replace("*", "").split()) for c in row
             if _tag(c) in ("td", "th", "cell")] for row in table.iter() if _tag(row) in ROWS]
    rows = [row for row in rows if any(row)]
    readings: list[list[tuple[str, str]]] = []
    if len(rows) == 2 and len(rows[0]) == len(rows[1]):
        readings.append(list(zip(rows[0], rows[1], strict=True)))  # names over values
    if rows and all(row and len(row) % 2 == 0 for row in rows):
        readings.append([pair for row in rows for pair in zip(row[::2], row[1::2], strict=True)])
    if not readings:
        return []
    # The reading whose names are most like a page's fields ("Exam", "Marks") is the table's.
    pairs = max(readings, key=lambda found: sum(bool(_FACT_KEYS.match(k.strip(" :")))
                                                for k, _ in found))
    asked = _asked_in_facts(pairs)
    if asked:
        return [Block("paragraph", asked)]
    short = all(0 < len(k.split()) <= 3 and len(v.split()) <= 6 for k, v in pairs)
    if not short or sum(bool(_FACT_KEYS.match(k.strip(" :"))) for k, _ in pairs) < 2:
        return []
    return [Block("paragraph", f"{k.strip(' :')}: {v}") for k, v in pairs if v]


def _asked_in_facts(pairs: list[tuple[str, str]]) -> str:
    """A question box set as a table ("Q. No." | 8, "Question" | Explain …, "Marks" | 20):
    the question line it stands for ("Q.8 Explain … (20)"), or "" for another table.
    """
    facts = {re.sub(r"[\s.:#]", "", k).casefold(): v.strip() for k, v in pairs}
    number = next((v for k, v in facts.items() if k in ("qno", "questionno", "questionnumber",
                                                         "qnumber")), "")
    question, marks = facts.get("question", ""), facts.get("marks", "")
    if not (re.fullmatch(r"\d{1,2}", number) and len(question.split()) >= 5
            and len(pairs) <= 4 and (not marks or re.fullmatch(r"\d{1,3}", marks))):
        return ""
    return f"Q.{number} {question}" + (f" ({marks})" if marks else "")


BLOCK_TAGS = HEADINGS | PARAGRAPHS | LISTS | ROWS | {"div", "table", "section", "article",
                                                    "main", "figure", "details", "dl"}


def _lines_around_lists(element: Any) -> bool:
    """Lists the only blocks inside a paragraph, among its own lines (a post in ``<br>``
    lines as trafilatura gives it); a paragraph that swallowed a heading is a whole
    card read wrongly, and is walked as before.
    """
    inside = {_tag(c) for c in element} & BLOCK_TAGS
    return bool(inside) and inside <= LISTS


def _holds_blocks(cell: Any) -> bool:
    return any(_tag(c) in BLOCK_TAGS for c in cell)


def _cell_blocks(cell: Any, depth: int) -> list[Block]:
    """A table cell's (or a loose container's) paragraphs, headings and lists, and the
    lines of loose text and inline elements between them (``<b>Q3. …</b><br>…``), a
    line ending at each ``<br>``, each its own block.
    """
    blocks: list[Block] = []
    line: list[str] = []

    def flush() -> None:
        text = " ".join(" ".join(line).split())
        line.clear()
        if text:
            bold = text.startswith("**") and text.endswith("**") and text.count("**") == 2
            blocks.append(Block("paragraph", text[2:-2].strip() if bold else text, bold=bold))

    line.append(cell.text or "")
    for child in cell:
        tag = _tag(child)
        if tag in BLOCK_TAGS:
            flush()
            blocks.extend(walk(_Wrapper(child), depth))
        elif tag in BREAKS:
            flush()
        elif tag not in SKIPPED:
            mark = _emphasis(child)
            text = inline_text(child).strip()
            line.append(f"{mark}{text}{mark}" if mark and text else text)
        line.append(child.tail or "")
    flush()
    return blocks


_BOLD_LINE = re.compile(r"\n[ \t]*\*\*[^*\n]{2,80}\*\*[ \t]*\n")
"""A line all in bold between two others: a heading inside a paragraph element."""


def _line_blocks(text: str) -> list[Block]:
    """Each non-empty line of ``text`` a paragraph block; a line all in bold is marked so."""
    blocks = []
    for line in (x.strip() for x in text.split("\n")):
        if not line:
            continue
        bold = line.startswith("**") and line.endswith("**") and line.count("**") == 2
        blocks.append(Block("paragraph", line[2:-2].strip() if bold else line, bold=bold))
    return blocks


def _loose(element: Any) -> bool:
    """A container holding text of its own, or inline elements, beside its blocks (or
    after them: the words a post goes on with under the quote it answers).
    """
    return bool((element.text or "").strip()) or any(
        (_tag(c) not in BLOCK_TAGS | SKIPPED | BREAKS and inline_text(c).strip())
        or (c.tail or "").strip() for c in element)


class _Wrapper(list):  # type: ignore[type-arg]
    """One element seen as the only child of a parent, so ``walk`` reads it."""

    def __init__(self, element: Any) -> None:
        super().__init__([element])


def _short_lines(text: str) -> bool:
    """Three or more short lines, none ending a sentence: notes typed a line an item
    (an outline, a note's properties), not a paragraph broken for width.
    """
    lines = [line for line in text.split("\n") if line.strip()]
    return len(lines) >= 3 and all(len(x) <= 70 and not re.search(r"[.!?]$", x.strip())
                                   for x in lines)


def _listed_lines(text: str) -> bool:
    """Most lines of ``text`` start with a list marker ("1.", "3.1-", "✓")."""
    lines = [line for line in text.split("\n") if line.strip()]
    marked = sum(bool(split_marker(x)[0]) for x in lines)
    # An outline's thesis line may run long; most lines of an outline are short.
    return (marked >= 3 or (marked >= 2 and len(lines) <= 4)) and marked * 5 >= len(lines) * 2 \
        and sum(len(x) > 120 for x in lines) <= len(lines) // 10


def _list(element: Any, depth: int) -> list[Block]:
    ordered = _tag(element) == "ol" or element.get("rend") == "ol"
    blocks: list[Block] = []
    number = int(element.get("start", "1") or 1) - 1
    for item in element:
        if _tag(item) not in ITEMS:
            continue
        number += 1
        found = _block("item", item, depth, ordered=ordered, number=number if ordered else 0)
        run_on = False
        if found and "\n" in found.text:
            # A line Markdown ran on into the item ("- ✓Peacekeeping" then "3-Successes of
            # the UN"): a marked line is a block of its own, not the item's second line.
            first, *more = found.text.split("\n")
            runs = [x for x in more if split_marker(x)[0]]
            if runs:
                blocks.append(replace(found, text=first))
                blocks.extend(Block("paragraph", x) for x in more)
                found, run_on = None, True
        if found:
            blocks.append(found)
        for nested in item:
            if _tag(nested) in LISTS:
                blocks.extend(_list(nested, depth + 1))
            elif _tag(nested) in PARAGRAPHS and found is None and not run_on:
                para = _block("item", nested, depth, ordered=ordered,
                              number=number if ordered else 0)
                if para:
                    blocks.append(para)
    return blocks
