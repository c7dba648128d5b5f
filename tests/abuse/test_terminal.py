"""Text from a file never drives the terminal: escapes are shown, not sent."""

from __future__ import annotations

from pathlib import Path

from tests.abuse.harness import assert_refused, run, snapshot

ESCAPES = "\x1b]0;owned\x07\x1b[2J\x1b[31m"


def _answer(ws: Path) -> Path:
    return ws / "content" / "pakistan-affairs" / "2019-q3.yaml"


def test_an_escape_in_a_broken_field_is_shown_not_sent(ws: Path) -> None:
    answer = _answer(ws)
    text = answer.read_text(encoding="utf-8")
    # YAML's double-quoted escapes put the raw control characters in the value.
    answer.write_text(text.replace("year: 2019", 'year: "19\\e]0;owned\\a\\e[2J"'),
                      encoding="utf-8")
    before = snapshot(ws)
    result = run(["build"], ws)
    assert_refused(result, code=1, says=["content/pakistan-affairs/2019-q3.yaml:", "year"])
    assert "\x1b" not in result.text and "\x07" not in result.text
    assert "\\x1b]0;owned\\x07\\x1b[2J" in result.text
    assert snapshot(ws) == before


def test_list_shows_escapes_and_brackets_in_topics_as_written(ws: Path) -> None:
    answer = _answer(ws)
    text = answer.read_text(encoding="utf-8")
    hostile = 'topics: [Pakistan Movement, "Kashmir\\e[31m [bold]red[/bold]"]'
    answer.write_text(text.replace("topics: [Pakistan Movement]", hostile),
                      encoding="utf-8")
    result = run(["list"], ws)
    assert result.code == 0, result.text
    assert "\x1b" not in result.out
    assert "Kashmir\\x1b[31m [bold]red[/bold]" in result.out


def test_a_file_name_with_escapes_is_shown_not_sent(ws: Path) -> None:
    bad = ws / "content" / "pakistan-affairs" / f"x{ESCAPES}.yaml"
    bad.write_text("id: [\n", encoding="utf-8")
    result = run(["check"], ws)
    assert_refused(result, code=1, says=["\\x1b]0;owned\\x07"])
    assert "\x1b" not in result.text
