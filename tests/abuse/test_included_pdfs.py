"""A pack's own PDFs: active content never reaches the pack, and odd files are named.

Included PDFs are the centre's, but they come from anywhere: a form made in
Acrobat carries scripts, a download may embed a program. The pack keeps
their pages, plain links and fillable fields, and leaves the rest out,
saying what. An include that names a device, a pipe, a folder, a link loop
or a file too large is refused with the pack file's line, before anything
is read or written.
"""

from __future__ import annotations

import os
from pathlib import Path

import pikepdf
import pytest
from pypdf import PdfReader

from tests.abuse.harness import assert_refused, no_partial_files, run, snapshot
from tests.abuse.hostile_pdfs import hostile_pdf

PACK = """\
title: Hostile inputs
include:
  - file: {file}
    title: Centre notes
    where: appendix
output: out/packs/hostile.pdf
"""

REMOVED = ("Removed from extra/notes.pdf: 9 JavaScript actions, 2 embedded files, "
           "1 launch action, 1 form submission, 1 data import, 1 link to another file, "
           "1 link to a non-web address, 1 media or 3D object, 1 XFA form "
           "(active content is never copied into a pack)")

UNSAFE_ACTIONS = {"/JavaScript", "/Launch", "/SubmitForm", "/ImportData", "/GoToR", "/GoToE",
                  "/Rendition", "/Movie", "/Sound", "/RichMediaExecute"}
UNSAFE_KEYS = {"/JS", "/AA", "/OpenAction", "/EmbeddedFiles", "/JavaScript", "/EF", "/XFA",
               "/AF"}
UNSAFE_ANNOTATIONS = {"/FileAttachment", "/Sound", "/Movie", "/Screen", "/RichMedia", "/3D"}


def _pack_file(ws: Path, file: str) -> Path:
    pack = ws / "content" / "packs" / "hostile.yaml"
    pack.parent.mkdir(exist_ok=True)
    pack.write_text(PACK.format(file=file), encoding="utf-8")
    return pack


def _every_dictionary(pdf: pikepdf.Pdf) -> list[pikepdf.Dictionary]:
    """Every dictionary and stream dictionary of ``pdf``, direct or not, each once."""
    found: list[pikepdf.Dictionary] = []
    seen: set[tuple[int, int]] = set()
    todo: list[object] = [pdf.trailer, *pdf.objects]
    while todo:
        obj = todo.pop()
        if isinstance(obj, (pikepdf.Dictionary, pikepdf.Stream, pikepdf.Array)):
            if obj.is_indirect:
                if obj.objgen in seen:
                    continue
                seen.add(obj.objgen)
            if isinstance(obj, pikepdf.Array):
                todo.extend(obj)
            else:
                found.append(obj)
                todo.extend(obj.values())
    return found


def test_active_content_of_an_included_pdf_is_left_out_and_listed(ws: Path) -> None:
    (ws / "extra").mkdir()
    hostile_pdf(ws / "extra" / "notes.pdf")
    _pack_file(ws, "extra/notes.pdf")
    before = snapshot(ws)

    result = run(["pack", "content/packs/hostile.yaml"], ws)

    assert result.code == 0, result.text
    assert "Traceback" not in result.text
    assert REMOVED in result.out.splitlines()
    assert snapshot(ws) == before
    assert not no_partial_files(ws)
    output = ws / "out" / "packs" / "hostile.pdf"
    with pikepdf.open(output) as pdf:
        everything = _every_dictionary(pdf)
        assert not [d for d in everything if UNSAFE_KEYS & set(d.keys())]
        assert not [d for d in everything if str(d.get("/S")) in UNSAFE_ACTIONS]
        assert not [d for d in everything if d.get("/Type") == "/EmbeddedFile"]
        assert not [d for d in everything if str(d.get("/Subtype")) in UNSAFE_ANNOTATIONS]
        addresses = {str(d.URI) for d in everything if d.get("/S") == "/URI"}
        assert addresses == {"https://example.org/syllabus", "mailto:office@example.org",
                             "https://example.org/chained",
                             "https://example.org/after-script"}

    reader = PdfReader(output)
    texts = [page.extract_text() for page in reader.pages]
    one = next(i for i, text in enumerate(texts) if "Hostile notes page one" in text)
    two = next(i for i, text in enumerate(texts) if "Hostile notes page two" in text)
    # The link to the file's own second page now leads to that page in the pack.
    jumps = [a.get_object()["/A"] for a in reader.pages[one]["/Annots"]
             if a.get_object().get("/A", {}).get("/S") == "/GoTo"]
    assert [reader.get_page_number(j["/D"][0].get_object()) for j in jumps] == [two]
    assert reader.attachments == {}
    fields = reader.get_fields() or {}
    assert fields["class.student"]["/FT"] == "/Tx"
    widget = next(a.get_object() for a in reader.pages[two]["/Annots"]
                  if a.get_object().get("/T") == "student")
    assert "/N" in widget["/AP"]


