"""Render stage: one part of a document (a ``BookletPlan`` + ``Theme``) → PDF bytes and facts.

Blocks in order: cover, contents, then each question on a new page, in one
layout pass. A part carries no folios, outline, page labels or contents
page numbers: it records where its anchors, contents rows and links landed
(``RenderedBooklet``), and the engine adds those across the finished
document when it merges the parts.
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Callable
from dataclasses import dataclass

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    FrameBreak,
    KeepInFrame,
    NextPageTemplate,
    PageBreak,
)
from reportlab.platypus.flowables import HRFlowable

from ..content.derive import plain_text
from ..errors import StudypackWarning
from ..model import BookletPlan, Question, SheetPlan, TrendTable
from ..theme import Theme
from ..theme.templates import render_text, template_place
from .arabic import rtl_paragraph
from .contents import ContentsEntry, contents_flowables, question_key, safe_key
from .cover import topics_panel
from .doc import (
    BACK,
    BODY,
    COVER,
    FRONT,
    Anchor,
    BookletDoc,
    Ledger,
    RectoStart,
    SeededCanvas,
    VersoPad,
)
from .fit import fit_lines, warn_shortened
from .fonts import register_theme_fonts, subset_seed
from .inline import Markup
from .paragraphs import paragraph
from .question import (
    QUESTION_BLOCKS,
    BlockContext,
    for_question,
    question_outline_title,
    revision_grid,
)
from .sheet import sheet_story
from .streams import binary_streams
from .styles import make_styles, palette
from .trend import trend_flowables


@dataclass(frozen=True)
class RenderOptions:
    """Which parts a render lays out and how it numbers them.

    Attributes:
        cover, contents, questions: The parts to lay out, in this order.
        duplex: Start the contents and every question on a recto page.
        blocks: Question blocks in order (names in ``QUESTION_BLOCKS``); None
            uses the layout's ``blocks.question``.
        revision_grid: Close with the grid of every question's key points.
        section_anchors: Give each group an outline entry (level 0).
        section_opener: Open each group with its title in the body (a chunk
            that starts its section; handouts and later chunks have none).
        contents_extra, appendices: Included PDFs listed in the contents.
        back_cover: Close with the brand's back cover, when it has one.
        head_template: Template of the running head (handouts have their own).
        answer_outline: Print the answer's outline before the introduction
            (handouts leave it out: the key-points table gives the structure).
        alphabet: Characters to give fixed subset codes first (see
            ``fonts.subset_seed``); "" for a self-contained document.
        sheet: Lay the questions out as a worksheet or answer key (``sheet.py``).
        trend: A past-paper trend table, after the contents (``trend.py``).
    """

    cover: bool = True
    contents: bool = True
    questions: bool = True
    duplex: bool = False
    blocks: tuple[str, ...] | None = None
    revision_grid: bool = False
    section_anchors: bool = True
    section_opener: bool = False
    contents_extra: dict[str, list[tuple[str, ContentsEntry]]] | None = None
    appendices: tuple[ContentsEntry, ...] = ()
    alphabet: str = ""
    answer_outline: bool = True
    back_cover: bool = True
    head_template: str = "running_head.j2"
    sheet: SheetPlan | None = None
    trend: TrendTable | None = None


@dataclass(frozen=True)
class RenderedBooklet:
    """A finished document and what the merger needs to know about it.

    Attributes:
        pdf: The PDF file's bytes.
        pages: Total page count.
        front_pages: Pages before the first answer (cover and contents).
        anchors: Destination key → 1-based page.
        anchor_tops: Destination key → y (points) of its top on that page.
        outline: (level, title, key) in document order.
        links: Recorded contents links (page, rect in points, key).
        numbers: Where the merger prints contents page numbers (page, x, y,
            key; right-aligned at x on baseline y, points).
        blank_pages: Pages left intentionally blank.
        page_questions: 1-based page → id of the question on it.
    """

    pdf: bytes
    pages: int
    front_pages: int
    anchors: dict[str, int]
    anchor_tops: dict[str, float]
    outline: tuple[tuple[int, str, str], ...]
    links: tuple[tuple[int, tuple[float, float, float, float], str], ...]
    blank_pages: frozenset[int]
    page_questions: dict[int, str]
    numbers: tuple[tuple[int, float, float, str], ...] = ()

    def start_page(self, q: Question) -> int:
        """1-based page where question ``q`` starts."""
        return self.anchors[question_key(q)]


COVER_ROLES = {"kicker": "cover_kicker", "title": "cover_title", "subtitle": "cover_subtitle",
               "papers": "cover_line", "facts": "cover_line", "inside": "cover_inside",
               "line": "cover_line", "edition": "cover_line", "centre": "cover_centre",
               "contact": "cover_line"}
"""Cover line roles → paragraph styles; the last three go in the foot, by the logo."""
FOOT_ROLES = ("edition", "centre", "contact")
COVER_LINES = {"title": 4, "subtitle": 3, "inside": 4, "line": 3}
"""Most lines a cover line may take, by role ("line" for every other role): a
2,000-character title would otherwise shrink the whole cover to fine print."""
COVER_ADVICE = {"title": "shorten title in studypack.yaml, the pack file or --title",
                "subtitle": "shorten subtitle in studypack.yaml, the pack file or --subtitle",
                "edition": "shorten edition in studypack.yaml, the pack file or --edition",
                "centre": "shorten centre in brand.yaml or the pack file's brand:",
                "contact": "shorten contact in brand.yaml or the pack file's brand:"}


def _cover(plan: BookletPlan, theme: Theme, markup: Markup, styles: dict[str, ParagraphStyle],
           frames: tuple[tuple[float, float], tuple[float, float]]) -> list[Flowable]:
    """Cover flowables from ``cover.j2``: its lines read ``role: text``.

    Each part is shrunk to its frame when a long title or a small page would
    otherwise push the cover onto a second page.
    """
    first, last = plan.years
    years = str(first) if first == last else f"{first}–{last}"
    text = render_text(theme.templates, "cover.j2", booklet=plan, years=years)
    top: list[Flowable] = []
    foot: list[Flowable] = []
    for line in text.splitlines():
        role, sep, value = line.partition(":")
        role, value = role.strip(), value.strip()
        if role == "panel" and value == "topics":
            top += topics_panel(plan, markup, styles, palette(theme), frames[0][0],
                                backgrounds=theme.spec.backgrounds)
            continue
        if not sep or role not in COVER_ROLES:
            if line.strip():
                warnings.warn(f"cover.j2: '{line.strip()[:40]}' has no known role (one of "
                              f"{', '.join(COVER_ROLES)}, or 'panel: topics'); printed as a "
                              "plain line",
                              StudypackWarning, stacklevel=2)
            role, value = "line", line.strip()
        if value:
            in_foot = role in FOOT_ROLES
            style = styles[COVER_ROLES[role]]
            lines = COVER_LINES.get(role, COVER_LINES["line"])
            kept = fit_lines(value, frames[1 if in_foot else 0][0], style, lines, markup.text)
            if kept != value:
                warn_shortened(template_place(theme.templates, "cover.j2"), role, value,
                               f"{lines} lines of the cover",
                               COVER_ADVICE.get(role, "shorten it"))
            (foot if in_foot else top).append(paragraph(markup.text(kept), style))
    (top_w, top_h), (foot_w, foot_h) = frames
    return [KeepInFrame(top_w, top_h, top, mode="shrink"), FrameBreak(),
            KeepInFrame(foot_w, foot_h, foot, mode="shrink")]


def _back_cover(plan: BookletPlan, text: Markup, heading: Markup,
                styles: dict[str, ParagraphStyle],
                *, duplex: bool, first: bool) -> list[Flowable]:
    """The closing back cover: centre, contact and the brand's text, on a verso in duplex."""
    story: list[Flowable] = []
    if not first:
        story += [VersoPad()] if duplex else []
        story += [NextPageTemplate(BACK), PageBreak()]
    brand = plan.brand
    if brand.centre:
        story.append(paragraph(heading.text(brand.centre), styles["back_centre"]))
    if brand.contact:
        story.append(paragraph(heading.text(brand.contact), styles["back_line"]))
    for block in text.blocks(brand.back_cover or ""):
        for item in block.items:
            story.append(rtl_paragraph(text.fonts, plain_text(item), styles["back_text"],
                                       centre=True, markup=text.inline(item))
                         if block.kind == "arabic" else paragraph(item, styles["back_text"]))
    return story


