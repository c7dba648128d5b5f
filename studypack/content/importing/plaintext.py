"""Plain text (copied from a web page or a PDF) → blocks.

Input: decoded, repaired text. Output: paragraph blocks, one per source
paragraph: a line on its own in web copies, or hard-wrapped lines joined back
in PDF copies. Page furniture from document sites ("page 3 of 53", a header or
footer repeated on every page) is dropped first (``page_chrome``), because only
the line layout shows it. Lines mostly in Arabic script are never joined to their neighbours.
"""

from __future__ import annotations

import re

from .blocks import QUESTION_WORDS, Block, mostly_arabic, split_marker
from .junk import is_junk, starts_tail
from .page_chrome import drop_page_chrome, wrap_width
from .pieces import CONCLUSION_OPENERS, SENTENCE_END, to_piece
from .plain_chat import CHAT_PREFIX, discord_as_chat, main_speaker
from .question_sheet import question_sheet
from .question_tags import full_years
from .questions import asks, parse_question

_QUESTION_END = re.compile(r"(?:\?|\(\s*\d{1,3}\s*(?:marks?)?\)|(?:19|20)\d\d\)?|marks?\)?|"
                           r"marks?\s*[:=]\s*\d{1,3})\s*$", re.IGNORECASE)
"""How a question line ends: it is never joined to the answer below it."""

_MARKS_END = re.compile(r"[(\[]\s*\d{1,3}\s*(?:marks?)?\s*[)\]]\s*$", re.IGNORECASE)


_PAGE_COUNTER = re.compile(r"^\s*(?:(?:you are on )?page\s*)?\d{1,3}\s*(?:/|of)\s*\d{1,3}\s*$",
                           re.IGNORECASE)
"""A page counter a PDF or a document viewer prints: "1 / 7", "Page 2 of 53"."""


