"""A page's blocks → its answers: junk dropped, split at question lines, context read.

Input: a ``Page``. Output: a ``SplitPage``: the page context (exam, paper,
year from the header, breadcrumb or title) and one ``RawAnswer`` per
question line, each with the blocks up to the next question line.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, replace
from typing import Any

from .blocks import QUESTION_WORDS, Block, Page, mostly_arabic, plain, split_marker
from .forum import answer_post
from .junk import (
    COMMENTS_HEADING,
    MEMBER_RANK,
    POLL_LINE,
    SERIES_PART,
    SIDE_NOTE_MARK,
    TAIL_LINE,
    is_junk,
    is_paywall,
    is_trailing_junk,
    menu_entry,
    signs_off,
    starts_tail,
)
from .listed import read_list
from .page_context import Context, is_breadcrumb, read_context
from .papers import EXAMS
from .pieces import to_piece
from .preamble import drop_preface
from .question_tags import read_attribution, read_tags, sitting_line
from .questions import QuestionLine, asks, listed_topic, parse_question, sitting_head
from .series import joined_posts


@dataclass(frozen=True)
class RawAnswer:
    """One question line and the blocks of its answer."""

    question: QuestionLine
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class SplitPage:
    """A page cut into answers.

    Attributes:
        context: What the page says about all its answers.
        answers: One per question line, in page order (empty when none was found).
        unclaimed: The blocks kept when no question line was found.
        dropped: How many blocks of site junk were dropped.
        preamble: The blocks before the first question line.
        paywalled: The page stops at a paywall: its last answer is cut off.
        list_items: How many question lines the list reader read as a list's items.
    """

    context: Context
    answers: tuple[RawAnswer, ...]
    unclaimed: tuple[Block, ...] = ()
    dropped: int = 0
    preamble: tuple[Block, ...] = ()
    paywalled: bool = False
    list_items: int = 0


def drop_junk(blocks: tuple[Block, ...]) -> tuple[list[Block], int]:
    """Blocks without site junk; the page ends at its tail (comment form, …).

    The page also ends at a comment section's heading ("12 Comments") once a
    question line has been read, and site or chat text closing the page (a
    reader's comment or thanks, a lone "Twitter") is dropped as well.

    Returns:
        ``(kept, dropped)``: the kept blocks and how many were dropped.
    """
    kept: list[Block] = []
    asked, answered = False, 0  # a question line or prose read; words read since
    worded = False  # a question line with its words, or prose, read
    contents = ""  # in a contents box: "open", then the kind of block its entries are
    texts = [plain(b.text) or b.text.strip() for b in blocks]
    polled = False  # under a poll's question: its options and count follow
    for k, block in enumerate(blocks):
        text = texts[k]
        polled = bool(POLL_LINE.match(text)) or (polled and len(text.split()) <= POLL_OPTION_WORDS
                                             and bool(_POLL_OPTION.search(text)))
        if polled:
            continue  # "📊 Poll: Which paper …?", "• Essay – 40%", "212 votes"
        if block.kind == "paragraph" and text.upper() in EXAMS and menu_entry(texts, k):
            continue  # "PMS" in a menu copied one entry a line names no exam
        if _CONTENTS.match(text):
            contents = "open"  # a contents box: its list of links is not an outline
            continue
        # Its entries are list items, or in a text copy lines of a few words each (a
        # heading after it is the page's own: the box's list was left behind).
        if (block.kind == "item" and contents) or (
                block.kind == "paragraph" and contents in ("open", "paragraph") and _entry(text)):
            contents = block.kind
            continue
        contents = ""
        if is_paywall(text) and not worded and not any(
                len(plain(b.text).split()) >= 40 for b in kept):
            continue  # "3 of 5 free previews left" above the answer: only a notice
        if worded and TAIL_LINE.match(text) and any(
                (found := SERIES_PART.match(t)) and int(found.group(1)) > 1
                for t in texts[k + 1:k + 4]):
            continue  # a chat post's "edited 19:48" stamp before the answer's "Part 2/2"
        if starts_tail(text) or is_paywall(text) or (asked and (COMMENTS_HEADING.match(text)
                                            or (signs_off(text) and answered >= 150
                                                and not is_junk(text))
                                            or (worded and TAIL_LINE.match(text))
                                            or (answered >= 150 and _TAGS.match(text))
                                            or re.match(r"^_{5,}", block.text.strip())
                                            # an email's signature delimiter: what follows
                                            # is the sender's card and the list's footer
                                            or (answered >= 150
                                                and block.text.strip() == "--"))):
            break
        if MEMBER_RANK.match(text) and kept and len(plain(kept[-1].text).split()) <= 3:
            kept.pop()  # the member's name above the rank
        unmarked = split_marker(text)[2]  # "📺 YouTube: …": the bullet is not the point
        written = block.text
        if block.kind == "heading" and block.level == 1:
            # A document's title marked as the writer's notes is still its title.
            text, written, unmarked = (SIDE_NOTE_MARK.sub("", t).strip() or t
                                       for t in (text, written, unmarked))
        # A to-do line is a note to oneself, unless it is a past question ticked off.
        if _ticked(block) or not (is_junk(text) or is_junk(written) or is_junk(unmarked)):
            kept.append(_without_reminders(block))
            # After a question line or a paragraph of answer, a "Related" line ends it.
            line = parse_question(text)
            asked = asked or line is not None or len(text.split()) >= 40
            # A header naming only the number ("GSA – CSS 2021 – Q.No.7") has no words
            # yet: its "Posted in … · 6 Comments" line is the post's byline, not a tail.
            worded = worded or (line is not None and bool(line.text)) or len(text.split()) >= 40
            answered += len(text.split()) if asked else 0
    while kept and not _ticked(kept[-1]) and (is_trailing_junk(plain(kept[-1].text)
                                                               or kept[-1].text)
                    or is_trailing_junk(split_marker(plain(kept[-1].text))[2])):
        kept.pop()
    return kept, len(blocks) - len(kept)


_TAGS = re.compile(r"^(?:tags|tagged|labels)\s*:", re.IGNORECASE)
"""A post's tags line after its answer: the site's footer (share bar, author box,
links to other posts) follows."""


_REMINDER = re.compile(r"\s*\[\s*(?:(?:TODO|ADD|INSERT|CHECK|CITE|VERIFY|FIX|UPDATE|EXPAND|"
                       r"REWRITE|NEED)\b[^\[\]a-z]{0,60}|(?i:todo|to do|check|verify|cite|add|"
                       r"fix|confirm|look up)\s*:[^\[\]]{1,80})\]")
"""A writer's note to self set in capitals in brackets ("[ADD A QUOTE HERE]"): not the
answer's words (an editor's "[sic]" or "[added]" in a quotation is in small letters); or in
any letters with a colon after the word ("[check: the book's year]", "[TODO: add a line]")."""


_SEE_MORE = re.compile(r"\s*(?:…|\.\.\.)\s*(?:see|read|show) more\s*$", re.IGNORECASE)
"""A social post's unexpanded text, cut with "… See more": the ellipsis and the link are
the site's. What is left stops mid-sentence, and the answer reads as cut off."""


