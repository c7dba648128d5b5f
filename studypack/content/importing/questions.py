"""Question lines and page context: where each answer starts and what it is.

Input: plain block texts. Output: ``QuestionLine`` (number, question, year,
marks, exam as written on the line) and ``Context`` (exam, paper, year, part,
tags read from a page's header line, breadcrumb or title, for every answer on
the page).

Shapes read: ``Q.8``, ``Q-02.``, ``Q1.``, ``Q. No. 2:``, ``Question 3``,
``Question No. 4 –``; the year in brackets or at the end (``(2019)``,
``2022``, ``(CSS 2017)``); marks as ``(20)``, ``[20 marks]``,
``(10 + 10 = 20 Marks)``; breadcrumbs as ``CSS | Past Paper | Compulsory |
2025 | Part 2``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from .blocks import EMOJI, QUESTION_WORDS, plain, split_marker
from .junk import is_menu
from .preamble import is_attribution, is_preface
from .series import without_place
from .urdu import latin_context

EXAMS = ("CSS", "PMS", "PCS", "FPSC", "PPSC")
COMMISSIONS = {"FPSC": "CSS", "PPSC": "PMS", "PCS": "PMS"}
"""A commission named for its exam: FPSC sets CSS, the Punjab commission PMS. A province's
PCS (Provincial Civil Service) is the same exam as its PMS, and is filed as PMS."""

PAPERS = (
    "English Essay", "English (Precis and Composition)", "General Science and Ability",
    "Current Affairs", "Pakistan Affairs", "Islamic Studies",
    "Comparative Study of Major Religions", "International Relations", "Political Science",
    "Public Administration", "Governance and Public Policies", "International Law",
    "Constitutional Law", "Economics", "Sociology", "Gender Studies", "Criminology",
    "Journalism and Mass Communication", "Psychology", "Philosophy", "Environmental Science",
    "Town Planning and Urban Management", "History of Pakistan and India",
    "Islamic History and Culture", "British History", "European History", "History of USA",
    "Accountancy and Auditing", "Business Administration", "Anthropology", "Geography",
    "Mercantile Law", "Muslim Law and Jurisprudence", "Urdu Literature", "English Literature",
    "Computer Science", "Applied Mathematics", "Pure Mathematics", "Statistics",
)
"""Paper names of the CSS scheme of studies, as the content folders spell them."""

ALIASES = {
    "islamiat": "Islamic Studies", "gsa": "General Science and Ability",
    "everyday science": "General Science and Ability", "pak affairs": "Pakistan Affairs",
    "precis": "English (Precis and Composition)",
    "comparative religions": "Comparative Study of Major Religions",
    "indo-pak history": "History of Pakistan and India",
    "indo pak history": "History of Pakistan and India",
    "pak-india history": "History of Pakistan and India",
    "pakistan studies": "Pakistan Affairs", "pak studies": "Pakistan Affairs",
    "gpp": "Governance and Public Policies", "ir": "International Relations",
    "psych": "Psychology", "pub ad": "Public Administration", "pubad": "Public Administration",
    "governance and public policy": "Governance and Public Policies",
    "pol science": "Political Science", "pol. science": "Political Science",
    "pol sci": "Political Science", "polsci": "Political Science",
    "journalism": "Journalism and Mass Communication",
    "mass communication": "Journalism and Mass Communication",
    "us history": "History of USA", "u.s. history": "History of USA",
    "american history": "History of USA", "history of the usa": "History of USA",
    "english lit": "English Literature", "eng lit": "English Literature",
    "town planning": "Town Planning and Urban Management",
}
"""Short names students use → the paper's name."""

_GENERIC = {"past", "paper", "papers", "solved", "home", "notes", "note", "question", "questions",
            "answer", "answers", "subjective", "objective", "mcqs", "mcq", "compulsory",
            "optional", "blog", "exam", "exams", "the", "and", "of", "with", "all", "latest",
            "online", "preparation", "prep", "study", "material", "materials", "solution",
            "solutions", "model", "guide", "subjects", "subject", "category", "categories",
            # Provinces and commissions qualify an exam ("PMS Punjab", "PPSC"); no paper.
            "punjab", "sindh", "balochistan", "khyber", "pakhtunkhwa", "kpk", "kp", "ajk",
            "go", "back", "site", "main", "index", "archive", "archives", "section",
            "topic", "topics", "wise", "compiled", "compilation", "list", "bank",
            "you", "are", "here",
            "fpsc", "ppsc", "spsc", "kppsc", "bpsc"}
"""Words of breadcrumb parts that name no paper ("Home", "CSS Past Papers", "Solved
Answers", "PMS Punjab Solved Papers"); a part made only of these and exam names is
skipped."""


_TITLE_SPLIT = re.compile(r"\s+[|›»]\s+|\s+[-–—]\s+|\s*\|\s*")


