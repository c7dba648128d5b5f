"""Page furniture in text copied from a PDF or a document site: folios, "page 3 of 53",
document-site buttons, and a header or footer repeated on every page.

Input: the text's lines. Output: the lines without the furniture, and the furniture
dropped; also the width a PDF copy's lines were hard-wrapped at.
"""

from __future__ import annotations

import re
from collections import Counter

from .blocks import split_marker
from .pieces import SENTENCE_END
from .questions import parse_question, sitting_head

PAGE_CHROME = re.compile(
    r"^\s*(?:(?:\S+\s+){0,6}page\s*\d+(?:\s*(?:of|/)\s*\d+)?|\d+\s*(?:of|/)\s*\d+|"
    r"[-–—]?\s*\d{1,3}\s*[-–—]?|"
    r"scanned with \w+|downloaded from \S+|uploaded by .{0,40}|"
    r"download to read ad-free|report this document|save|embed|print|"
    # A folio set apart in its own column from a footer's notice, either side of it.
    r"page\s*\d+\s*(?:of|/)\s*\d+ {3,}\S.{0,60}|\S.{0,60}? {3,}page\s*\d+\s*(?:of|/)\s*\d+)\s*$",
    re.IGNORECASE)
"""Whole lines that are page furniture: folios, "page 1 of 53", document-site buttons, a
folio beside a footer's notice ("Page 1 of 2      Admissions open: …")."""

REPEATS_AT_LEAST = 3
"""A short line found this often (digits ignored) is a running header or footer."""


def drop_page_chrome(lines: list[str]) -> tuple[list[str], list[str]]:
    """Remove folios, document-site buttons and repeated running heads.

    Running heads are looked for only in paginated text (it has folios or is
    hard-wrapped), so that a page of several answers keeps its repeated
    "Outline" and "Conclusion" lines.

    Returns:
        ``(kept lines, dropped non-blank lines)``.
    """
    furniture = [bool(PAGE_CHROME.match(line)) for line in lines]
    for n in [n for n, folio in enumerate(furniture) if folio]:
        # A page's foot line standing alone just above its folio ("Rana Academy - for
        # enrolled students only", then "Page 3 of 12") is furniture, however rare.
        if n and _could_repeat(lines[n - 1]) and not SENTENCE_END.search(lines[n - 1]) \
                and (n < 2 or not lines[n - 2].strip()):
            furniture[n - 1] = True
        # So is the rule ruled over a page's foot (not a signature's rule after the answer).
        if n and re.fullmatch(r"\s*[_\-=~]{5,}\s*", lines[n - 1]):
            furniture[n - 1] = True
    if any(furniture) or wrap_width(lines):
        shapes = Counter(_shape(line) for line in lines if _could_repeat(line))
        furniture = [gone or (_could_repeat(line) and shapes[_shape(line)] >= REPEATS_AT_LEAST)
                     for line, gone in zip(lines, furniture, strict=True)]
        # The document's own first line coming back further down is its running
        # head on a later page, even in a copy of only two pages; the first
        # one stays, as it names the exam and paper.
        top = next((i for i, line in enumerate(lines) if line.strip()), None)
        if top is not None and _could_repeat(lines[top]):
            head = _shape(lines[top])
            furniture = [gone or (i > top and _shape(line) == head)
                         for i, (line, gone) in enumerate(zip(lines, furniture, strict=True))]
        # A running foot with its folio ("… | Model Answers Page 1 of 3") set again
        # without it at the next page's top is that page's running head.
        feet = {_FOLIO_END.sub("", _shape(line)) for line, gone in zip(lines, furniture,
                                                                        strict=True) if gone}
        furniture = [gone or (_could_repeat(line) and _shape(line) in feet - {""})
                     for line, gone in zip(lines, furniture, strict=True)]
        # A copy of three pages shows its running head only twice, at the top of the
        # second and third: a line that opens two pages alike, right after the foot of
        # the page before, is that head all the same.
        tops = _page_tops(lines, furniture)
        opening = Counter(_shape(lines[i]) for i in tops if _could_repeat(lines[i]))
        for i in tops:
            furniture[i] = furniture[i] or (_could_repeat(lines[i])
                                            and opening[_shape(lines[i])] >= 2)
    return (_rejoined(lines, furniture),
            [line for line, gone in zip(lines, furniture, strict=True) if gone and line.strip()])


