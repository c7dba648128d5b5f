"""The workbench's pages: Flask routes over the bank index, the basket and build jobs.

Nothing here takes a file path from a request: answers are looked up by id
in the index, pack files by name in the listing of ``content/packs/``, and
downloads by job id among the jobs this server started.
"""

from __future__ import annotations

import logging
import secrets
import time
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from flask import (
    Flask,
    abort,
    flash,
    jsonify,
    redirect,
    render_template,
    request,
    send_file,
    session,
    url_for,
)
from werkzeug.exceptions import HTTPException

from ..errors import StudypackError, rel
from .answer_page import answer_view
from .basket import (
    BLOCKS,
    GROUPS,
    IMPOSITIONS,
    KINDS,
    ORDERS,
    Basket,
    PackOptions,
    pack_text,
    slug,
)
from .editing import edit_routes, import_routes
from .index import BankIndex, Filters, highlighted
from .jobs import Builds, JobSpec
from .packs import open_pack, pack_names, save_pack
from .replies import problem as _problem
from .replies import problem_lines as _problem_lines
from .security import new_token, password_matches, tokens_match
from .state import Workbench

PAGE_SIZE = 50
UPLOAD_LIMIT = 5 * 1024 * 1024
"""Largest request body taken (an imported Word file or page), in bytes."""

log = logging.getLogger("studypack.web")


LOOPBACK_NAMES = frozenset({"127.0.0.1", "localhost", "::1"})
"""The names a workbench serving this machine only answers to."""


def create_app(workspace: Path, content: Path, *, password: dict[str, object] | None = None,
               workers: int = 2, cookie: str = "studypack",
               hosts: frozenset[str] | None = None) -> Flask:
    """The workbench for one workspace.

    Args:
        workspace: The folder holding ``studypack.yaml``, ``content/`` and ``out/``.
        content: Its content folder.
        password: The staff password's stored hash; None lets every visitor in
            (the server then listens on this machine only).
        workers: Builds that may run at once.
        cookie: The session cookie's name: one per port, so two workbenches open in
            one browser keep their own baskets.
        hosts: The host names requests may use (None: any, for the test client and a
            server open to the network, which has a password).
    """
    app = Flask(__name__)
    app.config.update(
        SECRET_KEY=secrets.token_bytes(32),
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Strict",
        SESSION_COOKIE_NAME=cookie,
        ALLOWED_HOSTS=set(hosts) if hosts else None,
        MAX_CONTENT_LENGTH=UPLOAD_LIMIT,
    )
    cache = workspace / "out" / ".cache"
    bench = Workbench(workspace, content,
                      BankIndex(content, cache / "workbench" / "bank.sqlite", cache_dir=cache),
                      Builds(cache / "workbench" / "jobs", workers=workers), password)
    app.extensions["studypack"] = bench
    _guard(app, bench)
    _bank_routes(app, bench)
    _basket_routes(app, bench)
    _job_routes(app, bench)
    edit_routes(app, bench)
    import_routes(app, bench)
    _errors(app)
    return app


def _guard(app: Flask, bench: Workbench) -> None:
    @app.before_request
    def _check() -> Any:
        hosts = app.config.get("ALLOWED_HOSTS")
        if hosts and (request.host.rsplit(":", 1)[0].strip("[]").lower() not in hosts or
                      _foreign_origin(hosts)):
            # A page elsewhere that makes its own name point at this machine (DNS
            # rebinding) reaches the workbench by a name it does not answer to.
            return _problem("This workbench answers only to this machine's own address "
                            "(http://127.0.0.1); open it there.", 403)
        if "csrf" not in session:
            session["csrf"] = new_token()
        if bench.password and not session.get("staff") and request.endpoint not in (
                "login", "static"):
            return redirect(url_for("login", next=request.full_path))
        if request.method == "POST" and not tokens_match(request.form.get("csrf"),
                                                         session.get("csrf")):
            return _problem("This form has expired or did not come from this workbench. "
                            "Go back, reload the page and try again.", 400)
        return None

    @app.context_processor
    def _common() -> dict[str, Any]:
        return {"csrf": session.get("csrf", ""), "basket_size": len(bench.basket().ids),
                "workspace": bench.workspace.name, "guarded": bool(bench.password)}

    @app.route("/login", methods=["GET", "POST"])
    def login() -> Any:
        wrong = False
        if request.method == "POST" and bench.password:
            if password_matches(bench.password, request.form.get("password", "")):
                session.clear()
                session["csrf"] = new_token()
                session["staff"] = True
                # Only a path on this server: never a redirect elsewhere.
                return redirect(local_path(request.args.get("next", "/"), "/"))
            # A wrong guess costs a second: guessing the password takes days, not minutes.
            time.sleep(1)
            wrong = True
        return render_template("login.html", wrong=wrong), 401 if wrong else 200

    @app.post("/logout")
    def logout() -> Any:
        session.clear()
        return redirect(url_for("login"))


