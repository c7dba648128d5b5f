"""Property tests: whatever text arrives, the readers answer with our errors, and soon.

The YAML reader (through the answer and pack validators), the markup parser
and the importer's text entry point are fed random and hostile text: control
characters, tabs, odd Unicode, deep nesting, huge numbers, anchors and
aliases, markup characters in bulk. Each must return, or raise a
``StudypackError``, within the deadline. Examples are derandomized, so a run
is the same on every machine.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Callable
from datetime import timedelta
from functools import lru_cache
from typing import Any, TypeVar

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from studypack.content import validate_answer_text
from studypack.content.importing import dump_answer, import_page, read_page
from studypack.content.packs import PackFile
from studypack.content.schema import FIELD_NAMES
from studypack.content.validate import validate_text
from studypack.errors import Diagnostic, StudypackError, StudypackWarning
from tests.conftest import ROOT

T = TypeVar("T")

EXAMPLES = int(os.environ.get("STUDYPACK_PROPERTY_EXAMPLES", "300"))
"""Examples per test: few enough that the file runs in well under 30 s on two shared
cores; set the variable higher (and PYTHONHASHSEED) to search longer by hand."""
FAST = settings(max_examples=EXAMPLES, deadline=timedelta(seconds=3),
                derandomize=not os.environ.get("STUDYPACK_PROPERTY_RANDOM"),
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
"""The deadline is far above a correct run's milliseconds and far below a quadratic one's."""

SAMPLE = (ROOT / "content" / "pakistan-affairs" / "2019-q3.yaml").read_text(encoding="utf-8")

ODD = ["\x00", "\x07", "\x1b[31m", "\x85", "\u2028", "\u200b", "\u200c", "\u200d", "\u2060",
       "\ufeff", "\ufffe", "\U0001f600", "\u0645\u06cc\u200c\u062e", "e\u0301", "\t", "\r",
       "\r\n", "\\", "%", "@", "`"]
YAML_BITS = ["&a ", "*a", "<<: *a", "!!binary ", "!!python/object:os.system ", "!!set ",
             "!!timestamp ", "!!float ", "? ", "- ", ": ", "[", "]", "{", "}", "|", ">-",
             "|2", "#", "'", '"', "---", "...", "%YAML 1.1", "%TAG ! x", "1e400", "-.inf",
             ".nan", "0x" + "f" * 40, "9" * 400, "2024-13-45", "yes", "~", "null",
             "id: x", "points:", "  - heading: h", "    body: b", "topics: [a]"]
MARKUP_BITS = ["*", "**", "_", "__", "`", "``", "[", "](", ")", "<", ">", "&", "&amp;",
               "<b>", "</i>", "\\", "!", "#", "- ", "1. ", "1947. ", "* ", "+ ", "  ", "\n",
               "\n\n", "http://x", "<https://x>", "[a](javascript:alert(1))", '"', "'",
               "\u0627\u0644\u0639\u0631\u0628\u064a\u0629 ", "e.g. ", "Gen. "]


def _pieces(bits: list[str]) -> st.SearchStrategy[str]:
    """Text made of hostile fragments, odd characters and random text, joined."""
    piece = st.one_of(st.sampled_from(bits), st.sampled_from(ODD), st.text(max_size=8))
    return st.lists(piece, max_size=60).map("".join)


def _repeated(bits: list[str]) -> st.SearchStrategy[str]:
    """One short fragment many times: the inputs on which a quadratic step shows."""
    return st.builds(lambda bit, times: bit * times,
                     st.one_of(st.sampled_from(bits), st.text(min_size=1, max_size=6)),
                     st.integers(min_value=500, max_value=5_000))


def _nested(depth: int, kind: str) -> str:
    if kind == "flow":
        return "a: " + "[" * depth + "]" * depth
    if kind == "map":
        return "a: " + "{b: " * depth + "c" + "}" * depth
    return "a:\n" + "".join(" " * level + "- \n" for level in range(1, depth))


@st.composite
def _edited_sample(draw: st.DrawFn) -> str:
    """The sample answer with fragments put in, lines cut or lines repeated."""
    lines = SAMPLE.splitlines()
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        at = draw(st.integers(min_value=0, max_value=len(lines) - 1))
        edit = draw(st.sampled_from(["insert", "cut", "repeat", "replace"]))
        bit = draw(st.one_of(st.sampled_from(YAML_BITS + ODD + MARKUP_BITS),
                             st.text(max_size=12)))
        if edit == "insert":
            column = draw(st.integers(min_value=0, max_value=len(lines[at])))
            lines[at] = lines[at][:column] + bit + lines[at][column:]
        elif edit == "cut" and len(lines) > 1:
            del lines[at]
        elif edit == "repeat":
            lines.insert(at, lines[at])
        else:
            lines[at] = bit
    return "\n".join(lines) + "\n"


YAML_TEXT = st.one_of(
    st.text(max_size=300),
    _pieces(YAML_BITS),
    _edited_sample(),
    _repeated(YAML_BITS),
    st.builds(_nested, st.integers(min_value=1, max_value=1_200),
              st.sampled_from(["flow", "map", "block"])),
)


def _ours(call: Callable[[], T]) -> T | None:
    """``call()``; None when it raised a ``StudypackError``. Our warnings are let
    through; any other warning fails, as any other exception does.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        warnings.simplefilter("ignore", StudypackWarning)
        try:
            return call()
        except StudypackError:
            return None


