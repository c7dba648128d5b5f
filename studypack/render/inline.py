"""Author text (inline Markdown subset) → ReportLab paragraph markup.

markdown-it-py parses the text (HTML disabled, so ``<`` and ``&`` stay
literal); we emit ReportLab's mini-markup with every character escaped, and
wrap characters the paragraph's font lacks in the first fallback font that
has them.
"""

from __future__ import annotations

import html
import re
import warnings
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ..content.inline import ARABIC_CHARS as _ARABIC
from ..content.inline import STEERING, bold_lead, parser, plain_inline, plain_paragraphs
from ..errors import MissingGlyphWarning
from .fonts import FontSet, RegisteredFamily
from .rtl import URDU_LETTERS, is_urdu_among, with_digits

if TYPE_CHECKING:
    from markdown_it.token import Token

MISSING_GLYPH = "\N{REPLACEMENT CHARACTER}"

ARABIC_LETTER = re.compile(f"[{_ARABIC}]")
ARABIC_RUN = re.compile(
    f"([{_ARABIC}](?:[{_ARABIC}\\s\u060c\u061b\u061f\u200c\u200d.,:!()\\d]*[{_ARABIC}])?)")
"""Arabic-script text, with the spaces, punctuation and joiners (ZWNJ in "ٹیلی‌ویژن")
between its letters."""


ARABIC_SHARE = 0.5
"""A paragraph whose letters are more than half Arabic script is set right to left."""


def mostly_arabic(text: str) -> bool:
    """True when over half of the letters of ``text`` are Arabic script.

    Text with no letters at all is Arabic script when it holds Arabic-script
    digits or signs (۱۹۷۳، a row of ayah marks).
    """
    if not ARABIC_LETTER.search(text):
        return False  # the common case, answered without counting every letter
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return True
    arabic = sum(1 for c in letters if ARABIC_LETTER.match(c))
    return arabic / len(letters) > ARABIC_SHARE


def starts_right_to_left(text: str) -> bool:
    """Whether the first letter of ``text`` is Arabic script (the bidi algorithm's rule P2)."""
    for char in text:
        if char.isalpha():
            return bool(ARABIC_LETTER.match(char))
    return False


SOFT_HYPHEN = "\u00ad"
LONG_WORD = re.compile(r"\S{60,}")
"""A run without spaces long enough that ReportLab, trying each soft hyphen in it as a
break, takes time growing as its cube (800 in one run: 1.4 s); such a run loses its soft
hyphens and is broken as a long word is."""

def _escape(text: str) -> str:
    # html.escape, not xml.sax.saxutils.escape: the same three characters,
    # and importing xml.sax.saxutils loads urllib and ssl (26 ms a process).
    return html.escape(text, quote=False)


@dataclass(frozen=True)
class Block:
    """One block of body text: a paragraph, a list, a quotation or a table.

    Attributes:
        kind: "para", "bullets", "numbers", "arabic" (items hold plain text),
            "quote" (items are its paragraphs; ``source`` its attribution) or
            "table" (items are the header cells) or "figure" (items hold its
            caption; ``src`` its file as written). A quotation's paragraph or a
            list item mostly in Arabic script is kept as plain text (``arabic``
            says which), to be set right to left.
        items: Markup of each paragraph, item or header cell.
        start: A numbered list's first number.
        rows: A table's body rows, each a tuple of cell markup.
        aligns: A table's column alignments: "left", "right" or "center".
        source: A quotation's attribution line ("Quaid-e-Azam, 1947"), if any: markup,
            or plain text when mostly Arabic script (set right to left).
    """

    kind: str
    items: tuple[str, ...]
    start: int = 1
    rows: tuple[tuple[str, ...], ...] = ()
    aligns: tuple[str, ...] = ()
    source: str = ""
    src: str = ""
    arabic: tuple[bool, ...] = ()
    nested: tuple[tuple[int, str, int], ...] = ()
    """A list with lists inside it: each item's depth (0 for the list's own items), the
    kind of list it is in ("bullets" or "numbers") and its number there."""


ATTRIBUTION = re.compile(r"^\s*(?:—|–|--|~)\s*")
"""A quotation's last paragraph that opens with a dash names its source."""


YEAR_AT_LINE_START = re.compile(r"^(\s*\d{4})\.(\s)", re.MULTILINE)

def protect_years(raw: str) -> str:
    """Keep "1947. Independence…" a sentence, not item 1947 of a numbered list."""
    return YEAR_AT_LINE_START.sub(r"\1\\.\2", raw)


