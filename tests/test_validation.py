"""Every content problem is reported with file:line, the field and what to do; all at once."""

from __future__ import annotations

from pathlib import Path

import pytest

from studypack.content import load_content
from studypack.errors import ContentError, WorkspaceError

VALID = (Path(__file__).parent / "data" / "valid.yaml").read_text(encoding="utf-8")


def _problems(folder: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_content(folder)
    return [str(d) for d in caught.value.diagnostics]


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("edit, expected", [
    (lambda t: t.replace("question: Explain why tests should be able to fail.\n", ""),
     "a.yaml:1:1 question: is required"),
    (lambda t: t.replace("year: 2020", "year: twenty"),
     "a.yaml:4:7 year: must be a whole number, not 'twenty'"),
    (lambda t: t.replace("  - heading: Real files", '  - heading: ""'),
     "a.yaml:16:14 points[2].heading: must not be empty"),
    (lambda t: t.replace("summary:", "sumary:"),
     "a.yaml:9:1 sumary: unknown field; did you mean 'summary'?"),
    (lambda t: t.replace("    gist: PDFs", "    gits: PDFs"),
     "a.yaml:17:5 points[2].gits: unknown field; did you mean 'gist'?"),
    (lambda t: t.replace("topics: [Testing]", "topics: []"),
     "a.yaml:7:9 topics: needs at least one item"),
    (lambda t: t.replace("number: 1", "number: 0"),
     "a.yaml:5:9 number: 0 is out of range"),
    (lambda t: t.replace("id: test-2020-q1", "id: Test 2020"),
     "a.yaml:1:5 id: 'Test 2020' is not a valid id"),
    (lambda t: t.replace("summary: A test", "summary: Note: a test"),
     "a.yaml:9:14 YAML syntax error: mapping values are not allowed"),
    (lambda t: t.replace("marks: 20", "marks: 20\nmarks: 25"),
     "a.yaml:7:1 marks: appears twice; keep one"),
    (lambda t: t.replace("topics: [Testing]", "topics: [Testing"),
     ("a.yaml:7:9 YAML syntax error: the list '[' opened here is not closed (the file reads "
      "on to line 8, column 9: did not find expected ',' or ']'); close it with ']' on the "
      "same line")),
    (lambda t: t.replace("summary: A test", 'summary: "A test'),
     "a.yaml:9:10 YAML syntax error: the quoted text opened here is not closed"),
    (lambda t: t.replace("paper: Test Paper", 'paper: "Test Paper'),
     "a.yaml:3:8 YAML syntax error: the quoted text opened here is not closed"),
    (lambda t: t.replace("paper: Test Paper", "paper: 'Test Paper").replace(
        "Tests earn trust", "Tests' earn trust"),
     ("a.yaml:3:8 YAML syntax error: the quoted text opened here is not closed (the file "
      "reads on to line 21")),
    (lambda t: t.replace("paper: Test Paper", "paper: 'Test Paper"),
     "or write '' for a quote inside them"),
    (lambda t: t.replace("topics: [Testing]", "topics: [Testing,\nextra: 1"),
     "a.yaml:7:9 YAML syntax error: the list '[' opened here is not closed"),
    (lambda t: t.replace("topics: [Testing]", "topics: [Testing,\n  More]").replace(
        "summary: A test", "summary: Note: a test"),  # a list over two lines is no slip
     "a.yaml:10:14 YAML syntax error: mapping values are not allowed"),
    (lambda t: t.replace("topics: [Testing]", "topics: [Testing,\n  More]").replace(
        "summary: A test", 'summary: "A test'),  # ... and does not hide the one below
     "a.yaml:10:10 YAML syntax error: the quoted text opened here is not closed"),
])
def test_each_invalid_case_names_file_line_field_and_fix(tmp_path, edit, expected):
    _write(tmp_path, "a.yaml", edit(VALID))
    problems = _problems(tmp_path)
    assert any(expected in p for p in problems), problems
    assert all(p.startswith(f"{tmp_path / 'a.yaml'}:") for p in problems), problems


def test_all_problems_in_all_files_are_listed_together(tmp_path):
    _write(tmp_path, "one/a.yaml", VALID.replace("year: 2020", "year: twenty")
           .replace("summary:", "sumary:"))
    _write(tmp_path, "two/b.yaml", VALID.replace("id: test-2020-q1", "id: other")
           .replace("exam: CSS\n", ""))
    problems = _problems(tmp_path)
    joined = "\n".join(problems)
    assert "one/a.yaml:4:7 year:" in joined
    assert "one/a.yaml:9:1 sumary:" in joined
    assert "two/b.yaml:1:1 exam: is required" in joined
    assert len(problems) == 3


def test_a_misspelt_required_field_is_one_problem_not_two(tmp_path):
    _write(tmp_path, "a.yaml", VALID.replace("  - heading: Real files", "  - headng: Real files")
           .replace("question:", "questoin:"))
    problems = _problems(tmp_path)
    assert len(problems) == 2, problems
    assert any("points[2].headng: unknown field; did you mean 'heading'?" in p
               for p in problems), problems
    assert any("questoin: unknown field; did you mean 'question'?" in p for p in problems)
    # A required field that is simply missing is still reported as missing.
    _write(tmp_path, "a.yaml", VALID.replace("  - heading: Real files\n    gist:", "  - gist:"))
    assert any("points[2].heading: is required" in p for p in _problems(tmp_path))


def test_duplicate_ids_across_files_name_both_files(tmp_path):
    _write(tmp_path, "a.yaml", VALID)
    _write(tmp_path, "b.yaml", VALID)
    (problem,) = _problems(tmp_path)
    assert "b.yaml:1:5 id: 'test-2020-q1' is already used by" in problem
    assert problem.rstrip().endswith("ids must be unique, rename one")
    assert "a.yaml" in problem


def test_missing_folder_and_empty_folder_say_how_to_start(tmp_path):
    with pytest.raises(WorkspaceError, match="studypack init"):
        load_content(tmp_path / "nope")
    with pytest.raises(WorkspaceError, match=r"no \.yaml answer files"):
        load_content(tmp_path)


def test_derived_gist_is_the_first_sentence_cut_at_a_word(tmp_path):
    long_body = ("This first sentence is deliberately long so that the derived gist must be cut "
                 "somewhere sensible before the end. Second sentence.")
    _write(tmp_path, "a.yaml", VALID.replace(
        "A test asserts the value the code really produced. It never asserts a constant.",
        long_body))
    (q,) = load_content(tmp_path)
    assert q.points[0].gist_derived and not q.points[1].gist_derived
    gist = q.points[0].gist
    assert gist.endswith("…") and len(gist) <= 90
    assert long_body.startswith(gist[:-1])
    assert long_body[len(gist) - 1] == " "  # cut at a word boundary
    assert q.points[1].gist == "PDFs are read back with pypdf."
    assert q.outline == ("Introduction", "Real values", "Real files", "Conclusion")


def test_shipped_content_is_valid_and_broad():
    questions = load_content(Path(__file__).parent.parent / "content")
    assert len(questions) >= 10
    assert len({q.paper for q in questions}) >= 3
    assert len({t for q in questions for t in q.topics}) >= 5
    years = {q.year for q in questions}
    assert min(years) <= 2016 and max(years) >= 2024
    assert any(q.id == "css-2022-pakistan-affairs-q8" for q in questions)


def test_a_process_reading_a_folder_again_warns_again_and_sees_each_edit(tmp_path):
    # A watching build reads the whole folder on every save, and keeps what it
    # read before; it must say what a fresh read says, and see an edit at once.
    holed = VALID.replace("Tests describe what the code must do.",
                          "[Not in the source: write the introduction]")
    path = _write(tmp_path, "a.yaml", holed)
    said = []
    for _ in range(2):
        with pytest.warns(UserWarning) as caught:
            (q,) = load_content(tmp_path)
        said.append([str(w.message) for w in caught])
        assert q.introduction == "[Not in the source: write the introduction]"
    assert said[0] == said[1] and any("a.yaml:11" in s for s in said[0]), said
    path.write_text(holed.replace("[Not in the source: write the introduction]",
                                  "Tests say what the code must do."), encoding="utf-8")
    (q,) = load_content(tmp_path)
    assert q.introduction == "Tests say what the code must do."
    path.write_text(holed.replace("year: 2020", "year: twenty"), encoding="utf-8")
    assert _problems(tmp_path) == [_problems(tmp_path)[0]]  # refused each time, not kept
    assert "a.yaml:4:7 year:" in _problems(tmp_path)[0]
