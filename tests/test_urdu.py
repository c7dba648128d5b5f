"""Urdu and Arabic paragraphs: HarfBuzz's glyphs, bidi order, Nastaliq line room, copyable text.

Each check reads the built PDF back (pypdf for the glyphs drawn, PDFium and
pypdf for the text a reader copies) and compares it with uharfbuzz called here
directly, not through studypack's shaping module.
"""

from __future__ import annotations

import re
import subprocess
import unicodedata
import warnings
from itertools import pairwise
from pathlib import Path

import pypdfium2
import pytest
import uharfbuzz as hb
from pypdf import PdfReader
from pypdf.generic import ContentStream
from reportlab.lib.colors import black
from reportlab.platypus import SimpleDocTemplate

from studypack.render.arabic import RightToLeftParagraph, paragraph_faces
from studypack.render.direction import embedding_levels, visual_order
from studypack.render.fonts import FontSet, register_theme_fonts
from studypack.theme import load_theme

URDU = ("پاکستان کا آئین ۱۹۷۳ میں منظور ہوا اور اس نے پارلیمانی نظام قائم کیا۔ "
        "Federal Legislative List میں وفاق کے اختیارات درج ہیں، اور اٹھارویں ترمیم "
        "(2010) کے بعد کئی شعبے صوبوں کو ملے۔")
"""Our own sentences: Urdu with Urdu digits, an English phrase and a bracketed year."""
PLAIN = "پاکستان کا آئین پارلیمانی نظام قائم کرتا ہے اور صوبوں کو اختیار دیتا ہے"
"""Urdu words alone, no digits or punctuation."""
WIDE = 300.0
ARABIC = re.compile("[\u0600-\u06ff]")


@pytest.fixture(scope="module")
def fonts() -> FontSet:
    return register_theme_fonts(load_theme("classic", None))


def build(tmp_path: Path, fonts: FontSet, texts: list[str], width: float = 300) -> Path:
    out = tmp_path / "rtl.pdf"
    story = []
    for text in texts:
        faces = paragraph_faces(fonts, text, 11)
        story.append(RightToLeftParagraph(text, faces, 16 * faces.script.size / 11,
                                          colour=black, space_after=8))
    SimpleDocTemplate(str(out), pagesize=(width + 72, 3000), leftMargin=36, rightMargin=36,
                      topMargin=36, bottomMargin=36, invariant=1).build(story)
    return out


def glyphs_drawn(pdf: Path, font: str, number: int = 0) -> list[int]:
    """Glyph ids of ``font`` (a file's stem) drawn on page ``number`` (from 0), in the order
    they are drawn.

    Each shaped glyph is a form named after its font file and glyph id.
    """
    reader = PdfReader(pdf)
    page = reader.pages[number]
    out = []
    for operands, operator in ContentStream(page.get_contents(), reader).operations:
        if operator == b"Do":
            name = str(operands[0])
            prefix = f"/FormXob.{font}."
            if name.startswith(prefix):
                out.append(int(name[len(prefix):]))
    return out


class CountingPen:
    """A pen (fontTools' protocol, which HarfBuzz draws with) that counts contours."""

    contours = 0

    def moveTo(self, _point):  # noqa: N802
        self.contours += 1

    def lineTo(self, point):  # noqa: N802
        """Nothing to count."""

    def qCurveTo(self, *points):  # noqa: N802
        """Nothing to count."""

    def curveTo(self, *points):  # noqa: N802
        """Nothing to count."""

    def closePath(self):  # noqa: N802
        """Nothing to count."""


def inked(path: Path, gids: list[int]) -> list[int]:
    """The glyphs of ``gids`` that have an outline (a space or a joiner draws nothing)."""
    font = hb.Font(hb.Face(hb.Blob.from_file_path(str(path))))

    def has_outline(gid: int) -> bool:
        pen = CountingPen()
        font.draw_glyph_with_pen(gid, pen)
        return pen.contours > 0

    return [gid for gid in gids if has_outline(gid)]


def nfc(text: str) -> str:
    """``text`` composed: readers put a letter's vowel marks in Unicode's canonical order."""
    return unicodedata.normalize("NFC", text)


def poppler(pdf: Path) -> str:
    """The page's words as poppler's pdftotext gives them, without its direction marks."""
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    return " ".join(text.translate({0x202A: None, 0x202B: None, 0x202C: None}).split())


def copied(pdf: Path) -> str:
    """The page's text as PDFium (Chrome's PDF reader) gives it to a reader who copies it."""
    return pypdfium2.PdfDocument(pdf)[0].get_textpage().get_text_range()


def harfbuzz(path: Path, text: str, language: str) -> list[int]:
    """Glyph ids uharfbuzz gives for ``text`` right to left, left to right as drawn."""
    font = hb.Font(hb.Face(hb.Blob.from_file_path(str(path))))
    buf = hb.Buffer()
    buf.add_str(text)
    buf.guess_segment_properties()
    buf.direction, buf.language = "rtl", language
    hb.shape(font, buf, {"kern": True, "liga": True})
    return [info.codepoint for info in buf.glyph_infos]


def test_an_urdu_word_is_drawn_as_harfbuzz_shapes_it_in_nastaliq(tmp_path, fonts):
    word = "پاکستان"
    drawn = glyphs_drawn(build(tmp_path, fonts, [word]), "NotoNastaliqUrdu-Regular")
    expected = harfbuzz(fonts.urdu.file, word, "ur")
    assert drawn == inked(fonts.urdu.file, expected)
    assert 0 not in expected and len(drawn) > len(word)  # Nastaliq: dots are glyphs too


def test_an_arabic_verse_keeps_every_vowel_mark_where_harfbuzz_puts_it(tmp_path, fonts):
    verse = "بِسْمِ اللَّهِ الرَّحْمَٰنِ الرَّحِيمِ"
    pdf = build(tmp_path, fonts, [verse], width=1000)
    assert glyphs_drawn(pdf, "Amiri-Regular") == inked(
        fonts.arabic.file, harfbuzz(fonts.arabic.file, verse, "ar"))
    assert nfc(copied(pdf)).strip() == nfc(verse)
    assert nfc(poppler(pdf)) == nfc(verse)


def test_urdu_takes_the_urdu_forms_of_its_letters():
    from studypack.render.rtl import is_urdu

    assert is_urdu("پاکستان") and is_urdu("کیا") and not is_urdu("كتاب") and not is_urdu(
        "بِسْمِ اللَّهِ")


def test_digits_english_and_brackets_keep_their_order_inside_urdu(fonts):
    levels = embedding_levels("سال ۱۹۷۳ (2010) List میں", rtl=True)
    assert levels[4:8] == [2, 2, 2, 2]  # Urdu digits run left to right
    assert visual_order([1, 2, 1]) == [2, 1, 0] and visual_order([1, 2, 2, 1]) == [3, 1, 2, 0]
    assert visual_order([0, 1, 1, 0]) == [0, 2, 1, 3]