def _diagnostics(found: Any) -> None:
    assert isinstance(found, list)
    assert all(isinstance(d, Diagnostic) and d.line >= 0 and d.message for d in found)


FOUND = ["0000-00-00", "year: 2019-02-30", "!!timestamp", "!!float", "? " * 500,
         "year: " + "9" * 5000, "kind: " + "[" * 900 + "]" * 900]
"""What these tests found once (a bare ValueError, IndexError or RecursionError): kept."""


@FAST
@given(YAML_TEXT)
@example(FOUND[0]).via("found")
@example(FOUND[1]).via("found")
@example(FOUND[2]).via("found")
@example(FOUND[3]).via("found")
@example(FOUND[4]).via("found")
@example(FOUND[5]).via("found")
@example(FOUND[6]).via("found")
def test_an_answer_file_of_any_text_gives_problems_not_errors(text: str) -> None:
    _diagnostics(_ours(lambda: validate_answer_text(text, "content/x.yaml")))


@FAST
@given(YAML_TEXT)
@example(FOUND[2]).via("found")
@example(FOUND[4]).via("found")
def test_a_pack_file_of_any_text_gives_problems_not_errors(text: str) -> None:
    found = _ours(lambda: validate_text(text, "content/packs/x.yaml", PackFile, FIELD_NAMES))
    assert found is not None
    _diagnostics(found[2])


@lru_cache(maxsize=1)
def _fonts() -> Any:
    from studypack.render.fonts import register_theme_fonts
    from studypack.theme import load_theme

    return register_theme_fonts(load_theme("classic", None))


MARKUP_TEXT = st.one_of(st.text(max_size=200), _pieces(MARKUP_BITS), _repeated(MARKUP_BITS))


@FAST
@given(MARKUP_TEXT)
@example("00000\u00ad" * 871).via("found: cubic time in ReportLab")
def test_markup_of_any_text_is_paragraph_markup_reportlab_reads(raw: str) -> None:
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph

    from studypack.render.inline import Markup

    fonts = _fonts()
    style = getSampleStyleSheet()["BodyText"]
    style.fontName = fonts.text.regular

    def convert() -> list[str]:
        markup = Markup(fonts, fonts.text)
        items = [item for block in markup.blocks(raw) if block.kind != "arabic"
                 for item in block.items]
        return [*items, Markup(fonts, fonts.text).inline(raw)]

    converted = _ours(convert)
    assert converted is not None
    for item in converted:
        Paragraph(item, style).wrap(300, 10_000)  # raises on markup it cannot read


IMPORT_TEXT = st.one_of(
    st.text(max_size=400).map(lambda text: text.encode("utf-8")),
    _pieces([*MARKUP_BITS, "Q1. Discuss the role of the League in 1940.", "Answer:",
             "Introduction", "Conclusion", "CSS 2019", "Pakistan Affairs", "\n1. ", "\n- ",
             "\n\n"]).map(lambda text: text.encode("utf-8")),
    st.binary(max_size=300),
    _repeated(MARKUP_BITS).map(lambda text: text.encode("utf-8")),
)


@settings(FAST, max_examples=EXAMPLES * 2 // 3)
@given(IMPORT_TEXT, st.sampled_from(["page.txt", "notes.md"]))
@example(b"<!doctype", "notes.md").via("found: lxml's ParserError")
def test_importing_any_text_gives_answers_or_our_errors(data: bytes, name: str) -> None:
    def imported() -> list[str]:
        answers = import_page(read_page(name, data), source_name=name)
        texts = [dump_answer(answer.data) for answer in answers]
        for text in texts:
            _diagnostics(validate_answer_text(text, "content/imported.yaml"))
        return texts

    _ours(imported)
