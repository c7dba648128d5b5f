"""Tags on a question line: its year, marks and exam, and a closing bracket naming its paper.

Input: a question's text. Output: the text without its tags, and the tags read:
``"Discuss X. (10 + 10 = 20 Marks) 2021"`` → ``("Discuss X.", 2021, 20, None)``.

Shapes read: the year in brackets or at the end (``(2019)``, ``2022``, ``(CSS 2017)``,
``(CSS-16)``); marks as ``(20)``, ``[20 marks]``, ``(10 + 10 = 20 Marks)``.
"""

from __future__ import annotations

import re

from .papers import known_paper, roman_part, tag_exam

NAMED_NUMBER = re.compile(r"\b[Qq](?:uestion)?\s*\.?\s*(?:No\.?\s*|number\s*)?[#:.]?\s*"
                           r"(\d{1,2})\b")
"""A question's number named in passing: "Q3", "Q.No.6", "Question No. 6", "question # 4"."""
MARKS = re.compile(r"\s*[*_]{0,2}[(\[]\s*(?:marks?\s*[:\-]?\s*)?(\d{1,3}(?:\s*\+\s*\d{1,3})*)"
                    r"\s*(?:=\s*(\d{1,3}))?\s*(?:marks?|\u0646\u0645\u0628\u0631)?\s*[)\]][*_]{0,2}"
                    r"\s*\.?$", re.IGNORECASE)
"""``(20)``, ``[20 marks]``, ``(10 + 10 = 20 Marks)``, ``(Marks 20)``, bold or italic too;
Urdu's ``(۲۰ نمبر)``."""
_MARKS_BARE = re.compile(r"\s*[-–—,·|]?\s*\b(\d{1,3})\s*marks?\s*\.?$", re.IGNORECASE)
_MARKS_SHORT = re.compile(r"\s*[|·•]\s*(\d{1,3})\s?M\s*$")
"""A post header's marks shortened to "20M" in its last cell ("… | Q8 | 20M")."""
_MARKS_NAMED = re.compile(r"(?:^|\s*[-–—,|]?\s+)\b(?:total\s+)?marks?(?:\s+for\s+(?:this|the)\s+"
                          r"question)?\s*[:=]\s*(\d{1,3})\s*\.?$", re.IGNORECASE)
"""Marks named before their number, closing a line: "Question No. 5   Marks: 20" (set
right-aligned on the question's line), "| Total marks for this question: 20"."""
# Not the end of a range of years ("(1947-2019)" is part of the question).
_PROVINCE = r"(?:(?:Punjab|Sindh|KPK|KP|Khyber Pakhtunkhwa|Balochistan|AJK|GB)\s*[-–]?\s*)?"
"""A province between a PMS tag and its year ("PMS Punjab 2018")."""
TAG_EXAM = (r"(?:(?:Punjab|Sindh|KPK?|Balochistan|AJK|GB)\s+(?=PMS|PCS|CCE))?"
            r"(?:(?:FPSC|PPSC|KPPSC|SPSC|BPSC|AJKPSC)(?:\s+(?:CSS|PMS|PCS|CCE))?|CSS|PMS|PCS|"
            # Sindh's and Balochistan's PMS, the Combined Competitive Examination, named
            # with its province ("Sindh CCE 2021")
            r"(?<=Sindh )CCE|(?<=Balochistan )CCE)")
"""The exam a list's tag names, by its own name or by the commission that holds it, with
the province before it ("Sindh PCS 2020", "Sindh CCE 2021") or the commission's exam after
it ("BPSC CCE")."""
_YEAR = re.compile(rf"\s*[(\[]?\s*(?:({TAG_EXAM})\s*[-–,]?\s*{_PROVINCE})?"
                   r"(?<!\d[-–])((?:19|20)\d\d)\s*[)\]]?\s*\.?$",
                   re.IGNORECASE)
_EXAM_YEAR_MARKS = re.compile(
    r"\s*[*_]{0,2}[(\[]\s*(?:(CSS|PMS|PCS)\s*[-–]?\s*)?((?:19|20)\d\d)\s*[,;|/–—-]\s*(\d{1,3})"
    r"\s*(?:marks?)?\s*[)\]][*_]{0,2}\s*\.?$", re.IGNORECASE)
"""``(CSS 2020, 20 marks)``: exam, year and marks in one bracket."""
_TAG_AT_START = re.compile(r"^[(\[]\s*(CSS|PMS|PCS)\s*[-–]?\s*((?:19|20)\d\d)\s*[)\]]\s*[:\-–]?\s*",
                           re.IGNORECASE)
