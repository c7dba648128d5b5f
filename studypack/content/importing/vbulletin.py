"""A saved vBulletin thread → its posts' blocks, one post after another.

Input: a saved page's decoded text. Output: the blocks of each post's message, each
post opened by its number ("#2") as the thread shows it, or None when the page is no
vBulletin thread. vBulletin sets its posts as items of one list, each with the writer's
card, the post's date and its controls around the message; the general extractor keeps
only the first post's opening, and the page's own reading runs one post's card, date
and words into a single item. Each message is marked by its id (``post_message_N``), so
it is read alone, as MyBB's posts are (``mybb``), and the thread reader
(``forum.answer_post``) finds the answering post and the question asked above it.
"""

from __future__ import annotations

import re
from typing import Any

from .blocks import Block
from .forum import posts_in_turn
from .markup import walk

_MESSAGE = re.compile(r"""\bid\s*=\s*["']post_message_\d+["']""")
"""A vBulletin post's message box (``<div id="post_message_204530">``), in versions 3 and 4."""

_QUOTED_POST = re.compile(r"^\W*(?:quote:?\s*)?originally posted by\b", re.IGNORECASE)
"""A quote box's caption naming the earlier post it quotes."""


def vbulletin_thread(text: str) -> list[Block] | None:
    """The posts of a vBulletin thread (see the module's notes), or None for another page."""
    if len(_MESSAGE.findall(text)) < 2:
        return None
    return posts_in_turn(text, lambda tree: tree.xpath("//*[starts-with(@id, 'post_message_')]"),
                         _message_blocks)


def _message_blocks(message: Any) -> list[Block]:
    """One post's words: a quote of an earlier post ("Originally Posted by …") left out,
    its words being that post's; a quote box the writer sets for a question is kept.
    """
    from lxml import html

    # vBulletin 4 boxes a quote in "bbcode_quote"; version 3 in a table under "Quote:".
    boxes = message.xpath(".//*[contains(@class, 'bbcode_quote')]|.//table")
    for box in boxes:
        # Version 3's caption ("Quote:") beside the table is left for the thread reader,
        # which drops it as it does any post's.
        if box.getparent() is not None and _QUOTED_POST.match(box.text_content()):
            box.drop_tree()
    holder = html.Element("div")
    holder.append(message)
    return [line for block in walk(holder) for line in _lines(block)]


def _lines(block: Block) -> list[Block]:
    """A paragraph of a post set in <br> lines, one block a line: a post's lines are its
    paragraphs (the asking post's question on its own line, in bold, between its
    greeting and its thanks), as a copied post gives them.
    """
    lines = [line.strip() for line in block.text.split("\n") if line.strip()]
    if block.kind != "paragraph" or len(lines) < 2:
        return [block]
    out = []
    for line in lines:
        bold = line.startswith("**") and line.endswith("**") and line.count("**") == 2
        out.append(Block("paragraph", line[2:-2].strip() if bold else line, bold=bold))
    return out
