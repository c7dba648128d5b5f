"""Output stage: finished PDF bytes → a file, and the warning policy around it.

A build's warnings are collected here; with ``--strict`` they fail the build
before anything is written, and a write never leaves a partial file behind.
"""

from __future__ import annotations

import errno
import glob
import io
import logging
import os
import shutil
import tempfile
import time
import warnings
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import BinaryIO, cast

from .errors import (
    MissingGlyphWarning,
    RenderError,
    StrictError,
    StudypackError,
    StudypackWarning,
    rel,
)


@contextmanager
def warnings_checked(strict: bool) -> Iterator[None]:
    """Collect the warnings of a render; with ``strict``, fail before anything is written.

    Missing-glyph warnings are folded into one line, and pypdf's log messages
    (about damaged included files it could still read) become warnings too.

    Raises:
        StrictError: ``strict`` and at least one warning.
    """
    records: list[str] = []

    class _ToList(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(f"pypdf: {record.getMessage()}")
    handler = _ToList(logging.WARNING)
    pypdf_log = logging.getLogger("pypdf")
    pypdf_log.addHandler(handler)
    caught: list[warnings.WarningMessage] = []
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", StudypackWarning)
            yield
    except StudypackError:
        # A build that stops still shows what it warned of before (a draft left out
        # is often why there is nothing to build).
        for message in dict.fromkeys(str(w.message) for w in caught
                                     if issubclass(w.category, StudypackWarning)):
            warnings.warn(message, StudypackWarning, stacklevel=3)
        raise
    finally:
        pypdf_log.removeHandler(handler)
    missing: dict[str, set[str]] = {}
    for w in caught:
        if isinstance(w.message, MissingGlyphWarning):
            missing.setdefault(w.message.source, set()).add(w.message.char)
    messages = list(dict.fromkeys(str(w.message) for w in caught
                                  if issubclass(w.category, StudypackWarning)
                                  and not isinstance(w.message, MissingGlyphWarning)))
    for source, chars in sorted(missing.items()):
        glyphs = sorted(chars)
        where = f"{source}: " if source else ""
        messages.append(f"{where}no configured font has {' '.join(glyphs)} "
                        f"({', '.join(f'U+{ord(c):04X}' for c in glyphs)}); printed as a "
                        "replacement mark: add a font that has them to the layout's "
                        "fallback list ('studypack check' shows the lines)")
    messages += list(dict.fromkeys(records))
    if strict and messages:
        raise StrictError("--strict: nothing was written, because of these warnings:\n  "
                          + "\n  ".join(messages))
    for message in messages:
        warnings.warn(message, StudypackWarning, stacklevel=3)


class PendingFile:
    """A file written beside ``path`` under a temporary name, put in place by ``commit``.

    Lets a large PDF be written as it is made, with no copy of it held in
    memory, while keeping the promise of ``write_atomically``: until
    ``commit``, any earlier file at ``path`` is untouched, and ``discard``
    (safe to call always, e.g. in a ``finally``) leaves nothing behind.

    Raises:
        RenderError: The path is a link, a folder or a device, or cannot be written.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.target = path
        problem = link_problem(path)
        if problem:
            raise RenderError(problem)
        if self.target.exists() and not self.target.is_file():
            raise RenderError(f"{rel(path)} is not a regular file; choose a file name for "
                              "the PDF")
        blocking = next((p for p in self.target.parents if p.exists() and not p.is_dir()),
                        None)
        if blocking is not None:
            raise RenderError(f"{rel(blocking)} is a file, so {rel(path)} cannot be written "
                              "inside it; choose another output path")
        # Folders made for the file are removed again if it is discarded.
        self.made = [p for p in self.target.parents if not p.exists()]
        try:
            self.target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{self.target.name}.", suffix=".part",
                                       dir=self.target.parent)
        except OSError as exc:
            raise RenderError(f"cannot write to {rel(self.target.parent)}: "
                              f"{exc.strerror}") from None
        self.temporary = Path(tmp)
        self.guard = GuardedWriter(os.fdopen(fd, "wb"))
        # Buffered in C: qpdf writes a large pack in some 300,000 small
        # pieces, each a Python call on the guard alone (0.14 s for 1,215 pages).
        self.file = cast("BinaryIO", io.BufferedWriter(self.guard, buffer_size=1 << 20))
        _OPEN.add(self)
        _remove_stale_parts(self.target)

    def commit(self) -> None:
        """Close the file and put it at ``path``, with the old file's permissions if any."""
        self.made = []
        try:
            self.file.close()  # flushes into the guard, which closes the file
            if self.guard.error:
                raise self.guard.error
            self.temporary.chmod(self.target.stat().st_mode & 0o777
                                 if self.target.exists() else 0o666 & ~_umask())
            self.temporary.replace(self.target)
        except OSError as exc:
            self.discard()
            raise RenderError(write_failure(self.path, exc)) from None
        # Only now: a signal while the file was flushed and renamed (a large
        # PDF's last megabyte) must still find it, to remove it.
        _OPEN.discard(self)

    def discard(self) -> None:
        """Close and remove the temporary file and the folders made for it (none once committed)."""
        _OPEN.discard(self)
        # The file first: what is still buffered is not worth writing, and a
        # signal may arrive while a buffer is in use (then closing it fails with
        # "reentrant call"): the file is removed all the same.
        with suppress(OSError, ValueError, RuntimeError):
            self.guard.close()
        with suppress(OSError, ValueError, RuntimeError):
            self.file.close()
        self.temporary.unlink(missing_ok=True)
        for folder in self.made:  # deepest first
            try:
                folder.rmdir()
            except OSError:
                break  # not empty (another build wrote there meanwhile): leave it


def link_problem(path: Path) -> str | None:
    """Why ``path`` may not be written as an output, if it is a symbolic link."""
    if not path.is_symlink():
        return None
    # Replacing what it points to would overwrite a file studypack never
    # meant to write (an answer, studypack.yaml); replacing the link would
    # surprise whoever made it. Either way the user should choose.
    return (f"{rel(path)} is a symbolic link (to {path.readlink()}); studypack never "
            "writes through a link, so nothing was written: remove the link or choose "
            "another output path")


class GuardedWriter(io.RawIOBase):
    """A file that keeps its first write error instead of raising it.

    qpdf (through pikepdf) cannot take an exception from the file it writes
    to while it makes a deterministic /ID: the process aborts, leaving the
    temporary file. Writes after an error are dropped, and ``PendingFile``
    raises the error once the writer is done.
    """

    def __init__(self, file: BinaryIO) -> None:
        super().__init__()
        self.raw = file
        self.error: OSError | None = None

    def writable(self) -> bool:
        """Always True: a write after an error is dropped, not refused."""
        return True

    def write(self, data: bytes | bytearray | memoryview) -> int:  # type: ignore[override]
        """Write ``data`` unless an error came before; keep the first error. Returns its length."""
        if self.error is None:
            try:
                self.raw.write(data)
            except OSError as exc:
                self.error = exc
        return len(data)

    def flush(self) -> None:
        """Flush the file unless an error came before; keep the first error."""
        if self.error is None and not self.raw.closed:
            try:
                self.raw.flush()
            except OSError as exc:
                self.error = exc

    def close(self) -> None:
        """Flush and close the file; keep the first error."""
        if not self.raw.closed:
            try:
                self.flush()
            finally:  # even when a signal left the file's buffer in use
                try:
                    self.raw.close()
                except OSError as exc:
                    self.error = self.error or exc
        super().close()


def write_failure(path: Path, exc: OSError) -> str:
    """What to tell the user when ``path`` could not be written, in plain words."""
    folder = rel(path.parent)
    reason, advice = {
        errno.ENOSPC: (f"the disk is full (no space left in {folder})",
                       "free some space and build again"),
        errno.EDQUOT: ("your disk quota is used up", "free some space and build again"),
        errno.EFBIG: ("the file is larger than this system lets a program write",
                      "raise the file size limit (ulimit -f) or write a smaller pack"),
        errno.EROFS: (f"{folder} is on a read-only disk", "choose another output path"),
    }.get(exc.errno or 0, (exc.strerror or str(exc), "check the folder and build again"))
    return f"cannot write {rel(path)}: {reason}; nothing was written: {advice}"


_OPEN: set[PendingFile] = set()
"""Files being written now, for ``discard_all`` when the process is stopped."""


_WORKERS_WRITE_IN: set[Path] = set()
"""Folders worker processes write into, each file through its own ``PendingFile``."""
_TEMPORARY: set[Path] = set()
"""Folders of intermediate files, removed whole when the process is stopped."""


def discard_all() -> None:
    """Remove every file being written now (for a process that is about to be stopped,
    whose workers are stopped already): this process's own, the ``.part`` files its
    workers left in the folders they write into, and its temporary folders.
    """
    for pending in list(_OPEN):
        with suppress(OSError):
            pending.discard()
    for folder in list(_WORKERS_WRITE_IN):
        for part in folder.glob(".*.part"):
            with suppress(OSError):
                part.unlink()
    for folder in list(_TEMPORARY):
        shutil.rmtree(folder, ignore_errors=True)


def on_stop(*, workers_write_in: Path | None = None, temporary: Path | None = None,
            forget: bool = False) -> None:
    """Tell ``discard_all`` of a folder workers write into, or of a temporary folder
    (or, with ``forget``, that it is done with them).
    """
    for registry, path in ((_WORKERS_WRITE_IN, workers_write_in), (_TEMPORARY, temporary)):
        if path is not None:
            (registry.discard if forget else registry.add)(path)


STALE_SECONDS = 3600
"""A ``.part`` file older than this is no build's write in progress."""


def _remove_stale_parts(target: Path) -> None:
    # Left by a build killed outright (SIGKILL, a power cut): nothing else removes them.
    cutoff = time.time() - STALE_SECONDS
    for part in target.parent.glob(f".{glob.escape(target.name)}.*.part"):
        with suppress(OSError):  # gone meanwhile, or not ours to remove
            if part.stat().st_mtime < cutoff:
                part.unlink()


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` via a temporary file and a rename.

    A failure part-way leaves any earlier file at ``path`` untouched and no
    partial file behind. A path that is a symbolic link is refused; the new
    file gets the old file's permissions, or the usual ones for a new file.

    Raises:
        RenderError: The path is a link, a folder or a device, or cannot be written.
    """
    pending = PendingFile(path)
    try:
        pending.file.write(data)
        pending.commit()
    finally:
        pending.discard()


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
