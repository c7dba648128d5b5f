"""The one place that knows the order of the stages.

Booklet: content → select → plan → theme → render → atomic write.
Pack: content → pack plan → theme → open included PDFs → render sections →
render front matter → merge (pikepdf) → atomic write.
"""

from __future__ import annotations

import string
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from .active_content import removal_line
from .assemble import (
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
from .cache import RenderCache, digest, theme_fingerprint
from .chunks import SectionPages, join_chunks, split_groups
from .content import load_content
from .content.brand import load_brand
from .errors import ContentError, Diagnostic, RenderError, WorkspaceError, rel
from .included import open_included, pdf_problem, seen_box
from .merge import PackMerger, Piece, made_by_studypack
from .model import BookletPlan, Brand, ExternalPdf, PackPlan, PageBox, Question, TopicGroup
from .output import PendingFile, link_problem, warnings_checked, write_atomically
from .pack import plan_pack
from .parallel import RenderJob, WorkerPool, early_workers, render_jobs, render_later
from .plan import plan_booklet, source_date
from .render import RenderedBooklet, RenderOptions, render_booklet
from .render.contents import ContentsEntry
from .render.stamps import FolioStamps, render_blank_page, render_folio_stamps
from .theme import Theme, load_theme, with_accent
from .workspace import pdf_name_problem, workspace_layout

if TYPE_CHECKING:
    from pypdf import PdfReader


@dataclass(frozen=True)
class BuildResult:
    """What a build produced.

    Attributes:
        path: The PDF written.
        pages: Its page count.
        questions: How many questions it holds.
        seconds: Wall time of the build.
        start_pages: Question id → 1-based page where it starts.
        handouts: The pack asks for handouts of its questions too.
        layout, brand: What the handouts should use.
        reused: (parts taken from the cache, parts looked up), or None
            when the build used no cache.
        cache_problem: Why laid-out parts could not be kept, if they could not.
        removed: One line per included PDF that had active content (scripts,
            launch actions, embedded files…), saying what was left out of the
            pack. A report, not a warning: the pack is safe and complete, so
            ``--strict`` does not fail on it.
    """

    path: Path
    pages: int
    questions: int
    seconds: float
    start_pages: dict[str, int]
    handouts: bool = False
    layout: str = "classic"
    brand: Brand = field(default_factory=Brand)
    reused: tuple[int, int] | None = None
    cache_problem: str | None = None
    removed: tuple[str, ...] = ()


def build_booklet(*, content: Path, output: Path, layout: str = "classic",
                  title: str = "Study Pack", subtitle: str = "", edition: str = "",
                  brand: Brand | None = None, workspace: Path | None = None,
                  duplex: bool | None = None, strict: bool = False, on_start: Callable[[int], None] | None = None,
                  on_question: Callable[[Question], None] | None = None) -> BuildResult:
    """Build one booklet from a content folder.

    Args:
        content: Folder of answer YAML files.
        output: PDF path to write (atomically).
        layout: Layout name.
        title, subtitle, edition: Cover text.
        brand: The centre's name, logo, accent, watermark and back cover.
        duplex: Start the contents and every question on a recto page; None
            inherits the layout's ``page.duplex``.
        strict: Fail, writing nothing, if the render warns.
        workspace: Folder holding ``layouts/`` and ``fonts/`` (default: content's parent).
        on_start: Called with the number of questions before rendering.
        on_question: Called as each question is laid out.

    Raises:
        WorkspaceError, ContentError, FontError, RenderError, StrictError.
    """
    started = time.perf_counter()
    workspace = workspace or content.resolve().parent
    date = source_date()
    # Every warning of the build counts for --strict: content, layout and pages.
    with warnings_checked(strict):
        questions, theme = _content_and_theme(content, layout, workspace)
        plan = replace(plan_booklet(questions, title=title, subtitle=subtitle,
                                    edition=edition, brand=brand), date=date)
        theme = with_accent(theme, plan.brand.accent)
        if on_start:
            on_start(len(plan.questions))
        rendered = render_booklet(plan, theme, on_question=on_question,
                                  duplex=theme.spec.page.duplex if duplex is None else duplex)
    refuse_to_replace(output)
    write_atomically(output, rendered.pdf)
    return BuildResult(output, rendered.pages, len(plan.questions),
                       time.perf_counter() - started,
                       {q.id: rendered.start_page(q) for q in plan.questions})


def _content_and_theme(content: Path, layout: str, workspace: Path | None
                       ) -> tuple[tuple[Question, ...], Theme]:
    """Load answers and layout, reporting the problems of both together."""
    problems: list[Diagnostic] = []
    questions: tuple[Question, ...] = ()
    try:
        questions = load_content(content)
    except ContentError as exc:
        problems.extend(exc.diagnostics)
    try:
        theme = load_theme(layout, workspace)
    except ContentError as exc:
        raise ContentError(problems + list(exc.diagnostics)) from None
    if problems:
        raise ContentError(problems)
    return questions, theme


TYPOGRAPHY = string.printable.strip() + " –—‘’“”…•·×é"
"""Characters templates and labels commonly print, seeded along with the content's."""


def pack_alphabet(plan: PackPlan) -> str:
    """Every character the pack's text may print, for identical subsets across parts."""
    texts = [plan.booklet.title, plan.booklet.subtitle, plan.booklet.edition,
             *(v or "" for v in (plan.booklet.brand.centre, plan.booklet.brand.contact,
                                  plan.booklet.brand.watermark, plan.booklet.brand.back_cover)),
             TYPOGRAPHY]
    texts += [g.topic for g in plan.booklet.groups] + [i.title for i in plan.includes]
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


def _facts(rendered: RenderedBooklet) -> RenderedFacts:
    return RenderedFacts(rendered.anchors, rendered.anchor_tops, rendered.outline,
                         rendered.blank_pages, rendered.pages)


def build_pack(*, pack: Path, content: Path, workspace: Path, duplex: bool | None = None,
               output: Path | None = None, strict: bool = False, processes: int | None = None,
               cache_dir: Path | None = None, on_start: Callable[[int], None] | None = None,
               on_question: Callable[[Question], None] | None = None) -> BuildResult:
    """Build one pack: its own cover and contents, its sections, included PDFs.

    Sections are rendered apart and merged; page numbers, folios,
    outline and page labels are computed across the whole pack.

    Args:
        pack: The pack file.
        content: Folder of answer files.
        workspace: Folder that the pack's relative paths start from.
        duplex: Overrides the pack's duplex setting when not None.
        processes: Worker processes for laying out sections (None: one per core
            for packs of 40 questions or more); the PDF is the same either way.
        cache_dir: Folder of rendered parts kept between builds (see
            ``cache``); None lays out everything. The PDF is the same either way.
        output: Overrides the pack's output path when not None.

    Raises:
        WorkspaceError, ContentError, FontError, PdfInputError, RenderError.
    """
    started = time.perf_counter()
    with early_workers(processes, content, cache_dir) as pool:
        return _build_pack(pack=pack, content=content, workspace=workspace, duplex=duplex,
                           output=output, strict=strict, processes=processes, pool=pool,
                           cache_dir=cache_dir, on_start=on_start, on_question=on_question,
                           started=started)


def _build_pack(*, pack: Path, content: Path, workspace: Path, duplex: bool | None,
                output: Path | None, strict: bool, processes: int | None,
                pool: WorkerPool | None, cache_dir: Path | None,
                on_start: Callable[[int], None] | None,
                on_question: Callable[[Question], None] | None, started: float
                ) -> BuildResult:
    cache = RenderCache(cache_dir) if cache_dir else None
    pending: PendingFile | None = None
    date = source_date()
    try:
        # Every warning of the build counts for --strict: content, layout and pages.
        with warnings_checked(strict):
            questions = load_content(content, cache_dir)
            plan = plan_pack(pack, questions, workspace, duplex=duplex, output=output,
                             default_layout=workspace_layout(workspace),
                             base_brand=load_brand(workspace), check_pdf=pdf_problem)
            plan = replace(plan, booklet=replace(plan.booklet, date=date))
            theme = with_accent(load_theme(plan.layout, workspace), plan.booklet.brand.accent)
            if plan.duplex is None:
                plan = replace(plan, duplex=theme.spec.page.duplex)
            if on_start:
                on_start(len(plan.booklet.questions))
            # The pack is written as it is merged, beside its final name: a
            # copy of a large pack in memory would be the build's peak.
            refuse_to_replace(Path(plan.output))
            pending = PendingFile(Path(plan.output))
            total, starts, removed = _assemble_pack(plan, theme, on_question, into=pending.file,
                                           workspace=workspace, processes=processes,
                                           pool=pool, cache=cache)
        pending.commit()
    finally:
        if pending:
            pending.discard()
    target = Path(plan.output)
    if cache:
        cache.trim()
    return BuildResult(target, total, len(plan.booklet.questions),
                       time.perf_counter() - started, starts, plan.handouts, plan.layout,
                       plan.booklet.brand, (cache.hits, cache.hits + cache.misses) if cache
                       else None, cache.problem if cache else None, removed)


def _assemble_pack(plan: PackPlan, theme: Theme,
                   on_question: Callable[[Question], None] | None, *, into: BinaryIO,
                   workspace: Path | None = None, processes: int | None = None,
                   pool: WorkerPool | None = None, cache: RenderCache | None = None
                   ) -> tuple[int, dict[str, int], tuple[str, ...]]:
    """Render every part, place it, and merge into ``into``.

    Returns:
        (pages, question id → 1-based start page, what was removed from
        included PDFs: one report line per file).
    """
    externals = open_included(plan, theme.page_size)
    alphabet = pack_alphabet(plan)
    sources: dict[str, Piece] = {inc.key: Path(inc.path) for inc in plan.includes}
    where = (plan.layout, str(workspace) if workspace else None, plan.booklet.brand.accent)
    chunk_options = RenderOptions(
        cover=False, contents=False, folios=False, native_outline=False,
        duplex=bool(plan.duplex), blocks=plan.blocks, section_anchors=False, alphabet=alphabet,
        back_cover=False)
    chunks = split_groups(plan.booklet.groups)
    # The grid and back cover first: the grid is the longest single job, and
    # workers take jobs in order.
    # Cover, contents and grid print headlines only: an edit to an answer's
    # text then leaves their cache entries valid. Nor do they depend on where
    # the pack is written, or (the parts' own metadata being dropped in the
    # merge) on the pack's keywords.
    headlines = replace(plan, output="", booklet=replace(plan.booklet.headlines(),
                                                         keywords=(), date=None))
    bodies = replace(plan.booklet, keywords=(), date=None)
    jobs: list[RenderJob] = []
    if plan.revision_grid:
        jobs.append(RenderJob(headlines.booklet, RenderOptions(
            cover=False, contents=False, questions=False, revision_grid=True, folios=False,
            native_outline=False, alphabet=alphabet, back_cover=False), *where))
    if plan.booklet.brand.back_cover:
        jobs.append(RenderJob(headlines.booklet, RenderOptions(
            cover=False, contents=False, questions=False, folios=False, native_outline=False,
            alphabet=alphabet), *where))
    first_chunk = len(jobs)
    jobs += [RenderJob(replace(bodies, groups=(TopicGroup(c.section, c.questions),)),
                       chunk_options, *where) for c in chunks]
    rendered = render_jobs(jobs, theme, cache=cache, processes=processes, pool=pool,
                           on_question=on_question)
    extras, chunk_renders = iter(rendered[:first_chunk]), rendered[first_chunk:]
    chunk_facts = [_facts(r) for r in chunk_renders]
    chunk_pdfs = [r.pdf for r in chunk_renders]
    grid = None
    if plan.revision_grid:
        grid_render = next(extras)
        grid = _facts(grid_render)
        sources["grid"] = grid_render.pdf
    back = 0
    if plan.booklet.brand.back_cover:
        back_render = next(extras)
        sources["back"] = back_render.pdf
        back = back_render.pages
    sections: dict[str, SectionPages] = {}
    for group in plan.booklet.groups:
        indices = [i for i, c in enumerate(chunks) if c.section == group.topic]
        sections[group.topic] = join_chunks(indices, chunk_facts, duplex=bool(plan.duplex))
    parts = {topic: section.facts for topic, section in sections.items()}
    sizes = PartSizes({k: f.pages for k, f in parts.items()},
                      {k: len(r.pages) for k, r in externals.items()}, grid.pages if grid else 0,
                      back)
    extra: dict[str, list[tuple[str, ContentsEntry]]] = {}
    for inc in plan.includes:
        if inc.where != "appendix":
            extra.setdefault(inc.section, []).append((inc.where, _entry(inc, externals)))
    closing = [ContentsEntry(GRID_KEY, "", "", "Revision grid: every key point")] if grid else []
    closing += [_entry(i, externals) for i in plan.includes if i.where == "appendix"]
    front_job = RenderJob(headlines.booklet, RenderOptions(
        questions=False, native_outline=False, duplex=bool(plan.duplex), contents_extra=extra,
        appendices=tuple(closing),
        alphabet=alphabet, back_cover=False), *where)
    # A worker lays out the front matter while this process copies the body's
    # pages; it is put in front after. Its contents leave their page numbers
    # to the merge, so an edit that moves pages does not lay them out again.
    front_result = render_later(front_job, theme, cache=cache, pool=pool)
    blank = render_blank_page(theme, plan.booklet, alphabet)
    with PackMerger() as merger:
        # Every part after the front matter starts where it would after a
        # front matter of no pages: in duplex, front matter of odd length is
        # followed by a blank, so the body's own blanks stay where they are.
        merger.add(_pieces(page_sequence(plan, sizes, 0)[1:], sections, chunk_pdfs, sources,
                           blank))
        front = front_result()
        if pool:
            pool.release()  # all laid out: the workers' exit overlaps the merge
        sources["front"] = front.pdf
        slots = page_sequence(plan, sizes, front.pages)
        body = next((i for i, slot in enumerate(slots) if slot.kind not in ("front", "blank")),
                    len(slots))
        merger.add(_pieces(slots[:body], sections, chunk_pdfs, sources, blank), at_start=True)
        stamps = stamp_plan(slots, parts, grid)
        numbered = _contents_numbers(front, contents_labels(plan, sizes, parts, front.pages))
        # Our own pages carry the watermark from their layout; included PDFs
        # get it laid over them, so a "not for sale" pack says so on every page.
        marked = _included_pages(slots, externals) if plan.booklet.brand.watermark else []
        folios = _folio_stamps(theme, [s[1:] for s in stamps], alphabet, bool(plan.duplex),
                               plan.booklet.brand.watermark, tuple(b for _, b in marked),
                               tuple(rows for _, rows in numbered))
        merger.finish(
            into, outline=pack_outline(plan, slots, parts, grid),
            links=contents_links(front.links, key_pages(plan, slots, parts)),
            front_pages=front_total(slots), stamps=folios.pdf,
            stamp_codes=[*folios.flate_codes, *folios.flate_watermarks,
                         *folios.flate_numbers],
            stamp_targets=[*(s[0] for s in stamps), *(page for page, _ in marked),
                           *(page for page, _ in numbered)],
            stamp_boxes={page: box for page, box in marked},
            metadata=_metadata(plan.booklet), back_pages=sizes.back)
        removed = tuple(dict.fromkeys(
            removal_line(rel(Path(inc.path)), merger.removed[Path(inc.path)])
            for inc in plan.includes if merger.removed.get(Path(inc.path))))
    total = slots[-1].start + slots[-1].pages
    targets = key_pages(plan, slots, parts)
    return total, {q.id: targets[f"q-{q.id}"][0] + 1 for q in plan.booklet.questions}, removed


def _contents_numbers(front: RenderedBooklet, labels: dict[str, str]
                      ) -> list[tuple[int, tuple[tuple[float, float, str], ...]]]:
    """(0-based page, its rows' (x, y, page label)) of every contents page of the front matter.

    The front matter opens the pack, so its page n is the pack's page n.
    """
    rows: dict[int, list[tuple[float, float, str]]] = {}
    for page, x, y, key in front.numbers:
        rows.setdefault(page - 1, []).append((x, y, labels[key]))
    return [(page, tuple(found)) for page, found in sorted(rows.items())]


def _included_pages(slots: list[Slot], externals: dict[str, PdfReader]
                    ) -> list[tuple[int, PageBox]]:
    """(0-based page in the pack, where it is seen) of every included PDF's page."""
    found = []
    for slot in slots:
        if slot.kind == "external":
            found += [(slot.start + offset, seen_box(page))
                      for offset, page in enumerate(externals[slot.ref].pages)]
    return found


def _folio_stamps(theme: Theme, labels: list[tuple[str, str, int, int]], alphabet: str,
                  duplex: bool, watermark: str | None, boxes: tuple[PageBox, ...],
                  numbers: tuple[tuple[tuple[float, float, str], ...], ...]) -> FolioStamps:
    # The last pack's folios are kept: a process that builds again (pack
    # --watch) after an edit that moved no page boundary reuses them (50 ms
    # for 1,648 pages).
    key = digest(theme_fingerprint(theme), repr(labels), alphabet, repr(duplex),
                 repr(watermark), repr(boxes), repr(numbers))
    if key not in _LAST_FOLIOS:
        _LAST_FOLIOS.clear()
        _LAST_FOLIOS[key] = render_folio_stamps(theme, labels, alphabet, duplex=duplex,
                                                watermark=watermark, watermark_boxes=boxes,
                                                numbers=numbers)
    return _LAST_FOLIOS[key]


_LAST_FOLIOS: dict[str, FolioStamps] = {}


def _pieces(slots: list[Slot], sections: dict[str, SectionPages], chunk_pdfs: list[bytes],
            sources: dict[str, Piece], blank: bytes) -> list[Piece]:
    """The PDFs that fill ``slots``, in order (a section's chunks, with its blank versos)."""
    pieces: list[Piece] = []
    for slot in slots:
        if slot.kind == "section":
            pieces += [blank if i is None else chunk_pdfs[i] for i in sections[slot.ref].pieces]
        else:
            pieces.append(blank if slot.kind == "blank" else sources[_source_key(slot)])
    return pieces


def _source_key(slot: Slot) -> str:
    return {"section": f"section:{slot.ref}", "grid": "grid", "front": "front",
            "back": "back"}.get(slot.kind, slot.ref)


def _entry(inc: ExternalPdf, externals: dict[str, PdfReader]) -> ContentsEntry:
    pages = len(externals[inc.key].pages)
    return ContentsEntry(inc.key, "PDF", f"{pages} p.", inc.title)


def _metadata(plan: BookletPlan) -> dict[str, str]:
    info = {"/Title": plan.title, "/Subject": plan.subtitle,
            "/Keywords": ", ".join(plan.keywords), "/Author": plan.centre or "",
            "/Creator": "studypack", "/Producer": "studypack (ReportLab, pikepdf)"}
    if plan.date is not None:
        info["/CreationDate"] = info["/ModDate"] = time.strftime(
            "D:%Y%m%d%H%M%S+00'00'", time.gmtime(plan.date))
    return info


def build_handouts(*, content: Path, workspace: Path, out_dir: Path, ids: list[str],
                   layout: str = "classic", brand: Brand | None = None, strict: bool = False,
                   prune: bool = False, processes: int | None = None,
                   cache_dir: Path | None = None, target: Path | None = None,
                   on_question: Callable[[Question], None] | None = None) -> list[BuildResult]:
    """Write one single-question handout per id into ``out_dir`` as ``<id>.pdf``.

    A handout has a compact running head with the centre's name, the question,
    summary, key points and the answer; "Page X of Y" counts its own pages.

    Args:
        ids: Question ids (case-insensitive; repeats are written once).
        prune: Remove other handout PDFs from ``out_dir`` (a pack's own folder,
            so handouts of questions it no longer selects do not linger).
        processes, cache_dir: As for ``build_pack``; the PDFs are the same either way.
        target: Where to write the handout of a single id instead of
            ``out_dir/<id>.pdf`` (``out_dir`` and ``prune`` are then unused).

    Raises:
        WorkspaceError: An unknown id (with a did-you-mean); a ``target`` with
            more than one id, or not named .pdf.
    """
    started = time.perf_counter()
    if target is not None:
        if len({i.casefold() for i in ids}) != 1:
            raise WorkspaceError("--output names one file: give one question id, or use "
                                 "--out-dir for several handouts")
        problem = pdf_name_problem(str(target))
        if problem:
            raise WorkspaceError(f"--output: {problem}")
    with early_workers(processes, content, cache_dir) as pool:
        return _handouts(content=content, workspace=workspace, out_dir=out_dir, ids=ids,
                         layout=layout, brand=brand or Brand(), strict=strict, prune=prune,
                         processes=processes, pool=pool, cache_dir=cache_dir, target=target,
                         on_question=on_question, started=started)


def _handouts(*, content: Path, workspace: Path, out_dir: Path, ids: list[str], layout: str,
              brand: Brand, strict: bool, prune: bool, processes: int | None,
              pool: WorkerPool | None, cache_dir: Path | None, target: Path | None,
              on_question: Callable[[Question], None] | None, started: float
              ) -> list[BuildResult]:
    from .content.validate import did_you_mean

    date = source_date()
    questions = {q.id.casefold(): q for q in load_content(content, cache_dir)}
    known = [q.id for q in questions.values()]
    unknown = [i for i in ids if i.casefold() not in questions]
    if unknown:
        raise WorkspaceError("; ".join(f"no answer has the id '{i}'"
                                       f"{did_you_mean(i, known)}" for i in unknown))
    ids = list(dict.fromkeys(questions[i.casefold()].id for i in ids))
    cache = RenderCache(cache_dir) if cache_dir else None
    with warnings_checked(strict):
        theme = with_accent(load_theme(layout, workspace), brand.accent)
        options = RenderOptions(cover=False, contents=False, section_anchors=False,
                                answer_outline=False, blocks=theme.spec.blocks.handout,
                                back_cover=False, head_template="handout_head.j2")
        jobs = []
        for qid in ids:
            q = questions[qid.casefold()]
            plan = BookletPlan(title=f"Q{q.number} · {q.paper} {q.year}", subtitle=q.exam,
                               edition="", groups=(TopicGroup(q.primary_topic, (q,)),),
                               brand=brand, keywords=q.topics, date=date)
            jobs.append(RenderJob(plan, options, layout, str(workspace), brand.accent))
        rendered = render_jobs(jobs, theme, cache=cache, processes=processes, pool=pool,
                               on_question=on_question)
    seconds = (time.perf_counter() - started) / max(1, len(ids))
    results = []
    # Every target is checked before any is written: a refusal halfway
    # would leave some handouts new and some old, said to be none.
    for qid in ids:
        refuse_to_replace(target or out_dir / f"{qid}.pdf")
    for qid, part in zip(ids, rendered, strict=True):
        path = target or out_dir / f"{qid}.pdf"
        write_atomically(path, part.pdf)
        results.append(BuildResult(
            path, part.pages, 1, seconds, {qid: 1},
            reused=(cache.hits, cache.hits + cache.misses) if cache else None,
            cache_problem=cache.problem if cache else None))
    if cache:
        cache.trim()
    if prune and target is None:
        for stale in sorted(out_dir.glob("*.pdf")):
            if stale.stem not in ids and made_by_studypack(stale):
                stale.unlink()
    return results


def refuse_to_replace(path: Path) -> None:
    """Stop unless ``path`` may be written: no link, and no file studypack did not write.

    An output named by mistake (``-o`` pointing at the centre's own PDF)
    would otherwise replace a file nothing else can bring back.

    Raises:
        RenderError: ``path`` is a link, or a file not written by studypack.
    """
    problem = link_problem(path)
    if problem:
        raise RenderError(problem)
    if path.exists() and path.is_file() and not made_by_studypack(path):
        raise RenderError(f"{rel(path)} exists and was not written by studypack; it only "
                          "replaces PDFs it made itself, so nothing was written: move that "
                          "file away or choose another output path")