def test_removing_active_content_is_a_report_and_the_pack_is_the_same_each_time(
        ws: Path) -> None:
    (ws / "extra").mkdir()
    hostile_pdf(ws / "extra" / "notes.pdf")
    _pack_file(ws, "extra/notes.pdf")
    output = ws / "out" / "packs" / "hostile.pdf"
    assert run(["pack", "content/packs/hostile.yaml"], ws).code == 0
    first = output.read_bytes()

    # A handled input is a note, not a warning: --strict still builds.
    again = run(["pack", "content/packs/hostile.yaml", "--strict", "--no-cache"], ws)

    assert again.code == 0, again.text
    assert REMOVED in again.out.splitlines()
    assert "warning" not in again.text
    assert output.read_bytes() == first


def test_a_pdf_without_active_content_gets_no_report_line(ws: Path) -> None:
    (ws / "extra").mkdir()
    with pikepdf.new() as pdf:
        pdf.add_blank_page()
        pdf.save(ws / "extra" / "notes.pdf")
    _pack_file(ws, "extra/notes.pdf")

    result = run(["pack", "content/packs/hostile.yaml"], ws)

    assert result.code == 0, result.text
    assert "Removed" not in result.text


def _device(ws: Path) -> str:
    return "/dev/zero"


def _linked_device(ws: Path) -> str:
    (ws / "notes.pdf").symlink_to("/dev/zero")
    return "notes.pdf"


def _fifo(ws: Path) -> str:
    os.mkfifo(ws / "notes.pdf")
    return "notes.pdf"


def _folder(ws: Path) -> str:
    (ws / "notes.pdf").mkdir()
    return "notes.pdf"


def _link_loop(ws: Path) -> str:
    (ws / "notes.pdf").symlink_to("other.pdf")
    (ws / "other.pdf").symlink_to("notes.pdf")
    return "notes.pdf"


def _dangling_link(ws: Path) -> str:
    (ws / "notes.pdf").symlink_to("gone.pdf")
    return "notes.pdf"


def _huge(ws: Path) -> str:
    with (ws / "notes.pdf").open("wb") as file:  # sparse: no disk is used
        file.write(b"%PDF-1.4\n")
        file.truncate(600 * 2**20)
    return "notes.pdf"


@pytest.mark.parametrize(("make", "says"), [
    (_device, "/dev/zero is a device, not a PDF file"),
    (_linked_device, "notes.pdf is a device, not a PDF file"),
    (_fifo, "notes.pdf is a named pipe (FIFO), not a PDF file"),
    (_folder, "notes.pdf is a folder, not a PDF"),
    (_link_loop, "notes.pdf is a symbolic link that leads round in a loop"),
    (_dangling_link, "notes.pdf is a symbolic link to gone.pdf, which does not exist"),
    (_huge, "notes.pdf is 600 MB, more than the 512 MB an included PDF may be"),
], ids=["device", "link-to-device", "fifo", "folder", "link-loop", "dangling-link", "huge"])
def test_an_include_that_is_no_pdf_file_is_named_with_its_line(ws: Path, make, says) -> None:
    _pack_file(ws, make(ws))
    before = snapshot(ws)

    result = run(["pack", "content/packs/hostile.yaml"], ws, timeout=30)

    assert_refused(result, code=1, says=["content/packs/hostile.yaml:3:11 include[1].file:",
                                         says])
    assert snapshot(ws) == before
    assert not no_partial_files(ws)
    assert not (ws / "out" / "packs").exists()


