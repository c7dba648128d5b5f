"""An Urdu-medium page's context line → the same line with its facts in Latin script.

Input: a line read only for its exam, paper, year and number (a title, a header,
a breadcrumb), never answer text. Output: that line with Urdu digits as 0-9 and
the exams, provinces and papers named in Urdu as the English tags the context
reader knows: "پی ایم ایس سندھ ۲۰۲۱ — مطالعہ پاکستان" reads as
"PMS Sindh 2021 — Pakistan Affairs". Answer text keeps its own script and digits.
"""

from __future__ import annotations

import re

_DIGITS = str.maketrans({**{chr(0x06F0 + n): str(n) for n in range(10)},
                         **{chr(0x0660 + n): str(n) for n in range(10)}})
"""Extended (Urdu, Persian) and Arabic-Indic digits."""

_NAMES = (
    ("\u067e\u06cc \u0627\u06cc\u0645 \u0627\u06cc\u0633", "PMS"),  # pi em es
    ("\u0633\u06cc \u0627\u06cc\u0633 \u0627\u06cc\u0633", "CSS"),  # si es es
    ("\u067e\u06cc \u0633\u06cc \u0627\u06cc\u0633", "PCS"),  # pi si es
    ("\u0633\u0646\u062f\u06be", "Sindh"),
    ("\u067e\u0646\u062c\u0627\u0628", "Punjab"),
    ("\u0628\u0644\u0648\u0686\u0633\u062a\u0627\u0646", "Balochistan"),
    ("\u062e\u06cc\u0628\u0631 \u067e\u062e\u062a\u0648\u0646\u062e\u0648\u0627", "KP"),
    ("\u0645\u0637\u0627\u0644\u0639\u06c1 \u067e\u0627\u06a9\u0633\u062a\u0627\u0646",
     "Pakistan Affairs"),  # "Pakistan Studies"
    ("\u0627\u0633\u0644\u0627\u0645\u06cc\u0627\u062a", "Islamiat"),
    ("\u062d\u0627\u0644\u0627\u062a\u0650? \u062d\u0627\u0636\u0631\u06c1", "Current Affairs"),
    ("\u0633\u0648\u0627\u0644 \u0646\u0645\u0628\u0631", "Question No."),
)
_URDU_NAMES = [(re.compile(urdu), latin) for urdu, latin in _NAMES]


def latin_context(line: str) -> str:
    """``line`` with Urdu digits and names of exams, provinces and papers in Latin script."""
    if not re.search(r"[\u0600-\u06FF]", line):
        return line
    line = line.translate(_DIGITS)
    for urdu, latin in _URDU_NAMES:
        line = urdu.sub(latin, line)
    return line
