"""Rendered parts kept between builds, so a one-answer edit re-lays one chunk.

An entry is a rendered part (PDF bytes, its page facts and the warnings its
layout raised) stored under a key that hashes everything the layout could
depend on: the part's plan (questions, titles, brand), its render options,
the subset alphabet, the layout's files and fonts, studypack's own code and
the versions of the libraries that shape text. A stale entry would be
worse than none, so anything not hashed is never read during a render, and
an entry whose PDF does not match its recorded digest is ignored.

Entries are files in ``out/.cache/`` of the workspace: ``<key>.pdf`` and
``<key>.json`` (written last, so a half-written entry is never used). The
folder is trimmed to ``LIMIT_BYTES``, least recently used first.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from ..digests import FORMAT, digest, file_digest, tree_digest
from ..errors import StudypackError, rel
from ..output import write_atomically
from ..render import RenderedBooklet
from ..theme import Theme

T = TypeVar("T")

LIMIT_BYTES = 512 * 1024 * 1024
"""Trim the cache folder to this size after a build."""

Notes = tuple[tuple[str, str, str], ...]
"""Warnings a layout raised: ("glyph", char, source) or ("warning", message, "")."""


def theme_fingerprint(theme: Theme) -> str:
    """The layout's resolved values, every file in its folders, and its fonts' bytes."""
    files = [f for folder in theme.folders for f in tree_digest(folder)]
    fonts = [f"{Path(path).name}={file_digest(path)}" for family in
             (theme.text, theme.heading, theme.mono, theme.arabic, theme.urdu,
             *theme.fallback)
             for path in (family.regular, family.bold, family.italic, family.bold_italic)]
    return digest(theme.name, theme.spec.model_dump_json(), repr(theme.page_size),
                   *files, *fonts)


def logo_fingerprint(logo: str | None) -> str:
    """The brand logo's bytes (the plan only names its path)."""
    if not logo or not Path(logo).is_file():
        return ""
    return file_digest(Path(logo))


