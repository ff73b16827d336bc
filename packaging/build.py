"""Build VisitDesk for this platform with one command.

    python packaging/build.py [--no-installer]

1. makes sure PyInstaller (the pinned `packaging` extra) is installed in this Python;
2. builds the one-folder app into packaging/dist/visitdesk/ (programs `visitdesk` and
   `visitdesk-gui`);
3. on Windows, compiles the Inno Setup installer (packaging/windows/visitdesk.iss) into
   packaging/dist/ if Inno Setup 6 is installed; on Linux, adds the .desktop entry, the icons
   and install.sh to the folder and packs it as a .tar.gz.

Prints how long it took and how large the app is.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
DIST = PACKAGING / "dist"
WORK = PACKAGING / "build"
APP = DIST / "visitdesk"
PYINSTALLER_PIN = "pyinstaller==6.22.3"  # the same pin as the `packaging` extra in pyproject
INNO_SETUP = [
    Path(os.environ.get("PROGRAMFILES(X86)", r"C:\Program Files (x86)"))
    / "Inno Setup 6"
    / "ISCC.exe",
    Path(os.environ.get("PROGRAMFILES", r"C:\Program Files")) / "Inno Setup 6" / "ISCC.exe",
]


class BuildError(Exception):
    pass


def version() -> str:
    sys.path.insert(0, str(ROOT / "src"))
    from visitdesk import __version__

    return __version__


def ensure_pyinstaller() -> None:
    if importlib.util.find_spec("PyInstaller") is None:
        print(f"Installing {PYINSTALLER_PIN} into {sys.prefix} ...", flush=True)
        done = subprocess.run([sys.executable, "-m", "pip", "install", "-q", PYINSTALLER_PIN])
        if done.returncode != 0:
            raise BuildError("Installing PyInstaller failed (pip's message is above).")


def build_bundle() -> None:
    command = [
        sys.executable, "-m", "PyInstaller", str(PACKAGING / "visitdesk.spec"),
        "--noconfirm", "--clean", "--log-level", "WARN",
        "--distpath", str(DIST), "--workpath", str(WORK),
    ]  # fmt: skip
    if subprocess.run(command, cwd=ROOT).returncode != 0:
        raise BuildError("PyInstaller failed (its messages are above).")


def finish_linux(app_version: str) -> Path:
    """The .desktop entry, icons and install script go inside the folder, then a tarball."""
    share = APP / "share"
    (share / "applications").mkdir(parents=True, exist_ok=True)
    shutil.copy2(PACKAGING / "linux" / "visitdesk.desktop", share / "applications")
    (share / "mime" / "packages").mkdir(parents=True, exist_ok=True)
    shutil.copy2(PACKAGING / "linux" / "visitdesk-mime.xml", share / "mime" / "packages")
    for png in sorted((ROOT / "resources" / "icons").glob("visitdesk-*.png")):
        size = png.stem.split("-")[1]
        target = share / "icons" / "hicolor" / f"{size}x{size}" / "apps"
        target.mkdir(parents=True, exist_ok=True)
        shutil.copy2(png, target / "visitdesk.png")
    scalable = share / "icons" / "hicolor" / "scalable" / "apps"
    scalable.mkdir(parents=True, exist_ok=True)
    shutil.copy2(ROOT / "resources" / "icons" / "visitdesk.svg", scalable / "visitdesk.svg")
    shutil.copy2(PACKAGING / "linux" / "install.sh", APP / "install.sh")
    archive = DIST / f"visitdesk-{app_version}-linux-x86_64.tar.gz"
    with tarfile.open(archive, "w:gz", compresslevel=6) as tar:
        tar.add(APP, arcname="visitdesk")
    return archive


def finish_windows(app_version: str) -> Path | None:
    iscc = shutil.which("iscc") or next((str(p) for p in INNO_SETUP if p.exists()), None)
    if iscc is None:
        print("Inno Setup 6 is not installed: the app folder is built, the installer is not. "
              "Install it from https://jrsoftware.org/isdl.php and run this again.")  # fmt: skip
        return None
    script = PACKAGING / "windows" / "visitdesk.iss"
    command = [iscc, f"/DAppVersion={app_version}", f"/O{DIST}", str(script)]
    if subprocess.run(command).returncode != 0:
        raise BuildError("Inno Setup failed (its messages are above).")
    return DIST / f"VisitDesk-{app_version}-setup.exe"


def folder_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--no-installer", action="store_true", help="build the app folder only, not the package"
    )
    args = parser.parse_args(argv)
    started = time.monotonic()
    try:
        ensure_pyinstaller()
        build_bundle()
        bundle_seconds = time.monotonic() - started
        package = None
        if not args.no_installer:
            app_version = version()
            package = (
                finish_windows(app_version)
                if sys.platform == "win32"
                else finish_linux(app_version)
            )
    except BuildError as exc:
        print(f"build: {exc}", file=sys.stderr)
        return 1
    size_mb = folder_size(APP) / 1e6
    print(f"Built {APP} in {bundle_seconds:.1f} s: {size_mb:.0f} MB")
    if package is not None:
        print(f"Package: {package} ({package.stat().st_size / 1e6:.0f} MB)")
    print(f"Total: {time.monotonic() - started:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