def test_urdu_digits_are_drawn_in_their_order(tmp_path, fonts):
    digits = "۱۹۷۳"
    pdf = build(tmp_path, fonts, [f"آئین {digits} میں بنا"])
    hb_font = hb.Font(hb.Face(hb.Blob.from_file_path(str(fonts.urdu.file))))
    order = [hb_font.get_nominal_glyph(ord(d)) for d in digits]
    drawn = [g for g in glyphs_drawn(pdf, "NotoNastaliqUrdu-Regular") if g in order]
    assert drawn == order  # drawn left to right in the order typed, as Urdu digits read
    assert "آئین ۱۹۷۳ میں بنا" in copied(pdf)


@pytest.mark.parametrize(("words", "lines"), [(4, 1), (14, 2), (120, 10)])
def test_wrapped_nastaliq_lines_never_overlap(tmp_path, fonts, words, lines):
    text = " ".join((PLAIN.split() * 9)[:words])
    faces = paragraph_faces(fonts, text, 11)
    para = RightToLeftParagraph(text, faces, 16 * faces.script.size / 11, colour=black)
    para.wrap(WIDE, 10_000)
    assert len(para.lines) >= lines if lines > 1 else len(para.lines) == 1
    assert " ".join(line.text for line in para.lines) == text
    pairs = list(zip(para.lines, para.baselines, strict=True))
    for (above, y1), (below, y2) in pairwise(pairs):
        assert y2 - y1 >= -above.bottom + below.top  # one line's ink clears the next's
    assert para.baselines[0] >= para.lines[0].top  # nothing above the paragraph's top
    assert para.height >= para.baselines[-1] - para.lines[-1].bottom
    assert all(line.width <= WIDE + 0.01 for line in para.lines)
    pdf = build(tmp_path, fonts, [text], width=WIDE)
    assert len(PdfReader(pdf).pages) == 1
    assert copied(pdf).split() == text.split()


@pytest.mark.parametrize("width", [2000, WIDE])
def test_the_text_copied_out_is_the_text_typed(tmp_path, fonts, width):
    pdf = build(tmp_path, fonts, [PLAIN], width=width)
    assert " ".join(copied(pdf).split()) == PLAIN  # PDFium: Chrome's reader
    assert " ".join(PdfReader(pdf).pages[0].extract_text().split()) == PLAIN
    assert poppler(pdf) == PLAIN  # pdftotext, Evince, Okular
    # A line that mixes directions: PDFium orders a line's words by the line's main
    # direction alone (the English phrase comes out backwards), but every word, number
    # and bracket comes out whole, so a search finds it.
    mixed = copied(build(tmp_path, fonts, [URDU], width=width))
    assert sorted(mixed.split()) == sorted(URDU.split())


def test_no_missing_glyph_is_drawn(tmp_path, fonts):
    pdf = build(tmp_path, fonts, [URDU + " ✓ ∑"])
    for font in ("NotoNastaliqUrdu-Regular", "IBMPlexSerif-Regular", "Lato-Regular"):
        assert 0 not in glyphs_drawn(pdf, font)
    assert "✓" in copied(pdf)


def test_the_same_paragraph_gives_the_same_bytes(tmp_path, fonts):
    first = build(tmp_path, fonts, [URDU]).read_bytes()
    assert build(tmp_path, fonts, [URDU]).read_bytes() == first


def test_an_ayah_mark_and_its_number_never_start_a_line(fonts):
    one, two, three = "\u0661", "\u0662", "\u0663"  # Arabic-Indic digits: the ayahs' numbers
    verse = (f"قُلْ هُوَ اللَّهُ أَحَدٌ ۝{one} اللَّهُ الصَّمَدُ ۝{two} "
             f"لَمْ يَلِدْ وَلَمْ يُولَدْ ۝{three}")
    faces = paragraph_faces(fonts, verse, 11)
    for width in range(60, 400, 7):
        para = RightToLeftParagraph(verse, faces, 20, colour=black)
        para.wrap(width, 10_000)
        assert not any(line.text.startswith("۝") for line in para.lines), width
        assert " ".join(line.text for line in para.lines) == verse


MARKED = ["آئین 2010\u200f میں بنا", "یہ \u200ePDF فائل ہے", "\u200cیہ جملہ ہے",
          "یہ \u2066PDF\u2069 فائل ہے", "صرف \u2067اردو\u2069 متن"]  # noqa: RUF001
"""Urdu with the marks a writer types to steer bidi by hand (RLM, LRM, ZWNJ, isolates)."""


@pytest.mark.parametrize("text", MARKED)
def test_direction_marks_joiners_and_isolates_are_set_not_fatal(tmp_path, fonts, text):
    # A direction mark draws nothing and copies as nothing; a joiner is kept, as typed.
    pdf = build(tmp_path, fonts, [text], width=2000)
    visible = "".join(c for c in text if c not in "\u200e\u200f\u2066\u2067\u2069")
    assert copied(pdf).split() == visible.split()


def test_a_word_wider_than_the_column_is_broken_inside_it(fonts):
    word = "پاکستانزندہباد" * 12
    faces = paragraph_faces(fonts, f"یہ {word} ہے", 11)
    para = RightToLeftParagraph(f"یہ {word} ہے", faces, 20, colour=black)
    para.wrap(200, 10_000)
    assert all(line.width <= 200 + 0.01 for line in para.lines)
    assert "".join(line.text.replace(" ", "") for line in para.lines) == f"یہ{word}ہے"


def test_a_character_no_font_has_is_warned_of_with_its_file(fonts):
    from studypack.errors import MissingGlyphWarning

    faces = paragraph_faces(fonts, "اردو", 11, source="content/a.yaml")
    para = RightToLeftParagraph("اردو متن \U0001f600 ہے", faces, 20, colour=black)
    with pytest.warns(MissingGlyphWarning, match=r"content/a\.yaml: .*U\+1F600"):
        para.wrap(300, 1000)


def test_the_items_of_an_urdu_list_line_up_past_nine(fonts):
    from reportlab.lib.styles import ParagraphStyle

    from studypack.render.arabic import rtl_paragraph

    style = ParagraphStyle("bullet", fontSize=11, leading=15, leftIndent=16)
    items = [rtl_paragraph(fonts, "نکتہ یہاں ہے", style, bullet=f"{n}.", widest="15.")
             for n in (1, 9, 10, 15)]
    assert len({item.indent for item in items}) == 1
    wide = paragraph_faces(fonts, "نکتہ", 11)
    from studypack.render.rtl import set_line

    assert items[0].indent > set_line("15.", wide).width  # "15." clears its item's text


def test_urdu_columns_fill_the_right_hand_column_first(tmp_path):
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph

    from studypack.render.question import RightToLeftColumns

    # Numbered paragraphs, more than one column holds and more than one page: each
    # page's first paragraphs are in its right-hand column, the last in its left.
    style = ParagraphStyle("p", fontName="Helvetica", fontSize=10, leading=12)
    story = [RightToLeftColumns([Paragraph(f"para{n:03d} " + "word " * 40, style)
                                 for n in range(60)], nCols=2, innerPadding=20)]
    out = tmp_path / "columns.pdf"
    SimpleDocTemplate(str(out), pagesize=(400, 500), leftMargin=30, rightMargin=30,
                      topMargin=30, bottomMargin=30).build(story)
    reader = PdfReader(out)
    assert len(reader.pages) >= 2
    for page in reader.pages:
        starts: list[tuple[int, float]] = []

        def visit(text, cm, tm, font, size, starts=starts):
            if text.startswith("para"):
                starts.append((int(text[4:7]), tm[4] * cm[0] + cm[4]))
        page.extract_text(visitor_text=visit)
        starts.sort()
        sides = ["right" if x > 200 else "left" for _, x in starts]
        assert sides == sorted(sides, key=lambda s: s == "left"), sides  # right, then left
        assert sides[0] == "right"


