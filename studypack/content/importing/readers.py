"""One reader per input format: a file's bytes → a ``Page`` of blocks.

Input: the raw bytes of one file. Output: a ``Page``. Plain text is split by
its line layout; HTML goes through trafilatura (main text only: menus,
sidebars, share bars and comment sections are left behind); Markdown through
markdown-it-py; Word ``.docx`` through mammoth, which keeps headings, bold
and the numbering of lists. The three structured formats share one walker
(``markup.walk``). Every reader repairs mojibake with ftfy first.
"""

from __future__ import annotations

import io
import logging
import re
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace

from ...errors import StudypackError
from .blocks import QUESTION_WORDS, Block, Page, plain, words_in_long_lines
from .html_own_reading import (
    MISSED_ITEMS,
    THIN_MAIN,
    heading_count,
    listed_count,
    own_reading,
    put_question,
    question_outside,
    thread_page,
)
from .html_page_facts import (
    CUT_POSTS,
    PRODUCT,
    archive_cards,
    jump_breaks,
    signature_texts,
    title_and_crumbs,
    unsigned,
)
from .html_prepare import prepared_for_extraction
from .markup import walk
from .mybb import mybb_thread
from .pandoc import from_pandoc
from .papers import known_paper
from .plaintext import read_plain
from .questions import parse_question
from .repair import NotText, decode, repair
from .smf import smf_thread
from .telegram import telegram_export
from .vanilla import vanilla_thread
from .vbulletin import vbulletin_thread
from .xenforo import xenforo_thread


class UnreadableFile(StudypackError, ValueError):
    """The file cannot be read as its format; the message says why, in one line."""


def read_text_file(data: bytes) -> Page:
    """Plain text → blocks (``.txt``, and files without an extension)."""
    text, notes = _decoded_and_repaired(data)
    blocks, dropped = read_plain(text)
    if dropped:
        notes += (f"dropped {len(dropped)} line(s) of page furniture (folios, running heads)",)
    heads = tuple(dict.fromkeys(" ".join(x.split()) for x in dropped if len(x.split()) > 1))
    return Page(tuple(blocks), crumbs=heads, notes=notes)


def read_html(data: bytes) -> Page:
    """A saved web page → its main text, via trafilatura.

    Raises:
        UnreadableFile: trafilatura found no main text in the page.
    """
    import trafilatura
    from lxml import etree

    text, notes = _decoded_and_repaired(data)
    chat = telegram_export(text)
    if chat is not None:  # a chat's export: read as the copy of its messages is
        blocks, _ = read_plain(chat)
        return Page(tuple(blocks), title=title_and_crumbs(text)[0], notes=notes)
    with _quiet("trafilatura"):
        xml = trafilatura.extract(prepared_for_extraction(text), output_format="xml",
                                  include_formatting=True, include_comments=True,
                                  include_tables=True, favor_recall=True, with_metadata=True,
                                  include_images=False, deduplicate=False)
    if not xml:
        raise UnreadableFile("has no main text that could be found (is it a saved web page?)")
    root = etree.fromstring(xml.encode("utf-8"))
    main = root.find("main")
    blocks = walk(main if main is not None else root)
    comments = root.find("comments")
    if comments is not None and words_in_long_lines(blocks) < THIN_MAIN:
        # A thread whose answer is a reply (Reddit's comments): the post asks, a
        # comment answers. Read only when the page's own text holds no answer.
        blocks = [*blocks, *walk(comments)]
    own = own_reading(text)
    # A thread whose posts are <article>s named as comments: trafilatura keeps some of
    # them, the page's own reading keeps the thread whole, the question's post with it.
    if thread_page(text) or heading_count(own) >= heading_count(blocks) + 2 or (
            words_in_long_lines(blocks) < THIN_MAIN
            and words_in_long_lines(own) >= 3 * THIN_MAIN) or (
            listed_count(own) >= listed_count(blocks) + MISSED_ITEMS):
        # trafilatura dropped the page's headings (a question's "Question No. 2", the
        # points' h3s), or the paragraphs under them (a comments card under the answer's
        # card misleads it): the page's own structure, less its furniture, reads better.
        blocks = own
    # A MyBB, vBulletin, XenForo, SMF or Vanilla thread is read post by post: the
    # extractor keeps only one post, and the question may be asked in the first.
    blocks = (mybb_thread(text) or vbulletin_thread(text) or xenforo_thread(text)
              or smf_thread(text) or vanilla_thread(text) or blocks)
    # Entities such as &#3650;&#8364;&#8482; become mojibake only once parsed: repair it.
    blocks = [replace(b, text=repair(b.text)[0]) if "\u0e42" in b.text else b for b in blocks]
    blocks = unsigned(blocks, signature_texts(text))
    title, crumbs = title_and_crumbs(text)
    # A post set in <br> lines holds its question lines inside one block.
    if not any(parse_question(plain(line)) for b in blocks for line in b.text.split("\n")):
        asked, above, posted = question_outside(text)
        blocks = put_question(asked, blocks, posted=posted)
        crumbs = (*crumbs, *above)
    return Page(tuple(blocks), title=title or str(root.get("title") or ""), crumbs=crumbs,
                notes=notes, product=bool(PRODUCT.search(text)),
                index=jump_breaks(text) >= CUT_POSTS or archive_cards(text))


