"""Render stage for many parts: cached, and spread over processes.

Input: ``RenderJob``s (a plan, its options and what a fresh process needs to
rebuild the theme). Output: the rendered parts in job order, byte for byte
what one process without a cache would make: every part seeds the same font
subsets, so neither the order of work nor where a part comes from matters.
ReportLab is single-threaded per document, so processes, not threads, use
the second core. Warnings raised while laying out a part are kept with it
and replayed in job order, from a worker or from the cache alike.
"""

from __future__ import annotations

import gc
import os
import signal
import warnings
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import islice
from multiprocessing import get_context
from pathlib import Path
from typing import TypeVar

from ..content.cache import FILE as CONTENT_RECORDS
from ..digests import digest, tool_fingerprint
from ..errors import MissingGlyphWarning, StudypackWarning, WorkspaceError
from ..folders import iter_files
from ..model import BookletPlan, Question
from ..render import RenderedBooklet, RenderOptions, render_document
from ..theme import Theme, load_theme, with_accent
from .cache import Notes, RenderCache, logo_fingerprint, theme_fingerprint
from .chunks import AVERAGE_CHUNK

T = TypeVar("T")

MIN_QUESTIONS_FOR_PROCESSES = 40
"""Below this many questions to lay out, starting worker processes costs more than it saves."""


@dataclass(frozen=True)
class RenderJob:
    """One part to render, with what a fresh process needs to rebuild the theme.

    Attributes:
        plan, options: What to lay out.
        layout, workspace, accent: How to rebuild the theme in a worker.
    """

    plan: BookletPlan
    options: RenderOptions
    layout: str
    workspace: str | None
    accent: str | None


def _captured(job: RenderJob, theme: Theme | None,
              on_question: Callable[[Question], None] | None = None
              ) -> tuple[RenderedBooklet, Notes]:
    def make() -> RenderedBooklet:
        return render_document(job.plan, theme or _worker_theme(job.layout, job.workspace,
                                                                 job.accent),
                               job.options, on_question=on_question)
    return noted(make)


def noted(make: Callable[[], T]) -> tuple[T, Notes]:
    """``make()``, and the studypack warnings it raised, kept as notes to store and replay."""
    notes: list[tuple[str, str, str]] = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", StudypackWarning)
        made = make()
    for w in caught:
        if isinstance(w.message, MissingGlyphWarning):
            notes.append(("glyph", w.message.char, w.message.source))
        elif issubclass(w.category, StudypackWarning):
            notes.append(("warning", str(w.message), ""))
        else:
            warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
    return made, tuple(notes)


@lru_cache(maxsize=4)
def _worker_theme(layout: str, workspace: str | None, accent: str | None) -> Theme:
    # A worker lays out many chunks of one pack; loading the layout once is enough.
    # The parent loaded the same layout and raised its warnings; raised here
    # too they would be kept with whichever part this worker took first.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", StudypackWarning)
        return with_accent(load_theme(layout, Path(workspace) if workspace else None), accent)


def _render_in_worker(job: RenderJob) -> tuple[RenderedBooklet, Notes]:
    return _captured(job, None)


def replay(notes: Notes) -> None:
    """Raise again, in this process, the warnings a part's layout raised."""
    for kind, text, source in notes:
        if kind == "glyph":
            warnings.warn(MissingGlyphWarning(text, source), stacklevel=3)
        else:
            warnings.warn(text, StudypackWarning, stacklevel=3)


def worker_count(jobs: list[RenderJob], requested: int | None) -> int:
    """How many processes to use: as asked, else one per core, never more than jobs."""
    questions = sum(len(job.plan.questions) for job in jobs if job.options.questions)
    if requested is None:
        requested = 1 if questions < MIN_QUESTIONS_FOR_PROCESSES else cores()
    return max(1, min(requested, len(jobs), cores()))


def cores() -> int:
    """The cores this process may run on (a container or ``taskset`` may allow fewer)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def job_key(job: RenderJob, theme: Theme) -> str:
    """Cache key of a job: everything its layout may read, hashed (see ``cache``)."""
    return job_keys([job], theme)[0]


def job_keys(jobs: list[RenderJob], theme: Theme) -> list[str]:
    """Cache keys of ``jobs`` (see ``job_key``); the theme is fingerprinted once for all."""
    shared = (tool_fingerprint(), theme_fingerprint(theme))
    # The logo by its bytes, not its path: a copy of the workspace elsewhere
    # (another office's computer) finds the same parts in a shared cache.
    return [digest(*shared, logo_fingerprint(job.plan.brand.logo),
                   _plan_text(replace(job.plan, brand=replace(job.plan.brand, logo=(
                       "logo" if job.plan.brand.logo else None)))),
                   repr(job.options), job.layout, repr(job.accent)) for job in jobs]


def _plan_text(plan: BookletPlan) -> str:
    """``repr(plan)`` in effect, with each question's repr hashed and remembered."""
    groups = tuple(replace(group, questions=()) for group in plan.groups)
    return "\n".join([repr(replace(plan, groups=groups)),
                      *(f"{i}:{_question_text(q)}" for i, group in enumerate(plan.groups)
                        for q in group.questions)])