def _section_opener(ctx: BlockContext, title: str) -> list[Flowable]:
    """A section's title over its first question, ruled, kept with the question's band.

    The contents and the outline name the sections; without an opener the
    pages of a section did not say where it began.
    """
    style = ctx.styles["section_opener"]
    return [paragraph(ctx.heading.text(title), style),
            HRFlowable(width="100%", thickness=2, color=ctx.pal.accent, spaceBefore=2,
                       spaceAfter=style.spaceAfter)]


def _question_break(ctx: BlockContext) -> list[Flowable]:
    """Between two questions: a new page, or (``question_break: rule``) a rule, with a
    new page only where less than a third of one is left for the next question's
    band, question and summary.
    """
    if ctx.question_break == "page":
        return [PageBreak()]
    size = ctx.styles["body"].fontSize
    return [CondPageBreak(ctx.height / 3),
            HRFlowable(width="100%", thickness=1.2, color=ctx.pal.accent,
                       spaceBefore=size * 1.4, spaceAfter=size * 1.2)]


def _question_story(plan: BookletPlan, options: RenderOptions, ctx: BlockContext,
                    story: list[Flowable], *, after_front: bool) -> None:
    first = not after_front
    blocks = options.blocks or ctx.blocks
    for group in plan.groups:
        group_anchor: Flowable | None = (Anchor(ctx.ledger, "t-" + safe_key(group.topic),
                                                group.topic, 0)
                                         if options.section_anchors else None)
        for q in group.questions:
            if not first:
                story += _question_break(ctx)
            first = False
            if options.duplex and ctx.question_break == "page":
                story.append(RectoStart())
            if group_anchor is not None:
                story.append(group_anchor)
                group_anchor = None
            if options.section_opener and q is group.questions[0]:
                story += _section_opener(ctx, group.topic)
            ctx.text.source = ctx.heading.source = q.source_path
            ctx.text.figures = {f.src: f.path for f in q.figures}
            ctx.text.figure_count = 0
            # The question's own destination opens it, whatever block comes first.
            story.append(Anchor(ctx.ledger, question_key(q), question_outline_title(q), 1,
                                question=q))
            in_its_language = for_question(ctx, q)
            for name in blocks:
                story += QUESTION_BLOCKS[name](in_its_language, q)


