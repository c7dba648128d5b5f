"""Book typography: a book's measure, justified and hyphenated text, clean page breaks.

The sample booklet is read back with pypdf through ``bench/typography.py``
(the same report a person runs), and small layouts are built to check the
settings a layout file gives.
"""

from __future__ import annotations

import importlib.util
import marshal
import re
import sys
from pathlib import Path

import pikepdf
import pytest
from pypdf import PdfReader
from reportlab.lib.enums import TA_JUSTIFY
from reportlab.lib.styles import ParagraphStyle

from studypack.build import BuildResult, build_booklet
from studypack.errors import ContentError
from studypack.render.hyphenation import hyphenator
from studypack.render.inline import ARABIC_LETTER
from studypack.render.paragraphs import LOOSEST_SPACE, OnceParagraph
from studypack.render.rl_private import left_align_loose_lines

from .conftest import CONTENT

BENCH = Path(__file__).resolve().parent.parent / "bench"


def _typography():
    spec = importlib.util.spec_from_file_location("bench_typography", BENCH / "typography.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


typography = _typography()


def test_the_sample_booklet_keeps_a_books_measure_and_clean_breaks(
        sample_build: BuildResult) -> None:
    report = typography.analyse(sample_build.path, typography.Faces("classic"))
    lengths = report.full_lines
    assert len(lengths) > 500
    assert 60 <= sum(lengths) / len(lengths) <= 72, sum(lengths) / len(lengths)
    assert max(lengths) <= 80
    assert report.widows == [] and report.orphans == [] and report.headings == []
    assert len(report.short_pages) < 0.05 * report.pages, report.short_pages


def test_two_columns_never_strand_a_heading_or_a_first_line_at_a_column_foot(
        tmp_path: Path) -> None:
    # Sixty of the benchmark's answers in compact: before balanced columns were given the
    # room they need, this left 8 "Answer" headings at a page's foot and 11 point
    # headings with one line under them at a column's foot.
    pdf = typography.corpus_booklet(60, "compact", tmp_path)
    report = typography.analyse(pdf, typography.Faces("compact"))
    assert report.pages > 80
    assert report.headings == [] and report.orphans == [] and report.widows == []
    assert len(report.short_pages) < 0.05 * report.pages, report.short_pages


def _break_heads(reader: PdfReader) -> list[str]:
    """The first part of every word broken at a line's end ("adminis" of "adminis-" + newline)."""
    text = "\n".join(page.extract_text() for page in reader.pages)
    return re.findall(r"(\S+)-\n\S", text)


def test_words_are_hyphenated_but_never_names_numbers_or_compounds(sample_reader) -> None:
    heads = _break_heads(sample_reader)
    assert len(heads) >= 10, heads
    for head in heads:
        word = head.strip("“‘(")
        assert word.isalpha() and word.islower(), head
    splits = hyphenator("en_GB")
    assert callable(splits)
    assert ("provin", "cial") in splits("provincial")
    assert splits("Pakhtunkhwa") == () and splits("IMF") == () and splits("fibre-optic") == ()
    assert hyphenator("none") == ""


def test_parsed_patterns_are_kept_once_per_machine_and_split_words_as_pyphen_does(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import marshal

    import pyphen

    from studypack.render import hyphenation

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    path = pyphen.LANGUAGES["en_GB"]
    monkeypatch.setattr(pyphen, "hdcache", {})
    hyphenation._load_patterns(pyphen, path)
    parsed = pyphen.hdcache[path]
    [kept] = (tmp_path / "studypack").iterdir()
    assert kept.name.startswith(f"hyph_en_GB-pyphen{pyphen.__version__}-")

    # A second process reads the table back and never parses the dictionary.
    monkeypatch.setattr(pyphen, "hdcache", {})
    monkeypatch.setattr(pyphen.HyphDict, "__init__", None)
    hyphenation._load_patterns(pyphen, path)
    restored = pyphen.hdcache[path]
    assert restored is not parsed and restored.patterns == parsed.patterns
    words = ("provincial", "administration", "constitutional", "parliamentary", "accountability",
             "hyphenation", "sovereignty", "infrastructure", "extraordinary", "democratisation")
    ours = pyphen.Pyphen(filename=path, left=2, right=3)
    monkeypatch.setattr(pyphen, "hdcache", {path: parsed})
    theirs = pyphen.Pyphen(filename=path, left=2, right=3)
    for word in words:
        assert list(ours.iterate(word)) == list(theirs.iterate(word)), word
        assert ours.positions(word) == theirs.positions(word), word
    assert any(list(theirs.iterate(word)) for word in words)

    # A damaged file is passed over: parsed again and written again, whole.
    monkeypatch.undo()
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(pyphen, "hdcache", {})
    for damaged in (b"\x00damaged", marshal.dumps(([1, 2], 3)), marshal.dumps(("a", "b", "c"))):
        kept.write_bytes(damaged)
        monkeypatch.setattr(pyphen, "hdcache", {})
        hyphenation._load_patterns(pyphen, path)
        assert pyphen.hdcache[path].patterns == parsed.patterns
    assert [p.name for p in (tmp_path / "studypack").iterdir()] == [kept.name]
    assert kept.stat().st_size > 100_000

    # A cache that cannot be written (here a file stands where its folder would) costs time only.
    blocked = tmp_path / "blocked"
    blocked.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    monkeypatch.setattr(pyphen, "hdcache", {})
    hyphenation._load_patterns(pyphen, path)
    assert pyphen.hdcache[path].patterns == parsed.patterns



def test_a_fonts_parsed_tables_are_kept_once_per_machine_and_read_back_without_parsing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from reportlab.pdfbase.ttfonts import TTFontFile

    from studypack.render import fonts
    from studypack.theme import load_theme

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    path = load_theme("classic", None).text.italic
    parsed = fonts._read_font("Kept-Italic", path)
    [kept] = (tmp_path / "studypack").iterdir()
    assert kept.name.startswith(f"{path.stem}-reportlab")

    # A later process reads the kept tables back and never parses the file's tables.
    with monkeypatch.context() as later:
        later.setattr(TTFontFile, "extractInfo", None)
        restored = fonts._read_font("Kept-Italic", path)
    assert restored.face.charWidths == parsed.face.charWidths
    assert restored.face.name == parsed.face.name
    assert restored.stringWidth("Kashmir dispute", 11) == parsed.stringWidth("Kashmir dispute", 11)

    # A damaged or foreign kept file is parsed over and written again, whole.
    for damaged in (b"\x00damaged", marshal.dumps({"plain": {}, "names": {}}),
                    marshal.dumps([1, 2])):
        kept.write_bytes(damaged)
        again = fonts._read_font("Kept-Italic", path)
        assert again.face.charWidths == parsed.face.charWidths
    assert [p.name for p in (tmp_path / "studypack").iterdir()] == [kept.name]
    assert marshal.loads(kept.read_bytes()).keys() == {"plain", "names"}


def _word_spacing(pdf: Path) -> int:
    """How many times the PDF's pages widen the word spacing (justified lines do).

    A ragged line may still narrow its spaces a little (ReportLab's space
    shrinkage, a negative ``Tw``) to fit a word; it never widens them.
    """
    count = 0
    with pikepdf.open(pdf) as doc:
        for page in doc.pages:
            for contents in page.obj.get("/Contents", []) if isinstance(
                    page.obj.get("/Contents"), pikepdf.Array) else [page.obj["/Contents"]]:
                count += sum(float(n) != 0 for n in re.findall(
                    rb"(?<=\s)([\d.]+) Tw\s", contents.read_bytes()))
    return count


@pytest.fixture
def one_answer(tmp_path: Path) -> Path:
    (tmp_path / "content").mkdir()
    source = next(p for p in sorted(CONTENT.rglob("*.yaml")) if "packs" not in p.parts)
    (tmp_path / "content" / source.name).write_bytes(source.read_bytes())
    return tmp_path


def _layout(ws: Path, *lines: str) -> None:
    (ws / "layouts" / "mine").mkdir(parents=True)
    (ws / "layouts" / "mine" / "layout.yaml").write_text(
        "\n".join(["extends: classic", *lines]) + "\n", encoding="utf-8")


def _build(ws: Path, layout: str) -> Path:
    out = ws / "out" / f"{layout}.pdf"
    build_booklet(content=ws / "content", output=out, layout=layout, workspace=ws)
    return out


def test_ragged_and_unhyphenated_text_is_a_layout_setting(one_answer: Path) -> None:
    _layout(one_answer, "type:", "  align: ragged", "  hyphenation: none")
    ragged, justified = _build(one_answer, "mine"), _build(one_answer, "classic")
    assert _word_spacing(justified) > 20
    assert _word_spacing(ragged) == 0
    assert _break_heads(PdfReader(ragged)) == []
    assert _break_heads(PdfReader(justified))


def test_a_wider_page_widens_the_outer_margin_not_the_line(one_answer: Path) -> None:
    a4 = typography.analyse(_build(one_answer, "classic"), typography.Faces("classic"))
    _layout(one_answer, "page:", "  size: Legal")
    legal = typography.analyse(_build(one_answer, "mine"), typography.Faces("classic"))
    for report in (a4, legal):
        assert 60 <= sum(report.full_lines) / len(report.full_lines) <= 72


def test_an_unknown_hyphenation_language_is_named_with_a_suggestion(one_answer: Path) -> None:
    _layout(one_answer, "type:", "  hyphenation: en_GBB")
    with pytest.raises(ContentError) as caught:
        _build(one_answer, "mine")
    message = str(caught.value)
    assert "layout.yaml:3:16 type.hyphenation:" in message
    assert "'en_GBB' is not a hyphenation language (did you mean 'en_GB'?)" in message


def test_a_justified_line_that_would_stretch_too_far_is_set_flush_left() -> None:
    style = ParagraphStyle("j", fontName="Helvetica", fontSize=10, alignment=TA_JUSTIFY)
    # "incomprehensibilities" does not fit after "a b": the first line keeps
    # two short words and a wide gap.
    para = OnceParagraph("a b incomprehensibilities and more words to fill", style)
    para.wrap(100, 500)
    extra, words = para.blPara.lines[0]
    assert words == ["a", "b"] and extra > LOOSEST_SPACE * 2.78
    left_align_loose_lines(para, LOOSEST_SPACE)
    assert para.blPara.lines[0] == (0, ["a", "b"])


def test_an_outline_that_only_repeats_the_key_points_is_left_out(sample_reader) -> None:
    # Each sample answer's outline is its introduction, point headings and
    # conclusion: the key-points table already lists them, so none prints. The
    # thirteen English answers' tables say "Key points"; the Urdu one's, اہم نکات.
    pages = [page.extract_text() for page in sample_reader.pages]
    assert sum("Key points" in text for text in pages) == 13
    assert sum("اہم نکات" in text for text in pages) == 1
    assert not any("\nOutline\n" in f"\n{text}\n" for text in pages)


def test_contents_name_the_exam_when_a_booklet_holds_css_and_pms(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    sources = sorted(p for p in CONTENT.rglob("*.yaml") if "packs" not in p.parts)[:2]
    for n, source in enumerate(sources):
        text = source.read_text(encoding="utf-8")
        if n:
            text = text.replace("exam: CSS", "exam: PMS")
        (tmp_path / "content" / source.name).write_text(text, encoding="utf-8")
    out = tmp_path / "b.pdf"
    result = build_booklet(content=tmp_path / "content", output=out, workspace=tmp_path)
    labels = PdfReader(out).page_labels
    contents = "\n".join(PdfReader(out).pages[i].extract_text()
                         for i in range(1, labels.index("1")))
    assert re.search(r"^CSS 20\d\d$", contents, re.MULTILINE), contents
    assert re.search(r"^PMS 20\d\d$", contents, re.MULTILINE), contents
    assert result.questions == 2


def test_the_cover_lists_each_topic_with_its_questions_and_years(sample_build, sample_reader
                                                                 ) -> None:
    from studypack.content import load_content

    cover = " ".join(sample_reader.pages[0].extract_text().split())
    assert "IN THIS BOOKLET" in cover
    by_topic: dict[str, list[int]] = {}
    for q in load_content(CONTENT):
        by_topic.setdefault(q.primary_topic, []).append(q.year)
    for topic, years in by_topic.items():
        n = len(years)
        span = str(min(years)) if min(years) == max(years) else f"{min(years)}–{max(years)}"
        assert f"{topic} {n} question{'' if n == 1 else 's'} · {span}" in cover, topic


def test_each_section_opens_with_its_title_over_its_first_question(sample_build,
                                                                    sample_reader) -> None:
    from studypack.content import load_content

    by_id = {q.id: q for q in load_content(CONTENT)}
    first_of: dict[str, str] = {}
    for qid, _ in sorted(sample_build.start_pages.items(), key=lambda item: item[1]):
        first_of.setdefault(by_id[qid].primary_topic, qid)
    for qid, start in sample_build.start_pages.items():
        lines = sample_reader.pages[start - 1].extract_text().split("\n")
        topic = by_id[qid].primary_topic
        opens = topic in lines[:3]
        assert opens == (first_of[topic] == qid), (qid, lines[:3])


def test_booklets_and_handouts_say_their_language(one_answer: Path, sample_build) -> None:
    from studypack.build import build_handouts
    from studypack.content import load_content

    with pikepdf.open(sample_build.path) as pdf:
        assert str(pdf.Root.Lang) == "en-GB"
    _layout(one_answer, "type:", "  hyphenation: en_US")
    with pikepdf.open(_build(one_answer, "mine")) as pdf:
        assert str(pdf.Root.Lang) == "en-US"
    (qid,) = [q.id for q in load_content(one_answer / "content")]
    (handout,) = build_handouts(content=one_answer / "content", workspace=one_answer,
                                out_dir=one_answer / "out" / "handouts", ids=[qid])
    with pikepdf.open(handout.path) as pdf:
        assert str(pdf.Root.Lang) == "en-GB"


def test_a_lead_in_line_stays_with_the_list_it_introduces(tmp_path: Path) -> None:
    # Filler of every length from 30 to 60 lines puts the lead-in at each place on
    # the page in turn, the page's foot among them.
    source = next(p for p in sorted(CONTENT.rglob("*.yaml")) if "packs" not in p.parts)
    text = source.read_text(encoding="utf-8")
    sentence = "A sentence of filler that runs to about one full line of the text column here."
    for lines in range(30, 61, 2):
        filler = "\n\n  ".join([sentence] * lines)
        answer = text.replace("introduction: |\n", "introduction: |\n  " + filler + "\n\n  "
                              "Three causes stand out:\n\n  - first cause of it all\n"
                              "  - second cause\n  - third cause\n\n", 1)
        folder = tmp_path / str(lines)
        (folder / "content").mkdir(parents=True)
        (folder / "content" / "a.yaml").write_text(answer, encoding="utf-8")
        out = build_booklet(content=folder / "content", output=folder / "b.pdf",
                            workspace=folder).path
        pages = [page.extract_text() for page in PdfReader(out).pages]
        where = [n for n, page in enumerate(pages) if "Three causes stand out:" in page]
        assert where and "first cause of it all" in pages[where[0]], lines


def test_a_long_address_breaks_inside_the_column_and_lists_keep_their_bullets(
        tmp_path: Path) -> None:
    from studypack.build import build_booklet

    answer = CONTENT / "international-relations" / "2017-q5.yaml"
    assert "repertoire-of-the-practice" in answer.read_text(encoding="utf-8")
    pdf = build_booklet(content=CONTENT, output=tmp_path / "compact.pdf", layout="compact",
                        workspace=CONTENT.parent).path
    faces = typography.Faces("compact")
    bullets: set[int] = set()
    crossing = []
    for number, page in enumerate(PdfReader(pdf).pages, 1):
        if ARABIC_LETTER.search(page.extract_text()):
            continue  # the Urdu answer's bullets stand on the right of its lines
        for run in typography.page_runs(page, faces):
            if run.text.lstrip().startswith("•"):
                bullets.add(round(run.x))
            # An address set in the left column ends before the gutter (it ran over into
            # the right column's text).
            if "/" in run.text and run.x < faces.gutter - 20 \
                    and run.x + run.width > faces.gutter + 2:
                crossing.append((number, run.text[:40]))
    assert crossing == []
    # Every bullet of the two columns sits at one of two places (one a column): the first
    # item under a heading keeps its bullet, where it used to be set into the paragraph.
    assert len(bullets) <= 2, sorted(bullets)
