"""Fill the fields an author may leave out: gists, summary, outline.

Input: author text (inline Markdown subset). Output: plain strings. Pure
functions, no I/O.
"""

from __future__ import annotations

import re

from .inline import parser, plain_paragraphs

GIST_MAX_CHARS = 90
"""Longest derived gist: one line of the key-points table's third column at
the base layout's 9 pt table type on A4 (about 90 characters)."""

ABBREVIATIONS = frozenset([
    "mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "prof", "sir", "st", "no", "nos",
    "art", "arts", "vol", "vols", "ed", "eds", "e.g", "i.e", "etc", "vs", "cf", "fig", "approx",
    "govt", "dept", "univ", "jr", "sr", "rs", "u.s", "u.k", "u.n", "u.s.a", "p.m", "a.m",
])
"""Words that end in a full stop without ending a sentence ("Gen. Musharraf", "Art. 58")."""

_WORD_WINDOW = 2 * max(len(word) for word in ABBREVIATIONS)
"""Characters before a full stop enough to hold any abbreviation and its opening quote."""

_BOUNDARY = re.compile(r"([.!?۔؟])[\"”’)]?\s+(?=[A-Z“‘\"(0-9\u0600-\u06FF])")
"""A sentence's end: English, or Urdu's own full stop (۔) and question mark (؟)."""


IMPORT_PLACEHOLDER = "[Not in the source: write the {name} here.]"
"""What ``studypack import`` writes for a required part the source lacks."""
INCOMPLETE = "incomplete"
"""The ``derived:`` entry (before its colon) of an answer whose source stopped mid-answer."""


def plain_text(markdown: str) -> str:
    """Strip the inline Markdown subset, keeping the words.

    Args:
        markdown: Author text such as ``"**Trust** was [low](https://x)"``.

    Returns:
        ``"Trust was low"``: emphasis and link syntax removed, whitespace folded.
    """
    if plain_paragraphs(markdown) is not None:
        # Prose without markup (most of it) is its own words: no parse needed.
        return " ".join(markdown.split())
    return parsed_plain_text(markdown)


def parsed_plain_text(markdown: str) -> str:
    """``plain_text`` through markdown-it, whatever the text (the fast path's reference)."""
    words: list[str] = []
    for block in parser().parse(markdown):
        for child in block.children or ():
            if child.type in ("text", "code_inline"):
                words.append(child.content)
            elif child.type in ("softbreak", "hardbreak"):
                words.append(" ")
        if block.type == "inline":
            words.append(" ")
    return " ".join("".join(words).split())


def first_sentence(text: str) -> str:
    """The first sentence of ``text`` (plain), or all of it when it has one.

    A full stop after a known abbreviation or a single capital letter
    ("A. K. Fazlul Huq") does not end the sentence, and neither does a
    paragraph break: the sentence is sought in the first paragraph only.
    """
    # Only the first paragraph is parsed: a long body would otherwise be
    # parsed whole for one sentence (half the time of loading 400 answers).
    plain = plain_text(re.split(r"\n[ \t]*\n", text.strip(), maxsplit=1)[0])
    for match in _BOUNDARY.finditer(plain):
        if match.group(1) == ".":
            # The word before the stop, from a short window: splitting all the
            # text before each stop made a paragraph of "e.g. A e.g. B …" quadratic.
            before = plain[max(0, match.start() - _WORD_WINDOW): match.start()].rsplit(None, 1)
            word = before[-1] if before else ""
            word = word.lstrip("(“‘\"").lower()
            if word in ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
                continue
        return plain[: match.start() + 1].strip()
    return plain.strip()


def cut_at_word(text: str, limit: int = GIST_MAX_CHARS) -> str:
    """Cut ``text`` to at most ``limit`` characters at a word boundary.

    An ellipsis marks a cut; a single word longer than ``limit`` is cut
    inside the word rather than returned whole.
    """
    if len(text) <= limit:
        return text
    head = text[: limit - 1]
    space = head.rfind(" ")
    if space > limit // 3:
        head = head[:space]
    return head.rstrip(" ,;:.–—-") + "…"


def derive_gist(body: str, heading: str) -> str:
    """One-line gist for a key point: the body's first sentence, cut to fit.

    Falls back to the heading when the body is empty.
    """
    # A table or a figure that opens the body is not a sentence ("Term Urdu Federation
    # وفاق" read as one): the first paragraph of prose gives the gist.
    prose = [part for part in re.split(r"\n[ \t]*\n", body.strip())
             if part.strip() and not part.lstrip().startswith(("|", "!["))]
    sentence = first_sentence(prose[0]) if prose else ""
    return cut_at_word(sentence or plain_text(heading))


def derive_summary(introduction: str, conclusion: str) -> str:
    """A summary: the conclusion's first sentence, led by the introduction's when different.

    The conclusion usually states the answer; the introduction's first
    sentence is added only when it does not repeat it (word overlap < 60 %).
    """
    intro, closing = first_sentence(introduction), _without_lead(first_sentence(conclusion))
    if not intro or not closing:
        return cut_at_word(intro or closing, SUMMARY_MAX_CHARS)
    a, b = set(intro.lower().split()), set(closing.lower().split())
    if len(a & b) / max(1, min(len(a), len(b))) >= 0.6:
        return cut_at_word(closing, SUMMARY_MAX_CHARS)
    return cut_at_word(f"{intro} {closing}", SUMMARY_MAX_CHARS)


CLOSING_LEADS = re.compile(
    r"^(?:in conclusion|to conclude|to sum up|in sum|in short|in a nutshell|overall|"
    r"all in all|in the final analysis|summing up)\s*[,:–—-]\s*", re.IGNORECASE)
"""Openers that mark a conclusion in an answer and read oddly at the head of a summary."""


def _without_lead(sentence: str) -> str:
    rest = CLOSING_LEADS.sub("", sentence, count=1)
    return rest[:1].upper() + rest[1:] if rest != sentence else sentence


SUMMARY_MAX_CHARS = 600
"""Longest derived summary: about five lines of the summary box at body size on A4."""


def derive_outline(headings: list[str], sections: list[str]) -> tuple[str, ...]:
    """Outline lines from the answer's structure: introduction, points, sections, conclusion."""
    return ("Introduction", *(plain_text(h) for h in headings),
            *(plain_text(s) for s in sections), "Conclusion")


MINOR_WORDS = frozenset({"and", "of", "the", "&", "in", "for"})
"""Words a paper's initials leave out ("Science and Technology" is "ST")."""


def paper_initials(paper: str) -> str:
    """"Pakistan Affairs" → "PA", "International Relations" → "IR"; at most four letters.

    The contents' year column has room for four letters and a year: a
    paper named in twenty words printed its initials over the question.
    """
    words = [w for w in plain_text(paper).split() if w.casefold() not in MINOR_WORDS]
    return ("".join(w[0].upper() for w in words if w[0].isalnum()) or paper[:2])[:4]
