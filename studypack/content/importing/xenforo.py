"""A saved XenForo thread → its posts' blocks, one post after another.

Input: a saved page's decoded text. Output: the blocks of each post's message, each
post opened by its number ("#2") as the thread shows it, or None when the page is no
XenForo thread. XenForo sets each post as an ``<article class="message message--post">``
holding the writer's card (name, title, "Joined", "Messages", "Reaction score"), the
post's date and number, its text in a ``bbWrapper`` box and a signature under it; read as
one page, the cards ran into the answer's introduction and the question asked in the
first post was lost. Read post by post (as ``mybb`` and ``vbulletin`` read theirs), the
thread reader (``forum.answer_post``) finds the answering post and the question above it.
"""

from __future__ import annotations

import re
from typing import Any

from .blocks import Block
from .forum import classed, posts_in_turn
from .markup import walk

_POST = re.compile(r"""class\s*=\s*["'][^"']*\bmessage--post\b""")
"""A XenForo post (``<article class="message message--post js-post">``), versions 2.x."""


def xenforo_thread(text: str) -> list[Block] | None:
    """The posts of a XenForo thread (see the module's notes), or None for another page."""
    if len(_POST.findall(text)) < 2 or "bbWrapper" not in text:
        return None
    return posts_in_turn(text, lambda tree: tree.xpath(f"//*[{classed('message--post')}]"),
                         _message_blocks)


def _message_blocks(post: Any) -> list[Block]:
    """One post's text (its ``message-body``, not the signature's ``bbWrapper``): a quote
    of an earlier post (a box naming the member it quotes) left out, its words being that
    post's; a quote box the writer sets for a question keeps its words.
    """
    from lxml import html

    bodies = post.xpath(f".//*[{classed('message-body')}]//*[{classed('bbWrapper')}]")
    if not bodies:
        return []
    body = bodies[0]
    for quote in body.xpath(f".//blockquote[{classed('bbCodeBlock--quote')}]"):
        if quote.get("data-quote") and quote.getparent() is not None:
            quote.drop_tree()  # its tail, the reply's own words, stays
    for title in body.xpath(f".//*[{classed('bbCodeBlock-title')}]"):
        if title.getparent() is not None:
            title.drop_tree()
    holder = html.Element("div")
    holder.append(body)
    return walk(holder)
