"""Pack inputs that once went wrong in review; each stays fixed."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from studypack.build import build_pack
from studypack.cli import app
from studypack.errors import ContentError

from .conftest import ROOT
from .pdfs import make_pdf

runner = CliRunner()


@pytest.fixture
def ws(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(ROOT / "content", tmp_path / "content")
    make_pdf(tmp_path / "notes.pdf", ["Notes one", "Notes two", "Notes three"])
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _pack(ws: Path, body: str, name: str = "p") -> Path:
    path = ws / "content" / "packs" / f"{name}.yaml"
    path.write_text(f"title: Review pack\n{body}", encoding="utf-8")
    return path


def _problems(ws: Path, path: Path) -> str:
    with pytest.raises(ContentError) as caught:
        build_pack(pack=path, content=ws / "content", workspace=ws)
    return "\n".join(str(d) for d in caught.value.diagnostics)


def test_the_same_pdf_may_be_included_twice(ws):
    path = _pack(ws, "select: {topics: [Kashmir]}\ninclude:\n"
                     "  - {file: notes.pdf, title: Notes, where: before, section: Kashmir}\n"
                     "  - {file: notes.pdf, title: Notes again}\n")
    result = build_pack(pack=path, content=ws / "content", workspace=ws)
    text = [p.extract_text() for p in PdfReader(result.path).pages]
    assert sum("Notes one" in t for t in text) == 2
    assert b"/tmp" not in result.path.read_bytes()  # no folder names leak into the PDF


def test_pack_all_builds_every_good_pack_and_lists_the_bad(ws):
    _pack(ws, "select: {topics: [Foreign Polcy]}\n", "b-bad")
    result = runner.invoke(app, ["pack", "--all"])
    assert result.exit_code == 1
    assert "b-bad.yaml:2:19 select.topics[1]: no answer has the topic" in result.output
    assert "1 of 5 packs failed" in result.output
    for name in ("foreign-policy", "recent-papers", "constitution-with-notes"):
        assert (ws / "out" / "packs" / f"{name}.pdf").is_file()


def test_ids_match_ignoring_case_in_ids_and_exclude(ws):
    path = _pack(ws, "select:\n  topics: [Foreign Policy, Kashmir]\n"
                     "  exclude: [CSS-2015-PAKISTAN-AFFAIRS-Q6]\n")
    result = build_pack(pack=path, content=ws / "content", workspace=ws)
    assert "css-2015-pakistan-affairs-q6" not in result.start_pages
    path = _pack(ws, "select:\n  ids: [CSS-2022-Pakistan-Affairs-Q8]\n")
    result = build_pack(pack=path, content=ws / "content", workspace=ws)
    assert list(result.start_pages) == ["css-2022-pakistan-affairs-q8"]


def test_an_output_that_is_an_input_is_refused(ws):
    body = "select: {topics: [Kashmir]}\ninclude:\n  - {file: notes.pdf, title: Notes}\n"
    problems = _problems(ws, _pack(ws, body + "output: notes.pdf\n"))
    assert "include[1].file: notes.pdf is also this pack's output" in problems
    problems = _problems(ws, _pack(ws, body + "output: content/packs/p.yaml\n"))
    assert "output: content/packs/p.yaml is an input of this build" in problems
    answer = next((ws / "content").glob("*/*.yaml"))
    spelled = f"content/../{answer.relative_to(ws).as_posix()}"
    problems = _problems(ws, _pack(ws, body + f"output: {spelled}\n"))
    assert f"output: {answer.relative_to(ws).as_posix()} is an input of this build" in problems
    (ws / "linked.pdf").symlink_to(answer)
    problems = _problems(ws, _pack(ws, body + "output: linked.pdf\n"))
    assert (f"output: linked.pdf is a symbolic link (to {answer}); studypack never writes "
            "through a link") in problems
    problems = _problems(ws, _pack(ws, body + "output: out/x.txt\n"))
    assert "output: out/x.txt is not a .pdf file name" in problems
    assert (ws / "notes.pdf").read_bytes().startswith(b"%PDF")


def test_year_sections_backwards_ranges_and_repeated_blocks(ws):
    path = _pack(ws, "select: {years: 2021-2025}\ngroup_by: year\nsections: [2023, 2021]\n")
    result = build_pack(pack=path, content=ws / "content", workspace=ws)
    outline = [o.title for o in PdfReader(result.path).outline if not isinstance(o, list)]
    assert outline[:3] == ["Contents", "2023", "2021"]
    problems = _problems(ws, _pack(ws, "select: {years: 2025-2015}\n"))
    assert "select.years: the range runs backwards; write 2015-2025" in problems
    problems = _problems(ws, _pack(ws, "select: {years: 2015}\nblocks: [answer, answer]\n"))
    assert "blocks: names a block twice" in problems


def test_duplex_front_matter_folio_counts_its_blank_verso(ws):
    path = _pack(ws, "select: {topics: [Kashmir]}\nduplex: true\n")
    reader = PdfReader(build_pack(pack=path, content=ws / "content", workspace=ws).path)
    labels = reader.page_labels
    front = sum(1 for label in labels if not label.isdigit())
    assert front % 2 == 0
    assert f"Page iii of {labels[front - 1]}" in reader.pages[2].extract_text()


def test_check_validates_packs_and_warns_of_unprintable_characters(ws):
    _pack(ws, "select: {topics: [Foreign Polcy]}\n", "bad")
    result = runner.invoke(app, ["check", "content/packs/bad.yaml"])
    assert result.exit_code == 1 and "did you mean 'Foreign Policy'?" in result.output
    (ws / "content" / "packs" / "bad.yaml").unlink()
    answer = ws / "content" / "pakistan-affairs" / "2019-q3.yaml"
    answer.write_text(answer.read_text().replace("summary: >", "summary: >\n  ⌘ Key."))
    result = runner.invoke(app, ["check"])
    assert result.exit_code == 0, result.output
    assert "content/pakistan-affairs/2019-q3.yaml:" in result.output and "U+2318" in result.output


def test_handouts_of_a_pack_do_not_linger_after_its_selection_shrinks(ws):
    path = _pack(ws, "select: {topics: [Foreign Policy]}\nhandouts: true\n", "h")
    assert runner.invoke(app, ["pack", str(path)]).exit_code == 0
    folder = ws / "out" / "packs" / "h-handouts"
    assert len(list(folder.glob("*.pdf"))) == 4
    path.write_text(path.read_text().replace("[Foreign Policy]", "[Kashmir]"))
    assert runner.invoke(app, ["pack", str(path)]).exit_code == 0
    assert [p.name for p in folder.glob("*.pdf")] == ["css-2015-pakistan-affairs-q6.pdf"]


def test_pack_brand_can_remove_marks_and_keeps_one_back_cover(ws):
    (ws / "brand.yaml").write_text("centre: Test Centre\nwatermark: Draft\n"
                                   "back_cover: Classes daily.\n")
    path = _pack(ws, "select: {topics: [Kashmir]}\nduplex: true\n")
    reader = PdfReader(build_pack(pack=path, content=ws / "content", workspace=ws).path)
    backs = [i for i, p in enumerate(reader.pages) if "Classes daily." in p.extract_text()]
    assert backs == [len(reader.pages) - 1] and backs[0] % 2 == 1  # one, on a verso
    last_body = reader.pages[backs[0] - 1].extract_text()
    labels = reader.page_labels
    assert labels[-1] == "Back cover"
    numbered = sum(1 for label in labels if label.isdigit())
    assert "Draft" in reader.pages[2].extract_text()
    body = " ".join(p.extract_text() for p in reader.pages[2:backs[0]])
    totals = set(re.findall(r"Page \d+ of (\d+)", body))
    assert totals == {str(numbered)}
    assert "Classes daily." not in last_body
    path.write_text(path.read_text() + "brand:\n  watermark: null\n  back_cover: ''\n")
    reader = PdfReader(build_pack(pack=path, content=ws / "content", workspace=ws).path)
    text = " ".join(p.extract_text() for p in reader.pages)
    assert "Draft" not in text and "Classes daily." not in text and "Test Centre" in text


def test_an_included_pdf_of_another_size_is_warned_about(ws):
    from reportlab.lib.pagesizes import letter
    from reportlab.pdfgen.canvas import Canvas
    canv = Canvas(str(ws / "letter.pdf"), pagesize=letter, invariant=1)
    canv.rect(72, 72, 100, 100)
    canv.showPage()
    canv.save()
    path = _pack(ws, "select: {topics: [Kashmir]}\ninclude:\n"
                     "  - {file: letter.pdf, title: Letter notes}\n")
    with pytest.warns(UserWarning, match=r"letter.pdf: page 1 is 612 × 792 pt"):
        build_pack(pack=path, content=ws / "content", workspace=ws)


def test_sections_laid_out_in_two_processes_give_the_same_pdf(ws):
    path = _pack(ws, "select: {years: 2015-2025}\ngroup_by: paper\n")
    one = build_pack(pack=path, content=ws / "content", workspace=ws, processes=1,
                     output=ws / "out" / "one.pdf")
    two = build_pack(pack=path, content=ws / "content", workspace=ws, processes=2,
                     output=ws / "out" / "two.pdf")
    assert one.path.read_bytes() == two.path.read_bytes()
    assert len(PdfReader(two.path).pages) == one.pages


def test_a_pack_takes_the_workspace_layout_unless_it_names_its_own(ws):
    path = _pack(ws, "select: {years: 2015-2025}\n")
    pages = {}
    for layout in ("classic", "compact"):
        (ws / "studypack.yaml").write_text(f"layout: {layout}\n", encoding="utf-8")
        pages[layout] = build_pack(pack=path, content=ws / "content", workspace=ws).pages
    assert pages["compact"] < pages["classic"]
    path = _pack(ws, "select: {years: 2015-2025}\nlayout: classic\n")
    assert build_pack(pack=path, content=ws / "content", workspace=ws).pages == pages["classic"]
    (ws / "studypack.yaml").write_text("layout: compakt\n", encoding="utf-8")
    assert runner.invoke(app, ["pack", str(path)]).exit_code == 0  # it names its own
    path = _pack(ws, "select: {years: 2015-2025}\n")
    for command in (["pack", str(path)], ["check", str(path)], ["check"]):
        result = runner.invoke(app, command)
        assert result.exit_code == 1
        assert result.output.count("studypack.yaml:1:9 layout: no layout named 'compakt'; "
                                   "did you mean 'compact'?") == 1, result.output


def test_a_field_at_the_wrong_level_is_told_where_it_belongs(ws):
    problems = _problems(ws, _pack(ws, "years: 2015-2025\nselect: {topics: [Kashmir]}\n"))
    assert ("content/packs/p.yaml:2:1 years: is not a field here; it belongs under 'select:'"
            in problems)
    problems = _problems(ws, _pack(ws, "select: {topics: [Kashmir], output: x.pdf}\n"))
    assert ("select.output: is not a field here; it belongs at the top level of the file"
            in problems)


def test_check_strict_fails_where_a_strict_build_would(ws):
    (ws / "brand.yaml").write_text('accent: "#f0f0f0"\n', encoding="utf-8")
    result = runner.invoke(app, ["check", "--strict"])
    assert result.exit_code == 1 and "too light for headings" in result.output
    assert runner.invoke(app, ["build", "--strict"]).exit_code == 1
    (ws / "brand.yaml").unlink()
    from reportlab.lib.pagesizes import LETTER
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(ws / "letter.pdf"), pagesize=LETTER)
    canvas.drawString(72, 700, "A Letter page")
    canvas.save()
    path = _pack(ws, "select: {topics: [Kashmir]}\ninclude:\n"
                     "  - {file: letter.pdf, title: Letter notes}\n")
    for command in (["check", "--strict", str(path)], ["pack", "--strict", str(path)]):
        result = runner.invoke(app, command)
        assert result.exit_code == 1, (command, result.output)
        assert "letter.pdf: page 1 is 612 × 792 pt" in result.output


def test_check_warns_of_pack_text_no_font_can_print_as_pack_strict_does(ws):
    path = _pack(ws, 'subtitle: "Draft \u8349"\nselect: {topics: [Kashmir]}\n')
    for command in (["check", "--strict", str(path)], ["pack", "--strict", str(path)]):
        result = runner.invoke(app, command)
        assert result.exit_code == 1, (command, result.output)
    result = runner.invoke(app, ["check", str(path)])
    assert "content/packs/p.yaml:2:18 '\u8349' (U+8349) is in no configured font" in (
        result.output)
