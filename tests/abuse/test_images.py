"""Logos as hostile files, and SVG sizes that would print ``nan`` into a PDF.

Each case points ``logo:`` in brand.yaml (or a pack's ``brand:``) at a bad
file and runs the real command: it must refuse with exit 1, name brand.yaml's
line, the setting and the file, say what to do, and write nothing.
"""

from __future__ import annotations

import base64
import os
import re
import signal
import struct
import subprocess
import sys
import time
import zlib
from pathlib import Path

import pikepdf
import pytest

from tests.abuse.harness import assert_refused, no_partial_files, run, snapshot

ROOT = Path(__file__).resolve().parents[2]
LOGO_LINE = 4
"""Line of ``logo:`` in the brand.yaml that ``studypack init`` writes."""

NUMBER_NOT_FINITE = re.compile(rb"(?<![A-Za-z0-9_/#.])[-+]?(?:nan|inf(?:inity)?)(?![A-Za-z0-9_])",
                               re.IGNORECASE)
"""``nan``, ``-nan``, ``inf`` or ``Infinity`` standing as a number token in a content stream."""


def _png(width: int, height: int, *, cut: bool = False) -> bytes:
    """A one-colour, 1-bit PNG of any size: tiny on disk however many pixels it claims."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data)))
    row = b"\x00" * (1 + (width + 7) // 8)
    packer = zlib.compressobj(9)
    body = b"".join(packer.compress(row) for _ in range(height)) + packer.flush()
    if cut:
        body = body[: len(body) // 2]
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    ending = b"" if cut else chunk(b"IEND", b"")
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", body) + ending


def _svg(attrs: str = 'width="120" height="40"', inside: str = "") -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" '
            f'xmlns:xlink="http://www.w3.org/1999/xlink" {attrs}>'
            f'<rect x="0" y="0" width="120" height="40" fill="#1d4e6e"/>{inside}</svg>')


def _set_logo(ws: Path, value: str) -> None:
    brand = ws / "brand.yaml"
    lines = brand.read_text(encoding="utf-8").splitlines()
    assert lines[LOGO_LINE - 1].startswith("logo:")
    lines[LOGO_LINE - 1] = f"logo: {value}"
    brand.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _refused_build(ws: Path, logo: str, *says: str) -> None:
    _set_logo(ws, logo)
    before = snapshot(ws)
    result = run(["build"], ws)
    assert_refused(result, code=1, says=[f"brand.yaml:{LOGO_LINE}:7 logo: {logo} ", *says])
    assert snapshot(ws) == before
    assert not no_partial_files(ws)
    assert not (ws / "out" / "booklet.pdf").exists()


# -- raster files ---------------------------------------------------------------------

def test_a_decompression_bomb_png_is_refused_before_it_is_decoded(ws: Path) -> None:
    (ws / "bomb.png").write_bytes(_png(30000, 30000))  # 900 million pixels in ~100 kB
    assert (ws / "bomb.png").stat().st_size < 200_000
    _refused_build(ws, "bomb.png", "too many pixels", "900,000,000 pixels",
                   "save a smaller copy")


def test_a_png_in_pillows_warning_band_is_an_error_not_a_warning(ws: Path) -> None:
    # 100 million pixels: Pillow only warns (DecompressionBombWarning) here.
    (ws / "big.png").write_bytes(_png(10000, 10000))
    _refused_build(ws, "big.png", "too many pixels", "100,000,000 pixels")


def test_a_png_over_studypacks_own_pixel_cap_says_its_size(ws: Path) -> None:
    (ws / "wide.png").write_bytes(_png(6000, 5000))
    _refused_build(ws, "wide.png", "too many pixels to place (6000 x 5000;", "at most 25,000,000")


def test_a_truncated_png_is_named_as_not_a_readable_image(ws: Path) -> None:
    (ws / "cut.png").write_bytes(_png(300, 100, cut=True))
    _refused_build(ws, "cut.png", "is not a readable image (truncated PNG?)",
                   "export it again")


def test_a_text_file_named_logo_png_is_refused(ws: Path) -> None:
    (ws / "logo.png").write_text("not a picture at all\n", encoding="utf-8")
    _refused_build(ws, "logo.png", "is not a PNG, JPEG or SVG image")


def test_a_huge_file_is_refused_without_reading_it_whole(ws: Path) -> None:
    huge = ws / "huge.png"
    with huge.open("wb") as handle:
        handle.write(b"\x89PNG\r\n\x1a\n")
        handle.truncate(64 * 2**20)  # sparse: 64 MiB claimed, nothing stored
    _refused_build(ws, "huge.png", "is larger than 16 MiB")


def test_dev_zero_as_the_logo_is_refused_as_a_device(ws: Path) -> None:
    _refused_build(ws, "/dev/zero", "is a device, not an image file")


def test_a_named_pipe_as_the_logo_is_refused_without_hanging(ws: Path) -> None:
    os.mkfifo(ws / "pipe.png")  # no writer: opening it to read would block for ever
    _refused_build(ws, "pipe.png", "is a named pipe, not an image file")


def test_a_folder_as_the_logo_is_refused(ws: Path) -> None:
    _refused_build(ws, "content", "is a folder, not an image file")


def test_a_symlink_loop_as_the_logo_is_refused(ws: Path) -> None:
    (ws / "a.png").symlink_to("b.png")
    (ws / "b.png").symlink_to("a.png")
    _refused_build(ws, "a.png", "cannot be opened", "fix the link")


def test_a_pack_files_bad_logo_names_the_pack_line_and_brand_logo(ws: Path) -> None:
    (ws / "cut.png").write_bytes(_png(300, 100, cut=True))
    pack = ws / "content" / "packs" / "mine.yaml"
    pack.parent.mkdir(parents=True, exist_ok=True)
    pack.write_text("title: Mine\nselect:\n  years: [2019, 2020]\nbrand:\n  logo: cut.png\n",
                    encoding="utf-8")
    before = snapshot(ws)
    result = run(["pack", "content/packs/mine.yaml"], ws)
    assert_refused(result, code=1, says=["content/packs/mine.yaml:5:9 brand.logo: cut.png ",
                                         "is not a readable image (truncated PNG?)"])
    assert snapshot(ws) == before
    assert not no_partial_files(ws)
    assert not (ws / "out" / "packs").exists() or not any((ws / "out" / "packs").iterdir())


# -- SVG sizes --------------------------------------------------------------------------

@pytest.mark.parametrize(("attrs", "says"), [
    ('width="1e400" height="40"', "unusable width (not a number;"),
    ('width="120" height="-40"', "unusable height"),
    ('width="0" height="40"', "unusable width"),
    ('width="1e-30" height="40"', "unusable width"),
    ('width="4000mm" height="40"', "unusable width"),
    ('width="120" height="40" viewBox="0 0 1e400 40"', "unusable viewBox"),
    ('width="120" height="40" viewBox="0 0 0 40"', "unusable viewBox"),
    ('width="120" height="40" viewBox="0 0 1e-300 1e-300"', "unusable viewBox"),
    ('width="120" height="40" viewBox="0 0 nan 40"', "unusable viewBox"),
])
def test_an_svg_of_absurd_size_is_refused(ws: Path, attrs: str, says: str) -> None:
    (ws / "logo.svg").write_text(_svg(attrs), encoding="utf-8")
    _refused_build(ws, "logo.svg", says)


def test_an_svg_with_an_absurd_shape_inside_is_refused(ws: Path) -> None:
    (ws / "logo.svg").write_text(_svg(inside='<circle cx="10" cy="10" r="1e400"/>'),
                                 encoding="utf-8")
    _refused_build(ws, "logo.svg", "cannot be printed")


def test_an_svg_that_links_to_another_file_is_refused(ws: Path) -> None:
    (ws / "logo.svg").write_text(_svg(inside='<image xlink:href="../../etc/hostname" '
                                             'width="10" height="10"/>'), encoding="utf-8")
    _refused_build(ws, "logo.svg", "links to another file (../../etc/hostname)")


def test_a_bomb_embedded_in_an_svg_is_refused(ws: Path) -> None:
    inner = base64.b64encode(_png(30000, 30000)).decode("ascii")
    (ws / "logo.svg").write_text(_svg(inside=f'<image href="data:image/png;base64,{inner}" '
                                             'width="10" height="10"/>'), encoding="utf-8")
    _refused_build(ws, "logo.svg", "(an image embedded in it) has too many pixels")


def test_an_svg_that_is_not_svg_is_refused(ws: Path) -> None:
    (ws / "logo.svg").write_text("<html><body>a web page</body></html>", encoding="utf-8")
    _refused_build(ws, "logo.svg", "is not a readable SVG")


# -- what a good logo gives ----------------------------------------------------------------

def _content_numbers_problems(pdf: Path) -> list[str]:
    """Every non-finite number in the page and form content streams of ``pdf``."""
    found = []
    with pikepdf.open(pdf) as doc:
        for objnum, obj in enumerate(doc.objects):
            if not isinstance(obj, pikepdf.Stream):
                continue
            if obj.get("/Subtype") in (pikepdf.Name.Image, pikepdf.Name("/Type1C"),
                                       pikepdf.Name("/CIDFontType0C")) or "/Length1" in obj:
                continue  # pixels and font programs are binary, not operators
            try:
                data = obj.read_bytes()
            except pikepdf.PdfError:
                continue
            if b"\x00" in data[:1024]:
                continue  # other binary payloads (ICC profiles, metadata streams are text)
            found += [f"object {objnum}: {m.group().decode()!r}"
                      for m in NUMBER_NOT_FINITE.finditer(data)]
    return found


def test_the_scan_finds_nan_in_a_content_stream(tmp_path: Path) -> None:
    # The scan itself must be able to fail: a PDF with "-nan" written in its page.
    doc = pikepdf.new()
    doc.add_blank_page()
    doc.pages[0].Contents = doc.make_stream(b"q\n1 0 0 1 -nan 194.4 cm\nQ\n")
    doc.save(tmp_path / "bad.pdf")
    found = _content_numbers_problems(tmp_path / "bad.pdf")
    assert len(found) == 1 and found[0].endswith("'-nan'"), found


def test_a_built_pdf_with_svg_and_png_logos_has_no_nan_or_inf(ws: Path) -> None:
    (ws / "logo.svg").write_text(_svg('width="120" height="40" viewBox="0 0 120 40"',
                                      '<text x="4" y="30">Centre</text>'), encoding="utf-8")
    (ws / "brand.yaml").write_text(
        (ws / "brand.yaml").read_text(encoding="utf-8")
        .replace("logo: null", "logo: logo.svg")
        .replace("watermark: null", "watermark: Sample – not for sale")
        .replace('centre: "Ws"', "centre: Test Centre"), encoding="utf-8")
    result = run(["build"], ws)
    assert result.code == 0, result.text
    assert _content_numbers_problems(ws / "out" / "booklet.pdf") == []
    (ws / "logo.png").write_bytes((ROOT / "content" / "extra" / "centre-logo.png").read_bytes())
    _set_logo(ws, "logo.png")
    result = run(["build", "--layout", "print-mono", "-o", "out/grey.pdf"], ws)
    assert result.code == 0, result.text
    assert _content_numbers_problems(ws / "out" / "grey.pdf") == []


def test_every_image_is_opened_by_the_checked_loader_alone() -> None:
    # PIL, svglib and ReportLab's ImageReader read files only in these two modules:
    # the loader, and the renderer drawing the bytes the loader checked.
    allowed = {"studypack/content/images.py", "studypack/render/marks.py"}
    opener = re.compile(r"Image\.open|svg2rlg|ImageReader\(|drawImage\(|from PIL|import PIL")
    users = {str(p.relative_to(ROOT)) for p in (ROOT / "studypack").rglob("*.py")
             if opener.search(p.read_text(encoding="utf-8"))}
    assert users <= allowed, users - allowed


def test_watch_reports_a_logo_link_loop_and_keeps_watching(ws: Path) -> None:
    (ws / "a.png").symlink_to("b.png")
    (ws / "b.png").symlink_to("a.png")
    _set_logo(ws, "a.png")
    environment = {k: v for k, v in os.environ.items() if k != "STUDYPACK_DEBUG"}
    watcher = subprocess.Popen([sys.executable, "-m", "studypack.cli", "build", "--watch"],
                               cwd=ws, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               text=True, env={**environment, "COLUMNS": "200"})
    try:
        seen = ""
        deadline = time.monotonic() + 30
        assert watcher.stdout is not None
        while "Watching" not in seen and time.monotonic() < deadline:
            line = watcher.stdout.readline()
            if not line:
                break
            seen += line
    finally:
        watcher.send_signal(signal.SIGINT)
        rest, _ = watcher.communicate(timeout=30)
    text = seen + rest
    assert "brand.yaml:4:7 logo: a.png cannot be opened" in text, text
    assert "Watching" in text and "internal error" not in text and "Traceback" not in text
    assert watcher.returncode == 0, text


@pytest.mark.parametrize(("line", "says"), [
    ("accent: .nan", "brand.yaml:5:9 accent: must be text"),
    ("accent: 1e400", "brand.yaml:5:9 accent: '1e400' is not a colour"),
    ("accent: -.inf", "brand.yaml:5:9 accent: must be text"),
])
def test_brand_settings_take_no_numbers(ws: Path, line: str, says: str) -> None:
    # brand.yaml has no numeric setting (the logo box and the watermark's size and
    # angle are worked out from the page); a number where a colour goes is refused.
    brand = ws / "brand.yaml"
    lines = brand.read_text(encoding="utf-8").splitlines()
    assert lines[4].startswith("accent:")
    lines[4] = line
    brand.write_text("\n".join(lines) + "\n", encoding="utf-8")
    before = snapshot(ws)
    assert_refused(run(["build"], ws), code=1, says=[says])
    assert snapshot(ws) == before
    assert not (ws / "out" / "booklet.pdf").exists()


def test_an_svg_use_bomb_is_refused_before_it_is_expanded(ws: Path) -> None:
    # Seven nested groups, each using the one below ten times: 10 million squares.
    groups = "".join(f'<g id="g{i}">' + f'<use xlink:href="#g{i - 1}"/>' * 10 + "</g>"
                     for i in range(1, 8))
    (ws / "logo.svg").write_text(_svg(inside=f'<defs><rect id="g0" width="1" height="1"/>'
                                             f'{groups}</defs><use xlink:href="#g7"/>'),
                                 encoding="utf-8")
    assert (ws / "logo.svg").stat().st_size < 2000
    _refused_build(ws, "logo.svg", "expands to more than 50,000 shapes through <use>")


def test_an_svg_that_uses_its_own_group_is_refused(ws: Path) -> None:
    (ws / "logo.svg").write_text(_svg(inside='<g id="me"><use href="#me"/></g>'),
                                 encoding="utf-8")
    _refused_build(ws, "logo.svg", "refers to itself")


def test_an_svg_with_shared_shapes_is_still_a_good_logo(ws: Path) -> None:
    (ws / "logo.svg").write_text(_svg(inside='<defs><circle id="dot" r="3"/></defs>'
                                             + '<use href="#dot" x="10" y="10"/>' * 20),
                                 encoding="utf-8")
    _set_logo(ws, "logo.svg")
    result = run(["build"], ws)
    assert result.code == 0, result.text
    assert _content_numbers_problems(ws / "out" / "booklet.pdf") == []
