"""A YAML file rewritten with new values through ruamel.yaml's round trip: its comments,
key order, flow lists, block style and list indentation stay wherever a value did not
change (PyYAML, which reads the files everywhere else, cannot write them back so).
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping
from typing import Any


def applied_text(old_text: str, data: Mapping[str, Any]) -> str:
    """``old_text`` (a content file) with its fields set to ``data``: comments, key order,
    flow lists and block style are kept wherever a value did not change.
    """
    from ruamel.yaml import YAML

    rt = _round_trip(YAML, old_text)
    doc = rt.load(old_text)
    _apply_mapping(doc, data)
    buffer = io.StringIO()
    rt.dump(doc, buffer)
    return buffer.getvalue()


def _apply_mapping(doc: Any, data: Mapping[str, Any]) -> None:
    # A mapping inside a mapping (a pack's worksheet: settings) is changed key
    # by key, so the comments on its other keys stay too.
    for name in [k for k in doc if k not in data]:
        del doc[name]
    for name, value in data.items():
        if name in doc and _plain(doc[name]) == value:
            continue
        if name == "points" and isinstance(doc.get(name), list):
            _apply_points(doc[name], value)
        elif isinstance(value, Mapping) and isinstance(doc.get(name), Mapping):
            _apply_mapping(doc[name], value)
        else:
            doc[name] = _styled(value, doc.get(name))


def _round_trip(yaml_class: Any, text: str) -> Any:
    rt = yaml_class()
    rt.preserve_quotes = True
    # Long lines stay long: a file is rewritten only where a value changed.
    rt.width = 100_000
    # Lists indented as the file indents them: "key:\n  - item" (as written by hand)
    # or "key:\n- item" (as PyYAML, and so an import, writes them).
    flush = re.search(r"^(\s*)[\w-]+:[ \t]*\n\1- ", text, re.MULTILINE)
    indented = re.search(r"^(\s*)[\w-]+:[ \t]*\n\1  - ", text, re.MULTILINE)
    if flush and not indented:
        rt.indent(mapping=2, sequence=2, offset=0)
    else:
        rt.indent(mapping=2, sequence=4, offset=2)
    return rt


def _apply_points(old: Any, new: list[Any]) -> None:
    for i, point in enumerate(new):
        if i < len(old) and isinstance(old[i], dict):
            for part in [k for k in old[i] if k not in point]:
                del old[i][part]
            for part, value in point.items():
                if _plain(old[i].get(part)) != value:
                    old[i][part] = _styled(value, old[i].get(part))
        elif i < len(old):
            old[i] = point
        else:
            old.append(_styled(point, None))
    del old[len(new):]


def _styled(value: Any, old: Any) -> Any:
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString

    if isinstance(value, str):
        if isinstance(old, FoldedScalarString) and "\n\n" not in value:
            return FoldedScalarString(value.rstrip("\n") + "\n")
        if "\n" in value or isinstance(old, LiteralScalarString):
            return LiteralScalarString(value.rstrip("\n") + "\n")
        return value
    if isinstance(value, list):
        seq = CommentedSeq([_styled(v, None) for v in value])
        if isinstance(old, CommentedSeq) and old.fa.flow_style():
            seq.fa.set_flow_style()
        return seq
    if isinstance(value, dict):
        return CommentedMap((k, _styled(v, None)) for k, v in value.items())
    return value


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, str):
        return str(value)
    return value
