"""Which pieces of an answer start its key points, and which only title a group of them.

Input: the pieces of one answer. Output: the answer's *shape* (how its points
are marked: numbered, headed, run-in, bare, bulleted, lettered) and, piece by
piece, whether it starts a point or titles several. The parser
(``parse.py``) asks these questions as it walks the answer.
"""

from __future__ import annotations

import itertools
import re

from .blocks import ARABIC, EMOJI
from .pieces import Piece


def answer_shape(pieces: list[Piece]) -> str:
    """How an answer marks its points: "numbered", "headed", "run-in", "bare", "bulleted",
    "lettered" or "none", the first of these that its pieces show.
    """
    if any(p.top_numbered and not p.label for p in pieces):
        return "numbered"
    heads = sum(p.headed and not p.label and not p.arabic for p in pieces)
    if heads and sum(run_in_bold(p) or (headed_bullet(p, "") and bold_sentence_lead(p.text))
                     for p in pieces) >= max(3, heads + 1):
        # "**Oneness of God:** The opening verse …" (or "**Asabiyyah.** Ibn Khaldun …")
        # paragraphs, more of them than bold lines standing alone (a title over some of
        # them, or a closing "Critical Appraisal"): the points are run in.
        return "run-in"
    if heads:
        return "headed"
    if sum(headed_bullet(p, "") for p in pieces) >= 3:
        return "run-in"
    if any(bare_heading(p, pieces[k - 1] if k else None, pieces[k + 1])
           for k, p in enumerate(pieces[:-1])):
        return "bare"
    if sum(headed_bullet(p) for p in pieces) >= 2:
        return "bulleted"
    if sum(lettered_point(p) or lettered_heading(p, nxt)
           for p, nxt in itertools.pairwise(pieces)) >= 2:
        return "lettered"
    return "none"


def run_in_bullet(piece: Piece) -> bool:
    """A bullet that opens with a bold term and runs on for a paragraph: a point."""
    return (piece.marker == "bullet" and piece.depth == 0 and not piece.headed
            and piece.text.startswith("*") and len(piece.plain.split()) >= 14
            and headed_bullet(piece))


_RUN_IN_BOLD = re.compile(r"^\*\*([^*]{2,60}?)\*\*\s*[:\-–—]?\s*(\S.*)$", re.DOTALL)


def run_in_bold(piece: Piece) -> bool:
    """"**Sea lanes:** The ocean is bounded …": a paragraph led by a bold term of a few
    words; a point when a heading over several of them titles their group.
    """
    match = _RUN_IN_BOLD.match(piece.text.strip())
    return (match is not None and not piece.marker and not piece.label and not piece.arabic
            and piece.block.kind == "paragraph" and not piece.headed
            and len(match.group(1).split()) <= 8 and not re.search(r"[.?!]$", match.group(1))
            and (match.group(1).rstrip().endswith(":") or piece.text.lstrip("*")
                 .split("**", 1)[-1].lstrip()[:1] in ":–—-")
            and len(match.group(2).split()) >= 12)


_HEADING_GLYPH = re.compile(rf"^(?:{EMOJI}|[➤►▶✦◆■❖▪])[\ufe0f]?$")


def glyph_heading(piece: Piece, before: Piece | None, after: Piece | None) -> bool:
    """"🔸 Origins of NPM" standing over its paragraph: a point's heading set with an
    emoji or an arrow, not an item of a list (the line before is no item like it).
    """
    text = piece.plain
    return (piece.marker == "bullet" and piece.depth == 0 and not piece.label
            and bool(_HEADING_GLYPH.match(piece.number)) and after is not None
            and not after.marker and not after.label and not after.headed
            and len(after.plain.split()) >= 12 and len(text.split()) <= 9
            and not re.search(r"[.?!,;]$", text)
            and not (before is not None and before.marker == "bullet"
                     and before.number == piece.number))


def lettered_heading(piece: Piece, after: Piece | None) -> bool:
    """"a) No constitutional protection of tenure" standing over its paragraph."""
    return (piece.marker == "letter" and piece.depth == 0 and after is not None
            and not after.marker and len(piece.plain.split()) <= 10
            and not re.search(r"[.!?]$", piece.plain) and len(after.plain) > 2 * len(piece.plain))


def lettered_point(piece: Piece) -> bool:
    """"a) Burning of fossil fuels: Thermal power stations …": a lettered point."""
    return piece.marker == "letter" and headed_bullet(piece, "letter")


