"""Listing the files below a user's folder: bounded, loop-free, past unreadable folders.

Input: a folder (content/, a layout's folder). Output: the files below it.
Every walk of a user's folders goes through here, because a folder may hold
a link back to itself (a walk following it never ends), a folder we may not
read, or be the wrong folder altogether: ``--content /`` would read the whole
disk, /proc included. Links to folders are followed only where asked (a
layout may keep its templates in a linked folder), and then each folder is
entered once. A walk that meets more folders or entries than any workspace
holds stops with a ``WorkspaceError`` naming the folder.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path

from .errors import StudypackWarning, WorkspaceError, rel

MAX_FOLDERS = 5_000
"""Folders a walk enters before it stops (400 answers in paper folders need about 30)."""
MAX_ENTRIES = 200_000
"""Files and folders a walk lists before it stops."""


class FolderTooBig(WorkspaceError):
    """A walk met more than ``MAX_FOLDERS`` folders or ``MAX_ENTRIES`` entries."""


def _every(_name: str) -> bool:
    return True


def iter_files(top: Path, *, enter: Callable[[str], bool] = _every, follow_links: bool = False,
               unreadable: list[tuple[Path, OSError]] | None = None, what: str = "folder",
               advice: str = "") -> Iterator[Path]:
    """Each non-folder entry below ``top``, in no particular order (as ``iter_entries``)."""
    for entry in iter_entries(top, enter=enter, follow_links=follow_links,
                              unreadable=unreadable, what=what, advice=advice):
        yield Path(entry.path)


def iter_entries(top: Path, *, enter: Callable[[str], bool] = _every,
                 follow_links: bool = False, unreadable: list[tuple[Path, OSError]] | None = None,
                 what: str = "folder", advice: str = "") -> Iterator[os.DirEntry[str]]:
    """Each non-folder entry below ``top`` as ``os.scandir`` gives it, in no particular
    order: a caller that needs only names and ``stat`` makes no ``Path`` a file.

    Args:
        top: The folder to walk.
        enter: Whether to enter a sub-folder, by its name.
        follow_links: Enter links to folders (each folder is entered once).
        unreadable: Collects each folder that could not be listed, with why.
        what: What ``top`` should be, for the message when the walk stops.
        advice: Where such a folder usually is, for that message (", e.g. …").

    Raises:
        FolderTooBig: More than ``MAX_FOLDERS`` folders or ``MAX_ENTRIES`` entries.
    """
    seen: set[tuple[int, int]] = set()
    folders = entries = 0
    stack = [top]
    while stack:
        folder = stack.pop()
        try:
            stat = folder.stat()
            if (stat.st_dev, stat.st_ino) in seen:
                continue  # reached again through a link
            seen.add((stat.st_dev, stat.st_ino))
            listing = os.scandir(folder)
        except OSError as exc:
            if unreadable is not None:
                unreadable.append((folder, exc))
            continue
        folders += 1
        with listing:
            for entry in listing:
                entries += 1
                if folders > MAX_FOLDERS or entries > MAX_ENTRIES:
                    raise FolderTooBig(
                        f"{rel(top)} holds more than {MAX_FOLDERS:,} folders or "
                        f"{MAX_ENTRIES:,} files, so studypack stopped reading it: it does not "
                        f"look like {what}. Name the folder that holds them{advice}.")
                try:
                    is_folder = entry.is_dir(follow_symlinks=follow_links)
                except OSError:
                    is_folder = False
                if not is_folder:
                    yield entry
                elif enter(entry.name):
                    stack.append(Path(entry.path))


def files_below(top: Path, *, enter: Callable[[str], bool] = _every,
                follow_links: bool = False, what: str = "folder", advice: str = ""
                ) -> list[Path]:
    """The non-folder entries below ``top``, sorted; a warning for each unreadable folder.

    Args:
        top: The folder to list.
        enter: As ``iter_files``: whether to go into a sub-folder of this name.
        follow_links: As ``iter_files``.
        what: As ``iter_files``: what the folder is, for messages.
        advice: As ``iter_files``: what to do when it is too big.

    Raises:
        FolderTooBig: As ``iter_files`` (then nothing is warned of).
        WorkspaceError: ``top`` itself cannot be read.
    """
    unreadable: list[tuple[Path, OSError]] = []
    found = sorted(iter_files(top, enter=enter, follow_links=follow_links,
                              unreadable=unreadable, what=what, advice=advice))
    for folder, exc in unreadable:
        reason = (exc.strerror or str(exc)).lower()
        if folder == top:
            raise WorkspaceError(f"{rel(top)} cannot be read: {reason}; allow reading it, or "
                                 "name another folder")
        warnings.warn(f"{rel(folder)} cannot be read: {reason}; the files in it are left "
                      "out (allow reading it, or move it out of the folder)",
                      StudypackWarning, stacklevel=2)
    return found