def test_a_first_letters_swash_keeps_inside_the_measure(fonts):
    # Nastaliq's initial forms (پ, ب …) swing out past the word's advance, to the right
    # where an Urdu line starts: the line is set that much in, its ink within the width.
    text = " ".join(["پاکستان بنانے کی پہلی بات پر بحث"] * 12)
    faces = paragraph_faces(fonts, text, 11)
    para = RightToLeftParagraph(text, faces, 24, colour=black)
    para.wrap(WIDE, 10_000)
    assert any(line.overhang > 1 for line in para.lines)  # there are swashes to keep in
    assert all(line.width + line.overhang <= WIDE + 0.01 for line in para.lines)


def test_a_long_urdu_key_point_is_cut_to_six_lines_and_warned_of(tmp_path):
    from studypack.build import build_booklet
    from studypack.errors import StudypackWarning

    content = tmp_path / "content"
    content.mkdir()
    sample = (Path(__file__).resolve().parent.parent / "content" / "pakistan-affairs"
              / "2021-q5.yaml").read_text(encoding="utf-8")
    long = " ".join(["صوبوں کو اختیار ملا"] * 60)
    (content / "a.yaml").write_text(sample.replace(
        "gist: مشترکہ فہرست ختم ہوئی اور اس کے شعبے صوبوں کے پاس آ گئے۔",
        f"gist: {long}"), encoding="utf-8")
    with pytest.warns(StudypackWarning, match=r"a\.yaml:\d+:\d+ points\[1\]\.gist: .*6 lines"):
        build_booklet(content=content, output=tmp_path / "b.pdf", workspace=tmp_path)
    table_page = next(page for page in PdfReader(tmp_path / "b.pdf").pages
                      if "اہم نکات" in page.extract_text())
    assert "…" in table_page.extract_text()


# English text with an Urdu or Arabic phrase in it: set left to right, the phrase shaped.

PHRASE = "اٹھارویں ترمیم"
"""Our own words: "the Eighteenth Amendment"."""
VERSE = "إِنَّ مَعَ الْعُسْرِ يُسْرًا"
"""Al-Inshirah 94:6, as an Islamiat answer quotes it."""


def build_markup(tmp_path: Path, fonts: FontSet, texts: list[str], width: float = WIDE,
                 style: str = "body", bullet: str | None = None) -> Path:
    """Author texts set as an English answer's paragraphs (through ``render.paragraph``)."""
    from reportlab.platypus import SimpleDocTemplate

    from studypack.render.inline import Markup
    from studypack.render.paragraphs import paragraph
    from studypack.render.styles import make_styles

    styles = make_styles(load_theme("classic", None), fonts)
    markup = Markup(fonts, fonts.text)
    out = tmp_path / "mixed.pdf"
    story = [paragraph(markup.inline(text), styles[style], bullet) for text in texts]
    SimpleDocTemplate(str(out), pagesize=(width + 72, 3000), leftMargin=36, rightMargin=36,
                      topMargin=36, bottomMargin=36, invariant=1).build(story)
    return out


def char_boxes(pdf: Path, number: int = 0) -> list[tuple[str, float]]:
    """Each character PDFium finds on page ``number`` (from 0), with the left of its box."""
    page = pypdfium2.PdfDocument(pdf)[number].get_textpage()
    return [(page.get_text_range(n, 1), page.get_charbox(n)[0])
            for n in range(page.count_chars())]


def test_an_urdu_phrase_in_english_is_shaped_in_nastaliq_by_harfbuzz(tmp_path, fonts):
    pdf = build_markup(tmp_path, fonts, [f"The **18th Amendment** ({PHRASE}) of 2010."])
    drawn = glyphs_drawn(pdf, "NotoNastaliqUrdu-Regular")
    words = PHRASE.split()  # right to left: the second word is drawn first
    expected = [*harfbuzz(fonts.urdu.file, words[1], "ur"),
                *harfbuzz(fonts.urdu.file, " ", "ur"), *harfbuzz(fonts.urdu.file, words[0], "ur")]
    assert inked(fonts.urdu.file, drawn) == inked(fonts.urdu.file, expected)
    assert glyphs_drawn(pdf, "IBMPlexSerif-Bold"), "the bold words keep their face"
    text = " ".join(PdfReader(pdf).pages[0].extract_text().split())
    assert "18th Amendment" in text and PHRASE in text and "of 2010." in text


def test_a_number_after_a_verse_in_english_stays_after_it(tmp_path, fonts):
    # Unisolated, the bidi algorithm takes "(94:6)" into the verse's run, to its left.
    pdf = build_markup(tmp_path, fonts, [f"The Quran says {VERSE} (94:6), a verse."], width=2000)
    boxes = char_boxes(pdf)
    verse_right = max(x for char, x in boxes if char in VERSE and not char.isspace())
    assert next(x for char, x in boxes if char == "9") > verse_right
    drawn = glyphs_drawn(pdf, "Amiri-Regular")
    assert inked(fonts.arabic.file, drawn) == inked(fonts.arabic.file,
                                                    harfbuzz(fonts.arabic.file, VERSE, "ar"))


def test_an_urdu_passage_wrapping_inside_english_reads_on_from_line_to_line(tmp_path, fonts):
    from studypack.render.arabic import mixed_paragraph
    from studypack.render.inline import Markup
    from studypack.render.styles import make_styles

    passage = " ".join([PLAIN] * 3)
    text = f"The preamble reads: {passage}. The English goes on after it."
    style = make_styles(load_theme("classic", None), fonts)["body"]
    para = mixed_paragraph(Markup(fonts, fonts.text).inline(text), style)
    para.wrap(WIDE, 1e6)
    assert len(para.lines) >= 4
    assert " ".join(line.text for line in para.lines).replace("\u2067", "").replace(
        "\u2069", "") == text
    for line in para.lines:
        assert line.width <= WIDE + 0.01
        for run in line.runs:
            clusters = [glyph.cluster for glyph in run.shaped.glyphs]
            if ARABIC.search(run.shaped.text):  # read from the right: clusters fall
                assert clusters == sorted(clusters, reverse=True)
            else:
                assert clusters == sorted(clusters)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no warning: a passage of any length is set
        pdf = build_markup(tmp_path, fonts, [text])
    read = PdfReader(pdf).pages[0].extract_text().split()
    assert [w for w in read if ARABIC.search(w)] == passage.split()
    # PDFium orders a line's words by its main direction alone (a line mostly Urdu puts
    # "reads:" as ":reads"), but each word comes out whole.
    def words(of: str) -> list[str]:
        return sorted(word.strip(".:") for word in of.split())
    assert words(copied(pdf)) == words(text)


