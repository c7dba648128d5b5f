"""The inline Markdown subset answers are written in: one grammar for every stage.

Input: nothing. Output: a configured ``MarkdownIt`` that ``content/derive.py``
uses to strip markup to plain words and ``render/inline.py`` uses to turn it
into ReportLab markup, so both read an answer by the same grammar; and the
tests that tell plain prose (most of an answer) from text that needs the
parser, which both use to skip it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

ARABIC_CHARS = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff"
"""The Arabic-script blocks, as a regular-expression character range."""
DIRECTION_MARKS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
                            "\u2066\u2067\u2068\u2069")
"""Marks that steer the bidi algorithm (ALM, LRM, RLM, embeddings, isolates): they print
nothing, and a reader does not copy them."""
STEERING = DIRECTION_MARKS | {"\u200c", "\u200d"}
"""Direction marks and the joiners (ZWNJ, ZWJ): no font need have them."""
_ARABIC = ARABIC_CHARS


@lru_cache(maxsize=1)
def parser() -> MarkdownIt:
    """The Markdown answers are written in: emphasis, links, code, lists, block
    quotations, pipe tables and images (a figure when alone on its line); nothing else.

    Raw HTML and entities are off, so ``<b>``, ``A<B`` and ``&amp;`` are text
    exactly as typed; headings, code blocks and rules are off, so a line
    starting with ``#`` or four spaces is ordinary text (``check`` warns of
    such lines: ``content/markup.py``).

    Returns:
        The shared parser (built once; do not change its rules).
    """
    # Imported here: plain prose (most answers) never needs the parser, and
    # importing it costs 25 ms of every short command.
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": False, "typographer": False})
    md.enable("table")
    return md.disable(["entity", "html_inline", "html_block", "heading", "lheading",
                       "code", "fence", "hr", "reference"])


NOT_PLAIN = re.compile("[\\\\`*_<>\\[\\]!&~"
                       "\x00-\x09\x0b-\x1f\x7f-\xa0\u1680\u2000-\u200a\u2028\u2029\u202f"
                       "\u205f\u3000\ufeff" + _ARABIC + "]")
"""A character that makes text other than plain prose, for the fast path.

The characters markdown-it's inline rules act on, whether enabled or not
(escape, code, emphasis, links, images, autolinks, HTML, entities,
strikethrough), ``&`` and ``<`` that ReportLab's parser acts on, control
characters, whitespace other than the space and the line feed (markdown-it
and ReportLab strip and split different sets of it), and Arabic script.
Erring wide costs only speed: such text takes the full parser.
"""
LINE_OPENERS = frozenset("-+*#>=_|~`:0123456789")
"""First characters that can make a line a list item, heading, quote or rule."""


def plain_inline(raw: str) -> str | None:
    """``raw`` without its one closing line feed, if markdown-it would read it as one text run.

    A single closing line feed (a YAML folded scalar's) is a soft break,
    which markdown-it keeps as a space; any other line feed, or spaces before
    it (a hard break), sends the text the slow way.
    """
    body = raw.removesuffix("\n")
    if NOT_PLAIN.search(body) or "\n" in body or (body != raw and body.endswith(" ")):
        return None
    return body


def bold_lead(raw: str) -> tuple[str, str] | None:
    """``("Standstill Agreement", " – signed…")`` for ``**Standstill Agreement** – signed…``.

    A bold lead and plain text after it, the way sub-points are written, if
    markdown-it would read it so: the lead is plain (``plain_inline``), has no
    space at either end, and a space, a closing line feed or nothing follows it.
    Then both delimiters are flanking as CommonMark requires, and no other
    ``*`` or ``_`` can pair with them.
    """
    if not raw.startswith("**"):
        return None
    end = raw.find("**", 2)
    lead, rest = raw[2:end], raw[end + 2:]
    if (end < 0 or not lead or lead != lead.strip(" ") or plain_inline(lead) != lead
            or rest[:1] not in ("", " ", "\n") or plain_inline(rest) is None):
        return None
    return lead, rest


def plain_paragraphs(raw: str) -> list[str] | None:
    """The paragraphs of ``raw`` (lines joined by spaces), if it is plain prose.

    Plain: no character of ``NOT_PLAIN``, and no line that opens with a space
    or with a character that can start a block (``LINE_OPENERS``: lists,
    numbered lines such as "1947. …", headings, quotes), or that ends with a
    space (a hard break). Paragraphs are separated by blank lines, as in
    Markdown.
    """
    if NOT_PLAIN.search(raw):
        return None
    paragraphs: list[str] = []
    lines: list[str] = []
    for line in raw.split("\n"):
        if not line.strip(" "):
            if lines:
                paragraphs.append(" ".join(lines))
                lines = []
            continue
        if line[0] == " " or line[0] in LINE_OPENERS or line[-1] == " ":
            return None
        lines.append(line)
    if lines:
        paragraphs.append(" ".join(lines))
    return paragraphs
