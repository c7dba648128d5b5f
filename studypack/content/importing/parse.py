"""One answer's blocks → its parts: outline, introduction, points, sections, conclusion.

Input: the blocks after a question line (junk already removed). Output: an
``AnswerDraft``. Headed points are read in every shape the issue lists:
``1. Heading: body`` on one line, ``1- Heading`` or a heading/bold line with
paragraphs under it, or (only when there is nothing else) a bare short line
followed by a longer paragraph. Bullets under a point are its sub-points. A
conclusion is labelled or starts "Overall," / "To conclude" / "In a nutshell";
failing that, an unlabelled closing paragraph is taken and the guess recorded.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from .answer_closing import closing_guess, cut_off
from .answer_draft import AnswerDraft, DraftBuilder, OpenPoint
from .answer_outline import (
    label_again,
    listed_next,
    outline_line,
    outline_span,
    unlabelled_outline,
)
from .blocks import Block, plain
from .pieces import CONCLUSION_OPENERS, Piece, format_subpoint, to_piece
from .shapes import (
    BOLD_SENTENCE_LEAD,
    COUNTED_LEAD,
    answer_shape,
    colon_title,
    decimal_point,
    decimal_title,
    group_title,
    heading_over_headings,
    led_group_title,
    led_run_in,
    lettered_heading,
    lettered_point,
    numbered_title,
    run_in_bold,
    run_in_bullet,
    starts_point,
)


def parse_answer(blocks: Sequence[Block]) -> AnswerDraft:
    """Read the parts of one answer from its blocks.

    Args:
        blocks: The blocks after the question line, junk removed.

    Returns:
        The draft; empty parts are left empty (the caller reports them missing).
    """
    pieces = [to_piece(b) for b in blocks if b.text.strip()]
    built = DraftBuilder()
    state = "outline" if unlabelled_outline(pieces) else "intro"
    # The outline's own numbering ("1- Introduction", "2- Background") does not say how
    # the points are marked: they may be run-in or headed below it.
    outline = outline_span(pieces, state == "outline")
    shape = answer_shape([p for k, p in enumerate(pieces) if k not in outline] or pieces)
    if shape == "bare":
        built.derived.append("points: headings are short lines standing alone")
    for k, piece in enumerate(pieces):
        state = _step(piece, pieces[k - 1] if k else None, pieces[k + 1:], state, shape=shape,
                      built=built)
    _unled(built)
    if built.skipped:
        built.notes.append(f"left out the question breakdown ({built.skipped} block(s)): "
                           "it explains the question, it is not the answer")
    closing_guess(built)
    _without_attempt_note(built)
    return built.freeze(cut_off(pieces, built))


def _unled(built: DraftBuilder) -> None:
    """A group's lead-in text waits to open its first point; when a label or the answer's
    end comes first, the group title heads it as a point of its own (never dropped).
    """
    if built.lead:
        built.points.append(OpenPoint(built.group or built.lead[0][:60], list(built.lead)))
        built.notes.append(f"'{built.group}' stands over text without points below it; "
                           "it is kept as a point")
    built.lead = None


def _without_attempt_note(built: DraftBuilder) -> None:
    """The answer's first line set wholly in brackets or italics, over the opening prose
    ("(wrote this without an outline)"), is the writer's note on the attempt, labelled
    introduction or not; an epigraph there (quoted, or closed by its author) stays.
    """
    if len(built.intro) >= 2 and _ITALIC_ASIDE.match(built.intro[0]) \
            and not _QUOTED.search(built.intro[0]):
        del built.intro[0]


def _step(piece: Piece, before: Piece | None, later: list[Piece], state: str, *, shape: str,
          built: DraftBuilder) -> str:
    """Read one piece in ``state``; return the state for the next piece.

    States: ``outline``, ``breakdown``, ``intro``, ``points``, ``section``, ``conclusion``.
    """
    after = later[0] if later else None
    if piece.label == "introduction" and state == "intro" and built.intro and piece.headed \
            and not piece.rest and not _INTRODUCTION.match(piece.label_text):
        # "Background" over its paragraph after the answer's own "Introduction": a point.
        piece = replace(piece, label="", label_text="")
    if piece.label and not (state == "outline" and (
            (piece.marker and not label_again(piece, after, built))
            or listed_next(piece, after))):
        return _on_label(piece, built, state)
    if state == "outline":
        if outline_line(piece, built):
            return state
        state = "intro"
        if piece.label:  # "1. Introduction" after the outline: the answer's own label
            return _on_label(piece, built, state)
    if state == "breakdown":
        if not (piece.headed or piece.top_numbered):
            built.skipped += 1
            return state
        state = "intro"
    if state in ("intro", "points") and (group_title(piece, before, after, _at(later, 1))
                                         or heading_over_headings(piece, later)
                                         or colon_title(piece, after)
                                         or led_group_title(piece, before, later)
                                         or decimal_title(piece, later)
                                         or numbered_title(piece, later)):
        built.group = _COLON_DASH.sub("", piece.plain).rstrip(": ")
        built.lead = [] if led_group_title(piece, before, later) or led_run_in(
            piece, later) or decimal_title(piece, later) else None
        built.notes.append(f"'{built.group}' heads several points; it is left out of "
                           "their headings")
    elif state in ("intro", "points") and (starts_point(piece, before, after, shape) or (
            built.group and _grouped(piece, after)) or _lettered_first(piece, after, shape, built)
            or _outline_head(piece, after, built) or _outline_run_in(piece, built)):
        point = _new_point(piece, after)
        # "Firstly, Monetary Policy Rate:" — the lead-in word orders the points; the
        # heading is what follows it.
        point.heading = _ORDINAL_LEAD.sub("", point.heading)
        # "Feature 2 – Freedom of religion": the counting word and number order the points.
        point.heading = COUNTED_LEAD.sub("", point.heading)
        # "Defining Culture:-": a colon and dash close the heading as a colon alone does.
        point.heading = _COLON_DASH.sub("", point.heading)
        if built.lead:
            # The group's lead-in sentence opens its first point.
            point.body[:0] = built.lead
            point.inline_body = False
        built.lead = None
        if not (piece.top_numbered or _grouped(piece, after)):
            built.group = ""  # a point of another shape ends the group
        built.points.append(point)
        built.numbered = built.numbered or piece.top_numbered
        state = "points"
    elif built.lead is not None and not piece.marker:
        built.lead.append(piece.text)
    elif _opens_conclusion(piece, later, state, shape):
        state = "conclusion"
        built.conclusion.append(piece.text)
    else:
        _add(piece, built, state)
    return state


_RUN_ON_OUTLINE = re.compile(r"\s+[–—|→]\s+|\s+-\s+")
"""The dashes, bars or arrows between an outline's parts set on one line."""
_COLON_DASH = re.compile(r"\s*:\s*[-–—]+\s*$")
_ORDINAL_LEAD = re.compile(r"^(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|"
                           r"tenth|last|final)(?:ly)?,\s+(?=[A-Z])", re.IGNORECASE)