def test_a_list_item_with_an_urdu_phrase_keeps_its_bullet_on_the_left(tmp_path, fonts):
    pdf = build_markup(tmp_path, fonts, [f"Provinces gained {PHRASE} powers."], style="bullet",
                       bullet="•")
    boxes = char_boxes(pdf)
    bullet = next(x for char, x in boxes if char == "•")
    assert bullet < next(x for char, x in boxes if char == "P")
    assert " ".join(PdfReader(pdf).pages[0].extract_text().split()) == (
        f"• Provinces gained {PHRASE} powers.")


def urdu_sample(tmp_path: Path, change: tuple[str, str] = ("", ""), layout: str = "") -> Path:
    """The sample's Urdu answer (changed as ``change`` says) built alone; the booklet."""
    from studypack.build import build_booklet

    content = tmp_path / "content"
    content.mkdir(exist_ok=True)
    sample = (Path(__file__).resolve().parent.parent / "content" / "pakistan-affairs"
              / "2021-q5.yaml").read_text(encoding="utf-8")
    (content / "a.yaml").write_text(sample.replace(*change), encoding="utf-8")
    if layout:  # a workspace layout of its own, extending classic
        folder = tmp_path / "layouts" / "mine"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "layout.yaml").write_text("extends: classic\n" + layout, encoding="utf-8")
    out = tmp_path / "b.pdf"
    build_booklet(content=content, output=out, workspace=tmp_path,
                  layout="mine" if layout else "classic")
    return out


def band_page(pdf: Path) -> str:
    return next(" ".join(page.extract_text().split()) for page in PdfReader(pdf).pages
                if "PMS" in page.extract_text() and "Part" in page.extract_text()
                and "Contents" not in page.extract_text())


def test_an_urdu_answers_band_reads_from_the_right_in_urdu_digits(tmp_path):
    page = band_page(urdu_sample(tmp_path))
    from studypack.render.labels import URDU

    assert f"{URDU.question} \u06f5" in page  # 5 in Urdu digits
    assert f"\u06f2\u06f0 {URDU.marks}" in page and f"{URDU.topics}:" in page
    number = next(n for n, page in enumerate(PdfReader(tmp_path / "b.pdf").pages)
                  if "موضوعات" in page.extract_text())
    boxes = char_boxes(tmp_path / "b.pdf", number)
    # The number stands right of the facts, the marks left of them.
    facts = next(x for char, x in boxes if char == "P")
    assert next(x for char, x in boxes if char == "س") > facts
    assert next(x for char, x in boxes if char == "ن") < facts


def test_the_layout_may_ask_for_western_digits_in_urdu(tmp_path):
    pdf = urdu_sample(tmp_path, layout="type:\n  urdu_digits: western\n")
    page = band_page(pdf)
    assert "سوال 5" in page and "20 نمبر" in page
    whole = " ".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "۱۹۷۳" not in whole and "1973" in whole  # the author's Urdu digits too


def test_language_says_which_way_an_answer_is_labelled(tmp_path):
    english = band_page(urdu_sample(tmp_path, ("topics:", "language: en\ntopics:")))
    assert "Q5" in english and "20 marks" in english and "سوال" not in english


def test_bold_words_in_an_urdu_paragraph_are_set_in_nastaliq_bold(tmp_path, fonts):
    bold = "پاکستان کا آئین"

    def bold_glyphs(change: tuple[str, str], folder: str) -> tuple[list[int], str]:
        (tmp_path / folder).mkdir()
        pdf = urdu_sample(tmp_path / folder, change)
        document = pypdfium2.PdfDocument(pdf)
        texts = [" ".join(page.get_textpage().get_text_range().split()) for page in document]
        page = next(n for n, text in enumerate(texts) if f"{bold} ۱۹۷۳ میں" in text)
        return glyphs_drawn(pdf, "NotoNastaliqUrdu-Bold", page), texts[page]

    plain, _ = bold_glyphs(("", ""), "plain")
    marked, text = bold_glyphs((f"  {bold} ۱۹۷۳", f"  **{bold}** ۱۹۷۳"), "bold")
    assert "**" not in text  # the words as typed, without the asterisks
    # The three words are drawn in the bold face (the page's bold labels aside).
    added = list(marked)
    for gid in plain:
        added.remove(gid)
    bold_file = Path(fonts.urdu.bold_file)
    expected = [gid for word in bold.split() for gid in harfbuzz(bold_file, word, "ur")]
    assert sorted(inked(bold_file, added)) == sorted(inked(bold_file, expected))


def test_an_english_word_beside_an_urdu_phrase_is_hyphenated_as_the_others_are(fonts):
    from studypack.render.arabic import mixed_paragraph
    from studypack.render.inline import Markup
    from studypack.render.styles import make_styles

    text = (f"The {PHRASE} gave the provinces responsibilities administratively and "
            "constitutionally unprecedented in the federation's history.")
    style = make_styles(load_theme("classic", None), fonts)["body"]
    para = mixed_paragraph(Markup(fonts, fonts.text).inline(text), style)
    para.wrap(150, 1e6)
    broken = [line for line in para.lines if line.hyphenated]
    assert broken, [line.text for line in para.lines]
    assert all(line.text.endswith("-") and line.width <= 150.01 for line in broken)
    joined = "".join(line.text.removesuffix("-") if line.hyphenated else line.text + " "
                     for line in para.lines)
    assert joined.replace("\u2067", "").replace("\u2069", "").strip() == text


@pytest.mark.parametrize("kind", ["worksheet", "answer-key"])
def test_a_worksheet_and_an_answer_key_set_an_urdu_question_from_the_right(tmp_path, kind):
    from studypack.build import build_pack

    urdu_sample(tmp_path)  # the Urdu answer alone in tmp_path/content
    (tmp_path / "content" / "packs").mkdir()
    pack = tmp_path / "content" / "packs" / "p.yaml"
    pack.write_text("title: Sheet\nselect: {years: 2021}\n", encoding="utf-8")
    out = build_pack(pack=pack, content=tmp_path / "content", workspace=tmp_path,
                     output=tmp_path / f"{kind}.pdf", kind=kind).path
    boxes = [(char, x) for char, x in char_boxes(out) if not char.isspace()]

    def lefts_of(word: str) -> list[float]:  # where ``word`` (without spaces) stands
        return [boxes[n][1] for n in range(len(boxes))
                if "".join(c for c, _ in boxes[n:n + len(word)]) == word]

    question_right = max(x for char, x in boxes if char in "اٹھارویں")
    assert lefts_of("1.")[0] > question_right  # its number on the right
    # Its marks on the left (the header's "Total marks" stands on the right).
    assert min(lefts_of("marks")) < question_right - 300
    if kind == "answer-key":
        numbers = [x for char, x in boxes if char in "\u06f1\u06f2\u06f3\u06f4"]
        assert len(numbers) == 4 and min(numbers) > question_right - 20  # points' numbers


