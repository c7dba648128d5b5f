"""Answers with block quotations and pipe tables print as such; other Markdown is named.

Built for real and read back with pypdf: a quotation's words without its ``>``
marks and with its source, a table's cells in their columns with the header
repeated on the page a long table runs onto, and no raw ``|`` row or ``>``
line anywhere; ``check`` names every line of Markdown the format does not
print, with file:line:col and the field, and ``--strict`` refuses it.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from studypack.build import build_booklet

from .abuse.harness import run
from .conftest import ROOT

ANSWER = """\
id: test-2021-q2
exam: PMS
paper: Test Paper
year: 2021
number: 2
marks: 20
topics: [Testing]
question: Show that quotations and tables print as they should.
summary: Quotations are set apart with their source; tables keep their columns.
introduction: |
  An answer often rests on a witness's own words.

  > Weigh each source by who wrote it, when and for whom.
  > A date alone settles nothing.
  >
  > — A note on method, written for this test

  It often rests on figures as well.
points:
  - heading: Figures in a table
    body: |
      The yearly figures:

      | Year | Wheat (million tonnes) | Remark |
      |:-----|-----------------------:|:-------|
{rows}
      The rows above are made up for this test.
conclusion: |
  Both kinds of block print as the reader expects.
"""

ROWS = "\n".join(f"      | {1990 + n} | {20 + n * 0.5:.1f} | row {n} of the long table |"
                 for n in range(70)) + "\n"


@pytest.fixture
def rich(tmp_path: Path) -> Path:
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "rich.yaml").write_text(ANSWER.format(rows=ROWS), encoding="utf-8")
    return tmp_path


def _lines(pdf: Path) -> list[list[str]]:
    return [page.extract_text().split("\n") for page in PdfReader(pdf).pages]


def test_quotations_and_tables_print_as_blocks_not_as_markup(rich: Path) -> None:
    out = rich / "out.pdf"
    result = build_booklet(content=rich / "content", output=out, workspace=rich)
    pages = _lines(out)
    text = "\n".join(line for page in pages for line in page)
    assert "Weigh each source by who wrote it, when and for whom." in " ".join(text.split())
    assert "— A note on method, written for this test" in text
    assert not [line for line in text.split("\n") if re.match(r"\s*[>|]", line)]
    # pypdf reads a table cell by cell, a line each: a year, its figure, its remark.
    def rows(page: list[str]) -> list[int]:
        return [int(line) for line, after in zip(page, [*page[1:], ""], strict=True)
                if re.fullmatch(r"\d{4}", line) and re.fullmatch(r" ?\d+\.\d", after)]
    # Every row is there, each year whole, in reading order.
    assert [year for page in pages for year in rows(page)] == list(range(1990, 2060))
    # The long table runs over a page, and the header row opens each page it is on.
    table_pages = [page for page in pages if rows(page)]
    assert len(table_pages) >= 2
    for page in table_pages:
        first_row = page.index(str(rows(page)[0]))
        assert [line.strip() for line in page[first_row - 3:first_row]] == [
            "Year", "Wheat (million tonnes)", "Remark"], page[:first_row]
    assert result.pages == len(pages)


def test_the_sample_booklet_prints_no_raw_table_rows_or_quotation_marks(sample_reader) -> None:
    text = "\n".join(page.extract_text() for page in sample_reader.pages)
    assert not [line for line in text.split("\n") if re.match(r"\s*[>|]", line)]
    words = " ".join(text.split())
    assert "Punjab 51.74% Sindh 24.55%" in words and "2013 Extended Fund Facility" in words
    assert "— Lahore Resolution, 23 March 1940" in words


UNSUPPORTED = """\
id: test-2021-q3
exam: CSS
paper: Test Paper
year: 2021
number: 3
marks: 20
topics: [Testing]
question: What does the format refuse to print?
summary: Markdown from other tools is named, not printed as typed.
introduction: |
  Writers paste from other tools.
points:
  - heading: Carried over
    body: |
      ## A heading typed as Markdown

      Text with <b>tags</b> in it.

      ---

      | a | b |
      | c | d |

      ```
      code
      ```
conclusion: |
  Each is named with its line.
