"""Chats pasted as plain text: Discord's and Telegram Desktop's copies, and a chat export's
"[12/03/2024, 9:15 pm] Ali: " lines.

Input: the text's lines. Output: the lines as a chat export writes them, or only the
messages of the speaker who posts the answer.
"""

from __future__ import annotations

import re

from .blocks import EMOJI, Block, split_marker
from .pieces import CONCLUSION_OPENERS, to_piece
from .questions import parse_question

_DISCORD_HEAD = re.compile(r"^(?P<name>\S.{0,40}?) [—–-] (?P<date>\d{1,2}/\d{1,2}/\d{2,4}) "
                           r"(?P<time>\d{1,2}:\d{2}\s*[AP]M)$", re.IGNORECASE)
_DISCORD_TIME = re.compile(r"^\[(\d{1,2}:\d{2}\s*[AP]M)\]$", re.IGNORECASE)


_TELEGRAM_HEAD = re.compile(r"^(?P<name>\S.{0,40}?), \[(?P<date>\d{1,2}[./]\d{1,2}[./]\d{2,4}) "
                            r"(?P<time>\d{1,2}:\d{2}(?:\s*[AP]M)?)\]$", re.IGNORECASE)
"""Telegram's copy of several messages: "Sir Wajid, [14.01.2024 21:05]" over each (the
desktop app), or "Science Corner, [5/4/2024 8:47 PM]" (the phone's, in its clock)."""


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
        prefix = CHAT_PREFIX.match(" ".join(line.split()))
        if prefix:
            current = _SPEAKER.sub("", prefix.group(0)).strip(" :")
        elif _SPEAKER.match(" ".join(line.split())):
            current = None  # the chat's own notice ("… joined using this group's invite link")
        speakers.append(current)
    if len({s for s in speakers if s}) < 2:
        return lines
    words: dict[str, int] = {}
    parts: dict[str, int] = {}
    asking: set[str] = set()
    for line, speaker in zip(lines, speakers, strict=True):
        if speaker:
            words[speaker] = words.get(speaker, 0) + len(line.split())
            parts[speaker] = parts.get(speaker, 0) + _answer_part(line)
            if _ASKS_TEACHER.search(CHAT_PREFIX.sub("", " ".join(line.split()))):
                asking.add(speaker)
    # Whoever posts the answer's parts (its question, labels and heads) teaches, however
    # much another member writes, unless they address the teacher ("Sir, my attempt:"):
    # a student's attempt, posted for checking, is not the answer. Without such parts,
    # whoever wrote the most.
    main = max(words, key=lambda k: (k not in asking and parts[k] >= _PARTS,
                                     parts[k] if parts[k] >= _PARTS else 0, words[k]))
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
                n < begun and _ASKS_FOR.search(CHAT_PREFIX.sub("", line.strip()))))]


_ASKS_TEACHER = re.compile(r"^(?:sir|madam|ma['’]?am|miss|teacher)\b|^my (?:attempt|answer)\s*:|"
                           r"\b(?:jazak ?allah|thank you|thanks)\s+(?:sir|madam|ma['’]?am|miss)\b",
                           re.IGNORECASE)
"""A student's words to the teacher: "Sir I have a question …", "My attempt:", "JazakAllah
sir"."""

_PARTS = 3
"""Lines of an answer's parts a writer posts to be taken as the one who answers."""
_PART_WORDS = 12
"""A label or a head is a short line."""


def _answer_part(line: str) -> bool:
    """``line`` (a chat line, its prefix read off) is a part of an answer's frame: a
    question line, a label ("Conclusion"), or a head set wholly in bold ("*Judicial
    Review*").
    """
    text = CHAT_PREFIX.sub("", " ".join(line.split())).strip()
    if not text:
        return False
    return parse_question(text) is not None or (len(text.split()) <= _PART_WORDS and bool(
        to_piece(Block("paragraph", text)).label
        or re.fullmatch(r"\*{1,2}[^*]{2,80}\*{1,2}", text)))


def _messages(lines: list[str], speakers: list[str | None]) -> list[tuple[int, int, str | None]]:
    """``(first line, end, writer)`` of each message: a dated line and the lines under it."""
    starts = [n for n, line in enumerate(lines) if _SPEAKER.match(" ".join(line.split()))]
    ends = [*starts[1:], len(lines)]
    return [(a, b, speakers[a]) for a, b in zip(starts, ends, strict=True)]


_SITTING = re.compile(r"\b(?:CSS|PMS|PCS|[FPSKB]{1,2}PSC)\b.{0,30}?\b(?:19|20)\d\d\b")
"""An exam named with its year in a message ("the PPSC PMS 2023 Current Affairs paper")."""

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
        text = CHAT_PREFIX.sub("", " ".join(lines[start].split()))
        filled = [x for x in lines[start:end] if x.strip()]
        # Only after an answer of several lines; a one-line answer is not a reply.
        answered = sum(bool(x.strip()) for a, b, w in messages[:k] if w == main
                       for x in lines[a:b]) >= 3
        short = (len(filled) == 1 and len(text.split()) <= _REPLY_WORDS
                 and (not split_marker(text)[0] or bool(re.match(EMOJI, text)))
                 and not text.startswith("*")
                 and not text.endswith(":") and not CONCLUSION_OPENERS.match(text)
                 # "Conclusion: …" sent as a message of its own closes the answer itself
                 and not to_piece(Block("paragraph", text)).label
                 and parse_question(text) is None)
        # A reply to another's message, or a remark on the picture just sent ("☝️ draw
        # this diagram in the exam" under "<Media omitted>").
        replying = k > 0 and (messages[k - 1][2] not in (main, None) or bool(_MEDIA.match(
            CHAT_PREFIX.sub("", " ".join(lines[messages[k - 1][0]].split())))))
        # Before the answer, a message naming the sitting ("Tonight's answer is from the
        # PPSC PMS 2023 paper, Question 5") tells what the answer is, wherever it stands.
        if short and not answered and _SITTING.search(text):
            short = False
        if short and ((closing and answered) or replying):
            cut.update(range(start, end))
        else:
            closing = False
    return cut


_DATE = r"\d{1,2}/\d{1,2}/\d{2,4}"
_TIME = r"\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?"
_STAMP = rf"\[?(?:{_DATE},?\s+{_TIME}|{_TIME},\s+{_DATE})\]?(?:\s+-)?\s+"
"""A chat message's date and time: an export's "[12/03/2024, 9:15 pm]" or "12/03/2024, 9:15
pm -", and WhatsApp Web's copy, time first: "[21:01, 14/04/2023]"."""

_SPEAKER = re.compile(rf"^{_STAMP}", re.IGNORECASE)

CHAT_PREFIX = re.compile(rf"^{_STAMP}[^:]{{1,40}}:\s+", re.IGNORECASE)
"""A chat's "[12/03/2024, 9:15 pm] Ali: ", "12/03/2024, 9:15 pm - Ali: " or "[21:01,
14/04/2023] Ali: " prefix."""
