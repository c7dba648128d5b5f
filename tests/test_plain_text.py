"""The fast paths for plain text give what the full parsers give.

Plain prose skips markdown-it (``Markup.inline``/``Markup.blocks``) and
ReportLab's XML parser (``paragraphs.paragraph``). Whenever a fast path takes a
text, its result must be the full parser's, character for character and
fragment for fragment: random text over an alphabet of prose and markup
characters is run both ways and compared.
"""

from __future__ import annotations

import os
import warnings
from datetime import timedelta
from functools import lru_cache
from typing import Any

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from studypack.content.inline import bold_lead, plain_inline, plain_paragraphs
from studypack.render.inline import Markup

EXAMPLES = int(os.environ.get("STUDYPACK_PROPERTY_EXAMPLES", "300"))
FAST = settings(max_examples=EXAMPLES, deadline=timedelta(seconds=3),
                derandomize=not os.environ.get("STUDYPACK_PROPERTY_RANDOM"),
                suppress_health_check=[HealthCheck.too_slow])

WORDS = ["Kashmir", "the", "accession", "1947.", "1947", "UN", "resolution", "47", "(1948)",
         "—", "–", "-", "“quoted”", "‘it’s’", "...", "…", ",", ".", ":", ";", "?", "%",
         "a\u00adcross", "ṣūfī", "★", "№", "\u00a0", "\t", "&", "&amp;", "<b>", "</b>", "<",
         ">", "*", "**", "_", "`", "[", "]", "(x)", "!", "\\", "~", "#", "+", "=", "|", "1.",
         "2)", "-", "* ", "  ", "\u2003", "\r", "\x00", "ب", "سلام", "x" * 70 + "\u00ad" + "y",
         "**Item", "**Simla (1972)**", "\u200b", "a\u200b", "\u2028", "\x85", "0**",
         "**ṣūfī**", "**★**", "**", "**a**b", "** x**"]
SEPARATORS = [" ", " ", " ", "\n", "\n\n", "\n \n", "  \n", " \n", "\n\n\n"]


@st.composite
def prose(draw: Any) -> str:
    """Mostly plain prose, with markup, odd spaces and line breaks mixed in."""
    count = draw(st.integers(0, 24))
    out = ""
    for _ in range(count):
        out += draw(st.sampled_from(WORDS)) + draw(st.sampled_from(SEPARATORS))
    return draw(st.sampled_from(["", "\n", " "])) + out.rstrip(" ") + draw(
        st.sampled_from(["", "\n", "\n\n", " "]))


TEXT = st.one_of(prose(), st.text(max_size=80),
                 st.text(alphabet="ab *_\n-1.&<>[]`\\ \u00a0", max_size=40))


@lru_cache(maxsize=1)
def _fonts() -> Any:
    from studypack.render.fonts import register_theme_fonts
    from studypack.theme import load_theme

    return register_theme_fonts(load_theme("classic", None))


def _both(convert: Any) -> tuple[Any, list[str]]:
    """``convert(markup)`` for a fresh converter, with the warnings it gave."""
    fonts = _fonts()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = convert(Markup(fonts, fonts.text))
    return result, [str(w.message) for w in caught]


@FAST
@given(TEXT)
@example("Trace the origins of the dispute.\n").via("a YAML folded scalar")
@example("Ends with a hard break  \n").via("two spaces and a line feed")
@example("**Standstill Agreement** – signed with Pakistan, not India\n").via("a sub-point")
@example("**ṣūfī** orders").via("a fallback glyph in a bold lead")
@example("1947. Independence\n\nNext paragraph.").via("a year opening a line")
def test_inline_fast_path_gives_the_parsers_markup(raw: str) -> None:
    assert _both(lambda m: m.inline(raw)) == _both(lambda m: m.parse_inline(raw))


@FAST
@given(TEXT)
@example("First line\nsecond line.\n\nSecond paragraph.\n").via("a YAML literal block")
@example("- item\n- item").via("a list")
@example("Text\n    indented").via("an indented line")
def test_blocks_fast_path_gives_the_parsers_blocks(raw: str) -> None:
    assert _both(lambda m: m.blocks(raw)) == _both(lambda m: m.parse_blocks(raw))


@FAST
@given(TEXT)
def test_plain_text_fast_path_gives_the_parsers_words(raw: str) -> None:
    from studypack.content.derive import parsed_plain_text, plain_text

    assert plain_text(raw) == parsed_plain_text(raw)


