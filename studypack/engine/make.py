"""Engine: planned packs (a booklet and a handout are packs too) → laid-out parts → merged PDFs.

The one implementation of a finished document. Its answers are laid out
in chunks (cached, spread over processes), the front matter apart once the
body's length is known; pikepdf then joins the parts and adds what spans
the whole document: outline, page labels, folios, contents links and
numbers, metadata.
"""

from __future__ import annotations

import string
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import BinaryIO

from ..assemble.active_content import removal_line
from ..assemble.merge import PackMerger, Piece
from ..assemble.slots import (
    GRID_KEY,
    PartSizes,
    RenderedFacts,
    Slot,
    contents_labels,
    contents_links,
    front_total,
    key_pages,
    pack_outline,
    page_sequence,
    stamp_plan,
)
from ..digests import digest, tool_fingerprint
from ..errors import rel
from ..model import BookletPlan, ExternalPdf, PackPlan, PageBox, Question, TopicGroup
from ..render import RenderedBooklet, RenderOptions
from ..render.cards import render_cards
from ..render.contents import ContentsEntry
from ..render.stamps import FolioStamps, folio_room, render_blank_page, render_folio_stamps
from ..theme import Theme
from .cache import Notes, RenderCache, theme_fingerprint
from .chunks import Chunk, SectionPages, join_chunks, split_groups
from .parallel import (
    RenderJob,
    WorkerPool,
    job_keys,
    noted,
    render_jobs,
    render_later,
    replay,
)

TYPOGRAPHY = string.printable.strip() + " –—‘’“”…•·×é"
"""Characters templates and labels commonly print, seeded along with the content's."""


@dataclass(frozen=True)
class Workers:
    """How parts are laid out: where the layout lives, over which processes, cached where.

    Attributes:
        workspace: Folder of the workspace's layouts and fonts (for workers).
        processes: Worker processes wanted; None chooses by the amount of work.
        pool: Workers started earlier, if any.
        cache: Laid-out parts kept between builds, if any.
        on_question: Called as each question is laid out (progress).
    """

    workspace: Path | None
    processes: int | None = None
    pool: WorkerPool | None = None
    cache: RenderCache | None = None
    on_question: Callable[[Question], None] | None = None


@dataclass(frozen=True)
class Made:
    """A merged document: its pages, where each question starts, what was removed.

    Attributes:
        pages: Page count.
        starts: Question id → 1-based page where it starts.
        removed: One report line per included PDF whose active content was left out.
    """

    pages: int
    starts: dict[str, int]
    removed: tuple[str, ...]


@dataclass(frozen=True)
class _Body:
    """The jobs of a pack's body, and how to read their results back."""

    jobs: tuple[RenderJob, ...]
    chunks: tuple[Chunk, ...]
    grid: bool
    back: bool


def pack_alphabet(plan: PackPlan) -> str:
    """Every character the pack's text may print, for identical subsets across parts."""
    texts = [plan.booklet.title, plan.booklet.subtitle, plan.booklet.edition,
             *(v or "" for v in (plan.booklet.brand.centre, plan.booklet.brand.contact,
                                  plan.booklet.brand.watermark, plan.booklet.brand.back_cover)),
             TYPOGRAPHY]
    texts += [g.topic for g in plan.booklet.groups] + [i.title for i in plan.includes]
    if plan.trend is not None:
        texts += [plan.trend.scope, *(topic for topic, _ in plan.trend.rows)]
    chars = set("".join(texts))
    for question in plan.booklet.questions:
        chars |= _question_characters(question)
    return "".join(sorted(chars))


@lru_cache(maxsize=4096)
def _question_characters(q: Question) -> frozenset[str]:
    # Remembered: a process that builds again (pack --watch) keeps the
    # unchanged questions, and reading all of their text took 35 ms a build.
    texts = [q.exam, q.paper, q.part or "", q.question, q.summary, q.introduction,
             q.conclusion, *q.topics, *q.outline, *q.references]
    for p in q.points:
        texts += [p.heading, p.gist, p.body, *p.subpoints]
    for s in q.sections:
        texts += [s.heading, s.body]
    return frozenset("".join(texts))


