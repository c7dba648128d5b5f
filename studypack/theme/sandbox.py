"""The one Jinja2 environment layout templates run in: sandboxed, and bounded.

Jinja2's ``ImmutableSandboxedEnvironment`` keeps a template away from Python's
internals (``''.__class__``) and from changing data. It does not stop a
template from running for ever or filling memory: ``range(10**9)``,
``'x' * 10**9``, a macro that calls itself, loops nested five deep. Here every
step a template takes (a loop turn, a call, a filter, an operator, an
attribute) is counted against a budget of steps and seconds, and every
operation that can make a large value is sized before it runs.

Why counting rather than a timer signal: ``SIGALRM`` exists only on POSIX and
only in the main thread (builds render in worker threads and processes), and
it fires wherever the code happens to be, inside ReportLab or while a file is
written. A count stops a template at a step of its own, the same step on a
fast machine or a slow one, and sizing values first stops the one thing a
timer never could: a single operation that allocates gigabytes at once.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import nodes
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.visitor import NodeTransformer

MAX_OUTPUT = 100_000
"""Characters a template may produce, and the longest text or list it may build."""
MAX_STEPS = 100_000
"""Steps (loop turns, calls, filters, operators, lookups) one rendering may take;
the built-in templates take under a hundred."""
MAX_BUILD_STEPS = 5_000_000
"""Steps all renderings of one layout may take together (a page each, 1,000s of pages)."""
MAX_SECONDS = 3.0
"""Seconds one rendering may run (checked as it counts steps)."""
MAX_RANGE = 10_000
"""Most numbers ``range()`` may give."""
MAX_NUMBER = 100_000
"""Largest whole number a filter or method may be given (a width, a count)."""
MAX_INT_BITS = 10_000
"""Largest whole number a template may compute, in bits (about 3,000 digits)."""
MAX_TEMPLATE_BYTES = 100_000
"""Largest template file read."""

_WIDE_FORMAT = re.compile(r"%[-#0 +]*(\*|\d{4,})|%[-#0 +]*\d*\.(\*|\d{4,})"
                          r"|\{[^{}]*:[^{}]*(\{|\d{4,})")
"""A width or precision of 1,000 or more, or one taken from an argument (``*``, ``{w}``)."""


class TemplateLimit(Exception):
    """A template went past a limit; ``render_text`` reports it with file and line.

    Attributes:
        path: The template file, when the limit is about the file itself.
    """

    def __init__(self, message: str, path: str | None = None) -> None:
        super().__init__(message)
        self.path = path


@dataclass
class _Budget:
    steps: int = 0
    deadline: float = field(default_factory=lambda: time.monotonic() + MAX_SECONDS)

    def tick(self) -> None:
        self.steps += 1
        if self.steps > MAX_STEPS:
            raise TemplateLimit(f"took more than {MAX_STEPS:,} steps (loop turns, calls, "
                                "filters); a template is a line of text: loop over the "
                                "booklet's data, not over large ranges")
        if self.steps % 32 == 0 and time.monotonic() > self.deadline:
            raise TemplateLimit(f"ran for more than {MAX_SECONDS:g} s and was stopped; make "
                                "its loops smaller")


_current: ContextVar[_Budget | None] = ContextVar("template_budget", default=None)


def _tick() -> None:
    budget = _current.get()
    if budget is not None:
        budget.tick()


def _sized(value: Any) -> Any:
    if isinstance(value, (str, list, tuple)) and len(value) > MAX_OUTPUT:
        raise TemplateLimit(f"built a text or list of {len(value):,} items; at most "
                            f"{MAX_OUTPUT:,} are allowed")
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > MAX_INT_BITS:
        raise TemplateLimit(f"computed a number of more than {MAX_INT_BITS:,} bits")
    return value


def _length(value: Any) -> int:
    return len(value) if isinstance(value, (str, list, tuple)) else 0


def _check_numbers(args: Iterable[Any]) -> None:
    for arg in args:
        if isinstance(arg, int) and not isinstance(arg, bool) and abs(arg) > MAX_NUMBER:
            raise TemplateLimit(f"passes the number {arg:,} to a filter or method; at most "
                                f"{MAX_NUMBER:,} is allowed")


def _check_format(text: Any) -> None:
    if isinstance(text, str) and _WIDE_FORMAT.search(text):
        raise TemplateLimit("formats with a width or precision of 1,000 or more, or one taken "
                            "from an argument; write a fixed width under 1,000")


def _check_growth(name: str, value: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """Size what ``replace``, ``join`` and ``indent`` would make, before they make it."""
    if name == "replace" and isinstance(value, str) and len(args) >= 2:
        old, new = str(args[0]), str(args[1])
        places = value.count(old) if old else len(value) + 1
        size = len(value) + places * max(0, len(new) - len(old))
    elif name == "join":
        items = list(value) if not isinstance(value, (str, list, tuple)) else value
        separator = str(args[0]) if args else str(kwargs.get("d", ""))
        size = len(separator) * max(0, len(items) - 1)
        for item in items:
            size += len(item) if isinstance(item, str) else 12
            if size > MAX_OUTPUT:
                break
    elif name == "indent" and isinstance(value, str):
        width = args[0] if args else kwargs.get("width", 4)
        size = len(value) + (value.count("\n") + 1) * (len(width) if isinstance(width, str)
                                                        else int(width))
    else:
        return
    if size > MAX_OUTPUT:
        raise TemplateLimit(f"would make a text of {size:,} characters with '{name}'; at most "
                            f"{MAX_OUTPUT:,} are allowed")


def _bounded_filter(name: str, func: Callable[..., Any]) -> Callable[..., Any]:
    def run(*args: Any, **kwargs: Any) -> Any:
        _tick()
        _check_numbers([*args, *kwargs.values()])
        # Filters that take the environment or context get it first.
        value_at = 1 if getattr(func, "jinja_pass_arg", None) else 0
        value, rest = (args[value_at], args[value_at + 1:]) if len(args) > value_at else (None, ())
        if name == "join" and value is not None and not isinstance(value, (str, list, tuple)):
            # Sized before it is joined: a generator is read once, into a list.
            value = list(value)
            args = (*args[:value_at], value, *rest)
        if name == "format":
            _check_format(value)
        if name == "sum" and not all(isinstance(a, (int, float)) for a in
                                     [*rest[1:], kwargs.get("start", 0)]):
            raise TemplateLimit("uses 'sum' with a start that is not a number; sum numbers only")
        _check_growth(name, value, tuple(rest), kwargs)
        return _sized(func(*args, **kwargs))
    run.__dict__.update(getattr(func, "__dict__", {}))  # keeps jinja_pass_arg: what to pass
    run.__name__ = getattr(func, "__name__", name)
    return run


def bounded_loop(items: Iterable[Any]) -> Iterator[Any]:
    """Every ``{% for %}`` runs over this: each turn is a step."""
    for item in items:
        _tick()
        yield item


def bounded_concat(*parts: Any) -> str:
    """``a ~ b``: joined only when the result stays within ``MAX_OUTPUT``."""
    texts = [str(part) for part in parts]
    if sum(len(t) for t in texts) > MAX_OUTPUT:
        raise TemplateLimit(f"joins texts ('~') into more than {MAX_OUTPUT:,} characters")
    return "".join(texts)


def bounded_range(*args: int) -> range:
    """``range()`` with at most ``MAX_RANGE`` numbers."""
    numbers = range(*args)
    if len(numbers) > MAX_RANGE:
        raise TemplateLimit(f"asks for range() of {len(numbers):,} numbers; at most "
                            f"{MAX_RANGE:,} are allowed")
    return numbers


class _Guard(NodeTransformer):
    """Routes every loop and every '~' through the bounded helpers above."""

    def visit_For(self, node: nodes.For) -> nodes.Node:
        self.generic_visit(node)
        node.iter = nodes.Call(nodes.ImportedName(f"{__name__}.bounded_loop",
                                                  lineno=node.lineno),
                               [node.iter], [], None, None, lineno=node.lineno)
        return node

    def visit_Concat(self, node: nodes.Concat) -> nodes.Node:
        self.generic_visit(node)
        return nodes.Call(nodes.ImportedName(f"{__name__}.bounded_concat", lineno=node.lineno),
                          list(node.nodes), [], None, None, lineno=node.lineno)


class BoundedEnvironment(ImmutableSandboxedEnvironment):
    """Jinja2's immutable sandbox, with every step counted and large values refused."""

    # Intercepted, these are also never folded at compile time, where no
    # budget applies.
    intercepted_binops = frozenset({"*", "**", "+", "%", "//"})

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.steps_used = 0
        self.filters = {name: _bounded_filter(name, func) for name, func in self.filters.items()}
        self.globals = {name: value for name, value in self.globals.items() if name != "lipsum"}
        self.globals["range"] = bounded_range

    def concat(self, parts: Iterable[str]) -> str:
        """Join template output, stopping at ``MAX_OUTPUT`` characters."""
        # The output of a macro, a {% set %} block or a {% filter %} block.
        kept: list[str] = []
        size = 0
        for part in parts:
            size += len(part)
            if size > MAX_OUTPUT:
                raise TemplateLimit(f"produces more than {MAX_OUTPUT:,} characters")
            kept.append(part)
        return "".join(kept)

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        tree: nodes.Template = _Guard().visit(super()._parse(source, name, filename))
        tree.set_environment(self)
        return tree

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        """An operator, counted as a step; a repeat longer than ``MAX_OUTPUT`` is refused."""
        _tick()
        if operator == "*" and isinstance(right, int) and _length(left) * right > MAX_OUTPUT:
            raise TemplateLimit(f"repeats a text or list {right:,} times; the result would "
                                f"pass {MAX_OUTPUT:,} items")
        if operator == "*" and isinstance(left, int) and _length(right) * left > MAX_OUTPUT:
            raise TemplateLimit(f"repeats a text or list {left:,} times; the result would "
                                f"pass {MAX_OUTPUT:,} items")
        if operator == "**" and isinstance(left, int) and isinstance(right, int) and (
                abs(left) > 1 and right * max(abs(left).bit_length(), 1) > MAX_INT_BITS):
            raise TemplateLimit(f"computes a power ({left} ** {right}) of more than "
                                f"{MAX_INT_BITS:,} bits")
        if operator == "*" and isinstance(left, int) and isinstance(right, int) and (
                abs(left).bit_length() + abs(right).bit_length() > MAX_INT_BITS):
            raise TemplateLimit(f"computes a number of more than {MAX_INT_BITS:,} bits")
        if operator == "+" and _length(left) + _length(right) > MAX_OUTPUT:
            raise TemplateLimit(f"joins texts or lists into more than {MAX_OUTPUT:,} items")
        if operator == "%":
            _check_format(left)
            _check_numbers(right if isinstance(right, tuple) else [right])
        return _sized(super().call_binop(context, operator, left, right))

    def call(self, context: Any, obj: Any, /, *args: Any, **kwargs: Any) -> Any:
        """A call, counted as a step, with the sandbox's checks."""
        _tick()
        target = getattr(obj, "__wrapped__", obj)
        owner = getattr(target, "__self__", None)
        if isinstance(owner, (str, list, tuple, dict)):
            _check_numbers([*args, *kwargs.values()])
            method = getattr(target, "__name__", "")
            if method in ("format", "format_map"):
                _check_format(owner)
            if method == "join" and args:
                # "sep".join(items): sized before it is joined.
                items = args[0] if isinstance(args[0], (str, list, tuple)) else list(args[0])
                args = (items, *args[1:])
                _check_growth("join", items, (owner,), {})
            else:
                _check_growth(method, owner, args, kwargs)
        return _sized(super().call(context, obj, *args, **kwargs))

    def getattr(self, obj: Any, attribute: str) -> Any:
        """An attribute look-up, counted as a step."""
        _tick()
        return super().getattr(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        """An item look-up, counted as a step."""
        _tick()
        return super().getitem(obj, argument)


class SizedFileLoader(jinja2.FileSystemLoader):
    """A file loader that refuses a template file too large to be a line of text."""

    def get_source(self, environment: jinja2.Environment, template: str
                   ) -> tuple[str, str, Callable[[], bool]]:
        """The template's source, file name and up-to-date check, as jinja2's loader.

        Raises:
            TemplateLimit: The file is larger than ``MAX_TEMPLATE_BYTES``.
        """
        source, filename, uptodate = super().get_source(environment, template)
        if filename and Path(filename).stat().st_size > MAX_TEMPLATE_BYTES:
            raise TemplateLimit(f"is {Path(filename).stat().st_size:,} bytes; a template may "
                                f"be at most {MAX_TEMPLATE_BYTES:,}", path=filename)
        return source, filename, uptodate


def run_bounded(env: jinja2.Environment, render: Callable[[], Iterable[str]]) -> str:
    """Run ``render`` (which loads and generates a template) under a fresh budget.

    Raises:
        TemplateLimit: A limit was passed (output, steps, time, sizes).
    """
    budget = _Budget()
    token = _current.set(budget)
    out: list[str] = []
    try:
        size = 0
        for piece in render():
            size += len(piece)
            if size > MAX_OUTPUT:
                raise TemplateLimit(f"produces more than {MAX_OUTPUT:,} characters")
            out.append(piece)
    finally:
        _current.reset(token)
        if isinstance(env, BoundedEnvironment):
            env.steps_used += budget.steps
    if isinstance(env, BoundedEnvironment) and env.steps_used > MAX_BUILD_STEPS:
        raise TemplateLimit(f"took more than {MAX_BUILD_STEPS:,} steps over the booklet's "
                            "pages; make its loops smaller")
    return "".join(out)
