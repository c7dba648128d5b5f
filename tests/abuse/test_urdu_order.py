"""Urdu summaries and gists read in the right order when they wrap.

A summary or gist mostly in Urdu used to be put right to left whole and then
broken into lines left to right, so its first printed line held the end of
the sentence. Here the real command builds an answer whose summary, a key
point's gist and a body paragraph are long Urdu sentences, and the positions
of each sentence's first and last words are read back from the page: the
first word must sit on a line above the last, as in the body paragraph,
which was always right.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

from pypdf import PdfReader

from tests.abuse.harness import run

SUMMARY = ("شروع سے پاکستان کی خارجہ پالیسی امن پر مبنی رہی ہے اور ملک اپنے ہمسایوں کے "
           "ساتھ اچھے تعلقات چاہتا ہے تاکہ پورے خطے میں تجارت اور خوشحالی بڑھے اور عوام کی "
           "زندگی بہتر ہو، یہی اس بات کا اختتام")
GIST = ("ابتدا ہی سے تعلیم کو ترقی کی کنجی سمجھا گیا ہے کیونکہ پڑھے لکھے لوگ معیشت کو "
        "مضبوط بناتے ہیں، یہی بات کا انجام")
BODY = ("آغاز میں قائد اعظم نے اتحاد، ایمان اور تنظیم کا پیغام دیا تھا جو آج بھی پوری قوم "
        "کی رہنمائی کرتا ہے اور ہمیں محنت کا سبق دیتا ہے، یہی خاتمہ")
ANSWER = "content/pakistan-affairs/2019-q3.yaml"


def _urdu_answer(ws: Path) -> None:
    path = ws / ANSWER
    lines = path.read_text(encoding="utf-8").splitlines()
    out: list[str] = []
    skipping = False
    for line in lines:
        if skipping and line.startswith(" "):
            continue  # the rest of the English summary
        skipping = False
        if line.startswith("summary:"):
            out.append(f'summary: "{SUMMARY}"')
            skipping = True
        elif line.strip().startswith("gist:") and GIST not in "\n".join(out):
            out.append(line[: line.index("gist:")] + f'gist: "{GIST}"')
        elif line.strip().startswith("body: |") and BODY not in "\n".join(out):
            out.append(line)
            indent = " " * (line.index("body:") + 2)
            out += [indent + BODY, ""]
        else:
            out.append(line)
    text = "\n".join(out) + "\n"
    assert SUMMARY in text and GIST in text and BODY in text
    path.write_text(text, encoding="utf-8")


def _drawn_runs(pdf: Path) -> list[tuple[int, float, float, str]]:
    """(page, y, x, text) of every piece of text drawn, the text in base letters (NFKC)."""
    runs: list[tuple[int, float, float, str]] = []
    for number, page in enumerate(PdfReader(pdf).pages):
        def visit(text: str, cm: list[float], tm: list[float], *_: object,
                  number: int = number) -> None:
            if text.strip():
                x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
                y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
                runs.append((number, y, x, unicodedata.normalize("NFKC", text)))
        page.extract_text(visitor_text=visit)
    return runs


def _where(runs: list[tuple[int, float, float, str]], word: str) -> tuple[int, float]:
    """Page and height of the one run holding ``word`` (drawn in either direction)."""
    hits = [(page, y) for page, y, _, text in runs if word in text or word[::-1] in text]
    assert len(hits) == 1, (word, hits)
    return hits[0]


def _first_word_is_above_last(runs: list[tuple[int, float, float, str]], sentence: str
                              ) -> None:
    words = sentence.replace("،", " ").split()
    first_page, first_y = _where(runs, words[0])
    last_page, last_y = _where(runs, words[-1])
    # Same page, and the sentence wraps: its start is at least a line above its end.
    assert first_page == last_page, (words[0], words[-1])
    assert first_y > last_y + 5, (f"'{words[0]}' is drawn at y={first_y:.1f} and "
                                  f"'{words[-1]}' at y={last_y:.1f}: the lines are reversed")


def test_a_wrapped_urdu_summary_gist_and_paragraph_read_first_line_first(ws: Path) -> None:
    _urdu_answer(ws)
    result = run(["build"], ws)
    assert result.code == 0, result.text
    runs = _drawn_runs(ws / "out" / "booklet.pdf")
    _first_word_is_above_last(runs, BODY)  # the control: body paragraphs were always right
    _first_word_is_above_last(runs, SUMMARY)
    _first_word_is_above_last(runs, GIST)
