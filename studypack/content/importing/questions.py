"""Question lines: where each answer starts and what question it answers.

Input: plain block texts. Output: ``QuestionLine`` (number, question, year,
marks, exam as written on the line). The tags on a line are read by
``question_tags``, paper names by ``papers``, and what a page says about all
its answers (``Context``) by ``page_context``.

Shapes read: ``Q.8``, ``Q-02.``, ``Q1.``, ``Q. No. 2:``, ``Question 3``,
``Question No. 4 –``; the year in brackets or at the end (``(2019)``,
``2022``, ``(CSS 2017)``); marks as ``(20)``, ``[20 marks]``,
``(10 + 10 = 20 Marks)``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .blocks import EMOJI, QUESTION_WORDS, plain, split_marker
from .papers import ALIASES, EXAMS, generic_crumb, known_paper, one_exam, papers_named, tag_exam
from .question_tags import (
    EXAM_YEAR_TAG,
    MARKS,
    NAMED_NUMBER,
    PAPER_OR_PART,
    full_years,
    read_attribution,
    read_tags,
    sitting_line,
    year_in,
)
from .series import without_place

_TITLE_SPLIT = re.compile(r"\s+[|›»]\s+|\s+[-–—]\s+|\s*\|\s*")


def title_as_question(titles: list[str]) -> QuestionLine | None:
    """The page's own title taken as its question, when no line asks one ("Water Scarcity
    in Pakistan: Causes and Remedies"): the longest part of three words or more that
    names no site, exam or paper alone. Recorded as a guess.
    """
    for title in titles:
        parts = [p.strip() for p in _TITLE_SPLIT.split(" ".join(title.split())) if p.strip()]
        parts = [p for p in parts if len(p.split()) >= 3 and not generic_crumb(p)
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
_MARKS_BADGE = re.compile(r"^(\d{1,3})\s+marks\s+(?=[A-Z\"“‘'])", re.IGNORECASE)
"""Marks set as a badge between the number and the question ("Question 5 20 Marks …")."""
"""Marks in brackets opening a line, before its "Q.3" marker: "[20 Marks] Q.3: …"."""
_Q_BARE = re.compile(r"^(?:the\s+)?(?:Q|Ques|Question)\s*[.:)\-–]\s*(\S.*)$", re.IGNORECASE)
_TAGGED = re.compile(
    r"^(CSS|PMS|PCS)\s*[-–]?\s*((?:19|20)\d\d)\s*[,|–-]?\s*([^:“\"]{0,60}?)\s*:\s*[“\"]?"
    r"(\S.+?)[”\"]?$", re.IGNORECASE)
"""``CSS 2018, Constitutional Law: “The 18th Amendment … Discuss.”``: exam, year and
paper before the question."""
_LISTED = re.compile(r"^(\d{1,4})\s*[.)\-–]\s*(\S.*)$")


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
        rest = match.group(2)
        # "Question 5 20 Marks Public-private …": a card's badge of marks after the number.
        badge = _MARKS_BADGE.match(rest)
        found = _with_tags(_paper_number(match.group(1)), rest[badge.end():] if badge else rest)
        told = first_marks or badge
        if told and found.marks is None:
            return replace(found, marks=int(told.group(1)))
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
                  or NAMED_NUMBER.search(match["head"])):
        match = None  # "… Solved Questions (Q2 and Q4)", "… – Q2 & Q6" name questions
    # "Economics Paper II · Part-II · Question 03" names its paper where others name the
    # exam or the year.
    if match and (re.search(rf"\b(?:{'|'.join(EXAMS)})\b|\b(?:19|20)\d\d\b", match["head"])
                  or (known_paper(match["head"]) and PAPER_OR_PART.search(match["head"]))):
        _, year, _, exam = read_tags(match["head"])
        exam = exam or next(iter(re.findall(rf"\b({'|'.join(EXAMS)})\b", match["head"])), None)
        return QuestionLine(number=int(match["number"]), text="",
                            year=year or tag_year or year_in(match["head"]),
                            exam=exam or tag_exam, marks=tag_marks,
                            paper=known_paper(match["head"]) if papers_named(match["head"]) == 1
                            else None)
    labelled = _Q_LABEL_TAGS.match(line)
    if labelled and len(labelled.group(2).split()) >= 4:
        # "Question (CSS 2022, Sociology, Q.6): Rapid urbanisation … Discuss. (20)"
        inside = labelled.group(1)
        rest, year, marks, exam = read_tags(labelled.group(2))
        number = NAMED_NUMBER.search(inside)
        found_exam = re.search(rf"\b({'|'.join(EXAMS)})\b", inside, re.IGNORECASE)
        inside_marks = re.search(r"\b(\d{1,3})\s*marks?\b", inside, re.IGNORECASE)
        return QuestionLine(number=int(number.group(1)) if number else None, text=rest,
                            year=year or year_in(inside),
                            marks=marks or (int(inside_marks.group(1)) if inside_marks else None),
                            exam=exam or (found_exam.group(1).upper() if found_exam else None),
                            paper=known_paper(inside))
    facts = sitting_line(line)
    if facts and isinstance(asked := facts.get("number"), int):
        # "Islamiat (Compulsory) — Question No. 4 — Marks 20": a header of facts naming the
        # question's number; its words come below it.
        return QuestionLine(number=asked, text="",
                            year=_int_or_none(facts.get("year")),
                            marks=_int_or_none(facts.get("marks")),
                            exam=str(facts["exam"]) if facts.get("exam") else None,
                            paper=str(facts["paper"]) if facts.get("paper") else None)
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
    if match and EXAM_YEAR_TAG.search(line):
        return _with_tags(None, match.group(1))
    match = _LISTED.match(line)
    if match and EXAM_YEAR_TAG.search(line):
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
    if re.search(r"[^\w\s:()\-–]", words) or not generic_crumb(words):
        return None
    return one_exam(text), int(years[0])


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


def _with_tags(number: int | None, text: str) -> QuestionLine:
    text, said = read_attribution(text)
    marks_bracket = MARKS.search(text) if not said else None
    if marks_bracket:
        # "(CSS 2018 - Part-II) (20 marks)": the bracket before the marks' is read too;
        # the marks' bracket stays for read_tags.
        head, said = read_attribution(text[:marks_bracket.start()])
        if said:
            text = head + text[marks_bracket.start():]
    rest, year, marks, exam = read_tags(text)
    named = _sitting_words(rest)
    if named is not None:
        # "Question No. 4 – CSS Gender Studies 2023 (20 Marks)": a header naming the
        # question's paper and sitting; the question itself comes below it.
        rest, exam, said = "", exam or named[0], {**said, "paper": named[1]} if named[1] else said
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


_SITTING_WORDS = 7
"""An exam's and a paper's names take a few words ("CSS History of Pakistan and India")."""


def _sitting_words(text: str) -> tuple[str | None, str | None] | None:
    """``text`` is only an exam's and a paper's names ("– CSS Gender Studies"): the two
    (either may be None); None when it says anything else.
    """
    words = text.strip(" -–—|:,.")
    if not words or len(words.split()) > _SITTING_WORDS:
        return None
    exam = re.search(rf"\b({'|'.join(EXAMS)})\b", words)
    if exam:
        words = (words[:exam.start()] + words[exam.end():]).strip(" -–—|:,.")
    paper = known_paper(words) if words else None
    # The paper's name and nothing else: "(a) Yellow journalism" is a part, not a header.
    named = re.sub(r"\s+paper$", "", " ".join(words.casefold().replace("&", "and").split()))
    if paper and (named == paper.casefold() or ALIASES.get(named) == paper):
        return (exam.group(1) if exam else None), paper
    return None


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
