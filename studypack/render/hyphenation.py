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

from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

from .kept import keep, kept_file, read_kept

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


def _load_patterns(pyphen: Any, path: Path) -> None:
    """Give pyphen the parsed patterns of ``path`` from our cache, parsing and keeping them once.

    pyphen parses a dictionary's 14,000 patterns in every process (75 ms of a
    one-answer handout, and again in each worker of a pack); the parsed table
    is plain strings and integers, which ``marshal`` reads back in 6 ms. The
    kept file's name holds everything the table depends on (``kept``), so an
    upgrade parses afresh; one that cannot be read or written only costs time.
    ``tests/test_typography.py`` checks that the table read back splits words
    exactly as pyphen's own does, and fails by name if pyphen changes the
    attributes this sets.
    """
    if path in pyphen.hdcache:
        return
    kept = kept_file(Path(path), f"pyphen{pyphen.__version__}")
    read = read_kept(kept)
    if not (isinstance(read, tuple) and len(read) == 2 and isinstance(read[0], dict)
            and isinstance(read[1], int)):
        parsed = pyphen.HyphDict(path)
        pyphen.hdcache[path] = parsed
        keep(kept, (parsed.patterns, parsed.maxlen))
        return
    restored = pyphen.HyphDict.__new__(pyphen.HyphDict)
    restored.patterns, restored.maxlen, restored.cache = read[0], read[1], {}
    pyphen.hdcache[path] = restored
