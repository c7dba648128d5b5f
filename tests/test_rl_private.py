"""Every ReportLab detail outside its public API that studypack relies on, checked by name.

If one of these fails after a ReportLab upgrade, ``studypack/render/rl_private.py``
is the one place to adapt.
"""

from __future__ import annotations

import io

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Frame, PageTemplate, Paragraph, Table
from reportlab.platypus.doctemplate import BaseDocTemplate

from studypack.render import fonts, rl_private
from studypack.render.fonts import forget_fonts
from studypack.theme import load_theme


def _plex() -> str:
    path = load_theme("classic", None).text.regular
    pdfmetrics.registerFont(TTFont("RLPrivate-Plex", str(path)))
    return "RLPrivate-Plex"


def test_canvas_operators_are_the_page_drawn_so_far_and_its_document_is_reachable():
    canv = Canvas(io.BytesIO(), pagesize=A4)
    before = len(rl_private.canvas_operators(canv))
    canv.drawString(10, 10, "folio")
    drawn = rl_private.canvas_operators(canv)[before:]
    assert any("(folio) Tj" in op for op in drawn), drawn
    assert hasattr(rl_private.canvas_document(canv), "info")


def test_a_seeded_subset_gives_the_same_codes_whatever_is_drawn_first():
    name = _plex()
    codes = []
    for first in ("zebra", "apple"):
        canv = Canvas(io.BytesIO(), pagesize=A4)
        rl_private.seed_subset(canv, name, "abcdefghijklmnopqrstuvwxyz")
        split = pdfmetrics.getFont(name).splitString(first, rl_private.canvas_document(canv))
        codes.append(split)
    zebra, apple = codes
    # "a" has one code in both documents although each drew a different word first.
    assert zebra[0][1][4] == apple[0][1][0]


def test_flowables_on_page_counts_what_the_page_holds():
    counts: list[int] = []

    class Doc(BaseDocTemplate):
        def __init__(self) -> None:
            super().__init__(io.BytesIO(), pagesize=A4)
            frame = Frame(50, 50, 400, 700)
            self.addPageTemplates([PageTemplate("p", [frame], onPageEnd=self.seen)])

        def seen(self, _canv: Canvas, _doc: object) -> None:
            counts.append(rl_private.flowables_on_page(self))

    Doc().build([Paragraph("one"), Paragraph("two")])
    assert counts == [2]


def test_a_subset_maker_can_be_wrapped_and_forgotten_fonts_are_registered_anew():
    name = _plex()
    font = pdfmetrics.getFont(name)
    calls: list[int] = []

    def wrap(make):  # type: ignore[no-untyped-def]
        def counted(subset):  # type: ignore[no-untyped-def]
            calls.append(len(subset))
            return make(subset)
        return counted

    rl_private.keep_subsets(font, wrap)
    canv = Canvas(io.BytesIO(), pagesize=A4)
    canv.setFont(name, 10)
    canv.drawString(10, 10, "abc")
    canv.save()
    assert calls, "the wrapped subset maker was not used"
    try:
        rl_private.forget_registered_fonts()
        assert name not in pdfmetrics.getRegisteredFontNames()
    finally:
        forget_fonts()  # studypack's own record of what is registered goes too


def test_line_breaking_measures_words_through_the_fonts_own_width_measure():
    # keep_widths speeds line breaking only while ReportLab's breaker asks the
    # registered font object for each word's width.
    name = _plex()
    font = pdfmetrics.getFont(name)
    measured: list[str] = []

    def wrap(measure):  # type: ignore[no-untyped-def]
        def counted(text, size, encoding="utf8"):  # type: ignore[no-untyped-def]
            measured.append(text)
            return measure(text, size, encoding)
        return counted

    unwrapped = pdfmetrics.stringWidth("Federalism", name, 11)
    rl_private.keep_widths(font, wrap)
    para = Paragraph("Federalism shares power between the centre and the provinces.",
                     ParagraphStyle("w", fontName=name, fontSize=11, leading=14))
    para.wrap(120, 1000)
    assert "Federalism" in measured and "provinces." in measured, measured
    assert pdfmetrics.stringWidth("Federalism", name, 11) == unwrapped


