"""The plain-text importer on a page in the seed's shape (text written by us)."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from typer.testing import CliRunner

from studypack.cli import app
from studypack.content import load_file
from studypack.content.importing import import_text

PAGE = (Path(__file__).parent / "data" / "scraped-answer.txt").read_text(encoding="utf-8")


def test_seed_shaped_page_imports_question_points_and_conclusion():
    result = import_text(PAGE)
    data = result.data
    assert (data["exam"], data["paper"], data["number"], data["year"]) == (
        "CSS", "Current Affairs", 5, 2019)
    assert data["question"] == ("Examine the causes of the energy crisis in Pakistan and "
                                "suggest remedies.")
    assert [p["heading"] for p in data["points"]] == [
        "Circular Debt", "Fuel Mix", "Transmission Losses", "Governance"]
    assert data["points"][1]["body"].startswith("Pakistan generates much of its power")
    assert data["introduction"].startswith("Pakistan’s energy shortfall")
    assert data["conclusion"].startswith("In short, the crisis")
    assert "summary" in result.derived and not result.missing
    assert result.dropped_lines == 6
    assert "Back to top" not in result.yaml_text and "eleven" not in result.yaml_text


def test_imported_file_validates_and_builds(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    source = tmp_path / "page.txt"
    source.write_text(PAGE, encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(app, ["import", str(source)])
    assert result.exit_code == 0, result.output
    target = tmp_path / "content" / "current-affairs" / "css-2019-q5.yaml"
    question, _, problems = load_file(target)
    assert problems == [] and question is not None
    assert question.summary and "summary" in question.derived
    again = runner.invoke(app, ["import", str(source)])
    assert again.exit_code == 2 and "--force" in again.output
    built = runner.invoke(app, ["build"])
    assert built.exit_code == 0, built.output
    text = PdfReader(tmp_path / "out" / "booklet.pdf").pages[2].extract_text()
    assert "Circular Debt" in text


def test_a_line_of_notes_is_no_answer_and_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    source = tmp_path / "page.txt"
    source.write_text("Just some notes without a question.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["import", str(source), "--paper", "Essay"])
    assert result.exit_code == 1
    assert "there is no answer on it, so nothing was written" in result.output
    assert not (tmp_path / "content").exists()


def test_an_unfinished_import_is_flagged_at_build_and_fails_strict(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    source = Path(__file__).parent / "data" / "import" / "cut-off.txt"
    runner = CliRunner()
    imported = runner.invoke(app, ["import", str(source)])
    assert imported.exit_code == 4, imported.output  # written, with fields to write
    assert "1 file leaves fields to write" in imported.output
    built = runner.invoke(app, ["build"])
    assert built.exit_code == 0, built.output
    assert "marked this answer incomplete" in built.output
    assert "placeholder" in built.output  # the cut-off page has no conclusion
    strict = runner.invoke(app, ["build", "--strict", "-o", "out/strict.pdf"])
    assert strict.exit_code != 0 and not (tmp_path / "out" / "strict.pdf").exists()
