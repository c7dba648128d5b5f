"""More workers than parts or cores are never started."""

from __future__ import annotations

from pathlib import Path

from studypack.engine.parallel import cores, early_workers


def test_jobs_48_for_two_answers_starts_no_more_workers_than_parts_and_cores(ws: Path
                                                                               ) -> None:
    with early_workers(48, ws / "content") as pool:
        # Two answers make one part, plus the front matter and the grid: at
        # most three processes, this one among them, and never over the cores.
        started = pool.workers if pool else 0
    assert started + 1 <= min(3, cores())


def test_a_large_content_folder_may_use_every_core_but_no_more(ws: Path) -> None:
    answers = ws / "content" / "many"
    answers.mkdir()
    for n in range(200):
        (answers / f"{n}.yaml").write_text("", encoding="utf-8")
    with early_workers(48, ws / "content") as pool:
        started = pool.workers if pool else 0
    assert started + 1 == cores()
