"""Worksheets, answer keys and the teacher's edition, read back from the PDFs.

Answer lines are found as pdfium sees them: stroked paths 0.45 pt wide
across the writing area. Question text is found by searching the page's text.
"""

from __future__ import annotations

import ctypes
import warnings
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from studypack.cli import app
from studypack.content import load_content
from studypack.errors import StudypackWarning
from studypack.model import Question
from studypack.render.sheet import FIRST_LINES

from .conftest import copied_sample

ANSWER_LINE_PT = 0.45

ASKED = """\
kind: question
id: css-2019-pakistan-affairs-asked-3
exam: CSS
paper: Pakistan Affairs
year: 2019
number: 3
marks: 10
topics: [Kashmir]
question: Why did the Simla Agreement make the Kashmir dispute a bilateral matter?
"""
UNDATED = """\
kind: question
id: css-undated-pakistan-affairs-asked-9
exam: CSS
paper: Pakistan Affairs
year:
topics: [Kashmir]
question: Is a plebiscite still a workable idea?
"""


@pytest.fixture
def ws(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    copied_sample(tmp_path, monkeypatch)
    (tmp_path / "content" / "asked").mkdir()
    (tmp_path / "content" / "asked" / "simla.yaml").write_text(ASKED, encoding="utf-8")
    (tmp_path / "content" / "asked" / "undated.yaml").write_text(UNDATED, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def write_pack(ws: Path, text: str, name: str = "kashmir.yaml") -> Path:
    path = ws / "content" / "packs" / name
    path.write_text(text, encoding="utf-8")
    return path


KASHMIR = """\
title: Kashmir Test
kind: worksheet
edition: Week 3
worksheet:
  class: Evening batch
  time_allowed: 90 minutes
  instructions: Attempt every question.
  lines:
    css-2015-pakistan-affairs-q6: 6
select:
  topics: [Kashmir, Foreign Policy]
order: year-asc
"""


def run(*args: str) -> tuple[int, str]:
    done = CliRunner().invoke(app, list(args))
    return done.exit_code, done.output


def answer_lines(pdf: Path, *, dashed: bool = False) -> list[tuple[int, float]]:
    """(0-based page, y of the line) of every answer line, in reading order;
    with ``dashed``, of the dashed (dotted) ones only.
    """
    found = []
    doc = pdfium.PdfDocument(pdf)
    for index in range(len(doc)):
        page = doc[index]
        ys = []
        for obj in page.get_objects(max_depth=5):
            if obj.type != pdfium_c.FPDF_PAGEOBJ_PATH:
                continue
            width = ctypes.c_float()
            pdfium_c.FPDFPageObj_GetStrokeWidth(obj.raw, ctypes.byref(width))
            left, bottom, right, top = obj.get_bounds()
            if dashed and not pdfium_c.FPDFPageObj_GetDashCount(obj.raw):
                continue
            if abs(width.value - ANSWER_LINE_PT) < 0.01 and right - left > 300:
                ys.append((bottom + top) / 2)
        found += [(index, y) for y in sorted(ys, reverse=True)]
    doc.close()
    return found


def text_at(pdf: Path, snippet: str) -> tuple[int, float]:
    """(0-based page, bottom y) of the first place ``snippet`` is printed."""
    doc = pdfium.PdfDocument(pdf)
    try:
        for index in range(len(doc)):
            text = doc[index].get_textpage()
            found = text.search(snippet).get_next()
            if found:
                start, count = found
                return index, min(text.get_charbox(i)[1] for i in range(start, start + count))
    finally:
        doc.close()
    raise AssertionError(f"{snippet!r} is not printed")


def selected(ws: Path) -> list[Question]:
    """The answers the Kashmir pack selects, in its order (the undated question is warned of)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", StudypackWarning)
        answers = load_content(ws / "content")
    return sorted((q for q in answers if {"Kashmir", "Foreign Policy"} & set(q.topics)),
                  key=lambda q: q.year)


def test_worksheet_header_marks_table_and_room_by_marks(ws: Path) -> None:
    write_pack(ws, KASHMIR)
    code, output = run("pack", "content/packs/kashmir.yaml")
    assert code == 0, output
    pdf = ws / "out" / "packs" / "kashmir.pdf"
    reader = PdfReader(pdf)
    first = reader.pages[0].extract_text()
    for words in ("Kashmir Test", "Worksheet, ", "Week 3", "Class:", "Evening batch", "Date:",
                  "Time allowed:", "90 minutes", "Name", "Roll no.", "Question", "Marks",
                  "Obtained", "Total", "Attempt every question."):
        assert words in first, words
    answers = selected(ws)
    # The question kept without an answer joins, in year order; the undated one does not.
    years = [q.year for q in answers] + [2019]
    expected_lines = [6 if q.id == "css-2015-pakistan-affairs-q6" else int(q.marks * 1.5)
                      for q in answers] + [15]
    assert len(answer_lines(pdf)) == sum(expected_lines)
    text = "".join(page.extract_text() for page in reader.pages)
    assert "Simla Agreement" in text
    assert "plebiscite" not in text
    total = sum(q.marks for q in answers) + 10
    assert f"Total marks: {total}" in first.replace("\n", " ")
    assert len(years) == len(expected_lines)
    # The outline lists the questions by their number on the sheet.
    titles = [item.title for item in reader.outline]
    assert titles[0].startswith("1. CSS ")
    assert len(titles) == len(expected_lines)


def test_a_question_is_never_parted_from_the_start_of_its_room(ws: Path) -> None:
    # The first question's room grows a line at a time, so that the next ones
    # fall at every height of the page, the foot included; the third has more
    # room than a page holds, and runs on over a page break.
    questions = [*(q for q in selected(ws))]
    texts = [*(q.question for q in questions), ASKED.split("question: ")[1].strip()]
    ids = [*(q.id for q in questions), "css-2019-pakistan-affairs-asked-3"]
    for first in range(14, 34, 2):
        rooms = {ids[0]: first, ids[1]: 5, ids[2]: 40}
        lines_text = "".join(f"    {i}: {n}\n" for i, n in rooms.items())
        write_pack(ws, KASHMIR.replace("    css-2015-pakistan-affairs-q6: 6\n", lines_text))
        code, output = run("pack", "content/packs/kashmir.yaml", "-o", f"out/k{first}.pdf")
        assert code == 0, output
        pdf = ws / "out" / f"k{first}.pdf"
        lines = answer_lines(pdf)
        for text in texts:
            page, bottom = text_at(pdf, text[:40])
            below = [y for p, y in lines if p == page and y < bottom]
            assert len(below) >= FIRST_LINES, (first, text[:40], page, len(below))
        assert len({p for p, _ in lines}) >= 3


def test_answer_key_lists_key_points_and_marks_compactly(ws: Path) -> None:
    write_pack(ws, KASHMIR)
    code, output = run("pack", "content/packs/kashmir.yaml", "--kind", "answer-key")
    assert code == 0, output
    pdf = ws / "out" / "packs" / "kashmir-answer-key.pdf"
    reader = PdfReader(pdf)
    text = " ".join(page.extract_text() for page in reader.pages).replace("\n", " ")
    assert "Answer key, " in text
    for q in selected(ws):
        assert q.points[0].heading[:25] in text
        assert f"{len(q.points)} key points" in text
        assert f"about {round(q.marks / len(q.points) * 2) / 2:g} marks each" in text
    assert "No model answer in the bank yet." in text
    assert "Roll no." not in text
    assert not answer_lines(pdf)
    assert len(reader.pages) < sum(len(q.points) for q in selected(ws)) / 4


def test_teachers_edition_prints_answers_in_place_of_lines(ws: Path) -> None:
    write_pack(ws, KASHMIR)
    code, output = run("pack", "content/packs/kashmir.yaml", "--answers")
    assert code == 0, output
    pdf = ws / "out" / "packs" / "kashmir-with-answers.pdf"
    text = " ".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "Worksheet with answers" in text
    assert "Roll no." not in text
    kashmir = next(q for q in selected(ws) if q.id == "css-2015-pakistan-affairs-q6")
    assert kashmir.introduction.split()[0] in text
    assert "Key points" in text
    # Only the question without an answer keeps its room (15 lines for 10 marks).
    assert len(answer_lines(pdf)) == 15
    # The student's worksheet is another file, untouched.
    assert not (ws / "out" / "packs" / "kashmir.pdf").exists()


def test_duplex_worksheet_ends_on_its_own_sheet_and_is_reproducible(ws: Path) -> None:
    write_pack(ws, KASHMIR.replace("select:", "duplex: true\nselect:"))
    assert run("pack", "content/packs/kashmir.yaml", "-o", "out/a.pdf")[0] == 0
    assert run("pack", "content/packs/kashmir.yaml", "-o", "out/b.pdf", "--no-cache")[0] == 0
    a, b = ws / "out" / "a.pdf", ws / "out" / "b.pdf"
    assert a.read_bytes() == b.read_bytes()
    reader = PdfReader(a)
    assert len(reader.pages) % 2 == 0


def test_dotted_lines_in_the_photocopy_layout(ws: Path) -> None:
    write_pack(ws, KASHMIR.replace("title:", "layout: print-mono\ntitle:"))
    assert run("pack", "content/packs/kashmir.yaml", "-o", "out/mono.pdf")[0] == 0
    write_pack(ws, KASHMIR)
    mono = ws / "out" / "mono.pdf"
    assert run("pack", "content/packs/kashmir.yaml", "-o", "out/classic.pdf")[0] == 0
    classic = ws / "out" / "classic.pdf"
    assert len(answer_lines(mono, dashed=True)) == len(answer_lines(classic)) > 0
    assert not answer_lines(classic, dashed=True)


def test_explain_says_where_each_worksheet_setting_came_from(ws: Path) -> None:
    write_pack(ws, KASHMIR)
    code, output = run("pack", "content/packs/kashmir.yaml", "--explain")
    assert code == 0, output
    rows = {line.split()[0]: line for line in output.splitlines() if line.strip()}
    assert "content/packs/kashmir.yaml:2" in rows["kind"]
    assert "layout classic (worksheet.lines_per_mark)" in rows["worksheet.lines_per_mark"]
    assert "a line to fill in" in rows["worksheet.date"]
    assert "content/packs/kashmir.yaml:5" in rows["worksheet.class"]


def test_bad_worksheet_settings_are_listed_together_with_lines(ws: Path) -> None:
    write_pack(ws, """\
title: Bad
kind: answer-key
worksheet:
  answers: true
  lines:
    css-2015-pakistan-afairs-q6: 5
    css-2017-international-relations-q5: 5
select:
  topics: [Kashmir]
""")
    code, output = run("pack", "content/packs/kashmir.yaml")
    assert code == 1
    flat = " ".join(output.split())
    assert "kashmir.yaml:6" in flat and "did you mean 'css-2015-pakistan-affairs-q6'" in flat
    assert "kashmir.yaml:7" in flat and "not in this pack's selection" in flat
    assert "kashmir.yaml:4" in flat and "kind: worksheet" in flat
    assert not (ws / "out").exists() or not list((ws / "out").rglob("*.pdf"))

    write_pack(ws, KASHMIR.replace("    css-2015-pakistan-affairs-q6: 6",
                                   "    css-2015-pakistan-affairs-q6: -3"))
    code, output = run("pack", "content/packs/kashmir.yaml")
    assert code == 1 and "kashmir.yaml:9" in output and "0 to 200 lines" in output

    code, output = run("pack", "content/packs/kashmir.yaml", "--kind", "quiz")
    assert code == 2 and "choose one of answers, worksheet, answer-key" in output
    code, output = run("pack", "content/packs/foreign-policy.yaml", "--answers")
    assert code == 1 and "add --kind worksheet" in output


def test_a_passage_longer_than_a_page_runs_on_in_worksheet_and_key(ws: Path) -> None:
    words = " ".join(f"Sentence {n} of the passage sets out one more claim to weigh."
                     for n in range(1, 80))
    asked = ASKED.replace("question: Why did the Simla Agreement make the Kashmir dispute a "
                          "bilateral matter?", f"question: Write a precis. {words}")
    (ws / "content" / "asked" / "simla.yaml").write_text(asked, encoding="utf-8")
    write_pack(ws, KASHMIR)
    for kind in ("worksheet", "answer-key"):
        code, output = run("pack", "content/packs/kashmir.yaml", "--kind", kind,
                           "-o", f"out/{kind}.pdf")
        assert code == 0, output
        text = " ".join(p.extract_text() for p in PdfReader(ws / "out" / f"{kind}.pdf").pages)
        assert "Sentence 79 of the passage" in " ".join(text.split())


def _unembedded(pdf: Path) -> set[str]:
    """Fonts the PDF's pages (and their forms) name without embedding them."""
    found: set[str] = set()
    for page in PdfReader(pdf).pages:
        own = page.get("/Resources") or {}
        resources = [own, *(form.get_object().get("/Resources") or {}
                            for form in (own.get("/XObject") or {}).values())]
        for res in resources:
            for named in (res.get("/Font") or {}).values():
                font = named.get_object()
                described = font
                if "/DescendantFonts" in font:
                    described = font["/DescendantFonts"][0].get_object()
                descriptor = described.get("/FontDescriptor")
                descriptor = descriptor.get_object() if descriptor is not None else {}
                if not any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                    found.add(str(font.get("/BaseFont")))
    return found


def test_every_classroom_output_embeds_every_font_it_names(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ws = copied_sample(tmp_path, monkeypatch)
    (ws / "roster.csv").write_text("name,roll\nAyesha Khan,17\n", encoding="utf-8")
    runner = CliRunner()
    for args in (["pack", "content/packs/foreign-policy-test.yaml"],
                 ["pack", "content/packs/foreign-policy-test.yaml", "--kind", "answer-key"],
                 ["pack", "content/packs/foreign-policy-test.yaml", "--kind", "flashcards"],
                 ["pack", "content/packs/foreign-policy-test.yaml", "--answers"],
                 ["trend"],
                 ["batch", "roster.csv", "content/packs/foreign-policy.yaml", "-j", "1"],
                 ["batch", "roster.csv", "content/packs/foreign-policy-test.yaml", "-j", "1"]):
        done = runner.invoke(app, args)
        assert done.exit_code == 0, (args, done.output)
    made = sorted((ws / "out").rglob("*.pdf"))
    made = [p for p in made if ".cache" not in p.parts]
    assert len(made) >= 7, made
    # A print shop's preflight fails a PDF that names a font it does not carry.
    assert {p.name: _unembedded(p) for p in made} == {p.name: set() for p in made}
