"""Builds started from the workbench: each in a process of its own, a few at a time.

A build runs the same ``build_pack``/``build_handouts`` the command line
runs, in a fresh interpreter ("spawn"): ReportLab is not thread-safe and
Python's warning filters are global, so a build never shares the server's
process. A bounded pool of supervisor threads starts them, so the pages stay
responsive while a 400-answer pack is laid out and two staff building the
same pack each get their own file (every job has its own folder).
"""

from __future__ import annotations

import contextlib
import itertools
import secrets
import shutil
import threading
import time
import warnings
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from queue import Empty
from typing import Any

KEPT_JOBS = 30
"""Finished jobs whose files stay on disk; older ones are removed as new ones start."""


@dataclass(frozen=True)
class JobSpec:
    """What one build job makes.

    Attributes:
        kind: "pack" (a pack file's PDF) or "handout" (one answer's handout).
        workspace, content: The workspace and its content folder.
        folder: The job's own folder (its PDF and preview images go there).
        pdf_name: File name of the PDF inside ``folder``.
        pack_text: The pack file's text, for "pack".
        answer_id: The answer, for "handout".
        preview: Also render the cover, contents and first answer page as PNG.
        source: For "import": a file name in ``folder``, or a page's address.
        options: For "import": the overrides (exam, paper, year, number, marks).
    """

    kind: str
    workspace: Path
    content: Path
    folder: Path
    pdf_name: str
    pack_text: str = ""
    answer_id: str = ""
    preview: bool = False
    source: str = ""
    options: tuple[tuple[str, object], ...] = ()


@dataclass
class Job:
    """A job's state, as the progress page shows it (updated by its supervisor thread)."""

    id: str
    title: str
    spec: JobSpec
    state: str = "queued"
    done: int = 0
    total: int = 0
    pages: int = 0
    lines: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    images: list[str] = field(default_factory=list)
    result: Any = None
    """An import's answers; a pack build's imposed file name (or None)."""
    finished: threading.Event = field(default_factory=threading.Event)

    @property
    def pdf(self) -> Path | None:
        """The PDF written, once the job is done."""
        return self.spec.folder / self.spec.pdf_name if self.state == "done" else None

    @property
    def sheets(self) -> Path | None:
        """The PDF imposed for printing (a folded booklet or 2-up), if the pack asked."""
        done = self.state == "done" and self.spec.kind == "pack" and self.result
        return self.spec.folder / str(self.result) if done else None


class Builds:
    """The server's build jobs: started, followed and looked up by id."""

    def __init__(self, root: Path, *, workers: int = 2) -> None:
        self.root = root
        self._jobs: dict[str, Job] = {}
        self._order = itertools.count()
        self._lock = threading.Lock()
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="build")
        self._clear_stale()

    def _clear_stale(self) -> None:
        # Jobs of servers stopped earlier: an hour is past any download link's use,
        # and another server of the same workspace keeps its recent jobs.
        if not self.root.is_dir():
            return
        cutoff = time.time() - 3600
        for folder in self.root.iterdir():
            with contextlib.suppress(OSError):
                if folder.is_dir() and folder.stat().st_mtime < cutoff:
                    shutil.rmtree(folder, ignore_errors=True)

    def start(self, title: str, spec_for: Any) -> Job:
        """Queue a job; ``spec_for(folder)`` gives its spec once its folder is known."""
        job_id = f"{next(self._order):04d}-{secrets.token_hex(4)}"
        folder = self.root / job_id
        spec: JobSpec = spec_for(folder)
        job = Job(job_id, title, spec)
        with self._lock:
            self._jobs[job_id] = job
            self._forget_old()
        self._pool.submit(self._supervise, job)
        return job

    def get(self, job_id: str) -> Job | None:
        """The job with ``job_id``, or None (ids are looked up, never used as paths)."""
        with self._lock:
            return self._jobs.get(job_id)

    def shutdown(self) -> None:
        """Stop taking jobs; wait for running ones."""
        self._pool.shutdown(wait=True, cancel_futures=True)

    def _forget_old(self) -> None:
        finished = [j for j in self._jobs.values() if j.finished.is_set()]
        for job in finished[:max(0, len(finished) - KEPT_JOBS)]:
            del self._jobs[job.id]
            shutil.rmtree(job.spec.folder, ignore_errors=True)

    def _supervise(self, job: Job) -> None:
        ctx = get_context("spawn")
        queue = ctx.Queue()
        job.spec.folder.mkdir(parents=True, exist_ok=True)
        job.state = "running"
        process = ctx.Process(target=run_job, args=(job.spec, queue), daemon=False)
        process.start()
        try:
            while True:
                try:
                    message = queue.get(timeout=0.2)
                except Empty:
                    if not process.is_alive():
                        self._ended(job, process.exitcode)
                        return
                    continue
                if self._take(job, message):
                    return
        finally:
            process.join(timeout=30)
            job.finished.set()

    @staticmethod
    def _take(job: Job, message: tuple[Any, ...]) -> bool:
        kind = message[0]
        if kind == "start":
            job.total = int(message[1])
        elif kind == "step":
            job.done += 1
        elif kind == "done":
            job.pages, job.images, job.warnings, job.result = message[1:5]
            job.state = "done"
            return True
        elif kind == "failed":
            job.lines, job.warnings = message[1], message[2]
            job.state = "failed"
            return True
        return False

    @staticmethod
    def _ended(job: Job, code: int | None) -> None:
        job.state = "failed"
        job.lines = [f"The build stopped without a word (exit code {code}). This is a bug in "
                     "studypack; 'studypack pack' on the saved pack file shows more."]


