"""Bytes of a user's file → clean text: decoding and mojibake repair.

Input: raw bytes. Output: text with encoding mix-ups repaired by ftfy, plus
notes on what was repaired. Arabic text is never normalised or reordered
(ftfy's Unicode normalisation is off: NFC would reorder Arabic marks).
"""

from __future__ import annotations

import codecs
import re

import ftfy

_FIXER = ftfy.TextFixerConfig(uncurl_quotes=False, normalization=None,
                              fix_character_width=False, fix_latin_ligatures=False,
                              explain=False)
"""ftfy with the changes that are not repairs switched off: curly quotes, full-width
letters and ligatures are what the author typed."""

_THAI = re.compile(r"[\u0E00-\u0E7F]")
_THAI_MOJIBAKE = re.compile(r"[\u0E01-\u0E5B][€\u0080-\u00BF\u2013-\u2026\u2122\u0E01-\u0E1F]{2}")
_LONE_THAI_APOSTROPHE = re.compile(r"(?<=[A-Za-z])\u0E42(?=(?:s|t|re|ve|ll|d|m)\b)")
"""A lone ``โ`` glued between letters where English puts an apostrophe ("Pakistanโs",
"donโt"): the apostrophe ’ lost its other bytes, not a dash."""
_LONE_THAI_O = re.compile(r"(?<=[\w)\]’”]) ?\u0E42 ?(?=[\w(\[‘“])")


class NotText(ValueError):
    """The bytes are not text (a binary file, or no known encoding)."""


def decode(data: bytes) -> tuple[str, tuple[str, ...]]:
    """Decode a text file: UTF-16 with its BOM (Notepad's "Unicode") or without one,
    UTF-8 (with or without BOM; a stray line in a Windows code page is read in that
    page, a stray byte replaced), else the code page charset-normalizer finds
    (Windows-1252 when it finds none).

    Returns:
        ``(text, notes)``: notes say what was not plain UTF-8.

    Raises:
        NotText: The data holds NUL bytes or other control bytes (a binary file).
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), ()
        except UnicodeDecodeError:
            raise NotText("is neither UTF-8 nor UTF-16 text") from None
    wide = _utf16_without_bom(data[:8192])
    if wide:
        try:
            return data.decode(wide), ()
        except UnicodeDecodeError:
            pass
    if b"\x00" in data[:8192] or sum(b < 9 for b in data[:8192]) > 4:
        raise NotText("is a binary file, not text")
    try:
        return data.decode("utf-8-sig"), ()
    except UnicodeDecodeError:
        pass
    if _mostly_utf8(data):
        return _utf8_line_by_line(data)
    # Not UTF-8: an old Windows code page, found by charset-normalizer from the bytes
    # (Urdu or Arabic saved as Windows-1256 comes back whole, not as Latin letters).
    high = sum(b > 127 for b in data)
    if high < 40:
        # Too few bytes for a detector to judge (it guesses Baltic or Cyrillic pages
        # from a lone curly quote); an English page's lone byte is Windows-1252.
        return data.decode("cp1252", errors="replace"), ("read as Windows-1252, not UTF-8",)
    import charset_normalizer

    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        return data.decode("cp1252", errors="replace"), ()
    return str(best), (f"read as {best.encoding}, not UTF-8",)


def _utf16_without_bom(head: bytes) -> str:
    """``utf-16-le`` or ``-be`` when every other byte of ``head`` is NUL (text saved as
    UTF-16 without its mark), else "".
    """
    if len(head) < 16:
        return ""
    odd, even = head[1::2], head[0::2]
    if odd.count(0) * 10 >= len(odd) * 9 and even.count(0) * 10 < len(even):
        return "utf-16-le"
    if even.count(0) * 10 >= len(even) * 9 and odd.count(0) * 10 < len(odd):
        return "utf-16-be"
    return ""


def _mostly_utf8(data: bytes) -> bool:
    """UTF-8 with a few bad lines: at least as many of its lines holding non-ASCII bytes
    are valid UTF-8 as are not.
    """
    good = bad = 0
    for line in data.split(b"\n"):
        if max(line, default=0) > 127:
            try:
                line.decode("utf-8")
                good += 1
            except UnicodeDecodeError:
                bad += 1
    return good >= bad and good > 0


def _utf8_line_by_line(data: bytes) -> tuple[str, tuple[str, ...]]:
    """Each line as UTF-8; a line that is not is read as Windows-1252 (a pasted line
    from an old file), which can map every byte.
    """
    lines, odd = [], 0
    for line in data.split(b"\n"):
        try:
            lines.append(line.decode("utf-8"))
        except UnicodeDecodeError:
            lines.append(line.decode("cp1252", errors="replace"))
            odd += 1
    return "\n".join(lines).removeprefix("\ufeff"), (
        f"read {odd} line(s) that were not UTF-8 as Windows-1252; check them",)


def repair(text: str) -> tuple[str, tuple[str, ...]]:
    """Repair encoding mix-ups in ``text``.

    ftfy undoes UTF-8 read as Windows-1252 or Latin-1 (``â€“`` → ``–``).
    Text that went through the Thai code page (``โ€“``), which ftfy does not
    cover, is re-encoded through it with Python's own codec; a lone ``โ``
    between words, whose other bytes were lost, is read as the en dash it
    almost always was, and counted in the notes.

    Returns:
        ``(text, notes)``; notes are empty when nothing needed repair.
    """
    # Unicode's own line and paragraph separators end a line like any other, and
    # Windows line ends (a browser's form, Notepad) are ordinary, not broken.
    text = (text.replace("\r\n", "\n").replace("\r", "\n")
            .replace("\u2028", "\n").replace("\u2029", "\n\n"))
    fixed = ftfy.fix_text(text, _FIXER)
    notes: list[str] = []
    if fixed != text:
        notes.append("repaired broken characters (mojibake)")
    thai = len(_THAI.findall(fixed))
    if thai and thai * 3 < sum(1 for c in fixed if "a" <= c.lower() <= "z"):
        fixed, undone = _THAI_MOJIBAKE.subn(_from_thai_page, fixed)
        fixed, apostrophes = _LONE_THAI_APOSTROPHE.subn("’", fixed)
        fixed, guessed = _LONE_THAI_O.subn(" – ", fixed)
        if apostrophes:
            notes.append(f"read {apostrophes} lone 'โ' inside a word as an apostrophe")
        if undone and not notes:
            notes.append("repaired broken characters (mojibake)")
        if guessed:
            notes.append(f"read {guessed} lone 'โ' as an en dash")
        left = fixed.count("\u0E42\u20AC")
        if left:
            notes.append(f"{left} broken character(s) could not be repaired; search for 'โ€'")
    return fixed, tuple(notes)


def _from_thai_page(match: re.Match[str]) -> str:
    # Each character back to its byte: the Thai page's, or Windows-1252's where the Thai
    # page has none (0x99, the last byte of ’, shows as ™ through it).
    raw = bytearray()
    for char in match.group(0):
        for page in ("cp874", "cp1252"):
            try:
                raw += char.encode(page)
                break
            except UnicodeEncodeError:
                continue
        else:
            return match.group(0)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return match.group(0)