_POLL_OPTION = re.compile(r"\d{1,3}(?:\.\d)?\s?%\s*$|^\W*[\d,.]+[kK]?\s+votes?$|^\s*[•◦▪○●-]\s",
                          re.IGNORECASE)
"""A poll's option ("• Essay – 40%") or its count ("212 votes")."""
POLL_OPTION_WORDS = 12


def _without_reminders(block: Block) -> Block:
    text = _SEE_MORE.sub("", _REMINDER.sub("", block.text))
    return block if text == block.text or not text.strip() else replace(block, text=text)


def _entry(text: str) -> bool:
    """A contents box's entry as a text copy gives it: a few words, no sentence."""
    return 0 < len(text.split()) <= 6 and not re.search(r"[.!?]$", text)


_CONTENTS = re.compile(r"^(?:table of contents|contents|in this (?:article|post)|jump to|"
                       r"on this page)\s*(?:\[\s*(?:hide|show)\s*\])?\s*:?$", re.IGNORECASE)


def _split_headed(blocks: tuple[Block, ...]) -> list[Block]:
    """A block whose first line is a question header ("CSS 2019 · Political Science ·
    Q.3") and whose next line is the question is two blocks, as the lines were; so is one
    whose first line is a bold head over the paragraph set under it.
    """
    out: list[Block] = []
    for block in blocks:
        first, _, rest = block.text.partition("\n")
        asked = parse_question(plain(first)) if rest.strip() else None
        lines = [x for x in block.text.split("\n") if x.strip()]
        if asked is not None and not asked.text:
            out += [replace(block, text=first), replace(block, text=rest.strip(), kind="paragraph")]
        elif len(lines) > 1 and (any(_Q_LINE.match(plain(x)) and parse_question(plain(x))
                                     for x in lines[1:]) or sum(map(_bold, lines[1:])) >= 2):
            # A post whose lines are set apart by <br> and hold question lines ("Q.4 …")
            # or bold heads over paragraphs: each line is a block, as in a copied page.
            out += [Block("paragraph", x.strip(), bold=_bold(x)) for x in lines]
        elif len(lines) > 1 and block.kind == "paragraph" and _bold(lines[0]) \
                and len(plain(lines[0]).split()) <= HEAD_WORDS:
            # "**a) Food price shock**", a <br>, then its paragraph: a head over its text.
            out += [Block("paragraph", lines[0].strip(), bold=True),
                    replace(block, text="\n".join(lines[1:]).strip())]
        else:
            out.append(block)
    return out