def _where(plan: PackPlan, workers: Workers) -> tuple[str, str | None, str | None]:
    """What a fresh process needs to rebuild the theme: layout, workspace, accent."""
    return (plan.layout, str(workers.workspace) if workers.workspace else None,
            plan.booklet.brand.accent)


def _headlines(plan: PackPlan) -> BookletPlan:
    # Cover, contents and grid print headlines only: an edit to an answer's
    # text then leaves their cache entries valid. Nor do they depend on the
    # pack's keywords or date (the parts' own metadata is dropped in the merge).
    return replace(plan.booklet.headlines(), keywords=(), date=None)


def _body(plan: PackPlan, alphabet: str, workers: Workers) -> _Body:
    """The parts to lay out before the front matter: grid, back cover, then the answers."""
    where = _where(plan, workers)
    jobs: list[RenderJob] = []
    # The grid and back cover first: the grid is the longest single job, and
    # workers take jobs in order.
    if plan.revision_grid:
        jobs.append(RenderJob(_headlines(plan), RenderOptions(
            cover=False, contents=False, questions=False, revision_grid=True,
            alphabet=alphabet, back_cover=False), *where))
    back = plan.front_matter and bool(plan.booklet.brand.back_cover)
    if back:
        jobs.append(RenderJob(_headlines(plan), RenderOptions(
            cover=False, contents=False, questions=False,
            alphabet=alphabet), *where))
    options = RenderOptions(
        cover=False, contents=False,
        duplex=bool(plan.duplex), blocks=plan.blocks, section_anchors=False, alphabet=alphabet,
        back_cover=False, head_template=plan.head_template,
        answer_outline=plan.answer_outline, sheet=plan.sheet)
    bodies = replace(plan.booklet, keywords=(), date=None)
    # A sheet's questions run on from one to the next, several to a page, under
    # a header on its first page: it is laid out whole, as one chunk.
    chunks = (tuple(Chunk(g.topic, g.questions) for g in plan.booklet.groups)
              if plan.sheet is not None else tuple(split_groups(plan.booklet.groups)))
    # A section's first chunk opens with its title (packs and booklets, not handouts).
    openers = [plan.front_matter and (i == 0 or chunks[i - 1].section != c.section)
               for i, c in enumerate(chunks)]
    jobs += [RenderJob(replace(bodies, groups=(TopicGroup(c.section, c.questions),)),
                       replace(options, section_opener=opener), *where)
             for c, opener in zip(chunks, openers, strict=True)]
    return _Body(tuple(jobs), chunks, plan.revision_grid, back)


def make_pack(plan: PackPlan, theme: Theme, workers: Workers, *, into: BinaryIO) -> Made:
    """Lay out every part of one pack and merge them into ``into``."""
    if plan.cards is not None:
        # Cards are one grid per sheet, with no folios, outline or parts to merge.
        pdf, pages = render_cards(plan.booklet, plan.cards, theme)
        into.write(pdf)
        return Made(pages, {}, ())
    alphabet = pack_alphabet(plan)
    body = _body(plan, alphabet, workers)
    rendered = render_jobs(list(body.jobs), theme, cache=workers.cache,
                           processes=workers.processes, pool=workers.pool,
                           on_question=workers.on_question)
    return _merge(plan, theme, body, rendered, alphabet=alphabet, workers=workers, into=into)


def make_handouts(plans: list[PackPlan], theme: Theme, workers: Workers,
                  into: Callable[[PackPlan], BinaryIO]) -> list[Made]:
    """Lay out many front-matter-less packs (handouts) in one go, then merge each.

    Args:
        plans: One pack per handout.
        theme: Their layout (one for all).
        workers: Processes and cache to lay them out with.
        into: Gives the file each plan is written to.

    Returns:
        What each made, in the order of ``plans``.
    """
    alphabets = [pack_alphabet(plan) for plan in plans]
    bodies = [_body(plan, alphabet, workers) for plan, alphabet in zip(plans, alphabets,
                                                                        strict=True)]
    rendered = render_jobs([job for b in bodies for job in b.jobs], theme,
                           cache=workers.cache, processes=workers.processes,
                           pool=workers.pool, on_question=workers.on_question)
    made, at = [], 0
    for plan, body, alphabet in zip(plans, bodies, alphabets, strict=True):
        parts = rendered[at:at + len(body.jobs)]
        at += len(body.jobs)
        made.append(_merge(plan, theme, body, parts, alphabet=alphabet, workers=workers,
                           into=into(plan)))
    return made


