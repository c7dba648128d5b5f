"""Pages that say what went wrong: one message, or a problem's lines (file:line field: …)."""

from __future__ import annotations

from flask import render_template

from ..errors import ContentError, StudypackError


def problem(message: str, status: int) -> tuple[str, int]:
    """A page with one message, and its HTTP status."""
    return render_template("problem.html", lines=[message], heading=None), status


def problem_lines(heading: str, exc: StudypackError, status: int) -> tuple[str, int]:
    """A page listing every line of ``exc`` (each problem of a ContentError) under ``heading``."""
    lines = ([str(d) for d in exc.diagnostics] if isinstance(exc, ContentError)
             else [str(exc)])
    return render_template("problem.html", lines=lines, heading=heading), status
