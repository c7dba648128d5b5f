"""The one place that knows the order of the stages.

Booklet: content → select → plan → theme → render → atomic write.
Pack: content → pack plan → theme → open included PDFs → render sections →
render front matter → merge (pikepdf) → atomic write.
"""

from __future__ import annotations

import io
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .assemble.merge import made_by_studypack
from .content import load_answers
from .engine.cache import RenderCache
from .engine.make import Workers, make_handouts, make_pack
from .engine.parallel import WorkerPool, early_workers
from .errors import ContentError, RenderError, WorkspaceError, rel
from .model import (
    BookletPlan,
    Brand,
    PackPlan,
    PastQuestion,
    Question,
    TopicGroup,
    TrendTable,
)
from .output import PendingFile, link_problem, warnings_checked, write_atomically
from .plan.booklet import source_date
from .plan.resolve import BuildRequest, resolve_build
from .plan.workspace import pdf_name_problem
from .theme import Theme, load_theme, margin_to_margin, with_accent


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
        impose: The pack asks to be imposed too ("booklet" or "2up"), or None.
        front_matter: It opens with a cover and contents (a worksheet, answer
            key or set of flashcards does not).
        duplex: Laid out for two-sided printing (versos carry folios on the left).
        full_width: A worksheet or answer key: set margin to margin.
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
    impose: str | None = None
    front_matter: bool = True
    duplex: bool = False
    full_width: bool = False


def build_booklet(*, content: Path, output: Path, layout: str = "classic",
                  title: str = "Study Pack", subtitle: str = "", edition: str = "",
                  brand: Brand | None = None, workspace: Path | None = None,
                  duplex: bool | None = None, strict: bool = False,
                  processes: int | None = None, cache_dir: Path | None = None,
                  on_start: Callable[[int], None] | None = None,
                  on_question: Callable[[Question], None] | None = None) -> BuildResult:
    """Build one booklet from a content folder: every answer, in sections by topic.

    Args:
        content: Folder of answer YAML files.
        output: PDF path to write (atomically).
        layout: Layout name.
        title: Cover title.
        subtitle: Cover subtitle ("" for one built from the years covered).
        edition: Edition line, e.g. "November 2026".
        brand: The centre's name, logo, accent, watermark and back cover.
        duplex: Start the contents and every question on a recto page; None
            inherits studypack.yaml's, then the layout's ``page.duplex``.
        strict: Fail, writing nothing, if the render warns.
        workspace: Folder holding ``layouts/`` and ``fonts/`` (default: content's parent).
        processes: Worker processes, as for ``build_pack``.
        cache_dir: Laid-out parts kept between builds, as for ``build_pack``.
        on_start: Called with the number of questions before rendering.
        on_question: Called as each question is laid out.

    Raises:
        WorkspaceError, ContentError, FontError, RenderError, StrictError.
    """
    return run_build(BuildRequest(
        workspace=workspace or content.resolve().parent, content=content, output=output,
        layout=layout, title=title, subtitle=subtitle, edition=edition, duplex=duplex,
        strict=strict, jobs=processes, cache_dir=cache_dir, brand=brand or Brand()),
        on_start=on_start, on_question=on_question)


def run_build(request: BuildRequest, *, on_start: Callable[[int], None] | None = None,
              on_question: Callable[[Question], None] | None = None) -> BuildResult:
    """Resolve, lay out, merge and write one booklet or pack: the order of the stages.

    A booklet is a pack of every answer with no pack file: both go through
    the same engine (parts laid out apart, cached and over processes, then
    merged with one outline, page labels and folios).

    Args:
        request: The command's flags (see ``resolve.BuildRequest``).
        on_start: Called with the number of questions before laying out.
        on_question: Called as each question is laid out.

    Raises:
        WorkspaceError, ContentError, FontError, PdfInputError, RenderError, StrictError.
    """
    started = time.perf_counter()
    with early_workers(request.jobs, request.content, request.cache_dir) as pool:
        cache = RenderCache(request.cache_dir) if request.cache_dir else None
        pending: PendingFile | None = None
        try:
            # Every warning of the build counts for --strict: content, layout
            # and pages, listed together; the file is committed only after.
            with warnings_checked(request.strict):
                plan = resolve_build(request)
                if on_start:
                    on_start(len(plan.pack.booklet.questions))
                # The pack is written as it is merged, beside its final name: a
                # copy of a large pack in memory would be the build's peak.
                target = Path(plan.pack.output)
                refuse_to_replace(target)
                pending = PendingFile(target)
                made = make_pack(plan.pack, plan.theme, Workers(
                    request.workspace, request.jobs, pool, cache, on_question),
                    into=pending.file)
            pending.commit()
        finally:
            if pending:
                pending.discard()
    if cache:
        cache.trim()
    pack = plan.pack
    return BuildResult(target, made.pages, len(pack.booklet.questions),
                       time.perf_counter() - started, made.starts, pack.handouts, pack.layout,
                       pack.booklet.brand, (cache.hits, cache.hits + cache.misses) if cache
                       else None, cache.problem if cache else None, made.removed, pack.impose,
                       pack.front_matter, bool(pack.duplex), pack.sheet is not None)


