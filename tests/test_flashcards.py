"""Printed flashcards: fronts and mirrored backs, cut marks, the printer's offset."""

from __future__ import annotations

import math
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from typer.testing import CliRunner

from studypack.cli import app
from studypack.content import load_content

from .conftest import copied_sample

MM = 72 / 25.4


@pytest.fixture
def ws(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return copied_sample(tmp_path, monkeypatch)


def place(pdf: Path, page: int, snippet: str) -> tuple[float, float]:
    """(x, y) of the middle of the first place ``snippet`` is printed on ``page`` (0-based)."""
    doc = pdfium.PdfDocument(pdf)
    try:
        text = doc[page].get_textpage()
        found = text.search(snippet).get_next()
        assert found, f"{snippet!r} is not on page {page + 1}"
        boxes = [text.get_charbox(i) for i in range(found[0], found[0] + found[1])]
        return ((min(b[0] for b in boxes) + max(b[2] for b in boxes)) / 2,
                (min(b[1] for b in boxes) + max(b[3] for b in boxes)) / 2)
    finally:
        doc.close()


def pages(pdf: Path) -> int:
    doc = pdfium.PdfDocument(pdf)
    try:
        return len(doc)
    finally:
        doc.close()


def test_each_back_lands_behind_its_front_on_a_long_edge_flip(ws: Path) -> None:
    done = CliRunner().invoke(app, ["pack", "content/packs/foreign-policy.yaml",
                                    "--kind", "flashcards"])
    assert done.exit_code == 0, done.output
    pdf = ws / "out" / "packs" / "foreign-policy-flashcards.pdf"
    answers = [q for q in load_content(ws / "content")
               if {"Great-Power Rivalry", "Kashmir", "Foreign Policy"} & set(q.topics)]
    cards = len(answers) + sum(len(q.points) for q in answers)
    assert pages(pdf) == 2 * math.ceil(cards / 8)

    # One answer of seven points: eight cards, one sheet.
    pack = ws / "content" / "packs" / "one.yaml"
    pack.write_text("title: One\nkind: flashcards\nselect:\n"
                    "  ids: [css-2022-pakistan-affairs-q8]\n", encoding="utf-8")
    assert CliRunner().invoke(app, ["pack", str(pack), "-o", "out/one.pdf"]).exit_code == 0
    pdf = ws / "out" / "one.pdf"
    assert pages(pdf) == 2
    q = next(a for a in answers if a.id == "css-2022-pakistan-affairs-q8")
    width = 595.28
    # Card 2 (top row, right) is its first key point; its back is top row, left.
    front_x, front_y = place(pdf, 0, q.points[0].heading[:25])
    back_x, back_y = place(pdf, 1, q.points[0].gist[:25])
    assert front_x > width / 2 > back_x
    assert abs(front_y - back_y) < 30 * MM  # the same row of cards
    # The question's own card: front top left, its summary's back top right.
    q_x, _ = place(pdf, 0, q.question[:25])
    s_x, _ = place(pdf, 1, q.summary[:25])
    assert q_x < width / 2 < s_x
    # Card 7 (bottom row, left): its back is bottom row, right.
    f7, _ = place(pdf, 0, q.points[5].heading[:25])
    b7, _ = place(pdf, 1, q.points[5].gist[:25])
    assert f7 < width / 2 < b7


def test_offset_moves_the_backs_and_settings_are_checked(ws: Path) -> None:
    pack = ws / "content" / "packs" / "cards.yaml"
    base = ("title: Cards\nkind: flashcards\nselect:\n  ids: [css-2015-pakistan-affairs-q6]\n"
            "cards:\n  which: points\n")
    pack.write_text(base, encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(app, ["pack", str(pack), "-o", "out/a.pdf"]).exit_code == 0
    pack.write_text(base + "  offset_x_mm: 2\n  offset_y_mm: -1\n", encoding="utf-8")
    assert runner.invoke(app, ["pack", str(pack), "-o", "out/b.pdf"]).exit_code == 0
    kashmir = next(q for q in load_content(ws / "content")
                   if q.id == "css-2015-pakistan-affairs-q6")
    gist = kashmir.points[0].gist[:25]
    (ax, ay), (bx, by) = place(ws / "out/a.pdf", 1, gist), place(ws / "out/b.pdf", 1, gist)
    assert bx - ax == pytest.approx(2 * MM, abs=0.2)
    assert by - ay == pytest.approx(-1 * MM, abs=0.2)
    # Fronts stay put; only points, no question card.
    heading = kashmir.points[0].heading[:25]
    assert place(ws / "out/a.pdf", 0, heading) == place(ws / "out/b.pdf", 0, heading)
    assert pages(ws / "out/a.pdf") == 2 * math.ceil(len(kashmir.points) / 8)
    assert runner.invoke(app, ["pack", str(pack), "-o", "out/c.pdf"]).exit_code == 0
    assert (ws / "out/b.pdf").read_bytes() == (ws / "out/c.pdf").read_bytes()

    pack.write_text(base + "  offset_x_mm: 30\n  sides: 3\n", encoding="utf-8")
    done = runner.invoke(app, ["pack", str(pack)])
    assert done.exit_code == 1
    assert "cards.yaml:7" in done.output and "cards.yaml:8" in done.output
