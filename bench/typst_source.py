r"""The Typst engine's input: corpus answers → the source of the same booklet in Typst.

The page matches the other engines: A4, 20 mm margins, IBM Plex Serif 11 pt on
14 pt leading (Typst is pointed at the ``fontpkg-ibm-plex-serif`` files), a
contents page (Typst's ``outline``, with page numbers), then per answer on a new
page: the question as a heading, the summary, a three-column key-points table,
the introduction, the headed key points and the conclusion; page numbers in
the footer.

Every piece of answer text is written as a Typst string literal (``#"…"`` in
markup, ``"…"`` in code). Markup escaping would depend on where a character
falls (a number and a full stop at the start of a line make a numbered list);
a string literal prints every character as it is once ``\`` and ``"`` are
escaped.
"""

from __future__ import annotations

from typing import Any

import fontpkg

FAMILY = "IBM Plex Serif"

PREAMBLE = f"""\
#set document(title: "Benchmark booklet", date: none)
#set page(paper: "a4", margin: 20mm, numbering: "1")
// 14 pt from baseline to baseline: a line box of exactly 1 em (11 pt) and 3 pt between.
#set text(font: "{FAMILY}", size: 11pt, top-edge: 1em, bottom-edge: 0em)
#set par(leading: 3pt, spacing: 6pt, justify: false)
#show heading: set block(above: 10pt, below: 5pt)
#show heading.where(level: 1): set text(size: 13pt, weight: "regular", style: "italic")
#show heading.where(level: 2): set text(size: 13pt)
#show heading.where(level: 3): set text(size: 11pt)
#show table: set text(size: 9.2pt)
#set table(columns: (6%, 32%, 62%),
           stroke: (x, y) => (bottom: if y == 0 {{ 1pt }} else {{ 0.4pt + gray }}))
#outline(title: "Contents", depth: 1)
"""


def typst_string(text: str) -> str:
    r"""``text`` as a Typst string literal that prints exactly ``text``.

    Typst strings know the escapes ``\\ \" \n \r \t`` and ``\u{hex}``;
    any other control character is written as ``\u{…}``.
    """
    out = []
    for char in text:
        if char in '\\"':
            out.append("\\" + char)
        elif char == "\n":
            out.append("\\n")
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\u{{{ord(char):x}}}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def _paragraphs(raw: str) -> list[str]:
    # A string in markup, then a blank line: one paragraph each.
    return [f"#{typst_string(p)}\n" for p in raw.split("\n\n")]


def _key_points(answer: dict[str, Any]) -> str:
    cells = ['table.header(strong("#"), strong("Key point"), strong("In one line"))']
    cells += [f'"{n}", strong({typst_string(p["heading"])}), {typst_string(p["gist"])}'
              for n, p in enumerate(answer["points"], 1)]
    return "#table(\n  " + ",\n  ".join(cells) + ")\n"


def answer_source(answer: dict[str, Any]) -> str:
    """One answer, starting on a new page."""
    facts = f"{answer['exam']} · {answer['paper']} · {answer['year']} · Q{answer['number']}"
    parts = ["#pagebreak(weak: true)\n", f"#strong({typst_string(facts)})\n",
             f"#heading(level: 1, {typst_string(answer['question'])})\n",
             '#heading(level: 3, outlined: false, "Summary")\n', *_paragraphs(answer["summary"]),
             '#heading(level: 2, outlined: false, "Key points")\n', _key_points(answer),
             '#heading(level: 2, outlined: false, "Answer")\n',
             '#heading(level: 3, outlined: false, "Introduction")\n',
             *_paragraphs(answer["introduction"])]
    for n, point in enumerate(answer["points"], 1):
        heading = typst_string(f"{n}. {point['heading']}")
        parts += [f"#heading(level: 3, outlined: false, {heading})\n", *_paragraphs(point["body"])]
    parts += ['#heading(level: 3, outlined: false, "Conclusion")\n',
              *_paragraphs(answer["conclusion"])]
    return "\n".join(parts)


def typst_source(answers: list[dict[str, Any]]) -> str:
    """The whole booklet's Typst source."""
    return PREAMBLE + "\n" + "\n".join(answer_source(a) for a in answers)


def font_folder() -> str:
    """The folder of the installed IBM Plex Serif TTFs, for ``typst.compile(font_paths=…)``."""
    return str(fontpkg.path(FAMILY, 400, "normal").parent)
