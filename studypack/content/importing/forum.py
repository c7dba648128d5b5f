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
_RANK = re.compile(MEMBER_RANK.pattern.rstrip("$") + r"(?:\s*[/|·–-]\s*[\w ]{1,40})?$",
                   re.IGNORECASE)
"""A rank, alone or with a title after it ("Moderator / Political Science Mentor")."""
_REPLY = re.compile(r"^re:\s", re.IGNORECASE)
"""A reply's title over its post ("Re: Ibn Khaldun vs Machiavelli")."""
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
        elif _REPLY.match(text) and block.kind == "heading":
            posts.append([block])
        elif marks < 4 and numbered < 2 and n + 1 < len(texts) and _RANK.match(texts[n + 1]):
            posts.append([block])  # a post opens with its writer's name over their rank
        else:
            posts[-1].append(block)
    posts = [_unquoted(post) for post in posts]
    answering = [post for post in posts[1:] if _prose(post) >= _ANSWER_WORDS and any(
        (q := parse_question(plain(b.text))) and q.text for b in post)]
    if len(answering) > 1:
        # A mentor answering two questions of the thread in two posts ("Q6 here, Q7 in
        # my next post"): each post is an answer under its own question line.
        best = [b for post in answering for b in _signed_off(post)]
    else:
        best = _signed_off(max(posts, key=_prose))
    # The thread's head (its title, the forum's trail) stays: it names paper and
    # year. The asking post's own words do not: they are not the answer.
    head = [b for b in posts[0] if b.kind == "heading" or (
        "\n" not in b.text and len(plain(b.text).split()) <= 12
        and not parse_question(plain(b.text)))] if posts[0] is not best else []
    if any((q := parse_question(plain(b.text))) and q.text for b in best):
        return (*head, *best)
    return (*head, *_asked(blocks)[:1], *best)


_ANSWER_WORDS = 80
"""Words of prose in a post that answers a question (not a thanks or a follow-up)."""


def _signed_off(post: list[Block]) -> list[Block]:
    """A post cut at its signature's rule line, without a reply's title (it repeats the
    thread's: the question is asked above, not here).
    """
    cut = next((k for k, b in enumerate(post) if _SIGNATURE.match(b.text.strip().split("\n")[0])),
               len(post))
    return [b for b in post[:cut] if not _REPLY.match(plain(b.text))]


def _asked(blocks: tuple[Block, ...]) -> list[Block]:
    """The question lines of a thread, also those inside a post's lines ("I am stuck on
    this one:", then "Q.7 Compare …", then "Thanks"); those with the question's words first.
    """
    lines = [line for block in blocks for line in block.text.split("\n") if line.strip()]
    found: list[tuple[bool, Block]] = []
    for n, line in enumerate(lines):
        asked = parse_question(plain(line))
        if asked is None:
            continue
        text = line
        if not asked.text and n + 1 < len(lines):
            # "Q.7" in bold on a line of its own, its words on the next.
            joined = f"{line} {lines[n + 1]}"
            better = parse_question(plain(joined))
            if better is not None and better.text:
                text, asked = joined, better
        found.append((not asked.text, Block("paragraph", text)))
    return [block for _, block in sorted(found, key=lambda f: f[0])]


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