@lru_cache(maxsize=4096)
def _question_text(question: Question) -> str:
    # Keys are made on every build; a process that builds again (pack --watch)
    # keeps the unchanged questions, whose reprs took 30 ms a build for 400.
    # A digest of each is kept, not the repr: 400 reprs held 11 MB.
    return digest(repr(question))


def render_jobs(jobs: list[RenderJob], theme: Theme, *, cache: RenderCache | None = None,
                processes: int | None = None, pool: WorkerPool | None = None,
                on_question: Callable[[Question], None] | None = None
                ) -> list[RenderedBooklet]:
    """Render every job, taking what it can from ``cache`` and storing the rest.

    Args:
        jobs: The parts, in document order.
        theme: The parent's theme (for keys, and for rendering in this process).
        cache: Where rendered parts are kept between builds; None renders all.
        processes: Worker processes; None chooses (see ``worker_count``).
        pool: Workers started earlier (see ``WorkerPool``); used when more
            than one process is wanted, else new ones are started.
        on_question: Progress callback; called per question of each part as it
            is laid out (in this process) or finished (in a worker or cache).

    Returns:
        The rendered parts, in the order of ``jobs``.
    """
    keys = job_keys(jobs, theme) if cache else [""] * len(jobs)
    done: dict[int, tuple[RenderedBooklet, Notes]] = {}
    for index, key in enumerate(keys):
        found = cache.get(key) if cache else None
        if found is not None:
            done[index] = found
            _report(jobs[index], on_question)
    missing = [i for i in range(len(jobs)) if i not in done]
    for index, result in zip(missing, _render([jobs[i] for i in missing], theme, processes,
                                              pool, on_question), strict=True):
        done[index] = result
        if cache:
            cache.put(keys[index], *result)
    if sum(len(jobs[i].plan.questions) for i in missing) >= MIN_QUESTIONS_FOR_PROCESSES:
        # Layout leaves cycles (flowables, frames, canvases) that Python would
        # free later; freed now, before the merge opens every part, the pack's
        # peak is 4 MB lower (149 to 145 MB on the 400-answer bench pack).
        # Small rebuilds skip it: a full collection takes 20 ms.
        gc.collect()
    for index in range(len(jobs)):
        replay(done[index][1])
    return [done[index][0] for index in range(len(jobs))]


def render_later(job: RenderJob, theme: Theme, *, cache: RenderCache | None = None,
                 pool: WorkerPool | None = None) -> Callable[[], RenderedBooklet]:
    """Start rendering ``job`` and return a call that gives the result when it is needed.

    From the cache, the result is there at once; with ``pool``, a worker lays
    the job out while this process goes on (e.g. copying the pages of the
    parts already laid out); without one, the call lays it out in this
    process. The result and its warnings are the same whichever way.
    """
    key = job_key(job, theme) if cache else ""
    found = cache.get(key) if cache else None
    future = (pool.executor.submit(_render_in_worker, job)
              if found is None and pool is not None else None)

    def result() -> RenderedBooklet:
        done = found
        if done is None:
            done = future.result() if future is not None else _captured(job, theme)
            if cache:
                cache.put(key, *done)
        replay(done[1])
        return done[0]

    return result


def _report(job: RenderJob, on_question: Callable[[Question], None] | None) -> None:
    if on_question:
        for question in job.plan.questions:
            on_question(question)


def _render(jobs: list[RenderJob], theme: Theme, processes: int | None,
            pool: WorkerPool | None, on_question: Callable[[Question], None] | None
            ) -> list[tuple[RenderedBooklet, Notes]]:
    count = worker_count(jobs, processes)
    if count > 1:
        try:
            if pool is not None and pool.workers >= count - 1:
                return _shared(jobs, theme, pool.executor, count - 1, on_question)
            with worker_pool(count - 1) as own:
                return _shared(jobs, theme, own.executor, count - 1, on_question)
        except BrokenProcessPool:
            # Workers could not start here (e.g. no importable __main__); the
            # same output comes from one process, only slower.
            warnings.warn("could not start worker processes; laying out on one core",
                          StudypackWarning, stacklevel=3)
    return [_captured(job, theme, on_question) for job in jobs]


