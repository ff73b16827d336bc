"""The windowed program of the bundle: the Start-menu entry and `.visit.json` double-clicks.

A windowed program on Windows has no console, so `sys.stdout` is None: anything printed goes to
a buffer, and a failed import is shown in a message box instead of being lost.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from visitdesk.cli import main


def _exchange_files(argv: list[str]) -> list[str]:
    """Files the desktop passed because the officer opened them (`visitdesk-gui FILE`)."""
    return [a for a in argv if a.lower().endswith(".visit.json") and Path(a).is_file()]


def _show_error(text: str) -> None:
    from PySide6.QtWidgets import QApplication, QMessageBox

    app = QApplication.instance() or QApplication(sys.argv[:1])
    QMessageBox.warning(None, "VisitDesk", text)
    del app


def run(argv: list[str]) -> int:
    files = _exchange_files(argv)
    if not files:
        return main(argv)
    # Options such as --data-dir apply to the import and to the window alike.
    options = [a for a in argv if a not in files]
    messages = io.StringIO()
    stdout, stderr = sys.stdout, sys.stderr
    sys.stdout = sys.stderr = messages
    try:
        code = main([*options, "import", *files])
    finally:
        sys.stdout, sys.stderr = stdout, stderr
    if code != 0:
        _show_error("The file could not be imported.\n\n" + messages.getvalue().strip())
    return main(options)


if __name__ == "__main__":
    raise SystemExit(run(sys.argv[1:]))