def headed_bullet(piece: Piece, marker: str = "bullet") -> bool:
    """"• Currency fall: A weaker rupee …", "- **Energy**: new plants …": a point as a bullet.

    ``marker`` is the list marker the piece must have ("" for a plain paragraph).
    """
    if piece.marker != marker or piece.depth or piece.label or piece.arabic:
        return False
    if not marker and bold_sentence_lead(piece.text):
        return True
    match = re.match(r"^(.{2,60}?)(?::\s|\s[–—-]\s)\s*(\S.*)$", piece.plain)
    return match is not None and len(match.group(1).split()) <= 8 and not re.search(
        r"[.?!]", match.group(1)) and len(match.group(2).split()) >= 2


BOLD_SENTENCE_LEAD = re.compile(r"^\*\*([^*.?!]{2,60}?)(?:\.\*\*|\*\*\.)\s+(\S.*)$", re.DOTALL)
"""A paragraph opening on a bold phrase closed by a full stop ("**Digital forensics.** Call
records …"), the run-in heading of print."""


def bold_sentence_lead(text: str) -> bool:
    """``text`` opens on a bold run-in heading of a few words, with a paragraph after it."""
    match = BOLD_SENTENCE_LEAD.match(text.strip())
    return match is not None and len(match.group(1).split()) <= 8 and len(
        match.group(2).split()) >= 12


def bare_heading(piece: Piece, before: Piece | None, after: Piece) -> bool:
    """A short unmarked line, capitalised and unpunctuated, over a longer paragraph or a
    sentence leading into a list.
    """
    text = piece.plain
    return (not piece.marker and not piece.arabic and not piece.label
            and piece.block.kind == "paragraph"
            and not (before and before.arabic) and len(text) <= 70 and len(text.split()) <= 9
            and (text[:1].isupper() or bool(ARABIC.match(text[:1])))  # Urdu has no capitals
            and (not re.search(r"[.?!,;\"”۔،؟]$", text) or _title_cased_question(text))
            and not after.marker and not after.arabic and (
                len(after.plain) > 2 * len(text)
                # "… combines several systems at once:" over a list: a lead-in, not a head
                # ("Sand Dune Stabilisation:", in capitals, is a head of its own)
                or (after.plain.endswith(":") and len(after.plain.split()) >= LEAD_WORDS
                    and bool(re.search(r"\b[a-z]{4,}\b", after.plain)))))


LEAD_WORDS = 5
"""A lead-in sentence closing in a colon is a sentence, not a label."""


def _title_cased_question(text: str) -> bool:
    """A heading put as a question, its words capitalised ("Which Course Serves Us
    Better?"); a question in prose ("But is this enough?") keeps its small letters.
    """
    words = re.findall(r"[^\W\d_]+", text)
    return text.endswith("?") and len(words) >= 2 and all(
        w[0].isupper() for w in words if len(w) > 3)


COUNTED_LEAD = re.compile(
    r"^(?:feature|factor|reason|cause|step|stage|point|pillar|principle|dimension|aspect|"
    r"element|challenge|measure|lesson|argument|effect|impact|consequence)\s+(\d{1,2})"
    r"\s*(?:[:–—]|-(?=\s))\s*(?=\S)", re.IGNORECASE)
"""A heading counted by its kind of point ("Feature 2 – Freedom of religion"): the word
and number order the points; the heading is what follows."""


def group_title(piece: Piece, before: Piece | None, after: Piece | None,
                beyond: Piece | None = None, *, words: int = 6) -> bool:
    """"Causes" over "1) Jobs …", "2) Schools …": a title over points, not a point; also
    over "(a) Jobs" standing over its paragraph (``beyond``, the piece after ``after``).

    A reference under a verse ("(Surah Al-Ikhlas, 112:1-2)") is never one.
    """
    return (after is not None and (after.top_numbered or lettered_point(after)
                                   or lettered_heading(after, beyond))
            and (not piece.marker or (  # "🔹 Causes" set with a heading's glyph too
                piece.marker == "bullet" and piece.depth == 0
                and bool(_HEADING_GLYPH.match(piece.number)))) and not piece.arabic
            and not piece.label and len(piece.plain.split()) <= words
            and not (before is not None and before.arabic)
            and not re.search(r"[.?!,;\"”)\]]$|^[(\[]|\d:\d", piece.plain))


def led_group_title(piece: Piece, before: Piece | None, later: list[Piece]) -> bool:
    """"Social norms" over one short lead-in ("Four norms explain why …") and then
    "i. Patriarchy …": a title over points with a sentence that introduces them.
    """
    if len(later) < 2 or later[0].marker or later[0].label or later[0].headed:
        return False
    lead, first = later[0].plain, later[1]
    if _titles_led_heads(piece, before, later):
        return True
    if not (len(lead.split()) <= LEAD_IN_WORDS and lead.endswith((".", ":", "\u06d4"))):
        return False
    # The lead-in says the points follow, so the title may run longer than a bare one.
    # Urdu numbers its points with its own digits (U+06F1 is one) and ends a sentence with
    # its full stop (U+06D4).
    if first.top_numbered and first.number in ("1", "i", "I", "\u06f1", "\u0661"):
        return group_title(piece, before, first, words=10)
    counted = COUNTED_LEAD.match(first.plain)
    # "Salient features", a lead-in, then "Feature 1 – …" headings.
    return (first.headed and counted is not None and counted.group(1) == "1"
            and piece.headed and not piece.marker and not piece.label and not piece.arabic
            and len(piece.plain.split()) <= 10 and not re.search(r"[.?!,;]$", piece.plain))


