"""The render cache: a warm build is byte-identical to a cold one, and every input
that can change a page (answer, layout file, template, brand, options, fonts,
library versions, studypack itself) invalidates what it touches.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from studypack import digests
from studypack.build import build_handouts, build_pack
from studypack.engine.cache import RenderCache, theme_fingerprint
from studypack.errors import StrictError
from studypack.theme import load_theme
from studypack.theme.fonts import resolve_family

from .conftest import CONTENT

PACK = """\
title: Cache Pack
brand:
  centre: Test Centre
select:
  topics: [Foreign Policy, Constitutional Development, Economy]
group_by: topic
revision_grid: true
layout: mine
output: out/cache-pack.pdf
"""

LAYOUT = """\
extends: classic
"""


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    shutil.copytree(CONTENT, tmp_path / "content", ignore=shutil.ignore_patterns("packs"))
    (tmp_path / "packs").mkdir()
    (tmp_path / "packs" / "p.yaml").write_text(PACK, encoding="utf-8")
    (tmp_path / "layouts" / "mine" / "templates").mkdir(parents=True)
    (tmp_path / "layouts" / "mine" / "layout.yaml").write_text(LAYOUT, encoding="utf-8")
    return tmp_path


def _cached(ws: Path, **kw):
    return build_pack(pack=ws / "packs" / "p.yaml", content=ws / "content", workspace=ws,
                      cache_dir=ws / "out" / ".cache", **kw)


def _fresh(ws: Path, **kw) -> bytes:
    result = build_pack(pack=ws / "packs" / "p.yaml", content=ws / "content", workspace=ws,
                        output=ws / "out" / "fresh.pdf", **kw)
    return result.path.read_bytes()


def test_warm_build_reuses_every_part_and_gives_the_same_bytes(ws):
    cold = _cached(ws)
    cold_bytes = cold.path.read_bytes()
    assert cold.reused is not None and cold.reused[0] == 0 and cold.reused[1] >= 5
    warm = _cached(ws)
    assert warm.reused == (cold.reused[1], cold.reused[1])
    assert warm.path.read_bytes() == cold_bytes == _fresh(ws)


def test_editing_one_answer_relays_only_its_chunk(ws):
    first = _cached(ws)
    answer = ws / "content" / "current-affairs" / "2018-q7.yaml"
    text = answer.read_text(encoding="utf-8")
    assert "conclusion:" in text
    answer.write_text(text.replace("conclusion: |\n", "conclusion: |\n  Edited. ", 1),
                      encoding="utf-8")
    second = _cached(ws)
    assert second.reused is not None and first.reused is not None
    assert second.reused[1] == first.reused[1]
    # The edited chunk is laid out again; cover, contents, grid and the other
    # chunks come from the cache (the contents too, as no page moved).
    assert second.reused[0] == second.reused[1] - 1
    assert second.path.read_bytes() == _fresh(ws)
    assert b"Edited." not in first.path.read_bytes()  # streams are compressed


def test_an_edit_that_moves_every_later_page_still_relays_only_its_chunk(ws):
    first = _cached(ws)
    answer = ws / "content" / "current-affairs" / "2018-q7.yaml"
    text = answer.read_text(encoding="utf-8")
    added = "  A paragraph added in review, long enough to fill several lines of text.\n" * 60
    answer.write_text(text.replace("conclusion: |\n", "conclusion: |\n" + added + "\n", 1),
                      encoding="utf-8")
    second = _cached(ws)
    assert first.reused is not None and second.reused is not None
    assert second.pages > first.pages  # every later page number moved
    # The contents leave their page numbers to the merge: they are reused too.
    assert second.reused[0] == second.reused[1] - 1
    assert second.path.read_bytes() == _fresh(ws)


@pytest.mark.parametrize("change", ["layout", "template", "brand", "duplex", "headline"])
def test_a_changed_input_invalidates_and_matches_a_cold_build(ws, change):
    before = _cached(ws).path.read_bytes()
    kw = {}
    if change == "layout":
        (ws / "layouts" / "mine" / "layout.yaml").write_text(
            LAYOUT + "colours:\n  accent: '#7a1f1f'\n", encoding="utf-8")
    elif change == "template":
        (ws / "layouts" / "mine" / "templates" / "running_head.j2").write_text(
            "left: Changed head · {{ booklet.title }}\n", encoding="utf-8")
    elif change == "brand":
        pack = ws / "packs" / "p.yaml"
        pack.write_text(PACK.replace("centre: Test Centre", "centre: Other Centre\n"
                                     "  accent: '#225522'"), encoding="utf-8")
    elif change == "duplex":
        kw = {"duplex": True}
    elif change == "headline":
        answer = ws / "content" / "current-affairs" / "2018-q7.yaml"
        text = answer.read_text(encoding="utf-8")
        answer.write_text(text.replace("number: 7", "number: 9", 1), encoding="utf-8")
    after = _cached(ws, **kw)
    assert after.reused is not None
    assert after.reused[0] < after.reused[1]
    if change in ("layout", "template", "brand"):
        assert after.reused[0] == 0  # every part shows the change
    assert after.path.read_bytes() != before
    assert after.path.read_bytes() == _fresh(ws, **kw)


def test_new_library_or_studypack_code_invalidates_everything(ws, monkeypatch):
    _cached(ws)
    real = digests.metadata.version
    monkeypatch.setattr(digests.metadata, "version",
                        lambda name: "999.0" if name == "reportlab" else real(name))
    digests.tool_fingerprint.cache_clear()
    digests.library_versions.cache_clear()
    try:
        again = _cached(ws)
    finally:
        digests.tool_fingerprint.cache_clear()
        digests.library_versions.cache_clear()
    assert again.reused is not None and again.reused[0] == 0


def test_font_bytes_are_part_of_the_layout_fingerprint(ws):
    fonts = ws / "fonts"
    fonts.mkdir()
    serif, sans = resolve_family("IBM Plex Serif", None), resolve_family("Lato", None)
    for face, suffix in (("regular", "Regular"), ("bold", "Bold"), ("italic", "Italic"),
                         ("bold_italic", "BoldItalic")):
        shutil.copy(getattr(serif, face), fonts / f"HouseSerif-{suffix}.ttf")
    (ws / "layouts" / "mine" / "layout.yaml").write_text(
        LAYOUT + "fonts:\n  text: House Serif\n", encoding="utf-8")
    before = theme_fingerprint(load_theme("mine", ws))
    assert theme_fingerprint(load_theme("mine", ws)) == before
    shutil.copy(sans.regular, fonts / "HouseSerif-Regular.ttf")
    assert theme_fingerprint(load_theme("mine", ws)) != before


def test_a_damaged_entry_is_ignored_and_rewritten(ws):
    first = _cached(ws)
    # A laid-out part (its record says "rendered"), not a folio or blank-page stamp,
    # which the count of parts reused leaves out.
    entries = sorted(p for p in (ws / "out" / ".cache").glob("*.pdf")
                     if '"rendered"' in p.with_suffix(".json").read_text(encoding="utf-8"))
    assert entries
    entries[0].write_bytes(entries[0].read_bytes()[:200])
    second = _cached(ws)
    assert second.reused is not None and second.reused[0] == second.reused[1] - 1
    assert second.path.read_bytes() == first.path.read_bytes()
    assert _cached(ws).reused == (second.reused[1], second.reused[1])


def test_warnings_come_back_with_cached_parts(ws):
    answer = ws / "content" / "current-affairs" / "2018-q7.yaml"
    text = answer.read_text(encoding="utf-8")
    answer.write_text(text.replace("conclusion: |\n", "conclusion: |\n  Odd sign \U0001F9EA. ",
                                   1), encoding="utf-8")
    with pytest.warns(UserWarning, match="U\\+1F9EA"):
        _cached(ws)
    with pytest.warns(UserWarning, match="U\\+1F9EA"):
        warm = _cached(ws)
    assert warm.reused is not None and warm.reused[0] == warm.reused[1]
    with pytest.raises(StrictError):
        _cached(ws, strict=True)


def _parts_kept(folder: Path) -> int:
    """Laid-out parts in the cache (not the merger's blank page and folio stamps)."""
    return sum(1 for meta in folder.glob("*.json")
               if "rendered" in json.loads(meta.read_text(encoding="utf-8")))


def test_trim_keeps_this_builds_entries_and_drops_the_oldest(ws):
    _cached(ws)
    folder = ws / "out" / ".cache"
    old = _parts_kept(folder)
    (ws / "packs" / "p.yaml").write_text(PACK.replace("Cache Pack", "Other Title"),
                                         encoding="utf-8")
    store = RenderCache(folder)
    result = build_pack(pack=ws / "packs" / "p.yaml", content=ws / "content", workspace=ws,
                        cache_dir=folder)
    assert result.reused is not None
    store.used = {p.stem for p in folder.glob("*.json")}
    store.trim(limit=0)
    assert _parts_kept(folder) == old + result.reused[1] - result.reused[0]


def test_handouts_come_from_the_cache_unchanged(ws):
    ids = ["css-2018-current-affairs-q7"]
    first = build_handouts(content=ws / "content", workspace=ws, out_dir=ws / "h", ids=ids,
                           layout="handout", cache_dir=ws / "out" / ".cache")
    data = first[0].path.read_bytes()
    second = build_handouts(content=ws / "content", workspace=ws, out_dir=ws / "h2", ids=ids,
                            layout="handout", cache_dir=ws / "out" / ".cache")
    assert second[0].path.read_bytes() == data
    assert any((ws / "out" / ".cache").glob("*.pdf"))


def test_templates_in_a_symlinked_folder_are_hashed(ws, tmp_path_factory):
    shared = tmp_path_factory.mktemp("shared-templates")
    templates = ws / "layouts" / "mine" / "templates"
    templates.rmdir()
    templates.symlink_to(shared, target_is_directory=True)
    _cached(ws)
    (shared / "running_head.j2").write_text("left: Shared head · {{ booklet.title }}\n",
                                            encoding="utf-8")
    after = _cached(ws)
    assert after.reused is not None and after.reused[0] == 0
    assert after.path.read_bytes() == _fresh(ws)


@pytest.mark.parametrize("garbage", ["[]", "null", '"x"', "[" * 100_000, "{}"])
def test_garbage_entries_are_misses_not_crashes(ws, garbage):
    first = _cached(ws).path.read_bytes()
    for meta in (ws / "out" / ".cache").glob("*.json"):
        meta.write_text(garbage, encoding="utf-8")
    again = _cached(ws)
    assert again.reused is not None and again.reused[0] == 0
    assert again.path.read_bytes() == first


def test_a_cache_that_cannot_be_written_is_reported_and_the_pack_still_built(ws):
    (ws / "out").mkdir()
    (ws / "out" / ".cache").write_text("not a folder", encoding="utf-8")
    result = _cached(ws)
    assert result.cache_problem is not None and "cannot be written" in result.cache_problem
    assert result.path.read_bytes() == _fresh(ws)


def test_layout_warnings_fail_strict_whatever_the_jobs_and_cache(ws):
    (ws / "packs" / "p.yaml").write_text(PACK.replace("centre: Test Centre",
                                                      "centre: Test Centre\n  accent: '#eeeeee'"),
                                         encoding="utf-8")
    for jobs in (1, 2):
        with pytest.raises(StrictError, match="too light"):
            _cached(ws, strict=True, processes=jobs)
    with pytest.warns(UserWarning, match="too light"):
        _cached(ws)
    with pytest.raises(StrictError, match="too light"):
        _cached(ws, strict=True, processes=2)


def test_answer_files_read_before_come_back_equal_and_edits_are_read_again(ws, monkeypatch):
    import studypack.content as content_module
    from studypack.content import load_content

    folder, cache = ws / "content", ws / "out" / ".cache"
    fresh = load_content(folder)
    assert load_content(folder, cache) == fresh  # first run: read and kept
    assert (cache / "content.json").is_file()
    with monkeypatch.context() as patched:
        def unreachable(*args, **kwargs):
            raise AssertionError("a kept file was parsed again")
        patched.setattr(content_module, "validate_text", unreachable)
        assert load_content(folder, cache) == fresh  # second run: all from the cache
    answer = next(folder.rglob("*.yaml"))
    answer.write_text(answer.read_text(encoding="utf-8").replace(
        "conclusion: |\n", "conclusion: |\n  Edited for the cache test.\n  ", 1),
        encoding="utf-8")
    edited = load_content(folder, cache)
    assert edited == load_content(folder)
    assert edited != fresh
    assert any("Edited for the cache test." in q.conclusion for q in edited)


def test_a_file_with_problems_is_reported_every_time_and_a_damaged_record_file_ignored(ws):
    from studypack.content import load_content
    from studypack.errors import ContentError

    folder, cache = ws / "content", ws / "out" / ".cache"
    load_content(folder, cache)
    (cache / "content.json").write_bytes(b"{\"not\": [\"a record\"]}")
    assert load_content(folder, cache) == load_content(folder)
    answer = next(folder.rglob("*.yaml"))
    answer.write_text(answer.read_text(encoding="utf-8").replace("marks:", "marks: many\n"
                                                                 "old_marks:", 1),
                      encoding="utf-8")
    for _ in range(2):
        with pytest.raises(ContentError) as caught:
            load_content(folder, cache)
        assert answer.name in str(caught.value)


FACES = {"Regular": (400, "normal"), "Bold": (700, "normal"), "Italic": (400, "italic"),
         "BoldItalic": (700, "italic")}


def _family_files(ws: Path, family: str, faces: tuple[str, ...] = tuple(FACES)) -> None:
    import fontpkg

    (ws / "fonts").mkdir(exist_ok=True)
    for face in faces:
        shutil.copy(fontpkg.path(family, *FACES[face]), ws / "fonts" / f"MyFont-{face}.ttf")


def test_a_font_file_replaced_between_builds_in_one_process_is_read_again(ws):
    # As under pack --watch: the same process builds, the font file is
    # replaced in place, and it builds again.
    import subprocess
    import sys

    (ws / "layouts" / "mine" / "layout.yaml").write_text(
        "extends: classic\nfonts:\n  text: My Font\n", encoding="utf-8")
    _family_files(ws, "Lato")
    first = _cached(ws).path.read_bytes()
    # One face only, not the first one read: the fonts the build has already
    # registered must not be forgotten while it uses them.
    _family_files(ws, "IBM Plex Serif", ("Bold",))
    second = _cached(ws)
    assert second.reused is not None and second.reused[0] == 0
    rebuilt = second.path.read_bytes()
    assert rebuilt != first
    # What a fresh process writes, with no cache and from the cache just filled.
    for flags in (["--no-cache"], []):
        done = subprocess.run(
            [sys.executable, "-c", "from studypack.cli import main; main()", "pack",
             "packs/p.yaml", "-o", "out/fresh.pdf", *flags], cwd=ws, check=False,
            capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        assert (ws / "out" / "fresh.pdf").read_bytes() == rebuilt


def test_a_font_file_cut_off_mid_copy_is_a_font_error(ws):
    from studypack.errors import FontError

    (ws / "layouts" / "mine" / "layout.yaml").write_text(
        "extends: classic\nfonts:\n  text: My Font\n", encoding="utf-8")
    _family_files(ws, "Lato")
    bold = ws / "fonts" / "MyFont-Bold.ttf"
    bold.write_bytes(bold.read_bytes()[:5000])  # a copy still in progress
    with pytest.raises(FontError, match=r"MyFont-Bold\.ttf cannot be read as a font; it looks "
                                        "cut off or damaged"):
        _cached(ws)