_EXAM = TAG_EXAM + r"\s*[-–]?\s*" + _PROVINCE + r"(?:19|20)\d\d"
# A dash before a tag may be typed as two or three hyphens ("--- BPSC 2018").
EXAM_YEAR_TAG = re.compile(rf"(?:[(\[]\s*{_EXAM}\s*[)\]]|\s(?:[—–]|-{{1,3}})\s*{_EXAM}|"
                            rf"(?:(?<=[.?!”\"])|(?<=\d[)\]])|(?<=marks[)\]]))\s+{_EXAM})\s*\.?$",
                            re.IGNORECASE)
"""``(CSS 2016)`` closing a listed question, ``— CSS 2016`` after a dash, or ``CSS-2016``
after its last sentence or after its marks ("… (10 marks) PMS Punjab 2021")."""


_SHORT_YEAR_TAG = re.compile(
    rf"(?P<head>[(\[]\s*(?:CSS|PMS|PCS)\s*{_PROVINCE})(?:['’]|[-–]\s*)?(?P<yy>\d\d)"
    r"\s*(?P<close>[)\]])"
    # Unbracketed after a dash closing the line ("… — CSS'22"), the year marked as cut
    # short by its apostrophe or hyphen, so "— CSS 22 marks" is not read as a year.
    rf"|(?P<dash>\s[—–-]\s*(?:CSS|PMS|PCS)\s*{_PROVINCE})(?:['’]|[-–]\s*)(?P<dyy>\d\d)"
    r"(?P<end>\s*)$"
    # A year alone, cut short by its apostrophe in brackets ("('16)", "['19]"), where a
    # list's note says a year alone is the CSS paper's.
    r"|(?P<bare>[(\[])\s*['’](?P<byy>\d\d)\s*(?P<bclose>[)\]])", re.IGNORECASE)
"""A listed question's tag with a two-digit year: "(CSS-16)", "[PMS Punjab'19]", "— CSS-23",
"('16)"."""


def full_years(text: str) -> str:
    """Two-digit years in exam tags written out: "(CSS-16)" → "(CSS 2016)". A PDF
    compilation shortens them to fit its lines; the exams it lists began after 1950.
    """
    def widen(found: re.Match[str]) -> str:
        short = int(found["yy"] or found["dyy"] or found["byy"])
        century = 1900 if short >= 50 else 2000
        if found["bare"]:
            return f"{found['bare']}{century + short}{found['bclose']}"
        head = found["head"] or found["dash"]
        return f"{head.rstrip(' -–')} {century + short}{found['close'] or found['end']}"
    return _SHORT_YEAR_TAG.sub(widen, text)


_LEAD_SITTING = rf"(?:({TAG_EXAM})\s*[-–]?\s*{_PROVINCE})?((?:19|20)\d\d)"
_LEAD_TAG = re.compile(rf"^(?:[(\[]\s*{_LEAD_SITTING}\s*[)\]]\s*[:\-–—]?\s*|"
                       rf"{_LEAD_SITTING}(?::\s*|\s+[-–—]\s+))(?=\S)",
                       re.IGNORECASE)
"""A list's tag set before its question, closed by a colon or a dash: "CSS-2016: …",
"PMS Punjab 2019: …", "KPPSC-2021: …", "2017 — …"."""


def read_item_tags(text: str) -> tuple[str, int | None, int | None, str | None]:
    """A listed question's tags wherever they sit: before it ("CSS-2016: Explain …"), or
    at its end before or after its marks (``read_tags``).

    Returns:
        ``(rest, year, marks, exam)`` as ``read_tags`` gives them.
    """
    text = full_years(" ".join(text.split()))
    lead = _LEAD_TAG.match(text)
    if lead and len(text[lead.end():].split()) >= 3:
        rest, _, marks, _ = read_tags(text[lead.end():])
        return rest, int(lead.group(2) or lead.group(4)), marks, tag_exam(lead.group(1)
                                                                          or lead.group(3))
    return read_tags(text)


LONG_TEXT = 2000
"""A text this long is a paragraph, not a question line: only its end is read for tags."""
TAG_TAIL = 300
"""The characters at a long text's end read for its tags."""