def test_a_glyphs_form_is_named_by_its_font_not_by_the_file_it_was_read_from(tmp_path, fonts):
    # A process that first read a font from a workspace's copy must write the same bytes
    # as a fresh one: the form's name comes from the font's PostScript name.
    import shutil

    from studypack.render.glyph_forms import form_name

    copy = tmp_path / "MyCopy-Regular.ttf"
    shutil.copy(fonts.urdu.file, copy)
    assert form_name(copy, 42) == form_name(Path(fonts.urdu.file), 42)
    assert form_name(copy, 42) == "NotoNastaliqUrdu-Regular.42"


def test_a_link_in_a_paragraph_with_an_urdu_phrase_still_links(tmp_path, fonts):
    pdf = build_markup(tmp_path, fonts, [f"Read [the text of {PHRASE}](https://example.com/18) "
                                         "before the paper."])
    page = PdfReader(pdf).pages[0]
    links = [a.get_object() for a in page.get("/Annots", [])]
    addresses = {str(a["/A"]["/URI"]) for a in links}
    assert addresses == {"https://example.com/18"}
    # The link covers the linked words (five words: "the", "text", "of" and the phrase's
    # two), not "Read" or "before".
    assert len(links) == 5
    read = next(x for char, x in char_boxes(pdf) if char == "R")
    assert all(float(a["/Rect"][0]) > read + 10 for a in links)


def test_brackets_pair_up_around_english_in_urdu_and_a_number_after_them_stays_after():
    # Rule N0 (paired brackets), which python-bidi's stages predate: unpaired, the
    # closing bracket joined the English and 1980 stood before the brackets.
    text = "عدالت (Federal Shariat Court) 1980 میں"
    levels = embedding_levels(text, rtl=True)
    assert levels[text.index("(")] % 2 == 1 and levels[text.index(")")] % 2 == 1
    shown = "".join(text[i] for i in visual_order(levels))  # left to right
    assert shown.index("1980") < shown.index("Federal") < shown.index("\u0639")


def test_direction_marks_and_isolates_print_nothing_and_draw_no_warning(fonts):
    from studypack.render.inline import Markup

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        markup = Markup(fonts, fonts.text).inline(
            "The word \u2067آئین 1973\u2069 and \u2066LRI text\u2069 and a stray \u2069.")
    assert "?" not in markup and "\ufffd" not in markup


def test_a_title_mostly_in_urdu_is_set_right_to_left_whole(fonts):
    from studypack.render.arabic import RightToLeftParagraph
    from studypack.render.inline import Markup
    from studypack.render.paragraphs import paragraph
    from studypack.render.styles import make_styles

    style = make_styles(load_theme("classic", None), fonts)["h1"]
    title = paragraph(Markup(fonts, fonts.heading).text("اسٹڈی پیک — آئین"), style)
    assert isinstance(title, RightToLeftParagraph)
    title.wrap(400, 100)
    line = title.lines[0]
    # The first word typed stands on the right.
    first = next(run for run in line.runs if "\u0627\u0633\u0679" in run.shaped.text)
    last = next(run for run in line.runs if "\u0622\u0626\u06cc\u0646" in run.shaped.text)
    assert line.runs.index(first) > line.runs.index(last)


def test_an_english_sentence_quoting_a_verse_stays_english_and_urdu_prose_stays_urdu(fonts):
    from studypack.render.inline import Markup

    markup = Markup(fonts, fonts.text)
    quoting = f"A verse: {VERSE} {VERSE} {VERSE} (94:5-6) is often quoted."
    assert [b.kind for b in markup.blocks(quoting)] == ["para"]  # an English sentence
    assert [b.kind for b in markup.blocks(VERSE + " (94:6)")] == ["arabic"]
    urdu = "CSS کے امتحان میں پاکستان کا آئین اور اس کی ترامیم اہم موضوع ہیں۔"
    assert [b.kind for b in markup.blocks(urdu)] == ["para"]  # in an English answer
    markup.answer_rtl = True  # in an Urdu answer, Urdu prose opening with "CSS" is Urdu
    assert [b.kind for b in markup.blocks(urdu)] == ["arabic"]


def test_an_urdu_watermark_is_shaped_in_nastaliq_and_stays_on_one_line(tmp_path, fonts):
    from reportlab.lib.colors import grey
    from reportlab.pdfgen.canvas import Canvas

    from studypack.render.marks import draw_watermark

    out = tmp_path / "mark.pdf"
    canv = Canvas(str(out), pagesize=(595, 842), invariant=1)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no replacement mark, no warning
        draw_watermark(canv, f"{PHRASE} sample", (595, 842), fonts.heading.bold, colour=grey,
                       fonts=fonts)
    canv.showPage()
    canv.save()
    drawn = glyphs_drawn(out, "NotoNastaliqUrdu-Bold")  # the heading's bold, in Nastaliq
    bold = fonts.urdu.bold_file
    words = PHRASE.split()
    expected = [*harfbuzz(bold, words[1], "ur"), *harfbuzz(bold, " ", "ur"),
                *harfbuzz(bold, words[0], "ur")]
    assert inked(bold, drawn) == inked(bold, expected)
    # One line: PDFium finds the phrase and the English word on one baseline.
    page = pypdfium2.PdfDocument(out)[0].get_textpage()
    text = page.get_text_range()
    assert all(word in text for word in [*PHRASE.split(), "sample"])
    assert "\n" not in text.strip()


@pytest.mark.parametrize("text", [
    f"The {PHRASE} of 2010 and {VERSE} (94:6) in one line.",
    "مطالعہ پاکستان کے ماڈل جوابات (Model answers)",
])
def test_a_shaped_paragraph_set_at_its_natural_width_keeps_its_lines(fonts, text):
    from studypack.render.inline import Markup
    from studypack.render.paragraphs import paragraph
    from studypack.render.styles import make_styles

    style = make_styles(load_theme("classic", None), fonts)["h2"]
    para = paragraph(Markup(fonts, fonts.heading).text(text), style)
    para.wrap(1e6, 1e6)
    assert len(para.lines) == 1
    para.wrap(max(para.getActualLineWidths0()), 1e6)
    assert len(para.lines) == 1
    assert para.minWidth() < max(para.getActualLineWidths0())


def pipe_table_answer(tmp_path: Path, rows: str, language: str = "") -> Path:
    content = tmp_path / "content"
    content.mkdir(exist_ok=True)
    (content / "a.yaml").write_text(
        "id: t-2020-q1\nexam: CSS\npaper: Pakistan Affairs\nyear: 2020\nnumber: 1\n"
        f"{language}topics: [Constitution]\nquestion: Tabulate the landmarks.\n"
        "summary: Two landmarks.\nintroduction: The landmarks follow.\npoints:\n"
        "  - heading: Landmarks\n    body: |\n      | Term | Urdu | Year |\n"
        "      |:-----|:-----|-----:|\n" + rows + "conclusion: Both still matter.\nsource: ours\n",
        encoding="utf-8")
    return content


