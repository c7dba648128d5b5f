"""A saved web page read from its own HTML tree, for when trafilatura's main text misses
the answer: a thread's posts, headings or listed questions it dropped, or a question
heading set outside the article.

Input: the page's decoded HTML, or blocks already read. Output: blocks, and the
measures (prose words, headings, listed questions) that choose between readings.
"""

from __future__ import annotations

import re
from typing import Any

from .blocks import Block, plain
from .html_prepare import (
    drop_docs_comments,
    drop_polls,
    drop_signup_boxes,
    drop_tag_boxes,
    nest_docs_lists,
)
from .listed import read_list
from .markup import walk
from .questions import parse_question

THIN_MAIN = 150
"""Words of prose below which a page's main text holds no answer (its comments may)."""



def question_outside(text: str) -> tuple[list[Block], tuple[str, ...], bool]:
    """A question heading that trafilatura left out of the main text ("Q3. …" in a header
    above the article), and the short lines just above it (paper, year), read as context;
    and whether it was a line of a post set in <br> lines (such as a thread's first post).
    """
    from lxml import html

    try:
        tree = html.fromstring(text.encode("utf-8"))
    except (ValueError, SyntaxError):
        return [], (), False
    aside = set() if thread_page(text) else _asides(tree)
    for element in tree.iter("h1", "h2", "h3", "h4", "p", "div"):
        if element in aside:
            continue
        if len(element) > 3:
            # A forum post set in <br> lines ("<b>Question No. 5:</b> … <b>[20]</b><br>"):
            # its question line is one of them.
            line = next((x for x in _br_lines(element) if (q := parse_question(x)) and q.text
                         and q.number), "")
            if line:
                return [Block("heading", line, level=2)], (), True
            continue
        line = _text(element)
        if line and parse_question(line):
            box = _innermost_question(element)
            line = _text(box)
            above = []
            for sibling in box.itersiblings(preceding=True):
                words = " ".join(" ".join(sibling.itertext()).split())
                if words and len(words.split()) <= 8:
                    above.append(words)
                if len(above) == 3:
                    break
            return [Block("heading", line, level=2)], tuple(reversed(above)), False
    return [], (), False


def _text(element: Any) -> str:
    return " ".join(" ".join(element.itertext()).split())


def _innermost_question(element: Any) -> Any:
    """The smallest box inside ``element`` that still holds its question: a wrapper
    around a question card holds the outline and the answer after it too.
    """
    tags = ("h1", "h2", "h3", "h4", "p", "div")
    while (inner := next((e for e in element.iterdescendants(*tags)
                          if (q := parse_question(_text(e))) and q.text), None)) is not None:
        element = inner
    return element


_ASIDE = re.compile(r"comment|sidebar|related", re.IGNORECASE)
"""Boxes whose lines are never the page's question: a reader's comment quoting "Q5 …",
a sidebar's or a related post's title."""


def _asides(tree: Any) -> set[Any]:
    """The elements standing in a box named as a comment, a sidebar or related posts; a
    box holding most of the page is a layout's name for the page ("right-sidebar"), none.
    """
    whole = _words(tree)
    return {inner for box in tree.xpath("//*[@class or @id]")
            if _ASIDE.search(f"{box.get('class', '')} {box.get('id', '')}")
            and not _wraps(box, whole) for inner in box.iter()}


def _br_lines(element: Any) -> list[str]:
    """An element's text cut at its own <br> children (none when it has fewer than two)."""
    if sum(child.tag == "br" for child in element) < 2:
        return []
    lines, line = [], [element.text or ""]
    for child in element:
        if child.tag == "br":
            lines.append(line)
            line = []
        elif isinstance(child.tag, str):
            line.append(child.text_content())
        line.append(child.tail or "")
    lines.append(line)
    return [" ".join("".join(x).split()) for x in lines]


