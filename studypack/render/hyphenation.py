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

Hyphenator = Callable[[str], tuple[tuple[str, str], ...]]


@lru_cache(maxsize=8)
def hyphenator(language: str) -> Hyphenator | str:
    """The hyphenator ReportLab is given for ``language``; "" for ``none`` (no breaks)."""
    if language == "none":
        return ""
    import pyphen

    dictionary = pyphen.Pyphen(lang=language, left=2, right=3)

    @lru_cache(maxsize=8192)
    def splits(word: str) -> tuple[tuple[str, str], ...]:
        if not (word.isalpha() and word.islower()):
            return ()
        return tuple(dictionary.iterate(word))

    return splits
