"""One reader per input format: a file's bytes → a ``Page`` of blocks.

Input: the raw bytes of one file. Output: a ``Page``. Plain text is split by
its line layout; HTML goes through trafilatura (main text only: menus,
sidebars, share bars and comment sections are left behind); Markdown through
markdown-it-py; Word ``.docx`` through mammoth, which keeps headings, bold
and the numbering of lists. The three structured formats share one walker
(``markup.walk``). Every reader repairs mojibake with ftfy first.
"""

from __future__ import annotations

import io
import logging
import re
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from typing import Any

from ...errors import StudypackError
from .blocks import QUESTION_WORDS, Block, Page, plain
from .listed import read_list
from .markup import walk
from .mybb import mybb_thread
from .pandoc import from_pandoc
from .plaintext import read_plain
from .questions import known_paper, parse_question
from .repair import NotText, decode, repair
from .telegram import telegram_export
from .vbulletin import vbulletin_thread


class UnreadableFile(StudypackError, ValueError):
    """The file cannot be read as its format; the message says why, in one line."""


def read_text_file(data: bytes) -> Page:
    """Plain text → blocks (``.txt``, and files without an extension)."""
    text, notes = _decoded_and_repaired(data)
    blocks, dropped = read_plain(text)
    if dropped:
        notes += (f"dropped {len(dropped)} line(s) of page furniture (folios, running heads)",)
    heads = tuple(dict.fromkeys(" ".join(x.split()) for x in dropped if len(x.split()) > 1))
    return Page(tuple(blocks), crumbs=heads, notes=notes)


def read_html(data: bytes) -> Page:
    """A saved web page → its main text, via trafilatura.

    Raises:
        UnreadableFile: trafilatura found no main text in the page.
    """
    import trafilatura
    from lxml import etree

    text, notes = _decoded_and_repaired(data)
    chat = telegram_export(text)
    if chat is not None:  # a chat's export: read as the copy of its messages is
        blocks, _ = read_plain(chat)
        return Page(tuple(blocks), title=_title_and_crumbs(text)[0], notes=notes)
    with _quiet("trafilatura"):
        xml = trafilatura.extract(_prepared(text), output_format="xml", include_formatting=True,
                                  include_comments=True, include_tables=True,
                                  favor_recall=True, with_metadata=True, include_images=False,
                                  deduplicate=False)
    if not xml:
        raise UnreadableFile("has no main text that could be found (is it a saved web page?)")
    root = etree.fromstring(xml.encode("utf-8"))
    main = root.find("main")
    blocks = walk(main if main is not None else root)
    comments = root.find("comments")
    if comments is not None and _prose(blocks) < THIN_MAIN:
        # A thread whose answer is a reply (Reddit's comments): the post asks, a
        # comment answers. Read only when the page's own text holds no answer.
        blocks = [*blocks, *walk(comments)]
    own = _own_reading(text)
    # A thread whose posts are <article>s named as comments: trafilatura keeps some of
    # them, the page's own reading keeps the thread whole, the question's post with it.
    if _thread_page(text) or _headings(own) >= _headings(blocks) + 2 or (
            _prose(blocks) < THIN_MAIN and _prose(own) >= 3 * THIN_MAIN) or (
            _marked(own) >= _marked(blocks) + MISSED_ITEMS):
        # trafilatura dropped the page's headings (a question's "Question No. 2", the
        # points' h3s), or the paragraphs under them (a comments card under the answer's
        # card misleads it): the page's own structure, less its furniture, reads better.
        blocks = own
    # A MyBB or vBulletin thread is read post by post: the extractor keeps only one
    # post, and the question may be asked in the first.
    blocks = mybb_thread(text) or vbulletin_thread(text) or blocks
    # Entities such as &#3650;&#8364;&#8482; become mojibake only once parsed: repair it.
    blocks = [replace(b, text=repair(b.text)[0]) if "\u0e42" in b.text else b for b in blocks]
    blocks = _unsigned(blocks, _signatures(text))
    title, crumbs = _title_and_crumbs(text)
    # A post set in <br> lines holds its question lines inside one block.
    if not any(parse_question(plain(line)) for b in blocks for line in b.text.split("\n")):
        asked, above, posted = _question_outside(text)
        blocks = _put_question(asked, blocks, posted=posted)
        crumbs = (*crumbs, *above)
    return Page(tuple(blocks), title=title or str(root.get("title") or ""), crumbs=crumbs,
                notes=notes, product=bool(_PRODUCT.search(text)),
                index=_jump_breaks(text) >= CUT_POSTS)


