"""The common shape every reader produces: a flat sequence of blocks.

Input: nothing (definitions only). Output: ``Block`` (one heading, paragraph
or list item, as read) and ``Piece`` (a block with its leading marker, label
and script worked out), which the answer parser reads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

BlockKind = Literal["heading", "paragraph", "item"]


@dataclass(frozen=True)
class Block:
    """One unit of a source document, in reading order.

    Attributes:
        kind: ``heading`` (h1–h6, a Word heading), ``paragraph`` or ``item``
            (a list item of a real list in HTML, Markdown or Word).
        text: The text in the content format's inline Markdown (``**bold**``).
        level: Heading level 1–6, or list nesting depth from 0.
        bold: The whole block was bold (a bold line used as a heading).
        ordered: For items: the list was numbered rather than bulleted.
        number: For items of a numbered list: the item's number, from 1.
    """

    kind: BlockKind
    text: str
    level: int = 0
    bold: bool = False
    ordered: bool = False
    number: int = 0


@dataclass(frozen=True)
class Page:
    """What a reader made of one file.

    Attributes:
        blocks: The document's blocks in reading order (junk not yet removed).
        title: The document's title when the format has one (HTML ``<title>``).
        crumbs: Breadcrumb trails the reader found outside the main text.
        notes: What the reader repaired or could not read, for the report.
        product: The saved page's markup calls it a shop's product page, whatever its
            description quotes.
        index: The saved page shows several posts, each cut at its jump break ("Read
            more »"): a blog's index, whatever answers the posts begin.
    """

    blocks: tuple[Block, ...]
    title: str = ""
    crumbs: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    product: bool = False
    index: bool = False


EMOJI = r"[\u2600-\u27BF\U0001F300-\U0001FAFF]"
"""Symbols and emoji chats set as bullets, markers and reactions (👉 🔹 📌 👍)."""

MarkerKind = Literal["", "number", "roman", "nested", "letter", "bullet"]

_MARKERS: tuple[tuple[MarkerKind, re.Pattern[str]], ...] = (
    # 4.1- Sub-point / 4.1. / 4.1)
    ("nested", re.compile(r"^(\d{1,2}\.\d{1,2})(?:[.)]|\s*[-–])?\s*(?=\S)")),
    # 1️⃣ (a keycap emoji, as chat posts number their points)
    ("number", re.compile(r"^(\d{1,2})\uFE0F?\u20E3\s*(?=\S)")),
    # 1. / 1) / 1- / 1– / (1) / 1:
    ("number", re.compile(r"^\(?(\d{1,3})(?:[.):۔]|\s*[-–](?![-–]))\s*(?=\S)")),
    # I. / IV) / ii-
    ("roman", re.compile(r"^\(?((?i:x{0,3}(?:ix|iv|v?i{0,3})))(?<=[ivxIVX])"
                         r"(?:[.)]|\s*[-–](?=\s))\s*(?=\S)")),
    # a) / (b) / c.
    # An outline's capital letters ("A. The paradox …"), never a person's initials ("A. K.").
    ("letter", re.compile(r"^\(?([a-h]|[A-H](?=[.)]\s+(?![A-Z]\.)))(?:\)|\.(?=\s))\s*(?=\S)")),
    # a- / b– : a small letter dashed as an outline's "1-" lines are ("a- land reform")
    ("letter", re.compile(r"^([a-h])\s?[-–](?=\s)\s*(?=\S)")),
    # (الف) / (ب) / ج): Urdu letters in their abjad order
    ("letter", re.compile(r"^\(?(الف|ب|ج|د|ہ|و|ز|ح|ط|ی)\)\s*(?=\S)")),
    # - / • / ✓ / ✔ / ➢ / ► / * / o, and emoji used as bullets in chats (👉 ✅)
    # "--" typed for a second level under "-" lines
    ("bullet", re.compile(rf"^(--|[-–•●○▪▫◽■◦✓✔☑➢➤►▶▸▾▹▿◆◇❖→➔↳*»·o]|{EMOJI})\uFE0F?(?=\s)\s*")),
    # "📍Heading": a chat or social post sets its emoji bullet hard against the word
    ("bullet", re.compile(rf"^({EMOJI})\uFE0F?(?=[A-Z])")),
    # Ø / §: Word's Wingdings arrow and square bullets, as a plain-text save writes them
    ("bullet", re.compile(r"^([Ø§])(?=\s)\s*(?=\S)")),
)

QUESTION_WORDS = re.compile(
    r"\b(?:discuss|explain|examine|evaluate|analy[sz]e|critically|describe|elaborate|comment|"
    r"highlight|assess|trace|compare|define|illustrate|justify|what|how|why|to what extent|"
    r"do you agree|write a note|enumerate|identify|outline the|account for|review|"
    r"differentiate|distinguish|calculate|compute|mention|write down|find the|find its)\b",
    re.IGNORECASE)
"""Words that set an exam question's task; a title holding one may be the question."""

ARABIC = re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]")


