"""Keep PySide6 6.12 from crashing VisitDesk on Python 3.11.

Measured here (shiboken6 6.12.0, Python 3.11): every call of a Qt method that returns nothing
(`setText`, `setReadOnly`, `beginResetModel`…) lowers the reference count of `None` by one,
and some bool-returning calls do the same to `True`/`False`. Python 3.12 made these objects
immortal, so the missing increment does no harm there; on 3.11 `None` starts near 5,000 and the
process aborts with "deallocating None" after a few thousand such calls: within minutes of an
officer's work, or at exit of a test run.

Until the project runs on Python 3.12 or a fixed shiboken6, the counts of these singletons are
raised far beyond what a process can ever lower them (2**40 calls would take days of nothing
but Qt calls), which makes them as good as immortal, as they are on 3.12.
"""

from __future__ import annotations

import ctypes
import sys

# Half the headroom of a 64-bit count: never reached, never overflows.
_PIN = 1 << 40
_pinned = False


def pin_singletons() -> None:
    """Make None, True and False immortal in effect (once per process; no-op on 3.12+)."""
    global _pinned
    if _pinned or sys.version_info >= (3, 12):
        return
    for singleton in (None, True, False):
        # ob_refcnt is the first field of every object in a release build of CPython.
        count = ctypes.c_ssize_t.from_address(id(singleton))
        count.value += _PIN
    _pinned = True