HEAD_WORDS = 12
"""A bold line heading the paragraph under it is short."""


_Q_LINE = re.compile(r"^(?:Q|Question)\s*\.?\s*(?:No\.?\s*)?#?\s*\d", re.IGNORECASE)


def _bold(line: str) -> bool:
    text = line.strip()
    return text.startswith("**") and text.endswith("**") and text.count("**") == 2


def _bare(body: list[Block]) -> bool:
    """No answer under a question line: at most one short block."""
    return len(body) <= 1 and not any(len(plain(b.text).split()) > 12 for b in body)


def _next(starts: list[tuple[int, QuestionLine]], m: int, kept: list[Block]) -> int:
    return starts[m + 1][0] if m + 1 < len(starts) else len(kept)


_TICK_BOX = re.compile(r"^\[[ xX✓✔]\]\s+")


def _ticked(block: Block) -> bool:
    """A to-do line that is a past question ticked off (a to-do line is otherwise a note)."""
    return bool(_TICK_BOX.match(plain(block.text))) and parse_question(_as_line(block)) is not None


def _as_line(block: Block) -> str:
    """A block's text as a copied line would read: a list item keeps its number, so a
    listed question tagged "(CSS 2016)" reads as one ("1. Discuss … (CSS 2016)").
    """
    # "[x] Discuss …": a to-do list's tick box marks a listed question like a bullet.
    text = _TICK_BOX.sub("", plain(block.text), count=1)
    kind, _, rest = split_marker(text)
    if kind == "bullet" and re.match(r"^Q(?:uestion|ues)?(?:\b|\d)", rest):
        return rest  # "👉 Q. Trace the evolution … (CSS 2017)"
    if kind == "bullet" and read_tags(rest)[1] is not None:
        # "🔹 Discuss … (2022)": a bulleted list of questions reads as a numbered one.
        return f"1. {rest}"
    if block.kind == "item" and not re.match(r"^(?:\d|Q)", text):
        return f"{block.number or 1}. {text}"
    return text


