"""Plain text (copied from a web page or a PDF) → blocks.

Input: decoded, repaired text. Output: paragraph blocks, one per source
paragraph: a line on its own in web copies, or hard-wrapped lines joined back
in PDF copies. Page furniture from document sites ("page 3 of 53", a header or
footer repeated on every page) is dropped here, because only the line layout
shows it. Lines mostly in Arabic script are never joined to their neighbours.
"""

from __future__ import annotations

import csv
import re
from collections import Counter

from .blocks import EMOJI, QUESTION_WORDS, Block, mostly_arabic, split_marker
from .junk import is_junk, starts_tail
from .pieces import CONCLUSION_OPENERS, SENTENCE_END
from .question_rows import grid_lines, listed_lines, question_columns
from .questions import asks, full_years, parse_question, sitting_head

PAGE_CHROME = re.compile(
    r"^\s*(?:(?:\S+\s+){0,6}page\s*\d+(?:\s*(?:of|/)\s*\d+)?|\d+\s*(?:of|/)\s*\d+|"
    r"[-–—]?\s*\d{1,3}\s*[-–—]?|"
    r"scanned with \w+|downloaded from \S+|uploaded by .{0,40}|"
    r"download to read ad-free|report this document|save|embed|print|"
    # A folio set apart in its own column from a footer's notice, either side of it.
    r"page\s*\d+\s*(?:of|/)\s*\d+ {3,}\S.{0,60}|\S.{0,60}? {3,}page\s*\d+\s*(?:of|/)\s*\d+)\s*$",
    re.IGNORECASE)
"""Whole lines that are page furniture: folios, "page 1 of 53", document-site buttons, a
folio beside a footer's notice ("Page 1 of 2      Admissions open: …")."""

REPEATS_AT_LEAST = 3
"""A short line found this often (digits ignored) is a running header or footer."""

_QUESTION_END = re.compile(r"(?:\?|\(\s*\d{1,3}\s*(?:marks?)?\)|(?:19|20)\d\d\)?|marks?\)?|"
                           r"marks?\s*[:=]\s*\d{1,3})\s*$", re.IGNORECASE)
"""How a question line ends: it is never joined to the answer below it."""

_MARKS_END = re.compile(r"[(\[]\s*\d{1,3}\s*(?:marks?)?\s*[)\]]\s*$", re.IGNORECASE)


def drop_page_chrome(lines: list[str]) -> tuple[list[str], list[str]]:
    """Remove folios, document-site buttons and repeated running heads.

    Running heads are looked for only in paginated text (it has folios or is
    hard-wrapped), so that a page of several answers keeps its repeated
    "Outline" and "Conclusion" lines.

    Returns:
        ``(kept lines, dropped non-blank lines)``.
    """
    furniture = [bool(PAGE_CHROME.match(line)) for line in lines]
    for n in [n for n, folio in enumerate(furniture) if folio]:
        # A page's foot line standing alone just above its folio ("Rana Academy - for
        # enrolled students only", then "Page 3 of 12") is furniture, however rare.
        if n and _could_repeat(lines[n - 1]) and not SENTENCE_END.search(lines[n - 1]) \
                and (n < 2 or not lines[n - 2].strip()):
            furniture[n - 1] = True
        # So is the rule ruled over a page's foot (not a signature's rule after the answer).
        if n and re.fullmatch(r"\s*[_\-=~]{5,}\s*", lines[n - 1]):
            furniture[n - 1] = True
    if any(furniture) or wrap_width(lines):
        shapes = Counter(_shape(line) for line in lines if _could_repeat(line))
        furniture = [gone or (_could_repeat(line) and shapes[_shape(line)] >= REPEATS_AT_LEAST)
                     for line, gone in zip(lines, furniture, strict=True)]
        # The document's own first line coming back further down is its running
        # head on a later page, even in a copy of only two pages; the first
        # one stays, as it names the exam and paper.
        top = next((i for i, line in enumerate(lines) if line.strip()), None)
        if top is not None and _could_repeat(lines[top]):
            head = _shape(lines[top])
            furniture = [gone or (i > top and _shape(line) == head)
                         for i, (line, gone) in enumerate(zip(lines, furniture, strict=True))]
        # A running foot with its folio ("… | Model Answers Page 1 of 3") set again
        # without it at the next page's top is that page's running head.
        feet = {_FOLIO_END.sub("", _shape(line)) for line, gone in zip(lines, furniture,
                                                                        strict=True) if gone}
        furniture = [gone or (_could_repeat(line) and _shape(line) in feet - {""})
                     for line, gone in zip(lines, furniture, strict=True)]
        # A copy of three pages shows its running head only twice, at the top of the
        # second and third: a line that opens two pages alike, right after the foot of
        # the page before, is that head all the same.
        tops = _page_tops(lines, furniture)
        opening = Counter(_shape(lines[i]) for i in tops if _could_repeat(lines[i]))
        for i in tops:
            furniture[i] = furniture[i] or (_could_repeat(lines[i])
                                            and opening[_shape(lines[i])] >= 2)
    return (_rejoined(lines, furniture),
            [line for line, gone in zip(lines, furniture, strict=True) if gone and line.strip()])


