"""Layouts: every shipped layout on A4 and Letter, text inside its frame, heads clear of
the body; fonts from the fallback chain; watermark under the text; template errors.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from studypack.build import build_booklet
from studypack.cli import app
from studypack.errors import ContentError
from studypack.model import Brand
from studypack.theme import MM, load_theme

from .conftest import CONTENT, ROOT, started_workspace

LAYOUTS = ["classic", "compact", "handout", "print-mono"]


def _with_size(workspace: Path, layout: str, size: str) -> str:
    folder = workspace / "layouts" / f"{layout}-{size.lower()}"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "layout.yaml").write_text(f"extends: {layout}\npage:\n  size: {size}\n")
    return folder.name


def _runs(page) -> list[tuple[float, float, float, str]]:
    """(x, y, font size, text) of every text run on a page, in points."""
    runs: list[tuple[float, float, float, str]] = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            x, y = tm[4] * cm[0] + cm[4], tm[5] * cm[3] + cm[5]
            runs.append((x, y, size * abs(tm[0] or 1) * abs(cm[0] or 1), text))
    page.extract_text(visitor_text=visit)
    return runs


@pytest.mark.parametrize("size", ["A4", "Letter", "A5", "Legal"])
@pytest.mark.parametrize("layout", LAYOUTS)
def test_each_layout_keeps_text_inside_the_frame_and_heads_clear(tmp_path, layout, size):
    name = _with_size(tmp_path, layout, size)
    out = tmp_path / "out.pdf"
    build_booklet(content=CONTENT, output=out, layout=name, workspace=tmp_path)
    theme = load_theme(name, tmp_path)
    width, height = theme.page_size
    left, right = theme.margin("inner"), width - theme.margin("outer")
    top, bottom = height - theme.margin("top"), theme.margin("bottom")
    reader = PdfReader(out)
    assert reader.pages[0].mediabox.width == pytest.approx(width, abs=0.5)
    for number, page in enumerate(reader.pages[2:], 3):
        runs = _runs(page)
        head = [r for r in runs if r[1] > top]
        folio = [r for r in runs if r[1] < bottom]
        body = [r for r in runs if bottom <= r[1] <= top]
        assert body, f"page {number} has no body text"
        for x, _y, _size_pt, text in body:
            assert left - 1 <= x <= right, f"p{number}: {text!r} starts outside the frame"
        assert all(r[1] > top + 2 for r in head), f"p{number}: running head too low"
        lowest_head = min((r[1] for r in head), default=height)
        highest_body = max(r[1] + r[2] for r in body)
        assert highest_body < lowest_head, f"p{number}: body runs into the running head"
        assert any(re.match(r"Page [\divx]+ of [\divx]+", r[3]) for r in folio), (
            f"p{number}: no folio")


def test_compact_prints_fewer_pages_than_classic(tmp_path):
    pages = {}
    for layout in ("classic", "compact"):
        out = tmp_path / f"{layout}.pdf"
        pages[layout] = build_booklet(content=CONTENT, output=out, layout=layout,
                                      workspace=tmp_path).pages
    assert pages["compact"] < pages["classic"] * 0.75


def test_compact_sets_a_question_after_the_last_under_a_rule(tmp_path):
    # question_break: rule: a question of the same section starts on the page
    # where the one before it ends, when a third of the page is left.
    out = tmp_path / "compact.pdf"
    result = build_booklet(content=CONTENT, output=out, layout="compact", workspace=tmp_path)
    reader = PdfReader(out)
    shared = []
    for qid, start in result.start_pages.items():
        text = reader.pages[start - 1].extract_text()
        number = qid.rsplit("-q", 1)[1]
        band = text.find(f"\nQ{number}\n")
        if 0 < text.find("\nConclusion\n") < band:
            shared.append(qid)
    assert shared, "every question began a page of its own"
    classic = build_booklet(content=CONTENT, output=tmp_path / "classic.pdf",
                            workspace=tmp_path)
    for qid, start in classic.start_pages.items():
        text = PdfReader(classic.path).pages[start - 1].extract_text()
        assert "Conclusion" not in text.split(f"Q{qid.rsplit('-q', 1)[1]}")[0], qid


def test_print_mono_has_no_colour_or_tint(tmp_path):
    out = tmp_path / "mono.pdf"
    build_booklet(content=CONTENT, output=out, layout="print-mono", workspace=tmp_path)
    reader = PdfReader(out)
    colours = set()
    for page in reader.pages[:4]:
        data = page.get_contents().get_data().decode("latin-1")
        colours |= {tuple(float(v) for v in m) for m in
                    re.findall(r"([\d.]+) ([\d.]+) ([\d.]+) (?:rg|RG)", data)}
    assert colours and all(r == g == b for r, g, b in colours), colours - {
        c for c in colours if c[0] == c[1] == c[2]}


def test_fallback_glyphs_come_from_the_fallback_font_in_the_right_style(workspace):
    answer = workspace / "content" / "x" / "a.yaml"
    answer.write_text(answer.read_text().replace(
        "question: Explain why tests should be able to fail.",
        "question: Explain why α matters."))
    out = workspace / "out" / "greek.pdf"
    build_booklet(content=workspace / "content", output=out, workspace=workspace)
    page = PdfReader(out).pages[2]
    fonts = {str(f.get_object()["/BaseFont"]) for f in page["/Resources"]["/Font"].values()}
    # The question is set in italic, so its α comes from the fallback's italic face.
    assert any(f.endswith("Lato-Italic") for f in fonts), fonts
    assert "Explain why α matters." in page.extract_text()


def test_watermark_is_drawn_before_and_under_the_text(workspace):
    out = workspace / "out" / "wm.pdf"
    build_booklet(content=workspace / "content", output=out, workspace=workspace,
                  brand=Brand(centre="Test Centre", watermark="Sample – not for sale"))
    reader = PdfReader(out)
    # Every page but the cover, where it crossed the title.
    assert "Sample" not in reader.pages[0].extract_text()
    assert b"/gRLs" not in reader.pages[0].get_contents().get_data()
    for page in reader.pages[1:]:
        data = page.get_contents().get_data()
        alpha = data.find(b"/gRLs")  # the faint graphics state the watermark sets
        assert alpha != -1, "no watermark on a page"
        first_text = data.find(b"BT")
        assert alpha < first_text, "watermark drawn over the text"
    assert "Sample – not for sale" in reader.pages[-1].extract_text()


def test_a_watermark_borrows_fallback_glyphs_and_warns_of_the_missing(workspace):
    out = workspace / "out" / "wm.pdf"
    with pytest.warns(UserWarning, match=r"brand watermark: no configured font has 草"):
        build_booklet(content=workspace / "content", output=out, workspace=workspace,
                      brand=Brand(watermark="Draft \u2713 \u8349"))
    text = PdfReader(out).pages[-1].extract_text()
    assert "Draft \u2713" in text  # the tick, from a fallback font, is printed


def test_back_cover_with_svg_logo_closes_the_booklet_on_a_verso_in_duplex(workspace):
    logo = workspace / "logo.svg"
    logo.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40">'
                    '<rect width="120" height="40" fill="#1d4e6e"/></svg>')
    out = workspace / "out" / "back.pdf"
    result = build_booklet(content=workspace / "content", output=out, workspace=workspace,
                           duplex=True, brand=Brand(centre="Test Centre", logo=str(logo),
                                                    back_cover="**Classes** daily."))
    reader = PdfReader(out)
    last = reader.pages[-1].extract_text()
    assert "Test Centre" in last and "Classes daily." in last
    assert result.pages % 2 == 0


def test_the_back_cover_is_centred_under_its_logo_and_carries_no_watermark(workspace):
    import pypdfium2 as pdfium

    out = workspace / "out" / "back.pdf"
    build_booklet(content=workspace / "content", output=out, workspace=workspace,
                  brand=Brand(centre="Test Centre", watermark="Not for resale",
                              back_cover="Classes daily, four to eight."))
    assert "Not for resale" not in PdfReader(out).pages[-1].extract_text()
    document = pdfium.PdfDocument(out)
    try:
        bitmap = document[len(document) - 1].render(scale=1, grayscale=True)
        pixels, stride, width = bytes(bitmap.buffer), bitmap.stride, bitmap.width
        # The centre's lines, in the back frame's band (between 38% and 80% down).
        rows = range(int(bitmap.height * 0.38), int(bitmap.height * 0.8))
        inked = [x for y in rows for x in range(width) if pixels[y * stride + x] < 200]
    finally:
        document.close()
    assert inked
    middle = (min(inked) + max(inked)) / 2
    assert abs(middle - width / 2) < 3, (middle, width / 2)  # centred on the page


def test_template_typo_names_the_template_and_line(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    assert runner.invoke(app, ["init", "ws"]).exit_code == 0
    templates = tmp_path / "ws" / "layouts" / "my-centre" / "templates"
    templates.mkdir()
    (templates / "folio.j2").write_text('{% extends "base/folio.j2" %}\n')
    monkeypatch.chdir(tmp_path / "ws")
    assert runner.invoke(app, ["build"]).exit_code == 0  # extends the base one
    (templates / "folio.j2").write_text("Page {{ page_label }}\nof {{ last_lable }}\n")
    result = runner.invoke(app, ["build"])
    assert result.exit_code == 1
    assert "layouts/my-centre/templates/folio.j2:2" in result.output
    assert "'last_lable' is undefined" in result.output


def test_studypack_yaml_layout_and_output_problems_are_named_with_their_lines(tmp_path,
                                                                             monkeypatch):
    ws, rows = started_workspace(tmp_path, monkeypatch, layout="clasic", output="out/booklet")
    runner = CliRunner()
    settings = ws / "studypack.yaml"
    for command in (["build"], ["check"]):
        result = runner.invoke(app, command)
        assert result.exit_code == 1
        assert (f"studypack.yaml:{rows['layout']}:9 layout: no layout named 'clasic'; did you "
                "mean 'classic'?") in result.output
        assert (f"studypack.yaml:{rows['output']}:9 output: out/booklet is not a .pdf file "
                "name") in result.output
        assert "2 problems found." in result.output and "Traceback" not in result.output
    assert not (ws / "out" / "booklet.pdf").exists()
    # A command that does not use a setting is not stopped by its problem.
    result = runner.invoke(app, ["build", "--layout", "classic", "-o", "out/b.pdf"])
    assert result.exit_code == 0, result.output
    assert runner.invoke(app, ["list"]).exit_code == 0
    result = runner.invoke(app, ["build", "-o", "out/b.pdf"])
    assert result.exit_code == 1 and "layout: no layout named 'clasic'" in result.output
    assert "output:" not in result.output
    settings.write_text("layout: 5\noutput:\n", encoding="utf-8")  # wrong in form, too
    result = runner.invoke(app, ["build", "--layout", "classic", "-o", "out/b.pdf"])
    assert result.exit_code == 0, result.output
    assert runner.invoke(app, ["list"]).exit_code == 0
    result = runner.invoke(app, ["build"])
    assert result.exit_code == 1 and "2 problems found." in result.output
    settings.write_text("title: T\n", encoding="utf-8")
    for name in ("out/book.txt", ".pdf", "out/.pdf", ""):
        result = runner.invoke(app, ["build", "-o", name])
        assert result.exit_code == 2, (name, result.output)
        assert "-o/--output:" in result.output and "name the PDF, e.g." in result.output
    assert not (ws / "out" / "book.txt").exists()


def test_absurd_margins_are_refused_with_the_line(tmp_path):
    folder = tmp_path / "layouts" / "wide"
    folder.mkdir(parents=True)
    (folder / "layout.yaml").write_text(
        "extends: classic\npage:\n  size: A5\n  margins_mm: {top: 20, bottom: 20, inner: 60,"
        " outer: 60}\n")
    with pytest.raises(ContentError) as caught:
        load_theme("wide", tmp_path)
    message = str(caught.value)
    assert ("layout.yaml:4:44 page.margins_mm.inner: the margins leave 79 pt (28 mm) of text "
            "width on A5") in message
    assert 148 * MM > 0


def test_unusable_fonts_are_refused_with_what_to_use(tmp_path):
    from studypack.errors import FontError
    from studypack.theme.fonts import resolve_family

    fonts = tmp_path / "fonts"
    fonts.mkdir()
    (fonts / "Cff-Regular.ttf").write_bytes(b"OTTO" + bytes(60))
    with pytest.raises(FontError, match="CFF outlines, which ReportLab cannot embed"):
        resolve_family("Cff", fonts)
    with pytest.raises(FontError, match="not installed"):
        resolve_family("No Such Family", fonts)
    shutil.copy(ROOT / "content" / "extra" / "centre-logo.png", fonts / "Png-Regular.ttf")
    with pytest.raises(FontError, match="is not a TrueType font file"):
        resolve_family("Png", fonts)


def test_arabic_and_urdu_in_english_text_are_shaped_each_in_its_face(workspace):
    answer = workspace / "content" / "x" / "a.yaml"
    answer.write_text(answer.read_text().replace(
        "summary: A test that cannot fail proves nothing.",
        "summary: The verse بِسْمِ اللَّهِ (1:1) and Iqbal's خودی open it."))
    out = workspace / "out" / "arabic.pdf"
    build_booklet(content=workspace / "content", output=out, workspace=workspace)
    page = PdfReader(out).pages[2]
    forms = {str(name) for name in page["/Resources"]["/XObject"]}
    # Each glyph HarfBuzz placed is drawn from its font's outline: Naskh for the verse,
    # Nastaliq for the Urdu word.
    assert any(name.startswith("/FormXob.Amiri-Regular.") for name in forms), forms
    assert any(name.startswith("/FormXob.NotoNastaliqUrdu-Regular.") for name in forms), forms
    text = " ".join(page.extract_text().split())
    assert "The verse بِسْمِ اللَّهِ (1:1) and Iqbal's خودی open it." in text, text


def test_a_long_arabic_verse_keeps_its_lines_in_reading_order(workspace):
    from studypack.render.arabic import RightToLeftParagraph, paragraph_faces
    from studypack.render.fonts import register_theme_fonts
    from studypack.render.inline import mostly_arabic
    from studypack.theme import load_theme

    verse = ("إِنَّ فِي خَلْقِ السَّمَاوَاتِ وَالْأَرْضِ وَاخْتِلَافِ اللَّيْلِ وَالنَّهَارِ "
             "لَآيَاتٍ لِأُولِي الْأَلْبَابِ الَّذِينَ يَذْكُرُونَ اللَّهَ قِيَامًا وَقُعُودًا")
    assert mostly_arabic(verse + " (3:190)") and not mostly_arabic("The verse " + verse[:9])
    fonts = register_theme_fonts(load_theme("classic", None))
    faces = paragraph_faces(fonts, verse, 11)
    assert faces.language == "ar" and faces.script.name == fonts.arabic.regular
    para = RightToLeftParagraph(verse, faces, 20, colour=None)
    _, height = para.wrap(120, 1000)
    assert len(para.lines) >= 4 and height >= 20 * (len(para.lines) - 1)
    assert " ".join(line.text for line in para.lines) == verse
    assert para.lines[0].text.startswith("إِنَّ فِي")  # the verse's first words open line one
    head, tail = para.split(120, para.baselines[1] + 12)
    assert len(head.lines) == 2 and len(tail.lines) == len(para.lines) - 2
    assert head.text.split()[0] == "إِنَّ" and tail.text.endswith("وَقُعُودًا")
    assert head.text + " " + tail.text == verse
    # Never one line alone at a page's foot, nor one alone at the next page's head.
    assert para.split(120, para.baselines[0] + 12) == []
    assert len(para.split(120, para.baselines[-1] - 1)[1].lines) == 2
    answer = workspace / "content" / "x" / "a.yaml"
    answer.write_text(answer.read_text().replace(
        "introduction: |\n", f"introduction: |\n  {verse} (3:190)\n\n"))
    out = workspace / "out" / "verse.pdf"
    build_booklet(content=workspace / "content", output=out, workspace=workspace)
    page = PdfReader(out).pages[2]
    fonts_used = {str(f.get_object()["/BaseFont"]) for f in page["/Resources"]["/Font"].values()}
    assert any(f.endswith("Amiri-Regular") for f in fonts_used)


def test_a_long_key_points_table_repeats_its_header_row_on_the_next_page(workspace):
    answer = workspace / "content" / "x" / "a.yaml"
    points = "".join(f"  - heading: Point number {n}\n    gist: Table row {n}\n"
                     f"    body: |\n      Body of point {n}.\n" for n in range(1, 61))
    text = answer.read_text()
    start, end = text.index("points:\n"), text.index("conclusion:")
    answer.write_text(text[:start] + "points:\n" + points + text[end:])
    out = workspace / "out" / "long-table.pdf"
    build_booklet(content=workspace / "content", output=out, workspace=workspace)
    reader = PdfReader(out)
    pages_with_rows = [p.extract_text() for p in reader.pages[2:]
                       if "Table row" in p.extract_text()]
    assert len(pages_with_rows) >= 2, "the 60-row table did not split"
    for page in pages_with_rows:
        assert "Key point" in page and "In one line" in page


def test_duplex_folios_sit_on_the_outer_edge_and_the_back_cover_is_unnumbered(workspace):
    out = workspace / "out" / "duplex.pdf"
    build_booklet(content=workspace / "content", output=out, workspace=workspace, duplex=True,
                  brand=Brand(centre="Test Centre", back_cover="See you in class."))
    reader = PdfReader(out)
    width = float(reader.pages[0].mediabox.width)
    labels = reader.page_labels
    assert labels[-1] == "Back cover" and "See you in class." in reader.pages[-1].extract_text()
    numbered = sum(1 for label in labels if label.isdigit())
    for index, page in enumerate(reader.pages):
        text = page.extract_text()
        match = re.search(r"Page (\d+) of (\d+)", text)
        if not match:
            continue
        assert match.group(2) == str(numbered)
        xs: list[float] = []

        def visit(t, cm, tm, font, size, xs=xs):
            if t.startswith("Page "):
                xs.append(tm[4] * cm[0] + cm[4])
        page.extract_text(visitor_text=visit)
        # The folio starts on the left half on versos, ends on the right half on rectos.
        verso = (index + 1) % 2 == 0
        assert xs and ((xs[0] < width / 2) if verso else (xs[0] > width / 2)), (index + 1, xs)
    assert width > 0


def test_handouts_have_their_own_running_head(workspace):
    from studypack.build import build_handouts

    (result,) = build_handouts(content=workspace / "content", workspace=workspace,
                               out_dir=workspace / "out" / "h", ids=["TEST-2020-Q1"],
                               layout="handout", brand=Brand(centre="Test Centre"))
    text = PdfReader(result.path).pages[0].extract_text()
    assert "Test Centre · Handout · CSS Test Paper 2020 · Q1" in text
    assert result.path.name == "test-2020-q1.pdf"


def test_an_svg_logo_replaced_between_builds_in_one_process_is_read_again(workspace):
    # As under pack --watch: one process builds, the logo changes, it builds again.
    logo = workspace / "logo.svg"
    svg = ('<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40">'
           '<rect width="120" height="40" fill="{}"/></svg>')
    pdfs = []
    for colour in ("#1d4e6e", "#b0302a", "#1d4e6e"):
        logo.write_text(svg.format(colour) + " " * len(pdfs))  # a new size each time
        out = workspace / "out" / f"logo{len(pdfs)}.pdf"
        build_booklet(content=workspace / "content", output=out, workspace=workspace,
                      brand=Brand(centre="Test Centre", logo=str(logo)))
        pdfs.append(out.read_bytes())
    assert pdfs[0] != pdfs[1]
    assert pdfs[0] == pdfs[2]


def test_an_outline_of_ten_lines_or_more_starts_every_line_at_one_edge(workspace):
    answer = workspace / "content" / "x" / "a.yaml"
    text = answer.read_text(encoding="utf-8")
    headings = "".join(f"  - heading: Point number {n}\n    body: Body of point {n}.\n"
                       for n in range(1, 12))
    text = re.sub(r"(?ms)^points:\n.*?(?=^conclusion:)", "points:\n" + headings, text)
    # An outline that says more than the point headings (one that only
    # repeats them is left out: the key-points table lists them already).
    written = ["Introduction", *(f"Point number {n} and why" for n in range(1, 12)), "Conclusion"]
    text = text.replace("points:\n", "outline:\n" + "".join(f"  - {line}\n" for line in written)
                        + "points:\n", 1)
    answer.write_text(text, encoding="utf-8")
    result = build_booklet(content=workspace / "content", output=workspace / "out" / "b.pdf",
                           workspace=workspace)
    runs = [(x, run.strip()) for page in PdfReader(result.path).pages
            for x, _, _, run in _runs(page)]
    first = next(i for i, (_, run) in enumerate(runs) if run == "Outline") + 1
    outline = runs[first:first + 26]  # 13 lines, each a number and its text
    numbers = {run: x for x, run in outline if re.fullmatch(r"\d+\.", run)}
    starts = {run: x for x, run in outline if run not in numbers}
    assert list(numbers) == [f"{n}." for n in range(1, 14)], outline
    assert list(starts) == written
    assert max(starts.values()) - min(starts.values()) < 0.01, starts
    assert numbers["13."] < numbers["9."]  # the numbers stand flush right