def read_markdown(data: bytes) -> Page:
    """Markdown → blocks, via markdown-it-py's CommonMark parser.

    Raises:
        UnreadableFile: Its HTML cannot be parsed.
    """
    from lxml import etree, html
    from markdown_it import MarkdownIt

    text, notes = _decoded_and_repaired(data)
    front = re.match(r"\A---\n(.*?)\n(?:---|\.\.\.)\n", text, flags=re.DOTALL)
    meta = _front_matter(front.group(1)) if front else {}
    text = text[front.end():] if front else text
    # Obsidian's notes to oneself: a to-do call-out with all it holds, a %% comment %%,
    # a dataview query. Another call-out's "[!info] Past paper" line is its label; what
    # it holds stays.
    text = re.sub(r"^>\s*\[!(?:todo|task)\][^\n]*\n(?:>[^\n]*(?:\n|$))*", "", text,
                  flags=re.MULTILINE | re.IGNORECASE)
    text = re.sub(r"%%.*?%%", "", text, flags=re.DOTALL)
    text = re.sub(r"^```dataview(?:js)?\n.*?^```[ \t]*$", "", text,
                  flags=re.MULTILINE | re.DOTALL)
    text = re.sub(r"^(>\s*)\[!\w+\][^\n]*\n", "", text, flags=re.MULTILINE)
    text = from_pandoc(text)
    rendered = MarkdownIt("commonmark").enable("table").render(_lines_as_paragraphs(text))
    if not rendered.strip():
        return Page((), notes=notes)
    try:
        tree = html.fragment_fromstring(rendered, create_parent="div")
    except (etree.ParserError, etree.XMLSyntaxError) as exc:
        # Raw HTML in the notes that lxml cannot take ("<!doctype" alone).
        raise UnreadableFile("its HTML cannot be read; copy the text into a .txt "
                             "file and import that") from exc
    blocks = _asked_in_front_matter(walk(tree), meta)
    # A notes app's call-out (Notion's <aside>) is the writer's note, not the text; the
    # paper it names in full is the page's.
    named = [known_paper(" ".join(aside.itertext())) for aside in tree.iter("aside")]
    crumbs = (*_front_matter_crumbs(meta), *(paper for paper in named if paper))
    return Page(tuple(blocks), crumbs=crumbs, notes=notes)


def _front_matter(text: str) -> dict[str, object]:
    """A notes app's properties (Obsidian, Hugo, Jekyll): YAML, read safely; {} if not."""
    import yaml

    try:
        found = yaml.safe_load(text)
    except yaml.YAMLError:
        return {}
    return {str(k).casefold(): v for k, v in found.items()} if isinstance(found, dict) else {}


def _front_matter_crumbs(meta: dict[str, object]) -> tuple[str, ...]:
    """Exam, year and paper the properties give, as a trail the page context reads."""
    exam = re.search(r"\b(CSS|PMS|PCS)\b", str(meta.get("exam", "")), re.IGNORECASE)
    year = re.search(r"\b(?:19|20)\d\d\b", str(meta.get("year", "")))
    said = [exam.group(1).upper() if exam else "", year.group(0) if year else "",
            str(meta.get("paper") or meta.get("subject") or "")]
    line = " ".join(p for p in said if p)
    return (line,) if line else ()


def _asked_in_front_matter(blocks: list[Block], meta: dict[str, object]) -> list[Block]:
    """With the question's number in the properties ("q: 5"), the first paragraph that
    asks is its question line: "Q.5 Discuss … (20 marks)".
    """
    number = next((meta[k] for k in ("q", "qno", "question_no", "number", "question")
                   if isinstance(meta.get(k), int)), None)
    if number is None or any(parse_question(plain(b.text)) for b in blocks):
        return blocks
    marks = meta.get("marks")
    for index, block in enumerate(blocks[:6]):
        text = plain(block.text)
        if block.kind == "paragraph" and ("?" in text or QUESTION_WORDS.match(text)):
            tail = f" ({marks} marks)" if isinstance(marks, int) else ""
            return [*blocks[:index], Block("paragraph", f"Q.{number} {text}{tail}"),
                    *blocks[index + 1:]]
    return blocks


