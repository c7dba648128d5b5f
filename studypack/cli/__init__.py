"""Command line: typer commands → a request → the build → messages and exit codes.

The only place that turns errors into messages and exit codes.
"""

from .commands import app, main

__all__ = ["app", "main"]