def _dated_list(kept: list[Block]) -> dict[int, QuestionLine]:
    """Numbered lines that ask, each run under a head naming only an exam and a year
    ("CSS 2019"), on a page with two or more such heads: a list of questions by year,
    whose lines need no tag of their own. Block index → question line.
    """
    found: dict[int, QuestionLine] = {}
    sitting, heads = None, 0
    for i, block in enumerate(kept):
        line = _as_line(block)
        kind, value, rest = split_marker(line)
        marked = parse_question(line) if re.match(r"^Q\d{1,3}\s*[.):]", line) else None
        if marked is not None and marked.number and not (marked.exam or marked.year):
            # "Q4. Discuss …" is numbered as "4." is, and keeps its number.
            kind, value, rest = "number", str(marked.number), marked.text
        head = sitting_head(plain(block.text))
        if head:
            sitting, heads = head, heads + 1
        elif sitting and kind == "number" and asks(rest):
            found[i] = QuestionLine(number=int(value), text=rest, year=sitting[1],
                                    exam=sitting[0], listed=marked is None)
        else:
            sitting = None  # prose after the run is not under the head
    return found if heads >= 2 and len(found) >= 3 else {}


_OPENING_LABELS = ("outline", "introduction", "answer")


def _asked_over_label(kept: list[Block]) -> list[tuple[int, QuestionLine]]:
    """A line standing alone that sets a task ("Critically evaluate …"), just above the
    answer's "Outline:" or "Introduction" label, on a page with no question line: the
    question, restated by the writer (a Q&A site's answer under its own question).
    """
    for k, block in enumerate(kept[:-1]):
        text = plain(block.text)
        # A statement and then the task set on it ("The family … is changing. Discuss …")
        # is asked as well.
        # So is an essay's topic put as a question ("Foreign Loans: A Destiny or a Choice?").
        if block.kind != "item" and len(text.split()) <= 60 and ((
                (QUESTION_WORDS.match(text) or re.search(r"[.!]\s+", text)) and asks(text))
                or (text.endswith("?") and len(text.split()) <= TOPIC_WORDS)) \
                and to_piece(kept[k + 1]).label in _OPENING_LABELS:
            rest, year, marks, exam = read_tags(text)
            return [(k, QuestionLine(number=None, text=rest, year=year, marks=marks, exam=exam))]
    return []


TOPIC_WORDS = 25
"""An essay's topic is a line, not a paragraph."""
_FIELD_LINE = re.compile(r"^[A-Z][\w ]{1,20}:\s*\S.{0,40}$")
"""A notes page's property ("Marks: 20", "Status: Revised twice")."""
FIELD_LINES = 6
"""A notes page's properties read after its question number, at most."""


