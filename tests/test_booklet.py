"""The sample booklet, read back with pypdf: every part a reader relies on."""

from __future__ import annotations

import re
from itertools import pairwise

from studypack.build import BuildResult
from studypack.content import load_content

from .conftest import CONTENT
from .pdfs import outline_rows

ENGLISH_PARTS = ("Summary", "Key points", "Answer")
URDU_PARTS = ("خلاصہ", "اہم نکات", "جواب")
"""The outline's entries under a question in English, and in Urdu."""


def test_cover_shows_title_papers_counts_years_edition_and_centre(sample_reader):
    cover = sample_reader.pages[0].extract_text()
    questions = load_content(CONTENT)
    years = sorted(q.year for q in questions)
    assert "CSS Study Pack" in cover
    assert "Sample subtitle" in cover
    for paper in {q.paper for q in questions}:
        assert paper in cover
    assert f"{len(questions)} questions" in cover
    assert f"{years[0]}–{years[-1]}" in cover
    assert "Test edition 2026" in cover
    assert "Test Centre" in cover
    assert "Page" not in cover  # no folio on the cover


def test_every_contents_entry_links_to_and_names_the_page_where_its_question_starts(
        sample_reader, sample_build: BuildResult):
    labels = sample_reader.page_labels
    # The contents: the front matter after the cover (wrapped questions fill two pages).
    contents = sample_reader.pages[1:labels.index("1")]
    assert len(contents) >= 1
    links = [a.get_object() for page in contents for a in page.get("/Annots", [])]
    link_pages = [sample_reader.get_page_number(a["/Dest"][0].get_object()) for a in links]
    starts = sorted(p - 1 for p in sample_build.start_pages.values())
    assert link_pages == sorted(link_pages) and sorted(link_pages) == starts
    text = "\n".join(page.extract_text() for page in contents)
    for qid, page in sample_build.start_pages.items():
        page_text = sample_reader.pages[page - 1].extract_text()
        # An Urdu answer's band names it in Urdu, in Urdu's digits ("question 5").
        number = re.search(r"^Q(\d+)$|\u0633\u0648\u0627\u0644 [\u06f0-\u06f9]+", page_text,
                           re.MULTILINE)
        assert number, f"no Q-number band on the start page of {qid}"
        # The contents line for this question carries its label as its page number.
        assert re.search(rf"^{re.escape(labels[page - 1])}$", text, re.MULTILINE)
    printed = [int(n) for n in re.findall(r"^(\d+)$", text, re.MULTILINE) if len(n) < 4]
    assert printed == [int(labels[p]) for p in starts]


def test_no_contents_page_holds_a_lone_entry_of_a_longer_group(sample_reader, sample_build):
    """A topic's entries split over two contents pages leave at least two on each: a
    page opening or closing on one entry of a group reads as a slip (the sample's
    'Water and Climate' pair once fell one on each page).
    """
    labels = sample_reader.page_labels
    contents = range(1, labels.index("1"))
    first_page = {qid: page - 1 for qid, page in sample_build.start_pages.items()}
    linked_from = {}
    for k in contents:
        for annot in sample_reader.pages[k].get("/Annots", []):
            target = sample_reader.get_page_number(annot.get_object()["/Dest"][0].get_object())
            linked_from[target] = k
    groups: dict[str, list[int]] = {}
    for q in load_content(CONTENT):
        groups.setdefault(q.primary_topic, []).append(linked_from[first_page[q.id]])
    for topic, pages in groups.items():
        if len(pages) > 1:
            assert min(pages.count(k) for k in set(pages)) >= 2, (topic, pages)
    assert len(contents) > 1 and groups


