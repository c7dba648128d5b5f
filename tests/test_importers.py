"""studypack import on our own inputs in every shape the importers issue lists.

Inputs live in tests/data/import/ (written for these tests) plus a .docx built
here with python-docx. Expected fields are in tests/importing_cases.py; the
accuracy over all of them is printed at the end of every test run.
"""

from __future__ import annotations

import html
import warnings
from pathlib import Path

import docx
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from studypack.cli import app
from studypack.content import load_file, validate_answer_text
from studypack.content.importing import (
    NoAnswerOnPage,
    UnreadableFile,
    import_file,
    import_page,
    import_text,
    read_page,
)
from studypack.content.importing.blocks import split_marker
from studypack.content.importing.junk import is_junk
from studypack.content.importing.page_context import read_context
from studypack.content.importing.questions import parse_question
from studypack.content.importing.repair import repair
from studypack.errors import StudypackWarning

from .conftest import IMPORT_SCORE
from .importing_cases import CASES, HELD_OUT, HELD_OUT_2, check_fields

DATA = Path(__file__).parent / "data" / "import"
runner = CliRunner()
ACCURACY_FLOOR = 0.95
"""Share of expected fields the importer must get right over the whole test set."""


def build_docx(path: Path) -> Path:
    """A coaching centre's Word answer: heading, bold labels, numbered outline, bullets."""
    d = docx.Document()
    d.add_paragraph("PMS Sociology")
    d.add_heading("Question 4: Why do joint families persist in urban Pakistan? (2019)", level=2)
    d.add_paragraph().add_run("Outline").bold = True
    for line in ("Introduction", "Shared costs", "Care of elders", "Conclusion"):
        d.add_paragraph(line, style="List Number")
    intro = d.add_paragraph()
    intro.add_run("Introduction:").bold = True
    intro.add_run(" Moving to a city was expected to break up the joint family, yet many urban "
                  "homes still hold three generations.")
    d.add_paragraph().add_run("Shared costs").bold = True
    d.add_paragraph("Rent and school fees are heavy in cities, and pooling incomes makes them "
                    "bearable.")
    d.add_paragraph("Shared rent – one lease instead of two", style="List Bullet")
    d.add_paragraph("Pooled income – a buffer when one earner loses work", style="List Bullet")
    d.add_paragraph().add_run("Care of elders").bold = True
    d.add_paragraph("With few care homes and weak pensions, elderly parents depend on living "
                    "with their children.")
    d.add_paragraph("Overall, the joint family survives in cities because it still does work "
                    "that the market and the state do not.")
    d.save(str(path))
    return path


def build_grouped_docx(path: Path) -> Path:
    """A Word answer whose bold titles head a numbered list and a bulleted list."""
    d = docx.Document()
    d.add_heading("CSS Environmental Science 2021", level=1)
    d.add_paragraph().add_run("Q. No. 2: What is acid rain? Give its causes and two remedies. "
                              "(2021) (10 Marks)").bold = True
    d.add_paragraph("Acid rain is rain made acidic by gases that factories and engines put "
                    "into the air.")
    d.add_paragraph().add_run("Causes").bold = True
    d.add_paragraph("Power stations: coal plants release sulphur dioxide.", style="List Number")
    d.add_paragraph("Traffic: exhaust gases add nitrogen oxides.", style="List Number")
    d.add_paragraph().add_run("Remedies").bold = True
    d.add_paragraph("Fit scrubbers to chimneys.", style="List Bullet")
    d.add_paragraph("Move buses to cleaner fuel.", style="List Bullet")
    d.add_paragraph("In short, acid rain falls where the air is dirty, and clean air ends it.")
    d.save(str(path))
    return path


BUILT = {"built.docx": build_docx, "grouped.docx": build_grouped_docx}
"""Inputs made by the tests (python-docx) rather than kept in tests/data/import."""


def _input(name: str, tmp_path: Path) -> Path:
    return BUILT[name](tmp_path / name) if name in BUILT else DATA / name


ALL = {**CASES, **HELD_OUT, **HELD_OUT_2}


@pytest.mark.parametrize("name", sorted(ALL))
def test_each_input_gives_the_expected_fields(name, tmp_path):
    answers = import_file(_input(name, tmp_path))
    assert len(answers) == len(ALL[name])
    for answer, expected in zip(answers, ALL[name], strict=True):
        wrong = [(field, got) for field, ok, got in check_fields(
            answer.data, answer.incomplete, expected) if not ok]
        assert wrong == []


def _score(cases: dict[str, list[dict[str, object]]], tmp_path: Path
           ) -> tuple[int, int, list[str]]:
    right = total = 0
    misses: list[str] = []
    for name, expected_answers in sorted(cases.items()):
        answers = import_file(_input(name, tmp_path))
        for n, expected in enumerate(expected_answers):
            if n >= len(answers):
                checks = [(f, False, None) for f, _, _ in check_fields({}, False, expected)]
            else:
                checks = check_fields(answers[n].data, answers[n].incomplete, expected)
            total += len(checks)
            right += sum(ok for _, ok, _ in checks)
            misses += [f"{name}[{n}].{field}" for field, ok, _ in checks if not ok]
    return right, total, misses


def test_field_accuracy_over_the_whole_test_set(tmp_path, request):
    tuned = _score(CASES, tmp_path)
    held = _score({**HELD_OUT, **HELD_OUT_2}, tmp_path)
    right, total = tuned[0] + held[0], tuned[1] + held[1]
    misses = tuned[2] + held[2]
    score = (f"importer field accuracy: {right}/{total} ({right / total:.0%}) on "
             f"{len(ALL)} inputs (held-out inputs: {held[0]}/{held[1]})"
             + (f"; wrong: {', '.join(misses)}" if misses else ""))
    request.config.stash[IMPORT_SCORE] = score
    print(score)
    assert right / total >= ACCURACY_FLOOR, score


@pytest.mark.parametrize(("line", "expected"), [
    ("Q.8 Discuss the issues after the withdrawal. 2022", (8, ("Discuss the issues after the "
                                                           "withdrawal."), 2022, None)),
    ("Q-02. Explain the doctrine (2019)", (2, "Explain the doctrine", 2019, None)),
    ("Q1. Examine the claim? (20)", (1, "Examine the claim?", None, 20)),
    ("Q. No. 2: Evaluate the reforms. (10 + 10 = 20 Marks)", (2, "Evaluate the reforms.", None,
                                                              20)),
    ("Question 3", (3, "", None, None)),
    ("Question No. 4 – Compare the two systems [2015]", (4, "Compare the two systems", 2015,
                                                         None)),
    ("Q. Discuss water security (CSS 2017)", (None, "Discuss water security", 2017, None)),
    ("Q3: Why now? 20 Marks", (3, "Why now?", None, 20)),
])
def test_question_line_shapes(line, expected):
    q = parse_question(line)
    assert q is not None and (q.number, q.text, q.year, q.marks) == expected