def _facts(rendered: RenderedBooklet) -> RenderedFacts:
    return RenderedFacts(rendered.anchors, rendered.anchor_tops, rendered.outline,
                         rendered.blank_pages, rendered.pages)


def _merge(plan: PackPlan, theme: Theme, body: _Body, rendered: list[RenderedBooklet], *,
           alphabet: str, workers: Workers, into: BinaryIO) -> Made:
    """Place the laid-out body, lay out the front matter, and merge everything into ``into``."""
    sources: dict[str, Piece] = {inc.key: Path(inc.path) for inc in plan.includes}
    extras = iter(rendered)
    grid = None
    if body.grid:
        grid_render = next(extras)
        grid = _facts(grid_render)
        sources["grid"] = grid_render.pdf
    back = 0
    if body.back:
        back_render = next(extras)
        sources["back"] = back_render.pdf
        back = back_render.pages
    chunk_renders = list(extras)
    chunk_facts = [_facts(r) for r in chunk_renders]
    chunk_pdfs = [r.pdf for r in chunk_renders]
    sections: dict[str, SectionPages] = {}
    for group in plan.booklet.groups:
        indices = [i for i, c in enumerate(body.chunks) if c.section == group.topic]
        sections[group.topic] = join_chunks(indices, chunk_facts, duplex=bool(plan.duplex))
    parts = {topic: section.facts for topic, section in sections.items()}
    sizes = PartSizes({k: f.pages for k, f in parts.items()},
                      {inc.key: len(inc.boxes) for inc in plan.includes},
                      grid.pages if grid else 0, back)
    front_result = (_front_later(plan, theme, alphabet, workers) if plan.front_matter
                    else None)
    # Made only when a slot wants it: most handouts and one-sided packs have
    # no blank page, and making one read the fonts (30 ms of a handout).
    blank = lru_cache(maxsize=1)(lambda: _blank_page(theme, plan, alphabet, workers.cache))
    with PackMerger() as merger:
        # Every part after the front matter starts where it would after a
        # front matter of no pages: in duplex, front matter of odd length is
        # followed by a blank, so the body's own blanks stay where they are.
        merger.add(_pieces(page_sequence(plan, sizes, 0)[1:], sections, chunk_pdfs, sources,
                           blank))
        front = front_result() if front_result else None
        if workers.pool:
            workers.pool.release()  # all laid out: the workers' exit overlaps the merge
        slots = page_sequence(plan, sizes, front.pages if front else 0)
        if front:
            sources["front"] = front.pdf
            first_body = next((i for i, slot in enumerate(slots)
                               if slot.kind not in ("front", "blank")), len(slots))
            merger.add(_pieces(slots[:first_body], sections, chunk_pdfs, sources, blank),
                       at_start=True)
        stamps = stamp_plan(slots, parts, grid, _facts(front) if front else None,
                            included={inc.key: inc.boxes for inc in plan.includes},
                            room=folio_room(theme))
        numbered = _contents_numbers(front, contents_labels(plan, sizes, parts, front.pages)
                                     ) if front else []
        # Our own pages carry the watermark from their layout; included PDFs
        # get it laid over them, so a "not for sale" pack says so on every page.
        marked = _included_pages(plan, slots) if plan.booklet.brand.watermark else []
        folios = _folio_stamps(theme, tuple(s[1:] for s in stamps), alphabet=alphabet,
                               duplex=bool(plan.duplex), watermark=plan.booklet.brand.watermark,
                               boxes=tuple(b for _, b in marked),
                               numbers=tuple(rows for _, rows in numbered),
                               cache=workers.cache)
        targets = key_pages(plan, slots, parts)
        merger.finish(
            into, outline=pack_outline(plan, slots, parts, grid, _facts(front) if front else None),
            links=contents_links(front.links, targets) if front else [],
            front_pages=front_total(slots), stamps=folios.pdf,
            stamp_codes=[*folios.flate_codes, *folios.flate_watermarks,
                         *folios.flate_numbers],
            stamp_targets=[*(s[0] for s in stamps), *(page for page, _ in marked),
                           *(page for page, _ in numbered)],
            stamp_boxes={**dict(marked), **{s[0]: s[5] for s in stamps if s[5]}},
            metadata=metadata(plan.booklet), back_pages=sizes.back,
            language=language_tag(theme))
        removed = tuple(dict.fromkeys(
            removal_line(rel(Path(inc.path)), merger.removed[Path(inc.path)])
            for inc in plan.includes if merger.removed.get(Path(inc.path))))
    total = slots[-1].start + slots[-1].pages
    return Made(total, {q.id: targets[f"q-{q.id}"][0] + 1 for q in plan.booklet.questions},
                removed)


