"""Answers → an Anki deck (``.apkg``): one note per question and one per key point.

genanki writes the package. Every id that Anki uses to recognise a deck, a
note type or a note is fixed by what it stands for, never drawn at random:
importing a deck made again after an edit updates its notes in place (and
keeps the student's review history) instead of adding copies.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from typing import BinaryIO

import genanki
from markdown_it import MarkdownIt

from ..model import Question

QUESTION_MODEL_ID = 1_607_392_311
POINT_MODEL_ID = 1_607_392_312
"""The note types' ids: fixed once, so every deck studypack makes shares them."""

_CSS = """.card { font-family: Georgia, 'Times New Roman', serif; font-size: 20px;
  color: #1d2430; background: #fff; text-align: left; line-height: 1.45; }
.label { font: 13px/1.3 sans-serif; color: #5b6472; text-transform: uppercase;
  letter-spacing: .04em; margin-bottom: .6em; }
.point { font-weight: bold; } ol { padding-left: 1.3em; } li { margin: .2em 0; }
"""

QUESTION_MODEL = genanki.Model(
    QUESTION_MODEL_ID, "studypack question",
    fields=[{"name": "Label"}, {"name": "Question"}, {"name": "Summary"},
            {"name": "Key points"}],
    templates=[{"name": "Question → summary and key points",
                "qfmt": "<div class=label>{{Label}}</div>{{Question}}",
                "afmt": "{{FrontSide}}<hr id=answer>{{Summary}}{{Key points}}"}],
    css=_CSS)

POINT_MODEL = genanki.Model(
    POINT_MODEL_ID, "studypack key point",
    fields=[{"name": "Label"}, {"name": "Point"}, {"name": "Question"}, {"name": "Gist"}],
    templates=[{"name": "Key point → its gist",
                "qfmt": "<div class=label>{{Label}}</div><div class=point>{{Point}}</div>"
                        "<p>{{Question}}</p>",
                "afmt": "{{FrontSide}}<hr id=answer>{{Gist}}"}],
    css=_CSS)

_MARKDOWN = MarkdownIt("commonmark", {"html": False})


def deck_id(name: str) -> int:
    """A deck's id from its name: the same name is the same deck in Anki."""
    return int.from_bytes(hashlib.sha256(f"studypack deck {name}".encode()).digest()[:4],
                          "big") >> 1 | 1 << 30


def note_guid(answer_id: str, part: str) -> str:
    """A note's GUID from the answer's id and which note of it ("question", "point-3")."""
    return genanki.guid_for("studypack", answer_id, part)  # type: ignore[no-any-return]


def tag(kind: str, value: object) -> str:
    """An Anki tag (no spaces): ``paper::Pakistan_Affairs``."""
    words = re.sub(r"\s+", "_", str(value).strip())
    return f"{kind}::{words}"


def _inline(text: str) -> str:
    return _MARKDOWN.renderInline(text)  # type: ignore[no-any-return]


def notes_of(q: Question) -> list[genanki.Note]:
    """The question's note, then one note per key point, numbered as the booklet numbers them."""
    label = f"{q.exam} · {q.paper} · {q.year} · Q{q.number}"
    tags = [tag("exam", q.exam), tag("paper", q.paper), tag("year", q.year),
            *(tag("topic", t) for t in q.topics)]
    points = "".join(f"<li>{_inline(p.heading)}</li>" for p in q.points)
    notes = [genanki.Note(model=QUESTION_MODEL, guid=note_guid(q.id, "question"), tags=tags,
                          fields=[label, _MARKDOWN.render(q.question),
                                  _MARKDOWN.render(q.summary), f"<ol>{points}</ol>"])]
    notes += [genanki.Note(model=POINT_MODEL, guid=note_guid(q.id, f"point-{n}"), tags=tags,
                           fields=[f"{label} · key point {n}", _inline(p.heading),
                                   _inline(q.question), _inline(p.gist)])
              for n, p in enumerate(q.points, 1)]
    return notes


def write_deck(questions: Iterable[Question], name: str, into: BinaryIO, *,
               timestamp: float) -> int:
    """Write the deck ``name`` of ``questions`` to ``into``; returns the number of notes.

    Args:
        questions: The answers, in the deck's order.
        name: The deck's name (its id follows from it).
        into: Where the package goes.
        timestamp: The time the notes are stamped with (seconds since 1970). Anki
            replaces a note it has only with a newer one, so a deck made again
            after an edit needs a later time than the last.
    """
    deck = genanki.Deck(deck_id(name), name)
    for q in questions:
        for note in notes_of(q):
            deck.add_note(note)
    genanki.Package(deck).write_to_file(into, timestamp=timestamp)
    return len(deck.notes)
