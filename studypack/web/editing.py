"""Pages that write answers: edit one content file, and import a page through a review form.

Both validate before writing (in ``studypack check``'s words, each problem
beside its field), write atomically, and never overwrite what they did not
expect: an edit is refused if the file changed since the form was opened,
an import if its file or id exists already.
"""

from __future__ import annotations

import hashlib
import ipaddress
import socket
import threading
from pathlib import Path
from typing import Any

import yaml
from flask import Flask, redirect, render_template, request, url_for

from ..content import validate_answer_text
from ..content.earlier import stamped
from ..content.importing import READERS, ImportedAnswer, Options, dump_answer, is_address
from ..content.importing.assemble import make_id
from ..errors import Diagnostic, StudypackError, rel
from ..output import write_atomically
from .answer_form import (
    data_from_form,
    empty_required,
    form_field,
    form_of,
    form_values,
)
from .jobs import JobSpec
from .replies import problem
from .roundtrip import applied_text
from .state import Workbench


def digest(text: str) -> str:
    """The fingerprint a form carries of the file it was opened on."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def placed(problems: list[Diagnostic]) -> list[tuple[str, str]]:
    """Each problem with the form field it belongs to ("" for the file as a whole)."""
    return [(form_field(d.key), f"{d.key}: {d.message}" if d.key and not form_field(d.key)
             else d.message) for d in problems]


def edit_routes(app: Flask, bench: Workbench) -> None:
    """The edit page of one answer."""
    saving = threading.Lock()

    def file_of(answer_id: str) -> tuple[Path, str] | None:
        bench.index.refresh()
        path = bench.index.path_of(answer_id)
        if path is None or not path.is_file():
            return None
        try:
            return path, path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return None

    @app.get("/q/<answer_id>/edit")
    def edit(answer_id: str) -> Any:
        found = file_of(answer_id)
        if found is None:
            return problem(f"There is no answer with the id '{answer_id}' to edit. Pick one "
                           "from the bank.", 404)
        path, text = found
        data = yaml.safe_load(text)
        return render_template("edit.html", answer_id=answer_id, path=rel(path),
                               form=form_of(form_values(data)), digest=digest(text),
                               answered=answered(data))

    @app.post("/q/<answer_id>/edit")
    def save_edit(answer_id: str) -> Any:
        # One save at a time: the check that the file is as the form saw it and the
        # write must not interleave with another person's save.
        with saving:
            return _save_edit(answer_id)

    def _save_edit(answer_id: str) -> Any:
        found = file_of(answer_id)
        if found is None:
            return problem(f"There is no answer with the id '{answer_id}' to save; it may have "
                           "been removed or renamed. Nothing was written.", 404)
        path, now = found
        values = request.form.to_dict()
        base = yaml.safe_load(now)
        mine = applied_text(now, data_from_form(values, base))
        if request.form.get("digest") != digest(now):
            # Someone (or an editor) changed the file since this form was opened.
            return render_template("stale.html", answer_id=answer_id, path=rel(path), now=now,
                                   mine=mine, values=values, digest=digest(now)), 409
        needed = empty_required(values) if answered(base) else []
        problems = needed + placed(validate_answer_text(mine, rel(path)))
        if problems:
            return render_template("edit.html", answer_id=answer_id, path=rel(path),
                                   form=form_of(values, problems), answered=answered(base),
                                   digest=digest(now), failed=True), 422
        if mine != now:
            try:
                write_atomically(path, mine.encode("utf-8"))
            except (StudypackError, OSError) as exc:
                return problem(f"Nothing was saved: {exc}", 409)
        bench.index.refresh()
        return redirect(url_for("answer", answer_id=answer_id, saved=1))


def import_routes(app: Flask, bench: Workbench) -> None:
    """The import form, its job, and the review form that writes the file."""

    @app.get("/import")
    def import_page() -> Any:
        return render_template("import.html", kinds=sorted(k for k in READERS if k))

    @app.post("/import")
    def start_import() -> Any:
        options, bad = _options()
        got = _source() if not bad else None
        if bad or isinstance(got, str):
            return problem(bad or str(got), 422)
        data, source = got if got else (b"", "")

        def spec(folder: Path) -> JobSpec:
            if not is_address(source):
                # Even an empty file: the importer says what is wrong with it.
                folder.mkdir(parents=True, exist_ok=True)
                (folder / source).write_bytes(data)
            return JobSpec("import", bench.workspace, bench.content, folder, "",
                           source=source, options=tuple(options.items()))

        job = bench.builds.start("Import", spec)
        return redirect(url_for("review", job_id=job.id))

    @app.get("/import/<job_id>")
    def review(job_id: str) -> Any:
        job = bench.builds.get(job_id)
        if job is None or job.spec.kind != "import":
            return problem("There is no such import here (the server may have restarted). "
                           "Import the page again.", 404)
        if job.state != "done":
            return render_template("job.html", job=job, importing=True)
        answers: tuple[ImportedAnswer, ...] = job.result
        n = min(max(request.args.get("n", 1, type=int) or 1, 1), len(answers))
        answer = answers[n - 1]
        text = dump_answer(answer.data)
        problems = validate_answer_text(text, "the import")
        return _review(job_id, answers, n, values=form_values(answer.data),
                       problems=placed(problems), given=dict(job.spec.options))

    @app.post("/import/<job_id>/<int:n>")
    def save_import(job_id: str, n: int) -> Any:
        job = bench.builds.get(job_id)
        if (job is None or job.spec.kind != "import" or job.state != "done"
                or not 1 <= n <= len(job.result)):
            return problem("There is no such import here (the server may have restarted). "
                           "Import the page again.", 404)
        answers: tuple[ImportedAnswer, ...] = job.result
        values = request.form.to_dict()
        data = _identified(data_from_form(values, answers[n - 1].data))
        target = bench.content / ImportedAnswer(data).relative_path
        text = stamped(dump_answer(data))
        problems = validate_answer_text(text, rel(target))
        needed = empty_required(values) if answered(data) else []
        taken = bench.index.row(str(data.get("id", "")))
        if taken is not None:
            problems.append(Diagnostic(rel(target), 0, 0, "", f"the bank has the id "
                                       f"'{taken.id}' already ({taken.path}); change the "
                                       "exam, year, paper or number, or edit that answer"))
        elif target.exists():
            problems.append(Diagnostic(rel(target), 0, 0, "", f"{rel(target)} exists already; "
                                       "nothing was written. Edit that file, or change the "
                                       "year or number"))
        if problems or needed:
            return _review(job_id, answers, n, values=values,
                           problems=needed + placed(problems), status=422,
                           given=dict(job.spec.options))
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(target, text.encode("utf-8"))
        except (StudypackError, OSError) as exc:
            return problem(f"Nothing was saved: {exc}", 409)
        bench.index.refresh()
        return redirect(url_for("answer", answer_id=data["id"], saved=1))


def answered(data: dict[str, Any]) -> bool:
    """Whether an import's record is an answer (not a question kept without one)."""
    return data.get("kind") != "question"


