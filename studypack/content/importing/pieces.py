"""Blocks → pieces: each block's list marker, label and script, worked out once.

Input: the blocks of one answer. Output: ``Piece`` records the answer parser
walks. A label is a word that names a part of the answer ("Outline",
"Question Breakdown", "Answer:", "Introduction:", "Way forward",
"Conclusion") when it heads a block or stands before a colon.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .blocks import (
    EMOJI,
    Block,
    MarkerKind,
    mostly_arabic,
    plain,
    split_marker,
    unvowelled,
    urdu_prose,
)

LABELS: tuple[tuple[str, str], ...] = (
    ("outline", r"outline of (?:the|my|this) answer|outline (?:at a glance|in brief)|"
                r"(?:answer |essay )?(?:outline|skeleton)|structure|"
                r"خاکہ|آؤٹ ?لائن"),
    ("breakdown", r"question breakdown|breakdown of the question|understanding the question"),
    ("answer", r"answer(?: to the question)?|ans|solution|model answer"),
    # "lntroduction": an OCR'd page reads a capital I as a small l.
    ("introduction", r"[Il]ntroduction|[Il]ntro|background|opening(?: remarks)?|"
                     r"تعارف|تمہید|مقدمہ"),
    ("conclusion", (r"conclusion|concluding remarks|final (?:thoughts|remarks)|wrap[- ]?up|"
                    r"(?:the )?bottom line|حاصلِ? ?کلام|خلاصۂ? ?کلام|خلاصہ|نتیجہ|اختتامیہ|ماحصل")),
    ("note", r"translation|meaning|reference|explanation|tafseer|tafsir"),
    # "Suggestions for Managers": whom they are for does not make them a point
    ("section", (r"(?:the )?way (?:forward|out)|(?:critical |an )?analysis|"
                 r"(?:suggestions|(?:policy )?recommendations)(?: for (?:the )?[A-Za-z]+)?|"
                 r"(?:the )?road ahead|تجاویز|سفارشات")),
)
"""Label kind → the words that make it (matched whole, case ignored)."""

_LABEL = re.compile("^(?:" + "|".join(f"(?P<{k}>{w})" for k, w in LABELS) +
                    r")\s*(?P<sep>:-|[:\-–—]|\.(?=\s|$))?\s*(?P<rest>.*)$",
                    re.IGNORECASE | re.DOTALL)

CONCLUSION_OPENERS = re.compile(
    r"^(?:overall|to conclude|in conclusion|in a nutshell|to sum (?:it )?up|summing up|"
    r"in short|in sum|all in all|to wrap up|conclusively|in the final analysis|"
    r"all (?:things )?(?:said|considered)(?: and done)?|in the end)\b",
    re.IGNORECASE)
"""How an unlabelled concluding paragraph starts."""

SENTENCE_END = re.compile(r"[.!?…:;\"”’)\]*»۔]\s*$")


@dataclass(frozen=True)
class Piece:
    """One block with what the parser needs to know about it.

    Attributes:
        block: The block as read.
        marker: The list marker kind (``number``, ``roman``, ``nested``,
            ``letter``, ``bullet``) or ``""``.
        number: The marker's value ("4", "IV", "4.1", "•"), or the list number.
        text: The text without its marker (inline Markdown kept).
        label: The label kind (see ``LABELS``) or ``""``.
        label_text: The label as written ("Way forward").
        rest: The text after a label and its colon ("" when the label stands alone).
        arabic: The text is mostly Arabic script (never a heading, never joined).
    """

    block: Block
    marker: MarkerKind
    number: str
    text: str
    label: str = ""
    label_text: str = ""
    rest: str = ""
    arabic: bool = False

    @property
    def plain(self) -> str:
        """The piece's text without inline markup."""
        return plain(self.text)

    @property
    def headed(self) -> bool:
        """A heading block or a whole bold line."""
        return self.block.kind == "heading" or self.block.bold

    @property
    def depth(self) -> int:
        """List nesting depth (0 for anything that is not a list item)."""
        return self.block.level if self.block.kind == "item" else 0

    @property
    def top_numbered(self) -> bool:
        """Numbered at the top level: ``1.``, ``1-``, ``IV.``, or a numbered list item."""
        return self.marker in ("number", "roman") and self.depth == 0

    @property
    def sub(self) -> bool:
        """A sub-item: a bullet, a lettered item, a nested number or a nested list item."""
        return self.marker in ("bullet", "letter", "nested") or (
            self.marker != "" and self.depth > 0)

    @property
    def ends_sentence(self) -> bool:
        """Whether the text ends a sentence (a full stop, question or exclamation mark)."""
        return bool(SENTENCE_END.search(self.plain))


def to_piece(block: Block) -> Piece:
    """Work out ``block``'s marker, label and script."""
    marker, number, text = split_marker(block.text)
    if not marker and block.kind == "item":
        marker, number = ("number", str(block.number)) if block.ordered else ("bullet", "•")
    # Urdu prose is read like English (headings, labels, points); only Arabic verses are
    # kept apart as they are.
    arabic = mostly_arabic(block.text) and not urdu_prose(block.text) and not (
        _LABEL.match(plain(text)) and len(text.split()) <= 3) and not (  # "تعارف" over …
        # "(ج) مشاورت": a listed line without vowel marks is Urdu, even with no letter
        # of Urdu's own (a verse is written with its marks).
        bool(marker) and unvowelled(text))
    piece = Piece(block, marker, number, text, arabic=arabic)
    if arabic:
        return piece
    # "Outline (keep it short in exam):": a remark in brackets does not hide the label.
    bare = re.sub(r"^(\w[\w ]{0,24}?)\s*\([^()]{1,40}\)\s*(:?)\s*$", r"\1\2",
                  _EMOJI_EDGES.sub("", plain(text)))  # "📌Introduction", "OUTLINE ✍️"
    match = _LABEL.match(bare)
    if match:
        kind = next(k for k, _ in LABELS if match.group(k))
        rest, sep = match.group("rest").strip(), match.group("sep")
        standing = not rest and (block.kind != "item" or marker in ("number", "roman"))
        if standing or (sep and sep != "." and rest):
            label_text = match.group(kind).strip()
            if rest:  # keep the emphasis of the text after "Label:"
                rest = _after_label(text, label_text)
            return Piece(block, marker, number, text, kind, label_text, rest)
    return piece


_EDGE = rf"(?:{EMOJI}|[\u2190-\u21FF\u2B00-\u2BFF\uFE0F\u200d\s])"
"""An emoji or an arrow ("⬇️", "↓") set beside a label, and the joiners between them."""
_EMOJI_EDGES = re.compile(rf"^{_EDGE}+|{_EDGE}+$")


def _after_label(text: str, label: str) -> str:
    start = plain(text).lower().find(label.lower())
    tail = re.sub(r"^\s*\**\s*[:\-–—]?\s*\**\s*", "", plain(text)[start + len(label):])
    index = text.find(tail[:20]) if tail else -1
    return text[index:].strip() if index >= 0 else tail.strip()


def format_subpoint(text: str) -> str:
    """``"Dams – slow to build"`` → ``"**Dams** – slow to build"`` (a term of up to six words
    before a dash or colon is set bold); other text is returned as it is.
    """
    if text.startswith("**"):
        return text
    match = re.match(r"^([^:–—]{1,60}?)\s*(?::|\s[-–—])\s+(\S.*)$", text)
    if match and len(match.group(1).split()) <= 6 and not match.group(1).endswith("."):
        return f"**{plain(match.group(1))}** – {match.group(2).strip()}"
    return text
