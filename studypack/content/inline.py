"""The inline Markdown subset answers are written in: one parser for every stage.

Input: nothing. Output: a configured ``MarkdownIt`` that ``content/derive.py``
uses to strip markup to plain words and ``render/inline.py`` uses to turn it
into ReportLab markup, so both read an answer by the same grammar.
"""

from __future__ import annotations

from functools import lru_cache

from markdown_it import MarkdownIt


@lru_cache(maxsize=1)
def parser() -> MarkdownIt:
    """The inline Markdown subset: emphasis, links, code, lists; nothing else.

    Raw HTML and entities are off, so ``<b>``, ``A<B`` and ``&amp;`` are text
    exactly as typed; headings, block quotes and code blocks are off, so a
    line starting with ``#`` or four spaces is ordinary text.

    Returns:
        The shared parser (built once; do not change its rules).
    """
    md = MarkdownIt("commonmark", {"html": False, "typographer": False})
    return md.disable(["image", "entity", "html_inline", "html_block", "heading", "lheading",
                       "blockquote", "code", "fence", "hr", "reference"])
