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

File events come from watchfiles (inotify, FSEvents or
ReadDirectoryChangesW, through the Rust ``notify`` crate); where those do
not reach, such as some network drives and containers, setting
``WATCHFILES_FORCE_POLLING=1`` makes it poll instead.
"""

from __future__ import annotations

import ctypes
import gc
import os
import queue
import sys
import threading
from collections.abc import Callable, Iterable
from contextlib import suppress
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .content import SKIPPED_FOLDERS, is_answer_path
from .errors import StudypackError

if TYPE_CHECKING:
    from typing_extensions import Self

IDLE = threading.Event()
"""Set while watching, except while a build runs: stopping then loses no work."""

WORKSPACE_FOLDERS = ("layouts", "fonts")
"""Workspace folders watched whole: a layout or font there may be named at any time."""


@dataclass(frozen=True)
class BuildInputs:
    """What a build reads, for watching.

    Attributes:
        content: The answer folder (its answer files; see ``is_answer_path``).
        folders: Further folders whose every file counts (layouts, fonts).
        files: Single files: the pack file (or studypack.yaml), brand.yaml,
            included PDFs, the logo. Absolute paths; they need not exist.
    """

    content: Path
    folders: frozenset[Path]
    files: frozenset[Path]

    def __or__(self, other: BuildInputs) -> BuildInputs:
        # ``other`` is the newer: its content folder is the one read now.
        return BuildInputs(other.content, self.folders | other.folders, self.files | other.files)

    def reads(self, path: Path, folders_before: frozenset[Path] = frozenset()) -> bool:
        """Whether a change at ``path`` (absolute) can change the build.

        ``folders_before`` are the content's sub-folders as last seen: one of
        them gone (moved out whole) counts, any other path gone does not.
        """
        if path in self.files:
            return True
        if path.is_relative_to(self.content):
            if is_answer_path(path, self.content):
                return True
            # A folder moved or renamed as a whole is reported as the folder
            # alone; the answer files in it come or go with it.
            return (_visible(path, self.content, SKIPPED_FOLDERS)
                    and (path.is_dir() or path in folders_before))
        return any(path.is_relative_to(folder) and not path.name.startswith(".")
                   for folder in self.folders)

    def snapshot(self) -> Snapshot:
        """The state of everything watched, to tell later what changed unseen."""
        files: set[Path] = set(self.files)
        folders: set[Path] = set()
        for top in (self.content, *self.folders):
            skipped = SKIPPED_FOLDERS if top == self.content else ()
            for root, dirs, names in os.walk(top):
                here = Path(root)
                dirs[:] = [d for d in dirs if _visible(here / d, top, skipped)]
                if top == self.content:
                    folders |= {here / d for d in dirs}
                    files |= {here / n for n in names if is_answer_path(here / n, top)}
                else:
                    files |= {here / n for n in names}
        return Snapshot(_states(files), frozenset(folders))


def _visible(path: Path, top: Path, skipped: tuple[str, ...]) -> bool:
    return not any(part.startswith(".") or part in skipped
                   for part in path.relative_to(top).parts)


@dataclass(frozen=True)
class Snapshot:
    """File → (modification time ns, size), or None when absent; the content's folders."""

    states: dict[Path, tuple[int, int] | None]
    folders: frozenset[Path]

    def changed(self, now: Snapshot) -> set[Path]:
        """Paths whose state differs in ``now`` (new, gone or modified), folders included."""
        paths = {p for p in self.states.keys() | now.states.keys()
                 if self.states.get(p) != now.states.get(p)}
        return paths | (self.folders ^ now.folders)


def pack_inputs(pack: Path, content: Path, workspace: Path) -> BuildInputs:
    """The files and folders a build of ``pack`` reads, as far as they can be known now.

    Paths are read from the pack file and brand.yaml as plain YAML, not
    checked: a file with problems still names what it uses, and the build
    reports the problems. Never raises.
    """
    spec = _plain_yaml(pack)
    files = {pack.resolve()}
    for entry in spec.get("include") or ():
        if isinstance(entry, dict) and isinstance(entry.get("file"), str):
            files.add((workspace / entry["file"]).resolve())
    logo = _mapping(spec.get("brand")).get("logo")
    if isinstance(logo, str) and logo:
        files.add((workspace / logo).resolve())
    layout = spec.get("layout")
    return _workspace_inputs(content, workspace, layout if isinstance(layout, str) else None,
                             files)


def booklet_inputs(content: Path, workspace: Path, layout: str | None) -> BuildInputs:
    """What ``studypack build`` reads: as ``pack_inputs``, with studypack.yaml for a pack file.

    ``layout`` is the ``--layout`` flag; without it, studypack.yaml's layout.
    """
    from .workspace import SETTINGS_FILE

    settings = workspace.resolve() / SETTINGS_FILE
    named = layout or _plain_yaml(settings).get("layout")
    return _workspace_inputs(content, workspace, named if isinstance(named, str) else None,
                             {settings})


def _workspace_inputs(content: Path, workspace: Path, layout: str | None,
                      files: set[Path]) -> BuildInputs:
    # What every build reads besides its own file: brand.yaml and its logo,
    # the layout's folders and fonts, and the workspace's layouts/ and fonts/.
    from .theme import load_theme

    workspace = workspace.resolve()
    files = {*files, workspace / "brand.yaml"}
    logo = _plain_yaml(workspace / "brand.yaml").get("logo")
    if isinstance(logo, str) and logo:
        files.add((workspace / logo).resolve())
    folders = {workspace / name for name in WORKSPACE_FOLDERS}
    try:
        theme = load_theme(layout or "classic", workspace)
    except (StudypackError, OSError):
        theme = None  # the build reports it; layouts/ and fonts/ are watched anyway
    if theme is not None:
        # Its fonts are in fonts/ or installed packages (theme/fonts.py): only
        # the first can change under a watch (a virtual environment inside the
        # workspace is not watched).
        folders |= {f.resolve() for f in theme.folders if f.resolve().is_relative_to(workspace)}
    return BuildInputs(content.resolve(), frozenset(folders), frozenset(files))


def _plain_yaml(path: Path) -> dict[str, Any]:
    import yaml

    try:
        return _mapping(yaml.safe_load(path.read_text(encoding="utf-8")))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return {}


def _mapping(value: object) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def watch_pack(inputs: Callable[[], BuildInputs], rebuild: Callable[[list[Path]], None], *,
               first: Callable[[], None] | None = None,
               ready: Callable[[], None] | None = None,
               stop: threading.Event | None = None) -> None:
    """Run ``first()``, then ``rebuild(changed paths)`` after each change to what ``inputs()`` names.

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
            _give_back_memory()
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


def _give_back_memory() -> None:
    # A build's peak is mostly freed at its end, but glibc keeps the freed
    # heap: a watcher of the 400-answer bench pack then sat at 161 MB between
    # builds; returned, at 97 MB (and its later peaks were 7 MB lower).
    gc.collect()
    if sys.platform.startswith("linux"):
        with suppress(OSError, AttributeError):  # not glibc (musl): nothing to return
            ctypes.CDLL(None).malloc_trim(0)


def _states(files: Iterable[Path]) -> dict[Path, tuple[int, int] | None]:
    states: dict[Path, tuple[int, int] | None] = {}
    for path in files:
        try:
            stat = path.stat()
            states[path] = (stat.st_mtime_ns, stat.st_size)
        except OSError:
            states[path] = None
    return states


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