_PANEL_TITLE = re.compile(r"""class\s*=\s*["'][^"']*\b(?:elementor-)?"""
                          r"(?:tab|accordion|toggle)-title\b", re.IGNORECASE)
"""An accordion's or tabs widget's title (Elementor's ``elementor-tab-title``)."""
_BOLD_STYLE = re.compile(r"font-weight\s*:\s*(?:bold|[6-9]00)\b", re.IGNORECASE)
"""Bold set by a style, not a tag, as site builders write it (Google Sites, Wix)."""


_DOCS_LIST = re.compile(r"\blst-kix_(\w+)-(\d)\b")
"""A published Google Doc's list class: the list's id, then its nesting level."""


def _nest_docs_lists(tree: Any) -> None:
    """Put each sub-list of a published Google Doc inside the item above it.

    Docs writes every level of a list as a separate sibling ``<ol>``, told apart only by
    the level closing its class (``lst-kix_abc-0``, ``lst-kix_abc-1``); read as it is,
    every sub-item would be a top-level line of the outline.
    """
    last_item: dict[tuple[str, int], Any] = {}
    for listing in tree.xpath("//ol[@class] | //ul[@class]"):
        found = _DOCS_LIST.search(listing.get("class", ""))
        if found is None:
            continue
        name, level = found.group(1), int(found.group(2))
        parent = last_item.get((name, level - 1)) if level else None
        items = listing.xpath("./li")
        if parent is not None and listing.getparent() is not None:
            listing.tail = None  # only the space between the sibling lists
            parent.append(listing)  # lxml moves it: there is one tree
        if items:
            last_item[(name, level)] = items[-1]


def _prepared(text: str) -> str:
    """The page as trafilatura should read it: each accordion title a plain paragraph of
    its words (a link or button without an address, which trafilatura leaves out as a
    control, yet it heads its panel: "CSS 2019" over that year's questions), and each
    span made bold by its style a ``<b>`` (a run-in point's heading, which trafilatura
    would lose with the style). A picture's caption ("Image: file") is left out: it
    captions the picture, which the import leaves behind.
    """
    if not (_PANEL_TITLE.search(text) or _BOLD_STYLE.search(text) or "<figcaption" in text
            or _DOCS_LIST.search(text) or _TAG_LINK.search(text) or _DOCS_COMMENT in text):
        return text
    from lxml import html

    try:
        tree = html.fromstring(text.encode("utf-8"))
    except (ValueError, SyntaxError):
        return text
    for element in tree.xpath("//*[@class]"):
        if _PANEL_TITLE.search(f'class="{element.get("class", "")}"') and \
                element.getparent() is not None:
            paragraph = html.Element("p")
            paragraph.text = " ".join(" ".join(element.itertext()).split())
            paragraph.tail = element.tail
            element.getparent().replace(element, paragraph)
    _nest_docs_lists(tree)
    _drop_tag_boxes(tree)
    _drop_docs_comments(tree)
    for caption in tree.xpath("//figcaption"):
        if caption.getparent() is not None:
            caption.drop_tree()
    for span in tree.xpath("//span[@style]"):
        if _BOLD_STYLE.search(span.get("style", "")):
            span.tag = "b"
    return str(html.tostring(tree, encoding="unicode"))


_DOCS_COMMENT = 'href="#cmnt'
"""A Google Doc saved as a web page links each comment's mark ("[a]") to its text."""