def build_pack(*, pack: Path, content: Path, workspace: Path, duplex: bool | None = None,
               output: Path | None = None, strict: bool = False, processes: int | None = None,
               cache_dir: Path | None = None, on_start: Callable[[int], None] | None = None,
               on_question: Callable[[Question], None] | None = None,
               kind: str | None = None, answers: bool | None = None) -> BuildResult:
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
        strict: Fail, writing nothing, on any warning.
        on_start: Called with the number of questions before laying out.
        on_question: Called as each question is laid out.
        kind: Print the pack as a "worksheet" or "answer-key" (or "answers")
            instead of its own kind; None keeps the pack's.
        answers: A worksheet with its answers (the teacher's edition), or
            without; None keeps the pack's ``worksheet.answers``.

    Raises:
        WorkspaceError, ContentError, FontError, PdfInputError, RenderError.
    """
    return run_build(BuildRequest(workspace=workspace, content=content, pack=pack,
                                  output=output, duplex=duplex, strict=strict, jobs=processes,
                                  cache_dir=cache_dir, kind=kind, answers=answers),
                     on_start=on_start, on_question=on_question)


def build_handouts(*, content: Path, workspace: Path, out_dir: Path, ids: list[str],
                   layout: str = "classic", brand: Brand | None = None, strict: bool = False,
                   prune: bool = False, processes: int | None = None,
                   cache_dir: Path | None = None, target: Path | None = None,
                   on_question: Callable[[Question], None] | None = None) -> list[BuildResult]:
    """Write one single-question handout per id into ``out_dir`` as ``<id>.pdf``.

    A handout has a compact running head with the centre's name, the question,
    summary, key points and the answer; "Page X of Y" counts its own pages.

    Args:
        content: Folder of answer files.
        workspace: Folder of the workspace's layouts and fonts.
        out_dir: Folder for the handouts.
        ids: Question ids (case-insensitive; repeats are written once).
        layout: Layout name.
        brand: The centre's name and marks for the running head.
        strict: Fail, writing nothing, on any warning.
        on_question: Called as each question is laid out.
        prune: Remove other handout PDFs from ``out_dir`` (a pack's own folder,
            so handouts of questions it no longer selects do not linger).
        processes: Worker processes, as for ``build_pack``.
        cache_dir: Laid-out parts kept between builds, as for ``build_pack``.
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
    # One handout from a folder of 400 answers wants no worker: the count
    # is of the handouts asked for, not of the answer files.
    with early_workers(processes, content, cache_dir,
                       answers=len({i.casefold() for i in ids})) as pool:
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
    questions = {q.id.casefold(): q for q in load_answers(content, ids, cache_dir)}
    known = [q.id for q in questions.values()]
    unknown = [i for i in ids if i.casefold() not in questions]
    if unknown:
        raise WorkspaceError("; ".join(f"no answer has the id '{i}'"
                                       f"{did_you_mean(i, known)}" for i in unknown))
    ids = list(dict.fromkeys(questions[i.casefold()].id for i in ids))
    cache = RenderCache(cache_dir) if cache_dir else None
    files: dict[str, io.BytesIO] = {}
    with warnings_checked(strict):
        theme = with_accent(load_theme(layout, workspace), brand.accent)
        plans = [_handout_plan(questions[qid.casefold()], theme, layout=layout, brand=brand,
                               date=date, output=target or out_dir / f"{qid}.pdf")
                 for qid in ids]
        made = make_handouts(plans, theme, Workers(workspace, processes, pool, cache,
                                                   on_question),
                             lambda plan: files.setdefault(plan.output, io.BytesIO()))
    seconds = (time.perf_counter() - started) / max(1, len(ids))
    results = []
    # Every target is checked before any is written: a refusal halfway
    # would leave some handouts new and some old, said to be none.
    for plan in plans:
        refuse_to_replace(Path(plan.output))
    for qid, plan, handout in zip(ids, plans, made, strict=True):
        path = Path(plan.output)
        write_atomically(path, files[plan.output].getvalue())
        results.append(BuildResult(
            path, handout.pages, 1, seconds, {qid: 1},
            reused=(cache.hits, cache.hits + cache.misses) if cache else None,
            cache_problem=cache.problem if cache else None))
    if cache:
        cache.trim()
    if prune and target is None:
        for stale in sorted(out_dir.glob("*.pdf")):
            if stale.stem not in ids and made_by_studypack(stale):
                stale.unlink()
    return results


def _handout_plan(q: Question, theme: Theme, *, layout: str, brand: Brand, date: int | None,
                  output: Path) -> PackPlan:
    """A handout: a pack of one question, with no front matter and a compact running head."""
    booklet = BookletPlan(title=f"Q{q.number} · {q.paper} {q.year}", subtitle=q.exam,
                          edition="", groups=(TopicGroup(q.primary_topic, (q,)),),
                          brand=brand, keywords=q.topics, date=date)
    return PackPlan(booklet=booklet, includes=(), blocks=theme.spec.blocks.handout,
                    revision_grid=False, duplex=False, handouts=False, layout=layout,
                    output=str(output), front_matter=False, head_template="handout_head.j2",
                    answer_outline=False)


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


IMPOSITIONS = ("booklet", "2up")
"""What ``impose_file`` makes: a saddle-stitched booklet, or two pages a side."""


def impose_file(source: Path, output: Path, *, kind: str = "booklet",
                signature: int | None = None, creep_mm: float = 0.0) -> tuple[int, int]:
    """Impose a finished PDF for printing: read, check, lay out sheets, write atomically.

    Args:
        source: The PDF (ours or any other).
        output: The imposed PDF to write.
        kind: "booklet" (folded and stapled) or "2up".
        signature: Pages a folded section holds (a multiple of 4), for thick booklets.
        creep_mm: Creep compensation at the innermost sheet, in millimetres.

    Returns:
        (pages read, sheet sides written).

    Raises:
        WorkspaceError: A setting out of range, or the output is the source.
        PdfInputError: The source cannot be read (missing, not a PDF, damaged…).
    """
    import pikepdf

    from .assemble.impose import booklet_sides, ends_with_back_cover, impose, two_up_sides
    from .assemble.included import open_external

    if kind not in IMPOSITIONS:
        raise WorkspaceError(f"--impose {kind}: choose one of {', '.join(IMPOSITIONS)}")
    if signature is not None and (signature < 4 or signature % 4):
        raise WorkspaceError(f"--signature {signature}: a signature is a multiple of 4 pages "
                             "(e.g. 16, 20 or 32)")
    if not 0 <= creep_mm <= 5:
        raise WorkspaceError(f"--creep {creep_mm}: give millimetres from 0 to 5 (paper of "
                             "80 g/m² creeps about 0.1 mm a sheet)")
    if output.resolve() == source.resolve():
        raise WorkspaceError(f"{rel(output)} is the PDF being imposed; write the sheets to "
                             "another file")
    problem = pdf_name_problem(str(output))
    if problem:
        raise WorkspaceError(f"--output: {problem}")
    open_external(source)
    with pikepdf.open(source) as pdf:
        pages = len(pdf.pages)
        sides = (booklet_sides(pages, signature=signature,
                               back_cover=ends_with_back_cover(pdf))
                 if kind == "booklet" else two_up_sides(pages))
        refuse_to_replace(output)
        pending = PendingFile(output)
        try:
            written = impose(pdf, sides, pending.file, creep_mm=creep_mm)
            pending.commit()
        finally:
            pending.discard()
    return pages, written


def export_anki(*, content: Path, workspace: Path, output: Path | None = None,
                pack: Path | None = None) -> tuple[Path, int, int]:
    """Write an Anki deck of a pack's questions (or every answer): a note per question
    and per key point.

    Returns:
        (the .apkg written, notes, questions).

    Raises:
        WorkspaceError, ContentError: As a build of the same pack or booklet.
    """
    from .content import load_content
    from .export.anki import write_deck

    if pack is not None:
        plan = resolve_build(BuildRequest(workspace=workspace, content=content, pack=pack))
        questions = [q for group in plan.pack.booklet.groups for q in group.questions]
        name = plan.pack.booklet.title
        default = Path(plan.pack.output).with_suffix(".apkg")
    else:
        questions = list(load_content(content))
        name = f"studypack · {workspace.resolve().name}"
        default = workspace / "out" / "deck.apkg"
    target = output or default
    if target.suffix.lower() != ".apkg":
        raise WorkspaceError(f"{rel(target)} is not an .apkg file name; Anki imports "
                             "decks named .apkg, e.g. out/deck.apkg")
    problem = link_problem(target)
    if problem:
        raise RenderError(problem)
    # Anki replaces a note it has with an imported one only when the import is newer:
    # the clock, unless a fixed date is asked for.
    stamp = source_date()
    pending = PendingFile(target)
    try:
        notes = write_deck(questions, name, pending.file,
                           timestamp=time.time() if stamp is None else float(stamp))
        pending.commit()
    finally:
        pending.discard()
    return target, notes, len(questions)


def write_trend(*, content: Path, workspace: Path, output: Path | None = None,
                papers: tuple[str, ...] = (), exams: tuple[str, ...] = ()
                ) -> tuple[Path, TrendTable]:
    """Write the past-paper trend table of the bank (topics × years) as a PDF.

    Args:
        content: The content folder: answers and questions kept without one.
        workspace: Where studypack.yaml (layout) and brand.yaml are.
        output: The PDF to write; None for out/trend.pdf.
        papers: Count only these papers' questions (case-insensitive); empty counts all.
        exams: Count only these exams' questions, likewise.

    Returns:
        The PDF written, and the table it holds.

    Raises:
        WorkspaceError: A paper or exam no question has, or no question with a year.
        ContentError: As a build, for the layout and brand.
    """
    from .content import load_bank
    from .content.brand import load_brand
    from .content.validate import did_you_mean
    from .plan.trend import trend_table
    from .plan.workspace import workspace_layout
    from .render import RenderOptions, render_document

    bank = load_bank(content)
    records: list[Question | PastQuestion] = [*bank.answers, *bank.questions]
    for asked, flag, known in (
            (papers, "--paper", sorted({r.paper for r in records if r.paper})),
            (exams, "--exam", sorted({r.exam for r in records}))):
        for name in asked:
            if name.casefold() not in {k.casefold() for k in known}:
                hint = did_you_mean(name, known) or f"; known: {', '.join(known)}"
                raise WorkspaceError(f"{flag} {name}: no question has it{hint}")
    table = trend_table(records, papers=papers, exams=exams)
    if table is None:
        raise WorkspaceError(f"{rel(content)} holds no question with its paper and year "
                             "written; write them ('studypack check' names the files)")
    layout, problem = workspace_layout(workspace)
    if problem is not None:
        raise ContentError([problem])
    brand = load_brand(workspace)
    theme = margin_to_margin(with_accent(load_theme(layout, workspace), brand.accent))
    plan = BookletPlan(title="Past-paper trends", subtitle=table.scope, edition="",
                       groups=(), brand=brand, date=source_date())
    with warnings_checked(strict=False):
        rendered = render_document(plan, theme, RenderOptions(
            cover=False, contents=False, questions=False, back_cover=False, trend=table))
    target = output or workspace / "out" / "trend.pdf"
    problem_name = pdf_name_problem(rel(target))
    if problem_name:
        raise WorkspaceError(problem_name)
    write_atomically(target, rendered.pdf)
    return target, table