class Markup:
    """Converts author text for one font family (the paragraph's base font).

    ``italic``/``bold`` say the paragraph's own face (a question set in
    italic); inside ``**…**`` and ``*…*`` the face changes with the markup,
    and a fallback glyph is taken from the same face of the fallback font.
    """

    def __init__(self, fonts: FontSet, family: RegisteredFamily, *, bold: bool = False,
                 italic: bool = False) -> None:
        self.fonts = fonts
        self.family = family
        self.base = (bold, italic)
        self.depth = [0, 0]  # open **strong** and *em* spans while converting
        self.source = ""  # content file being converted, for warnings
        self.figures: dict[str, str] = {}  # the question's figures: as written → file
        self.figure_count = 0  # figures numbered so far in the question
        self.answer_rtl = False  # the answer being set is in Urdu (``question.for_question``)

    def right_to_left(self, raw: str) -> bool:
        """Whether author text is set right to left whole: mostly Urdu or Arabic, and in an
        English answer starting with it too ("A verse: …" stays an English sentence).
        """
        return mostly_arabic(raw) and (self.answer_rtl or starts_right_to_left(raw))

    def text(self, raw: str) -> str:
        """Escape plain text; Arabic runs go to the Arabic font, other strays to fallbacks."""
        if SOFT_HYPHEN in raw:
            raw = LONG_WORD.sub(lambda word: word.group().replace(SOFT_HYPHEN, ""), raw)
        if ARABIC_LETTER.search(raw):
            parts = []
            urdu_near = self.answer_rtl or bool(URDU_LETTERS.search(raw))
            for index, piece in enumerate(ARABIC_RUN.split(raw)):
                if index % 2:
                    parts.append(self._arabic(piece, urdu=is_urdu_among(piece, urdu_near)))
                else:
                    parts.append(self._latin(piece))
            return "".join(parts)
        return self._latin(raw)

    def _arabic(self, run: str, *, urdu: bool) -> str:
        # As typed, isolated (RLI…PDI) so that a number or bracket after it goes with the
        # English: the paragraph holding it is shaped by HarfBuzz (arabic.mixed_paragraph).
        family = self.fonts.urdu if urdu else self.fonts.arabic
        if urdu:
            run = with_digits(run, self.fonts.urdu_digits)
        # The parser takes a named face as it is, inside <b> too: the bold face is named.
        face = family.bold if self.base[0] or self.depth[0] > 0 else family.regular
        return f'<font name="{face}">\u2067{_escape(run)}\u2069</font>'

    def _latin(self, raw: str) -> str:
        # Most text is all in the font: one set comparison of its distinct
        # characters answers that, and the loop below is for the rest.
        if set(raw) <= _characters(self.family.coverage):
            return _escape(raw)
        out: list[str] = []
        run: list[str] = []
        for char in raw:
            if ord(char) in self.family.coverage or char in "\n\t" or char in STEERING:
                run.append(char)  # a joiner or direction mark steers, and prints nothing
                continue
            out.append(_escape("".join(run)))
            run = []
            bold = self.base[0] or self.depth[0] > 0
            italic = self.base[1] or self.depth[1] > 0
            fallback = self.fonts.fallback_for(char, bold=bold, italic=italic)
            if fallback is None:
                warnings.warn(MissingGlyphWarning(char, self.source), stacklevel=2)
                out.append(MISSING_GLYPH if ord(MISSING_GLYPH) in self.family.coverage else "?")
            else:
                out.append(f'<font name="{fallback}">{_escape(char)}</font>')
        out.append(_escape("".join(run)))
        return "".join(out)

    def inline(self, raw: str) -> str:
        """One line of author text → markup (bold, italic, links, code)."""
        plain = plain_inline(raw)
        if plain is not None:
            # The common case, read as markdown-it reads it without running it.
            return self.text(plain) + (" " if plain != raw else "")
        lead = bold_lead(raw)
        if lead is not None:
            self.depth[0] += 1  # a fallback glyph in the lead is taken bold
            bold = self.text(lead[0])
            self.depth[0] -= 1
            return f"<b>{bold}</b>{self.inline(lead[1])}"
        return self.parse_inline(raw)

    def parse_inline(self, raw: str) -> str:
        """``inline`` through markdown-it, whatever the text (the fast path's reference)."""
        tokens = parser().parseInline(raw)
        children = tokens[0].children if tokens else []
        return self._children(children or [])

    def _children(self, tokens: list[Token]) -> str:
        parts: list[str] = []
        for tok in tokens:
            kind = tok.type
            if kind == "text":
                parts.append(self.text(tok.content))
            elif kind in ("softbreak",):
                parts.append(" ")
            elif kind == "hardbreak":
                parts.append("<br/>")
            elif kind in ("strong_open", "strong_close"):
                self.depth[0] += 1 if kind.endswith("open") else -1
                parts.append("<b>" if kind.endswith("open") else "</b>")
            elif kind in ("em_open", "em_close"):
                self.depth[1] += 1 if kind.endswith("open") else -1
                parts.append("<i>" if kind.endswith("open") else "</i>")
            elif kind == "link_open":
                href = str(tok.attrs.get("href", ""))
                parts.append(f'<link href="{html.escape(href)}" underline="0">')
            elif kind == "link_close":
                parts.append("</link>")
            elif kind == "code_inline":
                parts.append(f'<font name="{self.fonts.mono.regular}">'
                             f"{self.text(tok.content)}</font>")
            elif tok.content:
                parts.append(self.text(tok.content))
        return "".join(parts)

    def blocks(self, raw: str) -> list[Block]:
        """Multi-paragraph author text → paragraphs and lists of markup.

        A nested list stays in its parent list, in reading order, each item with
        its depth and its own number (``Block.nested``); a numbered list keeps its
        starting number.
        """
        plain = plain_paragraphs(raw)
        if plain is not None:
            # Prose without markup: its paragraphs, as markdown-it would make them.
            return [Block("para", (self.text(para),)) for para in plain]
        return self.parse_blocks(raw)

    def parse_blocks(self, raw: str) -> list[Block]:
        """``blocks`` through markdown-it, whatever the text (the fast path's reference)."""
        out: list[Block] = []
        listed = _ListReader()
        tokens = parser().parse(protect_years(raw))
        index = 0
        while index < len(tokens):
            tok = tokens[index]
            index += 1
            if tok.type == "blockquote_open" and not listed.depth:
                index = self._quote(tokens, index, out)
            elif tok.type == "table_open" and not listed.depth:
                index = self._table(tokens, index, out)
            elif tok.type in ("bullet_list_open", "ordered_list_open"):
                listed.open("bullets" if tok.type.startswith("bullet") else "numbers",
                            int(tok.attrs.get("start", 1) or 1))
            elif tok.type in ("bullet_list_close", "ordered_list_close"):
                done = listed.close()
                if done is not None:
                    out.append(done)
            elif tok.type == "list_item_open":
                listed.item()
            elif tok.type == "inline" and listed.depth:
                if self.right_to_left(tok.content):  # an Urdu item: set right to left
                    listed.add(tok.content, urdu=True)
                else:
                    listed.add(self._children(tok.children or []), urdu=False)
            elif tok.type == "inline":
                image = _lone_image(tok)
                if image is not None:
                    out.append(Block("figure", (self.text(image.content),),
                                     src=str(image.attrs.get("src", ""))))
                elif self.right_to_left(tok.content):
                    out.append(Block("arabic", (tok.content,)))
                else:
                    out.append(Block("para", (self._children(tok.children or []),)))
        return out

    def _quote(self, tokens: list[Token], index: int, out: list[Block]) -> int:
        """A block quotation from ``tokens[index:]`` to its close; the index after it.

        Its paragraphs (a list inside it is kept as lines with their marks),
        and a last paragraph opening with a dash as its attribution.
        """
        paragraphs: list[str] = []
        arabic: list[bool] = []
        last_raw = ""
        depth, marks = 1, []
        while index < len(tokens) and depth:
            tok = tokens[index]
            index += 1
            if tok.type == "blockquote_open":
                depth += 1
            elif tok.type == "blockquote_close":
                depth -= 1
            elif tok.type == "bullet_list_open":
                marks.append(0)
            elif tok.type == "ordered_list_open":
                marks.append(int(tok.attrs.get("start", 1) or 1))
            elif tok.type in ("bullet_list_close", "ordered_list_close"):
                marks.pop()
            elif tok.type == "inline":
                mark = ""
                if marks:
                    mark = "• " if marks[-1] == 0 else f"{marks[-1]}. "
                    marks[-1] += 1 if marks[-1] else 0
                last_raw = tok.content
                # An Urdu couplet goes the Arabic way (lines in reading order, set
                # right to left); through the Latin paragraph its lines swapped.
                is_arabic = not mark and self.right_to_left(tok.content)
                arabic.append(is_arabic)
                paragraphs.append(tok.content if is_arabic
                                  else mark + self._children(tok.children or []))
        source = ""
        if len(paragraphs) > 1 and ATTRIBUTION.match(_plain_start(paragraphs[-1])):
            source = ATTRIBUTION.sub("", paragraphs.pop(), count=1)
            if arabic.pop():  # plain text, set right to left (render/question.quotation)
                source = source.strip()
        elif paragraphs and not arabic[-1] and "\n" in last_raw:
            # "> — Source" on the quotation's last line, with no blank line before it.
            *lines, final = last_raw.split("\n")
            if ATTRIBUTION.match(final) and "".join(lines).strip():
                paragraphs[-1] = self.inline("\n".join(lines))
                source = self.inline(ATTRIBUTION.sub("", final, count=1))
        out.append(Block("quote", tuple(paragraphs), source=source, arabic=tuple(arabic)))
        return index

    def _table(self, tokens: list[Token], index: int, out: list[Block]) -> int:
        """A pipe table from ``tokens[index:]`` to its close; the index after it."""
        header: list[str] = []
        rows: list[tuple[str, ...]] = []
        aligns: list[str] = []
        row: list[str] = []
        while index < len(tokens) and tokens[index].type != "table_close":
            tok = tokens[index]
            index += 1
            if tok.type == "th_open":
                style = str(tok.attrs.get("style", ""))
                aligns.append(style.removeprefix("text-align:") or "left")
            elif tok.type == "tr_open":
                row = []
            elif tok.type == "inline":
                row.append(self._children(tok.children or []))
            elif tok.type == "tr_close":
                if header:
                    rows.append(tuple(row))
                else:
                    header = row
        out.append(Block("table", tuple(header), rows=tuple(rows), aligns=tuple(aligns)))
        return index + 1