def _page_tops(lines: list[str], furniture: list[bool]) -> list[int]:
    """The first kept line after each run of page furniture (a foot, a folio)."""
    tops: list[int] = []
    last = None  # the previous line with words: furniture or not
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        if last is not None and furniture[last] and not furniture[i]:
            tops.append(i)
        last = i
    return tops


_FOLIO_END = re.compile(r"\s*(?:page\s*)?#\s*(?:of|/)\s*#\s*$")
"""A folio closing a running foot, as ``_shape`` writes it ("page # of #")."""


def _rejoined(lines: list[str], furniture: list[bool]) -> list[str]:
    """The lines without page furniture; a sentence that ran on over a page break ("in
    recent", folio, running head, "years. In …") is one paragraph again.
    """
    kept: list[str] = []
    n = 0
    while n < len(lines):
        if not furniture[n] and lines[n].strip():
            kept.append(lines[n])
            n += 1
            continue
        end = n  # a run of blank lines and furniture
        while end < len(lines) and (furniture[end] or not lines[end].strip()):
            end += 1
        if not any(furniture[n:end]):
            kept += lines[n:end]
        else:
            last = next((x for x in reversed(kept) if x.strip()), "")
            after = lines[end].strip() if end < len(lines) else ""
            if not (last and after[:1].islower() and not SENTENCE_END.search(last)):
                kept.append("")
            elif kept and kept[-1].strip():
                # The sentence's end goes onto its last line, however short that line is
                # (the page broke it, not the writer): "… the distinctive" + "features …".
                kept[-1] = f"{kept[-1].rstrip()} {after}"
                end += 1
            while len(kept) > 1 and not kept[-1].strip() and not kept[-2].strip():
                kept.pop()
        n = end
    return kept


RUNNING_HEAD_LENGTH = 100
"""A running head's longest: a handout's head may name the centre, the subject and a
notice on one line ("… Academy • IR Notes • For enrolled students only")."""


def _could_repeat(line: str) -> bool:
    # A question line is never a running head, however alike a list's lines are.
    text = " ".join(line.split())  # a PDF's head set apart in two columns by spaces
    return (3 <= len(text) <= RUNNING_HEAD_LENGTH and not split_marker(text)[0]
            and not _LABEL.match(text) and parse_question(text) is None)


_LABEL = re.compile(r"^(?:outline|introduction|conclusion|answer|analysis|way forward|way out|"
                    r"suggestions|recommendations)\b", re.IGNORECASE)


def _shape(line: str) -> str:
    text = " ".join(line.split()).casefold()
    if sitting_head(text):
        # A year-wise list's heads ("CSS 2019", "CSS 2020", "CSS 2021") differ in their
        # years; only the same head word for word on every page is a running head.
        return text
    return re.sub(r"\d+", "#", text)


def wrap_width(lines: list[str], *, paged: bool = False) -> int:
    """The column a PDF copy was hard-wrapped at, or 0 when lines are not wrapped.

    A text counts as wrapped when at least 40 % of its lines of 30 characters
    or more end within 20 % of the longest usual line (the 90th percentile);
    25 % when it had page counters (``paged``: a document's pages, copied with a
    viewer's buttons and lists around them, whose lines dilute the count).
    """
    lengths = sorted(len(line.rstrip()) for line in lines if len(line.strip()) >= 30)
    if len(lengths) < 6:
        return 0
    width = lengths[int(len(lengths) * 0.9) - 1]
    near = sum(1 for n in lengths if width * 0.8 <= n <= width + 3)
    share = 25 if paged else 40
    return width if width <= 130 and near * 100 >= len(lengths) * share else 0
