"""The site text above an answer whose page has no question line → dropped, and read.

Input: the blocks of such a page (junk already dropped). Output: the answer's
blocks and the lead before them: title lines, a site's name, "6 min read",
an attribution ("… is solved by … under the supervision of …"), a blog
preface in the first person, breadcrumbs. The lead is never answer text,
but it often names the exam, paper and year, so the caller reads it.
"""

from __future__ import annotations

import re

from .blocks import QUESTION_WORDS, Block, plain
from .pieces import to_piece

ATTRIBUTION = re.compile(
    r"\b(?:(?:is|was|has been|have been|were)\s+(?:solved|attempted|written|answered|prepared|"
    r"shared|contributed)\s+(?:[\w-]+\s+){0,4}?by|under the (?:supervision|guidance|mentorship) of|"
    r"solved by|attempted by)\b"
    # "Candidates who sat the … paper of 2023 were asked: “Why …”": who set the question
    r"|\b(?:were|was|been) asked\s*(?:to)?\s*:?\s*[“\"]", re.IGNORECASE)
"""A sentence saying who solved the answer, or who was asked its question: site text that
carries exam, paper and year."""

_FIRST_PERSON = re.compile(r"\b(?:I|my|me|I'm|I’m|I've|I’ve|mine|myself)\b")
_READ_TIME = re.compile(r"^\d{1,2}\s*(?:min(?:ute)?s?)\.?\s*read$", re.IGNORECASE)


def is_attribution(text: str) -> bool:
    """A block saying who solved or wrote the answer (never part of the answer)."""
    return bool(ATTRIBUTION.search(text)) and len(text.split()) <= 80


_CHAT_OPENER = re.compile(
    r"^(?:wa ?alaikum|walaikum|w\.?salam|assalam|aoa\b|salam|hi\b|hello|dear\b|thanks? for "
    r"(?:asking|the question))|\b(?:below is|here is|here's) (?:my|the|roughly|how|a model)\b|"
    r"\bmy answer below\b|\bread my answer\b|\btry (?:it )?yourself\b|^@[\w.]+\b",
    re.IGNORECASE)


def is_preface(text: str) -> bool:
    """A blog preface or a reply's opening: the writer speaking of themselves, or
    greeting the reader, before the answer begins.
    """
    return len(_FIRST_PERSON.findall(text)) >= 2 or bool(_CHAT_OPENER.search(text))


def drop_preface(blocks: list[Block]) -> list[Block]:
    """An answer's blocks without the preface, greeting or attribution paragraphs that
    open it ("This answer was written by a candidate of our mock series …").
    """
    start = 0
    while start < min(len(blocks), 3) and (is_preface(text := plain(blocks[start].text))
                                           or is_attribution(text)) and not (
            to_piece(blocks[start]).marker or to_piece(blocks[start]).label):
        start += 1
    return blocks[start:]


_QUOTED = re.compile(r"[“\"]([^”\"]{20,400})[”\"]")


def quoted_question(texts: list[str]) -> str | None:
    """A question quoted in a preface or attribution ("… which asked us to “Discuss the
    causes of circular debt …”"): the first quoted span that sets a task.
    """
    for text in texts:
        for match in _QUOTED.finditer(text):
            quoted = match.group(1)
            if QUESTION_WORDS.search(quoted) and len(quoted.split()) >= 5:
                return quoted.strip()
    return None


def strip_preamble(blocks: tuple[Block, ...]) -> tuple[tuple[Block, ...], tuple[Block, ...]]:
    """Split a page without a question line into ``(answer blocks, lead)``.

    The answer begins at the first block that is a label (Outline,
    Introduction, Answer), a list line, or a paragraph of prose that is not an
    attribution or a first-person preface. A short line just above such a
    paragraph is kept with it: it may be the answer's first heading.
    """
    for n, block in enumerate(blocks):
        text = plain(block.text)
        if is_attribution(text) or _READ_TIME.match(text) or is_preface(text):
            continue
        piece = to_piece(block)
        if piece.label or (piece.marker and block.kind != "heading"):
            return blocks[n:], blocks[:n]
        if len(text.split()) >= 12 and not text.endswith("?") and not (
                n < 4 and len(text.split()) <= 60 and QUESTION_WORDS.match(text)):
            start = n - 1 if n and _heading_above(blocks[n - 1]) else n
            return blocks[start:], blocks[:start]
    return blocks, ()


def _heading_above(block: Block) -> bool:
    text = plain(block.text)
    return (block.bold or block.kind == "heading") and 0 < len(text.split()) <= 8 and not (
        is_attribution(text) or _READ_TIME.match(text))
