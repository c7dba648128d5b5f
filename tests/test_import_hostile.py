"""studypack import against careless and hostile input: nothing written where it must
not be, nothing lost, one clear line for each bad file, and no run stopped by one.
"""

from __future__ import annotations

import time
import zipfile
from pathlib import Path

from typer.testing import CliRunner

from studypack.cli import app
from studypack.content.importing import import_file, read_page

runner = CliRunner()
DATA = Path(__file__).parent / "data" / "import"
PAGE = (DATA / "multi-answer.txt").read_text(encoding="utf-8")


def _words(output: str) -> str:
    return " ".join(output.split())


def test_a_link_at_the_target_is_never_written_through(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    outside = tmp_path / "outside.yaml"
    target = tmp_path / "content" / "pakistan-affairs" / "css-2020-q2.yaml"
    target.parent.mkdir(parents=True)
    target.symlink_to(outside)
    result = runner.invoke(app, ["import", str(DATA / "multi-answer.txt"), "--force"])
    assert result.exit_code == 2
    assert "is a symbolic link; import never writes through a link" in _words(result.output)
    assert not outside.exists() and target.is_symlink()


def test_a_stray_byte_spoils_one_line_not_the_file(tmp_path):
    # One line pasted from an old Windows file (its dash is the single byte 0x96) in a
    # UTF-8 page with an Arabic verse and curly quotes.
    lines = PAGE.encode("utf-8").split(b"\n")
    lines.insert(5, b"Local councils \x96 elected bodies \x96 serve the town.")
    page = read_page("x.txt", b"\n".join(lines) + "\nبسم اللہ ’\n".encode())
    joined = "\n".join(b.text for b in page.blocks)
    assert "بسم اللہ ’" in joined and "Local councils – elected bodies – serve" in joined
    assert any("not UTF-8" in note for note in page.notes)


def test_a_damaged_word_file_is_one_line_and_the_rest_goes_on(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    broken = tmp_path / "broken.docx"
    with zipfile.ZipFile(broken, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document><unclosed>")
    good = tmp_path / "good.txt"
    good.write_text(PAGE, encoding="utf-8")
    result = runner.invoke(app, ["import", str(broken), str(good)])
    assert result.exit_code == 1, result.output
    assert "broken.docx: is not a readable Word .docx file" in _words(result.output)
    assert len(list((tmp_path / "content").rglob("*.yaml"))) == 2


def test_long_lists_and_wrapped_copies_lose_nothing_and_take_no_time(tmp_path):
    listed = tmp_path / "list.txt"
    listed.write_text("Pakistan Affairs topic-wise questions: Foreign Policy\n" + "".join(
        f"{n}. Discuss the foreign policy question number {n} in detail? (CSS 2015)\n"
        for n in range(1, 1201)), encoding="utf-8")
    started = time.monotonic()
    questions = import_file(listed)
    assert len(questions) == 1200 and len({q.id for q in questions}) == 1200
    wrapped = tmp_path / "wrapped.txt"
    line = "The canal system loses water through seepage and evaporation every sea-"
    wrapped.write_text("Q.5 Discuss the water crisis. (2021)\n\n" + "\n".join(
        [line] * 3000) + "\n", encoding="utf-8")
    assert import_file(wrapped)[0].data["question"] == "Discuss the water crisis."
    assert time.monotonic() - started < 30  # quadratic joining took minutes


def test_a_folder_of_files_it_cannot_read_is_no_success(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "inbox").mkdir()
    (tmp_path / "inbox" / "scan.pdf").write_bytes(b"%PDF-1.4")
    result = runner.invoke(app, ["import", "inbox"])
    assert result.exit_code == 2
    assert "holds no file studypack can import" in _words(result.output)


def test_a_list_of_addresses_with_a_typo_names_the_line(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "links.txt").write_text("http://127.0.0.1:9/a\nhtps://x\nhttp://127.0.0.1:9/b\n",
                                        encoding="utf-8")
    result = runner.invoke(app, ["import", "links.txt"])
    assert result.exit_code == 2
    assert "line(s) 2 are not http:// or https:// addresses" in _words(result.output)


def test_a_file_name_cannot_drive_the_terminal(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    name = tmp_path / "a\x1b[31mRED.txt"
    name.write_text(PAGE, encoding="utf-8")
    result = runner.invoke(app, ["import", str(name), "--dry-run"])
    assert "\x1b[31m" not in result.output and "a\\x1b[31mRED.txt" in result.output
