"""Frozen records passed between the pipeline stages.

Text fields hold the author's inline Markdown subset verbatim (``**bold**``,
``*italic*``, ``[text](url)``, ``- `` bullets in bodies); only ``render/``
turns it into typeset text.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace


@dataclass(frozen=True)
class KeyPoint:
    """One numbered, headed key point of an answer.

    Attributes:
        heading: Short heading, e.g. "Counterterrorism cooperation".
        gist: One line for the key-points table (given or derived).
        body: Paragraphs, blank-line separated.
        subpoints: Bulleted sub-points under the body.
        gist_derived: True when ``gist`` was cut from the body, not written.
    """

    heading: str
    gist: str
    body: str = ""
    subpoints: tuple[str, ...] = ()
    gist_derived: bool = False


@dataclass(frozen=True)
class Section:
    """An extra headed section of an answer, such as "Way forward"."""

    heading: str
    body: str


@dataclass(frozen=True)
class Figure:
    """An image an answer shows on a line of its own.

    Attributes:
        src: The path as the answer writes it (relative to the answer file).
        path: The file, resolved.
        digest: SHA-256 of its bytes: an image redrawn under the same name
            gives the answer's parts new cache keys.
    """

    src: str
    path: str
    digest: str


@dataclass(frozen=True)
class Question:
    """One past-paper question with its model answer.

    Attributes:
        id: Unique id across the content folder.
        exam: Exam name, e.g. "CSS" or "PMS".
        paper: Paper name, e.g. "Pakistan Affairs".
        year: Year the paper was set.
        number: Question number on the paper.
        question: The question as set.
        summary: Two or three sentences.
        topics: At least one; the first is the primary topic used for grouping.
        outline: Outline lines (given, or derived from the structure).
        introduction, points, sections, conclusion: The full answer.
        source_path: Content file the record came from (for messages).
        figures: The images its text shows (``![caption](file)`` on a line of its own).
        language: "ur" for an answer written in Urdu (set right to left, labelled in
            Urdu), "en" for one in English; None: told by its question's letters.
    """

    id: str
    exam: str
    paper: str
    year: int
    number: int
    question: str
    summary: str
    topics: tuple[str, ...]
    introduction: str
    points: tuple[KeyPoint, ...]
    conclusion: str
    part: str | None = None
    marks: int | None = None
    tags: tuple[str, ...] = ()
    outline: tuple[str, ...] = ()
    sections: tuple[Section, ...] = ()
    references: tuple[str, ...] = ()
    source: str | None = None
    derived: tuple[str, ...] = ()
    source_path: str = ""
    figures: tuple[Figure, ...] = ()
    language: str | None = None

    @property
    def primary_topic(self) -> str:
        """The first topic: it groups the question in the contents."""
        return self.topics[0]

    def headline(self) -> Question:
        """This question without its answer: what a cover, contents page or
        revision grid prints (tags, question text, key-point headings).

        A pack lays those out from headlines, so editing an answer's text
        leaves them, and their cached layout, as they were.
        """
        return replace(self, summary="", introduction="", conclusion="", outline=(),
                       sections=(), references=(), figures=(),
                       points=tuple(KeyPoint(p.heading, "") for p in self.points))

    @property
    def label(self) -> str:
        """Short label such as "Q8 · 2022"."""
        return f"Q{self.number} · {self.year}"


@dataclass(frozen=True)
class PastQuestion:
    """A past-paper question kept without an answer (``kind: question``).

    Imported from topic-wise lists of questions, for worksheets; booklets,
    packs and handouts hold answers only. ``paper`` and ``year`` are None
    while the file leaves them to write.
    """

    id: str
    exam: str
    paper: str | None
    year: int | None
    question: str
    topics: tuple[str, ...]
    number: int | None = None
    marks: int | None = None
    part: str | None = None
    tags: tuple[str, ...] = ()
    source_path: str = ""


@dataclass(frozen=True)
class TopicGroup:
    """Questions under one heading (a topic, or a pack section), in booklet order."""

    topic: str
    questions: tuple[Question, ...]


@dataclass(frozen=True)
class Brand:
    """A coaching centre's identity on booklets, packs and handouts.

    Attributes:
        centre: Centre's name (cover, running heads, metadata author).
        contact: Contact line for the cover and back cover.
        logo: Path of a PNG, JPEG or SVG logo.
        accent: Accent colour ``#rrggbb`` replacing the layout's, or None.
        watermark: Text drawn lightly under the content of every page, or None.
        back_cover: Text (inline Markdown, paragraphs) for a closing back cover.
    """

    centre: str | None = None
    contact: str | None = None
    logo: str | None = None
    accent: str | None = None
    watermark: str | None = None
    back_cover: str | None = None


@dataclass(frozen=True)
class BookletPlan:
    """Everything the renderer needs to know about what goes in a booklet.

    Attributes:
        title: Cover and metadata title.
        subtitle: Cover subtitle.
        edition: Edition or date line on the cover, e.g. "November 2026".
        brand: The centre's name, logo, colours and marks.
        groups: Topic groups in order; each question appears once.
        keywords: The PDF's keywords (every topic).
        date: See below.
    """

    title: str
    subtitle: str
    edition: str
    groups: tuple[TopicGroup, ...]
    brand: Brand = field(default_factory=Brand)
    keywords: tuple[str, ...] = field(default=())
    date: int | None = None
    """Creation date written into the PDF, in seconds since 1970 (UTC); None writes none."""

    def headlines(self) -> BookletPlan:
        """This plan with every question cut to its headline (see ``Question.headline``)."""
        return replace(self, groups=tuple(
            TopicGroup(g.topic, tuple(q.headline() for q in g.questions)) for g in self.groups))

    @property
    def centre(self) -> str | None:
        """The brand's centre name."""
        return self.brand.centre

    @property
    def contact(self) -> str | None:
        """The brand's contact line."""
        return self.brand.contact

    @property
    def logo(self) -> str | None:
        """The brand's logo path."""
        return self.brand.logo

    @property
    def questions(self) -> tuple[Question, ...]:
        """Every question, in booklet order."""
        return tuple(q for g in self.groups for q in g.questions)

    @property
    def exams(self) -> tuple[str, ...]:
        """The exams the questions come from, sorted."""
        return tuple(sorted({q.exam for q in self.questions}))

    @property
    def papers(self) -> tuple[str, ...]:
        """The papers the questions come from, sorted."""
        return tuple(sorted({q.paper for q in self.questions}))

    @property
    def years(self) -> tuple[int, int]:
        """The first and last year of the questions."""
        ys = [q.year for q in self.questions]
        return (min(ys), max(ys))