LEAD_IN_WORDS = 45
"""Longest lead-in between a group's title and its first point: a sentence or two."""


def _titles_led_heads(piece: Piece, before: Piece | None, later: list[Piece]) -> bool:
    """A line standing alone ("Challenges", "**How it changed things**"), a sentence or two
    introducing what follows ("Four changes stand out."), then points of another form
    than the line's own: "(a) …" or an emoji's head over its paragraph, or "Term: …"
    paragraphs. The line titles those points; it is no point of its own.
    """
    lead, first, after = later[0], later[1], _at(later, 2)
    if (piece.arabic or piece.label or piece.block.kind == "item" or (
            piece.marker and not (piece.marker == "bullet" and _HEADING_GLYPH.match(piece.number)))
            or len(piece.plain.split()) > 10 or headed_bullet(piece, "")
            or re.search(r"[.?!,;\"”)\]]$|^[(\[]", piece.plain)
            or (before is not None and before.arabic)):
        return False
    # The lead-in may point down at what follows ("… less stable than in 1998 👇").
    said = re.sub(rf"\s*(?:{EMOJI}|[\u2190-\u21FF\u2B00-\u2BFF\uFE0F])+$", "", lead.plain)
    if not (len(said.split()) <= LEAD_IN_WORDS
            and (said.endswith((".", ":")) or said != lead.plain)):
        return False
    if first.marker == "letter" and first.depth == 0:
        # "(a) Abolition of the list" over its paragraph, the first of its letters
        return first.number in ("a", "A") and (lettered_heading(first, after)
                                               or lettered_point(first))
    if glyph_heading(first, lead, after):
        # "🔴 Security threats" over its paragraph, under a line set with no glyph, or
        # with the glyph of the answer's own heads, seen again below, over points of
        # other glyphs ("🔷 Resources 👇" over "☀️ Solar", "💧 Hydropower", then "🔷 Why
        # …"); a glyph's head over a short paragraph is otherwise one point of a run.
        return not piece.marker or (piece.number != first.number and any(
            p.marker == "bullet" and p.number == piece.number for p in later[2:]))
    # "Ratings race: Channels compete …" paragraphs, or "- **Weak capacity** — Many …"
    # bullets of a paragraph each, two or more in a row
    return after is not None and (
        (run_in_bold(first) and run_in_bold(after))
        or (headed_bullet(first, "") and headed_bullet(after, ""))
        or (run_in_bullet(first) and run_in_bullet(after)))


def led_run_in(piece: Piece, later: list[Piece]) -> bool:
    """A heading over one short lead-in sentence ("The index measures six things.") and
    then "**Term** – …" paragraphs: the sentence introduces the run-in points.
    """
    return (piece.block.kind == "heading" and not piece.label and len(later) > 1
            and not later[0].marker and not later[0].label and not later[0].headed
            and len(later[0].plain.split()) <= 30 and later[0].plain.endswith((".", ":"))
            and run_in_bold(later[1]))


def decimal_title(piece: Piece, later: list[Piece]) -> bool:
    """"3. Porter's strategies" over a lead-in and then "3.1 Cost leadership" standing over
    its paragraph: a numbered title over its decimal points, not a point itself.
    """
    if not piece.top_numbered or piece.marker != "number" or piece.label:
        return False
    for k, nxt in enumerate(later[:3]):
        if nxt.marker or nxt.headed or nxt.label:
            return (nxt.marker == "nested" and nxt.number == f"{piece.number}.1"
                    and decimal_point(nxt, _at(later, k + 1)))
    return False


def numbered_title(piece: Piece, later: list[Piece]) -> bool:
    """"4. Evidence from Pakistan" standing alone over "i. Exchange rate" and its paragraph:
    a numbered title over its lower points, not a point itself.
    """
    first, beyond = _at(later, 0), _at(later, 1)
    return (piece.top_numbered and piece.marker == "number" and not piece.label
            and len(piece.plain.split()) <= 8 and not re.search(r"[.?!,;]$", piece.plain)
            and first is not None and first.marker == "roman" and first.number == "i"
            and not first.label and len(first.plain.split()) <= 9
            and not re.search(r"[.?!,;]$", first.plain) and beyond is not None
            and not (beyond.marker or beyond.label) and len(beyond.plain.split()) >= 12)


