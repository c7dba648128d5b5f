"""Where a long word may be broken at a line's end: pyphen's dictionaries, with our rules.

ReportLab asks a hyphenator for the ways to split a word that does not fit
(its letters only: punctuation is taken off first) and takes the longest
head that fits. pyphen holds LibreOffice's hyphenation patterns; this adds
what a book's compositor would: at least two letters before the break and
three after, and no break at all in a word with a capital letter (names,
abbreviations, the start of a sentence set as a name would be) — English
patterns break Urdu names wrongly ("Pakh-tunkhwa"), and an acronym split
across lines is unreadable. Numbers and addresses never reach here: ReportLab
hands over words of letters only.
"""

from __future__ import annotations

import marshal
import os
import sys
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import RenderError
from ..output import write_atomically

Hyphenator = Callable[[str], tuple[tuple[str, str], ...]]


@lru_cache(maxsize=8)
def hyphenator(language: str) -> Hyphenator | str:
    """The hyphenator ReportLab is given for ``language``; "" for ``none`` (no breaks)."""
    if language == "none":
        return ""
    import pyphen

    path = Path(pyphen.LANGUAGES[pyphen.language_fallback(language)])
    _load_patterns(pyphen, path)
    dictionary = pyphen.Pyphen(filename=path, left=2, right=3)

    @lru_cache(maxsize=8192)
    def splits(word: str) -> tuple[tuple[str, str], ...]:
        if not (word.isalpha() and word.islower()):
            return ()
        return tuple(dictionary.iterate(word))

    return splits


def cache_home() -> Path:
    """The folder studypack keeps machine-wide caches in (``$XDG_CACHE_HOME/studypack``)."""
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "studypack"


def _load_patterns(pyphen: Any, path: Path) -> None:
    """Give pyphen the parsed patterns of ``path`` from our cache, parsing and keeping them once.

    pyphen parses a dictionary's 14,000 patterns in every process (75 ms of a
    one-answer handout, and again in each worker of a pack); the parsed table
    is plain strings and integers, which ``marshal`` reads back in 6 ms. The
    file's name holds everything the table depends on (pyphen's and Python's
    versions, the dictionary's size and time), so an upgrade parses afresh;
    any cache that cannot be read or written is passed over: it only saves time.
    ``tests/test_typography.py`` checks that the table read back splits words
    exactly as pyphen's own does, and fails by name if pyphen changes the
    attributes this sets.
    """
    if path in pyphen.hdcache:
        return
    try:
        stat = path.stat()
    except OSError:
        return  # a dictionary inside a zip file: pyphen reads it its own way
    version = f"{sys.version_info.major}{sys.version_info.minor}"
    kept = cache_home() / (f"{path.stem}-pyphen{pyphen.__version__}-py{version}-"
                           f"{stat.st_size}-{stat.st_mtime_ns}.marshal")
    read = _read_kept(kept)
    if read is None:
        parsed = pyphen.HyphDict(path)
        pyphen.hdcache[path] = parsed
        _keep(kept, parsed.patterns, parsed.maxlen)
        return
    patterns, maxlen = read
    restored = pyphen.HyphDict.__new__(pyphen.HyphDict)
    restored.patterns, restored.maxlen, restored.cache = patterns, maxlen, {}
    pyphen.hdcache[path] = restored


def _read_kept(kept: Path) -> tuple[dict[str, Any], int] | None:
    try:
        patterns, maxlen = marshal.loads(kept.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return None
    if isinstance(patterns, dict) and isinstance(maxlen, int):
        return patterns, maxlen
    return None


def _keep(kept: Path, patterns: dict[str, Any], maxlen: int) -> None:
    try:
        data = marshal.dumps((patterns, maxlen))
    except ValueError:
        return  # a dictionary with non-standard breaks holds objects marshal cannot write
    try:
        kept.parent.mkdir(parents=True, exist_ok=True)
        # Written whole, then renamed: a process reading it meanwhile sees none or all.
        write_atomically(kept, data)
    except (OSError, RenderError):
        return  # only time is lost: the next process parses again