def _drop_docs_comments(tree: Any) -> None:
    """Leave out a Google Doc's comments: the mark in the text ("… desire.[a]") and the
    comment itself, listed at the document's end in a box of its own. A reader's remark
    ("Add Ross here. – Nida") is not the answer.
    """
    for mark in tree.xpath('//a[starts-with(@href, "#cmnt")]'):
        own = str(mark.get("href", "")).startswith("#cmnt_ref")
        box = mark.getparent()
        if own and box is not None and box.getparent() is not None:
            holder = box.getparent()
            # the comment's paragraph, or its box when the box holds only comments
            if holder.getparent() is not None and all(
                    child.xpath('.//a[starts-with(@href, "#cmnt_ref")]') for child in holder):
                holder.drop_tree()
            else:
                box.drop_tree()
        elif not own and box is not None:
            target = box if box.tag == "sup" and len(box) == 1 and box.getparent() is not None \
                else mark
            target.drop_tree()  # drop_tree keeps the text after it


_TAG_LINK = re.compile(r"""\brel\s*=\s*["'](?:[^"']*\s)?tag\b""", re.IGNORECASE)


def _drop_tag_boxes(tree: Any) -> None:
    """Leave out a post's box of tags: two or more links to its tags (``rel="tag"``) and
    nothing else, which a text reading runs on after the answer's last paragraph ("CSS 2021
    International Law Recognition"). A tag naming the sitting is read apart, as a crumb.
    """
    for box in tree.xpath('//*[a[contains(concat(" ", @rel, " "), " tag ")]]'):
        links = box.findall("a")
        tags = [a for a in links if "tag" in (a.get("rel") or "").split()]
        words = " ".join(box.text_content().split())
        named = " ".join(" ".join(a.text_content().split()) for a in tags)
        if len(tags) >= 2 and len(tags) == len(links) == len(box) and words == named \
                and box.getparent() is not None:
            box.drop_tree()


_PRODUCT = re.compile(r"<body[^>]*\sclass\s*=\s*[\"'][^\"']*\b(?:single-product|"
                      r"template-product|product-template|course-(?:landing|sales)-page)\b|"
                      r"property\s*=\s*[\"']og:type[\"']\s+content\s*=\s*[\"']product\b|"
                      r"\"@type\"\s*:\s*\"Product\"", re.IGNORECASE)
"""A shop's product page as its platform marks it: WooCommerce's and Shopify's body
classes, a course platform's landing page (Thinkific's), Open Graph's type, schema.org's.
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


def _jump_breaks(text: str) -> int:
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


_SIGNATURE = re.compile(r"""(?:class|id|data-role)\s*=\s*["'][^"']*(?:signature|\bsig\d)""",
                        re.IGNORECASE)
"""A forum post's signature box (phpBB ``class="signature"``, vBulletin's
``signaturecontainer``, XenForo's ``message-signature``, ``id="sig123"``, Invision's
``data-role="memberSignature"``)."""


def _signatures(text: str) -> frozenset[str]:
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


def _unsigned(blocks: list[Block], signatures: frozenset[str]) -> list[Block]:
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


THIN_MAIN = 150
"""Words of prose below which a page's main text holds no answer (its comments may)."""


def _prose(blocks: list[Block]) -> int:
    return sum(len(plain(b.text).split()) for b in blocks
               if len(plain(b.text).split()) >= 8)


