"""A saved web page's HTML made ready for trafilatura: an accordion's titles made plain
paragraphs, bold set by a style made ``<b>``, a published Google Doc's lists nested, and
its comments, a post's tag boxes, polls and pictures' captions dropped.

Input: the page's decoded HTML. Output: the HTML to extract the main text from.
"""

from __future__ import annotations

import re
from typing import Any

_PANEL_TITLE = re.compile(r"""class\s*=\s*["'][^"']*\b(?:elementor-)?"""
                          r"(?:tab|accordion|toggle)-title\b", re.IGNORECASE)
"""An accordion's or tabs widget's title (Elementor's ``elementor-tab-title``)."""
_BOLD_STYLE = re.compile(r"font-weight\s*:\s*(?:bold|[6-9]00)\b", re.IGNORECASE)
"""Bold set by a style, not a tag, as site builders write it (Google Sites, Wix)."""


_DOCS_LIST = re.compile(r"\blst-kix_(\w+)-(\d)\b")
"""A published Google Doc's list class: the list's id, then its nesting level."""


def nest_docs_lists(tree: Any) -> None:
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


def prepared_for_extraction(text: str) -> str:
    """The page as trafilatura should read it: each accordion title a plain paragraph of
    its words (a link or button without an address, which trafilatura leaves out as a
    control, yet it heads its panel: "CSS 2019" over that year's questions), and each
    span made bold by its style a ``<b>`` (a run-in point's heading, which trafilatura
    would lose with the style). A picture's caption ("Image: file") is left out: it
    captions the picture, which the import leaves behind.
    """
    if not (_PANEL_TITLE.search(text) or _BOLD_STYLE.search(text) or "<figcaption" in text
            or _DOCS_LIST.search(text) or _TAG_LINK.search(text) or _DOCS_COMMENT in text
            or _POLL.search(text) or _EMAIL_INPUT.search(text)):
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
    nest_docs_lists(tree)
    drop_tag_boxes(tree)
    drop_docs_comments(tree)
    drop_polls(tree)
    drop_signup_boxes(tree)
    for caption in tree.xpath("//figcaption"):
        if caption.getparent() is not None:
            caption.drop_tree()
    for span in tree.xpath("//span[@style]"):
        if _BOLD_STYLE.search(span.get("style", "")):
            span.tag = "b"
    return str(html.tostring(tree, encoding="unicode"))


_DOCS_COMMENT = 'href="#cmnt'
"""A Google Doc saved as a web page links each comment's mark ("[a]") to its text."""


def drop_docs_comments(tree: Any) -> None:
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


def drop_tag_boxes(tree: Any) -> None:
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


_POLL = re.compile(r"""class\s*=\s*["'](?:[^"']*[\s_-])?polls?(?:[\s_-][^"']*)?["']""",
                   re.IGNORECASE)
"""An element named as a poll: Telegram's ``tgme_widget_message_poll``, a blog's
``wp-polls`` or ``poll-widget`` (and not ``pollution-facts``)."""
POLL_WORDS = 120
"""A poll's question and options are short; a box of this many words is no poll."""


def drop_polls(tree: Any) -> None:
    """Leave out a poll: its question ("Which question should we solve next?"), its kind
    ("Anonymous Poll") and its options with their shares ("48%", "Ozone depletion (CSS
    2019)") ask the reader something; read as text they ran on after the conclusion. A
    box so named that holds a page's worth of words wraps more than a poll, and stays.
    """
    for poll in tree.xpath("//*[@class]"):
        if _POLL.search(f'class="{poll.get("class", "")}"') and poll.getparent() is not None \
                and len(poll.text_content().split()) < POLL_WORDS:
            poll.drop_tree()


_EMAIL_INPUT = re.compile(r"""<input\b[^>]*\btype\s*=\s*["']?email\b""", re.IGNORECASE)
SIGNUP_WORDS = 60
"""A newsletter's box says a line or two; a box holding more wraps more than the box."""


def drop_signup_boxes(tree: Any) -> None:
    """Leave out a newsletter's sign-up box: the form asking for an email address and the
    words around it ("Get the weekly digest", "One email every Sunday, no spam"), up to
    the largest box around the form that still says little; read as text, its heading
    and line ran on after the conclusion.
    """
    for field in tree.xpath("//input[translate(@type, 'EMAIL', 'email')='email']"):
        box = next((f for f in field.iterancestors("form")), None)
        if box is None:
            continue
        for outer in box.iterancestors():
            if outer.tag in ("body", "html", "article", "main") or len(
                    outer.text_content().split()) >= SIGNUP_WORDS:
                break
            box = outer
        if box.getparent() is not None:
            box.drop_tree()
