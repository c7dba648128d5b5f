"""Layouts pushed to their edges: absurd geometry, values too long for the
furniture that shows them, and Jinja2 templates that try to run away.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.abuse.harness import Run, assert_refused, no_partial_files, run, snapshot

LAYOUT = Path("layouts") / "my-centre" / "layout.yaml"
ANSWER = Path("content") / "pakistan-affairs" / "2019-q3.yaml"


def _layout(ws: Path, *lines: str) -> None:
    (ws / LAYOUT).write_text("\n".join(["extends: classic", *lines]) + "\n", encoding="utf-8")


def _refused_build(ws: Path, says: list[str]) -> Run:
    before = snapshot(ws)
    result = run(["build"], ws)
    assert_refused(result, code=1, says=says)
    assert snapshot(ws) == before
    assert not no_partial_files(ws)
    assert not (ws / "out" / "booklet.pdf").exists()
    return result


def _text_runs(pdf: Path) -> list[tuple[int, float, float, float, str]]:
    """(page, x, y, size, text) of every text run, in points."""
    runs = []
    for number, page in enumerate(PdfReader(pdf).pages, 1):
        def visit(text, cm, tm, font, size, number=number):
            if text.strip():
                x, y = tm[4] * cm[0] + cm[4], tm[5] * cm[3] + cm[5]
                runs.append((number, x, y, size * abs(tm[0] or 1) * abs(cm[0] or 1), text))
        page.extract_text(visitor_text=visit)
    return runs


def _built_on_the_page(ws: Path, warns: list[str]) -> str:
    """Build; exit 0 with each warning; every text run starts and ends on its page.

    A run's end is estimated low (0.3 em a character, narrower than any text
    font's average): a line that leaves the page by a fair part still counts.
    """
    before = snapshot(ws)
    result = run(["build"], ws)
    assert result.code == 0, result.text
    assert "Traceback" not in result.text
    for phrase in warns:
        assert phrase in result.text, result.text
    assert snapshot(ws) == before
    assert not no_partial_files(ws)
    pdf = ws / "out" / "booklet.pdf"
    reader = PdfReader(pdf)
    width, height = (float(v) for v in reader.pages[0].mediabox.upper_right)
    for page, x, y, size, text in _text_runs(pdf):
        # pypdf gives text in a form (folios, contents page numbers, set
        # right-aligned at the form's origin) in the form's own space, so the
        # left edge cannot be checked; the right edge, where text runs off, can.
        assert x + 0.3 * size * len(text.strip()) <= width, (page, text[:60])
        assert 0 <= y <= height, (page, text[:60])
    return result.text


def _set(ws: Path, path: Path, old: str, new: str) -> None:
    text = (ws / path).read_text(encoding="utf-8")
    assert old in text
    (ws / path).write_text(text.replace(old, new, 1), encoding="utf-8")


# --- geometry ---------------------------------------------------------------

def test_margins_wider_than_the_page_are_refused_at_the_margin(ws: Path) -> None:
    _layout(ws, "page:", "  size: A5", "  margins_mm: {top: 20, bottom: 20, inner: 80, outer: 70}")
    _refused_build(ws, [(f"{LAYOUT.as_posix()}:4:44 page.margins_mm.inner: the margins leave "
                        "0 pt (0 mm) of text width on A5"), ("make the inner and outer margins "
                        "smaller")])


def test_nan_inf_negative_zero_and_true_sizes_are_listed_together(ws: Path) -> None:
    _layout(ws, "page:", "  margins_mm:", "    top: .nan", "    bottom: .inf", "    inner: -4",
            "    outer: 0", "type:", "  body_pt: yes", "  leading: 5000", "  scale: -.inf")
    result = _refused_build(ws, [
        f"{LAYOUT.as_posix()}:4:10 page.margins_mm.top: nan is not a size",
        f"{LAYOUT.as_posix()}:5:13 page.margins_mm.bottom: inf is not a size",
        f"{LAYOUT.as_posix()}:6:12 page.margins_mm.inner: -4 is out of range",
        f"{LAYOUT.as_posix()}:7:12 page.margins_mm.outer: 0 is out of range",
        f"{LAYOUT.as_posix()}:9:12 type.body_pt: must be a number, not true",
        f"{LAYOUT.as_posix()}:10:12 type.leading: 5000 is out of range",
        f"{LAYOUT.as_posix()}:11:10 type.scale: -inf is not a size",
    ])
    assert "7 problems found" in result.text


def test_type_too_large_for_the_text_width_names_the_type_size(ws: Path) -> None:
    _layout(ws, "type:", "  body_pt: 16", "  leading: 2", "page:", "  size: A5")
    # The margins come from the built-in layout: the user's own file is named.
    _refused_build(ws, [(f"{LAYOUT.as_posix()}:3:12 type.body_pt: the margins leave 292 pt "
                        "(103 mm) of text width on A5; 16 pt text needs at least 320 pt"),
                        "make the inner and outer margins smaller or type.body_pt smaller"])


def test_two_columns_without_room_are_refused_at_columns(ws: Path) -> None:
    _layout(ws, "columns: 2", "page:", "  size: A5", "  margins_mm: {inner: 30, outer: 30}")
    _refused_build(ws, [(f"{LAYOUT.as_posix()}:2:10 columns: two columns need at least 279 pt "
                        "(99 mm) of text width at 11 pt; the margins leave 249 pt (88 mm) "
                        "on A5")])


def test_a_deep_bottom_margin_still_lays_out_the_cover(ws: Path) -> None:
    # The cover's foot used to get a negative height: an internal error.
    _layout(ws, "page:", "  margins_mm: {top: 20, bottom: 78, inner: 20, outer: 20}")
    _built_on_the_page(ws, [])


def test_the_narrowest_page_allowed_still_lays_out(ws: Path) -> None:
    # 2 in of text at 6 pt: the key-points number column and the contents rows
    # used to get less room than their padding.
    _layout(ws, "page:", "  size: A5", "  margins_mm: {top: 10, bottom: 10, inner: 50, outer: 47}",
            "type: {body_pt: 6, leading: 1.2, scale: 1.6}")
    _built_on_the_page(ws, [])


# --- long text in the furniture -----------------------------------------------

def test_two_hundred_topics_are_cut_in_the_question_band(ws: Path) -> None:
    topics = ", ".join(f"Topic number {i} of a long list" for i in range(200))
    _set(ws, ANSWER, "topics: [Pakistan Movement]", f"topics: [{topics}]")
    _built_on_the_page(ws, [f"{ANSWER.as_posix()}:8:9 topics: 'Topic number 0",
                            "too long for 2 lines of the question band"])


def test_a_paper_name_of_3000_letters_without_spaces_is_cut(ws: Path) -> None:
    _set(ws, ANSWER, "paper: Pakistan Affairs", "paper: " + "P" * 3000)
    _built_on_the_page(ws, [f"{ANSWER.as_posix()}:3:8 paper: 'PPP",
                            "(3000 characters) is too long for one line of the question band",
                            "too long for one line of the running head"])


def test_an_exam_name_of_2000_characters_is_cut(ws: Path) -> None:
    _set(ws, ANSWER, "exam: CSS", "exam: " + "Examination " * 170)
    _built_on_the_page(ws, [f"{ANSWER.as_posix()}:2:7 exam: 'Examination",
                            "too long for one line of the question band"])


def test_a_long_centre_name_is_cut_in_the_running_head_and_on_the_cover(ws: Path) -> None:
    _set(ws, Path("brand.yaml"), 'centre: "Ws"', "centre: " + "Academy" * 300)
    _built_on_the_page(ws, ["running_head.j2 centre: 'AcademyAcademy",
                            "shorten centre in brand.yaml",
                            "cover.j2 centre: 'AcademyAcademy"])


def test_a_title_of_2000_characters_is_cut_on_the_cover(ws: Path) -> None:
    _set(ws, Path("studypack.yaml"), "title: My Study Pack", "title: " + "T" * 2000)
    _built_on_the_page(ws, ["cover.j2 title: 'TTT", ("(2000 characters) is too long for 4 lines "
                            "of the cover"), "shorten title in studypack.yaml"])


def test_a_point_heading_of_5000_letters_without_spaces_is_cut_in_the_table(ws: Path) -> None:
    _set(ws, ANSWER, "  - heading: Background — why the League changed course",
         "  - heading: " + "H" * 5000)
    text = _built_on_the_page(ws, [f"{ANSWER.as_posix()}:31:14 points[1].heading: 'HHH",
                                   "too long for 6 lines of the key-points table"])
    assert "5000 characters" in text


def test_a_300_character_word_in_a_table_cell_wraps_inside_its_cell(ws: Path) -> None:
    _set(ws, ANSWER, "    gist: Congress rule", "    gist: " + "Supercalifragilistic" * 15
         + " Congress rule")
    _built_on_the_page(ws, [])


def test_a_folio_template_printing_a_long_line_is_cut_to_the_text_width(ws: Path) -> None:
    templates = ws / "layouts" / "my-centre" / "templates"
    templates.mkdir()
    (templates / "folio.j2").write_text("{{ 'Page ' ~ page_label ~ ' ' ~ 'of the booklet ' * 60 }}",
                                        encoding="utf-8")
    _built_on_the_page(ws, ["layouts/my-centre/templates/folio.j2:",
                            "too long for one line of the text width"])


def test_a_folio_warning_is_raised_again_when_the_folios_come_from_the_cache(ws: Path) -> None:
    templates = ws / "layouts" / "my-centre" / "templates"
    templates.mkdir()
    (templates / "folio.j2").write_text("{{ 'Page ' ~ page_label ~ ' ' ~ 'of the booklet ' * 60 }}",
                                        encoding="utf-8")
    first = run(["build"], ws)
    assert first.code == 0 and "too long for one line" in first.text, first.text
    again = run(["build"], ws)
    assert "reused" in again.text and ", 0 of" not in again.text, again.text  # all cached
    assert "too long for one line" in again.text, again.text
    strict = run(["build", "--strict"], ws)
    assert strict.code == 1 and "too long for one line" in strict.text, strict.text


@pytest.mark.parametrize("command", [["handout", "css-2019-pakistan-affairs-q3"]])
def test_a_handout_with_a_long_paper_is_cut_too(ws: Path, command: list[str]) -> None:
    _set(ws, ANSWER, "paper: Pakistan Affairs", "paper: " + "Paper " * 500)
    before = snapshot(ws)
    result = run(command, ws)
    assert result.code == 0, result.text
    assert f"{ANSWER.as_posix()}:3:8 paper:" in result.text
    assert snapshot(ws) == before
    assert not no_partial_files(ws)


# --- templates ----------------------------------------------------------------

FOLIO = Path("layouts") / "my-centre" / "templates" / "folio.j2"


def _refused_template(ws: Path, source: str, says: list[str]) -> None:
    """A folio template that must be stopped, named with its file (and line)."""
    (ws / FOLIO).parent.mkdir(parents=True, exist_ok=True)
    (ws / FOLIO).write_text(source, encoding="utf-8")
    _refused_build(ws, [FOLIO.as_posix(), *says])


def test_a_range_of_a_billion_is_refused(ws: Path) -> None:
    _refused_template(ws, "{% for i in range(10**9) %}x{% endfor %}",
                      [(f"{FOLIO.as_posix()}:1 the template asks for range() of 1,000,000,000 "
                       "numbers; at most 10,000 are allowed")])


def test_a_text_repeated_a_billion_times_is_refused_before_it_is_made(ws: Path) -> None:
    _refused_template(ws, "Page {{ page_label }}\n{{ 'x' * 10**9 }}",
                      [(f"{FOLIO.as_posix()}:2 the template repeats a text or list "
                       "1,000,000,000 times")])


def test_a_macro_that_calls_itself_is_stopped(ws: Path) -> None:
    _refused_template(ws, "{% macro f(n) %}{{ f(n) }}{{ f(n) }}{% endmacro %}{{ f(1) }}",
                      ["calls a macro that calls itself without end"])


def test_python_internals_are_out_of_reach(ws: Path) -> None:
    _refused_template(ws, "{{ ''.__class__.__mro__[1].__subclasses__() }}",
                      [f"{FOLIO.as_posix()}:1 the template reaches past its data",
                       "'__class__'"])


def test_loops_nested_without_output_are_stopped_by_their_step_count(ws: Path) -> None:
    _refused_template(ws, "{% set s = 'x' * 9000 %}{% for a in s %}{% for b in s %}"
                          "{% for c in s %}{% endfor %}{% endfor %}{% endfor %}",
                      [f"{FOLIO.as_posix()}:1 the template took more than 100,000 steps"])


def test_output_over_100_kb_is_refused(ws: Path) -> None:
    _refused_template(ws, "{% for i in range(5000) %}{{ 'page ' * 10 }}{% endfor %}",
                      [(f"{FOLIO.as_posix()} the template produces more than 100,000 "
                       "characters")])


def test_text_doubled_with_tilde_in_a_loop_is_refused(ws: Path) -> None:
    _refused_template(ws, "{% set ns = namespace(s='xx') %}{% for i in range(60) %}"
                          "{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s }}",
                      ["the template joins texts ('~') into more than 100,000 characters"])


def test_a_filter_or_format_asked_for_a_gigabyte_is_refused(ws: Path) -> None:
    _refused_template(ws, "{{ page_label|center(10**9) }}",
                      ["passes the number 1,000,000,000 to a filter or method"])


def test_a_format_width_of_a_billion_is_refused(ws: Path) -> None:
    _refused_template(ws, "{{ '%01000000000d' % 1 }}",
                      ["formats with a width or precision of 1,000 or more"])


def test_a_template_file_of_a_megabyte_is_refused(ws: Path) -> None:
    _refused_template(ws, "Page {{ page_label }}" + " " * 2**20,
                      ["is 1,048,597 bytes; a template may be at most 100,000"])


def test_the_bounded_sandbox_is_the_only_template_environment() -> None:
    # Every template studypack runs is compiled in theme/templates.py's one
    # environment: no other module makes a Jinja2 environment or template.
    root = Path(__file__).resolve().parents[2] / "studypack"
    makers = ("Environment(", "Template(", "from_string(", "jinja2.Template")
    found = [str(path.relative_to(root)) for path in root.rglob("*.py")
             if path.name not in ("sandbox.py", "templates.py")
             and any(m in path.read_text(encoding="utf-8").replace("PageTemplate(", "")
                     .replace("NextPageTemplate(", "") for m in makers)]
    assert found == []


def test_a_fair_template_still_works_in_the_sandbox(ws: Path) -> None:
    (ws / FOLIO).parent.mkdir(parents=True, exist_ok=True)
    (ws / FOLIO).write_text("{% for n in range(2) %}{{ '%02d'|format(n) }}{% endfor %} "
                            "{{ page_label ~ ' / ' ~ last_label }} {{ pages|string|center(5) }}",
                            encoding="utf-8")
    _built_on_the_page(ws, [])
    text = "".join(page.extract_text() for page in PdfReader(ws / "out" / "booklet.pdf").pages)
    assert "0001 1 / " in text


def test_a_paper_named_in_many_words_keeps_its_initials_inside_their_column() -> None:
    from studypack.render.contents import paper_initials

    assert paper_initials("Pakistan Affairs") == "PA"
    assert paper_initials("Pakistan Affairs " + "and Everything Else " * 20) == "PAEE"
