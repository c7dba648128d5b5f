"""Digests of bytes, files, folders and studypack itself: the keys of every cache.

Low in the layers: the content records' cache and the render cache both key
their entries with these, and nothing here knows what is cached.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from .folders import files_below

FORMAT = 1
"""Bumped when an entry's layout on disk changes."""
SHAPING_LIBRARIES = ("reportlab", "rl-accel", "pypdf", "pikepdf", "jinja2", "markdown-it-py",
                     "uharfbuzz", "python-bidi", "svglib", "pillow", "webcolors",
                     "pyphen")
"""Libraries whose version can change a rendered page."""



def digest(*parts: bytes | str) -> str:
    """SHA-256 (hex) of ``parts``, each length-prefixed so that no two lists collide."""
    h = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "big"))
        h.update(data)
    return h.hexdigest()


@lru_cache(maxsize=256)
def _file_digest(path: Path, _mtime_ns: int, _size: int) -> str:
    # The time and size are part of the remembered call's key only.
    return digest(path.read_bytes())


def file_digest(path: Path) -> str:
    """SHA-256 of a file's bytes (remembered while its mtime and size stay)."""
    stat = path.stat()
    return _file_digest(path, stat.st_mtime_ns, stat.st_size)


def tree_digest(folder: Path, suffixes: tuple[str, ...] | None = None) -> list[str]:
    """``relative/path=digest`` of each file below ``folder`` (with ``suffixes``, if given)."""
    # Links to folders are followed: a layout may keep its templates in a
    # linked folder. Each folder is entered once, so a link loop ends.
    files = [p for p in files_below(folder, follow_links=True, what="a layout folder")
             if suffixes is None or p.name.endswith(suffixes)]
    return [f"{p.relative_to(folder).as_posix()}={file_digest(p)}" for p in files
            if p.is_file()]


@lru_cache(maxsize=8)
def library_versions(names: tuple[str, ...]) -> tuple[str, ...]:
    """``name=version`` of each installed distribution, ``name=absent`` when not installed."""
    versions = []
    for name in names:
        try:
            versions.append(f"{name}={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name}=absent")
    return tuple(versions)


@lru_cache(maxsize=1)
def tool_fingerprint() -> str:
    """Studypack's own code and built-in layouts, and the shaping libraries' versions."""
    package = Path(__file__).parent  # the studypack package
    return digest(str(FORMAT), *tree_digest(package, (".py", ".yaml", ".j2")),
                  *library_versions(SHAPING_LIBRARIES))


def file_sha256(path: Path) -> str:
    """SHA-256 (hex) of a file's bytes, as ``sha256sum`` prints it, read in blocks."""
    # hashlib.file_digest is Python 3.11+, and 3.10 is supported.
    found = hashlib.sha256()
    with path.open("rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            found.update(block)
    return found.hexdigest()
