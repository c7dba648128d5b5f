"""The same inputs give the same bytes: in any folder, for any user, on any day."""

from __future__ import annotations

import shutil
from pathlib import Path

import pikepdf
import pytest
from PIL import Image

from tests.abuse.harness import run
from tests.conftest import started_workspace

PACK = """title: Reproducible
select:
  papers: [Pakistan Affairs, International Relations]
include:
  - file: notes/centre-notes.pdf
    title: Centre notes
    where: appendix
revision_grid: true
"""

OUTPUTS = ("out/booklet.pdf", "out/packs/all.pdf", "out/handouts/one.pdf")


def _centre(ws: Path) -> None:
    Image.new("RGB", (240, 90), (122, 46, 46)).save(ws / "logo.png")
    brand = (ws / "brand.yaml").read_text(encoding="utf-8")
    (ws / "brand.yaml").write_text(brand.replace("logo: null ", "logo: logo.png")
                                   .replace('centre: "Ws"', "centre: Test Centre"),
                                   encoding="utf-8")
    (ws / "notes").mkdir()
    with pikepdf.new() as pdf:
        pdf.add_blank_page(page_size=(595, 842))
        pdf.save(ws / "notes" / "centre-notes.pdf", deterministic_id=True)
    (ws / "content" / "packs").mkdir()
    (ws / "content" / "packs" / "all.yaml").write_text(PACK, encoding="utf-8")


def _build_all(ws: Path, env: dict[str, str], jobs: str = "1") -> dict[str, bytes]:
    ident = "css-2019-pakistan-affairs-q3"
    for command in (["build"], ["pack", "content/packs/all.yaml", "--jobs", jobs],
                    ["handout", ident, "-o", "out/handouts/one.pdf"]):
        done = run(command, ws, env=env)
        assert done.code == 0, done.text
    return {name: (ws / name).read_bytes() for name in OUTPUTS}