def _page_tops(lines: list[str], furniture: list[bool]) -> list[int]:
    """The first kept line after each run of page furniture (a foot, a folio)."""
    tops: list[int] = []
    last = None  # the previous line with words: furniture or not
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        if last is not None and furniture[last] and not furniture[i]:
            tops.append(i)
        last = i
    return tops


_FOLIO_END = re.compile(r"\s*(?:page\s*)?#\s*(?:of|/)\s*#\s*$")
"""A folio closing a running foot, as ``_shape`` writes it ("page # of #")."""


def _rejoined(lines: list[str], furniture: list[bool]) -> list[str]:
    """The lines without page furniture; a sentence that ran on over a page break ("in
    recent", folio, running head, "years. In …") is one paragraph again.
    """
    kept: list[str] = []
    n = 0
    while n < len(lines):
        if not furniture[n] and lines[n].strip():
            kept.append(lines[n])
            n += 1
            continue
        end = n  # a run of blank lines and furniture
        while end < len(lines) and (furniture[end] or not lines[end].strip()):
            end += 1
        if not any(furniture[n:end]):
            kept += lines[n:end]
        else:
            last = next((x for x in reversed(kept) if x.strip()), "")
            after = lines[end].strip() if end < len(lines) else ""
            if not (last and after[:1].islower() and not SENTENCE_END.search(last)):
                kept.append("")
            elif kept and kept[-1].strip():
                # The sentence's end goes onto its last line, however short that line is
                # (the page broke it, not the writer): "… the distinctive" + "features …".
                kept[-1] = f"{kept[-1].rstrip()} {after}"
                end += 1
            while len(kept) > 1 and not kept[-1].strip() and not kept[-2].strip():
                kept.pop()
        n = end
    return kept


RUNNING_HEAD_LENGTH = 100
"""A running head's longest: a handout's head may name the centre, the subject and a
notice on one line ("… Academy • IR Notes • For enrolled students only")."""


def _could_repeat(line: str) -> bool:
    # A question line is never a running head, however alike a list's lines are.
    text = " ".join(line.split())  # a PDF's head set apart in two columns by spaces
    return (3 <= len(text) <= RUNNING_HEAD_LENGTH and not split_marker(text)[0]
            and not _LABEL.match(text) and parse_question(text) is None)


_LABEL = re.compile(r"^(?:outline|introduction|conclusion|answer|analysis|way forward|way out|"
                    r"suggestions|recommendations)\b", re.IGNORECASE)


def _shape(line: str) -> str:
    text = " ".join(line.split()).casefold()
    if sitting_head(text):
        # A year-wise list's heads ("CSS 2019", "CSS 2020", "CSS 2021") differ in their
        # years; only the same head word for word on every page is a running head.
        return text
    return re.sub(r"\d+", "#", text)