def test_a_pipe_table_with_urdu_cells_is_not_shrunk_and_its_numbers_stand_right(tmp_path):
    from studypack.build import build_booklet

    content = pipe_table_answer(
        tmp_path, f"      | Constitution | {PHRASE} | 1973 |\n"
                  "      | Resolution | قراردادِ مقاصد | \u06f1\u06f9\u06f4\u06f9 |\n")
    out = tmp_path / "t.pdf"
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        build_booklet(content=content, output=out, workspace=tmp_path, layout="classic")
    assert not [w for w in seen if "too wide" in str(w.message)]
    number = next(n for n, page in enumerate(PdfReader(out).pages)
                  if "Constitution" in page.extract_text() and "1973" in page.extract_text())
    boxes = char_boxes(out, number)
    western = max(x for char, x in boxes if char == "3")  # 1973's last digit
    urdu = max(x for char, x in boxes if char == "\u06f9")
    assert abs(urdu - western) < 8, "both years flush right in their column"


def test_a_word_with_a_zero_width_non_joiner_is_copied_with_it(tmp_path, fonts):
    word = "\u0679\u06cc\u0644\u06cc\u200c\u0648\u06cc\u0698\u0646"  # TV, written with a ZWNJ
    pdf = build_markup(tmp_path, fonts, [f"Urdu writes {word} with a joiner."])
    assert word in PdfReader(pdf).pages[0].extract_text()


@pytest.mark.parametrize("question", ["\u200f", "\u200d\u200c \u200d", "\u2067\u2069"])
def test_a_question_of_invisible_characters_is_an_error(question):
    from pydantic import ValidationError

    from studypack.content.schema import AnswerFile

    record = {"id": "x-2020-q1", "exam": "CSS", "paper": "T", "year": 2020, "number": 1,
              "topics": ["T"], "question": question, "summary": "s", "introduction": "i",
              "points": [], "conclusion": "c", "source": "ours"}
    with pytest.raises(ValidationError, match="only invisible characters"):
        AnswerFile.model_validate(record)


def test_an_urdu_phrase_without_urdu_only_letters_is_urdu_beside_urdu(fonts):
    from studypack.render.inline import Markup

    markup = Markup(fonts, fonts.text)
    alone = markup.text("The \u0642\u0631\u0627\u0631\u062f\u0627\u062f of 1949.")
    beside = markup.text("The \u0642\u0631\u0627\u0631\u062f\u0627\u062f, or "
                         "\u0622\u0626\u06cc\u0646 \u06a9\u06cc \u0628\u0646\u06cc\u0627\u062f.")
    assert fonts.arabic.regular in alone and fonts.urdu.regular not in alone
    assert fonts.arabic.regular not in beside
    assert fonts.arabic.regular in markup.text(f"{VERSE} beside \u0622\u0626\u06cc\u0646")
    # Vowelled, with no letter Arabic alone writes: still Arabic beside an Urdu word.
    basmala = "\u0628\u0650\u0633\u0652\u0645\u0650 \u0627\u0644\u0644\u064e\u0651\u0647\u0650"
    assert fonts.arabic.regular in markup.text(f"{basmala} and \u062e\u0648\u062f\u06cc")


def test_urdu_digits_setting_reaches_an_urdu_phrase_in_english(tmp_path, fonts):
    from studypack.render.inline import Markup

    folder = tmp_path / "layouts" / "western"
    folder.mkdir(parents=True)
    (folder / "layout.yaml").write_text("extends: classic\ntype:\n  urdu_digits: western\n",
                                        encoding="utf-8")
    western = register_theme_fonts(load_theme("western", tmp_path))
    phrase = "\u0622\u0626\u06cc\u0646 \u06f1\u06f9\u06f7\u06f3 \u06a9\u0627"
    assert "\u06f1\u06f9\u06f7\u06f3" in Markup(fonts, fonts.text).text(f"The {phrase}.")
    assert "1973" in Markup(western, western.text).text(f"The {phrase}.")


def a5_pages_question_longer(tmp_path: Path, lines: int) -> list[str]:
    """The text of each page of the sample's Urdu answer on A5, its question made longer by
    about ``lines`` lines: what follows it moves to every place on a page in turn.
    """
    longer = " اس کے فوائد اور مسائل پر بحث کیجیے۔" * (lines * 2)
    pdf = urdu_sample(tmp_path, ("پر بحث کیجیے۔\n", f"پر بحث کیجیے۔{longer}\n"),
                      layout="page:\n  size: A5\n")
    return [page.extract_text() for page in PdfReader(pdf).pages]


@pytest.mark.parametrize("lines", range(0, 16, 3))
def test_an_urdu_key_points_heading_is_not_left_at_a_page_foot(tmp_path, lines):
    # On A5, a question made longer line by line brings the heading to every place on the
    # page: wherever it falls, the table's head is on its page.
    from studypack.render.labels import URDU

    pages = a5_pages_question_longer(tmp_path, lines)
    headed = [text for text in pages if URDU.key_points in text and "Contents" not in text]
    assert headed
    for text in headed:
        assert URDU.key_point in text.split(URDU.key_points, 1)[1], \
            "the table's head follows its heading"


def _run_gaps(para_text: str, fonts: FontSet) -> list[tuple[float, float]]:
    """Each place an English word meets an Urdu one across a space, in the Urdu paragraph
    set from ``para_text``'s markup: (the gap between their ink, an English space).
    """
    from studypack.render.arabic import rtl_paragraph
    from studypack.render.inline import Markup
    from studypack.render.shaping import shape
    from studypack.render.styles import make_styles

    styles = make_styles(load_theme("classic", None), fonts)
    markup = Markup(fonts, fonts.text)
    markup.answer_rtl = True
    para = rtl_paragraph(fonts, para_text, styles["body"], markup=markup.inline(para_text))
    para.wrap(400, 1000)
    gaps = []
    for line in para.lines:
        x, inked = 0.0, []  # each run with ink: face, where its ink starts and ends
        between = ""
        for run in line.runs:
            shaped = run.shaped
            if shaped.ink_left < shaped.ink_right:
                inked.append((run.face, x + shaped.ink_left, x + shaped.ink_right, between
                              + shaped.text[shaped.glyphs[0].cluster]))
                between = ""
            between += shaped.text if shaped.ink_left >= shaped.ink_right else (
                shaped.text[shaped.glyphs[-1].cluster])
            x += shaped.width
        for (face_a, _, end, _), (face_b, start, _, lead) in pairwise(inked):
            if " " in lead and bool(face_a.language) != bool(face_b.language):
                english = face_b if face_a.language else face_a
                gaps.append((start - end, shape(" ", english.path, english.size,
                                                rtl=False).width))
    return gaps


def test_an_english_word_in_urdu_keeps_a_word_space_on_each_side(fonts):
    # Nastaliq's space is narrow, and the words either side of it touched.
    gaps = _run_gaps("اپنے جواب میں NFC، CCI اور 18th Amendment کا حوالہ دیجیے اور "
                     "**PPP** اور NAP کا کردار بتائیے۔", fonts)
    assert len(gaps) >= 6
    for gap, space in gaps:
        assert gap >= space - 0.01, (gap, space)


