"""A forum thread → the one post that answers it, with the question asked above it.

Input: a page's blocks. Output: the same blocks when the page is no thread;
for a thread (posts marked ``#2``, closed by "Reply With Quote" or, in a
Telegram channel's copy, by "2.6K views 19:20"), the question line wherever
it was asked and the post with the most prose, cut at its signature's rule
line. A question asked without a Q marker (a "Discuss …" line under "It came
as question 5 … carried 20 marks:", or quoted in 'the 2016 paper asked
"…"') is written as a question line. The other posts (thanks, "following
this thread") and the writer's card ("CSS 2022 qualifier") are not the answer.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from .blocks import QUESTION_WORDS, Block, plain, words_in_long_lines
from .junk import MEMBER_RANK
from .papers import EXAMS
from .pieces import to_piece
from .preamble import is_preface, quoted_question
from .question_tags import marks_in_prose
from .questions import parse_question

_POST_START = re.compile(r"^(?:(?:old\s+)?[\w ,:–-]{0,40}\d[\w ,:–-]{0,30}\s)?#\s?\d{1,4}$",
                         re.IGNORECASE)
"""A post's number, alone ("#2") or after its date ("Old 11-05-2020, 11:26 PM #1")."""
_RANK = re.compile(MEMBER_RANK.pattern.rstrip("$") + r"(?:\s*[/|·–-]\s*[\w ]{1,40})?$",
                   re.IGNORECASE)
"""A rank, alone or with a title after it ("Moderator / Political Science Mentor")."""
_REPLY = re.compile(r"^re:\s", re.IGNORECASE)
"""A reply's title over its post ("Re: Ibn Khaldun vs Machiavelli")."""
_VIEWS = re.compile(r"^[\d.,]+[KkM]?\s+views(?:\s+edited)?\s+\d{1,2}:\d{2}(?:\s*[AP]M)?$",
                    re.IGNORECASE)
"""A Telegram channel's post closes with its views and time ("2.6K views edited 19:20")."""
_POST_ON = re.compile(r"^«?\s*(?:reply\s*#\s*\d{1,4}\s+)?on:\s*[\w ,.:/-]{6,40}?\d"
                      r"(?:\s*[AP]M)?\s*»?$", re.IGNORECASE)
"""An SMF post's date line, under its writer's card: "« on: January 27, 2025, 09:12:05 PM »",
"« Reply #2 on: January 28, 2025, 08:05:44 PM »"."""
_POSTED = re.compile(r"^posted\s+(?:on\s+)?(?:[A-Z][a-z]+\s+\d{1,2}(?:,\s*\d{4})?|\d{1,2}\s+"
                     r"[A-Z][a-z]+(?:\s+\d{4})?|yesterday|today|\d{1,2}\s+(?:minutes?|hours?|"
                     r"days?)\s+ago)(?:\s*\(edited\))?$", re.IGNORECASE)
"""An Invision post's date line, over its text: "Posted January 8", "Posted 3 hours ago
(edited)"."""
_POST_END = re.compile(rf"^(?:reply with quote|quote|multi-quote this message)$|{_VIEWS.pattern}",
                       re.IGNORECASE)
_SIGNATURE = re.compile(r"^[_\-=~*]{5,}$")


