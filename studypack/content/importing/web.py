"""An address (``https://…``) → the page's bytes, read as a saved page would be.

Input: a URL. Output: ``(name, bytes)``, the name's extension choosing the
reader (``.html`` for web pages, ``.txt`` for plain text). Fetched with
requests, with a time limit, a size limit and a cap on redirects; every
failure is a ``FetchError`` whose one-line message says what happened.
"""

from __future__ import annotations

import re

TIMEOUT = (10.0, 20.0)
"""Seconds to connect, and to wait between bytes of the answer."""

MAX_BYTES = 10 * 1024 * 1024
"""The largest page read (10 MiB): a prep site's page is a few hundred kB."""

MAX_REDIRECTS = 5

_TYPES = {"text/html": ".html", "application/xhtml+xml": ".html", "text/plain": ".txt"}


class FetchError(ValueError):
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
            for chunk in answer.iter_content(65536):
                data += chunk
                if len(data) > MAX_BYTES:
                    raise FetchError(_too_large())
            return "page" + suffix, bytes(data)
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


def _too_large() -> str:
    return (f"is larger than {MAX_BYTES / (1024 * 1024):.3g} MiB, too large for one page; "
            "save the part you need and import the file")


def _reason(exc: Exception) -> str:
    """The last plain words of a nested urllib3 message ("Connection refused")."""
    text = str(exc.args[0] if exc.args else exc)
    found = re.findall(r"(?:\[Errno -?\d+\]|: )\s*([A-Za-z][^'\"():\[\]]{3,80})", text)
    return found[-1].strip(" .") if found else type(exc).__name__
