"""Outputs never land on an input: not through a link, not by naming it."""

from __future__ import annotations

import os
from pathlib import Path

from tests.abuse.harness import assert_refused, no_partial_files, run, snapshot


def test_the_harness_sees_a_broken_answer_as_a_listed_problem(ws: Path) -> None:
    answer = ws / "content" / "pakistan-affairs" / "2019-q3.yaml"
    answer.write_text(answer.read_text(encoding="utf-8").replace("year: 2019", "year: [2019"),
                      encoding="utf-8")
    before = snapshot(ws)
    result = run(["build"], ws)
    assert_refused(result, code=1, says=["content/pakistan-affairs/2019-q3.yaml:"])
    assert snapshot(ws) == before
    assert not no_partial_files(ws)


def _linked_output(ws: Path, output: Path, victim: Path) -> dict[str, str]:
    output.parent.mkdir(parents=True, exist_ok=True)
    output.symlink_to(os.path.relpath(victim, output.parent))
    return snapshot(ws)


def test_a_booklet_is_never_written_through_a_link(ws: Path) -> None:
    before = _linked_output(ws, ws / "out" / "booklet.pdf", ws / "studypack.yaml")
    result = run(["build"], ws)
    assert_refused(result, code=2, says=[
        "out/booklet.pdf is a symbolic link (to ../studypack.yaml)",
        "never writes through a link, so nothing was written"])
    assert snapshot(ws) == before
    assert (ws / "out" / "booklet.pdf").is_symlink()
    assert not no_partial_files(ws)


PACK = """title: Links
select:
  papers: [Pakistan Affairs]
output: out/packs/links.pdf
"""


def test_a_pack_is_never_written_through_a_link(ws: Path) -> None:
    (ws / "content" / "packs").mkdir()
    (ws / "content" / "packs" / "links.yaml").write_text(PACK, encoding="utf-8")
    answer = ws / "content" / "pakistan-affairs" / "2019-q3.yaml"
    before = _linked_output(ws, ws / "out" / "packs" / "links.pdf", answer)
    result = run(["pack", "content/packs/links.yaml"], ws)
    assert_refused(result, code=(1, 2), says=["out/packs/links.pdf is a symbolic link"])
    assert snapshot(ws) == before
    assert not no_partial_files(ws)


def test_a_handout_is_never_written_through_a_link(ws: Path) -> None:
    answer = ws / "content" / "international-relations" / "2020-q2.yaml"
    before = _linked_output(ws, ws / "out" / "handouts" / "mine.pdf", answer)
    ident = next(line.split(":", 1)[1].strip()
                 for line in answer.read_text(encoding="utf-8").splitlines()
                 if line.startswith("id:"))
    result = run(["handout", ident, "-o", "out/handouts/mine.pdf"], ws)
    assert_refused(result, code=2, says=["out/handouts/mine.pdf is a symbolic link"])
    assert snapshot(ws) == before


def test_a_packs_handouts_leave_the_centres_own_pdfs_in_their_folder(ws: Path) -> None:
    import pikepdf

    (ws / "content" / "packs").mkdir()
    (ws / "content" / "packs" / "p.yaml").write_text(
        PACK.replace("out/packs/links.pdf", "notes/p.pdf") + "handouts: true\n",
        encoding="utf-8")
    own = ws / "notes" / "p-handouts" / "exam-day.pdf"
    own.parent.mkdir(parents=True)
    with pikepdf.new() as pdf:
        pdf.add_blank_page()
        pdf.save(own)
    before = snapshot(ws)
    result = run(["pack", "content/packs/p.yaml"], ws)
    assert result.code == 0, result.text
    after = snapshot(ws)
    assert after["notes/p-handouts/exam-day.pdf"] == before["notes/p-handouts/exam-day.pdf"]
    handouts = sorted(k for k in after if k.startswith("notes/p-handouts/"))
    assert len(handouts) == 2, handouts  # the pack's one question, and the centre's file


def test_a_write_that_fails_part_way_leaves_nothing_and_says_why(ws: Path) -> None:
    (ws / "content" / "packs").mkdir()
    (ws / "content" / "packs" / "p.yaml").write_text(PACK, encoding="utf-8")
    (ws / "out" / "packs").mkdir(parents=True)
    earlier = run(["build", "-o", "out/packs/links.pdf"], ws)  # a PDF studypack wrote
    assert earlier.code == 0, earlier.text
    kept = (ws / "out" / "packs" / "links.pdf").read_bytes()
    before = snapshot(ws)
    # qpdf, writing the merged pack, once aborted the whole process here.
    for command in (["pack", "content/packs/p.yaml", "--no-cache"], ["build"]):
        result = run(command, ws, file_size=20_000)
        assert_refused(result, code=2, says=[
            "the file is larger than this system lets a program write; nothing was written"])
        assert not no_partial_files(ws)
    assert snapshot(ws) == before
    assert (ws / "out" / "packs" / "links.pdf").read_bytes() == kept
    assert not (ws / "out" / "booklet.pdf").exists()


def test_a_pdf_studypack_did_not_write_is_never_replaced(ws: Path) -> None:
    import pikepdf

    own = ws / "content" / "extra" / "centre-notes.pdf"
    own.parent.mkdir()
    with pikepdf.new() as pdf:
        pdf.add_blank_page()
        pdf.save(own)
    before = snapshot(ws)
    for command in (["build", "-o", "content/extra/centre-notes.pdf"],
                    ["handout", "--all", "--out-dir", "content/extra"],
                    ["handout", "css-2019-pakistan-affairs-q3", "-o",
                     "content/extra/centre-notes.pdf"]):
        result = run(command, ws)
        if command[1] == "--all":
            assert result.code == 0, result.text  # other names: the centre's file is left
            continue
        assert_refused(result, code=2, says=[("content/extra/centre-notes.pdf exists and was "
                                             "not written by studypack")])
    after = snapshot(ws)
    assert after["content/extra/centre-notes.pdf"] == before["content/extra/centre-notes.pdf"]