@pytest.fixture
def two_copies(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    (tmp_path / "office-a").mkdir()
    first = started_workspace(tmp_path / "office-a", monkeypatch)[0]
    _centre(first)
    second = tmp_path / "elsewhere" / "deeper" / "office-b"
    shutil.copytree(first, second)
    return first, second


def test_two_folders_users_zones_locales_and_job_counts_give_the_same_bytes(
        two_copies: tuple[Path, Path], tmp_path: Path) -> None:
    first, second = two_copies
    a = _build_all(first, {"HOME": str(tmp_path), "TZ": "UTC", "LANG": "C.UTF-8",
                           "PYTHONHASHSEED": "1"}, jobs="1")
    home = tmp_path / "other-home"
    home.mkdir()
    b = _build_all(second, {"HOME": str(home), "TZ": "Asia/Karachi", "LC_ALL": "ur_PK.UTF-8",
                            "PYTHONHASHSEED": "4242"}, jobs="2")
    warm = _build_all(second, {"HOME": str(home)}, jobs="2")  # the cache is warm now
    for name in OUTPUTS:
        assert a[name] == b[name], name
        assert warm[name] == b[name], name
        for folder in (first, second, tmp_path):
            assert str(folder).encode() not in b[name], (name, folder)
    # Parts are kept under keys of their inputs alone: one cache serves both copies.
    kept = [sorted(p.name for p in (ws / "out" / ".cache").glob("*.pdf"))
            for ws in (first, second)]
    assert kept[0] and kept[0] == kept[1]


def test_without_a_source_date_a_pdf_claims_no_date(two_copies: tuple[Path, Path]) -> None:
    built = _build_all(two_copies[0], {})
    for name in OUTPUTS:
        with pikepdf.open(two_copies[0] / name) as pdf:
            assert "/CreationDate" not in pdf.docinfo and "/ModDate" not in pdf.docinfo
            assert "/Metadata" not in pdf.Root  # no XMP with a date of its own
    assert built


def test_source_date_epoch_dates_every_pdf(two_copies: tuple[Path, Path]) -> None:
    _build_all(two_copies[0], {"SOURCE_DATE_EPOCH": "1772323200"})  # 2026-03-01
    for name in OUTPUTS:
        with pikepdf.open(two_copies[0] / name) as pdf:
            assert str(pdf.docinfo["/CreationDate"]) == "D:20260301000000+00'00'", name
            assert str(pdf.docinfo["/ModDate"]) == "D:20260301000000+00'00'", name


def test_a_bad_source_date_is_named(two_copies: tuple[Path, Path]) -> None:
    done = run(["build"], two_copies[0], env={"SOURCE_DATE_EPOCH": "yesterday"})
    assert done.code == 2
    assert "SOURCE_DATE_EPOCH is 'yesterday'; it must be the date as whole seconds" in done.err
    assert "Traceback" not in done.text


def test_one_byte_of_the_logo_changes_the_pdfs_and_their_identifiers(
        two_copies: tuple[Path, Path]) -> None:
    first, _ = two_copies
    before = _build_all(first, {})
    Image.new("RGB", (240, 90), (122, 46, 47)).save(first / "logo.png")
    after = _build_all(first, {})
    for name in ("out/booklet.pdf", "out/packs/all.pdf"):
        assert after[name] != before[name]
        ids = []
        for data in (before[name], after[name]):
            with pikepdf.open(__import__("io").BytesIO(data)) as pdf:
                ids.append(bytes(pdf.trailer.ID[0]))
        assert ids[0] != ids[1], name


def test_print_inputs_lists_the_same_files_and_digests_in_two_folders(
        two_copies: tuple[Path, Path]) -> None:
    first, second = two_copies
    listings = []
    for ws in (first, second):
        booklet = run(["build", "--print-inputs"], ws)
        pack = run(["pack", "content/packs/all.yaml", "--print-inputs"], ws)
        assert booklet.code == pack.code == 0, booklet.text + pack.text
        listings.append((booklet.out, pack.out))
        assert not (ws / "out" / "booklet.pdf").exists()  # nothing is built
    assert listings[0] == listings[1]
    booklet, pack = listings[0]
    import hashlib
    logo = hashlib.sha256((first / "logo.png").read_bytes()).hexdigest()
    notes = hashlib.sha256((first / "notes" / "centre-notes.pdf").read_bytes()).hexdigest()
    assert f"{logo}  logo.png" in booklet.splitlines()
    assert f"{notes}  notes/centre-notes.pdf" in pack.splitlines()
    assert "SOURCE_DATE_EPOCH: unset (the PDF has no date)" in booklet
    assert any(line.endswith("  content/pakistan-affairs/2019-q3.yaml")
               for line in booklet.splitlines())
    assert str(first) not in booklet + pack


def test_booklet_bytes_do_not_depend_on_the_number_of_processes(tmp_path, monkeypatch):
    ws = started_workspace(tmp_path, monkeypatch)[0]
    made = {}
    for jobs in (1, 2, 4):
        out = f"out/jobs-{jobs}.pdf"
        result = run(["build", "--no-cache", "--jobs", str(jobs), "-o", out], ws,
                     env={"SOURCE_DATE_EPOCH": "1780000000"})
        assert result.code == 0, result.text
        made[jobs] = (ws / out).read_bytes()
    assert len(made[1]) > 50_000
    assert made[1] == made[2] == made[4]


def test_a_part_does_not_depend_on_the_fonts_its_process_read_before() -> None:
    # The Arabic and fallback fonts are read only when wanted; a worker that
    # read them for one part must lay out the next exactly as a fresh one.
    from studypack.content import load_content
    from studypack.engine.make import pack_alphabet
    from studypack.model import BookletPlan, Brand, PackPlan, TopicGroup
    from studypack.render import RenderOptions, render_document
    from studypack.render.fonts import forget_fonts, register_theme_fonts, subset_seed
    from studypack.theme import load_theme

    from .conftest import CONTENT

    theme = load_theme("classic", None)
    answer = next(q for q in load_content(CONTENT) if q.id == "css-2022-pakistan-affairs-q8")
    plan = BookletPlan(title="Fonts", subtitle="", edition="",
                       groups=(TopicGroup("One", (answer,)),), brand=Brand())
    alphabet = pack_alphabet(PackPlan(booklet=plan, includes=(), blocks=(),
                                      revision_grid=False, duplex=False, handouts=False,
                                      layout="classic", output="x.pdf"))
    options = RenderOptions(cover=False, contents=False, alphabet=alphabet)
    forget_fonts()
    fresh = render_document(plan, theme, options).pdf
    fonts = register_theme_fonts(theme)
    assert len(subset_seed(fonts, alphabet)) == 12
    assert {fonts.arabic.regular, fonts.fallback[0].regular} <= set(
        subset_seed(fonts, alphabet + "\u0628"))
    assert render_document(plan, theme, options).pdf == fresh
