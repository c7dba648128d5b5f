"""Included PDFs that carry active content, made here with pikepdf.

Each file is built object by object, so a test knows exactly how many of
each kind it holds: what the pack must drop, and what it must keep (plain
links, a link to the file's own page, a fillable field with its look).
"""

from __future__ import annotations

from pathlib import Path

from pikepdf import (
    Array,
    AttachedFileSpec,
    Dictionary,
    Name,
    NameTree,
    Pdf,
    String,
)

A4 = (595.2756, 841.8898)
HELVETICA = Dictionary(Font=Dictionary(F1=Dictionary(Type=Name.Font, Subtype=Name.Type1,
                                                     BaseFont=Name.Helvetica)))


def _script(code: str, then: Dictionary | None = None) -> Dictionary:
    action = Dictionary(Type=Name.Action, S=Name.JavaScript, JS=String(code))
    if then is not None:
        action.Next = then
    return action


def _link(pdf: Pdf, rect: tuple[float, float, float, float], action: Dictionary) -> Dictionary:
    return pdf.make_indirect(Dictionary(Type=Name.Annot, Subtype=Name.Link, Rect=Array(rect),
                                        Border=Array([0, 0, 0]), A=action))


def _page(pdf: Pdf, text: str) -> Dictionary:
    pdf.add_blank_page(page_size=A4)
    page = pdf.pages[-1].obj
    page.Resources = HELVETICA
    page.Contents = pdf.make_stream(f"BT /F1 14 Tf 72 760 Td ({text}) Tj ET".encode())
    return page


def _appearance(pdf: Pdf, width: float, height: float, text: str = "") -> Dictionary:
    stream = pdf.make_stream(
        f"0.9 g 0 0 {width} {height} re f BT /F1 10 Tf 2 6 Td ({text}) Tj ET".encode())
    stream.Type, stream.Subtype = Name.XObject, Name.Form
    stream.BBox, stream.Resources = Array([0, 0, width, height]), HELVETICA
    return Dictionary(N=stream)


def hostile_pdf(path: Path) -> Path:
    """Two pages of notes laced with every kind of active content studypack strips.

    What it holds, in the counts the build report must give:

    - JavaScript actions (9): the open action, the document's "will close"
      action, one document-level script in the /JavaScript name tree, page 1's
      "on open" action, a link's script, a script chained (/Next) after a web
      link, a script with a web link chained after it, the field "student"'s
      keystroke script and its parent field "class"'s calculation.
    - Embedded files (2): one in the /EmbeddedFiles name tree, one on a
      /FileAttachment annotation.
    - Launch actions (1), form submissions (1), data imports (1), links to
      another file (1, /GoToR), links to a non-web address (1, file:),
      media or 3D objects (1, a /Sound annotation), XFA forms (1).

    What must survive: a https link, a mailto link, a /GoTo link to page 2,
    the two https links chained with scripts, and the fillable field
    "class.student" with its appearance.
    """
    pdf = Pdf.new()
    one = _page(pdf, "Hostile notes page one")
    two = _page(pdf, "Hostile notes page two")
    pdf.Root.OpenAction = pdf.make_indirect(_script("app.alert('opened')"))
    pdf.Root.AA = Dictionary(WC=_script("app.alert('closing')"))
    scripts = NameTree.new(pdf)
    scripts["startup"] = _script("this.print()")
    payload = AttachedFileSpec(pdf, b"MZ pretend program", filename="setup.exe")
    files = NameTree.new(pdf)
    files["setup.exe"] = payload.obj
    pdf.Root.Names = Dictionary(JavaScript=scripts.obj, EmbeddedFiles=files.obj)
    one.AA = Dictionary(O=_script("app.alert('page one')"))
    web = Dictionary(S=Name.URI, URI=String("https://example.org/syllabus"))
    annots = [
        _link(pdf, (72, 700, 300, 720), web),
        _link(pdf, (72, 670, 300, 690), Dictionary(S=Name.URI,
                                                   URI=String("mailto:office@example.org"))),
        _link(pdf, (72, 640, 300, 660), Dictionary(S=Name.GoTo, D=Array([two, Name.Fit]))),
        _link(pdf, (72, 610, 300, 630), _script("app.launchURL('http://x.test')")),
        _link(pdf, (72, 580, 300, 600), Dictionary(
            S=Name.URI, URI=String("https://example.org/chained"),
            Next=_script("app.alert('after the link')"))),
        _link(pdf, (72, 460, 300, 480), _script(
            "app.alert('before the link')",
            then=Dictionary(S=Name.URI, URI=String("https://example.org/after-script")))),
        _link(pdf, (72, 550, 300, 570), Dictionary(
            S=Name.Launch, F=String("cmd.exe"), Win=Dictionary(F=String("cmd.exe")))),
        _link(pdf, (72, 520, 300, 540), Dictionary(S=Name.GoToR, F=String("other.pdf"),
                                                   D=Array([0, Name.Fit]))),
        _link(pdf, (72, 490, 300, 510), Dictionary(S=Name.URI,
                                                   URI=String("file:///etc/passwd"))),
        pdf.make_indirect(Dictionary(
            Type=Name.Annot, Subtype=Name.FileAttachment, Rect=Array([400, 700, 420, 720]),
            FS=AttachedFileSpec(pdf, b"macro document", filename="notes.docm").obj,
            Contents=String("Open me"))),
        pdf.make_indirect(Dictionary(
            Type=Name.Annot, Subtype=Name.Sound, Rect=Array([400, 650, 420, 670]),
            Sound=pdf.make_stream(b"\x00" * 64, R=8000, C=1, B=8, E=Name.Raw))),
    ]
    one.Annots = Array(annots)
    group = pdf.make_indirect(Dictionary(
        T=String("class"), AA=Dictionary(C=_script("event.value = 1;"))))
    field = pdf.make_indirect(Dictionary(
        Type=Name.Annot, Subtype=Name.Widget, FT=Name.Tx, T=String("student"), Parent=group,
        Rect=Array([170, 700, 370, 720]), F=4, P=two, DA=String("/F1 10 Tf 0 g"),
        AP=_appearance(pdf, 200, 20),
        AA=Dictionary(K=_script("AFSpecial_Keystroke(0);"))))
    submit = pdf.make_indirect(Dictionary(
        Type=Name.Annot, Subtype=Name.Widget, FT=Name.Btn, Ff=65536, T=String("send"),
        Rect=Array([170, 650, 270, 670]), F=4, P=two, AP=_appearance(pdf, 100, 20, "Send"),
        A=Dictionary(S=Name.SubmitForm, F=Dictionary(FS=Name.URL,
                                                     F=String("https://collect.test/")))))
    fetch = pdf.make_indirect(Dictionary(
        Type=Name.Annot, Subtype=Name.Widget, FT=Name.Btn, Ff=65536, T=String("load"),
        Rect=Array([280, 650, 380, 670]), F=4, P=two, AP=_appearance(pdf, 100, 20, "Load"),
        A=Dictionary(S=Name.ImportData, F=String("answers.fdf"))))
    group.Kids = Array([field])
    two.Annots = Array([field, submit, fetch])
    pdf.Root.AcroForm = Dictionary(Fields=Array([group, submit, fetch]),
                                   DA=String("/F1 10 Tf 0 g"), DR=HELVETICA,
                                   XFA=pdf.make_stream(b"<xdp:xdp><script>app.alert(1)"
                                                       b"</script></xdp:xdp>"))
    pdf.save(path, deterministic_id=True)
    return path