def split_page(page: Page) -> SplitPage:
    """Drop junk, read the page context and cut the page at its question lines."""
    thread = answer_post(tuple(_split_headed(page.blocks)))
    kept, dropped = drop_junk(thread)
    kept = joined_posts(kept)  # an answer sent as "Part 1/2" and "Part 2/2" posts is one
    # A list of questions is read from its repeated item shape, over the whole page.
    kept, run = read_list(kept)
    paywalled = any(is_paywall(plain(b.text)) for b in thread)
    dropped += len(page.blocks) - len(thread)
    starts = [(i, q) for i, b in enumerate(kept)
              if b.kind != "item" or b.level == 0
              for q in [parse_question(_as_line(b))] if q is not None]
    # A list of questions each closing in its year alone: a line of the same form that
    # asks nothing is listed too (an essay topic is a statement), when three or more
    # lines have that form and one of them asks.
    listed = [(i, q) for i, b in enumerate(kept) if b.kind != "item" or b.level == 0
              for q in [parse_question(_as_line(b)) or listed_topic(_as_line(b))]
              if q is not None]
    if any(q.listed and not q.exam for _, q in starts) and \
            sum(q.listed and not q.exam for _, q in listed) >= 3:
        starts = listed
    if not starts:
        starts = _asked_over_label(kept)
    dated = _dated_list(kept)
    if dated:
        starts = sorted([*dated.items(), *((i, q) for i, q in starts if i not in dated and not (
            sitting_head(split_marker(plain(kept[i].text))[2])
            and not (q.text and asks(q.text))))])  # "✨ Bonus — CSS 2022" is a head too
    if run:
        # A listed item's own reading stands where a question line read it without a tag.
        read = dict(starts)
        starts = sorted([*((i, q) for i, q in starts if i not in run or read[i].year),
                         *((i, q) for i, q in run.items() if i not in read or not read[i].year)],
                        key=lambda start: start[0])
    first = starts[0][0] if starts else len(kept)
    # A header that ends in the question's number ("CSS Islamiat 2018 – Q.2") names the
    # paper too: it is read with the lines above it.
    heads = [plain(kept[i].text) for i, q in starts if not q.text]
    # A notes page's fields ("Question No: 4", then "Marks: 20") go on past the number's.
    heads += [plain(b.text) for i, q in starts[:1] if not q.text
              for b in itertools.takewhile(lambda b: bool(_FIELD_LINE.match(plain(b.text))),
                                           kept[i + 1:i + 1 + FIELD_LINES])]
    context = read_context([*page.crumbs, *(plain(b.text) for b in kept[:first]), *heads],
                           page.title)
    answers: list[RawAnswer] = []
    titled: dict[int, QuestionLine] = {}
    # A list of questions (most with nothing under them) may repeat a number from one
    # year to the next; a repeated number is then no title over the answer below.
    listing = len(starts) >= 3 and 2 * sum(
        _bare(kept[i + 1:_next(starts, m, kept)]) for m, (i, _) in enumerate(starts)
    ) > len(starts)
    for n, (start, line) in enumerate(starts):
        question = line  # completed below with what a title line or the body says
        end = starts[n + 1][0] if n + 1 < len(starts) else len(kept)
        body = [b for b in kept[start + 1:end] if not is_breadcrumb(plain(b.text))]
        # A header naming a question ("Criminology – CSS 2017 – Q3") whose own line,
        # with its text, comes below; or a contents box naming questions answered below.
        # A header of the number alone ("CSS 2017 -- IR -- Q 4 -- [20]") over a
        # "Question: …" line without one gives that line its number.
        header = not question.text and any(q.number in (question.number, None) and q.text
                                           for _, q in starts[n + 1:n + 3])
        if header or (not listing and not question.listed and question.number is not None
                      and _bare(body) and any(
                q.number == question.number and not _bare(kept[i + 1:_next(starts, m, kept)])
                for m, (i, q) in enumerate(starts) if m > n and not q.listed)):
            if question.number is not None:  # looked up by number below
                titled[question.number] = question  # its year or exam may be said only there
            continue  # a title or a contents line naming a question answered below
        above = titled.get(question.number or -1)
        if above is None and question.number is None and n and not starts[n - 1][1].text \
                and starts[n - 1][1].number is not None:
            above = titled.get(starts[n - 1][1].number or -1)
            question = replace(question, number=above.number if above else None)
        if above is not None:
            # The paper's English question over its Urdu restatement: the paper's words.
            english = bool(above.text) and mostly_arabic(question.text) and not mostly_arabic(
                above.text)
            question = replace(question, year=question.year or above.year,
                               exam=question.exam or above.exam,
                               marks=question.marks or above.marks,
                               text=above.text if english else question.text)
        if not question.text and start and body and to_piece(body[0]).label \
                and asks(above_line := plain(kept[start - 1].text)):
            # The question set above its header ("Question No. 4 – CSS Gender Studies
            # 2023 (20 Marks)"), the answer's first label below it.
            question = replace(question, text=above_line)
        question, body = _complete(question, body)
        answers.append(RawAnswer(question, tuple(drop_preface(body))))
    return SplitPage(context, tuple(answers), () if starts else tuple(kept), dropped,
                     tuple(kept[:first]), paywalled, len(run))


