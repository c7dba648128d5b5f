"""The benchmark corpus: a seed and a count → the same answers, as YAML, JSON and a workspace.

Every engine in ``bench_engines.py`` lays out these words and nothing else:
studypack reads the answers as content YAML files, the bare ReportLab script
and the Typst source read them from one JSON dump. An answer has 920 words:
a 20-word question, a 40-word summary in two sentences, a 90-word
introduction, five key points (a 5-word heading, a 10-word gist for the
key-points table and a 120-word body in two paragraphs) and a 95-word
conclusion.

The words come from our own list below, drawn with ``random.Random(seed)``:
the same seed gives byte-identical files. A few tokens carry characters that
are markup somewhere (``&``, ``<``, ``%``, ``$``, ``#``), so that every engine
has to escape its text properly.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

FUNCTION_WORDS = (  # noqa: SIM905 (a sentence of words reads better than 50 quoted ones)
    "the the the of of of and and to to in in a a is that for on as with by its from at "
    "this which are was be has have an or not their it more than after between over under "
    "while across into both each such also only"
).split()
"""Short words, listed as often as they should come up (about two words in five)."""

CONTENT_WORDS = (  # noqa: SIM905 (as above)
    "policy state economy reform treaty federal provinces security trade water climate debt "
    "growth institutions rivalry alliance governance constitution parliament courts markets "
    "exports energy corridor border diplomacy development education power balance region "
    "strategy budget deficit revenue taxation inflation currency investment industry "
    "agriculture irrigation canal drought flood monsoon glacier emissions adaptation "
    "mitigation finance lenders reserves remittances tariffs textiles refinery pipeline "
    "electricity shortage circular tribunal judiciary amendment legislature senate assembly "
    "election coalition opposition bureaucracy accountability devolution district council "
    "municipal census population literacy enrolment curriculum universities hospitals "
    "vaccination nutrition poverty inequality employment wages migration urbanisation "
    "housing transport railways highways ports shipping fisheries coastline frontier "
    "neighbours partnership mediation negotiation ceasefire sanctions embargo summit "
    "declaration charter covenant organisation commission council framework doctrine "
    "deterrence stability sovereignty autonomy federation commonwealth independence "
    "partition refugees settlement heritage culture language identity religion tolerance "
    "extremism militancy insurgency terrorism counterterrorism intelligence narrative media "
    "freedom censorship regulation oversight transparency corruption integrity audit "
    "procurement contracts privatisation subsidies productivity competitiveness innovation "
    "technology digital connectivity broadband startups entrepreneurs cooperatives farmers "
    "landholders tenants wheat cotton rice sugarcane livestock dairy orchards forests "
    "wildlife biodiversity pollution smog sanitation groundwater aquifer dams reservoirs "
    "hydropower solar wind nuclear gas coal imports balance-of-payments long-term "
    "cross-border public-private bilateral multilateral regional global domestic national "
    "provincial local historical structural chronic persistent sustainable inclusive "
    "effective efficient fragile resilient strategic economic political social legal "
    "constitutional fiscal monetary external internal rural urban northern southern western "
    "eastern coastal mountainous arid fertile rapid gradual uneven modest significant "
    "strengthen weaken expand restrict negotiate implement enforce reform review balance "
    "protect promote prevent sustain finance regulate manage measure compare explain "
    "assess examine discuss evaluate"
).split()
"""Domain words of our own choosing, as an answer on public affairs would use them."""

MARKED_WORDS = ("&", "<2%", "5%", "$20bn", "#1", "1973", "(2021)", "e.g.", "US–China",
                "self-reliance", "(ii)", "18th")
"""Rare tokens with characters that are markup in ReportLab paragraphs (& <), Typst
(# $ % and a number with a full stop) or Markdown-ish text; each engine must print
them as they are."""

PAPERS = ("Pakistan Affairs", "Current Affairs", "International Relations", "Public Administration",
          "Political Science", "Economics", "Governance and Public Policy", "Sociology",
          "History of Pakistan and India", "Environmental Sciences")
EXAMS = ("CSS", "PMS")
YEARS = tuple(range(2000, 2026))
NUMBERS = 8
TOPIC = "Governance"
"""Every answer's first topic: the booklet's contents and the pack have one group."""
SECOND_TOPICS = ("Economy", "Foreign Policy", "Climate", "Institutions", "Security",
                 "Society", "History", "Energy")

LAYOUT_YAML = """\
# The benchmark's page: A4, 20 mm margins, IBM Plex Serif 11 pt on 14 pt leading.
extends: classic
page:
  size: A4
  margins_mm: {top: 20, bottom: 20, inner: 20, outer: 20}
  duplex: false
fonts:
  text: IBM Plex Serif
  heading: IBM Plex Serif
type: {body_pt: 11, leading: 1.2727272727, measure: 0, align: ragged, hyphenation: none}
"""
"""14 pt leading on 11 pt type is a ratio of 14/11. Lines run the width of the margins,
flush left and unbroken, as the bare script and the Typst source set them: the same work."""

SETTINGS_YAML = """\
title: Benchmark booklet
subtitle: Synthetic answers for bench/bench_engines.py
layout: bench
content: content
output: out/booklet.pdf
"""

PACK_YAML = f"""\
title: Benchmark pack
select: {{years: {YEARS[0]}-{YEARS[-1]}}}
group_by: topic
layout: bench
output: out/pack.pdf
"""
"""Every answer, in one section (they share their first topic)."""

WORDS_PER_ANSWER = 920


def _words(rng: random.Random, count: int) -> list[str]:
    """``count`` words: about two in five short ones, one in forty a marked token."""
    words = []
    for _ in range(count):
        roll = rng.random()
        pool = MARKED_WORDS if roll < 0.025 else FUNCTION_WORDS if roll < 0.4 else CONTENT_WORDS
        words.append(rng.choice(pool))
    return words


def _sentences(rng: random.Random, count: int) -> str:
    """Exactly ``count`` words in sentences of 10–22 words, each capitalised and closed."""
    out = []
    while count:
        length = min(count, rng.randint(10, 22))
        if 0 < count - length < 6:  # no stub of a sentence at the end
            length = count
        first, *rest = [rng.choice(CONTENT_WORDS), *_words(rng, length - 1)]
        out.append(" ".join([first.capitalize(), *rest]) + ".")
        count -= length
    return " ".join(out)


def _heading(rng: random.Random, count: int) -> str:
    return " ".join(rng.choice(CONTENT_WORDS) for _ in range(count)).capitalize()


def make_answer(rng: random.Random, index: int) -> dict[str, Any]:
    """One answer as the content format's fields (see docs/content-format.md).

    Args:
        rng: The corpus's generator; each answer draws from it in turn.
        index: 0-based position; it makes the id and the (exam, paper, year,
            number) that no other answer of the corpus has.
    """
    combos = len(EXAMS) * len(PAPERS) * len(YEARS) * NUMBERS
    if index >= combos:
        raise ValueError(f"the corpus has room for {combos} different questions")
    number, rest = index % NUMBERS + 1, index // NUMBERS
    year, rest = YEARS[rest % len(YEARS)], rest // len(YEARS)
    paper, exam = PAPERS[rest % len(PAPERS)], EXAMS[rest // len(PAPERS)]
    question = _sentences(rng, 20)[:-1] + "?"
    points = [{"heading": _heading(rng, 5), "gist": _sentences(rng, 10),
               "body": _sentences(rng, 60) + "\n\n" + _sentences(rng, 60)} for _ in range(5)]
    return {"id": f"bench-{index:04d}", "exam": exam, "paper": paper, "year": year,
            "number": number, "marks": 20, "topics": [TOPIC, SECOND_TOPICS[index % 8]],
            "question": question, "summary": _sentences(rng, 40),
            "introduction": _sentences(rng, 90), "points": points,
            "conclusion": _sentences(rng, 95)}


def make_corpus(count: int, seed: int = 16) -> list[dict[str, Any]]:
    """``count`` answers from ``seed``: the same arguments give the same answers."""
    rng = random.Random(seed)
    return [make_answer(rng, index) for index in range(count)]


def answer_words(answer: dict[str, Any]) -> Iterator[str]:
    """Every word an answer's text holds, in reading order (920 for a fresh answer)."""
    yield from answer["question"].split()
    yield from answer["summary"].split()
    yield from answer["introduction"].split()
    for point in answer["points"]:
        for field in ("heading", "gist", "body"):
            yield from point[field].split()
    yield from answer["conclusion"].split()


def edited(answer: dict[str, Any], review: int) -> dict[str, Any]:
    """The answer with a sentence added to its first key point's body, as a reviser would."""
    points = [dict(p) for p in answer["points"]]
    points[0]["body"] += f" A sentence added in review {review}."
    return {**answer, "points": points}


class _AnswerDumper(yaml.SafeDumper):
    """Writes text with paragraphs as ``|`` blocks, the way an author writes an answer."""


def _text(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    style = "|" if "\n" in text else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_AnswerDumper.add_representer(str, _text)


def answer_yaml(answer: dict[str, Any]) -> str:
    """One answer as the text of a content YAML file (lines unwrapped, fields in order)."""
    return yaml.dump(answer, Dumper=_AnswerDumper, sort_keys=False, allow_unicode=True,
                     width=1_000_000, default_flow_style=None)


def answer_path(workspace: Path, answer: dict[str, Any]) -> Path:
    """Where ``write_workspace`` puts an answer's YAML file."""
    return workspace / "content" / "answers" / f"{answer['id']}.yaml"


def write_workspace(workspace: Path, answers: list[dict[str, Any]]) -> None:
    """A studypack workspace holding ``answers``, plus ``corpus.json`` for the other engines.

    Writes ``studypack.yaml`` (layout ``bench``), ``layouts/bench/layout.yaml``,
    ``content/answers/<id>.yaml``, ``content/packs/all.yaml`` (every answer,
    one section) and ``corpus.json`` (the answers as a JSON list).
    """
    (workspace / "layouts" / "bench").mkdir(parents=True, exist_ok=True)
    (workspace / "layouts" / "bench" / "layout.yaml").write_text(LAYOUT_YAML, encoding="utf-8")
    (workspace / "studypack.yaml").write_text(SETTINGS_YAML, encoding="utf-8")
    (workspace / "content" / "packs").mkdir(parents=True, exist_ok=True)
    (workspace / "content" / "packs" / "all.yaml").write_text(PACK_YAML, encoding="utf-8")
    answer_path(workspace, answers[0]).parent.mkdir(parents=True, exist_ok=True)
    for answer in answers:
        answer_path(workspace, answer).write_text(answer_yaml(answer), encoding="utf-8")
    (workspace / "corpus.json").write_text(json.dumps(answers, ensure_ascii=False),
                                           encoding="utf-8")
