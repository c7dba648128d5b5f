"""One answer as a web page: the same parts as its PDF, as HTML.

The answer's text is the author's Markdown subset; markdown-it renders it
with raw HTML switched off (a tag typed in an answer shows as text) and
images shown as their captions (a figure prints in the PDF; the page names it).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from markdown_it import MarkdownIt
from markupsafe import Markup, escape

from ..model import PastQuestion, Question


@dataclass(frozen=True)
class Part:
    """A headed part of the answer: its heading and its HTML."""

    heading: str
    html: Markup


@dataclass(frozen=True)
class AnswerView:
    """What the answer page shows."""

    question: Markup
    summary: Markup
    key_points: tuple[tuple[str, Markup], ...]
    parts: tuple[Part, ...]
    references: tuple[Markup, ...]
    answered: bool


@lru_cache(maxsize=1)
def _markdown() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table")

    def image(_renderer: Any, tokens: Any, idx: int, _options: Any, _env: Any) -> str:
        caption = tokens[idx].content or tokens[idx].attrGet("src") or ""
        return f'<span class="figure-note">Figure: {escape(caption)}</span>'

    md.add_render_rule("image", image)
    return md


def html(text: str) -> Markup:
    """Markdown text → safe HTML (raw HTML in the text is shown as text)."""
    return Markup(_markdown().render(text))


def inline(text: str) -> Markup:
    """One line of Markdown → safe inline HTML."""
    return Markup(_markdown().renderInline(text))


def answer_view(record: Question | PastQuestion) -> AnswerView:
    """The page's parts for one answer (a question without one shows only its question)."""
    if not isinstance(record, Question):
        return AnswerView(html(record.question), Markup(), (), (), (), answered=False)
    parts = [Part("Introduction", html(record.introduction))]
    for n, point in enumerate(record.points, 1):
        body = point.body + ("\n\n" + "\n".join(f"- {s}" for s in point.subpoints)
                             if point.subpoints else "")
        parts.append(Part(f"{n}. {point.heading}", html(body)))
    parts += [Part(s.heading, html(s.body)) for s in record.sections]
    parts.append(Part("Conclusion", html(record.conclusion)))
    return AnswerView(
        question=html(record.question), summary=html(record.summary),
        key_points=tuple((p.heading, inline(p.gist)) for p in record.points),
        parts=tuple(parts), references=tuple(inline(r) for r in record.references),
        answered=True)
