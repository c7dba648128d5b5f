"""How an answer closes: its unlabelled conclusion (a closing "Way forward", the text after
the last point, or the last paragraph), and whether its text is cut off mid-sentence.

Input: the parts read and the answer's pieces. Output: the conclusion taken (with the
guess recorded), or whether the text stops short.
"""

from __future__ import annotations

import re

from .answer_draft import DraftBuilder
from .blocks import EMOJI
from .pieces import Piece

_URDU = re.compile(r"[ٹڈڑںھےۓ]")
"""Letters of Urdu that Arabic does not use: text with them is Urdu prose, not a verse."""


_CLOSING_SECTION = re.compile(r"^(?:the )?(?:way forward|way out|road ahead)$", re.IGNORECASE)
"""A last section that closes an answer which has no conclusion of its own."""


def closing_guess(built: DraftBuilder) -> None:
    """With no labelled conclusion, take the answer's unlabelled closing text."""
    if (not built.conclusion and built.points and len(built.sections) == 1
            and _CLOSING_SECTION.match(built.sections[0][0]) and built.sections[0][1]):
        # "Way forward" after the last point, and nothing after it: it is the conclusion.
        built.conclusion = list(built.sections.pop()[1])
        built.derived.append("conclusion: the closing 'Way forward' (no conclusion label)")
        return
    if built.conclusion or not built.points or built.sections:
        return
    last = built.points[-1]
    if last.inline_body and len(last.body) > 1:
        # "1. Heading: body" points are one paragraph each: what follows the last closes.
        built.conclusion, last.body[1:] = last.body[1:], []
        built.derived.append("conclusion: the text after the last point (no label)")
    elif not last.inline_body and len(last.body) > 1 and not last.body[-1].startswith("- "):
        built.conclusion.append(last.body.pop())
        built.derived.append("conclusion: the last paragraph (no label)")


def cut_off(pieces: list[Piece], built: DraftBuilder) -> bool:
    """True when the text stops mid-sentence (a page cut off), or on a heading with no body."""
    if not pieces:
        return False
    last = pieces[-1]
    if last.arabic:
        # A verse may end without a stop, but Urdu prose cut off mid-line does not.
        return "\ufffd" in last.text or (
            len(last.plain.split()) >= 8 and bool(_URDU.search(last.plain))
            and not re.search(r"[۔.؟!»)\]﴾﴿۝ﷺ]\s*$", last.plain))
    if built.points and not built.conclusion and not (built.points[-1].body
                                                      or built.points[-1].subpoints):
        return True
    # A chat message closing with an emoji ("… wants clarity 👍") has ended.
    return len(last.plain.split()) >= 5 and not last.headed and not last.ends_sentence and not (
        re.search(rf"{EMOJI}[\ufe0f\u200d]*\s*$", last.plain))