URDU_LETTERS = re.compile(r"[ٹڈڑںھےۓکگیہۂپچژ]")
"""Letters Urdu (and Persian) write that Arabic does not: a text with them is Urdu prose,
not a quoted verse."""


_HARAKAT = re.compile(r"[\u064B-\u0652]")
"""Vowel marks. The superscript alef is left out: Urdu spells with it (شوریٰ, زکوٰۃ)."""


def urdu_prose(text: str) -> bool:
    """Mostly Arabic script, with a letter of Urdu's own and few vowel marks: an Urdu-medium
    answer's text. A verse is written with its vowel marks, often on an Urdu keyboard (ی, ک),
    so the marks tell it apart.
    """
    if not mostly_arabic(text) or not URDU_LETTERS.search(text):
        return False
    letters = sum(1 for c in text if c.isalpha())
    return len(_HARAKAT.findall(text)) * 100 < letters * 15


def unvowelled(text: str) -> bool:
    """Arabic-script text written without vowel marks (as Urdu is; a verse has them)."""
    return not _HARAKAT.search(text)


def mostly_arabic(text: str) -> bool:
    """True when more than a third of the letters are Arabic script (a verse, a couplet)."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(1 for c in letters if ARABIC.match(c)) * 3 > len(letters)


@lru_cache(maxsize=4096)
def plain(text: str) -> str:
    """``text`` without the inline emphasis marks (``**``, ``*``, ``__``).

    Remembered: every stage asks it of the same blocks, and a block may be a page long.
    """
    return _EMPHASIS.sub("", text).strip()


_EMPHASIS = re.compile(r"\*\*|__|(?<!\w)\*(?=\S)|(?<=\S)\*(?!\w)")


def split_marker(text: str) -> tuple[MarkerKind, str, str]:
    """Split a leading list marker off ``text``.

    Args:
        text: Block text, e.g. ``"4.1- Water storage"`` or ``"✓ Dams – costly"``.

    Returns:
        ``(kind, marker value, rest)``, e.g. ``("nested", "4.1", "Water storage")``;
        ``("", "", text)`` when there is no marker. A bold marker
        (``**1. Heading**``) is found too; the bold is kept on the rest.
    """
    stripped = text.strip()
    bold = stripped.startswith("**")
    probe = stripped[2:] if bold else stripped
    for kind, pattern in _MARKERS:
        match = pattern.match(probe)
        if match:
            rest = probe[match.end():]
            if kind == "number" and re.match(r"\d", rest):
                continue  # "1 000", "2 4"
            return kind, match.group(1), ("**" + rest if bold else rest)
    return "", "", text.strip()


LONG_LINE_WORDS = 8
"""A line of this many words or more reads as prose, not as a heading, a label or a card."""


def words_in_long_lines(blocks: list[Block]) -> int:
    """The words of the blocks long enough to be prose: how much a post or a reading of
    a page says, its headings, cards and buttons not counted.
    """
    return sum(len(plain(b.text).split()) for b in blocks
               if len(plain(b.text).split()) >= LONG_LINE_WORDS)
