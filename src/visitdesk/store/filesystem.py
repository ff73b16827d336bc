"""What the folder of a database file allows: writing at all, and SQLite's WAL mode.

SQLite's documentation says WAL does not work on a network file system (its shared-memory
index cannot be shared between machines), which is exactly where a small office puts a shared
file; there the rollback journal is used instead.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path, PureWindowsPath

# Linux mount types that are a network (or a host share seen through a VM).
NETWORK_FILE_SYSTEMS = frozenset(
    {"nfs", "nfs4", "cifs", "smbfs", "smb3", "ncpfs", "afs", "9p", "fuse.sshfs", "davfs",
     "fuse.rclone", "glusterfs", "ceph", "lustre", "vboxsf", "prl_fs", "fuse.gvfsd-fuse"}
)  # fmt: skip
DRIVE_REMOTE = 4  # GetDriveTypeW


def is_network_path(path: Path) -> bool:
    """True when the file lies on a network share (best effort: False when it cannot tell)."""
    if sys.platform == "win32":
        return _windows_is_remote(path)
    return _mount_type(path.resolve()) in NETWORK_FILE_SYSTEMS


def is_unc_path(path: str) -> bool:
    r"""`\\server\share\...`: always a network path on Windows."""
    return PureWindowsPath(path).drive.startswith("\\\\")


def _windows_is_remote(path: Path) -> bool:  # pragma: no cover - Windows only
    if is_unc_path(str(path)):
        return True
    import ctypes

    drive = PureWindowsPath(str(path.resolve())).drive
    if not drive:
        return False
    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined,unused-ignore]
    return bool(kernel32.GetDriveTypeW(f"{drive}\\") == DRIVE_REMOTE)


def _mount_type(path: Path, mounts: Path = Path("/proc/self/mounts")) -> str | None:
    try:
        with mounts.open(encoding="utf-8", errors="replace") as stream:
            entries = [line.split() for line in stream]
    except OSError:
        return None
    best: tuple[int, str] | None = None
    text = str(path)
    for fields in entries:
        if len(fields) < 3:
            continue
        mount_point = fields[1].replace("\\040", " ")
        inside = text == mount_point or text.startswith(mount_point.rstrip("/") + "/")
        if inside and (best is None or len(mount_point) > best[0]):
            best = (len(mount_point), fields[2])
    return best[1] if best else None


def can_write(path: Path) -> bool:
    """Whether VisitDesk may change the database file (and make its journal beside it)."""
    folder = path.parent
    if path.exists() and not os.access(path, os.W_OK):
        return False
    return os.access(folder, os.W_OK | os.X_OK)
