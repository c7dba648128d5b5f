"""Where every part of a pack lands: page sequence, labels, outline, links, stamps.

Pure arithmetic on page counts (0-based page indices throughout); no PDF
library here. ``build.py`` renders the parts, asks this module where they go,
and hands the answers to ``merge.py``.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import ExternalPdf, PackPlan, PageBox
from ..render.contents import CONTENTS_KEY
from ..render.trend import TREND_KEY, TREND_TITLE
from .merge import LinkSpec, OutlineItem

GRID_KEY = "revision-grid"
"""Contents key of the closing revision grid."""


@dataclass(frozen=True)
class Slot:
    """One run of pages in the pack.

    Attributes:
        kind: "front", "section", "grid", "external" or "blank".
        ref: Section title, included PDF key ("x-1"), or "" (front, grid, blank).
        pages: Number of pages.
        start: 0-based index of its first page in the pack.
    """

    kind: str
    ref: str
    pages: int
    start: int = 0


@dataclass(frozen=True)
class PartSizes:
    """Page counts of everything already rendered or opened."""

    sections: dict[str, int]
    externals: dict[str, int]
    grid: int = 0
    back: int = 0


def page_sequence(plan: PackPlan, sizes: PartSizes, front_pages: int) -> list[Slot]:
    """Lay out the pack: front matter, then per section its included PDFs and answers.

    In duplex every part starts on a recto (an even 0-based index) and the
    back cover lands on a verso; a blank page is inserted where needed, and
    counted like any other page.
    """
    wanted: list[tuple[str, str, int]] = [("front", "", front_pages)]
    for group in plan.booklet.groups:
        wanted += [("external", inc.key, sizes.externals[inc.key])
                   for inc in _placed(plan, group.topic, "before")]
        wanted.append(("section", group.topic, sizes.sections[group.topic]))
        wanted += [("external", inc.key, sizes.externals[inc.key])
                   for inc in _placed(plan, group.topic, "after")]
    if plan.revision_grid:
        wanted.append(("grid", "", sizes.grid))
    wanted += [("external", inc.key, sizes.externals[inc.key])
               for inc in plan.includes if inc.where == "appendix"]
    if sizes.back:
        wanted.append(("back", "", sizes.back))
    slots: list[Slot] = []
    at = 0
    for kind, ref, pages in wanted:
        # Parts start on rectos (even 0-based index); the back cover on a verso.
        if plan.duplex and at % 2 == (0 if kind == "back" else 1):
            slots.append(Slot("blank", "", 1, at))
            at += 1
        slots.append(Slot(kind, ref, pages, at))
        at += pages
    if plan.duplex and plan.sheet is not None and at % 2:
        # Printed two-sided, each copy of a worksheet ends on its own sheet of paper.
        slots.append(Slot("blank", "", 1, at))
    return slots


def _placed(plan: PackPlan, section: str, where: str) -> list[ExternalPdf]:
    return [i for i in plan.includes if i.where == where and i.section == section]


def front_total(slots: list[Slot]) -> int:
    """Pages labelled i, ii…: the front matter and any blank that follows it."""
    body = next((s for s in slots if s.kind not in ("front", "blank")), None)
    return body.start if body else sum(s.pages for s in slots)


def slot_of(slots: list[Slot], kind: str, ref: str) -> Slot:
    """The first slot of ``kind`` for ``ref``."""
    return next(s for s in slots if s.kind == kind and s.ref == ref)


def body_label(index: int, front: int) -> str:
    """Label of 0-based page ``index`` past the front matter: "1", "2"…."""
    return str(index - front + 1)


@dataclass(frozen=True)
class RenderedFacts:
    """What the merger needs from one rendered part (1-based pages, points)."""

    anchors: dict[str, int]
    anchor_tops: dict[str, float]
    outline: tuple[tuple[int, str, str], ...]
    blank_pages: frozenset[int]
    pages: int


def key_pages(plan: PackPlan, slots: list[Slot], parts: dict[str, RenderedFacts]
              ) -> dict[str, tuple[int, float | None]]:
    """Every contents key → (0-based pack page, top in points or None)."""
    found: dict[str, tuple[int, float | None]] = {}
    for slot in slots:
        if slot.kind == "section":
            facts = parts[slot.ref]
            for key, page in facts.anchors.items():
                found[key] = (slot.start + page - 1, facts.anchor_tops.get(key))
        elif slot.kind == "external":
            inc = next(i for i in plan.includes if i.key == slot.ref)
            found[inc.key] = (slot.start, None)
        elif slot.kind == "grid":
            found[GRID_KEY] = (slot.start, None)
    return found


def contents_labels(plan: PackPlan, sizes: PartSizes, parts: dict[str, RenderedFacts],
                    front_pages: int) -> dict[str, str]:
    """Page label of every contents key, once the front matter's length is known."""
    slots = page_sequence(plan, sizes, front_pages)
    front = front_total(slots)
    return {key: body_label(page, front) for key, (page, _) in
            key_pages(plan, slots, parts).items()}