def test_check_names_an_include_that_is_a_device(ws: Path) -> None:
    _pack_file(ws, "/dev/zero")

    result = run(["check"], ws, timeout=30)

    assert_refused(result, code=1, says=["content/packs/hostile.yaml:3:11",
                                         "/dev/zero is a device, not a PDF file"])


def test_watching_a_pack_whose_include_loops_lists_its_inputs(ws: Path) -> None:
    from studypack.plan.inputs import pack_inputs

    _link_loop(ws)
    pack = _pack_file(ws, "notes.pdf")

    inputs = pack_inputs(pack, ws / "content", ws)

    assert ws / "notes.pdf" in inputs.files


def _one_page_with(*annots: pikepdf.Dictionary) -> pikepdf.Pdf:
    pdf = pikepdf.new()
    pdf.add_blank_page()
    pdf.pages[0].obj.Annots = pikepdf.Array([pdf.make_indirect(a) for a in annots])
    return pdf


def _link(action: pikepdf.Dictionary) -> pikepdf.Dictionary:
    return pikepdf.Dictionary(Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Link,
                              Rect=[0, 0, 10, 10], A=action)


def _uri(address: str) -> pikepdf.Dictionary:
    return pikepdf.Dictionary(S=pikepdf.Name.URI, URI=pikepdf.String(address))


@pytest.mark.parametrize(("address", "kept"), [
    ("https://example.org", True), ("HTTP://EXAMPLE.ORG", True), ("mailto:a@b.test", True),
    ("javascript:alert(1)", False), ("file:///C:/Windows/system32/calc.exe", False),
    ("\\\\server\\share\\x.exe", False), ("", False),
])
def test_a_link_is_kept_only_to_a_web_or_mail_address(address: str, kept: bool) -> None:
    from studypack.assemble.active_content import NON_WEB, strip_active_content

    pdf = _one_page_with(_link(_uri(address)))

    removed = strip_active_content(pdf)

    assert ("/A" in pdf.pages[0].Annots[0]) is kept
    assert removed.counts[NON_WEB] == (0 if kept else 1)


def test_a_chain_of_actions_that_loops_is_cut_and_counted_once() -> None:
    from studypack.assemble.active_content import JAVASCRIPT, strip_active_content

    pdf = pikepdf.new()
    script = pdf.make_indirect(pikepdf.Dictionary(S=pikepdf.Name.JavaScript,
                                                  JS=pikepdf.String("1")))
    web = pdf.make_indirect(_uri("https://example.org/a"))
    script.Next, web.Next = web, script  # script → web → script → …
    pdf.add_blank_page()
    pdf.pages[0].obj.Annots = pikepdf.Array([pdf.make_indirect(_link(script))])

    removed = strip_active_content(pdf)

    action = pdf.pages[0].Annots[0].A
    assert (str(action.URI), "/Next" in action) == ("https://example.org/a", False)
    assert removed.summary() == "1 JavaScript action" and removed.counts[JAVASCRIPT] == 1


def test_a_pop_up_of_a_removed_attachment_goes_with_it() -> None:
    from studypack.assemble.active_content import strip_active_content

    pdf = pikepdf.new()
    pdf.add_blank_page()
    spec = pikepdf.AttachedFileSpec(pdf, b"payload", filename="x.exe")
    attachment = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.FileAttachment, Rect=[0, 0, 9, 9],
        FS=spec.obj))
    popup = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Popup, Rect=[0, 0, 99, 99],
        Parent=attachment))
    reply = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Text, Rect=[0, 0, 9, 9],
        IRT=attachment, Contents=pikepdf.String("see the file")))
    attachment.Popup = popup
    pdf.pages[0].obj.Annots = pikepdf.Array([attachment, popup, reply])

    assert strip_active_content(pdf).summary() == "1 embedded file"

    (kept,) = pdf.pages[0].Annots
    assert (kept.Subtype, "/IRT" in kept) == ("/Text", False)


