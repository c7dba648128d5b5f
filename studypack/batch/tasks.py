"""The two kinds of job a batch runs, each a plain function a worker process (local or
on a Dask cluster) imports and calls: lay out a group's shared pack, and make one
student's copy of it.

Jobs carry paths, not file contents: a worker reads the workspace and writes the
copies where the batch says (on a cluster, a folder every machine sees at the same
path; docs/batches.md). Each returns an ``Outcome`` rather than raising, so a
failure travels back as a message and one student's problem never stops the rest.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..digests import file_sha256
from ..errors import ContentError, StudypackError, StudypackWarning
from ..model import PageBox, StudentLines
from ..plan.resolve import BuildRequest
from ..theme import Theme


@dataclass(frozen=True)
class SharedPdf:
    """A group's laid-out pack, and what a copy needs to know of it.

    Attributes:
        path: The PDF.
        pages: Its page count.
        duplex, front_matter, full_width: As it was laid out (see ``BuildResult``).
        layout, workspace, accent: How a worker loads its theme.
        reused: (parts taken from the cache, parts looked up) in laying it out.
    """

    path: Path
    pages: int
    duplex: bool
    front_matter: bool
    full_width: bool
    layout: str
    workspace: str | None
    accent: str | None
    reused: tuple[int, int] = (0, 0)


@dataclass(frozen=True)
class CopyJob:
    """One student's copy: the shared pack, the student's lines, the file to write."""

    shared: SharedPdf
    lines: StudentLines
    target: Path


@dataclass(frozen=True)
class CopyMade:
    """A copy written: its pages, size and SHA-256 (as ``sha256sum`` prints it)."""

    pages: int
    size: int
    sha256: str


@dataclass(frozen=True)
class Outcome:
    """What a job gave: its value, or the problem that stopped it; the warnings it raised."""

    value: Any = None
    problem: str = ""
    warnings: tuple[str, ...] = ()


def _run(job: Any) -> Outcome:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", StudypackWarning)
        try:
            value = job()
        except ContentError as exc:
            problem = "; ".join(str(d) for d in exc.diagnostics)
        except StudypackError as exc:
            problem = str(exc)
        except OSError as exc:
            problem = f"{exc.strerror or exc}: {exc.filename or ''}".rstrip(": ")
        except Exception as exc:  # a bug: reported for this job, the others go on
            problem = f"internal error: {type(exc).__name__}: {exc}"
        else:
            problem = ""
    said = tuple(dict.fromkeys(str(w.message) for w in caught
                               if issubclass(w.category, StudypackWarning)))
    return Outcome(None, problem, said) if problem else Outcome(value, "", said)


def build_shared(request: BuildRequest) -> Outcome:
    """Lay out one group's pack (the pack with the group's selection change)."""
    from ..build import run_build

    def job() -> SharedPdf:
        result = run_build(request)
        return SharedPdf(result.path, result.pages, result.duplex, result.front_matter,
                         result.full_width, result.layout,
                         str(request.workspace), result.brand.accent,
                         result.reused or (0, 0))
    return _run(job)


def make_copy(job: CopyJob) -> Outcome:
    """Write one student's copy: the shared pack with their lines laid over it."""
    return _run(lambda: _copy(job))


def _copy(job: CopyJob) -> CopyMade:
    from ..assemble.student import stamp_copy
    from ..build import refuse_to_replace
    from ..output import PendingFile
    from ..render.student import render_student_stamps

    shared = job.shared
    theme = _theme(shared.layout, shared.workspace, shared.accent, shared.full_width)
    stat = shared.path.stat()
    boxes = _boxes(shared.path, stat.st_mtime_ns, stat.st_size, theme.page_size)
    stamps = render_student_stamps(theme, job.lines, boxes, duplex=shared.duplex,
                                   cover=shared.front_matter)
    refuse_to_replace(job.target)
    pending = PendingFile(job.target)
    try:
        pages = stamp_copy(shared.path, stamps, boxes, pending.file)
        pending.commit()
    finally:
        pending.discard()
    return CopyMade(pages, job.target.stat().st_size, file_sha256(job.target))


@lru_cache(maxsize=4)
def _theme(layout: str, workspace: str | None, accent: str | None, full_width: bool) -> Theme:
    # A worker makes many copies of one pack: its layout and fonts are loaded once.
    from ..theme import load_theme, margin_to_margin, with_accent

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", StudypackWarning)  # the batch raised them once
        theme = with_accent(load_theme(layout, Path(workspace) if workspace else None), accent)
    return margin_to_margin(theme) if full_width else theme


@lru_cache(maxsize=8)
def _boxes(path: Path, _mtime_ns: int, _size: int, size: tuple[float, float]
           ) -> tuple[PageBox | None, ...]:
    from ..assemble.student import page_boxes

    return page_boxes(path, size)
