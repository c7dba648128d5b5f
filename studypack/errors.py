"""One error tree and one way of saying where a problem is.

Policy (after pypdf's): raise when the caller cannot go on; emit a warning
(``StudypackWarning``) when we recovered; ``--strict`` turns warnings into a
failing exit. Only ``cli.py`` turns errors into exit codes.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One problem at one place in a user's file.

    Attributes:
        path: The file the problem is in.
        line: 1-based line, or 0 when the whole file is meant.
        col: 1-based column, or 0 when unknown.
        key: Dotted field path such as ``points[2].heading`` ("" for the file).
        message: What is wrong and what to do about it.
    """

    path: str
    line: int
    col: int
    key: str
    message: str

    def __str__(self) -> str:
        where = self.path
        if self.line:
            where += f":{self.line}"
            if self.col:
                where += f":{self.col}"
        field = f" {self.key}:" if self.key else ""
        return f"{where}{field} {self.message}"


class StudypackError(Exception):
    """Base of every error studypack raises on purpose."""


class ContentError(StudypackError):
    """Content or layout files have problems; carries all of them at once."""

    def __init__(self, diagnostics: list[Diagnostic] | tuple[Diagnostic, ...]) -> None:
        self.diagnostics = tuple(sorted(diagnostics))
        super().__init__("\n".join(str(d) for d in self.diagnostics))


class WorkspaceError(StudypackError):
    """A folder or file the command needs is missing or of the wrong kind."""


class FontError(StudypackError):
    """A font named by a layout cannot be found or cannot be used."""


class RenderError(StudypackError):
    """The PDF could not be written (nothing is left at the output path)."""


class StudypackWarning(UserWarning):
    """Something was wrong but studypack recovered (``--strict`` makes it fail)."""


def rel(path: Path) -> str:
    """Return ``path`` relative to the working directory when it lies below it."""
    try:
        # The last part is kept as named: a link is shown as the link, not as
        # the file it points to.
        here = str(Path.cwd())
        shown = (path.resolve() if path.name in ("", "..") else
                 _resolved(here, str(path.parent)) / path.name)
        return str(shown.relative_to(_resolved(here, ".")))
    except ValueError:
        return str(path)


@lru_cache(maxsize=64)
def _resolved(here: str, folder: str) -> Path:
    # Keyed by the working directory too, so a change of directory is seen.
    # The answers of a content folder share a few folders, and resolving each
    # file's folder afresh took 30 ms of every build of 400.
    return (Path(here) / folder).resolve()


class StrictError(StudypackError):
    """``--strict`` was given and the build produced warnings; nothing was written."""


class MissingGlyphWarning(StudypackWarning):
    """No configured font has a character; it was printed as a replacement mark."""

    def __init__(self, char: str, source: str = "") -> None:
        where = f"{source}: " if source else ""
        super().__init__(f"{where}no configured font has {char!r} (U+{ord(char):04X})")
        self.char = char
        self.source = source
