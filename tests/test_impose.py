"""Imposition: the page order of folded booklets, sheet sizes, and pages placed as a reader
sees them (rotated and cropped inputs included), checked on rendered pixels.
"""

from __future__ import annotations

import io
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium
import pytest
from PIL import Image, ImageChops, ImageStat
from reportlab.pdfgen.canvas import Canvas

from studypack.assemble.impose import booklet_sides, impose, padded, two_up_sides
from studypack.build import impose_file
from studypack.errors import WorkspaceError


def one_based(pages: int, **kw: object) -> list[tuple[int, int]]:
    return [(0 if s.left is None else s.left + 1, 0 if s.right is None else s.right + 1)
            for s in booklet_sides(pages, **kw)]  # type: ignore[arg-type]


@pytest.mark.parametrize(("pages", "expected"), [
    (1, [(0, 1), (0, 0)]),
    (4, [(4, 1), (2, 3)]),
    (5, [(0, 1), (2, 0), (0, 3), (4, 5)]),
    (8, [(8, 1), (2, 7), (6, 3), (4, 5)]),
    (13, [(0, 1), (2, 0), (0, 3), (4, 13), (12, 5), (6, 11), (10, 7), (8, 9)]),
])
def test_booklet_page_order(pages: int, expected: list[tuple[int, int]]) -> None:
    assert one_based(pages) == expected


def test_a_hundred_pages_fold_into_25_sheets_each_pair_summing_to_101() -> None:
    sides = one_based(100)
    assert len(sides) == 50
    # On every side of a saddle-stitched sheet the two pages add up to pages + 1,
    # and the left page is even on a front side's back.
    assert all(a + b == 101 for a, b in sides)
    assert sorted(p for side in sides for p in side) == list(range(1, 101))
    assert sides[0] == (100, 1) and sides[-1] == (50, 51)


def test_blanks_only_at_the_end_or_before_a_back_cover() -> None:
    assert padded(13, back_cover=False)[13:] == [None, None, None]
    with_cover = padded(13, back_cover=True)
    assert with_cover[-1] == 12 and with_cover[12:15] == [None, None, None]
    assert None not in with_cover[:12]


def test_signatures_fold_apart_and_gather_in_order() -> None:
    sides = one_based(20, signature=8)
    # Sections of 8 pages, the last of what is left: 1-8, 9-16, 17-20.
    assert sides[:4] == [(8, 1), (2, 7), (6, 3), (4, 5)]
    assert sides[4:8] == [(16, 9), (10, 15), (14, 11), (12, 13)]
    assert sides[8:] == [(20, 17), (18, 19)]


def test_two_up_reads_in_order() -> None:
    assert [(s.left, s.right) for s in two_up_sides(5)] == [(0, 1), (2, 3), (4, None)]