def test_outline_mirrors_contents_topic_question_parts(sample_reader, sample_build):
    rows = outline_rows(sample_reader)
    questions = load_content(CONTENT)
    topics = sorted({q.primary_topic for q in questions}, key=str.casefold)
    assert [t for d, t, _ in rows if d == 0] == ["Contents", *topics]
    assert rows[0] == (0, "Contents", 1)  # the page after the cover
    question_rows = [(t, p) for d, t, p in rows if d == 1]
    assert len(question_rows) == len(questions)
    assert sorted(p + 1 for _, p in question_rows) == sorted(sample_build.start_pages.values())
    named = tuple(t for d, t, _ in rows if d == 2)
    parts = [named[n:n + 3] for n in range(0, len(named), 3)]
    # Each question's parts, named in its language: the one Urdu answer's in Urdu.
    assert sorted(set(parts)) == sorted({ENGLISH_PARTS, URDU_PARTS})
    assert parts.count(URDU_PARTS) == 1 and len(parts) == len(questions)


def test_key_points_table_lists_every_heading(sample_reader, sample_build):
    questions = {q.id: q for q in load_content(CONTENT)}
    q = questions["css-2022-pakistan-affairs-q8"]
    start = sample_build.start_pages[q.id] - 1
    text = " ".join(sample_reader.pages[i].extract_text() for i in range(start, start + 2))
    text = " ".join(text.split())
    assert "Key point In one line" in text
    for point in q.points:
        words = point.heading.split()[:3]
        assert " ".join(words) in text


def test_page_labels_are_roman_then_arabic_and_folios_match(sample_reader):
    labels = sample_reader.page_labels
    front = labels.index("1")  # the cover and the contents pages
    assert labels[:front] == ["i", "ii", "iii", "iv"][:front] and front >= 2
    body = len(labels) - front
    assert labels[front:] == [str(n) for n in range(1, body + 1)]
    last = labels[front - 1]
    assert f"Page {last} of {last}" in sample_reader.pages[front - 1].extract_text()
    for index in (front, len(labels) - 1):
        assert f"Page {labels[index]} of {body}" in sample_reader.pages[index].extract_text()


def test_every_font_is_an_embedded_truetype_subset(sample_reader):
    seen = set()
    for page in sample_reader.pages:
        fonts = page["/Resources"].get_object().get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            seen.add(font["/BaseFont"])
            descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font \
                else font
            assert font["/Subtype"] in ("/TrueType", "/Type0"), font["/BaseFont"]
            descriptor = descendant["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor, f"{font['/BaseFont']} is not embedded"
    names = " ".join(str(n) for n in seen)
    assert "IBMPlexSerif" in names and "Lato" in names
    assert "Helvetica" not in names and "Times" not in names


def test_awkward_characters_come_out_exactly_as_written(sample_reader):
    text = "".join(p.extract_text() for p in sample_reader.pages)
    for exact in ("S&P", "R&D", "< 10%", "> any plausible gain", "“game changer”", "détente",
                  "naïve", "d’être", "—", "US–China"):
        assert exact in text, exact


def test_metadata_title_subject_and_topic_keywords(sample_reader):
    meta = sample_reader.metadata
    assert meta.title == "CSS Study Pack"
    assert meta.subject == "Sample subtitle"
    for topic in ("Foreign Policy", "Economy", "IR Theory"):
        assert topic in meta["/Keywords"]


def test_each_question_starts_on_a_new_page_with_its_question_text(sample_reader, sample_build):
    questions = {q.id: q for q in load_content(CONTENT)}
    for qid, page in sample_build.start_pages.items():
        text = " ".join(sample_reader.pages[page - 1].extract_text().split())
        first_words = " ".join(questions[qid].question.split()[:5])
        assert first_words in text


def test_long_answer_runs_past_two_pages(sample_build):
    starts = [*sorted(sample_build.start_pages.values()), sample_build.pages + 1]
    lengths = [b - a for a, b in pairwise(starts)]
    assert max(lengths) > 2


def test_streams_are_flate_compressed_without_an_ascii85_layer(sample_reader):
    filters = []
    for number in range(1, int(sample_reader.trailer["/Size"])):
        obj = sample_reader.get_object(number)
        if hasattr(obj, "get_data") and "/Filter" in obj:
            f = obj["/Filter"]
            filters.append(tuple(f) if isinstance(f, list) else (f,))
    assert filters and all(f == ("/FlateDecode",) for f in filters), set(filters)
