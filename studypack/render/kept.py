"""Parsed data kept once per machine, so that each process need not parse it again.

Hyphenation patterns and fonts' metric tables are the same in every process
of every build until the file they come from changes; parsing them is a
fixed cost of every command and every worker. They are plain strings,
numbers, lists and dicts, which ``marshal`` writes and reads back quickly
(no pickle: nothing read back can run code). A kept file is named by
everything its contents depend on (the source file's path, size and time,
the parsing library's and Python's versions), so an upgrade or an edited
file is parsed afresh. A kept file that cannot be read or written only costs
time: the caller parses as if there were none.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
from pathlib import Path
from typing import Any

from ..errors import RenderError
from ..output import write_atomically


def cache_home() -> Path:
    """The folder studypack keeps machine-wide caches in (``$XDG_CACHE_HOME/studypack``)."""
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "studypack"


def kept_file(source: Path, reader: str) -> Path | None:
    """Where what ``reader`` (a library and its version) parsed from ``source`` is kept.

    None when ``source`` cannot be looked at (e.g. it sits inside a zip file).
    """
    try:
        stat = source.stat()
    except OSError:
        return None
    where = hashlib.sha256(str(source.resolve()).encode("utf-8", "surrogatepass")).hexdigest()
    python = f"py{sys.version_info.major}{sys.version_info.minor}"
    return cache_home() / (f"{source.stem}-{reader}-{python}-{stat.st_size}-"
                           f"{stat.st_mtime_ns}-{where[:12]}.marshal")


def read_kept(kept: Path | None) -> Any:
    """What was kept in ``kept``, or None when there is none or it cannot be read."""
    if kept is None:
        return None
    try:
        return marshal.loads(kept.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return None


def keep(kept: Path | None, value: Any) -> None:
    """Keep ``value`` in ``kept`` for later processes, if it can be (else nothing happens)."""
    if kept is None:
        return
    try:
        data = marshal.dumps(value)
    except ValueError:
        return  # holds an object marshal cannot write: parsed again next time
    try:
        kept.parent.mkdir(parents=True, exist_ok=True)
        # Written whole, then renamed: a process reading it meanwhile sees none or all.
        write_atomically(kept, data)
    except (OSError, RenderError):
        return  # only time is lost: the next process parses again