def _outline_head(piece: Piece, after: Piece | None, built: DraftBuilder) -> bool:
    """A bare line standing alone that repeats an outline line's words ("IMPACT ON
    TRADE" over bullets, for the outline's "iv) Impact on trade"): that part's heading.
    An outline line with lines folded under it names a title over points, not a point;
    a line over a paragraph or another heading is judged by its own shape.
    """
    text = piece.plain.casefold()
    return (after is not None and after.marker == "bullet" and not piece.marker
            and not piece.label and not piece.arabic and len(text) <= 70
            and not re.search(r"[.?!,;:]$", text) and len(text.split()) >= 2
            and any(line.casefold() == text for line in built.outline))


def _outline_run_in(piece: Piece, built: DraftBuilder) -> bool:
    """A paragraph run in under words an outline line names ("Historical background:
    Afghanistan was …", for the outline's "ii. Historical background"): that part of the
    answer, a point, though set like the labelled introduction above it.
    """
    head = re.match(r"^([^:.?!]{3,60}):\s+\S", piece.plain)
    return (head is not None and built.outline != [] and not piece.marker and not piece.label
            and any(line.casefold() == head.group(1).strip().casefold()
                    for line in built.outline))


def _grouped(piece: Piece, after: Piece | None) -> bool:
    """A point of the shapes a group title stands over besides numbered ones: "**Ports:**
    …" run in, or "**a) Agriculture**" over its paragraph.
    """
    return (run_in_bold(piece) or lettered_heading(piece, after) or lettered_point(piece)
            or decimal_point(piece, after) or run_in_bullet(piece))


