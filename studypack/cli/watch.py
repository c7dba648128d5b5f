"""Build again each time a file the build reads changes (``pack --watch``, ``build --watch``).

A rebuild in a watching process skips what every fresh run pays before its
first page: starting Python and importing the libraries (about 0.4 s),
parsing the theme's fonts (0.1 s) and reading the cached answer records
(0.05 s). With the render cache, an edit to one answer of a 400-answer pack
is then laid out and merged in about 0.75 s, against 1.7 s for a fresh run
(``bench/bench_pack.py``, "watch" and "edit"). What the process keeps is
keyed by the state of the files it came from (fonts, SVG logos, answer
records), so the PDF is byte for byte what a fresh build of the same files
gives.

What is watched, and how a change is judged, is in ``watch_inputs``.
File events come from watchfiles (inotify, FSEvents or
ReadDirectoryChangesW, through the Rust ``notify`` crate); where those do
not reach, such as some network drives and containers, setting
``WATCHFILES_FORCE_POLLING=1`` makes it poll instead.
"""

from __future__ import annotations

import ctypes
import gc
import queue
import sys
import threading
from collections.abc import Callable
from contextlib import suppress
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from ..plan.inputs import BuildInputs

if TYPE_CHECKING:
    from typing_extensions import Self

IDLE = threading.Event()
"""Set while watching, except while a build runs: stopping then loses no work."""

def watch_pack(inputs: Callable[[], BuildInputs], rebuild: Callable[[list[Path]], None], *,
               first: Callable[[], None] | None = None,
               ready: Callable[[], None] | None = None,
               stop: threading.Event | None = None) -> None:
    """Run ``first()``, then ``rebuild(changed paths)`` after each change to an ``inputs()`` path.

    The watchers start before ``first`` runs, and a snapshot of file states
    taken before each build is compared after it, so a save made while a
    build runs, or before a new watcher is listening, starts the next build.
    ``ready`` is called once ``first`` is done. ``inputs()`` is asked again
    after each build and what it names is added to what is watched (never
    taken away: a pack file that cannot be read for a moment must not lose
    its included PDFs). Runs until ``stop`` is set or the process is
    stopped; ``IDLE`` is set except while a build runs.

    Raises:
        Whatever ``first`` or ``rebuild`` raises (they should report their
        own errors and return).
    """
    stop = stop or threading.Event()
    watched = inputs()
    with _Watchers() as watchers:
        watchers.follow(watched)
        seen = watched.snapshot()
        pending: set[Path] = set()

        def build(run: Callable[[], None]) -> set[Path]:
            nonlocal watched
            IDLE.clear()  # only while a build may be writing
            try:
                run()
            finally:
                IDLE.set()
            settle_between_builds()
            watched = watched | inputs()
            watchers.follow(watched)
            return seen.changed(watched.snapshot())

        try:
            if first is not None:
                pending = build(first)
            IDLE.set()
            if ready is not None:
                ready()
            while not stop.is_set():
                if not pending:
                    try:
                        pending = watchers.changes.get(timeout=0.2)
                    except queue.Empty:
                        continue
                paths = watchers.drain(pending)
                pending = set()
                changed = sorted(p for p in paths if watched.reads(p, seen.folders)
                                 or watchers.leads_to_file(p))
                if not changed:
                    continue
                seen = watched.snapshot()
                pending = build(partial(rebuild, changed))
        finally:
            IDLE.clear()


def settle_between_builds() -> None:
    """Free what the last build left, and give freed heap back to the system (glibc only)."""
    # A build's peak is mostly freed at its end, but glibc keeps the freed
    # heap: a watcher of the 400-answer bench pack then sat at 161 MB between
    # builds; returned, at 97 MB (and its later peaks were 7 MB lower).
    gc.collect()
    if sys.platform.startswith("linux"):
        with suppress(OSError, AttributeError):  # not glibc (musl): nothing to return
            ctypes.CDLL(None).malloc_trim(0)


class _Watchers:
    """watchfiles watchers, each in a thread of its own, feeding one queue.

    watchfiles takes one ``recursive`` setting per watcher: the content,
    layouts and fonts folders are watched with their sub-folders, the
    folders of single files (the workspace itself, for brand.yaml) without
    theirs, so that a virtual environment or ``out/`` inside the workspace
    is not walked. A file whose folder does not exist yet is watched through
    the nearest folder that does. Switching to new watchers keeps the queue,
    and the old ones run until the new ones have started.
    """

    def __init__(self) -> None:
        self.changes: queue.Queue[set[Path]] = queue.Queue()
        self.running: dict[tuple[tuple[Path, ...], bool], tuple[threading.Thread,
                                                                 threading.Event]] = {}
        self.unborn: frozenset[Path] = frozenset()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_: object) -> None:
        for key in list(self.running):
            self._close(key)

    def follow(self, watched: BuildInputs) -> bool:
        """Watch what ``watched`` names; True when the watchers changed."""
        deep = tuple(sorted(p for p in {watched.content, *watched.folders} if p.is_dir()))
        flat = tuple(sorted(
            {folder for folder in map(_existing_folder, watched.files)
             if not any(folder.is_relative_to(d) for d in deep)}))
        # Files watched through a folder above their own, which does not exist yet.
        self.unborn = frozenset(f for f in watched.files if not f.parent.is_dir())
        wanted = {(paths, recursive) for paths, recursive in ((deep, True), (flat, False))
                  if paths}
        if wanted == set(self.running):
            return False
        for key in wanted - set(self.running):
            stop = threading.Event()
            thread = threading.Thread(target=self._run, args=(*key, stop), daemon=True)
            thread.start()
            self.running[key] = (thread, stop)
        for key in set(self.running) - wanted:
            self._close(key)
        return True

    def leads_to_file(self, path: Path) -> bool:
        """Whether ``path`` is a folder on the way to a file whose folder did not exist.

        Its appearance means the watchers must follow (after a rebuild), and
        the file may be in it already.
        """
        return any(f.is_relative_to(path) for f in self.unborn)

    def drain(self, first: set[Path]) -> set[Path]:
        """``first`` and every change queued since."""
        paths = set(first)
        while True:
            try:
                paths |= self.changes.get_nowait()
            except queue.Empty:
                return paths

    def _close(self, key: tuple[tuple[Path, ...], bool]) -> None:
        thread, stop = self.running.pop(key)
        stop.set()
        thread.join()

    def _run(self, paths: tuple[Path, ...], recursive: bool, stop: threading.Event) -> None:
        from watchfiles import Change, watch

        # step: changes are passed on 50 ms after the last one, so that an
        # editor's save (write, rename) or a copied folder is one rebuild.
        for batch in watch(*paths, recursive=recursive, stop_event=stop,
                           raise_interrupt=False, rust_timeout=200, debounce=1600, step=50,
                           watch_filter=None):
            # A path that came and went within the batch (an editor's or sed's
            # temporary file, vim's "4913" probe) changed nothing.
            fleeting = {path for change, path in batch
                        if change == Change.added and not Path(path).exists()}
            changed = {Path(path).resolve() for _, path in batch if path not in fleeting}
            if changed:
                self.changes.put(changed)


def _existing_folder(path: Path) -> Path:
    folder = path.parent
    while not folder.is_dir() and folder != folder.parent:
        folder = folder.parent
    return folder
