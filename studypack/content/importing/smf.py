"""A saved Simple Machines Forum (SMF) thread → its posts' blocks, one post after another.

Input: a saved page's decoded text. Output: the blocks of each post's message, each
post opened by its number ("#2") as the thread shows it, or None when the page is no
SMF thread. SMF sets each message in ``<div class="inner" id="msg_104417">`` beside the
writer's card (group, post count, avatar) and under a subject line ("Re: …", "Reply #2
on: …"); read as one page, the replies ran on after the answer's conclusion. Read post
by post (as ``mybb``, ``vbulletin`` and ``xenforo`` read theirs), the thread reader
(``forum.answer_post``) finds the answering post.
"""

from __future__ import annotations

import re
from typing import Any

from .blocks import Block
from .forum import posts_in_turn
from .markup import walk

_MESSAGE = re.compile(r"""\bid\s*=\s*["']msg_\d+["']""")
"""An SMF message's box (``id="msg_104417"``), in versions 1 and 2."""

_QUOTED_POST = re.compile(r"^\W*quote from:", re.IGNORECASE)
"""A quote box's caption naming the earlier post it quotes ("Quote from: Amna_B on …")."""


def smf_thread(text: str) -> list[Block] | None:
    """The posts of an SMF thread (see the module's notes), or None for another page."""
    if len(_MESSAGE.findall(text)) < 2 or "post_wrapper" not in text:
        return None
    return posts_in_turn(text, lambda tree: tree.xpath("//*[starts-with(@id, 'msg_')]"),
                         _message_blocks)


def _message_blocks(message: Any) -> list[Block]:
    """One post's words: a quote of an earlier post left out, its words being that post's
    (the reply's own words after it stay); a quote box the writer sets keeps its words.
    """
    from lxml import html

    for quote in message.xpath(".//blockquote"):
        cite = quote.find("cite")
        caption = " ".join(cite.text_content().split()) if cite is not None else ""
        if _QUOTED_POST.match(caption) and quote.getparent() is not None:
            quote.drop_tree()
        elif cite is not None:
            cite.drop_tree()
    holder = html.Element("div")
    holder.append(message)
    return walk(holder)
