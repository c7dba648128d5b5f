"""The past-paper trend table: topics × years, in the terminal, as a PDF and in a pack."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from studypack.cli import app

from .conftest import copied_sample

# Two questions kept without answers: one on Kashmir in 2019, and one that is the
# 2015 Kashmir answer's question again (imported from a list), which was asked once.
SIMLA = """\
kind: question
id: css-2019-pakistan-affairs-asked-4
exam: CSS
paper: Pakistan Affairs
year: 2019
number: 4
topics: [Kashmir, Foreign Policy]
question: Why did the Simla Agreement make the Kashmir dispute a bilateral matter?
"""
AGAIN = """\
kind: question
id: css-2015-pakistan-affairs-listed-6
exam: CSS
paper: Pakistan Affairs
year: 2015
number: 6
topics: [Kashmir]
question: >-
  Trace the origins of the Kashmir dispute and assess the prospects for its
  peaceful resolution.
"""


@pytest.fixture
def ws(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    copied_sample(tmp_path, monkeypatch)
    (tmp_path / "content" / "asked").mkdir()
    (tmp_path / "content" / "asked" / "simla.yaml").write_text(SIMLA, encoding="utf-8")
    (tmp_path / "content" / "asked" / "again.yaml").write_text(AGAIN, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def rows_of(text: str) -> dict[str, list[str]]:
    """Table rows of the PDF's text: a row's name, then its counts (a line each)."""
    rows: dict[str, list[str]] = {}
    name = ""
    for line in text.splitlines():
        if line.strip().isdigit() and len(line.strip()) < 4:
            rows.setdefault(name, []).append(line.strip())
        else:
            name = line.strip()
    return rows


def test_trend_pdf_counts_topics_by_year_for_a_paper(ws: Path) -> None:
    done = CliRunner().invoke(app, ["trend", "--paper", "pakistan affairs"])
    assert done.exit_code == 0, done.output
    reader = PdfReader(ws / "out" / "trend.pdf")
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert "Past-paper trends" in text and "(Pakistan Affairs)" in text
    years = [w for w in text.split() if w.isdigit() and len(w) == 4]
    assert years[:8] == [str(y) for y in range(2015, 2023)]
    rows = rows_of(text)
    # Kashmir: the 2015 answer (its listed copy not counted again) and the 2019 question.
    assert rows["Kashmir"] == ["1", "1", "2"]
    # Foreign Policy: 2015 and 2022 answers and the 2019 question; most asked first.
    assert rows["Foreign Policy"] == ["1", "1", "1", "3"]
    assert list(rows).index("Foreign Policy") < list(rows).index("Kashmir")
    # Each question once in the totals: 2015, 2016, 2019 (two), 2021 (in Urdu), 2022.
    assert rows["Questions"] == ["1", "1", "2", "1", "1", "6"]
    assert "Current Affairs" not in text and "Economy" not in text
    # The terminal shows the same table.
    assert "Kashmir" in done.output and "Wrote out/trend.pdf" in done.output


def test_trend_is_reproducible_and_unknown_names_are_refused(ws: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(app, ["trend", "-o", "out/a.pdf"]).exit_code == 0
    assert runner.invoke(app, ["trend", "-o", "out/b.pdf"]).exit_code == 0
    assert (ws / "out" / "a.pdf").read_bytes() == (ws / "out" / "b.pdf").read_bytes()
    done = runner.invoke(app, ["trend", "--paper", "Pak Affairs"])
    assert done.exit_code == 2
    assert "did you mean 'Pakistan Affairs'?" in done.output
    assert not (ws / "out" / "trend.pdf").exists()


def test_a_pack_with_trend_prints_it_after_the_contents(ws: Path) -> None:
    pack = ws / "content" / "packs" / "foreign-policy.yaml"
    pack.write_text(pack.read_text(encoding="utf-8") + "trend: true\n", encoding="utf-8")
    done = CliRunner().invoke(app, ["pack", str(pack.relative_to(ws))])
    assert done.exit_code == 0, done.output
    reader = PdfReader(ws / "out" / "packs" / "foreign-policy.pdf")
    titles = [item.title for item in reader.outline if not isinstance(item, list)]
    assert titles[:2] == ["Contents", "Past-paper trends"]
    labels = reader.page_labels
    page = next(i for i, p in enumerate(reader.pages) if "Past-paper trends" in p.extract_text())
    assert labels[page] in ("ii", "iii")
    rows = rows_of(reader.pages[page].extract_text())
    # The pack's selection only (its topics, 2015-2025), the listed questions included.
    assert rows["Kashmir"] == ["1", "1", "2"]
    assert "Economy" in rows and "Constitutional Development" not in rows


def test_a_long_span_of_years_is_printed_in_runs_and_copies_by_words_count_once(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "content").mkdir()
    for n, (year, number) in enumerate(((1950, 6), (2026, None), (2026, 2)), 1):
        number_line = f"number: {number}\n" if number else ""
        (tmp_path / "content" / f"q{n}.yaml").write_text(
            f"kind: question\nid: q-{n}\nexam: CSS\npaper: History\nyear: {year}\n"
            f"{number_line}topics: [Partition]\n"
            "question: Was the boundary award drawn in haste?\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    done = CliRunner().invoke(app, ["trend"])
    assert done.exit_code == 0, done.output
    text = PdfReader(tmp_path / "out" / "trend.pdf").pages[0].extract_text()
    rows = rows_of(text)
    # 77 years in runs of 16: five tables, each with its Partition row (a blank
    # year prints nothing): 1950 in the first, 2026 in the last, its two copies
    # (one without a number) counted once, and all three years' 2 in each.
    assert rows["Partition"] == ["1", "2", "2", "2", "2", "1", "2"]
    assert "’50" in text and "’26" in text and "in 1950–2026" in done.output
