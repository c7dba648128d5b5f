"""A saved Vanilla Forums thread → its posts' blocks, one post after another.

Input: a saved page's decoded text. Output: the blocks of each post's message, each
post opened by its number ("#2") as a thread shows it, or None when the page is no
Vanilla thread. Vanilla sets the opening post as a ``div.ItemDiscussion`` and each reply
as an ``li.ItemComment`` of a list, the writer's card (name, role, "Posts: 37") above the
message in a ``userContent`` box; read as one page, the replies were list items and an
outline inside one was lost. Read post by post (as ``xenforo`` and ``smf`` read theirs),
the thread reader (``forum.answer_post``) finds the answering post and the question above
it.
"""

from __future__ import annotations

import re
from typing import Any

from .blocks import Block
from .forum import classed, posts_in_turn
from .markup import walk

_POST = re.compile(r"""class\s*=\s*["'][^"']*\bItem(?:Discussion|Comment)\b""")
"""A Vanilla post: the opening ``ItemDiscussion`` or a reply's ``ItemComment``."""


def vanilla_thread(text: str) -> list[Block] | None:
    """The posts of a Vanilla thread (see the module's notes), or None for another page."""
    if len(_POST.findall(text)) < 2 or "userContent" not in text:
        return None
    return posts_in_turn(
        text, lambda tree: tree.xpath(f"//*[{classed('ItemDiscussion')} or "
                                      f"{classed('ItemComment')}]"), _message_blocks)


def _message_blocks(post: Any) -> list[Block]:
    """One post's message, without the writer's card."""
    from lxml import html

    bodies = post.xpath(f".//*[{classed('userContent')}]")
    if not bodies:
        return []
    holder = html.Element("div")
    holder.append(bodies[0])
    return walk(holder)
