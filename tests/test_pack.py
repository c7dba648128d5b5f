"""Packs: the merger's output read back with pypdf, and every broken-input case."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pikepdf
import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from studypack.assemble import fonts as merge_fonts
from studypack.build import build_handouts, build_pack
from studypack.cli import app
from studypack.content import load_content
from studypack.errors import ContentError
from studypack.model import Brand
from studypack.plan.pack import plan_pack
from studypack.render import RenderOptions, render_document
from studypack.theme import load_theme

from .conftest import CONTENT, ROOT
from .pdfs import encrypt, make_pdf, outline_rows, raw_pdf, stream, text_page, unhyphenated

PACK = """\
title: Test Pack
edition: Test edition
brand:
  centre: Test Centre
select:
  topics: [Foreign Policy, Constitutional Development]
group_by: topic
sections: [Constitutional Development]
revision_grid: true
include:
  - file: extra/before.pdf
    title: Centre notes
    where: before
    section: Foreign Policy
  - file: extra/appendix.pdf
    title: Appendix map
output: out/test-pack.pdf
"""


DRAW = b"BT /F1 12 Tf 72 720 Td (Included page) Tj ET"
HELVETICA = b"<< /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >>"


@pytest.fixture
def pack_workspace(tmp_path: Path) -> Path:
    shutil.copytree(CONTENT, tmp_path / "content", ignore=shutil.ignore_patterns("packs"))
    (tmp_path / "extra").mkdir()
    make_pdf(tmp_path / "extra" / "before.pdf", ["Notes page one", "Notes page two",
                                                  "Notes page three"],
             rotate_last=90, named_links=True)
    make_pdf(tmp_path / "extra" / "appendix.pdf", ["Appendix page", "Appendix end"],
             named_links=True)
    (tmp_path / "packs").mkdir()
    (tmp_path / "packs" / "test.yaml").write_text(PACK, encoding="utf-8")
    return tmp_path


def _build(ws: Path, **kw):
    return build_pack(pack=ws / "packs" / "test.yaml", content=ws / "content", workspace=ws,
                      **kw)


def test_outline_sections_then_pdfs_and_questions_then_parts(pack_workspace):
    result = _build(pack_workspace)
    reader = PdfReader(result.path)
    rows = outline_rows(reader)
    top = [(t, p) for d, t, p in rows if d == 0]
    assert [t for t, _ in top] == ["Contents", "Constitutional Development", "Foreign Policy",
                                   "Revision grid", "Appendix map"]
    assert reader.pages[dict(top)["Contents"]].extract_text().lstrip().startswith("Contents")
    notes_page = next(p for d, t, p in rows if t == "Centre notes")
    assert dict(top)["Foreign Policy"] == notes_page
    assert "Notes page one" in reader.pages[notes_page].extract_text()
    for qid, start in result.start_pages.items():
        question_rows = [(d, t, p) for d, t, p in rows if p == start - 1 and d == 1]
        assert question_rows, qid
        assert f"Q{qid.rsplit('-q', 1)[1]}" in reader.pages[start - 1].extract_text()
    parts = [t for d, t, _ in rows if d == 2]
    urdu = sum(qid.startswith("pms-") for qid in result.start_pages)  # the sample's Urdu answer
    groups = [tuple(parts[n:n + 3]) for n in range(0, len(parts), 3)]
    assert groups.count(("Summary", "Key points", "Answer")) == len(result.start_pages) - urdu
    assert groups.count(("خلاصہ", "اہم نکات", "جواب")) == urdu


def test_contents_numbers_and_links_match_real_start_pages(pack_workspace):
    result = _build(pack_workspace)
    reader = PdfReader(result.path)
    labels = reader.page_labels
    contents = reader.pages[1]
    text = contents.extract_text()
    printed = [n for n in re.findall(r"^(\d+)$", text, re.MULTILINE) if len(n) < 4]  # not years
    notes = next(p for d, t, p in outline_rows(reader) if t == "Centre notes")
    grid = next(p for d, t, p in outline_rows(reader) if t == "Revision grid")
    appendix = next(p for d, t, p in outline_rows(reader) if t == "Appendix map")
    starts = sorted(result.start_pages.values())
    expected = sorted([notes, grid, appendix] + [s - 1 for s in starts])
    assert sorted(int(n) for n in printed) == sorted(int(labels[p]) for p in expected)
    targets = sorted(reader.get_page_number(a.get_object()["/Dest"][0].get_object())
                     for a in contents["/Annots"])
    assert targets == expected


def test_contents_numbers_sit_on_their_rows_flush_right(pack_workspace):
    reader = PdfReader(_build(pack_workspace).path)
    runs: list[tuple[float, float, str]] = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            runs.append((tm[4] * cm[0] + cm[4], tm[5] * cm[3] + cm[5], text.strip()))
    reader.pages[1].extract_text(visitor_text=visit)
    rows = {round(y, 2): x for x, y, text in runs if re.fullmatch(r"Q\d+", text)}
    numbers = [(x, round(y, 2), text) for x, y, text in runs
               if re.fullmatch(r"\d{1,3}", text)]
    # A row's number sits on the baseline of its question's last line: below
    # the row's start, above whatever starts at the left edge next.
    left = min(rows.values())
    starts = sorted({round(y, 2) for x, y, _ in runs if abs(x - left) < 1} | {0.0})
    lines = {round(y, 2) for x, y, text in runs if not re.fullmatch(r"\d{1,3}", text)}
    on_rows = []
    for row in rows:
        below = max(y for y in starts if y < row)
        found = [n for n in numbers if below < n[1] <= row and n[1] in lines]
        assert len(found) == 1, (row, found)
        on_rows += found
    assert len(on_rows) == len(rows) >= 4, (rows, numbers)
    # Right-aligned: numbers of one length start at one x, longer ones further left.
    starts = {len(text): {round(x, 2) for x, _, t in on_rows if len(t) == len(text)}
              for _, _, text in on_rows}
    assert all(len(xs) == 1 for xs in starts.values()), on_rows
    lengths = sorted(starts)
    assert [min(starts[n]) for n in lengths] == sorted((min(starts[n]) for n in lengths),
                                                      reverse=True)


def test_page_labels_run_through_included_pdfs_and_folios_count_them(pack_workspace):
    result = _build(pack_workspace)
    reader = PdfReader(result.path)
    labels = reader.page_labels
    assert labels[:2] == ["i", "ii"]
    assert labels[2:] == [str(n) for n in range(1, len(labels) - 1)]
    body = len(labels) - 2
    first = result.start_pages[min(result.start_pages, key=result.start_pages.get)]
    assert f"Page {labels[first - 1]} of {body}" in reader.pages[first - 1].extract_text()
    notes = next(p for d, t, p in outline_rows(reader) if t == "Centre notes")
    # Included pages with a blank foot carry the pack's folio too.
    for index in (notes, notes + 1, notes + 2, len(reader.pages) - 1):
        text = reader.pages[index].extract_text()
        assert f"Page {labels[index]} of {body}" in text, (index, text)
    assert "Appendix end" in reader.pages[-1].extract_text()


def _ink_at_foot(pdf: Path, index: int) -> tuple[int, int, int, int] | None:
    """Where a page shows ink in its lowest 72 points, as a reader sees it (pixels = points)."""
    import pypdfium2 as pdfium
    from PIL import ImageOps

    document = pdfium.PdfDocument(pdf)
    try:
        page = document[index]
        height = page.get_size()[1]
        image = page.render(scale=1, crop=(0, 0, 0, height - 72), grayscale=True).to_pil()
        return ImageOps.invert(image.convert("L")).point(lambda v: 255 if v > 40 else 0
                                                         ).getbbox()
    finally:
        document.close()


def test_a_folio_goes_on_an_included_page_only_where_its_foot_is_blank(pack_workspace):
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfgen.canvas import Canvas

    target = pack_workspace / "extra" / "appendix.pdf"
    canv = Canvas(str(target), pagesize=A4, invariant=1)
    canv.drawString(72, 760, "Top only")  # 1: blank foot
    canv.showPage()
    canv.drawString(72, 760, "Own footer")
    canv.drawCentredString(A4[0] / 2, 30, "Centre notes, page 2")  # 2: a footer of its own
    canv.showPage()
    canv.setPageSize(landscape(A4))
    canv.drawString(72, 500, "Landscape")  # 3: a wider page, blank foot
    canv.showPage()
    canv.setPageSize(A4)
    canv.drawString(72, 760, "Turned")
    canv.rect(560, 0, 35, 842, fill=1)  # 4: turned 90°, the media's right edge is its foot
    canv.showPage()
    canv.drawString(72, 400, "Turned, clear")
    canv.rect(0, 0, 500, 30, fill=1)  # 5: turned 90°, ink along the media's foot: shown left
    canv.showPage()
    canv.save()
    with pikepdf.open(target, allow_overwriting_input=True) as pdf:
        for page in pdf.pages[3:]:
            page.Rotate = 90  # clockwise: the media's right edge is seen at the foot
        pdf.save(target)
    result = _build(pack_workspace)
    reader = PdfReader(result.path)
    labels, pages = reader.page_labels, len(reader.pages)
    body = pages - 2
    first = pages - 5
    stamped = {i - first + 1 for i in range(first, pages)
               if f"of {body}" in reader.pages[i].extract_text()}
    assert stamped == {1, 3, 5}
    for number in (1, 3, 5):
        index = first + number - 1
        assert f"Page {labels[index]} of {body}" in reader.pages[index].extract_text()
        ink = _ink_at_foot(result.path, index)
        width = float(reader.pages[index].cropbox.width if number != 5
                      else reader.pages[index].cropbox.height)
        assert ink is not None and ink[0] > width * 0.6 and ink[2] < width - 20, (number, ink)
    # The page whose footer is its own keeps it alone, as made.
    assert _ink_at_foot(result.path, first + 1)[0] < 595 / 2


def test_a_pale_footer_or_one_just_above_the_folio_keeps_the_foot_as_made(pack_workspace):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    target = pack_workspace / "extra" / "appendix.pdf"
    canv = Canvas(str(target), pagesize=A4, invariant=1)
    canv.drawString(72, 760, "Pale footer")
    canv.setFillGray(0.96)
    canv.drawCentredString(A4[0] / 2, 30, "Centre notes, page 1")  # a footer in palest grey
    canv.showPage()
    canv.drawString(72, 760, "Raised footer")
    canv.drawCentredString(A4[0] / 2, 52, "Centre notes, page 2")  # just over the folio's line
    canv.showPage()
    canv.drawString(72, 760, "Blank foot")
    canv.showPage()
    canv.save()
    reader = PdfReader(_build(pack_workspace).path)
    last = [reader.pages[i].extract_text() for i in range(len(reader.pages) - 3,
                                                           len(reader.pages))]
    assert ["Page " in text for text in last] == [False, False, True], last


def test_rotate_survives_and_named_destinations_stay_in_their_own_file(pack_workspace):
    reader = PdfReader(_build(pack_workspace).path)
    rows = outline_rows(reader)
    notes = next(p for d, t, p in rows if t == "Centre notes")
    appendix = next(p for d, t, p in rows if t == "Appendix map")
    assert reader.pages[notes + 2].get("/Rotate") == 90
    for first, last in ((notes, notes + 2), (appendix, appendix + 1)):
        links = [a.get_object() for a in reader.pages[first].get("/Annots", [])]
        (link,) = [a for a in links if "/Dest" in a or "/A" in a]
        dest = link["/Dest"] if "/Dest" in link else link["/A"]["/D"]
        assert reader.get_page_number(dest[0].get_object()) == last


def test_distinct_font_subsets_get_distinct_tags_and_equal_ones_are_stored_once(
        pack_workspace):
    reader = PdfReader(_build(pack_workspace).path)
    by_name: dict[str, set[bytes]] = {}
    objects: dict[str, set[int]] = {}
    for page in reader.pages:
        for ref in page["/Resources"].get("/Font", {}).values():
            font = ref.get_object()
            data = font["/FontDescriptor"]["/FontFile2"].get_object().get_data()
            by_name.setdefault(font["/BaseFont"], set()).add(data)
            objects.setdefault(font["/BaseFont"], set()).add(ref.idnum)
    assert all(len(datas) == 1 for datas in by_name.values()), "two subsets share a tag"
    assert not any(name.startswith("/AAAAAA+") for name in by_name)
    lato = [n for n in by_name if n.endswith("+Lato-Regular")]
    assert len(lato) == 2  # the booklet's subset and the included file's subset
    assert all(len(ids) == 1 for ids in objects.values()), "a font is stored twice"


def test_pack_is_not_much_larger_than_the_same_content_as_one_document(pack_workspace):
    pack_text = (pack_workspace / "packs" / "test.yaml").read_text()
    (pack_workspace / "packs" / "test.yaml").write_text(
        pack_text.split("include:")[0] + "output: out/test-pack.pdf\n")
    result = _build(pack_workspace)
    questions = load_content(pack_workspace / "content")
    plan = plan_pack(pack_workspace / "packs" / "test.yaml", questions, pack_workspace)
    # The same answers, cover and contents laid out as one ReportLab document.
    single = render_document(plan.booklet, load_theme("classic", pack_workspace),
                             RenderOptions())
    ratio = result.path.stat().st_size / len(single.pdf)
    print(f"pack {result.path.stat().st_size} B / one document {len(single.pdf)} B = "
          f"{ratio:.2f}")
    assert ratio <= 1.25


def test_duplex_starts_sections_and_questions_on_rectos_with_noted_blanks(pack_workspace):
    result = _build(pack_workspace, duplex=True)
    reader = PdfReader(result.path)
    rows = outline_rows(reader)
    for depth, title, page in rows:
        if depth <= 1:
            assert page % 2 == 0, f"{title} starts on a verso (page index {page})"
    blanks = [i for i, p in enumerate(reader.pages)
              if "This page is intentionally left blank" in p.extract_text()]
    assert blanks, "no blank versos were needed"
    for index in blanks:
        text = reader.pages[index].extract_text().strip()
        assert text == "This page is intentionally left blank"  # no running head, no folio
        assert index % 2 == 1
    labels = reader.page_labels
    front = sum(1 for label in labels if not label.isdigit())
    assert labels[:front] == ["i", "ii", "iii", "iv"][:front] and front % 2 == 0
    assert labels[front:] == [str(n) for n in range(1, len(labels) - front + 1)]


def test_two_pack_builds_are_byte_identical(pack_workspace):
    first = _build(pack_workspace).path.read_bytes()
    second = _build(pack_workspace).path.read_bytes()
    assert first == second


@pytest.mark.parametrize("kind, message", [
    ("garbage", "is not a PDF file"),
    ("html", "is an HTML page saved with a .pdf name"),
    ("truncated", "is damaged or truncated"),
    ("user-password", "is protected by a password"),
    ("page-tree", "has a damaged page tree: it reads as 1 page or as 2 pages"),
    ("no-size", "page 1 has no usable size (its MediaBox)"),
])
def test_broken_included_pdfs_are_named_and_nothing_is_written(pack_workspace, kind, message):
    target = pack_workspace / "extra" / "appendix.pdf"
    good = target.read_bytes()
    if kind == "garbage":
        target.write_bytes(b"\x00\x01 not a pdf at all" * 40)
    elif kind == "html":
        target.write_text("<!DOCTYPE html><html><body>Download failed</body></html>")
    elif kind == "truncated":
        target.write_bytes(good[: len(good) // 3])
    elif kind == "page-tree":
        # A null among the kids and a kid typed /page: pypdf reads one page and
        # qpdf, which copies the pages, two; the folios would count wrong.
        raw_pdf(target, {1: b"<< /Type /Catalog /Pages 2 0 R >>",
                         2: b"<< /Type /Pages /Kids [3 0 R null 5 0 R] /Count 2 >>",
                         3: text_page(2, 4, HELVETICA), 4: stream(DRAW),
                         5: b"<< /Type /page /Parent 2 0 R /Contents 4 0 R >>"})
    elif kind == "no-size":
        raw_pdf(target, {1: b"<< /Type /Catalog /Pages 2 0 R >>",
                         2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                         3: text_page(2, 4, HELVETICA).replace(b"[0 0 595 842]",
                                                               b"[0 0 0 0]"),
                         4: stream(DRAW)})
    else:
        encrypt(pack_workspace / "extra" / "before.pdf", target, user="secret",
                owner="owner", algorithm="AES-256")
    with pytest.raises(ContentError) as caught:
        _build(pack_workspace)
    (problem,) = [str(d) for d in caught.value.diagnostics]
    assert "test.yaml:15:11 include[2].file:" in problem
    assert "extra/appendix.pdf" in problem and message in problem
    assert not (pack_workspace / "out").exists()


@pytest.mark.parametrize("algorithm", ["RC4-128", "AES-128", "AES-256"])
def test_owner_only_encryption_is_opened_and_included(pack_workspace, algorithm):
    target = pack_workspace / "extra" / "appendix.pdf"
    encrypt(pack_workspace / "extra" / "before.pdf", target, user="", owner="owner",
            algorithm=algorithm)
    reader = PdfReader(_build(pack_workspace).path)
    assert "Notes page one" in reader.pages[-3].extract_text()


@pytest.mark.parametrize("edit, expected", [
    (lambda t: t.replace("topics: [Foreign Policy, Constitutional Development]",
                         "topics: [Foreign Polcy]"),
     ("test.yaml:6:12 select.topics[1]: no answer has the topic 'Foreign Polcy'; "
      "did you mean 'Foreign Policy'?")),
    (lambda t: t.replace("topics: [Foreign Policy, Constitutional Development]",
                         "years: 1990-1991"),
     "test.yaml:6:3 select: matches no answer"),
    (lambda t: t.replace("file: extra/appendix.pdf", "file: extra/missing.pdf"),
     "test.yaml:15:11 include[2].file: extra/missing.pdf does not exist"),
    (lambda t: t.replace("select:", "select:\n  ids: [css-2022-pakistan-affairs-q9]"),
     "did you mean 'css-2022-pakistan-affairs-q8'?"),
    (lambda t: t.replace("group_by: topic", "group_by: topics"),
     ("test.yaml:7:11 group_by: 'topics' is not one of topic, paper, year; did you mean "
      "'topic'?")),
])
def test_pack_file_problems_name_the_pack_line_before_rendering(pack_workspace, edit,
                                                                expected):
    path = pack_workspace / "packs" / "test.yaml"
    path.write_text(edit(path.read_text()))
    with pytest.raises(ContentError) as caught:
        _build(pack_workspace)
    assert any(expected in str(d) for d in caught.value.diagnostics), caught.value
    assert not (pack_workspace / "out").exists()


def _words(text: str) -> str:
    return " ".join(unhyphenated(text).split())


def test_handout_shows_the_same_text_as_the_pack(pack_workspace):
    result = _build(pack_workspace)
    qid = "css-2016-pakistan-affairs-q5"
    (handout,) = build_handouts(content=pack_workspace / "content", workspace=pack_workspace,
                                out_dir=pack_workspace / "out" / "handouts", ids=[qid],
                                layout="handout", brand=Brand(centre="Test Centre"))
    reader = PdfReader(handout.path)
    assert handout.pages <= 3
    handout_text = _words(" ".join(p.extract_text() for p in reader.pages))
    pack = PdfReader(result.path)
    start = result.start_pages[qid] - 1
    end = min(p for p in [*result.start_pages.values(), len(pack.pages) + 1]
              if p - 1 > start) - 1
    pack_text = _words(" ".join(pack.pages[i].extract_text() for i in range(start, end)))
    (q,) = [q for q in load_content(pack_workspace / "content") if q.id == qid]
    for piece in (q.summary, q.points[0].gist, q.points[-1].gist, q.conclusion):
        words = _words(piece)[:120]
        assert words in handout_text and words in pack_text
    for n in range(1, handout.pages + 1):
        assert f"Page {n} of {handout.pages}" in reader.pages[n - 1].extract_text()
    assert "Test Centre" in reader.pages[0].extract_text()


def test_cli_pack_all_and_handouts(tmp_path, monkeypatch):
    shutil.copytree(ROOT / "content", tmp_path / "content")
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    result = runner.invoke(app, ["pack", "--all"])
    assert result.exit_code == 0, result.output
    for name in ("foreign-policy", "recent-papers", "constitution-with-notes",
                 "foreign-policy-test"):
        assert (tmp_path / "out" / "packs" / f"{name}.pdf").is_file()
    handouts = list((tmp_path / "out" / "packs" / "constitution-with-notes-handouts").glob(
        "*.pdf"))
    assert len(handouts) == 3  # the pack's two English answers and its Urdu one
    result = runner.invoke(app, ["handout", "css-2022-pakistan-affairs-q9"])
    assert result.exit_code == 2 and "did you mean 'css-2022-pakistan-affairs-q8'" in (
        result.output)
    result = runner.invoke(app, ["pack"])
    assert result.exit_code == 2 and "--all" in result.output


def test_cli_handout_output_writes_one_named_file(tmp_path, monkeypatch):
    shutil.copytree(CONTENT, tmp_path / "content", ignore=shutil.ignore_patterns("packs"))
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    one, other = "css-2022-pakistan-affairs-q8", "css-2015-pakistan-affairs-q6"
    result = runner.invoke(app, ["handout", one.upper(), "-o", "class/us-ties.pdf"])
    assert result.exit_code == 0, result.output
    reader = PdfReader(tmp_path / "class" / "us-ties.pdf")
    assert f"Wrote class/us-ties.pdf: {len(reader.pages)} pages" in result.output
    assert "mistrust in US" in reader.pages[0].extract_text()
    assert not (tmp_path / "out" / "handouts").exists()
    for args, message in (([one, other, "-o", "x.pdf"], "--output names one file"),
                          ([one, "-o", "x.pdf", "--out-dir", "d"], "not both"),
                          ([one, "-o", "x.txt"], "--output: x.txt is not a .pdf file name")):
        result = runner.invoke(app, ["handout", *args])
        assert result.exit_code == 2 and message in result.output, result.output
    assert not list(tmp_path.glob("x.*"))


def test_logo_is_placed_on_the_cover_and_a_bad_logo_is_named(pack_workspace):
    pack = pack_workspace / "packs" / "test.yaml"
    shutil.copy(ROOT / "content" / "extra" / "centre-logo.png", pack_workspace / "logo.png")
    pack.write_text(pack.read_text().replace("  centre: Test Centre",
                                             "  centre: Test Centre\n  logo: logo.png"))
    reader = PdfReader(_build(pack_workspace).path)
    images = reader.pages[0].images
    assert len(images) == 1 and images[0].image.size == (360, 160)
    (pack_workspace / "logo.png").write_text("<svg/>")
    with pytest.raises(ContentError) as caught:
        _build(pack_workspace)
    assert "test.yaml:5:9 brand.logo:" in str(caught.value)
    assert "is not a PNG, JPEG or SVG image" in str(caught.value)


def test_layout_duplex_setting_applies_unless_the_pack_says_otherwise(pack_workspace):
    layout = pack_workspace / "layouts" / "twosided"
    layout.mkdir(parents=True)
    (layout / "layout.yaml").write_text("extends: classic\npage:\n  duplex: true\n")
    pack = pack_workspace / "packs" / "test.yaml"
    pack.write_text(pack.read_text().replace("title: Test Pack", "title: Test Pack\n"
                                             "layout: twosided"))
    two_sided = PdfReader(_build(pack_workspace).path)
    assert any("intentionally left blank" in p.extract_text() for p in two_sided.pages)
    pack.write_text(pack.read_text() + "duplex: false\n")
    one_sided = PdfReader(_build(pack_workspace).path)
    assert not any("intentionally left blank" in p.extract_text() for p in one_sided.pages)


def test_strict_pack_with_a_warning_leaves_the_earlier_pdf_and_no_partial_file(pack_workspace):
    from studypack.errors import StrictError

    first = _build(pack_workspace)
    earlier = first.path.read_bytes()
    answer = next(p for p in (pack_workspace / "content").rglob("*.yaml")
                  if "Foreign Policy" in p.read_text(encoding="utf-8"))
    text = answer.read_text(encoding="utf-8")
    answer.write_text(text.replace("conclusion: |\n", "conclusion: |\n  Done ⌘ today.\n  ", 1),
                      encoding="utf-8")
    with pytest.raises(StrictError, match="U\\+2318"):
        _build(pack_workspace, strict=True)
    assert first.path.read_bytes() == earlier
    assert [p.name for p in first.path.parent.iterdir() if p.name.endswith(".part")] == []
    with pytest.raises(StrictError):
        _build(pack_workspace, strict=True, output=pack_workspace / "out" / "new" / "x.pdf")
    assert not (pack_workspace / "out" / "new").exists()  # nor the folder made for it
    with pytest.warns(UserWarning, match="U\\+2318"):
        second = _build(pack_workspace)
    assert second.path.read_bytes() != earlier


def _fonts_that_trip_sharing(target: Path) -> None:
    # Page 1: a Type3 font whose resources are the page's own, which name the
    # font again (a cycle). Page 2: a Type0 font with no descendant, under a
    # subset name. Both are legal enough for viewers to draw the pages.
    type3 = (b"<< /Type /Font /Subtype /Type3 /FontBBox [0 0 750 750] "
             b"/FontMatrix [0.001 0 0 0.001 0 0] /CharProcs << /a 7 0 R >> "
             b"/Encoding << /Type /Encoding /Differences [97 /a] >> /FirstChar 97 "
             b"/LastChar 97 /Widths [1000] /Resources 6 0 R >>")
    raw_pdf(target, {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [3 0 R 9 0 R] /Count 2 >>",
        3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
           b"/Resources 6 0 R >>",
        4: stream(b"BT /T3 24 Tf 72 700 Td (aaa) Tj ET BT /F1 12 Tf 72 650 Td "
                  b"(Type3 page) Tj ET"),
        5: type3,
        6: b"<< /Font << /T3 5 0 R /F1 8 0 R >> >>",
        7: stream(b"1000 0 0 0 750 750 d1 0 0 750 750 re f"),
        8: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        9: text_page(2, 10, b"<< /Font << /F1 8 0 R /Z 11 0 R >> >>"),
        10: stream(b"BT /F1 12 Tf 72 700 Td (Type0 page) Tj ET"),
        11: b"<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+Broken "
            b"/Encoding /Identity-H /DescendantFonts [] >>",
    })


def test_fonts_the_merger_cannot_compare_are_copied_as_they_are(pack_workspace):
    _fonts_that_trip_sharing(pack_workspace / "extra" / "appendix.pdf")
    result = _build(pack_workspace)
    reader = PdfReader(result.path)
    texts = [page.extract_text() for page in reader.pages]
    type3 = next(i for i, t in enumerate(texts) if "Type3 page" in t)
    assert "Type0 page" in texts[type3 + 1]
    assert "/T3" in reader.pages[type3]["/Resources"]["/Font"]
    assert reader.pages[type3 + 1]["/Resources"]["/Font"]["/Z"]["/BaseFont"] == \
        "/ABCDEF+Broken"


def test_a_repaired_included_pdf_is_a_warning_and_fails_strict(pack_workspace):
    target = pack_workspace / "extra" / "appendix.pdf"
    raw_pdf(target, {1: b"<< /Type /Catalog /Pages 2 0 R >>",
                     2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                     3: text_page(2, 4, HELVETICA), 4: stream(DRAW, length=7)})
    with pytest.warns(UserWarning, match="appendix.pdf is damaged and was repaired"):
        result = _build(pack_workspace)
    assert "Included page" in "".join(p.extract_text() for p in PdfReader(result.path).pages)
    from studypack.errors import StrictError
    with pytest.raises(StrictError, match="was repaired"):
        _build(pack_workspace, strict=True, output=pack_workspace / "out" / "strict.pdf")
    assert not (pack_workspace / "out" / "strict.pdf").exists()


def test_the_pack_declares_the_pdf_version_its_parts_need(pack_workspace):
    raw_pdf(pack_workspace / "extra" / "appendix.pdf",
            {1: b"<< /Type /Catalog /Pages 2 0 R >>",
             2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
             3: text_page(2, 4, HELVETICA), 4: stream(DRAW)}, version="1.7")
    assert _build(pack_workspace).path.read_bytes()[:8] == b"%PDF-1.7"
    make_pdf(pack_workspace / "extra" / "appendix.pdf", ["Appendix page"])
    # ReportLab writes 1.4, which the watermark's transparency needs anyway.
    assert _build(pack_workspace).path.read_bytes()[:8] == b"%PDF-1.4"


def test_an_output_path_inside_a_file_is_named_before_any_layout(pack_workspace):
    from studypack.errors import RenderError

    (pack_workspace / "out").mkdir()
    (pack_workspace / "out" / "afile").write_text("not a folder")
    with pytest.raises(RenderError, match=r"out/afile is a file, so .* cannot be written"):
        _build(pack_workspace, output=pack_workspace / "out" / "afile" / "x.pdf")


def test_an_included_fillable_form_keeps_its_fields(pack_workspace):
    from reportlab.pdfgen.canvas import Canvas

    form = pack_workspace / "extra" / "appendix.pdf"
    canv = Canvas(str(form), pagesize=(595.2756, 841.8898), invariant=1)
    canv.drawString(72, 760, "Student name:")
    canv.acroForm.textfield(name="student", x=170, y=750, width=200, height=20)
    canv.showPage()
    canv.save()
    reader = PdfReader(_build(pack_workspace).path)
    assert list(reader.get_fields() or {}) == ["student"]
    widget_page = next(i for i, page in enumerate(reader.pages)
                       if any(a.get_object().get("/FT") == "/Tx"
                              for a in page.get("/Annots", []) or []))
    assert "Student name:" in reader.pages[widget_page].extract_text()


def test_every_stream_of_the_pack_is_compressed_with_or_without_includes(pack_workspace):
    import pikepdf

    def unfiltered(path: Path) -> list[int]:
        with pikepdf.open(path) as pdf:
            return [obj.objgen[0] for obj in pdf.objects if isinstance(obj, pikepdf.Stream)
                    and "/Filter" not in obj and len(obj.read_raw_bytes()) > 20]

    # The included page's drawing has no filter; the merge compresses it.
    raw_pdf(pack_workspace / "extra" / "appendix.pdf",
            {1: b"<< /Type /Catalog /Pages 2 0 R >>",
             2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
             3: text_page(2, 4, HELVETICA), 4: stream(DRAW * 4)})
    with_include = _build(pack_workspace).path
    assert unfiltered(with_include) == []
    assert "Included page" in PdfReader(with_include).pages[-1].extract_text()
    # Without includes our own parts and folio overlays arrive compressed.
    (pack_workspace / "packs" / "test.yaml").write_text(
        PACK[:PACK.index("include:")] + "output: out/test-pack.pdf\n", encoding="utf-8")
    assert unfiltered(_build(pack_workspace).path) == []


def test_a_second_merge_of_the_same_parts_repeats_the_font_moves_to_the_same_bytes(
        pack_workspace, monkeypatch):
    merge_fonts._MOVES.clear()
    first = _build(pack_workspace).path.read_bytes()
    walked: list[object] = []
    take = merge_fonts.SharedFonts._take_fonts
    monkeypatch.setattr(merge_fonts.SharedFonts, "_take_fonts",
                        lambda self, source: walked.append(source) or take(self, source))
    second = _build(pack_workspace).path.read_bytes()
    assert second == first
    # Only the two included PDFs are read again; studypack's own parts, the
    # same bytes as before, have their font moves repeated from memory.
    assert len(walked) == 2


def test_a_watermark_is_laid_over_included_pages_as_they_are_seen(pack_workspace):
    pack = pack_workspace / "packs" / "test.yaml"
    pack.write_text(PACK.replace("  centre: Test Centre\n",
                                 "  centre: Test Centre\n  watermark: Not for resale\n"))
    reader = PdfReader(_build(pack_workspace).path)
    rows = outline_rows(reader)
    notes = next(p for d, t, p in rows if t == "Centre notes")
    included = [notes, notes + 1, notes + 2, len(reader.pages) - 2, len(reader.pages) - 1]
    assert "Not for resale" not in reader.pages[0].extract_text()  # not across the cover
    for index, page in enumerate(reader.pages[1:], 1):
        assert "Not for resale" in page.extract_text(), f"page {index + 1} has no watermark"
    for index in included:
        page = reader.pages[index]
        form = page["/Resources"]["/XObject"]["/SPStamp"].get_object()
        assert [float(v) for v in form["/BBox"]] == [float(v) for v in page.cropbox]
    rotated = reader.pages[notes + 2]
    assert rotated.rotation == 90
    data = rotated["/Resources"]["/XObject"]["/SPStamp"].get_object().get_data()
    matrix = re.match(rb"q ([-\d. ]+) cm\n", data)
    assert matrix, data[:80]
    assert [float(v) for v in matrix.group(1).split()] == pytest.approx(
        [0, 1, -1, 0, float(rotated.cropbox.right), float(rotated.cropbox.bottom)])
    pack.write_text(PACK)
    plain = PdfReader(_build(pack_workspace).path)
    text = plain.pages[notes].extract_text()  # the folio alone, where the foot is blank
    assert "Not for resale" not in text and "Page " in text, text


@pytest.mark.parametrize("rotate", [0, 90, 180, 270])
def test_page_box_maps_the_seen_page_onto_the_page_as_a_viewer_turns_it(rotate):
    import math

    from studypack.model import PageBox

    box = PageBox(left=10.0, bottom=-20.0, width=300.0, height=500.0, rotate=rotate)
    a, b, c, d, e, f = box.shown_to_page
    shown_w, shown_h = box.shown_size
    centre = (box.left + box.width / 2, box.bottom + box.height / 2)
    turn = math.radians(-rotate)  # /Rotate turns the page clockwise as it is shown

    def seen(x: float, y: float) -> tuple[float, float]:
        dx, dy = x - centre[0], y - centre[1]
        return (shown_w / 2 + dx * math.cos(turn) - dy * math.sin(turn),
                shown_h / 2 + dx * math.sin(turn) + dy * math.cos(turn))

    for point in ((box.left, box.bottom), (box.left + box.width, box.bottom),
                  (box.left, box.bottom + box.height), centre, (100.0, 200.0)):
        sx, sy = seen(*point)
        back = (a * sx + c * sy + e, b * sx + d * sy + f)
        assert back == pytest.approx(point)


def test_pypdf_repair_notes_go_into_the_one_warning_in_build_and_check(pack_workspace,
                                                                       monkeypatch, capfd):
    target = pack_workspace / "extra" / "appendix.pdf"
    data = target.read_bytes()
    cut = data.rfind(b"startxref")
    target.write_bytes(data[:cut] + b"startxref\n999999\n%%EOF\n")  # pypdf must look again
    monkeypatch.chdir(pack_workspace)
    (pack_workspace / "content" / "packs").mkdir()
    shutil.copy(pack_workspace / "packs" / "test.yaml",
                pack_workspace / "content" / "packs" / "test.yaml")
    runner = CliRunner()
    for command in (["check"], ["pack", "packs/test.yaml"]):
        result = runner.invoke(app, command)
        assert result.exit_code == 0, result.output
        said = result.output + "".join(capfd.readouterr())
        warned = [line for line in said.splitlines() if line.startswith("warning")]
        assert len(warned) == 1, said
        assert "extra/appendix.pdf is damaged and was repaired to be read" in warned[0]
        assert "startxref" not in said.replace(warned[0], ""), said


def test_a_watermark_keeps_the_marks_of_an_included_studypack_pdf(pack_workspace):
    made = _build(pack_workspace, output=pack_workspace / "out" / "made.pdf").path
    made_pages = [page.extract_text() for page in PdfReader(made).pages]
    shutil.copy(made, pack_workspace / "extra" / "appendix.pdf")
    pack = pack_workspace / "packs" / "test.yaml"
    pack.write_text(PACK.replace("  centre: Test Centre\n",
                                 "  centre: Test Centre\n  watermark: Not for resale\n"))
    reader = PdfReader(_build(pack_workspace).path)
    appendix = next(p for d, t, p in outline_rows(reader) if t == "Appendix map")
    for offset, before in enumerate(made_pages):
        text = reader.pages[appendix + offset].extract_text()
        assert "Not for resale" in text
        folio = re.search(r"Page \w+ of \w+", before)
        if folio:  # its own folio (and contents numbers) survive the watermark
            assert folio.group(0) in text, (offset, text[-200:])
    contents = reader.pages[appendix + 1].extract_text()
    assert re.findall(r"^\d+$", made_pages[1], re.MULTILINE) == [
        n for n in re.findall(r"^\d+$", contents, re.MULTILINE)
        if n in made_pages[1].split()]


def test_a_watermark_on_included_pages_with_odd_boxes_is_centred_on_what_is_seen(
        pack_workspace):
    from studypack.assemble.included import seen_box

    target = pack_workspace / "extra" / "appendix.pdf"
    raw_pdf(target, {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [3 0 R 5 0 R 6 0 R 7 0 R] /Count 4 >>",
        3: b"<< /Type /Page /Parent 2 0 R /MediaBox [595 842 0 0] /CropBox [0 0 100] "
           b"/Rotate /X /Contents 4 0 R /Resources " + HELVETICA + b" >>",
        4: stream(DRAW),
        5: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
           b"/CropBox [-200 -200 300 1200] /Contents 4 0 R /Resources " + HELVETICA + b" >>",
        6: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Rotate 45 "
           b"/Contents 4 0 R /Resources " + HELVETICA + b" >>",
        7: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /CropBox [/A 0 1 1] "
           b"/Contents 4 0 R /Resources " + HELVETICA + b" >>",
    })
    pack = pack_workspace / "packs" / "test.yaml"
    pack.write_text(PACK.replace("  centre: Test Centre\n",
                                 "  centre: Test Centre\n  watermark: Not for resale\n"))
    with pytest.warns(UserWarning, match="page 2 is 300 × 842 pt"):
        reader = PdfReader(_build(pack_workspace).path)
    last = [reader.pages[i] for i in range(len(reader.pages) - 4, len(reader.pages))]
    boxes = [seen_box(page) for page in last]
    assert [(b.left, b.bottom, b.width, b.height, b.rotate) for b in boxes] == [
        (0, 0, 595, 842, 0), (0, 0, 300, 842, 0), (0, 0, 595, 842, 0), (0, 0, 595, 842, 0)]
    for page, box in zip(last, boxes, strict=True):
        assert "Not for resale" in page.extract_text()
        form = page["/Resources"]["/XObject"]["/SPStamp"].get_object()
        assert [float(v) for v in form["/BBox"]] == [box.left, box.bottom,
                                                     box.left + box.width,
                                                     box.bottom + box.height]


def test_the_bookmarks_panel_opens_with_the_document(sample_reader):
    assert sample_reader.trailer["/Root"]["/PageMode"] == "/UseOutlines"


def test_a_handout_reads_only_its_own_answer_file(tmp_path, monkeypatch):
    # Another answer's slip does not stop a handout of this one (it reads one
    # file); an id written in two files is still refused, as a build would.
    shutil.copytree(CONTENT, tmp_path / "content", ignore=shutil.ignore_patterns("packs"))
    monkeypatch.chdir(tmp_path)
    broken = tmp_path / "content" / "zz-broken.yaml"
    broken.write_text("id: broken-one\nexam: CSS\nyear: twenty\n", encoding="utf-8")
    runner = CliRunner()
    one = "css-2022-pakistan-affairs-q8"
    result = runner.invoke(app, ["handout", one, "-o", "one.pdf", "--no-cache"])
    assert result.exit_code == 0, result.output
    assert "mistrust in US" in PdfReader(tmp_path / "one.pdf").pages[0].extract_text()
    result = runner.invoke(app, ["build", "--no-cache"])
    assert result.exit_code == 1 and "zz-broken.yaml:3" in result.output
    original = next(p for p in (tmp_path / "content").rglob("*.yaml")
                    if f"id: {one}\n" in p.read_text(encoding="utf-8"))
    broken.write_text(original.read_text(encoding="utf-8"), encoding="utf-8")
    result = runner.invoke(app, ["handout", one, "-o", "two.pdf", "--no-cache"])
    assert result.exit_code == 1 and f"'{one}' is already used by" in result.output
    assert not (tmp_path / "two.pdf").exists()