def _review(job_id: str, answers: tuple[ImportedAnswer, ...], n: int, *,
            values: dict[str, str], problems: list[tuple[str, str]], given: dict[str, object],
            status: int = 200) -> Any:
    answer = answers[n - 1]
    marks = {name: "found" for name, _ in answer.found}
    # What the importer worked out is noted "field: how" (topics: 'Unsorted' until …).
    notes = [*answer.derived, *(answer.data.get("derived") or [])]  # type: ignore[misc]
    marks.update(dict.fromkeys((str(n).split(":", 1)[0].strip() for n in notes), "guessed"))
    marks.update(dict.fromkeys(answer.missing, "missing"))
    marks.update(dict.fromkeys(given, "given"))
    return render_template("review.html", job_id=job_id, answers=answers, n=n,
                           answer=answer, answered=answered(answer.data),
                           form=form_of(values, problems, marks)), status


def _identified(data: dict[str, Any]) -> dict[str, Any]:
    # The id follows what the review form says of the exam, year, paper and number.
    which = f"q{data['number']}" if isinstance(data.get("number"), int) else ""
    made = make_id(str(data.get("exam") or ""), data.get("year") if isinstance(
        data.get("year"), int) else None, str(data.get("paper") or ""), which)
    if not which or not made:
        return data
    return {"id": made, **{k: v for k, v in data.items() if k != "id"}}


def _source() -> tuple[bytes, str] | str:
    """What to import (the bytes to save and their file name, or an address with no
    bytes), or what is wrong with the request.
    """
    upload = request.files.get("file")
    address = request.form.get("address", "").strip()
    text = request.form.get("text", "").strip()
    if upload and upload.filename:
        suffix = Path(upload.filename).suffix.lower()
        if suffix not in READERS:
            return (f"studypack cannot import a {suffix or 'nameless'} file; send one of "
                    f"{', '.join(sorted(k for k in READERS if k))}, or paste its text.")
        # The name on disk is ours, never the one the browser sent.
        return upload.read(), f"upload{suffix}"
    if address:
        if not is_address(address):
            return f"'{address}' is not a page address; give one that starts with https://"
        if not _public(address):
            return (f"{address} is on this machine or the centre's own network; the "
                    "workbench fetches only public pages. Save the page in a browser and "
                    "upload the file instead.")
        return b"", address
    if text:
        return text.encode("utf-8"), "pasted.txt"
    return ("Nothing to import: paste an answer's text, choose a file or give a page's "
            "address.")


def _public(address: str) -> bool:
    """Whether every address of the page's host is public (not this machine, the
    centre's network or a cloud's metadata service).

    A form must not make the server fetch what only the server can reach. A public
    page that redirects inward is not caught here.
    """
    from urllib.parse import urlsplit

    host = urlsplit(address).hostname or ""
    try:
        found = {info[4][0] for info in socket.getaddrinfo(host, None)}
    except (OSError, UnicodeError):
        return True  # not found: the fetch says so in its own words
    return all(ipaddress.ip_address(str(a).split("%")[0]).is_global for a in found)


def _options() -> tuple[dict[str, object], str]:
    chosen: dict[str, object] = {}
    for name in ("exam", "paper"):
        value = request.form.get(name, "").strip()
        if value:
            chosen[name] = value
    for name in ("year", "number", "marks"):
        value = request.form.get(name, "").strip()
        if value and not (value.isascii() and value.isdigit() and len(value) <= 4):
            return {}, f"{name} must be a number (you gave '{value}')"
        if value:
            chosen[name] = int(value)
    Options(**chosen)  # type: ignore[arg-type]
    return chosen, ""
