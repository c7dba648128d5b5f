"""The workbench: a local web app over the bank, the basket and the build (``studypack serve``).

Flask for the pages, waitress to serve them: both are pure Python and run
alike on Linux, macOS and Windows.
"""

from __future__ import annotations

import threading
from pathlib import Path

from ..errors import WorkspaceError
from .security import is_loopback, password_record

DEFAULT_PORT = 8765
SERVING = threading.Event()
"""Set while the server runs: Ctrl-C then stops it as a success."""


def serve(workspace: Path, content: Path, *, host: str = "127.0.0.1", port: int = DEFAULT_PORT,
          threads: int = 8, on_ready: object = None) -> None:
    """Serve the workbench until interrupted (Ctrl-C).

    Raises:
        WorkspaceError: A host other than this machine with no staff password set,
            or a port that is taken.
    """
    import waitress

    from .app import create_app

    password = password_record(workspace)
    if not is_loopback(host) and password is None:
        raise WorkspaceError(
            f"serving on {host} opens the workbench to the network, which needs a staff "
            "password: set one with 'studypack serve --set-password', then start again "
            "(or leave --host out to serve this machine only)")
    from .app import LOOPBACK_NAMES

    app = create_app(workspace, content, password=password, cookie=f"studypack-{port}",
                     hosts=LOOPBACK_NAMES if is_loopback(host) else None)
    try:
        server = waitress.create_server(app, host=host, port=port, threads=threads,
                                        ident="studypack")
    except OSError as exc:
        raise WorkspaceError(f"cannot listen on {host}:{port} ({exc.strerror}); another "
                             "program may be using it: give another with --port") from None
    if callable(on_ready):
        on_ready(_address(host, port))
    SERVING.set()
    try:
        server.run()
    finally:
        SERVING.clear()
        server.close()
        app.extensions["studypack"].builds.shutdown()
        app.extensions["studypack"].index.close()


def _address(host: str, port: int) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}"
