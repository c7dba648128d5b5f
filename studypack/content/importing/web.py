"""An address (``https://…``) → the page's bytes, read as a saved page would be.

Input: a URL. Output: ``(name, bytes)``, the name's extension choosing the
reader (``.html`` for web pages, ``.txt`` for plain text). Fetched with
requests, with a time limit, a size limit and a cap on redirects; every
failure is a ``FetchError`` whose one-line message says what happened.
"""

from __future__ import annotations

import re
import time
from urllib.parse import urlsplit, urlunsplit

from ...errors import StudypackError

TIMEOUT = (10.0, 20.0)
"""Seconds to connect, and to wait between bytes of the answer."""

MAX_BYTES = 10 * 1024 * 1024
"""The largest page read (10 MiB): a prep site's page is a few hundred kB."""

MAX_REDIRECTS = 5

TOTAL_SECONDS = 60.0
"""Longest a page may take to arrive, however steadily it trickles in."""

_TYPES = {"text/html": ".html", "application/xhtml+xml": ".html", "text/plain": ".txt"}


class FetchError(StudypackError, ValueError):
    """The page could not be fetched; the message says why, in one line."""


def is_address(text: str) -> bool:
    """True for an ``http://`` or ``https://`` address."""
    return bool(re.match(r"^https?://\S+$", text.strip(), re.IGNORECASE))


def fetch(url: str) -> tuple[str, bytes]:
    """Fetch ``url``.

    Returns:
        ``(name, data)``: a name ending ``.html`` or ``.txt``, and the page's bytes.

    Raises:
        FetchError: Network failure, time-out, too many redirects, an error
            status, an answer that is not a web page or text, or one over ``MAX_BYTES``.
    """
    import requests

    session = requests.Session()
    session.max_redirects = MAX_REDIRECTS
    headers = {"User-Agent": "studypack-import (+https://pypi.org/project/studypack/)",
               "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9"}
    try:
        with session.get(url, headers=headers, timeout=TIMEOUT, stream=True) as answer:
            if answer.status_code >= 400:
                raise FetchError(f"the server answered {answer.status_code} "
                                 f"{answer.reason or ''}".rstrip() + "; check the address")
            kind = answer.headers.get("Content-Type", "").split(";")[0].strip().lower()
            suffix = _TYPES.get(kind)
            if suffix is None:
                raise FetchError(f"is not a web page (the server sent {kind or 'no type'}); "
                                 "save the file and import it by name")
            declared = answer.headers.get("Content-Length", "")
            if declared.isdigit() and int(declared) > MAX_BYTES:
                raise FetchError(_too_large())
            data = bytearray()
            started = time.monotonic()
            # Whatever has arrived (read1), not a fixed size: a server sending a byte
            # every few seconds would keep a fixed-size read waiting past any limit.
            while chunk := answer.raw.read1(65536, decode_content=True):
                data += chunk
                if len(data) > MAX_BYTES:
                    raise FetchError(_too_large())
                if time.monotonic() - started > TOTAL_SECONDS:
                    raise FetchError(f"took more than {TOTAL_SECONDS:g} s to send the page; "
                                     "try again later, or save the page and import the file")
            charset = re.search(r"charset=[\"']?([\w.:-]+)",
                                answer.headers.get("Content-Type", ""), re.IGNORECASE)
            return "page" + suffix, _as_utf8(bytes(data), charset.group(1) if charset else None)
    except requests.exceptions.InvalidSchema:
        raise FetchError("leads to an address that is not http or https (a file:// or other "
                         "link); only web pages are fetched") from None
    except requests.TooManyRedirects:
        raise FetchError(f"redirects more than {MAX_REDIRECTS} times; open it in a browser "
                         "and import the address it ends at") from None
    except requests.Timeout:
        raise FetchError(f"did not answer within {TIMEOUT[1]:g} s; try again later, or "
                         "save the page and import the file") from None
    except requests.ConnectionError as exc:
        raise FetchError(f"could not be reached ({_reason(exc)}); check the address and "
                         "your connection") from None
    except requests.RequestException as exc:
        raise FetchError(f"could not be fetched ({_reason(exc)})") from None


def _as_utf8(data: bytes, declared: str | None) -> bytes:
    """The page in UTF-8, when the server names the character set it is sent in (a
    ``charset=utf-16le`` header would otherwise make it look like binary); as it came
    when the server names none, for the reader to find.
    """
    if not declared:
        return data
    try:
        return data.decode(declared).encode("utf-8")
    except (LookupError, UnicodeDecodeError):
        return data


def shown(url: str) -> str:
    """An address as it may be printed and recorded: without a user name or password."""
    parts = urlsplit(url)
    if parts.username is None and parts.password is None:
        return url
    host = parts.hostname or ""
    if parts.port:
        host += f":{parts.port}"
    return urlunsplit((parts.scheme, host, parts.path, parts.query, parts.fragment))


def _too_large() -> str:
    return (f"is larger than {MAX_BYTES / (1024 * 1024):.3g} MiB, too large for one page; "
            "save the part you need and import the file")


def _reason(exc: Exception) -> str:
    """The last plain words of a nested urllib3 message ("Connection refused")."""
    text = str(exc.args[0] if exc.args else exc)
    found = re.findall(r"(?:\[Errno -?\d+\]|: )\s*([A-Za-z][^'\"():\[\]]{3,80})", text)
    return found[-1].strip(" .") if found else type(exc).__name__