def wrap_width(lines: list[str], *, paged: bool = False) -> int:
    """The column a PDF copy was hard-wrapped at, or 0 when lines are not wrapped.

    A text counts as wrapped when at least 40 % of its lines of 30 characters
    or more end within 20 % of the longest usual line (the 90th percentile);
    25 % when it had page counters (``paged``: a document's pages, copied with a
    viewer's buttons and lists around them, whose lines dilute the count).
    """
    lengths = sorted(len(line.rstrip()) for line in lines if len(line.strip()) >= 30)
    if len(lengths) < 6:
        return 0
    width = lengths[int(len(lengths) * 0.9) - 1]
    near = sum(1 for n in lengths if width * 0.8 <= n <= width + 3)
    share = 25 if paged else 40
    return width if width <= 130 and near * 100 >= len(lengths) * share else 0


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
    chat = sum(bool(_CHAT_PREFIX.match(x.strip())) for x in lines) >= 3
    lines = main_speaker(lines) if chat else _nested_bullets(lines)
    paged = sum(bool(_PAGE_COUNTER.match(line)) for line in dropped) >= 2
    # A chat's lines are messages, never wrapped.
    width = 0 if chat else wrap_width(lines, paged=paged)
    paragraphs: list[str] = []
    previous = ""
    for n, raw in enumerate(lines):
        line = _CHAT_PREFIX.sub("", " ".join(raw.split()))
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


def question_sheet(lines: list[str]) -> list[str]:
    """A spreadsheet of past questions copied as tab-separated rows, or saved as CSV (a
    header row naming the Question and Year columns) → a topic line over each run of its
    questions and "1. Question (CSS 2019)" lines, as a typed list would read
    (``question_rows``); so is a grid of topics by sittings copied as tab-separated rows.
    Other lines are left as they are, except that a CSV file's
    other rows (a title, a note, padded with commas) are read as their cells' words.
    """
    out: list[str] = []
    k = 0
    sheet = any(_csv_columns(line) for line in lines)
    while k < len(lines):
        tabbed = "\t" in lines[k]
        columns = question_columns(_cells(lines[k])) if tabbed else _csv_columns(lines[k])
        k += 1
        if columns is None and tabbed:
            # A grid of topics by sittings ("Topic | CSS 2019 | CSS 2020"), copied.
            end = k
            while end < len(lines) and "\t" in lines[end]:
                end += 1
            grid = grid_lines([_cells(line) for line in lines[k - 1:end]])
            if grid:
                for kind, text in grid:
                    out += ["", text, ""] if kind == "topic" else [text]
                k = end
                continue
        if columns is None:
            out.append(" ".join(c for c in _csv_row(lines[k - 1]) if c)
                       if sheet and "," in lines[k - 1] else lines[k - 1])
            continue
        rows: list[list[str]] = []
        if tabbed:
            while k < len(lines) and "\t" in lines[k]:
                rows.append(_cells(lines[k]))
                k += 1
        else:
            k = _csv_rows(lines, k, rows)
        for kind, text in listed_lines(columns, rows):
            out += ["", text, ""] if kind == "topic" else [text]
    return out


def _cells(line: str) -> list[str]:
    return [" ".join(cell.split()) for cell in line.split("\t")]


def _csv_row(line: str) -> list[str]:
    """One line of a CSV file as its cells (Python's ``csv`` reads the quoting)."""
    return [" ".join(cell.split()) for cell in next(csv.reader([line]), [])]


def _csv_columns(line: str) -> dict[str, int] | None:
    """A CSV header row's question columns (``question_columns``), or None. A header's
    cells are names of a word or two, not a sentence's clauses.
    """
    cells = _csv_row(line) if line.count(",") >= 2 else []
    if len(cells) < 3 or any(len(cell.split()) > 3 for cell in cells):
        return None
    return question_columns(cells)


def _csv_rows(lines: list[str], start: int, rows: list[list[str]]) -> int:
    """The CSV rows from ``start`` to the first empty one (a row of commas alone) into
    ``rows``; returns the index of the line after them. A quoted cell may hold a line
    break: ``csv`` reads on to its closing quote.
    """
    reader = csv.reader(lines[start:])
    for row in reader:
        cells = [" ".join(cell.split()) for cell in row]
        if not any(cells):
            break
        rows.append(cells)
    return start + reader.line_num


