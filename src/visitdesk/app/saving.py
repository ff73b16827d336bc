"""Files the app layer writes for an officer: checked first, then written whole or not at all.

The sentences name the officer's file (never our temporary one) and are the same in the window
and on the command line.
"""

from __future__ import annotations

from pathlib import Path

from visitdesk import files
from visitdesk.app.errors import RefusedError


def check_target(path: Path) -> None:
    """Refuse, before any work, a file that cannot be written where the officer asked."""
    if path.is_dir():
        raise RefusedError(f"{path} is a folder. Give the name of the file to write.")
    if not path.parent.is_dir():
        raise RefusedError(
            f"Cannot write {path.name}: its folder does not exist ({path.parent}). Create "
            "it, or choose another folder."
        )


def write(path: Path, data: bytes) -> None:
    """`data` to `path` whole or not at all; a failure is one sentence naming the file."""
    try:
        files.write_bytes(path, data)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        if not path.parent.is_dir():
            reason = "its folder does not exist"
        raise RefusedError(
            f"Cannot write {path}: {reason}. Nothing was written; if another program has the "
            "file open, close it and try again."
        ) from exc