def answer_post(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """The answering post of a thread (see the module's notes), or ``blocks`` as they are."""
    texts = [plain(b.text) for b in blocks]
    marks = sum(bool(_POST_START.match(t) or _POST_END.match(t)) for t in texts)
    numbered = sum(bool(_POST_START.match(t) or _POST_ON.match(t) or _POSTED.match(t))
                   for t in texts)
    ranks = sum(bool(_RANK.match(t)) for t in texts)
    if marks < 4 and numbered < 2 and ranks < 2 and sum(bool(_VIEWS.match(t)) for t in texts) < 2:
        return blocks
    posts: list[list[Block]] = [[]]
    for n, (block, text) in enumerate(zip(blocks, texts, strict=True)):
        if _POST_ON.match(text) or _POSTED.match(text):
            # The writer's card stands above the date line, at the foot of the post before.
            posts[-1] = _card_cut(posts[-1])
            posts.append([])
        elif _POST_START.match(text) or _POST_END.match(text):
            posts.append([])
        elif _REPLY.match(text) and block.kind == "heading":
            posts.append([block])
        elif marks < 4 and numbered < 2 and n + 1 < len(texts) and _RANK.match(texts[n + 1]):
            posts.append([block])  # a post opens with its writer's name over their rank
        else:
            posts[-1].append(block)
    posts = [_uncarded(_unquoted(post)) for post in posts]
    answering = [post for post in posts[1:] if words_in_long_lines(post) >= _ANSWER_WORDS and any(
        (q := parse_question(plain(b.text))) and q.text for b in post)]
    # A thread listing questions, no post of which answers one (its prose, less its
    # listed questions, is short), is read as a list over every post that adds to it.
    listing, starts = _listing(posts)
    if any(words_in_long_lines([b for b in post if not _holds(b, starts)]) >= _ANSWER_WORDS
           for post in answering):
        listing = []
    if len(answering) > 1:
        # A mentor answering two questions of the thread in two posts ("Q6 here, Q7 in
        # my next post"): each post is an answer under its own question line.
        best = [b for post in answering for b in _signed_off(post)]
    else:
        best = _signed_off(_continued(posts, max(posts, key=_answering)))
    # The thread's head (its title, the forum's trail) stays: it names paper and
    # year. The asking post's own words do not: they are not the answer.
    head = [b for b in posts[0] if b.kind == "heading" or (
        "\n" not in b.text and len(plain(b.text).split()) <= 12
        and not parse_question(plain(b.text)))] if posts[0] is not best else []
    if listing:
        # The first post, when no post line opens it (a chat's copy), may hold the list.
        return (*(head if listing[0] is not posts[0] else []),
                *(b for post in listing for b in _signed_off(post)))
    if any((q := parse_question(plain(b.text))) and q.text for b in best):
        return (*head, *best)
    # The question is asked above the answer, in the thread's first posts.
    above = posts[:posts.index(max(posts, key=_answering))]
    # A question line with its words beats the thread's title naming only the number
    # ("Mercantile Law 2017 Q2 – … (need help)") and a question the first post sets.
    lines = _asked(blocks)
    worded = [b for b in lines if (q := parse_question(plain(b.text))) and q.text]
    asked = worded[:1] or _announced([b for post in above for b in post]) or lines[:1]
    # Or the writer quotes what they answer in the post's opening paragraph: the question
    # goes under it, and the opening, with the post's title, is read as the page's head.
    opening = next((k for k, b in enumerate(best) if len(plain(b.text).split()) >= 25), 0)
    if not asked and (own := _announced(best[:opening + 1], own=True)):
        return (*head, *best[:opening + 1], *own, *best[opening + 1:])
    # The asker may tell the marks in a sentence of their own ("It was a 20 marks
    # question."): it goes above the question, where the page's head is read.
    told = [b for post in above for b in post if b not in asked
            and marks_in_prose(plain(b.text))][:1] if asked else []
    return (*head, *told, *asked, *best)


_CONTINUES = re.compile(r"^\W*(?:\(?\s*(?:continued|contd?)\b\.?\s*\)?|part\s*(?:2|ii)\b)[:.)\s-]*",
                        re.IGNORECASE)
"""A post that opens by saying it goes on with the one before: "(continued) …", "Contd:"."""


def _continued(posts: list[list[Block]], post: list[Block]) -> list[Block]:
    """``post`` with the posts after it that say they continue it ("(continued) Economic
    dependence …"): a long answer posted in parts is one answer.
    """
    whole = list(post)
    for after in posts[posts.index(post) + 1:]:
        first = next((b for b in after if b.text.strip()), None)
        if first is None or not _CONTINUES.match(plain(first.text)):
            break
        rest = _CONTINUES.sub("", first.text.strip(), count=1).strip()
        whole += [*([replace(first, text=rest)] if rest else []), *after[after.index(first) + 1:]]
    return whole


_FRAME = 3
"""Heads and labels a post holds to be read as set out as an answer."""


def _answering(post: list[Block]) -> tuple[bool, int]:
    """How much ``post`` looks like the answer: set out with heads and labels (a long
    reply of comments is not), then its prose.
    """
    frame = sum(b.kind == "heading" or b.bold or bool(to_piece(b).label) for b in post)
    return frame >= _FRAME, words_in_long_lines(post)


def _card_cut(post: list[Block]) -> list[Block]:
    """``post`` without the next post's writer's card at its foot: the name (a short
    heading) over the rank and stats (short items), and the reply's title ("Re: …") or the
    thread's, under them. Unchanged when its foot is no such card.
    """
    titles = {plain(b.text) for b in post if b.kind == "heading"}
    end = len(post)
    if end and (_REPLY.match(plain(post[end - 1].text)) or plain(post[end - 1].text) in titles):
        end -= 1
    while end and post[end - 1].kind == "item" and len(plain(post[end - 1].text).split()) <= 5:
        end -= 1
    if end and post[end - 1].kind == "heading" and len(plain(post[end - 1].text).split()) <= 5 \
            and end < len(post):
        return post[:end - 1]
    return post


def _listing(posts: list[list[Block]]) -> tuple[list[list[Block]], set[str]]:
    """The posts of a thread that lists questions, when no post answers one: each post
    holding an item of the list read over the whole thread (the first post's questions,
    and a later reply of the writer's adding the next year's), in order. Empty when the
    thread lists none. Also the listed questions' openings, as ``_holds`` looks for them.
    """
    from .listed import read_list  # the list reader reads question lines as this module does

    _, found = read_list([b for post in posts for b in post])
    starts = {" ".join(q.text.split())[:40] for q in found.values() if q.text}
    return [post for post in posts if any(_holds(b, starts) for b in post)], starts


def _holds(block: Block, starts: set[str]) -> bool:
    """``block`` holds one of a list's questions (``starts``: their openings)."""
    text = " ".join(plain(block.text).split())
    return any(start in text for start in starts)


_ANSWER_WORDS = 80
"""Words of prose in a post that answers a question (not a thanks or a follow-up)."""


def _signed_off(post: list[Block]) -> list[Block]:
    """A post cut at its signature's rule line, without a reply's title (it repeats the
    thread's: the question is asked above, not here).
    """
    # A rule with an answer's worth of prose under it only sets the answer apart from
    # the writer's preface ("Kindly check it", a rule, the answer): no signature.
    cut = next((k for k, b in enumerate(post) if _SIGNATURE.match(b.text.strip().split("\n")[0])
                and words_in_long_lines(post[k + 1:]) < _ANSWER_WORDS), len(post))
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
        if asked.text and asked.year is None and n and _introduces(lines[n - 1]):
            # "This came in the CSS 2021 EVS paper:" over "Q.5 What is …": its sitting.
            text = f"{text} {_sitting(plain(lines[n - 1]))}"
        found.append((not asked.text, Block("paragraph", text)))
    return [block for _, block in sorted(found, key=lambda f: f[0])]


def _introduces(sentence: str) -> bool:
    """A sentence that sets the question under it in its paper ("It came in the CSS 2019
    paper:"), not the writer's own sitting ("I am appearing in CSS 2021.").
    """
    text = plain(sentence).strip()
    return text.endswith(":") and bool(_ASKED_IN.search(text)) and bool(_sitting(text))


_ANNOUNCED_NUMBER = re.compile(r"\b(?:question|q(?![a-z])\.?)\s*(?:no\.?\s*|number\s*|#\s*)?"
                               r"(\d{1,2})\b", re.IGNORECASE)
"""The number a sentence gives the question it sets: "question 5", "Q.8", "Q. No. 3"."""
_MARKS_AFTER = re.compile(r"^\W*(?:it|this(?: question)?)\s+(?:carried|carries|was of|is of|had|"
                          r"has)\s+(\d{1,3})\s*marks\b", re.IGNORECASE)
"""The marks said in the sentence after a quoted question ("It carried 20 marks.")."""
_ANNOUNCED_MARKS = re.compile(r"\b(\d{1,3})\s*marks\b", re.IGNORECASE)
_ASKED_IN = re.compile(r"\b(?:was|were|is|got|came)\s+(?:asked|set|given|came)\b|\bpaper\b",
                       re.IGNORECASE)
_PAPER_YEAR = re.compile(rf"\b(?:({'|'.join(EXAMS)})\W{{0,3}})?((?:19|20)\d\d)\s+"
                         r"(?:[A-Z][\w&]*\s+){0,3}paper\b")
_ANNOUNCED_SITTING = re.compile(rf"\b({'|'.join(EXAMS)})\W{{0,3}}((?:19|20)\d\d)\b")


def _announced(post: list[Block], *, own: bool = False) -> list[Block]:
    """The question an asking post sets without a Q marker: a line that starts with a task
    word ("Discuss …"), under a sentence that names it ("It came as question 5 in the CSS
    2018 paper and carried 20 marks:"), or quoted in such a sentence ('the 2019 paper asked
    "Critically examine …"'). Its number, marks and sitting, said only in that sentence,
    are written on the line as a question line carries them. The sentence is kept above
    the line, to be read for the paper, unless it is the answer's ``own`` preface (whose
    other years are the writer's: "I am appearing in CSS 2021").
    """
    texts = [plain(b.text) for b in post]
    for n, line_text in enumerate(texts):
        # A question quoted whole under the sentence that names it: its own words.
        above, text = texts[n - 1] if n else "", line_text.strip().strip("\"“”")
        quoted = quoted_question([text]) if _ASKED_IN.search(text) else None
        if quoted:
            above, text = text, quoted
        elif not (QUESTION_WORDS.match(text) and 5 <= len(text.split()) <= 80
                  and not is_preface(text) and (above.endswith(":") or _ANNOUNCED_NUMBER.search(
                      above))):
            continue
        below = texts[n + 1] if n + 1 < len(texts) else ""
        marks = _found(_ANNOUNCED_MARKS, above) or _found(_MARKS_AFTER, below)
        line = " ".join(["Q." + _found(_ANNOUNCED_NUMBER, above), text, _sitting(above),
                         f"({marks} marks)" if marks else ""])
        if (asked := parse_question(line)) is not None and asked.text:
            question = Block("paragraph", line.strip())
            return [question] if own else [Block("paragraph", above), question]
    return []


def _found(pattern: re.Pattern[str], text: str) -> str:
    match = pattern.search(text)
    return match.group(1) if match else ""


def _sitting(sentence: str) -> str:
    """The sitting a sentence names for its question, as a tag: the year just before
    "paper" ("the 2019 paper", "the CSS 2018 Sociology paper"), else an exam and year.
    """
    paper = _PAPER_YEAR.search(sentence)
    if paper:
        return f"({paper.group(1) or ''} {paper.group(2)})".replace("( ", "(")
    sitting = _ANNOUNCED_SITTING.search(sentence)
    return f"({sitting.group(1)} {sitting.group(2)})" if sitting else ""


_STATS = re.compile(r"^(?:join(?:ed| date)|posts|location)\s*:", re.IGNORECASE)


def _uncarded(post: list[Block]) -> list[Block]:
    """A post without its writer's title between their rank and their stats ("Senior
    Member", "CSS 2022 qualifier", "Join Date: …"): a card, whose year is not the answer's.
    """
    texts = [plain(b.text) for b in post]
    return [b for k, b in enumerate(post) if not (
        0 < k < len(post) - 1 and _RANK.match(texts[k - 1]) and _STATS.match(texts[k + 1])
        and len(texts[k].split()) <= _CARD_LINE_WORDS)]


_CARD_LINE_WORDS = 25
"""A card's line between rank and stats: a title ("CSS 2022 qualifier"), or an award with
its citation ("Medal of Appreciation: Award for …")."""


def _unquoted(post: list[Block]) -> list[Block]:
    """A post without the earlier post it quotes ("Quote:", "Originally Posted by X", text)."""
    kept: list[Block] = []
    skip = 0
    for block in post:
        text = plain(block.text)
        if re.match(r"^quote:?$", text, re.IGNORECASE):
            continue
        if re.match(r"^quote from:", text, re.IGNORECASE):
            # SMF's "Quote from: name on date", the quoted words run on, or on the next line.
            skip = int(len(text.split()) <= 12)
            continue
        if re.match(r"^originally posted by\b", text, re.IGNORECASE):
            skip = 1
            continue
        if skip:
            skip -= 1
            continue
        kept.append(block)
    return kept



def classed(name: str) -> str:
    """An XPath test that an element's class list holds ``name`` as a whole word."""
    return f'contains(concat(" ", normalize-space(@class), " "), " {name} ")'


def posts_in_turn(text: str, find_posts: Callable[[Any], list[Any]],
                  read_post: Callable[[Any], list[Block]]) -> list[Block] | None:
    """A saved thread's posts read one by one (a forum software's own reader gives
    ``find_posts`` and ``read_post``), each opened by its number ("#2") as a thread shows
    it, for ``answer_post``; None when the page holds fewer than two such posts.
    """
    from lxml import html

    try:
        tree = html.fromstring(text.encode("utf-8"))
    except (ValueError, SyntaxError):
        return None
    posts = find_posts(tree)
    if len(posts) < 2:
        return None
    blocks: list[Block] = []
    for number, post in enumerate(posts, 1):
        blocks.append(Block("paragraph", f"#{number}"))
        blocks.extend(read_post(post))
    return blocks