def put_question(asked: list[Block], blocks: list[Block], *, posted: bool = False
                  ) -> list[Block]:
    """The question heading in the place of its own words in the main text (a question box:
    "Q.No.4" and "(20)" in spans around the question's paragraph, under the page's title),
    or before the main text when they are not in it.
    """
    if not asked:
        return blocks
    line = " ".join(plain(asked[0].text).split())
    for k, block in enumerate(blocks):
        words = " ".join(plain(block.text).split())
        if len(words.split()) >= 5 and words in line:
            return [*blocks[:k], *asked, *blocks[k + 1:]]
    if not posted:
        return [*asked, *blocks]
    # A member's card above the answering post ("Joined", "Mar 2016", "Messages", "5,412")
    # is no part of the answer: a question from a post goes above its first sentence.
    k = next((k for k, b in enumerate(blocks) if len(plain(b.text).split()) >= 8), 0)
    return [*blocks[:k], *asked, *blocks[k:]]


_FURNITURE = re.compile(r"comment|sidebar|(?<!elementor-)widget|menu|(?<!sub)nav|footer|"
                        r"masthead|share|related|promo|advert|\bads?\b|breadcrumb|cookie|newsletter|"
                        r"subscribe|popup|modal|author-box|social|\btoc\b|ez-toc|"
                        r"table-of-contents", re.IGNORECASE)


def _words(element: Any) -> int:
    return len(element.text_content().split())


def _wraps(element: Any, whole: int) -> bool:
    """``element`` holds most of the page's words: a wrapper around the page or its posts
    (a theme's "footerfix" box, a forum's moderation form), not the furniture it is named.
    """
    return _words(element) * 3 > whole * 2


_THREAD_POST = re.compile(r"<article\b[^>]*\bclass\s*=\s*[\"'][^\"']*comment", re.IGNORECASE)
"""A forum post set as an <article> named as a comment (Invision's "cPost ipsComment")."""


def thread_page(text: str) -> bool:
    """Every <article> of the page, two or more, is a post named as a comment: a thread."""
    posts = len(_THREAD_POST.findall(text))
    return posts >= 2 and posts == len(re.findall(r"<article\b", text, re.IGNORECASE))


def _thread(articles: list[Any]) -> Any:
    """The element holding a forum thread's posts: the page's <article>s, two or more,
    all named as comments ("cPost ipsComment"), under one box; or None.
    """
    posts = [a for a in articles if re.search(r"comment", f"{a.get('class', '')} "
                                                         f"{a.get('id', '')}", re.IGNORECASE)]
    # A blog's comments are such <article>s too, under the post's own <article>.
    if len(posts) < 2 or len(posts) != len(articles):
        return None
    # Each post may sit in a wrapper of its own (Flarum's "PostStream-item"): the thread
    # is the box that holds them all, the deepest one.
    shared = [*posts[0].iterancestors()]
    for post in posts[1:]:
        above = set(post.iterancestors())
        shared = [e for e in shared if e in above]
    return shared[0] if shared else None