def _lettered_first(piece: Piece, after: Piece | None, shape: str, built: DraftBuilder) -> bool:
    """"(a) Formation" over its paragraph before any numbered point of the answer: a
    point, though "i." points follow (under a title); after one it may be its part.
    """
    return shape == "numbered" and not built.numbered and lettered_heading(piece, after)


def _at(pieces: list[Piece], k: int) -> Piece | None:
    return pieces[k] if k < len(pieces) else None


def _opens_conclusion(piece: Piece, later: list[Piece], state: str, shape: str) -> bool:
    """An unlabelled conclusion: "Overall, …" after a section, or after the last point."""
    if piece.marker or not CONCLUSION_OPENERS.match(piece.plain):
        return False
    if state == "section":
        return True
    return state == "points" and not any(
        starts_point(p, ([piece, *later])[j], later[j + 1] if j + 1 < len(later) else None,
                      shape) for j, p in enumerate(later))


_ITALIC_ASIDE = re.compile(r"^\*(?!\*)[^*]+\*$|^_[^_]+_$|^\([^()]+\)$")
"""A paragraph set wholly in italics, or wholly in brackets ("(wrote this one without an
outline)"): the writer's note on the attempt."""
_QUOTED = re.compile(r"[\"\u201c\u201d]|[\u2014\u2013-]\s*[A-Z][\w.]*\W*$")
"""Quotation marks, or an attribution closing the line ("— Quaid-e-Azam"): an epigraph."""


_INTRODUCTION = re.compile(r"[Il]ntro(?:duction)?$|تعارف|تمہید|مقدمہ", re.IGNORECASE)
"""The introduction's own name; other words for it ("Background", "Opening remarks") head a
point when the answer has had its introduction."""


def _on_label(piece: Piece, built: DraftBuilder, state: str) -> str:
    rest = piece.rest
    if piece.label == "note":
        # "Translation:" under a verse labels the text in the part being read.
        label = f"*{piece.label_text[:1].upper() + piece.label_text[1:]}:*"
        _add(replace(piece, text=f"{label} {rest}".strip(), marker="", block=replace(
            piece.block, kind="paragraph", bold=False)), built,
            "intro" if state in ("outline", "breakdown") else state)
        return "intro" if state in ("outline", "breakdown") else state
    _unled(built)
    built.group = ""
    if piece.label == "section":
        built.sections.append((piece.label_text[:1].upper() + piece.label_text[1:], []))
        if rest:
            built.sections[-1][1].append(rest)
        return "section"
    if piece.label in ("outline", "breakdown"):
        if rest and piece.label == "outline":
            # "Outline: Introduction – Causes – Effects – Conclusion" set on one line.
            parts = [p.strip() for p in _RUN_ON_OUTLINE.split(plain(rest))]
            # A part's own sub-list in brackets ("Challenges (security, water, SEZs)") folds
            # into it, as an indented line does, and does not count as the part's words.
            one_line = len(parts) >= 3 and all(
                0 < len(re.sub(r"\([^()]*\)", "", p).split()) <= 8 for p in parts)
            built.outline.extend(parts if one_line else [rest])
        return piece.label if not built.points else state
    # A heading's words after its label are its subtitle ("Conclusion: Choosing the Slower
    # Path"), not the part's first paragraph.
    rest = "" if piece.headed and not piece.marker and len(rest.split()) <= 8 else rest
    if piece.label in ("answer", "introduction"):
        if piece.label == "introduction" and not built.points:
            # An italic or bracketed line above the labelled introduction ("*Editor's
            # note: written without an outline*") is a note on the answer, not its opening.
            # An italic quotation there is the answer's epigraph, and stays.
            built.intro[:] = [text for text in built.intro
                              if not _ITALIC_ASIDE.match(text) or _QUOTED.search(text)]
        if rest:
            built.intro.append(rest)
        return "intro" if not built.points else state
    if rest:
        built.conclusion.append(rest)
    return "conclusion"