def numbered_pdf(pages: int, size: tuple[float, float] = (420, 595)) -> bytes:
    """Pages each with a black corner mark at the top left and its number, big."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=size, invariant=True)
    w, h = size
    for n in range(1, pages + 1):
        canvas.rect(0, h - 60, 60, 60, fill=1)
        canvas.setFont("Helvetica-Bold", 120)
        canvas.drawCentredString(w / 2, h / 2 - 40, str(n))
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def rendered(pdf: bytes | Path, index: int, scale: float = 0.5) -> Image.Image:
    document = pdfium.PdfDocument(pdf)
    try:
        return document[index].render(scale=scale).to_pil().convert("L")
    finally:
        document.close()


def same_picture(a: Image.Image, b: Image.Image) -> bool:
    b = b.resize(a.size)
    return ImageStat.Stat(ImageChops.difference(a, b)).mean[0] < 6


def halves(sheet: Image.Image) -> tuple[Image.Image, Image.Image]:
    w, h = sheet.size
    return sheet.crop((0, 0, w // 2, h)), sheet.crop((w // 2, 0, w, h))


def test_sheets_are_twice_a_page_wide_and_show_the_pages(tmp_path: Path) -> None:
    source = tmp_path / "five.pdf"
    source.write_bytes(numbered_pdf(5))
    out = tmp_path / "sheets.pdf"
    pages, sides = impose_file(source, out)
    assert (pages, sides) == (5, 4)
    with pikepdf.open(out) as pdf:
        assert len(pdf.pages) == 4
        assert [float(v) for v in pdf.pages[0].mediabox] == [0, 0, 840, 595]
    sheet = rendered(out, 3)
    left, right = halves(sheet)
    assert same_picture(rendered(source.read_bytes(), 3), left)
    assert same_picture(rendered(source.read_bytes(), 4), right)
    # A blank half is blank.
    blank, first = halves(rendered(out, 0))
    assert ImageStat.Stat(blank).extrema[0][0] > 240
    assert same_picture(rendered(source.read_bytes(), 0), first)


def test_rotated_and_cropped_pages_are_placed_as_a_reader_sees_them(tmp_path: Path) -> None:
    with pikepdf.open(io.BytesIO(numbered_pdf(4))) as pdf:
        # A page turned to landscape, as a reader sees it: shrunk into its half.
        pdf.pages[1].rotate(90, relative=False)
        pdf.pages[2].cropbox = pikepdf.Array([40, 60, 380, 540])
        pdf.save(tmp_path / "odd.pdf")
    out = tmp_path / "odd-sheets.pdf"
    impose_file(tmp_path / "odd.pdf", out)
    source = (tmp_path / "odd.pdf").read_bytes()
    # Sheet 1 back: pages 2 (rotated) and 3 (cropped).
    left, right = halves(rendered(out, 1))
    for page, half in ((1, left), (2, right)):
        assert same_picture(placed(rendered(source, page), half.size), half), (
            f"page {page + 1} is not as a reader sees it")


def placed(seen: Image.Image, size: tuple[int, int]) -> Image.Image:
    """``seen`` as a half sheet should hold it: centred, shrunk to fit, never enlarged."""
    scale = min(1.0, size[0] / seen.width, size[1] / seen.height)
    page = seen.resize((round(seen.width * scale), round(seen.height * scale)))
    ground = Image.new("L", size, 255)
    ground.paste(page, ((size[0] - page.width) // 2, (size[1] - page.height) // 2))
    return ground


def test_creep_moves_inner_pages_towards_the_spine(tmp_path: Path) -> None:
    source = numbered_pdf(8)
    with pikepdf.open(io.BytesIO(source)) as pdf:
        plain, crept = io.BytesIO(), io.BytesIO()
        impose(pdf, booklet_sides(8), plain)
        impose(pdf, booklet_sides(8), crept, creep_mm=3)
    # The outer sheet stays; the inner sheet's left page moves right (towards the fold).
    assert same_picture(rendered(plain.getvalue(), 0), rendered(crept.getvalue(), 0))
    inner_plain = halves(rendered(plain.getvalue(), 2, scale=1))[0]
    inner_crept = halves(rendered(crept.getvalue(), 2, scale=1))[0]

    def mark_left(image: Image.Image) -> int:
        box = image.point(lambda v: 255 if v < 100 else 0).getbbox()
        assert box
        return box[0]

    assert mark_left(inner_crept) - mark_left(inner_plain) == pytest.approx(3 * 72 / 25.4, abs=2)


def test_the_same_pdf_gives_the_same_sheets(tmp_path: Path) -> None:
    source = tmp_path / "s.pdf"
    source.write_bytes(numbered_pdf(6))
    impose_file(source, tmp_path / "a.pdf")
    impose_file(source, tmp_path / "b.pdf")
    assert (tmp_path / "a.pdf").read_bytes() == (tmp_path / "b.pdf").read_bytes()
    # A second run replaces the sheets it wrote; a file it did not write is kept.
    impose_file(source, tmp_path / "a.pdf")
    (tmp_path / "mine.pdf").write_bytes(numbered_pdf(1))
    with pytest.raises(Exception, match="was not written by studypack"):
        impose_file(source, tmp_path / "mine.pdf")


@pytest.mark.parametrize(("kw", "message"), [
    ({"signature": 6}, "multiple of 4"),
    ({"creep_mm": -1}, "from 0 to 5"),
    ({"kind": "4up"}, "choose one of booklet, 2up"),
])
def test_bad_settings_are_refused_before_anything_is_written(tmp_path: Path, kw: dict[str, object],
                                                             message: str) -> None:
    source = tmp_path / "s.pdf"
    source.write_bytes(numbered_pdf(2))
    with pytest.raises(WorkspaceError, match=message):
        impose_file(source, tmp_path / "out.pdf", **kw)  # type: ignore[arg-type]
    assert not (tmp_path / "out.pdf").exists()


def test_a_page_stored_sideways_and_turned_by_rotate_is_placed_upright(tmp_path: Path) -> None:
    # As a scanner often saves a portrait page: landscape media, content on its
    # side, and /Rotate 90 to show it upright.
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(595, 420), invariant=True)
    canvas.translate(595, 0)
    canvas.rotate(90)
    canvas.rect(0, 595 - 60, 60, 60, fill=1)
    canvas.setFont("Helvetica-Bold", 120)
    canvas.drawCentredString(210, 595 / 2 - 40, "1")
    canvas.showPage()
    canvas.save()
    with pikepdf.open(io.BytesIO(buffer.getvalue())) as pdf:
        pdf.pages[0].rotate(90, relative=False)
        pdf.save(tmp_path / "scan.pdf")
    upright = rendered(numbered_pdf(1), 0)
    assert same_picture(upright, rendered(tmp_path / "scan.pdf", 0))
    impose_file(tmp_path / "scan.pdf", tmp_path / "sheet.pdf", kind="2up")
    with pikepdf.open(tmp_path / "sheet.pdf") as sheet:
        assert [float(v) for v in sheet.pages[0].mediabox] == [0, 0, 840, 595]
    left, _ = halves(rendered(tmp_path / "sheet.pdf", 0))
    assert same_picture(upright, left)


def test_the_command_says_what_it_wrote_and_refuses_a_bad_file(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch
                                                               ) -> None:
    from typer.testing import CliRunner

    from studypack.cli import app

    monkeypatch.chdir(tmp_path)
    (tmp_path / "pack.pdf").write_bytes(numbered_pdf(9))
    done = CliRunner().invoke(app, ["impose", "pack.pdf", "--signature", "8"])
    assert done.exit_code == 0, done.output
    # 9 pages padded to 12: a section of 8 and one of 4, three sheets.
    assert "Wrote pack-booklet.pdf: 9 pages on 3 sheets" in done.output
    with pikepdf.open(tmp_path / "pack-booklet.pdf") as pdf:
        assert len(pdf.pages) == 6
    (tmp_path / "notes.pdf").write_text("<html><body>not a pdf</body></html>")
    refused = CliRunner().invoke(app, ["impose", "notes.pdf"])
    assert refused.exit_code == 2
    assert "notes.pdf is an HTML page saved with a .pdf name" in refused.output
    assert not (tmp_path / "notes-booklet.pdf").exists()


def test_build_and_pack_can_write_their_pdf_imposed_too(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    from typer.testing import CliRunner

    from studypack.cli import app

    from .conftest import ROOT

    shutil.copytree(ROOT / "content", tmp_path / "content")
    for name in ("studypack.yaml", "brand.yaml"):
        shutil.copy(ROOT / name, tmp_path / name)
    monkeypatch.chdir(tmp_path)
    refused = CliRunner().invoke(app, ["build", "--impose", "3up"])
    assert refused.exit_code == 2 and "choose one of booklet, 2up" in refused.output
    assert not (tmp_path / "out" / "booklet.pdf").exists()
    pack = tmp_path / "content" / "packs" / "foreign-policy.yaml"
    pack.write_text(pack.read_text(encoding="utf-8") + "impose: booklet\n", encoding="utf-8")
    done = CliRunner().invoke(app, ["pack", str(pack.relative_to(tmp_path))])
    assert done.exit_code == 0, done.output
    folded = tmp_path / "out" / "packs" / "foreign-policy-booklet.pdf"
    with pikepdf.open(tmp_path / "out" / "packs" / "foreign-policy.pdf") as flat, \
            pikepdf.open(folded) as sheets:
        assert len(sheets.pages) == 2 * -(-len(flat.pages) // 4)
    pack.write_text(pack.read_text(encoding="utf-8").replace("impose: booklet",
                                                             "impose: fold"), encoding="utf-8")
    bad = CliRunner().invoke(app, ["pack", str(pack.relative_to(tmp_path))])
    assert bad.exit_code == 1
    assert "foreign-policy.yaml:12:9 impose: 'fold' is not one of booklet, 2up" in bad.output
