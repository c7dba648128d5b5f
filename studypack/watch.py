"""Rebuild a pack each time a file it reads changes (``studypack pack --watch``).

A rebuild in a watching process skips what every fresh run pays before its
first page: starting Python and importing the libraries (about 0.4 s),
parsing the theme's fonts (0.1 s) and reading the cached answer records
(0.05 s). With the render cache, an edit to one answer of a 400-answer pack
is then laid out and merged in about 0.75 s, against 1.7 s for a fresh run
(``bench/bench_pack.py``, "watch" and "edit").
The PDF is byte for byte what a fresh build of the same files gives.

File events come from watchfiles (inotify, FSEvents or
ReadDirectoryChangesW, through the Rust ``notify`` crate); where those do
not reach, such as some network drives and containers, setting
``WATCHFILES_FORCE_POLLING=1`` makes it poll instead.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from .content import is_answer_path
from .errors import StudypackError

IDLE = threading.Event()
"""Set while waiting for a change (between builds): stopping then loses no work."""


@dataclass(frozen=True)
class PackInputs:
    """What a pack build reads, for watching.

    Attributes:
        content: The answer folder (its answer files; see ``is_answer_path``).
        folders: Further folders whose every file counts (a workspace layout).
        files: Single files: the pack file, brand.yaml, included PDFs, the
            logo, the layout's fonts in the workspace. Absolute paths.
    """

    content: Path
    folders: tuple[Path, ...]
    files: frozenset[Path]

    def reads(self, path: Path) -> bool:
        """Whether a change at ``path`` (absolute) can change the pack."""
        if path in self.files:
            return True
        if path.is_relative_to(self.content):
            return is_answer_path(path, self.content)
        return any(path.is_relative_to(folder) and not path.name.startswith(".")
                   for folder in self.folders)


def pack_inputs(pack: Path, content: Path, workspace: Path,
                default_layout: str = "classic") -> PackInputs:
    """The files and folders a build of ``pack`` reads, as far as they can be known now.

    Never raises: a pack file or brand.yaml with problems still names itself,
    and the build reports the problems.
    """
    from .content.brand import BRAND_FILE
    from .content.packs import load_pack_file
    from .theme import load_theme

    workspace = workspace.resolve()
    files = {pack.resolve(), workspace / BRAND_FILE}
    folders: list[Path] = []
    layout = default_layout
    try:
        spec, _ = load_pack_file(pack)
    except (StudypackError, OSError):
        spec = None
    if spec is not None:
        layout = spec.layout or default_layout
        files |= {(workspace / inc.file).resolve() for inc in spec.include}
        if spec.brand.logo:
            files.add((workspace / spec.brand.logo).resolve())
    files |= _brand_logo(workspace)
    try:
        theme = load_theme(layout, workspace)
    except (StudypackError, OSError):
        theme = None
    if theme is not None:
        folders += [f.resolve() for f in theme.folders if f.resolve().is_relative_to(workspace)]
        faces = (path.resolve() for family in (theme.text, theme.heading, theme.mono,
                                               theme.arabic, *theme.fallback)
                 for path in (family.regular, family.bold, family.italic, family.bold_italic))
        files |= {face for face in faces if face.is_relative_to(workspace)}
    return PackInputs(content.resolve(), tuple(folders), frozenset(files))


def _brand_logo(workspace: Path) -> set[Path]:
    from .content.brand import load_brand

    try:
        logo = load_brand(workspace).logo
    except (StudypackError, OSError):
        return set()
    return {Path(logo).resolve()} if logo else set()


def watch_pack(inputs: Callable[[], PackInputs], rebuild: Callable[[list[Path]], None], *,
               stop: threading.Event | None = None) -> None:
    """Call ``rebuild(changed paths)`` after each change to what ``inputs()`` names.

    Runs until ``stop`` is set (or the process is stopped). Changes made
    while a rebuild runs are collected and start the next one; ``inputs()``
    is asked again after each rebuild, so a newly included PDF is watched.
    ``IDLE`` is set while waiting.

    Raises:
        Whatever ``rebuild`` raises (it should report its own errors and return).
    """
    stop = stop or threading.Event()
    while not stop.is_set():
        watched = inputs()
        with _Watchers(watched) as changes:
            while not stop.is_set():
                IDLE.set()
                try:
                    batch = changes.get(timeout=0.2)
                except queue.Empty:
                    continue
                finally:
                    IDLE.clear()
                changed = _relevant(watched, _drain(batch, changes))
                if not changed:
                    continue
                rebuild(changed)
                if inputs() != watched:
                    break  # watch the new set of files


def _drain(first: set[Path], changes: queue.Queue[set[Path]]) -> set[Path]:
    paths = set(first)
    while True:
        try:
            paths |= changes.get_nowait()
        except queue.Empty:
            return paths


def _relevant(watched: PackInputs, paths: Iterable[Path]) -> list[Path]:
    return sorted(p for p in paths if watched.reads(p))


class _Watchers:
    """Two watchfiles watchers feeding one queue, in threads of their own.

    watchfiles takes one ``recursive`` setting per watcher: the content and
    layout folders are watched with their sub-folders, the folders of single
    files (the workspace itself, for brand.yaml) without theirs, so that a
    virtual environment or ``out/`` inside the workspace is not walked.
    """

    def __init__(self, watched: PackInputs) -> None:
        self.changes: queue.Queue[set[Path]] = queue.Queue()
        self.stop = threading.Event()
        deep = [watched.content, *watched.folders]
        flat = sorted({f.parent for f in watched.files if f.parent.is_dir()}
                      - {d for d in deep})
        self.threads = [threading.Thread(target=self._run, args=(paths, recursive), daemon=True)
                        for paths, recursive in ((deep, True), (flat, False)) if paths]

    def __enter__(self) -> queue.Queue[set[Path]]:
        for thread in self.threads:
            thread.start()
        return self.changes

    def __exit__(self, *_: object) -> None:
        self.stop.set()
        for thread in self.threads:
            thread.join()

    def _run(self, paths: list[Path], recursive: bool) -> None:
        from watchfiles import watch

        existing = [p for p in paths if p.exists()]
        if not existing:
            return
        # step: changes are passed on 50 ms after the last one, so that an
        # editor's save (write, rename) or a copied folder is one rebuild.
        for batch in watch(*existing, recursive=recursive, stop_event=self.stop,
                           raise_interrupt=False, rust_timeout=200, yield_on_timeout=False,
                           debounce=1600, step=50, watch_filter=None):
            self.changes.put({Path(path).resolve() for _, path in batch})
