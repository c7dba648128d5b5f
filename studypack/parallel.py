"""Render stage, spread over processes: pack sections laid out side by side.

Input: one ``BookletPlan`` per section and the options they share. Output:
the rendered sections in the same order, byte for byte what one process
would make (every section seeds the same font subsets, so the order of work
does not matter). ReportLab is single-threaded per document, so processes,
not threads, use the second core.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path

from .errors import MissingGlyphWarning, StudypackWarning
from .model import BookletPlan, Question
from .render import RenderedBooklet, RenderOptions, render_document
from .theme import Theme, load_theme, with_accent

MIN_QUESTIONS_FOR_PROCESSES = 40
"""Below this many questions, starting worker processes costs more than it saves."""


@dataclass(frozen=True)
class SectionJob:
    """One section to render, with what a fresh process needs to rebuild the theme."""

    plan: BookletPlan
    options: RenderOptions
    layout: str
    workspace: str | None
    accent: str | None


Notes = list[tuple[str, str, str]]
"""Warnings from a worker: ("glyph", char, source) or ("warning", message, "")."""


def _render_in_worker(job: SectionJob) -> tuple[RenderedBooklet, Notes]:
    notes: Notes = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", StudypackWarning)
        workspace = Path(job.workspace) if job.workspace else None
        theme = with_accent(load_theme(job.layout, workspace), job.accent)
        rendered = render_document(job.plan, theme, job.options)
    for w in caught:
        if isinstance(w.message, MissingGlyphWarning):
            notes.append(("glyph", w.message.char, w.message.source))
        elif issubclass(w.category, StudypackWarning):
            notes.append(("warning", str(w.message), ""))
    return rendered, notes


def _replay(notes: Notes) -> None:
    for kind, text, source in notes:
        if kind == "glyph":
            warnings.warn(MissingGlyphWarning(text, source), stacklevel=3)
        else:
            warnings.warn(text, StudypackWarning, stacklevel=3)


def worker_count(jobs: list[SectionJob], requested: int | None) -> int:
    """How many processes to use: as asked, else one per core, never more than sections."""
    questions = sum(len(job.plan.questions) for job in jobs)
    if requested is None:
        requested = 1 if questions < MIN_QUESTIONS_FOR_PROCESSES else (os.cpu_count() or 1)
    return max(1, min(requested, len(jobs)))


def render_sections(jobs: list[SectionJob], theme: Theme, *, processes: int | None = None,
                    on_question: Callable[[Question], None] | None = None
                    ) -> list[RenderedBooklet]:
    """Render every section, in one process or several.

    Args:
        jobs: The sections, in pack order.
        theme: The parent's theme (used when rendering in this process).
        processes: Worker processes; None chooses (see ``worker_count``).
        on_question: Progress callback; with workers it is called per finished section.

    Returns:
        The rendered sections, in the order of ``jobs``.
    """
    count = worker_count(jobs, processes)
    if count > 1:
        try:
            return _in_workers(jobs, count, on_question)
        except BrokenProcessPool:
            # Workers could not start here (e.g. no importable __main__); the
            # same output comes from one process, only slower.
            warnings.warn("could not start worker processes; laying out on one core",
                          StudypackWarning, stacklevel=2)
    return [render_document(job.plan, theme, job.options, on_question=on_question)
            for job in jobs]


def _in_workers(jobs: list[SectionJob], count: int,
                on_question: Callable[[Question], None] | None) -> list[RenderedBooklet]:
    # "spawn": a fresh interpreter per worker, safe whatever threads the parent runs.
    with ProcessPoolExecutor(max_workers=count, mp_context=get_context("spawn")) as pool:
        futures = [pool.submit(_render_in_worker, job) for job in jobs]
        results = []
        for job, future in zip(jobs, futures, strict=True):
            rendered, notes = future.result()
            _replay(notes)
            if on_question:
                for question in job.plan.questions:
                    on_question(question)
            results.append(rendered)
    return results
