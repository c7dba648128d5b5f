"""Pack files as the workbench opens and saves them: ``content/packs/<name>.yaml``.

A pack is named, never given by path: the name is looked up among the
files the folder lists, and a new name must be a plain file stem.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import yaml

from ..content import load_content
from ..content.packs import load_pack_file
from ..errors import ContentError, Diagnostic, WorkspaceError, rel
from ..output import write_atomically
from .basket import Basket, opened_basket, pack_data, pack_text
from .roundtrip import applied_text

_STEM = re.compile(r"[a-z0-9][a-z0-9-]{0,59}")


def packs_folder(content: Path) -> Path:
    """Where pack files live: ``content/packs/``."""
    return content / "packs"


def pack_names(content: Path) -> list[str]:
    """The pack files there, by name (file stem), sorted."""
    folder = packs_folder(content)
    return sorted(p.stem for p in folder.glob("*.yaml") if p.is_file()) if folder.is_dir() else []


def open_pack(content: Path, name: str) -> Basket:
    """The basket a pack file sets: what it selects, with its options.

    Raises:
        WorkspaceError: No pack of that name.
        ContentError: The pack file's problems, with their lines.
    """
    if name not in pack_names(content):
        raise WorkspaceError(f"there is no pack named '{name}' in {rel(packs_folder(content))}")
    path = packs_folder(content) / f"{name}.yaml"
    pack, _ = load_pack_file(path)
    text = path.read_text(encoding="utf-8")
    raw = yaml.safe_load(text)
    return opened_basket(pack, raw if isinstance(raw, dict) else {}, load_content(content),
                         name=name, text=text)


def save_pack(content: Path, basket: Basket, name: str, *, overwrite: bool) -> tuple[Path, Basket]:
    """Write ``basket`` as ``content/packs/<name>.yaml``; returns the file and the basket
    now opened from it.

    A file that exists is replaced only when asked and only when it is the
    pack this basket was opened from, unchanged on disk since: another
    person's edit is never overwritten. Saving over it keeps its comments
    and the layout of every field that did not change.

    Raises:
        WorkspaceError: A bad name, or a file that may not be replaced.
        ContentError: The basket is empty or makes an invalid pack.
    """
    if not _STEM.fullmatch(name):
        raise WorkspaceError(f"'{name}' is not a pack name: use small letters, digits and "
                             "hyphens, e.g. foreign-policy-2026")
    path = packs_folder(content) / f"{name}.yaml"
    output = f"out/packs/{name}.pdf"
    text = pack_text(basket, output=output)
    if path.exists():
        if not overwrite:
            raise WorkspaceError(f"{rel(path)} exists already; tick 'replace' to save over "
                                 "it, or give another name")
        if basket.opened != name:
            raise WorkspaceError(f"{rel(path)} is another pack than the one open here; "
                                 "give another name, or open that pack first")
        now = path.read_text(encoding="utf-8")
        if now != basket.opened_text:
            raise ContentError([Diagnostic(rel(path), 0, 0, "", "the file has changed on "
                                           "disk since it was opened here; nothing was "
                                           "written. Open it again to see its new version, "
                                           "then make your changes again")])
        text = applied_text(now, pack_data(basket, output=output))
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(path, text.encode("utf-8"))
    # The saved file is the one open now: a second save replaces it.
    return path, replace(basket, opened=name, opened_text=text)
