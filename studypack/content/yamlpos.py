"""Parse YAML while keeping where each value sits in the file.

Input: YAML text. Output: plain Python data plus a map from a field path
(tuple of keys and list indices) to its 1-based ``(line, col)``. PyYAML's node
marks give the positions; duplicate keys, which PyYAML would silently
collapse, are reported instead.

Anchors and aliases (``&name`` / ``*name``) are refused in every file
studypack reads. An alias makes one node stand in many places, so nine lines
of nested aliases ("billion laughs") stand for a thousand million strings
once anything walks the data (the position map, pydantic, ``str()``); and no
answer, pack or settings file needs them. Refusing them outright, rather
than counting what they would expand to, keeps the rule simple to state.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml

PathKey = tuple[str | int, ...]

LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""PyYAML's safe loader, in C (libyaml) where the installed PyYAML has it."""


ANCHORS_REFUSED = ("anchors and aliases (&name / *name) are not allowed in studypack's "
                   "files: write the text out in full each place it is used")


class AnchorRefused(yaml.MarkedYAMLError):
    """The text has an anchor or alias (see the module's notes); ``problem_mark`` is where."""

    def __init__(self, mark: yaml.Mark) -> None:
        super().__init__(problem=ANCHORS_REFUSED, problem_mark=mark)
        self.mark = mark  # problem_mark, typed as always set


_AMPERSAND = re.compile(r"&(?=\S)")
_BEFORE_ANCHOR = frozenset(" \t\r\n[{,:")
"""An anchor is '&' and a name at a node's start: "Q&A" and "Planning, Development &
Reform" need no closer look."""


def refuse_anchors(text: str) -> None:
    """Raise ``AnchorRefused`` at the first anchor or alias in ``text``.

    Raises:
        AnchorRefused: At the first ``&name`` or ``*name``.
        yaml.YAMLError: The text is not YAML (before any anchor).
    """
    if not any(at == 0 or text[at - 1] in _BEFORE_ANCHOR
               for at in (m.start() for m in _AMPERSAND.finditer(text))):
        return  # no anchor, so no alias can resolve (an unknown one is a syntax error)
    # Events, not nodes: reading them builds nothing, and each alias is one event.
    loader = LOADER(text)
    try:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                raise AnchorRefused(event.start_mark)
    finally:
        loader.dispose()


class _Loader(LOADER):  # type: ignore[misc,valid-type]
    """The safe loader, reading as text what Python cannot hold: a date that is no
    date ("year: 2024-02-30") and a number too long to convert, which PyYAML
    raises a bare ValueError for. The schema then says the value is not a year.
    """


def _text_unless(construct: Any) -> Any:
    def constructor(loader: Any, node: yaml.ScalarNode) -> Any:
        try:
            return construct(loader, node)
        except Exception:
            return str(node.value)
    return constructor


for _tag, _construct in (("timestamp", _Loader.construct_yaml_timestamp),
                         ("int", _Loader.construct_yaml_int),
                         ("float", _Loader.construct_yaml_float)):
    _Loader.add_constructor(f"tag:yaml.org,2002:{_tag}", _text_unless(_construct))


def load_plain(text: str) -> Any:
    """The data of one YAML document, anchors and aliases refused (see the module's notes).

    Raises:
        yaml.YAMLError: Not YAML, or an ``AnchorRefused``.
    """
    refuse_anchors(text)
    return yaml.load(text, Loader=_Loader)  # the safe loader (C where PyYAML has it)


@dataclass(frozen=True)
class Located:
    """YAML data with positions.

    Attributes:
        data: The loaded value (dicts, lists, str, int, float, bool, None).
        positions: Field path → (line, col), both 1-based.
        duplicates: Field paths whose key appeared twice in the same mapping.
    """

    data: Any
    positions: dict[PathKey, tuple[int, int]]
    duplicates: tuple[PathKey, ...]
    key_positions: dict[PathKey, tuple[int, int]]

    def where(self, path: PathKey, *, key: bool = False) -> tuple[int, int]:
        """Position of ``path``'s value (or its key), else of its nearest ancestor.

        A missing field is placed at the mapping that lacks it.
        """
        if key and tuple(path) in self.key_positions:
            return self.key_positions[tuple(path)]
        for cut in range(len(path), -1, -1):
            pos = self.positions.get(tuple(path[:cut]))
            if pos:
                return pos
        return (1, 1)


def _mark(node: yaml.Node) -> tuple[int, int]:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


def _walk(root: yaml.Node, out: dict[PathKey, tuple[int, int]],
          keys: dict[PathKey, tuple[int, int]], dups: list[PathKey]) -> None:
    # A loop, not recursion: libyaml lets a file nest 1,000 deep, about
    # Python's recursion limit. A key that is itself a list or mapping ("? [a]")
    # is named by its position: str() of it would print its whole tree.
    stack: list[tuple[yaml.Node, PathKey]] = [(root, ())]
    while stack:
        node, path = stack.pop()
        out.setdefault(path, _mark(node))
        if isinstance(node, yaml.MappingNode):
            seen: set[str] = set()
            for key_node, value_node in node.value:
                key = (str(key_node.value) if isinstance(key_node, yaml.ScalarNode)
                       else f"? line {_mark(key_node)[0]}")
                here = (*path, key)
                if key in seen:
                    dups.append(here)
                else:
                    keys[here] = _mark(key_node)
                seen.add(key)
                stack.append((value_node, here))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((item, (*path, index)) for index, item in enumerate(node.value))


def load_located(text: str) -> Located:
    """Load one YAML document with positions.

    Args:
        text: YAML source.

    Returns:
        A ``Located`` record; an empty document gives ``data=None``.

    Raises:
        yaml.YAMLError: On syntax errors, and ``AnchorRefused`` on an anchor
            or alias (callers turn it into a Diagnostic; ``problem_mark``
            holds the place).
    """
    refuse_anchors(text)
    # One parse: compose the node tree (it carries the positions), then build
    # the data from the same nodes. libyaml's loader when PyYAML has it.
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return Located(None, {}, (), {})
        positions: dict[PathKey, tuple[int, int]] = {}
        keys: dict[PathKey, tuple[int, int]] = {}
        dups: list[PathKey] = []
        _walk(node, positions, keys, dups)
        data = loader.construct_document(node)
    finally:
        loader.dispose()
    return Located(data, positions, tuple(dups), keys)


def dotted(path: PathKey) -> str:
    """Render a field path as ``points[3].heading``.

    List indices are shown 1-based, matching the numbers a reader sees on the
    page ("point 3" is ``points[3]``).
    """
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part + 1}]"
        else:
            out += ("." if out else "") + part
    return out
