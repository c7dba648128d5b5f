"""Telegram Desktop's "Export chat history" HTML → the text its copy of messages gives.

Input: a saved page's decoded text. Output: the messages as Telegram Desktop copies
them ("Name, [20.01.2024 19:03]" over each message's lines), or None when the page is
not such an export. A general extractor reads an export badly: it keeps each
message's time, sender and signature as prose and loses the lines a ``<br>`` breaks;
read as a chat, the writer of the answer is found as in any other chat copy.
"""

from __future__ import annotations

import re
from typing import Any

_EXPORT = re.compile(r"""class\s*=\s*["']message default\b""")
"""The class each message of an export carries (a date or a pin is a "message service")."""

_STAMP = re.compile(r"^(\d{1,2}\.\d{1,2}\.\d{4}) (\d{1,2}:\d{2})")


def telegram_export(text: str) -> str | None:
    """The export's messages as a Telegram Desktop copy, or None for another page."""
    if len(_EXPORT.findall(text)) < 2:
        return None
    from lxml import html

    try:
        tree = html.fromstring(text.encode("utf-8"))
    except (ValueError, SyntaxError):
        return None
    lines: list[str] = []
    messages = tree.xpath('//div[contains(concat(" ", @class, " "), " message ")]'
                          '[contains(@class, "default")]')
    signed = any(_first(m, "signature details") for m in messages)
    named = ""
    for message in messages:
        # A message "joined" to the one above names nobody: it is the same sender's.
        named = " ".join(_first(message, "from_name").split()) or named
        # A channel that signs its posts signs each with its writer's name (the admin's
        # notice and the teacher's answer come from one channel); an unsigned post there
        # is the channel's own ("share this channel"), not the last signer's.
        sender = " ".join(_first(message, "signature details").split()) if signed else ""
        sender = sender or named
        stamp = _STAMP.match(_first(message, 'date details', "title"))
        body = _first_node(message, "text")
        if body is None or stamp is None or _captions_picture(message, body):
            continue  # a picture alone ("Not included, change data exporting settings")
        lines += [f"{sender}, [{stamp.group(1)} {stamp.group(2)}]", *_message_lines(body), ""]
    return "\n".join(lines) if lines else None


CAPTION_WORDS = 30
"""A message sent with a photo and at most this many words captions the photo."""


def _captions_picture(message: Any, body: Any) -> bool:
    """A short text sent with a photo ("Diagram of memory cells, copy it with labels"):
    the picture's caption, left behind with the picture as a web page's is. A long text
    sent with one (an answer under a photo of its outline) is the message's own.
    """
    photo = message.xpath('.//*[contains(concat(" ", @class, " "), " photo_wrap ")]')
    return bool(photo) and len(body.text_content().split()) <= CAPTION_WORDS


def _first_node(message: Any, cls: str) -> Any:
    found = message.xpath(f'.//div[contains(concat(" ", @class, " "), " {cls} ")]')
    return found[0] if found else None


def _first(message: Any, cls: str, attribute: str = "") -> str:
    node = _first_node(message, cls)
    if node is None:
        return ""
    return str(node.get(attribute, "")) if attribute else str(node.text_content()).strip()


def _message_lines(body: Any) -> list[str]:
    """A message's text, a line for each ``<br>``; bold runs kept as ``**bold**``."""
    for strong in body.xpath(".//strong | .//b"):
        words = strong.text_content()
        if words.strip():
            tail = strong.tail
            strong.clear()  # clear() drops the tail too: the text after the bold is kept
            strong.text, strong.tail = f"**{words.strip()}**", tail
    for br in body.xpath(".//br"):
        br.tail = "\n" + (br.tail or "")
    text = str(body.text_content())
    return [re.sub(r"[ \t]+$", "", line) for line in text.strip("\n").split("\n")]
