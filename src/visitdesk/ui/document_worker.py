"""The one worker thread on which every PDF of the window is drawn.

reportlab keeps global font state, so two documents must never be drawn at the same time:
the press release previews of every open visit and the briefing packs all queue here.
A plain Python thread: PySide's QRunnable subclasses have shown refcount faults at
interpreter exit on shiboken6 6.12 / Python 3.11.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

_pool: ThreadPoolExecutor | None = None


def document_pool() -> ThreadPoolExecutor:
    global _pool
    if _pool is None:
        _pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="documents")
    return _pool