def _new_point(piece: Piece, after: Piece | None = None) -> OpenPoint:
    text = piece.text.strip()
    # A line standing over its own paragraph holds only the heading, dash and all.
    over = after is not None and not (after.marker or after.headed or after.label) and len(
        after.plain.split()) >= 12
    if piece.headed:
        return OpenPoint(plain(text).rstrip(":. "))
    lead = re.match(r"^\*{1,2}(.+?)\*{1,2}\s*[:.\-–—]?\s*(.*)$", text, re.DOTALL)
    if lead and len(lead.group(1)) <= 100:
        body = _capitalised(lead.group(2).strip())
        return OpenPoint(lead.group(1).strip().rstrip(":. "), [body] if body else [],
                      inline_body=bool(body))
    heading, body = split_heading(text)
    titled = all(w[:1].isupper() for w in plain(body).split() if len(w) > 3)
    if body and (not piece.marker or titled or over) and len(text) <= 70 and not re.search(
            r"[.!?]", text):
        # "(e) Forms of Recognition: De Jure and De Facto": a heading with its subtitle.
        # "Infrastructure – roads, rail and ports" standing over its paragraph: all heading,
        # also numbered ("2- Unpaid care – the invisible burden").
        return OpenPoint(plain(text).rstrip(":. "))
    return OpenPoint(heading, [_capitalised(body)] if body else [], inline_body=bool(body))


def _capitalised(body: str) -> str:
    """"new plants …" → "New plants …": a body after "Heading:" starts a sentence."""
    return body[:1].upper() + body[1:] if body[:1].islower() else body


def split_heading(text: str) -> tuple[str, str]:
    """``"Fuel Mix: Pakistan burns …"`` → ``("Fuel Mix", "Pakistan burns …")``.

    Tried in order: a colon after a short phrase, a dash after a short phrase,
    a short line that is all heading, the first sentence when it is short.
    Otherwise the heading is the text's first words and the body all of it.
    """
    head, sep, body = text.partition(": ")
    if sep and len(head) <= 80 and len(head.split()) <= 12 and not head.endswith("."):
        return plain(head).strip(), body.strip()
    dash = re.match(r"^(.{2,60}?)\s+[–—-]\s+(\S.*)$", text, re.DOTALL)
    if dash and len(dash.group(1).split()) <= 8:
        return plain(dash.group(1)).strip(), dash.group(2).strip()
    lead = BOLD_SENTENCE_LEAD.match(text.strip())
    if lead:  # "**Digital forensics.** Call records …"
        return plain(lead.group(1)).strip(), lead.group(2).strip()
    if len(text) <= 90 and not re.search(r"[.!?]\s", text):
        return plain(text).rstrip(":. "), ""
    end = re.search(r"[.!?]\s", text)
    if end and end.start() <= 100:
        return plain(text[: end.start()]).strip(), text[end.end():].strip()
    words = plain(text).split()
    return " ".join(words[:8]) + "…", text


def _add(piece: Piece, built: DraftBuilder, state: str) -> None:
    """Put a piece that starts nothing into the part being read."""
    text = piece.text
    if piece.marker:
        text = "- " + format_subpoint(text)
    elif piece.headed and not piece.arabic:
        text = f"**{plain(text)}**"
    if state == "points" and built.points:
        point = built.points[-1]
        if piece.marker and piece.marker != "number":
            point.subpoints.append(format_subpoint(piece.text))
        else:
            point.body.append(text)
    elif state == "section" and built.sections:
        built.sections[-1][1].append(text)
    elif state == "conclusion":
        built.conclusion.append(text)
    else:
        built.intro.append(text)