@dataclass(frozen=True)
class ExternalPdf:
    """A PDF a pack includes as it is (a centre's own notes, a map, a past paper).

    Attributes:
        path: File path (resolved against the workspace).
        title: Title for the contents page and the outline.
        where: "before" or "after" its section, or "appendix".
        section: Section title it belongs to ("" for appendices).
        index: Position in the pack file's ``include`` list (0-based).
        boxes: Where each of its pages is seen (crop box and rotation), as
            measured once when the pack was planned; its length is the page count.
    """

    path: str
    title: str
    where: str = "appendix"
    section: str = ""
    index: int = 0
    boxes: tuple[PageBox, ...] = ()

    @property
    def key(self) -> str:
        """Name of this entry (the same file may be included twice): "x-1", "x-2"…."""
        return f"x-{self.index + 1}"


@dataclass(frozen=True)
class PackPlan:
    """A pack: front matter, sections of questions, included PDFs, options.

    Attributes:
        booklet: Title, cover text and sections (as groups) in order.
        includes: External PDFs with their places.
        blocks: Question blocks to print, e.g. ("header", "question", "summary");
            None uses the layout's ``blocks.question``.
        revision_grid: Close with a grid of every question's key points.
        duplex: Start every section and question on a recto page; None
            inherits the layout's ``page.duplex``.
        handouts: Also write one handout per question.
        impose: Also write the pack imposed for printing ("booklet" or "2up"), or None.
        sheet: A worksheet or answer key (no cover or contents; questions
            follow one another), or None for answers.
        trend: A past-paper trend table of the pack's questions, printed
            after the contents, or None.
        cards: Print the questions as flashcards to cut out, or None.
        layout: Layout name.
        output: Output PDF path.
        source_path: The pack file (for messages).
        front_matter: Open with a cover and contents, with sections in the
            outline (a handout has neither: its question heads its outline).
        head_template: Template of the running head.
        answer_outline: Print each answer's outline before its introduction.
    """

    booklet: BookletPlan
    includes: tuple[ExternalPdf, ...]
    blocks: tuple[str, ...] | None
    revision_grid: bool
    duplex: bool | None
    handouts: bool
    layout: str
    output: str
    source_path: str = ""
    front_matter: bool = True
    head_template: str = "running_head.j2"
    answer_outline: bool = True
    impose: str | None = None
    sheet: SheetPlan | None = None
    trend: TrendTable | None = None
    cards: CardsPlan | None = None


@dataclass(frozen=True)
class TrendTable:
    """Which topics were asked in which years: a past-paper trend table.

    Attributes:
        scope: What was counted, e.g. "CSS · Pakistan Affairs" ("" for everything).
        years: The columns: every year from the first to the last asked.
        rows: (topic, questions asked on it in each year), most asked first.
        totals: Questions asked in each year (a question with two topics counts once).
    """

    scope: str
    years: tuple[int, ...]
    rows: tuple[tuple[str, tuple[int, ...]], ...]
    totals: tuple[int, ...]