def read_plain(text: str) -> tuple[list[Block], list[str]]:
    """Split plain text into paragraph blocks.

    Args:
        text: The whole file, already decoded and repaired.

    Returns:
        ``(blocks, dropped)``: one ``paragraph`` block per paragraph (list
        markers stay in the text; the parser reads them), and the lines of
        page furniture that were dropped (running heads may name the paper).
    """
    lines = _without_docs_comments(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    lines, dropped = drop_page_chrome(lines)
    lines = question_sheet(lines)
    lines = discord_as_chat(lines)
    chat = sum(bool(CHAT_PREFIX.match(x.strip())) for x in lines) >= 3
    lines = main_speaker(lines) if chat else _nested_bullets(lines)
    paged = sum(bool(_PAGE_COUNTER.match(line)) for line in dropped) >= 2
    # A chat's lines are messages, never wrapped.
    width = 0 if chat else wrap_width(lines, paged=paged)
    paragraphs: list[str] = []
    previous = ""
    tables = _tab_tables(lines)
    skip_to = 0
    for n, raw in enumerate(lines):
        if n < skip_to:
            continue
        if n in tables:
            # A table copied from a page or a Word file: its rows, one cell per tab, are
            # kept as a table of the answer, not run together into a line of words.
            skip_to, table = tables[n]
            paragraphs.append(table)
            previous = ""
            continue
        line = CHAT_PREFIX.sub("", " ".join(raw.split()))
        if not line:
            previous = ""
            continue
        following = lines[n + 1] if n + 1 < len(lines) else ""
        if previous and (_hangs(previous, raw) or _tag_alone(paragraphs[-1], line)
                         or _closes_question(paragraphs[-1], line) or (
                width and _continues(
                previous, raw, width, paragraphs[-1]) and not _heads_a_list(previous, line,
                                                                         following))):
            joined = paragraphs[-1]
            paragraphs[-1] = (joined[:-1] + line if re.search(r"[a-z]-$", joined[-2:])
                              and line[0].islower() else f"{joined} {line}")
        else:
            paragraphs.append(line)
        previous = raw.rstrip()
    return [_block(p) for p in paragraphs], dropped


TABLE_ROWS = 3
"""A table has a head row and two rows or more."""


def _tab_tables(lines: list[str]) -> dict[int, tuple[int, str]]:
    """Runs of lines cut by tabs into the same number of cells (two or more), three lines
    or more, the first cell no list marker (an outline's "1." and a tab before its line):
    first line → (the line after the run, the run as a Markdown pipe table).
    """
    def cells(line: str) -> list[str]:
        parts = [" ".join(c.split()) for c in line.strip().split("\t")]
        if len(parts) < 2 or not all(parts) or split_marker(line.strip())[0]:
            return []
        return parts

    found: dict[int, tuple[int, str]] = {}
    n = 0
    while n < len(lines):
        width = len(cells(lines[n]))
        end = n
        while width and end < len(lines) and len(cells(lines[end])) == width:
            end += 1
        if end - n >= TABLE_ROWS:
            rows = [cells(x) for x in lines[n:end]]
            body = [rows[0], ["---"] * width, *rows[1:]]
            found[n] = (end, "\n".join("| " + " | ".join(c.replace("|", "/") for c in row)
                                       + " |" for row in body))
            n = end
        else:
            n += 1
    return found


_DOCS_COMMENT = re.compile(r"^\[([a-z]{1,2})\]\S")
"""A comment of a Google Doc saved as text, listed at its end: "[a]Saad: source?"."""


def _without_docs_comments(lines: list[str]) -> list[str]:
    """A Google Doc saved as plain text lists its comments at the end ("[a]Name: …") and
    marks where each was made with its letter ("… connections[a] …"). The comments are
    readers' remarks, not the text: both they and their marks are left out.
    """
    end = len(lines)
    while end and not lines[end - 1].strip():
        end -= 1
    start = end
    while start and _DOCS_COMMENT.match(lines[start - 1].strip()):
        start -= 1
    letters = [_DOCS_COMMENT.match(x.strip()) for x in lines[start:end]]
    marks = "|".join(m.group(1) for m in letters if m)
    body = "\n".join(lines[:start])
    if not marks or not all(f"[{m.group(1)}]" in body for m in letters if m):
        return lines
    # The mark follows a word or a stop without a space ("connections[a]").
    return [re.sub(rf"(?<=\S)\[(?:{marks})\]", "", line) for line in lines[:start]]


_BULLET_LINE = re.compile(r"^( *)([-•*]) +(?=\S)")


def _nested_bullets(lines: list[str]) -> list[str]:
    """Bullets set further in than the bullet above them, with the same glyph ("- Structure"
    over "    - id, ego"), marked "--" as a second level is typed: the indent, which is
    all that tells the levels apart, is lost once lines are joined into paragraphs.
    """
    out: list[str] = []
    outer: int | None = None  # the indent of the list's outer bullets
    for line in lines:
        found = _BULLET_LINE.match(line)
        if found is None:
            outer = None if line.strip() else outer
            out.append(line)
            continue
        indent = len(found.group(1))
        if outer is None or indent <= outer:
            outer = indent
            out.append(line)
        else:
            out.append("-- " + line[found.end():])
    return out


_WHOLLY_BOLD = re.compile(r"^(\*{1,2}|__)(?=\S)([^*]+?)(?<=\S)\1\s*$")
_WHOLLY_ITALIC = re.compile(r"^_(?=[^\s_])([^_]+?)(?<=\S)_\s*$")


_MARKED_QUESTION = re.compile(
    r"^(\s*Q(?:uestion|ues)?\s*\.?\s*(?:No\.?)?\s*\d{1,3}\s*[.:)\-–]?\s+)\S")


def _hangs(previous: str, raw: str) -> bool:
    """A question line's wrapped continuation set under its text, past the marker (a
    handout's hanging indent: "Q. No. 5   What is …" over "           Evaluate …").
    """
    marker = _MARKED_QUESTION.match(previous)
    if marker is None or not raw.strip():
        return False
    return abs(len(raw) - len(raw.lstrip(" ")) - len(marker.group(1))) <= 1


_TAG_ALONE = re.compile(r"^[(\[]\s*(?:CSS|PMS|PCS)\b[^()\[\]]{0,30}?(?:19|20)\d\d\s*[)\]]\.?$",
                        re.IGNORECASE)


def _tag_alone(paragraph: str, line: str) -> bool:
    """A listed question's exam tag wrapped alone onto the next line ("(CSS 2017)" under
    "7. Explain … democracy."): it closes that question, however short the line above.
    """
    return bool(_TAG_ALONE.match(full_years(line))) and split_marker(paragraph)[0] == "number" \
        and parse_question(paragraph) is None


def _closes_question(paragraph: str, line: str) -> bool:
    """A marked question's last sentence wrapped onto a line of its own and closed by the
    marks ("Q.No.3 What … Pakistan?" over "Suggest remedies. (20)"): the same question.
    """
    if not _MARKS_END.search(line) or split_marker(line)[0] or parse_question(line):
        return False
    if len(line.split()) > 12 or _MARKS_END.search(paragraph):
        return False
    asked = parse_question(paragraph)
    return asked is not None and asked.number is not None and asked.marks is None \
        and paragraph.rstrip().endswith("?")


def _block(paragraph: str) -> Block:
    # A line set wholly in *bold* (chat and Markdown habit) is a bold line: a heading.
    whole = _WHOLLY_BOLD.match(paragraph)
    if whole:
        return Block("paragraph", whole.group(2).strip(), bold=True)
    # A line wholly in a chat's _italics_ ("_Outline_") is read for its words.
    italic = _WHOLLY_ITALIC.match(paragraph)
    if italic:
        return Block("paragraph", italic.group(1).strip())
    marker, _, rest = split_marker(paragraph)
    bold = _WHOLLY_BOLD.match(rest)
    if marker and bold and paragraph.endswith(rest):
        lead = paragraph[: len(paragraph) - len(rest)]
        return Block("paragraph", lead + bold.group(2).strip(), bold=True)
    # "*Health crisis:* Asthma …": a chat's bold lead (one star each side) is bold, as
    # "**…**" is in Markdown, so the point it runs in is read as one.
    return Block("paragraph", _CHAT_BOLD_LEAD.sub(r"**\1**", paragraph))


_CHAT_BOLD_LEAD = re.compile(r"^\*(?=[^\s*])([^*\n]{2,80}?)(?<=\S)\*(?=\s)")


def _heads_a_list(previous: str, line: str, following: str) -> bool:
    """A short line between a finished sentence and a list or question line is a heading
    ("Foreign Policy" over "4. What are …"), not the end of the paragraph above it.
    """
    return (bool(re.search(r"[.!?:]['’\"”)]?$", previous.rstrip())) and len(line.split()) <= 8
            and not re.search(r"[.!?,;]$", line) and bool(
                split_marker(following)[0] or parse_question(following.strip())))


_MINOR_WORDS = frozenset({"a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or",
                          "the", "to", "vs", "with", "from", "into", "since", "below", "above"})


def _title_line(line: str) -> bool:
    """A short line in Title Case with no closing stop ("How Deterrence Has Kept the
    Peace"): a head. A wrapped line is never short, and a paragraph's last line ends its
    sentence, so after a finished sentence such a line starts something new.
    """
    words = line.split()
    if not 0 < len(words) <= 8 or re.search(r"[.!?,;:…]$", line.strip()):
        return False
    return all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _MINOR_WORDS
               for w in words if w[:1].isalnum()) and words[0][:1].isupper()