_DISCORD_HEAD = re.compile(r"^(?P<name>\S.{0,40}?) [—–-] (?P<date>\d{1,2}/\d{1,2}/\d{2,4}) "
                           r"(?P<time>\d{1,2}:\d{2}\s*[AP]M)$", re.IGNORECASE)
_DISCORD_TIME = re.compile(r"^\[(\d{1,2}:\d{2}\s*[AP]M)\]$", re.IGNORECASE)


_TELEGRAM_HEAD = re.compile(r"^(?P<name>\S.{0,40}?), \[(?P<date>\d{1,2}\.\d{1,2}\.\d{2,4}) "
                            r"(?P<time>\d{1,2}:\d{2})\]$")
"""Telegram Desktop's copy of several messages: "Sir Wajid, [14.01.2024 21:05]" over each."""


_FORWARDED = re.compile(r"^forwarded from\s+(\S.{0,40})$", re.IGNORECASE)
"""A copied message's first line naming the channel it was forwarded from."""


def discord_as_chat(lines: list[str]) -> list[str]:
    """A Discord channel copied as text ("Dr. Saad — 03/14/2024 10:02 PM" over a message,
    "[10:04 PM]" over the next of the same writer), or Telegram Desktop's copy ("Name,
    [14.01.2024 21:05]" over each message) → a chat export's lines, each with its
    "[date, time] writer: " prefix, so it is read as chats are. Other text is returned as
    it is.
    """
    heads = [_DISCORD_HEAD.match(" ".join(x.split())) or _TELEGRAM_HEAD.match(" ".join(x.split()))
             for x in lines]
    if sum(bool(h) for h in heads) < 2:
        return lines
    out: list[str] = []
    name = date = time = ""
    opened = False  # whether the message under the last head has its prefixed first line
    for line, head in zip(lines, heads, strict=True):
        stamp = _DISCORD_TIME.match(line.strip())
        if head:
            name, date, time = head["name"], head["date"].replace(".", "/"), head["time"]
            opened = False
        elif stamp:
            time, opened = stamp.group(1), False
        elif (forwarded := _FORWARDED.match(" ".join(line.split()))) and name and not opened:
            # A message forwarded from another channel is that channel's writing, not the
            # poster's: read as its writer's, it is left out with the others' messages.
            name = forwarded.group(1)
        elif name and line.strip() and not opened:
            out.append(f"[{date}, {time}] {name}: {line.strip()}")
            opened = True
        else:
            # A message's further lines go unprefixed, as a chat export writes them, so
            # the message is read whole: its title line is not a one-line reply.
            out.append(line)
    return out


_ASKS_FOR = re.compile(r"\b(?:CSS|PMS|PCS)\s*[-–]?\s*(?:19|20)\d\d\b|"
                       r"\(\s*\d{1,2}\s*(?:marks?)?\s*\)\s*$", re.IGNORECASE)
"""What a student's message names when it asks for an answer: the exam and year, or a
question closing in its marks ("… educational settings?" (20))."""


def main_speaker(lines: list[str]) -> list[str]:
    """In a chat export, only the messages of whoever wrote the most (the teacher posting
    the answer); the others' thanks and requests are not the answer. Other text is
    returned as it is.
    """
    speakers: list[str | None] = []
    current: str | None = None
    for line in lines:
        prefix = _CHAT_PREFIX.match(" ".join(line.split()))
        if prefix:
            current = _SPEAKER.sub("", prefix.group(0)).strip(" :")
        elif _SPEAKER.match(" ".join(line.split())):
            current = None  # the chat's own notice ("… joined using this group's invite link")
        speakers.append(current)
    if len({s for s in speakers if s}) < 2:
        return lines
    words: dict[str, int] = {}
    for line, speaker in zip(lines, speakers, strict=True):
        if speaker:
            words[speaker] = words.get(speaker, 0) + len(line.split())
    main = max(words, key=lambda k: words[k])
    messages = _messages(lines, speakers)
    dropped = _replies(lines, messages, main)
    dropped |= {n for n, line in enumerate(lines) if speakers[n] is None
                and _SPEAKER.match(" ".join(line.split()))}  # the chat's own, no one's words
    # Another writer's message that asks the question (its exam and year, or the question
    # with its marks) is kept, before the answer begins: its question is often only there.
    begun = next((a for a, b, who in messages
                  if who == main and len(" ".join(lines[a:b]).split()) >= _ANSWER_WORDS),
                 len(lines))
    return [line for n, (line, speaker) in enumerate(zip(lines, speakers, strict=True))
            if n not in dropped and (speaker in (main, None) or (
                n < begun and _ASKS_FOR.search(_CHAT_PREFIX.sub("", line.strip()))))]


