"""Whole builds: determinism, atomic output, awkward text, the CLI as a user runs it."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from typer.testing import CliRunner

from studypack import output as output_module
from studypack.build import build_booklet
from studypack.cli import app
from studypack.errors import ContentError, RenderError
from studypack.model import Brand

from .conftest import CONTENT, ROOT, started_workspace

runner = CliRunner()


def test_two_builds_are_byte_identical(tmp_path, sample_build):
    again = build_booklet(content=CONTENT, output=tmp_path / "again.pdf", title="CSS Study Pack",
                          subtitle="Sample subtitle", edition="Test edition 2026",
                          brand=Brand(centre="Test Centre"), workspace=ROOT)
    assert again.path.read_bytes() == sample_build.path.read_bytes()


def test_invalid_content_leaves_the_previous_pdf_untouched(workspace):
    out = workspace / "out" / "booklet.pdf"
    build_booklet(content=workspace / "content", output=out, workspace=workspace)
    before = out.read_bytes()
    bad = workspace / "content" / "x" / "a.yaml"
    bad.write_text(bad.read_text().replace("year: 2020", "year: soon"))
    with pytest.raises(ContentError):
        build_booklet(content=workspace / "content", output=out, workspace=workspace)
    assert out.read_bytes() == before
    assert [p.name for p in out.parent.iterdir()] == ["booklet.pdf"]


def test_a_failed_write_leaves_no_partial_file(workspace, monkeypatch):
    out = workspace / "out" / "booklet.pdf"

    def broken_replace(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(output_module.os, "replace", broken_replace)
    with pytest.raises(RenderError, match="the disk is full"):
        build_booklet(content=workspace / "content", output=out, workspace=workspace)
    assert not out.exists()
    assert list(out.parent.iterdir()) == []


TYPED = st.text(alphabet=st.sampled_from(list("abcXYZ019 &<>\"'“”‘’–—éïüçñ.,;()%$")),
                min_size=1, max_size=40).map(str.strip).filter(
                    # A line opening with "-", ">" or "1." is Markdown (a list, a quotation)
                    # that a summary does not print, and check warns of; so is an HTML tag
                    # ("<b>", "</a>"). Not typed text.
                    lambda s: s and any(c.isalnum() for c in s) and s[0] not in "->"
                    and not re.match(r"\d+[.)](?:\s|$)", s)
                    and not re.search(r"</?[A-Za-z]+\s*/?>", s))


@settings(max_examples=12, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(words=TYPED)
def test_any_typed_characters_come_out_exactly(workspace, words):
    answer = workspace / "content" / "x" / "a.yaml"
    text = answer.read_text()
    quoted = words.replace("\\", "\\\\").replace('"', '\\"')
    answer.write_text(text.replace("summary: A test that cannot fail proves nothing.",
                                   f'summary: "{quoted}"'))
    out = workspace / "out" / "h.pdf"
    build_booklet(content=workspace / "content", output=out, workspace=workspace)
    page = PdfReader(out).pages[2].extract_text()
    assert " ".join(words.split()) in " ".join(page.split())
    answer.write_text(text)


def test_long_words_and_urls_stay_inside_the_frame(workspace):
    answer = workspace / "content" / "x" / "a.yaml"
    url = "https://example.org/" + "very-long-path-segment-" * 12 + "end"
    answer.write_text(answer.read_text().replace(
        "Tests describe what the code must do.", f"See {url} and Pneumonoultramicroscopic"
        "silicovolcanoconiosisPneumonoultramicroscopicsilicovolcanoconiosis."))
    out = workspace / "out" / "long.pdf"
    build_booklet(content=workspace / "content", output=out, workspace=workspace)
    reader = PdfReader(out)
    width = float(reader.pages[0].mediabox.width)
    xs: list[float] = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            xs.append(tm[4] * cm[0] + cm[4])
    for page in reader.pages[2:]:
        page.extract_text(visitor_text=visit)
    assert xs and max(xs) < width - 30


def test_fallback_font_draws_characters_the_text_font_lacks(workspace):
    answer = workspace / "content" / "x" / "a.yaml"
    answer.write_text(answer.read_text().replace(
        "A test that cannot fail proves nothing.", "Greek α and β come from the fallback."))
    out = workspace / "out" / "greek.pdf"
    build_booklet(content=workspace / "content", output=out, workspace=workspace)
    page = PdfReader(out).pages[2]
    assert "Greek α and β" in page.extract_text()
    fonts = {f.get_object()["/BaseFont"] for f in page["/Resources"]["/Font"].values()}
    assert any("Lato-Regular" in str(f) for f in fonts)


def test_cli_build_check_list_outside_and_inside_a_workspace(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["build"])
    assert result.exit_code == 2
    assert "studypack init" in result.output and "Traceback" not in result.output
    result = runner.invoke(app, ["init", "ws"])
    assert result.exit_code == 0, result.output
    monkeypatch.chdir(tmp_path / "ws")
    result = runner.invoke(app, ["build"])
    assert result.exit_code == 0, result.output
    assert "Wrote out/booklet.pdf" in result.output and "pages" in result.output
    reader = PdfReader(tmp_path / "ws" / "out" / "booklet.pdf")
    assert "My Study Pack" in reader.pages[0].extract_text()
    assert runner.invoke(app, ["check"]).exit_code == 0
    listing = runner.invoke(app, ["list"])
    assert "Lahore" in listing.output or "Realism" in listing.output


def test_init_gives_the_workspace_a_centre_name_to_show(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["init", "al-noor_academy"])
    assert result.exit_code == 0, result.output
    assert "for 'Al Noor Academy' (from the folder's name)" in result.output
    result = runner.invoke(app, ["init", "second", "--centre", 'Ḥira "Evening" Academy'])
    assert result.exit_code == 0, result.output
    for folder, name in (("al-noor_academy", "Al Noor Academy"),
                         ("second", 'Ḥira "Evening" Academy')):
        monkeypatch.chdir(tmp_path / folder)
        assert runner.invoke(app, ["build"]).exit_code == 0
        reader = PdfReader(tmp_path / folder / "out" / "booklet.pdf")
        assert name in reader.pages[0].extract_text()  # on the cover
        assert name in reader.pages[-1].extract_text()  # and in the running head


def test_a_missing_content_folder_is_named_where_it_was_set_with_advice_that_fits(
        tmp_path, monkeypatch):
    ws, rows = started_workspace(tmp_path, monkeypatch, content="contnt")
    for command in (["build"], ["check"], ["list"], ["handout", "--all"]):
        result = runner.invoke(app, command)
        assert result.exit_code == 1, (command, result.output)
        assert (f"studypack.yaml:{rows['content']}:10 content: there is no folder 'contnt' "
                "here; did you mean 'content'?") in result.output
    result = runner.invoke(app, ["check", "nope"])
    assert result.exit_code == 2
    assert "nope is not a folder of answer files" in result.output
    assert "--content" not in result.output
    (ws / "studypack.yaml").write_text("title: T\n", encoding="utf-8")
    monkeypatch.chdir(ws / "content")
    for command in (["build"], ["pack", "--all"]):
        result = runner.invoke(app, command)
        assert result.exit_code == 2
        assert (f"This folder is inside the workspace {ws.resolve()}; run studypack there "
                "(cd ..).") in result.output
    monkeypatch.chdir(ws)
    (ws / "studypack.yaml").unlink()
    (ws / "content").rename(ws / "answers")
    result = runner.invoke(app, ["check"])
    assert "or give the folder: studypack check PATH" in result.output
    result = runner.invoke(app, ["build"])
    assert "or name the content folder (--content PATH)" in result.output


def _one_answer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str,
                edit: Callable[[str], str]) -> Path:
    """content/<name> in ``tmp_path`` (entered): the valid test answer, edited."""
    monkeypatch.chdir(tmp_path)
    answer = tmp_path / "content" / name
    answer.parent.mkdir()
    text = edit((Path(__file__).parent / "data" / "valid.yaml").read_text(encoding="utf-8"))
    answer.write_text(text, encoding="utf-8")
    return answer


def test_cli_check_counts_its_warnings_and_strict_fails_on_them(tmp_path, monkeypatch):
    answer = _one_answer(tmp_path, monkeypatch, "a.yaml",
                         lambda t: t.replace("  Tests earn", "  \u6f22 Tests earn", 1))
    assert "\u6f22" in answer.read_text(encoding="utf-8")
    result = runner.invoke(app, ["check"])
    assert result.exit_code == 0
    assert "'\u6f22' (U+6F22) is in no configured font" in result.output
    assert result.output.rstrip().endswith("are valid, with 1 warning (above).")
    result = runner.invoke(app, ["check", "--strict"])
    assert result.exit_code == 1
    assert "--strict: the warning above counts as a problem" in result.output


def test_cli_check_lists_every_problem_and_fails(tmp_path, monkeypatch):
    _one_answer(tmp_path, monkeypatch, "bad.yaml",
                lambda t: t.replace("year: 2020", "year: twenty").replace("exam: CSS\n", ""))
    result = runner.invoke(app, ["check"])
    assert result.exit_code == 1
    assert "content/bad.yaml:3:7 year: must be a whole number" in result.output
    assert "content/bad.yaml:1:1 exam: is required" in result.output
    assert "2 problems found." in result.output and "Traceback" not in result.output


def test_cli_unknown_layout_suggests_the_right_name(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    runner.invoke(app, ["init", "ws"])
    monkeypatch.chdir(tmp_path / "ws")
    result = runner.invoke(app, ["build", "--layout", "clasic"])
    assert result.exit_code == 2
    assert "did you mean 'classic'?" in result.output