def test_the_fast_paths_take_prose_and_leave_markup() -> None:
    # Prose as answers are written takes the fast path…
    assert plain_inline("Jammu and Kashmir, 1947: a dispute (UN) — “unfinished”.\n") == (
        "Jammu and Kashmir, 1947: a dispute (UN) — “unfinished”.")
    assert plain_paragraphs("One line\nand its next.\n\nA second one.\n") == [
        "One line and its next.", "A second one."]
    # …and anything markdown-it or ReportLab would read differently does not.
    for raw in ["**bold**", "an *em*", "a_b", "[link](x)", "`code`", "a & b", "a < b",
                "back\\slash", "hard  \nbreak", "two\nlines", "tab\there", "no\u00a0break",
                "سلام"]:
        assert plain_inline(raw) is None, raw
    assert bold_lead("**Simla (1972)** – bilateralism") == ("Simla (1972)", " – bilateralism")
    for raw in ["**a**b", "** a**", "**a **", "**a** *b*", "**a**\n\nb", "***a***", "__a__ b"]:
        assert bold_lead(raw) is None, raw
    for raw in ["- item", "1. first", "1947. Independence", "# heading", "> quote",
                "  indented", "hard  \nbreak", "a & b"]:
        assert plain_paragraphs(raw) is None, raw


STYLES = ["body", "h3", "table", "question", "bullet"]


@lru_cache(maxsize=1)
def _styles() -> dict[str, Any]:
    from studypack.render.styles import make_styles
    from studypack.theme import load_theme

    return make_styles(load_theme("classic", None), _fonts())


def _lines(para: Any) -> list[Any]:
    """The broken lines of a wrapped paragraph, as comparable values."""
    lines = para.blPara.lines
    if para.blPara.kind == 0:
        return [(round(space, 6), words) for space, words in lines]
    return [[(w.text, w.fontName, w.fontSize) for w in line.words] for line in lines]


TAGGED = st.lists(st.sampled_from(["Kashmir", " ", "  ", "\n", "1947", "–", "<b>", "</b>",
                                   "<i>", "</i>", "<B>", "<br/>", "&amp;", "&lt;", "<", ">",
                                   '<font name="SP-Lato-Regular">', "</font>", "ṣ", "\u200b",
                                   "\xa0", "\t", "\u2003", "\x0b"]),
                  max_size=16).map("".join)


def _made(make: Any, markup: str, style: Any, bullet: str | None) -> Any:
    """The paragraph ``make`` makes of ``markup``, or the kind of error it raises."""
    try:
        return make(markup, style, bullet)
    except ValueError as exc:
        return type(exc)


@FAST
@given(st.one_of(TEXT, TAGGED), st.sampled_from(STYLES), st.sampled_from([120.0, 300.0, 451.3]))
@example("Plain words\n  over  lines ", "body", 300.0).via("white space ReportLab cleans")
@example("<b>Item 0</b> – the rest", "bullet", 300.0).via("a bold lead")
@example("<b><i>x</i></b><i>y</i>", "table", 120.0).via("nested faces")
def test_paragraph_fast_path_gives_the_parsers_paragraph(raw: str, role: str,
                                                         width: float) -> None:
    from reportlab.platypus import Paragraph

    from studypack.render.arabic import ShapedParagraph
    from studypack.render.paragraphs import ARABIC_LETTER, paragraph

    style = _styles()[role]
    bullet = "•" if role == "bullet" else None
    markups = {raw, _both(lambda m: m.inline(raw))[0],
               *(item for block in _both(lambda m: m.blocks(raw))[0] if block.kind != "arabic"
                 for item in block.items)}
    for markup in markups:
        if ARABIC_LETTER.search(markup):
            # Arabic script in it: set by studypack's own line breaker (test_urdu), not
            # ReportLab's, whose paragraph cannot shape it. (Markup puts it in the
            # script's font; as raw markup here, no font of the paragraph has it.)
            if "<font" in markup:
                assert isinstance(_made(paragraph, markup, style, bullet),
                                  (ShapedParagraph, type))
            continue
        ours = _made(paragraph, markup, style, bullet)
        theirs = _made(lambda text, st, mark: Paragraph(text, st, bulletText=mark), markup,
                       style, bullet)
        if isinstance(theirs, type):
            assert ours is theirs  # markup the parser refuses is refused the same way
            continue
        assert ours.text == theirs.text
        assert [f.__dict__ for f in ours.frags] == [f.__dict__ for f in theirs.frags]
        assert ours.wrap(width, 1000) == theirs.wrap(width, 1000)
        if hasattr(theirs, "blPara"):
            assert _lines(ours) == _lines(theirs)
