"""The words printed around an answer's own text ("Summary", "Answer"), in the answer's language.

An answer written in Urdu (its question mostly in Urdu's letters) gets Urdu
labels, set right to left, and its key-points table reads from the right.
"""

from __future__ import annotations

from dataclasses import dataclass

from .inline import mostly_arabic
from .rtl import is_urdu


@dataclass(frozen=True)
class Labels:
    """The labels of one answer's blocks; ``rtl``: set right to left, tables mirrored."""

    summary: str
    key_points: str
    key_point: str
    in_one_line: str
    answer: str
    introduction: str
    conclusion: str
    outline: str
    references: str
    question: str = "Q"
    marks: str = "marks"
    topics: str = "Topics"
    rtl: bool = False


ENGLISH = Labels("Summary", "Key points", "Key point", "In one line", "Answer",
                 "Introduction", "Conclusion", "Outline", "References")
URDU = Labels("خلاصہ", "اہم نکات", "نکتہ", "ایک سطر میں", "جواب", "تعارف", "اختتامیہ", "خاکہ",
              "حوالہ جات", question="سوال", marks="نمبر", topics="موضوعات", rtl=True)


def labels_for(question: str, language: str | None = None) -> Labels:
    """The labels of an answer in ``language`` ("ur", "en"); when not given, Urdu labels for
    a question written in Urdu, English ones for any other.
    """
    if language is not None:
        return URDU if language == "ur" else ENGLISH
    return URDU if mostly_arabic(question) and is_urdu(question) else ENGLISH