def run_job(spec: JobSpec, queue: Any) -> None:
    """The body of a job's process: build, then report to ``queue`` (never raises)."""
    from ..errors import ContentError, StudypackError, StudypackWarning

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", StudypackWarning)
        try:
            pages, images, result = _run(spec, queue)
        except ContentError as exc:
            queue.put(("failed", [str(d) for d in exc.diagnostics], _texts(caught)))
        except StudypackError as exc:
            queue.put(("failed", [str(exc)], _texts(caught)))
        except Exception as exc:
            queue.put(("failed", [f"internal error: {type(exc).__name__}: {exc}. This is a "
                                  "bug in studypack; please report it."], _texts(caught)))
        else:
            queue.put(("done", pages, images, _texts(caught), result))


def _texts(caught: list[warnings.WarningMessage]) -> list[str]:
    from ..errors import StudypackWarning

    return list(dict.fromkeys(str(w.message) for w in caught
                              if issubclass(w.category, StudypackWarning)))


def _run(spec: JobSpec, queue: Any) -> tuple[int, list[str], Any]:
    if spec.kind == "import":
        return 0, [], _import(spec)
    return _build(spec, queue)


def _import(spec: JobSpec) -> Any:
    from ..content.importing import Options, import_address, import_file, is_address

    options = Options(**dict(spec.options))  # type: ignore[arg-type]
    if is_address(spec.source):
        return import_address(spec.source, options)
    return import_file(spec.folder / spec.source, options)


def _build(spec: JobSpec, queue: Any) -> tuple[int, list[str], str | None]:
    from ..build import build_handouts, build_pack, impose_file
    from ..content.brand import load_brand

    target = spec.folder / spec.pdf_name
    cache = spec.workspace / "out" / ".cache"
    if spec.kind == "handout":
        results = build_handouts(content=spec.content, workspace=spec.workspace,
                                 out_dir=spec.folder, ids=[spec.answer_id], layout="handout",
                                 brand=load_brand(spec.workspace), target=target,
                                 cache_dir=cache, processes=1)
        return results[0].pages, [], None
    pack_file = spec.folder / "pack.yaml"
    pack_file.write_text(spec.pack_text, encoding="utf-8")
    result = build_pack(pack=pack_file, content=spec.content, workspace=spec.workspace,
                        output=target, cache_dir=cache,
                        on_start=lambda n: queue.put(("start", n)),
                        on_question=lambda _q: queue.put(("step",)))
    sheets = None
    if result.impose:
        sheets = f"{target.stem}-{result.impose}.pdf"
        impose_file(target, spec.folder / sheets, kind=result.impose)
    first = min(result.start_pages.values(), default=1) if result.front_matter else None
    images = preview_pages(target, first, spec.folder) if spec.preview else []
    return result.pages, images, sheets


def preview_pages(pdf: Path, first_answer: int | None, folder: Path) -> list[str]:
    """Cover, contents and first answer page of ``pdf`` as PNG files in ``folder``; a PDF
    without front matter (``first_answer`` None: a worksheet, cards) shows its first two
    pages.

    Returns:
        The PNG file names, in page order.
    """
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    try:
        wanted = _front_pages(document, first_answer) if first_answer else [0, 1]
        names = []
        for i in dict.fromkeys(i for i in wanted if 0 <= i < len(document)):
            image = document[i].render(scale=110 / 72).to_pil()
            name = f"page-{i + 1}.png"
            image.save(folder / name, format="PNG")
            names.append(name)
        return names
    finally:
        document.close()


def _front_pages(document: Any, first_answer: int) -> list[int]:
    """The cover, the contents and the first answer page (0-based)."""
    wanted = [0]
    # The contents: the first page after the cover with text on it (a
    # two-sided pack leaves the cover's back blank).
    for i in range(1, min(first_answer - 1, len(document))):
        text = document[i].get_textpage().get_text_range().strip()
        # A two-sided pack's blank versos say so; the contents follow.
        if text and "intentionally left blank" not in text:
            wanted.append(i)
            break
    wanted.append(first_answer - 1)
    return wanted

