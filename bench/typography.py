"""Typography report: line length, short pages, widows, orphans and stranded headings.

Reads a finished PDF back with pypdf (text, font and position of every run),
as a reader's eye would meet the page, and prints per PDF:

  measure        characters per full body line (a line of body text that reaches
                 the right edge of the text column): mean, 10th and 90th percentile
                 and the longest. Book typography keeps to about 45-75 (66 ideal);
  short pages    pages filled less than 85% of the text column, leaving out a
                 question's last page, pages before a section opener, the cover
                 and contents;
  widows         a paragraph's last line alone at the top of a page;
  orphans        a paragraph's first line alone at the foot of a page;
  headings       a heading with nothing of its section under it on its page.

Body text is told from the rest by its font and size (the layout's text face
at its body size). Lines set at the body's leading one under the other are
one paragraph (paragraphs are spaced apart); a line is full when its text,
measured unstretched in its font, takes at least 86% of the column.

Run: python bench/typography.py out/booklet.pdf [more.pdf ...] [--layout classic]
     python bench/typography.py --corpus 400 [--layout compact]   (the benchmark's answers)
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pypdf import PdfReader


@dataclass(frozen=True)
class Run:
    """One piece of text drawn on a page: where, in which face and size, how wide unstretched."""

    x: float
    y: float
    text: str
    font: str
    size: float
    width: float


@dataclass(frozen=True)
class Line:
    """Runs on one baseline: their text, start, unstretched width, and what they are."""

    y: float
    x0: float
    width: float
    text: str
    kind: str  # "body", "heading" or "other"


class Faces:
    """Widths of text in the layout's faces, found by their PostScript names."""

    def __init__(self, layout: str) -> None:
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont

        from studypack.theme import load_theme

        theme = load_theme(layout, None)
        # In two columns, a baseline holds a line of each: split at the gutter.
        left = theme.margin("inner")
        self.gutter = (left + (theme.page_size[0] - left - theme.margin("outer")) / 2
                       if theme.spec.columns == 2 else None)
        self.body_pt = theme.spec.type.body_pt
        self.leading = theme.spec.type.leading * self.body_pt
        self.body = theme.text.regular.stem.split("-")[0]
        self.heading = theme.heading.regular.stem.split("-")[0]
        self.names: dict[str, str] = {}
        for family in (theme.text, theme.heading, theme.mono):
            for path in (family.regular, family.bold, family.italic, family.bold_italic):
                font = TTFont(f"typo-{path.stem}", str(path))
                pdfmetrics.registerFont(font)
                self.names[font.face.name.decode() if isinstance(font.face.name, bytes)
                           else str(font.face.name)] = font.fontName
        self._width = pdfmetrics.stringWidth

    def width(self, text: str, font: str, size: float) -> float:
        name = self.names.get(font)
        return self._width(text, name, size) if name else 0.0


def page_runs(page: Any, faces: Faces) -> list[Run]:
    runs: list[Run] = []

    def visit(text: str, cm: list[float], tm: list[float], font: dict | None,
              size: float) -> None:
        if not text.strip() or font is None:
            return
        # Text space → user space: the text matrix, then the current matrix.
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        scale = abs(tm[0] * cm[0] + tm[1] * cm[2]) or 1.0
        name = str(font.get("/BaseFont", "")).lstrip("/").split("+", 1)[-1]
        shown = round(size * scale, 2)
        runs.append(Run(x, y, text, name, shown, faces.width(text, name, shown)))

    page.extract_text(visitor_text=visit)
    return runs


def lines_of(runs: list[Run], faces: Faces) -> list[Line]:
    by_y: dict[tuple[int, float], list[Run]] = {}
    for run in runs:
        column = 1 if faces.gutter is not None and run.x >= faces.gutter else 0
        by_y.setdefault((column, round(run.y, 1)), []).append(run)
    lines = []
    # Reading order: the left column down, then the right.
    for (_, y), group in sorted(by_y.items(), key=lambda item: (item[0][0], -item[0][1])):
        group.sort(key=lambda r: r.x)
        text = "".join(r.text for r in group).strip()
        body = [r for r in group if r.font.startswith(faces.body)
                and abs(r.size - faces.body_pt) < 0.05]
        if body and len(body) == len(group):
            kind = "body"
        elif all(r.font.startswith(faces.heading) for r in group) and max(
                r.size for r in group) >= faces.body_pt - 0.05:
            kind = "heading"
        else:
            kind = "other"
        lines.append(Line(y, group[0].x, sum(r.width for r in group), text, kind))
    return lines


@dataclass
class Report:
    """What was found in one PDF, by page number (1-based)."""

    pdf: str
    pages: int
    full_lines: list[int] = field(default_factory=list)
    short_pages: list[int] = field(default_factory=list)
    widows: list[int] = field(default_factory=list)
    orphans: list[int] = field(default_factory=list)
    headings: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class Column:
    """The body text column: its left edge, width, top and foot baselines, line pitch."""

    left: float
    width: float
    top: float
    foot: float
    pitch: float

    def full(self, line: Line) -> bool:
        """Whether a line fills the column (not a paragraph's short last line)."""
        return line.width >= 0.86 * self.width


