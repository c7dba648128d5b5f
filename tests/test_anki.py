"""The Anki deck, opened as Anki opens it: a zip holding a SQLite collection."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from studypack.cli import app
from studypack.content import load_content
from studypack.export.anki import POINT_MODEL_ID, QUESTION_MODEL_ID

from .conftest import copied_sample


@pytest.fixture
def ws(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return copied_sample(tmp_path, monkeypatch)


def collection(apkg: Path, folder: Path) -> sqlite3.Connection:
    with zipfile.ZipFile(apkg) as z:
        assert "collection.anki2" in z.namelist()
        z.extract("collection.anki2", folder)
    return sqlite3.connect(folder / "collection.anki2")


def notes(db: sqlite3.Connection) -> dict[str, tuple[int, list[str], list[str]]]:
    """GUID → (note type id, fields, tags)."""
    return {guid: (mid, flds.split("\x1f"), tags.split())
            for guid, mid, flds, tags in db.execute("SELECT guid, mid, flds, tags FROM notes")}


def test_a_note_per_question_and_per_key_point_tagged_and_stable(ws: Path) -> None:
    done = CliRunner().invoke(app, ["anki", "content/packs/foreign-policy.yaml"])
    assert done.exit_code == 0, done.output
    deck = ws / "out" / "packs" / "foreign-policy.apkg"
    db = collection(deck, ws / "first")
    found = notes(db)
    answers = [q for q in load_content(ws / "content") if {"Great-Power Rivalry", "Kashmir",
                                                            "Foreign Policy"} & set(q.topics)]
    assert len(found) == len(answers) + sum(len(q.points) for q in answers)
    kinds = [mid for mid, _, _ in found.values()]
    assert kinds.count(QUESTION_MODEL_ID) == len(answers)
    assert kinds.count(POINT_MODEL_ID) == sum(len(q.points) for q in answers)
    kashmir = next(q for q in answers if q.id == "css-2015-pakistan-affairs-q6")
    question_notes = [v for v in found.values() if v[0] == QUESTION_MODEL_ID
                      and "Kashmir dispute" in v[1][1]]
    assert len(question_notes) == 1
    _, fields, tags = question_notes[0]
    assert fields[0] == "CSS · Pakistan Affairs · 2015 · Q6"
    assert set(tags) == {"exam::CSS", "paper::Pakistan_Affairs", "year::2015",
                         "topic::Foreign_Policy", "topic::Kashmir"}
    point_notes = sorted((v[1] for v in found.values() if v[0] == POINT_MODEL_ID
                          and v[1][0].startswith("CSS · Pakistan Affairs · 2015 · Q6")),
                         key=lambda f: f[0])
    assert [f[1] for f in point_notes] == [p.heading for p in kashmir.points]
    # The deck's id is its name's; decks and note types keep their ids.
    decks = json.loads(db.execute("SELECT decks FROM col").fetchone()[0])
    assert any(d["name"] == "Foreign Policy" for d in decks.values())
    models = json.loads(db.execute("SELECT models FROM col").fetchone()[0])
    assert {int(k) for k in models} == {QUESTION_MODEL_ID, POINT_MODEL_ID}
    db.close()

    # Made again after an edit, the same notes (GUIDs) carry the new words.
    path = next((ws / "content").rglob("2015-q6.yaml"))
    path.write_text(path.read_text(encoding="utf-8").replace(
        "heading: Origins in 1947 — the disputed accession",
        "heading: How the dispute began"), encoding="utf-8")
    assert CliRunner().invoke(app, ["anki", "content/packs/foreign-policy.yaml"]).exit_code == 0
    again = notes(collection(deck, ws / "second"))
    assert again.keys() == found.keys()
    assert any(f[1] == "How the dispute began" for _, f, _ in again.values())


def test_every_answer_and_a_bad_name(ws: Path) -> None:
    done = CliRunner().invoke(app, ["anki"])
    assert done.exit_code == 0, done.output
    answers = load_content(ws / "content")
    found = notes(collection(ws / "out" / "deck.apkg", ws / "x"))
    assert len(found) == len(answers) + sum(len(q.points) for q in answers)
    bad = CliRunner().invoke(app, ["anki", "-o", "deck.zip"])
    assert bad.exit_code == 2 and "not an .apkg file name" in bad.output
