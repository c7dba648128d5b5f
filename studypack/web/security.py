"""The staff password (a salted scrypt hash on disk) and the checks of every request.

Python's ``hashlib.scrypt`` is the hash: a memory-hard function from the
standard library, so no password library is needed for one shared password.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import json
import secrets
from pathlib import Path

from ..output import write_atomically

PASSWORD_FILE = Path(".studypack") / "workbench-password.json"
"""Where ``serve --set-password`` keeps the hash, inside the workspace."""

_N, _R, _P = 2**14, 8, 1


def _hash(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=32,
                          maxmem=64 * 1024 * 1024)


def set_password(workspace: Path, password: str) -> Path:
    """Store a salted hash of ``password`` for the workspace; returns the file written."""
    salt = secrets.token_bytes(16)
    record = {"scheme": "scrypt", "n": _N, "r": _R, "p": _P, "salt": salt.hex(),
              "hash": _hash(password, salt, _N, _R, _P).hex()}
    path = workspace / PASSWORD_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(path, (json.dumps(record, indent=1) + "\n").encode())
    path.chmod(0o600)
    return path


def password_record(workspace: Path) -> dict[str, object] | None:
    """The stored hash, or None when no password is set (or the file is unreadable)."""
    try:
        record = json.loads((workspace / PASSWORD_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    needed = {"scheme", "n", "r", "p", "salt", "hash"}
    return record if isinstance(record, dict) and needed <= record.keys() else None


def password_matches(record: dict[str, object], password: str) -> bool:
    """Whether ``password`` is the one stored (compared in constant time)."""
    try:
        salt = bytes.fromhex(str(record["salt"]))
        n, r, p = (int(str(record[k])) for k in ("n", "r", "p"))
        wanted = bytes.fromhex(str(record["hash"]))
    except (KeyError, ValueError):
        return False
    return hmac.compare_digest(_hash(password, salt, n, r, p), wanted)


def is_loopback(host: str) -> bool:
    """Whether ``host`` is this machine only (127.0.0.1, ::1, localhost)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def new_token() -> str:
    """A random token for a session or a form."""
    return secrets.token_urlsafe(32)


def tokens_match(given: str | None, wanted: str | None) -> bool:
    """Whether a form's token is the session's (constant time; both must be present)."""
    return bool(given and wanted) and hmac.compare_digest(str(given), str(wanted))
