"""Fill the fields an author may leave out: gists, summary, outline.

Input: author text (inline Markdown subset). Output: plain strings. Pure
functions, no I/O.
"""

from __future__ import annotations

import re
from functools import lru_cache

from markdown_it import MarkdownIt

GIST_MAX_CHARS = 90
"""Longest derived gist: one line of the key-points table's third column at
the base layout's 9 pt table type on A4 (about 90 characters)."""

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[A-Z“‘\"(0-9])")


@lru_cache(maxsize=1)
def _md() -> MarkdownIt:
    return MarkdownIt("commonmark")


def plain_text(markdown: str) -> str:
    """Strip the inline Markdown subset, keeping the words.

    Args:
        markdown: Author text such as ``"**Trust** was [low](https://x)"``.

    Returns:
        ``"Trust was low"``: emphasis and link syntax removed, whitespace folded.
    """
    words: list[str] = []
    for block in _md().parse(markdown):
        for child in block.children or ():
            if child.type in ("text", "code_inline"):
                words.append(child.content)
            elif child.type in ("softbreak", "hardbreak"):
                words.append(" ")
        if block.type == "inline":
            words.append(" ")
    return " ".join("".join(words).split())


def first_sentence(text: str) -> str:
    """The first sentence of ``text`` (plain), or all of it when it has one."""
    plain = plain_text(text)
    parts = _SENTENCE_END.split(plain, maxsplit=1)
    return parts[0].strip()


def cut_at_word(text: str, limit: int = GIST_MAX_CHARS) -> str:
    """Cut ``text`` to at most ``limit`` characters at a word boundary.

    An ellipsis marks a cut; a single word longer than ``limit`` is cut
    inside the word rather than returned whole.
    """
    if len(text) <= limit:
        return text
    head = text[: limit - 1]
    space = head.rfind(" ")
    if space > limit // 3:
        head = head[:space]
    return head.rstrip(" ,;:.–—-") + "…"


def derive_gist(body: str, heading: str) -> str:
    """One-line gist for a key point: the body's first sentence, cut to fit.

    Falls back to the heading when the body is empty.
    """
    sentence = first_sentence(body) if body.strip() else ""
    return cut_at_word(sentence or plain_text(heading))


def derive_summary(introduction: str, conclusion: str) -> str:
    """A summary from the first sentence of the introduction and of the conclusion."""
    parts = [first_sentence(introduction), first_sentence(conclusion)]
    return " ".join(p for p in parts if p)


def derive_outline(headings: list[str], sections: list[str]) -> tuple[str, ...]:
    """Outline lines from the answer's structure: introduction, points, sections, conclusion."""
    return ("Introduction", *(plain_text(h) for h in headings),
            *(plain_text(s) for s in sections), "Conclusion")