def _messages(lines: list[str], speakers: list[str | None]) -> list[tuple[int, int, str | None]]:
    """``(first line, end, writer)`` of each message: a dated line and the lines under it."""
    starts = [n for n, line in enumerate(lines) if _SPEAKER.match(" ".join(line.split()))]
    ends = [*starts[1:], len(lines)]
    return [(a, b, speakers[a]) for a, b in zip(starts, ends, strict=True)]


_MEDIA = re.compile(r"^(?:<(?:media|image|video|gif|sticker)s? omitted>|\[(?:photo|image|video|"
                    r"sticker|gif)\])$", re.IGNORECASE)
"""A chat's placeholder for a picture or sticker that was sent."""

_ANSWER_WORDS = 20
"""A message of the main writer this long has begun the answer (a greeting is shorter)."""

_REPLY_WORDS = 30
"""A message up to this many words, in one line, is a chat reply, not a part of the answer."""


def _replies(lines: list[str], messages: list[tuple[int, int, str | None]],
             main: str) -> set[int]:
    """The main writer's short one-line messages that are chat, not the answer: a reply to
    another's message ("Mention them in the intro"), and those closing the chat after the
    answer ("Insha'Allah tomorrow", a fee reminder).
    """
    cut: set[int] = set()
    closing = True
    for k in range(len(messages) - 1, -1, -1):
        start, end, who = messages[k]
        if who != main:
            continue
        text = _CHAT_PREFIX.sub("", " ".join(lines[start].split()))
        filled = [x for x in lines[start:end] if x.strip()]
        # Only after an answer of several lines; a one-line answer is not a reply.
        answered = sum(bool(x.strip()) for a, b, w in messages[:k] if w == main
                       for x in lines[a:b]) >= 3
        short = (len(filled) == 1 and len(text.split()) <= _REPLY_WORDS
                 and (not split_marker(text)[0] or bool(re.match(EMOJI, text)))
                 and not text.startswith("*")
                 and not text.endswith(":") and not CONCLUSION_OPENERS.match(text)
                 and parse_question(text) is None)
        # A reply to another's message, or a remark on the picture just sent ("☝️ draw
        # this diagram in the exam" under "<Media omitted>").
        replying = k > 0 and (messages[k - 1][2] not in (main, None) or bool(_MEDIA.match(
            _CHAT_PREFIX.sub("", " ".join(lines[messages[k - 1][0]].split())))))
        if short and ((closing and answered) or replying):
            cut.update(range(start, end))
        else:
            closing = False
    return cut


_SPEAKER = re.compile(r"^\[?\d{1,2}/\d{1,2}/\d{2,4},?\s+\d{1,2}:\d{2}(?::\d{2})?\s*"
                      r"(?:[ap]\.?m\.?)?\]?(?:\s+-)?\s+", re.IGNORECASE)

_CHAT_PREFIX = re.compile(
    r"^\[?\d{1,2}/\d{1,2}/\d{2,4},?\s+\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?\]?"
    r"(?:\s+-)?\s+[^:]{1,40}:\s+", re.IGNORECASE)
"""A chat export's "[12/03/2024, 9:15 pm] Ali: " or "12/03/2024, 9:15 pm - Ali: " prefix."""

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
    return Block("paragraph", paragraph)


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
    if re.search(r"[.!?…]['’\"”)]?$", previous.rstrip()) and CONCLUSION_OPENERS.match(line.strip()):
        return False  # "… roles." / "To sum up, …": a new paragraph, whatever the line widths
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