def test_an_urdu_paragraph_has_no_isolate_of_its_own_urdu(fonts):
    # Isolating Urdu runs inside Urdu made "PPP اور NAP" one left-to-right stretch.
    from studypack.render.arabic import rtl_paragraph
    from studypack.render.inline import Markup
    from studypack.render.styles import make_styles

    text = "**PPP** اور NAP کا کردار"
    markup = Markup(fonts, fonts.text)
    para = rtl_paragraph(fonts, text, make_styles(load_theme("classic", None), fonts)["body"],
                         markup=markup.inline(text))
    assert "\u2067" not in para.text and "\u2069" not in para.text
    assert para.text == "PPP اور NAP کا کردار"


def test_a_web_address_in_urdu_keeps_its_last_slash_at_its_end(tmp_path):
    address = "https://www.na.gov.pk/en/"
    aside = f"(دیکھیے {address} یا اسمبلی کی ویب سائٹ)"
    pdf = urdu_sample(tmp_path, ("میں منظور ہوا اور اس نے", f"میں منظور ہوا {aside} اور اس نے"))
    # poppler reads words by where they stand: the address is one word, its "/" last.
    words = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True,
                           text=True, check=True).stdout
    assert f">{address}</word>" in words and f">/{address[:-1]}</word>" not in words


def test_the_revision_grid_gives_each_urdu_key_point_a_line(tmp_path):
    from studypack.build import build_pack

    content = tmp_path / "content"
    content.mkdir()
    sample = (Path(__file__).resolve().parent.parent / "content" / "pakistan-affairs"
              / "2021-q5.yaml").read_text(encoding="utf-8")
    (content / "a.yaml").write_text(sample, encoding="utf-8")
    pack = tmp_path / "p.yaml"
    pack.write_text("title: Grid\nselect:\n  papers: [Pakistan Affairs]\nrevision_grid: true\n",
                    encoding="utf-8")
    out = tmp_path / "p.pdf"
    build_pack(pack=pack, content=content, output=out, workspace=tmp_path)
    reader = PdfReader(out)
    last = len(reader.pages) - 1
    assert "Revision grid" in reader.pages[last].extract_text()
    page = pypdfium2.PdfDocument(out)[last].get_textpage()
    tops = {}
    for n in range(page.count_chars()):
        for heading in ("کنکرنٹ", "مالی", "مشترکہ", "مسائل"):
            if heading not in tops and page.get_text_range(n, len(heading)) == heading:
                tops[heading] = round(page.get_charbox(n)[3])
    assert len(tops) == 4 and len(set(tops.values())) == 4, tops  # four lines, one each
    assert re.search("[.]?\u06f1[.]? ?کنکرنٹ", poppler(out))  # numbered in Urdu digits


@pytest.mark.parametrize("lines", range(0, 22, 3))
def test_the_urdu_answer_and_introduction_labels_keep_with_their_text(tmp_path, lines):
    from studypack.render.labels import URDU

    pages = a5_pages_question_longer(tmp_path, lines)
    opening = "پاکستان کا آئین"
    for text in pages:
        if URDU.introduction in text and "Contents" not in text:
            assert opening in text.split(URDU.introduction, 1)[1], "its first lines follow it"
    answer = [t for t in pages if any(line.strip() == URDU.answer for line in t.splitlines())]
    assert answer and all(URDU.introduction in t for t in answer)


def test_a_nested_list_keeps_its_levels_and_numbers(fonts):
    from studypack.render.inline import Markup

    blocks = Markup(fonts, fonts.text).blocks(
        "1. First\n2. Second\n   - inner one\n   - inner two\n3. Third\n\n"
        "   More on the third.\n4. Fourth\n")
    assert len(blocks) == 1
    assert blocks[0].items[3] == "inner two"
    assert blocks[0].nested == ((0, "numbers", 1), (0, "numbers", 2), (1, "bullets", 1),
                                (1, "bullets", 2), (0, "numbers", 3), (0, "continued", 3),
                                (0, "numbers", 4))


def test_an_urdu_list_is_numbered_in_urdu_digits_with_its_inner_list_set_in(tmp_path):
    pdf = urdu_sample(tmp_path, ("      - وفاق کا مالی خسارہ بڑھا۔",
                                 "      - وفاق کا مالی خسارہ بڑھا۔\n\n"
                                 "      1. پہلا مرحلہ\n      2. دوسرا مرحلہ\n"
                                 "         - اندرونی نکتہ\n      3. تیسرا مرحلہ"))
    text = poppler(pdf)
    assert re.search("[.]?\u06f3[.]? ?تیسرا", text) and not re.search("3[.]? ?تیسرا", text)
    page = next(n for n, p in enumerate(PdfReader(pdf).pages) if "اندرونی" in p.extract_text())
    boxes = char_boxes(pdf, page)

    def right_end(word: str) -> float:
        n = next(k for k, (c, _) in enumerate(boxes)
                 if "".join(x for x, _ in boxes[k:k + len(word)]) == word)
        return max(x for _, x in boxes[n:n + len(word)])

    # An Urdu item's text ends on the right; the inner one stands further in (left).
    assert right_end("اندرونی") < right_end("دوسرا") - 5


def test_a_direction_override_is_an_error_naming_it():
    from pydantic import TypeAdapter, ValidationError

    from studypack.content.schema import Text

    with pytest.raises(ValidationError, match="U\\+202E"):
        TypeAdapter(Text).validate_python("سوال: \u202eABC\u202c کیا ہے؟")
    assert TypeAdapter(Text).validate_python("سوال: \u2067ABC\u2069 کیا ہے؟")


def test_a_direction_override_in_a_points_body_is_an_error_too():
    from pydantic import ValidationError

    from studypack.content.schema import PointIn

    with pytest.raises(ValidationError, match="U\\+202D"):
        PointIn(heading="Clause", body="The first \u202dclause\u202c states it.")
    assert PointIn(heading="Draft", body="").body == ""


def test_numbers_past_nine_line_up_when_an_item_holds_urdu(tmp_path):
    from studypack.build import build_booklet

    content = tmp_path / "content"
    content.mkdir()
    (content / "a.yaml").write_text(
        "id: css-2021-pa-q1\nexam: CSS\npaper: Pakistan Affairs\nyear: 2021\nnumber: 1\n"
        "topics: [Constitution]\nquestion: Trace the stages of the constitution.\n"
        "introduction: It took nine years.\nconclusion: It ended in 1973.\n"
        "points:\n  - heading: Stages\n    body: |\n      They were these:\n\n"
        "      9. Ninth with نکتہ inside.\n      10. Tenth with نکتہ inside.\n"
        "      11. Eleventh.\n", encoding="utf-8")
    pdf = tmp_path / "b.pdf"
    build_booklet(content=content, output=pdf, workspace=tmp_path)
    words = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True,
                           text=True, check=True).stdout

    def where(edge: str, word: str) -> float:
        found = re.findall(rf'{edge}="([\d.]+)"[^>]*>{re.escape(word)}[^<]*<', words)
        assert found, word
        return float(found[-1])

    starts = [where("xMin", w) for w in ("Ninth", "Tenth", "Eleventh")]
    stops = [where("xMax", m) for m in ("9.", "10.", "11.")]
    # Each item's text starts where the others' do, and its number ends where theirs do:
    # "10." beside an Urdu phrase had run into its text ("10.Tenth").
    assert max(starts) - min(starts) < 0.5, starts
    assert max(stops) - min(stops) < 0.5, stops
    assert max(stops) < min(starts)


