"""Draw the README's pictures from the shipped sample content.

docs/images/sample-pages.png: the sample booklet's cover, contents and first
answer page side by side; docs/images/layouts.png: the same answer's first page
in each built-in layout; docs/images/imposed-sheet.png: the first sheet of the
sample booklet imposed for folding (front and back); docs/images/classroom.png:
the sample worksheet's first page, its answer key and the past-paper trend table;
docs/images/flashcards.png: the first sheet of the same selection's flashcards,
fronts and mirrored backs; docs/images/batch.png: one student's copy of a pack
(``studypack batch``), its cover and an answer page with the student's mark;
docs/images/urdu.png: the sample's Urdu answer (Nastaliq) and the Islamic Studies
answer's verses (Naskh), from the sample booklet.
Pages are rendered by poppler's ``pdftoppm`` (Debian's ``poppler-utils``) and
joined with Pillow.

Run from the repository: python tools/readme_pictures.py
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image

from studypack.batch import build_batch
from studypack.build import build_booklet, build_pack, impose_file, write_trend
from studypack.model import Brand

ROOT = Path(__file__).resolve().parent.parent
IMAGES = ROOT / "docs" / "images"
LAYOUTS = ("classic", "compact", "handout", "print-mono")


def page_png(pdf: Path, page: int, dpi: int, folder: Path) -> Image.Image:
    """Page ``page`` (1-based) of ``pdf`` at ``dpi``, rendered by pdftoppm into ``folder``."""
    stem = folder / f"{pdf.stem}-{page}"
    subprocess.run(["pdftoppm", "-r", str(dpi), "-f", str(page), "-l", str(page), "-png",
                    "-singlefile", str(pdf), str(stem)], check=True)
    return Image.open(f"{stem}.png").convert("RGB")


def side_by_side(pages: list[Image.Image], gap: int = 14) -> Image.Image:
    """The pages in a row on a grey ground, ``gap`` pixels apart."""
    height = max(p.height for p in pages)
    sheet = Image.new("RGB", (sum(p.width for p in pages) + gap * (len(pages) + 1),
                              height + 2 * gap), (226, 230, 233))
    x = gap
    for page in pages:
        sheet.paste(page, (x, gap))
        x += page.width + gap
    return sheet


def page_with(pdf: Path, words: str) -> int:
    """The first page (1-based) of ``pdf`` whose text holds ``words``."""
    from pypdf import PdfReader

    for number, page in enumerate(PdfReader(pdf).pages, 1):
        if words in " ".join(page.extract_text().split()):
            return number
    raise SystemExit(f"{pdf.name}: no page holds {words!r}")


def build(layout: str, folder: Path) -> tuple[Path, int]:
    """The sample booklet in ``layout``, and the page its first answer starts on."""
    out = folder / f"{layout}.pdf"
    result = build_booklet(content=ROOT / "content", output=out, layout=layout,
                           title="CSS Study Pack", edition="Sample edition · 2026",
                           brand=Brand(centre="studypack sample centre"), workspace=ROOT)
    return out, min(result.start_pages.values())


def main() -> int:
    """Draw the pictures into docs/images/."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        classic, first = build("classic", folder)
        side_by_side([page_png(classic, n, 50, folder) for n in (1, 2, first)]).save(
            IMAGES / "sample-pages.png", optimize=True)
        pages = []
        for layout in LAYOUTS:
            pdf, start = build(layout, folder)
            pages.append(page_png(pdf, start, 42, folder))
        side_by_side(pages).save(IMAGES / "layouts.png", optimize=True)
        # Urdu in Nastaliq, and Qur'anic verses in Naskh, shaped by HarfBuzz.
        urdu = page_with(classic, "کنکرنٹ لسٹ کا خاتمہ")
        verses = page_with(classic, "Oneness in being and lordship The Qur")
        side_by_side([page_png(classic, n, 60, folder) for n in (urdu, urdu + 1, verses)]).save(
            IMAGES / "urdu.png", optimize=True)
        # The sample booklet imposed for folding: the first sheet, front and back.
        sheets = folder / "imposed.pdf"
        impose_file(classic, sheets)
        side_by_side([page_png(sheets, n, 30, folder) for n in (1, 2)]).save(
            IMAGES / "imposed-sheet.png", optimize=True)
        # The classroom outputs: a worksheet, its answer key, the trend table.
        test = ROOT / "content" / "packs" / "foreign-policy-test.yaml"
        made = [build_pack(pack=test, content=ROOT / "content", workspace=ROOT,
                           output=folder / f"{kind}.pdf", kind=kind).path
                 for kind in ("worksheet", "answer-key")]
        trend, _ = write_trend(content=ROOT / "content", workspace=ROOT,
                               output=folder / "trend.pdf")
        side_by_side([page_png(pdf, 1, 50, folder) for pdf in (*made, trend)]).save(
            IMAGES / "classroom.png", optimize=True)
        cards = build_pack(pack=test, content=ROOT / "content", workspace=ROOT,
                           output=folder / "cards.pdf", kind="flashcards").path
        side_by_side([page_png(cards, n, 40, folder) for n in (1, 2)]).save(
            IMAGES / "flashcards.png", optimize=True)
        # One student's copy: the cover line and a page's foot.
        roster = folder / "roster.csv"
        roster.write_text("name,roll,batch\nAyesha Khan,17,Evening batch 3\n", encoding="utf-8")
        build_batch(roster=roster, pack=ROOT / "content" / "packs" / "foreign-policy.yaml",
                    content=ROOT / "content", workspace=ROOT, output=folder / "batch")
        copy = folder / "batch" / "17-ayesha-khan.pdf"
        side_by_side([page_png(copy, n, 50, folder) for n in (1, 4)]).save(
            IMAGES / "batch.png", optimize=True)
    print(f"wrote {IMAGES / 'sample-pages.png'}, {IMAGES / 'layouts.png'}, "
          f"{IMAGES / 'imposed-sheet.png'}, {IMAGES / 'classroom.png'}, "
          f"{IMAGES / 'flashcards.png'}, {IMAGES / 'batch.png'} and {IMAGES / 'urdu.png'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
