"""A forum thread → the one post that answers it, with the question asked above it.

Input: a page's blocks. Output: the same blocks when the page is no thread;
for a thread (posts marked ``#2``, closed by "Reply With Quote"), the
question line wherever it was asked and the post with the most prose, cut at
its signature's rule line. The other posts (thanks, "following this thread")
are not the answer.
"""

from __future__ import annotations

import re

from .blocks import Block, plain
from .junk import MEMBER_RANK
from .questions import parse_question

_POST_START = re.compile(r"^(?:(?:old\s+)?[\w ,:–-]{0,40}\d[\w ,:–-]{0,30}\s)?#\s?\d{1,4}$",
                         re.IGNORECASE)
"""A post's number, alone ("#2") or after its date ("Old 11-05-2020, 11:26 PM #1")."""
_RANK = MEMBER_RANK
_POST_END = re.compile(r"^(?:reply with quote|quote|multi-quote this message)$", re.IGNORECASE)
_SIGNATURE = re.compile(r"^[_\-=~*]{5,}$")


def answer_post(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """The answering post of a thread (see the module's notes), or ``blocks`` as they are."""
    texts = [plain(b.text) for b in blocks]
    marks = sum(bool(_POST_START.match(t) or _POST_END.match(t)) for t in texts)
    numbered = sum(bool(_POST_START.match(t)) for t in texts)
    ranks = sum(bool(_RANK.match(t)) for t in texts)
    if marks < 4 and numbered < 2 and ranks < 2:
        return blocks
    posts: list[list[Block]] = [[]]
    for n, (block, text) in enumerate(zip(blocks, texts, strict=True)):
        if _POST_START.match(text) or _POST_END.match(text):
            posts.append([])
        elif marks < 4 and numbered < 2 and n + 1 < len(texts) and _RANK.match(texts[n + 1]):
            posts.append([block])  # a post opens with its writer's name over their rank
        else:
            posts[-1].append(block)
    posts = [_unquoted(post) for post in posts]
    best = max(posts, key=_prose)
    cut = next((k for k, b in enumerate(best) if _SIGNATURE.match(b.text.strip().split("\n")[0])),
               len(best))
    best = best[:cut]
    # The thread's head (its title, the forum's trail) stays: it names paper and year.
    head = posts[0] if posts[0] is not best else []
    if any(parse_question(plain(b.text)) for b in best):
        return (*head, *best)
    asked = [b for b in blocks if parse_question(plain(b.text))][:1]
    return (*head, *asked, *best)


def _unquoted(post: list[Block]) -> list[Block]:
    """A post without the earlier post it quotes ("Quote:", "Originally Posted by X", text)."""
    kept: list[Block] = []
    skip = 0
    for block in post:
        text = plain(block.text)
        if re.match(r"^quote:?$", text, re.IGNORECASE):
            continue
        if re.match(r"^originally posted by\b", text, re.IGNORECASE):
            skip = 1
            continue
        if skip:
            skip -= 1
            continue
        kept.append(block)
    return kept


def _prose(post: list[Block]) -> int:
    return sum(len(plain(b.text).split()) for b in post if len(plain(b.text).split()) >= 8)