def _foreign_origin(hosts: set[str]) -> bool:
    from urllib.parse import urlsplit

    origin = request.headers.get("Origin")
    return bool(origin) and (urlsplit(origin).hostname or "").lower() not in hosts


def _filters() -> Filters:
    args = request.values

    def number(name: str) -> int | None:
        return small_number(args.get(name, ""))

    return Filters(exam=args.get("exam", "").strip(), paper=args.get("paper", "").strip(),
                   topic=args.get("topic", "").strip(), year_from=number("from"),
                   year_to=number("to"), marks=number("marks"), text=args.get("q", "").strip())


def small_number(text: str) -> int | None:
    """A number typed in a form or address (ASCII digits, at most six), else None."""
    text = text.strip()
    return int(text) if text.isascii() and text.isdigit() and len(text) <= 6 else None


def local_path(target: str, fallback: str) -> str:
    """``target`` if it is a path on this server ("/basket?x=1"), else ``fallback``: a
    redirect never leads to another site, however the address is disguised.
    """
    from urllib.parse import urlsplit

    clean = target.strip()
    parts = urlsplit(clean)
    if (not clean.startswith("/") or clean.startswith(("//", "/\\")) or parts.scheme
            or parts.netloc or any(ord(c) < 32 or c in "\\" for c in clean)):
        return fallback
    return clean


def _filter_args(f: Filters) -> dict[str, str]:
    pairs = {"exam": f.exam, "paper": f.paper, "topic": f.topic, "from": f.year_from,
             "to": f.year_to, "marks": f.marks, "q": f.text}
    return {k: str(v) for k, v in pairs.items() if v not in ("", None)}