def read_tags(text: str) -> tuple[str, int | None, int | None, str | None]:
    """Strip year, marks and exam tags from the end (and start) of ``text``.

    Returns:
        ``(rest, year, marks, exam)``; e.g. ``"Discuss X. (10 + 10 = 20 Marks) 2021"`` →
        ``("Discuss X.", 2021, 20, None)``.
    """
    text = text.strip()
    if len(text) > LONG_TEXT:
        # Tags close a line: in a long paragraph only its last words are read for them
        # (searched whole, a page of one 5 MB paragraph took minutes).
        # At a space, so no word is cut; a text without one is cut where it falls.
        cut = text.rfind(" ", 0, len(text) - TAG_TAIL) + 1 or len(text) - TAG_TAIL
        rest, year, marks, exam = read_tags(text[cut:])
        return f"{text[:cut]}{rest}".strip(" \t-–—:"), year, marks, exam
    rest, year, marks, exam = full_years(text), None, None, None
    both = _EXAM_YEAR_MARKS.search(rest)
    if both and not both.group(1) and re.search(r"\d\s*[–—-]\s*\d{1,3}\s*[)\]]", both.group(0)):
        both = None  # "(1958-69)" is a span of years in the question, not a year and marks
    if both:
        exam = (both.group(1) or "").upper() or None
        year, marks, rest = int(both.group(2)), int(both.group(3)), rest[: both.start()]
    start = _TAG_AT_START.match(rest)
    if start:
        exam, year, rest = start.group(1).upper(), int(start.group(2)), rest[start.end():]
    while True:
        found = _YEAR.search(rest)
        if found and _in_sentence(rest, found):
            found = None
        if found and year is None and found.group(0).strip():
            year, exam = int(found.group(2)), exam or tag_exam(found.group(1))
            # "… (4) — CSS 2018": the dash before the tag parts it from the marks.
            rest = re.sub(r"\s+(?:[—–]|-{1,3})\s*$", "", rest[: found.start()])
            continue
        found = (MARKS.search(rest) or _MARKS_BARE.search(rest) or _MARKS_NAMED.search(rest)
                 or _MARKS_SHORT.search(rest))
        if found and marks is None:
            parts = [int(n) for n in re.findall(r"\d+", found.group(1))]
            total = found.group(2) if found.re is MARKS else None
            marks = int(total) if total else sum(parts)
            # A short tag before the marks ("— CSS'21 [10+10]") now closes the line.
            rest = full_years(rest[: found.start()])
            continue
        each = _MARKS_EACH.search(rest)
        if each:
            # "(10 each)": each part's marks; the total is the parts' count's, not said here.
            rest = rest[: each.start()]
            continue
        return rest.strip(" \t-–—:"), year, marks, exam


_MARKS_EACH = re.compile(r"\s*[(\[]\s*\d{1,2}\s*(?:marks?\s*)?each\s*[)\]]\s*$", re.IGNORECASE)


_PREPOSITION = re.compile(r"\b(?:since|in|of|after|before|until|till|from|to|by|during|"
                          r"between|and|or|year|years)\s*$", re.IGNORECASE)


def _in_sentence(text: str, found: re.Match[str]) -> bool:
    """A bare year after "since", "in", "after" … is part of the question, not its tag."""
    bracketed = found.group(0).strip().startswith(("(", "[")) or found.group(1)
    # "… at the Workplace Act 2010." ends its sentence with the year: no tag after it.
    return not bracketed and (bool(_PREPOSITION.search(text[: found.start()]))
                              or found.group(0).rstrip().endswith("."))


_ATTRIBUTION = re.compile(r"\s*[(\[]([^()\[\]]{4,90})[)\]]\s*\.?$")
_PART_YEAR = re.compile(r"(?:(?:KPPSC|PPSC|SPSC|BPSC|FPSC|Punjab|Sindh|KPK?|Balochistan)\s+)?"
                        r"(?:(CSS|PMS|PCS)\s*[-–]?\s*)?((?:19|20)\d\d)", re.IGNORECASE)
_PAPER_PART = re.compile(r"part[\s-]*(iii|ii|iv|i|[1-4])", re.IGNORECASE)
PAPER_OR_PART = re.compile(r"\b(?:paper|part)[\s-]*(?:iii|ii|iv|i|[1-4])\b", re.IGNORECASE)
_PART_MARKS = re.compile(r"(?:marks?\s*[:=]?\s*)?(\d{1,3})\s*(?:marks?)?", re.IGNORECASE)