def parts(plan: PackPlan, workers: Workers) -> list[tuple[str, RenderJob]]:
    """Every part the engine lays out for ``plan``, named, in the order it lays them out.

    For ``--explain``: with ``job_keys`` they say which parts a build would
    take from the cache.
    """
    alphabet = pack_alphabet(plan)
    body = _body(plan, alphabet, workers)
    names = (["revision grid"] if body.grid else []) + (["back cover"] if body.back else [])
    names += [f"{c.section}: {len(c.questions)} answer{'s' if len(c.questions) != 1 else ''}"
              for c in body.chunks]
    found = list(zip(names, body.jobs, strict=True))
    if plan.front_matter:
        found.append(("cover and contents", _front_job(plan, alphabet, workers)))
    return found


def _front_job(plan: PackPlan, alphabet: str, workers: Workers) -> RenderJob:
    """The cover and contents, with the included PDFs and the grid listed."""
    extra: dict[str, list[tuple[str, ContentsEntry]]] = {}
    for inc in plan.includes:
        if inc.where != "appendix":
            extra.setdefault(inc.section, []).append((inc.where, _entry(inc)))
    closing = ([ContentsEntry(GRID_KEY, "", "", "Revision grid: every key point")]
               if plan.revision_grid else [])
    closing += [_entry(i) for i in plan.includes if i.where == "appendix"]
    return RenderJob(_headlines(plan), RenderOptions(
        questions=False, duplex=bool(plan.duplex), contents_extra=extra,
        appendices=tuple(closing), alphabet=alphabet, back_cover=False, trend=plan.trend),
        *_where(plan, workers))


def _front_later(plan: PackPlan, theme: Theme, alphabet: str, workers: Workers
                 ) -> Callable[[], RenderedBooklet]:
    """Start laying out the cover and contents; the call gives them when needed."""
    job = _front_job(plan, alphabet, workers)
    # A worker lays out the front matter while this process copies the body's
    # pages; it is put in front after. Its contents leave their page numbers
    # to the merge, so an edit that moves pages does not lay them out again.
    return render_later(job, theme, cache=workers.cache, pool=workers.pool)


def _contents_numbers(front: RenderedBooklet, labels: dict[str, str]
                      ) -> list[tuple[int, tuple[tuple[float, float, str], ...]]]:
    """(0-based page, its rows' (x, y, page label)) of every contents page of the front matter.

    The front matter opens the pack, so its page n is the pack's page n.
    """
    rows: dict[int, list[tuple[float, float, str]]] = {}
    for page, x, y, key in front.numbers:
        rows.setdefault(page - 1, []).append((x, y, labels[key]))
    return [(page, tuple(found)) for page, found in sorted(rows.items())]


def _included_pages(plan: PackPlan, slots: list[Slot]) -> list[tuple[int, PageBox]]:
    """(0-based page in the pack, where it is seen) of every included PDF's page."""
    boxes = {inc.key: inc.boxes for inc in plan.includes}
    found = []
    for slot in slots:
        if slot.kind == "external":
            found += [(slot.start + offset, box) for offset, box in enumerate(boxes[slot.ref])]
    return found


FINISHING_MEMO_SIZE = 16
"""Blank pages and folio stamp sets kept in memory: a watching process's last pack, and
a run of handouts, most of which share their page count and so their folios."""
_finishing_memo: dict[str, tuple[tuple[bytes, ...], Notes]] = {}


