"""The benchmark's corpus (bench/corpus.py): deterministic, and valid studypack content.

bench/bench_engines.py compares engines on these files; a corpus that changed
between runs, or that studypack warned about, would make its figures meaningless.
Nothing here is timed.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
from pathlib import Path

from studypack.content import load_content
from studypack.theme import load_theme

BENCH = Path(__file__).resolve().parent.parent / "bench"


def _corpus_module():
    spec = importlib.util.spec_from_file_location("bench_corpus", BENCH / "corpus.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


corpus = _corpus_module()


def _digests(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_same_seed_same_files_other_seed_other_words(tmp_path: Path) -> None:
    corpus.write_workspace(tmp_path / "a", corpus.make_corpus(12))
    corpus.write_workspace(tmp_path / "b", corpus.make_corpus(12))
    first = _digests(tmp_path / "a")
    assert len(first) == 12 + 4  # answers, studypack.yaml, layout, pack, corpus.json
    assert first == _digests(tmp_path / "b")
    assert corpus.make_corpus(12, seed=17) != corpus.make_corpus(12)


def test_every_answer_has_the_stated_number_of_words() -> None:
    answers = corpus.make_corpus(30)
    assert {sum(1 for _ in corpus.answer_words(a)) for a in answers} == {
        corpus.WORDS_PER_ANSWER}
    assert all(len(a["points"]) == 5 and all(p["gist"] for p in a["points"]) for a in answers)


def test_studypack_reads_the_files_as_written_without_a_warning(tmp_path: Path) -> None:
    answers = corpus.make_corpus(40)
    corpus.write_workspace(tmp_path, answers)
    # filterwarnings = error: any StudypackWarning (gaps, near-duplicates) fails here.
    questions = load_content(tmp_path / "content")
    by_id = {q.id: q for q in questions}
    assert sorted(by_id) == sorted(a["id"] for a in answers)
    for answer in answers:
        q = by_id[answer["id"]]
        assert (q.exam, q.paper, q.year, q.number) == (answer["exam"], answer["paper"],
                                                        answer["year"], answer["number"])
        assert q.question == answer["question"]
        assert [p.heading for p in q.points] == [p["heading"] for p in answer["points"]]
        assert [p.gist for p in q.points] == [p["gist"] for p in answer["points"]]
        assert q.conclusion == answer["conclusion"]
    marked = "".join(a["introduction"] for a in answers)
    assert "&" in marked and "<2%" in marked  # the tokens other engines must escape
    assert json.loads((tmp_path / "corpus.json").read_text(encoding="utf-8")) == answers


def test_the_bench_layout_sets_the_page_the_other_engines_use(tmp_path: Path) -> None:
    corpus.write_workspace(tmp_path, corpus.make_corpus(1))
    spec = load_theme("bench", tmp_path).spec
    assert spec.page.size == "A4"
    assert spec.fonts.text == spec.fonts.heading == "IBM Plex Serif"
    assert round(spec.type.body_pt * spec.type.leading, 6) == 14.0


def test_an_edit_changes_one_body_and_nothing_else() -> None:
    answer = corpus.make_corpus(1)[0]
    changed = corpus.edited(answer, 3)
    assert changed["points"][0]["body"].endswith("A sentence added in review 3.")
    assert changed["points"][1:] == answer["points"][1:]
    assert corpus.make_corpus(1)[0] == answer  # the original is left as it was