_CHAPTER_TIME = re.compile(r"^(?:\d{1,2}:)?\d{1,2}:\d{2}\s+\S")
"""A video description's chapter line opens with its time ("01:45 Q1 …", "1:04:30 …")."""
_FRAMED = re.compile(r"^[\u2500-\u257F=~—–-]{2,}\s.*\S\s+[\u2500-\u257F=~—–-]{2,}$")
"""A head set between two rules ("══ ECONOMY ══")."""

_FIELD_LINE = re.compile(r"^[A-Z][a-z]+(?: [a-z]+){0,2}\s*:\s+\S")
"""A title block's field on a line of its own: "Prepared by: …", "Subject: …"."""


def _continues(previous: str, line: str, width: int, paragraph: str = "") -> bool:
    """Whether ``line`` carries on the paragraph that ``previous`` (a full line) began."""
    if mostly_arabic(previous) or mostly_arabic(line):
        return False
    # "… one basic" over "question: on what basis …?": a sentence running on, in small
    # letters, is no "Question:" line.
    runs_on = line.strip()[:1].islower() and not SENTENCE_END.search(previous.rstrip())
    # "… Next handout:" over "Q.5 (CSS 2021) on the next topic.": a sentence naming a
    # question runs on; a set question never opens in small letters after its marker.
    asked = parse_question(line)
    runs_on = runs_on or bool(asked and asked.text[:1].islower()
                              and not re.search(r"[.!?…]['’\"”)]?$", previous.rstrip()))
    if split_marker(line)[0] or (asked and not runs_on):
        return False
    if (_CHAPTER_TIME.match(line.strip()) and _CHAPTER_TIME.match(previous.strip())) \
            or _FRAMED.match(line.strip()):
        # A video's chapter lines, each opening with its time ("12:40 …"), and a head set
        # between rules ("── SOCIETY AND ETHICS ──") start lines of their own.
        return False
    if re.search(r"[.!?…]['’\"”)]?$", previous.rstrip()) and (
            CONCLUSION_OPENERS.match(line.strip())
            or to_piece(Block("paragraph", line.strip())).label):
        # "… roles." / "To sum up, …" or "Conclusion: …": a new paragraph, whatever the
        # line widths
        return False
    if is_junk(line) or starts_tail(line):
        return False  # "Reply" under a comment, a date line: never part of the answer
    if re.search(r"[.!?…]['’\"”)]?$", previous.rstrip()) and _title_line(line) and len(
            line.strip()) < width * 0.7:
        return False  # "… real peace." / "Concept of Deterrence": a head between paragraphs
    if parse_question(paragraph[:400]) and _QUESTION_END.search(previous):
        return False
    if _MARKS_END.search(previous) and asks(paragraph[:400]):
        return False  # a question set under its own "Question No. 5" line, closed by its marks
    if paragraph == " ".join(previous.split()) and _FIELD_LINE.match(paragraph) and \
            QUESTION_WORDS.match(line.strip()):
        return False  # "Prepared by: …" over "What is …": a title block's field, then the question

    return len(previous) >= width * 0.7
