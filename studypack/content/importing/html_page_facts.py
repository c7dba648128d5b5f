"""What a saved web page's HTML says about the page around its main text: a shop's product
page, an index of posts cut at their jump breaks, writers' signatures, the title and
the breadcrumb trails.

Input: the page's decoded HTML (and its blocks, for signatures). Output: those facts.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .blocks import Block, plain

PRODUCT = re.compile(r"<body[^>]*\sclass\s*=\s*[\"'][^\"']*\b(?:single-product|"
                     r"template-product|product-template|course-(?:landing|sales)-page|"
                     # a course's own page in a WordPress LMS: LearnPress, LearnDash, Tutor
                     r"single-lp_course|single-sfwd-courses|single-courses)\b|"
                     r"property\s*=\s*[\"']og:type[\"']\s+content\s*=\s*[\"']product\b|"
                     r"\"@type\"\s*:\s*\"Product\"", re.IGNORECASE)
"""A shop's product page as its platform marks it: WooCommerce's and Shopify's body
classes, a course platform's landing page (Thinkific's) or a WordPress LMS's course page
(LearnPress, LearnDash, Tutor LMS), Open Graph's type, schema.org's.
The main text trafilatura keeps is the description, which may quote a sample question;
the price and cart are left behind."""


_JUMP_HREF = re.compile(r"#more(?:-\d+)?$")
_JUMP_BOX = re.compile(r"\b(?:jump-link|more-link)\b")
"""A post's jump break as an index shows it: Blogger's "Read more »" (in a ``jump-link``
box) and WordPress's "Continue reading" (a ``more-link``) lead to the post's ``#more``
anchor. Only a page listing posts (a blog's home, an archive, a label) shows them: the
post's own page runs on past the break."""

CUT_POSTS = 3
"""Posts cut at their jump breaks that make a page an index of posts."""


def jump_breaks(text: str) -> int:
    """How many posts the page shows cut at their jump break (``_JUMP_HREF``), one a post
    however many links lead past it.
    """
    if "#more" not in text and not _JUMP_BOX.search(text):
        return 0
    from lxml import html

    try:
        tree = html.fromstring(text.encode("utf-8"))
    except (ValueError, SyntaxError):
        return 0
    posts = set()
    for link in tree.iter("a"):
        href, box = str(link.get("href") or ""), link.getparent()
        names = f"{link.get('class', '')} {box.get('class', '') if box is not None else ''}"
        if _JUMP_HREF.search(href) or _JUMP_BOX.search(names):
            posts.add(href.split("#", 1)[0])
    return len(posts)


_ARCHIVE_BODY = re.compile(r"<body[^>]*\sclass\s*=\s*[\"'](?:[^\"']*\s)?(?:archive|"
                           r"search-results|blog)(?:\s[^\"']*)?[\"']", re.IGNORECASE)
"""WordPress's body class on a page listing posts: an archive (a category, a tag, a month,
an author), search results, or the blog's home; a post's own page is ``single``."""

CARD_WORDS = 150
"""A post card on a listing page shows the title and the first lines; a listing that
shows whole posts (a theme set to "full text") shows an answer, and is read as one."""


def archive_cards(text: str) -> bool:
    """The page is WordPress's listing of posts (``_ARCHIVE_BODY``) showing ``CUT_POSTS``
    or more posts as cards, none with a whole post's words: an index of answers, with
    none of its own.
    """
    if not _ARCHIVE_BODY.search(text):
        return False
    from lxml import html

    try:
        tree = html.fromstring(text.encode("utf-8"))
    except (ValueError, SyntaxError):
        return False
    cards = tree.xpath("//article")
    return len(cards) >= CUT_POSTS and all(
        len(card.text_content().split()) < CARD_WORDS for card in cards)


_SIGNATURE = re.compile(r"""(?:class|id|data-role)\s*=\s*["'][^"']*(?:signature|\bsig\d)""",
                        re.IGNORECASE)
"""A forum post's signature box (phpBB ``class="signature"``, vBulletin's
``signaturecontainer``, XenForo's ``message-signature``, ``id="sig123"``, Invision's
``data-role="memberSignature"``)."""


def signature_texts(text: str) -> frozenset[str]:
    """The texts of the page's forum signatures: a poster's line under every post ("CSS
    2024 in sha Allah", "Answers are my own") is neither answer nor context (its year is
    not the question's).
    """
    if not _SIGNATURE.search(text):
        return frozenset()
    from lxml import html

    try:
        tree = html.fromstring(text.encode("utf-8"))
    except (ValueError, SyntaxError):
        return frozenset()
    boxes = [element for element in tree.xpath("//*[@class or @id or @data-role]")
             if _SIGNATURE.search(f'class="{element.get("class", "")} {element.get("id", "")} '
                                  f'{element.get("data-role", "")}"')]
    whole = [box.text_content() for box in boxes]
    for box in boxes:
        for br in box.iter("br"):
            br.tail = "\ue000" + (br.tail or "")  # a signature of several lines, by line
    # A line of a few words alone ("Regards") may also stand in the answer: kept.
    lines = [line for box in boxes for line in box.text_content().split("\ue000")
             if len(line.split()) >= 3]
    return frozenset(words for text in (*whole, *lines) for words in [" ".join(text.split())]
                     if words)


def unsigned(blocks: list[Block], signatures: frozenset[str]) -> list[Block]:
    """``blocks`` without the lines that are a forum signature."""
    if not signatures:
        return blocks
    kept = []
    for block in blocks:
        lines = [line for line in block.text.split("\n")
                 if " ".join(plain(line).split()) not in signatures]
        if lines:
            kept.append(replace(block, text="\n".join(lines)) if len(lines) < len(
                block.text.split("\n")) else block)
    return kept


def title_and_crumbs(text: str) -> tuple[str, tuple[str, ...]]:
    """The ``<title>`` and the breadcrumb trails (``class="breadcrumb…"``) of a page.

    trafilatura rightly leaves both out of the main text, but they often name the
    exam, paper and year.
    """
    from lxml import html

    try:
        tree = html.fromstring(text.encode("utf-8"))
    except (ValueError, SyntaxError):
        return "", ()
    title = " ".join((tree.findtext(".//title") or "").split())
    trails = tree.xpath(
        '//*[contains(translate(@class, "BREADCRUMB", "breadcrumb"), "breadcrumb") or '
        'contains(translate(@id, "BREADCRUMB", "breadcrumb"), "breadcrumb") or '
        'contains(translate(@aria-label, "BREADCRUMB", "breadcrumb"), "breadcrumb")]')[:3]
    # A trail set as a list ("<li>Home</li><li>CSS</li>") is read part by part.
    crumbs = tuple(" | ".join(" ".join(" ".join(li.itertext()).split()) for li in items)
                   if (items := e.findall("li")) else " ".join(" ".join(e.itertext()).split())
                   for e in trails)
    # The one "Marks: 20" line of a question box, which the extractor may leave out, and
    # the one post tag naming a sitting ("CSS 2023"): the year a title may not give.
    marks = {words for e in tree.iter("p", "span", "div", "li")
             if len(e) == 0 and _MARKS_FIELD.match(words := " ".join((e.text or "").split()))}
    sittings = {words for e in tree.xpath('//a[contains(concat(" ", @rel, " "), " tag ")]')
                if _SITTING_TAG.match(words := " ".join(e.text_content().split()))}
    return title, (*crumbs, *(marks if len(marks) == 1 else ()),
                   *(sittings if len(sittings) == 1 else ()))


_SITTING_TAG = re.compile(r"^(?:CSS|PMS|PCS)[\s-]*(?:19|20)\d\d$", re.IGNORECASE)


_MARKS_FIELD = re.compile(r"^(?:total\s+)?marks\s*[:\-–]\s*\d{1,3}$", re.IGNORECASE)