@dataclass
class RenderCache:
    """Rendered parts on disk; ``folder`` None turns caching off.

    Attributes:
        hits, misses: Counted per ``get``, for the build's report.
    """

    folder: Path | None
    hits: int = 0
    misses: int = 0
    used: set[str] = field(default_factory=set)
    problem: str | None = None

    def get(self, key: str) -> tuple[RenderedBooklet, Notes] | None:
        """The entry under ``key``, or None when absent, unreadable or damaged."""
        found = self._read(key, lambda pdf, meta: (_from_json(pdf, meta["rendered"]),
                                                   _notes(meta["notes"])))
        if self.folder is not None:
            if found is None:
                self.misses += 1
            else:
                self.hits += 1
        return found

    def get_blobs(self, key: str) -> tuple[tuple[bytes, ...], Notes] | None:
        """Bytes kept with ``put_blobs`` (the merger's blank page and folio stamps), or None.

        Not counted among the parts a build reports as reused.
        """
        def split(data: bytes, meta: dict[str, Any]) -> tuple[tuple[bytes, ...], Notes]:
            blobs, at = [], 0
            for length in meta["blobs"]:
                blobs.append(data[at:at + int(length)])
                at += int(length)
            if at != len(data):
                raise ValueError("blob lengths do not add up")
            return tuple(blobs), _notes(meta["notes"])
        return self._read(key, split)

    def _read(self, key: str, decode: Callable[[bytes, dict[str, Any]], T]) -> T | None:
        if self.folder is None:
            return None
        try:
            meta = json.loads((self.folder / f"{key}.json").read_text(encoding="utf-8"))
            pdf = (self.folder / f"{key}.pdf").read_bytes()
            if not (isinstance(meta, dict) and meta.get("format") == FORMAT
                    and digest(pdf) == meta["pdf_sha256"]):
                return None  # stale or damaged
            found = decode(pdf, meta)
        # Whatever is wrong with an entry (a stranger's file, garbage, a
        # folder in its place), it is a miss: the part is laid out again.
        except (OSError, ValueError, KeyError, TypeError, AttributeError, IndexError,
                RecursionError):
            return None
        self.used.add(key)
        with suppress(OSError):
            os.utime(self.folder / f"{key}.json")  # recently used: kept by ``trim``
        return found

    def has(self, key: str) -> bool:
        """Whether an entry is kept under ``key`` (not read, so not counted as a hit)."""
        return self.folder is not None and (self.folder / f"{key}.json").is_file()

    def put(self, key: str, rendered: RenderedBooklet, notes: Notes) -> None:
        """Store an entry; a cache that cannot be written is noted in ``problem``, not an error."""
        self._write(key, rendered.pdf, {"rendered": _to_json(rendered)}, notes)

    def put_blobs(self, key: str, blobs: tuple[bytes, ...], notes: Notes) -> None:
        """Store bytes (see ``get_blobs``), as ``put`` stores a part."""
        self._write(key, b"".join(blobs), {"blobs": [len(b) for b in blobs]}, notes)

    def _write(self, key: str, data: bytes, fields: dict[str, Any], notes: Notes) -> None:
        if self.folder is None or self.problem:
            return
        meta = {"format": FORMAT, "pdf_sha256": digest(data), **fields,
                "notes": [list(n) for n in notes]}
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            write_atomically(self.folder / f"{key}.pdf", data)
            write_atomically(self.folder / f"{key}.json",
                             json.dumps(meta, ensure_ascii=False).encode("utf-8"))
        except (OSError, StudypackError) as exc:
            self.problem = (f"{rel(self.folder)} cannot be written ({exc}); parts were laid "
                            "out but not kept")
            return
        self.used.add(key)

    def trim(self, limit: int = LIMIT_BYTES) -> None:
        """Remove least recently used entries (never this build's) beyond ``limit`` bytes."""
        if self.folder is None or not self.folder.is_dir():
            return
        # A cache we may not tidy is still a cache; the next build tries again.
        with suppress(OSError):
            self._trim(limit)

    def _trim(self, limit: int) -> None:
        assert self.folder is not None
        entries = []
        for meta in self.folder.glob("*.json"):
            pdf = meta.with_suffix(".pdf")
            size = meta.stat().st_size + (pdf.stat().st_size if pdf.exists() else 0)
            entries.append((meta.stat().st_mtime_ns, meta, pdf, size))
        # A PDF without its JSON, or a write interrupted by a crash, is never
        # read; an hour-old one is no other build's write in progress.
        stale = time.time() - 3600
        for orphan in [*self.folder.glob("*.pdf"), *self.folder.glob("*.part")]:
            if not orphan.with_suffix(".json").exists() and orphan.stat().st_mtime < stale:
                orphan.unlink(missing_ok=True)
        total = sum(e[3] for e in entries)
        for _, meta, pdf, size in sorted(entries):
            if total <= limit:
                break
            if meta.stem in self.used:
                continue
            meta.unlink(missing_ok=True)
            pdf.unlink(missing_ok=True)
            total -= size


def _to_json(r: RenderedBooklet) -> dict[str, Any]:
    return {"pages": r.pages, "front_pages": r.front_pages, "anchors": r.anchors,
            "anchor_tops": r.anchor_tops, "outline": [list(o) for o in r.outline],
            "links": [[page, list(rect), key] for page, rect, key in r.links],
            "blank_pages": sorted(r.blank_pages),
            "page_questions": [[k, v] for k, v in r.page_questions.items()],
            "numbers": [list(n) for n in r.numbers]}


def _from_json(pdf: bytes, d: dict[str, Any]) -> RenderedBooklet:
    return RenderedBooklet(
        pdf=pdf, pages=int(d["pages"]), front_pages=int(d["front_pages"]),
        anchors={str(k): int(v) for k, v in d["anchors"].items()},
        anchor_tops={str(k): float(v) for k, v in d["anchor_tops"].items()},
        outline=tuple((int(level), str(title), str(key)) for level, title, key in d["outline"]),
        links=tuple((int(page), (float(rect[0]), float(rect[1]), float(rect[2]),
                                 float(rect[3])), str(key))
                    for page, rect, key in d["links"]),
        blank_pages=frozenset(int(p) for p in d["blank_pages"]),
        page_questions={int(k): str(v) for k, v in d["page_questions"]},
        numbers=tuple((int(page), float(x), float(y), str(key))
                      for page, x, y, key in d["numbers"]))


def _notes(raw: list[list[str]]) -> Notes:
    return tuple((str(kind), str(text), str(source)) for kind, text, source in raw)