"""


def test_markdown_the_format_does_not_print_is_named_with_its_line(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "carried.yaml").write_text(UNSUPPORTED, encoding="utf-8")
    done = run(["check"], tmp_path)
    assert done.code == 0, done.text
    found = re.findall(r"content/carried\.yaml:(\d+):(\d+) points\[1\]\.body: (.+)", done.text)
    said = {(int(line), int(col)): text.split(";")[0] for line, col, text in found}
    assert said == {
        (15, 7): "a Markdown heading (#) prints with its # marks",
        (17, 7): "HTML tags print as typed",
        (19, 7): "a rule (---, *** or ___) prints as the characters typed",
        (21, 7): "a table row prints as the characters typed unless a line of dashes "
                 "(|---|---|) follows the header row",
        (24, 7): "a code block (```) is not part of the answer format",
        (26, 7): "a code block (```) is not part of the answer format",
    }
    strict = run(["check", "--strict"], tmp_path)
    assert strict.code == 1 and "--strict: the 6 warnings above count as problems" in strict.text


def test_the_shipped_answers_carry_no_unprinted_markdown() -> None:
    done = run(["check", "--strict"], ROOT)
    assert done.code == 0, done.text


FIGURES = """\
id: test-2022-q4
exam: CSS
paper: Test Paper
year: 2022
number: 4
marks: 20
topics: [Testing]
question: Show that figures print beside the text they belong to.
summary: A wide map and a tall chart print inside the column, numbered and captioned.
introduction: |
  A map first.

  ![A wide map](figures/wide.png)
points:
  - heading: A tall chart
    body: |
      The chart below is far taller than a page.

      ![A tall chart](figures/tall.svg)
conclusion: |
  Both fit.
"""


def _figures_workspace(root: Path) -> Path:
    from PIL import Image

    (root / "content" / "figures").mkdir(parents=True)
    Image.new("RGB", (3000, 600), (29, 78, 110)).save(root / "content" / "figures" / "wide.png")
    (root / "content" / "figures" / "tall.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="2000">'
        '<rect width="200" height="2000" fill="#7a2e2e"/></svg>', encoding="utf-8")
    (root / "content" / "figures.yaml").write_text(FIGURES, encoding="utf-8")
    return root


def test_figures_fit_the_column_and_half_the_page_with_numbered_captions(tmp_path: Path
                                                                          ) -> None:
    from studypack.theme import load_theme

    ws = _figures_workspace(tmp_path)
    out = ws / "out.pdf"
    build_booklet(content=ws / "content", output=out, workspace=ws)
    reader = PdfReader(out)
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    assert "Figure 1. A wide map" in text and "Figure 2. A tall chart" in text
    theme = load_theme("classic", None)
    column = theme.page_size[0] - theme.margin("inner") - theme.margin("outer")
    depth = theme.page_size[1] - theme.margin("top") - theme.margin("bottom")
    placed = []
    for page in reader.pages:
        data = page.get_contents().get_data()
        placed += [tuple(float(v) for v in m.groups()) for m in re.finditer(
            rb"q\s+([\d.]+) 0 0 ([\d.]+) ([\d.]+) ([\d.]+) cm\s*/\S+ Do", data)]
    (width, height, _, _), = placed  # the PNG, drawn as an image: the column's width
    assert width == pytest.approx(column, abs=0.5) and height == pytest.approx(column / 5,
                                                                               abs=0.5)
    # The tall chart, measured as a reader sees it: the page at 72 dpi (a pixel a
    # point), its red rows counted. Half the text area's depth.
    import pypdfium2 as pdfium

    tall = next(n for n, page in enumerate(reader.pages)
                if "Figure 2." in page.extract_text())
    document = pdfium.PdfDocument(out)
    picture = document[tall].render(scale=1).to_pil().convert("RGB")
    document.close()
    red = [y for y in range(picture.height)
           if any(picture.getpixel((x, y)) == (122, 46, 46) for x in range(0, picture.width, 4))]
    assert len(red) == pytest.approx(depth * 0.5, abs=2)


def test_a_figure_that_cannot_be_used_is_named_with_its_line(tmp_path: Path) -> None:
    ws = _figures_workspace(tmp_path)
    answer = ws / "content" / "figures.yaml"
    answer.write_text(FIGURES.replace("figures/wide.png", "figures/missing.png")
                      .replace("figures/tall.svg", "../outside.svg"),
                      encoding="utf-8")
    done = run(["check"], ws)
    assert done.code == 1, done.text
    assert ("content/figures.yaml:13:3 introduction: figure: there is no "
            "content/figures/missing.png; name the image by its path from the answer file's "
            "folder") in done.text
    assert ("content/figures.yaml:19:7 points[1].body: figure: '../outside.svg' points "
            "outside the answer's folder") in done.text


def test_an_image_outside_running_text_is_warned_of(tmp_path: Path) -> None:
    ws = _figures_workspace(tmp_path)
    answer = ws / "content" / "figures.yaml"
    answer.write_text(FIGURES.replace("summary: A wide map",
                                      "summary: See ![x](figures/wide.png) a wide map"),
                      encoding="utf-8")
    done = run(["check"], ws)
    assert done.code == 0, done.text
    assert ("content/figures.yaml:9:10 summary: an image prints only as a figure") in done.text


def test_a_redrawn_figure_lays_its_answer_out_again(tmp_path: Path) -> None:
    from PIL import Image

    ws = _figures_workspace(tmp_path)
    first = run(["build", "--content", "content"], ws)
    assert first.code == 0, first.text
    before = (ws / "out" / "booklet.pdf").read_bytes()
    Image.new("RGB", (3000, 600), (122, 46, 46)).save(ws / "content" / "figures" / "wide.png")
    again = run(["build", "--content", "content"], ws)
    assert again.code == 0, again.text
    assert (ws / "out" / "booklet.pdf").read_bytes() != before


SLIPS = """\
id: test-2023-q5
exam: CSS
paper: Test Paper
year: 2023
number: 5
marks: 20
topics: [Testing]
question: Which slips does check catch in quotations and tables?
summary: |
  | A | B |
  |---|---|
  | 1 | 2 |