def _finishing(key: str, make: Callable[[], tuple[bytes, ...]],
               cache: RenderCache | None) -> tuple[bytes, ...]:
    """What the merger lays between or over the parts, made once for ``key``.

    Remembered in this process (a watching rebuild that moved no page
    boundary makes no stamps: 50 ms for 1,648 pages) and kept in the cache,
    so a cached rebuild needs no fonts at all (they cost 0.25 s to read).
    The warnings raised in making it are raised again each time.
    """
    found = _finishing_memo.pop(key, None)
    if found is None and cache is not None:
        found = cache.get_blobs(key)
    if found is None:
        found = noted(make)
        if cache is not None:
            cache.put_blobs(key, *found)
    _finishing_memo[key] = found  # newest last
    while len(_finishing_memo) > FINISHING_MEMO_SIZE:
        del _finishing_memo[next(iter(_finishing_memo))]
    replay(found[1])
    return found[0]


def _blank_page(theme: Theme, plan: PackPlan, alphabet: str, cache: RenderCache | None
                ) -> bytes:
    # Keyed as a part is (headlines, alphabet, layout; the logo by its bytes
    # and no path), so copies of a workspace share it as they share parts.
    marker = RenderJob(_headlines(plan), RenderOptions(
        cover=False, contents=False, questions=False, back_cover=False, alphabet=alphabet),
        plan.layout, None, plan.booklet.brand.accent)
    key = digest("blank page", job_keys([marker], theme)[0])
    return _finishing(key, lambda: (render_blank_page(theme, plan.booklet, alphabet),),
                      cache)[0]


def _folio_stamps(theme: Theme, labels: tuple[tuple[str, str, int, int, PageBox | None], ...],
                  *, alphabet: str,
                  duplex: bool, watermark: str | None, boxes: tuple[PageBox, ...],
                  numbers: tuple[tuple[tuple[float, float, str], ...], ...],
                  cache: RenderCache | None) -> FolioStamps:
    def make() -> tuple[bytes, ...]:
        made = render_folio_stamps(theme, list(labels), alphabet, duplex=duplex,
                                   watermark=watermark, watermark_boxes=boxes, numbers=numbers)
        counts = f"{len(made.codes)} {len(made.watermarks)} {len(made.numbers)}"
        return (made.pdf, counts.encode("ascii"), *made.codes, *made.watermarks,
                *made.numbers)
    key = digest("folio stamps", tool_fingerprint(), theme_fingerprint(theme), repr(labels),
                 alphabet, repr(duplex), repr(watermark), repr(boxes), repr(numbers))
    pdf, counts, *rest = _finishing(key, make, cache)
    codes, marks, _ = (int(n) for n in counts.split())
    return FolioStamps(pdf, tuple(rest[:codes]), tuple(rest[codes:codes + marks]),
                       tuple(rest[codes + marks:]))


def _pieces(slots: list[Slot], sections: dict[str, SectionPages], chunk_pdfs: list[bytes],
            sources: dict[str, Piece], blank: Callable[[], bytes]) -> list[Piece]:
    """The PDFs that fill ``slots``, in order (a section's chunks, with its blank versos)."""
    pieces: list[Piece] = []
    for slot in slots:
        if slot.kind == "section":
            pieces += [blank() if i is None else chunk_pdfs[i]
                       for i in sections[slot.ref].pieces]
        elif slot.pages:
            pieces.append(blank() if slot.kind == "blank" else sources[_source_key(slot)])
    return pieces


def _source_key(slot: Slot) -> str:
    return {"section": f"section:{slot.ref}", "grid": "grid", "front": "front",
            "back": "back"}.get(slot.kind, slot.ref)


def _entry(inc: ExternalPdf) -> ContentsEntry:
    return ContentsEntry(inc.key, "PDF", f"{len(inc.boxes)} p.", inc.title)


def language_tag(theme: Theme) -> str:
    """The document's language: the layout's hyphenation language ("en_GB" → "en-GB")."""
    language = theme.spec.type.hyphenation
    return "en" if language == "none" else language.replace("_", "-")


def metadata(plan: BookletPlan) -> dict[str, str]:
    """The document information of a finished PDF; dates only from the plan."""
    import time

    info = {"/Title": plan.title, "/Subject": plan.subtitle,
            "/Keywords": ", ".join(plan.keywords), "/Author": plan.centre or "",
            "/Creator": "studypack", "/Producer": "studypack (ReportLab, pikepdf)"}
    if plan.date is not None:
        info["/CreationDate"] = info["/ModDate"] = time.strftime(
            "D:%Y%m%d%H%M%S+00'00'", time.gmtime(plan.date))
    return info
