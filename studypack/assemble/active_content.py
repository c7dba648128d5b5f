"""Active content out of an included PDF: a PDF opened by qpdf → the same PDF, inert.

A centre's own PDF may carry more than pages: scripts that run when it opens
or a field is typed in, actions that start programs, send a form's answers
to the internet or open other files, files embedded in it, and media
players. None of it belongs in a pack a class is handed, so the merger
passes every included PDF through ``strip_active_content`` before copying
its pages, and the build reports what went.

What goes, and why, is the tables below (``UNSAFE_ACTIONS``,
``UNSAFE_ANNOTATIONS``, ``NAME_TREES``); any action of a type that is not
listed as safe goes too. Kept: links to web pages and e-mail addresses,
links within the file (the merger points them at the pack's pages), and
form fields with their looks, still fillable.

Input: an included PDF opened by pikepdf (changed in place; it is never saved).
Output: how many things of each kind were removed (``Removed``).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from pikepdf import Array, Dictionary, Name, NameTree, Object, Pdf, PdfError, String


@dataclass(frozen=True)
class Kind:
    """A kind of active content: how the report names it, and why it is removed."""

    one: str
    many: str
    why: str

    def counted(self, n: int) -> str:
        """``n`` with the singular or plural name: "1 JavaScript action", "3 … actions"."""
        return f"{n} {self.one if n == 1 else self.many}"


JAVASCRIPT = Kind("JavaScript action", "JavaScript actions",
                  "runs script in the reader: on opening, on a click, as a field is typed in")
EMBEDDED = Kind("embedded file", "embedded files",
                "a file inside the PDF, which the reader offers to open: a program, a "
                "document with macros")
LAUNCH = Kind("launch action", "launch actions",
              "starts a program or opens a file on the reader's computer")
SUBMIT = Kind("form submission", "form submissions",
              "sends what a student typed into the form to an address on the internet")
IMPORT = Kind("data import", "data imports",
              "fills the form from a file on the reader's computer")
OTHER_FILE = Kind("link to another file", "links to other files",
                  "opens a PDF outside the pack (GoToR, GoToE), missing from a student's copy "
                  "or not the one meant")
NON_WEB = Kind("link to a non-web address", "links to non-web addresses",
               "a link other than http, https or mailto (file:, javascript:, a network "
               "share) can open files or run script")
MEDIA = Kind("media or 3D object", "media or 3D objects",
             "sound, movie, rich media and 3D players can run script and fetch content")
XFA = Kind("XFA form", "XFA forms",
           "an XML form carries scripts of its own; the form's ordinary fields are kept")
LONG_CHAIN = Kind("over-long chain of actions", "over-long chains of actions",
                  "a chain of more actions than any real link needs is cut where checking "
                  "stops, as its rest cannot be called safe")
OTHER_ACTION = Kind("action of an unknown kind", "actions of unknown kinds",
                    "an action type the PDF standard does not list as safe")

KINDS = (JAVASCRIPT, EMBEDDED, LAUNCH, SUBMIT, IMPORT, OTHER_FILE, NON_WEB, MEDIA, XFA,
         LONG_CHAIN, OTHER_ACTION)
"""Every kind, in the order the report lists them."""

UNSAFE_ACTIONS: dict[str, Kind] = {
    "/JavaScript": JAVASCRIPT, "/Launch": LAUNCH, "/SubmitForm": SUBMIT,
    "/ImportData": IMPORT, "/GoToR": OTHER_FILE, "/GoToE": OTHER_FILE, "/GoToDp": OTHER_FILE,
    "/Rendition": MEDIA, "/Movie": MEDIA, "/Sound": MEDIA, "/RichMediaExecute": MEDIA,
    "/GoTo3DView": MEDIA,
}
"""Action types (PDF 1.7, 12.6.4; PDF 2.0 for GoToDp) removed, with why."""

SAFE_ACTIONS = frozenset({"/GoTo", "/URI", "/Named", "/Hide", "/ResetForm", "/SetOCGState",
                          "/Trans", "/Thread"})
"""Action types kept: they move within the document, show or hide, or reset a form
(a /URI only to a web or e-mail address, see ``WEB_SCHEMES``)."""

WEB_SCHEMES = ("http://", "https://", "mailto:")
"""The addresses a kept link may lead to."""

UNSAFE_ANNOTATIONS: dict[str, Kind] = {
    "/FileAttachment": EMBEDDED, "/Sound": MEDIA, "/Movie": MEDIA, "/Screen": MEDIA,
    "/RichMedia": MEDIA, "/3D": MEDIA,
}
"""Annotation subtypes removed whole (PDF 1.7, 12.5.6; RichMedia: Adobe's extension)."""

NAME_TREES: dict[str, Kind] = {"/JavaScript": JAVASCRIPT, "/EmbeddedFiles": EMBEDDED}
"""Entries of the catalog's /Names removed whole; each name in them counts once."""

ACTION_KEYS = ("/A", "/PA")
"""Where an annotation or field holds the one action it runs (PA: a link's former URI)."""

DEPTH = 64
"""How deep a tree of fields is followed; real files go a few steps deep."""
CHAIN_LIMIT = 64
"""Actions in one chain that are checked; real links run one to a few."""


@dataclass
class Removed:
    """How many of each kind ``strip_active_content`` took out of one file."""

    counts: Counter[Kind] = field(default_factory=Counter)

    def __bool__(self) -> bool:
        return bool(+self.counts)

    def summary(self) -> str:
        """E.g. "2 JavaScript actions, 1 embedded file", in the order of ``KINDS``."""
        return ", ".join(kind.counted(self.counts[kind]) for kind in KINDS
                         if self.counts[kind])


def removal_line(shown: str, removed: Removed) -> str:
    """The build report's line for one file, e.g. "Removed from notes.pdf: 1 launch action (…)"."""
    return (f"Removed from {shown}: {removed.summary()} (active content is never copied "
            "into a pack)")


def strip_active_content(pdf: Pdf) -> Removed:
    """Remove every kind of active content from ``pdf``, in place.

    Document level: the catalog's /OpenAction (a plain destination is kept),
    /AA, /AF and the /JavaScript and /EmbeddedFiles name trees, and an
    AcroForm's XFA. Page level: /AA and /AF. Annotations: the unsafe
    subtypes, and unsafe actions in /A, /PA and /AA, following /Next chains
    (a chain loses its unsafe links and keeps the rest, in order). Form
    fields: the same for every field of the AcroForm and each widget's
    parent fields.

    Args:
        pdf: An included PDF, as qpdf opened it; its pages have not been copied.

    Returns:
        The count of each kind removed (empty for a file without active content).
    """
    stripper = _Stripper()
    stripper.catalog(pdf)
    for page in pdf.pages:
        stripper.page(page.obj)
    form = pdf.Root.get("/AcroForm")
    if isinstance(form, Dictionary):
        stripper.fields(form.get("/Fields"), 0)
    stripper.embedded_anywhere(pdf)
    return Removed(stripper.found)


class _Stripper:
    def __init__(self) -> None:
        self.found: Counter[Kind] = Counter()
        self.done: set[tuple[int, int]] = set()  # holders already cleaned (shared objects)
        self.walked: set[tuple[int, int]] = set()  # fields whose kids were walked

    def catalog(self, pdf: Pdf) -> None:
        root = pdf.Root
        if not isinstance(root, Dictionary):
            return
        if isinstance(root.get("/OpenAction"), Dictionary):  # an Array is a destination: kept
            self.action_in(root, "/OpenAction")
        self.triggers(root)
        self.associated_files(root)
        names = root.get("/Names")
        if isinstance(names, Dictionary):
            for key, kind in NAME_TREES.items():
                if key in names:
                    self.found[kind] += _names_in(names[key])
                    del names[key]
        form = root.get("/AcroForm")
        if isinstance(form, Dictionary) and "/XFA" in form:
            self.found[XFA] += 1
            del form["/XFA"]

    def page(self, page: Dictionary) -> None:
        self.triggers(page)
        self.associated_files(page)
        annots = page.get("/Annots")
        if not isinstance(annots, Array):
            return
        dropped: set[tuple[int, int]] = set()
        kept: list[Object] = []
        for annot in annots:
            kind = (UNSAFE_ANNOTATIONS.get(str(annot.get("/Subtype")))
                    if isinstance(annot, Dictionary) else None)
            if kind is None:
                kept.append(annot)
                continue
            self.found[kind] += 1
            dropped.add(annot.objgen)
        if dropped:
            # A pop-up or a reply pointing at a removed annotation would carry it into the pack.
            kept = [a for a in kept if not _refers_to(a, "/Parent", dropped)
                    or a.get("/Subtype") != Name.Popup]
            for annot in kept:
                if _refers_to(annot, "/IRT", dropped):
                    del annot["/IRT"]
            page.Annots = Array(kept)
        for annot in kept:
            if isinstance(annot, Dictionary):
                self.holder(annot)
                if annot.get("/Subtype") == Name.Widget:
                    self.parents(annot)

    def fields(self, fields: object, depth: int) -> None:
        """Every field of the form's tree, from its /Fields down through /Kids."""
        if not isinstance(fields, Array) or depth > DEPTH:
            return
        for node in fields:
            if not isinstance(node, Dictionary):
                continue
            if node.is_indirect:
                if node.objgen in self.walked:
                    continue  # a field listed twice, or a loop in the tree
                self.walked.add(node.objgen)
            self.holder(node)
            self.fields(node.get("/Kids"), depth + 1)

    def parents(self, widget: Dictionary) -> None:
        node = widget.get("/Parent")
        for _ in range(DEPTH):
            if not isinstance(node, Dictionary) or not self.holder(node):
                return
            node = node.get("/Parent")

    def holder(self, holder: Dictionary) -> bool:
        """Clean an annotation's or field's actions; False if it was cleaned before."""
        if holder.is_indirect:
            if holder.objgen in self.done:
                return False
            self.done.add(holder.objgen)
        for key in ACTION_KEYS:
            self.action_in(holder, key)
        self.triggers(holder)
        self.associated_files(holder)
        return True

    def triggers(self, holder: Dictionary) -> None:
        """The additional actions (/AA: on open, on close, on a keystroke…) of ``holder``."""
        triggers = holder.get("/AA")
        if not isinstance(triggers, Dictionary):
            if "/AA" in holder:
                del holder["/AA"]
            return
        for event in list(triggers.keys()):
            self.action_in(triggers, event)
        if not triggers.keys():
            del holder["/AA"]

    def embedded_anywhere(self, pdf: Pdf) -> None:
        """Embedded files the walk above did not meet (under a key of no known use)."""
        # A file specification's /EF holds the file's bytes; whatever key leads
        # to it, no page of a pack needs them.
        # Files counted on the known roads are met here again (the file
        # specification outlives the entry removed): the larger count is the true one.
        swept = 0
        for obj in pdf.objects:
            if isinstance(obj, Dictionary) and "/EF" in obj:
                del obj["/EF"]
                swept += 1
        self.found[EMBEDDED] = max(self.found[EMBEDDED], swept)

    def associated_files(self, holder: Dictionary) -> None:
        """PDF 2.0 associated files (/AF): embedded files by another road."""
        files = holder.get("/AF")
        if files is not None:
            specs = files if isinstance(files, Array) else [files]
            self.found[EMBEDDED] += sum(1 for s in specs if isinstance(s, Dictionary)
                                        and "/EF" in s)
            del holder["/AF"]

    def action_in(self, holder: Dictionary, key: str) -> None:
        """Drop the unsafe actions of the chain at ``holder[key]``; keep the rest, in order."""
        action = holder.get(key)
        if action is None:
            return
        before = self.found.total()
        kept = self.chain(action)
        if self.found.total() == before:
            return  # nothing unsafe: the chain stays exactly as it was
        if not kept:
            del holder[key]
            return
        # Fresh copies, relinked: a kept action may be shared with another chain.
        copies = [Dictionary({k: v for k, v in a.items() if k != "/Next"}) for a in kept]
        if len(copies) > 1:
            copies[0].Next = Array(copies[1:])
        holder[key] = copies[0]

    def chain(self, action: object) -> list[Dictionary]:
        """The safe actions of the chain starting at ``action``, in the order a reader runs them.

        Each action is visited once, however often the chain refers to it (a
        loop, or /Next arrays sharing their followers, which would otherwise
        be followed down every path). A chain longer than ``CHAIN_LIMIT`` is
        cut there, its rest counted as removed: unread, it cannot be called safe.
        """
        kept: list[Dictionary] = []
        seen: set[tuple[int, int]] = set()
        waiting: list[object] = [action]
        steps = 0
        while waiting:
            current = waiting.pop()
            if not isinstance(current, Dictionary):
                continue
            if current.is_indirect:
                if current.objgen in seen:
                    continue
                seen.add(current.objgen)
            steps += 1
            if steps > CHAIN_LIMIT:
                self.found[LONG_CHAIN] += 1
                break
            kind = _unsafe(current)
            if kind is None:
                kept.append(current)
            else:
                self.found[kind] += 1
            after = current.get("/Next")
            waiting.extend(reversed(list(after)) if isinstance(after, Array) else [after])
        return kept


def _unsafe(action: Dictionary) -> Kind | None:
    """The kind of an unsafe action, or None for one that is kept."""
    kind = str(action.get("/S", ""))
    if "/JS" in action:  # script, whatever type the action claims
        return JAVASCRIPT
    if kind in UNSAFE_ACTIONS:
        return UNSAFE_ACTIONS[kind]
    if kind == "/Thread" and "/F" in action:  # an article in another file
        return OTHER_FILE
    if kind == "/URI":
        uri = action.get("/URI")
        address = bytes(uri).decode("latin-1").strip().lower() if isinstance(uri, String) else ""
        return None if address.startswith(WEB_SCHEMES) else NON_WEB
    return None if kind in SAFE_ACTIONS else OTHER_ACTION


def _names_in(tree: object) -> int:
    """How many names a name tree holds (at least 1: a damaged tree still held something)."""
    if not isinstance(tree, Dictionary):
        return 1
    try:
        return max(1, sum(1 for _ in NameTree(tree)))
    except (PdfError, ValueError, TypeError, RuntimeError):
        return 1


def _refers_to(annot: Object, key: str, dropped: set[tuple[int, int]]) -> bool:
    target = annot.get(key) if isinstance(annot, Dictionary) else None
    return isinstance(target, Dictionary) and target.is_indirect and target.objgen in dropped