def analyse(pdf: Path, faces: Faces) -> Report:
    """Every check of the module's notes, over one PDF."""
    reader = PdfReader(pdf)
    pages = [lines_of(page_runs(p, faces), faces) for p in reader.pages]
    report = Report(str(pdf), len(pages))
    body_lines = [line for page in pages for line in page if line.kind == "body"]
    if not body_lines:
        return report
    left = statistics.mode(round(line.x0) for line in body_lines)
    widths = sorted(line.width for line in body_lines if abs(line.x0 - left) < 2)
    column = Column(left, widths[int(len(widths) * 0.9)],
                    max(line.y for line in body_lines), min(line.y for line in body_lines),
                    faces.leading)
    for number, lines in enumerate(pages, 1):
        text = [line for line in lines if column.foot - 2 <= line.y <= column.top + 2]
        report.full_lines += [len(line.text) for line in text if line.kind == "body"
                              and abs(line.x0 - left) < 2 and column.full(line)]
        if text:
            _page_checks(report, number, text, pages, column)
    return report


def _in_column(lines: list[Line], column: Column) -> list[Line]:
    return [line for line in lines if column.foot - 2 <= line.y <= column.top + 2]


def _fragments(text: list[Line], pitch: float) -> list[list[Line]]:
    """Runs of body lines set at the paragraph's line pitch (a paragraph, or part of one)."""
    groups: list[list[Line]] = []
    for line in text:
        if (line.kind == "body" and groups and groups[-1][-1].kind == "body"
                and abs(groups[-1][-1].y - line.y - pitch) < 0.6):
            groups[-1].append(line)
        else:
            groups.append([line])
    return groups


def _page_checks(report: Report, number: int, text: list[Line], pages: list[list[Line]],
                 column: Column) -> None:
    groups = _fragments(text, column.pitch)
    near_foot = text[-1].y < column.foot + column.pitch * 1.5
    first, last = groups[0], groups[-1]
    previous = _in_column(pages[number - 2], column) if number > 1 else []
    continued = bool(previous) and previous[-1].kind == "body" and column.full(previous[-1])
    following = _in_column(pages[number], column) if number < len(pages) else []
    # A heading is stranded when what it heads starts on the next page (or column): it is
    # the page's last line, or it stands within a line and a half of the foot of a column.
    low = [line for line in text if line.kind == "heading"
           and line.y < column.foot + column.pitch * 1.5]
    if (text[-1].kind == "heading" and following and following[0].kind != "heading") or low:
        report.headings.append(number)
    if (continued and first[0].kind == "body" and len(first) == 1
            and not column.full(first[0]) and len(groups) > 1):
        report.widows.append(number)
    if (near_foot and last[0].kind == "body" and len(last) == 1 and column.full(last[0])
            and following and following[0].kind == "body"):
        report.orphans.append(number)
    depth = column.top - column.foot
    filled = (column.top - text[-1].y) / depth if depth else 1.0
    # A short page is a fault only when the text goes on overleaf: a page
    # that ends a question, before a heading or a new question, is meant.
    if filled < 0.85 and following and following[0].kind == "body":
        report.short_pages.append(number)


def print_report(report: Report) -> None:
    lengths = sorted(report.full_lines)
    print(f"{report.pdf}: {report.pages} pages")
    if len(lengths) > 1:
        deciles = statistics.quantiles(lengths, n=10)
        print(f"  measure       {statistics.mean(lengths):.0f} characters per full body line "
              f"(10th-90th percentile {deciles[0]:.0f}-{deciles[-1]:.0f}, longest "
              f"{lengths[-1]}), over {len(lengths):,} lines")
    share = len(report.short_pages) / max(1, report.pages)
    print(f"  short pages   {len(report.short_pages)} ({share:.1%}) filled < 85% with the text "
          f"going on overleaf {_pages(report.short_pages)}")
    print(f"  widows        {len(report.widows)} {_pages(report.widows)}")
    print(f"  orphans       {len(report.orphans)} {_pages(report.orphans)}")
    print(f"  headings      {len(report.headings)} stranded at a page's foot "
          f"{_pages(report.headings)}")


def _pages(numbers: list[int]) -> str:
    if not numbers:
        return ""
    shown = ", ".join(str(n) for n in numbers[:12])
    return f"(pages {shown}{', …' if len(numbers) > 12 else ''})"


def corpus_booklet(count: int, layout: str, folder: Path) -> Path:
    """The benchmark's answers (``bench/corpus.py``) built as a booklet in ``layout``.

    The engines' benchmark sets its own flat page to match a bare script; this sets the
    same words in one of studypack's book layouts, so its breaks can be judged.
    """
    import subprocess

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from corpus import make_corpus, write_workspace

    write_workspace(folder, make_corpus(count))
    settings = folder / "studypack.yaml"
    settings.write_text(settings.read_text(encoding="utf-8").replace("layout: bench",
                                                                      f"layout: {layout}"),
                        encoding="utf-8")
    subprocess.run([sys.executable, "-m", "studypack.cli", "build"], cwd=folder, check=True,
                   stdout=subprocess.DEVNULL)
    return folder / "out" / "booklet.pdf"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("pdfs", nargs="*", type=Path)
    parser.add_argument("--layout", default="classic", help="the layout the PDFs were built with")
    parser.add_argument("--corpus", type=int, metavar="N",
                        help="also build the benchmark's N answers in --layout and report it")
    args = parser.parse_args(argv)
    if not args.pdfs and not args.corpus:
        parser.error("name a PDF, or --corpus N")
    faces = Faces(args.layout)
    pdfs = list(args.pdfs)
    with tempfile.TemporaryDirectory() as folder:
        if args.corpus:
            pdfs.append(corpus_booklet(args.corpus, args.layout, Path(folder)))
        for pdf in pdfs:
            print_report(analyse(pdf, faces))
    return 0


if __name__ == "__main__":
    sys.exit(main())