@pytest.mark.parametrize("line", ["Question Breakdown", "Quality of governance matters.",
                                  "1. Trade routes: rail links", "2022 was a hard year"])
def test_lines_that_are_not_question_lines(line):
    assert parse_question(line) is None


def test_breadcrumb_gives_exam_year_part_and_tags():
    context = read_context(["CSS | Past Paper | Compulsory | 2025 | Part 2"])
    assert (context.exam, context.paper, context.year, context.part, context.tags) == (
        "CSS", None, 2025, "II", ("Compulsory",))


@pytest.mark.parametrize(("text", "expected"), [
    ("1-Introduction", ("number", "1", "Introduction")),
    ("2. Causes", ("number", "2", "Causes")),
    ("IV. Way forward", ("roman", "IV", "Way forward")),
    ("4.1- Water storage", ("nested", "4.1", "Water storage")),
    ("✓ Dams – costly", ("bullet", "✓", "Dams – costly")),
    ("• Ponds", ("bullet", "•", "Ponds")),
    ("X-ray machines are scarce", ("", "", "X-ray machines are scarce")),
])
def test_list_markers(text, expected):
    assert split_marker(text) == expected


@pytest.mark.parametrize("text", [
    "Share on Facebook", "18 + eleven =", "Posted on March 3, 2024", "Posts: 1,204",
    "Home | About | Contact | Privacy Policy", "Assalam o Alaikum friends!", "Regards, Kashif",
    "Join our CSS course now for free notes", "Written by the Example Prep Team",
    "Sent from my phone", "Reply  Quote", "Thanks for reading!", "2,310 views",
])
def test_junk_lines(text):
    assert is_junk(text)


@pytest.mark.parametrize("text", [
    "Thanks to the corridor, trade with China grew.", "Like other states, Pakistan borrowed.",
    "Join the dots: inflation follows the deficit.", "Overall, the reforms worked.",
])
def test_answer_lines_that_look_like_junk_are_kept(text):
    assert not is_junk(text)


def test_mojibake_is_repaired_and_curly_quotes_and_arabic_are_left_alone():
    broken = "Pakistan’s road – open".encode().decode("cp1252")
    assert repair(broken)[0] == "Pakistan’s road – open"
    thai = "links – if peace holds".encode().decode("cp874")
    assert repair(f"Rail {thai}")[0] == "Rail links – if peace holds"
    verse = "إِنَّ مَعَ الْعُسْرِ يُسْرًا “quoted”"
    assert repair(verse) == (verse, ())
    # Windows line ends (a browser's text box sends them) are not broken characters.
    assert repair("Q. 3 Discuss.\r\n\r\nIntroduction\r\n") == (
        "Q. 3 Discuss.\n\nIntroduction\n", ())


def test_utf16_and_windows_1252_text_files_are_read(tmp_path):
    text = (DATA / "forum-post.txt").read_text(encoding="utf-8")
    (tmp_path / "notepad.txt").write_bytes(text.encode("utf-16"))
    (tmp_path / "old.txt").write_bytes(text.replace("women's", "women’s").encode("cp1252"))
    first, second = (import_file(tmp_path / n)[0] for n in ("notepad.txt", "old.txt"))
    assert first.data["number"] == second.data["number"] == 5
    assert second.data["question"] == ("What are the barriers to women’s participation in "
                                       "Pakistan's workforce?")


def test_html_without_main_text_is_refused_in_one_line(tmp_path):
    page = tmp_path / "menu.html"
    page.write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>", "utf-8")
    with pytest.raises(UnreadableFile, match=r"no (main )?text"):
        import_file(page)


def test_arabic_verses_stay_whole_in_order_with_their_references():
    answer = import_file(DATA / "islamiat-verse.txt")[0]
    body = answer.data["points"][0]["body"].split("\n\n")  # type: ignore[index]
    assert body == ["The Quran tells believers that difficulty never comes alone:",
                    "إِنَّ مَعَ الْعُسْرِ يُسْرًا", "(Surah Al-Inshirah, 94:6)",
                    "The verse is repeated for emphasis, so that no believer loses hope."]
    second = answer.data["points"][1]["body"]  # type: ignore[index]
    assert "وَتَعَاوَنُوا عَلَى الْبِرِّ وَالتَّقْوَىٰ\n\n(Surah Al-Maidah, 5:2)" in second
    # The one-line gist is taken from the English before the verse, never cut through it.
    assert answer.data["points"][0]["gist"] == (  # type: ignore[index]
        "The Quran tells believers that difficulty never comes alone")


def test_pdf_copy_is_joined_back_and_its_page_furniture_dropped():
    answer = import_file(DATA / "pdf-copy.txt")[0]
    text = answer.yaml_text
    assert "Page 2 of 3" not in text and "Example Academy Notes" not in text
    body = answer.data["points"][2]["body"]  # type: ignore[index]
    assert body.endswith("and honest payers carry the cost.")
    assert "year" in answer.missing and not answer.complete
    assert answer.data["year"] is None and "year: null  # not in the source" in text


def test_cut_off_page_is_imported_and_flagged():
    answer = import_file(DATA / "cut-off.txt")[0]
    assert answer.incomplete and answer.complete and answer.has_gaps
    assert answer.data["conclusion"] == "[Not in the source: write the conclusion here.]"
    derived = answer.data["derived"]
    assert "incomplete: the source stops mid-answer; check its end" in derived  # type: ignore[operator]
    assert "conclusion: placeholder, not in the source" in derived  # type: ignore[operator]


def test_guesses_are_recorded_in_the_file(tmp_path):
    answer = import_file(DATA / "multi-answer.txt")[0]
    data = yaml.safe_load(answer.yaml_text)
    assert {"paper: from the breadcrumb", "year: from the breadcrumb", "summary"} <= set(
        data["derived"])


