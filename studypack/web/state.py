"""What one workbench server holds: its workspace, index, build jobs and the sessions' baskets."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from flask import session

from .basket import Basket
from .index import BankIndex
from .jobs import Builds
from .security import new_token


@dataclass
class Workbench:
    """What one server holds: its workspace, index, jobs and the sessions' baskets."""

    workspace: Path
    content: Path
    index: BankIndex
    builds: Builds
    password: dict[str, object] | None = None
    baskets: dict[str, Basket] = field(default_factory=dict)

    def basket(self) -> Basket:
        """The basket of this request's session (an empty one to start)."""
        return self.baskets.get(_session_id(), Basket())

    def keep(self, basket: Basket) -> None:
        """Keep ``basket`` as this session's."""
        self.baskets[_session_id()] = basket


def _session_id() -> str:
    if "sid" not in session:
        session["sid"] = new_token()
    return str(session["sid"])