@dataclass
class _ListReader:
    """A list being read from markdown-it's tokens, with the lists inside it."""

    depth: int = 0
    kind: str = "bullets"
    start: int = 1
    items: list[str] = field(default_factory=list)
    urdu: list[bool] = field(default_factory=list)
    where: list[tuple[int, str, int]] = field(default_factory=list)
    lists: list[list[Any]] = field(default_factory=list)  # each open list: kind, next number
    item_at: tuple[int, str, int] = (0, "bullets", 1)

    def open(self, kind: str, start: int) -> None:
        if not self.depth:
            self.kind, self.start = kind, start
            self.items, self.urdu, self.where = [], [], []
        self.lists.append([kind, start])
        self.depth += 1

    def item(self) -> None:
        self.item_at = (self.depth - 1, self.lists[-1][0], self.lists[-1][1])
        self.lists[-1][1] += 1

    def add(self, text: str, *, urdu: bool) -> None:
        self.items.append(text)
        self.urdu.append(urdu)
        self.where.append(self.item_at)
        # An item's second paragraph goes under its first, without a mark.
        self.item_at = (self.item_at[0], "continued", self.item_at[2])

    def close(self) -> Block | None:
        """The list, once its outermost level closes."""
        self.depth -= 1
        self.lists.pop()
        if self.depth:
            # A paragraph after the inner list continues the outer list's item.
            self.item_at = (self.depth - 1, "continued", self.lists[-1][1] - 1)
            return None
        nested = any(depth or kind == "continued" for depth, kind, _ in self.where)
        return Block(self.kind, tuple(self.items), self.start,
                     arabic=tuple(self.urdu) if any(self.urdu) else (),
                     nested=tuple(self.where) if nested else ())


def _lone_image(tok: Token) -> Token | None:
    """The image a paragraph consists of, alone (a figure), or None."""
    children = [c for c in tok.children or [] if not (
        c.type == "softbreak" or (c.type == "text" and not c.content.strip()))]
    return children[0] if len(children) == 1 and children[0].type == "image" else None


def _plain_start(markup: str) -> str:
    """The start of a paragraph's markup with its opening tags left out."""
    return re.sub(r"^(?:<[^>]*>)+", "", markup)


@lru_cache(maxsize=16)
def _characters(coverage: frozenset[int]) -> frozenset[str]:
    """The characters of a font's ``coverage`` (code points), with line feed and tab."""
    return frozenset(map(chr, coverage)) | {"\n", "\t"}


def _mostly_arabic(text: str) -> bool:
    return mostly_arabic(text)