_QUESTION_LABEL = re.compile(r"^(?:the\s+)?question(?:\s+statement)?\s*:?$", re.IGNORECASE)
"""A heading "Question" over the question's words, under the page's "Question No.: 6"."""
_FACT = re.compile(r"^([A-Za-z][\w.]*(?: [\w.]+){0,2})\s*:\s*([^.?!:]{1,30})$")
"""A page's field as its table of facts gives it ("Marks: 20", "Difficulty: Medium")."""


def _complete(question: QuestionLine, body: list[Block]) -> tuple[QuestionLine, list[Block]]:
    """Take the question text, year and marks from the lines after a bare ``Q.3``."""
    while not question.text and body and (_FACT.match(plain(body[0].text))
                                          or _QUESTION_LABEL.match(plain(body[0].text))):
        # "Question No.: 4" then "Marks: 20", "Difficulty: Medium": the page's fields,
        # read from a table of them, come before the question itself.
        stated = _MARKS_LINE.match(plain(body[0].text))
        if stated:
            question = replace(question, marks=question.marks or int(stated.group(1)))
        body = body[1:]
    if not question.text and len(body) > 1 and not asks(plain(body[0].text)) \
            and asks(plain(body[1].text)) and read_tags(plain(body[1].text))[2] is not None:
        # "Attempted under timed conditions. Feedback welcome 🙏" between the header and
        # the question with its marks: a note, not the question.
        body = body[1:]
    if not question.text and body:
        # "❓ Explain …" under a post's header: the emoji that marks it is not its text.
        kind, _, unmarked = split_marker(plain(body[0].text))
        rest, year, marks, exam = read_tags(unmarked if kind == "bullet" else plain(body[0].text))
        question = replace(question, text=rest, year=question.year or year,
                           marks=question.marks or marks, exam=question.exam or exam)
        body = body[1:]
    while body:
        if question.text and len(body) == 1 and _bare(body):
            break  # a lone "CSS 2022" after a listed question heads the questions below
        rest, year, marks, exam = read_tags(plain(body[0].text))
        bracket, said = read_attribution(plain(body[0].text))
        if said and not bracket.strip():
            # "(KPPSC PMS 2020, Q.3, 20 marks)" on the line under the question.
            fields: dict[str, Any] = {k: getattr(question, k) or v for k, v in said.items()
                                      if k in ("number", "year", "exam", "marks", "paper",
                                               "part")}
            question = replace(question, **fields)
            body = body[1:]
            continue
        facts = sitting_line(plain(body[0].text))
        if facts:  # "CSS 2025 – English Essay – Marks: 100" under the question
            known: dict[str, Any] = {k: getattr(question, k) or v for k, v in facts.items()}
            question = replace(question, **known)
            body = body[1:]
            continue
        if question.text and body and _restated(question.text, plain(body[0].text)):
            # The post's title set the question in title case; the line under it is the
            # question as the paper set it.
            question = replace(question, text=plain(body[0].text))
            body = body[1:]
            continue
        stated = _MARKS_LINE.match(plain(body[0].text))  # "Marks: 20" under the question
        if stated:
            question = replace(question, marks=question.marks or int(stated.group(1)))
            body = body[1:]
            continue
        if rest or not (year or marks or exam):
            break
        question = replace(question, year=question.year or year,
                           marks=question.marks or marks, exam=question.exam or exam)
        body = body[1:]
    return question, body


def _restated(question: str, line: str) -> bool:
    """``line`` is ``question`` again, in other letter case or punctuation."""
    def letters(text: str) -> str:
        return "".join(c for c in text.casefold() if c.isalnum())
    return len(line) <= len(question) + 10 and letters(line) == letters(question)


_MARKS_LINE = re.compile(r"^\(?\s*(?:total\s+)?(?:marks?|\u06a9\u0644 \u0646\u0645\u0628\u0631)\s*"
                         r"[:=\-–]?\s*(\d{1,3})\s*\)?\.?$", re.IGNORECASE)
""""Marks: 20" on its own line under the question; Urdu's "total marks" (kul number) too."""