def pack_outline(plan: PackPlan, slots: list[Slot], parts: dict[str, RenderedFacts],
                 grid: RenderedFacts | None, front: RenderedFacts | None = None
                 ) -> list[OutlineItem]:
    """Contents, then sections → included PDFs and questions → summary / key points / answer.

    Without front matter (a handout) there are no section entries: the
    questions head the outline.
    """
    if not plan.front_matter:
        return [OutlineItem(level - 1, title, slot.start + parts[slot.ref].anchors[key] - 1,
                            parts[slot.ref].anchor_tops.get(key))
                for slot in slots if slot.kind == "section"
                for level, title, key in parts[slot.ref].outline]
    # The contents opens the outline: a reader jumps back to it.
    items = [OutlineItem(0, title, slot.start + front.anchors[key] - 1)
             for key, title in ((CONTENTS_KEY, "Contents"), (TREND_KEY, TREND_TITLE))
             for slot in slots[:1] if slot.kind == "front"
             and front is not None and key in front.anchors]
    by_key = {i.key: i for i in plan.includes}
    current_section = None
    for slot in slots:
        if slot.kind == "external":
            inc = by_key[slot.ref]
            if inc.where == "appendix":
                items.append(OutlineItem(0, inc.title, slot.start))
                continue
            if inc.section != current_section:
                items.append(OutlineItem(0, inc.section, slot.start))
                current_section = inc.section
            items.append(OutlineItem(1, inc.title, slot.start))
        elif slot.kind == "section":
            if slot.ref != current_section:
                items.append(OutlineItem(0, slot.ref, slot.start))
                current_section = slot.ref
            facts = parts[slot.ref]
            for level, title, key in facts.outline:
                items.append(OutlineItem(level, title, slot.start + facts.anchors[key] - 1,
                                         facts.anchor_tops.get(key)))
        elif slot.kind == "grid" and grid is not None:
            items.append(OutlineItem(0, "Revision grid", slot.start))
    return items


def contents_links(links: tuple[tuple[int, tuple[float, float, float, float], str], ...],
                   targets: dict[str, tuple[int, float | None]]) -> list[LinkSpec]:
    """Front-matter link rectangles → links to their targets' pack pages."""
    return [LinkSpec(page - 1, rect, targets[key][0], targets[key][1])
            for page, rect, key in links]


def stamp_plan(slots: list[Slot], parts: dict[str, RenderedFacts], grid: RenderedFacts | None,
               front: RenderedFacts | None = None, *,
               included: dict[str, tuple[PageBox, ...]] | None = None, room: float = 0.0
               ) -> list[tuple[int, str, str, int, int, PageBox | None]]:
    """Folios to stamp: (0-based page, label, last label, physical page, physical total,
    where an included page is seen or None for our own).

    Front matter after the cover gets "Page ii of iii" (roman, counting the
    blank that may follow it); our own body pages get "Page X of Y" (X, Y
    counted past the front matter); an included PDF's page (``included``, by
    key) gets one where its foot leaves ``room`` points of blank paper, and is
    counted either way; blank pages are counted but not stamped; the back
    cover is neither stamped nor counted.
    """
    front_pages = front_total(slots)
    total = slots[-1].start + slots[-1].pages
    numbered = total - sum(s.pages for s in slots if s.kind == "back")
    last = body_label(numbered - 1, front_pages)
    out: list[tuple[int, str, str, int, int, PageBox | None]] = []
    if front is not None:  # from page 2: the cover carries none
        out += [(page - 1, to_roman(page), to_roman(front_pages), page, total, None)
                for page in range(2, front.pages + 1) if page not in front.blank_pages]
    for slot in slots:
        if slot.kind == "external" and included and room > 0:
            out += [(index, body_label(index, front_pages), last, index + 1, total, box)
                    for index, box in enumerate(included[slot.ref], slot.start)
                    if box.foot_clear >= room]
            continue
        facts = parts.get(slot.ref) if slot.kind == "section" else (
            grid if slot.kind == "grid" else None)
        if facts is None:
            continue
        for page in range(1, facts.pages + 1):
            if page in facts.blank_pages:
                continue
            index = slot.start + page - 1
            out.append((index, body_label(index, front_pages), last, index + 1, total, None))
    return out


def to_roman(number: int) -> str:
    """Lower-case roman numeral for 1 ≤ number < 4000 (front-matter folios and labels)."""
    numerals = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))
    out = []
    for value, letters in numerals:
        count, number = divmod(number, value)
        out.append(letters * count)
    return "".join(out)