def decimal_point(piece: Piece, after: Piece | None) -> bool:
    """"3.1 Cost leadership" standing over its paragraph: a point under a numbered title."""
    return (piece.marker == "nested" and not piece.label and len(piece.plain.split()) <= 9
            and not re.search(r"[.?!,;]$", piece.plain) and after is not None
            and not after.marker and not after.label and len(after.plain.split()) >= 12)


def colon_title(piece: Piece, after: Piece | None) -> bool:
    """"Pillars of the relationship:" over a bare heading: it titles the points below."""
    return (after is not None and not piece.marker and not piece.label and not piece.arabic
            and piece.plain.endswith(":") and 0 < len(piece.plain.split()) <= 8
            and not after.marker and not after.arabic and len(after.plain.split()) <= 9
            and not re.search(r"[.!?]$", after.plain))


def _at(pieces: list[Piece], k: int) -> Piece | None:
    return pieces[k] if k < len(pieces) else None


def _bold_over_run_ins(piece: Piece, later: list[Piece]) -> bool:
    """A bold line over "**Balance of power:** …" paragraphs: it titles them."""
    if not piece.headed or piece.label or piece.marker or piece.block.kind == "heading":
        return False
    under = list(itertools.takewhile(lambda p: not p.headed and p.block.kind != "heading",
                                     later))
    return len(under) >= 2 and all(run_in_bold(p) for p in under[:2])


def heading_over_headings(piece: Piece, later: list[Piece]) -> bool:
    """A heading whose own sub-headings follow (an h2 over h3s, after at most one short
    paragraph): it titles a group of points and is not a point itself.
    """
    if piece.headed and later and run_in_bullet(later[0]) and not piece.label:
        return True  # "👉 *Steps taken*" over "✅ *Stronger laws* – …" points
    if piece.headed and not piece.label and later and (
            lettered_point(later[0]) or lettered_heading(later[0], _at(later, 1))):
        return True  # "*Causes*" over "a) Tariff below cost of supply" and its paragraph
    if (piece.headed and not piece.label and piece.block.kind != "heading" and len(later) > 1
            and later[0].headed and not later[0].label and not later[1].headed
            and not later[1].marker and len(later[1].plain.split()) > 15) or _bold_over_run_ins(
                piece, later):
        return True  # a bold line straight over a bold heading and its paragraph
    if piece.block.kind != "heading" or piece.label:
        return False
    under = list(itertools.takewhile(lambda p: p.block.kind != "heading", later))
    if sum(run_in_bold(p) for p in under) >= 2 and (run_in_bold(under[0])
                                                    or led_run_in(piece, later)):
        return True  # "## Actors" over "**India:** …", "**China:** …" paragraphs
    for k, nxt in enumerate(later[:3]):
        if nxt.block.kind == "heading":
            return nxt.block.level > piece.block.level and not nxt.label
        if nxt.headed and not nxt.label:
            return True  # bold lines under the heading are its points
        if nxt.top_numbered and not nxt.label:
            return True  # numbered points under the heading
        if k >= 1 or nxt.headed or len(nxt.plain.split()) > 40:
            return False
    return False


def starts_point(piece: Piece, before: Piece | None, after: Piece | None, shape: str) -> bool:
    """Whether ``piece`` opens a key point in an answer of ``shape`` (see ``answer_shape``),
    judged with the pieces just before and after it.
    """
    if piece.arabic or piece.label or (before is not None and before.arabic
                                       and not piece.headed and not piece.top_numbered):
        return False
    if piece.top_numbered:
        return True
    if piece.headed and (not piece.marker or (
            piece.block.kind == "heading" and piece.marker in ("letter", "roman", "number"))):
        return True  # a heading, also "a) The Refugee Crisis" set as one
    if shape == "headed" and (run_in_bullet(piece) or lettered_point(piece)
                              or lettered_heading(piece, after)):
        return True  # "✅ *Stronger laws* – In 2020 …", "a) Tariff below cost" under a head
    if piece.headed and piece.marker == "bullet" and piece.depth == 0:
        return after is not None and not after.marker  # "👉 *Heading*" over a paragraph
    if glyph_heading(piece, before, after):
        return True
    if shape == "bulleted":
        return headed_bullet(piece)
    if shape == "lettered" or (shape == "bare" and lettered_heading(piece, after)):
        # "(a) Tax evasion" over its paragraph is a heading among bare ones as well.
        return lettered_point(piece) or lettered_heading(piece, after)
    if shape == "run-in":  # "Circular debt – the chain of unpaid bills …" paragraphs
        return headed_bullet(piece, "") or (
            after is not None and bare_heading(piece, before, after))
    # A bare heading starts a point, also among numbered points ("Scale of the problem"
    # over its paragraph, before "1. Katchi abadis …").
    return shape in ("bare", "numbered") and after is not None and bare_heading(
        piece, before, after)