def _bank_routes(app: Flask, bench: Workbench) -> None:
    @app.get("/")
    def bank() -> Any:
        bench.index.refresh()
        filters = _filters()
        page = max(1, small_number(request.args.get("page", "")) or 1)
        found = bench.index.search(filters, offset=(page - 1) * PAGE_SIZE, limit=PAGE_SIZE)
        picked = {i.casefold() for i in bench.basket().ids}
        args = _filter_args(filters)
        return render_template(
            "bank.html", rows=found.rows, total=found.total, page=page,
            pages=max(1, -(-found.total // PAGE_SIZE)), filters=filters, args=args,
            query=urlencode(args), choices=bench.index.choices(), picked=picked,
            highlighted=highlighted, problems=bench.index.problems(), note=found.note)

    @app.get("/q/<answer_id>")
    def answer(answer_id: str) -> Any:
        bench.index.refresh()
        row = bench.index.row(answer_id)
        record = bench.index.record(answer_id) if row else None
        if row is None or record is None:
            return _problem(f"There is no answer with the id '{answer_id}' in "
                            f"{rel(bench.content)}. Pick one from the bank.", 404)
        view = answer_view(record)
        picked = row.id.casefold() in {i.casefold() for i in bench.basket().ids}
        return render_template("answer.html", row=row, view=view, picked=picked,
                               problems=bench.index.problems_of(row.id),
                               saved=bool(request.args.get("saved")))

    @app.post("/q/<answer_id>/handout")
    def handout(answer_id: str) -> Any:
        bench.index.refresh()
        row = bench.index.row(answer_id)
        if row is None or not row.answered:
            return _problem(f"There is no answer with the id '{answer_id}' to print. Pick "
                            "one from the bank.", 404)
        job = bench.builds.start(f"Handout {row.id}", lambda folder: JobSpec(
            "handout", bench.workspace, bench.content, folder, f"{row.id}.pdf",
            answer_id=row.id))
        # Followed on its page, as a pack's build is: no request waits for a build.
        return redirect(url_for("job_page", job_id=job.id))


def _basket_routes(app: Flask, bench: Workbench) -> None:
    @app.post("/basket/add")
    def basket_add() -> Any:
        bench.index.refresh()
        if request.form.get("all"):
            ids = bench.index.ids(_filters())
        else:
            asked = request.form.getlist("id")
            known = {k.casefold(): r for k, r in bench.index.rows(asked).items()}
            ids = [known[i.casefold()].id for i in asked
                   if i.casefold() in known and known[i.casefold()].answered]
        before = len(bench.basket().ids)
        bench.keep(bench.basket().add(ids))
        added = len(bench.basket().ids) - before
        flash(f"Added {added} {'question' if added == 1 else 'questions'} to the basket "
              f"({len(bench.basket().ids)} in all)." if added else
              "Nothing added: tick questions first (those in the basket are ticked already).")
        return redirect(local_path(request.form.get("back", ""), "/"))

    @app.post("/basket/remove")
    def basket_remove() -> Any:
        basket = bench.basket()
        drop = request.form.getlist("id")
        # Emptied, the basket starts afresh: a new pack, not the one opened before.
        bench.keep(basket.remove(drop) if not request.form.get("all") else Basket())
        return redirect(local_path(request.form.get("back", ""), url_for("basket_page")))

    @app.get("/basket")
    def basket_page() -> Any:
        bench.index.refresh()
        basket = bench.basket()
        rows = bench.index.rows(basket.ids)
        kept = [rows[i] for i in (_found(rows, i) for i in basket.ids) if i]
        missing = [i for i in basket.ids if not _found(rows, i)]
        from ..theme.layout import available_layouts

        return render_template(
            "basket.html", basket=basket, rows=kept, missing=missing,
            layouts=available_layouts(bench.workspace), blocks=BLOCKS, groups=GROUPS,
            orders=ORDERS, packs=pack_names(bench.content), suggested=slug(basket.options.title))

    @app.post("/basket/options")
    def basket_options() -> Any:
        bench.keep(replace(bench.basket(), options=_options()))
        then = request.form.get("then", "")
        if then in ("preview", "build"):
            return _start_build(bench, preview=then == "preview")
        if then == "save":
            return _save(bench)
        return redirect(url_for("basket_page"))

    @app.post("/packs/open")
    def pack_open() -> Any:
        bench.index.refresh()
        name = request.form.get("name", "")
        try:
            basket = open_pack(bench.content, name)
        except StudypackError as exc:
            return _problem_lines("This pack file could not be opened:", exc, 422)
        bench.keep(basket)
        return redirect(url_for("basket_page"))


def _found(rows: dict[str, Any], wanted: str) -> str | None:
    return next((k for k in rows if k.casefold() == wanted.casefold()), None)


def _options() -> PackOptions:
    f = request.form
    duplex = {"yes": True, "no": False}.get(f.get("duplex", ""))
    blocks = tuple(b for b in BLOCKS if b in f.getlist("blocks")) or BLOCKS
    return PackOptions(
        title=f.get("title", "").strip() or "Study Pack", subtitle=f.get("subtitle", "").strip(),
        edition=f.get("edition", "").strip(), layout=f.get("layout", "").strip(),
        watermark=f.get("watermark", "").strip(), duplex=duplex,
        group_by=_one_of(f.get("group_by", ""), GROUPS, "topic"),
        order=_one_of(f.get("order", ""), ORDERS, "year-desc"),
        blocks=blocks, revision_grid=bool(f.get("revision_grid")),
        kind=_one_of(f.get("kind", ""), KINDS, "answers"), answers=bool(f.get("answers")),
        impose=_one_of(f.get("impose", ""), IMPOSITIONS, ""),
        class_name=f.get("class_name", "").strip(), date=f.get("date", "").strip(),
        time_allowed=f.get("time_allowed", "").strip())


def _one_of(value: str, allowed: tuple[str, ...], default: str) -> str:
    return value if value in allowed else default


def _start_build(bench: Workbench, *, preview: bool) -> Any:
    basket = bench.basket()
    name = slug(basket.options.title)
    try:
        text = pack_text(basket, output=f"out/packs/{name}.pdf")
    except StudypackError as exc:
        return _problem_lines("The pack cannot be built yet:", exc, 422)
    except ValueError as exc:
        return _problem(f"The pack's settings are not valid: {exc}", 422)
    o = basket.options
    # Named for what it is, as 'studypack pack --kind' names it: downloads do not mix.
    kind = "with-answers" if o.kind == "worksheet" and o.answers else o.kind
    suffix = "" if kind == "answers" else f"-{kind}"
    shown = "" if kind == "answers" else f" ({kind.replace('-', ' ')})"
    job = bench.builds.start(f"{'Preview of' if preview else 'Build of'} {o.title}{shown}",
                             lambda folder: JobSpec("pack", bench.workspace, bench.content,
                                                    folder, f"{name}{suffix}.pdf",
                                                    pack_text=text, preview=preview))
    return redirect(url_for("job_page", job_id=job.id))


def _save(bench: Workbench) -> Any:
    basket = bench.basket()
    name = request.form.get("file", "").strip() or slug(basket.options.title)
    try:
        saved, basket = save_pack(bench.content, basket, name,
                                  overwrite=bool(request.form.get("replace")))
    except StudypackError as exc:
        return _problem_lines("The pack file was not saved:", exc, 409)
    bench.keep(basket)
    return render_template("saved.html", path=rel(saved), name=saved.stem)


def _job_routes(app: Flask, bench: Workbench) -> None:
    def job_or_404(job_id: str) -> Any:
        job = bench.builds.get(job_id)
        if job is None:
            abort(404)
        return job

    @app.get("/jobs/<job_id>")
    def job_page(job_id: str) -> Any:
        return render_template("job.html", job=job_or_404(job_id))

    @app.get("/jobs/<job_id>.json")
    def job_state(job_id: str) -> Any:
        job = job_or_404(job_id)
        return jsonify(state=job.state, done=job.done, total=job.total, pages=job.pages)

    @app.get("/jobs/<job_id>/pdf")
    def job_pdf(job_id: str) -> Any:
        job = job_or_404(job_id)
        if job.pdf is None or job.spec.kind == "import":
            abort(404)
        return send_file(job.pdf, mimetype="application/pdf", as_attachment=True,
                         download_name=job.spec.pdf_name)

    @app.get("/jobs/<job_id>/sheets")
    def job_sheets(job_id: str) -> Any:
        job = job_or_404(job_id)
        if job.sheets is None:
            abort(404)
        return send_file(job.sheets, mimetype="application/pdf", as_attachment=True,
                         download_name=job.sheets.name)

    @app.get("/jobs/<job_id>/page/<int:n>.png")
    def job_image(job_id: str, n: int) -> Any:
        job = job_or_404(job_id)
        if job.state != "done" or not 0 <= n < len(job.images):
            abort(404)
        return send_file(job.spec.folder / job.images[n], mimetype="image/png")


def _errors(app: Flask) -> None:
    @app.errorhandler(404)
    def _not_found(_exc: HTTPException) -> Any:
        return _problem("There is no such page here. Start again from the bank.", 404)

    @app.errorhandler(413)
    def _too_big(_exc: HTTPException) -> Any:
        return _problem(f"That file is larger than {UPLOAD_LIMIT // (1024 * 1024)} MB; "
                        "send a smaller one.", 413)

    @app.errorhandler(Exception)
    def _internal(exc: Exception) -> Any:
        if isinstance(exc, HTTPException):
            return exc
        log.exception("internal error")
        return _problem(f"Something went wrong inside studypack ({type(exc).__name__}). "
                        "The server is still running; the problem was logged where it was "
                        "started. Please report it.", 500)