introduction: |
  Inflation was very high:
  > 20% in most months.

  Turnout fell.
  > It is a quotation now.

  | One | Two |
  |-----|-----|
  | a | b | c | d |

  Struck ~~words~~ here.
points:
  - heading: Only point
    body: Text.
conclusion: |
  Done.
"""


def test_slips_with_quotations_and_tables_are_named(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "slips.yaml").write_text(SLIPS, encoding="utf-8")
    done = run(["check"], tmp_path)
    assert done.code == 0, done.text
    found = re.findall(r"content/slips\.yaml:(\d+):(\d+) (\S+): (.+)", done.text)
    said = {(int(line), field): text.split(";")[0] for line, _, field, text in found}
    assert said == {
        (10, "summary"): "a table prints only in an introduction, a point's or section's "
                         "body, or the conclusion",
        (15, "introduction"): "a line starting with '>' is a quotation, so '> 20%' prints as "
                              "'20%'",
        (18, "introduction"): "a line starting with '>' right under text starts a quotation "
                              "there",
        (22, "introduction"): "this row has 4 cells and the header 2",
        (24, "introduction"): "strikethrough (~~…~~) prints with its ~ marks",
    }


def test_an_urdu_couplet_quoted_keeps_its_lines_in_order_and_its_source(tmp_path: Path
                                                                         ) -> None:
    # The couplet is set in Nastaliq, each line on its own; the text laid under the
    # glyphs (what a reader copies) gives the lines in order, then the source.
    long_line = " ".join(["\u062e\u0648\u062f\u06cc", "\u06a9\u0648", "\u06a9\u0631",
                          "\u0628\u0644\u0646\u062f", "\u0627\u062a\u0646\u0627",
                          "\u06a9\u06c1", "\u06c1\u0631"])
    short_line = "\u062e\u062f\u0627 \u0628\u0646\u062f\u06d2"
    text = ANSWER.format(rows=ROWS).replace(
        "  It often rests on figures as well.",
        f"  > {long_line}\n  > {short_line}\n  >\n  > \u2014 \u0627\u0642\u0628\u0627\u0644"
        "\n\n  It often rests on figures as well.")
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "rich.yaml").write_text(text, encoding="utf-8")
    out = tmp_path / "out.pdf"
    build_booklet(content=tmp_path / "content", output=out, workspace=tmp_path)
    lines = [" ".join(line.split()) for page in PdfReader(out).pages
             for line in page.extract_text().splitlines()]
    first, second = lines.index(long_line), lines.index(short_line)
    assert second == first + 1  # each line of the couplet on its own, in order
    assert any("\u0627\u0642\u0628\u0627\u0644" in line for line in lines[second + 1:])
    fonts = {str(f.get_object()["/BaseFont"]) for page in PdfReader(out).pages
             for f in page["/Resources"]["/Font"].values()}
    assert any("NotoNastaliqUrdu" in f for f in fonts)


def _table_answer(columns: int) -> str:
    header = " | ".join(f"Instrument{n}" for n in range(columns))
    row = " | ".join(f"Exchange-rate adjustment {n}" for n in range(columns))
    body = (f"      | {header} |\n      |{'---|' * columns}\n      | {row} |\n")
    return ANSWER.format(rows="").replace(
        "      | Year | Wheat (million tonnes) | Remark |\n"
        "      |:-----|-----------------------:|:-------|\n", body)


def test_a_wide_table_is_set_smaller_rather_than_breaking_its_words(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "wide.yaml").write_text(_table_answer(6), encoding="utf-8")
    out = tmp_path / "out.pdf"
    build_booklet(content=tmp_path / "content", output=out, workspace=tmp_path, strict=True)
    words = " ".join(page.extract_text() for page in PdfReader(out).pages).split()
    assert [w for w in words if w.startswith("Instrument")] == [
        f"Instrument{n}" for n in range(6)]


def test_a_table_too_wide_even_when_set_smaller_is_warned_of(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "wide.yaml").write_text(_table_answer(14), encoding="utf-8")
    done = run(["build", "--content", "content", "--strict"], tmp_path)
    assert done.code == 1
    assert ("content/wide.yaml: a table of 14 columns is too wide for the page even at 70% "
            "of its type size") in done.text
