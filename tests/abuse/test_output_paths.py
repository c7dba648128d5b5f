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