def _question_outside(text: str) -> tuple[list[Block], tuple[str, ...], bool]:
    """A question heading that trafilatura left out of the main text ("Q3. …" in a header
    above the article), and the short lines just above it (paper, year), read as context;
    and whether it was a line of a post set in <br> lines (such as a thread's first post).
    """
    from lxml import html

    try:
        tree = html.fromstring(text.encode("utf-8"))
    except (ValueError, SyntaxError):
        return [], (), False
    for element in tree.iter("h1", "h2", "h3", "h4", "p", "div"):
        if len(element) > 3:
            # A forum post set in <br> lines ("<b>Question No. 5:</b> … <b>[20]</b><br>"):
            # its question line is one of them.
            line = next((x for x in _br_lines(element) if (q := parse_question(x)) and q.text
                         and q.number), "")
            if line:
                return [Block("heading", line, level=2)], (), True
            continue
        line = " ".join(" ".join(element.itertext()).split())
        if line and parse_question(line):
            above = []
            for sibling in element.itersiblings(preceding=True):
                words = " ".join(" ".join(sibling.itertext()).split())
                if words and len(words.split()) <= 8:
                    above.append(words)
                if len(above) == 3:
                    break
            return [Block("heading", line, level=2)], tuple(reversed(above)), False
    return [], (), False


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