def early_workers(processes: int | None, content: Path, cache_dir: Path | None = None, *,
                  answers: int | None = None) -> AbstractContextManager[WorkerPool | None]:
    """Start workers now when the build will likely want them (see ``worker_count``).

    Whether it will is known only once the answers are read, so the number of
    answer files stands in for the number of questions. A cache that has read
    these answers before means most parts will likely be reused, so no
    worker is started early (one is started later if many parts are not).
    Unused workers cost a moment of the other core and are shut down with
    the pool. ``answers``, when given, is how many answers will be laid out
    (handouts of a few ids from a large folder).
    """
    if answers is None:
        # Counted only as far as matters: enough parts for every core, or
        # enough answers to want workers at all.
        answers = _answer_files(content, max(MIN_QUESTIONS_FOR_PROCESSES,
                                             cores() * AVERAGE_CHUNK))
    # Each part to lay out holds a few answers: more workers than parts, or
    # than cores, would only wait (48 asked for 3 parts started 47).
    count = min(processes or cores(), cores(), max(1, -(-answers // AVERAGE_CHUNK)) + 2)
    # Asked for by --jobs or not: after an edit to one answer, starting a
    # worker cost a warm rebuild a third of its time, and ``_render`` starts
    # one later anyway if many parts turn out to need laying out.
    warm = cache_dir is not None and (cache_dir / CONTENT_RECORDS).is_file()
    likely = not warm and (processes is not None or answers >= MIN_QUESTIONS_FOR_PROCESSES)
    return worker_pool(count - 1) if count > 1 and likely else nullcontext(None)


def _answer_files(content: Path, cap: int) -> int:
    """How many answer files ``content`` holds, counting no further than ``cap``."""
    # A folder the walk refuses is reported by the loading of the answers,
    # which comes next.
    found = (p for p in iter_files(content) if p.suffix in (".yaml", ".yml"))
    try:
        return sum(1 for _ in islice(found, cap))
    except WorkspaceError:
        return 0


@contextmanager
def _interrupts_ignored() -> Iterator[None]:
    """SIGINT ignored for the block (as processes started in it inherit), then restored."""
    try:
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    except ValueError:  # not the main thread: leave signals alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _warm_up() -> None:
    """Nothing: unpickling this task in a worker imports studypack and ReportLab."""


class WorkerPool:
    """Worker processes started ahead of the work (use ``worker_pool(n)``).

    Starting an interpreter and importing ReportLab takes about half a
    second; a pool started before the answers are read does that while this
    process reads them.
    """

    def __init__(self, workers: int) -> None:
        self.workers = workers
        # "spawn": a fresh interpreter per worker, safe whatever threads the parent runs.
        # Ctrl-C reaches the workers too, and a worker stopped by it prints a
        # traceback; the parent stops them itself. Started while SIGINT is
        # ignored, they keep ignoring it: an ignored signal survives exec and
        # Python leaves it so (its own handler replaces only the default).
        with _interrupts_ignored():
            self.executor = ProcessPoolExecutor(max_workers=workers,
                                                mp_context=get_context("spawn"))
            for _ in range(workers):
                self.executor.submit(_warm_up)

    def release(self) -> None:
        """Let the workers exit now, while this process goes on (``close`` then waits less)."""
        self.executor.shutdown(wait=False, cancel_futures=True)

    def close(self) -> None:
        """Shut the workers down and wait for them."""
        self.executor.shutdown(wait=True, cancel_futures=True)


@contextmanager
def worker_pool(workers: int) -> Iterator[WorkerPool]:
    """``workers`` worker processes for the block, shut down when it ends."""
    pool = WorkerPool(workers)
    try:
        yield pool
    finally:
        pool.close()


def _shared(jobs: list[RenderJob], theme: Theme, pool: ProcessPoolExecutor, workers: int,
            on_question: Callable[[Question], None] | None
            ) -> list[tuple[RenderedBooklet, Notes]]:
    """This process lays out jobs too, alongside ``workers`` worker processes.

    Jobs are handed out largest first, one at a time: each worker holds at
    most two (one running, one queued), and this process takes the next one
    itself whenever they are all that busy. Largest first, because whoever
    finishes early then waits only for small jobs at the end (handed out in
    pack order, a 24-question chunk near the end kept one core idle for a
    third of a second). This process has its theme and fonts loaded
    already, so it is one fewer interpreter to start.
    """
    results: dict[int, tuple[RenderedBooklet, Notes]] = {}
    pending: dict[Future[tuple[RenderedBooklet, Notes]], int] = {}

    def collect(block: bool) -> None:
        finished, _ = wait(pending, timeout=None if block else 0, return_when=FIRST_COMPLETED)
        for future in finished:
            index = pending.pop(future)
            results[index] = future.result()
            _report(jobs[index], on_question)

    for index in sorted(range(len(jobs)), key=lambda i: -_cost(jobs[i])):
        job = jobs[index]
        collect(block=False)
        if len(pending) < 2 * workers:
            pending[pool.submit(_render_in_worker, job)] = index
        else:
            results[index] = _captured(job, theme, on_question)
    while pending:
        collect(block=True)
    return [results[index] for index in range(len(jobs))]


def _cost(job: RenderJob) -> int:
    """Rough layout cost of a job, to order the work: characters of answer text.

    A part without answers (revision grid, covers) counts as the largest, as
    the grid of a large pack is the longest single job.
    """
    if not job.options.questions:
        return 10**12
    return sum(len(q.introduction) + len(q.conclusion) + len(q.summary)
               + sum(len(p.body) + len(p.gist) + len(p.heading) for p in q.points)
               + sum(len(s.body) for s in q.sections) for q in job.plan.questions)