def read_attribution(text: str) -> tuple[str, dict[str, object]]:
    """A closing bracket that names the paper among the exam, year and marks:
    ``"Discuss X. (CSS 2021, Pakistan Affairs, 20 marks)"`` → ``("Discuss X.",
    {"exam": "CSS", "year": 2021, "paper": "Pakistan Affairs", "marks": 20})``.

    A bracket with any other part (words of the question) is left as it is.
    """
    found = _ATTRIBUTION.search(text)
    if not found:
        return text, {}
    said: dict[str, object] = {}
    for part in (p.strip() for p in re.split(r"[,;|/]|\s[-–—]\s", found.group(1))):
        if not part:
            continue
        year = _PART_YEAR.fullmatch(part)
        marks = _PART_MARKS.fullmatch(part)
        paper = known_paper(part)
        section = _PAPER_PART.fullmatch(part)
        if section:
            said["part"] = roman_part(section.group(1))
        elif re.fullmatch(r"CSS|PMS|PCS", part, re.IGNORECASE):
            said["exam"] = part.upper()
        elif year:
            said["year"] = int(year.group(2))
            if year.group(1):
                said["exam"] = year.group(1).upper()
        elif marks and "mark" in part.lower():
            said["marks"] = int(marks.group(1))
        elif named := NAMED_NUMBER.fullmatch(part):
            said["number"] = int(named.group(1))
        elif paper and len(part) <= len(paper) + 12:
            said["paper"] = paper
        else:
            return text, {}
    # Only a bracket that names the paper or its part is read here; the others are
    # read_tags's.
    return (text[: found.start()], said) if {"paper", "part", "number"} & set(said) \
        else (text, {})


_MARKS_IN_PROSE = re.compile(
    r"\b(?:carried|carries|carrying|worth|was for|is for)\s+(\d{1,3})\s+marks\b|"
    r"\ba\s+(\d{1,3})[- ]?(?:marker\b|marks?\s+question\b)", re.IGNORECASE)
"""Marks told in a sentence: "It carried 20 marks", "a 20-marker in the 2020 paper", "It
was a 20 marks question"."""


def marks_in_prose(text: str) -> int | None:
    """The marks a sentence gives the question, or None."""
    found = _MARKS_IN_PROSE.search(text)
    return int(found.group(1) or found.group(2)) if found else None


def year_in(text: str, *, phrase: bool = False) -> int | None:
    """The first year in ``text``; with ``phrase``, not one inside the question's words
    ("… with reference to the 2022 floods" in a title that is the question).
    """
    for match in re.finditer(r"\b((?:19[4-9]|20\d)\d)\b", text):
        before = text[:match.start()]
        if not phrase or not (re.search(r"\b(?:the|a|an)\s*$", before, re.IGNORECASE)
                              or _PREPOSITION.search(before)):
            return int(match.group(1))
    return None


_FACT_SEPARATOR = re.compile(r"\s+[-–—|•·]\s+|\s*[|•·]\s*")
_MARKS_FACT = re.compile(r"^(?:(?:total\s+)?marks?\s*[:=]?\s*(\d{1,3})|(\d{1,3})\s*marks?)$",
                         re.IGNORECASE)


_NUMBER_FACT = re.compile(r"^Q(?:uestion)?\s*(?:No\.?|#)?\s*[:.]?\s*(\d{1,2})$", re.IGNORECASE)


def sitting_line(text: str) -> dict[str, object] | None:
    """The facts of a line made of nothing else ("CSS 2025 – English Essay – Marks: 100",
    "Islamiat — Question No. 4 — Marks 20"): exam, year, paper, number, marks; None when
    any part of the line is something else, or when it names no sitting or paper.
    """
    facts: dict[str, object] = {}
    for part in _FACT_SEPARATOR.split(text.strip()):
        rest, year, marks, exam = read_tags(part)
        stated = _MARKS_FACT.match(part.strip())
        asked = _NUMBER_FACT.match(part.strip())
        if stated:
            facts.setdefault("marks", int(stated.group(1) or stated.group(2)))
        elif asked:
            facts.setdefault("number", int(asked.group(1)))
        elif (year or exam) and not rest.strip(" -–—:,"):
            facts.setdefault("year", year)
            facts.setdefault("exam", exam)
            if marks:
                facts.setdefault("marks", marks)
        elif (paper := known_paper(part)) and len(part.split()) <= len(paper.split()) + 1:
            facts.setdefault("paper", paper)
        else:
            return None
    named = {k: v for k, v in facts.items() if v is not None}
    return named if len(facts) >= 2 and ("year" in named or "paper" in named) else None
