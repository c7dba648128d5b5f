"""What a build reads, for ``--watch``: files and folders, and snapshots of their state.

``pack_inputs`` and ``booklet_inputs`` name what a pack or booklet build
reads, reading the pack file and brand.yaml as plain YAML so that a file
with problems still names what it uses. ``BuildInputs.reads`` tells
whether a reported change matters; a ``Snapshot`` tells what changed
without being reported (during a build, or before a watcher listened).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..content import SKIPPED_FOLDERS, is_answer_path
from ..errors import StudypackError

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
    fonts: frozenset[Path] = frozenset()

    def __or__(self, other: BuildInputs) -> BuildInputs:
        # ``other`` is the newer: its content folder is the one read now.
        return BuildInputs(other.content, self.folders | other.folders,
                           self.files | other.files, self.fonts | other.fonts)

    def listing(self, workspace: Path) -> list[tuple[str, str]]:
        """(SHA-256, name) of every file read that exists, sorted by name.

        Files in the workspace are named from it; fonts from installed
        packages by ``font:`` and their file name, so that two machines'
        listings compare line by line. The digests are those ``sha256sum`` prints.
        """
        from ..digests import file_sha256

        workspace = workspace.resolve()
        named: dict[str, Path] = {}
        for path in [*self.snapshot().states, *self.fonts]:
            if not path.is_file():
                continue
            shown = (path.relative_to(workspace).as_posix() if path.is_relative_to(workspace)
                     else f"font:{path.name}" if path in self.fonts else str(path))
            named[shown] = path
        return [(file_sha256(named[name]), name) for name in sorted(named)]

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
            files.add(_resolved(workspace / entry["file"]))
    logo = _mapping(spec.get("brand")).get("logo")
    if isinstance(logo, str) and logo:
        files.add(_logo_path(workspace / logo))
    layout = spec.get("layout")
    return _workspace_inputs(content, workspace, layout if isinstance(layout, str) else None,
                             files)


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # a link that loops: watched under its own name
        return path.absolute()


def booklet_inputs(content: Path, workspace: Path, layout: str | None) -> BuildInputs:
    """What ``studypack build`` reads: as ``pack_inputs``, with studypack.yaml for a pack file.

    ``layout`` is the ``--layout`` flag; without it, studypack.yaml's layout.
    """
    from .workspace import SETTINGS_FILE

    settings = workspace.resolve() / SETTINGS_FILE
    named = layout or _plain_yaml(settings).get("layout")
    return _workspace_inputs(content, workspace, named if isinstance(named, str) else None,
                             {settings})


def _logo_path(path: Path) -> Path:
    """``path`` resolved, or its folder resolved when the logo is a link loop (builds say so)."""
    try:
        return path.resolve()
    except (RuntimeError, OSError):  # Python 3.11 raises RuntimeError on a loop
        return path.parent.resolve() / path.name


def _workspace_inputs(content: Path, workspace: Path, layout: str | None,
                      files: set[Path]) -> BuildInputs:
    # What every build reads besides its own file: brand.yaml and its logo,
    # the layout's folders and fonts, and the workspace's layouts/ and fonts/.
    from ..theme import load_theme

    workspace = workspace.resolve()
    files = {*files, workspace / "brand.yaml"}
    logo = _plain_yaml(workspace / "brand.yaml").get("logo")
    if isinstance(logo, str) and logo:
        files.add(_logo_path(workspace / logo))
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
    fonts = frozenset() if theme is None else frozenset(
        Path(path).resolve() for family in (theme.text, theme.heading, theme.mono, theme.arabic,
                                            theme.urdu, *theme.fallback)
        for path in (family.regular, family.bold, family.italic, family.bold_italic) if path)
    return BuildInputs(content.resolve(), frozenset(folders), frozenset(files), fonts)


def _plain_yaml(path: Path) -> dict[str, Any]:
    import yaml

    from ..content.yamlpos import load_plain

    try:
        return _mapping(load_plain(path.read_text(encoding="utf-8")))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return {}


def _mapping(value: object) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _states(files: Iterable[Path]) -> dict[Path, tuple[int, int] | None]:
    states: dict[Path, tuple[int, int] | None] = {}
    for path in files:
        try:
            stat = path.stat()
            states[path] = (stat.st_mtime_ns, stat.st_size)
        except OSError:
            states[path] = None
    return states
