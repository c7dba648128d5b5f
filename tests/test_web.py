"""The workbench's pages through Flask's test client, on a copy of the sample workspace.

Builds run as the server runs them (a process each); the PDFs are read back with pypdf.
"""

from __future__ import annotations

import re
import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask.testing import FlaskClient
from pypdf import PdfReader

from studypack.web.app import create_app
from studypack.web.index import BankIndex, Filters
from studypack.web.security import password_record, set_password

from .conftest import ROOT

ALL_BLOCKS = ["header", "question", "summary", "key_points", "answer"]


@pytest.fixture
def ws(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the sample workspace, entered."""
    shutil.copytree(ROOT / "content", tmp_path / "content")
    for name in ("studypack.yaml", "brand.yaml"):
        shutil.copy(ROOT / name, tmp_path / name)
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def client(ws: Path) -> Iterator[FlaskClient]:
    app = create_app(ws, ws / "content")
    yield app.test_client()
    app.extensions["studypack"].builds.shutdown()
    app.extensions["studypack"].index.close()


def csrf_of(client: FlaskClient) -> str:
    page = client.get("/").text
    found = re.search(r'name="csrf" value="([^"]+)"', page)
    assert found, page
    return found.group(1)


def ids_on(page: str) -> list[str]:
    return re.findall(r'name="id" value="([^"]+)"', page)


def wait_for(client: FlaskClient, job_page: str) -> dict[str, object]:
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        state = client.get(f"{job_page}.json").json
        assert state is not None
        if state["state"] in ("done", "failed"):
            return state
        time.sleep(0.2)
    raise AssertionError("the build did not finish in 3 minutes")


def got(client: FlaskClient, url: str) -> tuple[int, str, bytes]:
    """Status, media type and body of a GET; a file sent is closed after reading."""
    with client.get(url) as response:
        return response.status_code, response.mimetype or "", response.data


def handout_pdf(client: FlaskClient, answer_id: str) -> bytes:
    """Ask for an answer's handout as its page's button does; the PDF once it is made."""
    started = client.post(f"/q/{answer_id}/handout", data={"csrf": csrf_of(client)})
    assert started.status_code == 302, started.text
    assert wait_for(client, started.location)["state"] == "done"
    status, kind, pdf = got(client, f"{started.location}/pdf")
    assert status == 200 and kind == "application/pdf"
    return pdf


def options(**given: object) -> dict[str, object]:
    return {"title": "Water Pack", "group_by": "topic", "order": "year-desc",
            "blocks": ALL_BLOCKS, **given}


def test_bank_lists_every_answer_with_its_fields(client: FlaskClient) -> None:
    page = client.get("/").text
    answers = sorted(p.stem for p in (ROOT / "content").rglob("*.yaml")
                     if "packs" not in p.parts and "id:" in p.read_text(encoding="utf-8"))
    assert len(ids_on(page)) == len(answers) == 14
    assert "14 answers" in page
    assert "Discuss the issues and mistrust in US–Pakistan relations" in page
    assert "Pakistan Affairs" in page and "Foreign Policy · Afghanistan" in page


def test_filters_narrow_the_bank(client: FlaskClient) -> None:
    page = client.get("/?paper=Pakistan+Affairs&from=2018&to=2022").text
    shown = ids_on(page)
    assert shown and all("pakistan-affairs" in i for i in shown)
    years = {int(y) for y in re.findall(r"<td>(20\d\d)</td>", page)}
    assert years and min(years) >= 2018 and max(years) <= 2022
    topic = client.get("/?topic=kashmir").text
    assert ids_on(topic) == ["css-2015-pakistan-affairs-q6"]
    assert "No answer matches" in client.get("/?exam=PMS&from=2015&to=2015").text


def test_search_ranks_by_text_and_highlights(client: FlaskClient) -> None:
    page = client.get("/?q=Indus+Waters").text
    shown = ids_on(page)
    # The answer whose question names the treaty comes before those that mention it.
    assert shown[0] == "css-2023-current-affairs-q6"
    assert "<mark>Indus</mark> <mark>Waters</mark>" in page
    # Words typed as a user types them: quotes and FTS5's operators are only words.
    assert client.get('/?q="NEAR(water" OR').status_code == 200
    assert "No answer matches" in client.get("/?q=zzzzqqq").text


def test_search_ignores_arabic_vowel_marks(ws: Path) -> None:
    path = next((ws / "content" / "pakistan-affairs").glob("*2019*q3*.yaml"))
    text = path.read_text(encoding="utf-8")
    # The Quaid's title in Urdu, written with its vowel marks (zer, zabar).
    marked = "\u0642\u0627\u0626\u062f\u0650 \u0627\u064e\u0639\u0638\u0645"
    path.write_text(text.replace("question: ", f"question: ({marked}) ", 1), encoding="utf-8")
    index = BankIndex(ws / "content", ws / "out" / "bank.sqlite")
    index.refresh()
    bare = re.sub("[\u064b-\u065f]", "", marked)
    assert bare != marked
    for typed in (bare, marked):
        found = index.search(Filters(text=typed))
        assert [r.id for r in found.rows] == ["css-2019-pakistan-affairs-q3"]


def test_index_follows_edits_and_rebuilds_when_corrupt(ws: Path) -> None:
    db = ws / "out" / "bank.sqlite"
    index = BankIndex(ws / "content", db)
    assert index.refresh() == 14
    assert index.refresh() == 0
    path = next((ws / "content").rglob("2015-q6.yaml"))
    path.write_text(path.read_text(encoding="utf-8").replace(
        "Trace the origins", "Trace the long origins"), encoding="utf-8")
    assert index.refresh() == 1
    assert "long origins" in index.search(Filters(text="long origins")).rows[0].question
    index.close()
    db.write_bytes(b"this is not a database" * 100)
    index = BankIndex(ws / "content", db)
    assert index.refresh() == 14
    with sqlite3.connect(db) as check:
        assert check.execute("SELECT count(*) FROM answers").fetchone()[0] == 14


def test_a_broken_file_is_listed_with_its_problem_and_the_rest_stay(ws: Path,
                                                                   client: FlaskClient) -> None:
    bad = ws / "content" / "pakistan-affairs" / "broken.yaml"
    bad.write_text("id: broken\nexam: CSS\nyear: twenty\n", encoding="utf-8")
    page = client.get("/").text
    assert len(ids_on(page)) == 14
    assert "broken.yaml" in page and "left out of the bank" in page


def test_answer_page_shows_every_part(client: FlaskClient) -> None:
    page = client.get("/q/css-2016-pakistan-affairs-q5").text
    for part in ("Summary", "Key points", "Introduction", "Conclusion", "Make handout PDF"):
        assert part in page
    assert "<table>" in page, "the answer's own table is a table, not pipes"
    assert client.get("/q/no-such-answer").status_code == 404


def test_unknown_and_path_like_ids_find_nothing(client: FlaskClient) -> None:
    for bad in ("../studypack.yaml", "..%2F..%2Fetc%2Fpasswd", "%2Fetc%2Fpasswd",
                "pakistan-affairs%2F2015-q6"):
        response = client.get(f"/q/{bad}")
        assert response.status_code == 404
        assert "Traceback" not in response.text
    assert client.post("/q/..%2Fstudypack.yaml/handout",
                       data={"csrf": csrf_of(client)}).status_code == 404
    assert client.get("/jobs/..%2F..%2Fstudypack.yaml/pdf").status_code == 404


def test_a_post_without_the_form_token_changes_nothing(client: FlaskClient) -> None:
    csrf_of(client)
    for data in ({"id": "css-2015-pakistan-affairs-q6"},
                 {"id": "css-2015-pakistan-affairs-q6", "csrf": "forged"}):
        response = client.post("/basket/add", data=data)
        assert response.status_code == 400
        assert "expired" in response.text
    assert "The basket is empty" in client.get("/basket").text


def test_session_cookie_is_http_only_and_strict(client: FlaskClient) -> None:
    response = client.get("/")
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie


def test_empty_basket_cannot_build(client: FlaskClient) -> None:
    csrf = csrf_of(client)
    response = client.post("/basket/options", data={**options(), "csrf": csrf,
                                                    "then": "build"})
    assert response.status_code == 422
    assert "The basket is empty" in response.text


def test_pick_preview_build_save_gives_the_cli_s_pdf(ws: Path, client: FlaskClient) -> None:
    csrf = csrf_of(client)
    picked = ids_on(client.get("/?q=water").text)[:3]
    assert len(picked) == 3
    client.post("/basket/add", data={"csrf": csrf, "id": picked, "back": "/"})
    basket = client.get("/basket").text
    assert all(i in basket for i in picked) and "3 questions" in basket
    preview = client.post("/basket/options", data={**options(duplex="yes"), "csrf": csrf,
                                                   "then": "preview"})
    assert preview.status_code == 302
    job = preview.location
    assert wait_for(client, job)["state"] == "done"
    page = client.get(job).text
    images = re.findall(r'<img src="([^"]+)"', page)
    assert len(images) == 3
    # Two-sided: the cover's blank back is passed over; the contents are page 3.
    assert re.findall(r"<figcaption>page (\d+)</figcaption>", page)[:2] == ["1", "3"]
    assert got(client, images[0])[2][:8] == b"\x89PNG\r\n\x1a\n"
    _, kind, pdf = got(client, f"{job}/pdf")
    assert kind == "application/pdf"
    (ws / "web.pdf").write_bytes(pdf)
    reader = PdfReader(ws / "web.pdf")
    assert "Water Pack" in reader.pages[0].extract_text()
    text = "".join(p.extract_text() for p in reader.pages)
    for answer in picked:
        assert client.get(f"/q/{answer}").text.split('class="question" dir="auto"><p>')[1][
            :30].replace("&#39;", "'") in text.replace("\n", " ")
    saved = client.post("/basket/options", data={**options(duplex="yes"), "csrf": csrf,
                                                 "then": "save", "file": "water-pack"})
    assert saved.status_code == 200, saved.text
    pack = ws / "content" / "packs" / "water-pack.yaml"
    subprocess.run([sys.executable, "-m", "studypack.cli", "pack", str(pack.relative_to(ws))],
                   cwd=ws, check=True, capture_output=True)
    assert (ws / "out" / "packs" / "water-pack.pdf").read_bytes() == pdf


def test_saving_never_overwrites_another_edit(ws: Path, client: FlaskClient) -> None:
    csrf = csrf_of(client)
    pack = ws / "content" / "packs" / "foreign-policy.yaml"
    before = pack.read_text(encoding="utf-8")
    # Not opened here: a pack of the same name is not replaced, ticked or not.
    client.post("/basket/add", data={"csrf": csrf, "id": ["css-2015-pakistan-affairs-q6"]})
    refused = client.post("/basket/options", data={**options(), "csrf": csrf, "then": "save",
                                                   "file": "foreign-policy", "replace": "1"})
    assert refused.status_code == 409 and "another pack" in refused.text
    assert pack.read_text(encoding="utf-8") == before
    # Opened, then changed on disk by someone else: refused, both kept.
    client.post("/packs/open", data={"csrf": csrf, "name": "foreign-policy"})
    pack.write_text(before + "# a colleague's note\n", encoding="utf-8")
    stale = client.post("/basket/options", data={**options(title="Foreign Policy"),
                                                 "csrf": csrf, "then": "save",
                                                 "file": "foreign-policy", "replace": "1"})
    assert stale.status_code == 409 and "changed on disk" in stale.text
    assert pack.read_text(encoding="utf-8").endswith("# a colleague's note\n")


def test_opening_and_saving_a_pack_keeps_its_comments_and_selection(
        ws: Path, client: FlaskClient) -> None:
    csrf = csrf_of(client)
    pack = ws / "content" / "packs" / "foreign-policy.yaml"
    before = pack.read_text(encoding="utf-8")
    client.post("/packs/open", data={"csrf": csrf, "name": "foreign-policy"})
    basket = client.get("/basket").text
    assert 'value="Foreign Policy"' in basket
    saved = client.post("/basket/options", data={
        **options(title="Foreign Policy", edition="Evening batch", revision_grid="1"),
        "csrf": csrf, "then": "save", "file": "foreign-policy", "replace": "1"})
    assert saved.status_code == 200, saved.text
    after = pack.read_text(encoding="utf-8")
    assert "edition: Evening batch" in after
    # The selection, its comment and the file's first comment are as written.
    assert "# the first named topic an answer has is its section" in after
    assert after.splitlines()[0] == before.splitlines()[0]
    assert "ids:" not in after
    # A setting the file left at its default is not written into it.
    assert "order:" not in before and "order:" not in after
    # Emptied, the basket is a new pack, not the one opened.
    client.post("/basket/remove", data={"csrf": csrf, "all": "1"})
    fresh = client.get("/basket").text
    assert "pack foreign-policy" not in fresh and 'value="Study Pack"' in fresh


def test_pack_names_are_looked_up_not_used_as_paths(ws: Path, client: FlaskClient) -> None:
    csrf = csrf_of(client)
    for name in ("../../studypack", "/etc/passwd", "foreign-policy.yaml"):
        response = client.post("/packs/open", data={"csrf": csrf, "name": name})
        assert response.status_code == 422
        assert "there is no pack named" in response.text
    client.post("/basket/add", data={"csrf": csrf, "id": ["css-2015-pakistan-affairs-q6"]})
    bad = client.post("/basket/options", data={**options(), "csrf": csrf, "then": "save",
                                               "file": "../outside"})
    assert bad.status_code == 409 and "is not a pack name" in bad.text
    assert not (ws / "content" / "outside.yaml").exists()


def test_a_worksheet_and_its_folded_booklet_from_the_basket(ws: Path,
                                                            client: FlaskClient) -> None:
    csrf = csrf_of(client)
    picked = ids_on(client.get("/?q=water").text)[:3]
    client.post("/basket/add", data={"csrf": csrf, "id": picked, "back": "/"})
    sheet = options(kind="worksheet", impose="booklet")
    preview = client.post("/basket/options", data={**sheet, "csrf": csrf, "then": "preview"})
    assert wait_for(client, preview.location)["state"] == "done"
    page = client.get(preview.location).text
    # No cover or contents: the preview is the worksheet's first two pages.
    assert re.findall(r"<figcaption>page (\d+)</figcaption>", page) == ["1", "2"]
    _, _, pdf = got(client, f"{preview.location}/pdf")
    (ws / "sheet.pdf").write_bytes(pdf)
    first = PdfReader(ws / "sheet.pdf").pages[0].extract_text()
    assert "Name" in first and "Roll" in first and "Water Pack" in first
    status, kind, folded = got(client, f"{preview.location}/sheets")
    assert status == 200 and kind == "application/pdf"
    (ws / "folded.pdf").write_bytes(folded)
    pages = len(PdfReader(ws / "sheet.pdf").pages)
    sides = PdfReader(ws / "folded.pdf").pages
    # A5 pages two to an A4 side, landscape: a side per two pages padded to fours.
    assert len(sides) == -(-pages // 4) * 2
    assert sides[0].mediabox.width > sides[0].mediabox.height
    saved = client.post("/basket/options", data={**sheet, "csrf": csrf, "then": "save",
                                                 "file": "water-test"})
    assert saved.status_code == 200, saved.text
    text = (ws / "content" / "packs" / "water-test.yaml").read_text(encoding="utf-8")
    assert "kind: worksheet" in text and "impose: booklet" in text
    subprocess.run([sys.executable, "-m", "studypack.cli", "pack",
                    "content/packs/water-test.yaml"], cwd=ws, check=True, capture_output=True)
    assert (ws / "out" / "packs" / "water-test.pdf").read_bytes() == pdf
    assert (ws / "out" / "packs" / "water-test-booklet.pdf").read_bytes() == folded


def test_a_teacher_s_edition_is_saved_into_the_pack_s_worksheet_settings(
        ws: Path, client: FlaskClient) -> None:
    csrf = csrf_of(client)
    pack = ws / "content" / "packs" / "foreign-policy-test.yaml"
    client.post("/packs/open", data={"csrf": csrf, "name": "foreign-policy-test"})
    basket = client.get("/basket").text
    assert '<option value="worksheet" selected>' in basket
    # The tick means nothing on an answer key: it builds one, named for what it is.
    key = client.post("/basket/options", data={
        **options(title="Foreign Policy Test", kind="answer-key", answers="1"), "csrf": csrf,
        "then": "build"})
    assert wait_for(client, key.location)["state"] == "done"
    assert "foreign-policy-test-answer-key.pdf" in client.get(key.location).text
    saved = client.post("/basket/options", data={
        **options(title="Foreign Policy Test", kind="worksheet", answers="1",
                  class_name="CSS evening batch", time_allowed="2 hours"), "csrf": csrf,
        "then": "save", "file": "foreign-policy-test", "replace": "1"})
    assert saved.status_code == 200, saved.text
    after = pack.read_text(encoding="utf-8")
    # The worksheet's own settings and their comments stay; the switch joins them.
    assert "lines_per_mark: 0.75   # a class test" in after and "answers: true" in after
    assert "time_allowed: 2 hours" in after and "class: CSS evening batch" in after
    client.post("/packs/open", data={"csrf": csrf, "name": "foreign-policy-test"})
    assert 'name="answers" value="1" checked' in client.get("/basket").text
    subprocess.run([sys.executable, "-m", "studypack.cli", "pack", str(pack.relative_to(ws))],
                   cwd=ws, check=True, capture_output=True)
    text = "".join(p.extract_text() for p in
                   PdfReader(ws / "out" / "packs" / "foreign-policy-test.pdf").pages)
    # The model answers are printed in place of the lines.
    assert "The legacy of the trust deficit" in text


def test_handout_download(client: FlaskClient, ws: Path) -> None:
    (ws / "h.pdf").write_bytes(handout_pdf(client, "css-2015-pakistan-affairs-q6"))
    assert "Kashmir" in PdfReader(ws / "h.pdf").pages[0].extract_text()


def test_a_failed_build_says_why_on_the_page(ws: Path, client: FlaskClient) -> None:
    csrf = csrf_of(client)
    client.post("/basket/add", data={"csrf": csrf, "id": ["css-2015-pakistan-affairs-q6"]})
    client.post("/basket/options", data={**options(), "csrf": csrf})
    # The answer's file goes away between picking and building.
    next((ws / "content").rglob("2015-q6.yaml")).unlink()
    job = client.post("/basket/options", data={**options(), "csrf": csrf, "then": "build"})
    assert wait_for(client, job.location)["state"] == "failed"
    page = client.get(job.location).text
    assert "css-2015-pakistan-affairs-q6" in page and "Traceback" not in page


def test_oversize_request_is_refused_with_a_message(client: FlaskClient) -> None:
    csrf = csrf_of(client)
    response = client.post("/basket/add", data={"csrf": csrf, "id": "x" * (6 * 1024 * 1024)})
    assert response.status_code == 413
    assert "larger than 5 MB" in response.text


def test_password_guards_every_page(ws: Path) -> None:
    assert password_record(ws) is None
    path = set_password(ws, "correct horse battery")
    assert "correct horse" not in path.read_text(encoding="utf-8")
    app = create_app(ws, ws / "content", password=password_record(ws))
    client = app.test_client()
    try:
        assert client.get("/").status_code == 302
        login = client.get("/login").text
        token = re.search(r'name="csrf" value="([^"]+)"', login)
        assert token
        wrong = client.post("/login", data={"csrf": token.group(1), "password": "guess"})
        assert wrong.status_code == 401
        right = client.post("/login?next=//evil.example/", data={
            "csrf": token.group(1), "password": "correct horse battery"})
        assert right.status_code == 302 and right.location == "/"
        assert client.get("/").status_code == 200
    finally:
        app.extensions["studypack"].builds.shutdown()


def test_serving_beyond_this_machine_needs_a_password(ws: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "studypack.cli", "serve", "--host", "0.0.0.0",
                           "--port", "8799"], check=False, cwd=ws, capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 2
    assert "studypack serve --set-password" in done.stderr
    assert "Traceback" not in done.stderr


# The answer forms: edit one file, import through the review form.

PASTED = (ROOT / "tests" / "data" / "web" / "pasted-answer.txt")


def form_of_page(page: str) -> dict[str, str]:
    """The values of a page's answer form, as a browser would send them back."""
    import html

    fields = dict(re.findall(r'<input id="f-([\w-]+)" name="[\w-]+" value="([^"]*)"', page))
    fields.update(re.findall(r'<textarea id="f-([\w-]+)" name="[\w-]+"[^>]*>([^<]*)</textarea>',
                             page, re.S))
    fields.update(re.findall(r'<input type="hidden" name="(digest)" value="([^"]*)"', page))
    return {k: html.unescape(v) for k, v in fields.items()}


def test_edit_keeps_comments_and_layout_and_shows_in_the_handout(ws: Path,
                                                                client: FlaskClient) -> None:
    csrf = csrf_of(client)
    path = next((ws / "content").rglob("2015-q6.yaml"))
    path.write_text("# Checked by Ms Rabia, Nov 2026\n" + path.read_text(encoding="utf-8"),
                    encoding="utf-8")
    before = path.read_text(encoding="utf-8")
    form = form_of_page(client.get("/q/css-2015-pakistan-affairs-q6/edit").text)
    assert form["points-1-heading"] == "Origins in 1947 — the disputed accession"
    form["points-1-heading"] = "How the dispute began in 1947"
    saved = client.post("/q/css-2015-pakistan-affairs-q6/edit", data={**form, "csrf": csrf})
    assert saved.status_code == 302 and "saved=1" in saved.location
    after = path.read_text(encoding="utf-8")
    changed = [(a, b) for a, b in zip(before.splitlines(), after.splitlines(), strict=True)
               if a != b]
    # The heading changed, and the outline line that named it (the form shows no
    # outline, which would otherwise print the old words); the comment, the key
    # order, the flow list and the folded question are as they were.
    assert changed == [("  - Origins in 1947 — the disputed accession",
                        "  - How the dispute began in 1947"),
                       ("  - heading: Origins in 1947 — the disputed accession",
                        "  - heading: How the dispute began in 1947")]
    (ws / "h.pdf").write_bytes(handout_pdf(client, "css-2015-pakistan-affairs-q6"))
    text = "".join(p.extract_text() for p in PdfReader(ws / "h.pdf").pages)
    assert "How the dispute began in 1947" in text


def test_edit_with_problems_writes_nothing_and_says_where(ws: Path,
                                                         client: FlaskClient) -> None:
    csrf = csrf_of(client)
    path = next((ws / "content").rglob("2015-q6.yaml"))
    before = path.read_text(encoding="utf-8")
    form = form_of_page(client.get("/q/css-2015-pakistan-affairs-q6/edit").text)
    form.update({"year": "twenty", "points-2-heading": "", "number": ""})
    response = client.post("/q/css-2015-pakistan-affairs-q6/edit", data={**form, "csrf": csrf})
    assert response.status_code == 422
    assert path.read_text(encoding="utf-8") == before
    # Each problem sits in its field's box.
    year_box = response.text.split('id="f-year"')[1].split('class="field ')[0]
    assert "field-problem" in year_box
    heading_box = response.text.split('id="f-points-2-heading"')[1].split('class="field ')[0]
    assert "field-problem" in heading_box
    # An emptied number would make a draft, which drops out of the bank: refused too.
    number_box = response.text.split('id="f-number"')[1].split('class="field ')[0]
    assert "must not be empty" in number_box


def test_a_stale_edit_overwrites_nothing_and_shows_both(ws: Path, client: FlaskClient) -> None:
    csrf = csrf_of(client)
    path = next((ws / "content").rglob("2015-q6.yaml"))
    form = form_of_page(client.get("/q/css-2015-pakistan-affairs-q6/edit").text)
    theirs = path.read_text(encoding="utf-8").replace("peaceful resolution.",
                                                      "peaceful settlement.")
    path.write_text(theirs, encoding="utf-8")
    form["conclusion"] = "My own conclusion."
    response = client.post("/q/css-2015-pakistan-affairs-q6/edit", data={**form, "csrf": csrf})
    assert response.status_code == 409
    assert path.read_text(encoding="utf-8") == theirs
    assert "peaceful settlement." in response.text and "My own conclusion." in response.text
    assert "Nothing was written" in response.text


def run_import(client: FlaskClient, data: dict[str, object]) -> str:
    started = client.post("/import", data={**data, "csrf": csrf_of(client)},
                          content_type="multipart/form-data")
    assert started.status_code == 302, started.text
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        page = client.get(started.location).text
        if 'data-state="queued"' not in page and 'data-state="running"' not in page:
            return page
        time.sleep(0.2)
    raise AssertionError("the import did not finish")


def test_import_pasted_answer_through_the_review_form(ws: Path, client: FlaskClient) -> None:
    review = run_import(client, {"text": PASTED.read_text(encoding="utf-8"), "exam": "PMS"})
    assert "Review the import" in review
    assert '<span class="mark missing">missing</span>' in review
    form = form_of_page(review)
    assert form["points-3-heading"] == "Canal colonies and the new rural order"
    # What the user typed is marked as given, not as read from the page; empty
    # gists are not marked at all.
    assert re.search(r'for="f-exam">Exam <span class="mark given">', review)
    assert not re.search(r'for="f-points-1-gist">[^<]*<span class="mark', review)
    action = re.search(r'action="(/import/[^"]+)"', review)
    assert action
    # Nothing is written before the user saves.
    assert not list((ws / "content").rglob("pms-*.yaml"))
    form.update({"paper": "Pakistan Affairs", "year": "2022", "csrf": csrf_of(client)})
    saved = client.post(action.group(1), data=form)
    assert saved.status_code == 302, saved.text
    assert saved.location.startswith("/q/pms-2022-pakistan-affairs-q3")
    written = ws / "content" / "pakistan-affairs" / "pms-2022-q3.yaml"
    assert written.is_file()
    bank = client.get("/?q=canal+colonies").text
    assert ids_on(bank) == ["pms-2022-pakistan-affairs-q3"]
    # The same again is refused: an answer in the bank is never replaced.
    again = client.post(action.group(1), data=form)
    assert again.status_code == 422 and "already" in again.text
    # Edited later, the imported file keeps its own list indentation.
    before = written.read_text(encoding="utf-8")
    edit = form_of_page(client.get("/q/pms-2022-pakistan-affairs-q3/edit").text)
    edit["points-1-gist"] = "Annexed in 1849 and run by a board."
    assert client.post("/q/pms-2022-pakistan-affairs-q3/edit",
                       data={**edit, "csrf": csrf_of(client)}).status_code == 302
    after = written.read_text(encoding="utf-8")
    added = [line for line in after.splitlines() if line not in before.splitlines()]
    assert added == ["  gist: Annexed in 1849 and run by a board."], added


def test_import_refuses_what_it_cannot_read(client: FlaskClient) -> None:
    csrf = csrf_of(client)
    from io import BytesIO

    odd = client.post("/import", data={"csrf": csrf, "file": (BytesIO(b"MZ\x00\x01"),
                                                              "setup.exe")},
                      content_type="multipart/form-data")
    assert odd.status_code == 422 and "cannot import a .exe file" in odd.text
    empty = client.post("/import", data={"csrf": csrf, "text": "  "})
    assert empty.status_code == 422 and "Nothing to import" in empty.text
    page = run_import(client, {"text": "Home | About us | Courses | Contact\nFees and "
                                       "admissions open for the spring batch."})
    assert "Nothing was imported" in page and "Traceback" not in page


def test_a_fresh_workspace_serves_its_starter_answers(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from .conftest import started_workspace

    ws, _ = started_workspace(tmp_path, monkeypatch)
    app = create_app(ws, ws / "content")
    try:
        client = app.test_client()
        page = client.get("/").text
        shown = ids_on(page)
        assert len(shown) == 2
        assert client.get(f"/q/{shown[0]}").status_code == 200
        assert "The basket is empty" in client.get("/basket").text
    finally:
        app.extensions["studypack"].builds.shutdown()


def test_a_search_of_many_repeated_words_is_quick(client: FlaskClient) -> None:
    started = time.monotonic()
    page = client.get("/?q=" + "+".join(["a"] * 5000))
    assert page.status_code == 200
    assert time.monotonic() - started < 5


@pytest.mark.parametrize("url", ["/?page=99999999999999999999999", "/?to=9" * 1 + "9" * 30,
                                 "/?marks=%C2%B2", "/?from=%C2%B2&to=%C2%B2"])
def test_odd_numbers_in_the_address_are_ignored(client: FlaskClient, url: str) -> None:
    assert client.get(url).status_code == 200


@pytest.mark.parametrize("back", ["//evil.example/", "/\t/evil.example", "/\\evil.example",
                                  "https://evil.example/", "/\r\nX-Evil: 1"])
def test_redirects_stay_on_this_server(client: FlaskClient, back: str) -> None:
    response = client.post("/basket/add", data={"csrf": csrf_of(client), "back": back,
                                                "id": "css-2015-pakistan-affairs-q6"})
    assert response.status_code == 302 and response.location == "/"


def test_a_workbench_on_this_machine_answers_to_its_own_names_only(ws: Path) -> None:
    from studypack.web.app import LOOPBACK_NAMES

    app = create_app(ws, ws / "content", hosts=LOOPBACK_NAMES)
    try:
        client = app.test_client()
        assert client.get("/", headers={"Host": "127.0.0.1:8765"}).status_code == 200
        assert client.get("/", headers={"Host": "localhost:8765"}).status_code == 200
        # DNS rebinding: a site's own name pointed at 127.0.0.1.
        rebound = client.get("/", headers={"Host": "rebind.evil.example:8765"})
        assert rebound.status_code == 403
        foreign = client.get("/", headers={"Host": "127.0.0.1:8765",
                                           "Origin": "http://evil.example"})
        assert foreign.status_code == 403
    finally:
        app.extensions["studypack"].builds.shutdown()


def test_a_job_is_looked_up_as_its_own_kind(client: FlaskClient) -> None:
    started = client.post("/q/css-2015-pakistan-affairs-q6/handout",
                          data={"csrf": csrf_of(client)})
    job = started.location.rsplit("/", 1)[1]
    wait_for(client, started.location)
    assert client.get(f"/import/{job}").status_code == 404
    assert client.post(f"/import/{job}/1", data={"csrf": csrf_of(client)}).status_code == 404


def test_import_refuses_addresses_on_this_machine(client: FlaskClient) -> None:
    for address in ("http://127.0.0.1:8765/", "http://169.254.169.254/latest/",
                    "http://10.0.0.5/notes"):
        refused = client.post("/import", data={"csrf": csrf_of(client), "address": address})
        assert refused.status_code == 422
        assert "fetches only public pages" in refused.text


def test_a_question_kept_without_an_answer_can_be_edited(ws: Path,
                                                         client: FlaskClient) -> None:
    folder = ws / "content" / "pakistan-affairs" / "questions"
    folder.mkdir(parents=True)
    (folder / "q.yaml").write_text(
        "kind: question\nid: css-2020-pakistan-affairs-list-1\nexam: CSS\n"
        "paper: Pakistan Affairs\nyear: 2020\ntopics: [Kashmir]\n"
        "question: Discuss the Simla Agreement.\n", encoding="utf-8")
    form = form_of_page(client.get("/q/css-2020-pakistan-affairs-list-1/edit").text)
    form["question"] = "Discuss the Simla Agreement of 1972."
    saved = client.post("/q/css-2020-pakistan-affairs-list-1/edit",
                        data={**form, "csrf": csrf_of(client)})
    assert saved.status_code == 302, saved.text
    text = (folder / "q.yaml").read_text(encoding="utf-8")
    assert "Simla Agreement of 1972" in text and "points" not in text