def own_reading(text: str) -> list[Block]:
    """The page's blocks read from its own markup: the article (or main, or body) without
    scripts, navigation, asides, forms and elements named as site furniture.
    """
    from lxml import html

    try:
        tree = html.fromstring(text.encode("utf-8"))
    except (ValueError, SyntaxError):
        return []
    for element in tree.xpath("//script|//style|//noscript"):
        element.drop_tree()
    drop_signup_boxes(tree)  # before forms go, while the box still holds its form
    whole = _words(tree)
    for element in tree.xpath("//nav|//header|//footer|//aside|//form|//iframe|//button|"
                              "//select"):
        if element.tag == "form" and _wraps(element, whole):
            element.drop_tag()  # a forum's moderation form around all its posts
        elif element.getparent() is not None:
            element.drop_tree()
    nest_docs_lists(tree)
    drop_tag_boxes(tree)
    drop_docs_comments(tree)
    drop_polls(tree)
    _drop_side_columns(tree)
    # Blogger names the post's own container a widget ("widget Blog"): what holds the
    # page's longest article is never furniture.
    articles = tree.xpath("//article")
    main = max(articles, key=lambda e: len(e.text_content())) if articles else None
    holding = set(main.iterancestors()) if main is not None else set()
    thread = _thread(articles)
    posted = set(thread.iter()) if thread is not None else set()
    if thread is not None:
        holding |= {thread, *thread.iterancestors()}
    for element in tree.xpath("//*[@class or @id]"):
        names = f"{element.get('class', '')} {element.get('id', '')}"
        named = _FURNITURE.search(names)
        if named and element in posted and named.group(0).casefold() == "comment":
            continue  # a forum's posts are its "comments": the thread itself
        # A box named for the footer that holds most of the page keeps the footer at the
        # screen's foot ("footerfix"): it wraps the page, it is no footer.
        if named and element.getparent() is not None and element not in holding and not (
                named.group(0).casefold() == "footer" and _wraps(element, whole)):
            element.drop_tree()
    found = tree.xpath("//article") or tree.xpath("//main") or tree.xpath("//body") or [tree]
    container = thread if thread is not None else max(found, key=lambda e: len(e.text_content()))
    try:
        if thread is not None:
            # Each post opened by its number, as a thread shows it: the thread reader
            # (``forum.answer_post``) then tells the answering post from the thanks after it.
            return [block for number, post in enumerate(thread.iter("article"), 1)
                    for block in (Block("paragraph", f"#{number}"), *walk(_unquoted(post)))]
        return walk(container)
    except RecursionError:
        return []


_QUOTED_POST = re.compile(r"^\S.{0,40}?\s(?:said|wrote)\s*:", re.IGNORECASE)
"""The line opening a quote of another post ("ayesha said:")."""


def _unquoted(post: Any) -> Any:
    """A post without its quotes of other posts ("ayesha said:" over her words): those
    words are the other post's, and a teacher quoting a student's attempt before the
    answer would open the answer with it. A quote box of the post's own (the question
    set out) stays.
    """
    for quote in post.xpath(".//blockquote"):
        opening = " ".join(quote.text_content().split()[:8])
        if quote.getparent() is not None and _QUOTED_POST.match(opening):
            quote.drop_tree()  # its tail, the post's own words, stays
    return post


_GRID_COLUMN = re.compile(r"(?:^|\s)(?:[\w]+-)?col-(?:xs|sm|md|lg|xl)-(\d{1,2})(?:\s|$)")
"""A grid column and its width in twelfths (Bootstrap's ``col-lg-8``, a theme's
``tie-col-md-4``)."""


def _drop_side_columns(tree: Any) -> None:
    """Leave out a layout's side column: of grid columns side by side, one at most half as
    wide as a sibling that holds three times its words. A page with no <article> is read
    from its <body>, and a sidebar's cards ("Our Results", a visit-us address), unnamed as
    furniture, would run on after the answer's last line.
    """
    rows = {column.getparent() for column in tree.xpath("//*[@class]")
            if _GRID_COLUMN.search(column.get("class", ""))} - {None}
    for row in rows:
        columns = [(c, int(m.group(1)), _words(c)) for c in row if isinstance(c.tag, str)
                   and (m := _GRID_COLUMN.search(c.get("class", "")))]
        for column, width, words in columns:
            if any(2 * width <= other and words * 3 <= most for _, other, most in columns):
                column.drop_tree()


MISSED_ITEMS = 3
"""Listed questions trafilatura may leave out (a year's questions set in bare <div>s)
before the page's own reading is taken instead."""


def listed_count(blocks: list[Block]) -> int:
    """How many questions the blocks list (``read_list``)."""
    return len(read_list(blocks)[1])


def heading_count(blocks: list[Block]) -> int:
    """How many headings a reading of the page keeps."""
    return sum(b.kind == "heading" for b in blocks)
