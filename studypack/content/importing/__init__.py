"""Import stage: answers as people keep them (web pages, Word files, notes) → content YAML.

Pipeline, one module per step, frozen records between them::

    file bytes ─readers─▶ Page(blocks) ─answers─▶ SplitPage(context, RawAnswer…)
      ─parse─▶ AnswerDraft ─assemble─▶ ImportedAnswer(data, derived, missing) ─▶ YAML

``readers`` (with ``repair``, ``plaintext`` and ``markup``) knows the file
formats; everything after it sees only blocks. ``import_file`` runs the whole
pipeline for one file; the CLI writes the results.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from ...errors import StudypackError
from .answers import SplitPage, split_page
from .assemble import (
    ESSENTIAL,
    ImportedAnswer,
    Options,
    assemble,
    assemble_question,
    dump_answer,
    slug,
)
from .blocks import Block, Page, plain, split_marker
from .page_context import Context, read_context
from .pagekind import (
    advises,
    excerpts_mostly,
    links_to_answers,
    promises_topics,
    question_list,
    search_results,
    shop_page,
    sponsored_sale,
    without_question_line,
)
from .parse import parse_answer
from .preamble import is_attribution, is_preface, quoted_question, strip_preamble
from .questions import QuestionLine, short_parts, title_as_question, title_question, year_head
from .readers import READERS, UnreadableFile, read_page
from .web import FetchError, fetch, is_address, shown


class NoAnswerOnPage(StudypackError, ValueError):
    """The page holds no answer (a navigation, sales or topics page, a study guide);
    the message says what it seems to be, in one line, without the file name.
    """


_KEYCAP_ALONE = re.compile(r"^\d{1,2}\uFE0F?\u20E3$")
"""A keycap number ("3️⃣") with nothing after it on its line."""


def _keycaps_joined(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """A keycap number set on a line of its own puts the line under it in the numbered
    run: the two are read as one line ("2️⃣" over "Supply side" → "2️⃣ Supply side"), as a
    post that sets the number apart from its bold heading means them.
    """
    joined: list[Block] = []
    for block in blocks:
        if joined and _KEYCAP_ALONE.match(joined[-1].text.strip()) and \
                joined[-1].kind == "paragraph" and block.text.strip():
            joined[-1] = replace(block, text=f"{joined[-1].text.strip()} {block.text}")
        else:
            joined.append(block)
    return tuple(joined)


def import_page(page: Page, options: Options | None = None, *,
                source_name: str = "plain text") -> tuple[ImportedAnswer, ...]:
    """Every answer on a page that has been read, or every question it lists.

    Args:
        page: A reader's output.
        options: The user's overrides (paper, exam, year, number, marks).
        source_name: The file's name, recorded in each answer's ``source:``.

    Returns:
        One ``ImportedAnswer`` per question line, in page order; for a page
        that lists past-paper questions without answers, one ``kind: question``
        record per question; for an answer whose question line is missing, one
        answer with what the page title says, the rest left to write.

    Raises:
        NoAnswerOnPage: The page holds neither an answer nor a list of questions.
    """
    options = options or Options()
    if page.product:
        raise NoAnswerOnPage("seems to be a sales page (a shop's product page); there is no "
                             "answer on it, so nothing was written")
    page = replace(page, blocks=_keycaps_joined(page.blocks))
    split = split_page(page)
    lines = [*(plain(b.text) for b in page.blocks), *page.crumbs]
    if shop_page(lines, [list(a.blocks) for a in split.answers]):
        raise NoAnswerOnPage("seems to be a sales page (a shop's product page); there is no "
                             "answer on it, so nothing was written")
    if sponsored_sale(lines, [list(a.blocks) for a in split.answers]):
        raise NoAnswerOnPage("seems to be a sales page (a sponsored post selling notes); "
                             "there is no answer on it, so nothing was written")
    if (split.answers and all(_excerpt(a.question.text, a.blocks) for a in split.answers)
            ) or excerpts_mostly(list(page.blocks)) or search_results(page.title) or page.index:
        # A category or search page: each post's opening lines, cut short with
        # "…" or at the post's jump break, and a "Read more" link (dropped as site
        # text), and no answer.
        raise NoAnswerOnPage("seems to be a site's navigation page (the first lines of "
                             "posts, each cut short); there is no answer on it, so nothing "
                             "was written")
    bodies = [list(a.blocks) for a in split.answers]
    heads = [plain(b.text) for b in split.preamble if b.kind == "heading"]
    guide = bool(split.answers) and advises(
        [*split.preamble, *(b for a in split.answers for b in a.blocks)],
        " ".join([page.title, *heads[:2]]))
    listed = sum(a.question.listed for a in split.answers)
    if guide and listed <= PRACTICE_TOPICS:
        # A study plan that lists a few past topics "to practise in class": the guide's
        # examples, not a list of past questions kept for their own sake.
        raise NoAnswerOnPage("seems to be a study guide (advice addressed to the reader); "
                             "there is no answer on it, so nothing was written")
    if split.answers and question_list(bodies, listed, pair=split.list_items == len(bodies)):
        if links_to_answers(bodies):
            raise NoAnswerOnPage("seems to be a site's navigation page (an index of its "
                                 "solved papers, each question a link); there is no answer "
                                 "on it, so nothing was written")
        return _listed_questions(split, options, source_name)
    if guide:
        raise NoAnswerOnPage("seems to be a study guide (advice addressed to the reader); "
                             "there is no answer on it, so nothing was written")
    if len(split.answers) == 1 and not listed and promises_topics(
            " ".join([page.title, *heads[:2]])):
        raise NoAnswerOnPage("seems to be a table of topics; there is no answer on it, so "
                             "nothing was written")
    if split.answers:
        raws = [(a.question, a.blocks) for a in split.answers]
        context = split.context
    else:
        question, blocks, context = _untitled(page, split)
        raws = [(question, blocks)]
    results = []
    for position, (question, blocks) in enumerate(raws, 1):
        draft = parse_answer(blocks)
        if split.paywalled and position == len(raws):
            draft = replace(draft, incomplete=True)  # the rest is behind a paywall
        results.append(assemble(question, draft, context, options,
                                source_name=source_name,
                                notes=page.notes, dropped=split.dropped))
    return tuple(results)


def _excerpt(question: str, body: tuple[Block, ...]) -> bool:
    """A question line cut short ("… Introduction: The Security Council still…") with
    next to nothing under it: a post's excerpt on a listing page, not an answer.
    """
    words = sum(len(plain(b.text).split()) for b in body)
    return question.rstrip().endswith(("…", "...", "[…]", "[...]")) and words < 25


def _untitled(page: Page, split: SplitPage) -> tuple[QuestionLine, tuple[Block, ...], Context]:
    """A page with no question line: the question from its title, site text before the
    answer dropped, and the page's context read from that text and the title.
    """
    blocks, lead = strip_preamble(split.unclaimed)
    # The page's own heading says it best; the <title> adds a site's name and capitals.
    # A preface or an attribution quoting the question asked ('… which asked us to
    # "Discuss …"', 'Candidates … were asked: “Why …”') gives it, not its own words nor a
    # headline above it.
    quoted = quoted_question([plain(b.text) for b in lead
                              if is_preface(plain(b.text)) or is_attribution(plain(b.text))])
    question = QuestionLine(number=None, text=quoted) if quoted else None
    titles = [*(plain(b.text) for b in (*lead, *blocks[:3]) if b.kind == "heading"),
              *(plain(b.text) for b in lead), page.title]
    question = question or next((q for q in map(title_question, titles) if q is not None), None)
    if question is None:
        quoted = quoted_question([plain(b.text) for b in lead])
        question = QuestionLine(number=None, text=quoted) if quoted else None
    if question is None:
        heads = [plain(b.text) for b in (*lead, *blocks[:2]) if b.kind == "heading"
                 and b.level == 1]
        question = title_as_question([*heads, page.title])
    if question is not None:
        # The title repeated as the page's first heading is not part of the answer.
        asked = question.text.casefold()
        blocks = tuple(b for b in blocks if asked not in plain(b.text).casefold()
                       or len(plain(b.text)) > len(question.text) + 60)
    verdict = without_question_line(list(blocks), " ".join(
        (page.title, question.text if question else "")), asked=question is not None,
        above=lead, read=page.blocks)
    if verdict.kind == "none":
        raise NoAnswerOnPage(f"seems to be {verdict.seems}; there is no answer on it, so "
                             "nothing was written")
    context = read_context([*page.crumbs, *(plain(b.text) for b in lead)], page.title)
    return question or QuestionLine(number=None, text=""), blocks, context


PRACTICE_TOPICS = 5
"""A guide lists at most a handful of past topics as practice; a longer list is a list."""


def _listed_questions(split: SplitPage, options: Options,
                      source_name: str) -> tuple[ImportedAnswer, ...]:
    """One ``kind: question`` record per listed question, under its topic head."""
    results: list[ImportedAnswer] = []
    before, topic, dated = list(split.preamble), None, None
    for raw in split.answers:
        head = _topic_head(before)
        last = next((plain(b.text) for b in reversed(before) if plain(b.text).strip()), "")
        sitting = year_head(last) if len(last.split()) <= 8 else None
        if sitting:
            # "CSS 2023", "PMS Punjab 2022 (PPSC)", "Past Papers 2018": a year's questions
            # follow, and the head is no topic.
            dated = sitting
        elif head:
            topic = head
        question = raw.question
        if dated:
            question = replace(question, exam=question.exam or dated[0],
                               year=question.year or dated[1])
        parts = short_parts(question, [plain(b.text) for b in raw.blocks]) or [question]
        results.extend(assemble_question(asked, split.context, options,
                                         source_name=source_name, topic=topic)
                       for asked in parts)
        before = list(raw.blocks)
    return tuple(results)


_HONORIFIC = re.compile(r"\((?:PBUH|SAWW?|SAW|RA|AS|SWT)\)$", re.IGNORECASE)
"""An honorific closing a head ("Seerah of the Prophet (PBUH)"); other brackets closing a
line are tags or asides of a question, not a head."""


_COUNT = re.compile(r"^\d[\d.,]*[KkM]?\s+(?:votes?|likes?|comments?|shares?|views?|reactions?|"
                    r"repl(?:y|ies))$", re.IGNORECASE)
"""A poll's or a post's count on a line of its own ("214 votes", "27 comments")."""
_RULE = re.compile(r"^[\u2500-\u257F═=~—–-]{2,}\s")
_FRAME = re.compile(r"\s+[\u2500-\u257F═=~—–-]{2,}$")
"""Rules opening and closing a head set between them ("── SOCIETY AND ETHICS ──")."""


def _topic_head(blocks: list[Block]) -> str | None:
    """The last short line standing alone before a question: the topic it is listed under."""
    for block in reversed(blocks):
        if block.kind == "item" and block.level > 0:
            continue  # a note under the question above ("attempted 12/01 — need more data")
        text = split_marker(plain(block.text))[2].strip(" :*")
        if _COUNT.match(text):
            return None  # "214 votes" closes a poll or a post: what stands above is its own
        # "CSS Pakistan Affairs topic-wise questions: Foreign Policy" heads its topic.
        text = re.split(r"topic[- ]?wise\b[^:]{0,40}:\s*", text, flags=re.IGNORECASE)[-1]
        # "TOPIC 1: THEORIES AND CONCEPTS", "Unit 3 – Pakistan and the World"
        text = re.sub(r"^(?:topic|unit|chapter|section)\s*\d{1,2}\s*[:.\-–]\s*", "", text,
                      flags=re.IGNORECASE)
        # A thread's post number ("2/ 📌 GOOD GOVERNANCE", "3/7 …") numbers the post, not
        # the head.
        text = re.sub(r"^\d{1,2}/\d{0,2}\s+", "", text)
        # Flags and emoji before a head ("🇦🇫 PAKISTAN–AFGHANISTAN") are decoration, and
        # so is a count of the questions after it ("Muslim Spain (4 Questions)").
        # "── AQAID (BELIEFS) ──": a head framed by rules on both sides is a head, bracket
        # and all; the rules are not its words.
        framed = bool(_RULE.match(text) and _FRAME.search(text))
        text = re.sub(r"^[^\w\"“‘(]+", "", _FRAME.sub("", text) if framed else text)
        text = re.sub(r"\s*[(\[]\s*\d{1,3}\s*(?:questions?|qs?)?\s*[)\]]$", "", text,
                      flags=re.IGNORECASE)
        if 0 < len(text.split()) <= 8 and not text.endswith((".", "?", "]")) and not (
                text.endswith(")") and not _HONORIFIC.search(text) and not framed):
            return head_case(text)
    return None


_MINOR = frozenset({"a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the",
                    "to", "vs", "with"})
_LETTERED = frozenset({"CPEC", "SAARC", "NATO", "OPEC", "ASEAN", "FATA", "NEPRA", "OGRA",
                       "UNESCO", "UNICEF", "NAB", "ECP", "PBUH", "SAWW"})
"""Capitals longer than three letters read as a name (three or fewer are kept unless a word)."""
_SHORT_WORDS = frozenset({"WAR", "OIL", "AID", "LAW", "NEW", "OLD", "AGE", "ERA", "END", "OUR",
                          "ITS", "WHY", "HOW", "ONE", "TWO", "KEY", "ACT", "GAS", "SEA", "AIR",
                          "ART", "RAW", "TAX", "USE", "MAN", "ALL", "BAN", "RISE", "IS"})


def head_case(text: str) -> str:
    """A head typed in capitals ("CHINA AND THE WORLD ORDER") in title case ("China and the
    World Order"); abbreviations (SAARC, WTO, US) and a head already in mixed case stay.
    """
    if not any(c.isalpha() for c in text) or any(c.islower() for c in text):
        return text

    words = re.findall(r"[^\W\d_]+|[\W\d_]+", text)
    out = []
    for word in words:
        if not word[0].isalpha():
            out.append(word)
        elif word in _LETTERED or (len(word) <= 3 and word not in _SHORT_WORDS
                                   and word.casefold() not in _MINOR):
            out.append(word)  # SAARC, WTO, US
        elif out and word.casefold() in _MINOR:
            out.append(word.lower())
        else:
            out.append(word.capitalize())
    return "".join(out)


def import_address(url: str, options: Options | None = None) -> tuple[ImportedAnswer, ...]:
    """Fetch a page and import it as a saved page; ``source:`` records the address.

    Raises:
        FetchError: The page could not be fetched (one-line message).
        UnreadableFile, NoAnswerOnPage: As for a file.
    """
    name, data = fetch(url)
    page = read_page(name, data)
    return import_page(page, options, source_name=shown(url))


def import_file(path: Path, options: Options | None = None) -> tuple[ImportedAnswer, ...]:
    """Read and import one file (``.txt``, ``.html``/``.htm``, ``.md``, ``.docx``).

    Raises:
        UnreadableFile: The file is empty, binary, damaged or of an unsupported
            kind (the message is one line, without the file name).
        OSError: The file cannot be read at all.
    """
    page = read_page(path.name, path.read_bytes())
    return import_page(page, options, source_name=path.name)


def import_text(text: str, *, paper: str | None = None, exam: str | None = None,
                marks: int | None = None, year: int | None = None,
                number: int | None = None) -> ImportedAnswer:
    """Import the first answer of a plain text (the importer's first, one-answer form).

    Args:
        text: The copied page.
        paper: The paper's name, instead of what the page says (``--paper``).
        exam: The exam, e.g. "CSS" (``--exam``).
        marks: The question's marks (``--marks``).
        year: The paper's year (``--year``).
        number: The question's number (``--number``).

    Returns:
        The first answer on the page; ``missing`` lists what the user must add.
    """
    page = read_page("text.txt", text.encode("utf-8"))
    return import_page(page, Options(paper=paper, exam=exam, year=year, number=number,
                                     marks=marks))[0]


__all__ = [
    "ESSENTIAL",
    "READERS",
    "Block",
    "FetchError",
    "ImportedAnswer",
    "NoAnswerOnPage",
    "Options",
    "Page",
    "UnreadableFile",
    "dump_answer",
    "import_address",
    "import_file",
    "import_page",
    "import_text",
    "is_address",
    "read_page",
    "slug",
]
