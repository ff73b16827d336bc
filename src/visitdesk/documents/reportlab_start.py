"""What importing reportlab costs a process that prints one page, and the part of it put off.

`reportlab.platypus.paragraph` compiles, as it is imported, one regular expression that
recognises web addresses in any script: case-insensitive over the whole of `\\xa1-\\uffff`,
~40 ms of sre's work on an office PC, in every process that makes a PDF (an eighth of a
reprinted press release). reportlab uses it only to decide whether a `<link>` in Paragraph
markup is a web address, which VisitDesk's documents never write. `defer_link_pattern()`,
called before reportlab's platypus is first imported, lets that one pattern be compiled when
it is first used instead; every other pattern is compiled as `re.compile` always does, and
once the module is imported `re.compile` is itself again.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import re
import sys
import threading
from collections.abc import Sequence
from importlib.machinery import ModuleSpec
from types import ModuleType
from typing import Any

_MODULE = "reportlab.platypus.paragraph"
_PATTERN_START = "(^(?:[a-z0-9\\.\\-\\+]*)://)"


class DeferredPattern:
    """A compiled pattern made on first use: `match`, `search` and the rest are the real one's."""

    def __init__(self, pattern: str, flags: int) -> None:
        self.pattern = pattern
        self.flags = flags
        self._compiled: re.Pattern[str] | None = None
        self._lock = threading.Lock()

    def compiled(self) -> re.Pattern[str]:
        with self._lock:
            if self._compiled is None:
                self._compiled = re.compile(self.pattern, self.flags)
            return self._compiled

    def __getattr__(self, name: str) -> Any:
        return getattr(self.compiled(), name)


def _compile_deferring(real: Any) -> Any:
    def compile_in_import(pattern: Any, flags: Any = 0) -> Any:
        caller = sys._getframe(1).f_globals.get("__name__")
        if caller == _MODULE and isinstance(pattern, str) and pattern.startswith(_PATTERN_START):
            return DeferredPattern(pattern, flags)
        return real(pattern, flags)

    return compile_in_import


class _Loader(importlib.abc.Loader):
    def __init__(self, loader: importlib.abc.Loader) -> None:
        self.loader = loader

    def create_module(self, spec: ModuleSpec) -> ModuleType | None:
        return self.loader.create_module(spec)

    def exec_module(self, module: ModuleType) -> None:
        real = re.compile
        re.compile = _compile_deferring(real)
        try:
            self.loader.exec_module(module)
        finally:
            re.compile = real


class _Finder(importlib.abc.MetaPathFinder):
    """Finds reportlab's paragraph module as Python would, and loads it through `_Loader`."""

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        if fullname != _MODULE:
            return None
        sys.meta_path.remove(self)  # once: this very search, and never again
        spec = importlib.machinery.PathFinder.find_spec(fullname, path, target)
        if spec is None or spec.loader is None:
            return spec
        spec.loader = _Loader(spec.loader)
        return spec


def defer_link_pattern() -> None:
    """Have reportlab's paragraph module, whenever it is first imported, leave its web-address
    pattern to first use. Costs nothing until then (a process that never draws never pays)."""
    if _MODULE in sys.modules or any(isinstance(f, _Finder) for f in sys.meta_path):
        return
    sys.meta_path.insert(0, _Finder())