def test_an_open_action_that_only_shows_a_page_is_kept() -> None:
    from studypack.assemble.active_content import strip_active_content

    pdf = pikepdf.new()
    pdf.add_blank_page()
    pdf.Root.OpenAction = pikepdf.Array([pdf.pages[0].obj, pikepdf.Name.Fit])

    assert not strip_active_content(pdf)
    assert "/OpenAction" in pdf.Root


def _with_link_action(action: pikepdf.Dictionary, pdf: pikepdf.Pdf) -> pikepdf.Pdf:
    import pikepdf

    page = pdf.pages[0]
    link = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Annot,
                                                Subtype=pikepdf.Name.Link,
                                                Rect=[0, 0, 10, 10], A=action))
    page.obj.Annots = pikepdf.Array([link])
    return pdf


def test_script_at_the_end_of_a_long_chain_is_cut_with_the_chain() -> None:
    import pikepdf

    from studypack.assemble.active_content import strip_active_content

    pdf = pikepdf.new()
    pdf.add_blank_page()
    tail = pdf.make_indirect(pikepdf.Dictionary(S=pikepdf.Name.Launch, F="calc.exe"))
    tail = pdf.make_indirect(pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS="app.alert(1)",
                                                Next=tail))
    for _ in range(70):
        tail = pdf.make_indirect(pikepdf.Dictionary(S=pikepdf.Name.Named,
                                                    N=pikepdf.Name.NextPage, Next=tail))
    head = pikepdf.Dictionary(S=pikepdf.Name.URI, URI="https://example.org", Next=tail)
    _with_link_action(head, pdf)
    removed = strip_active_content(pdf)
    assert removed.counts and "over-long chain of actions" in removed.summary()
    kept = pdf.pages[0].obj.Annots[0].A
    steps, node = 0, kept
    while node is not None:
        assert "/JS" not in node and node.get("/S") != pikepdf.Name.Launch
        steps += 1
        following = node.get("/Next")
        node = following[0] if isinstance(following, pikepdf.Array) else following
    assert steps <= 64


def test_a_chain_sharing_its_followers_is_checked_once_each_not_down_every_path() -> None:
    import time

    import pikepdf

    from studypack.assemble.active_content import strip_active_content

    pdf = pikepdf.new()
    pdf.add_blank_page()
    node = pdf.make_indirect(pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS="x"))
    for _ in range(40):  # 2**40 paths through 41 objects
        node = pdf.make_indirect(pikepdf.Dictionary(S=pikepdf.Name.Named,
                                                    N=pikepdf.Name.NextPage,
                                                    Next=pikepdf.Array([node, node])))
    _with_link_action(node, pdf)
    started = time.perf_counter()
    removed = strip_active_content(pdf)
    assert time.perf_counter() - started < 5
    assert "JavaScript action" in removed.summary()


def test_an_embedded_file_under_an_unknown_key_or_a_thread_action_is_removed() -> None:
    import pikepdf

    from studypack.assemble.active_content import strip_active_content

    pdf = pikepdf.new()
    pdf.add_blank_page()
    payload = pdf.make_stream(b"MZ payload", Type=pikepdf.Name.EmbeddedFile)
    spec = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Filespec, F="x.exe",
                                                EF=pikepdf.Dictionary(F=payload)))
    pdf.pages[0].obj.Foo = spec
    _with_link_action(pikepdf.Dictionary(S=pikepdf.Name.Thread, D=0, F=spec), pdf)
    removed = strip_active_content(pdf)
    assert "1 embedded file" in removed.summary() and "1 link to another file" in removed.summary()
    assert all(not (isinstance(o, pikepdf.Dictionary) and "/EF" in o) for o in pdf.objects)
    assert "/A" not in pdf.pages[0].obj.Annots[0]
