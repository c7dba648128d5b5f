"""Word files built to blow up: refused by name, in little time and memory."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx

from tests.abuse.harness import assert_refused, run, snapshot

LAUGHS = "".join(f'<!ENTITY l{n} "{f"&l{n - 1};" * 10}">' for n in range(1, 10))


def _word_file(path: Path, document_xml: bytes | None = None) -> Path:
    made = docx.Document()
    made.add_paragraph("Q. 3 Explain the causes of the 1971 war. (20)")
    made.save(path)
    if document_xml is None:
        return path
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    parts["word/document.xml"] = document_xml
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return path


def test_a_billion_laughs_word_file_is_named_and_not_parsed(ws: Path) -> None:
    plain = _word_file(ws / "plain.docx")
    with zipfile.ZipFile(plain) as z:
        body = z.read("word/document.xml").decode("utf-8").split("?>", 1)[1]
    bomb = (f'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY l0 "ha">{LAUGHS}]>'
            + body.replace("Explain the causes", "&l9;")).encode("utf-8")
    _word_file(ws / "laughs.docx", bomb)
    before = snapshot(ws)
    result = run(["import", "laughs.docx"], ws)
    assert_refused(result, code=1, says=["laughs.docx: declares XML entities",
                                         "save it again as .docx"])
    assert snapshot(ws) == before


def test_a_word_file_that_unpacks_to_gigabytes_is_refused_unread(ws: Path) -> None:
    # 60 MiB of one repeated run compresses to well under a megabyte.
    filler = b"<w:t>" + b"a" * (60 * 2**20) + b"</w:t>"
    _word_file(ws / "huge.docx", filler)
    assert (ws / "huge.docx").stat().st_size < 2**20
    before = snapshot(ws)
    result = run(["import", "huge.docx"], ws)
    assert_refused(result, code=1, says=["huge.docx: unpacks to 60 MiB", "at most 50 MiB"])
    assert snapshot(ws) == before