def _put_question(asked: list[Block], blocks: list[Block], *, posted: bool = False
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


def _thread_page(text: str) -> bool:
    """Every <article> of the page, two or more, is a post named as a comment: a thread."""
    posts = len(_THREAD_POST.findall(text))
    return posts >= 2 and posts == len(re.findall(r"<article\b", text, re.IGNORECASE))


def _thread(articles: list[Any]) -> Any:
    """The element holding a forum thread's posts: the page's <article>s, two or more,
    all named as comments ("cPost ipsComment"), side by side under one parent; or None.
    """
    posts = [a for a in articles if re.search(r"comment", f"{a.get('class', '')} "
                                                         f"{a.get('id', '')}", re.IGNORECASE)]
    # A blog's comments are such <article>s too, under the post's own <article>.
    parent = posts[0].getparent() if len(posts) >= 2 and len(posts) == len(articles) else None
    return parent if parent is not None and all(p.getparent() is parent for p in posts) else None


def _own_reading(text: str) -> list[Block]:
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
    whole = _words(tree)
    for element in tree.xpath("//nav|//header|//footer|//aside|//form|//iframe|//button|"
                              "//select"):
        if element.tag == "form" and _wraps(element, whole):
            element.drop_tag()  # a forum's moderation form around all its posts
        elif element.getparent() is not None:
            element.drop_tree()
    _nest_docs_lists(tree)
    _drop_tag_boxes(tree)
    _drop_docs_comments(tree)
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
        return walk(container)
    except RecursionError:
        return []


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


def _marked(blocks: list[Block]) -> int:
    """How many questions the blocks list (``read_list``)."""
    return len(read_list(blocks)[1])


def _headings(blocks: list[Block]) -> int:
    return sum(b.kind == "heading" for b in blocks)


def _title_and_crumbs(text: str) -> tuple[str, tuple[str, ...]]:
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


def read_markdown(data: bytes) -> Page:
    """Markdown → blocks, via markdown-it-py's CommonMark parser.

    Raises:
        UnreadableFile: Its HTML cannot be parsed.
    """
    from lxml import etree, html
    from markdown_it import MarkdownIt

    text, notes = _decoded_and_repaired(data)
    front = re.match(r"\A---\n(.*?)\n(?:---|\.\.\.)\n", text, flags=re.DOTALL)
    meta = _front_matter(front.group(1)) if front else {}
    text = text[front.end():] if front else text
    # Obsidian's notes to oneself: a to-do call-out with all it holds, a %% comment %%,
    # a dataview query. Another call-out's "[!info] Past paper" line is its label; what
    # it holds stays.
    text = re.sub(r"^>\s*\[!(?:todo|task)\][^\n]*\n(?:>[^\n]*(?:\n|$))*", "", text,
                  flags=re.MULTILINE | re.IGNORECASE)
    text = re.sub(r"%%.*?%%", "", text, flags=re.DOTALL)
    text = re.sub(r"^```dataview(?:js)?\n.*?^```[ \t]*$", "", text,
                  flags=re.MULTILINE | re.DOTALL)
    text = re.sub(r"^(>\s*)\[!\w+\][^\n]*\n", "", text, flags=re.MULTILINE)
    text = from_pandoc(text)
    rendered = MarkdownIt("commonmark").enable("table").render(_lines_as_paragraphs(text))
    if not rendered.strip():
        return Page((), notes=notes)
    try:
        tree = html.fragment_fromstring(rendered, create_parent="div")
    except (etree.ParserError, etree.XMLSyntaxError) as exc:
        # Raw HTML in the notes that lxml cannot take ("<!doctype" alone).
        raise UnreadableFile("its HTML cannot be read; copy the text into a .txt "
                             "file and import that") from exc
    blocks = _asked_in_front_matter(walk(tree), meta)
    # A notes app's call-out (Notion's <aside>) is the writer's note, not the text; the
    # paper it names in full is the page's.
    named = [known_paper(" ".join(aside.itertext())) for aside in tree.iter("aside")]
    crumbs = (*_front_matter_crumbs(meta), *(paper for paper in named if paper))
    return Page(tuple(blocks), crumbs=crumbs, notes=notes)


def _front_matter(text: str) -> dict[str, object]:
    """A notes app's properties (Obsidian, Hugo, Jekyll): YAML, read safely; {} if not."""
    import yaml

    try:
        found = yaml.safe_load(text)
    except yaml.YAMLError:
        return {}
    return {str(k).casefold(): v for k, v in found.items()} if isinstance(found, dict) else {}


def _front_matter_crumbs(meta: dict[str, object]) -> tuple[str, ...]:
    """Exam, year and paper the properties give, as a trail the page context reads."""
    exam = re.search(r"\b(CSS|PMS|PCS)\b", str(meta.get("exam", "")), re.IGNORECASE)
    year = re.search(r"\b(?:19|20)\d\d\b", str(meta.get("year", "")))
    said = [exam.group(1).upper() if exam else "", year.group(0) if year else "",
            str(meta.get("paper") or meta.get("subject") or "")]
    line = " ".join(p for p in said if p)
    return (line,) if line else ()


def _asked_in_front_matter(blocks: list[Block], meta: dict[str, object]) -> list[Block]:
    """With the question's number in the properties ("q: 5"), the first paragraph that
    asks is its question line: "Q.5 Discuss … (20 marks)".
    """
    number = next((meta[k] for k in ("q", "qno", "question_no", "number", "question")
                   if isinstance(meta.get(k), int)), None)
    if number is None or any(parse_question(plain(b.text)) for b in blocks):
        return blocks
    marks = meta.get("marks")
    for index, block in enumerate(blocks[:6]):
        text = plain(block.text)
        if block.kind == "paragraph" and ("?" in text or QUESTION_WORDS.match(text)):
            tail = f" ({marks} marks)" if isinstance(marks, int) else ""
            return [*blocks[:index], Block("paragraph", f"Q.{number} {text}{tail}"),
                    *blocks[index + 1:]]
    return blocks


def _lines_as_paragraphs(text: str) -> str:
    """Notes typed in a .md file with one line per paragraph and no blank lines between
    (as a .txt file would be) get the blank lines Markdown needs; Markdown that uses
    blank lines is left as written.
    """
    lines = text.split("\n")
    filled = [x for x in lines if x.strip()]
    if len(filled) < 6 or (len(lines) - len(filled)) * 5 >= len(filled) or any(
            x.lstrip().startswith("|") for x in filled):  # a table needs its rows together
        return text
    return "\n\n".join(lines)


def read_docx(data: bytes) -> Page:
    """A Word ``.docx`` file → blocks, via mammoth (headings, bold, numbered lists kept).

    Raises:
        UnreadableFile: The file is not a Word document (not a zip, or damaged).
    """
    import mammoth
    from lxml import html

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        unpacked = sum(i.file_size for i in archive.infolist())
        # Word never declares XML entities; a file that does may expand a few
        # bytes into gigabytes ("billion laughs") when parsed.
        entities = unpacked <= MAX_UNPACKED and any(
            b"<!ENTITY" in archive.read(i) for i in archive.infolist()
            if i.filename.endswith((".xml", ".rels")))
    except (zipfile.BadZipFile, ValueError, OSError, EOFError) as exc:
        raise UnreadableFile(f"is not a readable Word .docx file ({exc}); save it again "
                             "from Word as .docx") from None
    if unpacked > MAX_UNPACKED:
        raise UnreadableFile(f"unpacks to {unpacked // 2**20} MiB, more than a Word file of "
                             f"answers holds (at most {MAX_UNPACKED // 2**20} MiB); save the "
                             "part you need as its own file")
    if entities:
        raise UnreadableFile("declares XML entities, which Word never writes and which can "
                             "make a small file expand without bound; it was not read: open "
                             "it in Word and save it again as .docx")
    try:
        result = mammoth.convert_to_html(io.BytesIO(data))
    except Exception as exc:
        raise UnreadableFile(f"is not a readable Word .docx file ({type(exc).__name__}); "
                             "save it again from Word as .docx") from None
    source, notes = repair(result.value)
    if not source.strip():
        return Page((), notes=notes)
    blocks = walk(html.fragment_fromstring(source, create_parent="div"))
    return Page(tuple(blocks), notes=notes)


@contextmanager
def _quiet(name: str) -> Iterator[None]:
    """Hold a library's log messages (trafilatura logs what it discards) while it runs."""
    log = logging.getLogger(name)
    level = log.level
    log.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        log.setLevel(level)


def _decoded_and_repaired(data: bytes) -> tuple[str, tuple[str, ...]]:
    text, decoded = _decode(data)
    fixed, repaired = repair(text)
    return fixed, decoded + repaired


def _decode(data: bytes) -> tuple[str, tuple[str, ...]]:
    try:
        return decode(data)
    except NotText as exc:
        raise UnreadableFile(str(exc)) from None


MAX_BYTES = 2 * 2**20
"""Largest text, Markdown or Word file read (2 MiB; a saved web page may be 8 MiB):
a long page of answers is a few hundred kB, and reading takes about 4 s a MiB."""

MAX_UNPACKED = 50 * 2**20
"""Largest unpacked size of a Word file (a small .docx can unpack to gigabytes)."""

READERS: dict[str, Callable[[bytes], Page]] = {
    ".txt": read_text_file, ".text": read_text_file, "": read_text_file,
    ".html": read_html, ".htm": read_html, ".xhtml": read_html,
    ".md": read_markdown, ".markdown": read_markdown,
    ".docx": read_docx,
}
"""File extension (lowercase) → reader. Anything else is refused by name."""


def read_page(name: str, data: bytes) -> Page:
    """Read one file's bytes with the reader its extension names.

    Args:
        name: The file name (only its extension is used).
        data: The file's bytes.

    Raises:
        UnreadableFile: Unsupported extension, empty, binary or damaged file.
    """
    suffix = ("." + name.rsplit(".", 1)[-1].lower()) if "." in name.lstrip(".") else ""
    reader = READERS.get(suffix)
    if reader is None:
        raise UnreadableFile(f"has an extension studypack cannot import ({suffix}); use "
                             ".txt, .html, .md or .docx")
    if not data.strip():
        raise UnreadableFile("is empty")
    limit = MAX_BYTES * (4 if reader is read_html else 1)  # a saved page carries its code
    if len(data) > limit:
        raise UnreadableFile(f"is {len(data) / 2**20:.1f} MiB, more than a page of answers "
                             f"holds (at most {limit // 2**20} MiB); save the part you need "
                             "as its own file")
    try:
        page = reader(data)
    except RecursionError:
        raise UnreadableFile("is nested too deeply to read; save it again as plain "
                             "text") from None
    if not any(b.text.strip() for b in page.blocks):
        raise UnreadableFile("holds no text")
    return page


__all__ = ["READERS", "Block", "Page", "UnreadableFile", "read_page"]
