"""A page as a whole → what it holds: answers, a list of questions, or no answer at all.

Input: a ``SplitPage`` (junk dropped, cut at question lines) and the page's
title. Output: a ``PageKind``. Judged from features of the whole page rather
than one line: how much prose lies between question lines, how much of the
page is priced, linked or addressed to "you", and whether a question stands
in the title. A page's verdict is made once, before any answer is parsed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from statistics import median

from .blocks import QUESTION_WORDS, Block, plain
from .page_context import is_breadcrumb

LIST_BODY_WORDS = 30
"""A question followed by fewer words than this (median) before the next one is only
listed, not answered."""

ANSWER_WORDS = 150
"""Prose (sentences of eight words or more) needed for a page without a question line
to hold an answer; half as much when its title or first lines ask a question."""

_PRICE = re.compile(r"(?:\bRs\.?\s?\d|\bPKR\s?\d|\$\s?\d|\d\s?%\s?off\b|\badd to cart\b|"
                    r"\bbuy now\b|\border now\b|\bcheckout\b|\bshop now\b|\bdiscount\b|"
                    r"\bin stock\b|\bfree delivery\b|\bcash on delivery\b)", re.IGNORECASE)
_SENTENCE = re.compile(r"[.!?۔؟][\"'’”)]?(?:\s|$)")
"""A sentence's end: a table's row or a menu has none."""
_GUIDE = re.compile(r"\bhow to (?:prepare|crack|pass|attempt|study|choose|start)\b|"
                    r"\b(?:preparation|study|exam|css|pms) (?:guide|strategy|plan|tips)\b|"
                    r"\bguide (?:to|for)\b|\btips (?:for|to)\b|\bbook ?list\b|"
                    r"\brecommended books\b|\btime ?table\b|"
                    # "A 30-Day Plan for …", "My six-week revision schedule"
                    r"\b(?:\d{1,3}|one|two|three|four|six|eight|ten|twelve)[- ](?:days?|weeks?|"
                    r"months?)\b.{0,20}?\b(?:plan|schedule|strategy|roadmap)\b|"
                    r"\b(?:study|revision) (?:plan|schedule|roadmap)\b", re.IGNORECASE)
"""A title that promises advice on the exam, not an answer to one of its questions."""
_TOPICS_TITLE = re.compile(r"\b(?:(?:most )?(?:repeated|important|expected|recurring) "
                           r"(?:topics|areas|themes)|topics? list|list of topics|syllabus)\b",
                           re.IGNORECASE)
"""A title that promises a list of what is examined, not an answer."""
_YEARS_ONLY = re.compile(r"[(\[]\s*(?:19|20)\d\d(?:\s*[,/&]\s*(?:19|20)\d\d)+\s*[)\]]\s*\.?$")
"""Years and nothing else closing a line ("(2016, 2019, 2023)"): when an area was examined."""
_YOU = re.compile(r"\b(?:you|your|yourself)\b", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+")
_TOLD = re.compile(r"(?:^|[.!?:]\s+|[•▪◦*-]\s*)(?:do not|don'?t|never|always|read|make|keep|"
                   r"attempt|get|start|practi[cs]e|revise|note|focus|avoid|spend|cover|"
                   r"finish|join|buy)\s", re.IGNORECASE)
"""A sentence or bullet telling the reader what to do ("Keep a file of …", "• Read one
text cover to cover"): a plan's steps, which speak to the reader without saying "you"."""


@dataclass(frozen=True)
class PageKind:
    """What a page holds.

    Attributes:
        kind: ``answers``, ``questions`` (past-paper questions listed without
            answers) or ``none``.
        seems: For ``none``: what the page seems to be ("a site's navigation
            page", "a sales page", "a table of topics", "a study guide").
    """

    kind: str
    seems: str = ""


def _prose_words(blocks: list[Block]) -> int:
    """Words in blocks that read as sentences (eight words or more, a sentence's end)."""
    counts = ((len(_WORD.findall(plain(b.text))), plain(b.text)) for b in blocks)
    return sum(n for n, text in counts if n >= 8 and _SENTENCE.search(text))


def question_list(bodies: list[list[Block]], listed: int, *, pair: bool = False) -> bool:
    """Several question lines with next to no prose under them: a list of questions.

    Args:
        bodies: The blocks after each question line, up to the next.
        listed: How many of the question lines are numbered list lines with an exam tag.
        pair: The list reader read the page's only two question lines as a list of two
            (``listed.PAIR``: each names its sitting, and the page holds nothing else).
    """
    if len(bodies) < 3:
        return pair and len(bodies) == 2
    words = [sum(len(_WORD.findall(plain(b.text))) for b in body) for body in bodies]
    return median(words) < LIST_BODY_WORDS or (listed * 2 >= len(bodies)
                                               and median(words) < 3 * LIST_BODY_WORDS)


_CUT = re.compile(r"(?:…|\.\.\.|\[(?:…|\.\.\.)\])\s*$")


def excerpts_mostly(blocks: list[Block]) -> bool:
    """Most of the page's prose is paragraphs cut short with "…", several under headings:
    a category or archive page of post cards (title, first lines, "Read more").
    """
    prose = [(k, plain(b.text)) for k, b in enumerate(blocks)
             if b.kind == "paragraph" and len(_WORD.findall(plain(b.text))) >= 8]
    cut = [(k, t) for k, t in prose if _CUT.search(t)]
    # Each under its post's title, a byline ("Sana · May 3") at most between them.
    carded = sum(any(b.kind == "heading" for b in blocks[max(0, k - 2):k]) for k, _ in cut)
    words = sum(len(_WORD.findall(t)) for _, t in prose)
    cut_words = sum(len(_WORD.findall(t)) for _, t in cut)
    # A theme that drops the posts' titles leaves the excerpts alone: then nearly all
    # the prose must be cut short.
    return (carded >= 3 and 3 * cut_words >= 2 * words) or (
        len(cut) >= 4 and 10 * cut_words >= 9 * words)


_CART_BUTTON = re.compile(r"^\W*(?:add to (?:cart|bag|basket)|buy (?:it )?now)\W*$", re.IGNORECASE)
"""A shop's button, copied as a line of its own."""

_PRICE_ALONE = re.compile(r"^\W*(?:rs\.?|pkr|\$)\s?\d[\d,]*(?:\.\d\d)?\W*$", re.IGNORECASE)
"""A price on a line of its own ("Rs. 1,190"), as a shop sets it beside its cart."""


def shop_page(lines: list[str], bodies: list[list[Block]]) -> bool:
    """A shop's own cart button and price, each on a line of its own ("Add to Cart",
    "Rs. 950"), and no question answered at length: a product page copied as text, whose
    description quotes a sample question and whose buyers ask the seller "Q: …". A
    promotion on an answer's page names its cart in a sentence, and the answer has prose.

    Args:
        lines: The page's lines, with those a text reader set aside as its context.
        bodies: The blocks after each question line, up to the next.
    """
    button = any(_CART_BUTTON.match(line) for line in lines)
    priced = any(_PRICE_ALONE.match(line) for line in lines)
    return (button and priced and bool(bodies)
            and all(_prose_words(body) < ANSWER_WORDS for body in bodies))


_SPONSORED = re.compile(r"^\W*sponsored\b\s*(?:·.*)?$", re.IGNORECASE)
"""A social network's mark on a paid post ("Sponsored · 🌏"), copied as a line of its own."""


def sponsored_sale(lines: list[str], bodies: list[list[Block]]) -> bool:
    """A sponsored post (an advert) naming prices or an order line at least twice, and no
    question answered at length: it sells notes, however much a sample question and a
    list of "what each answer contains" look like an answer's start.
    """
    sponsored = any(_SPONSORED.match(line) for line in lines[:12])
    priced = sum(bool(_PRICE.search(line)) for line in lines)
    return (sponsored and priced >= 2 and bool(bodies)
            and all(_prose_words(body) < ANSWER_WORDS for body in bodies))


_SEARCH_TITLE = re.compile(r"^\W*(?:you searched for|search results?\b)", re.IGNORECASE)


def search_results(title: str) -> bool:
    """A site's search page ("You searched for essay | …", "Search Results for: essay"):
    what it lists are other pages' openings, however much they read like answers.
    """
    return bool(_SEARCH_TITLE.search(title))


_SOLVED_HEAD = re.compile(r"\bsolved\b|\bcoming soon\b", re.IGNORECASE)


def links_to_answers(bodies: list[list[Block]]) -> bool:
    """A list of questions under heads that name solved papers ("CSS 2024 Pakistan Affairs
    Paper (Solved)", "… – coming soon"): an index whose lines are links to answers kept
    elsewhere, not past questions listed for their own sake.
    """
    heads = [plain(b.text) for body in bodies for b in body if len(plain(b.text).split()) <= 12]
    return sum(bool(_SOLVED_HEAD.search(h)) for h in heads) >= 3


def promises_topics(title: str) -> bool:
    """A title that promises what is examined ("Most Important Topics for CSS 2025 Current
    Affairs"), not an answer: a past question quoted under it is an example of how a
    topic was asked.
    """
    return bool(_TOPICS_TITLE.search(title)) and not QUESTION_WORDS.match(title.strip())


def advises(blocks: list[Block], title: str) -> bool:
    """A page titled as a guide ("How to attempt …") whose text speaks to the reader: a
    past question on it is an example to practise on, and its "Introduction" and
    "Conclusion" say what to write there, not what was written.
    """
    texts = [plain(b.text) for b in blocks]
    words = sum(len(_WORD.findall(t)) for t in texts) or 1
    you = sum(len(_YOU.findall(t)) for t in texts)
    # A page copied as text has no title: its headline promises the advice.
    return bool(_GUIDE.search(title) or _guide_headline(blocks)) and you * 100 >= words * 1.5


def without_question_line(blocks: list[Block], title: str, asked: bool = False,
                          above: tuple[Block, ...] = (), *, read: tuple[Block, ...] = ()
                          ) -> PageKind:
    """What a page that has no question line holds.

    An answer needs prose, and no more than a little of it addressed to the
    reader or priced; a question in the page's title (or ``asked``: found in its
    first lines) counts for it. A page copied as text has no title: its headline,
    the short line over its first paragraph (maybe among ``above``, the site text above
    the answer), says whether it promises a syllabus or a list of topics. ``read``: the
    page's blocks as read, before site text was dropped, whose price lines are counted.
    """
    texts = [plain(b.text) for b in blocks]
    words = sum(len(_WORD.findall(t)) for t in texts) or 1
    prose = _prose_words(blocks)
    priced = sum(bool(_PRICE.search(t)) for t in texts)
    asked = (asked or bool(QUESTION_WORDS.search(title))) and not _GUIDE.search(title)
    you = sum(len(_YOU.findall(t)) for t in texts)
    short = sum(len(_WORD.findall(t)) <= 4 for t in texts)
    sets_task = QUESTION_WORDS.match(title.strip()) and not re.match(r"how to\b", title.strip(),
                                                                     re.IGNORECASE)
    if _GUIDE.search(title) and not priced and not sets_task:
        return PageKind("none", "a study guide (advice addressed to the reader)")
    # A document's own first-level head is its title (notes in Markdown or Word have no
    # other): one promising a plan makes a guide, whoever it speaks to ("my 60-day plan").
    named = next((plain(b.text) for b in [*above, *blocks]
                  if b.kind == "heading" and b.level == 1), "")
    if _GUIDE.search(named) and not priced and not (
            QUESTION_WORDS.match(named) and not re.match(r"how to\b", named, re.IGNORECASE)):
        return PageKind("none", "a study guide (advice addressed to the reader)")
    # A text copy has no title: its headline promising a plan, over text that speaks to
    # the reader, is a guide's (one line selling the writer's notes does not make a shop).
    if _guide_headline([*above, *blocks]) and priced <= 1 and (
            you + sum(len(_TOLD.findall(t)) for t in texts)) * 100 >= words * 1.5:
        return PageKind("none", "a study guide (advice addressed to the reader)")
    # The price lines of a shop's page ("PDF only: Rs. 1,500", "Order now") are dropped as
    # site text before it is judged: counted on the page as read, three or more of them
    # over less prose than an answer holds sell something, whatever it describes.
    sold = sum(bool(_PRICE.search(plain(b.text))) for b in read)
    if priced >= 3 or (priced >= 2 and prose < 2 * ANSWER_WORDS) or (
            sold >= 3 and prose < 2 * ANSWER_WORDS):
        return PageKind("none", "a sales page")
    dated = sum(bool(_YEARS_ONLY.search(t)) for t in texts)
    topics_title = _TOPICS_TITLE.search(title.strip() or headline([*above, *blocks]))
    if (topics_title and not sets_task) or dated >= 4:
        return PageKind("none", "a table of topics")
    enough = ANSWER_WORDS // 2 if asked else ANSWER_WORDS
    if prose >= enough and you * 100 < words * (3 if asked else 1.5):
        return PageKind("answers")
    if prose >= enough:
        return PageKind("none", "a study guide (advice addressed to the reader)")
    if short * 10 >= len(texts) * 6 and not _links_mostly(texts):
        return PageKind("none", "a table of topics")
    return PageKind("none", "a site's navigation page")


HEADLINE_WORDS = 16
"""A page's headline is short; a longer first line is already its text."""


def headline(blocks: list[Block]) -> str:
    """The last line over a page's first paragraph, of three words or more, that neither
    ends a sentence nor is a breadcrumb: the headline of a page copied without its title,
    which stands straight over its prose, below the site's name and menu.
    """
    found = ""
    for block in blocks:
        text = plain(block.text).strip()
        words = len(_WORD.findall(text))
        if words > HEADLINE_WORDS:
            break
        if words >= 3 and not _SENTENCE.search(text) and not is_breadcrumb(text):
            found = text
    return found


def _guide_headline(blocks: list[Block]) -> bool:
    """A short line over a page's first paragraph (its headline, or the subtitle under it)
    promises advice on the exam: "A 30-Day Plan for …".
    """
    for block in blocks:
        text = plain(block.text).strip()
        words = len(_WORD.findall(text))
        if words > HEADLINE_WORDS:
            return False
        if words >= 3 and not _SENTENCE.search(text) and _GUIDE.search(text):
            return True
    return False


def _links_mostly(texts: list[str]) -> bool:
    """Lines naming papers, years and site sections, as a navigation page's links do."""
    navigation = re.compile(r"\b(?:past papers?|solved|notes|home|contact|about|login|"
                            r"download|mcqs?|syllabus|(?:19|20)\d\d)\b", re.IGNORECASE)
    return sum(bool(navigation.search(t)) for t in texts) * 3 >= len(texts)