def test_junk_never_reaches_the_files():
    everything = "".join(a.yaml_text for name in ALL if name not in BUILT
                         for a in import_file(DATA / name))
    for junk in ("Share on", "Posted on", "Written by", "eleven", "Leave a Reply", "Posts:",
                 "Regards", "Sent from", "Home", "Privacy", "Very helpful", "Join our",
                 "Popular posts", "Last edited", "Question Breakdown", "examiner wants",
                 "cookies", "Related Posts", "About the author", "Forwarded", "9:15 pm",
                 "JazakAllah", "Tags:", "Comments", "says:", "Reply", "Facebook", "Twitter",
                 "Like this", "Loading", "Admin", "bhai"):
        assert junk not in everything, junk


def test_every_answer_is_written_and_validates_against_the_schema(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    built = [str(make(tmp_path / name)) for name, make in BUILT.items()]
    sources = [DATA / n for n in CASES if n not in BUILT]
    result = runner.invoke(app, ["import", *map(str, sources), *built])
    assert result.exit_code == 4, result.output  # some leave a conclusion or year to write
    files = sorted((tmp_path / "content").rglob("*.yaml"))
    assert len(files) == sum(len(CASES[n]) for n in CASES)
    drafts = []
    for path in files:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", StudypackWarning)  # placeholders are warned of
            question, _, problems = load_file(path)
        assert problems == [], path
        if question is None:
            drafts.append(path.name)
    # pdf-copy.txt never says its year; a topic-wise page gives no question numbers.
    assert sorted(drafts) == [
        "css-2015-discuss-the-main-challenges-to-pakistan-iran-relations.yaml",
        "css-2017-evaluate-pakistan-s-relations-with-china-in-the-light-of.yaml",
        "css-q3.yaml"]


def test_folder_import_reports_every_bad_file_and_writes_the_rest(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "good.txt").write_bytes((DATA / "forum-post.txt").read_bytes())
    (folder / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    (folder / "picture.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01")
    (folder / "empty.md").write_text("", encoding="utf-8")
    (folder / "scan.pdf").write_bytes(b"%PDF-1.4")
    result = runner.invoke(app, ["import", str(folder)])
    assert result.exit_code == 1, result.output
    assert (tmp_path / "content" / "gender-studies" / "css-2020-q5.yaml").is_file()
    out = result.output
    assert "inbox/broken.docx: is not a readable Word .docx file" in out
    assert "inbox/picture.txt: is a binary file, not text" in out
    assert "inbox/empty.md: is empty" in out
    assert "skipped 1 file of other kinds: inbox/scan.pdf" in out
    assert "3 problems found." in out and "Traceback" not in out


def test_unsupported_extension_named_directly_is_a_usage_error(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "answer.rtf").write_text("{\\rtf1 Q.1 x}", encoding="utf-8")
    result = runner.invoke(app, ["import", "answer.rtf"])
    assert result.exit_code == 2
    assert "answer.rtf: has an extension studypack cannot import (.rtf)" in result.output


def test_dry_run_shows_the_report_and_yaml_and_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "page.txt").write_bytes((DATA / "multi-answer.txt").read_bytes())
    result = runner.invoke(app, ["import", "page.txt", "--dry-run"])
    assert result.exit_code == 0, result.output
    assert not (tmp_path / "content").exists()
    out = result.output
    assert "page.txt (answer 2 of 2)" in out and "would write" in out
    assert "id: css-2020-pakistan-affairs-q3" in out
    assert "paper: from the breadcrumb" in out


def test_existing_files_need_force(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    source = str(DATA / "topic-wise.txt")
    assert runner.invoke(app, ["import", source]).exit_code == 4  # numbers are not given
    target = (tmp_path / "content" / "pakistan-affairs" /
              "css-2017-evaluate-pakistan-s-relations-with-china-in-the-light-of.yaml")
    target.write_text("edited by hand", encoding="utf-8")
    again = runner.invoke(app, ["import", source])
    assert again.exit_code == 2 and "already exists; use --force" in again.output
    assert target.read_text(encoding="utf-8") == "edited by hand"
    # A file that holds no answer's id is not an earlier import: never replaced.
    forced = runner.invoke(app, ["import", source, "--force"])
    assert forced.exit_code == 2 and target.read_text(encoding="utf-8") == "edited by hand"
    assert "holds no answer's id; it is never replaced" in " ".join(forced.output.split())


def test_a_file_edited_after_import_is_never_overwritten(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    source = str(DATA / "multi-answer.txt")
    assert runner.invoke(app, ["import", source]).exit_code == 0
    target = tmp_path / "content" / "pakistan-affairs" / "css-2020-q2.yaml"
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# studypack import ")
    # Unedited, --force may replace it.
    assert runner.invoke(app, ["import", source, "--force"]).exit_code == 0
    edited = text.replace("Local councils", "Elected local councils")
    target.write_text(edited, encoding="utf-8")
    again = runner.invoke(app, ["import", source, "--force"])
    assert again.exit_code == 2
    assert "was edited after it was imported; it is never replaced, not even with --force" \
        in " ".join(again.output.split())
    assert target.read_text(encoding="utf-8") == edited


def test_a_draft_is_replaced_by_its_reimport_with_the_missing_year(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    source = str(DATA / "pdf-copy.txt")  # the page never gives its year
    assert runner.invoke(app, ["import", source]).exit_code == 4
    draft = tmp_path / "content" / "current-affairs" / "css-q3.yaml"
    assert "year: null  # not in the source" in draft.read_text(encoding="utf-8")
    told = runner.invoke(app, ["import", source, "--year", "2021"])
    assert told.exit_code == 2 and "already holds this answer; use --force to replace it" in \
        " ".join(told.output.split())
    filled = runner.invoke(app, ["import", source, "--year", "2021", "--force"])
    assert filled.exit_code == 0, filled.output
    assert not draft.exists()
    assert [p.name for p in (tmp_path / "content").rglob("*.yaml")] == ["css-2021-q3.yaml"]


def test_options_fill_what_the_page_lacks(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["import", str(DATA / "pdf-copy.txt"), "--year", "2021"])
    assert result.exit_code == 0, result.output
    question, _, problems = load_file(tmp_path / "content" / "current-affairs" / "css-2021-q3.yaml")
    assert problems == [] and question is not None and question.year == 2021
    many = runner.invoke(app, ["import", str(DATA / "multi-answer.txt"), "--number", "5"])
    assert many.exit_code == 2 and "--number cannot name one" in many.output


def test_import_text_keeps_its_one_answer_form():
    answer = import_text("CSS Essay\n\nQ.1 Is it so? (2020)\n\nIntro here.\n\n1. One: body.\n\n"
                         "Overall, yes.\n")
    assert (answer.data["number"], answer.data["year"], answer.data["conclusion"]) == (
        1, 2020, "Overall, yes.")


LINES = st.sampled_from([
    "Q.3 Discuss the matter. (2019)", "Q. No. 4: Why? (20)", "1. Heading: body text here.",
    "2- Another heading", "• Term – gloss", "Outline", "Introduction:", "Conclusion",
    "Overall, it ends here.", "Share on Facebook", "18 + eleven =", "Page 2 of 9",
    "إِنَّ مَعَ الْعُسْرِ يُسْرًا", "(Surah Al-Inshirah, 94:6)", "**Bold line**", "",
    "Way forward", "CSS | Past Paper | Current Affairs | 2021", "A plain sentence of text.",
    "â€“ broken", "IV. Roman", "4.1- Nested",
]) | st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40)


@settings(max_examples=60, deadline=None)
@given(lines=st.lists(LINES, max_size=25), suffix=st.sampled_from([".txt", ".md", ".html"]))
def test_any_text_imports_without_crashing_and_what_is_writable_validates(lines, suffix):
    # Open-ended input: the importer either reports what is missing or gives a valid file.
    text = "\n\n".join(lines)
    if suffix == ".html":
        text = "<html><body><article>" + "".join(f"<p>{html.escape(x)}</p>" for x in lines) \
            + "</article></body></html>"
    try:
        page = read_page("x" + suffix, text.encode("utf-8"))
    except UnreadableFile:
        return
    try:
        answers = import_page(page)
    except NoAnswerOnPage:
        return
    for answer in answers:
        assert validate_answer_text(answer.yaml_text, "x.yaml") == []


SHORT_ANSWER = """CSS Current Affairs

Q. No. 6: Why do small towns lose their young people? (2022) (20 Marks)

Young people leave small towns for work and study, and few of them come back.

1. Jobs: Factories and offices cluster in the large cities.

2. Colleges: Good universities are found only in a few places.

In short, towns keep their young only when they offer work and learning.
"""


def test_another_exam_never_replaces_an_answer_with_the_same_number(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "towns.txt").write_text(SHORT_ANSWER, encoding="utf-8")
    assert runner.invoke(app, ["import", "towns.txt"]).exit_code == 0
    css = tmp_path / "content" / "current-affairs" / "css-2022-q6.yaml"
    before = css.read_text(encoding="utf-8")
    pms = runner.invoke(app, ["import", "towns.txt", "--exam", "pms", "--force"])
    assert pms.exit_code == 0, pms.output
    assert css.read_text(encoding="utf-8") == before
    written = yaml.safe_load((css.parent / "pms-2022-q6.yaml").read_text(encoding="utf-8"))
    assert (written["id"], written["exam"]) == ("pms-2022-current-affairs-q6", "PMS")


def test_force_never_replaces_a_file_holding_another_question(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "towns.txt").write_text(SHORT_ANSWER, encoding="utf-8")
    target = tmp_path / "content" / "current-affairs" / "css-2022-q6.yaml"
    target.parent.mkdir(parents=True)
    target.write_text("id: css-2022-current-affairs-q7\n", encoding="utf-8")
    for extra in ([], ["--force"]):
        result = runner.invoke(app, ["import", "towns.txt", *extra])
        assert result.exit_code == 2
        assert "holds a different question ('css-2022-current-affairs-q7')" in result.output
        assert target.read_text(encoding="utf-8") == "id: css-2022-current-affairs-q7\n"


def test_an_id_used_by_another_file_is_refused_at_import(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "towns.txt").write_text(SHORT_ANSWER, encoding="utf-8")
    assert runner.invoke(app, ["import", "towns.txt"]).exit_code == 0
    folder = tmp_path / "content" / "current-affairs"
    (folder / "css-2022-q6.yaml").rename(folder / "towns.yaml")
    for extra in ([], ["--force"]):
        result = runner.invoke(app, ["import", "towns.txt", *extra])
        assert result.exit_code == 2
        assert ("its id 'css-2022-current-affairs-q6' is already used by "
                "content/current-affairs/towns.yaml") in result.output
        assert sorted(p.name for p in folder.iterdir()) == ["towns.yaml"]
    assert runner.invoke(app, ["check"]).exit_code == 0


@pytest.mark.parametrize(("option", "value"), [("--marks", "0"), ("--marks", "-5"),
                                               ("--year", "21"), ("--number", "0")])
def test_impossible_option_values_are_refused_before_anything_is_read(tmp_path, monkeypatch,
                                                                      option, value):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "towns.txt").write_text(SHORT_ANSWER, encoding="utf-8")
    result = runner.invoke(app, ["import", "towns.txt", option, value])
    assert result.exit_code == 2
    assert f"{option}: must be from" in result.output and f"not {value}" in result.output
    assert ".yaml" not in result.output and not (tmp_path / "content").exists()


def test_marks_given_as_an_option_replace_the_pages(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "towns.txt").write_text(SHORT_ANSWER, encoding="utf-8")
    assert runner.invoke(app, ["import", "towns.txt", "--marks", "15"]).exit_code == 0
    data = yaml.safe_load((tmp_path / "content" / "current-affairs" / "css-2022-q6.yaml")
                          .read_text(encoding="utf-8"))
    assert data["marks"] == 15


def test_dry_run_prints_the_yaml_when_the_file_exists(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "towns.txt").write_text(SHORT_ANSWER, encoding="utf-8")
    assert runner.invoke(app, ["import", "towns.txt"]).exit_code == 0
    result = runner.invoke(app, ["import", "towns.txt", "--dry-run"], terminal_width=200)
    assert result.exit_code == 0, result.output
    assert "id: css-2022-current-affairs-q6" in result.output
    assert "already exists; import with --force to overwrite it" in result.output


def test_report_names_exam_and_paper_apart_and_incomplete_once(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "cut.txt").write_text(SHORT_ANSWER.replace(
        "In short, towns keep their young only when they offer work and learning.",
        "In short, towns keep their young only when they offer"), encoding="utf-8")
    out = runner.invoke(app, ["import", "cut.txt", "--dry-run"], terminal_width=200).output
    rows = {line.split("│")[1].strip(): line.split("│")[2].strip()
            for line in out.splitlines() if line.count("│") == 3}
    assert (rows["exam"], rows["paper"]) == ("CSS", "Current Affairs")
    assert out.count("the source stops mid-answer") == 2  # the table's row and the YAML


def test_a_page_without_points_is_written_as_a_draft_to_finish(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "q.txt").write_text("Q.2 Why? (2020)\n\nBecause it is so, and that is all.\n",
                                    encoding="utf-8")
    result = runner.invoke(app, ["import", "q.txt", "--paper", "Economics"])
    assert result.exit_code == 4, result.output
    message = " ".join(result.output.split())
    assert "not in the source: points, conclusion" in message
    written = tmp_path / "content" / "economics" / "css-2020-q2.yaml"
    assert "points: []" in written.read_text(encoding="utf-8")
    checked = runner.invoke(app, ["check", "content"])
    assert "css-2020-q2.yaml:" in checked.output and "points: no key points yet" in checked.output


def test_a_reference_under_a_verse_inside_a_point_stays_with_the_verse():
    answer = import_file(DATA / "verse-in-point.txt")[0]
    body = answer.data["points"][0]["body"].split("\n\n")  # type: ignore[index]
    assert body == ["The Quran swears by time itself and warns of loss for those who waste it.",
                    "وَالْعَصْرِ", "إِنَّ الْإِنسَانَ لَفِي خُسْرٍ", "(Surah Al-Asr, 103:1-2)"]
    assert not any("Surah" in note for note in answer.notes)


def test_a_conclusion_after_a_folio_is_not_joined_to_the_last_point():
    answer = import_file(DATA / "pdf-sum-up.txt")[0]
    last = answer.data["points"][-1]["body"]  # type: ignore[index]
    assert last.endswith("for ordinary citizens everywhere.")
    assert answer.data["conclusion"] == (
        "To sum up, the scheme ignored the country's diversity, and it fell once the army "
        "rulers who had backed it lost power at the end of the sixties in the country.")
    assert not any("placeholder" in d for d in answer.derived)


def test_breadcrumb_skips_generic_crumbs_for_the_paper():
    context = read_context(["Home | CSS Past Papers | Current Affairs | Solved Answers"])
    assert (context.exam, context.paper) == ("CSS", "Current Affairs")


def test_a_short_name_for_a_paper_is_listed_as_a_guess():
    answer = import_text("CSS Islamiat\n\nQ.2 Define Zakat. (2016)\n\nZakat is a duty.\n\n"
                         "1. Who pays: Every Muslim with savings above a limit.\n\n"
                         "2. Who receives: The poor and the needy.\n\nOverall, it is worship.\n")
    assert answer.data["paper"] == "Islamic Studies"
    assert "paper: from the page header ('Islamiat' read as Islamic Studies)" in answer.derived


@pytest.mark.parametrize("text", [
    "by Admin | March 3, 2023", "By Sana Khan on 4 May 2022", "Share this:", "Like this:",
    "Loading...", "Share on Facebook  Share on Twitter  WhatsApp", "thanks bhai 👍",
    "12 Comments"])
def test_more_site_text(text):
    assert is_junk(text)


def test_numbered_points_may_go_past_99():
    assert split_marker("100. Heading: body") == ("number", "100", "Heading: body")


def test_a_provincial_header_names_no_paper_and_its_repeat_is_dropped():
    # Found by a held-out round: "PMS Punjab Solved Papers" became the paper, and its
    # copy at the top of the second page ended up inside point 1's body.
    text = (DATA / "provincial-header.txt").read_text(encoding="utf-8")
    guessed = import_text(text)
    assert not guessed.data.get("paper") and "paper" in guessed.missing
    given = import_text(text, paper="Current Affairs")
    assert given.data["exam"] == "PMS" and given.data["year"] == 2016
    assert [p["heading"] for p in given.data["points"]] == ["The 1991 accord", "Storage"]
    body = given.data["points"][0]["body"]
    assert "Punjab" not in body and body.endswith("storage projects that were never built.")


def test_an_urdu_page_saved_in_a_windows_code_page_reads_back_whole(tmp_path):
    # Windows-1256 is what an old Urdu or Arabic editor saves; read as Windows-1252 it
    # would turn into Latin letters.
    text = ("Q.2 اسلامی ریاست میں عدل کی اہمیت بیان کریں۔ (CSS 2019)\n\n"
            "عدل اسلامی معاشرے کی بنیاد ہے اور اس کے بغیر امن ممکن نہیں۔\n")
    source = tmp_path / "urdu.txt"
    source.write_bytes(text.replace("ی", "ي").replace("ہ", "ه").replace("ۓ", "ے")
                       .replace("۔", ".").encode("cp1256", errors="strict"))
    page = read_page("urdu.txt", source.read_bytes())
    assert "عدل" in page.blocks[1].text and "اسلامي" in page.blocks[0].text


def test_an_apostrophe_through_the_thai_page_comes_back_whole():
    # ’ is E2 80 99; Windows-874 has no 0x99, so a page shows it as 'โ€™' via Windows-1252.
    fixed, notes = repair("The State Bankโ€™s policy โ€“ and its limits.")
    assert fixed == "The State Bank’s policy – and its limits." and notes


def test_a_post_body_of_loose_text_and_line_breaks_is_read_line_by_line():
    # A blog engine's post body: no <p>, only <b>, text and <br>, which trafilatura
    # drops whole; the page's own reading keeps each line.
    body = ("<b>Q.4 What is smog? Explain its causes in Punjab. [10 Marks]</b><br/><br/>"
            "Smog is a mix of smoke and fog that settles over the plains each winter and "
            "stays for weeks, closing schools and roads.<br/><br/><b>Crop burning</b><br/>"
            "Farmers burn rice stubble because it is the cheapest way to clear the fields "
            "before wheat is sown.<br/><br/><b>Vehicle exhaust</b><br/>Old engines and poor "
            "fuel add fine particles to the air of every large city.<br/><br/>In conclusion, "
            "cleaner fuel and help for farmers would clear the air.<br/>")
    page = ("<html><head><title>Two Solved Questions</title></head><body><div class='main'>"
            "<h3 class='post-title'>GSA 2021 solved</h3><div class='post-body'>" + body +
            "</div></div><div class='sidebar'><h2>Blog Archive</h2></div></body></html>")
    answer = import_page(read_page("post.html", page.encode("utf-8")))[0]
    assert answer.data["question"] == "What is smog? Explain its causes in Punjab."
    assert [p["heading"] for p in answer.data["points"]] == ["Crop burning", "Vehicle exhaust"]
    assert str(answer.data["conclusion"]).startswith("In conclusion, cleaner fuel")


@pytest.mark.parametrize(("line", "expected"), [
    ("Q.4 Examine the Council of Common Interests. (CSS 2021, Pakistan Affairs, 20 marks)",
     ("Examine the Council of Common Interests.", 2021, 20, "CSS", "Pakistan Affairs")),
    ("Q 7: Is the veto still useful? [PMS; International Relations; 2019]",
     ("Is the veto still useful?", 2019, None, "PMS", "International Relations")),
    # A bracket that is part of the question stays in it.
    ("Q.2 Trace the Kashmir dispute (1947-2019).",
     ("Trace the Kashmir dispute (1947-2019).", None, None, None, None)),
])
def test_a_closing_bracket_naming_the_paper_gives_exam_year_paper_and_marks(line, expected):
    from studypack.content.importing.questions import parse_question

    found = parse_question(line)
    assert found is not None
    assert (found.text, found.year, found.marks, found.exam, found.paper) == expected


def test_a_forum_post_with_bold_headings_between_line_breaks_gives_its_points(tmp_path):
    # vBulletin keeps a post in one blockquote; its headings are bold lines between <br>s.
    body = "<br /><br />".join(
        f"<b>{head}</b><br />{head} matters because the state needs it to work, and the "
        "paper asks for it in every year that the question has been set."
        for head in ("Origin of the state", "Role of religion", "Cycle of dynasties"))
    page = (f"<html><head><title>Thread</title></head><body><article><h2>Q.4 Compare Ibn "
            f"Khaldun and Machiavelli on the state. (CSS 2017)</h2><blockquote "
            f"class='postcontent'>Here is how I would attempt it.<br /><br />"
            f"<b>Introduction</b><br />Both wrote about power as it is.<br /><br />{body}"
            f"<br /><br /><b>Conclusion</b><br />Both were realists in their own way."
            f"</blockquote></article></body></html>")
    (tmp_path / "post.html").write_text(page, encoding="utf-8")
    answer = import_file(tmp_path / "post.html")[0]
    assert [p["heading"] for p in answer.data["points"]] == [
        "Origin of the state", "Role of religion", "Cycle of dynasties"]
    assert str(answer.data["conclusion"]).startswith("Both were realists")



def test_a_category_page_of_post_excerpts_holds_no_answer(tmp_path):
    page = tmp_path / "category.html"
    page.write_text(
        "<html><head><title>Solved Papers Archives - Prep Site</title></head><body>"
        "<h1>Category: International Relations</h1>"
        "<article><h2><a href='/a'>UNSC reform</a></h2><p>Q.No.5 Critically analyse the demand"
        " for reform of the UN Security Council. (CSS 2020) Introduction: The Council still "
        "mirrors the power map of 1945, when five states took permanent seats…</p>"
        "<a href='/a'>Read More</a></article>"
        "<article><h2><a href='/b'>Middle powers</a></h2><p>Middle powers have found new room "
        "in a world where the great powers compete more openly than at any time since…</p>"
        "<a href='/b'>Read More</a></article>"
        "<nav>Next Page</nav></body></html>", encoding="utf-8")
    with pytest.raises(NoAnswerOnPage, match="navigation page"):
        import_file(page)


def test_a_closing_bracket_names_the_paper_s_part_before_the_marks():
    line = parse_question("Q.No.4. Evaluate ties with the Central Asian states. "
                          "(CSS 2018 - Part-II) (20 marks)")
    assert line is not None
    assert (line.number, line.year, line.exam, line.part, line.marks) == (4, 2018, "CSS", "II",
                                                                          20)
    assert line.text == "Evaluate ties with the Central Asian states."


def test_an_urdu_question_line_with_urdu_digits_is_a_question():
    found = parse_question("سوال نمبر ۳: زکوٰۃ کے معاشی فوائد بیان کیجیے۔")
    assert found is not None and found.number == 3
    assert found.text == "زکوٰۃ کے معاشی فوائد بیان کیجیے۔"


def test_an_urdu_medium_answer_gives_its_urdu_headings_labels_and_the_papers_question(
        tmp_path):
    body = "روزہ انسان کو صبر اور ضبطِ نفس سکھاتا ہے اور معاشرے میں ہمدردی پیدا کرتا ہے۔ " * 3
    page = tmp_path / "roza.md"
    page.write_text(
        "**Q.No.6:** Discuss the moral benefits of fasting. (CSS 2021) (20)\n\n"
        "سوال نمبر 6: روزے کے اخلاقی فوائد بیان کیجیے۔\n\n"
        f"## تعارف\n\n{body}\n\n"
        f"### ۱۔ صبر کی تربیت\n\n{body}\n\n"  # noqa: RUF001 (an Urdu digit, as typed)
        "كُتِبَ عَلَيْكُمُ الصِّيَامُ\n\n"
        f"### ۲۔ ہمدردی کا جذبہ\n\n{body}\n\n"
        f"### ۳۔ سماجی مساوات\n\n{body}\n\n"
        f"## حاصلِ کلام\n\n{body}\n", encoding="utf-8")
    (answer,) = import_file(page)
    data = answer.data
    assert data["question"] == "Discuss the moral benefits of fasting."
    assert (data["number"], data["year"], data["marks"]) == (6, 2021, 20)
    assert [p["heading"] for p in data["points"]] == ["صبر کی تربیت", "ہمدردی کا جذبہ",
                                                      "سماجی مساوات"]
    assert data["introduction"].startswith("روزہ انسان")
    assert data["conclusion"].startswith("روزہ انسان")
    # The verse stays in its point, and the gist is the Urdu text's first sentence.
    assert "كُتِبَ عَلَيْكُمُ الصِّيَامُ" in data["points"][0]["body"]
    assert data["points"][0]["gist"] == body.split("۔", maxsplit=1)[0] + "۔"


@pytest.mark.parametrize(("typed", "cased"), [
    ("CHINA AND THE WORLD ORDER", "China and the World Order"),
    ("ROLE OF SAARC AND WTO", "Role of SAARC and WTO"),
    ("US-CHINA RIVALRY", "US-China Rivalry"),
    ("THE WAR ON TERROR", "The War on Terror"),
    ("Foreign Policy", "Foreign Policy"),
])
def test_a_topic_head_typed_in_capitals_is_set_in_title_case(typed, cased):
    from studypack.content.importing import head_case

    assert head_case(typed) == cased


def test_bulleted_and_ticked_lists_of_past_questions_become_question_records(tmp_path):
    chat = tmp_path / "list.txt"
    chat.write_text(
        "Economy questions, CSS only\n\n"
        "📈 INFLATION AND PRICES\n"
        "🔸 Why has inflation stayed high in Pakistan since 2022? (2023)\n"
        "🔸 “Subsidies help the rich more than the poor.” Comment. (2020)\n\n"
        "🏦 DEBT\n"
        "🔸 Pakistan borrows to repay old loans. Analyse the causes and suggest a cure. (2024)\n",
        encoding="utf-8")
    found = import_file(chat)
    assert [(a.data["year"], a.data["topics"][0]) for a in found] == [
        (2023, "Inflation and Prices"), (2020, "Inflation and Prices"), (2024, "Debt")]
    assert all(a.data["kind"] == "question" and a.data["exam"] == "CSS" for a in found)
    notes = tmp_path / "todo.md"
    notes.write_text(
        "## Social Change\n\n"
        "- [x] Discuss the effects of migration on family life in Pakistan. `CSS-2018` ⭐\n"
        "    - attempted, needs data\n"
        "- [ ] Why do some traditions resist change? Explain with examples. `PMS-2021`\n\n"
        "## Social Control\n\n"
        "- [ ] Compare formal and informal social control in villages. `CSS-2022`\n",
        encoding="utf-8")
    ticked = import_file(notes)
    assert [(a.data["exam"], a.data["year"], a.data["topics"][0]) for a in ticked] == [
        ("CSS", 2018, "Social Change"), ("PMS", 2021, "Social Change"),
        ("CSS", 2022, "Social Control")]
    assert ticked[0].data["question"] == ("Discuss the effects of migration on family life "
                                          "in Pakistan.")


def test_a_pandoc_handout_reads_its_spans_table_and_drops_its_footnotes(tmp_path):
    body = "The provinces gained control of many subjects after the amendment was passed. " * 3
    page = tmp_path / "handout.md"
    page.write_text(
        "  ---------------------------------------------\n"
        "  Subject            Year        Marks\n"
        "  ------------------ ----------- --------------\n"
        "  Pakistan Affairs   CSS 2019    20\n"
        "\n"
        "  ---------------------------------------------\n\n"
        "**Q.No.2:** Discuss the main features of the Eighteenth Amendment.\n\n"
        f"**[Introduction]{{.underline}}**\n\n{body}[^1]\n\n"
        f"**[Provincial Autonomy]{{.underline}}**\n\n{body}\n\n"
        f"**[Fiscal Powers]{{.underline}}**\n\n{body}\n\n"
        f"**[Conclusion]{{.underline}}**\n\n{body}\n\n"
        "[^1]: Learn the article numbers by heart.\n", encoding="utf-8")
    (answer,) = import_file(page)
    data = answer.data
    assert (data["paper"], data["exam"], data["year"], data["marks"], data["number"]) == (
        "Pakistan Affairs", "CSS", 2019, 20, 2)
    assert [p["heading"] for p in data["points"]] == ["Provincial Autonomy", "Fiscal Powers"]
    text = yaml.safe_dump(data, allow_unicode=True)
    assert "{.underline}" not in text and "by heart" not in text and "[^1]" not in text


def test_a_table_of_a_pages_facts_gives_exam_year_number_and_marks(tmp_path):
    body = "<p>" + "The treaty changed the balance of power in the region for decades. " * 4
    page = tmp_path / "facts.html"
    page.write_text(
        "<html><head><title>Solved answer</title></head><body><main><article>"
        "<h1>The Simla Agreement</h1>"
        "<table><tr><th>Exam</th><td>PMS</td><th>Year</th><td>2016</td></tr>"
        "<tr><td>Question No.</td><td>7</td><td>Marks</td><td>20</td></tr></table>"
        "<p>Evaluate the significance of the Simla Agreement for Pakistan.</p>"
        f"<p><b>Introduction:</b> {body[3:]}</p>"
        f"<p><b>Origins of the talks:</b> {body[3:]}</p>"
        f"<p><b>Terms of the agreement:</b> {body[3:]}</p>"
        f"<p><b>Effects on Kashmir:</b> {body[3:]}</p>"
        f"<p><b>Conclusion:</b> {body[3:]}</p>"
        "</article></main></body></html>", encoding="utf-8")
    (answer,) = import_file(page)
    data = answer.data
    assert (data["exam"], data["year"], data["number"], data["marks"]) == ("PMS", 2016, 7, 20)
    assert data["question"] == "Evaluate the significance of the Simla Agreement for Pakistan."


def _para(sentence: str, times: int = 4) -> str:
    return " ".join([sentence] * times)


def test_a_discord_copy_gives_the_mentors_answer_and_the_students_question(tmp_path):
    body = _para("Inflation erodes the real income of wage earners and savers alike.")
    chat = tmp_path / "discord.txt"
    chat.write_text(
        "# economics-help\n"
        "ali_r — 05/02/2024 8:01 PM\n"
        "need the answer for CSS 2021 economics Q3 pls\n"
        "\"Discuss the causes of inflation in Pakistan and suggest remedies.\" (20)\n"
        "Sir Kamran — 05/02/2024 8:30 PM\n"
        "@ali_r writing it below.\n"
        "[8:31 PM]\n"
        f"Intro —\n{body}\n"
        f"[8:35 PM]\n1) Demand pressure\n{body}\n"
        f"[8:38 PM]\n2) Cost push\n{body}\n"
        "ali_r — 05/02/2024 8:39 PM\n"
        "thanks sir!!\n"
        "Sir Kamran — 05/02/2024 8:44 PM\n"
        f"3) Exchange rate\n{body}\n"
        f"[8:50 PM]\nWrap-up:\n{body}\n"
        "👍 9 ❤️ 2\n", encoding="utf-8")
    (answer,) = import_file(chat)
    data = answer.data
    assert data["question"] == "Discuss the causes of inflation in Pakistan and suggest remedies."
    assert (data["year"], data["number"], data["marks"], data["paper"]) == (2021, 3, 20,
                                                                            "Economics")
    assert [p["heading"] for p in data["points"]] == ["Demand pressure", "Cost push",
                                                      "Exchange rate"]
    text = yaml.safe_dump(data, allow_unicode=True)
    assert "thanks sir" not in text and "👍" not in text and "@ali_r" not in text


def test_a_spreadsheet_and_a_year_wise_list_of_questions_give_question_records(tmp_path):
    sheet = tmp_path / "sheet.txt"
    sheet.write_text(
        "\tA\tB\tC\tD\tE\n"
        "1\tTopic\tQuestion\tExam\tYear\n"
        "2\tTrade\tWhy does Pakistan export so little? Suggest remedies.\tCSS\t2019\n"
        "3\t\tExplain the terms of trade and their effect on growth.\tPMS\t2021\n"
        "4\tDebt\tEvaluate the causes of Pakistan's rising public debt.\tCSS\t2023\n"
        "5\t\t\t\t\n", encoding="utf-8")
    found = import_file(sheet)
    assert [(a.data["exam"], a.data["year"], a.data["topics"][0]) for a in found] == [
        ("CSS", 2019, "Trade"), ("PMS", 2021, "Trade"), ("CSS", 2023, "Debt")]
    by_year = tmp_path / "years.txt"
    by_year.write_text(
        "Sociology past papers, year by year\n\n"
        "CSS 2022\n\n"
        "• Q2. Discuss the role of the family in socialisation.\n"
        "• Q5. Explain the causes of juvenile delinquency in cities. ★\n\n"
        "CSS 2021\n\n"
        "• Q2. Examine how the Protection of Women Act 2006 changed the law.\n"
        "• Q5. What is social stratification? Explain with examples.\n\n"
        "PMS Punjab 2020 (PPSC)\n\n"
        "• Q4. Evaluate the role of NGOs in rural development.\n", encoding="utf-8")
    listed = import_file(by_year)
    assert [(a.data["exam"], a.data["year"], a.data["number"]) for a in listed] == [
        ("CSS", 2022, 2), ("CSS", 2022, 5), ("CSS", 2021, 2), ("CSS", 2021, 5),
        ("PMS", 2020, 4)]
    assert listed[2].data["question"].endswith("Act 2006 changed the law.")
    assert all(a.data["topics"][0] != "CSS 2021" for a in listed)


def test_a_scanned_handwritten_page_and_a_layout_copy_read_their_question(tmp_path):
    body = _para("The family gives a child its first language, values and roles.")
    scan = tmp_path / "scan.txt"
    scan.write_text(
        "Date:_______          Page No. 1\n\n"
        "SOCIOLOGY    CSS-2020\n\n"
        "Q.N0.3  Discuss the family as an agent of socialisation.      (2O)\n\n"
        "lntroduction:-\n" + body + "\n\n"
        "1) Early learning\n" + body + "\n\n"
        "2) Values and roles\n" + body + "\n\n"
        "                                        Page No. 2\n\n"
        "3) Change in cities\n" + body + "\n\n"
        "Conclusion:-\n" + body + "\n", encoding="utf-8")
    (answer,) = import_file(scan)
    assert (answer.data["number"], answer.data["marks"], answer.data["year"]) == (3, 20, 2020)
    assert answer.data["introduction"].startswith("The family gives")
    assert "Page No" not in yaml.safe_dump(answer.data)
    layout = tmp_path / "layout.txt"
    words = ("Monetary policy works through banks and the cost of credit in the economy "
             "as a whole, week after week")
    layout.write_text(
        "      Q. No. 5   What is the role of the central bank in controlling inflation?\n"
        "                 Evaluate its record in recent years.                      (20)\n\n"
        "      INTRODUCTION\n\n" + "\n".join(f"      {words}." for _ in range(5)) + "\n\n"
        "      1.  Policy Rate\n\n" + "\n".join(f"      {words}." for _ in range(5)) + "\n\n"
        "      2.  Open Market Operations\n\n" + "\n".join(f"      {words}." for _ in range(5))
        + "\n\n      CONCLUSION\n\n" + "\n".join(f"      {words}." for _ in range(4)) + "\n",
        encoding="utf-8")
    (answer,) = import_file(layout)
    assert answer.data["question"] == ("What is the role of the central bank in controlling "
                                       "inflation? Evaluate its record in recent years.")
    assert answer.data["marks"] == 20


def test_an_essay_topic_line_gives_the_topic_and_the_essay_paper():
    found = parse_question("**Topic (CSS 2023):** Patience is the companion of wisdom")
    assert found is not None
    assert (found.text, found.year, found.exam, found.paper) == (
        "Patience is the companion of wisdom", 2023, "CSS", "English Essay")
    assert parse_question("Topic-wise Questions") is None


def test_a_facebook_post_with_emoji_markers_gives_its_outline_and_points(tmp_path):
    body = _para("The movement pressed for laws and then for their enforcement.")
    post = tmp_path / "post.txt"
    post.write_text(
        "CSS 2019 | Gender Studies | Q.No.4\n"
        "Seniors please check 🙏\n\n"
        "Q: Evaluate the role of women's organisations in Pakistan. (20)\n\n"
        "OUTLINE ✍️\n🔹 Introduction\n🔹 Early welfare work\n▫️ Refugee relief\n▫️ Schools\n"
        "🔹 Legal reform\n🔹 Conclusion\n\n"
        f"📌Introduction\n{body}\n\n"
        f"1️⃣ Early welfare work\n{body}\n\n"
        f"2️⃣ Legal reform\n{body}\n\n"
        f"3️⃣ Street activism\n{body}\n\n"
        f"📌Conclusion\n{body}\n", encoding="utf-8")
    (answer,) = import_file(post)
    data = answer.data
    assert (data["year"], data["number"], data["marks"]) == (2019, 4, 20)
    assert len(data["outline"]) == 4 and "Refugee relief" in data["outline"][1]
    assert [p["heading"] for p in data["points"]] == ["Early welfare work", "Legal reform",
                                                      "Street activism"]
    assert data["introduction"].startswith("The movement")


def test_a_bracket_under_the_question_and_a_remark_after_a_header_are_read(tmp_path):
    body = _para("Instability feeds on weak parties and repeated interruptions.")
    notes = tmp_path / "notes.txt"
    notes.write_text(
        "PAK AFFAIRS – MY NOTES\nTopic: Political Instability\n\n"
        "Q: Analyse the causes of political instability in Pakistan.\n"
        "(KPPSC PMS 2020, Q.3, 20 marks)\n\n"
        f"Introduction\n{body}\n\n1) Weak parties\n{body}\n\n2) Interventions\n{body}\n\n"
        f"3) Economic crises\n{body}\n\nConclusion\n{body}\n", encoding="utf-8")
    (answer,) = import_file(notes)
    data = answer.data
    assert data["question"] == "Analyse the causes of political instability in Pakistan."
    assert (data["exam"], data["year"], data["number"], data["marks"]) == ("PMS", 2020, 3, 20)
    assert parse_question("IR -- CSS 2023 -- Q.2 (typed from my exam attempt)").number == 2
    listed = parse_question("1. Differentiate between weather and climate. [2021]")
    assert listed is not None and listed.year == 2021