def _lines_as_paragraphs(text: str) -> str:
    """Notes typed in a .md file with one line per paragraph and no blank lines between
    (as a .txt file would be) get the blank lines Markdown needs; Markdown that uses
    blank lines is left as written.
    """
    lines = text.split("\n")
    filled = [x for x in lines if x.strip()]
    if len(filled) < 6 or (len(lines) - len(filled)) * 5 >= len(filled) or any(
            x.lstrip().startswith("|") for x in filled):  # a table needs its rows together
        return text
    return "\n\n".join(lines)


def read_docx(data: bytes) -> Page:
    """A Word ``.docx`` file → blocks, via mammoth (headings, bold, numbered lists kept).

    Raises:
        UnreadableFile: The file is not a Word document (not a zip, or damaged).
    """
    import mammoth
    from lxml import html

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        unpacked = sum(i.file_size for i in archive.infolist())
        # Word never declares XML entities; a file that does may expand a few
        # bytes into gigabytes ("billion laughs") when parsed.
        entities = unpacked <= MAX_UNPACKED and any(
            b"<!ENTITY" in archive.read(i) for i in archive.infolist()
            if i.filename.endswith((".xml", ".rels")))
    except (zipfile.BadZipFile, ValueError, OSError, EOFError) as exc:
        raise UnreadableFile(f"is not a readable Word .docx file ({exc}); save it again "
                             "from Word as .docx") from None
    if unpacked > MAX_UNPACKED:
        raise UnreadableFile(f"unpacks to {unpacked // 2**20} MiB, more than a Word file of "
                             f"answers holds (at most {MAX_UNPACKED // 2**20} MiB); save the "
                             "part you need as its own file")
    if entities:
        raise UnreadableFile("declares XML entities, which Word never writes and which can "
                             "make a small file expand without bound; it was not read: open "
                             "it in Word and save it again as .docx")
    try:
        result = mammoth.convert_to_html(io.BytesIO(data))
    except Exception as exc:
        raise UnreadableFile(f"is not a readable Word .docx file ({type(exc).__name__}); "
                             "save it again from Word as .docx") from None
    source, notes = repair(result.value)
    if not source.strip():
        return Page((), notes=notes)
    blocks = walk(html.fragment_fromstring(source, create_parent="div"))
    return Page(tuple(blocks), notes=notes)


@contextmanager
def _quiet(name: str) -> Iterator[None]:
    """Hold a library's log messages (trafilatura logs what it discards) while it runs."""
    log = logging.getLogger(name)
    level = log.level
    log.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        log.setLevel(level)


def _decoded_and_repaired(data: bytes) -> tuple[str, tuple[str, ...]]:
    text, decoded = _decode(data)
    fixed, repaired = repair(text)
    return fixed, decoded + repaired


def _decode(data: bytes) -> tuple[str, tuple[str, ...]]:
    try:
        return decode(data)
    except NotText as exc:
        raise UnreadableFile(str(exc)) from None


MAX_BYTES = 2 * 2**20
"""Largest text, Markdown or Word file read (2 MiB; a saved web page may be 8 MiB):
a long page of answers is a few hundred kB, and reading takes about 4 s a MiB."""

MAX_UNPACKED = 50 * 2**20
"""Largest unpacked size of a Word file (a small .docx can unpack to gigabytes)."""

READERS: dict[str, Callable[[bytes], Page]] = {
    ".txt": read_text_file, ".text": read_text_file, "": read_text_file,
    ".html": read_html, ".htm": read_html, ".xhtml": read_html,
    ".md": read_markdown, ".markdown": read_markdown,
    ".docx": read_docx,
}
"""File extension (lowercase) → reader. Anything else is refused by name."""


def read_page(name: str, data: bytes) -> Page:
    """Read one file's bytes with the reader its extension names.

    Args:
        name: The file name (only its extension is used).
        data: The file's bytes.

    Raises:
        UnreadableFile: Unsupported extension, empty, binary or damaged file.
    """
    suffix = ("." + name.rsplit(".", 1)[-1].lower()) if "." in name.lstrip(".") else ""
    reader = READERS.get(suffix)
    if reader is None:
        raise UnreadableFile(f"has an extension studypack cannot import ({suffix}); use "
                             ".txt, .html, .md or .docx")
    if not data.strip():
        raise UnreadableFile("is empty")
    limit = MAX_BYTES * (4 if reader is read_html else 1)  # a saved page carries its code
    if len(data) > limit:
        raise UnreadableFile(f"is {len(data) / 2**20:.1f} MiB, more than a page of answers "
                             f"holds (at most {limit // 2**20} MiB); save the part you need "
                             "as its own file")
    try:
        page = reader(data)
    except RecursionError:
        raise UnreadableFile("is nested too deeply to read; save it again as plain "
                             "text") from None
    if not any(b.text.strip() for b in page.blocks):
        raise UnreadableFile("holds no text")
    return page


__all__ = ["READERS", "Block", "Page", "UnreadableFile", "read_page"]