def test_the_line_breaker_measures_words_through_the_width_function_it_imported(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # keep_paragraph_widths speeds line breaking only while ReportLab's
    # paragraph module calls its own name ``stringWidth`` for each word.
    from reportlab.platypus import paragraph

    name = _plex()
    measured: list[str] = []
    # studypack's fonts module has wrapped it already: the wrapper is kept once.
    assert getattr(paragraph.stringWidth, "studypack_kept", False)
    rl_private.keep_paragraph_widths(lambda measure: measure)
    assert getattr(paragraph.stringWidth, "studypack_kept", False)

    def counted(text, font_name, size, encoding="utf8"):  # type: ignore[no-untyped-def]
        measured.append(text)
        return pdfmetrics.stringWidth(text, font_name, size, encoding)

    monkeypatch.setattr(paragraph, "stringWidth", counted)
    para = Paragraph("Federalism shares power between the centre and the provinces.",
                     ParagraphStyle("w", fontName=name, fontSize=11, leading=14))
    para.wrap(120, 1000)
    assert "Federalism" in measured and "provinces." in measured, measured


def test_remembered_paragraph_widths_are_the_fonts_own_and_go_with_the_fonts() -> None:
    from reportlab.platypus import paragraph

    name = _plex()
    words = ["Federalism", "centre", "provinces.", "the", "Pakistan\u2019s", "18th"]
    for size in (9, 11, 11.5):
        for word in words:
            assert paragraph.stringWidth(word, name, size) == pdfmetrics.getFont(
                name).stringWidth(word, size)
    assert fonts._PARAGRAPH_WIDTHS
    forget_fonts()
    assert not fonts._PARAGRAPH_WIDTHS


def test_the_quick_split_gives_reportlabs_codes_for_every_kind_of_text():
    # Two documents, one font each way: the same texts, in the same order,
    # must come out as the same subset codes, new characters, a no-break
    # space, a character the font lacks and a second subset included.
    path = load_theme("classic", None).text.regular
    plain, quick = TTFont("RLPrivate-Split-A", str(path)), TTFont("RLPrivate-Split-B", str(path))
    rl_private.quick_split(quick)
    beyond = [chr(c) for c in sorted(quick.face.charToGlyph) if c > 0xFF][:300]
    texts = ["Federalism", "Federalism", "the centre\xa0and provinces", "", "naïve café",
             "Federalism and the 18th Amendment", "\u4e2d\u6587 unknown", "Federalism",
             *beyond, "".join(beyond[250:]), "".join(beyond[:5]) + " Federalism",
             "ĀāĂă and Federalism", "ĀāĂă"]
    docs = (Canvas(io.BytesIO()), Canvas(io.BytesIO()))
    for text in texts:
        assert (quick.splitString(text, rl_private.canvas_document(docs[1]))
                == plain.splitString(text, rl_private.canvas_document(docs[0]))), text
    assert len(quick.state[rl_private.canvas_document(docs[1])].subsets) > 1


def test_a_wrapped_paragraph_holds_its_line_breaks_until_it_is_split():
    para = Paragraph("word " * 200, ParagraphStyle("t"))
    para.wrap(200, 1000)
    assert rl_private.paragraph_lines_kept(para)
    fresh = Paragraph("word", ParagraphStyle("t"))
    assert not rl_private.paragraph_lines_kept(fresh)


def test_a_table_reports_its_size_and_whether_every_row_was_sized():
    table = Table([[str(i), "x"] for i in range(200)])
    width, height = table.wrap(300, 100_000)
    assert rl_private.table_size(table) == (width, height)
    assert rl_private.table_fully_sized(table)
    rows = rl_private.table_row_heights(table)
    assert len(rows) == 200
    assert sum(rows) == pytest.approx(height)
    # With a row span, a long table stops sizing rows once they pass the room offered.
    long_rows = [[Paragraph(f"{i} " + "word " * 20, ParagraphStyle("t")), "x"]
                 for i in range(200)]
    short = Table(long_rows, colWidths=[150, 50], style=[("SPAN", (1, 0), (1, 1))])
    short.wrap(300, 50)
    assert not rl_private.table_fully_sized(short)


def test_the_paragraph_helpers_used_by_the_fast_path_are_there():
    assert callable(rl_private.textTransformFrags)
    assert rl_private.cleanBlockQuotedText("  a \n b  ") == "a b"
    _, frags, _ = rl_private.ParaParser().parse("<b>x</b>", ParagraphStyle("t"))
    assert isinstance(frags[0], rl_private.ParaFrag) and frags[0].bold


def test_a_form_holds_just_its_operators_and_no_fonts(tmp_path):
    from pypdf import PdfReader

    out = tmp_path / "form.pdf"
    canv = Canvas(str(out), pagesize=A4)
    canv.setFont("Helvetica", 12)  # the canvas's own font must not reach the form
    rl_private.define_form(canv, "glyph.7", (-1, -2, 50, 60), "0 0 m\n40 0 l\n20 50 l\nh\nf")
    canv.doForm("glyph.7")
    canv.showPage()
    canv.save()
    form = next(iter(PdfReader(out).pages[0]["/Resources"]["/XObject"].values())).get_object()
    assert form.get_data().decode() == "0 0 m\n40 0 l\n20 50 l\nh\nf"
    assert "/Font" not in form["/Resources"]
    assert [float(v) for v in form["/BBox"]] == [-1, -2, 50, 60]


def _one_page(font_name: str) -> bytes:
    out = io.BytesIO()
    canv = Canvas(out, pagesize=A4, invariant=1)
    canv.setFont(font_name, 11)
    canv.drawString(40, 700, "Sovereignty, the 18th Amendment — “Pakistan” and Urdu: اردو")
    canv.showPage()
    canv.save()
    return out.getvalue()


@pytest.mark.parametrize("face", ["regular", "bold_italic"])
def test_a_font_made_from_its_parsed_tables_is_the_font_reportlab_parses(face: str) -> None:
    import marshal

    path = getattr(load_theme("classic", None).text, face)
    parsed_font = TTFont(f"RLParsed-{face}", str(path))
    kept = marshal.loads(marshal.dumps(rl_private.parsed_face(parsed_font)))
    made = rl_private.font_from_parsed(f"RLMade-{face}", str(path), kept)

    ours, theirs = vars(made.face), vars(parsed_font.face)
    assert ours.keys() == theirs.keys()
    for key, value in theirs.items():
        if key == "_pdfScale":
            sizes = (0, 1, 700, -265)
            assert [ours[key](v) for v in sizes] == [value(v) for v in sizes]
        else:
            assert ours[key] == value, key
            assert type(ours[key]) is type(value), key
    assert theirs["charWidths"] and theirs["charToGlyph"]
    # The font object around the face is made as TTFont.__init__ makes one.
    assert set(vars(made)) == set(vars(parsed_font))
    assert (made._asciiReadable, made.shapable) == (parsed_font._asciiReadable,
                                                    parsed_font.shapable)
    assert made.stringWidth("Constitutional", 11) == parsed_font.stringWidth("Constitutional", 11)

    # The same page drawn with either is the same file (a subset is named by the face).
    pdfmetrics.registerFont(parsed_font)
    pdfmetrics.registerFont(made)
    assert _one_page(f"RLMade-{face}") == _one_page(f"RLParsed-{face}")