def title_as_question(titles: list[str]) -> QuestionLine | None:
    """The page's own title taken as its question, when no line asks one ("Water Scarcity
    in Pakistan: Causes and Remedies"): the longest part of three words or more that
    names no site, exam or paper alone. Recorded as a guess.
    """
    for title in titles:
        parts = [p.strip() for p in _TITLE_SPLIT.split(" ".join(title.split())) if p.strip()]
        parts = [p for p in parts if len(p.split()) >= 3 and not _generic(p)
                 and not re.search(rf"\b(?:{'|'.join(EXAMS)})\b|\bsolved\b|\bnotes\b", p,
                                   re.IGNORECASE)]
        if parts:
            text = max(parts, key=len)
            return QuestionLine(number=None, text=read_tags(text)[0],
                                guessed="the page's title (no line asks the question)")
    return None


def title_question(title: str) -> QuestionLine | None:
    """The question in a page title such as ``CSS Solved Papers | Critically Examine …``.

    The part of the title that sets a task ("Examine", "Discuss", "How …")
    and runs to five words or more is the question; tags in it are read.
    """
    parts = [p.strip() for p in _TITLE_SPLIT.split(" ".join(title.split())) if p.strip()]
    asks = [p for p in parts if QUESTION_WORDS.search(p) and len(p.split()) >= 5]
    if not asks:
        return None
    text = max(asks, key=len)
    found = parse_question(text)
    if found is not None:
        return found
    rest, year, marks, exam = read_tags(text)
    rest = re.sub(rf"^(?:{'|'.join(EXAMS)})\s*(?:(?:19|20)\d\d)?\s*[:\-–]\s*", "", rest)
    return QuestionLine(number=None, text=rest, year=year, marks=marks, exam=exam)


_Q_NUMBERED = re.compile(
    r"^(?:Q(?:uestion|ues)?)\s*\.?\s*(?:No\.?\s*|#\s*)?[-.:#]?\s*(\d{1,3})(?!\d)\s*[.:)\-–]*\s*(.*)$",
    re.IGNORECASE)
_Q_AT_END = re.compile(
    r"^(?P<head>[^?]{3,80}?)(?:\s*[-–—|:,]\s*|\s+)(?:Q(?:uestion)?\s*\.?\s*(?:No\.?\s*)?[.#:\-]?\s*)"
    r"(?P<number>\d{1,2})\s*[:.)]?$", re.IGNORECASE)
"""``CSS Islamiat Paper 2018 – Q.2``: a header ending in the question's number; the
question itself follows on the next line."""
_AND_ANOTHER = re.compile(r"^(?:and|or|&|to|[,/–—-])\s*Q(?:uestion)?\s*\.?\s*\d", re.IGNORECASE)
"""After a line's first marker, a second one joined to it ("Q5 and Q6 …", "Q10–Q12"): the
line names questions, it sets none."""
_NAMED_NUMBER = re.compile(r"\b[Qq](?:uestion)?\s*\.?\s*(?:No\.?\s*|number\s*)?[#:.]?\s*"
                           r"(\d{1,2})\b")
"""A question's number named in passing: "Q3", "Q.No.6", "Question No. 6", "question # 4"."""
_HEADER_REMARK = re.compile(r"(?:(?<=\d)|(?<=\d[)\]])|(?<=[Mm]arks[)\]]))"
                            r"\s+[—–]\s+[a-z][^—–?]{4,80}$")
"""A remark in small letters after a header's number or marks ("— a model answer")."""
_NUMBER_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                 "eleven", "twelve")
_SPELLED_NUMBER = re.compile(rf"^(Question(?:\s+No\.?)?)\s+({'|'.join(_NUMBER_WORDS)})"
                             r"(?=\s*[:.)\-–—]\s*\S)", re.IGNORECASE)
"""A question's number spelled out, a separator after it: "Question Five: Discuss …"."""
_Q_URDU = re.compile(r"^سوال\s*(?:نمبر|نمبر:|#)?\s*(\d{1,3})\s*[:۔.)\-–]*\s*(.*)$")
"""``سوال نمبر ۳: …``: an Urdu question line; Urdu digits (۳) are decimal digits to the pattern."""
_ESSAY_TOPIC = re.compile(r"^\**(?:(?:essay\s+)topic\s*(?:\(([^()]{3,30})\))?|topic\s*\(([^()]*"
                          r"(?:19|20)\d\d[^()]*)\))\s*\**\s*(?::|\s[-–])\s*\**(\S.{10,200})$",
                          re.IGNORECASE)
"""An essay's topic: "Essay topic: …", or "Topic (CSS 2022): …" with its sitting (a bare
"Topic: Political Instability" heads a student's notes)."""
_QUOTED_MARKS = re.compile(r"^[\"“](.{20,}?)[\"”]\s*[(\[]\s*(\d{1,2})\s*(?:marks?)?\s*[)\]]\.?$",
                           re.IGNORECASE)
_MARKS_FIRST = re.compile(r"^[*_]{0,2}[(\[]\s*(\d{1,3})\s*marks?\s*[)\]]\s*", re.IGNORECASE)
"""Marks in brackets opening a line, before its "Q.3" marker: "[20 Marks] Q.3: …"."""
_Q_BARE = re.compile(r"^(?:the\s+)?(?:Q|Ques|Question)\s*[.:)\-–]\s*(\S.*)$", re.IGNORECASE)
_TAGGED = re.compile(
    r"^(CSS|PMS|PCS)\s*[-–]?\s*((?:19|20)\d\d)\s*[,|–-]?\s*([^:“\"]{0,60}?)\s*:\s*[“\"]?"
    r"(\S.+?)[”\"]?$", re.IGNORECASE)