def render_document(plan: BookletPlan, theme: Theme, options: RenderOptions, *,
                    on_question: Callable[[Question], None] | None = None) -> RenderedBooklet:
    """Lay out the parts ``options`` asks for, in one pass.

    Args:
        plan: Title, cover text and groups of questions.
        theme: How it looks.
        options: Which parts, and who numbers and links them.
        on_question: Called as each question's layout starts.

    Returns:
        The PDF bytes and everything a merger needs about its pages.

    Raises:
        FontError: A theme font cannot be embedded.
        ContentError: A layout template fails (file:line).
    """
    fonts = register_theme_fonts(theme)
    styles = make_styles(theme, fonts)
    pal = palette(theme)
    text, heading = Markup(fonts, fonts.text), Markup(fonts, fonts.heading, bold=True)
    ledger = Ledger(on_question=on_question)
    buffer = io.BytesIO()
    first = COVER if options.cover else (FRONT if options.contents or options.trend else
                                         BODY if options.questions or options.revision_grid
                                         else BACK)
    # The running head is set in the text face ("small"): its markup must
    # borrow from fallbacks what that face lacks, not what the heading face lacks.
    doc = BookletDoc(buffer, theme=theme, plan=plan, markup=text, pal=pal, styles=styles,
                     ledger=ledger, first_template=first,
                     duplex=options.duplex, head_template=options.head_template)
    ctx = BlockContext(styles, pal, text, heading, ledger, doc.width, doc.height,
                       answer_outline=options.answer_outline, columns=theme.spec.columns,
                       blocks=theme.spec.blocks.question,
                       backgrounds=theme.spec.backgrounds,
                       question_break=theme.spec.page.question_break,
                       grayscale=theme.spec.grayscale)

    story: list[Flowable] = []
    if options.cover:
        story += _cover(plan, theme, heading, styles, doc.cover_frames)
        story += [NextPageTemplate(FRONT), PageBreak()]
    if options.contents:
        if options.duplex:
            story.append(RectoStart())
        story += contents_flowables(plan.groups, text, styles=styles, pal=pal, ledger=ledger,
                                    extra=options.contents_extra,
                                    appendices=options.appendices)
    if options.trend is not None:
        if options.cover or options.contents:
            story.append(PageBreak())
        story += trend_flowables(ctx, options.trend)
    story.append(NextPageTemplate(BODY))
    if options.questions and options.sheet is not None:
        story += sheet_story(plan, options.sheet, ctx)
    elif options.questions:
        _question_story(plan, options, ctx, story,
                        after_front=options.cover or options.contents)
    if options.revision_grid:
        if options.cover or options.contents or options.questions:
            story.append(PageBreak())
        story += revision_grid(ctx, plan)

    if options.back_cover and plan.brand.back_cover:
        laid_out = (options.cover or options.contents or options.questions
                    or options.revision_grid)
        story += _back_cover(plan, text, heading, styles, duplex=options.duplex,
                             first=not laid_out)

    seed = subset_seed(fonts, options.alphabet) if options.alphabet else None
    with binary_streams():
        doc.build(story, canvasmaker=lambda *a, **k: SeededCanvas(*a, seed=seed, **k))
    total = doc.page
    front = (ledger.body_start or total + 1) - 1
    return RenderedBooklet(
        pdf=buffer.getvalue(), pages=total, front_pages=front,
        anchors=dict(ledger.anchors),
        anchor_tops=dict(ledger.anchor_tops), outline=tuple(ledger.outline),
        links=tuple(ledger.links), blank_pages=frozenset(ledger.blank_pages),
        page_questions={p: q.id for p, q in ledger.page_question.items()},
        numbers=tuple(ledger.numbers))
