"""Files VisitDesk writes for officers (exports, PDFs, lists, calendars): whole or not at all.

Each is written under a temporary name beside its target and renamed only once complete, so a
full disk, a crash or a refused write never leaves a 0-byte or half file under the real name
(which would look like a good export), and an older file of that name stays as it was.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def replacing(path: Path) -> Iterator[Path]:
    """A temporary path to write; on success it becomes `path`, on failure it is removed."""
    temporary = path.with_name(f".{path.name}.part")
    try:
        yield temporary
        with temporary.open("rb+") as stream:
            os.fsync(stream.fileno())  # on disk before the rename makes it the real file
        temporary.replace(path)
    except OSError as exc:
        # The officer named `path`, not our temporary file: say what they know.
        if exc.filename == str(temporary) or exc.filename == temporary:
            missing = not path.parent.is_dir()
            reason = "its folder does not exist" if missing else (exc.strerror or str(exc))
            raise OSError(exc.errno, reason, str(path)) from exc
        raise
    finally:
        temporary.unlink(missing_ok=True)


def write_bytes(path: Path, data: bytes) -> None:
    with replacing(path) as temporary:
        temporary.write_bytes(data)


def write_text(path: Path, text: str, encoding: str = "utf-8") -> None:
    with replacing(path) as temporary:
        temporary.write_text(text, encoding=encoding, newline="\n")