"""``CSS 2018, Constitutional Law: “The 18th Amendment … Discuss.”``: exam, year and
paper before the question."""
_LISTED = re.compile(r"^(\d{1,4})\s*[.)\-–]\s*(\S.*)$")
_MARKS = re.compile(r"\s*[*_]{0,2}[(\[]\s*(?:marks?\s*[:\-]?\s*)?(\d{1,3}(?:\s*\+\s*\d{1,3})*)"
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
_TAG_EXAM = (r"(?:(?:Punjab|Sindh|KPK?|Balochistan|AJK|GB)\s+(?=PMS|PCS))?"
             r"(?:(?:FPSC|PPSC|KPPSC|SPSC|BPSC|AJKPSC)(?:\s+(?:CSS|PMS|PCS|CCE))?|CSS|PMS|PCS)")
"""The exam a list's tag names, by its own name or by the commission that holds it, with
the province before it ("Sindh PCS 2020") or the commission's exam after it ("BPSC CCE")."""
_YEAR = re.compile(rf"\s*[(\[]?\s*(?:({_TAG_EXAM})\s*[-–,]?\s*{_PROVINCE})?"
                   r"(?<!\d[-–])((?:19|20)\d\d)\s*[)\]]?\s*\.?$",
                   re.IGNORECASE)
_EXAM_YEAR_MARKS = re.compile(
    r"\s*[*_]{0,2}[(\[]\s*(?:(CSS|PMS|PCS)\s*[-–]?\s*)?((?:19|20)\d\d)\s*[,;|/–—-]\s*(\d{1,3})"
    r"\s*(?:marks?)?\s*[)\]][*_]{0,2}\s*\.?$", re.IGNORECASE)
"""``(CSS 2020, 20 marks)``: exam, year and marks in one bracket."""
_TAG_AT_START = re.compile(r"^[(\[]\s*(CSS|PMS|PCS)\s*[-–]?\s*((?:19|20)\d\d)\s*[)\]]\s*[:\-–]?\s*",
                           re.IGNORECASE)
_EXAM = _TAG_EXAM + r"\s*[-–]?\s*" + _PROVINCE + r"(?:19|20)\d\d"
# A dash before a tag may be typed as two or three hyphens ("--- BPSC 2018").
_EXAM_YEAR_TAG = re.compile(rf"(?:[(\[]\s*{_EXAM}\s*[)\]]|\s(?:[—–]|-{{1,3}})\s*{_EXAM}|"
                            rf"(?:(?<=[.?!”\"])|(?<=\d[)\]])|(?<=marks[)\]]))\s+{_EXAM})\s*\.?$",
                            re.IGNORECASE)
"""``(CSS 2016)`` closing a listed question, ``— CSS 2016`` after a dash, or ``CSS-2016``
after its last sentence or after its marks ("… (10 marks) PMS Punjab 2021")."""


@dataclass(frozen=True)
class QuestionLine:
    """What a question line says.

    Attributes:
        number: The question number (None when the line has none).
        text: The question, without number, year or marks.
        year: Year from the line, or None.
        marks: Total marks from the line, or None.
        exam: Exam named on the line ("(CSS 2017)"), or None.
        listed: The number is a position in a topic-wise list, not the paper's.
        guessed: How the question was found when no line asked it ("" when one did).
        paper: The paper the line names before the question ("CSS 2018, Constitutional
            Law: …"), or None.
        part: The paper's part its closing bracket names ("(CSS 2018 - Part-II)"), or None.
    """

    number: int | None
    text: str
    year: int | None = None
    marks: int | None = None
    exam: str | None = None
    listed: bool = False
    guessed: str = ""
    paper: str | None = None
    part: str | None = None


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


def parse_question(text: str) -> QuestionLine | None:
    """Read ``text`` as a question line, or return None when it is not one.

    A line counts when it starts ``Q``/``Question`` with a number, starts
    ``Q.``/``Question:`` without one but carries an exam-and-year tag, or is a
    numbered list line ending in such a tag (topic-wise lists).
    """
    # Ticks and stars a student puts after a listed question are not part of it.
    # So are the emoji a post's header closes with ("… | Q No 2 📝").
    # So is a post's place in a series ("… Q.No.6 (Part 1/2)"), the channel's and not the paper's.
    line = _ocr_marks(without_place(re.sub(
        rf"(?:\s*(?:[✅❌✔✓☑⭐★✗✘]|{EMOJI})[\ufe0f\u200d]*)+\s*$", "",
        full_years(" ".join(text.split())))))
    # "❓Q.5 — …": a chat post's emoji before the marker is not part of the line.
    glyph = re.match(rf"^(?:{EMOJI}[\ufe0f\u200d]*\s*)+", line)
    if glyph and _Q_NUMBERED.match(line[glyph.end():]):
        line = line[glyph.end():]
    # "Question Five: …": the number spelled out is the paper's number all the same.
    spelled = _SPELLED_NUMBER.match(line)
    if spelled:
        spelt = _NUMBER_WORDS.index(spelled.group(2).casefold()) + 1
        line = f"{spelled.group(1)} {spelt}{line[spelled.end(2):]}"
    # "[20 Marks] Q.3: …": the marks set before the marker.
    first_marks = _MARKS_FIRST.match(line)
    if first_marks and _Q_NUMBERED.match(line[first_marks.end():]):
        line = line[first_marks.end():]
    match = _Q_NUMBERED.match(line) or _Q_URDU.match(line)
    if match and _AND_ANOTHER.match(match.group(2)):
        return None  # "Q5 and Q6 can be prepared together": a note naming two questions
    if match:
        found = _with_tags(_paper_number(match.group(1)), match.group(2))
        if first_marks and found.marks is None:
            return replace(found, marks=int(first_marks.group(1)))
        return found
    topic = _ESSAY_TOPIC.match(line)
    if topic:
        # "Topic (CSS 2022): Social media has made us …": an essay's topic asks nothing.
        sitting = topic.group(1) or topic.group(2)
        _, year, _, exam = read_tags(f"({sitting})" if sitting else "")
        return QuestionLine(number=None, text=topic.group(3).strip(" *"), year=year, exam=exam,
                            paper="English Essay")
    quoted = _QUOTED_MARKS.match(line)
    if quoted and asks(quoted.group(1)):
        # '"Compare classical and operant conditioning. …" (20)': a question quoted with
        # its marks, as a student asking for its answer writes it.
        return QuestionLine(number=None, text=quoted.group(1).strip(), marks=int(quoted.group(2)))
    # "CSS 2022 · GPP · Q.5 (20 marks) — a model answer": a header's remark after a dash.
    untagged, tag_year, tag_marks, tag_exam = read_tags(_HEADER_REMARK.sub("", line))
    # "IR -- CSS 2023 -- Q.2 (typed from my exam attempt)": a remark after the header.
    match = _Q_AT_END.match(re.sub(r"\s*\((?=[^)]*[a-z]{4})[^()\d]{8,80}\)\s*$", "", untagged))
    if match and (match["head"].count("(") != match["head"].count(")")
                  or _NAMED_NUMBER.search(match["head"])):
        match = None  # "… Solved Questions (Q2 and Q4)", "… – Q2 & Q6" name questions
    # "Economics Paper II · Part-II · Question 03" names its paper where others name the
    # exam or the year.
    if match and (re.search(rf"\b(?:{'|'.join(EXAMS)})\b|\b(?:19|20)\d\d\b", match["head"])
                  or (known_paper(match["head"]) and _PAPER_OR_PART.search(match["head"]))):
        _, year, _, exam = read_tags(match["head"])
        exam = exam or next(iter(re.findall(rf"\b({'|'.join(EXAMS)})\b", match["head"])), None)
        return QuestionLine(number=int(match["number"]), text="",
                            year=year or tag_year or _year_in(match["head"]),
                            exam=exam or tag_exam, marks=tag_marks,
                            paper=known_paper(match["head"]) if _papers_named(match["head"]) == 1
                            else None)
    labelled = _Q_LABEL_TAGS.match(line)
    if labelled and len(labelled.group(2).split()) >= 4:
        # "Question (CSS 2022, Sociology, Q.6): Rapid urbanisation … Discuss. (20)"
        inside = labelled.group(1)
        rest, year, marks, exam = read_tags(labelled.group(2))
        number = _NAMED_NUMBER.search(inside)
        found_exam = re.search(rf"\b({'|'.join(EXAMS)})\b", inside, re.IGNORECASE)
        inside_marks = re.search(r"\b(\d{1,3})\s*marks?\b", inside, re.IGNORECASE)
        return QuestionLine(number=int(number.group(1)) if number else None, text=rest,
                            year=year or _year_in(inside),
                            marks=marks or (int(inside_marks.group(1)) if inside_marks else None),
                            exam=exam or (found_exam.group(1).upper() if found_exam else None),
                            paper=known_paper(inside))
    return _tagged_forms(line)


def question_marker(text: str) -> tuple[int | None, str] | None:
    """A line's "Q.3" / "Question No. 3" / "Q.No.3" marker read off: ``(number, rest)``."""
    match = _Q_NUMBERED.match(" ".join(text.split()))
    return (_paper_number(match.group(1)), match.group(2)) if match else None


def _ocr_marks(line: str) -> str:
    """A scan's slips in a question's marker and marks: "Q.N0.7" → "Q.No.7", "(2O)" → "(20)"."""
    line = re.sub(r"^(Q(?:ues(?:tion)?)?\s*\.?\s*)N0(?=\s*\.?\s*\d)", r"\1No", line)
    return re.sub(r"\((\d)[Oo]\)\s*$", r"(\g<1>0)", line)


def _tagged_forms(line: str) -> QuestionLine | None:
    """The question lines ``parse_question`` reads by their exam and year tags, or by a
    list's number (the forms without a "Q" marker).
    """
    tagged = _TAGGED.match(line)
    if tagged and (QUESTION_WORDS.search(tagged.group(4)) or "?" in line) and len(
            tagged.group(4).split()) >= 5:
        rest, _, marks, _ = read_tags(tagged.group(4))
        return QuestionLine(number=None, text=rest.strip("“”\" "), year=int(tagged.group(2)),
                            marks=marks, exam=tagged.group(1).upper(),
                            paper=known_paper(tagged.group(3)))
    match = _Q_BARE.match(line)
    # "Question: Local rule is weak. Analyse why." sets its task in a later sentence.
    if match and ("?" in line or QUESTION_WORDS.match(match.group(1)) or asks(match.group(1))
                  ) and len(match.group(1).split()) >= 4:
        return _with_tags(None, match.group(1))  # "Question: What is Zakat? Explain …"
    if match and _EXAM_YEAR_TAG.search(line):
        return _with_tags(None, match.group(1))
    match = _LISTED.match(line)
    if match and _EXAM_YEAR_TAG.search(line):
        return QuestionLine(**{**_with_tags(_paper_number(match.group(1)), match.group(2)).__dict__,
                               "listed": True})
    first = _YEAR_FIRST.match(line)
    if first and asks(first.group(2)):  # "2017 — Compare realism and liberalism …"
        rest, _, marks, exam = read_tags(first.group(2))
        return QuestionLine(number=None, text=rest, year=int(first.group(1)), marks=marks,
                            exam=exam, listed=True)
    if match and _BARE_YEAR_TAG.search(line) and asks(match.group(2)):
        # "3. Why does Pakistan … crises? (2019)": a list of one exam's questions.
        return QuestionLine(**{**_with_tags(None, match.group(2)).__dict__, "listed": True})
    return None


_Q_LABEL_TAGS = re.compile(r"^(?:the\s+)?question\s*\(([^)]{3,80})\)\s*[:.\-–]\s*(\S.+)$",
                           re.IGNORECASE)
_YEAR_FIRST = re.compile(r"^(?:\d{1,4}[.)]\s*)?\**((?:19|20)\d\d)\**\s*[—–:-]\s*(\S.+)$")
_BARE_YEAR_TAG = re.compile(r"[(\[]\s*(?:19|20)\d\d\s*[)\]]\s*\.?$")


def listed_topic(text: str) -> QuestionLine | None:
    """A list line closing in its year alone that asks nothing ("4. Debt and the road to
    self-reliance (2021)"): an essay's topic, set as a statement. It is a listed question
    only on a page that lists questions in the same form, which the caller judges.
    """
    line = " ".join(text.split())
    match = _LISTED.match(line)
    if match is None or not _BARE_YEAR_TAG.search(line):
        return None
    found = _with_tags(None, match.group(2))
    return replace(found, listed=True) if len(found.text.split()) >= 4 else None


def sitting_head(head: str) -> tuple[str, int] | None:
    """The exam and year a head names and nothing else ("CSS 2023", "📍 PMS Punjab 2022
    (PPSC)"): a list by year, whose heads are no topics.
    """
    head = re.sub(rf"^(?:[-–•▶►*]|{EMOJI})[\ufe0f]?\s*", "", head.strip())
    # The commission may come first, as the exam's own name does ("PPSC PMS 2021"), or
    # stand for it ("KPPSC 2020", "SPSC CCE 2021 (Sindh)"); one word may lead in with a
    # dash ("Bonus — CSS 2022").
    found = re.fullmatch(r"\**(?:[^\W\d_]+\s*[—–:]\s*)?(?:(?:FPSC|PPSC|KPPSC|SPSC|BPSC|AJKPSC)"
                         r"\s+)?(CSS|PMS|PCS|FPSC|PPSC|KPPSC|SPSC|BPSC|AJKPSC)\b"
                         r"[\w\s()-]{0,30}?\b((?:19|20)\d\d)\b[\s()\w-]{0,16}\**:?",
                         head.strip(), re.IGNORECASE)
    if found is None:
        return None
    return tag_exam(found.group(1)) or "PMS", int(found.group(2))


def year_head(head: str) -> tuple[str | None, int] | None:
    """The sitting a head over a list names and nothing else: an exam and a year ("CSS
    2019", read by ``sitting_head``), or a year among a list's own words ("Past Papers
    2018", "Paper of 2020"), whose exam the page names. A year's questions follow it; it
    is no topic.
    """
    sitting = sitting_head(head)
    if sitting:
        return sitting
    text = re.sub(rf"^(?:[-–•▶►*#]|{EMOJI})[\ufe0f]?\s*", "", plain(head).strip())
    years = re.findall(r"\b(?:19|20)\d\d\b", text)
    if len(years) != 1 or len(text.split()) > 6:
        return None
    words = re.sub(r"\b(?:19|20)\d\d\b", " ", text)
    if re.search(r"[^\w\s:()\-–]", words) or not _generic(words):
        return None
    return _one_exam(text), int(years[0])


_LEAD_SITTING = rf"(?:({_TAG_EXAM})\s*[-–]?\s*{_PROVINCE})?((?:19|20)\d\d)"
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


def asks(text: str) -> bool:
    """Text that sets a task: it asks ("?"), or one of its sentences opens with a directive
    ("Discuss …", "“Peace … Pakistan.” Comment.", "Pakistan … vulnerable. Analyse …").
    """
    sentences = re.split(r"(?<=[.!;:”\"])\s+", text.strip())
    return ("?" in text or any(QUESTION_WORDS.match(s.lstrip("“\"'‘ ")) for s in sentences)
            ) and len(text.split()) >= 5


def _paper_number(digits: str) -> int | None:
    """A question's number as a paper can have it (1–99); "Q.120" in a long list is
    still a question, with its number left to write.
    """
    number = int(digits)
    return number if 1 <= number <= 99 else None


def read_tags(text: str) -> tuple[str, int | None, int | None, str | None]:
    """Strip year, marks and exam tags from the end (and start) of ``text``.

    Returns:
        ``(rest, year, marks, exam)``; e.g. ``"Discuss X. (10 + 10 = 20 Marks) 2021"`` →
        ``("Discuss X.", 2021, 20, None)``.
    """
    rest, year, marks, exam = full_years(text.strip()), None, None, None
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
        found = (_MARKS.search(rest) or _MARKS_BARE.search(rest) or _MARKS_NAMED.search(rest)
                 or _MARKS_SHORT.search(rest))
        if found and marks is None:
            parts = [int(n) for n in re.findall(r"\d+", found.group(1))]
            total = found.group(2) if found.re is _MARKS else None
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


def tag_exam(named: str | None) -> str | None:
    """The exam a tag names: CSS, or a province's PMS by any of its names ("KPPSC",
    "Sindh PCS", "BPSC CCE"); None when the tag names none.
    """
    if not named:
        return None
    words = named.upper().split()
    return "CSS" if "CSS" in words or "FPSC" in words else "PMS"


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
_PAPER_OR_PART = re.compile(r"\b(?:paper|part)[\s-]*(?:iii|ii|iv|i|[1-4])\b", re.IGNORECASE)
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
        elif named := _NAMED_NUMBER.fullmatch(part):
            said["number"] = int(named.group(1))
        elif paper and len(part) <= len(paper) + 12:
            said["paper"] = paper
        else:
            return text, {}
    # Only a bracket that names the paper or its part is read here; the others are
    # read_tags's.
    return (text[: found.start()], said) if {"paper", "part", "number"} & set(said) \
        else (text, {})


def _with_tags(number: int | None, text: str) -> QuestionLine:
    text, said = read_attribution(text)
    marks_bracket = _MARKS.search(text) if not said else None
    if marks_bracket:
        # "(CSS 2018 - Part-II) (20 marks)": the bracket before the marks' is read too;
        # the marks' bracket stays for read_tags.
        head, said = read_attribution(text[:marks_bracket.start()])
        if said:
            text = head + text[marks_bracket.start():]
    rest, year, marks, exam = read_tags(text)
    year = year or _int_or_none(said.get("year"))
    marks = marks or _int_or_none(said.get("marks"))
    exam = exam or (str(said["exam"]) if "exam" in said else None)
    if not re.search(r"\(b\)|\bb\)", rest):  # "(a) What is …" alone: the part's letter
        rest = re.sub(r"^\(?[a-h]\)\s+(?=[A-Z])", "", rest)
    # 'Question: "Is … Discuss."': quotes around the whole question are not its own.
    rest = re.sub(r'^[“"]([^“”"]{10,})[”"]$', r"\1", rest)
    return QuestionLine(number=number, text=rest, year=year, marks=marks, exam=exam,
                        paper=str(said["paper"]) if "paper" in said else None,
                        part=str(said["part"]) if "part" in said else None)


def short_parts(question: QuestionLine, lines: list[str]) -> list[QuestionLine]:
    """The lettered parts of a question that itself asks nothing ("Q.No.8 Write short
    notes on the following:" over "(a) … (5)", "(b) … (5)"): each part is a question of
    its own, under the question's number.
    """
    if not re.search(r"(?:\bthe following\b[\w\s]{0,30}|\bshort notes on):?$", question.text,
                     re.IGNORECASE):
        return []
    parts = []
    for line in lines:
        marker, _, rest = split_marker(line)
        if marker != "letter":
            break  # the parts end; a head of the next questions may follow
        part = _with_tags(question.number, rest)
        parts.append(replace(part, exam=part.exam or question.exam,
                             year=part.year or question.year))
    return parts if len(parts) >= 2 else []


def _int_or_none(value: object) -> int | None:
    return value if isinstance(value, int) else None


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


def known_paper(text: str) -> str | None:
    """The paper named in ``text`` (a name from ``PAPERS`` or a common short name)."""
    low = " ".join(text.lower().replace("&", "and").split())
    for paper in sorted(PAPERS, key=len, reverse=True):
        if paper.lower() in low:
            return paper
    for alias, paper in ALIASES.items():
        if re.search(rf"\b{re.escape(alias)}\b", low):
            return paper
    return None


def _papers_named(text: str) -> int:
    """How many papers ``text`` names, by name or short name ("IR & Current Affairs": 2)."""
    low = " ".join(text.lower().replace("&", "and").split())
    return len({paper for paper in PAPERS if paper.lower() in low} | {
        paper for alias, paper in ALIASES.items() if re.search(rf"\b{re.escape(alias)}\b", low)})


_MARKS_IN_PROSE = re.compile(
    r"\b(?:carried|carries|carrying|worth|was for|is for)\s+(\d{1,3})\s+marks\b|"
    r"\ba\s+(\d{1,3})[- ]?marker\b", re.IGNORECASE)
"""Marks told in a sentence: "It carried 20 marks", "a 20-marker in the 2020 paper"."""


def marks_in_prose(text: str) -> int | None:
    """The marks a sentence gives the question, or None."""
    found = _MARKS_IN_PROSE.search(text)
    return int(found.group(1) or found.group(2)) if found else None


def is_breadcrumb(text: str) -> bool:
    """Three or more short parts split by ``|``, ``›``, ``»``, ``>`` or `` / ``."""
    parts = re.split(r"\s+[|›»>/·]\s+|\s*\|\s*", text.strip())
    return len(parts) >= 3 and all(0 < len(p.split()) <= 6 for p in parts)


_ARROWS = re.compile(r"\s[»›>]\s")


def _site_menu(line: str, preamble: list[str]) -> bool:
    """A site's menu, not a trail: its usual words ("Home | Contact"); or, with a trail set
    with arrows on the page ("Home » Criminology » Solved Papers"), a row of parts split
    only by bars, whose sections ("Current Affairs") name papers too.
    """
    return is_menu(line) or (is_breadcrumb(line) and not _ARROWS.search(line) and any(
        is_breadcrumb(other) and _ARROWS.search(other) for other in preamble))


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
    preamble, title = [latin_context(line) for line in preamble], latin_context(title)

    def note(name: str, value: object, source: str) -> None:
        # A paper's own name beats an unknown one read earlier ("Urdu Notes" in a menu).
        if name == "paper" and value in PAPERS and found.get("paper") not in (None, *PAPERS):
            del found["paper"]
        if value and name not in found:
            found[name], where[name] = value, source
            if name == "paper":
                where[name] += _read_as(str(value), lines_seen[-1] if lines_seen else "")

    lines_seen: list[str] = []

    _read_sitting_headers(preamble, lines_seen, note)
    for line in preamble:
        lines_seen.append(line)
        if _site_menu(line, preamble):
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
            note("year", year or _year_in(head.group(2)), "page header")
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
        asked = _NAMED_NUMBER.search(line)
        note("number", int(asked.group(1)) if asked and short else None,
             "page title" if line is title else "page header")
    for line in (*preamble, title):
        lines_seen.append(line)
        source = "page title" if line is title else "page text"
        # A line naming several papers ("HomeInternational LawConstitutional Law…") is a
        # site's menu run together, which names none of them in particular.
        note("paper", known_paper(line) if _papers_named(line) < 2 else None, source)
        note("exam", _one_exam(line), source)
        if line is title or is_attribution(line) or (
                known_paper(line) and len(line.split()) <= 12):
            # A year the exam names ("| CSS 2023 Current Affairs") beats one in the
            # question's own words ("… the 2022 floods …").
            note("year", int(sitting.group(1)) if (sitting := _paper_sitting(line))
                 else _year_in(line, phrase=line is title), source)
    _read_sitting_years(preamble, note, in_sentences=True)
    named = str(found.get("exam") or "")
    return Context(exam=COMMISSIONS.get(named.upper(), named) or None,
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
    for line in preamble:
        sitting = _paper_sitting(line)
        if sitting and (in_sentences or (
                len(line.split()) <= SITTING_HEADER_WORDS and _papers_named(line) == 1
                and not _site_menu(line, preamble))):
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
    for line in preamble:
        if (_paper_sitting(line) is None or len(line.split()) > SITTING_HEADER_WORDS
                or _papers_named(line) != 1 or _site_menu(line, preamble)
                or is_breadcrumb(line) or is_attribution(line)):
            continue
        lines_seen.append(line)  # the line a short name was read from, for the report
        note("paper", known_paper(line), "page header")
        # Its exam too, by name or by its commission ("SPSC CCE-2021 | …"), before a chat
        # list's or a menu's line naming another.
        note("exam", _one_exam(line), "page header")


def _one_exam(line: str) -> str | None:
    """The one exam a line names; a site's tagline naming two ("CSS and PMS preparation")
    names neither in particular. A commission counts as its exam ("PMS 2019 (PPSC)").
    """
    exams = {COMMISSIONS.get(e, e) for e in re.findall(rf"\b({'|'.join(EXAMS)})\b", line)}
    exams |= {exam for exam, named in _EXAM_NAMES if named.search(line)}
    return exams.pop() if len(exams) == 1 else None


_EXAM_NAMES = (
    ("PMS", re.compile(r"\b(?:KPPSC|SPSC|BPSC|AJKPSC|provincial management service)\b",
                       re.IGNORECASE)),
    ("CSS", re.compile(r"\bcentral superior services?\b", re.IGNORECASE)),
)
"""An exam named in full words, or by the provincial commission that holds it ("KPPSC ·
Provincial Management Service · 2020")."""


def _paper_sitting(line: str) -> re.Match[str] | None:
    """An exam and year naming the paper's sitting ("CSS 2019"); not "CSS 2018 PREP" (when
    the writer sits it) nor "Cleared CSS 2021" (the writer's own exam).
    """
    # Not the first year of a range ("Solved Past Papers (CSS 2015–2023)").
    # A commission may name it, with its exam's own name after ("SPSC CCE 2020"); a
    # post's title may set the paper between exam and year ("CSS Current Affairs 2021").
    tagged = None
    for between in (r"", r"(?:[A-Za-z&.' ]{3,45}?)\s"):
        found = re.search(rf"\b(?:{_TAG_EXAM})\s*{between}[-–]?\s*((?:19|20)\d\d)\b"
                          r"(?!\s*(?:prep|preparation|aspirants?|batch|candidates?)\b"
                          r"|\s*[-–—]\s*(?:19|20)?\d\d\b)",
                          line, re.IGNORECASE)
        if found and (not between or _papers_named(found.group(0)) == 1):
            tagged = found
            break
    if tagged and re.search(r"\b(?:cleared|qualified|passed|topped|allocated in|attempted)\s*$",
                            line[:tagged.start()], re.IGNORECASE):
        return None
    return tagged


def _read_attributed(line: str, note: Callable[[str, object, str], None]) -> None:
    """Exam, year and number from an attribution or a preface ("This answer to Question
    No. 6 of the CSS 2022 Political Science paper was attempted by …").
    """
    # "CSS 2022", "CSS Political Science 2022", "the CSS examination of 2023"
    spaced = re.search(rf"\b({'|'.join(EXAMS)})(?:\s+[A-Z]\w+){{0,2}}(?:\s+exam(?:ination)?"
                       r"(?:\s+of)?)?\s+((?:19|20)\d\d)\b", line)
    if spaced and len(line.split()) <= 80 and (is_attribution(line) or is_preface(line)):
        note("exam", spaced.group(1).upper(), "page text")
        note("year", int(spaced.group(2)), "page text")
        asked = _NAMED_NUMBER.search(line)
        note("number", int(asked.group(1)) if asked else None, "page text")


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
        note("year", _year_in(value), "page's fields")
    elif name.endswith("marks") and digits:
        note("marks", int(digits.group(1)), "page's fields")
    elif digits and 1 <= int(digits.group(1)) <= 99:
        note("number", int(digits.group(1)), "page's fields")


def roman_part(text: str) -> str:
    """A paper's part as the content files write it: ``Part 2``, ``Part-II`` → ``II``."""
    value = text.strip().upper()
    return {"1": "I", "2": "II", "3": "III", "4": "IV"}.get(value, value)


def _read_as(paper: str, text: str) -> str:
    """`` ('Islamiat' read as Islamic Studies)`` when ``text`` names ``paper`` by a short name."""
    low = " ".join(text.lower().replace("&", "and").split())
    if paper.lower() in low:
        return ""
    for alias, name in ALIASES.items():
        spaced = re.escape(alias).replace(r"\ ", r"\s+")
        match = re.search(rf"\b{spaced}\b", text, re.IGNORECASE)
        if name == paper and match:
            return f" ('{match.group(0)}' read as {paper})"
    return ""


def _year_in(text: str, *, phrase: bool = False) -> int | None:
    """The first year in ``text``; with ``phrase``, not one inside the question's words
    ("… with reference to the 2022 floods" in a title that is the question).
    """
    for match in re.finditer(r"\b((?:19[4-9]|20\d)\d)\b", text):
        before = text[:match.start()]
        if not phrase or not (re.search(r"\b(?:the|a|an)\s*$", before, re.IGNORECASE)
                              or _PREPOSITION.search(before)):
            return int(match.group(1))
    return None


def _generic(part: str) -> bool:
    """A breadcrumb part naming no paper: "Home", "CSS Past Papers", "Solved Answers"."""
    words = re.findall(r"[a-z]+", part.lower())
    return all(w in _GENERIC or w.upper() in EXAMS for w in words)


def _read_part(part: str, note: Callable[[str, object, str], None], tags: list[str]) -> None:
    low = part.lower()
    exams = [w.upper() for w in re.findall(r"[a-z]+", low) if w.upper() in EXAMS]
    if exams and _generic(part):
        note("exam", exams[0], "breadcrumb")
        note("year", _year_in(part), "breadcrumb")
    elif re.fullmatch(r"(?:19|20)\d\d", low):
        note("year", int(low), "breadcrumb")
    elif re.fullmatch(r"(?:total\s+)?marks\s*[:\-–]?\s*\d{1,3}", low):
        note("marks", int(re.findall(r"\d+", low)[0]), "page header")  # "… | Marks 20"
    elif re.fullmatch(r"part[\s-]*(\d|i{1,3}|iv)", low):
        note("part", roman_part(re.split(r"[\s-]+", part)[-1]), "breadcrumb")
    elif low in ("compulsory", "optional"):
        tags.append(part.title())
    elif _papers_named(part) > 1:
        return  # "Mentor for IR & Current Affairs" in a profile line: neither in particular
    elif known_paper(part):
        note("paper", known_paper(part), "breadcrumb")
    elif not _generic(part) and not re.search(r"\d", low) and not exams:
        note("paper", part, "breadcrumb")  # "CSS Insight" is a site's name, not a paper