def test_a_gist_is_taken_from_prose_not_from_a_table_that_opens_the_body():
    from studypack.content.derive import derive_gist

    body = "| Term | Urdu |\n|:--|:--|\n| Federation | وفاق |\n\nPower is shared. More."
    assert derive_gist(body, "Terms") == "Power is shared."
    assert derive_gist("| A | B |\n|---|---|\n| 1 | 2 |", "Terms") == "Terms"


def test_an_urdu_answers_references_all_stand_from_the_right(tmp_path):
    address = "https://example.org/jinnah/"
    pdf = urdu_sample(tmp_path, ("points:\n", f'references:\n  - "{address}"\n  - '
                                 '"عائشہ جلال، The Sole Spokesman (Cambridge, 1985)"\npoints:\n'))
    words = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True,
                           text=True, check=True).stdout
    page = next(p for p in words.split("<page ") if "example.org" in p)
    right = float(re.search(r'xMax="([\d.]+)"[^>]*>https://example\.org/jinnah/<',
                            page).group(1))
    edge = max(float(x) for x in re.findall(r'xMax="([\d.]+)"[^>]*>[^<]*[\u0600-\u06ff]',
                                            page))
    assert right > edge - 2, (right, edge)  # flush right, with the Urdu lines' ends


def test_an_urdu_answers_table_reads_from_the_right(tmp_path):
    from studypack.build import build_booklet

    content = pipe_table_answer(tmp_path, "      | Federation | وفاق | 1973 |\n",
                                language="language: ur\n")
    out = tmp_path / "t.pdf"
    build_booklet(content=content, output=out, workspace=tmp_path, layout="classic")
    number = next(n for n, page in enumerate(PdfReader(out).pages)
                  if "Federation" in page.extract_text() and "1973" in page.extract_text())
    boxes = char_boxes(out, number)

    def left_of(word: str) -> float:
        return min(x for n, (c, x) in enumerate(boxes)
                   if "".join(ch for ch, _ in boxes[n:n + len(word)]) == word)

    # The first column, "Term", stands right of the last, "Year".
    assert left_of("Term") > left_of("Urdu") > left_of("Year")
    assert left_of("Federation") > left_of("1973")


def test_an_answer_keys_number_stands_on_its_nastaliq_lines_baseline(tmp_path):
    from studypack.build import build_pack

    content = tmp_path / "content"
    content.mkdir()
    (content / "a.yaml").write_text(
        "id: css-2022-isl-q3\nexam: CSS\npaper: Islamic Studies\nyear: 2022\nnumber: 3\n"
        "topics: [Ethics]\nquestion: Explain patience in Islam.\nintroduction: It is a virtue.\n"
        "conclusion: It is rewarded.\npoints:\n  - heading: Plain point\n    body: A plain one.\n"
        "  - heading: Second point\n    gist: Second gist with حاکمیت inside.\n"
        "    body: Its body.\n", encoding="utf-8")
    pack = tmp_path / "p.yaml"
    pack.write_text("title: Key\nselect:\n  papers: [Islamic Studies]\nkind: answer-key\n",
                    encoding="utf-8")
    out = tmp_path / "k.pdf"
    build_pack(pack=pack, content=content, output=out, workspace=tmp_path)
    words = subprocess.run(["pdftotext", "-bbox", str(out), "-"], capture_output=True,
                           text=True, check=True).stdout

    def bottoms(word: str) -> list[float]:
        return [float(y) for y in re.findall(rf'yMax="([\d.]+)"[^>]*>{word}<', words)]

    def offset(number: str, word: str) -> float:
        line = bottoms(word)[0]
        return min(abs(y - line) for y in bottoms(number))  # its number, nearest its line

    assert offset("2", "Second") < 1.0, offset("2", "Second")
    assert offset("1", "Plain") < 1.0


def test_an_urdu_outline_keeps_its_space_above_the_introduction_in_columns(tmp_path):
    from studypack.build import build_booklet
    from studypack.render.labels import URDU

    content = tmp_path / "content"
    content.mkdir()
    sample = (Path(__file__).resolve().parent.parent / "content" / "pakistan-affairs"
              / "2021-q5.yaml").read_text(encoding="utf-8")
    (content / "a.yaml").write_text(sample.replace(
        "introduction: |", "outline: [تعارف, پس منظر, مسائل, نتیجہ]\nintroduction: |"),
        encoding="utf-8")

    def gap(layout: str) -> float:
        """From the outline's last line down to the introduction's heading, in points."""
        out = tmp_path / f"{layout}.pdf"
        build_booklet(content=content, output=out, workspace=tmp_path, layout=layout)
        number = next(n for n, page in enumerate(PdfReader(out).pages)
                      if URDU.outline in page.extract_text())
        page = pypdfium2.PdfDocument(out)[number].get_textpage()

        def boxes(word: str) -> list[tuple[float, float, float, float]]:
            return [page.get_charbox(n) for n in range(page.count_chars())
                    if page.get_text_range(n, len(word)) == word]

        return boxes("نتیجہ")[0][1] - boxes(URDU.introduction)[-1][3]

    # In columns the heading's space above was dropped: 7 points against classic's 19.
    assert gap("compact") > 0.8 * gap("classic")


def test_a_justified_line_with_an_urdu_phrase_stretches_as_far_as_an_english_one(
        tmp_path, fonts):
    # English paragraphs let a justified line's spaces grow to four times a space; one
    # holding an Urdu phrase set a line needing more than 0.6 em ragged instead.
    from reportlab.platypus import SimpleDocTemplate

    from studypack.render.arabic import mixed_paragraph
    from studypack.render.inline import Markup
    from studypack.render.shaping import shape
    from studypack.render.styles import make_styles

    style = make_styles(load_theme("classic", None), fonts)["body"]
    markup = Markup(fonts, fonts.text).inline(f"alpha beta gamma Constitutionalism {PHRASE}")
    head = mixed_paragraph(Markup(fonts, fonts.text).inline("alpha beta gamma"), style)
    head.wrap(10_000, 10_000)
    space = shape(" ", head.faces.text.path, head.faces.text.size, rtl=False).width
    # Wide enough for three words with each space grown by 2.8 spaces, not for a fourth.
    width = head.lines[0].width + 2 * 2.8 * space
    assert 0.6 * style.fontSize < 2.8 * space < 3 * space  # past the old limit, inside
    pdf = tmp_path / "j.pdf"
    # The template's frame keeps 6 points of padding on each side.
    SimpleDocTemplate(str(pdf), pagesize=(width + 84, 400), leftMargin=36, rightMargin=36,
                      invariant=1).build([mixed_paragraph(markup, style)])
    boxes = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True,
                           text=True, check=True).stdout
    gamma = float(re.search(r'xMax="([\d.]+)"[^>]*>gamma<', boxes).group(1))
    assert abs(gamma - (42 + width)) < 1.0, (gamma, 42 + width)  # set flush to the right
