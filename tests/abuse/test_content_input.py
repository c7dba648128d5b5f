"""Hostile content: alias bombs, huge paragraphs, invisible characters, odd folders.

Each case runs the real command on a workspace made bad in one way and checks
that studypack refuses (or warns) in plain words, names the file and line,
stays within the harness's time and memory limits and changes nothing.
"""

from __future__ import annotations

import os
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


# 2. Huge paragraphs ---------------------------------------------------------------------

def _replace_block(path: Path, field: str, lines: list[str]) -> int:
    """Replace the text of the top-level ``field`` by ``lines`` (a ``|`` block); the
    1-based line of the field.
    """
    rows = path.read_text(encoding="utf-8").splitlines()
    start = next(i for i, row in enumerate(rows) if row.startswith(f"{field}:"))
    end = start + 1
    while end < len(rows) and (rows[end].startswith("  ") or not rows[end].strip()):
        end += 1
    rows[start:end] = [f"{field}: |", *("  " + line if line else "" for line in lines)]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return start + 1


def _sentences(size: int) -> str:
    sentence = "The resolution gave the League a goal and the provinces a programme. "
    return (sentence * (size // len(sentence) + 1))[:size].strip()


@pytest.mark.parametrize("command", ["check", "build"])
def test_a_two_megabyte_introduction_paragraph_is_refused_quickly_with_its_place(
        ws: Path, command: str) -> None:
    line = _replace_block(ws / ANSWER, "introduction", [_sentences(2_000_000)])
    before = snapshot(ws)
    result = run([command], ws)
    assert_refused(result, code=1, says=[
        f"{ANSWER.as_posix()}:{line}:15 introduction: paragraph 1 is 2,000,000 characters",
        "up to 20,000 characters", "split it into shorter paragraphs"])
    assert snapshot(ws) == before
    assert not (ws / "out" / "booklet.pdf").exists()
    assert not no_partial_files(ws)


def test_a_two_megabyte_paragraph_in_a_point_body_is_refused_with_the_field(ws: Path) -> None:
    path = ws / OTHER
    text = path.read_text(encoding="utf-8")
    assert "\n    body: |\n" in text
    head, tail = text.split("\n    body: |\n", 1)
    rest = tail.split("\n", 1)[1]
    line = head.count("\n") + 2
    path.write_text(head + "\n    body: |\n      Short first paragraph.\n\n      "
                    + _sentences(2_000_000) + "\n" + rest, encoding="utf-8")
    before = snapshot(ws)
    result = run(["build"], ws)
    assert_refused(result, code=1, says=[
        f"{OTHER.as_posix()}:{line}:11 points[1].body: paragraph 2 is 2,000,000 characters"])
    assert snapshot(ws) == before


def test_a_two_megabyte_line_without_spaces_is_refused_quickly(ws: Path) -> None:
    line = _replace_block(ws / ANSWER, "conclusion", ["x" * 2_000_000])
    before = snapshot(ws)
    result = run(["build"], ws)
    assert_refused(result, code=1, says=[
        f"{ANSWER.as_posix()}:{line}:13 conclusion: paragraph 1 is 2,000,000 characters"])
    assert snapshot(ws) == before


def test_a_long_answer_of_paragraphs_within_the_limit_builds_in_time(ws: Path) -> None:
    # A megabyte of introduction, as 19,999-character paragraphs: laid out in
    # time linear in its length (about 250 pages), no summary written so one
    # is derived from it.
    path = ws / ANSWER
    paragraphs = [_sentences(19_999)] * 50
    _replace_block(path, "introduction", [row for p in paragraphs for row in (p, "")][:-1])
    text = path.read_text(encoding="utf-8")
    start = text.index("\nsummary:")
    path.write_text(text[:start] + text[text.index("\noutline:"):], encoding="utf-8")
    result = run(["build"], ws)
    assert result.code == 0, result.text
    assert "Traceback" not in result.text
    assert (ws / "out" / "booklet.pdf").stat().st_size > 100_000


# 3. Zero-width and look-alike characters in names ----------------------------------------

def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_an_id_with_invisible_characters_is_read_without_them_and_warned_of(ws: Path) -> None:
    _edit(ws / ANSWER, "id: css-2019-pakistan-affairs-q3",
          "id: \ufeffcss-2019\u200b-pakistan-affairs-q3\u2060")
    result = run(["list"], ws)
    assert result.code == 0, result.text
    assert "Traceback" not in result.text
    assert (f"{ANSWER.as_posix()}:1:5 id: '\\ufeffcss-2019\\u200b-pakistan-affairs-q3\\u2060' "
            "has characters that print as nothing; it is read as "
            "'css-2019-pakistan-affairs-q3'") in result.err
    assert "css-2019-pakistan-affairs-q3\t" in result.out
    assert not any(char in result.out for char in "\ufeff\u200b\u2060")
    strict = run(["check", "--strict"], ws)
    assert_refused(strict, code=1, says=[f"{ANSWER.as_posix()}:1:5 id:"])


def test_an_id_differing_only_by_a_zero_width_space_is_a_duplicate(ws: Path) -> None:
    copy = ws / "content" / "pakistan-affairs" / "2023-q3.yaml"
    copy.write_text((ws / ANSWER).read_text(encoding="utf-8").replace(
        "id: css-2019-pakistan-affairs-q3", "id: css-2019-pakistan\u200b-affairs-q3"),
        encoding="utf-8")
    before = snapshot(ws)
    result = run(["build"], ws)
    assert_refused(result, code=1, says=[
        ("content/pakistan-affairs/2023-q3.yaml:1:5 id: 'css-2019-pakistan-affairs-q3' "
         f"is already used by {ANSWER.as_posix()}")])
    assert snapshot(ws) == before


def test_topics_and_papers_that_look_alike_are_one_spelling(ws: Path) -> None:
    # A zero-width space, a decomposed accent (NFD) and a no-break space: three
    # spellings a reader cannot tell apart, read as the other file's one.
    _edit(ws / ANSWER, "paper: Pakistan Affairs", "paper: International\u00a0Relations")
    _edit(ws / ANSWER, "topics: [Pakistan Movement]",
          "topics: [IR\u200b Theory, Re\u0301sume\u0301]")
    _edit(ws / ANSWER, "exam: CSS", "exam: CSS\u200d")
    _edit(ws / OTHER, "topics: [IR Theory]", "topics: [IR Theory, R\u00e9sum\u00e9]")
    result = run(["list"], ws)
    assert result.code == 0, result.text
    assert f"{ANSWER.as_posix()}:8:10 topics[1]: 'IR\\u200b Theory'" in result.err
    assert f"{ANSWER.as_posix()}:8:" in result.err and "topics[2]: 'R" in result.err
    assert f"{ANSWER.as_posix()}:2:7 exam: 'CSS\\u200d'" in result.err
    assert result.out.count("\tInternational Relations\t") == 2
    assert result.out.count("IR Theory, R\u00e9sum\u00e9") == 2
    assert not any(char in result.out for char in "\u200b\u200d\u00a0\u0301")


def test_joiners_between_arabic_script_letters_are_kept(ws: Path) -> None:
    urdu = "\u0645\u06cc\u200c\u062e\u0648\u0627\u06c1\u0645"  # a ZWNJ inside an Urdu word
    _edit(ws / ANSWER, "topics: [Pakistan Movement]", f"topics: [Pakistan Movement, {urdu}]")
    result = run(["list"], ws)
    assert result.code == 0, result.text
    assert "print as nothing" not in result.text
    assert f"Pakistan Movement, {urdu}" in result.out


# 4. Link loops and odd folders -------------------------------------------------------------

def test_link_loops_under_content_are_not_followed(ws: Path) -> None:
    (ws / "content" / "loop").symlink_to("..")
    (ws / "content" / "pakistan-affairs" / "back").symlink_to("../../content")
    before = snapshot(ws)
    for command in (["check"], ["list"], ["build"]):
        result = run(command, ws)
        assert result.code == 0, result.text
        assert "Traceback" not in result.text
    assert "2 answer files" in run(["check"], ws).text
    assert len(run(["list"], ws).out.strip().splitlines()) == 2
    assert snapshot(ws) == before
    assert not no_partial_files(ws)


def test_a_link_loop_in_a_layout_folder_ends_the_cache_digest(ws: Path) -> None:
    # A pack keys its cached parts on every file of its layout's folder, whose
    # links are followed; a link back up once made that walk endless.
    (ws / "layouts" / "my-centre" / "loop").symlink_to("..")
    (ws / "layouts" / "my-centre" / "self").symlink_to(".")
    _pack(ws, "layout: my-centre\n")
    result = run(["pack", "content/packs/bomb.yaml"], ws)
    assert result.code == 0, result.text
    assert "Traceback" not in result.text
    assert (ws / "out" / "packs").is_dir() or any((ws / "out").rglob("*.pdf"))


@pytest.mark.parametrize("command", [["build", "--content", "/"], ["check", "/"], ["list", "/"],
                                     ["pack", "content/packs/bomb.yaml", "--content", "/"]])
def test_the_whole_disk_as_content_is_refused_quickly(ws: Path, command: list[str]) -> None:
    _pack(ws)
    before = snapshot(ws)
    result = run(command, ws, timeout=20)
    assert_refused(result, code=2, says=["/ holds more than 5,000 folders or 200,000 files",
                                         "does not look like a folder of answer files"])
    assert snapshot(ws) == before
    assert not (ws / "out" / "booklet.pdf").exists()


def _without_root_reading() -> None:
    # Root reads any folder (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH). Dropped
    # from the bounding set before exec, the command loses them, and a folder
    # of mode 000 is as unreadable to it as to anyone else.
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (1, 2):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH
        if libc.prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def test_an_unreadable_folder_is_left_out_with_a_warning(ws: Path) -> None:
    import shutil

    # Root reads any folder: the runs drop that right, as a staff account lacks it.
    before = _without_root_reading if os.geteuid() == 0 else None
    locked = ws / "content" / "locked"
    locked.mkdir()
    shutil.copy(ws / ANSWER, locked / "a.yaml")
    locked.chmod(0)
    try:
        result = run(["build"], ws, before=before)
        assert result.code == 0, result.text
        assert "Traceback" not in result.text
        assert "content/locked cannot be read: permission denied" in result.err
        assert "2 questions" in result.out
        strict = run(["check", "--strict"], ws, before=before)
        assert_refused(strict, code=1, says=["content/locked cannot be read: permission denied"])
    finally:
        locked.chmod(0o755)


# 5. What the property tests found --------------------------------------------------------

@pytest.mark.parametrize(("value", "shown"), [("2019-02-30", "'2019-02-30'"),
                                               ("0000-00-00", "'0000-00-00'"),
                                               ("9" * 5000, "'99999999")])
def test_a_year_yaml_cannot_hold_is_a_listed_problem(ws: Path, value: str, shown: str) -> None:
    # PyYAML reads 2019-02-30 as a date and raised a bare ValueError for it
    # (and for a number of more than 4,300 digits): an internal error.
    _edit(ws / ANSWER, "year: 2019", f"year: {value}")
    before = snapshot(ws)
    result = run(["check"], ws)
    assert_refused(result, code=1, says=[(f"{ANSWER.as_posix()}:5:7 year: must be a whole "
                                          f"number, not {shown}")])
    assert len(result.text) < 2_000
    assert snapshot(ws) == before


def test_keys_nested_as_keys_are_a_listed_problem(ws: Path) -> None:
    # "? ? ? …": each key a mapping whose key is a mapping; printing the key
    # for its position recursed until Python gave up.
    line = _append(ws / ANSWER, "? " * 500 + "\n")
    result = run(["check"], ws)
    assert_refused(result, code=1, says=[f"{ANSWER.as_posix()}:{line}:", "unhashable key"])


def test_markdown_notes_of_bare_html_are_refused_as_unreadable(ws: Path) -> None:
    (ws / "notes.md").write_text("<!doctype\n", encoding="utf-8")
    before = snapshot(ws)
    result = run(["import", "notes.md"], ws)
    assert_refused(result, code=(1, 2), says=["notes.md", "its HTML cannot be read"])
    assert snapshot(ws) == before


def test_a_long_run_of_soft_hyphens_is_laid_out_in_time(ws: Path) -> None:
    # ReportLab tries every soft hyphen of a run without spaces as a break, in
    # time growing as the cube of their number: 3,300 in 19,800 characters
    # (within the paragraph limit) took minutes.
    _replace_block(ws / ANSWER, "conclusion", ["00000\u00ad" * 3300])
    result = run(["build"], ws)
    assert result.code == 0, result.text
    assert "Traceback" not in result.text
    assert (ws / "out" / "booklet.pdf").is_file()


def test_a_huge_file_named_yaml_is_not_read_into_memory(ws: Path) -> None:
    # A sparse 3 GB file: reading it whole would pass the harness's memory limit.
    huge = ws / "content" / "pakistan-affairs" / "disk-image.yaml"
    with huge.open("wb") as handle:
        handle.truncate(3 * 2**30)
    try:
        result = run(["check"], ws)
        assert_refused(result, code=1, says=[
            ("content/pakistan-affairs/disk-image.yaml is 3,072 MB; studypack reads files of "
             "up to 32 MB")])
    finally:
        huge.unlink()