@dataclass(frozen=True)
class CardsPlan:
    """Printed flashcards: a grid of card fronts, then the same grid of backs.

    Attributes:
        which: "questions" (question → summary), "points" (key-point heading →
            gist) or "both".
        columns, rows: Cards on a sheet (the layout's ``cards``).
        margin_mm: Room around the grid, where the cut marks are.
        offset_mm: (x, y) the backs are moved by, for a printer whose second
            side lands off the first (positive: right and up).
    """

    which: str = "both"
    columns: int = 2
    rows: int = 4
    margin_mm: float = 10.0
    offset_mm: tuple[float, float] = (0.0, 0.0)


@dataclass(frozen=True)
class SheetPlan:
    """How a worksheet or answer key prints its questions (a pack's ``kind`` and ``worksheet:``).

    Attributes:
        kind: "worksheet" (questions with room to write) or "answer-key"
            (each question's key points, compact, for marking).
        answers: A worksheet with each answer printed in place of its lines
            (the teacher's edition, as the LaTeX exam class's printanswers).
        class_name, date, time_allowed: Header lines; "" leaves a line to fill in.
        instructions: A line or two under the header ("" for none).
        space: How the room to write is drawn: lines, dotted, grid or blank.
        line_mm: Distance between two answer lines (and grid squares' side).
        lines: Question id → lines of answer space, in sheet order (the
            rule has been applied: marks × lines per mark, or a pack's override).
    """

    kind: str
    answers: bool = False
    class_name: str = ""
    date: str = ""
    time_allowed: str = ""
    instructions: str = ""
    space: str = "lines"
    line_mm: float = 8.0
    lines: tuple[tuple[str, int], ...] = ()

    def lines_for(self, question_id: str) -> int:
        """Lines of answer space for ``question_id``."""
        return dict(self.lines)[question_id]


@dataclass(frozen=True)
class PageBox:
    """Where a page is seen: its crop box in its own space (points) and its /Rotate.

    ``rotate`` is 0, 90, 180 or 270: degrees clockwise, as the page is
    shown (PDF 1.7, 7.7.3.3). ``foot_clear`` is the height (points) of blank
    paper at the foot of the page as seen, where measured (an included PDF's
    page: a folio is laid on it only where it fits); 0.0 when not measured.
    """

    left: float
    bottom: float
    width: float
    height: float
    rotate: int = 0
    foot_clear: float = 0.0

    @property
    def shown_size(self) -> tuple[float, float]:
        """(width, height) as a reader sees the page, in points."""
        return ((self.height, self.width) if self.rotate in (90, 270)
                else (self.width, self.height))

    @property
    def shown_to_page(self) -> tuple[float, ...]:
        """The matrix (a b c d e f, for ``cm``) from the seen page's space to the page's own."""
        left, bottom, right, top = (self.left, self.bottom, self.left + self.width,
                                    self.bottom + self.height)
        return {0: (1, 0, 0, 1, left, bottom), 90: (0, 1, -1, 0, right, bottom),
                180: (-1, 0, 0, -1, right, top), 270: (0, -1, 1, 0, left, top)}[self.rotate]


@dataclass(frozen=True)
class SelectionChange:
    """One student's changes to a pack's selection (a roster row's extra columns).

    Attributes:
        topics: Every answer with one of these topics is added.
        ids: These answers are added.
        exclude: Answers with these ids, or with one of these topics, are left out.
    """

    topics: tuple[str, ...] = ()
    ids: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.topics or self.ids or self.exclude)


@dataclass(frozen=True)
class Student:
    """One roster row: who a pack is printed for.

    Attributes:
        name: As printed on the cover and every page.
        roll: Roll number, unique in the roster (text: "17", "EB3-017").
        batch: Class or batch, if the roster has one.
        change: Their own changes to the pack's selection.
        line: The roster's line (a CSV line, or a spreadsheet row) for messages.
    """

    name: str
    roll: str
    batch: str = ""
    change: SelectionChange = SelectionChange()
    line: int = 0


@dataclass(frozen=True)
class StudentLines:
    """What a student's copy prints, already filled in; "" prints nothing.

    Attributes:
        cover: The line on the cover, above its rule.
        mark: The line at the foot of every other page, opposite the folio.
        watermark: Set large and faint across every page but the cover.
    """

    cover: str
    mark: str
    watermark: str = ""
    source: str = field(default="", compare=False, repr=False)
    """Where the student is on the roster ("students.csv:4"), for warnings."""
