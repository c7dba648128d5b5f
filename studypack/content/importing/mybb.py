"""A saved MyBB thread → its posts' blocks, one post after another.

Input: a saved page's decoded text. Output: the blocks of each post's body, each post
opened by its number ("#2") as the thread shows it, or None when the page is no MyBB
thread. A general extractor keeps only the longest post, so a question asked in the
first post (its number, sitting and marks said in a sentence, its words in a quote box)
is lost, and the page's own markup runs the writers' cards, dates and signatures into
the posts. Read post by post, the thread reader (``forum.answer_post``) finds the
answering post and joins to it the question the asking post sets.
"""

from __future__ import annotations

import re
from typing import Any

from .blocks import Block
from .forum import classed, posts_in_turn
from .markup import walk

_POST_BODY = re.compile(r"""class\s*=\s*["'][^"']*\bpost_body\b""")
"""The class of a MyBB post's text (``<div class="post_body scaleimages">``)."""

_QUOTED_POST = re.compile(r"\bwrote:\s*$", re.IGNORECASE)
"""A quote box's caption naming the post it quotes ("(03-03-2024, 08:02 PM)Areeba_K
Wrote:"), not the bare "Quote:" over a question or a source the writer quotes."""

_BOLD_STYLE = re.compile(r"font-weight\s*:\s*(?:bold|[6-9]00)\b", re.IGNORECASE)


def mybb_thread(text: str) -> list[Block] | None:
    """The posts of a MyBB thread (see the module's notes), or None for another page."""
    if len(_POST_BODY.findall(text)) < 2:
        return None
    return posts_in_turn(text, _posts, _post_body_blocks)


def _posts(tree: Any) -> list[Any]:
    found = tree.xpath(f"//div[{classed('post')}][.//*[{classed('post_body')}]]")
    # A theme's box around the posts may be named "post" too: each post is the innermost.
    return [post for post in found if not any(other is not post and post in
                                              other.iterancestors() for other in found)]


def _post_body_blocks(post: Any) -> list[Block]:
    return _post_blocks(post.xpath(f".//*[{classed('post_body')}]")[0])


def _post_blocks(body: Any) -> list[Block]:
    """One post's text: a quote of an earlier post left out (its words are that post's),
    the caption of a quote box the writer sets ("Quote:") left out and its words kept,
    and MyBB's bold (a styled span) read as bold.
    """
    from lxml import html

    for quote in body.xpath(f".//blockquote[{classed('mycode_quote')}]"):
        cite = quote.find("cite")
        caption = " ".join(cite.text_content().split()) if cite is not None else ""
        if _QUOTED_POST.search(caption):
            quote.drop_tree()  # its tail, the reply's own words, stays
        elif cite is not None:
            cite.drop_tree()
    for span in body.xpath(".//span[@style]"):
        if _BOLD_STYLE.search(span.get("style", "")):
            span.tag = "b"
    # The body is read as a box of its own: its loose lines and the words after its
    # quote box are the post's, read as walk reads any box's.
    holder = html.Element("div")
    holder.append(body)
    return walk(holder)
