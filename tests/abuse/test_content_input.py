"""Hostile content: alias bombs, huge paragraphs, invisible characters, odd folders.

Each case runs the real command on a workspace made bad in one way and checks
that studypack refuses (or warns) in plain words, names the file and line,
stays within the harness's time and memory limits and changes nothing.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.abuse.harness import assert_refused, no_partial_files, run, snapshot

ANSWER = Path("content") / "pakistan-affairs" / "2019-q3.yaml"
OTHER = Path("content") / "international-relations" / "2020-q2.yaml"

BOMB = "".join(
    [f"{chr(97)}: &{chr(97)} [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"]
    + [f"{chr(97 + n)}: &{chr(97 + n)} [" + ", ".join([f"*{chr(96 + n)}"] * 9) + "]\n"
       for n in range(1, 9)])
"""Nine lines whose aliases stand for 9**9 (387 million) strings: "billion laughs"."""

ANCHORS = "anchors and aliases (&name / *name) are not allowed"


def _append(path: Path, text: str) -> int:
    """Append ``text`` to ``path``; the 1-based line it starts on."""
    old = path.read_text(encoding="utf-8")
    path.write_text(old + text, encoding="utf-8")
    return old.count("\n") + 1


def _pack(ws: Path, text: str = "") -> Path:
    pack = ws / "content" / "packs" / "bomb.yaml"
    pack.parent.mkdir(exist_ok=True)
    pack.write_text("title: Bomb\nselect:\n  topics: [IR Theory]\n" + text, encoding="utf-8")
    return pack


# 1. Alias bombs -------------------------------------------------------------------------

@pytest.mark.parametrize("target", ["answer", "pack", "studypack.yaml", "brand.yaml",
                                    "layout.yaml"])
def test_an_alias_bomb_is_refused_at_its_first_anchor_in_every_yaml_file(ws: Path,
                                                                         target: str) -> None:
    # The bomb's keys are unknown fields, but no field is looked at: the anchor
    # on the bomb's first line is refused before the data is built.
    files = {"answer": ws / ANSWER, "studypack.yaml": ws / "studypack.yaml",
             "brand.yaml": ws / "brand.yaml",
             "layout.yaml": ws / "layouts" / "my-centre" / "layout.yaml"}
    args = ["check"]
    if target == "pack":
        path = _pack(ws)
        args = ["pack", "content/packs/bomb.yaml"]
    else:
        path = files[target]
    line = _append(path, BOMB)
    before = snapshot(ws)
    result = run(args, ws)
    shown = path.relative_to(ws).as_posix()
    assert_refused(result, code=1, says=[f"{shown}:{line}:4", ANCHORS])
    assert snapshot(ws) == before
    assert not no_partial_files(ws)
    assert not (ws / "out" / "booklet.pdf").exists()


def test_an_alias_bomb_in_an_answer_stops_build_with_the_place(ws: Path) -> None:
    line = _append(ws / ANSWER, "extra: &x [a, b]\nmore: *x\n")
    before = snapshot(ws)
    result = run(["build"], ws)
    assert_refused(result, code=1, says=[f"{ANSWER.as_posix()}:{line}:8", ANCHORS])
    assert snapshot(ws) == before
    assert not (ws / "out" / "booklet.pdf").exists()


def test_italic_text_at_the_start_of_a_value_is_explained_not_read_as_an_alias(ws: Path
                                                                               ) -> None:
    path = ws / ANSWER
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("exam: CSS", "exam: *CSS* exam"), encoding="utf-8")
    result = run(["check"], ws)
    assert_refused(result, code=1, says=[f"{ANSWER.as_posix()}:2:7",
                                         "a value cannot start with '*'", "double quotes"])
