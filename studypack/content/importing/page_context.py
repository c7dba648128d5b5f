"""Page context: what a page says about all its answers.

Input: the plain texts of the blocks before a page's first question, and its title.
Output: ``Context`` (exam, paper, year, part, tags read from a page's header line,
breadcrumb, fields or title).

Shapes read: breadcrumbs as ``CSS | Past Paper | Compulsory | 2025 | Part 2``; fields
as ``Exam: CSS``, ``Marks: 20``; headers as ``Gender Studies CSS 2020 – Q5``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .junk import is_menu
from .papers import (
    COMMISSIONS,
    EXAMS,
    PAPERS,
    exam_names_shortened,
    generic_crumb,
    known_paper,
    one_exam,
    papers_named,
    read_as,
    roman_part,
)
from .preamble import is_attribution, is_preface
from .question_tags import (
    NAMED_NUMBER,
    TAG_EXAM,
    marks_in_prose,
    read_tags,
    sitting_line,
    year_in,
)
from .urdu import latin_context


@dataclass(frozen=True)
class Context:
    """What a page says about all its answers (header line, breadcrumb, title).

    Attributes:
        exam, paper, year, part: As found, or None.
        number, marks: Said apart from the question, in a field of the page's own
            ("Question No. 4", "Marks: 20" in a table of facts above it), or None.
        topic: The topic a topic-wise page is about ("… topic-wise questions: Foreign Policy").
        tags: Other breadcrumb words worth keeping ("Compulsory").
        where: For each field found: where ("breadcrumb", "page header", "page title").
    """

    exam: str | None = None
    paper: str | None = None
    year: int | None = None
    part: str | None = None
    topic: str | None = None
    tags: tuple[str, ...] = ()
    number: int | None = None
    marks: int | None = None
    where: tuple[tuple[str, str], ...] = ()

    def source_of(self, name: str) -> str:
        """Where field ``name`` was found ("breadcrumb", "page title"…), "the page" if not said."""
        return dict(self.where).get(name, "the page")


def is_breadcrumb(text: str) -> bool:
    """Three or more short parts split by ``|``, ``›``, ``»``, ``>`` or `` / ``."""
    parts = re.split(r"\s+[|›»>/·]\s+|\s*\|\s*", text.strip())
    return len(parts) >= 3 and all(0 < len(p.split()) <= 6 for p in parts)


_ARROWS = re.compile(r"\s[»›>]\s")


def _arrow_trail(preamble: list[str]) -> bool:
    """The page has a trail set with arrows ("Home » Criminology » Solved Papers")."""
    return any(is_breadcrumb(line) and _ARROWS.search(line) for line in preamble)


def _site_menu(line: str, trail: bool) -> bool:
    """A site's menu, not a trail: its usual words ("Home | Contact"); or, with a trail set
    with arrows on the page (``trail``, see ``_arrow_trail``), a row of parts split only by
    bars, whose sections ("Current Affairs") name papers too.
    """
    return is_menu(line) or (trail and is_breadcrumb(line) and not _ARROWS.search(line))


def read_context(preamble: list[str], title: str = "") -> Context:
    """Exam, paper, year, part and tags from the lines before the first question.

    Args:
        preamble: Plain texts of the blocks before the first question line.
        title: The document's title, used last.
    """
    found: dict[str, object] = {}
    where: dict[str, str] = {}
    tags: list[str] = []
    # An Urdu page's header names its exam, paper and year in Urdu words and digits.
    preamble = [exam_names_shortened(latin_context(line)) for line in preamble]
    title = exam_names_shortened(latin_context(title))

    def note(name: str, value: object, source: str) -> None:
        # A paper's own name beats an unknown one read earlier ("Urdu Notes" in a menu).
        if name == "paper" and value in PAPERS and found.get("paper") not in (None, *PAPERS):
            del found["paper"]
        if value and name not in found:
            found[name], where[name] = value, source
            if name == "paper":
                where[name] += read_as(str(value), lines_seen[-1] if lines_seen else "")

    lines_seen: list[str] = []
    trail = _arrow_trail(preamble)

    _read_sitting_headers(preamble, lines_seen, note)
    for line in preamble:
        lines_seen.append(line)
        if _site_menu(line, trail):
            continue
        if is_breadcrumb(line):
            for part in (p.strip() for p in re.split(r"\s*[|›»>·]\s*|\s+/\s+", line)):
                _read_part(part, note, tags)
            continue
        head = re.match(rf"^\s*({'|'.join(EXAMS)})\b\s*(.*)$", line)
        paper_exam = re.match(rf"^\s*(.{{3,60}}?)\s*[-–|]\s*({'|'.join(EXAMS)})\s*$", line)
        if paper_exam and known_paper(paper_exam.group(1)):  # "Pakistan Affairs - PMS"
            note("exam", paper_exam.group(2).upper(), "page header")
            note("paper", known_paper(paper_exam.group(1)), "page header")
        # "CSS Compass" alone is a site's name: an exam is read from a header only
        # beside a paper, a year or nothing else.
        # A news line opening on a commission's name ("PPSC announces test dates for PMS
        # 2024") is no header: words in small letters, a sentence's, come before its year.
        if head and len(line.split()) <= 10 and (
                not head.group(2).strip() or known_paper(head.group(2))
                or re.match(r"^[^a-z]*?\b(?:19|20)\d\d\b", head.group(2))):
            note("exam", head.group(1).upper(), "page header")
            rest, year, _, _ = read_tags(head.group(2))
            rest = re.sub(r"\b(?:19|20)\d\d\b", "", rest).strip(" -–|:,")
            note("year", year or year_in(head.group(2)), "page header")
            # "CSS Mentor" is a site's name: only a paper's own name is read as one.
            note("paper", known_paper(rest), "page header")
        elif re.fullmatch(r"(?:19[4-9]|20\d)\d", line.strip()):
            note("year", int(line.strip()), "page header")  # a lone year above the question
    _read_fields(preamble, note)
    for line in (*preamble, title):
        # Not a post's place in a series ("Part 1/2", "Part 2 of 3").
        part = re.search(r"\bpart[\s-]*(iii|ii|iv|i|[1-4])\b(?!\s*(?:/|of\b)\s*\d)", line,
                         re.IGNORECASE)
        note("part", roman_part(part.group(1)) if part else None,
             "page title" if line is title else "page header")
        tagged = _paper_sitting(line)
        short = tagged is not None and len(line.split()) <= 16
        note("year", int(tagged.group(1)) if tagged and short else None,
             "page title" if line is title else "page header")
        # "CSS 2019 Gender Studies Q3 Solved": a title naming exam and year names the number.
        asked = NAMED_NUMBER.search(line)
        note("number", int(asked.group(1)) if asked and short else None,
             "page title" if line is title else "page header")
    for line in (*preamble, title):
        lines_seen.append(line)
        source = "page title" if line is title else "page text"
        # A line naming several papers ("HomeInternational LawConstitutional Law…") is a
        # site's menu run together, which names none of them in particular.
        note("paper", known_paper(line) if papers_named(line) < 2 else None, source)
        note("exam", one_exam(line), source)
        if line is title or is_attribution(line) or (
                known_paper(line) and len(line.split()) <= 12):
            # A year the exam names ("| CSS 2023 Current Affairs") beats one in the
            # question's own words ("… the 2022 floods …").
            note("year", int(sitting.group(1)) if (sitting := _paper_sitting(line))
                 else None if _names_own_sitting(line) else year_in(line, phrase=line is title),
                 source)
    _read_sitting_years(preamble, note, in_sentences=True)
    return Context(exam=COMMISSIONS.get(str(found.get("exam") or "").upper(),
                                        str(found.get("exam") or "")) or None,
                   paper=found.get("paper"),  # type: ignore[arg-type]
                   year=found.get("year"), part=found.get("part"),  # type: ignore[arg-type]
                   topic=found.get("topic"),  # type: ignore[arg-type]
                   tags=tuple(dict.fromkeys(tags)), where=tuple(where.items()),
                   number=found.get("number"), marks=found.get("marks"))  # type: ignore[arg-type]


SITTING_HEADER_WORDS = 16
"""A header naming a paper's sitting is a title's length, not a sentence of prose."""


def _read_fields(preamble: list[str], note: Callable[[str, object, str], None]) -> None:
    """The page's own fields ("Marks: 20"), an attribution's or a topic head's, then the
    year of a header naming the paper's sitting.
    """
    for line in preamble:
        for each in line.split("\n"):  # "Islamiat — Question No. 4 — Marks 20"
            for name, value in (sitting_line(each) or {}).items():
                note(name, value, "page header")
    for line in preamble:
        _read_field(line, note)
        _read_attributed(line, note)
        _read_topic(line, note)
    _read_sitting_years(preamble, note)


def _read_sitting_years(preamble: list[str], note: Callable[[str, object, str], None], *,
                        in_sentences: bool = False) -> None:
    """"BPSC CCE 2022 Current Affairs Q5 Solved" names the paper's sitting: its year is
    read before a news ticker's line above it that names no paper ("… dates for PMS 2024").
    With ``in_sentences``, failing all else, a sitting named in a sentence above the
    question ("… from the History paper of CSS 2021.", "CSS 2023 paper.") gives the year.
    """
    trail = _arrow_trail(preamble)
    for line in preamble:
        sitting = _paper_sitting(line)
        if sitting and (in_sentences or (
                len(line.split()) <= SITTING_HEADER_WORDS and papers_named(line) == 1
                and not _site_menu(line, trail))):
            note("year", int(sitting.group(1)), "page text" if in_sentences else "page header")


def _read_topic(line: str, note: Callable[[str, object, str], None]) -> None:
    """The topic a header names ("CSS Pakistan Affairs topic-wise questions: Foreign Policy")."""
    topic = re.search(r"topic[- ]?wise\b[^:]{0,40}:\s*(\S.{0,60}?)\s*$", line, re.IGNORECASE)
    note("topic", topic.group(1) if topic else None, "page header")


def _read_sitting_headers(preamble: list[str], lines_seen: list[str],
                          note: Callable[[str, object, str], None]) -> None:
    """A short line naming one paper with its exam and year ("Gender Studies CSS 2020 – Q5
    …", a note's title) says which paper the question is from, before any other line: a
    label or menu naming an exam and a paper without a year ("CSS – Pak Affairs") is only
    a place on the site.
    """
    trail = _arrow_trail(preamble)
    for line in preamble:
        if (_paper_sitting(line) is None or len(line.split()) > SITTING_HEADER_WORDS
                or papers_named(line) != 1 or _site_menu(line, trail)
                or is_breadcrumb(line) or is_attribution(line)):
            continue
        lines_seen.append(line)  # the line a short name was read from, for the report
        note("paper", known_paper(line), "page header")
        # Its exam too, by name or by its commission ("SPSC CCE-2021 | …"), before a chat
        # list's or a menu's line naming another.
        note("exam", one_exam(line), "page header")


def _paper_sitting(line: str) -> re.Match[str] | None:
    """An exam and year naming the paper's sitting ("CSS 2019"); not "CSS 2018 PREP" (when
    the writer sits it) nor "Cleared CSS 2021" (the writer's own exam).
    """
    # Not the first year of a range ("Solved Past Papers (CSS 2015–2023)").
    # A commission may name it, with its exam's own name after ("SPSC CCE 2020"); a
    # post's title may set the paper between exam and year ("CSS Current Affairs 2021").
    tagged = None
    for between in (r"", r"(?:[A-Za-z&.' ]{3,45}?)\s"):
        found = re.search(rf"\b(?:{TAG_EXAM})\s*{between}[-–]?\s*((?:19|20)\d\d)\b"
                          r"(?!\s*(?:prep|preparation|aspirants?|batch|candidates?)\b"
                          r"|\s*[-–—]\s*(?:19|20)?\d\d\b)",
                          line, re.IGNORECASE)
        if found and (not between or papers_named(found.group(0)) == 1):
            tagged = found
            break
    if tagged and (_writers_own(line, tagged.start()) or re.search(
            r"\battempted\s*$", line[:tagged.start()], re.IGNORECASE)):
        return None
    return tagged


_WRITERS_OWN = re.compile(r"\b(?:cleared|qualified|passed|topped|allocated in|"
                          r"prepar(?:e|es|ing)\b(?:\s+[\w&]+){0,4}\s+for|"
                          r"appear(?:s|ing)?\s+(?:in|for))\s*$", re.IGNORECASE)
"""Words before a sitting that make it the writer's own exam ("Cleared CSS 2021", "I am
preparing Political Science for CSS 2025"), not the paper's."""


def _writers_own(line: str, start: int) -> bool:
    return bool(_WRITERS_OWN.search(line[:start]))


def _names_own_sitting(line: str) -> bool:
    """``line`` names the writer's own sitting ("… preparing for CSS 2026"): its year is
    no paper's.
    """
    return any(_writers_own(line, found.start()) for found in re.finditer(
        rf"\b(?:{TAG_EXAM})\s*[-–]?\s*(?:19|20)\d\d\b", line, re.IGNORECASE))


_MARKS_BRACKETED = re.compile(r"[(\[]\s*(\d{1,3})\s*marks?\s*[)\]]", re.IGNORECASE)
"""Marks in brackets ("(20 marks)") on a line that names a question and its sitting."""

_SAYS_SOLVED = re.compile(r"\b(?:solved|answered|attempted|model answer|solution)\b",
                          re.IGNORECASE)
"""A line naming a sitting and a question says the answer below is that question's ("CSS
2024 Islamiat paper — Question 4, solved the way I teach it")."""


def _read_attributed(line: str, note: Callable[[str, object, str], None]) -> None:
    """Exam, year and number from an attribution or a preface ("This answer to Question
    No. 6 of the CSS 2022 Political Science paper was attempted by …").
    """
    # "CSS 2022", "CSS Political Science 2022", "the CSS examination of 2023"
    # Not the writer's own sitting ("I am preparing it for CSS 2026, and this is Q3 of the
    # CSS 2021 paper"): the next one named.
    spaced = next((found for found in re.finditer(
        rf"\b({'|'.join(EXAMS)})(?:\s+[A-Z]\w+){{0,2}}(?:\s+exam(?:ination)?(?:\s+of)?)?"
        r"\s+((?:19|20)\d\d)\b", line) if not _writers_own(line, found.start())), None)
    if spaced and len(line.split()) <= 80 and (is_attribution(line) or is_preface(line) or (
            NAMED_NUMBER.search(line) and _SAYS_SOLVED.search(line))):
        note("exam", spaced.group(1).upper(), "page text")
        note("year", int(spaced.group(2)), "page text")
        asked = NAMED_NUMBER.search(line)
        note("number", int(asked.group(1)) if asked else None, "page text")
        # "Attempted Q3 of CSS 2022 Journalism (20 marks) – …": its marks as well.
        marks = _MARKS_BRACKETED.search(line) if asked else None
        note("marks", int(marks.group(1)) if marks else None, "page text")


_FIELD = re.compile(r"^\s*(exam(?:ination)?|year|session|(?:past\s+)?paper\s+attempted|"
                    r"question(?:\s*(?:no\.?|number|#))?|"
                    r"q\.?\s*no\.?|(?:total\s+)?marks)\s*[:\-–]\s*(\S.{0,40}?)\s*$",
                    re.IGNORECASE)
"""One fact of a page's own field list or table: "Exam: CSS", "Question No.: 4", "Marks: 20"."""


def _read_field(line: str, note: Callable[[str, object, str], None]) -> None:
    paper = re.match(r"^(?:subject|paper)\s*:\s*(.+)$", line.strip(), re.IGNORECASE)
    note("paper", known_paper(paper.group(1)) if paper else None, "page header")
    note("marks", marks_in_prose(line), "page text")  # "It carried 20 marks."
    field = _FIELD.match(line)
    if not field:
        return
    name, value = field.group(1).casefold(), field.group(2)
    digits = re.fullmatch(r"(?:Q(?:uestion)?\s*\.?\s*(?:No\.?)?\s*[#:.]?\s*)?(\d{1,3})"
                          r"(?:\s*marks?)?", value, re.IGNORECASE)
    if name.startswith("exam") or name in ("year", "session") or name.endswith("attempted"):
        exam = re.match(rf"({'|'.join(EXAMS)})\b", value, re.IGNORECASE)  # "CSS 2023"
        note("exam", exam.group(1).upper() if exam else None, "page's fields")
        note("year", year_in(value), "page's fields")
    elif name.endswith("marks") and digits:
        note("marks", int(digits.group(1)), "page's fields")
    elif digits and 1 <= int(digits.group(1)) <= 99:
        note("number", int(digits.group(1)), "page's fields")


def _read_part(part: str, note: Callable[[str, object, str], None], tags: list[str]) -> None:
    low = part.lower()
    exams = [w.upper() for w in re.findall(r"[a-z]+", low) if w.upper() in EXAMS]
    if exams and generic_crumb(part):
        note("exam", exams[0], "breadcrumb")
        note("year", year_in(part), "breadcrumb")
    elif re.fullmatch(r"(?:19|20)\d\d", low):
        note("year", int(low), "breadcrumb")
    elif re.fullmatch(r"(?:total\s+)?marks\s*[:\-–]?\s*\d{1,3}", low):
        note("marks", int(re.findall(r"\d+", low)[0]), "page header")  # "… | Marks 20"
    elif re.fullmatch(r"part[\s-]*(\d|i{1,3}|iv)", low):
        note("part", roman_part(re.split(r"[\s-]+", part)[-1]), "breadcrumb")
    elif low in ("compulsory", "optional"):
        tags.append(part.title())
    elif papers_named(part) > 1:
        return  # "Mentor for IR & Current Affairs" in a profile line: neither in particular
    elif known_paper(part):
        note("paper", known_paper(part), "breadcrumb")
    elif not generic_crumb(part) and not re.search(r"\d", low) and not exams:
        note("paper", part, "breadcrumb")  # "CSS Insight" is a site's name, not a paper
