"""The one place that knows the order of the stages.

content → select → plan → theme → render → atomic write.
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .content import load_content
from .errors import RenderError, rel
from .model import Question
from .plan import plan_booklet
from .render import render_booklet
from .theme import load_theme


@dataclass(frozen=True)
class BuildResult:
    """What a build produced: output path, page count, questions, seconds taken."""

    path: Path
    pages: int
    questions: int
    seconds: float
    start_pages: dict[str, int]


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` via a temporary file and a rename.

    A failure part-way leaves any earlier file at ``path`` untouched and no
    partial file behind.

    Raises:
        RenderError: The folder cannot be created or written.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    except OSError as exc:
        raise RenderError(f"cannot write to {rel(path.parent)}: {exc.strerror}") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise RenderError(f"cannot write {rel(path)}: {exc.strerror}") from None


def build_booklet(*, content: Path, output: Path, layout: str = "classic",
                  title: str = "Study Pack", subtitle: str = "", edition: str = "",
                  centre: str | None = None, workspace: Path | None = None,
                  on_start: Callable[[int], None] | None = None,
                  on_question: Callable[[Question], None] | None = None) -> BuildResult:
    """Build one booklet from a content folder.

    Args:
        content: Folder of answer YAML files.
        output: PDF path to write (atomically).
        layout: Layout name.
        title, subtitle, edition, centre: Cover text.
        workspace: Folder holding ``layouts/`` and ``fonts/`` (default: content's parent).
        on_start: Called with the number of questions before rendering.
        on_question: Called as each question is laid out.

    Raises:
        WorkspaceError, ContentError, FontError, RenderError.
    """
    started = time.perf_counter()
    workspace = workspace or content.resolve().parent
    questions = load_content(content)
    theme = load_theme(layout, workspace)
    plan = plan_booklet(questions, title=title, subtitle=subtitle, edition=edition,
                        centre=centre)
    if on_start:
        on_start(len(plan.questions))
    rendered = render_booklet(plan, theme, on_question=on_question)
    write_atomically(output, rendered.pdf)
    return BuildResult(output, rendered.pages, len(plan.questions),
                       time.perf_counter() - started, rendered.start_pages)
